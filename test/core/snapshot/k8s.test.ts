import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../../src/core/documents/types.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { Collector, CollectorResult } from '../../../src/core/snapshot/collector.js';
import { flattenSpec, imageNameAndTag, k8sCollector, kubernetesCollectors, nodeReadings, providerFromId } from '../../../src/core/snapshot/collectors/k8s.js';
import { redactObject } from '../../../src/core/redact.js';
import { resetKubeClients } from '../../../src/core/kube/client.js';
import { clusterPolicy, node, pod, startFakeKube } from '../../fake-kube/index.js';
import { useFakeCluster } from '../../fake-kube/harness.js';

const cluster = useFakeCluster();
const fast = { baseDelayMs: 5, maxDelayMs: 20, attempts: 2, requestTimeoutMs: 2_000, deadlineMs: 5_000 };

async function collect(collector: Collector, env: NodeJS.ProcessEnv = {}): Promise<CollectorResult> {
  return collector.collect({ logger: silentLogger, signal: new AbortController().signal, env });
}

function measurement(result: CollectorResult): Measurement {
  expect(result.status).toBe('collected');
  if (result.status !== 'collected') throw new Error('unavailable');
  expect(result.measurements).toHaveLength(1);
  return result.measurements[0]!;
}

const data = (m: Measurement, subtype: string) => m.subtypes?.find((s) => s.subtype === subtype)?.data;

function seedCluster(): void {
  const f = cluster.fake;
  f.create('namespaces', { metadata: { name: 'gpu-operator' } });
  f.create('namespaces', { metadata: { name: 'training' } });
  f.create('nodes', node({ name: 'ip-10-0-12-34.us-west-2.compute.internal', gpus: 8, providerID: 'aws:///us-west-2a/i-0a1b2c3d4e5f60718' }));
  f.create('pods', pod({ name: 'gpu-operator-7d9', namespace: 'gpu-operator', images: ['nvcr.io/nvidia/gpu-operator:v25.3.0'] }));
  f.create('pods', pod({ name: 'driver-abc', namespace: 'gpu-operator', images: ['nvcr.io/nvidia/driver:580.82.07-ubuntu24.04'], initImages: ['nvcr.io/nvidia/cloud-native/k8s-driver-manager:v0.8.0'] }));
  f.create('pods', pod({ name: 'driver-def', namespace: 'gpu-operator', images: ['nvcr.io/nvidia/driver:580.82.07-ubuntu24.04'] }));
  f.create('pods', pod({ name: 'trainer-0', namespace: 'training', images: ['docker.io/library/busybox', 'registry.k8s.io/pause@sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097'], ephemeralImages: ['nicolaka/netshoot:v0.13'] }));
  f.create('pods', pod({ name: 'old-driver', namespace: 'training', images: ['example.com/mirror/driver:550.54.15'] }));
  f.create('clusterpolicies', clusterPolicy());
}

describe('K8s collector', () => {
  it('reads server, images (unique with counts), policy and node', async () => {
    seedCluster();
    const m = measurement(await collect(k8sCollector({ kubeconfig: cluster.kubeconfig }), { NODE_NAME: 'ip-10-0-12-34.us-west-2.compute.internal' }));
    expect(m.type).toBe('K8s');
    expect(m.subtypes!.map((s) => s.subtype)).toEqual(['server', 'image', 'image-count', 'policy', 'node']);
    expect(m.unavailable).toBeUndefined();
    expect(data(m, 'server')).toEqual({ version: 'v1.33.5-eks-3025e55', platform: 'linux/amd64', goVersion: 'go1.24.6' });
    expect(data(m, 'image')).toEqual({
      busybox: 'latest',
      driver: '580.82.07-ubuntu24.04', // used by two containers, beats 550.54.15 used by one
      'gpu-operator': 'v25.3.0',
      'k8s-driver-manager': 'v0.8.0',
      netshoot: 'v0.13',
      pause: 'latest',
    });
    expect(data(m, 'image-count')).toEqual({
      'docker.io/library/busybox': 1,
      'example.com/mirror/driver:550.54.15': 1,
      'nicolaka/netshoot:v0.13': 1,
      'nvcr.io/nvidia/cloud-native/k8s-driver-manager:v0.8.0': 1,
      'nvcr.io/nvidia/driver:580.82.07-ubuntu24.04': 2,
      'nvcr.io/nvidia/gpu-operator:v25.3.0': 1,
      'registry.k8s.io/pause@sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097': 1,
    });
    expect(data(m, 'policy')).toMatchObject({
      'cdi.enabled': 'true',
      'daemonsets.tolerations': '[{"effect":"NoSchedule","key":"nvidia.com/gpu","operator":"Exists"}]',
      'driver.version': '580.82.07',
      'driver.enabled': 'true',
      'mig.strategy': 'single',
      'operator.defaultRuntime': 'containerd',
      'validator.plugin.env': '[{"name":"WITH_WORKLOAD","value":"false"}]',
    });
    // Empty arrays and maps produce no key.
    expect(data(m, 'policy')).not.toHaveProperty('devicePlugin.env');
    expect(data(m, 'policy')).not.toHaveProperty('operator.initContainer');
    expect(data(m, 'node')).toEqual({
      'source-node': 'ip-10-0-12-34.us-west-2.compute.internal',
      provider: 'eks',
      'provider-id': 'aws:///us-west-2a/i-0a1b2c3d4e5f60718',
      'container-runtime-id': 'containerd://1.7.27',
      'container-runtime-name': 'containerd',
      'container-runtime-version': '1.7.27',
      'kubelet-version': 'v1.33.5-eks-3025e55',
      'kernel-version': '6.8.0-1028-aws',
      'operating-system': 'linux',
      'os-image': 'Ubuntu 24.04.2 LTS',
    });
    // Secrets are never read.
    expect(cluster.fake.requests.some((r) => r.resource === 'secrets')).toBe(false);
  });

  it('lists pods page by page and never unpaged', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'work' } });
    for (let i = 0; i < 10; i++) cluster.fake.create('pods', pod({ name: `p${i}`, namespace: 'work', images: [`img:${i % 3}`] }));
    const m = measurement(await collect(k8sCollector({ kubeconfig: cluster.kubeconfig, pageSize: 3 }), { NODE_NAME: 'x' }));
    expect(data(m, 'image-count')).toEqual({ 'img:0': 4, 'img:1': 3, 'img:2': 3 });
    const lists = cluster.fake.requestsFor('list', 'pods');
    expect(lists.map((r) => r.query.limit)).toEqual(['3', '3', '3', '3']);
    expect(lists[0]!.query.continue).toBeUndefined();
    expect(lists.slice(1).every((r) => typeof r.query.continue === 'string')).toBe(true);
  });

  it('records why a subtype is missing: RBAC, absent node, no NODE_NAME', async () => {
    seedCluster();
    cluster.fake.users.set('viewer', { name: 'system:serviceaccount:ci:viewer', rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'nodes'] }] });
    const collector = k8sCollector({ kubeconfig: cluster.kubeconfigFor('viewer') });
    const m = measurement(await collect(collector, { HOSTNAME: 'ci-runner-7' }));
    expect(m.subtypes!.map((s) => s.subtype)).toEqual(['server', 'image', 'image-count']);
    expect(m.unavailable!.subtypes!.policy).toContain('RBAC denied "list" on clusterpolicies.nvidia.com at cluster scope for system:serviceaccount:ci:viewer');
    expect(m.unavailable!.subtypes!.node).toContain('no node named "ci-runner-7"');
    const without = measurement(await collect(collector, {}));
    expect(without.unavailable!.subtypes!.node).toContain('set NODE_NAME');
  });

  it('says the GPU Operator is not installed when the ClusterPolicy type does not exist', async () => {
    const fake = await startFakeKube({ without: ['clusterpolicies'] });
    try {
      resetKubeClients();
      const m = measurement(await collect(k8sCollector({ kubeconfig: fake.writeKubeconfig(cluster.dir, { file: 'no-crd' }) }), {}));
      expect(m.unavailable!.subtypes!.policy).toBe('the cluster has no nvidia.com/v1 ClusterPolicy resource (the NVIDIA GPU Operator is not installed)');
    } finally {
      await fake.close();
    }
  });

  it('is unavailable without configuration or when the API server cannot be reached', async () => {
    const none = await collect(k8sCollector(), { HOME: cluster.dir });
    expect(none).toEqual({ status: 'unavailable', reason: expect.stringContaining('no Kubernetes configuration') });
    const kubeconfig = cluster.kubeconfig;
    await cluster.fake.close();
    const down = await collect(k8sCollector({ kubeconfig, retry: fast }), {});
    expect(down.status).toBe('unavailable');
    expect(down.status === 'unavailable' && down.reason).toMatch(/cannot read the cluster version through kubeconfig .*: .*cannot reach the Kubernetes API server/);
    await cluster.fake.listen();
  });

  it('retries transient failures while listing', async () => {
    seedCluster();
    cluster.fake.inject({ verb: 'list', resource: 'pods', status: 503 });
    cluster.fake.inject({ verb: 'list', resource: 'pods', reset: true });
    const m = measurement(await collect(k8sCollector({ kubeconfig: cluster.kubeconfig, retry: { ...fast, attempts: 4 } }), {}));
    expect(Object.keys(data(m, 'image-count')!)).toHaveLength(7);
  });

  it('is offered through the orchestrator loader', async () => {
    const collectors = await kubernetesCollectors({ kubeconfig: cluster.kubeconfig, sources: ['k8s', 'topology'], maxNodesPerEntry: 2 });
    expect(collectors.map((c) => c.name)).toEqual(['k8s', 'topology']);
  });
});

describe('K8s helpers', () => {
  it('splits image references like upstream', () => {
    expect(imageNameAndTag('nvcr.io/nvidia/gpu-operator:v25.3.0')).toEqual({ name: 'gpu-operator', tag: 'v25.3.0' });
    expect(imageNameAndTag('registry.k8s.io/pause@sha256:abc')).toEqual({ name: 'pause', tag: 'latest' });
    expect(imageNameAndTag('localhost:5000/app')).toEqual({ name: 'app', tag: 'latest' });
    expect(imageNameAndTag('busybox:1.36@sha256:abc')).toEqual({ name: 'busybox', tag: '1.36' });
  });

  it('maps provider ids', () => {
    expect(providerFromId('aws:///us-west-2a/i-1')).toBe('eks');
    expect(providerFromId('gce://proj/zone/n')).toBe('gke');
    expect(providerFromId('azure:///subscriptions/x')).toBe('aks');
    expect(providerFromId('OCI://x')).toBe('oke');
    expect(providerFromId('kind://docker/kind/kind-control-plane')).toBe('kind');
    expect(providerFromId('linode://12345')).toBe('lke');
    expect(providerFromId('ocid1.instance.oc1.iad.abc')).toBe('oke');
    expect(nodeReadings({ status: { nodeInfo: { containerRuntimeVersion: 'cri-o' } } }, 'n')).toEqual({ 'source-node': 'n', 'container-runtime-id': 'cri-o' });
  });

  it('flattens specs with upstream rules and redacts secret values', () => {
    expect(flattenSpec({ a: { b: 1, c: true, d: null, e: [], f: {} }, g: [{ y: 1, x: 2 }], h: 'text' })).toEqual({ 'a.b': '1', 'a.c': 'true', g: '[{"x":2,"y":1}]', h: 'text' });
    const redacted = redactObject({ driver: { licensingConfig: { configMapName: 'lic', token: 'abc' }, env: [{ name: 'NGC_API_KEY', value: 'nvapi-123' }, { name: 'DEBUG', value: '1' }] }, imagePullSecrets: ['ngc-secret'] });
    expect(flattenSpec(redacted)).toEqual({
      'driver.licensingConfig.configMapName': 'lic',
      'driver.licensingConfig.token': '<redacted>',
      'driver.env': '[{"name":"NGC_API_KEY","value":"<redacted>"},{"name":"DEBUG","value":"1"}]',
      imagePullSecrets: '["ngc-secret"]',
    });
  });
});
