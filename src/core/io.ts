/**
 * Locations documents are read from and written to: a file, `-` (stdin/stdout), an `https://`
 * URL (read only), or a Kubernetes ConfigMap `cm://namespace/name` (the Kubernetes module is
 * loaded only for those, so other commands never pay for a Kubernetes client).
 */
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AicrError, concurrentWrite, ErrorCode, invalidInput, notFound, wrapError } from './errors.js';
import { trackTemporary } from './interrupts.js';
import { MAX_DOCUMENT_BYTES, parseConfigMapUri, type ClaimOptions, type ConfigMapHandler, type FileStamp, type Location, type OutputClaim, type ReadOptions, type WriteOptions } from './location.js';
import { optionLabel } from './option-refs.js';
import { redactUrl, redactUrlCredentials } from './redact.js';
import { REQUEST_TIMEOUT_VARIABLE, requestTimeoutMs } from './request-timeout.js';
import { quoted } from './safe-text.js';
import { certificateFailure, describeCertificateFailure, type CertificateFailure } from './tls.js';
import { trace } from './trace.js';
import { removeStaleTemporaries, temporaryName } from './util/temp-names.js';

// Importers of io.ts keep finding the location types and the cm:// parser here.
export { parseConfigMapUri };
export type { Location, OutputClaim, ReadOptions, WriteOptions };

/**
 * Classifies a location string. `input` is the key of the option it came from (for messages).
 * Only the lower-case `cm://` prefix denotes a ConfigMap; near misses (`cm:ns/name`, `CM://…`,
 * ` cm://…`, `configmap://…`) are refused rather than read as file names.
 */
export function parseLocation(text: string, input = 'location'): Location {
  if (text === '-') return { kind: 'stdio', text: '-' };
  if (text.startsWith('cm://')) return parseConfigMapUri(text, input);
  refuseNearMiss(text, input);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw invalidInput(`${optionLabel(input)}: ${redactUrlCredentials(quoted(text))} is not a valid URL`, { hint: 'use an https:// URL, a file path, - for stdin, or cm://namespace/name' });
    }
    if (url.username || url.password) {
      throw invalidInput(`${optionLabel(input)}: URLs with user:password are not supported: ${redactUrl(url)}`, {
        hint: 'publish the document at a URL without credentials (a token in the URL query is redacted in every message)',
      });
    }
    if (url.protocol === 'artifact:') {
      throw invalidInput(`${optionLabel(input)}: ${quoted(text)} names a GitHub workflow artifact, which only the GitHub actions read`, {
        hint: 'on the command line or in GitLab, download the artifact first and pass its file (GitLab jobs hand files on with needs and artifacts)',
      });
    }
    if (url.protocol !== 'https:') {
      throw invalidInput(`${optionLabel(input)}: ${url.protocol}// URLs are not allowed: ${redactUrl(url)}`, {
        hint: 'use an https:// URL (plain http could be tampered with in transit), a file path, or - for stdin',
      });
    }
    return { kind: 'url', url, text };
  }
  if (text === '') throw invalidInput(`${optionLabel(input)}: the location is empty`, { hint: 'pass a file path, - for stdin, an https:// URL or cm://namespace/name' });
  return { kind: 'file', path: text, text };
}

const CM_HINT = 'a ConfigMap is written cm://<namespace>/<name>, lower-case, with nothing before it (e.g. cm://gpu-ops/aicr-snapshot)';

/**
 * Text that is almost a `cm://` URI (or another location) is refused, not read as a local
 * file name: `cm:ns/name` would otherwise look for a file of that name and fail far from the typo.
 */
function refuseNearMiss(text: string, input: string): void {
  const trimmed = text.trim();
  const fail = (problem: string, hint = CM_HINT): never => {
    throw invalidInput(`${optionLabel(input)}: ${JSON.stringify(text)} ${problem}`, { hint, option: input });
  };
  if (trimmed !== text && (trimmed === '-' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed))) {
    fail('has blanks around it', `remove the blanks${/^cm:/i.test(trimmed) ? `; ${CM_HINT}` : ''}`);
  }
  if (/^cm:\/\//i.test(trimmed)) fail('spells the cm:// scheme in upper case');
  if (/^cm:/i.test(trimmed)) fail('is not a ConfigMap URI: cm: needs two slashes');
  if (/^(config-?maps?|k8s|kube|kubernetes):/i.test(trimmed)) fail('uses a scheme aicr does not know');
}

/** Deadline of an https document read, headers and body together (AICR_REQUEST_TIMEOUT overrides). */
const DEFAULT_URL_TIMEOUT_MS = 30_000;

/** The `cm://` handler lives in the Kubernetes module, imported only when a cm:// location is used. */
async function configMaps(): Promise<ConfigMapHandler> {
  return (await import('./kube/configmap.js')).configMapHandler;
}

export interface ReadResult {
  text: string;
  /** Name to show in messages and to infer the format from (path, URL, or cm:// URI + key). */
  origin: string;
}

/** Reads a location's text, enforcing the size limit before the whole input is buffered. */
export async function readLocation(location: Location, options: ReadOptions = {}): Promise<ReadResult> {
  const result = await readLocationUntraced(location, options);
  trace(() => `${optionLabel(options.input ?? 'input')}: read ${result.origin} (${Buffer.byteLength(result.text)} bytes)`);
  return result;
}

async function readLocationUntraced(location: Location, options: ReadOptions): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  const input = options.input ?? 'input';
  switch (location.kind) {
    case 'stdio':
      return { text: await readStream(options.stdin ?? process.stdin, maxBytes, input, options.signal), origin: '<stdin>' };
    case 'file':
      return { text: readFileLimited(location.path, maxBytes, input), origin: location.path };
    case 'url':
      return { text: await fetchLimited(location.url, maxBytes, input, options.timeoutMs ?? requestTimeoutMs() ?? DEFAULT_URL_TIMEOUT_MS, options.signal), origin: redactUrl(location.url) };
    case 'configmap': {
      const handler = await configMaps();
      const { text, key } = await handler.read(location, options);
      return { text, origin: `${location.text}#${key}` };
    }
  }
}

function readFileLimited(path: string, maxBytes: number, input = 'input'): string {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      throw notFound(`${optionLabel(input)}: file not found: ${path}`, { cause: error, hint: 'check the path (relative paths start at the working directory)' });
    }
    throw wrapError(error, `${optionLabel(input)}: cannot read ${path}`, ErrorCode.InvalidInput);
  }
  if (stats.isDirectory()) throw invalidInput(`${optionLabel(input)}: ${path} is a directory, not a file`, { hint: 'pass the path of a file' });
  // Devices and pipes report no size: refuse them rather than read without a limit (use - for a stream).
  if (!stats.isFile()) throw invalidInput(`${optionLabel(input)}: ${path} is not a regular file`, { hint: 'pass a file, or - to read standard input' });
  if (stats.size > maxBytes) {
    throw invalidInput(`${optionLabel(input)}: ${path} is too large (${stats.size} bytes, limit ${maxBytes} bytes)`, {
      hint: 'pass a smaller document; the limit protects the runner from runaway input',
    });
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw wrapError(error, `${optionLabel(input)}: cannot read ${path}`, ErrorCode.InvalidInput);
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number, input: string, signal?: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const read = async (): Promise<string> => {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buffer.length;
      if (size > maxBytes) throw invalidInput(`${optionLabel(input)}: standard input is too large (more than ${maxBytes} bytes)`, { hint: 'pass a smaller document' });
      chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  };
  if (!signal) return read();
  // An interrupt ends the wait for a writer that never closes standard input.
  return abortable(read(), signal);
}

/** `promise`, or the signal's reason as soon as it is aborted. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * GETs an https document under one deadline for the whole exchange (a server that answers and
 * then drips the body a byte at a time still ends at the deadline: exit 5) and the size limit,
 * checked against Content-Length and again while the body streams in (exit 2). `interrupt`
 * (SIGINT/SIGTERM) ends it with its own reason.
 */
async function fetchLimited(url: URL, maxBytes: number, input: string, timeoutMs: number, interrupt?: AbortSignal): Promise<string> {
  return (await fetchBytes(url, { maxBytes, input, timeoutMs, ...(interrupt ? { interrupt } : {}) })).toString('utf8');
}

export interface FetchBytesOptions {
  maxBytes: number;
  /** Option key or label for messages. */
  input: string;
  timeoutMs: number;
  interrupt?: AbortSignal;
  /** Plain http is accepted when the URL itself says http (a chart repository a recipe names); https never downgrades. */
  allowHttp?: boolean;
  /** What the bytes are, for the size message (default "document"). */
  what?: string;
  /** Request headers (an OCI registry's Accept and Authorization). */
  headers?: Record<string, string>;
  /** Sees a failed response first (status, headers) and may throw its own error instead. */
  onFailure?: (status: number, headers: Headers) => void;
}

/** The `fetchLimited` exchange returning the raw bytes (chart tarballs are binary). */
export async function fetchBytes(url: URL, options: FetchBytesOptions): Promise<Buffer> {
  const { maxBytes, input, timeoutMs, interrupt } = options;
  const what = options.what ?? 'document';
  const shown = redactUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onInterrupt = (): void => controller.abort(interrupt!.reason);
  interrupt?.addEventListener('abort', onInterrupt, { once: true });
  let received = 0;
  const timeout = (stage: string): AicrError =>
    new AicrError(ErrorCode.Timeout, `${optionLabel(input)}: ${shown} ${stage} within ${formatMs(timeoutMs)}`, {
      hint: `the server is slow or stalled; try again later, or raise ${REQUEST_TIMEOUT_VARIABLE} (a duration such as 2m)`,
    });
  try {
    let response: Response;
    try {
      trace(`GET ${shown}`);
      response = await fetch(url, { signal: controller.signal, redirect: 'follow', ...(options.headers ? { headers: options.headers } : {}) });
      trace(() => `GET ${shown} answered HTTP ${response.status}${response.redirected ? ` (redirected to ${redactUrl(new URL(response.url))})` : ''}`);
    } catch (error) {
      trace(() => `GET ${shown} failed: ${errorText(error).replaceAll(url.href, shown)}`);
      if (interrupt?.aborted) throw interrupt.reason;
      if (controller.signal.aborted) throw timeout('did not answer');
      const certificate = certificateFailure(error);
      if (certificate) throw certificateError(certificate, input, shown, error);
      const cause = (error as { cause?: { message?: string; code?: string } }).cause;
      const reason = (cause?.code ?? cause?.message ?? (error as Error).message).replaceAll(url.href, shown);
      throw new AicrError(ErrorCode.Unavailable, `${optionLabel(input)}: cannot fetch ${shown}: ${reason}`, {
        cause: error,
        hint: 'check the URL and the network access of the runner',
      });
    }
    if (response.url && !response.url.startsWith('https:') && !(options.allowHttp && url.protocol === 'http:' && response.url.startsWith('http:'))) {
      await response.body?.cancel().catch(() => {});
      throw invalidInput(`${optionLabel(input)}: ${shown} redirected to a non-https URL`, { hint: 'use a URL that stays on https' });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      options.onFailure?.(response.status, response.headers);
      const code = response.status === 404 ? ErrorCode.NotFound
        : response.status === 401 || response.status === 403 ? ErrorCode.Unauthorized
          : response.status === 429 ? ErrorCode.RateLimited
            : response.status >= 500 ? ErrorCode.Unavailable : ErrorCode.InvalidInput;
      throw new AicrError(code, `${optionLabel(input)}: ${shown} answered HTTP ${response.status}`, { hint: `check the URL and that the ${what} is published there` });
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw invalidInput(`${optionLabel(input)}: ${shown} is too large (${declared} bytes, limit ${maxBytes} bytes)`, { hint: `pass a smaller ${what}` });
    }
    const chunks: Uint8Array[] = [];
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        let next: Awaited<ReturnType<typeof reader.read>>;
        try {
          next = await reader.read();
        } catch (error) {
          if (controller.signal.aborted) throw timeout(`sent ${received} bytes but did not finish`);
          throw new AicrError(ErrorCode.Unavailable, `${optionLabel(input)}: the connection to ${shown} broke after ${received} bytes: ${errorText(error).replaceAll(url.href, shown)}`, {
            cause: error,
            hint: 'try again; check the network access of the runner',
          });
        }
        if (next.done) break;
        received += next.value.byteLength;
        if (received > maxBytes) {
          await reader.cancel().catch(() => {});
          throw invalidInput(`${optionLabel(input)}: ${shown} is too large (more than ${maxBytes} bytes)`, { hint: `pass a smaller ${what}` });
        }
        chunks.push(next.value);
      }
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (interrupt?.aborted) throw interrupt.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    interrupt?.removeEventListener('abort', onInterrupt);
    // Whatever the outcome, nothing of the exchange outlives it.
    controller.abort();
  }
}

/** A URL whose certificate is not trusted: what is wrong with it, and the fix for that problem. */
function certificateError(certificate: CertificateFailure, input: string, shown: string, cause: unknown): AicrError {
  const hint = {
    trust: `if you trust this server, add its certificate authority (a PEM file) to NODE_EXTRA_CA_CERTS; otherwise fetch the document from a server with a publicly trusted certificate`,
    renew: 'the server\'s certificate must be renewed (or the runner\'s clock is wrong); tell whoever runs the server',
    host: 'use the host name the certificate was issued for, or a certificate that names this host',
  }[certificate.fix];
  return new AicrError(ErrorCode.Unavailable, `${optionLabel(input)}: cannot fetch ${shown}: ${describeCertificateFailure(certificate)}`, { cause, hint });
}

function errorText(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Writes text to a location: stdout, an atomically replaced file, or a ConfigMap. */
export async function writeLocation(location: Location, text: string, options: WriteOptions = {}): Promise<void> {
  switch (location.kind) {
    case 'stdio': {
      const stream = options.stdout ?? process.stdout;
      // The stream also emits the failure as an event: listen, or Node ends the process over it.
      const ignore = (): void => {};
      stream.on?.('error', ignore);
      try {
        await new Promise<void>((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
      } catch (error) {
        // The listener stays: the event may come after the callback.
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
          throw new AicrError(ErrorCode.Internal, `${optionLabel(options.input ?? 'output')}: standard output was closed by its reader`, { cause: error, details: { stdoutClosed: true } });
        }
        throw wrapError(error, `${optionLabel(options.input ?? 'output')}: cannot write to standard output`, ErrorCode.Internal);
      }
      stream.off?.('error', ignore);
      return;
    }
    case 'file':
      writeFileAtomic(location.path, text, options.input, 0o644, options.claim?.kind === 'file' ? options.claim : undefined);
      return;
    case 'configmap':
      await (await configMaps()).write(location, text, options);
      trace(() => `${optionLabel(options.input ?? 'output')}: wrote ${location.text} (${Buffer.byteLength(text)} bytes)`);
      return;
    case 'url':
      throw invalidInput(`${optionLabel(options.input ?? 'output')}: cannot write to a URL (${redactUrl(location.url)})`, { hint: 'write to a file, - for stdout, or cm://namespace/name' });
  }
}

/** Whether `error` says the reader of standard output went away (`aicr recipe | head -1`). */
export function isStdoutClosed(error: unknown): boolean {
  return error instanceof AicrError && error.details?.stdoutClosed === true;
}

/** A file's identity now, or null when nothing is (or can be seen) there: the write reports why. */
export function fileStamp(path: string): FileStamp | null {
  let stats;
  try {
    stats = lstatSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return null;
  }
  return stats ? { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeNs: stats.mtimeNs, ctimeNs: stats.ctimeNs } : null;
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/**
 * Claims an output before the run's work: what is there now is what the run may replace. Files
 * and ConfigMaps only (standard output has nothing to claim). Two options naming the same place
 * share one claim, so a run may write the same file twice.
 */
export async function claimOutputs(locations: ReadonlyArray<Location | undefined>, options: ClaimOptions = {}): Promise<(location: Location) => OutputClaim | undefined> {
  const claims = new Map<string, OutputClaim>();
  const keyOf = (location: Location): string | undefined => (location.kind === 'file' ? `file:${resolve(location.path)}` : location.kind === 'configmap' ? location.text : undefined);
  for (const location of locations) {
    const key = location && keyOf(location);
    if (!location || !key || claims.has(key)) continue;
    if (location.kind === 'file') claims.set(key, { kind: 'file', path: location.path, stamp: fileStamp(location.path) });
    else if (location.kind === 'configmap') claims.set(key, await (await configMaps()).claim(location, options));
  }
  return (location) => {
    const key = keyOf(location);
    return key === undefined ? undefined : claims.get(key);
  };
}

function writeDirectly(path: string, data: string | Uint8Array, input: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    writeAll(fd, data);
  } catch (error) {
    throw wrapError(error, `${optionLabel(input)}: cannot write ${path}`, ErrorCode.InvalidInput);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
}

/**
 * Writes a file so readers never see a partial one: write a temporary sibling, then rename it
 * over the target. Parent directories are created. Refuses to replace a directory. No fsync:
 * the rename already hides a write cut short, and surviving a power loss is not worth the
 * milliseconds a CI disk takes to flush (a crashed runner's workspace is gone anyway).
 *
 * With a claim, another writer's file is never replaced: a file absent at the claim is created
 * with link(2), which fails if one appeared (atomic); a file present at the claim is replaced
 * only while it is still that file (identity checked just before the rename).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, input = 'output', mode = 0o644, claim?: OutputClaim & { kind: 'file' }): void {
  const dir = dirname(path);
  let existing;
  try {
    existing = statSync(path, { throwIfNoEntry: false });
    if (existing?.isDirectory()) throw invalidInput(`${optionLabel(input)}: ${path} is a directory`, { hint: 'pass a file path for the output' });
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if (error instanceof AicrError) throw error;
    throw wrapError(error, `${optionLabel(input)}: cannot create the directory for ${path}`, ErrorCode.InvalidInput);
  }
  // A device or a pipe (/dev/stdout, /dev/null, a FIFO) is written to, never replaced by a file.
  if (existing && !existing.isFile()) {
    writeDirectly(path, data, input);
    return;
  }
  removeStaleTemporaries(dir, basename(path));
  const temp = join(dir, temporaryName(basename(path), 'tmp'));
  const untrack = trackTemporary(temp);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    writeAll(fd, data);
    closeSync(fd);
    fd = undefined;
    placeFile(temp, path, input, claim);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (error instanceof AicrError) throw error;
    throw wrapError(error, `${optionLabel(input)}: cannot write ${path}`, ErrorCode.InvalidInput);
  } finally {
    rmSync(temp, { force: true });
    untrack();
  }
  if (claim) claim.stamp = fileStamp(path);
  trace(() => `${optionLabel(input)}: wrote ${path} (${typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength} bytes)`);
}

/** Puts the written temporary file at `path`, honouring the claim. */
function placeFile(temp: string, path: string, input: string, claim: (OutputClaim & { kind: 'file' }) | undefined): void {
  if (!claim) {
    renameSync(temp, path);
    return;
  }
  const now = fileStamp(path);
  if (now && (claim.stamp === null || !sameStamp(now, claim.stamp))) throw concurrentWrite(input, path);
  if (now) {
    renameSync(temp, path);
    return;
  }
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw concurrentWrite(input, path);
    // File systems without hard links: check, then rename (a narrow window instead of none).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (fileStamp(path)) throw concurrentWrite(input, path);
    renameSync(temp, path);
  }
}
