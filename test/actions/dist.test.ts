/**
 * Every action's committed build (dist/<action>/index.js), started as the runner starts it:
 * plain node, inputs as INPUT_* variables, outputs and summary through GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. The other action tests drive the sources in process; these catch
 * what only the bundle can break (chunk loading, lazily loaded libraries, CommonJS interop).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runActionBuild } from '../helpers/runner.js';
import { FIXTURES, REPO_ROOT, UPSTREAM_EXAMPLES, upstreamMockSnapshot } from '../helpers/paths.js';
import { fakeToolsEnv } from '../core/snapshot/fake-tools.js';

const scratch = mkdtempSync(join(tmpdir(), 'aicr-dist-actions-'));
const fakes = fakeToolsEnv({
  'nvidia-smi': { expectArgs: '-q -x', stdoutFile: join(UPSTREAM_EXAMPLES, 'nvidia-smi-q-x-h100x8.xml') },
  systemctl: { stdoutFile: join(REPO_ROOT, 'test', 'fixtures', 'snapshot', 'systemctl-show.txt') },
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(fakes.bin, { recursive: true, force: true });
});

function runAction(name: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []) {
  return runActionBuild(name, inputs, { env: { RUNNER_TEMP: scratch, ...env }, nodeArgs, cwd: mkdtempSync(join(scratch, `${name}-`)) });
}

const criteria = { service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu', platform: 'kubeflow' };
const mockSnapshot = upstreamMockSnapshot();

describe('the committed build of each action', () => {
  const recipe = runAction('recipe', criteria);
  const recipePath = join(recipe.workspace, recipe.outputs['recipe-path'] ?? 'recipe.yaml');
  const bundle = runAction('bundle', { recipe: recipePath });

  it('recipe', () => {
    expect(recipe.code, recipe.log).toBe(0);
    expect(recipe.outputs['applied-overlays']).toContain('h100-eks-ubuntu-training-kubeflow');
    expect(JSON.parse(recipe.outputs.components!).length).toBeGreaterThan(5);
    expect(recipe.summary).toContain('gpu-operator');
  });

  it('writes each output with its own random delimiter, without loading node:crypto', () => {
    const probe = join(scratch, 'probe.cjs');
    const loaded = join(scratch, 'loaded-modules.json');
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(process.moduleLoadList)));`);
    const run = runAction('recipe', criteria, {}, ['--require', probe]);
    expect(run.code, run.log).toBe(0);
    const delimiters = [...run.outputText.matchAll(/^[a-z-]+<<(.+)$/gm)].map((match) => match[1]!);
    // One heredoc per output the recipe action writes, each with its own delimiter.
    expect(delimiters).toHaveLength(Object.keys(run.outputs).length);
    expect(delimiters.length).toBeGreaterThanOrEqual(4);
    expect(new Set(delimiters).size).toBe(delimiters.length);
    for (const delimiter of delimiters) expect(delimiter).toMatch(/^ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(JSON.parse(readFileSync(loaded, 'utf8'))).not.toContain('NativeModule crypto');
  });

  it('validate, also on a snapshot that needs the full YAML library', () => {
    const plain = runAction('validate', { recipe: recipePath, snapshot: mockSnapshot });
    expect(plain.code, plain.log).toBe(0);
    expect(plain.outputs.status).toMatch(/^(pass|partial)$/);
    const anchoredSnapshot = join(scratch, 'snapshot-anchored.yaml');
    writeFileSync(anchoredSnapshot, readFileSync(mockSnapshot, 'utf8').replace('version: v1.33.0', 'version: &server v1.33.0'));
    const anchored = runAction('validate', { recipe: recipePath, snapshot: anchoredSnapshot });
    expect(anchored.code, anchored.log).toBe(0);
    expect(anchored.outputs).toMatchObject({ status: plain.outputs.status, passed: plain.outputs.passed, failed: plain.outputs.failed });
  });

  it('bundle and verify-checksums', () => {
    expect(bundle.code, bundle.log).toBe(0);
    expect(bundle.outputs.deployer).toBe('helm');
    const verify = runAction('verify-checksums', { 'bundle-dir': join(bundle.workspace, bundle.outputs['bundle-dir']!) });
    expect(verify.code, verify.log).toBe(0);
    expect(verify.outputs).toMatchObject({ verified: 'true', problems: '0', files: String(Number(bundle.outputs.files) - 1) }); // all but checksums.txt
  });

  it('snapshot (local collectors)', () => {
    const snapshot = runAction('snapshot', {}, { PATH: `${fakes.bin}:${process.env.PATH}`, HOME: scratch });
    expect(snapshot.code, snapshot.log).toBe(0);
    expect(snapshot.outputs['gpu-count']).toBe('8');
    expect(readFileSync(join(snapshot.workspace, snapshot.outputs['snapshot-path']!), 'utf8')).toContain('kind: Snapshot');
  });

  it('root (recipe, validate, bundle, verify)', () => {
    // Upstream's v0.11.1 mock node (kernel 5.x) fails the 2026 ubuntu overlays' constraints, so the
    // coverage rule refuses it; the passing EKS H100 fixture meets them all.
    const root = runAction('root', { ...criteria, snapshot: join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml') });
    expect(root.code, root.log).toBe(0);
    expect(root.outputs['validation-status']).toBe('pass');
    expect(Number(root.outputs.files)).toBeGreaterThan(10);
  });

  it('a bad input fails the step with its exit code and the input named, and sets no output', () => {
    const failed = runAction('recipe', { ...criteria, service: 'nope' });
    expect(failed.code).toBe(2);
    expect(failed.log).toMatch(/::error::[^\n]*input "service" must be one of/);
    expect(failed.outputs).toEqual({});
  });
});
