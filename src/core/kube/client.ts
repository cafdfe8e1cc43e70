/**
 * The one Kubernetes client: @kubernetes/client-node loaded lazily (it costs about a quarter of a
 * second to import), configured from `--kubeconfig`, $KUBECONFIG, ~/.kube/config or the
 * in-cluster service account, and wrapped so that every request gets retries with backoff, a
 * per-request timeout, an overall deadline ($AICR_REQUEST_TIMEOUT), an answer capped while it
 * streams (transport.ts), bounded credential plugins (credentials.ts) and errors that say what
 * to do.
 */
import { existsSync } from 'node:fs';
import type { Agent as HttpAgent } from 'node:http';
import type * as K8s from '@kubernetes/client-node';
import type * as K8sApi from './k8s-api.js';
import { AicrError, ErrorCode } from '../errors.js';
import { rememberSecret } from '../redact.js';
import { jsonSyntaxReason } from '../safe-text.js';
import { credentialsError, displayServer, loadKubeconfigFile, rememberCredentials } from './kubeconfig.js';
import { toKubeError, type KubeAction } from './errors.js';
import { DEFAULT_RETRY_POLICY, policyForDeadline, withRetry, type RetryInfo, type RetryPolicy } from './retry.js';
import { boundCredentialCommands } from './credentials.js';
import { abortable, httpError, openExchange, readBody, readLines, tooLarge } from './transport.js';
import { optionRef } from '../option-refs.js';
import { requestTimeoutMs } from '../request-timeout.js';
import { trace } from '../trace.js';
import { resolveConfigSource, type ConfigSource } from './config-source.js';

export type K8sModule = typeof K8sApi;

/** Largest answer for one object (the API server takes at most 3 MiB per request). */
export const MAX_OBJECT_BYTES = 4 * 1024 * 1024;
/** Largest answer for one page of a list (500 nodes with their image lists stay well below). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;
/** Largest watch event (one object). */
const MAX_EVENT_BYTES = MAX_OBJECT_BYTES;

export interface KubeClientOptions {
  /** `--kubeconfig`: a kubeconfig file (wins over $KUBECONFIG and the defaults). */
  kubeconfig?: string;
  /** Environment for $KUBECONFIG, $HOME and the in-cluster variables (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Retry policy overrides for every request of this client. */
  retry?: Partial<RetryPolicy>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
}

let modulePromise: Promise<K8sModule> | undefined;
/** Imports @kubernetes/client-node once. */
function loadKubernetesModule(): Promise<K8sModule> {
  modulePromise ??= import('./k8s-api.js');
  return modulePromise;
}

const clients = new Map<string, Promise<KubeClient>>();

/**
 * The shared client for a configuration source (created on first use). Throws UNAVAILABLE when
 * there is no configuration at all, NOT_FOUND / INVALID_REQUEST for a missing or broken kubeconfig.
 */
export async function getKubeClient(options: KubeClientOptions = {}): Promise<KubeClient> {
  const source = resolveConfigSource(options);
  if (!source) {
    throw new AicrError(ErrorCode.Unavailable, 'no Kubernetes configuration: no --kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a pod', {
      hint: `pass ${optionRef('kubeconfig')} <file> (or set KUBECONFIG), or run inside the cluster with a service account`,
    });
  }
  // $AICR_REQUEST_TIMEOUT sets the deadline of every call; explicit overrides still win.
  const deadline = requestTimeoutMs(options.env ?? process.env);
  const retry = { ...(deadline ? policyForDeadline(deadline) : {}), ...(options.retry ?? {}) };
  const key = JSON.stringify({ source, retry });
  let client = clients.get(key);
  if (!client) {
    client = createClient(source, retry);
    clients.set(key, client);
    client.catch(() => clients.delete(key));
  }
  return client;
}

/** Forgets cached clients (tests that rewrite kubeconfig files). */
export function resetKubeClients(): void {
  for (const client of clients.values()) client.then((c) => c.close(), () => {});
  clients.clear();
}

async function createClient(source: ConfigSource, retry: Partial<RetryPolicy>): Promise<KubeClient> {
  const k8s = await loadKubernetesModule();
  const config = new k8s.KubeConfig();
  if (source.kind === 'in-cluster') {
    config.loadFromCluster();
  } else {
    source.paths.forEach((path, index) => {
      if (!existsSync(path)) {
        throw new AicrError(ErrorCode.NotFound, `kubeconfig file not found: ${path}`, { hint: `check the ${optionRef('kubeconfig')} path or $KUBECONFIG` });
      }
      const target = index === 0 ? config : new k8s.KubeConfig();
      loadKubeconfigFile(target, path);
      if (index > 0) config.mergeConfig(target, true);
    });
  }
  rememberCredentials(config);
  const cluster = config.getCurrentCluster();
  if (!cluster) {
    throw new AicrError(ErrorCode.InvalidInput, `${source.label} has no current context with a cluster`, {
      hint: 'set current-context to a context whose cluster exists (kubectl config use-context <name>)',
    });
  }
  const policy = { ...DEFAULT_RETRY_POLICY, ...retry };
  trace(() => `Kubernetes: ${source.label}, context ${JSON.stringify(config.getCurrentContext())}, server ${displayServer(cluster.server)}; each request ${policy.requestTimeoutMs} ms, up to ${policy.attempts} attempts within ${policy.deadlineMs} ms`);
  // A credential plugin runs inside an attempt: its limit ends first, so the error names it.
  boundCredentialCommands(config, k8s.ExecAuth, Math.max(1, Math.floor(policy.requestTimeoutMs * 0.9)), source.label);
  return new KubeClient(k8s, config, source.label, policy);
}

/** One REST request of {@link KubeClient.call}. */
export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API path with its segments encoded (see {@link apiPath}), e.g. `/api/v1/namespaces/ns/configmaps/name`. */
  path: string;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON (for PATCH as a JSON merge patch unless `contentType` says otherwise). */
  body?: unknown;
  contentType?: string;
  /** `text` for plain-text answers (pod logs); JSON otherwise. */
  response?: 'json' | 'text';
  /** Largest answer accepted (default {@link MAX_OBJECT_BYTES}); more fails without a retry. */
  maxBytes?: number;
}

/** A watch event as the API server streams it. */
export type WatchEvent = { type: string; object: Record<string, any> };

/**
 * An API path with every interpolated value encoded as one path segment:
 * apiPath`/api/v1/namespaces/${namespace}/configmaps/${name}`.
 */
export function apiPath(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((path, text, index) => path + text + (index < values.length ? encodeURIComponent(values[index]!) : ''), '');
}

/** The TLS material an agent was made with: a new one (rotated exec-plugin certificate) needs a new agent. */
function agentMaterial(agent: HttpAgent): unknown[] {
  const options = (agent as HttpAgent & { options?: Record<string, unknown> }).options ?? {};
  return ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'].map((name) => options[name]);
}

function sameMaterial(a: unknown[], b: unknown[]): boolean {
  return a.every((value, index) => {
    const other = b[index];
    return Buffer.isBuffer(value) && Buffer.isBuffer(other) ? value.equals(other) : value === other;
  });
}

/**
 * A configured client. Requests are plain REST over node:http(s), authenticated exactly as
 * @kubernetes/client-node would (headers, client certificates, CA, proxy, exec plugins and
 * token refresh all come from the KubeConfig), with JSON bodies parsed by JSON.parse: the
 * generated typed APIs and their models would cost most of the client's bundle.
 */
export class KubeClient {
  /** Kept-alive connections shared by every request of this client. */
  private agent: HttpAgent | undefined;
  private material: unknown[] = [];
  /** The agent before a certificate rotation, closed at the next rotation or {@link close}. */
  private retired: HttpAgent | undefined;

  constructor(
    readonly k8s: K8sModule,
    readonly config: K8s.KubeConfig,
    /** Where the credentials came from, for messages. */
    readonly source: string,
    readonly retryPolicy: RetryPolicy,
  ) {}

  /** The API server URL. */
  get server(): string {
    return this.config.getCurrentCluster()?.server ?? '';
  }

  /** The current context's namespace (default `default`). */
  get namespace(): string {
    const context = this.config.getContextObject(this.config.getCurrentContext());
    return context?.namespace || 'default';
  }

  /** The kept-alive agent for `fresh`'s TLS material (the one the kubeconfig gives now). */
  private agentFor(fresh: HttpAgent | undefined): HttpAgent | undefined {
    if (!fresh) return this.agent;
    const material = agentMaterial(fresh);
    if (this.agent && sameMaterial(this.material, material)) return this.agent;
    this.retired?.destroy();
    this.retired = this.agent;
    // One agent per client, kept alive: no new TCP/TLS handshake for every request.
    (fresh as HttpAgent & { keepAlive: boolean }).keepAlive = true;
    this.agent = fresh;
    this.material = material;
    return fresh;
  }

  /** URL, headers (credentials applied now, so expiring tokens are refreshed) and agent of a request. */
  private async prepare(request: KubeRequest, signal: AbortSignal): Promise<{ url: URL; headers: Record<string, string>; agent?: HttpAgent; payload?: Buffer }> {
    const url = new URL(this.server.replace(/\/$/, '') + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    // A credential plugin runs here: the attempt's time limit covers it too (its own abort is
    // the retry loop's to classify; anything else is the credentials' failure).
    const fetchOptions = (await abortable(this.config.applyToFetchOptions({}), signal).catch((error: unknown) => {
      throw signal.aborted ? error : credentialsError(error, this.source);
    })) as { agent?: HttpAgent; headers?: Headers };
    const agent = this.agentFor(fetchOptions.agent);
    const headers: Record<string, string> = { accept: request.response === 'text' ? '*/*' : 'application/json' };
    fetchOptions.headers?.forEach((value, key) => {
      headers[key] = value;
    });
    // Tokens from exec plugins, token files and OIDC are known only now.
    if (headers.authorization) rememberSecret(headers.authorization.replace(/^\S+\s+/, ''));
    let payload: Buffer | undefined;
    if (request.body !== undefined) {
      payload = Buffer.from(JSON.stringify(request.body), 'utf8');
      headers['content-type'] = request.contentType ?? (request.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json');
      headers['content-length'] = String(payload.length);
    }
    return { url, headers, ...(agent ? { agent } : {}), ...(payload ? { payload } : {}) };
  }

  /**
   * One HTTP exchange: the answer read up to `maxBytes` (past it the connection is dropped and
   * the call fails at once) and parsed as JSON (or returned as text). A non-2xx answer rejects
   * with the shape of the client's ApiException (`code`, `body`, `headers`), which
   * {@link toKubeError} maps. `signal` ends the exchange wherever it is.
   */
  private async send(request: KubeRequest, signal: AbortSignal): Promise<unknown> {
    const { url, headers, agent, payload } = await this.prepare(request, signal);
    const method = request.method ?? 'GET';
    trace(() => `${method} ${url.pathname}${url.search}`);
    const res = await openExchange({ url, method, headers, signal, ...(agent ? { agent } : {}), ...(payload ? { payload } : {}) });
    trace(() => `${method} ${url.pathname} answered HTTP ${res.statusCode ?? 0}`);
    const limit = request.maxBytes ?? MAX_OBJECT_BYTES;
    const body = await readBody(res, url, signal, limit, () => tooLarge(method, url, limit));
    const text = body.toString('utf8');
    const status = res.statusCode ?? 0;
    if (status >= 200 && status < 300) {
      if (request.response === 'text') return text;
      if (text === '') return undefined;
      try {
        return JSON.parse(text);
      } catch (error) {
        throw new Error(`the API server sent invalid JSON for ${url.pathname}: ${jsonSyntaxReason(error)}`);
      }
    }
    throw httpError(status, text, res.headers);
  }

  /**
   * One watch request: events handed to `onEvent` as they arrive (lines that are not JSON are
   * skipped, as client-go does); resolves when the server ends the stream, rejects like
   * {@link send} (a non-2xx answer, a cut connection, an event over its size cap, `signal`).
   * No retries here: watch.ts reconnects.
   */
  async watch(path: string, query: Record<string, string>, onEvent: (event: WatchEvent) => void, signal: AbortSignal): Promise<void> {
    const request: KubeRequest = { path, query: { ...query, watch: 'true' } };
    const { url, headers, agent } = await this.prepare(request, signal);
    const res = await openExchange({ url, method: 'GET', headers, signal, ...(agent ? { agent } : {}) });
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      const body = await readBody(res, url, signal, MAX_OBJECT_BYTES, () => tooLarge('GET', url, MAX_OBJECT_BYTES));
      throw httpError(status, body.toString('utf8'), res.headers);
    }
    await readLines(res, url, signal, MAX_EVENT_BYTES, (line) => {
      let event: WatchEvent | undefined;
      try {
        event = JSON.parse(line) as WatchEvent;
      } catch {
        return;
      }
      if (event && typeof event.type === 'string') onEvent(event);
    }, () => tooLarge('GET', url, MAX_EVENT_BYTES, 'one watch event'));
  }

  /**
   * One API call with retries (429 honouring Retry-After, 5xx, resets, timeouts), a per-request
   * timeout and an overall deadline; failures become AicrErrors naming `action`.
   */
  call<T>(action: KubeAction, request: KubeRequest, options: RequestOptions = {}, onRetry?: (info: RetryInfo) => void): Promise<T> {
    return withRetry((signal) => this.send(request, signal), {
      action,
      policy: { ...this.retryPolicy, ...(options.retry ?? {}) },
      ...(options.signal ? { signal: options.signal } : {}),
      map: { source: this.source, server: displayServer(this.server) },
      ...(onRetry ? { onRetry } : {}),
    }) as Promise<T>;
  }

  /** One object by API path (e.g. `/apis/batch/v1/namespaces/ns/jobs/name`), with retries. */
  getObject<T = Record<string, unknown>>(action: KubeAction, path: string, options: RequestOptions = {}): Promise<T> {
    return this.call<T>(action, { path }, options);
  }

  /**
   * Lists a collection by path (e.g. `/api/v1/pods`) page by page (`limit`/`continue`), yielding
   * each page's items; never holds more than one page. A continue token that expired (410)
   * restarts nothing: it is an error, because silently restarting would count objects twice.
   */
  async *jsonPages<T = Record<string, unknown>>(action: KubeAction, path: string, options: RequestOptions & { pageSize?: number; query?: Record<string, string> } = {}): AsyncGenerator<T[]> {
    const limit = String(options.pageSize ?? 500);
    let token: string | undefined;
    do {
      const query = { ...(options.query ?? {}), limit, ...(token ? { continue: token } : {}) };
      const page = await this.call<{ items?: T[]; metadata?: { continue?: string } }>(action, { path, query, maxBytes: MAX_PAGE_BYTES }, options);
      yield page.items ?? [];
      token = page.metadata?.continue || undefined;
    } while (token);
  }

  /** Closes kept-alive connections (long-lived processes, tests). */
  close(): void {
    this.agent?.destroy();
    this.retired?.destroy();
    this.agent = undefined;
    this.retired = undefined;
    this.material = [];
  }

  /** Maps an error from a call made outside {@link call} (the watch). */
  mapError(error: unknown, action: KubeAction): AicrError {
    return toKubeError(error, action, { source: this.source, server: displayServer(this.server) });
  }
}
