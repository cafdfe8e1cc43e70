/**
 * The snapshot action keeps a failed agent Job's debug files as a workflow artifact: the built
 * action against the fake API server and the fake artifact service. Needs a fresh `npm run build`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractZip } from '../../src/github/unzip.js';
import { startFakeArtifacts } from '../fake-artifacts/server.js';
import { useFakeCluster } from '../fake-kube/harness.js';
import { simulateAgentJobs } from '../fake-kube/index.js';
import { runActionBuildAsync } from '../helpers/runner.js';

const artifacts = await startFakeArtifacts();
afterAll(() => artifacts.close());

describe('actions/snapshot: a failed agent Job', () => {
  const cluster = useFakeCluster();

  it('uploads its pod log, Job and pod YAML and events as aicr-agent-debug, and still fails with the Job\'s reason', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'fail', logs: ['collecting GPU\n', 'nvidia-smi: not found\n'] });
    cluster.fake.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gpu-ops' } });
    cluster.fake.create('events', { apiVersion: 'v1', kind: 'Event', metadata: { name: 'other.1', namespace: 'gpu-ops' }, involvedObject: { kind: 'Pod', name: 'someone-else' }, reason: 'Pulled', message: 'not ours' });
    const run = artifacts.startRun();
    const runnerTemp = mkdtempSync(join(tmpdir(), 'aicr-runner-temp-'));
    try {
      const result = await runActionBuildAsync('snapshot', { agent: 'true', kubeconfig: cluster.kubeconfig, namespace: 'gpu-ops', timeout: '20s', summary: 'false' }, { env: { ...artifacts.env(run), RUNNER_TEMP: runnerTemp }, timeoutMs: 120_000 });
      expect(result.code, result.log).toBe(8);
      expect(result.log).toMatch(/agent Job gpu-ops\/\S+ failed/);
      expect(result.log).toContain('are in artifact "aicr-agent-debug"');
      const stored = artifacts.artifacts.find((a) => a.name === 'aicr-agent-debug' && a.runBackendId === run.backendId);
      expect(stored, result.log).toBeDefined();
      const dir = mkdtempSync(join(tmpdir(), 'aicr-debug-'));
      try {
        expect(extractZip(stored!.bytes, dir, 'debug').sort()).toEqual(['agent.log', 'events.yaml', 'job.yaml', 'pod.yaml']);
        expect(readFileSync(join(dir, 'agent.log'), 'utf8')).toContain('nvidia-smi: not found');
        const job = parse(readFileSync(join(dir, 'job.yaml'), 'utf8'));
        expect(job.kind).toBe('Job');
        expect(job.status.conditions.some((c: { type: string }) => c.type === 'Failed')).toBe(true);
        expect(parse(readFileSync(join(dir, 'pod.yaml'), 'utf8')).kind).toBe('Pod');
        // Only the run's own objects' events (here: none; another pod's event is left out).
        expect(parse(readFileSync(join(dir, 'events.yaml'), 'utf8'))).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // The Job and its RBAC objects are gone as after any run; no temporary folder is left.
      expect(cluster.fake.list('jobs')).toEqual([]);
      expect(readdirSync(runnerTemp)).toEqual([]);
    } finally {
      rmSync(runnerTemp, { recursive: true, force: true });
    }
  });

  it('uploads nothing when agent-debug-artifact is none', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'fail' });
    cluster.fake.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gpu-ops' } });
    const run = artifacts.startRun();
    const result = await runActionBuildAsync('snapshot', { agent: 'true', kubeconfig: cluster.kubeconfig, namespace: 'gpu-ops', timeout: '20s', summary: 'false', 'agent-debug-artifact': 'none' }, { env: artifacts.env(run), timeoutMs: 120_000 });
    expect(result.code, result.log).toBe(8);
    expect(result.log).toMatch(/agent Job gpu-ops\/\S+ failed/);
    expect(artifacts.artifacts.filter((a) => a.runBackendId === run.backendId)).toEqual([]);
  });
});
