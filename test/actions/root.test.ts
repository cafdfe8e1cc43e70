import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/actions/root/main.js';
import { parseOutputFile, runWithInputs } from '../helpers/action.js';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.js';
import { tempDir, writeTree } from '../helpers/catalog.js';
import { startHttps } from '../helpers/https.js';

const passing = join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml');
// In snapshot mode overlays whose own constraints fail are left out of the recipe, so only the
// base recipe's floor (Kubernetes >= 1.25) is left to fail: a 1.24 cluster fails it.
const tooOld = writeTree({
  'snapshot.yaml': { kind: 'Snapshot', apiVersion: 'aicr.run/v1', measurements: [{ type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.24.17-eks-2d98532' } }] }] },
});
const failing = join(tooOld, 'snapshot.yaml');
// A service of a data catalog whose overlay has no constraints: only the base floor applies.
const privateService = writeTree({
  'registry.yaml': { apiVersion: 'aicr.nvidia.com/v1alpha1', kind: 'ComponentRegistry', components: [] },
  'overlays/mycloud.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { name: 'mycloud' }, spec: { criteria: { service: 'mycloud' } } },
});

describe('root action: recipe → validate → bundle → verify', () => {
  it('runs every stage in one step, writes one summary and a bundle that sha256sum accepts', async () => {
    const result = await runWithInputs(run, { snapshot: passing, intent: 'training', platform: 'kubeflow', deployer: 'flux', repo: 'https://github.com/example/gitops.git' });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs['recipe-path']).toBe('aicr/recipe.yaml');
    const recipe = parse(readFileSync(join(result.cwd, 'aicr/recipe.yaml'), 'utf8'));
    // Criteria detected from the snapshot (eks, h100, ubuntu) plus the inputs.
    expect(recipe.criteria).toMatchObject({ service: 'eks', accelerator: 'h100', os: 'ubuntu', intent: 'training', platform: 'kubeflow' });
    expect(result.outputs['validation-status']).toBe('pass');
    expect(existsSync(join(result.cwd, 'aicr/validation/junit.xml'))).toBe(true);
    expect(result.outputs['bundle-dir']).toBe('aicr/bundle');
    expect(Number(result.outputs.files)).toBeGreaterThan(20);
    const check = spawnSync('sha256sum', ['--quiet', '-c', 'checksums.txt'], { cwd: join(result.cwd, 'aicr/bundle'), encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    for (const heading of ['AICR recipe', 'AICR validate', 'AICR bundle', 'AICR bundle verification']) expect(result.summary).toContain(`<h2>${heading}</h2>`);
    expect(result.summary.match(/<h2>AICR recipe<\/h2>/g)).toHaveLength(1);
  });

  it('stops before bundling when a constraint fails, with annotations at the recipe lines', async () => {
    // A service whose overlay has no constraints of its own (given over the detected eks), so the
    // base recipe's floor is what fails. (Excluding the eks overlays instead would leave eks
    // uncovered, which upstream's coverage rule refuses before validation.)
    const result = await runWithInputs(run, { service: 'mycloud', data: privateService, snapshot: failing });
    expect(result.exitCode, result.stdout).toBe(10);
    const recipe = parse(readFileSync(join(result.cwd, 'aicr/recipe.yaml'), 'utf8'));
    expect(recipe.metadata.appliedOverlays).toEqual(['base', 'monitoring-hpa', 'mycloud']);
    expect(result.outputs['validation-status']).toBe('fail');
    expect(result.outputs['bundle-dir']).toBeUndefined();
    expect(existsSync(join(result.cwd, 'aicr/bundle'))).toBe(false);
    const annotations = result.commands.filter((c) => c.command === 'error' && c.properties.file === 'aicr/recipe.yaml');
    expect(annotations.length).toBeGreaterThan(0);
    const lines = readFileSync(join(result.cwd, 'aicr/recipe.yaml'), 'utf8').split('\n');
    for (const annotation of annotations) expect(lines[Number(annotation.properties.line) - 1]).toContain(annotation.properties.title);
  });

  it('bundles anyway with fail-on-error false, and stops after the recipe with deployer none', async () => {
    const anyway = await runWithInputs(run, { service: 'mycloud', data: privateService, snapshot: failing, 'fail-on-error': 'false' });
    expect(anyway.exitCode).toBe(0);
    expect(anyway.outputs['validation-status']).toBe('fail');
    expect(anyway.outputs['bundle-dir']).toBe('aicr/bundle');
    const recipeOnly = await runWithInputs(run, { service: 'kind', intent: 'inference', deployer: 'none' });
    expect(recipeOnly.exitCode).toBe(0);
    expect(recipeOnly.outputs['recipe-path']).toBe('aicr/recipe.yaml');
    expect(existsSync(join(recipeOnly.cwd, 'aicr/bundle'))).toBe(false);
  });

  it('refuses a bad deployer and an occupied bundle directory with their exit codes', async () => {
    const bad = await runWithInputs(run, { service: 'eks', deployer: 'kustomize' });
    expect(bad.exitCode).toBe(2);
    expect(bad.commands.find((c) => c.command === 'error')?.message).toMatch(/helm.*argocd/);
    const first = await runWithInputs(run, { service: 'eks' });
    expect(first.exitCode).toBe(0);
    const again = await runWithInputs(run, { service: 'eks' }, { cwd: first.cwd });
    expect(again.exitCode).toBe(2);
    const replaced = await runWithInputs(run, { service: 'eks', force: 'true' }, { cwd: first.cwd });
    expect(replaced.exitCode).toBe(0);
  });

  it('counts the bundle\'s files in files (checksums.txt included), and refuses set without a deployer', async () => {
    const result = await runWithInputs(run, { service: 'eks', intent: 'training', deployer: 'helm' });
    expect(result.exitCode, result.stdout).toBe(0);
    const listed = readFileSync(join(result.cwd, 'aicr/bundle/checksums.txt'), 'utf8').trim().split('\n').length;
    expect(Number(result.outputs.files)).toBe(listed + 1);
    const none = await runWithInputs(run, { service: 'eks', deployer: 'none', set: 'gpuoperator:driver.version=1' });
    expect(none.exitCode).toBe(2);
    expect(none.commands.at(-1)?.message).toContain('input "set" needs a bundle, but input "deployer" is none');
  });

  it('names its folder after what was resolved (output-dir placeholders)', async () => {
    const result = await runWithInputs(run, { service: 'eks', accelerator: 'h100', intent: 'training', deployer: 'helmfile', 'output-dir': 'out/{{criteria.service}}-{{criteria.accelerator}}-{{deployer}}' });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs['recipe-path']).toBe('out/eks-h100-helmfile/recipe.yaml');
    expect(result.outputs['bundle-dir']).toBe('out/eks-h100-helmfile/bundle');
    expect(existsSync(join(result.cwd, 'out/eks-h100-helmfile/bundle/checksums.txt'))).toBe(true);
  });

  it('reads an https snapshot once for criteria and validation (the committed build, as the runner starts it)', async () => {
    let requests = 0;
    const server = await startHttps((_req, res) => {
      requests++;
      res.end(readFileSync(passing));
    });
    try {
      const dir = tempDir();
      const outputFile = join(dir, 'github-output');
      writeFileSync(outputFile, '');
      const child = await runNode([join(REPO_ROOT, 'dist', 'root', 'index.js')], {
        cwd: dir,
        env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: server.caFile, GITHUB_OUTPUT: outputFile, INPUT_SNAPSHOT: `${server.url}/snapshot.yaml`, INPUT_INTENT: 'training', INPUT_DEPLOYER: 'none' },
      });
      expect(child.code, child.output).toBe(0);
      expect(requests).toBe(1);
      expect(parseOutputFile(readFileSync(outputFile, 'utf8'))).toMatchObject({ 'validation-status': 'pass', 'recipe-path': 'aicr/recipe.yaml' });
    } finally {
      await server.close();
    }
  });
});

/** Runs node without blocking the event loop (the https server lives in this process). */
function runNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

describe('root action: overlays a snapshot excluded', () => {
  // A data catalog adds an eks training overlay for Kubernetes >= 1.40, which the 1.33 snapshot
  // fails: it is left out, and the embedded eks overlays still cover every criteria field (upstream's
  // coverage rule refuses a recipe whose stated fields only excluded overlays carried).
  const data = writeTree({
    'registry.yaml': { apiVersion: 'aicr.nvidia.com/v1alpha1', kind: 'ComponentRegistry', components: [] },
    'overlays/eks-training-next.yaml': {
      kind: 'RecipeMetadata',
      apiVersion: 'aicr.nvidia.com/v1alpha1',
      metadata: { name: 'eks-training-next' },
      spec: { criteria: { service: 'eks', intent: 'training' }, constraints: [{ name: 'K8s.server.version', value: '>= 1.40' }] },
    },
  });
  const snapshot = passing;

  it('annotates each one as a warning at its line in recipe.yaml, naming the failed constraint, and bundles', async () => {
    const result = await runWithInputs(run, { snapshot, data, intent: 'training', deployer: 'helm' });
    expect(result.exitCode, result.stdout).toBe(0);
    const recipe = parse(readFileSync(join(result.cwd, 'aicr/recipe.yaml'), 'utf8'));
    const excluded: string[] = recipe.metadata.excludedOverlays;
    expect(excluded).toEqual(['eks-training-next']);
    const warnings = result.commands.filter((c) => c.command === 'warning' && c.properties.title?.startsWith('excluded overlay '));
    expect(warnings.map((w) => w.properties.title)).toEqual(excluded.map((name) => `excluded overlay ${name}`));
    const lines = readFileSync(join(result.cwd, 'aicr/recipe.yaml'), 'utf8').split('\n');
    for (const [index, warning] of warnings.entries()) {
      expect(warning.properties.file).toBe('aicr/recipe.yaml');
      expect(lines[Number(warning.properties.line) - 1]).toContain(excluded[index]);
    }
    expect(warnings.find((w) => w.properties.title === 'excluded overlay eks-training-next')!.message).toBe('overlay eks-training-next was left out of the recipe: the snapshot fails its constraint K8s.server.version (expected >= 1.40, got v1.33.5-eks-3025e55)');
    expect(result.outputs['bundle-dir']).toBe('aicr/bundle');
  });

  it('with strict, they are errors and the run stops before bundling (exit 10)', async () => {
    const result = await runWithInputs(run, { snapshot, data, intent: 'training', deployer: 'helm', strict: 'true' });
    expect(result.exitCode).toBe(10);
    const errors = result.commands.filter((c) => c.command === 'error' && c.properties.title?.startsWith('excluded overlay '));
    expect(errors.length).toBe(1);
    expect(result.stdout).toContain('no bundle was written: the snapshot excluded overlay eks-training-next');
    expect(result.stdout).toContain('set input "strict" to false');
    expect(existsSync(join(result.cwd, 'aicr/bundle'))).toBe(false);
    expect(result.outputs['recipe-path']).toBe('aicr/recipe.yaml');
  });

  it('with strict and nothing excluded, bundles as usual', async () => {
    const result = await runWithInputs(run, { snapshot: passing, intent: 'training', deployer: 'helm', strict: 'true' });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.commands.filter((c) => c.properties.title?.startsWith('excluded overlay '))).toEqual([]);
  });
});
