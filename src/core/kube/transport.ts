/**
 * One HTTP exchange with the API server, bounded in memory and time: the answer is read while
 * counting bytes and abandoned (connection destroyed) as soon as it passes its cap, and an
 * aborted signal ends the exchange at once, whether the headers or the body are still on the
 * way. The caller's signal carries the time limit (per attempt and overall, see retry.ts).
 */
import { request as httpRequest, type Agent, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AicrError, ErrorCode } from '../errors.js';

export interface Exchange {
  url: URL;
  method: string;
  headers: Record<string, string>;
  payload?: Buffer;
  agent?: Agent;
  signal: AbortSignal;
}

/** The error an aborted signal rejects with (its reason; retry.ts tells timeouts from cancellation). */
function aborted(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('the request was aborted'), { name: 'AbortError' });
}

/** A connection cut mid-answer: a network failure (retried), never a truncated body. */
function cutShort(url: URL): Error {
  return Object.assign(new Error(`the connection closed before the answer for ${url.pathname} was complete`), { code: 'ECONNRESET' });
}

/** Sends the request; resolves with the response once its headers arrived. */
export function openExchange(exchange: Exchange): Promise<IncomingMessage> {
  const { url, method, headers, payload, agent, signal } = exchange;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(aborted(signal));
    const req = send(url, { method, headers, ...(agent ? { agent } : {}) });
    const onAbort = (): void => {
      reject(aborted(signal));
      req.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    req.on('response', (res) => {
      signal.removeEventListener('abort', onAbort);
      resolve(res);
    });
    req.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    req.end(payload);
  });
}

/**
 * Follows a response body to its end, handing each chunk to `onChunk` (which may throw to stop);
 * ends on abort, on a cut connection and on the first error, always destroying the response.
 */
function follow(res: IncomingMessage, url: URL, signal: AbortSignal, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (error === undefined) return resolve();
      res.destroy();
      reject(error);
    };
    const onAbort = (): void => settle(aborted(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    res.on('data', (chunk: Buffer) => {
      if (settled) return;
      try {
        onChunk(chunk);
      } catch (error) {
        settle(error);
      }
    });
    res.on('error', (error) => settle(error));
    res.on('end', () => settle());
    res.on('close', () => {
      if (!res.complete) settle(cutShort(url));
    });
  });
}

/**
 * The whole body, at most `maxBytes` of it: a declared or actual length beyond that rejects
 * with `tooLarge(limit)` and drops the connection.
 */
export async function readBody(res: IncomingMessage, url: URL, signal: AbortSignal, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = Number(res.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  await follow(res, url, signal, (chunk) => {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  });
  return Buffer.concat(chunks);
}

/**
 * Newline-delimited lines of an open-ended body (watch events), each handed to `onLine` as it
 * arrives; a line longer than `maxLineBytes` rejects with `tooLong()`. Resolves when the server
 * ends the stream.
 */
export async function readLines(res: IncomingMessage, url: URL, signal: AbortSignal, maxLineBytes: number, onLine: (line: string) => void, tooLong: () => Error): Promise<void> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  await follow(res, url, signal, (chunk) => {
    let start = 0;
    for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
      if (pendingBytes + end - start > maxLineBytes) throw tooLong();
      const line = Buffer.concat([...pending, chunk.subarray(start, end)]).toString('utf8');
      pending = [];
      pendingBytes = 0;
      start = end + 1;
      if (line.trim() !== '') onLine(line);
    }
    if (start < chunk.length) {
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) throw tooLong();
      pending.push(chunk.subarray(start));
    }
  });
}

/** `promise`, or the signal's reason as soon as it aborts (the promise itself runs on, ignored). */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The shape of the client's ApiException, which errors.ts classifies. */
export function httpError(status: number, body: string, headers: Record<string, string | string[] | undefined>): Error {
  const responseHeaders: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (typeof value === 'string') responseHeaders[key] = value;
  return Object.assign(new Error(`HTTP-Code: ${status}`), { code: status, body, headers: responseHeaders });
}

/**
 * An answer past its cap: the server (or something in between) misbehaves, and more of the
 * same will not help, so no retry. Exit 6 (the cluster API cannot be used); readers of user
 * documents (ConfigMaps) turn it into invalid input.
 */
export class ResponseTooLargeError extends AicrError {
  constructor(
    readonly limit: number,
    message: string,
  ) {
    super(ErrorCode.Unavailable, message, { hint: 'the API server (or a proxy in front of it) sent far more than such an answer holds; check the cluster endpoint in the kubeconfig', details: { limit } });
  }
}

export function tooLarge(method: string, url: URL, limit: number, what = 'the answer'): ResponseTooLargeError {
  return new ResponseTooLargeError(limit, `${what} to ${method} ${url.pathname} is larger than ${formatBytes(limit)}: the API server kept sending`);
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
