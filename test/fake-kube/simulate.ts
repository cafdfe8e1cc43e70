/**
 * Controllers the fake API server does not run by itself: a Job controller that starts the
 * agent pod and plays out what the in-cluster agent would do (log lines, the ConfigMap it
 * writes, pod and Job status), and builders for realistic nodes, pods and ClusterPolicies.
 */
import type { FakeKube, KubeObject } from './server.js';

type AgentOutcome = 'succeed' | 'fail' | 'hang' | 'unschedulable' | 'image-pull';

export interface AgentBehaviour {
  outcome: AgentOutcome;
  /** The snapshot text the agent writes (key `snapshot.yaml`, format yaml, as upstream does). */
  snapshot?: string;
  /** Log lines the agent prints (each ends with a newline). */
  logs?: string[];
  /** Delay before the pod finishes (ms). */
  runMs?: number;
  /** Write nothing even on success (a broken agent image). */
  skipWrite?: boolean;
  /** Node the pod lands on. */
  nodeName?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** The `-o cm://ns/name` target in the agent container's args. */
function agentTarget(job: KubeObject): { namespace: string; name: string } | undefined {
  const args: string[] = job.spec?.template?.spec?.containers?.[0]?.args ?? [];
  const index = args.findIndex((a) => a === '-o' || a === '--output');
  const uri = index >= 0 ? args[index + 1] : undefined;
  const match = uri ? /^cm:\/\/([^/]+)\/(.+)$/.exec(uri) : null;
  return match ? { namespace: match[1]!, name: match[2]! } : undefined;
}

/**
 * Acts as the Job controller plus kubelet plus the agent for every Job created from now on.
 * Returns the list of pods started, for assertions.
 */
export function simulateAgentJobs(fake: FakeKube, behaviour: AgentBehaviour | ((job: KubeObject) => AgentBehaviour)): KubeObject[] {
  const started: KubeObject[] = [];
  fake.onCreate('jobs', async (job) => {
    const plan = typeof behaviour === 'function' ? behaviour(job) : behaviour;
    const namespace = job.metadata.namespace as string;
    const template = job.spec.template;
    const containerName: string = template.spec.containers[0].name;
    const podName = `${job.metadata.name}-${Math.random().toString(36).slice(2, 7)}`;
    const pod = fake.create('pods', {
      metadata: {
        name: podName,
        namespace,
        labels: { ...(template.metadata?.labels ?? {}) },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, uid: job.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: { ...template.spec, nodeName: plan.outcome === 'unschedulable' ? undefined : plan.nodeName ?? 'gpu-node-1' },
      status: { phase: 'Pending' },
    });
    started.push(pod);
    fake.patch('jobs', namespace, job.metadata.name, { status: { active: 1, startTime: now(), ready: 0 } });
    await sleep(5);
    if (plan.outcome === 'unschedulable') {
      fake.patch('pods', namespace, podName, {
        status: {
          phase: 'Pending',
          conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling." }],
        },
      });
      return;
    }
    if (plan.outcome === 'image-pull') {
      fake.patch('pods', namespace, podName, {
        status: {
          phase: 'Pending',
          conditions: [{ type: 'PodScheduled', status: 'True' }],
          containerStatuses: [{ name: containerName, ready: false, restartCount: 0, image: template.spec.containers[0].image, imageID: '', state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${template.spec.containers[0].image}"` } } }],
        },
      });
      return;
    }
    const startedAt = now();
    fake.patch('pods', namespace, podName, {
      status: {
        phase: 'Running',
        startTime: startedAt,
        conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True' }],
        containerStatuses: [{ name: containerName, ready: true, started: true, restartCount: 0, image: template.spec.containers[0].image, imageID: 'ghcr.io/nvidia/aicr@sha256:0f3b', state: { running: { startedAt } } }],
      },
    });
    fake.patch('jobs', namespace, job.metadata.name, { status: { ready: 1 } });
    for (const line of plan.logs ?? []) {
      fake.appendPodLog(namespace, podName, containerName, line.endsWith('\n') ? line : `${line}\n`);
      await sleep(1);
    }
    if (plan.outcome === 'hang') return;
    await sleep(plan.runMs ?? 10);
    if (!fake.get('jobs', namespace, job.metadata.name)) return; // deleted meanwhile
    const succeeded = plan.outcome === 'succeed';
    if (succeeded && !plan.skipWrite) {
      const target = agentTarget(job);
      if (target) {
        const data = { format: 'yaml', 'snapshot.yaml': plan.snapshot ?? 'kind: Snapshot\napiVersion: aicr.run/v1\nmeasurements: []\n', timestamp: now() };
        const labels = { 'app.kubernetes.io/name': 'aicr', 'app.kubernetes.io/component': 'Snapshot', 'app.kubernetes.io/version': 'unknown' };
        const existing = fake.get('configmaps', target.namespace, target.name);
        if (existing) fake.update('configmaps', { ...existing, metadata: { ...existing.metadata, labels }, data });
        else fake.create('configmaps', { metadata: { name: target.name, namespace: target.namespace, labels }, data });
      }
    }
    const finishedAt = now();
    fake.patch('pods', namespace, podName, {
      status: {
        phase: succeeded ? 'Succeeded' : 'Failed',
        conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'False', reason: 'PodCompleted' }],
        containerStatuses: [{
          name: containerName,
          ready: false,
          started: false,
          restartCount: 0,
          image: template.spec.containers[0].image,
          imageID: 'ghcr.io/nvidia/aicr@sha256:0f3b',
          state: { terminated: { exitCode: succeeded ? 0 : 1, reason: succeeded ? 'Completed' : 'Error', startedAt, finishedAt } },
        }],
      },
    });
    fake.endPodLog(namespace, podName, containerName);
    const jobNow = fake.get('jobs', namespace, job.metadata.name);
    if (!jobNow) return;
    const conditions = succeeded
      ? [
          { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: finishedAt, lastTransitionTime: finishedAt },
          { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: finishedAt, lastTransitionTime: finishedAt },
        ]
      : [
          { type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastProbeTime: finishedAt, lastTransitionTime: finishedAt },
          { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastProbeTime: finishedAt, lastTransitionTime: finishedAt },
        ];
    fake.update('jobs', {
      ...jobNow,
      status: {
        ...jobNow.status,
        active: 0,
        ready: 0,
        ...(succeeded ? { succeeded: 1, completionTime: finishedAt } : { failed: 1 }),
        conditions,
      },
    });
  });
  return started;
}

export interface NodeSpec {
  name: string;
  labels?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: string }>;
  gpus?: number;
  providerID?: string;
  kubeletVersion?: string;
  containerRuntimeVersion?: string;
  osImage?: string;
  kernelVersion?: string;
}

/** A Node object shaped like one from an EKS GPU node group. */
export function node(spec: NodeSpec): KubeObject {
  const allocatable: Record<string, string> = { cpu: '191450m', memory: '2002213672Ki', pods: '737', 'ephemeral-storage': '94477937868' };
  if (spec.gpus) allocatable['nvidia.com/gpu'] = String(spec.gpus);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: { 'kubernetes.io/hostname': spec.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...(spec.labels ?? {}) },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: {
      ...(spec.providerID ? { providerID: spec.providerID } : {}),
      ...(spec.taints ? { taints: spec.taints } : {}),
    },
    status: {
      capacity: { ...allocatable },
      allocatable,
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      addresses: [{ type: 'InternalIP', address: '10.0.12.34' }, { type: 'Hostname', address: spec.name }],
      nodeInfo: {
        machineID: 'ec2b3f0c1c2d3e4f5a6b7c8d9e0f1a2b',
        systemUUID: 'ec2b3f0c-1c2d-3e4f-5a6b-7c8d9e0f1a2b',
        bootID: '5f0a3c1e-2b4d-4f6a-8c0e-1a3b5c7d9e0f',
        kernelVersion: spec.kernelVersion ?? '6.8.0-1028-aws',
        osImage: spec.osImage ?? 'Ubuntu 24.04.2 LTS',
        containerRuntimeVersion: spec.containerRuntimeVersion ?? 'containerd://1.7.27',
        kubeletVersion: spec.kubeletVersion ?? 'v1.33.5-eks-3025e55',
        kubeProxyVersion: spec.kubeletVersion ?? 'v1.33.5-eks-3025e55',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [],
    },
  };
}

export interface PodSpec {
  name: string;
  namespace: string;
  nodeName?: string;
  images: string[];
  initImages?: string[];
  ephemeralImages?: string[];
  labels?: Record<string, string>;
}

/** A running Pod with the given container images. */
export function pod(spec: PodSpec): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: spec.name, namespace: spec.namespace, labels: spec.labels ?? { app: spec.name } },
    spec: {
      nodeName: spec.nodeName ?? 'gpu-node-1',
      containers: spec.images.map((image, i) => ({ name: `c${i}`, image, resources: {} })),
      ...(spec.initImages ? { initContainers: spec.initImages.map((image, i) => ({ name: `init${i}`, image })) } : {}),
      ...(spec.ephemeralImages ? { ephemeralContainers: spec.ephemeralImages.map((image, i) => ({ name: `debug${i}`, image })) } : {}),
      restartPolicy: 'Always',
      serviceAccountName: 'default',
    },
    status: {
      phase: 'Running',
      containerStatuses: spec.images.map((image, i) => ({ name: `c${i}`, image, imageID: `${image.split(':')[0]}@sha256:${String(i).padStart(64, '0')}`, ready: true, restartCount: 0, state: { running: { startedAt: '2026-03-10T20:00:00Z' } } })),
    },
  };
}

/** A GPU Operator ClusterPolicy (nvidia.com/v1), abridged from a default Helm install. */
export function clusterPolicy(name = 'cluster-policy', driverVersion = '580.82.07'): KubeObject {
  return {
    apiVersion: 'nvidia.com/v1',
    kind: 'ClusterPolicy',
    metadata: { name },
    spec: {
      cdi: { enabled: true, default: false },
      daemonsets: { tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }], priorityClassName: 'system-node-critical', updateStrategy: 'RollingUpdate' },
      devicePlugin: { enabled: true, repository: 'nvcr.io/nvidia', image: 'k8s-device-plugin', version: 'v0.17.2', env: [] },
      driver: { enabled: true, repository: 'nvcr.io/nvidia', image: 'driver', version: driverVersion, useOpenKernelModules: true, rdma: { enabled: false, useHostMofed: false } },
      mig: { strategy: 'single' },
      operator: { defaultRuntime: 'containerd', runtimeClass: 'nvidia', initContainer: {} },
      toolkit: { enabled: true, version: 'v1.17.8-ubuntu20.04' },
      dcgmExporter: { enabled: true, serviceMonitor: { enabled: false, interval: '15s' } },
      gfd: { enabled: true },
      nodeStatusExporter: { enabled: false },
      validator: { plugin: { env: [{ name: 'WITH_WORKLOAD', value: 'false' }] } },
    },
    status: { state: 'ready', namespace: 'gpu-operator' },
  };
}
