/**
 * The five sources a snapshot measures (k8s, systemd, os, gpu, topology), when one counts as
 * absent, and `require`: absence of a required source fails the run (NOT_FOUND, exit 3), or with
 * the failure's own code when the source was there but refused or failed (a cluster's RBAC
 * denial exits 4, its deadline 5, its outage 6, its throttling 7).
 */
import { AicrError, ErrorCode, optionError } from '../errors.js';
import { readingText } from '../constraints/index.js';
import type { Snapshot } from '../documents/index.js';
import { optionRef } from '../option-refs.js';
import type { CollectorName } from './collector.js';
import { subtypeName } from './render.js';

/** Collector name → the measurement type it produces. */
export const SOURCE_TYPES: Record<CollectorName, string> = {
  k8s: 'K8s',
  systemd: 'SystemD',
  os: 'OS',
  gpu: 'GPU',
  topology: 'NodeTopology',
};

/** Source names in measurement order (for `--require` and reports). */
export const SOURCES: readonly CollectorName[] = ['k8s', 'systemd', 'os', 'gpu', 'topology'];

export interface SourceReport {
  source: CollectorName;
  type: string;
  /** `partial`: some of the measurement's subtypes were unavailable. */
  status: 'collected' | 'partial' | 'unavailable';
  reason?: string;
  subtypes: number;
  readings: number;
  /** Wall time of the collector (reports only; never written into the snapshot). */
  durationMs: number;
  /** Unavailable because the source failed (not absent): the failure's code. */
  code?: ErrorCode;
}

/** Parses `--require` values (`gpu,k8s`, also measurement type names) into source names. */
export function parseRequiredSources(values: readonly string[], input = 'require'): CollectorName[] {
  const out: CollectorName[] = [];
  for (const raw of values.flatMap((value) => value.split(','))) {
    const word = raw.trim().toLowerCase();
    if (word === '') continue;
    const source = (SOURCES as readonly string[]).includes(word)
      ? (word as CollectorName)
      : SOURCES.find((name) => SOURCE_TYPES[name].toLowerCase() === word);
    if (!source) {
      throw optionError(input, `unknown source "${raw.trim()}"`, { hint: `use a comma-separated list of: ${SOURCES.join(', ')}` });
    }
    if (!out.includes(source)) out.push(source);
  }
  return out;
}

/**
 * Why a source counts as absent in a snapshot, or undefined when it was measured. Works on any
 * snapshot, including one written by the upstream agent (which has no `unavailable` fields):
 * GPU needs a `gpu-count` above 0, NodeTopology a `node-count` above 0, the others at least one
 * non-empty subtype.
 */
function absenceReason(snapshot: Snapshot, source: CollectorName): string | undefined {
  const type = SOURCE_TYPES[source];
  const measurement = snapshot.measurements.find((m) => m?.type === type);
  if (!measurement) return `the snapshot has no ${type} measurement`;
  const subtypes = (measurement.subtypes ?? []).filter((s) => s && Object.keys(s.data ?? {}).length > 0);
  if (subtypes.length === 0) return measurement.unavailable?.reason ?? `the ${type} measurement has no readings`;
  if (source === 'gpu') {
    const smi = subtypes.find((s) => subtypeName(s) === 'smi');
    const count = Number(readingText(smi?.data['gpu-count']));
    if (!(count > 0)) return smi?.data['gpu-count'] === undefined ? 'nvidia-smi reported no gpu-count' : 'nvidia-smi reported 0 GPUs';
  }
  if (source === 'topology') {
    const summary = subtypes.find((s) => subtypeName(s) === 'summary');
    const count = Number(readingText(summary?.data['node-count']));
    if (!(count > 0)) return 'the cluster reported no nodes';
  }
  return undefined;
}

/**
 * Throws naming every required source that is absent, with its reason: NOT_FOUND (exit 3), or
 * the code of the first one that failed rather than being absent (from `reports`).
 */
export function checkRequiredSources(snapshot: Snapshot, required: readonly CollectorName[], reports: readonly SourceReport[] = []): void {
  const missing = required.map((source) => ({ source, reason: absenceReason(snapshot, source) })).filter((m): m is { source: CollectorName; reason: string } => m.reason !== undefined);
  if (missing.length === 0) return;
  const failed = missing.map((m) => reports.find((r) => r.source === m.source)?.code).find((code) => code !== undefined);
  throw new AicrError(failed ?? ErrorCode.NotFound, `required source${missing.length > 1 ? 's' : ''} unavailable: ${missing.map((m) => `${m.source} (${m.reason})`).join('; ')}`, {
    hint: failed
      ? `the reason says what the cluster answered: grant the RBAC verb it names, or try again when the cluster is reachable and not throttling; or drop the source from ${optionRef('require')}`
      : `run on a node where these sources exist (GPU: nvidia-smi on PATH; k8s/topology: a kubeconfig or in-cluster service account; systemd: a running systemd), or drop them from ${optionRef('require')}`,
    details: { unavailable: missing },
  });
}

/** Source reports for a snapshot we did not collect ourselves (agent, file). */
export function reportSources(snapshot: Snapshot): SourceReport[] {
  return SOURCES.filter((source) => snapshot.measurements.some((m) => m?.type === SOURCE_TYPES[source])).map((source) => {
    const measurement = snapshot.measurements.find((m) => m?.type === SOURCE_TYPES[source])!;
    const subtypes = measurement.subtypes ?? [];
    const readings = subtypes.reduce((sum, subtype) => sum + Object.keys(subtype.data ?? {}).length, 0);
    const reason = absenceReason(snapshot, source);
    const report: SourceReport = { source, type: SOURCE_TYPES[source], status: reason ? 'unavailable' : measurement.unavailable ? 'partial' : 'collected', subtypes: subtypes.length, readings, durationMs: 0 };
    if (reason) report.reason = reason;
    else if (measurement.unavailable) report.reason = measurement.unavailable.reason;
    return report;
  });
}

