/**
 * Reading a kubeconfig without ever quoting it. A kubeconfig holds tokens, client keys and
 * passwords, and the YAML parser's own error message shows the lines around a fault: our error
 * says what is wrong and where (file, line, column), and quotes nothing. Every credential of a
 * loaded kubeconfig is remembered (redact.ts), so no message or document can carry it.
 */
import type * as K8s from '@kubernetes/client-node';
import { AicrError, ErrorCode } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { redactText, redactUrlCredentials, rememberSecret } from '../redact.js';
import { excerpt } from '../safe-text.js';

const HINT = 'the file must be a valid kubeconfig (YAML with clusters, users and contexts); check it with: kubectl config view --kubeconfig <file>';

/** What js-yaml throws: `reason` and a 0-based `mark`; its `message` quotes the file. */
interface YamlException {
  name: 'YAMLException';
  reason?: string;
  mark?: { line?: number; column?: number };
}

function isYamlException(error: unknown): error is YamlException {
  return (error as { name?: unknown } | null)?.name === 'YAMLException';
}

// Messages of the client's own checks, which name fields and indexes but no values.
const SAFE_MESSAGES = [/^(clusters|users|contexts)\[\d+\](\.[a-z]+)* is missing$/, /^No active cluster!$/];

/**
 * The reason of a YAML error up to the first thing taken from the file (a quoted name, a
 * `!<tag>`, or what follows a colon): `unidentified alias "x"` → `unidentified alias`.
 */
function contentFreeReason(reason: string): string {
  const cut = reason.search(/["'!:<]/);
  const text = (cut < 0 ? reason : reason.slice(0, cut)).trim();
  return text === '' ? 'malformed YAML' : text.slice(0, 120);
}

/** The error for a kubeconfig that cannot be loaded: what and where, never the file's text. */
export function kubeconfigLoadError(path: string, error: unknown): AicrError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (error as Error).message) {
    // A file-system error (EACCES, EISDIR …) names the path, which the user gave.
    return new AicrError(code === 'ENOENT' ? ErrorCode.NotFound : ErrorCode.InvalidInput, `cannot read kubeconfig ${path}: ${code}`, { hint: `check the ${optionRef('kubeconfig')} path or $KUBECONFIG and the file's permissions` });
  }
  if (isYamlException(error)) {
    const line = error.mark?.line !== undefined ? error.mark.line + 1 : undefined;
    const column = error.mark?.column !== undefined ? error.mark.column + 1 : undefined;
    const where = line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : '';
    return new AicrError(ErrorCode.InvalidInput, `cannot load kubeconfig ${path}${where}: malformed YAML: ${contentFreeReason(error.reason ?? '')}`, {
      location: { file: path, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) },
      hint: `${HINT} (the file's text is not shown: it holds credentials)`,
    });
  }
  const message = error instanceof Error ? error.message : '';
  const shown = SAFE_MESSAGES.some((pattern) => pattern.test(message)) ? message : 'it is not a kubeconfig document';
  return new AicrError(ErrorCode.InvalidInput, `cannot load kubeconfig ${path}: ${shown}`, { location: { file: path }, hint: HINT });
}

/** Loads `path` into `config`; a failure is {@link kubeconfigLoadError}. */
export function loadKubeconfigFile(config: K8s.KubeConfig, path: string): void {
  try {
    config.loadFromFile(path);
  } catch (error) {
    throw kubeconfigLoadError(path, error);
  }
}

/** The userinfo of a URL: `https://user:pass@host` → user, pass. */
function urlCredentials(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const url = new URL(text);
    return [decodeURIComponent(url.username), decodeURIComponent(url.password), url.username, url.password];
  } catch {
    return [];
  }
}

/** Every string inside `value` (auth-provider configs, exec env values). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Remembers every credential of `config` (redact.ts), so no message or document can carry it. */
export function rememberCredentials(config: K8s.KubeConfig): void {
  for (const user of config.getUsers()) {
    for (const secret of [user.token, user.password, user.keyData]) rememberSecret(secret);
    for (const secret of strings(user.authProvider?.config)) rememberSecret(secret);
    const env: unknown = user.exec?.env;
    if (Array.isArray(env)) for (const entry of env) rememberSecret((entry as { value?: unknown } | null)?.value);
  }
  for (const cluster of config.getClusters()) {
    for (const secret of [...urlCredentials(cluster.server), ...urlCredentials(cluster.proxyUrl)]) rememberSecret(secret);
  }
}

/** The API server URL for messages: never its userinfo. */
export function displayServer(server: string): string {
  return redactUrlCredentials(server);
}

/**
 * What a failure to apply the kubeconfig's credentials becomes. A failed exec or auth-provider
 * plugin says its first line of complaint, short and redacted, never its output (which holds
 * the token); an unreadable certificate or key file is named; the client's own content-free
 * complaints (plain http, proxy type) pass through to the usual mapping (errors.ts).
 */
export function credentialsError(error: unknown, source: string): unknown {
  // Already said in full (credentials.ts: a plugin that hung, flooded or printed no credential).
  if (error instanceof AicrError) return error;
  const e = (error ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown; message?: unknown };
  if (/^(HTTP protocol is not allowed|Unsupported proxy type)/.test(String(e.message ?? ''))) return error;
  const hint = 'run the kubeconfig\'s exec command by hand to see what it needs (a login, a cloud CLI on PATH, environment variables)';
  if (typeof e.code === 'string' && typeof e.syscall === 'string' && !e.syscall.startsWith('spawn')) {
    return new AicrError(ErrorCode.InvalidInput, `cannot read ${typeof e.path === 'string' ? e.path : 'a file'} named by ${source} (${e.code})`, { hint: 'check the certificate-authority, client-certificate and client-key paths in the kubeconfig' });
  }
  const reason = e.code === 'ENOENT' ? 'its credential plugin command was not found (ENOENT)'
    : error instanceof SyntaxError ? 'its credential plugin printed malformed JSON'
      : `its credential plugin failed: ${redactText(excerpt(error instanceof Error ? error.message.trim() : String(error))) || '(no message)'}`;
  return new AicrError(ErrorCode.Unauthorized, `cannot get credentials from ${source}: ${reason}`, { hint });
}
