/**
 * Talos nodes (`--os talos`) have no systemd and no /etc/os-release to read: the SystemD and OS
 * sources come from the node object in the Kubernetes API instead (upstream's Talos backend,
 * the same measurement types, `Source: kubernetes-node-info`). Both collectors share one read
 * of the node ($NODE_NAME, as the agent Job sets it).
 */
import { AicrError, ErrorCode, errorMessage } from '../../errors.js';
import type { Reading, Subtype } from '../../documents/types.js';
import { apiPath, getKubeClient } from '../../kube/client.js';
import { compareStrings } from '../../serialize.js';
import type { Collector, CollectorContext, CollectorResult } from '../collector.js';

type KubeObject = Record<string, any>;

const SOURCE = 'kubernetes-node-info';
const EXTENSION_LABEL = 'extensions.talos.dev/';

type NodeRead = { node: KubeObject } | { reason: string; code?: ErrorCode };

/** `Talos (v1.9.2)` → talos, 1.9.2; anything else is not recognised. */
function talosRelease(osImage: string): { id: string; version: string } | undefined {
  const match = /^\s*talos\s*\((.*)\)\s*$/i.exec(osImage);
  return match ? { id: 'talos', version: match[1]!.trim().replace(/^v/, '') } : undefined;
}

/** The OS measurement's subtypes from a node: `release`, and `extensions` from its Talos extension labels. */
function talosOsSubtypes(node: KubeObject): Subtype[] {
  const info: KubeObject = node.status?.nodeInfo ?? {};
  const release: Record<string, Reading> = { Source: SOURCE };
  if (typeof info.osImage === 'string' && info.osImage) {
    release.PRETTY_NAME = info.osImage;
    const parsed = talosRelease(info.osImage);
    if (parsed) {
      release.ID = parsed.id;
      if (parsed.version) release.VERSION_ID = parsed.version;
    }
  }
  if (typeof info.kernelVersion === 'string' && info.kernelVersion) release.KERNEL_VERSION = info.kernelVersion;
  if (typeof info.operatingSystem === 'string' && info.operatingSystem) release.OPERATING_SYSTEM = info.operatingSystem;
  const subtypes: Subtype[] = [{ subtype: 'release', data: release }];
  const extensions: Record<string, Reading> = {};
  const labels: Record<string, unknown> = node.metadata?.labels ?? {};
  for (const key of Object.keys(labels).sort(compareStrings)) {
    const name = key.startsWith(EXTENSION_LABEL) ? key.slice(EXTENSION_LABEL.length) : '';
    if (name) extensions[name] = String(labels[key]);
  }
  if (Object.keys(extensions).length) subtypes.push({ subtype: 'extensions', data: { Source: SOURCE, ...extensions } });
  return subtypes;
}

/** The SystemD measurement's subtypes from a node: containerd and kubelet as the kubelet reports them. */
function talosServiceSubtypes(node: KubeObject): Subtype[] {
  const info: KubeObject = node.status?.nodeInfo ?? {};
  const containerd: Record<string, Reading> = { UnitFileName: 'containerd.service', Source: SOURCE };
  const runtime = typeof info.containerRuntimeVersion === 'string' ? info.containerRuntimeVersion : '';
  if (!runtime) containerd.ActiveState = 'unknown';
  else {
    const at = runtime.indexOf('://');
    const [name, version] = at < 0 ? [runtime, ''] : [runtime.slice(0, at), runtime.slice(at + 3)];
    containerd.RuntimeName = name;
    if (name === 'containerd' && version) Object.assign(containerd, { ActiveState: 'active', Version: version });
    else containerd.ActiveState = 'unknown';
  }
  const kubeletVersion = typeof info.kubeletVersion === 'string' ? info.kubeletVersion : '';
  const kubelet: Record<string, Reading> = { UnitFileName: 'kubelet.service', Source: SOURCE, ...(kubeletVersion ? { ActiveState: 'active', Version: kubeletVersion } : { ActiveState: 'unknown' }) };
  return [{ subtype: 'containerd.service', data: containerd }, { subtype: 'kubelet.service', data: kubelet }];
}

/** The SystemD and OS collectors of a Talos node, over one read of the node object. */
export function talosCollectors(options: { kubeconfig?: string } = {}): Collector[] {
  let read: Promise<NodeRead> | undefined;
  const readNode = (context: CollectorContext): Promise<NodeRead> => (read ??= fetchNode(options, context));
  const collector = (name: 'systemd' | 'os', type: 'SystemD' | 'OS', subtypes: (node: KubeObject) => Subtype[]): Collector => ({
    name,
    async collect(context): Promise<CollectorResult> {
      const outcome = await readNode(context);
      if ('reason' in outcome) return { status: 'unavailable', reason: `Talos: ${outcome.reason}`, ...(outcome.code ? { code: outcome.code } : {}) };
      return { status: 'collected', measurements: [{ type, subtypes: subtypes(outcome.node) }] };
    },
  });
  return [collector('systemd', 'SystemD', talosServiceSubtypes), collector('os', 'OS', talosOsSubtypes)];
}

async function fetchNode(options: { kubeconfig?: string }, context: CollectorContext): Promise<NodeRead> {
  const name = context.env.NODE_NAME || context.env.KUBERNETES_NODE_NAME || '';
  if (!name) return { reason: 'no node name: set NODE_NAME to the name of the node this runs on (the agent Job sets it)' };
  try {
    const client = await getKubeClient({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), env: context.env });
    return { node: await client.getObject<KubeObject>({ verb: 'get', resource: 'nodes', name }, apiPath`/api/v1/nodes/${name}`, { signal: context.signal }) };
  } catch (error) {
    const reason = error instanceof AicrError ? error.message : errorMessage(error);
    if (error instanceof AicrError && error.code === ErrorCode.NotFound) return { reason: `no node named "${name}" in the cluster` };
    return { reason: `cannot read node "${name}": ${reason}`, ...(error instanceof AicrError ? { code: error.code } : {}) };
  }
}
