/**
 * The canonical form of a Snapshot and its output formats. Whatever produced a snapshot (our
 * collectors, the upstream agent image, a file), it is rendered the same way: measurements in a
 * fixed type order, reading keys sorted, fields in upstream's serialization order, so the same
 * readings always give the same bytes.
 */
import { formatColumns, type OutputFormat } from '../format.js';
import { readingText } from '../constraints/index.js';
import { compareStrings, toJson, toYaml } from '../serialize.js';
import { API_VERSION, type Measurement, type Reading, type Snapshot, type Subtype } from '../documents/types.js';

/** Measurement types in the order we always write them. */
export const MEASUREMENT_ORDER = ['K8s', 'SystemD', 'OS', 'GPU', 'NodeTopology'] as const;

function typeRank(type: string): number {
  const index = (MEASUREMENT_ORDER as readonly string[]).indexOf(type);
  return index < 0 ? MEASUREMENT_ORDER.length : index;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort(compareStrings)) out[key] = record[key]!;
  return out;
}

/** A subtype's name (`subtype`, or the legacy `name` some documents use). */
export function subtypeName(subtype: Subtype): string {
  return subtype.subtype ?? (subtype as { name?: string }).name ?? '';
}

/**
 * The canonical copy of a snapshot: `kind`, `apiVersion`, sorted `metadata`, measurements in
 * MEASUREMENT_ORDER (unknown types after them, by name, stable), subtypes in their given order
 * with sorted `data` and `context`, empty subtype lists and null entries dropped.
 */
export function normalizeSnapshot(snapshot: Snapshot): Snapshot {
  const out: Snapshot = { kind: snapshot.kind || 'Snapshot', apiVersion: snapshot.apiVersion || API_VERSION } as Snapshot;
  if (snapshot.metadata && Object.keys(snapshot.metadata).length) {
    const metadata: Record<string, string> = {};
    for (const [key, value] of Object.entries(snapshot.metadata)) if (value !== null && value !== undefined) metadata[key] = String(value);
    out.metadata = sortedRecord(metadata);
  }
  const measurements = (snapshot.measurements ?? [])
    .filter((m): m is Measurement => m !== null && m !== undefined)
    .map((measurement, position) => ({ measurement, position }))
    .sort((a, b) => typeRank(a.measurement.type) - typeRank(b.measurement.type)
      || (typeRank(a.measurement.type) === MEASUREMENT_ORDER.length ? compareStrings(a.measurement.type, b.measurement.type) : 0)
      || a.position - b.position)
    .map(({ measurement }) => normalizeMeasurement(measurement));
  out.measurements = measurements;
  return out;
}

function normalizeMeasurement(measurement: Measurement): Measurement {
  const out: Measurement = { type: measurement.type };
  const subtypes = (measurement.subtypes ?? []).filter((s): s is Subtype => s !== null && s !== undefined).map((subtype) => {
    const copy: Subtype = { subtype: subtypeName(subtype), data: sortedRecord(subtype.data ?? {}) };
    if (subtype.context && Object.keys(subtype.context).length) copy.context = sortedRecord(subtype.context);
    return copy;
  });
  if (subtypes.length) out.subtypes = subtypes;
  if (measurement.unavailable) {
    out.unavailable = { reason: measurement.unavailable.reason };
    if (measurement.unavailable.subtypes && Object.keys(measurement.unavailable.subtypes).length) {
      out.unavailable.subtypes = sortedRecord(measurement.unavailable.subtypes);
    }
  }
  return out;
}

/**
 * Renders a snapshot (already normalized) as yaml, json or table. `table` is for people: one row
 * per reading (TYPE, SUBTYPE, KEY, VALUE), unavailable sources as rows of their own.
 */
export function renderSnapshot(snapshot: Snapshot, format: OutputFormat): string {
  if (format === 'json') return toJson(snapshot);
  if (format === 'yaml') return toYaml(snapshot);
  return formatSnapshotTable(snapshot);
}

function formatSnapshotTable(snapshot: Snapshot): string {
  const rows: string[][] = [];
  for (const [key, value] of Object.entries(snapshot.metadata ?? {})) rows.push(['metadata', '', key, value]);
  for (const measurement of snapshot.measurements) {
    for (const subtype of measurement.subtypes ?? []) {
      for (const [key, value] of Object.entries(subtype.data ?? {})) rows.push([measurement.type, subtypeName(subtype), key, tableValue(value)]);
    }
    if (measurement.unavailable) {
      const partial = measurement.unavailable.subtypes;
      if (partial && Object.keys(partial).length) {
        for (const [name, reason] of Object.entries(partial)) rows.push([measurement.type, name, '(unavailable)', reason]);
      } else {
        rows.push([measurement.type, '', '(unavailable)', measurement.unavailable.reason]);
      }
    }
  }
  if (rows.length === 0) return '<empty>\n';
  return formatColumns(['TYPE', 'SUBTYPE', 'KEY', 'VALUE'], rows);
}

function tableValue(value: Reading): string {
  return value === null ? '<nil>' : readingText(value);
}
