/**
 * Bounded retries for Kubernetes requests: exponential backoff with jitter on 429 (never sooner
 * than the server's Retry-After), 5xx, connection resets and per-request timeouts; an overall
 * deadline across attempts and waits; no retry for 4xx input errors, 401/403 or 404.
 */
import { AicrError, ErrorCode } from '../errors.js';
import { trace } from '../trace.js';
import { classifyFailure, describeAction, isRetryable, toKubeError, type FailureKind, type KubeAction, type MapOptions } from './errors.js';

export interface RetryPolicy {
  /** Most attempts, the first included. */
  attempts: number;
  /** Backoff before the second attempt; doubles each time. */
  baseDelayMs: number;
  /** Upper bound of one backoff (Retry-After may ask for longer, within the deadline). */
  maxDelayMs: number;
  /** Time limit of one request. */
  requestTimeoutMs: number;
  /** Time limit of the whole operation, waits included. */
  deadlineMs: number;
}

/**
 * The policy for an operation deadline: each attempt gets a third of it, and the backoff scales
 * with it so that every attempt fits (60 s: 20 s attempts, 250 ms base, 8 s cap).
 */
export function policyForDeadline(deadlineMs: number): RetryPolicy {
  const clamp = (value: number, max: number): number => Math.max(1, Math.min(max, Math.round(value)));
  return {
    attempts: 6,
    baseDelayMs: clamp(deadlineMs / 240, 250),
    maxDelayMs: clamp(deadlineMs / 7.5, 8_000),
    requestTimeoutMs: clamp(deadlineMs / 3, 20_000),
    deadlineMs,
  };
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = policyForDeadline(60_000);

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  failure: FailureKind;
}

export interface RetryOptions {
  action: KubeAction;
  policy?: Partial<RetryPolicy>;
  /** Cancels the operation (interrupt, caller deadline); its reason is rethrown. */
  signal?: AbortSignal;
  map?: MapOptions;
  onRetry?: (info: RetryInfo) => void;
  /** Test seams. */
  random?: () => number;
}

/**
 * Backoff before attempt `retry + 1` (retry counts from 0): "equal jitter", half fixed and half
 * random, so waits grow exponentially but concurrent clients do not retry in lockstep.
 */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The error to throw when `signal` was aborted: its reason when that is an AicrError. */
export function cancellation(signal: AbortSignal, action?: KubeAction): AicrError {
  const reason: unknown = signal.reason;
  if (reason instanceof AicrError) return reason;
  const what = action ? ` while trying to ${describeAction(action)}` : '';
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new AicrError(ErrorCode.Timeout, `the deadline passed${what}`, { cause: reason, hint: 'raise the timeout or check why the cluster is slow' });
  }
  return new AicrError(ErrorCode.Internal, `cancelled${what}${reason instanceof Error ? `: ${reason.message}` : ''}`, { cause: reason });
}

/** A failure in a few words, for debug lines. */
function describeFailure(failure: FailureKind): string {
  switch (failure.kind) {
    case 'http':
      return `HTTP ${failure.status}${failure.reason ? ` ${failure.reason}` : ''}`;
    case 'network':
      return failure.code;
    case 'certificate':
      return `certificate: ${failure.certificate.code}`;
    case 'timeout':
      return failure.message;
    case 'aborted':
      return 'aborted';
    case 'other':
      return failure.message;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Runs `request` until it succeeds, fails for good, or the deadline passes. Each attempt gets its
 * own AbortSignal that fires at the per-request timeout, the deadline, or the caller's signal.
 */
export async function withRetry<T>(request: (signal: AbortSignal) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...(options.policy ?? {}) };
  const random = options.random ?? Math.random;
  const started = Date.now();
  const deadlineAt = started + policy.deadlineMs;
  const outer = options.signal;
  for (let attempt = 1; ; attempt++) {
    if (outer?.aborted) throw cancellation(outer, options.action);
    const remaining = deadlineAt - Date.now();
    if (remaining <= 0) {
      throw new AicrError(ErrorCode.Timeout, `cannot ${describeAction(options.action)}: no answer within the ${seconds(policy.deadlineMs)} deadline (${attempt - 1} attempts)`, {
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
    const onOuterAbort = (): void => controller.abort(outer!.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      return await request(controller.signal);
    } catch (error) {
      if (outer?.aborted) throw cancellation(outer, options.action);
      const failure: FailureKind = timedOut ? { kind: 'timeout', message: `no answer within ${seconds(limit)}` } : classifyFailure(error);
      const mapOptions = { ...(options.map ?? {}), attempts: attempt };
      const fail = (): AicrError =>
        failure.kind === 'timeout'
          ? new AicrError(ErrorCode.Timeout, `cannot ${describeAction(options.action)}: the API server sent ${failure.message}${attempt > 1 ? ` (${attempt} attempts)` : ''}`, {
              cause: error,
              hint: 'the API server is slow or unreachable; try again later',
            })
          : toKubeError(error, options.action, mapOptions);
      if (!isRetryable(failure) || attempt >= policy.attempts) {
        trace(() => `${describeAction(options.action)} failed (${describeFailure(failure)}); ${isRetryable(failure) ? `no attempts left (${attempt})` : 'not retried'}`);
        throw fail();
      }
      let delay = backoffDelay(attempt - 1, policy, random);
      if (failure.kind === 'http' && failure.retryAfterMs !== undefined) delay = Math.max(delay, failure.retryAfterMs);
      if (Date.now() + delay >= deadlineAt) {
        if (failure.kind === 'http' && failure.status === 429 && failure.retryAfterMs !== undefined) {
          throw new AicrError(ErrorCode.RateLimited, `cannot ${describeAction(options.action)}: the API server is throttling requests and asked to retry after ${seconds(failure.retryAfterMs)}, past the ${seconds(policy.deadlineMs)} deadline`, {
            cause: error,
            hint: 'the cluster is busy (API Priority and Fairness); try again later',
          });
        }
        throw fail();
      }
      trace(() => `retrying: ${describeAction(options.action)} failed (${describeFailure(failure)}); attempt ${attempt + 1} of ${policy.attempts} in ${seconds(delay)}`);
      options.onRetry?.({ attempt, delayMs: delay, failure });
      try {
        await sleep(delay, outer);
      } catch {
        throw cancellation(outer!, options.action);
      }
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }
}
