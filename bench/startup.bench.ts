/**
 * Cold starts as users run us: every CLI command and every action (through the runner contract:
 * INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), each against a bare
 * `node -e 0` of the same Node measured interleaved in the same run. On Node 24 (what the
 * actions declare, fetched by scripts/fetch-node.mjs) and on this machine's Node 20, always
 * without NODE_EXTRA_CA_CERTS: this machine sets it, and it adds ~40 ms to every Node 20 start.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toYaml } from '../src/core/serialize.js';
import { fakeToolsEnv } from '../test/core/snapshot/fake-tools.js';
import { median, rows } from './harness.js';
import { largeSnapshot } from './validate.bench.js';

interface Run {
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

interface Case {
  name: string;
  target: number;
  /** A fresh invocation (outputs that refuse to be overwritten get a new path each time). */
  make(): Run;
}

const ROUNDS = 21;

/** This environment minus NODE_EXTRA_CA_CERTS and anything a runner would not set. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[key] !== undefined) env[key] = process.env[key];
  return { ...env, ...extra };
}

function time(node: string, run: Run): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(node, run.args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: run.cwd, env: run.env ?? cleanEnv() });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${node} ${run.args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** The Node binaries to measure on: Node 24 (fetched) and the one running this benchmark. */
function nodes(root: string): Array<{ label: string; path?: string; reason?: string }> {
  const fetched = spawnSync(process.execPath, [join(root, 'scripts', 'fetch-node.mjs')], { encoding: 'utf8' });
  const node24 = fetched.status === 0 ? { label: 'node 24', path: fetched.stdout.trim() } : { label: 'node 24', reason: fetched.stderr.trim() };
  return [node24, { label: `node ${process.versions.node.split('.')[0]}`, path: process.execPath }];
}

/** A runner step: a fresh workspace with empty GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. */
function actionRun(root: string, scratch: string, name: string, inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}): Run {
  const workspace = mkdtempSync(join(scratch, `${name}-`));
  writeFileSync(join(workspace, 'output'), '');
  writeFileSync(join(workspace, 'summary.md'), '');
  const env = cleanEnv({ GITHUB_OUTPUT: join(workspace, 'output'), GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'), GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace, ...extra });
  for (const [input, value] of Object.entries(inputs)) env[`INPUT_${input.toUpperCase()}`] = value;
  return { args: [join(root, 'dist', name, 'index.js')], env, cwd: workspace };
}

export async function run(root: string): Promise<void> {
  const cli = join(root, 'bin', 'aicr.js');
  // Bundles are written to tmpfs where there is one, as the target says.
  const scratch = mkdtempSync(join(process.platform === 'linux' ? '/dev/shm' : tmpdir(), 'aicr-bench-startup-'));
  const fakes = fakeToolsEnv({
    'nvidia-smi': { expectArgs: '-q -x', stdoutFile: join(root, '..', 'shared', 'upstream', 'examples', 'nvidia-smi-q-x-h100x8.xml') },
    systemctl: { stdoutFile: join(root, 'test', 'fixtures', 'snapshot', 'systemctl-show.txt') },
  });
  const gpuNode = cleanEnv({ PATH: `${fakes.bin}:${process.env.PATH}`, HOME: scratch });
  try {
    const recipe = join(scratch, 'recipe.yaml');
    const made = spawnSync(process.execPath, [cli, 'recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '--platform', 'kubeflow', '-o', recipe], { env: cleanEnv(), encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`making the bench recipe failed: ${made.stderr}`);
    const mock = join(root, '..', 'shared', 'upstream', 'examples', 'snapshot-mock-cuj1.yaml');
    const large = join(scratch, 'node-snapshot.yaml');
    writeFileSync(large, toYaml(largeSnapshot()));
    const bundleDir = join(scratch, 'verify-me');
    spawnSync(process.execPath, [cli, 'bundle', '-r', recipe, '-o', bundleDir], { env: cleanEnv() });
    const snapshots = [join(scratch, 'a.yaml'), join(scratch, 'b.yaml')];
    for (const path of snapshots) spawnSync(process.execPath, [cli, 'snapshot', '--local', '-o', path], { env: gpuNode });
    let n = 0;
    const fresh = (what: string) => join(scratch, what, String(n++));
    const criteria = { SERVICE: 'eks', ACCELERATOR: 'h100', INTENT: 'training', OS: 'ubuntu', PLATFORM: 'kubeflow' };
    const cases: Case[] = [
      { name: 'aicr recipe (eks/h100/training/ubuntu/kubeflow, to stdout)', target: 1.6, make: () => ({ args: [cli, 'recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '--platform', 'kubeflow'] }) },
      { name: 'aicr validate (recipe vs upstream mock snapshot, 3 KB)', target: 1.6, make: () => ({ args: [cli, 'validate', '-r', recipe, '-s', mock] }) },
      { name: 'aicr validate (recipe vs full node snapshot, 85 KB YAML)', target: 1.6, make: () => ({ args: [cli, 'validate', '-r', recipe, '-s', large] }) },
      { name: 'aicr bundle (helm, 13 components, output on tmpfs)', target: 2.0, make: () => ({ args: [cli, 'bundle', '-r', recipe, '-o', fresh('bundle')] }) },
      { name: 'aicr verify (that bundle)', target: 2.0, make: () => ({ args: [cli, 'verify', bundleDir] }) },
      { name: 'aicr snapshot (local: OS, SystemD, 8×H100 GPU; no cluster)', target: 4.0, make: () => ({ args: [cli, 'snapshot', '--local', '-o', fresh('snapshot')], env: gpuNode }) },
      { name: 'aicr diff (two YAML snapshots of this machine, table)', target: 2.5, make: () => ({ args: [cli, 'diff', '-b', snapshots[0]!, '--target', snapshots[1]!, '-t', 'table'] }) },
      { name: 'action recipe (runner contract)', target: 2.0, make: () => actionRun(root, scratch, 'recipe', criteria) },
      { name: 'action validate (runner contract)', target: 2.0, make: () => actionRun(root, scratch, 'validate', { RECIPE: recipe, SNAPSHOT: mock }) },
      { name: 'action bundle (runner contract, helm)', target: 2.0, make: () => actionRun(root, scratch, 'bundle', { RECIPE: recipe }) },
      { name: 'action verify-checksums (runner contract)', target: 2.0, make: () => actionRun(root, scratch, 'verify-checksums', { 'BUNDLE-DIR': bundleDir }) },
      { name: 'action snapshot (runner contract, local)', target: 4.0, make: () => actionRun(root, scratch, 'snapshot', {}, { PATH: gpuNode.PATH }) },
      { name: 'root action (runner contract: recipe, bundle, verify)', target: 2.0, make: () => actionRun(root, scratch, 'root', criteria) },
    ];
    for (const node of nodes(root)) {
      if (!node.path) {
        rows.push({ benchmark: `${node.label}: every cold start`, figure: 'not measured', target: 'measured', ok: false, baseline: node.reason ?? '' });
        continue;
      }
      const path = node.path;
      const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
      // Warm the file cache, then interleave: a bare start before every command, round after round.
      time(path, { args: ['-e', '0'] });
      for (const c of cases) time(path, c.make());
      const base: number[] = [];
      const samples = cases.map(() => [] as number[]);
      for (let round = 0; round < ROUNDS; round++) {
        cases.forEach((c, i) => {
          base.push(time(path, { args: ['-e', '0'] }));
          samples[i]!.push(time(path, c.make()));
        });
      }
      const b = median(base);
      rows.push({ benchmark: `${node.label} (${version}): node -e 0`, figure: `${b.toFixed(1)} ms`, target: 'baseline', ok: true });
      cases.forEach((c, i) => {
        const ms = median(samples[i]!);
        rows.push({ benchmark: `${node.label}: ${c.name}`, figure: `${ms.toFixed(1)} ms`, baseline: `${b.toFixed(1)} ms`, ratio: `${(ms / b).toFixed(2)}x`, target: `<= ${c.target}x`, ok: ms / b <= c.target });
      });
      mkdirSync(scratch, { recursive: true });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(fakes.bin, { recursive: true, force: true });
  }
}
