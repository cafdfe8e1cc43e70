/**
 * The one Kubernetes client: @kubernetes/client-node loaded lazily (it costs about a quarter of a
 * second to import), configured from `--kubeconfig`, $KUBECONFIG, ~/.kube/config or the
 * in-cluster service account, and wrapped so that every request gets retries with backoff, a
 * per-request timeout, an overall deadline and errors that say what to do.
 */
import { existsSync } from 'node:fs';
import { request as httpRequest, type Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type * as K8s from '@kubernetes/client-node';
import type * as K8sApi from './k8s-api.js';
import { AicrError, ErrorCode, errorMessage } from '../errors.js';
import { toKubeError, type KubeAction } from './errors.js';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryInfo, type RetryPolicy } from './retry.js';
import { optionRef } from '../option-refs.js';

export type K8sModule = typeof K8sApi;

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
/** Largest response {@link KubeClient.getJson} accepts. */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

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

/** Where the credentials come from. */
export type ConfigSource = { kind: 'files'; paths: string[]; label: string } | { kind: 'in-cluster'; label: string };

/**
 * Resolves the configuration source without loading the client: `--kubeconfig`, $KUBECONFIG
 * (a path list), ~/.kube/config, then the in-cluster service account. Undefined when none exists.
 */
export function resolveConfigSource(options: { kubeconfig?: string; env?: NodeJS.ProcessEnv } = {}): ConfigSource | undefined {
  const env = options.env ?? process.env;
  if (options.kubeconfig) return { kind: 'files', paths: [options.kubeconfig], label: `kubeconfig ${options.kubeconfig}` };
  if (env.KUBECONFIG) {
    const paths = env.KUBECONFIG.split(delimiter).filter((p) => p !== '');
    if (paths.length) return { kind: 'files', paths, label: `$KUBECONFIG (${paths.join(delimiter)})` };
  }
  const home = env.HOME || homedir();
  const defaultPath = home ? join(home, '.kube', 'config') : '';
  if (defaultPath && existsSync(defaultPath)) return { kind: 'files', paths: [defaultPath], label: `kubeconfig ${defaultPath}` };
  if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT && existsSync(SERVICE_ACCOUNT_TOKEN)) {
    return { kind: 'in-cluster', label: 'the in-cluster service account' };
  }
  return undefined;
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
  const key = JSON.stringify({ source, retry: options.retry ?? null });
  let client = clients.get(key);
  if (!client) {
    client = createClient(source, options.retry ?? {});
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
      try {
        target.loadFromFile(path);
      } catch (error) {
        throw new AicrError(ErrorCode.InvalidInput, `cannot load kubeconfig ${path}: ${errorMessage(error)}`, { cause: error, hint: 'the file must be a valid kubeconfig (YAML with clusters, users and contexts)' });
      }
      if (index > 0) config.mergeConfig(target, true);
    });
  }
  const cluster = config.getCurrentCluster();
  if (!cluster) {
    throw new AicrError(ErrorCode.InvalidInput, `${source.label} has no current context with a cluster`, {
      hint: 'set current-context to a context whose cluster exists (kubectl config use-context <name>)',
    });
  }
  return new KubeClient(k8s, config, source.label, { ...DEFAULT_RETRY_POLICY, ...retry });
}

type ApiConstructor<T> = new (configuration: K8s.Configuration) => T;

/** A configured client; every request goes through {@link KubeClient.request}. */
export class KubeClient {
  private apis = new Map<unknown, unknown>();

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

  private api<T>(type: ApiConstructor<T>): T {
    let api = this.apis.get(type) as T | undefined;
    if (!api) {
      api = this.config.makeApiClient(type as never) as T;
      this.apis.set(type, api);
    }
    return api;
  }

  get core(): K8s.CoreV1Api {
    return this.api(this.k8s.CoreV1Api);
  }
  get batch(): K8s.BatchV1Api {
    return this.api(this.k8s.BatchV1Api);
  }
  get rbac(): K8s.RbacAuthorizationV1Api {
    return this.api(this.k8s.RbacAuthorizationV1Api);
  }
  get authorization(): K8s.AuthorizationV1Api {
    return this.api(this.k8s.AuthorizationV1Api);
  }
  get custom(): K8s.CustomObjectsApi {
    return this.api(this.k8s.CustomObjectsApi);
  }
  get node(): K8s.NodeV1Api {
    return this.api(this.k8s.NodeV1Api);
  }
  get version(): K8s.VersionApi {
    return this.api(this.k8s.VersionApi);
  }

  /** Per-call configuration that ties the request to an AbortSignal. */
  private callOptions(signal: AbortSignal): K8s.ConfigurationOptions {
    const Observable = this.k8s.Observable;
    const middleware = {
      pre: (context: K8s.RequestContext) => {
        context.setSignal(signal as never);
        return new Observable(Promise.resolve(context));
      },
      post: (response: K8s.ResponseContext) => new Observable(Promise.resolve(response)),
    };
    return { middleware: [middleware], middlewareMergeStrategy: 'append' } as K8s.ConfigurationOptions;
  }

  /**
   * One API call with retries (429 honouring Retry-After, 5xx, resets, timeouts), a per-request
   * timeout and an overall deadline; failures become AicrErrors naming `action`.
   */
  request<T>(action: KubeAction, call: (options: K8s.ConfigurationOptions) => Promise<T>, options: RequestOptions = {}, onRetry?: (info: RetryInfo) => void): Promise<T> {
    return withRetry((signal) => call(this.callOptions(signal)), {
      action,
      policy: { ...this.retryPolicy, ...(options.retry ?? {}) },
      ...(options.signal ? { signal: options.signal } : {}),
      map: { source: this.source, server: this.server },
      ...(onRetry ? { onRetry } : {}),
    });
  }

  /**
   * Lists a collection page by page (`limit`/`continue`), yielding each page's items; never holds
   * more than one page. A continue token that expired (410) restarts nothing: it is an error,
   * because silently restarting would count objects twice.
   */
  async *pages<T>(
    action: KubeAction,
    list: (page: { limit: number; _continue?: string }, options: K8s.ConfigurationOptions) => Promise<{ items: T[]; metadata?: { _continue?: string } }>,
    options: RequestOptions & { pageSize?: number } = {},
  ): AsyncGenerator<T[]> {
    const limit = options.pageSize ?? 500;
    let token: string | undefined;
    do {
      const page = await this.request(action, (callOptions) => list(token ? { limit, _continue: token } : { limit }, callOptions), options);
      yield page.items ?? [];
      token = page.metadata?._continue || undefined;
    } while (token);
  }

  private listAgent: HttpAgent | undefined;

  /**
   * GET of a path that returns JSON, authenticated exactly like the typed API (headers, client
   * certificates, CA, proxy from the kubeconfig) but parsed with plain JSON.parse: for the large
   * lists, where the typed models' deserialization costs more than the transfer. Connections
   * are kept alive between pages. Errors have the shape of the client's ApiException.
   */
  private async getJson(path: string, query: Record<string, string>, signal: AbortSignal): Promise<unknown> {
    const url = new URL(this.server.replace(/\/$/, '') + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const fetchOptions = (await this.config.applyToFetchOptions({})) as { agent?: HttpAgent; headers?: Headers };
    if (!this.listAgent && fetchOptions.agent) {
      // One agent per client, kept alive: no new TCP/TLS handshake for every page.
      this.listAgent = fetchOptions.agent;
      (this.listAgent as HttpAgent & { keepAlive: boolean }).keepAlive = true;
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    fetchOptions.headers?.forEach((value, key) => {
      headers[key] = value;
    });
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, { method: 'GET', headers, ...(this.listAgent ? { agent: this.listAgent } : {}), signal }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // A list page is a few MB at most; refuse a runaway (or hostile) answer.
          if (size > MAX_RESPONSE_BYTES) {
            res.destroy(new AicrError(ErrorCode.Internal, `the API server sent more than ${MAX_RESPONSE_BYTES} bytes for ${url.pathname}`, { hint: 'use a smaller page size' }));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            try {
              resolve(JSON.parse(text));
            } catch (error) {
              reject(new Error(`the API server sent invalid JSON for ${url.pathname}: ${(error as Error).message}`));
            }
            return;
          }
          const responseHeaders: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) if (typeof value === 'string') responseHeaders[key] = value;
          reject(Object.assign(new Error(`HTTP-Code: ${status}`), { code: status, body: text, headers: responseHeaders }));
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** One object by API path as plain JSON (e.g. `/apis/batch/v1/namespaces/ns/jobs/name`), with retries. */
  getObject<T = Record<string, unknown>>(action: KubeAction, path: string, options: RequestOptions = {}): Promise<T> {
    return withRetry((signal) => this.getJson(path, {}, signal), {
      action,
      policy: { ...this.retryPolicy, ...(options.retry ?? {}) },
      ...(options.signal ? { signal: options.signal } : {}),
      map: { source: this.source, server: this.server },
    }) as Promise<T>;
  }

  /**
   * Lists a collection by path (e.g. `/api/v1/pods`) page by page as plain JSON objects; see
   * {@link getJson}. Same retries and error mapping as {@link request}.
   */
  async *jsonPages<T = Record<string, unknown>>(action: KubeAction, path: string, options: RequestOptions & { pageSize?: number; query?: Record<string, string> } = {}): AsyncGenerator<T[]> {
    const limit = String(options.pageSize ?? 500);
    let token: string | undefined;
    do {
      const query = { ...(options.query ?? {}), limit, ...(token ? { continue: token } : {}) };
      const page = (await withRetry((signal) => this.getJson(path, query, signal), {
        action,
        policy: { ...this.retryPolicy, ...(options.retry ?? {}) },
        ...(options.signal ? { signal: options.signal } : {}),
        map: { source: this.source, server: this.server },
      })) as { items?: T[]; metadata?: { continue?: string } };
      yield page.items ?? [];
      token = page.metadata?.continue || undefined;
    } while (token);
  }

  /** Closes kept-alive connections (long-lived processes, tests). */
  close(): void {
    this.listAgent?.destroy();
    this.listAgent = undefined;
  }

  /** Maps an error from a call made outside {@link request} (watch, logs). */
  mapError(error: unknown, action: KubeAction): AicrError {
    return toKubeError(error, action, { source: this.source, server: this.server });
  }
}
