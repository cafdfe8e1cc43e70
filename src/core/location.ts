/**
 * The location types shared by src/core/io.ts and the Kubernetes module, and the `cm://` URI
 * parser they both use. A leaf module: io.ts loads kube/configmap.ts lazily, and both import
 * these from here, so neither imports the other's module for them.
 */
import { optionLabel } from './option-refs.js';
import { invalidInput } from './errors.js';

/** Largest document we read from any location (upstream's per-file limit for external data). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type Location =
  | { kind: 'stdio'; text: '-' }
  | { kind: 'file'; path: string; text: string }
  | { kind: 'url'; url: URL; text: string }
  | { kind: 'configmap'; namespace: string; name: string; text: string };

// Kubernetes object names: DNS-1123 subdomain (ConfigMaps) and label (namespaces).
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function parseConfigMapUri(text: string, input = 'location'): Location & { kind: 'configmap' } {
  const rest = text.slice('cm://'.length);
  const parts = rest.split('/');
  const hint = 'write it as cm://<namespace>/<name>, both lower-case DNS names (e.g. cm://gpu-ops/aicr-snapshot)';
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    const problem = parts.length > 2 ? 'has more than a namespace and a name' : 'needs a namespace and a name';
    throw invalidInput(`${optionLabel(input)}: invalid ConfigMap URI "${text}": it ${problem}`, { hint, option: input });
  }
  const [namespace, name] = parts as [string, string];
  if (namespace.length > 63 || !DNS1123_LABEL.test(namespace)) throw invalidInput(`${optionLabel(input)}: invalid namespace "${namespace}" in "${text}"`, { hint });
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) throw invalidInput(`${optionLabel(input)}: invalid ConfigMap name "${name}" in "${text}"`, { hint });
  return { kind: 'configmap', namespace, name, text };
}

export interface ReadOptions {
  /** Size limit in bytes (default 10 MiB). */
  maxBytes?: number;
  /** Key of the option the location came from, or a label, for messages. */
  input?: string;
  /** Where `-` reads from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Network timeout for URLs in milliseconds (default 30 s). */
  timeoutMs?: number;
  /** Data key to read from a ConfigMap (default: the one document key it holds). */
  configMapKey?: string;
  /** `--kubeconfig` for `cm://` locations (default: $KUBECONFIG, ~/.kube/config, in-cluster). */
  kubeconfig?: string;
  /** Cancels a `cm://` read (interrupt). */
  signal?: AbortSignal;
}

export interface WriteOptions {
  /** Key of the option the location came from, or a label, for messages. */
  input?: string;
  /** Where `-` writes to (default process.stdout). */
  stdout?: NodeJS.WritableStream;
  /** Document format, used to pick the ConfigMap data key (`snapshot.yaml` / `snapshot.json`). */
  format?: 'yaml' | 'json' | 'table';
  /** `--kubeconfig` for `cm://` locations (default: $KUBECONFIG, ~/.kube/config, in-cluster). */
  kubeconfig?: string;
  /** ConfigMap `data.timestamp` (default: the write time). */
  timestamp?: string;
  /** Cancels a `cm://` write (interrupt). */
  signal?: AbortSignal;
  /** Document kind, for ConfigMap labels. */
  kind?: string;
}

/** The handler behind `cm://` locations, implemented by kube/configmap.ts. */
export interface ConfigMapHandler {
  read(location: Location & { kind: 'configmap' }, options: ReadOptions): Promise<{ text: string; key: string }>;
  write(location: Location & { kind: 'configmap' }, text: string, options: WriteOptions): Promise<void>;
}
