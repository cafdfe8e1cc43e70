/**
 * The committed bundle (bin/aicr.js → dist/cli) against the fake API server: the lazily loaded
 * Kubernetes chunks are present and work, and SIGINT/SIGTERM during an agent run leave nothing
 * behind in the cluster.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runBinAsync } from '../../helpers/cli.js';
import { FIXTURES, REPO_ROOT } from '../../helpers/paths.js';
import { simulateAgentJobs } from '../../fake-kube/index.js';
import { useFakeCluster } from '../../fake-kube/harness.js';

const cluster = useFakeCluster();
const agentSnapshot = readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8');

describe('bundled aicr CLI with cm://', () => {
  it('aicr recipe --snapshot cm://… -o cm://… (kubeconfig from --kubeconfig and from $KUBECONFIG)', async () => {
    cluster.fake.create('configmaps', { metadata: { name: 'aicr-snapshot', namespace: 'default' }, data: { format: 'yaml', 'snapshot.yaml': agentSnapshot, timestamp: '2026-03-10T20:05:14Z' } });
    const env = { PATH: process.env.PATH, HOME: cluster.dir };
    const withFlag = await runBinAsync(['recipe', '--snapshot', 'cm://default/aicr-snapshot', '--kubeconfig', cluster.kubeconfig, '-o', 'cm://default/aicr-recipe'], { env });
    expect(withFlag.code, withFlag.stderr).toBe(0);
    expect(withFlag.stderr).toContain('recipe written to cm://default/aicr-recipe');
    const recipe = parse(cluster.fake.get('configmaps', 'default', 'aicr-recipe')!.data['snapshot.yaml']);
    // The 2026 catalog distinguishes ubuntu only for a stated intent: the detected os is dropped, with a notice.
    expect(recipe.criteria).toMatchObject({ service: 'eks', accelerator: 'h100', os: 'any', nodes: 2 });
    expect(withFlag.stderr).toContain('no recipe distinguishes the detected os ubuntu: resolving without it (state --os to require it)');
    const withEnv = await runBinAsync(['recipe', '-s', 'cm://default/aicr-snapshot', '--format', 'json', '-o', 'cm://default/aicr-recipe'], { env: { ...env, KUBECONFIG: cluster.kubeconfig } });
    expect(withEnv.code, withEnv.stderr).toBe(0);
    expect(Object.keys(cluster.fake.get('configmaps', 'default', 'aicr-recipe')!.data).sort()).toEqual(['format', 'snapshot.json', 'timestamp']);
    const missing = await runBinAsync(['recipe', '-s', 'cm://default/absent', '-k', cluster.kubeconfig], { env });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('ConfigMap cm://default/absent does not exist');
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`cleans up the agent's objects when interrupted by ${signal}`, async () => {
      cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
      simulateAgentJobs(cluster.fake, { outcome: 'hang', logs: ['[agent] working'] });
      const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'aicr.js'), 'snapshot', '--agent', '-n', 'gpu-ops', '--kubeconfig', cluster.kubeconfig, '--timeout', '2m'], { env: { PATH: process.env.PATH, HOME: cluster.dir } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      // Interrupt once the Job exists and is being watched.
      for (let i = 0; i < 200 && cluster.fake.requestsFor('watch', 'jobs').length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(cluster.fake.list('jobs', 'gpu-ops')).toHaveLength(1);
      child.kill(signal);
      const code = await exited;
      expect(code, stderr).not.toBe(0);
      expect(stderr).toContain(`interrupted by ${signal}`);
      for (const plural of ['jobs', 'pods', 'serviceaccounts', 'roles', 'rolebindings']) expect(cluster.fake.list(plural, 'gpu-ops'), plural).toEqual([]);
      expect(cluster.fake.list('clusterroles').filter((r) => r.metadata.labels?.['aicr.nvidia.com/run-id'])).toEqual([]);
      expect(cluster.fake.list('clusterrolebindings').filter((r) => r.metadata.labels?.['aicr.nvidia.com/run-id'])).toEqual([]);
    });
  }
});
