/**
 * Waiting on the watch API: stream events for a collection (newline-delimited JSON over one
 * long-lived request, each event size-capped by KubeClient.watch), resume from the last
 * resourceVersion when the server closes the stream, re-list when that version is too old
 * (410 Expired), honour Retry-After, and stop as soon as a check says done. No polling. The
 * caller's signal bounds the time: a stream of events that never settle the check ends there.
 */
import type { AicrError } from '../errors.js';
import type { KubeClient } from './client.js';
import { classifyFailure, describeAction, isRetryable, type KubeAction } from './errors.js';
import { trace } from '../trace.js';
import { backoffDelay, cancellation } from './retry.js';

export type WatchObject = Record<string, any>;

export interface WatchUntilOptions<T> {
  client: KubeClient;
  /** For error messages (`watch jobs.batch in namespace …`). */
  action: KubeAction;
  /** Collection path, e.g. `/apis/batch/v1/namespaces/ns/jobs`. */
  path: string;
  fieldSelector?: string;
  labelSelector?: string;
  /** Start after this version (events before it are not replayed). */
  resourceVersion?: string;
  signal?: AbortSignal;
  /** Called with every event (and every object of a re-list as `SYNC`); a value ends the wait. */
  check(type: string, object: WatchObject): T | undefined;
  /** Current state after a 410: the objects and the list's resourceVersion. */
  relist(): Promise<{ items: WatchObject[]; resourceVersion: string }>;
  /** Consecutive failed (re)connects tolerated before giving up (default 6). */
  maxReconnects?: number;
  onReconnect?(reason: string): void;
}

/** Resolves with the first value `check` returns; rejects on cancellation or a lasting failure. */
export function watchUntil<T>(options: WatchUntilOptions<T>): Promise<T> {
  const { client, signal } = options;
  const maxReconnects = options.maxReconnects ?? 6;
  return new Promise<T>((resolve, reject) => {
    let resourceVersion = options.resourceVersion;
    let controller: AbortController | undefined;
    let finished = false;
    let failures = 0;
    let expired = false;
    let streamError: unknown;
    let eventsThisStream = 0;
    let idleCloses = 0;
    let timer: NodeJS.Timeout | undefined;

    const finish = (settle: () => void): void => {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = (): void => finish(() => reject(cancellation(signal!, options.action)));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    const deliver = (type: string, object: WatchObject): void => {
      if (finished) return;
      let result: T | undefined;
      try {
        result = options.check(type, object);
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (result !== undefined) finish(() => resolve(result!));
    };

    const reconnect = (reason: string, error?: unknown): void => {
      if (finished) return;
      const failure = error === undefined ? undefined : classifyFailure(error);
      if (failure !== undefined) {
        if (!isRetryable(failure) || ++failures > maxReconnects) {
          finish(() => reject(client.mapError(error, options.action) as AicrError));
          return;
        }
      }
      options.onReconnect?.(reason);
      // A stream that closes without any event is retried with growing pauses, never in a tight loop.
      if (error === undefined && eventsThisStream === 0) idleCloses++;
      else if (error === undefined) idleCloses = 0;
      let delay = error !== undefined ? backoffDelay(failures - 1, client.retryPolicy) : idleCloses > 0 ? backoffDelay(Math.min(idleCloses - 1, 5), client.retryPolicy) : 0;
      // Throttled: never sooner than the server asked.
      if (failure?.kind === 'http' && failure.retryAfterMs !== undefined) delay = Math.max(delay, failure.retryAfterMs);
      trace(() => `watch ${describeAction(options.action)}: ${reason}; reconnecting in ${delay} ms`);
      timer = setTimeout(() => void start(), delay);
    };

    const start = async (): Promise<void> => {
      if (finished) return;
      if (expired) {
        expired = false;
        try {
          const current = await options.relist();
          resourceVersion = current.resourceVersion;
          for (const item of current.items) deliver('SYNC', item);
        } catch (error) {
          reconnect('re-list failed', error);
          return;
        }
        if (finished) return;
      }
      const query: Record<string, string> = { allowWatchBookmarks: 'true' };
      if (options.fieldSelector) query.fieldSelector = options.fieldSelector;
      if (options.labelSelector) query.labelSelector = options.labelSelector;
      if (resourceVersion) query.resourceVersion = resourceVersion;
      streamError = undefined;
      eventsThisStream = 0;
      controller = new AbortController();
      let failure: unknown;
      try {
        await client.watch(options.path, query, ({ type, object }) => {
          if (finished) return;
          if (type === 'ERROR') {
            if (object?.code === 410) expired = true;
            else streamError = Object.assign(new Error(object?.message ?? 'watch error'), { statusCode: object?.code ?? 500 });
            return;
          }
          if (object?.metadata?.resourceVersion) resourceVersion = object.metadata.resourceVersion;
          failures = 0;
          eventsThisStream++;
          if (type !== 'BOOKMARK') deliver(type, object);
        }, controller.signal);
      } catch (error) {
        failure = error;
      }
      if (finished) return;
      if (expired) reconnect('resourceVersion expired (410): re-listing');
      else if (failure !== undefined) reconnect('watch failed', failure);
      else if (streamError) reconnect('watch error event', streamError);
      else reconnect('the server closed the watch stream');
    };
    void start();
  });
}
