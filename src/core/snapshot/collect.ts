/**
 * Running the collectors: concurrently, each under its own time limit and all under one
 * deadline, into one Snapshot of a fixed, deterministic shape. A source that is absent (no
 * nvidia-smi, no systemd, no cluster) yields no readings, only an `unavailable.reason`.
 */
import { errorMessage } from '../errors.js';
import { redactReading, redactText } from '../redact.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { Measurement, Snapshot } from '../documents/index.js';
import { API_VERSION } from '../documents/types.js';
import { VERSION } from '../version.js';
import type { Collector, CollectorContext, CollectorName, CollectorResult } from './collector.js';
import { normalizeSnapshot, subtypeName } from './render.js';
import { SOURCE_TYPES, SOURCES, type SourceReport } from './sources.js';

/** Per-source time limits (upstream's), each further bounded by the overall deadline. */
const SOURCE_LIMITS_MS: Record<CollectorName, number> = {
  os: 10_000,
  systemd: 10_000,
  gpu: 10_000,
  k8s: 60_000,
  topology: 90_000,
};

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

export interface CollectOptions {
  collectors: readonly Collector[];
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Cancels the whole collection (interrupt). */
  signal?: AbortSignal;
  /** Overall deadline in milliseconds (default 5 min); per-source limits apply within it. */
  timeoutMs?: number;
  /** Overrides of SOURCE_LIMITS_MS (tests). */
  limitsMs?: Partial<Record<CollectorName, number>>;
  /** Writes `metadata.timestamp` (RFC 3339, whole seconds, UTC) from this time. Off by default. */
  timestamp?: Date;
  /** `metadata.version` (default this program's version). */
  version?: string;
}

export interface SnapshotOutcome {
  snapshot: Snapshot;
  sources: SourceReport[];
}

/** `metadata.source-node`: $NODE_NAME, else $KUBERNETES_NODE_NAME, else $HOSTNAME, else "". */
export function sourceNode(env: NodeJS.ProcessEnv): string {
  return env.NODE_NAME || env.KUBERNETES_NODE_NAME || env.HOSTNAME || '';
}

/** RFC 3339 UTC with whole seconds, as upstream writes `metadata.timestamp`. */
function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Runs every collector concurrently and assembles the snapshot. Never throws for a missing or
 * failing source: each becomes an `unavailable` measurement and a warning.
 */
export async function collectSnapshot(options: CollectOptions): Promise<SnapshotOutcome> {
  const logger = options.logger ?? silentLogger;
  const env = options.env ?? process.env;
  const overall = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const overallTimer = setTimeout(() => overall.abort(new Error('deadline')), timeoutMs);
  const onCancel = (): void => overall.abort(options.signal?.reason);
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    const runs = await Promise.all(options.collectors.map(async (collector) => {
      const limit = options.limitsMs?.[collector.name] ?? SOURCE_LIMITS_MS[collector.name];
      const started = performance.now();
      // A source limit at or beyond the overall deadline is left to the deadline itself.
      const result = redactResult(await runCollector(collector, { logger, env, signal: overall.signal }, limit < timeoutMs ? limit : undefined, timeoutMs));
      return { collector, result, durationMs: performance.now() - started };
    }));
    const measurements: Measurement[] = [];
    const sources: SourceReport[] = [];
    for (const { collector, result, durationMs } of runs) {
      const type = SOURCE_TYPES[collector.name];
      if (result.status === 'unavailable') {
        measurements.push({ type, unavailable: { reason: result.reason } });
        sources.push({ source: collector.name, type, status: 'unavailable', reason: result.reason, subtypes: 0, readings: 0, durationMs, ...(result.code ? { code: result.code } : {}) });
        logger.warning(`${type}: unavailable: ${result.reason}`);
        continue;
      }
      for (const measurement of result.measurements) {
        measurements.push(measurement);
        const subtypes = measurement.subtypes ?? [];
        const readings = subtypes.reduce((sum, subtype) => sum + Object.keys(subtype.data ?? {}).length, 0);
        const partial = measurement.unavailable;
        const report: SourceReport = { source: collector.name, type: measurement.type, status: partial ? 'partial' : 'collected', subtypes: subtypes.length, readings, durationMs };
        if (partial) {
          report.reason = partial.subtypes ? Object.entries(partial.subtypes).map(([name, why]) => `${name}: ${why}`).join('; ') : partial.reason;
          logger.warning(`${measurement.type}: ${readings} readings from ${subtypes.map(subtypeName).join(', ')}; unavailable: ${report.reason}`);
        } else {
          logger.info(`${measurement.type}: ${readings} readings from ${subtypes.length} subtype${subtypes.length === 1 ? '' : 's'}`);
        }
        sources.push(report);
      }
    }
    const metadata: Record<string, string> = { 'source-node': sourceNode(env), version: options.version ?? VERSION };
    if (options.timestamp) metadata.timestamp = formatTimestamp(options.timestamp);
    const snapshot = normalizeSnapshot({ kind: 'Snapshot', apiVersion: API_VERSION, metadata, measurements });
    sources.sort((a, b) => SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source));
    return { snapshot, sources };
  } finally {
    clearTimeout(overallTimer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

/** Node and cluster data may carry credentials (URL userinfo, tokens in arguments or reasons): redacted before anything records or prints it. */
function redactResult(result: CollectorResult): CollectorResult {
  if (result.status === 'unavailable') return { status: 'unavailable', reason: redactText(result.reason), ...(result.code ? { code: result.code } : {}) };
  return { status: 'collected', measurements: result.measurements.map(redactMeasurement) };
}

/** A measurement with secret-shaped readings and reasons redacted (also for snapshots an agent wrote). */
export function redactMeasurement(measurement: Measurement): Measurement {
  const out: Measurement = { ...measurement };
  if (measurement.subtypes) {
    out.subtypes = measurement.subtypes.map((subtype) => ({
      ...subtype,
      data: Object.fromEntries(Object.entries(subtype.data ?? {}).map(([key, value]) => [key, redactReading(key, value)])),
    }));
  }
  if (measurement.unavailable) {
    const { reason, subtypes } = measurement.unavailable;
    out.unavailable = { reason: redactText(reason) };
    if (subtypes) out.unavailable.subtypes = Object.fromEntries(Object.entries(subtypes).map(([name, why]) => [name, redactText(why)]));
  }
  return out;
}

/** One collector under its own limit; a throw or an overrun becomes `unavailable`. */
async function runCollector(collector: Collector, context: CollectorContext, limitMs: number | undefined, deadlineMs: number): Promise<CollectorResult> {
  const controller = new AbortController();
  const parent = context.signal;
  let stopped: string | undefined;
  const stop = (reason: string): void => {
    if (stopped) return;
    stopped = reason;
    controller.abort(new Error(reason));
  };
  const onParentAbort = (): void => stop(parent.reason instanceof Error && parent.reason.message === 'deadline'
    ? `the snapshot deadline (${formatDuration(deadlineMs)}) passed before it finished`
    : 'the snapshot was cancelled before it finished');
  if (parent.aborted) onParentAbort();
  parent.addEventListener('abort', onParentAbort, { once: true });
  const timer = limitMs === undefined ? undefined : setTimeout(() => stop(`did not finish within ${formatDuration(limitMs)} (the ${collector.name} source's time limit)`), limitMs);
  try {
    const stoppedResult = new Promise<CollectorResult>((resolve) => {
      controller.signal.addEventListener('abort', () => resolve({ status: 'unavailable', reason: stopped! }), { once: true });
    });
    const collected = (async (): Promise<CollectorResult> => {
      try {
        return await collector.collect({ ...context, signal: controller.signal });
      } catch (error) {
        return { status: 'unavailable', reason: `the ${collector.name} collector failed: ${errorMessage(error)}` };
      }
    })();
    return await Promise.race([collected, stoppedResult]);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  }
}

function formatDuration(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

