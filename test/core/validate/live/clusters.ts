/**
 * Clusters for the live phases, built from objects: every component of the embedded catalog
 * that has a health check, installed healthy or broken in a known way, plus a recipe naming
 * them. The table says where each component's workload and pods live, as its Helm chart puts
 * them (the health checks in recipes/checks/ assert exactly these).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import type { RecipeResult } from '../../../../src/core/documents/types.js';
import { clusterPolicy, pod, type FakeKube, type KubeObject } from '../../../fake-kube/index.js';

interface Component {
  name: string;
  namespace: string;
  workload: { kind: 'Deployment' | 'DaemonSet'; name: string } | { kind: 'Skyhook'; name: string };
  /** Labels of its pods (the checks of shared namespaces select by label). */
  podLabels: Record<string, string>;
}

export const COMPONENTS: Component[] = [
  { name: 'gpu-operator', namespace: 'gpu-operator', workload: { kind: 'Deployment', name: 'gpu-operator' }, podLabels: { app: 'gpu-operator' } },
  { name: 'network-operator', namespace: 'nvidia-network-operator', workload: { kind: 'Deployment', name: 'network-operator' }, podLabels: { app: 'network-operator' } },
  { name: 'aws-efa', namespace: 'kube-system', workload: { kind: 'DaemonSet', name: 'aws-efa-k8s-device-plugin' }, podLabels: { 'app.kubernetes.io/name': 'aws-efa-k8s-device-plugin' } },
  { name: 'aws-ebs-csi-driver', namespace: 'kube-system', workload: { kind: 'Deployment', name: 'ebs-csi-controller' }, podLabels: { 'app.kubernetes.io/name': 'aws-ebs-csi-driver' } },
  { name: 'cert-manager', namespace: 'cert-manager', workload: { kind: 'Deployment', name: 'cert-manager' }, podLabels: { app: 'cert-manager' } },
  { name: 'skyhook-operator', namespace: 'skyhook', workload: { kind: 'Deployment', name: 'skyhook-operator-controller-manager' }, podLabels: { app: 'skyhook-operator' } },
  { name: 'skyhook-customizations', namespace: 'skyhook', workload: { kind: 'Skyhook', name: 'tuning' }, podLabels: {} },
  { name: 'nvsentinel', namespace: 'nvsentinel', workload: { kind: 'Deployment', name: 'labeler' }, podLabels: { app: 'labeler' } },
  { name: 'nvidia-dra-driver-gpu', namespace: 'nvidia-dra-driver', workload: { kind: 'DaemonSet', name: 'nvidia-dra-driver-gpu-kubelet-plugin' }, podLabels: { app: 'nvidia-dra-driver-gpu' } },
  { name: 'kube-prometheus-stack', namespace: 'monitoring', workload: { kind: 'Deployment', name: 'kube-prometheus-operator' }, podLabels: { 'app.kubernetes.io/name': 'kube-prometheus-stack' } },
  { name: 'prometheus-adapter', namespace: 'monitoring', workload: { kind: 'Deployment', name: 'prometheus-adapter' }, podLabels: { 'app.kubernetes.io/name': 'prometheus-adapter' } },
  { name: 'k8s-ephemeral-storage-metrics', namespace: 'monitoring', workload: { kind: 'Deployment', name: 'k8s-ephemeral-storage-metrics' }, podLabels: { 'app.kubernetes.io/name': 'k8s-ephemeral-storage-metrics' } },
  { name: 'kai-scheduler', namespace: 'kai-scheduler', workload: { kind: 'Deployment', name: 'kai-operator' }, podLabels: { app: 'kai-operator' } },
  { name: 'dynamo-platform', namespace: 'dynamo-system', workload: { kind: 'Deployment', name: 'dynamo-operator' }, podLabels: { app: 'dynamo-operator' } },
  { name: 'kgateway', namespace: 'kgateway-system', workload: { kind: 'Deployment', name: 'kgateway' }, podLabels: { app: 'kgateway' } },
  { name: 'kubeflow-trainer', namespace: 'kubeflow', workload: { kind: 'Deployment', name: 'kubeflow-trainer-controller-manager' }, podLabels: { app: 'kubeflow-trainer' } },
];

/** How a component is broken: its workload never becomes available, or one of its pods is stuck. */
export type Breakage = 'unavailable' | 'pod-pending' | 'pod-failed';

export function deployment(namespace: string, name: string, available: number, extra: { labels?: Record<string, string>; image?: string } = {}): KubeObject {
  return {
    metadata: { name, namespace, labels: extra.labels ?? { app: name } },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: extra.image ?? `registry.example/${name}:v1.0.0` }] } } },
    status: { replicas: 1, readyReplicas: available, availableReplicas: available, ...(available ? {} : { unavailableReplicas: 1 }) },
  };
}

function daemonSet(namespace: string, name: string, ready: number, desired = 2): KubeObject {
  return {
    metadata: { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `registry.example/${name}:v1.0.0` }] } } },
    status: { desiredNumberScheduled: desired, currentNumberScheduled: desired, numberReady: ready, numberAvailable: ready },
  };
}

function skyhook(name: string, state: string): KubeObject {
  return { apiVersion: 'skyhook.nvidia.com/v1alpha1', kind: 'Skyhook', metadata: { name }, spec: { nodeSelectors: {} }, status: { status: state } };
}

export function crd(name: string, established: boolean): KubeObject {
  const [plural, ...group] = name.split('.');
  return {
    metadata: { name },
    spec: { group: group.join('.'), names: { plural, kind: 'Thing' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true }] },
    status: { conditions: [{ type: 'NamesAccepted', status: 'True' }, { type: 'Established', status: established ? 'True' : 'False' }] },
  };
}

function stuckPod(namespace: string, name: string, labels: Record<string, string>, phase: 'Pending' | 'Failed'): KubeObject {
  const object = pod({ name, namespace, images: ['registry.example/app:v1'], labels });
  object.status = phase === 'Pending'
    ? { phase, containerStatuses: [{ name: 'c0', ready: false, restartCount: 3, state: { waiting: { reason: 'ImagePullBackOff' } } }] }
    : { phase };
  return object;
}

function ensureNamespace(fake: FakeKube, name: string): void {
  if (!fake.get('namespaces', undefined, name)) fake.create('namespaces', { metadata: { name }, status: { phase: 'Active' } });
}

/**
 * Installs the components: healthy unless `broken` names how one is broken. GPU operator gets
 * its ClusterPolicy (status.state ready, or notReady when broken).
 */
export function installComponents(fake: FakeKube, broken: Partial<Record<string, Breakage>> = {}): void {
  for (const component of COMPONENTS) {
    const breakage = broken[component.name];
    ensureNamespace(fake, component.namespace);
    const { workload } = component;
    if (workload.kind === 'Skyhook') fake.create('skyhooks', skyhook(workload.name, breakage ? 'in_progress' : 'complete'));
    else if (workload.kind === 'Deployment') {
      const labels = component.name === 'gpu-operator' ? { app: 'gpu-operator', 'app.kubernetes.io/version': 'v25.3.0' } : undefined;
      fake.create('deployments', deployment(component.namespace, workload.name, breakage === 'unavailable' ? 0 : 1, labels ? { labels } : {}));
    } else fake.create('daemonsets', daemonSet(component.namespace, workload.name, breakage === 'unavailable' ? 0 : 2));
    if (workload.kind !== 'Skyhook') {
      fake.create('pods', pod({ name: `${component.name}-0`, namespace: component.namespace, images: ['registry.example/app:v1'], labels: component.podLabels }));
      if (breakage === 'pod-pending' || breakage === 'pod-failed') {
        fake.create('pods', stuckPod(component.namespace, `${component.name}-stuck`, component.podLabels, breakage === 'pod-pending' ? 'Pending' : 'Failed'));
      }
    }
  }
  const policy = clusterPolicy();
  if (broken['gpu-operator']) policy.status = { state: 'notReady', namespace: 'gpu-operator' };
  fake.create('clusterpolicies', policy);
}

/** A recipe with every component above and upstream's deployment checks. */
export function liveRecipe(overrides: Partial<RecipeResult> = {}): RecipeResult {
  return {
    kind: 'RecipeResult',
    apiVersion: 'aicr.nvidia.com/v1alpha1',
    metadata: { version: 'test' },
    criteria: {},
    componentRefs: COMPONENTS.map((c) => ({ name: c.name, namespace: c.namespace, type: 'Helm' as const, version: 'v1.0.0' })),
    deploymentOrder: COMPONENTS.map((c) => c.name),
    validation: {
      deployment: {
        checks: ['operator-health', 'expected-resources', 'gpu-operator-version', 'check-nvidia-smi'],
        constraints: [{ name: 'Deployment.gpu-operator.version', value: '>= v24.6.0' }],
      },
      performance: { checks: ['nccl-all-reduce-bw'] },
      conformance: { checks: ['dra-support', 'gang-scheduling'] },
    },
    ...overrides,
  };
}

/** Writes a recipe as YAML into `dir` and returns its path. */
export function writeRecipeFile(dir: string, recipe: RecipeResult = liveRecipe()): string {
  const path = join(dir, 'recipe.yaml');
  writeFileSync(path, stringifyYaml(recipe));
  return path;
}
