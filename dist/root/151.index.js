export const id = 151;
export const ids = [151];
export const modules = {

/***/ 151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CONFIGMAP_MAX_BYTES: () => (/* binding */ CONFIGMAP_MAX_BYTES),
  checkConfigMapSize: () => (/* binding */ checkConfigMapSize),
  configMapContent: () => (/* binding */ configMapContent),
  configMapDataSize: () => (/* binding */ configMapDataSize),
  configMapHandler: () => (/* binding */ configMapHandler),
  readConfigMapDocument: () => (/* binding */ readConfigMapDocument),
  writeConfigMapDocument: () => (/* binding */ writeConfigMapDocument)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/documents/parse.ts
var parse = __webpack_require__(1861);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/core/kube/errors.ts
/**
 * Turning what the Kubernetes client throws into AicrErrors that name the operation, say what
 * went wrong and how to fix it, and carry the right exit code:
 * 401 → unauthorized (credentials), 403 → unauthorized naming the missing RBAC verb and
 * resource, 404 → not found, 400/422 → invalid input, 409 → conflict, 429 → rate limited,
 * 5xx and network failures → unavailable, deadlines → timeout.
 */

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET']);
/** Parses a Retry-After header: delay seconds or an HTTP date; undefined when absent or bad. */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
function parseStatus(body) {
    if (body && typeof body === 'object')
        return body;
    if (typeof body !== 'string' || body === '')
        return undefined;
    try {
        const parsed = JSON.parse(body);
        return parsed && typeof parsed === 'object' ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
/** Classifies anything the client (or node-fetch underneath it) throws. */
function classifyFailure(error) {
    const e = error;
    if (error instanceof errors/* AicrError */.Y3)
        return { kind: 'other', message: error.message };
    // ApiException from the generated clients: numeric `code` is the HTTP status.
    if (typeof e?.code === 'number' && e.code >= 100) {
        const status = parseStatus(e.body);
        const headers = e.headers ?? {};
        const retryAfterMs = parseRetryAfter(headers['retry-after'] ?? headers['Retry-After']) ?? (status?.details?.retryAfterSeconds !== undefined ? status.details.retryAfterSeconds * 1000 : undefined);
        const failure = {
            kind: 'http',
            status: e.code,
            reason: status?.reason ?? '',
            message: status?.message ?? httpText(e.code),
        };
        if (retryAfterMs !== undefined)
            failure.retryAfterMs = retryAfterMs;
        if (status)
            failure.statusObject = status;
        return failure;
    }
    // The Watch helper throws a plain Error with `statusCode`.
    if (typeof e?.statusCode === 'number') {
        return { kind: 'http', status: e.statusCode, reason: '', message: e.message || httpText(e.statusCode) };
    }
    if (e?.name === 'AbortError' || e?.type === 'aborted')
        return { kind: 'aborted', reason: error };
    const code = typeof e?.code === 'string' ? e.code : typeof e?.errno === 'string' ? e.errno : undefined;
    if (code && NETWORK_CODES.has(code))
        return { kind: 'network', code, message: e.message ?? code };
    if (e?.type === 'system' || /socket hang up|ECONNRESET|ECONNREFUSED|network|fetch failed/i.test(e?.message ?? '')) {
        return { kind: 'network', code: code ?? 'ECONNRESET', message: e?.message ?? 'connection failed' };
    }
    return { kind: 'other', message: (0,errors/* errorMessage */.gJ)(error) };
}
function httpText(status) {
    const texts = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
    return texts[status] ?? `HTTP ${status}`;
}
/** Whether a failure is worth another attempt (transient server or network trouble). */
function isRetryable(failure) {
    if (failure.kind === 'network')
        return failure.code !== 'ENOTFOUND';
    if (failure.kind === 'timeout')
        return true;
    if (failure.kind === 'http')
        return failure.status === 429 || failure.status >= 500;
    return false;
}
/** `get configmaps "x" in namespace "y"`, for messages. */
function describeAction(action) {
    const resource = action.group ? `${action.resource}.${action.group}` : action.resource;
    let text = `${action.verb} ${resource}`;
    if (action.name)
        text += ` "${action.name}"`;
    if (action.namespace)
        text += ` in namespace "${action.namespace}"`;
    return text;
}
/** `kubectl auth can-i` command that checks the same permission. */
function canICommand(action) {
    const resource = action.group ? `${action.resource}.${action.group}` : action.resource;
    return `kubectl auth can-i ${action.verb} ${resource}${action.namespace ? ` -n ${action.namespace}` : ''}`;
}
/** The AicrError for a failed request. */
function toKubeError(error, action, options = {}) {
    if (error instanceof errors/* AicrError */.Y3)
        return error;
    const failure = classifyFailure(error);
    const what = describeAction(action);
    const after = options.attempts && options.attempts > 1 ? ` (after ${options.attempts} attempts)` : '';
    switch (failure.kind) {
        case 'http': {
            const details = { status: failure.status, reason: failure.reason, action };
            switch (failure.status) {
                case 401:
                    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Unauthorized, `Kubernetes rejected the credentials while trying to ${what}: ${failure.message}`, {
                        cause: error,
                        details,
                        hint: `the token or certificate in ${options.source ?? 'the kubeconfig'} is missing, expired or revoked; refresh it (e.g. re-run your cloud's "update-kubeconfig" command)`,
                    });
                case 403: {
                    const user = /User "([^"]*)"/.exec(failure.message)?.[1];
                    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Unauthorized, `Kubernetes RBAC denied "${action.verb}" on ${action.group ? `${action.resource}.${action.group}` : action.resource}${action.namespace ? ` in namespace "${action.namespace}"` : ' at cluster scope'}${user ? ` for ${user}` : ''}: ${failure.message}`, {
                        cause: error,
                        details,
                        hint: `grant the verb "${action.verb}" on resource "${action.resource}" (API group "${action.group ?? ''}")${action.namespace ? ` in namespace "${action.namespace}" (a Role + RoleBinding)` : ' (a ClusterRole + ClusterRoleBinding)'}; check with: ${canICommand(action)}`,
                    });
                }
                case 404:
                    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.NotFound, `cannot ${what}: ${failure.message}`, {
                        cause: error,
                        details,
                        hint: failure.message.startsWith('namespaces "') ? 'create the namespace first (kubectl create namespace <name>)' : 'check the name and namespace',
                    });
                case 409:
                    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Internal, `cannot ${what}: ${failure.message}`, {
                        cause: error,
                        details,
                        hint: 'another client changed the object at the same time; run the command again',
                    });
                case 410:
                    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Unavailable, `cannot ${what}: ${failure.message}`, {
                        cause: error,
                        details,
                        hint: 'the collection changed too much while it was being read in pages; run the command again',
                    });
                case 400:
                case 422: {
                    const causes = failure.statusObject?.details?.causes?.map((c) => `${c.field ? `${c.field}: ` : ''}${c.message ?? c.reason ?? ''}`).join('; ');
                    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.InvalidInput, `Kubernetes refused to ${what}: ${failure.message}${causes && !failure.message.includes(causes) ? ` (${causes})` : ''}`, {
                        cause: error,
                        details,
                        hint: 'the object was rejected by API validation; fix the value the message names',
                    });
                }
                case 429:
                    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.RateLimited, `cannot ${what}: the API server kept answering 429 Too Many Requests${after}`, {
                        cause: error,
                        details,
                        hint: 'the cluster is throttling requests (API Priority and Fairness); try again later or from a less busy time',
                    });
                case 504:
                    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Timeout, `cannot ${what}: the API server timed out (504)${after}: ${failure.message}`, { cause: error, details, hint: 'try again; the API server or its etcd is overloaded' });
                default:
                    if (failure.status >= 500) {
                        return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Unavailable, `cannot ${what}: the API server answered ${failure.status}${failure.reason ? ` ${failure.reason}` : ''}${after}: ${failure.message}`, {
                            cause: error,
                            details,
                            hint: 'the API server is failing; check the cluster health and try again',
                        });
                    }
                    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.InvalidInput, `Kubernetes refused to ${what}: ${failure.status} ${failure.message}`, { cause: error, details, hint: 'check the request values' });
            }
        }
        case 'network':
            if (failure.code === 'ENOTFOUND' || failure.code === 'EAI_AGAIN') {
                return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Unavailable, `cannot ${what}: the API server host ${options.server ? `of ${options.server} ` : ''}does not resolve (${failure.code})`, {
                    cause: error,
                    hint: `check the cluster's server URL in ${options.source ?? 'the kubeconfig'} and the runner's DNS`,
                });
            }
            return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Unavailable, `cannot ${what}: cannot reach the Kubernetes API server${options.server ? ` at ${options.server}` : ''}${after}: ${failure.message}`, {
                cause: error,
                hint: 'check that the cluster is running and reachable from here (VPN, firewall, private endpoint), and the server URL in the kubeconfig',
            });
        case 'timeout':
            return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Timeout, `cannot ${what}: ${failure.message}${after}`, { cause: error, hint: 'the API server is slow or unreachable; try again or raise the timeout' });
        case 'aborted':
            return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Timeout, `cannot ${what}: the request was cancelled`, { cause: error });
        case 'other': {
            const message = failure.message;
            if (/HTTP protocol is not allowed/.test(message)) {
                return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.InvalidInput, `cannot ${what}: the kubeconfig points at a plain http:// server`, {
                    cause: error,
                    hint: 'use https, or set insecure-skip-tls-verify: true on the cluster entry if plain http is really intended (test clusters only)',
                });
            }
            return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Internal, `cannot ${what}: ${message}`, { cause: error });
        }
    }
}

;// CONCATENATED MODULE: ./src/core/kube/retry.ts
/**
 * Bounded retries for Kubernetes requests: exponential backoff with jitter on 429 (never sooner
 * than the server's Retry-After), 5xx, connection resets and per-request timeouts; an overall
 * deadline across attempts and waits; no retry for 4xx input errors, 401/403 or 404.
 */


const DEFAULT_RETRY_POLICY = {
    attempts: 6,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
    requestTimeoutMs: 20_000,
    deadlineMs: 60_000,
};
/**
 * Backoff before attempt `retry + 1` (retry counts from 0): "equal jitter", half fixed and half
 * random, so waits grow exponentially but concurrent clients do not retry in lockstep.
 */
function backoffDelay(retry, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
/** The error to throw when `signal` was aborted: its reason when that is an AicrError. */
function cancellation(signal, action) {
    const reason = signal.reason;
    if (reason instanceof errors/* AicrError */.Y3)
        return reason;
    const what = action ? ` while trying to ${describeAction(action)}` : '';
    if (reason instanceof Error && reason.name === 'TimeoutError') {
        return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Timeout, `the deadline passed${what}`, { cause: reason, hint: 'raise the timeout or check why the cluster is slow' });
    }
    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Internal, `cancelled${what}${reason instanceof Error ? `: ${reason.message}` : ''}`, { cause: reason });
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
function seconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
/**
 * Runs `request` until it succeeds, fails for good, or the deadline passes. Each attempt gets its
 * own AbortSignal that fires at the per-request timeout, the deadline, or the caller's signal.
 */
async function withRetry(request, options) {
    const policy = { ...DEFAULT_RETRY_POLICY, ...(options.policy ?? {}) };
    const random = options.random ?? Math.random;
    const started = Date.now();
    const deadlineAt = started + policy.deadlineMs;
    const outer = options.signal;
    for (let attempt = 1;; attempt++) {
        if (outer?.aborted)
            throw cancellation(outer, options.action);
        const remaining = deadlineAt - Date.now();
        if (remaining <= 0) {
            throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Timeout, `cannot ${describeAction(options.action)}: no answer within the ${seconds(policy.deadlineMs)} deadline (${attempt - 1} attempts)`, {
                hint: 'the API server is slow or unreachable; try again later',
            });
        }
        const limit = Math.min(policy.requestTimeoutMs, remaining);
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort(new Error('request timeout'));
        }, limit);
        const onOuterAbort = () => controller.abort(outer.reason);
        outer?.addEventListener('abort', onOuterAbort, { once: true });
        try {
            return await request(controller.signal);
        }
        catch (error) {
            if (outer?.aborted)
                throw cancellation(outer, options.action);
            const failure = timedOut ? { kind: 'timeout', message: `no answer within ${seconds(limit)}` } : classifyFailure(error);
            const mapOptions = { ...(options.map ?? {}), attempts: attempt };
            const fail = () => failure.kind === 'timeout'
                ? new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Timeout, `cannot ${describeAction(options.action)}: the API server sent ${failure.message}${attempt > 1 ? ` (${attempt} attempts)` : ''}`, {
                    cause: error,
                    hint: 'the API server is slow or unreachable; try again later',
                })
                : toKubeError(error, options.action, mapOptions);
            if (!isRetryable(failure) || attempt >= policy.attempts)
                throw fail();
            let delay = backoffDelay(attempt - 1, policy, random);
            if (failure.kind === 'http' && failure.retryAfterMs !== undefined)
                delay = Math.max(delay, failure.retryAfterMs);
            if (Date.now() + delay >= deadlineAt) {
                if (failure.kind === 'http' && failure.status === 429 && failure.retryAfterMs !== undefined) {
                    throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.RateLimited, `cannot ${describeAction(options.action)}: the API server is throttling requests and asked to retry after ${seconds(failure.retryAfterMs)}, past the ${seconds(policy.deadlineMs)} deadline`, {
                        cause: error,
                        hint: 'the cluster is busy (API Priority and Fairness); try again later',
                    });
                }
                throw fail();
            }
            options.onRetry?.({ attempt, delayMs: delay, failure });
            try {
                await sleep(delay, outer);
            }
            catch {
                throw cancellation(outer, options.action);
            }
        }
        finally {
            clearTimeout(timer);
            outer?.removeEventListener('abort', onOuterAbort);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/kube/client.ts
/**
 * The one Kubernetes client: @kubernetes/client-node loaded lazily (it costs about a quarter of a
 * second to import), configured from `--kubeconfig`, $KUBECONFIG, ~/.kube/config or the
 * in-cluster service account, and wrapped so that every request gets retries with backoff, a
 * per-request timeout, an overall deadline and errors that say what to do.
 */








const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
/** Largest response {@link KubeClient.getJson} accepts. */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
/**
 * Resolves the configuration source without loading the client: `--kubeconfig`, $KUBECONFIG
 * (a path list), ~/.kube/config, then the in-cluster service account. Undefined when none exists.
 */
function resolveConfigSource(options = {}) {
    const env = options.env ?? process.env;
    if (options.kubeconfig)
        return { kind: 'files', paths: [options.kubeconfig], label: `kubeconfig ${options.kubeconfig}` };
    if (env.KUBECONFIG) {
        const paths = env.KUBECONFIG.split(external_node_path_.delimiter).filter((p) => p !== '');
        if (paths.length)
            return { kind: 'files', paths, label: `$KUBECONFIG (${paths.join(external_node_path_.delimiter)})` };
    }
    const home = env.HOME || (0,external_node_os_.homedir)();
    const defaultPath = home ? (0,external_node_path_.join)(home, '.kube', 'config') : '';
    if (defaultPath && (0,external_node_fs_.existsSync)(defaultPath))
        return { kind: 'files', paths: [defaultPath], label: `kubeconfig ${defaultPath}` };
    if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT && (0,external_node_fs_.existsSync)(SERVICE_ACCOUNT_TOKEN)) {
        return { kind: 'in-cluster', label: 'the in-cluster service account' };
    }
    return undefined;
}
let modulePromise;
/** Imports @kubernetes/client-node once. */
function loadKubernetesModule() {
    modulePromise ??= __webpack_require__.e(/* import() */ 959).then(__webpack_require__.bind(__webpack_require__, 6959));
    return modulePromise;
}
const clients = new Map();
/**
 * The shared client for a configuration source (created on first use). Throws UNAVAILABLE when
 * there is no configuration at all, NOT_FOUND / INVALID_REQUEST for a missing or broken kubeconfig.
 */
async function getKubeClient(options = {}) {
    const source = resolveConfigSource(options);
    if (!source) {
        throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Unavailable, 'no Kubernetes configuration: no --kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a pod', {
            hint: 'pass --kubeconfig <file> (or set KUBECONFIG), or run inside the cluster with a service account',
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
function resetKubeClients() {
    for (const client of clients.values())
        client.then((c) => c.close(), () => { });
    clients.clear();
}
async function createClient(source, retry) {
    const k8s = await loadKubernetesModule();
    const config = new k8s.KubeConfig();
    if (source.kind === 'in-cluster') {
        config.loadFromCluster();
    }
    else {
        source.paths.forEach((path, index) => {
            if (!(0,external_node_fs_.existsSync)(path)) {
                throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.NotFound, `kubeconfig file not found: ${path}`, { hint: 'check the --kubeconfig path or $KUBECONFIG' });
            }
            const target = index === 0 ? config : new k8s.KubeConfig();
            try {
                target.loadFromFile(path);
            }
            catch (error) {
                throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.InvalidInput, `cannot load kubeconfig ${path}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error, hint: 'the file must be a valid kubeconfig (YAML with clusters, users and contexts)' });
            }
            if (index > 0)
                config.mergeConfig(target, true);
        });
    }
    const cluster = config.getCurrentCluster();
    if (!cluster) {
        throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.InvalidInput, `${source.label} has no current context with a cluster`, {
            hint: 'set current-context to a context whose cluster exists (kubectl config use-context <name>)',
        });
    }
    return new KubeClient(k8s, config, source.label, { ...DEFAULT_RETRY_POLICY, ...retry });
}
/** A configured client; every request goes through {@link KubeClient.request}. */
class KubeClient {
    k8s;
    config;
    source;
    retryPolicy;
    apis = new Map();
    constructor(k8s, config, 
    /** Where the credentials came from, for messages. */
    source, retryPolicy) {
        this.k8s = k8s;
        this.config = config;
        this.source = source;
        this.retryPolicy = retryPolicy;
    }
    /** The API server URL. */
    get server() {
        return this.config.getCurrentCluster()?.server ?? '';
    }
    /** The current context's namespace (default `default`). */
    get namespace() {
        const context = this.config.getContextObject(this.config.getCurrentContext());
        return context?.namespace || 'default';
    }
    api(type) {
        let api = this.apis.get(type);
        if (!api) {
            api = this.config.makeApiClient(type);
            this.apis.set(type, api);
        }
        return api;
    }
    get core() {
        return this.api(this.k8s.CoreV1Api);
    }
    get batch() {
        return this.api(this.k8s.BatchV1Api);
    }
    get rbac() {
        return this.api(this.k8s.RbacAuthorizationV1Api);
    }
    get authorization() {
        return this.api(this.k8s.AuthorizationV1Api);
    }
    get custom() {
        return this.api(this.k8s.CustomObjectsApi);
    }
    get node() {
        return this.api(this.k8s.NodeV1Api);
    }
    get version() {
        return this.api(this.k8s.VersionApi);
    }
    /** Per-call configuration that ties the request to an AbortSignal. */
    callOptions(signal) {
        const Observable = this.k8s.Observable;
        const middleware = {
            pre: (context) => {
                context.setSignal(signal);
                return new Observable(Promise.resolve(context));
            },
            post: (response) => new Observable(Promise.resolve(response)),
        };
        return { middleware: [middleware], middlewareMergeStrategy: 'append' };
    }
    /**
     * One API call with retries (429 honouring Retry-After, 5xx, resets, timeouts), a per-request
     * timeout and an overall deadline; failures become AicrErrors naming `action`.
     */
    request(action, call, options = {}, onRetry) {
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
    async *pages(action, list, options = {}) {
        const limit = options.pageSize ?? 500;
        let token;
        do {
            const page = await this.request(action, (callOptions) => list(token ? { limit, _continue: token } : { limit }, callOptions), options);
            yield page.items ?? [];
            token = page.metadata?._continue || undefined;
        } while (token);
    }
    listAgent;
    /**
     * GET of a path that returns JSON, authenticated exactly like the typed API (headers, client
     * certificates, CA, proxy from the kubeconfig) but parsed with plain JSON.parse: for the large
     * lists, where the typed models' deserialization costs more than the transfer. Connections
     * are kept alive between pages. Errors have the shape of the client's ApiException.
     */
    async getJson(path, query, signal) {
        const url = new URL(this.server.replace(/\/$/, '') + path);
        for (const [key, value] of Object.entries(query))
            url.searchParams.set(key, value);
        const fetchOptions = (await this.config.applyToFetchOptions({}));
        if (!this.listAgent && fetchOptions.agent) {
            // One agent per client, kept alive: no new TCP/TLS handshake for every page.
            this.listAgent = fetchOptions.agent;
            this.listAgent.keepAlive = true;
        }
        const headers = { accept: 'application/json' };
        fetchOptions.headers?.forEach((value, key) => {
            headers[key] = value;
        });
        const send = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
        return new Promise((resolve, reject) => {
            const req = send(url, { method: 'GET', headers, ...(this.listAgent ? { agent: this.listAgent } : {}), signal }, (res) => {
                const chunks = [];
                let size = 0;
                res.on('data', (chunk) => {
                    size += chunk.length;
                    // A list page is a few MB at most; refuse a runaway (or hostile) answer.
                    if (size > MAX_RESPONSE_BYTES) {
                        res.destroy(new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Internal, `the API server sent more than ${MAX_RESPONSE_BYTES} bytes for ${url.pathname}`, { hint: 'use a smaller page size' }));
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
                        }
                        catch (error) {
                            reject(new Error(`the API server sent invalid JSON for ${url.pathname}: ${error.message}`));
                        }
                        return;
                    }
                    const responseHeaders = {};
                    for (const [key, value] of Object.entries(res.headers))
                        if (typeof value === 'string')
                            responseHeaders[key] = value;
                    reject(Object.assign(new Error(`HTTP-Code: ${status}`), { code: status, body: text, headers: responseHeaders }));
                });
            });
            req.on('error', reject);
            req.end();
        });
    }
    /** One object by API path as plain JSON (e.g. `/apis/batch/v1/namespaces/ns/jobs/name`), with retries. */
    getObject(action, path, options = {}) {
        return withRetry((signal) => this.getJson(path, {}, signal), {
            action,
            policy: { ...this.retryPolicy, ...(options.retry ?? {}) },
            ...(options.signal ? { signal: options.signal } : {}),
            map: { source: this.source, server: this.server },
        });
    }
    /**
     * Lists a collection by path (e.g. `/api/v1/pods`) page by page as plain JSON objects; see
     * {@link getJson}. Same retries and error mapping as {@link request}.
     */
    async *jsonPages(action, path, options = {}) {
        const limit = String(options.pageSize ?? 500);
        let token;
        do {
            const query = { ...(options.query ?? {}), limit, ...(token ? { continue: token } : {}) };
            const page = (await withRetry((signal) => this.getJson(path, query, signal), {
                action,
                policy: { ...this.retryPolicy, ...(options.retry ?? {}) },
                ...(options.signal ? { signal: options.signal } : {}),
                map: { source: this.source, server: this.server },
            }));
            yield page.items ?? [];
            token = page.metadata?.continue || undefined;
        } while (token);
    }
    /** Closes kept-alive connections (long-lived processes, tests). */
    close() {
        this.listAgent?.destroy();
        this.listAgent = undefined;
    }
    /** Maps an error from a call made outside {@link request} (watch, logs). */
    mapError(error, action) {
        return toKubeError(error, action, { source: this.source, server: this.server });
    }
}

;// CONCATENATED MODULE: ./src/core/kube/configmap.ts
/**
 * Documents in ConfigMaps: `cm://namespace/name` locations for every stage.
 *
 * Format (upstream AICR's, so its tools read what we write and we read what its agent writes):
 * data keys `snapshot.<yaml|json|txt>` (for every document kind, as upstream does), `format`
 * (`yaml` | `json` | `table`) and `timestamp` (RFC 3339 UTC); labels `app.kubernetes.io/name:
 * aicr`, `app.kubernetes.io/component: <document kind>`, `app.kubernetes.io/version: <our
 * version>`.
 *
 * Writing is create-or-update in one request each: POST, and on AlreadyExists a PUT of the whole
 * object carrying the resourceVersion just read (a concurrent writer makes it 409 Conflict and we
 * read and replace again). The whole `data` map is replaced, so a document is never mixed with
 * keys of an older one, and a document larger than the ConfigMap limit is refused before any
 * request, so the cluster never holds a partial document.
 */





/** Kubernetes limit on the total size of a ConfigMap's data (keys plus values), in bytes. */
const CONFIGMAP_MAX_BYTES = 1024 * 1024;
const EXTENSIONS = { yaml: 'yaml', json: 'json', table: 'txt' };
/** Keys tried, in order, when `format` does not name one that exists (upstream's order). */
const FALLBACK_KEYS = ['snapshot.yaml', 'snapshot.json', 'snapshot.txt'];
/** Label values: at most 63 characters of [A-Za-z0-9._-], alphanumeric at both ends. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** The `data` and labels written for a document. */
function configMapContent(text, format, options) {
    const data = { format, [`snapshot.${EXTENSIONS[format]}`]: text, timestamp: options.timestamp };
    const labels = {
        'app.kubernetes.io/name': 'aicr',
        'app.kubernetes.io/component': labelValue(options.kind ?? 'Snapshot', 'Snapshot'),
        'app.kubernetes.io/version': labelValue(options.version ?? version/* VERSION */.x, 'unknown'),
    };
    return { data, labels };
}
function labelValue(value, fallback) {
    const cleaned = value.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63);
    return LABEL_VALUE.test(cleaned) && cleaned !== '' ? cleaned : fallback;
}
/** Bytes a `data` map counts against the ConfigMap limit (keys plus values, as the API server counts). */
function configMapDataSize(data) {
    let size = 0;
    for (const [key, value] of Object.entries(data))
        size += Buffer.byteLength(key) + Buffer.byteLength(value);
    return size;
}
/** Refuses, before any request, a document that would not fit in a ConfigMap. */
function checkConfigMapSize(location, data, input = 'output') {
    const size = configMapDataSize(data);
    if (size <= CONFIGMAP_MAX_BYTES)
        return;
    const mib = (size / CONFIGMAP_MAX_BYTES).toFixed(2);
    throw (0,errors/* invalidInput */.aY)(`${input}: the document is too large for ConfigMap ${location.text}: ${size} bytes (${mib} MiB) of data, Kubernetes allows at most ${CONFIGMAP_MAX_BYTES} bytes (1 MiB)`, {
        hint: 'write it to a file instead (e.g. --output snapshot.yaml), or make it smaller (for snapshots: --max-nodes-per-entry limits the node names listed per label and taint)',
        details: { size, limit: CONFIGMAP_MAX_BYTES },
    });
}
function action(verb, location) {
    return { verb, resource: 'configmaps', group: '', namespace: location.namespace, name: location.name };
}
/**
 * Reads the document stored in a ConfigMap: key `snapshot.<format>` (format from the `format`
 * key, default yaml), else the first of `snapshot.yaml`, `snapshot.json`, `snapshot.txt`.
 * `key` overrides the choice.
 */
async function readConfigMapDocument(location, options = {}) {
    const input = options.input ?? 'input';
    const client = await getKubeClient(options);
    let configMap;
    try {
        configMap = await client.request(action('get', location), (o) => client.core.readNamespacedConfigMap({ name: location.name, namespace: location.namespace }, o), options.signal ? { signal: options.signal } : {});
    }
    catch (error) {
        if (error instanceof errors/* AicrError */.Y3 && error.code === errors/* ErrorCode */.O4.NotFound) {
            throw (0,errors/* notFound */.mX)(`${input}: ConfigMap ${location.text} does not exist (namespace "${location.namespace}", context namespace of ${client.source} is "${client.namespace}")`, {
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
        throw (0,errors/* notFound */.mX)(`${input}: ConfigMap ${location.text} has no ${options.key ? `"${options.key}" key` : 'document (no snapshot.yaml, snapshot.json or snapshot.txt key)'}; its data keys are: ${keys.length ? keys.join(', ') : '(none)'}`, {
            hint: 'point at a ConfigMap written by aicr (aicr snapshot/recipe --output cm://…) or by the AICR agent',
        });
    }
    const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
    if (extension === 'txt' || extension === 'table') {
        throw (0,errors/* invalidInput */.aY)(`${input}: ConfigMap ${location.text} holds a table (${key}), which cannot be read back`, {
            hint: 'write the document with --format yaml or json',
        });
    }
    const text = data[key];
    const limit = options.maxBytes ?? parse/* MAX_DOCUMENT_BYTES */.bi;
    if (Buffer.byteLength(text) > limit) {
        throw (0,errors/* invalidInput */.aY)(`${input}: ${location.text}#${key} is too large (${Buffer.byteLength(text)} bytes, limit ${limit} bytes)`, { hint: 'pass a smaller document' });
    }
    if (text.trim() === '') {
        throw (0,errors/* invalidInput */.aY)(`${input}: ${location.text}#${key} is empty`, { hint: 'write the document again' });
    }
    return { text, key, format: extension === 'json' ? 'json' : 'yaml' };
}
const MAX_CONFLICT_RETRIES = 5;
/**
 * Creates or replaces a ConfigMap holding one document. Checks the size first; replaces the
 * whole `data` map under optimistic concurrency (resourceVersion); keeps other labels and
 * annotations of an existing ConfigMap.
 */
async function writeConfigMapDocument(location, text, options = {}) {
    const input = options.input ?? 'output';
    const format = options.format ?? 'yaml';
    const timestamp = options.timestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const { data, labels } = configMapContent(text, format, { timestamp, ...(options.kind ? { kind: options.kind } : {}) });
    checkConfigMapSize(location, data, input);
    const key = `snapshot.${EXTENSIONS[format]}`;
    const client = await getKubeClient(options);
    const request = options.signal ? { signal: options.signal } : {};
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: location.name, namespace: location.namespace, labels }, data };
    try {
        const created = await client.request(action('create', location), (o) => client.core.createNamespacedConfigMap({ namespace: location.namespace, body }, o), request);
        return { created: true, resourceVersion: String(created.metadata?.resourceVersion ?? ''), key };
    }
    catch (error) {
        if (!isStatus(error, 409, 'AlreadyExists'))
            throw explainWriteError(error, location, input);
    }
    for (let attempt = 1;; attempt++) {
        const existing = await client.request(action('get', location), (o) => client.core.readNamespacedConfigMap({ name: location.name, namespace: location.namespace }, o), request);
        if (existing.immutable) {
            throw (0,errors/* invalidInput */.aY)(`${input}: ConfigMap ${location.text} is immutable and cannot be overwritten`, {
                hint: 'delete it first (kubectl delete configmap …) or write to another name',
            });
        }
        const replacement = {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: {
                name: location.name,
                namespace: location.namespace,
                resourceVersion: existing.metadata?.resourceVersion,
                labels: { ...(existing.metadata?.labels ?? {}), ...labels },
                ...(existing.metadata?.annotations ? { annotations: existing.metadata.annotations } : {}),
                ...(existing.metadata?.ownerReferences ? { ownerReferences: existing.metadata.ownerReferences } : {}),
            },
            data,
        };
        try {
            const replaced = await client.request(action('update', location), (o) => client.core.replaceNamespacedConfigMap({ name: location.name, namespace: location.namespace, body: replacement }, o), request);
            return { created: false, resourceVersion: String(replaced.metadata?.resourceVersion ?? ''), key };
        }
        catch (error) {
            if (isStatus(error, 409) && attempt < MAX_CONFLICT_RETRIES)
                continue; // someone else wrote in between: read again
            throw explainWriteError(error, location, input);
        }
    }
}
function isStatus(error, status, reason) {
    const cause = error instanceof errors/* AicrError */.Y3 ? error.cause : error;
    const failure = classifyFailure(cause);
    return failure.kind === 'http' && failure.status === status && (reason === undefined || failure.reason === reason);
}
function explainWriteError(error, location, input) {
    if (error instanceof errors/* AicrError */.Y3 && error.code === errors/* ErrorCode */.O4.NotFound && /namespaces? "/.test(error.message)) {
        return (0,errors/* notFound */.mX)(`${input}: namespace "${location.namespace}" does not exist, so ConfigMap ${location.text} cannot be written`, {
            cause: error,
            hint: `create it first (kubectl create namespace ${location.namespace}) or write to an existing namespace`,
        });
    }
    return error;
}
/** The `cm://` handler that src/core/io.ts loads on first use. */
const configMapHandler = {
    async read(location, options) {
        const result = await readConfigMapDocument(location, {
            ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
            ...(options.configMapKey ? { key: options.configMapKey } : {}),
            ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
            ...(options.input ? { input: options.input } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
        });
        return { text: result.text, key: result.key };
    },
    async write(location, text, options) {
        await writeConfigMapDocument(location, text, {
            ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
            ...(options.format ? { format: options.format } : {}),
            ...(options.kind ? { kind: options.kind } : {}),
            ...(options.timestamp ? { timestamp: options.timestamp } : {}),
            ...(options.input ? { input: options.input } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
        });
    },
};


/***/ })

};
