/**
 * Turning what the Kubernetes client throws into AicrErrors that name the operation, say what
 * went wrong and how to fix it, and carry the right exit code:
 * 401 → unauthorized (credentials), 403 → unauthorized naming the missing RBAC verb and
 * resource, 404 → not found, 400/422 → invalid input, 409 → conflict, 429 → rate limited,
 * 5xx and network failures → unavailable, an untrusted server certificate → unavailable (never
 * retried), deadlines → timeout.
 */
import { AicrError, ErrorCode, errorMessage } from '../errors.js';
import { certificateFailure, describeCertificateFailure, type CertificateFailure } from '../tls.js';

/** What a request was trying to do, for messages and RBAC hints. */
export interface KubeAction {
  verb: string;
  /** Plural resource name, e.g. `configmaps`, `pods/log`. */
  resource: string;
  /** API group ('' for the core group). */
  group?: string;
  namespace?: string;
  name?: string;
}

/** The Kubernetes `Status` object sent with error responses. */
interface KubeStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; retryAfterSeconds?: number; causes?: Array<{ reason?: string; message?: string; field?: string }> };
}

export type FailureKind =
  | { kind: 'http'; status: number; reason: string; message: string; retryAfterMs?: number; statusObject?: KubeStatus }
  | { kind: 'network'; code: string; message: string }
  | { kind: 'certificate'; certificate: CertificateFailure }
  | { kind: 'timeout'; message: string }
  | { kind: 'aborted'; reason: unknown }
  | { kind: 'other'; message: string };

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** Parses a Retry-After header: delay seconds or an HTTP date; undefined when absent or bad. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function parseStatus(body: unknown): KubeStatus | undefined {
  if (body && typeof body === 'object') return body as KubeStatus;
  if (typeof body !== 'string' || body === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as KubeStatus) : undefined;
  } catch {
    return undefined;
  }
}

/** Classifies anything the client (or node-fetch underneath it) throws. */
export function classifyFailure(error: unknown): FailureKind {
  const e = error as { code?: unknown; body?: unknown; headers?: Record<string, string>; statusCode?: unknown; name?: string; type?: string; errno?: string; message?: string };
  if (error instanceof AicrError) return { kind: 'other', message: error.message };
  // ApiException from the generated clients: numeric `code` is the HTTP status.
  if (typeof e?.code === 'number' && e.code >= 100) {
    const status = parseStatus(e.body);
    const headers = e.headers ?? {};
    const retryAfterMs = parseRetryAfter(headers['retry-after'] ?? headers['Retry-After']) ?? (status?.details?.retryAfterSeconds !== undefined ? status.details.retryAfterSeconds * 1000 : undefined);
    const failure: FailureKind = {
      kind: 'http',
      status: e.code,
      reason: status?.reason ?? '',
      message: status?.message ?? httpText(e.code),
    };
    if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
    if (status) failure.statusObject = status;
    return failure;
  }
  // The Watch helper throws a plain Error with `statusCode`.
  if (typeof e?.statusCode === 'number') {
    return { kind: 'http', status: e.statusCode, reason: '', message: e.message || httpText(e.statusCode) };
  }
  if (e?.name === 'AbortError' || e?.type === 'aborted') return { kind: 'aborted', reason: error };
  const certificate = certificateFailure(error);
  if (certificate) return { kind: 'certificate', certificate };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.errno === 'string' ? e.errno : undefined;
  if (code && NETWORK_CODES.has(code)) return { kind: 'network', code, message: e.message ?? code };
  if (e?.type === 'system' || /socket hang up|ECONNRESET|ECONNREFUSED|network|fetch failed/i.test(e?.message ?? '')) {
    return { kind: 'network', code: code ?? 'ECONNRESET', message: e?.message ?? 'connection failed' };
  }
  return { kind: 'other', message: errorMessage(error) };
}

function httpText(status: number): string {
  const texts: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
  return texts[status] ?? `HTTP ${status}`;
}

/** Whether a failure is worth another attempt (transient server or network trouble). */
export function isRetryable(failure: FailureKind): boolean {
  if (failure.kind === 'network') return failure.code !== 'ENOTFOUND';
  if (failure.kind === 'timeout') return true;
  if (failure.kind === 'http') return failure.status === 429 || failure.status >= 500;
  return false;
}

/** `get configmaps "x" in namespace "y"`, for messages. */
export function describeAction(action: KubeAction): string {
  const resource = action.group ? `${action.resource}.${action.group}` : action.resource;
  let text = `${action.verb} ${resource}`;
  if (action.name) text += ` "${action.name}"`;
  if (action.namespace) text += ` in namespace "${action.namespace}"`;
  return text;
}

/** `kubectl auth can-i` command that checks the same permission. */
function canICommand(action: KubeAction): string {
  const resource = action.group ? `${action.resource}.${action.group}` : action.resource;
  return `kubectl auth can-i ${action.verb} ${resource}${action.namespace ? ` -n ${action.namespace}` : ''}`;
}

export interface MapOptions {
  /** Where the credentials came from (kubeconfig path or in-cluster), for 401 hints. */
  source?: string;
  /** The API server URL, for network messages. */
  server?: string;
  /** Attempts made (for "after N attempts" wording). */
  attempts?: number;
}

/** The AicrError for a failed request. */
export function toKubeError(error: unknown, action: KubeAction, options: MapOptions = {}): AicrError {
  if (error instanceof AicrError) return error;
  const failure = classifyFailure(error);
  const what = describeAction(action);
  const after = options.attempts && options.attempts > 1 ? ` (after ${options.attempts} attempts)` : '';
  switch (failure.kind) {
    case 'http': {
      const details = { status: failure.status, reason: failure.reason, action };
      switch (failure.status) {
        case 401:
          return new AicrError(ErrorCode.Unauthorized, `Kubernetes rejected the credentials while trying to ${what}: ${failure.message}`, {
            cause: error,
            details,
            hint: `the token or certificate in ${options.source ?? 'the kubeconfig'} is missing, expired or revoked; refresh it (e.g. re-run your cloud's "update-kubeconfig" command)`,
          });
        case 403: {
          const user = /User "([^"]*)"/.exec(failure.message)?.[1];
          return new AicrError(ErrorCode.Unauthorized, `Kubernetes RBAC denied "${action.verb}" on ${action.group ? `${action.resource}.${action.group}` : action.resource}${action.namespace ? ` in namespace "${action.namespace}"` : ' at cluster scope'}${user ? ` for ${user}` : ''}: ${failure.message}`, {
            cause: error,
            details,
            hint: `grant the verb "${action.verb}" on resource "${action.resource}" (API group "${action.group ?? ''}")${action.namespace ? ` in namespace "${action.namespace}" (a Role + RoleBinding)` : ' (a ClusterRole + ClusterRoleBinding)'}; check with: ${canICommand(action)}`,
          });
        }
        case 404:
          return new AicrError(ErrorCode.NotFound, `cannot ${what}: ${failure.message}`, {
            cause: error,
            details,
            hint: failure.message.startsWith('namespaces "') ? 'create the namespace first (kubectl create namespace <name>)' : 'check the name and namespace',
          });
        case 409:
          return new AicrError(ErrorCode.Internal, `cannot ${what}: ${failure.message}`, {
            cause: error,
            details,
            hint: 'another client changed the object at the same time; run the command again',
          });
        case 410:
          return new AicrError(ErrorCode.Unavailable, `cannot ${what}: ${failure.message}`, {
            cause: error,
            details,
            hint: 'the collection changed too much while it was being read in pages; run the command again',
          });
        case 400:
        case 422: {
          const causes = failure.statusObject?.details?.causes?.map((c) => `${c.field ? `${c.field}: ` : ''}${c.message ?? c.reason ?? ''}`).join('; ');
          return new AicrError(ErrorCode.InvalidInput, `Kubernetes refused to ${what}: ${failure.message}${causes && !failure.message.includes(causes) ? ` (${causes})` : ''}`, {
            cause: error,
            details,
            hint: 'the object was rejected by API validation; fix the value the message names',
          });
        }
        case 429:
          return new AicrError(ErrorCode.RateLimited, `cannot ${what}: the API server kept answering 429 Too Many Requests${after}`, {
            cause: error,
            details,
            hint: 'the cluster is throttling requests (API Priority and Fairness); try again later or from a less busy time',
          });
        case 504:
          return new AicrError(ErrorCode.Timeout, `cannot ${what}: the API server timed out (504)${after}: ${failure.message}`, { cause: error, details, hint: 'try again; the API server or its etcd is overloaded' });
        default:
          if (failure.status >= 500) {
            return new AicrError(ErrorCode.Unavailable, `cannot ${what}: the API server answered ${failure.status}${failure.reason ? ` ${failure.reason}` : ''}${after}: ${failure.message}`, {
              cause: error,
              details,
              hint: 'the API server is failing; check the cluster health and try again',
            });
          }
          return new AicrError(ErrorCode.InvalidInput, `Kubernetes refused to ${what}: ${failure.status} ${failure.message}`, { cause: error, details, hint: 'check the request values' });
      }
    }
    case 'network':
      if (failure.code === 'ENOTFOUND' || failure.code === 'EAI_AGAIN') {
        return new AicrError(ErrorCode.Unavailable, `cannot ${what}: the API server host ${options.server ? `of ${options.server} ` : ''}does not resolve (${failure.code})`, {
          cause: error,
          hint: `check the cluster's server URL in ${options.source ?? 'the kubeconfig'} and the runner's DNS`,
        });
      }
      return new AicrError(ErrorCode.Unavailable, `cannot ${what}: cannot reach the Kubernetes API server${options.server ? ` at ${options.server}` : ''}${after}: ${failure.message}`, {
        cause: error,
        hint: 'check that the cluster is running and reachable from here (VPN, firewall, private endpoint), and the server URL in the kubeconfig',
      });
    case 'certificate': {
      const hint = {
        trust: `set the cluster's certificate-authority(-data) in ${options.source ?? 'the kubeconfig'} to the CA that signed the API server's certificate (re-run your cloud's "update-kubeconfig" command)`,
        renew: 'the API server\'s certificate must be rotated (or the runner\'s clock is wrong); tell the cluster\'s administrator',
        host: `use the server address the certificate was issued for in ${options.source ?? 'the kubeconfig'}, or set tls-server-name on the cluster entry`,
      }[failure.certificate.fix];
      return new AicrError(ErrorCode.Unavailable, `cannot ${what}: the Kubernetes API server${options.server ? ` at ${options.server}` : ''} is not trusted: ${describeCertificateFailure(failure.certificate)}`, { cause: error, hint });
    }
    case 'timeout':
      return new AicrError(ErrorCode.Timeout, `cannot ${what}: ${failure.message}${after}`, { cause: error, hint: 'the API server is slow or unreachable; try again or raise the timeout' });
    case 'aborted':
      return new AicrError(ErrorCode.Timeout, `cannot ${what}: the request was cancelled`, { cause: error });
    case 'other': {
      const message = failure.message;
      if (/HTTP protocol is not allowed/.test(message)) {
        return new AicrError(ErrorCode.InvalidInput, `cannot ${what}: the kubeconfig points at a plain http:// server`, {
          cause: error,
          hint: 'use https, or set insecure-skip-tls-verify: true on the cluster entry if plain http is really intended (test clusters only)',
        });
      }
      return new AicrError(ErrorCode.Internal, `cannot ${what}: ${message}`, { cause: error });
    }
  }
}
