import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURES, UPSTREAM_EXAMPLES } from '../helpers/paths.js';
import { emptyPathEnv, fakeToolsEnv } from '../core/snapshot/fake-tools.js';
import { flagsOf, parseArgv, readFlagValues } from '../../src/cli/args.js';
import { silentLogger } from '../../src/core/logger.js';
import { discardOutputs } from '../../src/core/options/outputs.js';
import { SNAPSHOT_OPTIONS } from '../../src/core/snapshot/options.js';
import { snapshotRequestFrom } from '../../src/core/snapshot/step.js';
import { clusterPolicy, node, pod, simulateAgentJobs } from '../fake-kube/index.js';
import { useFakeCluster } from '../fake-kube/harness.js';

const H100X8 = join(UPSTREAM_EXAMPLES, 'nvidia-smi-q-x-h100x8.xml');
const gpuNode = () => fakeToolsEnv({
  'nvidia-smi': { expectArgs: '-q -x', stdoutFile: H100X8 },
  systemctl: { stdoutFile: join(FIXTURES, 'snapshot', 'systemctl-show.txt') },
}, { PATH: process.env.PATH, HOME: '/nonexistent', NODE_NAME: 'gpu-node-1' }).env;
const bareRunner = () => ({ ...emptyPathEnv({ HOME: '/nonexistent' }), PATH: emptyPathEnv().PATH });

describe('aicr snapshot (local mode)', () => {
  it('measures this machine through the real tools on PATH and prints YAML on stdout, logs on stderr', async () => {
    const result = await runCli(['snapshot', '--local'], { env: gpuNode() });
    expect(result.code, result.stderr).toBe(0);
    const snapshot = parse(result.stdout);
    expect(snapshot.kind).toBe('Snapshot');
    expect(snapshot.metadata).toEqual({ 'source-node': 'gpu-node-1', version: '1.0.0' });
    expect(snapshot.measurements.map((m: { type: string }) => m.type)).toEqual(['K8s', 'SystemD', 'OS', 'GPU', 'NodeTopology']);
    const gpu = snapshot.measurements[3];
    expect(gpu.subtypes[0].data['gpu-count']).toBe(8);
    expect(gpu.subtypes).toHaveLength(9);
    expect(result.stderr).toMatch(/GPU: \d+ readings from 9 subtypes/);
    expect(result.stderr).toMatch(/warning: K8s: unavailable: no Kubernetes access/);
  });

  it('records and prints every unavailable source; never invents readings', async () => {
    const result = await runCli(['snapshot', '--local', '--format', 'json'], { env: bareRunner() });
    expect(result.code, result.stderr).toBe(0);
    const snapshot = JSON.parse(result.stdout);
    const byType = Object.fromEntries(snapshot.measurements.map((m: { type: string }) => [m.type, m]));
    expect(byType.GPU).toEqual({ type: 'GPU', unavailable: { reason: 'nvidia-smi not found on PATH' } });
    expect(byType.SystemD).toEqual({ type: 'SystemD', unavailable: { reason: 'systemctl not found on PATH' } });
    expect(result.stderr).toContain('warning: GPU: unavailable: nvidia-smi not found on PATH');
    expect(result.stderr).toContain('warning: SystemD: unavailable: systemctl not found on PATH');
  });

  it('--require turns an absent source into exit 3 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicr-snap-'));
    const out = join(dir, 'snapshot.yaml');
    const result = await runCli(['snapshot', '--local', '--require', 'gpu,os', '-o', out], { env: bareRunner() });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('error: [NOT_FOUND] required source unavailable: gpu (nvidia-smi not found on PATH)');
    expect(result.stderr).toContain('hint: run on a node where these sources exist');
    expect(() => readFileSync(out)).toThrow();
    const gpu = await runCli(['snapshot', '--local', '--require-gpu'], { env: bareRunner() });
    expect(gpu.code).toBe(3);
    const envGpu = await runCli(['snapshot', '--local'], { env: { ...bareRunner(), AICR_REQUIRE_GPU: 'true' } });
    expect(envGpu.code).toBe(3);
    const ok = await runCli(['snapshot', '--local', '--require', 'GPU', '--require', 'systemd'], { env: gpuNode() });
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('writes files in yaml, json and table; the same node gives the same bytes, apart from live kernel counters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicr-snap-'));
    // The real /proc/sys has counters that move between two runs (fs/dentry-state, kernel/ns_last_pid, …);
    // everything else must be byte-identical, and `aicr diff` must call the pair drift-free.
    const withoutCounters = (text: string) => text.split('\n').filter((line) => !/\/proc\/sys\/(fs|kernel)\//.test(line)).join('\n');
    for (const format of ['yaml', 'json', 'table']) {
      const a = await runCli(['snapshot', '--local', '-t', format, '-o', join(dir, `a.${format}`)], { env: gpuNode() });
      const b = await runCli(['snapshot', '--local', '--format', format, '--output', join(dir, `b.${format}`)], { env: gpuNode() });
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(a.stdout).toBe('');
      expect(a.stderr).toContain(`snapshot written to ${join(dir, `a.${format}`)} (measured: SystemD, OS, GPU)`);
      expect(withoutCounters(readFileSync(join(dir, `a.${format}`), 'utf8'))).toBe(withoutCounters(readFileSync(join(dir, `b.${format}`), 'utf8')));
    }
    const drift = await runCli(['diff', '--baseline', join(dir, 'a.yaml'), '--target', join(dir, 'b.json'), '--fail-on-drift', '-t', 'table']);
    expect(drift.code, drift.stdout).toBe(0);
    expect(drift.stdout).toMatch(/^NO CHANGES\nunavailable in both \(not compared\): K8s: no Kubernetes access[^\n]*\n(.*\n)*\nNO DRIFT\n$/);
    const table = readFileSync(join(dir, 'a.table'), 'utf8');
    expect(table.split('\n')[0]).toMatch(/^TYPE\s+SUBTYPE\s+KEY\s+VALUE$/);
    expect(table).toMatch(/\nGPU\s+smi\s+gpu\.model\s+NVIDIA H100 80GB HBM3\n/);
    expect(table).toMatch(/\nK8s\s+\(unavailable\)\s+no Kubernetes access/);
  });

  it('adds metadata.timestamp only when asked', async () => {
    const result = await runCli(['snapshot', '--local', '--timestamp', '-t', 'json'], { env: gpuNode() });
    const { metadata } = JSON.parse(result.stdout);
    expect(metadata.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(metadata.timestamp) - Date.now())).toBeLessThan(60_000);
  });

  it('rejects bad flags before collecting (exit 2), with the fix in the hint', async () => {
    const cases: Array<[string[], string]> = [
      [['--format', 'xml'], '--format: "xml" is not one of yaml, json, table'],
      [['--require', 'gpu,tpu'], '--require: unknown source "tpu"'],
      [['--timeout', '5'], '--timeout: "5" is not a duration'],
      [['--output', 'cm://Bad_NS/x'], 'invalid namespace "Bad_NS"'],
      [['--output', 'https://example.com/x'], 'cannot write to a URL'],
      [['--max-nodes-per-entry', '-1'], '--max-nodes-per-entry: must be at least 0, not -1'],
      [['--agent', '--require-gpu', '--runtime-class', 'nvidia'], '--require-gpu and --runtime-class are mutually exclusive'],
      [['--frmat', 'json'], 'unknown flag --frmat'],
      [['--format', 'json', '--format', 'yaml'], 'flag --format can only be specified once'],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(['snapshot', ...(argv.includes('--agent') ? [] : ['--local']), ...argv], { env: bareRunner() });
      expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('unavailable:');
    }
  });

  it('notes agent-only flags given with --local', async () => {
    const result = await runCli(['snapshot', '--local', '-n', 'gpu-ops', '--node-selector', 'a=b'], { env: gpuNode() });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('notice: --namespace, --node-selector only apply to the agent Job; collecting on this machine');
  });

  it('maps every flag onto the agent settings, with upstream\'s names, defaults and environment variables', () => {
    const request = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
      const parsed = parseArgv('snapshot', flagsOf(SNAPSHOT_OPTIONS), argv, 0);
      return snapshotRequestFrom(readFlagValues(SNAPSHOT_OPTIONS, parsed, env), { logger: silentLogger, outputs: discardOutputs, env, workspace: '.' });
    };
    expect(request([
      '--agent', '-n', 'gpu-ops', '--image', 'my.reg/aicr:1', '--image-pull-secret', 's1', '--image-pull-secret', 's2', '--job-name', 'snap',
      '--service-account-name', 'sa', '--node-selector', 'a=b', '--toleration', 'k=v:NoSchedule', '--timeout', '90s', '--no-cleanup',
      '--privileged=false', '--runtime-class', 'nvidia', '--max-nodes-per-entry', '5', '-o', 'cm://gpu-ops/snap', '-k', '/kc', '--require', 'k8s',
    ])).toEqual({
      mode: 'agent', require: ['k8s'], timeoutMs: 90_000, kubeconfig: '/kc', maxNodesPerEntry: 5,
      agent: {
        namespace: 'gpu-ops', image: 'my.reg/aicr:1', imagePullSecrets: ['s1', 's2'], jobName: 'snap', serviceAccountName: 'sa', nodeSelector: { a: 'b' },
        tolerations: ['k=v:NoSchedule'], timeoutMs: 90_000, keep: true, privileged: false, runtimeClass: 'nvidia', requireGpu: false, maxNodesPerEntry: 5,
        kubeconfig: '/kc', configMap: 'cm://gpu-ops/snap', debug: false,
      },
    });
    expect(request(['--local', '--timeout', '0s', '--require-gpu'])).toEqual({ mode: 'local', require: ['gpu'], timeoutMs: 300_000 });
    // The agent is the command line's default (as upstream); --local, --agent=false and the agent's own pod collect here.
    expect(request([]).mode).toBe('agent');
    expect(request(['--agent=false']).mode).toBe('local');
    expect(request(['--agent', '--local']).mode).toBe('local');
    const inAgentPod = request(['-o', 'cm://default/aicr-snapshot-r1'], { AICR_AGENT_MODE: 'true' });
    expect(inAgentPod).toEqual({ mode: 'local', require: [], timeoutMs: 300_000 });
    // Only upstream's spelling turns it on.
    expect(request([], { AICR_AGENT_MODE: '1' }).mode).toBe('agent');
    // Upstream's environment variables, and comma lists inside one flag value.
    const lists = request(['--agent', '--node-selector', 'a=b, c=d', '--node-selector', 'e=f', '--toleration', 'k:NoSchedule,k2=v:NoExecute'], { AICR_NAMESPACE: 'env-ns', AICR_IMAGE: 'env/img:1' });
    expect(lists.agent?.nodeSelector).toEqual({ a: 'b', c: 'd', e: 'f' });
    expect(lists.agent?.tolerations).toEqual(['k:NoSchedule', 'k2=v:NoExecute']);
    expect(lists.agent).toMatchObject({ namespace: 'env-ns', image: 'env/img:1' });
  });

  it('lists its flags with defaults and environment variables in --help', async () => {
    const result = await runCli(['snapshot', '--help']);
    expect(result.code).toBe(0);
    for (const text of ['--agent', '--require <sources>', '--no-cleanup', '-n <namespace>', 'env: $AICR_NAMESPACE', 'env: $AICR_IMAGE', 'default: ghcr.io/nvidia/aicr:v0.11.1', 'default: 5m', '--output, -o', '--format, -t']) {
      expect(result.stdout).toContain(text);
    }
  });
});

describe('aicr snapshot (the built CLI bundle)', () => {
  it('runs from bin/aicr.js with the same result as in-process', async () => {
    const env = gpuNode();
    const bin = runBin(['snapshot', '--local', '-t', 'json'], { env });
    expect(bin.code, bin.stderr).toBe(0);
    const inProcess = await runCli(['snapshot', '--local', '-t', 'json'], { env });
    const stable = (text: string) => { const s = JSON.parse(text); s.measurements = s.measurements.filter((m: { type: string }) => m.type !== 'OS'); return s; };
    expect(stable(bin.stdout)).toEqual(stable(inProcess.stdout));
    expect(runBin(['snapshot', '--local', '--require', 'k8s'], { env }).code).toBe(3);
  });
});

describe('aicr snapshot --agent (against the fake API server)', () => {
  const cluster = useFakeCluster();
  const agentSnapshot = readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8');
  const env = () => ({ PATH: process.env.PATH, HOME: '/nonexistent' });

  it('local mode on a GPU node with a kubeconfig: all five sources, K8s and topology through the real client', async () => {
    cluster.fake.create('nodes', node({ name: 'gpu-node-1', gpus: 8, providerID: 'aws:///us-west-2a/i-0a1b2c3d4e5f60718' }));
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-operator' } });
    cluster.fake.create('pods', pod({ name: 'gpu-operator-7d9', namespace: 'gpu-operator', images: ['nvcr.io/nvidia/gpu-operator:v25.3.0'] }));
    cluster.fake.create('clusterpolicies', clusterPolicy());
    const result = await runCli(['snapshot', '--local', '-k', cluster.kubeconfig, '--require', 'gpu,k8s,topology,os,systemd', '-t', 'json'], { env: gpuNode() });
    expect(result.code, result.stderr).toBe(0);
    const snapshot = JSON.parse(result.stdout);
    expect(snapshot.measurements.map((m: { type: string; unavailable?: unknown }) => [m.type, m.unavailable === undefined])).toEqual([
      ['K8s', true], ['SystemD', true], ['OS', expect.any(Boolean)], ['GPU', true], ['NodeTopology', true],
    ]);
    const k8s = snapshot.measurements[0];
    expect(k8s.subtypes.find((s: { subtype: string }) => s.subtype === 'server').data.version).toBe('v1.33.5-eks-3025e55');
    expect(k8s.subtypes.find((s: { subtype: string }) => s.subtype === 'image').data['gpu-operator']).toBe('v25.3.0');
    expect(k8s.subtypes.find((s: { subtype: string }) => s.subtype === 'node').data.provider).toBe('eks');
    expect(snapshot.measurements[4].subtypes[0].data['node-count']).toBe(1);
  });

  it('deploys the agent by default (as upstream), re-renders what it wrote in the requested format, and leaves nothing behind', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot });
    const out = join(mkdtempSync(join(tmpdir(), 'aicr-agent-')), 'snapshot.json');
    const result = await runCli(['snapshot', '-k', cluster.kubeconfig, '-n', 'gpu-ops', '--timeout', '20s', '-t', 'json', '-o', out], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const snapshot = JSON.parse(readFileSync(out, 'utf8'));
    expect(snapshot.metadata['source-node']).toBe('ip-10-0-12-34.us-west-2.compute.internal');
    expect(snapshot.measurements.map((m: { type: string }) => m.type)).toEqual(['K8s', 'SystemD', 'OS', 'GPU', 'NodeTopology'].filter((t) => agentSnapshot.includes(`type: ${t}`)));
    expect(result.stderr).toContain(`snapshot written to ${out}`);
    expect(cluster.fake.list('jobs')).toEqual([]);
    expect(cluster.fake.list('clusterroles').filter((r) => r.metadata.name.startsWith('aicr-'))).toEqual([]);
  });

  it('inside the agent\'s pod (AICR_AGENT_MODE=true) measures its node and writes the ConfigMap itself, never deploying another agent', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot });
    cluster.fake.create('nodes', node({ name: 'gpu-node-1', gpus: 8 }));
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    // What the Job runs: `aicr snapshot -o cm://<namespace>/<name>`, with the Job's environment.
    const result = await runCli(['snapshot', '-k', cluster.kubeconfig, '-o', 'cm://gpu-ops/aicr-snapshot-r1'], { env: { ...gpuNode(), AICR_AGENT_MODE: 'true', NODE_NAME: 'gpu-node-1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('AICR_AGENT_MODE=true: measuring this node');
    expect(cluster.fake.requestsFor('create', 'jobs')).toEqual([]);
    const written = parse(cluster.fake.get('configmaps', 'gpu-ops', 'aicr-snapshot-r1')!.data['snapshot.yaml']);
    expect(written.kind).toBe('Snapshot');
    expect(written.measurements.find((m: { type: string }) => m.type === 'GPU').unavailable).toBeUndefined();
  });

  it('without any cluster configuration, points at --local (exit 6)', async () => {
    const result = await runCli(['snapshot', '-o', join(tempDir(), 's.yaml')], { env: env() });
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('no Kubernetes configuration');
    expect(result.stderr).toContain('(on the command line: --local)');
  });

  it('applies --require to the agent\'s snapshot (exit 3, nothing written)', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot.replace(/gpu-count: \d+/, 'gpu-count: 0') });
    const result = await runCli(['snapshot', '--agent', '-k', cluster.kubeconfig, '-n', 'gpu-ops', '--timeout', '20s', '--require', 'gpu'], { env: env() });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('required source unavailable: gpu (nvidia-smi reported 0 GPUs)');
  });

  it('writes a cm:// output in the requested format through the ConfigMap handler', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot });
    const result = await runCli(['snapshot', '--agent', '-k', cluster.kubeconfig, '-n', 'gpu-ops', '--timeout', '20s', '-o', 'cm://gpu-ops/nightly', '-t', 'json'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const configMap = cluster.fake.get('configmaps', 'gpu-ops', 'nightly');
    expect(configMap?.data?.format).toBe('json');
    expect(JSON.parse(configMap!.data['snapshot.json']).kind).toBe('Snapshot');
    // and it reads back through diff, with no drift against itself
    const diff = await runCli(['diff', '-k', cluster.kubeconfig, '-b', 'cm://gpu-ops/nightly', '--target', 'cm://gpu-ops/nightly', '--fail-on-drift'], { env: env() });
    expect(diff.code, diff.stderr).toBe(0);
    expect(parse(diff.stdout).summary.total).toBe(0);
  });

  it('fails with the Job\'s reason and the pod log when the agent fails, and cleans up', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'fail', logs: ['collecting…\n', 'panic: nvidia-smi crashed\n'] });
    const result = await runCli(['snapshot', '--agent', '-k', cluster.kubeconfig, '-n', 'gpu-ops', '--timeout', '20s'], { env: env() });
    expect(result.code).toBe(8);
    expect(result.stderr).toContain('panic: nvidia-smi crashed');
    expect(cluster.fake.list('jobs')).toEqual([]);
  });
});
