/**
 * Kubernetes collection at scale: the K8s and NodeTopology collectors (run concurrently, as the
 * snapshot orchestrator runs them) against the fake API server serving 1,000 / 5,000 / 20,000
 * nodes with 20 pods per node, every list paged (500 per page).
 *
 * Each measurement runs in a child process (this file bundled with esbuild like the CLI, started with
 * AICR_KUBE_BENCH_CHILD) so its peak RSS is its own; the fake server lives in this process and
 * generates objects on demand.
 * Baseline, measured in the same run and interleaved: a child that reads the same pages with
 * plain fetch + JSON.parse and keeps nothing (the cost of the transfer itself).
 *
 * Target: at 5,000 nodes (100,000 pods) collection takes at most 10 s and at most 256 MB peak RSS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, rows } from './harness.js';

/** AICR_KUBE_BENCH_SIZES=100,200 runs other sizes (quick checks). */
const SIZES = process.env.AICR_KUBE_BENCH_SIZES ? process.env.AICR_KUBE_BENCH_SIZES.split(',').map(Number) : [1_000, 5_000, 20_000];
const PODS_PER_NODE = 20;
const PAGE_SIZE = 500;
const TARGET_NODES = 5_000;
const TARGET_MS = 10_000;
const TARGET_RSS_MB = 256;

interface ChildResult {
  wallMs: number;
  maxRssMb: number;
  nodes: number;
  pods: number;
  readings: number;
}

// ------------------------------------------------------------------ synthetic cluster

const IMAGES = [
  'nvcr.io/nvidia/gpu-operator:v25.3.0',
  'nvcr.io/nvidia/driver:580.82.07-ubuntu24.04',
  'nvcr.io/nvidia/k8s-device-plugin:v0.17.2',
  'nvcr.io/nvidia/k8s/dcgm-exporter:4.2.3-4.1.3-ubuntu22.04',
  'registry.k8s.io/pause:3.9',
  '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1',
  'registry.k8s.io/kube-proxy:v1.33.0',
  'nvcr.io/nvidia/pytorch:25.01-py3',
  'docker.io/library/busybox:1.36',
  'ghcr.io/example/trainer:2026.03.1',
];

/** Names sort in index order, as the fake's generated collections require. */
function nodeName(i: number): string {
  return `ip-10-0-${String(i).padStart(6, '0')}.us-west-2.compute.internal`;
}

/** A Node shaped like one of an EKS GPU node group (labels, taints, allocatable, images). */
export function syntheticNode(i: number): Record<string, unknown> {
  const gpu = i % 4 !== 0;
  const name = nodeName(i);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resourceVersion: String(1000 + i),
      creationTimestamp: '2026-03-01T00:00:00Z',
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': gpu ? 'p5.48xlarge' : 'm7i.2xlarge',
        'topology.kubernetes.io/region': 'us-west-2',
        'topology.kubernetes.io/zone': `us-west-2${'abc'[i % 3]}`,
        'eks.amazonaws.com/nodegroup': gpu ? 'gpu-pool' : 'system-pool',
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        ...(gpu ? { 'nvidia.com/gpu.present': 'true', 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3', 'nvidia.com/gpu.count': '8' } : {}),
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true', 'alpha.kubernetes.io/provided-node-ip': '10.0.12.34' },
    },
    spec: {
      providerID: `aws:///us-west-2a/i-${i.toString(16).padStart(17, '0')}`,
      ...(gpu ? { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] } : {}),
    },
    status: {
      capacity: { cpu: '192', memory: '2097152000Ki', pods: '737', 'ephemeral-storage': '104845292Ki', ...(gpu ? { 'nvidia.com/gpu': '8' } : {}) },
      allocatable: { cpu: '191450m', memory: '2002213672Ki', pods: '737', 'ephemeral-storage': '94477937868', ...(gpu ? { 'nvidia.com/gpu': '8' } : {}) },
      conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({ type, status: type === 'Ready' ? 'True' : 'False', lastHeartbeatTime: '2026-03-10T20:00:00Z', lastTransitionTime: '2026-03-01T00:00:00Z', reason: `Kubelet${type}`, message: `kubelet reports ${type}` })),
      addresses: [{ type: 'InternalIP', address: '10.0.12.34' }, { type: 'Hostname', address: name }],
      nodeInfo: { machineID: 'ec2b3f0c1c2d3e4f', systemUUID: 'ec2b3f0c-1c2d-3e4f', bootID: '5f0a3c1e-2b4d', kernelVersion: '6.8.0-1028-aws', osImage: 'Ubuntu 24.04.2 LTS', containerRuntimeVersion: 'containerd://1.7.27', kubeletVersion: 'v1.33.5-eks-3025e55', kubeProxyVersion: 'v1.33.5-eks-3025e55', operatingSystem: 'linux', architecture: 'amd64' },
      images: IMAGES.map((image, n) => ({ names: [image, `${image.split(':')[0]}@sha256:${String(n).padStart(64, 'a')}`], sizeBytes: 100_000_000 + n })),
    },
  };
}

/** A running Pod of a training job or a node daemon (two containers, init container on some). */
export function syntheticPod(i: number): Record<string, unknown> {
  const node = Math.floor(i / PODS_PER_NODE);
  const namespace = `team-${String(Math.floor(i / 10_000)).padStart(3, '0')}`;
  const name = `pod-${String(i).padStart(8, '0')}`;
  const image = IMAGES[i % IMAGES.length]!;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resourceVersion: String(5000 + i),
      creationTimestamp: '2026-03-10T20:00:00Z',
      labels: { app: `app-${i % 13}`, 'pod-template-hash': '5d8f7c9b6d', 'app.kubernetes.io/part-of': 'training' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `app-${i % 13}-5d8f7c9b6d`, uid: '20000000-0000-4000-8000-000000000000', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      nodeName: nodeName(node),
      serviceAccountName: 'default',
      restartPolicy: 'Always',
      ...(i % 3 === 0 ? { initContainers: [{ name: 'init', image: IMAGES[(i + 3) % IMAGES.length], command: ['sh', '-c', 'true'] }] } : {}),
      containers: [
        { name: 'main', image, command: ['/bin/run'], args: ['--epochs', '10'], env: [{ name: 'NCCL_DEBUG', value: 'INFO' }, { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], resources: { limits: { 'nvidia.com/gpu': '1', cpu: '8', memory: '64Gi' }, requests: { cpu: '4', memory: '32Gi' } }, volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'kube-api-access', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }], ports: [{ containerPort: 8080, protocol: 'TCP' }] },
        { name: 'sidecar', image: IMAGES[(i + 1) % IMAGES.length], resources: { requests: { cpu: '100m', memory: '128Mi' } } },
      ],
      volumes: [{ name: 'data', emptyDir: {} }, { name: 'kube-api-access', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] } }],
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    },
    status: {
      phase: 'Running',
      hostIP: '10.0.12.34',
      podIP: '10.0.99.1',
      startTime: '2026-03-10T20:00:00Z',
      qosClass: 'Burstable',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: '2026-03-10T20:00:01Z' })),
      containerStatuses: [
        { name: 'main', image, imageID: `${image.split(':')[0]}@sha256:${'b'.repeat(64)}`, containerID: `containerd://${'c'.repeat(64)}`, ready: true, started: true, restartCount: 0, state: { running: { startedAt: '2026-03-10T20:00:02Z' } } },
        { name: 'sidecar', image: IMAGES[(i + 1) % IMAGES.length], imageID: `sha256:${'d'.repeat(64)}`, containerID: `containerd://${'e'.repeat(64)}`, ready: true, started: true, restartCount: 0, state: { running: { startedAt: '2026-03-10T20:00:02Z' } } },
      ],
    },
  };
}

// ------------------------------------------------------------------ child side

async function childMain(): Promise<void> {
  const mode = process.env.AICR_KUBE_BENCH_CHILD!;
  const kubeconfig = process.env.AICR_KUBE_BENCH_KUBECONFIG!;
  let result: ChildResult;
  if (mode === 'collect') {
    const { kubernetesCollectors } = await import('../src/core/snapshot/collectors/k8s.js');
    const { silentLogger } = await import('../src/core/logger.js');
    const { getKubeClient } = await import('../src/core/kube/client.js');
    await getKubeClient({ kubeconfig }); // load the client outside the timed part, as a warm CLI would have
    const started = performance.now();
    const collectors = await kubernetesCollectors({ kubeconfig, sources: ['k8s', 'topology'], pageSize: PAGE_SIZE });
    const signal = new AbortController().signal;
    const results = await Promise.all(collectors.map((c) => c.collect({ logger: silentLogger, signal, env: { NODE_NAME: nodeName(1) } })));
    const wallMs = performance.now() - started;
    let readings = 0;
    let nodes = 0;
    let pods = 0;
    for (const r of results) {
      if (r.status !== 'collected') throw new Error(`collector unavailable: ${r.reason}`);
      for (const m of r.measurements) {
        for (const s of m.subtypes ?? []) readings += Object.keys(s.data).length;
        if (m.type === 'NodeTopology') nodes = Number(m.subtypes!.find((s) => s.subtype === 'summary')!.data['node-count']);
        if (m.type === 'K8s') pods = Object.values(m.subtypes!.find((s) => s.subtype === 'image-count')!.data).reduce<number>((sum, n) => sum + Number(n), 0);
      }
    }
    result = { wallMs, maxRssMb: process.resourceUsage().maxRSS / 1024, nodes, pods, readings };
  } else {
    // Baseline: the same paged requests with plain fetch + JSON.parse, nothing kept.
    const { readFileSync } = await import('node:fs');
    const yaml = await import('yaml');
    // CommonJS through a bundled dynamic import: only `default` carries the functions.
    const { parse } = yaml.default ?? yaml;
    const config = parse(readFileSync(kubeconfig, 'utf8'));
    const server: string = config.clusters[0].cluster.server;
    const token: string = config.users[0].user.token;
    const started = performance.now();
    let nodes = 0;
    let pods = 0;
    const readAll = async (path: string): Promise<number> => {
      let count = 0;
      let token2: string | undefined;
      do {
        const url = new URL(path, server);
        url.searchParams.set('limit', String(PAGE_SIZE));
        if (token2) url.searchParams.set('continue', token2);
        const page = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[]; metadata: { continue?: string } };
        count += page.items.length;
        token2 = page.metadata.continue || undefined;
      } while (token2);
      return count;
    };
    [nodes, pods] = await Promise.all([readAll('/api/v1/nodes'), readAll('/api/v1/pods')]);
    result = { wallMs: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, nodes, pods, readings: 0 };
  }
  process.stdout.write(JSON.stringify(result));
}

// ------------------------------------------------------------------ parent side

/**
 * Bundles this file the way the CLI is shipped (esbuild, ESM, client-node in a lazy chunk), so
 * the child's memory is that of plain node running our code, not of a TypeScript loader.
 */
async function bundleChild(out: string): Promise<string> {
  // Loaded here, and left out of the child: the child only runs the measuring side.
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [fileURLToPath(import.meta.url)], bundle: true, splitting: true, format: 'esm', platform: 'node', outdir: out, logLevel: 'error', external: ['esbuild'],
    banner: { js: "import{createRequire as __r}from'node:module';const require=__r(import.meta.url);" },
  });
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  return join(out, 'kube.bench.js');
}

function runChild(script: string, mode: 'collect' | 'baseline', kubeconfig: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, AICR_KUBE_BENCH_CHILD: mode, AICR_KUBE_BENCH_KUBECONFIG: kubeconfig },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new Error(`bench child (${mode}) exited ${code}: ${err}`))));
  });
}

export async function run(_root: string): Promise<void> {
  const { startFakeKube } = await import('../test/fake-kube/server.js');
  const dir = mkdtempSync(join(tmpdir(), 'aicr-kube-bench-'));
  const script = await bundleChild(join(dir, 'child'));
  const measured: Array<{ nodes: number; collect: ChildResult; baseline: ChildResult }> = [];
  try {
    for (const nodes of SIZES) {
      const fake = await startFakeKube();
      fake.setVirtual('nodes', { count: nodes, at: syntheticNode });
      fake.setVirtual('pods', { count: nodes * PODS_PER_NODE, at: syntheticPod });
      const kubeconfig = fake.writeKubeconfig(dir, { file: `kubeconfig-${nodes}` });
      const repeats = nodes >= 20_000 ? 1 : 3;
      const collect: ChildResult[] = [];
      const baseline: ChildResult[] = [];
      try {
        for (let r = 0; r < repeats; r++) {
          baseline.push(await runChild(script, 'baseline', kubeconfig));
          collect.push(await runChild(script, 'collect', kubeconfig));
        }
      } finally {
        await fake.close();
      }
      for (const result of collect) {
        if (result.nodes !== nodes || result.pods !== nodes * PODS_PER_NODE * 2 + Math.ceil((nodes * PODS_PER_NODE) / 3)) {
          throw new Error(`collection at ${nodes} nodes saw ${result.nodes} nodes and ${result.pods} containers`);
        }
      }
      const pick = (list: ChildResult[]): ChildResult => ({
        ...list[0]!,
        wallMs: median(list.map((x) => x.wallMs)),
        maxRssMb: Math.max(...list.map((x) => x.maxRssMb)),
      });
      measured.push({ nodes, collect: pick(collect), baseline: pick(baseline) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const first = measured[0]!;
  for (const { nodes, collect, baseline } of measured) {
    const pods = nodes * PODS_PER_NODE;
    const isTarget = nodes === TARGET_NODES;
    const growth = nodes === first.nodes ? '' : `, ${(collect.wallMs / first.collect.wallMs).toFixed(1)}x the time of ${first.nodes.toLocaleString('en-US')} nodes`;
    rows.push({
      benchmark: `K8s + NodeTopology collection, ${nodes.toLocaleString('en-US')} nodes / ${pods.toLocaleString('en-US')} pods (wall time)`,
      figure: `${(collect.wallMs / 1000).toFixed(2)} s (${Math.round(pods / (collect.wallMs / 1000)).toLocaleString('en-US')} pods/s${growth})`,
      baseline: `${(baseline.wallMs / 1000).toFixed(2)} s (raw paged fetch)`,
      ratio: `${(collect.wallMs / baseline.wallMs).toFixed(2)}x`,
      target: isTarget ? `<= ${TARGET_MS / 1000} s` : 'none (growth)',
      ok: isTarget ? collect.wallMs <= TARGET_MS : true,
    });
    rows.push({
      benchmark: `K8s + NodeTopology collection, ${nodes.toLocaleString('en-US')} nodes (peak RSS of the collecting process)`,
      figure: `${collect.maxRssMb.toFixed(0)} MB`,
      baseline: `${baseline.maxRssMb.toFixed(0)} MB (raw paged fetch)`,
      ratio: `${(collect.maxRssMb / baseline.maxRssMb).toFixed(2)}x`,
      target: isTarget ? `<= ${TARGET_RSS_MB} MB` : 'none (growth)',
      ok: isTarget ? collect.maxRssMb <= TARGET_RSS_MB : true,
    });
  }
}

if (process.env.AICR_KUBE_BENCH_CHILD) {
  childMain().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
