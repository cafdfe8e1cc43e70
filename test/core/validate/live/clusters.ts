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

type WorkloadKind = 'Deployment' | 'DaemonSet' | 'StatefulSet';

interface Workload {
  kind: WorkloadKind;
  name: string;
  /** Labels of the workload itself, where the check selects it by label rather than name. */
  labels?: Record<string, string>;
}

interface Component {
  name: string;
  namespace: string;
  /** Its workloads; the first is the one a broken install leaves unavailable. */
  workloads: Workload[];
  /** CRDs the check wants Established; with no workloads, a broken install leaves the first unestablished. */
  crds?: string[];
  /** A Skyhook the check wants complete (nodewright-customizations). */
  skyhook?: string;
  /** Custom resources the check asserts on, installed healthy (plural, object). */
  resources?: { plural: string; object: KubeObject }[];
  /** Labels of its pods (the checks of shared namespaces select by label); absent where the check has no pod step. */
  podLabels?: Record<string, string>;
  /** Upstream marks the check a no-op (its operator is installed by OLM): it passes on any cluster. */
  noop?: true;
}

const deploy = (name: string, labels?: Record<string, string>): Workload => ({ kind: 'Deployment', name, ...(labels ? { labels } : {}) });
const daemon = (name: string): Workload => ({ kind: 'DaemonSet', name });
const statefulSet = (name: string): Workload => ({ kind: 'StatefulSet', name });
const crdNames = (group: string, plurals: string[]) => plurals.map((plural) => `${plural}.${group}`);

/** A monitoring.coreos.com object the Prometheus operator reports Available. */
function prometheusObject(kind: 'Prometheus' | 'Alertmanager', name: string): KubeObject {
  return { apiVersion: 'monitoring.coreos.com/v1', kind, metadata: { name, namespace: 'monitoring' }, spec: {}, status: { conditions: [{ type: 'Available', status: 'True' }] } };
}

export const COMPONENTS: Component[] = [
  { name: 'gpu-operator', namespace: 'gpu-operator', crds: ['clusterpolicies.nvidia.com'], workloads: [deploy('gpu-operator')], podLabels: { app: 'gpu-operator' } },
  { name: 'network-operator', namespace: 'nvidia-network-operator', crds: ['nicclusterpolicies.mellanox.com'], workloads: [deploy('network-operator')], podLabels: { app: 'network-operator' } },
  { name: 'aws-efa', namespace: 'kube-system', workloads: [daemon('aws-efa-k8s-device-plugin')], podLabels: { 'app.kubernetes.io/name': 'aws-efa-k8s-device-plugin' } },
  { name: 'aws-ebs-csi-driver', namespace: 'kube-system', workloads: [deploy('ebs-csi-controller')], podLabels: { 'app.kubernetes.io/name': 'aws-ebs-csi-driver' } },
  {
    name: 'cert-manager', namespace: 'cert-manager', crds: crdNames('cert-manager.io', ['certificates', 'issuers', 'clusterissuers']),
    workloads: [deploy('cert-manager'), deploy('cert-manager-cainjector'), deploy('cert-manager-webhook')], podLabels: { app: 'cert-manager' },
  },
  { name: 'nodewright-operator', namespace: 'skyhook', crds: ['skyhooks.skyhook.nvidia.com'], workloads: [deploy('skyhook-operator-controller-manager')], podLabels: { app: 'skyhook-operator' } },
  { name: 'nodewright-customizations', namespace: 'skyhook', workloads: [], skyhook: 'tuning' },
  { name: 'nvsentinel', namespace: 'nvsentinel', workloads: [deploy('labeler')], podLabels: { app: 'labeler' } },
  { name: 'nvidia-dra-driver-gpu', namespace: 'nvidia-dra-driver', workloads: [daemon('nvidia-dra-driver-gpu-kubelet-plugin')], podLabels: { app: 'nvidia-dra-driver-gpu' } },
  {
    name: 'kube-prometheus-stack', namespace: 'monitoring',
    workloads: [deploy('kube-prometheus-operator'), statefulSet('prometheus-kube-prometheus-prometheus'), statefulSet('alertmanager-kube-prometheus-alertmanager')],
    resources: [
      { plural: 'prometheuses', object: prometheusObject('Prometheus', 'kube-prometheus-prometheus') },
      { plural: 'alertmanagers', object: prometheusObject('Alertmanager', 'kube-prometheus-alertmanager') },
    ],
    podLabels: { 'app.kubernetes.io/name': 'kube-prometheus-stack' },
  },
  { name: 'prometheus-adapter', namespace: 'monitoring', workloads: [deploy('prometheus-adapter')], podLabels: { 'app.kubernetes.io/name': 'prometheus-adapter' } },
  { name: 'k8s-ephemeral-storage-metrics', namespace: 'monitoring', workloads: [deploy('k8s-ephemeral-storage-metrics')], podLabels: { 'app.kubernetes.io/name': 'k8s-ephemeral-storage-metrics' } },
  { name: 'kai-scheduler', namespace: 'kai-scheduler', workloads: [deploy('kai-operator')], podLabels: { app: 'kai-operator' } },
  {
    name: 'dynamo-platform', namespace: 'dynamo-system', crds: ['dynamocomponentdeployments.nvidia.com'],
    workloads: [deploy('dynamo-operator', { 'app.kubernetes.io/name': 'dynamo-operator' })], podLabels: { app: 'dynamo-operator' },
  },
  { name: 'agentgateway', namespace: 'agentgateway-system', workloads: [deploy('agentgateway')], podLabels: { app: 'agentgateway' } },
  {
    name: 'agentgateway-crds', namespace: 'agentgateway-system', workloads: [],
    crds: [
      ...crdNames('gateway.networking.k8s.io', ['gatewayclasses', 'gateways', 'grpcroutes', 'httproutes', 'referencegrants']),
      ...crdNames('agentgateway.dev', ['agentgatewaybackends', 'agentgatewayparameters', 'agentgatewaypolicies']),
      ...crdNames('inference.networking.x-k8s.io', ['inferencemodelrewrites', 'inferenceobjectives', 'inferencepoolimports', 'inferencepools']),
      'inferencepools.inference.networking.k8s.io',
    ],
  },
  {
    name: 'kubeflow-trainer', namespace: 'kubeflow', crds: crdNames('trainer.kubeflow.org', ['trainjobs', 'clustertrainingruntimes', 'trainingruntimes']),
    workloads: [deploy('kubeflow-trainer-controller-manager')], podLabels: { app: 'kubeflow-trainer' },
  },
  {
    name: 'gatekeeper', namespace: 'gatekeeper-system', crds: ['constrainttemplates.templates.gatekeeper.sh', 'configs.config.gatekeeper.sh'],
    workloads: [deploy('gatekeeper-controller-manager'), deploy('gatekeeper-audit')], podLabels: { app: 'gatekeeper' },
  },
  { name: 'gke-nccl-tcpxo', namespace: 'kube-system', workloads: [daemon('nccl-tcpxo-installer'), daemon('device-injector')] },
  {
    name: 'k8s-nim-operator', namespace: 'nvidia-nim', crds: crdNames('apps.nvidia.com', ['nimservices', 'nimcaches', 'nimpipelines']),
    workloads: [deploy('k8s-nim-operator')], podLabels: { app: 'k8s-nim-operator' },
  },
  {
    name: 'nfd', namespace: 'node-feature-discovery',
    workloads: [deploy('nfd-node-feature-discovery-master'), daemon('nfd-node-feature-discovery-worker'), deploy('nfd-node-feature-discovery-gc')], podLabels: { app: 'nfd' },
  },
  {
    name: 'prometheus-operator-crds', namespace: 'monitoring', workloads: [],
    crds: crdNames('monitoring.coreos.com', ['alertmanagers', 'alertmanagerconfigs', 'podmonitors', 'probes', 'prometheuses', 'prometheusrules', 'servicemonitors', 'thanosrulers']),
  },
  { name: 'slinky-slurm-operator-crds', namespace: 'slinky', workloads: [], crds: crdNames('slinky.slurm.net', ['accountings', 'controllers', 'loginsets', 'nodesets', 'restapis', 'tokens']) },
  { name: 'slinky-slurm-operator', namespace: 'slinky', workloads: [deploy('slurm-operator'), deploy('slurm-operator-webhook')], podLabels: { app: 'slurm-operator' } },
  { name: 'mariadb-operator-crds', namespace: 'mariadb-system', workloads: [], crds: crdNames('k8s.mariadb.com', ['mariadbs', 'users', 'databases', 'grants']) },
  {
    name: 'mariadb-operator', namespace: 'mariadb-system',
    workloads: ['mariadb-operator', 'mariadb-operator-webhook', 'mariadb-operator-cert-controller'].map((name) => deploy(name, { 'app.kubernetes.io/name': name })),
    podLabels: { 'app.kubernetes.io/name': 'mariadb-operator' },
  },
  { name: 'cert-manager-ocp-olm', namespace: 'cert-manager', workloads: [], noop: true },
  { name: 'gpu-operator-ocp-olm', namespace: 'gpu-operator', workloads: [], noop: true },
  { name: 'network-operator-ocp-olm', namespace: 'nvidia-network-operator', workloads: [], noop: true },
  { name: 'nfd-ocp-olm', namespace: 'openshift-nfd', workloads: [], noop: true },
];

/**
 * Shipped health checks the clusters above do not install, and why: each needs objects that
 * would collide with a component above or kinds the fake API server does not serve. The
 * catalog test keeps this list and COMPONENTS together equal to recipes/checks/.
 */
export const NOT_SIMULATED: Record<string, string> = {
  'cert-manager-ocp': 'asserts the very objects cert-manager does (same namespace and names)',
  'gpu-operator-ocp': 'asserts the ClusterPolicy gpu-operator does',
  'network-operator-ocp': 'asserts a NicClusterPolicy, a kind the fake API server does not serve',
  'nfd-ocp': 'asserts a NodeFeatureDiscovery, a kind the fake API server does not serve',
  'prometheus-adapter-ocp': 'selects the pods prometheus-adapter does (same namespace and labels)',
  grove: 'reads the pods of dynamo-system, which dynamo-platform\'s broken pods would fail',
  kueue: 'asserts ResourceFlavor, ClusterQueue and LocalQueue, kinds the fake API server does not serve',
  'k8s-aibom': 'asserts an AIBOMControllerConfig, a kind the fake API server does not serve',
  'slinky-slurm': 'asserts Slinky Controller, LoginSet, NodeSet and RestApi, kinds the fake API server does not serve',
  'slinky-topograph': 'asserts a topology ConfigMap in the slurm namespace written by slinky-slurm',
  'slurm-accounting-mariadb': 'asserts MariaDB, User, Database and Grant, kinds the fake API server does not serve',
};

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

function statefulSetObject(namespace: string, name: string, ready: number): KubeObject {
  return {
    metadata: { name, namespace },
    spec: { replicas: 1, serviceName: name, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `registry.example/${name}:v1.0.0` }] } } },
    status: { replicas: 1, readyReplicas: ready, availableReplicas: ready, currentReplicas: 1 },
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

function workloadObject(namespace: string, workload: Workload, healthy: boolean, labels?: Record<string, string>): { plural: string; object: KubeObject } {
  if (workload.kind === 'Deployment') return { plural: 'deployments', object: deployment(namespace, workload.name, healthy ? 1 : 0, labels ? { labels } : {}) };
  if (workload.kind === 'DaemonSet') return { plural: 'daemonsets', object: daemonSet(namespace, workload.name, healthy ? 2 : 0) };
  return { plural: 'statefulsets', object: statefulSetObject(namespace, workload.name, healthy ? 1 : 0) };
}

/** How a broken component shows: its check's pod step only where it has one. */
export function breakageFor(component: Component, preferred: Breakage): Breakage {
  return component.podLabels ? preferred : 'unavailable';
}

/**
 * Installs the components: healthy unless `broken` names how one is broken. GPU operator gets
 * its ClusterPolicy (status.state ready, or notReady when broken).
 */
export function installComponents(fake: FakeKube, broken: Partial<Record<string, Breakage>> = {}): void {
  for (const component of COMPONENTS) {
    const breakage = broken[component.name];
    const { namespace } = component;
    ensureNamespace(fake, namespace);
    // With no workload to leave unavailable, an unavailable component is one whose first CRD is not established.
    const crdBroken = breakage === 'unavailable' && component.workloads.length === 0;
    (component.crds ?? []).forEach((name, i) => fake.create('customresourcedefinitions', crd(name, !(crdBroken && i === 0))));
    if (component.skyhook) fake.create('skyhooks', skyhook(component.skyhook, breakage ? 'in_progress' : 'complete'));
    component.workloads.forEach((workload, i) => {
      const labels = workload.labels ?? (component.name === 'gpu-operator' ? { app: 'gpu-operator', 'app.kubernetes.io/version': 'v25.3.0' } : undefined);
      const { plural, object } = workloadObject(namespace, workload, !(breakage === 'unavailable' && i === 0), labels);
      fake.create(plural, object);
    });
    for (const { plural, object } of component.resources ?? []) fake.create(plural, object);
    if (component.podLabels) {
      fake.create('pods', pod({ name: `${component.name}-0`, namespace, images: ['registry.example/app:v1'], labels: component.podLabels }));
      if (breakage === 'pod-pending' || breakage === 'pod-failed') {
        fake.create('pods', stuckPod(namespace, `${component.name}-stuck`, component.podLabels, breakage === 'pod-pending' ? 'Pending' : 'Failed'));
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
    apiVersion: 'aicr.run/v1',
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
