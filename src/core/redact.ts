/**
 * Keeping secrets out of everything we print or record (errors, logs, annotations, summaries,
 * snapshots, ConfigMaps). Three layers:
 *
 * - secrets we know: the credentials of a loaded kubeconfig are remembered
 *   ({@link rememberSecret}) and replaced wherever they turn up, whatever echoed them;
 * - secret-shaped text ({@link redactText}): URL userinfo, bearer tokens and Authorization
 *   headers, `--token=…` / `--password …` arguments, `PASSWORD=…` assignments and `token: …`
 *   lines;
 * - secret-shaped fields in cluster objects ({@link redactObject}): values under keys such as
 *   password, apiKey, client_secret or AUTH_TOKEN (any case style), env entries
 *   `{name, value}` with such a name, and the arguments in args arrays.
 */

const REDACTED = '<redacted>';

// Name fragments that mark a secret wherever they occur (checked on the lower-cased name without separators).
const SECRET_FRAGMENT = /password|passwd|passphrase|secret|token|apikey|privatekey|credential|bearer|cookie|authorization|accesskey|signingkey|clientkey|sessionkey|encryptionkey/;
// Whole words that mark a secret (`auth`, `pwd`, `private`); `pass` only as the last word (db_pass, not passThrough).
const SECRET_WORDS = new Set(['auth', 'pwd', 'creds', 'private']);
// Last words that make a name a reference to a secret, not the secret itself (secretName, imagePullSecrets, tokenFile).
const REFERENCE_WORDS = new Set(['name', 'names', 'ref', 'refs', 'secrets', 'file', 'path', 'dir', 'enabled']);

/** The words of a name in any case style: `apiKey`, `api_key`, `api-key`, `API_KEY` → api, key. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Whether a field, variable or flag named `name` holds a secret (password, apiKey, client_secret, AUTH_TOKEN, tls.key …). */
export function isSecretName(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0 || REFERENCE_WORDS.has(parts[parts.length - 1]!)) return false;
  if (SECRET_FRAGMENT.test(parts.join(''))) return true;
  if (parts.some((word) => SECRET_WORDS.has(word)) || parts[parts.length - 1] === 'pass') return true;
  // A bare `key` names a key (tolerations, selectors); joined to another word it is key material (apiKey, tls.key, KEY_DATA).
  return parts.length > 1 && parts.some((word) => word === 'key' || word === 'keys');
}

/** In free text a dotted name is a path (`path.to.key`, `driver.token`): its last segment decides. */
function isSecretPath(name: string): boolean {
  return isSecretName(name.slice(name.lastIndexOf('.') + 1));
}

const known = new Set<string>();
/** Shorter values would match ordinary words; text patterns still catch them in their usual places. */
const MIN_KNOWN_LENGTH = 6;

/** Remembers a credential (from a kubeconfig) so that {@link redactText} replaces it wherever it appears. */
export function rememberSecret(value: unknown): void {
  if (typeof value !== 'string') return;
  const trimmed = value.trim();
  if (trimmed.length >= MIN_KNOWN_LENGTH) known.add(trimmed);
}

/** Forgets remembered credentials (tests). */
export function forgetSecrets(): void {
  known.clear();
}

// `scheme://userinfo@` (up to the last @ of the authority).
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]*(?:@[^\s/?#@"'<>]*)*@/gi;
const AUTHORIZATION = /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token|negotiate|digest)\s+)?[^\s"',;]+/gi;
const BEARER = /\b(bearer\s+)[A-Za-z0-9\-._~+/]{8,}=*/gi;
// `--name=value` or `--name value` (the value not a flag or a <placeholder>).
const FLAG = /(^|[\s"'[(,])(--?[A-Za-z][\w.-]*)(=|[ \t]+)("[^"]*"|'[^']*'|(?![-<])[^\s"',;)\]]+)/g;
// `NAME=value` (env assignments, query strings, kernel arguments).
const ASSIGNMENT = /(^|[^\w.-])([A-Za-z_][\w.-]*)=("[^"]*"|'[^']*'|[^\s"',;&]+)/g;
// `key: value` at a line start (YAML-like text), after indentation, a `- ` or an excerpt's `12 |` gutter.
const KEY_LINE = /^([\t >]*(?:\d+\s*\|)?[\t ]*(?:-[\t ]+)?)(["']?)([A-Za-z_][\w.-]*)\2([\t ]*:[\t ]+)(\S.*)$/gm;

/** A URL without userinfo: `https://user:pass@host` → `https://<redacted>@host`. */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, `$1${REDACTED}@`);
}

/** `text` with remembered credentials and secret-shaped values replaced by `<redacted>`. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  out = redactUrlCredentials(out);
  out = out.replace(AUTHORIZATION, `$1${REDACTED}`).replace(BEARER, `$1${REDACTED}`);
  out = out.replace(FLAG, (match, lead: string, flag: string, separator: string) => (isSecretPath(flag) ? `${lead}${flag}${separator}${REDACTED}` : match));
  out = out.replace(ASSIGNMENT, (match, lead: string, name: string) => (isSecretPath(name) ? `${lead}${name}=${REDACTED}` : match));
  out = out.replace(KEY_LINE, (match, lead: string, quote: string, key: string, separator: string) => (isSecretPath(key) ? `${lead}${quote}${key}${quote}${separator}${REDACTED}` : match));
  return out;
}

/** Never print credentials that may be embedded in a URL: userinfo and secret-looking query parameters. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.username || copy.password) {
    copy.username = 'redacted';
    copy.password = '';
  }
  for (const key of [...copy.searchParams.keys()]) {
    if (/token|key|secret|sig|password|credential|auth/i.test(key)) copy.searchParams.set(key, 'redacted');
  }
  return copy.href;
}

/** An args array with the values of secret-shaped flags redacted: `--token=x`, `--password`, `x`. */
function redactArgs(args: readonly unknown[]): unknown[] {
  return args.map((arg, index) => {
    const previous = args[index - 1];
    if (typeof arg === 'string' && typeof previous === 'string' && /^--?[A-Za-z]/.test(previous) && !previous.includes('=') && isSecretName(previous) && !arg.startsWith('-')) return REDACTED;
    return arg;
  });
}

/**
 * A copy of cluster data (a ClusterPolicy spec) with secrets redacted: scalars under
 * secret-shaped keys (booleans, which carry no secret, kept), values of env entries with a
 * secret-shaped name, secret flags in args, and secret-shaped text in every string.
 */
export function redactObject(value: unknown, underSecret = false): unknown {
  if (Array.isArray(value)) return redactArgs(value).map((item) => redactObject(item, underSecret));
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value !== 'object') {
    if (underSecret) return REDACTED;
    return typeof value === 'string' ? redactText(value) : value;
  }
  const object = value as Record<string, unknown>;
  const envSecret = typeof object.name === 'string' && 'value' in object && isSecretName(object.name);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(object)) {
    out[key] = redactObject(child, underSecret || isSecretName(key) || (envSecret && key === 'value'));
  }
  return out;
}

type Scalar = string | number | boolean | null;

/**
 * A reading of node or cluster data (snapshot): secret-shaped text redacted, and the whole
 * value when the last segment of its key names a secret (`net.ipv4.tcp_fastopen_key`, a kernel
 * argument `password=…`); `kernel.keys.maxkeys` is no secret.
 */
export function redactReading(key: string, value: Scalar): Scalar {
  if (value === null || typeof value === 'boolean') return value;
  const last = key.split(/[./]/).filter((part) => part !== '').pop() ?? key;
  if (isSecretName(last)) return REDACTED;
  return typeof value === 'string' ? redactText(value) : value;
}
