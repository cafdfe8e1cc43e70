/**
 * Documents in ConfigMaps: `cm://namespace/name` locations for every stage.
 *
 * Format (upstream AICR's, so its tools read what we write and we read what its agent writes):
 * data keys `snapshot.<yaml|json|txt>` (for every document kind, as upstream does), `format`
 * (`yaml` | `json` | `table`) and `timestamp` (RFC 3339 UTC); labels `app.kubernetes.io/name:
 * aicr`, `app.kubernetes.io/component: <document kind>`, `app.kubernetes.io/version: <our
 * version>`.
 *
 * Writing never replaces another writer's result: the run claims the ConfigMap before its work
 * (absent, or its resourceVersion); the write is a create that fails if it appeared since, or a
 * PUT conditioned on the claimed resourceVersion (409 Conflict if it changed since): exit 2, no
 * retry over the other result. The whole `data` map is replaced, so a document is never mixed
 * with keys of an older one, and a document larger than the ConfigMap limit is refused before
 * any request, so the cluster never holds a partial document.
 */
import { AicrError, concurrentWrite, ErrorCode, invalidInput, notFound } from '../errors.js';
import type { ClaimOptions, ConfigMapHandler, ExistingConfigMap, Location, OutputClaim, ReadOptions, WriteOptions } from '../location.js';
import { MAX_DOCUMENT_BYTES } from '../documents/parse.js';
import { VERSION } from '../version.js';
import { apiPath, getKubeClient, type KubeClient, type KubeClientOptions } from './client.js';
import { ResponseTooLargeError } from './transport.js';
import { classifyFailure, type KubeAction } from './errors.js';
import { optionLabel, optionRef } from '../option-refs.js';

/** Kubernetes limit on the total size of a ConfigMap's data (keys plus values), in bytes. */
export const CONFIGMAP_MAX_BYTES = 1024 * 1024;
/**
 * Largest answer accepted for one ConfigMap: the API server takes at most 3 MiB per request, so
 * no ConfigMap written through it comes back larger. Checked while the answer streams in.
 */
export const CONFIGMAP_MAX_RESPONSE_BYTES = 3 * 1024 * 1024;

export type ConfigMapLocation = Location & { kind: 'configmap' };
export type StoredFormat = 'yaml' | 'json' | 'table';

const EXTENSIONS: Record<StoredFormat, string> = { yaml: 'yaml', json: 'json', table: 'txt' };
/** Keys tried, in order, when `format` does not name one that exists (upstream's order). */
const FALLBACK_KEYS = ['snapshot.yaml', 'snapshot.json', 'snapshot.txt'];
/** Label values: at most 63 characters of [A-Za-z0-9._-], alphanumeric at both ends. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export interface ConfigMapOptions extends KubeClientOptions {
  signal?: AbortSignal;
}

export interface ConfigMapReadResult {
  text: string;
  /** The data key read (`snapshot.yaml`, …). */
  key: string;
  format: 'yaml' | 'json';
}

/** The `data` and labels written for a document. */
export function configMapContent(text: string, format: StoredFormat, options: { kind?: string; timestamp: string; version?: string }): { data: Record<string, string>; labels: Record<string, string> } {
  const data: Record<string, string> = { format, [`snapshot.${EXTENSIONS[format]}`]: text, timestamp: options.timestamp };
  const labels: Record<string, string> = {
    'app.kubernetes.io/name': 'aicr',
    'app.kubernetes.io/component': labelValue(options.kind ?? 'Snapshot', 'Snapshot'),
    'app.kubernetes.io/version': labelValue(options.version ?? VERSION, 'unknown'),
  };
  return { data, labels };
}

function labelValue(value: string, fallback: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63);
  return LABEL_VALUE.test(cleaned) && cleaned !== '' ? cleaned : fallback;
}

/** Bytes a `data` map counts against the ConfigMap limit (keys plus values, as the API server counts). */
export function configMapDataSize(data: Record<string, string>): number {
  let size = 0;
  for (const [key, value] of Object.entries(data)) size += Buffer.byteLength(key) + Buffer.byteLength(value);
  return size;
}

/** Refuses, before any request, a document that would not fit in a ConfigMap. */
export function checkConfigMapSize(location: ConfigMapLocation, data: Record<string, string>, input = 'output'): void {
  const size = configMapDataSize(data);
  if (size <= CONFIGMAP_MAX_BYTES) return;
  const mib = (size / CONFIGMAP_MAX_BYTES).toFixed(2);
  throw invalidInput(`${input}: the document is too large for ConfigMap ${location.text}: ${size} bytes (${mib} MiB) of data, Kubernetes allows at most ${CONFIGMAP_MAX_BYTES} bytes (1 MiB)`, {
    hint: `write it to a file instead (e.g. ${optionRef('output')} snapshot.yaml), or make it smaller (for snapshots: ${optionRef('max-nodes-per-entry')} limits the node names listed per label and taint)`,
    details: { size, limit: CONFIGMAP_MAX_BYTES },
  });
}

function action(verb: string, location: ConfigMapLocation): KubeAction {
  return { verb, resource: 'configmaps', group: '', namespace: location.namespace, name: location.name };
}

function configMapPath(location: ConfigMapLocation): string {
  return apiPath`/api/v1/namespaces/${location.namespace}/configmaps/${location.name}`;
}

type ConfigMapObject = { metadata?: Record<string, any>; data?: Record<string, string>; binaryData?: Record<string, string>; immutable?: boolean };

/**
 * GETs a ConfigMap we were told to read or replace, bounded: the answer at most
 * {@link CONFIGMAP_MAX_RESPONSE_BYTES}, its data at most {@link CONFIGMAP_MAX_BYTES}; anything
 * larger is no ConfigMap a real API server holds, and the input naming it is refused (exit 2).
 */
async function getConfigMap(client: KubeClient, location: ConfigMapLocation, input: string, signal: AbortSignal | undefined): Promise<ConfigMapObject> {
  let configMap: ConfigMapObject;
  try {
    configMap = await client.call<ConfigMapObject>(action('get', location), { path: configMapPath(location), maxBytes: CONFIGMAP_MAX_RESPONSE_BYTES }, signal ? { signal } : {});
  } catch (error) {
    if (error instanceof ResponseTooLargeError) {
      throw invalidInput(`${optionLabel(input)}: the API server's answer for ConfigMap ${location.text} is larger than ${CONFIGMAP_MAX_RESPONSE_BYTES} bytes (3 MiB), more than any ConfigMap holds; reading stopped there`, {
        cause: error,
        hint: 'check that the kubeconfig points at the real API server (not a proxy that streams something else), and the ConfigMap\'s name',
      });
    }
    throw error;
  }
  const size = configMapDataSize({ ...(configMap?.data ?? {}), ...(configMap?.binaryData ?? {}) });
  if (size > CONFIGMAP_MAX_BYTES) {
    throw invalidInput(`${optionLabel(input)}: ConfigMap ${location.text} holds ${size} bytes of data, more than the ${CONFIGMAP_MAX_BYTES} bytes (1 MiB) Kubernetes allows`, {
      hint: 'check that the kubeconfig points at a real API server; a ConfigMap cannot be that large',
    });
  }
  return configMap;
}

/**
 * Reads the document stored in a ConfigMap: key `snapshot.<format>` (format from the `format`
 * key, default yaml), else the first of `snapshot.yaml`, `snapshot.json`, `snapshot.txt`.
 * `key` overrides the choice.
 */
export async function readConfigMapDocument(location: ConfigMapLocation, options: ConfigMapOptions & { key?: string; maxBytes?: number; input?: string } = {}): Promise<ConfigMapReadResult> {
  const input = options.input ?? 'input';
  const client = await getKubeClient(options);
  let configMap: ConfigMapObject;
  try {
    configMap = await getConfigMap(client, location, input, options.signal);
  } catch (error) {
    if (error instanceof AicrError && error.code === ErrorCode.NotFound) {
      throw notFound(`${input}: ConfigMap ${location.text} does not exist (namespace "${location.namespace}", context namespace of ${client.source} is "${client.namespace}")`, {
        cause: error,
        hint: `check the namespace and name; write one with e.g. aicr snapshot --output ${location.text}`,
      });
    }
    throw error;
  }
  const data = configMap.data ?? {};
  const keys = Object.keys(data).sort();
  let key = options.key;
  if (key === undefined) {
    const declared = data.format?.trim();
    const declaredKey = declared ? `snapshot.${declared === 'table' ? 'txt' : declared}` : 'snapshot.yaml';
    key = declaredKey in data ? declaredKey : FALLBACK_KEYS.find((k) => k in data);
  }
  if (key === undefined || !(key in data)) {
    throw notFound(`${input}: ConfigMap ${location.text} has no ${options.key ? `"${options.key}" key` : 'document (no snapshot.yaml, snapshot.json or snapshot.txt key)'}; its data keys are: ${keys.length ? keys.join(', ') : '(none)'}`, {
      hint: `point at a ConfigMap written by aicr (aicr snapshot/recipe --output cm://…) or by the AICR agent`,
    });
  }
  const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'txt' || extension === 'table') {
    throw invalidInput(`${input}: ConfigMap ${location.text} holds a table (${key}), which cannot be read back`, {
      hint: `write the document with ${optionRef('format')} yaml or json`,
    });
  }
  const text = data[key]!;
  const limit = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (Buffer.byteLength(text) > limit) {
    throw invalidInput(`${input}: ${location.text}#${key} is too large (${Buffer.byteLength(text)} bytes, limit ${limit} bytes)`, { hint: 'pass a smaller document' });
  }
  if (text.trim() === '') {
    throw invalidInput(`${input}: ${location.text}#${key} is empty`, { hint: 'write the document again' });
  }
  return { text, key, format: extension === 'json' ? 'json' : 'yaml' };
}

export interface ConfigMapWriteOptions extends ConfigMapOptions {
  format?: StoredFormat;
  /** Document kind for the component label (default Snapshot). */
  kind?: string;
  /** `data.timestamp` (default: now). */
  timestamp?: string;
  input?: string;
  /** What the ConfigMap was when the run began (claimConfigMap); without one, what it is now. */
  claim?: ConfigMapClaim;
}

export interface ConfigMapWriteResult {
  created: boolean;
  resourceVersion: string;
  key: string;
}

export type ConfigMapClaim = OutputClaim & { kind: 'configmap' };

function existingFrom(object: ConfigMapObject): ExistingConfigMap {
  const metadata = object.metadata ?? {};
  const existing: ExistingConfigMap = { resourceVersion: String(metadata.resourceVersion ?? '') };
  if (metadata.labels) existing.labels = metadata.labels;
  if (metadata.annotations) existing.annotations = metadata.annotations;
  if (metadata.ownerReferences) existing.ownerReferences = metadata.ownerReferences;
  if (object.immutable) existing.immutable = true;
  return existing;
}

/**
 * What the ConfigMap is before the run's work: absent, or its resourceVersion. A caller that may
 * create and update but not read gets `unknown` (then only a change between our read-back and
 * our update is detected).
 */
export async function claimConfigMap(location: ConfigMapLocation, options: ConfigMapOptions & { input?: string } = {}): Promise<ConfigMapClaim> {
  const client = await getKubeClient(options);
  try {
    const object = await getConfigMap(client, location, options.input ?? 'output', options.signal);
    return { kind: 'configmap', text: location.text, state: existingFrom(object) };
  } catch (error) {
    if (isStatus(error, 404)) return { kind: 'configmap', text: location.text, state: 'absent' };
    if (isStatus(error, 403)) return { kind: 'configmap', text: location.text, state: 'unknown' };
    throw error;
  }
}

/**
 * Writes a ConfigMap holding one document, never over another writer's result: create when it
 * was absent at the claim (AlreadyExists means someone else created it), else replace under the
 * claimed resourceVersion (Conflict means someone else changed it). A 409 is first read back: an
 * object holding exactly our data is our own earlier attempt whose answer was lost. Checks the
 * size first; replaces the whole `data` map; keeps other labels and annotations.
 */
export async function writeConfigMapDocument(location: ConfigMapLocation, text: string, options: ConfigMapWriteOptions = {}): Promise<ConfigMapWriteResult> {
  const input = options.input ?? 'output';
  const format = options.format ?? 'yaml';
  const timestamp = options.timestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { data, labels } = configMapContent(text, format, { timestamp, ...(options.kind ? { kind: options.kind } : {}) });
  checkConfigMapSize(location, data, input);
  const key = `snapshot.${EXTENSIONS[format]}`;
  const client = await getKubeClient(options);
  const request = options.signal ? { signal: options.signal } : {};
  const state = options.claim?.state ?? 'unknown';
  /** After a 409: our own attempt (its answer lost) or another writer's object. */
  const settleConflict = async (created: boolean): Promise<ConfigMapWriteResult> => {
    const current = await getConfigMap(client, location, input, options.signal);
    if (sameData(current.data, data)) return { created, resourceVersion: String(current.metadata?.resourceVersion ?? ''), key };
    throw concurrentWrite(input, `ConfigMap ${location.text}`);
  };

  if (state === 'absent' || state === 'unknown') {
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: location.name, namespace: location.namespace, labels }, data };
    try {
      const created = await client.call<ConfigMapObject>(action('create', location), { method: 'POST', path: apiPath`/api/v1/namespaces/${location.namespace}/configmaps`, body }, request);
      return { created: true, resourceVersion: String(created.metadata?.resourceVersion ?? ''), key };
    } catch (error) {
      if (!isStatus(error, 409, 'AlreadyExists')) throw explainWriteError(error, location, input);
      if (state === 'absent') return settleConflict(true);
    }
  }
  const existing = typeof state === 'string' ? existingFrom(await getConfigMap(client, location, input, options.signal)) : state;
  if (existing.immutable) {
    throw invalidInput(`${input}: ConfigMap ${location.text} is immutable and cannot be overwritten`, {
      hint: 'delete it first (kubectl delete configmap …) or write to another name',
    });
  }
  const replacement = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: location.name,
      namespace: location.namespace,
      resourceVersion: existing.resourceVersion,
      labels: { ...(existing.labels ?? {}), ...labels },
      ...(existing.annotations ? { annotations: existing.annotations } : {}),
      ...(existing.ownerReferences ? { ownerReferences: existing.ownerReferences } : {}),
    },
    data,
  };
  try {
    const replaced = await client.call<ConfigMapObject>(action('update', location), { method: 'PUT', path: configMapPath(location), body: replacement }, request);
    return { created: false, resourceVersion: String(replaced.metadata?.resourceVersion ?? ''), key };
  } catch (error) {
    if (isStatus(error, 409)) return settleConflict(false);
    // Deleted since the claim: nobody's result is lost by creating it afresh (create-or-fail).
    if (isStatus(error, 404) && options.claim && !namespaceMissing(error)) return writeConfigMapDocument(location, text, { ...options, timestamp, claim: { ...options.claim, state: 'absent' } });
    throw explainWriteError(error, location, input);
  }
}

function sameData(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  const keys = Object.keys(b);
  return a !== undefined && Object.keys(a).length === keys.length && keys.every((key) => a[key] === b[key]);
}

/** The server said the namespace does not exist (its words, `namespaces "x" not found`, not our description of the request). */
function namespaceMissing(error: unknown): boolean {
  const failure = classifyFailure(error instanceof AicrError ? error.cause : error);
  return failure.kind === 'http' && failure.status === 404 && failure.message.startsWith('namespaces "');
}

function isStatus(error: unknown, status: number, reason?: string): boolean {
  const cause = error instanceof AicrError ? error.cause : error;
  const failure = classifyFailure(cause);
  return failure.kind === 'http' && failure.status === status && (reason === undefined || failure.reason === reason);
}

function explainWriteError(error: unknown, location: ConfigMapLocation, input: string): unknown {
  if (error instanceof AicrError && error.code === ErrorCode.NotFound && namespaceMissing(error)) {
    return notFound(`${input}: namespace "${location.namespace}" does not exist, so ConfigMap ${location.text} cannot be written`, {
      cause: error,
      hint: `create it first (kubectl create namespace ${location.namespace}) or write to an existing namespace`,
    });
  }
  return error;
}

/** The `cm://` handler that src/core/io.ts loads on first use. */
export const configMapHandler: ConfigMapHandler = {
  async read(location: ConfigMapLocation, options: ReadOptions) {
    const result = await readConfigMapDocument(location, {
      ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
      ...(options.configMapKey ? { key: options.configMapKey } : {}),
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      ...(options.input ? { input: options.input } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { text: result.text, key: result.key };
  },
  async write(location: ConfigMapLocation, text: string, options: WriteOptions) {
    await writeConfigMapDocument(location, text, {
      ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
      ...(options.format ? { format: options.format } : {}),
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
      ...(options.input ? { input: options.input } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.claim?.kind === 'configmap' ? { claim: options.claim } : {}),
    });
  },
  claim(location: ConfigMapLocation, options: ClaimOptions) {
    return claimConfigMap(location, {
      ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.input ? { input: options.input } : {}),
    });
  },
};
