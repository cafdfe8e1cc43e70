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
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw invalidInput(`${optionLabel(input)}: invalid ConfigMap URI "${text}"`, { hint });
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

/**
 * What an output held when the run claimed it (before its work), so the write can tell whether
 * another writer finished in between: a file (absent, or its identity), a ConfigMap (absent, its
 * resourceVersion, or unknown when reading it is not allowed).
 */
export type OutputClaim =
  | { kind: 'file'; path: string; stamp: FileStamp | null }
  | { kind: 'configmap'; text: string; state: 'absent' | 'unknown' | ExistingConfigMap };

/** A file's identity: any write (rename over it, in-place change, chmod) changes one of these. */
export interface FileStamp {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** The parts of an existing ConfigMap a replacement keeps or is conditioned on. */
export interface ExistingConfigMap {
  resourceVersion: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
  immutable?: boolean;
}

export interface ClaimOptions {
  kubeconfig?: string;
  signal?: AbortSignal;
  input?: string;
}

export interface WriteOptions {
  /** The claim taken when the run began: another writer's result since then is never replaced. */
  claim?: OutputClaim;
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
  claim(location: Location & { kind: 'configmap' }, options: ClaimOptions): Promise<OutputClaim & { kind: 'configmap' }>;
}
