import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURES } from '../helpers/paths.js';
import { readFileSync } from 'node:fs';
import { emptyPathEnv } from '../core/snapshot/fake-tools.js';
import { formatError } from '../../src/core/errors.js';
import { agentResources, parseResourceList, quantityValue } from '../../src/core/kube/agent/resources.js';
import { agentManifests, planAgentRun } from '../../src/core/kube/agent/index.js';
import { node, simulateAgentJobs } from '../fake-kube/index.js';
import { useFakeCluster } from '../fake-kube/harness.js';
import { thrown } from '../helpers/errors.js';

const cluster = useFakeCluster();
const agentSnapshot = readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8');
const env = () => ({ PATH: process.env.PATH, HOME: '/nonexistent' });
const agentArgs = () => ['snapshot', '-k', cluster.kubeconfig, '-n', 'gpu-ops', '--timeout', '20s', '-o', join(tempDir(), 's.yaml')];
/** The Job the CLI sent to the API server. */
const createdJob = () => cluster.fake.requestsFor('create', 'jobs').map((r) => r.body as any)[0];

describe('--requests and --limits (upstream syntax, checked before any request)', () => {
  it('parses name=quantity lists like Kubernetes quantities', () => {
    expect(parseResourceList('cpu=500m, memory=1Gi,,ephemeral-storage=1e9 ,nvidia.com/gpu=2', 'requests')).toEqual({ cpu: '500m', memory: '1Gi', 'ephemeral-storage': '1e9', 'nvidia.com/gpu': '2' });
    expect(parseResourceList('  ', 'limits')).toBeUndefined();
    expect(parseResourceList(',', 'limits')).toBeUndefined();
    expect(quantityValue('1.5Gi')).toBe(1.5 * 2 ** 30);
    expect(quantityValue('250m')).toBe(0.25);
    expect(quantityValue('.5')).toBe(0.5);
    expect(quantityValue('2E')).toBe(2e18);
    for (const bad of ['1 Gi', '1gi', 'Gi', '1..2', '1e', '0x10', '1GB', '']) expect(quantityValue(bad), bad).toBeUndefined();
    const cases: Array<[string, string]> = [
      ['cpu', '--requests: entry "cpu" is not in name=quantity form'],
      ['cpu=', '--requests: entry "cpu=" has an empty name or quantity'],
      ['=1', '--requests: entry "=1" has an empty name or quantity'],
      ['cpu=lots', '--requests: entry "cpu=lots" has an invalid quantity "lots"'],
      ['memory=-1Gi', '--requests: entry "memory=-1Gi" has a negative quantity'],
      ['cpu=1,cpu=2', '--requests: duplicate key "cpu"'],
      ['my resource=1', '--requests: entry "my resource=1": "my resource" is not a resource name'],
      [`cpu=${'1'.repeat(5000)}`, '--requests: is 5004 characters long, more than 4096'],
    ];
    for (const [text, message] of cases) expect(formatError(thrown(() => parseResourceList(text, 'requests'))), text).toContain(message);
  });

  it('overrides the built-in values per key; require-gpu adds one GPU unless --limits names it; a request above its limit is refused', () => {
    expect(agentResources({ requests: { cpu: '500m' }, limits: { memory: '16Gi' } })).toEqual({
      requests: { cpu: '500m', memory: '4Gi', 'ephemeral-storage': '2Gi' },
      limits: { cpu: '2', memory: '16Gi', 'ephemeral-storage': '4Gi' },
    });
    expect(agentResources({ requireGpu: true }).limits['nvidia.com/gpu']).toBe('1');
    expect(agentResources({ requireGpu: true, limits: { 'nvidia.com/gpu': '4' } }).limits['nvidia.com/gpu']).toBe('4');
    expect(agentResources({ privileged: false, requireGpu: true, limits: { cpu: '1' } })).toEqual({
      requests: { cpu: '100m', memory: '256Mi', 'ephemeral-storage': '256Mi' },
      limits: { cpu: '1', memory: '512Mi', 'ephemeral-storage': '512Mi' },
    });
    const over = formatError(thrown(() => agentResources({ requests: { memory: '16Gi' } })));
    expect(over).toContain('--requests: memory: the request 16Gi is more than the limit 8Gi (the built-in limit)');
    expect(over).toContain('--limits memory=16Gi');
    expect(formatError(thrown(() => agentResources({ limits: { cpu: '500m' } })))).toContain('--limits: cpu: the request 1 is more than the limit 500m');
  });

  it('builds a valid Job with them, AICR_AGENT_MODE=true and AICR_OS; talos drops the host mounts', () => {
    const plan = planAgentRun({ namespace: 'gpu-ops', os: 'talos', requests: { cpu: '500m' }, limits: { 'nvidia.com/gpu': '2' }, requireGpu: true }, 'r1');
    const job = agentManifests(plan).job;
    new Job(job as never).validate();
    const pod = job.spec.template.spec;
    expect(pod.containers[0].resources).toEqual({ requests: { cpu: '500m', memory: '4Gi', 'ephemeral-storage': '2Gi' }, limits: { cpu: '2', memory: '8Gi', 'ephemeral-storage': '4Gi', 'nvidia.com/gpu': '2' } });
    expect(pod.containers[0].env).toContainEqual({ name: 'AICR_AGENT_MODE', value: 'true' });
    expect(pod.containers[0].env).toContainEqual({ name: 'AICR_OS', value: 'talos' });
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.hostPID).toBe(true);
    const ubuntu = agentManifests(planAgentRun({ os: 'ubuntu' }, 'r2')).job.spec.template.spec;
    expect(ubuntu.volumes.map((v: { name: string }) => v.name)).toEqual(['tmp', 'run-systemd', 'host-os-release']);
    expect(() => planAgentRun({ requests: { memory: '9Gi' } }, 'r3')).toThrow('the request 9Gi is more than the limit 8Gi');
  });
});

describe('aicr snapshot --os/--requests/--limits against the fake API server', () => {
  it('puts them into the agent Job it creates', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot });
    const result = await runCli([...agentArgs(), '--os', 'Talos', '--requests', 'cpu=500m,memory=1Gi', '--limits', 'memory=2Gi', '--privileged=false'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const container = createdJob().spec.template.spec.containers[0];
    expect(container.resources).toEqual({ requests: { cpu: '500m', memory: '1Gi', 'ephemeral-storage': '256Mi' }, limits: { cpu: '500m', memory: '2Gi', 'ephemeral-storage': '512Mi' } });
    expect(container.env).toEqual(expect.arrayContaining([{ name: 'AICR_AGENT_MODE', value: 'true' }, { name: 'AICR_OS', value: 'talos' }]));
  });

  it('reads upstream\'s environment variables (AICR_OS, AICR_REQUESTS, AICR_LIMITS)', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot });
    const result = await runCli(agentArgs(), { env: { ...env(), AICR_OS: 'al2023', AICR_REQUESTS: 'cpu=250m', AICR_LIMITS: 'cpu=3' } });
    expect(result.code, result.stderr).toBe(0);
    const container = createdJob().spec.template.spec.containers[0];
    expect(container.resources.requests.cpu).toBe('250m');
    expect(container.resources.limits.cpu).toBe('3');
    expect(container.env).toContainEqual({ name: 'AICR_OS', value: 'amazonlinux' });
  });

  it.each([
    [['--requests', 'cpu=fast'], '--requests: entry "cpu=fast" has an invalid quantity "fast"'],
    [['--limits', 'memory=1Gi,memory=2Gi'], '--limits: duplicate key "memory"'],
    [['--requests', 'memory=64Gi'], '--requests: memory: the request 64Gi is more than the limit 8Gi'],
    [['--os', 'windows'], '--os: "windows" is not a node OS family'],
  ])('%s is exit 2 before any request to the cluster', async (flags, message) => {
    const result = await runCli([...agentArgs(), ...flags], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(cluster.fake.requests).toEqual([]);
  });

  it('checks --requests with --local too, where it only gets a notice', async () => {
    const bad = await runCli(['snapshot', '--local', '--requests', 'cpu=-1'], { env: emptyPathEnv({ HOME: '/nonexistent' }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--requests: entry "cpu=-1" has a negative quantity');
    const ignored = await runCli(['snapshot', '--local', '--require', 'os', '--requests', 'cpu=1', '-o', join(tempDir(), 's.yaml')], { env: emptyPathEnv({ HOME: '/nonexistent' }) });
    expect(ignored.stderr).toContain('notice: --requests only applies to the agent Job; collecting on this machine');
  });

  it('--os talos with --local (and in the agent\'s pod) reads SystemD and OS from the node object', async () => {
    cluster.fake.create('nodes', node({ name: 'talos-1', osImage: 'Talos (v1.9.2)', kernelVersion: '6.12.6-talos', containerRuntimeVersion: 'containerd://2.0.1', kubeletVersion: 'v1.32.0', labels: { 'extensions.talos.dev/nvidia-container-toolkit': '570.124.06-v1.17.5' } }));
    const result = await runCli(['snapshot', '--local', '--os', 'talos', '-k', cluster.kubeconfig, '--require', 'os,systemd', '-t', 'json'], { env: emptyPathEnv({ HOME: '/nonexistent', NODE_NAME: 'talos-1' }) });
    expect(result.code, result.stderr).toBe(0);
    const snapshot = JSON.parse(result.stdout);
    const data = (type: string, subtype: string) => snapshot.measurements.find((m: { type: string }) => m.type === type).subtypes.find((s: { subtype: string }) => s.subtype === subtype).data;
    expect(data('OS', 'release')).toEqual({ Source: 'kubernetes-node-info', PRETTY_NAME: 'Talos (v1.9.2)', ID: 'talos', VERSION_ID: '1.9.2', KERNEL_VERSION: '6.12.6-talos', OPERATING_SYSTEM: 'linux' });
    expect(data('OS', 'extensions')).toEqual({ Source: 'kubernetes-node-info', 'nvidia-container-toolkit': '570.124.06-v1.17.5' });
    expect(data('SystemD', 'containerd.service')).toEqual({ UnitFileName: 'containerd.service', Source: 'kubernetes-node-info', RuntimeName: 'containerd', ActiveState: 'active', Version: '2.0.1' });
    expect(data('SystemD', 'kubelet.service')).toEqual({ UnitFileName: 'kubelet.service', Source: 'kubernetes-node-info', ActiveState: 'active', Version: 'v1.32.0' });
    // The agent's pod: AICR_AGENT_MODE and AICR_OS from the Job, no flags but -o.
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    const inPod = await runCli(['snapshot', '-k', cluster.kubeconfig, '-o', 'cm://gpu-ops/snap'], { env: emptyPathEnv({ HOME: '/nonexistent', NODE_NAME: 'talos-1', AICR_AGENT_MODE: 'true', AICR_OS: 'talos' }) });
    expect(inPod.code, inPod.stderr).toBe(0);
    expect(cluster.fake.requestsFor('create', 'jobs')).toEqual([]);
    expect(parse(cluster.fake.get('configmaps', 'gpu-ops', 'snap')!.data['snapshot.yaml']).measurements.find((m: { type: string }) => m.type === 'SystemD').subtypes[0].data.Source).toBe('kubernetes-node-info');
    // A node it cannot find: the sources are unavailable with the reason, and require fails (exit 3).
    const missing = await runCli(['snapshot', '--local', '--os', 'talos', '-k', cluster.kubeconfig, '--require', 'os'], { env: emptyPathEnv({ HOME: '/nonexistent', NODE_NAME: 'nope' }) });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('Talos: no node named "nope" in the cluster');
  });
});
