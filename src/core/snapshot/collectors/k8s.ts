/**
 * Kubernetes collector (`type: K8s`): what the cluster runs, read through the one shared client.
 *
 * Subtypes, in this order:
 * - `server`: `version` (gitVersion), `platform`, `goVersion` from /version;
 * - `image`: short image name → tag over every container, init and ephemeral container of every
 *   pod (upstream's reading). When one short name has several tags, the tag used by the most
 *   containers wins (ties: the greater reference in byte order), so the result is deterministic;
 * - `image-count` (our addition): full image reference as written in the pod specs → number of
 *   containers using it (unique references with counts);
 * - `policy`: the GPU Operator ClusterPolicy (`nvidia.com/v1 clusterpolicies`) `.spec` flattened
 *   to dot-joined keys, all values strings (arrays as compact JSON with sorted keys), several
 *   instances merged in name order; secrets redacted (redact.ts: secret-shaped keys, env
 *   entries and arguments, URL userinfo);
 * - `node`: the node this runs on ($NODE_NAME, $KUBERNETES_NODE_NAME, $HOSTNAME): provider,
 *   provider id, container runtime, kubelet, kernel, OS.
 *
 * Lists are read page by page (`limit`/`continue`), never whole. Secrets are never read. A
 * subtype whose source fails (RBAC, missing CRD, not a node) is left out and its reason recorded
 * under `unavailable.subtypes`; no cluster at all makes the whole measurement unavailable.
 *
 * Exported API: `k8sCollector(options)`, `kubernetesCollectors({ kubeconfig, maxNodesPerEntry,
 * sources })` (both collectors for the snapshot orchestrator), and the pure helpers below.
 */
import { AicrError, ErrorCode, errorMessage } from '../../errors.js';
import type { Measurement, Reading, Subtype } from '../../documents/types.js';
import { compareStrings } from '../../serialize.js';
import type { Collector, CollectorContext, CollectorName, CollectorResult } from '../collector.js';
import { apiPath, getKubeClient, type KubeClient } from '../../kube/client.js';
import type { RetryPolicy } from '../../kube/retry.js';
import { redactObject } from '../../redact.js';
import { topologyCollector } from './topology.js';

type KubeObject = Record<string, any>;

export interface K8sCollectorOptions {
  /** `--kubeconfig` (default: $KUBECONFIG, ~/.kube/config, in-cluster). */
  kubeconfig?: string;
  /** Items per list page (default 500). */
  pageSize?: number;
  retry?: Partial<RetryPolicy>;
}

/** Upstream's provider names for `spec.providerID` prefixes. */
const PROVIDERS: Record<string, string> = { aws: 'eks', gce: 'gke', azure: 'aks', oci: 'oke', linode: 'lke' };

/** Splits an image reference into upstream's short name and tag. */
export function imageNameAndTag(reference: string): { name: string; tag: string } {
  let short = reference.slice(reference.lastIndexOf('/') + 1);
  const at = short.indexOf('@');
  if (at >= 0) short = short.slice(0, at);
  const colon = short.lastIndexOf(':');
  return colon >= 0 ? { name: short.slice(0, colon), tag: short.slice(colon + 1) } : { name: short, tag: 'latest' };
}

/** Counts image references per pod page; `result()` gives the `image` and `image-count` data. */
class ImageTally {
  private counts = new Map<string, number>();
  pods = 0;

  addPod(pod: KubeObject): void {
    this.pods++;
    const spec = pod.spec ?? {};
    for (const list of [spec.containers, spec.initContainers, spec.ephemeralContainers]) {
      for (const container of list ?? []) {
        const image = typeof container?.image === 'string' ? container.image.trim() : '';
        if (image) this.counts.set(image, (this.counts.get(image) ?? 0) + 1);
      }
    }
  }

  result(): { image: Record<string, Reading>; counts: Record<string, Reading> } {
    const best = new Map<string, { tag: string; count: number; reference: string }>();
    const counts: Record<string, Reading> = {};
    for (const reference of [...this.counts.keys()].sort(compareStrings)) {
      const count = this.counts.get(reference)!;
      counts[reference] = count;
      const { name, tag } = imageNameAndTag(reference);
      const current = best.get(name);
      if (!current || count > current.count || (count === current.count && compareStrings(reference, current.reference) > 0)) best.set(name, { tag, count, reference });
    }
    const image: Record<string, Reading> = {};
    for (const name of [...best.keys()].sort(compareStrings)) image[name] = best.get(name)!.tag;
    return { image, counts };
  }
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object).sort(compareStrings)) out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * Flattens a ClusterPolicy spec into `a.b.c` → string (upstream's rules: non-empty arrays as
 * compact JSON with sorted keys, empty arrays and maps left out; null left out, where upstream
 * writes `<nil>`).
 */
export function flattenSpec(spec: unknown, prefix = '', out: Record<string, Reading> = {}): Record<string, Reading> {
  if (spec === null || spec === undefined) return out;
  if (Array.isArray(spec)) {
    if (spec.length && prefix) out[prefix] = JSON.stringify(sortKeysDeep(spec));
    return out;
  }
  if (typeof spec === 'object') {
    for (const [key, child] of Object.entries(spec as Record<string, unknown>)) flattenSpec(child, prefix ? `${prefix}.${key}` : key, out);
    return out;
  }
  if (prefix) out[prefix] = typeof spec === 'string' ? spec : String(spec);
  return out;
}

/** `spec.providerID` prefix → upstream's provider name. */
export function providerFromId(providerID: string): string {
  // OKE nodes carry a bare Oracle OCID, without a scheme.
  if (providerID.trim().startsWith('ocid1.')) return 'oke';
  const index = providerID.indexOf('://');
  const prefix = (index >= 0 ? providerID.slice(0, index) : providerID).trim().toLowerCase();
  return PROVIDERS[prefix] ?? prefix;
}

/** The `node` subtype data of a Node object. */
export function nodeReadings(node: KubeObject, name: string): Record<string, Reading> {
  const data: Record<string, Reading> = { 'source-node': name };
  const providerID: string = node.spec?.providerID ?? '';
  if (providerID) {
    data['provider-id'] = providerID;
    const provider = providerFromId(providerID);
    if (provider) data.provider = provider;
  }
  const info = node.status?.nodeInfo ?? {};
  const runtime: string = info.containerRuntimeVersion ?? '';
  if (runtime) {
    data['container-runtime-id'] = runtime;
    const index = runtime.indexOf('://');
    if (index >= 0) {
      data['container-runtime-name'] = runtime.slice(0, index);
      data['container-runtime-version'] = runtime.slice(index + 3);
    }
  }
  const fields: Array<[string, unknown]> = [
    ['kubelet-version', info.kubeletVersion],
    ['kernel-version', info.kernelVersion],
    ['operating-system', info.operatingSystem],
    ['os-image', info.osImage],
  ];
  for (const [key, value] of fields) if (typeof value === 'string' && value) data[key] = value;
  return data;
}

type SubtypeOutcome = { subtype: Subtype } | { name: string; reason: string };

function reasonOf(error: unknown): string {
  if (error instanceof AicrError) return error.message;
  return errorMessage(error);
}

/** The failure's code, which a required source's absence then exits with. */
function codeOf(error: unknown): { code?: ErrorCode } {
  return error instanceof AicrError ? { code: error.code } : {};
}

/** The K8s collector. */
export function k8sCollector(options: K8sCollectorOptions = {}): Collector {
  return {
    name: 'k8s',
    async collect(context: CollectorContext): Promise<CollectorResult> {
      let client: KubeClient;
      try {
        client = await getKubeClient({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), env: context.env, ...(options.retry ? { retry: options.retry } : {}) });
      } catch (error) {
        return { status: 'unavailable', reason: reasonOf(error) };
      }
      const request = { signal: context.signal };
      let server: KubeObject;
      try {
        server = await client.call<KubeObject>({ verb: 'get', resource: 'version' }, { path: '/version' }, request);
      } catch (error) {
        return { status: 'unavailable', reason: `cannot read the cluster version through ${client.source}: ${reasonOf(error)}`, ...codeOf(error) };
      }
      const serverData: Record<string, Reading> = {};
      for (const [key, field] of [['version', 'gitVersion'], ['platform', 'platform'], ['goVersion', 'goVersion']] as const) {
        if (typeof server[field] === 'string' && server[field]) serverData[key] = server[field];
      }
      const [images, policy, node] = await Promise.all([
        collectImages(client, options, context),
        collectPolicy(client, options, context),
        collectNode(client, context),
      ]);
      const subtypes: Subtype[] = [{ subtype: 'server', data: serverData }];
      const unavailable: Record<string, string> = {};
      for (const outcome of [...images, policy, node]) {
        if ('subtype' in outcome) subtypes.push(outcome.subtype);
        else unavailable[outcome.name] = outcome.reason;
      }
      const measurement: Measurement = { type: 'K8s', subtypes };
      if (Object.keys(unavailable).length) measurement.unavailable = { reason: `not every Kubernetes source could be read: ${Object.keys(unavailable).join(', ')}`, subtypes: unavailable };
      return { status: 'collected', measurements: [measurement] };
    },
  };
}

async function collectImages(client: KubeClient, options: K8sCollectorOptions, context: CollectorContext): Promise<SubtypeOutcome[]> {
  const tally = new ImageTally();
  try {
    for await (const page of client.jsonPages<KubeObject>({ verb: 'list', resource: 'pods' }, '/api/v1/pods', { signal: context.signal, pageSize: options.pageSize ?? 500 })) {
      for (const pod of page) tally.addPod(pod as KubeObject);
    }
  } catch (error) {
    const reason = `cannot list pods: ${reasonOf(error)}`;
    return [{ name: 'image', reason }, { name: 'image-count', reason }];
  }
  const { image, counts } = tally.result();
  context.logger.debug(`K8s: ${tally.pods} pods, ${Object.keys(counts).length} distinct images`);
  return [{ subtype: { subtype: 'image', data: image } }, { subtype: { subtype: 'image-count', data: counts } }];
}

async function collectPolicy(client: KubeClient, options: K8sCollectorOptions, context: CollectorContext): Promise<SubtypeOutcome> {
  const policies: KubeObject[] = [];
  try {
    for await (const page of client.jsonPages<KubeObject>({ verb: 'list', resource: 'clusterpolicies', group: 'nvidia.com' }, '/apis/nvidia.com/v1/clusterpolicies', { signal: context.signal, pageSize: options.pageSize ?? 500 })) {
      policies.push(...page);
    }
  } catch (error) {
    if (error instanceof AicrError && error.code === ErrorCode.NotFound) {
      return { name: 'policy', reason: 'the cluster has no nvidia.com/v1 ClusterPolicy resource (the NVIDIA GPU Operator is not installed)' };
    }
    return { name: 'policy', reason: `cannot list GPU Operator ClusterPolicies: ${reasonOf(error)}` };
  }
  const data: Record<string, Reading> = {};
  policies.sort((a, b) => compareStrings(String(a.metadata?.name ?? ''), String(b.metadata?.name ?? '')));
  for (const policy of policies) Object.assign(data, flattenSpec(redactObject(policy.spec ?? {})));
  return { subtype: { subtype: 'policy', data } };
}

async function collectNode(client: KubeClient, context: CollectorContext): Promise<SubtypeOutcome> {
  const env = context.env;
  const name = env.NODE_NAME || env.KUBERNETES_NODE_NAME || env.HOSTNAME || '';
  if (!name) return { name: 'node', reason: 'no node name: set NODE_NAME to the name of the node this runs on' };
  try {
    const node = await client.getObject<KubeObject>({ verb: 'get', resource: 'nodes', name }, apiPath`/api/v1/nodes/${name}`, { signal: context.signal });
    return { subtype: { subtype: 'node', data: nodeReadings(node, name) } };
  } catch (error) {
    if (error instanceof AicrError && error.code === ErrorCode.NotFound) {
      return { name: 'node', reason: `no node named "${name}" in the cluster (this machine is not one of its nodes; set NODE_NAME to describe one)` };
    }
    return { name: 'node', reason: `cannot read node "${name}": ${reasonOf(error)}` };
  }
}

/**
 * The K8s and NodeTopology collectors for the snapshot orchestrator (its
 * KubernetesCollectorLoader): one per requested source.
 */
export async function kubernetesCollectors(options: { kubeconfig?: string; maxNodesPerEntry?: number; sources: readonly CollectorName[]; pageSize?: number }): Promise<Collector[]> {
  const collectors: Collector[] = [];
  const common = { ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), ...(options.pageSize ? { pageSize: options.pageSize } : {}) };
  if (options.sources.includes('k8s')) collectors.push(k8sCollector(common));
  if (options.sources.includes('topology')) collectors.push(topologyCollector({ ...common, ...(options.maxNodesPerEntry ? { maxNodesPerEntry: options.maxNodesPerEntry } : {}) }));
  return collectors;
}
