/**
 * Drift between two snapshots: every reading added, removed or modified, field by field, in the
 * shape of upstream AICR's `aicr diff` result (`changes`, `summary`), so its drift-detection docs
 * read true for us.
 *
 * What never counts as drift: `metadata` (timestamp, version, source node); readings the node
 * changes on its own from one moment to the next (VOLATILE_READINGS: kernel counters, process
 * ids, start times, live resource usage); the runtime part of systemd `Exec*` values (pid, start
 * and stop times, exit status); and the value's kind (`8` and `"8"` are the same reading;
 * values are compared as their canonical text).
 */
import { optionError } from '../errors.js';
import { compareStrings, toJson, toYaml } from '../serialize.js';
import { readingText } from '../constraints/index.js';
import { formatColumns, type OutputFormat } from '../format.js';
import { tableCell } from '../safe-text.js';
import type { Measurement, Reading, Snapshot, Subtype } from '../documents/types.js';
import { MEASUREMENT_ORDER, subtypeName } from './render.js';
import { markdownCellCode } from '../markdown.js';

type ChangeKind = 'added' | 'removed' | 'modified';

interface SnapshotChange {
  kind: ChangeKind;
  /** Always `info` (upstream's only severity). */
  severity: 'info';
  /** `Type.subtype.key`, the constraint path of the reading. */
  path: string;
  type: string;
  subtype: string;
  key: string;
  /** Canonical text in the baseline (absent for `added`). */
  baseline?: string;
  /** Canonical text in the target (absent for `removed`). */
  target?: string;
}

interface SourceNote {
  type: string;
  /** `both`: unavailable in both snapshots, so not compared at all. */
  side: 'baseline' | 'target' | 'both';
  /** Why the source was unavailable on that side (from `unavailable.reason`/`subtypes`). */
  reason: string;
  subtype?: string;
}

export interface SnapshotDiff {
  baselineSource?: string;
  targetSource?: string;
  changes: SnapshotChange[];
  summary: { added: number; removed: number; modified: number; total: number };
  /** Reading keys left out of the comparison because they are volatile. */
  ignored: number;
  /** Sources unavailable in either snapshot: their readings show up as added/removed. */
  unavailable: SourceNote[];
}

export interface DiffOptions {
  /** Compare only these measurement types (`K8s`, `GPU`, …; case-insensitive). */
  types?: readonly string[];
  baselineSource?: string;
  targetSource?: string;
}

/**
 * Readings that change without anyone changing the node, by measurement type. A pattern
 * `*Suffix` matches keys ending in Suffix, `prefix/` keys starting with it, anything else the
 * key exactly.
 */
const VOLATILE_READINGS: Readonly<Record<string, readonly string[]>> = {
  OS: [
    '/proc/sys/fs/dentry-state', '/proc/sys/fs/file-nr', '/proc/sys/fs/inode-nr', '/proc/sys/fs/inode-state',
    '/proc/sys/fs/aio-nr', '/proc/sys/fs/dquot-nr', '/proc/sys/fs/quota/', '/proc/sys/kernel/ns_last_pid', '/proc/sys/kernel/pty/nr',
    '/proc/sys/kernel/random/boot_id', '/proc/sys/kernel/random/entropy_avail', '/proc/sys/kernel/random/uuid',
    '/proc/sys/kernel/perf_event_max_sample_rate',
  ],
  SystemD: [
    '*Timestamp', '*TimestampMonotonic', 'InvocationID', 'MainPID', 'ExecMainPID', 'ControlPID', 'ExecMainCode', 'ExecMainStatus',
    'MemoryCurrent', 'MemoryPeak', 'MemorySwapCurrent', 'MemorySwapPeak', 'MemoryZSwapCurrent', 'MemoryAvailable', 'CPUUsageNSec',
    'TasksCurrent', 'IPIngressBytes', 'IPIngressPackets', 'IPEgressBytes', 'IPEgressPackets', 'IOReadBytes', 'IOReadOperations',
    'IOWriteBytes', 'IOWriteOperations', 'EffectiveCPUs', 'EffectiveMemoryNodes', 'StatusText', 'StatusErrno', 'NRestarts',
  ],
};

/** Whether a reading is volatile (never drift). */
export function isVolatileReading(type: string, key: string): boolean {
  return (VOLATILE_READINGS[type] ?? []).some((pattern) => {
    if (pattern.startsWith('*')) return key.endsWith(pattern.slice(1));
    if (pattern.endsWith('/')) return key.startsWith(pattern);
    return key === pattern;
  });
}

// systemctl prints Exec* commands with their last run: `{ path=… ; argv[]=… ; ignore_errors=no ;
// start_time=[…] ; stop_time=[…] ; pid=1187 ; code=exited ; status=0 }`. Only the command counts.
const EXEC_RUNTIME_FIELDS = /\s*;\s*(start_time=\[[^\]]*\]|stop_time=\[[^\]]*\]|pid=\d+|code=[^;}]*|status=[^;}]*)/g;
// Upstream's D-Bus text form, `[[/usr/bin/containerd [/usr/bin/containerd] false <7 runtime numbers>]]`,
// carries the same runtime state as numbers after the ignore-errors flag.
const EXEC_RUNTIME_NUMBERS = /(\[[^[\]]*\[[^\]]*\] (?:true|false))(?: -?\d+){7}\]/g;

function comparableText(type: string, key: string, value: Reading | undefined): string {
  const text = readingText(value ?? null);
  if (type !== 'SystemD' || !key.startsWith('Exec')) return text;
  return text.replace(EXEC_RUNTIME_FIELDS, '').replace(EXEC_RUNTIME_NUMBERS, '$1]');
}

function typeFilter(types: readonly string[] | undefined): ((type: string) => boolean) {
  if (!types?.length) return () => true;
  const wanted = new Set(types.map((t) => t.toLowerCase()));
  return (type) => wanted.has(type.toLowerCase());
}

interface Indexed {
  measurements: Map<string, Measurement>;
}

function index(snapshot: Snapshot): Indexed {
  const measurements = new Map<string, Measurement>();
  for (const measurement of snapshot.measurements ?? []) {
    if (!measurement) continue;
    const existing = measurements.get(measurement.type);
    // Two measurements of one type (hand-merged files): their subtypes are read together.
    measurements.set(measurement.type, existing ? { ...existing, subtypes: [...(existing.subtypes ?? []), ...(measurement.subtypes ?? [])] } : measurement);
  }
  return { measurements };
}

function subtypeMap(measurement: Measurement | undefined): Map<string, Subtype> {
  const map = new Map<string, Subtype>();
  for (const subtype of measurement?.subtypes ?? []) if (subtype) map.set(subtypeName(subtype), subtype);
  return map;
}

function typeOrder(a: string, b: string): number {
  const rank = (t: string): number => {
    const i = (MEASUREMENT_ORDER as readonly string[]).indexOf(t);
    return i < 0 ? MEASUREMENT_ORDER.length : i;
  };
  return rank(a) - rank(b) || compareStrings(a, b);
}

/** Compares `target` against `baseline`. Changes are sorted by path (upstream's order). */
export function diffSnapshots(baseline: Snapshot, target: Snapshot, options: DiffOptions = {}): SnapshotDiff {
  const include = typeFilter(options.types);
  const base = index(baseline);
  const next = index(target);
  const changes: SnapshotChange[] = [];
  const unavailable: SourceNote[] = [];
  let ignored = 0;
  const types = [...new Set([...base.measurements.keys(), ...next.measurements.keys()])].filter(include).sort(typeOrder);
  for (const type of types) {
    const before = base.measurements.get(type);
    const after = next.measurements.get(type);
    const gaps = (measurement: Measurement | undefined): Map<string, string> => {
      const gap = measurement?.unavailable;
      if (!gap) return new Map();
      return new Map(gap.subtypes && Object.keys(gap.subtypes).length ? Object.entries(gap.subtypes) : [['', gap.reason]]);
    };
    const beforeGaps = gaps(before);
    const afterGaps = gaps(after);
    for (const [subtype, reason] of beforeGaps) {
      const side = afterGaps.has(subtype) ? 'both' : 'baseline';
      unavailable.push(subtype ? { type, side, reason: afterGaps.get(subtype) ?? reason, subtype } : { type, side, reason: afterGaps.get(subtype) ?? reason });
    }
    for (const [subtype, reason] of afterGaps) {
      if (!beforeGaps.has(subtype)) unavailable.push(subtype ? { type, side: 'target', reason, subtype } : { type, side: 'target', reason });
    }
    const beforeSubtypes = subtypeMap(before);
    const afterSubtypes = subtypeMap(after);
    const names = [...new Set([...beforeSubtypes.keys(), ...afterSubtypes.keys()])];
    for (const name of names) {
      const oldData = beforeSubtypes.get(name)?.data ?? {};
      const newData = afterSubtypes.get(name)?.data ?? {};
      const keys = new Set([...Object.keys(oldData), ...Object.keys(newData)]);
      for (const key of keys) {
        if (isVolatileReading(type, key)) {
          ignored++;
          continue;
        }
        const inOld = Object.prototype.hasOwnProperty.call(oldData, key);
        const inNew = Object.prototype.hasOwnProperty.call(newData, key);
        const path = `${type}.${name}.${key}`;
        if (!inOld) {
          changes.push({ kind: 'added', severity: 'info', path, type, subtype: name, key, target: readingText(newData[key] ?? null) });
        } else if (!inNew) {
          changes.push({ kind: 'removed', severity: 'info', path, type, subtype: name, key, baseline: readingText(oldData[key] ?? null) });
        } else if (comparableText(type, key, oldData[key]) !== comparableText(type, key, newData[key])) {
          changes.push({ kind: 'modified', severity: 'info', path, type, subtype: name, key, baseline: readingText(oldData[key] ?? null), target: readingText(newData[key] ?? null) });
        }
      }
    }
  }
  changes.sort((a, b) => compareStrings(a.path, b.path));
  const count = (kind: ChangeKind): number => changes.filter((c) => c.kind === kind).length;
  const result: SnapshotDiff = {
    changes,
    summary: { added: count('added'), removed: count('removed'), modified: count('modified'), total: changes.length },
    ignored,
    unavailable,
  };
  if (options.baselineSource !== undefined) result.baselineSource = options.baselineSource;
  if (options.targetSource !== undefined) result.targetSource = options.targetSource;
  return orderedDiff(result);
}

/** The diff with its fields in a fixed order for serialization. */
function orderedDiff(diff: SnapshotDiff): SnapshotDiff {
  const out: Partial<SnapshotDiff> = {};
  if (diff.baselineSource !== undefined) out.baselineSource = diff.baselineSource;
  if (diff.targetSource !== undefined) out.targetSource = diff.targetSource;
  out.changes = diff.changes.map((c) => {
    const change: SnapshotChange = { kind: c.kind, severity: c.severity, path: c.path, type: c.type, subtype: c.subtype, key: c.key };
    if (c.baseline !== undefined) change.baseline = c.baseline;
    if (c.target !== undefined) change.target = c.target;
    return change;
  });
  out.summary = diff.summary;
  out.ignored = diff.ignored;
  out.unavailable = diff.unavailable;
  return out as SnapshotDiff;
}

export function hasDrift(diff: SnapshotDiff): boolean {
  return diff.summary.total > 0;
}

/** Upstream's human table: a count line, KIND/PATH/BASELINE/TARGET rows, then the verdict. */
export function formatDiffTable(diff: SnapshotDiff): string {
  const lines: string[] = [];
  if (diff.changes.length === 0) {
    lines.push('NO CHANGES');
  } else {
    lines.push(`CHANGES (${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified)`);
    lines.push(formatColumns(['KIND', 'PATH', 'BASELINE', 'TARGET'], diff.changes.map((c) => [c.kind.toUpperCase(), c.path, c.baseline || '-', c.target || '-'])).trimEnd());
  }
  for (const note of diff.unavailable) {
    const where = note.side === 'both' ? 'unavailable in both (not compared)' : `unavailable in ${note.side}`;
    lines.push(tableCell(`${where}: ${note.type}${note.subtype ? `.${note.subtype}` : ''}: ${note.reason}`));
  }
  lines.push('', hasDrift(diff) ? 'DRIFT DETECTED' : 'NO DRIFT');
  return lines.join('\n') + '\n';
}

/** The diff in an output format: yaml and json carry the whole result, table is upstream's layout. */
export function renderDiff(diff: SnapshotDiff, format: OutputFormat): string {
  if (format === 'json') return toJson(diff);
  if (format === 'table') return formatDiffTable(diff);
  return toYaml(diff);
}

const TYPE_NAMES = [...MEASUREMENT_ORDER];
const SOURCE_ALIASES: Record<string, string> = { k8s: 'K8s', systemd: 'SystemD', os: 'OS', gpu: 'GPU', topology: 'NodeTopology' };

/**
 * Measurement types from `--type` values: comma-separated, case-insensitive type names
 * (`K8s`, `NodeTopology`) or source names (`topology`). `input` names the flag or action input.
 */
export function parseMeasurementTypes(values: readonly string[], input = 'type'): string[] {
  const out: string[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const word = raw.trim();
    if (!word) continue;
    const lower = word.toLowerCase();
    const type = TYPE_NAMES.find((t) => t.toLowerCase() === lower) ?? SOURCE_ALIASES[lower];
    if (!type) throw optionError(input, `unknown measurement type "${word}"`, { hint: `use a comma-separated list of: ${TYPE_NAMES.join(', ')}` });
    if (!out.includes(type)) out.push(type);
  }
  return out;
}

/** The drift as Markdown (a job summary or a pull-request comment): a count line and a table. */
export function formatDiffMarkdown(diff: SnapshotDiff): string {
  const lines = ['### AICR snapshot drift', ''];
  if (diff.changes.length === 0) lines.push('**No drift.**');
  else {
    lines.push(`**${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified.**`, '', '| change | reading | before | after |', '| --- | --- | --- | --- |');
    const code = (text: string | undefined) => (text === undefined || text === '' ? '—' : markdownCellCode(text));
    for (const change of diff.changes) lines.push(`| ${change.kind} | ${markdownCellCode(change.path)} | ${code(change.baseline)} | ${code(change.target)} |`);
  }
  return `${lines.join('\n')}\n`;
}
