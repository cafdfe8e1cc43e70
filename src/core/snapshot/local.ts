/** The collectors of local mode: this machine is the node (a self-hosted GPU runner, the agent pod). */
import { errorMessage } from '../errors.js';
import { resolveConfigSource } from '../kube/config-source.js';
import type { Collector, CollectorName } from './collector.js';
import { gpuCollector } from './collectors/gpu.js';
import { osCollector } from './collectors/os.js';
import { systemdCollector } from './collectors/systemd.js';
import { SOURCES } from './sources.js';

export interface LocalCollectorOptions {
  /** Which sources to run (default all five). */
  sources?: readonly CollectorName[];
  /** `--kubeconfig`: the kubeconfig the K8s and NodeTopology collectors use. */
  kubeconfig?: string;
  /** Topology: most node names listed per label/taint entry (0 = all). */
  maxNodesPerEntry?: number;
  procRoot?: string;
  etcRoot?: string;
  usrLibRoot?: string;
  /** nvidia-smi executable (default `nvidia-smi` on PATH). */
  nvidiaSmi?: string;
  /** systemctl executable (default `systemctl` on PATH). */
  systemctl?: string;
  env?: NodeJS.ProcessEnv;
  /** Node OS family (`--os`): talos reads the SystemD and OS sources from the node object in the Kubernetes API. */
  os?: string;
  /** Loads the Kubernetes-backed collectors; the default imports them lazily when a cluster is reachable. */
  loadKubernetesCollectors?: KubernetesCollectorLoader;
}

type KubernetesCollectorLoader = (options: { kubeconfig?: string; maxNodesPerEntry?: number; sources: readonly CollectorName[] }) => Promise<Collector[]>;

const NO_CLUSTER = 'no Kubernetes access: no --kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a pod';

/** A collector that only reports why its source is unavailable. */
function unavailableCollector(name: CollectorName, reason: string): Collector {
  return { name, collect: async () => ({ status: 'unavailable', reason }) };
}

/** The collectors of local mode (this machine is the node): OS, SystemD, GPU, K8s, NodeTopology. */
export async function localCollectors(options: LocalCollectorOptions = {}): Promise<Collector[]> {
  const sources = options.sources ?? SOURCES;
  const collectors: Collector[] = [];
  const talos = options.os === 'talos';
  if (talos && (sources.includes('systemd') || sources.includes('os'))) {
    const wanted: CollectorName[] = sources.filter((s) => s === 'systemd' || s === 'os');
    const access = resolveConfigSource({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), env: options.env ?? process.env });
    if (!access) collectors.push(...wanted.map((source) => unavailableCollector(source, `Talos: ${NO_CLUSTER}`)));
    else {
      const { talosCollectors } = await import('./collectors/talos.js');
      collectors.push(...talosCollectors(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}).filter((c) => wanted.includes(c.name)));
    }
  }
  if (sources.includes('systemd') && !talos) collectors.push(systemdCollector(options.systemctl ? { command: options.systemctl } : {}));
  if (sources.includes('os') && !talos) {
    const roots: Record<string, string> = {};
    if (options.procRoot) roots.procRoot = options.procRoot;
    if (options.etcRoot) roots.etcRoot = options.etcRoot;
    if (options.usrLibRoot) roots.usrLibRoot = options.usrLibRoot;
    collectors.push(osCollector(roots));
  }
  if (sources.includes('gpu')) collectors.push(gpuCollector(options.nvidiaSmi ? { command: options.nvidiaSmi } : {}));
  const clusterSources = sources.filter((s) => s === 'k8s' || s === 'topology');
  if (clusterSources.length) {
    // Checked before loading the Kubernetes client, which costs a quarter of a second to import.
    const access = resolveConfigSource({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), env: options.env ?? process.env });
    if (!access) {
      collectors.push(...clusterSources.map((source) => unavailableCollector(source, NO_CLUSTER)));
    } else {
      const load = options.loadKubernetesCollectors ?? loadKubernetesCollectors;
      const request: Parameters<KubernetesCollectorLoader>[0] = { sources: clusterSources };
      if (options.kubeconfig) request.kubeconfig = options.kubeconfig;
      if (options.maxNodesPerEntry) request.maxNodesPerEntry = options.maxNodesPerEntry;
      try {
        collectors.push(...await load(request));
      } catch (error) {
        collectors.push(...clusterSources.map((source) => unavailableCollector(source, `the Kubernetes client could not be set up: ${errorMessage(error)}`)));
      }
    }
  }
  return collectors;
}

/**
 * Default loader of the K8s and NodeTopology collectors (collectors/k8s.ts and topology.ts, over
 * the shared Kubernetes client), imported only when credentials exist.
 */
const loadKubernetesCollectors: KubernetesCollectorLoader = async (options) => {
  const { kubernetesCollectors } = await import('./collectors/k8s.js');
  return kubernetesCollectors(options);
};

