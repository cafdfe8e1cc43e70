import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../../src/core/documents/types.js';
import { silentLogger } from '../../../src/core/logger.js';
import { collectSnapshot } from '../../../src/core/snapshot/index.js';
import type { CollectorResult } from '../../../src/core/snapshot/collector.js';
import { kubernetesCollectors } from '../../../src/core/snapshot/collectors/k8s.js';
import { nodeList, topologyCollector } from '../../../src/core/snapshot/collectors/topology.js';
import { node, pod } from '../../fake-kube/index.js';
import { useFakeCluster } from '../../fake-kube/harness.js';

const cluster = useFakeCluster();

async function collect(options: Parameters<typeof topologyCollector>[0]): Promise<CollectorResult> {
  return topologyCollector({ kubeconfig: cluster.kubeconfig, ...options }).collect({ logger: silentLogger, signal: new AbortController().signal, env: {} });
}

function topology(result: CollectorResult): Record<string, Record<string, unknown>> {
  expect(result.status).toBe('collected');
  const m = (result as { measurements: Measurement[] }).measurements[0]!;
  expect(m.type).toBe('NodeTopology');
  return Object.fromEntries(m.subtypes!.map((s) => [s.subtype!, s.data]));
}

function seedNodes(): void {
  const f = cluster.fake;
  f.create('nodes', node({ name: 'cpu-1', labels: { 'node.kubernetes.io/instance-type': 'm7i.2xlarge', 'topology.kubernetes.io/zone': 'us-west-2a' } }));
  f.create('nodes', node({
    name: 'gpu-2',
    gpus: 8,
    labels: { 'node.kubernetes.io/instance-type': 'p5.48xlarge', 'nvidia.com/gpu.present': 'true', 'topology.kubernetes.io/zone': 'us-west-2a' },
    taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }, { key: 'dedicated', value: 'training', effect: 'NoSchedule' }],
  }));
  f.create('nodes', node({
    name: 'gpu-1',
    gpus: 8,
    labels: { 'node.kubernetes.io/instance-type': 'p5.48xlarge', 'nvidia.com/gpu.present': 'true', 'topology.kubernetes.io/zone': 'us-west-2a' },
    taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }, { key: 'dedicated', value: 'inference', effect: 'NoSchedule' }, { key: 'dedicated', effect: 'NoExecute' }],
  }));
  f.create('nodes', node({ name: 'gpu-3', gpus: 4, labels: { 'nvidia.com/gpu.present': 'true', 'topology.kubernetes.io/zone': 'us-west-2b' }, taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] }));
}

describe('NodeTopology collector', () => {
  it('groups labels, taints and allocatable GPUs over all nodes', async () => {
    seedNodes();
    const t = topology(await collect({}));
    expect(Object.keys(t)).toEqual(['summary', 'taint', 'label', 'gpu']);
    expect(t.taint).toEqual({
      'dedicated.NoExecute': '|gpu-1',
      'dedicated.NoSchedule.inference': 'inference|gpu-1',
      'dedicated.NoSchedule.training': 'training|gpu-2',
      'nvidia.com/gpu': 'NoSchedule|present|gpu-1,gpu-2,gpu-3',
    });
    expect(t.label).toMatchObject({
      'kubernetes.io/os': 'linux|cpu-1,gpu-1,gpu-2,gpu-3',
      'node.kubernetes.io/instance-type.m7i.2xlarge': 'm7i.2xlarge|cpu-1',
      'node.kubernetes.io/instance-type.p5.48xlarge': 'p5.48xlarge|gpu-1,gpu-2',
      'nvidia.com/gpu.present': 'true|gpu-1,gpu-2,gpu-3',
      'topology.kubernetes.io/zone.us-west-2a': 'us-west-2a|cpu-1,gpu-1,gpu-2',
      'topology.kubernetes.io/zone.us-west-2b': 'us-west-2b|gpu-3',
      'kubernetes.io/hostname.gpu-3': 'gpu-3|gpu-3',
    });
    expect(t.summary).toEqual({ 'node-count': 4, 'taint-count': 4, 'label-count': Object.keys(t.label!).length });
    expect(t.gpu).toEqual({ 'node-count': 3, allocatable: 20, 'allocatable.4': 'gpu-3', 'allocatable.8': 'gpu-1,gpu-2' });
  });

  it('truncates node lists with maxNodesPerEntry', async () => {
    seedNodes();
    const t = topology(await collect({ maxNodesPerEntry: 2 }));
    expect(t.label!['kubernetes.io/os']).toBe('linux|cpu-1,gpu-1 (+2 more)');
    expect(t.taint!['nvidia.com/gpu']).toBe('NoSchedule|present|gpu-1,gpu-2 (+1 more)');
    expect(nodeList(['b', 'a'], 0)).toBe('a,b');
  });

  it('pages through nodes with limit/continue', async () => {
    for (let i = 0; i < 7; i++) cluster.fake.create('nodes', node({ name: `n${i}`, gpus: 8 }));
    const t = topology(await collect({ pageSize: 2 }));
    expect(t.summary!['node-count']).toBe(7);
    expect(cluster.fake.requestsFor('list', 'nodes').map((r) => r.query.limit)).toEqual(['2', '2', '2', '2']);
  });

  it('is unavailable (not a partial count) when listing fails midway', async () => {
    for (let i = 0; i < 5; i++) cluster.fake.create('nodes', node({ name: `n${i}` }));
    // The first page is served; from then on the identity loses its permission.
    let lists = 0;
    cluster.fake.inject({ verb: 'list', resource: 'nodes', afterResponse: () => { lists++; cluster.fake.inject({ verb: 'list', resource: 'nodes', status: 403, message: 'nodes is forbidden: User "ci" cannot list resource "nodes" in API group "" at the cluster scope' }); } });
    const result = await collect({ pageSize: 2 });
    expect(lists).toBe(1);
    // The code makes a required topology exit 4, not 3 (the source is there, the cluster refused).
    expect(result).toEqual({ status: 'unavailable', reason: expect.stringContaining('RBAC denied "list" on nodes at cluster scope for ci'), code: 'UNAUTHORIZED' });
  });
});

describe('Kubernetes collectors in the snapshot orchestrator', () => {
  it('produce K8s and NodeTopology measurements in a snapshot', async () => {
    seedNodes();
    cluster.fake.create('pods', pod({ name: 'p', namespace: 'default', images: ['nvcr.io/nvidia/gpu-operator:v25.3.0'] }));
    const collectors = await kubernetesCollectors({ kubeconfig: cluster.kubeconfig, sources: ['k8s', 'topology'] });
    const { snapshot, sources } = await collectSnapshot({ collectors, env: { NODE_NAME: 'gpu-1' }, logger: silentLogger });
    expect(snapshot.measurements.map((m) => m.type)).toEqual(['K8s', 'NodeTopology']);
    expect(sources.map((s) => `${s.source}:${s.status}`)).toEqual(['k8s:collected', 'topology:collected']);
    const k8s = snapshot.measurements[0]!;
    expect(k8s.unavailable).toBeUndefined();
    // The ClusterPolicy type exists but has no instance: an empty, measured policy subtype.
    expect(k8s.subtypes!.find((s) => s.subtype === 'policy')!.data).toEqual({});
    expect(k8s.subtypes!.find((s) => s.subtype === 'node')!.data['kubelet-version']).toBe('v1.33.5-eks-3025e55');
  });
});
