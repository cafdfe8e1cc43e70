/**
 * A fake Kubernetes API server for tests and benchmarks: a node:http server on 127.0.0.1 that
 * the real @kubernetes/client-node talks to over the real REST and watch protocol.
 *
 * What it implements, with the real server's semantics and Status bodies:
 * - CRUD for the resources in resources.ts (create 409 AlreadyExists, update with
 *   resourceVersion preconditions → 409 Conflict, 404 NotFound, 422 Invalid with causes,
 *   namespace existence, ConfigMap 1 MiB limit and immutability, generateName, dryRun);
 * - PATCH: JSON merge patch, strategic merge patch (as merge patch), server-side apply
 *   (`application/apply-patch+yaml`, fieldManager, force, removal of fields a manager stopped
 *   applying);
 * - DELETE with propagationPolicy (Jobs default to Orphan, like batch/v1), cascading to owned
 *   objects; namespace deletion removes everything inside;
 * - list with label/field selectors and paging (`limit`/`continue`, `remainingItemCount`,
 *   410 Expired for a stale continue token);
 * - watch: chunked newline-delimited JSON events (ADDED/MODIFIED/DELETED/ERROR), replay from a
 *   `resourceVersion`, 410 Expired when it is too old, `timeoutSeconds`;
 * - pod logs (`container`, `follow`, `tailLines`, `limitBytes`, "waiting to start" errors);
 * - discovery (/version, /api, /apis, resource lists), bearer-token authentication (401) and
 *   RBAC-style authorization per user (403 with the real message), SelfSubjectAccessReview;
 * - injectable faults: any status (429 with Retry-After, 500, 403, 409 …), connection reset,
 *   slow answers, hanging requests, watch streams closed early, answers that never end (an
 *   endless body at full speed, a drip of one byte at a time, endless watch events);
 * - a request log for assertions, and read-only "virtual" collections generated on demand for
 *   benchmarks with hundreds of thousands of objects.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RESOURCES, apiVersionOf, type ResourceInfo } from './resources.js';
import { SelectorError, matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector, type FieldRequirement, type Requirement } from './selectors.js';

export type KubeObject = Record<string, any>;

interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  /** Plural names, `pods/log` for subresources, `*` for all. */
  resources: string[];
  /** Namespaces the rule applies in; absent = every namespace and cluster scope. */
  namespaces?: string[];
  resourceNames?: string[];
}

export interface FakeUser {
  name: string;
  groups?: string[];
  rules: PolicyRule[] | 'cluster-admin';
}

export interface Fault {
  method?: string;
  /** Substring of (or pattern for) the request path (without query). */
  path?: string | RegExp;
  verb?: string;
  /** Plural, `pods/log` for subresources. */
  resource?: string;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** Answer with this status and a matching Status body. */
  status?: number;
  /** Retry-After seconds (sent with the status, 429 by default). */
  retryAfter?: number;
  message?: string;
  /** The Status reason (default: the usual one for the status, `Conflict` for 409). */
  reason?: string;
  /** Answer 200 and send an endless body as fast as the client reads it (no newline ever). */
  endlessBody?: boolean;
  /** Answer 200 and send one byte every this many ms, forever. */
  dripMs?: number;
  /** For watch requests: answer 200 and stream BOOKMARK events that never change anything, forever. */
  endlessEvents?: boolean;
  /** Destroy the connection without an answer. */
  reset?: boolean;
  /** Process the request normally, then drop the connection instead of answering (a lost response). */
  dropResponse?: boolean;
  /** Delay the (otherwise normal) answer. */
  delayMs?: number;
  /** Accept the request and never answer. */
  hang?: boolean;
  /** For watch requests: serve normally, then close the stream after this many ms. */
  endWatchAfterMs?: number;
  /** For watch requests: answer with an ERROR event 410 Expired (as after etcd compaction). */
  watchExpired?: boolean;
  /** Runs once the (otherwise normal) answer was sent: lets a test act "between" two requests. */
  afterResponse?: () => void;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  verb?: string;
  resource?: string;
  namespace?: string;
  name?: string;
  contentType?: string;
  body?: unknown;
  user?: string;
  status?: number;
}

export interface VirtualCollection {
  count: number;
  /** The object at index i; indexes are in the collection's key order. */
  at(index: number): KubeObject;
}

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resourceVersion: number;
  plural: string;
  object: KubeObject;
}

interface Watcher {
  plural: string;
  namespace?: string;
  labels: Requirement[];
  fields: FieldRequirement[];
  send(event: WatchEvent): void;
}

interface Route {
  resource: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
}

interface LogStream {
  text: string;
  followers: Set<(chunk: string | null) => void>;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const CONFIGMAP_KEY = /^[-._a-zA-Z0-9]+$/;
/** Total data size limit of ConfigMaps and Secrets (k8s.io/api/core/v1 MaxSecretSize). */
const CONFIGMAP_MAX_BYTES = 1024 * 1024;
const HISTORY_LIMIT = 5000;
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: KubeObject,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function statusBody(code: number, reason: string, message: string, details?: KubeObject): KubeObject {
  const body: KubeObject = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details) body.details = details;
  body.code = code;
  return body;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

const clone = <T>(value: T): T => structuredClone(value);

function keyOf(resource: ResourceInfo, namespace: string | undefined, name: string): string {
  return resource.namespaced ? `${namespace}/${name}` : name;
}

function isObject(value: unknown): value is KubeObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const result: KubeObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** Leaf paths of an object (lists are atomic leaves), for server-side apply ownership. */
function leafPaths(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) leafPaths(child, [...prefix, key], out);
  } else if (prefix.length) out.push(prefix);
  return out;
}

function deletePath(target: KubeObject, path: string[]): void {
  const parents: KubeObject[] = [];
  let node: any = target;
  for (const part of path.slice(0, -1)) {
    if (!isObject(node[part])) return;
    parents.push(node);
    node = node[part];
  }
  delete node[path[path.length - 1]!];
  // Drop maps the removal left empty.
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = parents[i]!;
    if (isObject(parent[path[i]!]) && Object.keys(parent[path[i]!]).length === 0) delete parent[path[i]!];
    else break;
  }
}

function nowIso(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

export interface FakeKubeOptions {
  /** Users by bearer token; `admin-token` (cluster-admin) is always present unless replaced. */
  users?: Record<string, FakeUser>;
  version?: KubeObject;
  /** Resources (plurals) the server does not serve, e.g. `clusterpolicies` for a cluster without the GPU Operator CRD. */
  without?: string[];
}

/** Starts a fake API server on 127.0.0.1 (random port). */
export async function startFakeKube(options: FakeKubeOptions = {}): Promise<FakeKube> {
  const fake = new FakeKube(options);
  await fake.listen();
  return fake;
}

export class FakeKube {
  url = '';
  readonly requests: RecordedRequest[] = [];
  readonly users: Map<string, FakeUser>;
  version: KubeObject;
  private server: Server;
  private sockets = new Set<Socket>();
  private collections = new Map<string, Map<string, KubeObject>>();
  private virtual = new Map<string, VirtualCollection>();
  private history: WatchEvent[] = [];
  private watchers = new Set<Watcher>();
  private faults: Array<Fault & { remaining: number }> = [];
  private logs = new Map<string, LogStream>();
  private createHooks = new Map<string, Array<(object: KubeObject) => void | Promise<void>>>();
  private applied = new Map<string, Map<string, string[][]>>();
  private rv = 1000;
  private uidCounter = 0;
  private openStreams = new Set<ServerResponse>();
  private served: ResourceInfo[];

  constructor(options: FakeKubeOptions = {}) {
    this.users = new Map(Object.entries(options.users ?? { 'admin-token': { name: 'kubernetes-admin', groups: ['system:masters'], rules: 'cluster-admin' } }));
    this.version = options.version ?? {
      major: '1',
      minor: '33',
      gitVersion: 'v1.33.5-eks-3025e55',
      gitCommit: '3025e55e8e1e5a4b6e0f7a9d2d5b0b4c8e9f1a2b',
      gitTreeState: 'clean',
      buildDate: '2025-09-10T12:00:00Z',
      goVersion: 'go1.24.6',
      compiler: 'gc',
      platform: 'linux/amd64',
    };
    this.served = RESOURCES.filter((r) => !(options.without ?? []).includes(r.plural));
    for (const resource of RESOURCES) this.collections.set(resource.plural, new Map());
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.create('namespaces', { metadata: { name } });
    }
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.sendStatus(res, new StatusError(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`));
        else res.destroy();
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const res of this.openStreams) res.end();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Writes a kubeconfig pointing at this server (plain http needs insecure-skip-tls-verify). */
  writeKubeconfig(dir: string, options: { token?: string; namespace?: string; file?: string } = {}): string {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, options.file ?? 'kubeconfig');
    const context: KubeObject = { cluster: 'fake', user: 'tester' };
    if (options.namespace) context.namespace = options.namespace;
    writeFileSync(
      path,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'fake', cluster: { server: this.url, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'tester', user: { token: options.token ?? 'admin-token' } }],
        contexts: [{ name: 'fake', context }],
        'current-context': 'fake',
      }),
    );
    return path;
  }

  // ---------------------------------------------------------------- test-side API

  inject(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Requests matching a verb and resource (e.g. `('create', 'jobs')`). */
  requestsFor(verb: string, resource: string): RecordedRequest[] {
    return this.requests.filter((r) => r.verb === verb && r.resource === resource);
  }

  /** Runs `hook` (asynchronously) after every successful create of `plural`. */
  onCreate(plural: string, hook: (object: KubeObject) => void | Promise<void>): void {
    const list = this.createHooks.get(plural) ?? [];
    list.push(hook);
    this.createHooks.set(plural, list);
  }

  /** Replaces a collection with read-only generated objects (benchmarks). */
  setVirtual(plural: string, collection: VirtualCollection): void {
    this.virtual.set(plural, collection);
  }

  get(plural: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const resource = this.resource(plural);
    const found = this.collections.get(plural)!.get(keyOf(resource, namespace, name));
    return found ? clone(found) : undefined;
  }

  list(plural: string, namespace?: string): KubeObject[] {
    const resource = this.resource(plural);
    return this.sortedKeys(plural)
      .map((key) => this.collections.get(plural)!.get(key)!)
      .filter((o) => !resource.namespaced || namespace === undefined || o.metadata.namespace === namespace)
      .map(clone);
  }

  /** Creates an object directly (no HTTP, no authorization), filling server-set metadata. */
  create(plural: string, object: KubeObject): KubeObject {
    const resource = this.resource(plural);
    const created = this.prepareCreate(resource, clone(object), object.metadata?.namespace);
    return clone(this.store(resource, created, 'ADDED'));
  }

  /** Replaces an object directly (status updates by a simulated controller, …). */
  update(plural: string, object: KubeObject): KubeObject {
    const resource = this.resource(plural);
    const key = keyOf(resource, object.metadata.namespace, object.metadata.name);
    const existing = this.collections.get(plural)!.get(key);
    if (!existing) throw new Error(`fake: ${plural} ${key} does not exist`);
    const next = clone(object);
    next.metadata = { ...next.metadata, uid: existing.metadata.uid, creationTimestamp: existing.metadata.creationTimestamp };
    return clone(this.store(resource, next, 'MODIFIED'));
  }

  /** Applies a merge patch to an object directly. */
  patch(plural: string, namespace: string | undefined, name: string, patch: KubeObject): KubeObject {
    const existing = this.get(plural, namespace, name);
    if (!existing) throw new Error(`fake: ${plural} ${namespace ?? ''}/${name} does not exist`);
    return this.update(plural, mergePatch(existing, patch) as KubeObject);
  }

  remove(plural: string, namespace: string | undefined, name: string): void {
    const resource = this.resource(plural);
    this.deleteObject(resource, keyOf(resource, namespace, name), 'Background');
  }

  appendPodLog(namespace: string, pod: string, container: string, text: string): void {
    const stream = this.logStream(namespace, pod, container);
    stream.text += text;
    for (const follower of stream.followers) follower(text);
  }

  /** Ends followers of a pod's log (the container terminated). */
  endPodLog(namespace: string, pod: string, container: string): void {
    const stream = this.logStream(namespace, pod, container);
    for (const follower of stream.followers) follower(null);
    stream.followers.clear();
  }

  private logStream(namespace: string, pod: string, container: string): LogStream {
    const key = `${namespace}/${pod}/${container}`;
    let stream = this.logs.get(key);
    if (!stream) {
      stream = { text: '', followers: new Set() };
      this.logs.set(key, stream);
    }
    return stream;
  }

  private resource(plural: string): ResourceInfo {
    const resource = RESOURCES.find((r) => r.plural === plural);
    if (!resource) throw new Error(`fake: unknown resource ${plural}`);
    return resource;
  }

  private sortedKeys(plural: string): string[] {
    return [...this.collections.get(plural)!.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  // ---------------------------------------------------------------- storage and events

  private nextRv(): number {
    return ++this.rv;
  }

  private newUid(): string {
    this.uidCounter++;
    const hex = randomBytes(16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private store(resource: ResourceInfo, object: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    const rv = this.nextRv();
    object.metadata.resourceVersion = String(rv);
    object.kind = resource.kind;
    object.apiVersion = apiVersionOf(resource);
    const key = keyOf(resource, object.metadata.namespace, object.metadata.name);
    this.collections.get(resource.plural)!.set(key, object);
    this.emit({ type, resourceVersion: rv, plural: resource.plural, object: clone(object) });
    if (type === 'ADDED') {
      for (const hook of this.createHooks.get(resource.plural) ?? []) {
        setImmediate(() => {
          Promise.resolve(hook(clone(object))).catch(() => {});
        });
      }
    }
    return object;
  }

  private emit(event: WatchEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const watcher of this.watchers) {
      if (watcher.plural === event.plural && this.watchMatches(watcher, event.object)) watcher.send(event);
    }
  }

  private watchMatches(watcher: Watcher, object: KubeObject): boolean {
    if (watcher.namespace !== undefined && object.metadata.namespace !== watcher.namespace) return false;
    return matchesLabels(watcher.labels, object.metadata.labels) && matchesFields(watcher.fields, object);
  }

  private deleteObject(resource: ResourceInfo, key: string, propagation: string): KubeObject | undefined {
    const collection = this.collections.get(resource.plural)!;
    const object = collection.get(key);
    if (!object) return undefined;
    if (propagation !== 'Orphan') {
      // Garbage collection of dependents (Foreground: before the owner; Background: right after).
      for (const dependentResource of RESOURCES) {
        for (const [dependentKey, dependent] of [...this.collections.get(dependentResource.plural)!.entries()]) {
          const owners: KubeObject[] = dependent.metadata.ownerReferences ?? [];
          if (owners.some((o) => o.uid === object.metadata.uid)) this.deleteObject(dependentResource, dependentKey, propagation);
        }
      }
    }
    if (resource.plural === 'namespaces') {
      for (const inner of RESOURCES.filter((r) => r.namespaced)) {
        for (const [innerKey, innerObject] of [...this.collections.get(inner.plural)!.entries()]) {
          if (innerObject.metadata.namespace === object.metadata.name) this.deleteObject(inner, innerKey, 'Background');
        }
      }
    }
    collection.delete(key);
    this.applied.delete(object.metadata.uid);
    const final = clone(object);
    const rv = this.nextRv();
    final.metadata.resourceVersion = String(rv);
    this.emit({ type: 'DELETED', resourceVersion: rv, plural: resource.plural, object: final });
    return final;
  }

  // ---------------------------------------------------------------- validation and defaults

  private prepareCreate(resource: ResourceInfo, object: KubeObject, namespace: string | undefined): KubeObject {
    if (!isObject(object)) throw new StatusError(400, 'BadRequest', 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml');
    const kind = object.kind ?? resource.kind;
    if (kind !== resource.kind) {
      throw new StatusError(400, 'BadRequest', `the API version in the data (${object.apiVersion ?? ''}) does not match the expected API version (${apiVersionOf(resource)})`);
    }
    object.metadata = isObject(object.metadata) ? object.metadata : {};
    const meta = object.metadata;
    if (resource.namespaced) {
      if (meta.namespace !== undefined && meta.namespace !== '' && namespace !== undefined && meta.namespace !== namespace) {
        throw new StatusError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
      }
      meta.namespace = namespace ?? meta.namespace ?? 'default';
    } else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomBytes(3).toString('hex').slice(0, 5)}`;
    this.validate(resource, object);
    if (resource.namespaced && resource.plural !== 'namespaces') {
      const ns = this.collections.get('namespaces')!.get(meta.namespace);
      if (!ns) throw new StatusError(404, 'NotFound', `namespaces "${meta.namespace}" not found`, { name: meta.namespace, kind: 'namespaces' });
      if (ns.status?.phase === 'Terminating') {
        throw new StatusError(403, 'Forbidden', `${resource.plural} "${meta.name}" is forbidden: unable to create new content in namespace ${meta.namespace} because it is being terminated`);
      }
    }
    if (this.collections.get(resource.plural)!.has(keyOf(resource, meta.namespace, meta.name))) {
      throw new StatusError(409, 'AlreadyExists', `${resource.plural}${resource.group ? `.${resource.group}` : ''} "${meta.name}" already exists`, {
        name: meta.name,
        ...(resource.group ? { group: resource.group } : {}),
        kind: resource.plural,
      });
    }
    meta.uid = this.newUid();
    meta.creationTimestamp = nowIso();
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    this.applyDefaults(resource, object);
    return object;
  }

  private validate(resource: ResourceInfo, object: KubeObject): void {
    const meta = object.metadata;
    const causes: KubeObject[] = [];
    const name: unknown = meta.name;
    if (typeof name !== 'string' || name === '') {
      causes.push({ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' });
    } else if (resource.group === 'rbac.authorization.k8s.io') {
      if (name.includes('/') || name.includes('%') || name === '.' || name === '..') {
        causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: "${name}": may not contain '/'`, field: 'metadata.name' });
      }
    } else {
      const label = resource.plural === 'namespaces';
      const ok = label ? DNS1123_LABEL.test(name) && name.length <= 63 : DNS1123_SUBDOMAIN.test(name) && name.length <= 253;
      if (!ok) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: "${name}": a lowercase RFC 1123 ${label ? 'label' : 'subdomain'} must consist of lower case alphanumeric characters, '-'${label ? '' : " or '.'"}, and must start and end with an alphanumeric character`,
          field: 'metadata.name',
        });
      }
    }
    if (resource.plural === 'configmaps') {
      let size = 0;
      for (const field of ['data', 'binaryData'] as const) {
        const map = object[field];
        if (map === undefined || map === null) continue;
        if (!isObject(map)) {
          causes.push({ reason: 'FieldValueInvalid', message: 'Invalid value: must be a map', field });
          continue;
        }
        for (const [key, value] of Object.entries(map)) {
          if (!CONFIGMAP_KEY.test(key) || key.length > 253) {
            causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: "${key}": a valid config key must consist of alphanumeric characters, '-', '_' or '.'`, field: `${field}[${key}]` });
          }
          if (typeof value !== 'string') {
            causes.push({ reason: 'FieldValueInvalid', message: 'Invalid value: must be a string', field: `${field}[${key}]` });
            continue;
          }
          size += Buffer.byteLength(key) + (field === 'binaryData' ? Buffer.from(value, 'base64').length : Buffer.byteLength(value));
        }
      }
      if (size > CONFIGMAP_MAX_BYTES) {
        causes.push({ reason: 'FieldValueTooLong', message: `Too long: must have at most ${CONFIGMAP_MAX_BYTES} bytes`, field: '[]' });
      }
    }
    if (resource.plural === 'jobs' || resource.plural === 'pods') {
      const spec = resource.plural === 'jobs' ? object.spec?.template?.spec : object.spec;
      const prefix = resource.plural === 'jobs' ? 'spec.template.spec' : 'spec';
      const containers = spec?.containers;
      if (!Array.isArray(containers) || containers.length === 0) {
        causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${prefix}.containers` });
      } else {
        containers.forEach((container: KubeObject, index: number) => {
          if (!container?.image) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${prefix}.containers[${index}].image` });
          if (!container?.name) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${prefix}.containers[${index}].name` });
        });
      }
      if (resource.plural === 'jobs' && !['Never', 'OnFailure'].includes(spec?.restartPolicy)) {
        causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: "${spec?.restartPolicy ?? ''}": supported values: "OnFailure", "Never"`, field: `${prefix}.restartPolicy` });
      }
    }
    if (causes.length) {
      const kindName = `${resource.kind} "${typeof name === 'string' ? name : ''}"`;
      throw new StatusError(422, 'Invalid', `${kindName} is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`, {
        name: typeof name === 'string' ? name : '',
        ...(resource.group ? { group: resource.group } : {}),
        kind: resource.kind,
        causes,
      });
    }
  }

  private applyDefaults(resource: ResourceInfo, object: KubeObject): void {
    if (resource.plural === 'namespaces') {
      object.metadata.labels = { ...(object.metadata.labels ?? {}), 'kubernetes.io/metadata.name': object.metadata.name };
      object.spec = { finalizers: ['kubernetes'] };
      object.status = { phase: 'Active' };
    }
    if (resource.plural === 'jobs') {
      const spec = object.spec;
      spec.parallelism ??= 1;
      spec.completions ??= 1;
      spec.backoffLimit ??= 6;
      spec.completionMode ??= 'NonIndexed';
      spec.suspend ??= false;
      const uid = object.metadata.uid;
      const selectorLabels = { 'batch.kubernetes.io/controller-uid': uid };
      spec.selector ??= { matchLabels: selectorLabels };
      spec.template.metadata = spec.template.metadata ?? {};
      spec.template.metadata.labels = {
        ...(spec.template.metadata.labels ?? {}),
        'batch.kubernetes.io/controller-uid': uid,
        'batch.kubernetes.io/job-name': object.metadata.name,
        'controller-uid': uid,
        'job-name': object.metadata.name,
      };
      object.metadata.generation = 1;
      object.status = {};
    }
    if (resource.plural === 'pods') {
      object.status ??= { phase: 'Pending' };
    }
    if (resource.plural === 'serviceaccounts') object.secrets ??= undefined;
  }

  // ---------------------------------------------------------------- HTTP

  private async readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new StatusError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private dropped = new WeakSet<ServerResponse>();

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (this.dropped.has(res)) {
      res.socket?.destroy();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  /** An answer that never ends (see the faults): until the client gives up or the server closes. */
  private neverEnding(res: ServerResponse, fault: Fault): void {
    this.openStreams.add(res);
    res.writeHead(200, { 'content-type': 'application/json' });
    let timer: NodeJS.Timeout | undefined;
    const stop = (): void => {
      clearInterval(timer);
      this.openStreams.delete(res);
    };
    res.on('close', stop);
    if (fault.endlessBody) {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      res.write('{"items":[');
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      pump();
      return;
    }
    if (fault.endlessEvents) {
      const event = (): string => JSON.stringify({ type: 'BOOKMARK', object: { kind: 'Job', apiVersion: 'batch/v1', metadata: { resourceVersion: String(this.rv) } } }) + '\n';
      timer = setInterval(() => res.write(event()), 5);
      return;
    }
    timer = setInterval(() => res.write(' '), fault.dripMs);
  }

  private sendStatus(res: ServerResponse, error: StatusError): void {
    this.send(res, error.code, statusBody(error.code, error.reason, error.message, error.details), error.headers);
  }

  private route(segments: string[]): { route?: Route; discovery?: unknown } {
    let group = '';
    let version: string;
    let rest: string[];
    if (segments[0] === 'api') {
      if (segments.length === 1) return { discovery: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] } };
      version = segments[1]!;
      rest = segments.slice(2);
    } else if (segments[0] === 'apis') {
      if (segments.length === 1) return { discovery: this.groupList() };
      group = segments[1]!;
      if (segments.length === 2) {
        const groupInfo = (this.groupList().groups as KubeObject[]).find((g) => g.name === group);
        if (!groupInfo) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
        return { discovery: { kind: 'APIGroup', apiVersion: 'v1', ...groupInfo } };
      }
      version = segments[2]!;
      rest = segments.slice(3);
    } else throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    const inGroup = this.served.filter((r) => r.group === group && r.version === version);
    if (inGroup.length === 0) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    if (rest.length === 0) {
      return {
        discovery: {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: group ? `${group}/${version}` : version,
          resources: inGroup.flatMap((r) => [
            {
              name: r.plural,
              singularName: r.kind.toLowerCase(),
              namespaced: r.namespaced,
              kind: r.kind,
              verbs: r.createOnly ? ['create'] : ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
              ...(r.shortNames ? { shortNames: r.shortNames } : {}),
            },
            ...(r.subresources ?? []).map((sub) => ({ name: `${r.plural}/${sub}`, singularName: '', namespaced: r.namespaced, kind: sub === 'log' ? 'Pod' : r.kind, verbs: sub === 'log' ? ['get'] : ['get', 'patch', 'update'] })),
          ]),
        },
      };
    }
    const find = (plural: string): ResourceInfo => {
      const resource = inGroup.find((r) => r.plural === plural);
      if (!resource) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
      return resource;
    };
    if (rest[0] === 'namespaces' && rest.length >= 3 && inGroup.some((r) => r.plural === rest[2] && r.namespaced)) {
      const resource = find(rest[2]!);
      const route: Route = { resource, namespace: rest[1]! };
      if (rest[3] !== undefined) route.name = rest[3];
      if (rest[4] !== undefined) route.subresource = rest[4];
      if (rest.length > 5) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
      return { route };
    }
    const resource = find(rest[0]!);
    if (resource.namespaced && rest.length > 1) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    const route: Route = { resource };
    if (rest[1] !== undefined) route.name = rest[1];
    if (rest[2] !== undefined) route.subresource = rest[2];
    if (rest.length > 3) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    return { route };
  }

  private groupList(): KubeObject {
    const groups = new Map<string, string[]>();
    for (const r of this.served) {
      if (!r.group) continue;
      const versions = groups.get(r.group) ?? [];
      if (!versions.includes(r.version)) versions.push(r.version);
      groups.set(r.group, versions);
    }
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups.entries()].map(([name, versions]) => ({
        name,
        versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
        preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
      })),
    };
  }

  private verbFor(method: string, route: Route, query: URLSearchParams): string {
    const watch = query.get('watch') === 'true' || query.get('watch') === '1';
    switch (method) {
      case 'GET':
        return route.name === undefined ? (watch ? 'watch' : 'list') : 'get';
      case 'POST':
        return 'create';
      case 'PUT':
        return 'update';
      case 'PATCH':
        return 'patch';
      case 'DELETE':
        return route.name === undefined ? 'deletecollection' : 'delete';
      default:
        throw new StatusError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    }
  }

  /** RBAC-style check; returns undefined when allowed, the denial reason otherwise. */
  allowed(user: FakeUser, verb: string, group: string, resource: string, namespace: string | undefined, name: string | undefined): boolean {
    if (user.rules === 'cluster-admin') return true;
    // system:basic-user, bound to every authenticated user: self access and rules reviews.
    if (verb === 'create' && group === 'authorization.k8s.io' && (resource === 'selfsubjectaccessreviews' || resource === 'selfsubjectrulesreviews')) return true;
    return user.rules.some(
      (rule) =>
        (rule.verbs.includes('*') || rule.verbs.includes(verb)) &&
        (rule.apiGroups.includes('*') || rule.apiGroups.includes(group)) &&
        (rule.resources.includes('*') || rule.resources.includes(resource)) &&
        (rule.namespaces === undefined || (namespace !== undefined && rule.namespaces.includes(namespace))) &&
        (rule.resourceNames === undefined || (name !== undefined && rule.resourceNames.includes(name))),
    );
  }

  private forbidden(user: FakeUser, verb: string, resource: ResourceInfo, sub: string | undefined, namespace: string | undefined, name: string | undefined): StatusError {
    const resourceText = sub ? `${resource.plural}/${sub}` : resource.plural;
    const subject = name ? `${resourceText}${resource.group ? `.${resource.group}` : ''} "${name}"` : `${resourceText}${resource.group ? `.${resource.group}` : ''}`;
    const scope = namespace !== undefined && resource.namespaced ? `in the namespace "${namespace}"` : 'at the cluster scope';
    const what = sub ? `resource "${resource.plural}/${sub}"` : `resource "${resource.plural}"`;
    return new StatusError(403, 'Forbidden', `${subject} is forbidden: User "${user.name}" cannot ${verb} ${what} in API group "${resource.group}" ${scope}`, {
      ...(name ? { name } : {}),
      ...(resource.group ? { group: resource.group } : {}),
      kind: resource.plural,
    });
  }

  private takeFault(record: RecordedRequest): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.remaining <= 0) continue;
      if (fault.method && fault.method !== record.method) continue;
      if (fault.verb && fault.verb !== record.verb) continue;
      if (fault.resource && fault.resource !== record.resource) continue;
      if (fault.path && !(typeof fault.path === 'string' ? record.path.includes(fault.path) : fault.path.test(record.path))) continue;
      fault.remaining--;
      return fault;
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const segments = url.pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
    const record: RecordedRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams) };
    const contentType = req.headers['content-type'];
    if (contentType) record.contentType = contentType;
    this.requests.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    let bodyText = '';
    try {
      bodyText = await this.readBody(req);
      if (bodyText) {
        try {
          record.body = contentType?.includes('yaml') ? parseYaml(bodyText) : JSON.parse(bodyText);
        } catch {
          record.body = bodyText;
        }
      }
      let routed: { route?: Route; discovery?: unknown } = {};
      const special = segments[0] === 'version' || segments[0] === 'healthz' || segments[0] === 'readyz' || segments[0] === 'livez';
      if (!special) {
        try {
          routed = this.route(segments);
        } catch (error) {
          if (!(error instanceof StatusError)) throw error;
          // Faults may still target unknown paths; route errors are answered after them.
          routed = {};
          (record as { routeError?: StatusError }).routeError = error;
        }
      }
      if (routed.route) {
        const r = routed.route;
        record.verb = this.verbFor(method, r, url.searchParams);
        record.resource = r.subresource ? `${r.resource.plural}/${r.subresource}` : r.resource.plural;
        if (r.namespace !== undefined) record.namespace = r.namespace;
        if (r.name !== undefined) record.name = r.name;
      }
      const fault = this.takeFault(record);
      let endWatchAfterMs: number | undefined;
      if (fault) {
        if (fault.afterResponse) res.on('finish', fault.afterResponse);
        if (fault.hang) return; // the socket stays open until the client gives up or the server closes
        if (fault.reset) {
          req.socket.destroy();
          return;
        }
        if (fault.dropResponse) this.dropped.add(res);
        if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (fault.endlessBody || fault.dripMs || fault.endlessEvents) return this.neverEnding(res, fault);
        if (fault.status) {
          const headers: Record<string, string> = {};
          let details: KubeObject | undefined;
          if (fault.retryAfter !== undefined) {
            headers['retry-after'] = String(fault.retryAfter);
            details = { retryAfterSeconds: fault.retryAfter };
          }
          const reason = fault.reason ?? (fault.status === 409 ? 'Conflict' : REASONS[fault.status] ?? 'Unknown');
          const message =
            fault.message ??
            (fault.status === 429
              ? 'Too many requests, please try again later.'
              : fault.status === 409
                ? `Operation cannot be fulfilled on ${record.resource ?? 'resource'} "${record.name ?? ''}": the object has been modified; please apply your changes to the latest version and try again`
                : fault.status === 403
                  ? `${record.resource ?? 'resource'} is forbidden: User "fault" cannot ${record.verb ?? 'get'} resource "${record.resource ?? ''}"`
                  : fault.status >= 500
                    ? 'Internal error occurred: injected fault'
                    : 'injected fault');
          throw new StatusError(fault.status, reason, message, details, headers);
        }
        endWatchAfterMs = fault.endWatchAfterMs;
        if (fault.watchExpired) endWatchAfterMs = -1;
      }
      const user = this.authenticate(req);
      record.user = user.name;
      if (segments[0] === 'version' && segments.length === 1) return this.send(res, 200, this.version);
      if (special) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      const routeError = (record as { routeError?: StatusError }).routeError;
      if (routeError) throw routeError;
      if (routed.discovery) return this.send(res, 200, routed.discovery);
      const route = routed.route!;
      const verb = record.verb!;
      if (!this.allowed(user, verb, route.resource.group, record.resource!, route.namespace, route.name)) {
        throw this.forbidden(user, verb, route.resource, route.subresource, route.namespace, route.name);
      }
      await this.dispatch(req, res, route, verb, url.searchParams, bodyText, contentType ?? '', user, endWatchAfterMs);
    } catch (error) {
      if (error instanceof StatusError) return this.sendStatus(res, error);
      throw error;
    }
  }

  private authenticate(req: IncomingMessage): FakeUser {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    const user = match ? this.users.get(match[1]!) : undefined;
    if (!user) throw new StatusError(401, 'Unauthorized', 'Unauthorized');
    return user;
  }

  private parseBody(text: string, contentType: string): KubeObject {
    if (!text) throw new StatusError(400, 'BadRequest', 'the body of the request was empty');
    try {
      return contentType.includes('yaml') ? parseYaml(text) : JSON.parse(text);
    } catch (error) {
      throw new StatusError(400, 'BadRequest', `error decoding request body: ${(error as Error).message}`);
    }
  }

  private async dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    route: Route,
    verb: string,
    query: URLSearchParams,
    bodyText: string,
    contentType: string,
    user: FakeUser,
    endWatchAfterMs: number | undefined,
  ): Promise<void> {
    const { resource } = route;
    const dryRun = query.get('dryRun') === 'All';
    if (resource.createOnly) {
      if (verb !== 'create') throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      return this.send(res, 201, this.accessReview(this.parseBody(bodyText, contentType), user));
    }
    if (route.subresource === 'log') {
      if (verb !== 'get') throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      return this.podLog(req, res, route, query);
    }
    if (route.subresource !== undefined && route.subresource !== 'status') {
      throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    }
    switch (verb) {
      case 'get': {
        const object = this.lookup(resource, route.namespace, route.name!);
        if (!object) throw this.notFound(resource, route.name!);
        return this.send(res, 200, object);
      }
      case 'list':
        return this.send(res, 200, this.listResponse(resource, route.namespace, query));
      case 'watch':
        return this.watch(req, res, resource, route.namespace, query, endWatchAfterMs);
      case 'create': {
        if (route.name !== undefined) throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
        this.checkVirtual(resource);
        const object = this.prepareCreate(resource, this.parseBody(bodyText, contentType), route.namespace);
        if (dryRun) {
          object.kind = resource.kind;
          object.apiVersion = apiVersionOf(resource);
          return this.send(res, 201, object);
        }
        return this.send(res, 201, this.store(resource, object, 'ADDED'));
      }
      case 'update':
        this.checkVirtual(resource);
        return this.send(res, 200, this.replace(resource, route, this.parseBody(bodyText, contentType), dryRun));
      case 'patch':
        this.checkVirtual(resource);
        return this.patchRequest(res, resource, route, query, this.parseBody(bodyText, contentType), contentType, dryRun);
      case 'delete': {
        this.checkVirtual(resource);
        const key = keyOf(resource, route.namespace, route.name!);
        if (!this.collections.get(resource.plural)!.has(key)) throw this.notFound(resource, route.name!);
        let options: KubeObject = {};
        if (bodyText) options = this.parseBody(bodyText, contentType);
        const propagation = query.get('propagationPolicy') ?? options.propagationPolicy ?? (resource.plural === 'jobs' ? 'Orphan' : 'Background');
        if (!['Orphan', 'Background', 'Foreground'].includes(propagation)) {
          throw new StatusError(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${propagation}": supported values: "Foreground", "Background", "Orphan"`);
        }
        const existing = this.collections.get(resource.plural)!.get(key)!;
        const precondition = options.preconditions?.resourceVersion;
        if (precondition && precondition !== existing.metadata.resourceVersion) {
          throw this.conflict(resource, route.name!);
        }
        if (dryRun) return this.send(res, 200, clone(existing));
        const deleted = this.deleteObject(resource, key, propagation)!;
        return this.send(res, 200, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name: deleted.metadata.name, ...(resource.group ? { group: resource.group } : {}), kind: resource.plural, uid: deleted.metadata.uid },
        });
      }
      case 'deletecollection': {
        this.checkVirtual(resource);
        const labels = parseLabels(query.get('labelSelector'));
        for (const [key, object] of [...this.collections.get(resource.plural)!.entries()]) {
          if (route.namespace !== undefined && object.metadata.namespace !== route.namespace) continue;
          if (matchesLabels(labels, object.metadata.labels)) this.deleteObject(resource, key, 'Background');
        }
        return this.send(res, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' });
      }
      default:
        throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    }
  }

  private checkVirtual(resource: ResourceInfo): void {
    if (this.virtual.has(resource.plural)) throw new StatusError(405, 'MethodNotAllowed', `fake: ${resource.plural} is a read-only generated collection`);
  }

  private lookup(resource: ResourceInfo, namespace: string | undefined, name: string): KubeObject | undefined {
    const virtual = this.virtual.get(resource.plural);
    if (virtual) {
      // Virtual collections are in key order: binary search by key.
      const target = keyOf(resource, namespace, name);
      let low = 0;
      let high = virtual.count - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const object = virtual.at(mid);
        const key = keyOf(resource, object.metadata.namespace, object.metadata.name);
        if (key === target) return object;
        if (key < target) low = mid + 1;
        else high = mid - 1;
      }
      return undefined;
    }
    return this.collections.get(resource.plural)!.get(keyOf(resource, namespace, name));
  }

  private notFound(resource: ResourceInfo, name: string): StatusError {
    return new StatusError(404, 'NotFound', `${resource.plural}${resource.group ? `.${resource.group}` : ''} "${name}" not found`, {
      name,
      ...(resource.group ? { group: resource.group } : {}),
      kind: resource.plural,
    });
  }

  private conflict(resource: ResourceInfo, name: string): StatusError {
    return new StatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${resource.plural}${resource.group ? `.${resource.group}` : ''} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.plural },
    );
  }

  private replace(resource: ResourceInfo, route: Route, body: KubeObject, dryRun: boolean): KubeObject {
    if (route.name === undefined) throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    if (!isObject(body.metadata) || body.metadata.name !== route.name) {
      throw new StatusError(400, 'BadRequest', `the name of the object (${body.metadata?.name ?? ''}) does not match the name on the URL (${route.name})`);
    }
    if (resource.namespaced && body.metadata.namespace && body.metadata.namespace !== route.namespace) {
      throw new StatusError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
    }
    const key = keyOf(resource, route.namespace, route.name);
    const existing = this.collections.get(resource.plural)!.get(key);
    if (!existing) throw this.notFound(resource, route.name);
    const precondition = body.metadata.resourceVersion;
    if (precondition !== undefined && precondition !== '' && precondition !== existing.metadata.resourceVersion) throw this.conflict(resource, route.name);
    const next = clone(body);
    if (route.subresource === 'status') {
      // The status subresource changes only .status.
      const updated = clone(existing);
      updated.status = next.status;
      return dryRun ? updated : clone(this.store(resource, updated, 'MODIFIED'));
    }
    if (!route.subresource && resource.subresources?.includes('status')) next.status = existing.status;
    next.metadata = { ...next.metadata, uid: existing.metadata.uid, creationTimestamp: existing.metadata.creationTimestamp };
    if (resource.plural === 'namespaces' || resource.plural === 'jobs') next.metadata.generation = existing.metadata.generation;
    if (resource.namespaced) next.metadata.namespace = route.namespace;
    this.validate(resource, next);
    this.checkImmutable(resource, existing, next);
    if (resource.plural === 'jobs') next.spec = { ...next.spec, selector: existing.spec.selector, template: existing.spec.template };
    return dryRun ? next : clone(this.store(resource, next, 'MODIFIED'));
  }

  private checkImmutable(resource: ResourceInfo, existing: KubeObject, next: KubeObject): void {
    if (resource.plural !== 'configmaps' || existing.immutable !== true) return;
    const same = JSON.stringify(existing.data ?? {}) === JSON.stringify(next.data ?? {}) && JSON.stringify(existing.binaryData ?? {}) === JSON.stringify(next.binaryData ?? {});
    if (!same || next.immutable !== true) {
      throw new StatusError(422, 'Invalid', `ConfigMap "${existing.metadata.name}" is invalid: data: Forbidden: field is immutable when \`immutable\` is set`, {
        name: existing.metadata.name,
        kind: 'ConfigMap',
        causes: [{ reason: 'FieldValueForbidden', message: 'Forbidden: field is immutable when `immutable` is set', field: 'data' }],
      });
    }
  }

  private patchRequest(res: ServerResponse, resource: ResourceInfo, route: Route, query: URLSearchParams, body: KubeObject, contentType: string, dryRun: boolean): void {
    if (route.name === undefined) throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    const type = contentType.split(';')[0]!.trim();
    const key = keyOf(resource, route.namespace, route.name);
    const existing = this.collections.get(resource.plural)!.get(key);
    if (type === 'application/apply-patch+yaml') {
      const manager = query.get('fieldManager');
      if (!manager) {
        throw new StatusError(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
      }
      if (body.metadata?.name !== undefined && body.metadata.name !== route.name) {
        throw new StatusError(400, 'BadRequest', `the name of the object (${body.metadata.name}) does not match the name on the URL (${route.name})`);
      }
      const applied = clone(body);
      if (!existing) {
        const object = this.prepareCreate(resource, applied, route.namespace);
        object.metadata.name = route.name;
        if (dryRun) return this.send(res, 201, object);
        const stored = this.store(resource, object, 'ADDED');
        this.recordApplied(stored.metadata.uid, manager, body);
        return this.send(res, 201, stored);
      }
      const next = clone(existing);
      const previous = this.applied.get(existing.metadata.uid)?.get(manager) ?? [];
      const current = leafPaths(stripServerFields(body)).map((p) => p.join('\u0000'));
      for (const path of previous) if (!current.includes(path.join('\u0000'))) deletePath(next, path);
      const merged = deepApply(next, stripServerFields(body));
      merged.metadata.resourceVersion = existing.metadata.resourceVersion;
      this.validate(resource, merged);
      this.checkImmutable(resource, existing, merged);
      if (dryRun) return this.send(res, 200, merged);
      const stored = this.store(resource, merged, 'MODIFIED');
      this.recordApplied(stored.metadata.uid, manager, body);
      return this.send(res, 200, stored);
    }
    if (!existing) throw this.notFound(resource, route.name);
    if (type !== 'application/merge-patch+json' && type !== 'application/strategic-merge-patch+json') {
      throw new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`);
    }
    const precondition = body.metadata?.resourceVersion;
    if (precondition !== undefined && precondition !== existing.metadata.resourceVersion) throw this.conflict(resource, route.name);
    const merged = mergePatch(existing, body) as KubeObject;
    merged.metadata = { ...merged.metadata, uid: existing.metadata.uid, name: existing.metadata.name, creationTimestamp: existing.metadata.creationTimestamp };
    if (route.subresource !== 'status' && resource.subresources?.includes('status')) merged.status = existing.status;
    this.validate(resource, merged);
    this.checkImmutable(resource, existing, merged);
    if (dryRun) return this.send(res, 200, merged);
    return this.send(res, 200, this.store(resource, merged, 'MODIFIED'));
  }

  private recordApplied(uid: string, manager: string, body: KubeObject): void {
    const byManager = this.applied.get(uid) ?? new Map<string, string[][]>();
    byManager.set(manager, leafPaths(stripServerFields(body)));
    this.applied.set(uid, byManager);
  }

  private listResponse(resource: ResourceInfo, namespace: string | undefined, query: URLSearchParams): KubeObject {
    const labels = parseLabels(query.get('labelSelector'));
    const fields = parseFields(query.get('fieldSelector'), resource.kind);
    const limitText = query.get('limit');
    const limit = limitText ? Number.parseInt(limitText, 10) : 0;
    if (limitText && (!Number.isFinite(limit) || limit < 0)) throw new StatusError(400, 'BadRequest', `invalid limit: ${limitText}`);
    const continueToken = query.get('continue');
    let startKey: string | undefined;
    let startIndex = 0;
    if (continueToken) {
      let decoded: KubeObject;
      try {
        decoded = JSON.parse(Buffer.from(continueToken, 'base64').toString('utf8'));
      } catch {
        throw new StatusError(400, 'BadRequest', 'continue key is not valid: illegal base64 data at input byte 0');
      }
      if (typeof decoded.start !== 'string' || typeof decoded.rv !== 'number') throw new StatusError(400, 'BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
      if (this.history.length && decoded.rv < this.history[0]!.resourceVersion - 1 && !this.virtual.has(resource.plural)) {
        throw new StatusError(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.');
      }
      startKey = decoded.start;
      startIndex = typeof decoded.index === 'number' ? decoded.index : 0;
    }
    const listRv = this.rv;
    const items: KubeObject[] = [];
    let nextToken: string | undefined;
    let remaining = 0;
    const accept = (object: KubeObject): boolean =>
      (!resource.namespaced || namespace === undefined || object.metadata.namespace === namespace) &&
      matchesLabels(labels, object.metadata.labels) &&
      matchesFields(fields, object);
    const virtual = this.virtual.get(resource.plural);
    if (virtual) {
      let index = startIndex;
      for (; index < virtual.count; index++) {
        if (limit > 0 && items.length >= limit) break;
        const object = virtual.at(index);
        if (accept(object)) items.push(object);
      }
      if (index < virtual.count) {
        const last = items[items.length - 1]!;
        nextToken = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: listRv, start: `${keyOf(resource, last.metadata.namespace, last.metadata.name)}\u0000`, index })).toString('base64');
        remaining = virtual.count - index;
      }
    } else {
      const collection = this.collections.get(resource.plural)!;
      const keys = this.sortedKeys(resource.plural).filter((key) => startKey === undefined || key >= startKey);
      let index = 0;
      for (; index < keys.length; index++) {
        const object = collection.get(keys[index]!)!;
        if (!accept(object)) continue;
        if (limit > 0 && items.length >= limit) break;
        items.push(clone(object));
      }
      if (index < keys.length) {
        nextToken = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: listRv, start: keys[index]! })).toString('base64');
        remaining = keys.slice(index).filter((k) => accept(collection.get(k)!)).length;
      }
    }
    if (!resource.custom) {
      for (const item of items) {
        delete item.kind;
        delete item.apiVersion;
      }
    }
    const metadata: KubeObject = { resourceVersion: String(listRv) };
    if (nextToken) {
      metadata.continue = nextToken;
      if (labels.length === 0 && fields.length === 0) metadata.remainingItemCount = remaining;
    }
    return { kind: `${resource.kind}List`, apiVersion: apiVersionOf(resource), metadata, items };
  }

  private watch(req: IncomingMessage, res: ServerResponse, resource: ResourceInfo, namespace: string | undefined, query: URLSearchParams, endAfterMs: number | undefined): void {
    const labels = parseLabels(query.get('labelSelector'));
    const fields = parseFields(query.get('fieldSelector'), resource.kind);
    const rvText = query.get('resourceVersion');
    const timeoutSeconds = query.get('timeoutSeconds') ? Number(query.get('timeoutSeconds')) : undefined;
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    res.flushHeaders(); // like the real server: the client sees the stream open before any event
    this.openStreams.add(res);
    const write = (type: string, object: KubeObject): void => {
      if (!res.writableEnded) res.write(JSON.stringify({ type, object }) + '\n');
    };
    const watcher: Watcher = { plural: resource.plural, labels, fields, send: (event) => write(event.type, event.object) };
    if (resource.namespaced && namespace !== undefined) watcher.namespace = namespace;
    const finish = (): void => {
      this.watchers.delete(watcher);
      this.openStreams.delete(res);
      if (!res.writableEnded) res.end();
    };
    if (endAfterMs === -1) {
      write('ERROR', statusBody(410, 'Expired', `too old resource version: ${rvText ?? '0'} (${this.rv})`));
      finish();
      return;
    }
    if (rvText && rvText !== '0') {
      const since = Number(rvText);
      const oldest = this.history.length ? this.history[0]!.resourceVersion : this.rv + 1;
      if (!Number.isFinite(since) || since < oldest - 1) {
        write('ERROR', statusBody(410, 'Expired', `too old resource version: ${rvText} (${oldest - 1})`));
        finish();
        return;
      }
      for (const event of this.history) {
        if (event.plural === resource.plural && event.resourceVersion > since && this.watchMatches(watcher, event.object)) write(event.type, event.object);
      }
    } else {
      for (const object of this.list(resource.plural)) {
        if (this.watchMatches(watcher, object)) write('ADDED', object);
      }
    }
    this.watchers.add(watcher);
    const timers: NodeJS.Timeout[] = [];
    if (timeoutSeconds !== undefined && timeoutSeconds > 0) timers.push(setTimeout(finish, timeoutSeconds * 1000));
    if (endAfterMs !== undefined) timers.push(setTimeout(finish, endAfterMs));
    const cleanup = (): void => {
      for (const timer of timers) clearTimeout(timer);
      finish();
    };
    req.on('close', cleanup);
    res.on('close', cleanup);
  }

  private podLog(req: IncomingMessage, res: ServerResponse, route: Route, query: URLSearchParams): void {
    const podsResource = this.resource('pods');
    const pod = this.lookup(podsResource, route.namespace, route.name!);
    if (!pod) throw this.notFound(podsResource, route.name!);
    const containers: string[] = (pod.spec?.containers ?? []).map((c: KubeObject) => c.name);
    let container = query.get('container') ?? undefined;
    if (!container) {
      if (containers.length !== 1) {
        throw new StatusError(400, 'BadRequest', `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]`);
      }
      container = containers[0]!;
    }
    if (!containers.includes(container)) throw new StatusError(400, 'BadRequest', `container ${container} is not valid for pod ${pod.metadata.name}`);
    const status = (pod.status?.containerStatuses ?? []).find((s: KubeObject) => s.name === container);
    const waiting = status?.state?.waiting ?? (status ? undefined : { reason: 'ContainerCreating' });
    if (waiting && !status?.lastState?.terminated) {
      throw new StatusError(400, 'BadRequest', `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${waiting.reason ?? 'ContainerCreating'}`);
    }
    const stream = this.logStream(route.namespace!, pod.metadata.name, container);
    let text = stream.text;
    const tail = query.get('tailLines');
    if (tail) {
      const lines = text.split('\n');
      const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined;
      text = lines.slice(-Number(tail)).join('\n') + (trailing === '' ? '\n' : '');
    }
    const limitBytes = query.get('limitBytes') ? Number(query.get('limitBytes')) : undefined;
    if (limitBytes !== undefined) text = Buffer.from(text).subarray(0, limitBytes).toString('utf8');
    const follow = query.get('follow') === 'true';
    const terminated = Boolean(status?.state?.terminated) || ['Succeeded', 'Failed'].includes(pod.status?.phase);
    res.writeHead(200, { 'content-type': 'text/plain', ...(follow && !terminated ? { 'transfer-encoding': 'chunked' } : {}) });
    if (!follow || terminated) {
      res.end(text);
      return;
    }
    res.write(text);
    this.openStreams.add(res);
    const follower = (chunk: string | null): void => {
      if (chunk === null) {
        stream.followers.delete(follower);
        this.openStreams.delete(res);
        res.end();
      } else res.write(chunk);
    };
    stream.followers.add(follower);
    req.on('close', () => {
      stream.followers.delete(follower);
      this.openStreams.delete(res);
    });
  }

  private accessReview(body: KubeObject, user: FakeUser): KubeObject {
    const attributes = body?.spec?.resourceAttributes;
    if (!isObject(attributes)) {
      throw new StatusError(422, 'Invalid', 'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified');
    }
    const resource = attributes.subresource ? `${attributes.resource}/${attributes.subresource}` : String(attributes.resource ?? '');
    const allowed = this.allowed(user, String(attributes.verb ?? ''), String(attributes.group ?? ''), resource, attributes.namespace || undefined, attributes.name || undefined);
    return {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: body.spec,
      status: allowed ? { allowed: true, reason: user.rules === 'cluster-admin' ? 'RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin"' : 'RBAC: allowed' } : { allowed: false },
    };
  }
}

function parseLabels(text: string | null): Requirement[] {
  if (!text) return [];
  try {
    return parseLabelSelector(text);
  } catch (error) {
    throw new StatusError(400, 'BadRequest', (error as Error).message);
  }
}

function parseFields(text: string | null, kind: string): FieldRequirement[] {
  if (!text) return [];
  try {
    return parseFieldSelector(text, kind);
  } catch (error) {
    if (error instanceof SelectorError) throw new StatusError(400, 'BadRequest', error.message);
    throw error;
  }
}

function stripServerFields(body: KubeObject): KubeObject {
  const copy = clone(body);
  if (isObject(copy.metadata)) {
    for (const key of ['resourceVersion', 'uid', 'creationTimestamp', 'managedFields', 'generation']) delete copy.metadata[key];
  }
  delete copy.status;
  return copy;
}

/** Merges an applied configuration into an object (maps merge, everything else replaces). */
function deepApply(target: KubeObject, applied: KubeObject): KubeObject {
  const result: KubeObject = { ...target };
  for (const [key, value] of Object.entries(applied)) {
    result[key] = isObject(value) && isObject(result[key]) ? deepApply(result[key], value) : clone(value);
  }
  return result;
}
