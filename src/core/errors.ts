/**
 * Structured errors shared by every stage and front door.
 *
 * Each error carries a code from a fixed set; every code maps to one documented exit code.
 * Unlike upstream AICR, wrapping an error never hides its code: a wrapper only adds context to
 * the message, so "not found" deep inside a build still exits 3.
 */
import { flagNamer, optionLabel, optionRef, renderOptionRefs, type OptionNamer } from './option-refs.js';
import { redactText } from './redact.js';

export const ErrorCode = {
  InvalidInput: 'INVALID_REQUEST',
  NotFound: 'NOT_FOUND',
  Unauthorized: 'UNAUTHORIZED',
  Timeout: 'TIMEOUT',
  Unavailable: 'SERVICE_UNAVAILABLE',
  RateLimited: 'RATE_LIMIT_EXCEEDED',
  Internal: 'INTERNAL',
  /** SIGINT or SIGTERM ended the run; the exit code is the shell's 128 + signal number. */
  Interrupted: 'INTERRUPTED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Process exit codes. 0–8 follow upstream AICR's table; 10–12 are outcomes of a successful run
 * that the caller asked to treat as failure (failed constraints, drift, checksum mismatch).
 */
export const ExitCode = {
  Success: 0,
  Unexpected: 1,
  InvalidInput: 2,
  NotFound: 3,
  Unauthorized: 4,
  Timeout: 5,
  Unavailable: 6,
  RateLimited: 7,
  Internal: 8,
  ConstraintsFailed: 10,
  DriftDetected: 11,
  VerificationFailed: 12,
  /** SIGINT (128 + 2, as a shell reports a process it interrupted). */
  Interrupted: 130,
  /** SIGTERM (128 + 15). */
  Terminated: 143,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const exitCodeByErrorCode: Record<Exclude<ErrorCode, 'INTERRUPTED'>, ExitCode> = {
  INVALID_REQUEST: ExitCode.InvalidInput,
  NOT_FOUND: ExitCode.NotFound,
  UNAUTHORIZED: ExitCode.Unauthorized,
  TIMEOUT: ExitCode.Timeout,
  SERVICE_UNAVAILABLE: ExitCode.Unavailable,
  RATE_LIMIT_EXCEEDED: ExitCode.RateLimited,
  INTERNAL: ExitCode.Internal,
};

/** Rows of the documented exit-code table (README, `aicr --help`, action summaries). */
export const EXIT_CODE_TABLE: ReadonlyArray<{ code: number; name: string; meaning: string }> = [
  { code: 0, name: 'success', meaning: 'the command did what was asked' },
  { code: 1, name: 'unexpected', meaning: 'an unexpected failure (a bug): please report it' },
  { code: 2, name: 'invalid input', meaning: 'a flag, input, file or document is malformed or not allowed' },
  { code: 3, name: 'not found', meaning: 'a named file, recipe, component, ConfigMap or key does not exist, or a required snapshot source is absent' },
  { code: 4, name: 'unauthorized', meaning: 'the cluster refused the request (authentication or RBAC)' },
  { code: 5, name: 'timeout', meaning: 'an operation did not finish before its deadline' },
  { code: 6, name: 'unavailable', meaning: 'a remote service (cluster API, URL) could not be reached, or its TLS certificate is not trusted (not retried)' },
  { code: 7, name: 'rate limited', meaning: 'a remote service kept answering 429 after retries' },
  { code: 8, name: 'internal', meaning: 'an internal failure while producing an artifact' },
  { code: 10, name: 'constraints failed', meaning: 'validate: at least one constraint or live check failed' },
  { code: 11, name: 'drift detected', meaning: 'diff --fail-on-drift: the two snapshots, recipes or bundles differ' },
  { code: 12, name: 'verification failed', meaning: 'verify: a bundle file is modified, missing or unlisted' },
  { code: 130, name: 'interrupted', meaning: 'SIGINT (Ctrl-C, a cancelled job) stopped the run; temporary files were removed' },
  { code: 143, name: 'terminated', meaning: 'SIGTERM (a cancelled or timed-out job) stopped the run; temporary files were removed' },
];

/** Where in an input document an error was found. */
export interface SourceLocation {
  /** File path, URL or `cm://` URI as the user gave it. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Path inside the document, e.g. `spec.componentRefs[2].name`. */
  path?: string;
}

export interface AicrErrorOptions {
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
  location?: SourceLocation;
  /** Extra structured facts (requested value, allowed values, …) for machine consumers. */
  details?: Record<string, unknown>;
  /** Key of the option whose value is at fault (its door spelling is rendered on output). */
  option?: string;
}

export class AicrError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly location?: SourceLocation;
  readonly details?: Record<string, unknown>;
  readonly option?: string;

  constructor(code: ErrorCode, message: string, options: AicrErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AicrError';
    this.code = code;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.location !== undefined) this.location = options.location;
    if (options.details !== undefined) this.details = options.details;
    if (options.option !== undefined) this.option = options.option;
  }

  get exitCode(): ExitCode {
    if (this.code === ErrorCode.Interrupted) return this.details?.signal === 'SIGTERM' ? ExitCode.Terminated : ExitCode.Interrupted;
    return exitCodeByErrorCode[this.code];
  }
}

export const invalidInput = (message: string, options?: AicrErrorOptions): AicrError =>
  new AicrError(ErrorCode.InvalidInput, message, options);
export const notFound = (message: string, options?: AicrErrorOptions): AicrError =>
  new AicrError(ErrorCode.NotFound, message, options);
export const internalError = (message: string, options?: AicrErrorOptions): AicrError =>
  new AicrError(ErrorCode.Internal, message, options);

/** The run was stopped by SIGINT or SIGTERM (exit 130 or 143). */
export const interrupted = (signal: 'SIGINT' | 'SIGTERM', hint = 'nothing half-written was left behind; run the command again to finish'): AicrError =>
  new AicrError(ErrorCode.Interrupted, `interrupted by ${signal}`, { hint, details: { signal } });

/** An output another writer finished while this run was working (exit 2): it is kept, not replaced. */
export const concurrentWrite = (input: string, what: string): AicrError =>
  invalidInput(`${optionLabel(input)}: ${what} was written by another process while this run was working, so this run left it as it is and wrote nothing there`, {
    hint: 'give each concurrent job its own output (or run them one after another), then run this one again',
  });

/**
 * An invalid value of one option: the message starts with a reference to the option, which each
 * door prints in its own spelling (`--output: …`, `input "output": …`).
 */
export const optionError = (key: string, message: string, options: Omit<AicrErrorOptions, 'option'> = {}): AicrError =>
  new AicrError(ErrorCode.InvalidInput, `${optionRef(key)}: ${message}`, { ...options, option: key });

/**
 * Adds context to an error. The result keeps the inner error's code, hint and location (so the
 * exit code survives any number of wrappers); a non-AICR cause gets `fallback`.
 */
export function wrapError(error: unknown, context: string, fallback: ErrorCode = ErrorCode.Internal): AicrError {
  const inner = error instanceof AicrError ? error : undefined;
  const code = inner?.code ?? classifyForeignError(error) ?? fallback;
  const options: AicrErrorOptions = { cause: error };
  if (inner?.hint !== undefined) options.hint = inner.hint;
  if (inner?.location !== undefined) options.location = inner.location;
  if (inner?.details !== undefined) options.details = inner.details;
  if (inner?.option !== undefined) options.option = inner.option;
  if (options.hint === undefined && isDiskFull(error)) options.hint = 'the file system is full (or over quota): free space or write elsewhere, then run again';
  return new AicrError(code, `${context}: ${errorMessage(error)}`, options);
}

/** A write failed for lack of space: the disk (or the user's quota, or the file size limit) is full. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
}

/** Maps well-known Node.js system errors to a code; undefined when nothing fits. */
function classifyForeignError(error: unknown): ErrorCode | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return ErrorCode.NotFound;
    case 'EACCES':
    case 'EPERM':
    case 'EISDIR':
    case 'ENOTDIR':
    case 'ELOOP':
    case 'EROFS':
      return ErrorCode.InvalidInput;
    // A full disk is no fault of the input: the artifact could not be produced (exit 8).
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return ErrorCode.Internal;
    case 'ETIMEDOUT':
      return ErrorCode.Timeout;
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return ErrorCode.Unavailable;
    default:
      return undefined;
  }
}

/** The message of any thrown value, never `[object Object]`. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Exit code for any thrown value: the error's own code, 1 for anything unexpected. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof AicrError) return error.exitCode;
  const classified = classifyForeignError(error);
  return classified === undefined ? ExitCode.Unexpected : exitCodeByErrorCode[classified as Exclude<ErrorCode, 'INTERRUPTED'>];
}

/**
 * `[CODE] message` and its hint, with option references in the door's spelling. Whatever a
 * message picked up on its way (a library quoting a kubeconfig, a server echoing a header),
 * secrets are redacted here, where every door formats its errors.
 */
export function formatError(error: unknown, namer: OptionNamer = flagNamer): string {
  if (error instanceof AicrError) {
    const where = error.location ? formatLocation(error.location) : '';
    // Messages that already name the file keep their own wording.
    const named = error.location ? error.message.includes(error.location.file) : true;
    const lines = [`[${error.code}] ${where && !named ? `${where}: ` : ''}${renderOptionRefs(error.message, namer)}`];
    if (error.hint) lines.push(`hint: ${renderOptionRefs(error.hint, namer)}`);
    return redactText(lines.join('\n'));
  }
  return redactText(renderOptionRefs(errorMessage(error), namer));
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}
