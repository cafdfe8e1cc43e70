/**
 * SIGINT and SIGTERM end every command, action and GitLab job with 130 or 143 and leave nothing
 * behind: no output, no temporary file or folder, no agent object in the cluster. Each signal is
 * sent once the run provably waits inside its work (its request reached the test's server, or
 * its node tool wrote a marker). Temporary siblings of runs killed outright are removed by the
 * next run that writes to the same place.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateAgentJobs } from '../fake-kube/index.js';
import { useFakeCluster } from '../fake-kube/harness.js';
import { FIXTURES } from '../helpers/paths.js';
import { action, actionAsync, cli, cliAsync, gitlab, gitlabAsync, scratchDir, until, type DoorRun, type RunningDoor } from './doors.js';
import { hangingNvidiaSmi, useHeldDocuments, type HeldDocument } from './servers.js';

const RECIPE = readFileSync(join(FIXTURES, 'bundle', 'recipes', 'eks-h100-ubuntu-training-kubeflow.yaml'), 'utf8');
const SNAPSHOT = join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml');
const CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Stop = keyof typeof CODES;

const held = useHeldDocuments();

/** Sends `signal` once the run waits on `server`, and returns the finished run. */
async function interrupt(run: RunningDoor, server: HeldDocument, signal: Stop): Promise<DoorRun> {
  await server.arrived;
  run.kill(signal);
  return run.done;
}

/** The run ended by itself with the signal's exit code and said why, in its door's way. */
function expectInterrupted(run: DoorRun, signal: Stop): void {
  expect(run.signal, run.log).toBeNull();
  expect(run.code, run.log).toBe(CODES[signal]);
  expect(run.log).toContain(`interrupted by ${signal}`);
  if (run.door === 'action') {
    expect(run.log).toMatch(new RegExp(`::error::\\[INTERRUPTED\\] interrupted by ${signal}`));
    expect(run.outputs).toEqual({});
  }
}

/** Every entry of a folder, hidden ones included. */
const entries = (dir: string): string[] => readdirSync(dir).sort();

describe('interrupts', () => {
  describe('while a run waits for a document', () => {
    it.each(['SIGINT', 'SIGTERM'] as const)('cli: recipe, %s: exit code, no recipe file, no temporary file', async (signal) => {
      const server = await held();
      const run = await interrupt(cliAsync(['recipe', '--snapshot', server.url, '-o', 'recipe.yaml'], { env: server.env }), server, signal);
      expectInterrupted(run, signal);
      expect(entries(run.workspace)).toEqual([]);
    });

    it('gitlab: recipe, SIGTERM: exit 143, no recipe, no dotenv, no temporary file', async () => {
      const server = await held();
      const run = await interrupt(gitlabAsync('recipe', { snapshot: server.url, output: 'recipe.yaml' }, { env: server.env }), server, 'SIGTERM');
      expectInterrupted(run, 'SIGTERM');
      expect(entries(run.workspace)).toEqual([]);
    });

    it('action: recipe, SIGINT: exit 130, the step fails naming it, no outputs', async () => {
      const server = await held();
      const run = await interrupt(actionAsync('recipe', { snapshot: server.url, output: 'recipe.yaml' }, { env: server.env }), server, 'SIGINT');
      expectInterrupted(run, 'SIGINT');
      expect(entries(run.workspace)).toEqual([]);
    });

    it.each(['SIGINT', 'SIGTERM'] as const)('cli: bundle, %s: no bundle folder, no temporary folder', async (signal) => {
      const server = await held();
      const run = await interrupt(cliAsync(['bundle', '-r', server.url, '-o', 'out/bundle'], { env: server.env }), server, signal);
      expectInterrupted(run, signal);
      expect(existsSync(join(run.workspace, 'out'))).toBe(false);
      expect(entries(run.workspace)).toEqual([]);
    });

    it('gitlab: bundle, SIGINT: exit 130, nothing written', async () => {
      const server = await held();
      const run = await interrupt(gitlabAsync('bundle', { recipe: server.url }, { env: server.env }), server, 'SIGINT');
      expectInterrupted(run, 'SIGINT');
      expect(entries(run.workspace)).toEqual([]);
    });

    it('action: bundle, SIGTERM: exit 143, nothing written', async () => {
      const server = await held();
      const run = await interrupt(actionAsync('bundle', { recipe: server.url }, { env: server.env }), server, 'SIGTERM');
      expectInterrupted(run, 'SIGTERM');
      expect(entries(run.workspace)).toEqual([]);
    });

    it('cli: validate, SIGINT: no report', async () => {
      const server = await held();
      const run = await interrupt(cliAsync(['validate', '--recipe', server.url, '--snapshot', SNAPSHOT, '--output', 'report.json'], { env: server.env }), server, 'SIGINT');
      expectInterrupted(run, 'SIGINT');
      expect(entries(run.workspace)).toEqual([]);
    });

    it('action: validate, SIGTERM: no reports', async () => {
      const server = await held();
      const run = await interrupt(actionAsync('validate', { recipe: server.url, snapshot: SNAPSHOT, 'report-dir': 'reports' }, { env: server.env }), server, 'SIGTERM');
      expectInterrupted(run, 'SIGTERM');
      expect(entries(run.workspace)).toEqual([]);
    });

    it('gitlab: validate, SIGINT: no reports, no dotenv', async () => {
      const server = await held();
      const run = await interrupt(gitlabAsync('validate', { recipe: server.url, snapshot: SNAPSHOT }, { env: server.env }), server, 'SIGINT');
      expectInterrupted(run, 'SIGINT');
      expect(entries(run.workspace)).toEqual([]);
    });

    it('cli: diff, SIGTERM: no diff file', async () => {
      const server = await held();
      const run = await interrupt(cliAsync(['diff', '--baseline', server.url, '--target', SNAPSHOT, '-o', 'diff.yaml'], { env: server.env }), server, 'SIGTERM');
      expectInterrupted(run, 'SIGTERM');
      expect(entries(run.workspace)).toEqual([]);
    });

    it('action: root, SIGINT while the recipe waits for the snapshot: nothing under output-dir', async () => {
      const server = await held();
      const run = await interrupt(actionAsync('root', { snapshot: server.url, 'output-dir': 'out' }, { env: server.env }), server, 'SIGINT');
      expectInterrupted(run, 'SIGINT');
      expect(entries(run.workspace)).toEqual([]);
    });
  });

  describe('while a local snapshot measures the node', () => {
    const cases: Array<[string, Stop, (env: NodeJS.ProcessEnv) => RunningDoor]> = [
      ['cli', 'SIGINT', (env) => cliAsync(['snapshot', '--local', '-o', 'snapshot.yaml'], { env })],
      ['gitlab', 'SIGTERM', (env) => gitlabAsync('snapshot', { output: 'snapshot.yaml' }, { env })],
      ['action', 'SIGINT', (env) => actionAsync('snapshot', { output: 'snapshot.yaml' }, { env })],
    ];
    it.each(cases)('%s: %s while nvidia-smi hangs: exit code, no snapshot file', async (_, signal, start) => {
      const tool = hangingNvidiaSmi();
      const run = start(tool.env);
      await until(() => existsSync(tool.marker) && readFileSync(tool.marker, 'utf8').trim() !== '', 'nvidia-smi to start');
      run.kill(signal);
      const result = await run.done;
      expectInterrupted(result, signal);
      expect(entries(result.workspace)).toEqual([]);
    });
  });

  describe('while the snapshot agent runs in the cluster', () => {
    const cluster = useFakeCluster();
    const agentObjects = () => ['jobs', 'pods', 'serviceaccounts', 'roles', 'rolebindings'].flatMap((plural) => cluster.fake.list(plural, 'gpu-ops'));

    const cases: Array<[string, Stop, () => RunningDoor]> = [
      ['cli', 'SIGINT', () => cliAsync(['snapshot', '--agent', '-n', 'gpu-ops', '--kubeconfig', cluster.kubeconfig, '--timeout', '2m', '-o', 'snapshot.yaml'])],
      ['gitlab', 'SIGTERM', () => gitlabAsync('snapshot', { agent: 'true', namespace: 'gpu-ops', kubeconfig: cluster.kubeconfig, timeout: '2m', output: 'snapshot.yaml' })],
      ['action', 'SIGTERM', () => actionAsync('snapshot', { agent: 'true', namespace: 'gpu-ops', kubeconfig: cluster.kubeconfig, timeout: '2m', output: 'snapshot.yaml' })],
    ];
    it.each(cases)('%s: %s: exit code, the agent\'s objects deleted, no snapshot file', async (_, signal, start) => {
      cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
      simulateAgentJobs(cluster.fake, { outcome: 'hang' });
      const run = start();
      await until(() => cluster.fake.requestsFor('watch', 'jobs').length > 0, 'the agent Job to be watched');
      run.kill(signal);
      const result = await run.done;
      expectInterrupted(result, signal);
      expect(agentObjects()).toEqual([]);
      expect(cluster.fake.list('clusterrolebindings').filter((r) => r.metadata.labels?.['aicr.nvidia.com/run-id'])).toEqual([]);
      expect(existsSync(join(result.workspace, 'snapshot.yaml'))).toBe(false);
    });

    it('cli: a second signal while cleanup hangs ends the run at once (exit 143)', async () => {
      cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
      simulateAgentJobs(cluster.fake, { outcome: 'hang' });
      cluster.fake.inject({ method: 'DELETE', resource: 'jobs', hang: true });
      const run = cliAsync(['snapshot', '--agent', '-n', 'gpu-ops', '--kubeconfig', cluster.kubeconfig, '--timeout', '2m']);
      await until(() => cluster.fake.requestsFor('watch', 'jobs').length > 0, 'the agent Job to be watched');
      run.kill('SIGTERM');
      await until(() => cluster.fake.requests.some((r) => r.method === 'DELETE' && r.resource === 'jobs'), 'cleanup to start');
      run.kill('SIGTERM');
      const result = await run.done;
      expect([result.signal, result.code]).toEqual([null, 143]);
    });

    it('cli: recipe -o cm://…, SIGTERM while the claim waits: exit 143, no ConfigMap written', async () => {
      cluster.fake.inject({ method: 'GET', resource: 'configmaps', hang: true });
      const run = cliAsync(['recipe', '--service', 'eks', '--accelerator', 'h100', '-o', 'cm://default/aicr-recipe', '--kubeconfig', cluster.kubeconfig]);
      await until(() => cluster.fake.requestsFor('get', 'configmaps').length > 0, 'the ConfigMap claim');
      run.kill('SIGTERM');
      const result = await run.done;
      expectInterrupted(result, 'SIGTERM');
      expect(cluster.fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
      expect(cluster.fake.get('configmaps', 'default', 'aicr-recipe')).toBeUndefined();
    });
  });

  describe('temporary siblings of runs killed outright', () => {
    const host = hostname().replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 63);
    /** Beyond any pid_max: no process has it. */
    const DEAD = 4_194_305;
    const leftover = (dir: string, name: string, folder: boolean): string => {
      const path = join(dir, name);
      if (folder) {
        mkdirSync(path);
        writeFileSync(join(path, 'half-written.yaml'), 'x');
      } else writeFileSync(path, 'half');
      return name;
    };

    it('cli: bundle removes its dead temporary and set-aside folders, keeps a live run\'s', () => {
      const workspace = scratchDir('stale');
      leftover(workspace, `.bundle.tmp-${DEAD}-1-k1@${host}`, true);
      leftover(workspace, `.bundle.old-${DEAD}-2-k1@${host}`, true);
      const live = leftover(workspace, `.bundle.tmp-${process.pid}-3-k1@${host}`, true);
      writeFileSync(join(workspace, 'recipe.yaml'), RECIPE);
      const run = cli(['bundle', '-r', 'recipe.yaml', '-o', 'bundle'], { cwd: workspace });
      expect(run.code, run.log).toBe(0);
      expect(entries(workspace)).toEqual([live, 'bundle', 'recipe.yaml'].sort());
    });

    it('gitlab: recipe removes a dead temporary file of recipe.yaml, keeps one made on another host', () => {
      const workspace = scratchDir('stale');
      leftover(workspace, `.recipe.yaml.tmp-${DEAD}-1-k1@${host}`, false);
      const foreign = leftover(workspace, `.recipe.yaml.tmp-${DEAD}-1-k1@elsewhere-${host}`, false);
      const run = gitlab('recipe', { service: 'eks', accelerator: 'h100', output: 'recipe.yaml' }, { cwd: workspace });
      expect(run.code, run.log).toBe(0);
      expect(entries(workspace)).toEqual([foreign, 'aicr-recipe.env', 'recipe.yaml'].sort());
    });

    it('action: bundle removes dead leftovers of its folder only', () => {
      const workspace = scratchDir('stale');
      leftover(workspace, `.bundle.tmp-${DEAD}-9-k1@${host}`, true);
      const other = leftover(workspace, `.other.tmp-${DEAD}-9-k1@${host}`, true);
      writeFileSync(join(workspace, 'recipe.yaml'), RECIPE);
      const run = action('bundle', { recipe: 'recipe.yaml' }, { cwd: workspace });
      expect(run.code, run.log).toBe(0);
      expect(entries(workspace)).toEqual(['bundle', other, 'recipe.yaml'].sort());
    });
  });

  it('cli: the exit-code table lists 130 and 143', () => {
    const run = cli(['--help']);
    expect(run.stdout).toMatch(/^ {2}130 interrupted: SIGINT/m);
    expect(run.stdout).toMatch(/^ {2}143 terminated: SIGTERM/m);
  });
});
