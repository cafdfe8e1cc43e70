import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import * as core from '@actions/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/actions/snapshot/main.js';
import { parseOutputFile, runWithInputs } from '../helpers/action.js';
import { FIXTURES, REPO_ROOT, UPSTREAM_EXAMPLES } from '../helpers/paths.js';
import { emptyPathEnv, fakeToolsEnv } from '../core/snapshot/fake-tools.js';
import { simulateAgentJobs } from '../fake-kube/index.js';
import { useFakeCluster } from '../fake-kube/harness.js';

/** A self-hosted GPU runner: nvidia-smi and systemctl answer from fixtures; no cluster credentials. */
function gpuRunner(): Record<string, string> {
  const { env } = fakeToolsEnv({
    'nvidia-smi': { expectArgs: '-q -x', stdoutFile: join(UPSTREAM_EXAMPLES, 'nvidia-smi-q-x-h100x8.xml') },
    systemctl: { stdoutFile: join(FIXTURES, 'snapshot', 'systemctl-show.txt') },
  }, { PATH: process.env.PATH });
  return { PATH: env.PATH!, HOME: '/nonexistent', NODE_NAME: 'gpu-node-1' };
}
const cpuRunner = (): Record<string, string> => ({ PATH: emptyPathEnv().PATH!, HOME: '/nonexistent' });
/**
 * Inputs of one run only: runWithInputs leaves the previous run's INPUT_* variables set, and
 * @actions/core caches the first GITHUB_STEP_SUMMARY path it saw for the life of the process.
 */
function only(inputs: Record<string, string>): Record<string, string> {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  return inputs;
}
beforeEach(() => {
  only({});
});

describe('actions/snapshot (local mode)', () => {
  it('writes the snapshot, sets every output and summarises what was measured and what was unavailable', async () => {
    const result = await runWithInputs(run, {}, { env: gpuRunner() });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs).toEqual({
      'snapshot-path': 'snapshot.yaml', configmap: '', 'gpu-count': '8', 'k8s-version': '', unavailable: 'k8s,topology', drift: '',
    });
    const snapshot = parse(readFileSync(join(result.cwd, 'snapshot.yaml'), 'utf8'));
    expect(snapshot.measurements.find((m: { type: string }) => m.type === 'GPU').subtypes).toHaveLength(9);
    expect(result.summary).toContain('<h2>AICR snapshot</h2>');
    expect(result.summary).toContain('<td>GPUs</td><td>8 × NVIDIA H100 80GB HBM3</td>');
    expect(result.summary).toContain('<td>driver / CUDA</td><td>570.86.15 / 12.8</td>');
    expect(result.summary).toMatch(/<td>GPU<\/td><td>✅ measured<\/td><td>\d+<\/td>/);
    expect(result.summary).toContain('<td>K8s</td><td>⛔ unavailable</td><td>0</td><td>no Kubernetes access');
    const warnings = result.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    expect(warnings).toContain('K8s: unavailable: no Kubernetes access: no --kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a pod');
  });

  it('records absent sources on a runner without GPU tools, and require turns that into exit 3 with nothing written', async () => {
    const plain = await runWithInputs(run, { format: 'json', output: 'snapshot.json' }, { env: cpuRunner() });
    expect(plain.exitCode).toBe(0);
    expect(plain.outputs['gpu-count']).toBe('');
    expect(plain.outputs.unavailable).toBe('k8s,systemd,gpu,topology');
    expect(JSON.parse(readFileSync(join(plain.cwd, 'snapshot.json'), 'utf8')).measurements.find((m: { type: string }) => m.type === 'GPU'))
      .toEqual({ type: 'GPU', unavailable: { reason: 'nvidia-smi not found on PATH' } });
    const required = await runWithInputs(run, only({ require: 'gpu, os' }), { env: cpuRunner() });
    expect(required.exitCode).toBe(3);
    expect(required.commands.at(-1)?.message).toContain('required source unavailable: gpu (nvidia-smi not found on PATH)');
    expect(required.commands.at(-1)?.message).toContain('exit code 3: not found');
    expect(existsSync(join(required.cwd, 'snapshot.yaml'))).toBe(false);
    expect(required.outputs['snapshot-path']).toBeUndefined();
  });

  it('reports drift against a baseline in the summary and as annotations; fail-on-drift exits 11', async () => {
    const first = await runWithInputs(run, { output: 'golden.yaml' }, { env: gpuRunner() });
    const golden = readFileSync(join(first.cwd, 'golden.yaml'), 'utf8');
    const drifted = golden.replace("driver: '570.86.15'", "driver: '565.57.01'").replace("cuda-version: '12.8'", "cuda-version: '12.7'");
    expect(drifted).not.toBe(golden);
    const setup = (text: string) => async () => {
      writeFileSync('golden.yaml', text);
      await run();
    };
    const clean = await runWithInputs(setup(golden), only({ baseline: 'golden.yaml', 'fail-on-drift': 'true' }), { env: gpuRunner() });
    expect(clean.exitCode, clean.stdout).toBe(0);
    expect(clean.outputs.drift).toBe('false');
    expect(clean.commands.some((c) => c.command === 'notice' && c.message.startsWith('no drift against golden.yaml'))).toBe(true);

    const warn = await runWithInputs(setup(drifted), only({ baseline: 'golden.yaml', 'diff-types': 'gpu' }), { env: gpuRunner() });
    expect(warn.exitCode).toBe(0);
    expect(warn.outputs.drift).toBe('true');
    const annotations = warn.commands.filter((c) => c.properties.title === 'snapshot drift (modified)');
    expect(annotations.map((c) => `${c.command} ${c.message}`)).toEqual(['warning GPU.smi.cuda-version: 12.7 → 12.8', 'warning GPU.smi.driver: 565.57.01 → 570.86.15']);
    expect(warn.summary).toContain('Drift against golden.yaml');
    expect(warn.summary).toContain('**Drift detected**: 0 added, 0 removed, 2 modified');
    expect(warn.summary).toContain('<td>modified</td><td><code>GPU.smi.driver</code></td><td>565.57.01</td><td>570.86.15</td>');

    const fail = await runWithInputs(setup(drifted), only({ baseline: 'golden.yaml', 'fail-on-drift': 'true', output: 'golden.yaml' }), { env: gpuRunner() });
    expect(fail.exitCode).toBe(11);
    expect(fail.outputs.drift).toBe('true');
    expect(fail.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual(expect.arrayContaining([
      'GPU.smi.driver: 565.57.01 → 570.86.15',
      'drift detected: 2 change(s) against golden.yaml',
    ]));
  });

  it('rejects bad inputs through the one failure path (exit 2)', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ format: 'xml' }, 'input "format": "xml" is not one of yaml, json, table'],
      [{ require: 'gpu,tpu' }, 'input "require": unknown source "tpu"'],
      [{ timeout: '10' }, 'input "timeout": "10" is not a duration'],
      [{ 'fail-on-drift': 'true' }, 'input "fail-on-drift" needs input "baseline": a snapshot to compare against'],
      [{ output: 'https://example.com/s.yaml' }, 'https'],
      [{ 'diff-types': 'CPU' }, 'input "diff-types": unknown measurement type "CPU"'],
      [{ 'no-cleanup': 'yes' }, 'input "no-cleanup": takes true or false, not "yes"'],
    ];
    for (const [inputs, message] of cases) {
      const result = await runWithInputs(run, only(inputs), { env: cpuRunner() });
      expect(result.exitCode, JSON.stringify(inputs)).toBe(2);
      expect(result.commands.at(-1)?.message).toContain(message);
    }
  });

  it('can skip the summary', async () => {
    const result = await runWithInputs(run, { summary: 'false' }, { env: cpuRunner() });
    expect(result.exitCode).toBe(0);
    expect(result.summary).toBe('');
  });
});

describe('actions/snapshot (agent mode, fake API server)', () => {
  const cluster = useFakeCluster();

  it('runs the agent Job, stores the snapshot in a ConfigMap and exposes it as outputs', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8') });
    const result = await runWithInputs(run, {
      agent: 'true', kubeconfig: cluster.kubeconfig, namespace: 'gpu-ops', output: 'cm://gpu-ops/aicr-snapshot', timeout: '20s', 'node-selector': 'nvidia.com/gpu.present=true',
    }, { env: cpuRunner() });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs['snapshot-path']).toBe('cm://gpu-ops/aicr-snapshot');
    expect(result.outputs.configmap).toBe('cm://gpu-ops/aicr-snapshot');
    expect(result.outputs['k8s-version']).toBe('v1.33.5-eks-3025e55');
    expect(cluster.fake.get('configmaps', 'gpu-ops', 'aicr-snapshot')?.data?.['snapshot.yaml']).toContain('kind: Snapshot');
    expect(result.summary, result.stdout).toContain('agent Job (read from cm://gpu-ops/aicr-snapshot');
    expect(cluster.fake.list('jobs')).toEqual([]);
  });
});

describe('actions/snapshot as GitHub runs it', () => {
  it('runs the committed bundle (dist/snapshot/index.js, what action.yml points at) as a process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicr-snapshot-bundle-'));
    const outputFile = join(dir, 'github-output');
    writeFileSync(outputFile, '');
    const action = parse(readFileSync(join(REPO_ROOT, 'actions', 'snapshot', 'action.yml'), 'utf8'));
    const entry = resolve(REPO_ROOT, 'actions', 'snapshot', action.runs.main);
    const result = spawnSync(process.execPath, [entry], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...gpuRunner(), GITHUB_OUTPUT: outputFile, INPUT_FORMAT: 'json', INPUT_OUTPUT: 'snapshot.json', INPUT_REQUIRE: 'gpu', 'INPUT_DIFF-TYPES': '' },
      timeout: 60_000,
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(parseOutputFile(readFileSync(outputFile, 'utf8'))).toMatchObject({ 'snapshot-path': 'snapshot.json', 'gpu-count': '8', unavailable: 'k8s,topology' });
    expect(JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')).kind).toBe('Snapshot');
  });

  it('runs under @github/local-action with the inputs action.yml declares', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicr-snapshot-local-action-'));
    const out = join(dir, 'snapshot.yaml');
    const env = { ...gpuRunner(), GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), INPUT_OUTPUT: out, INPUT_REQUIRE: 'gpu,os' };
    writeFileSync(join(dir, '.env'), Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
    // The runner creates the summary file before the step; @actions/core refuses one that is missing.
    writeFileSync(join(dir, 'summary.md'), '');
    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/@github/local-action/bin/local-action.js'), 'run', 'actions/snapshot', '../../src/actions/snapshot/main.ts', join(dir, '.env')],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 },
    );
    const output = `${result.stdout}${result.stderr}`;
    expect(output).not.toContain('::error::');
    expect(output).toContain('::set-output name=gpu-count::8');
    expect(parse(readFileSync(out, 'utf8')).kind).toBe('Snapshot');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('AICR snapshot');
  });
});
