/**
 * Constraint paths `{Type}.{Subtype}.{Key}` and their resolution in a Snapshot.
 *
 * Upstream splits at the first two dots, so subtypes with dots (systemd units such as
 * `containerd.service`) cannot be addressed. Here a path may also name its subtype in
 * brackets, `SystemD[containerd.service].ActiveState`, and a plain dotted path is resolved by
 * trying every split of `{Subtype}.{Key}` at a dot: the split whose subtype exists and holds
 * the key wins; when several do, the path is ambiguous and must use the bracket form.
 */
import { invalidInput } from '../errors.js';
import { readingText } from '../documents/reading-text.js';
import type { Measurement, Reading, Snapshot } from '../documents/types.js';

export { readingText };

const MEASUREMENT_TYPES = ['K8s', 'GPU', 'OS', 'SystemD', 'NodeTopology'] as const;
const TYPES: ReadonlySet<string> = new Set(MEASUREMENT_TYPES);

export interface ConstraintPath {
  text: string;
  type: string;
  /** Candidate (subtype, key) splits in upstream order (shortest subtype first). */
  splits: ReadonlyArray<{ subtype: string; key: string }>;
  /** True for the bracket form: exactly one split, no search. */
  explicit: boolean;
}

const PATH_HINT = 'write {Type}.{Subtype}.{Key}, e.g. K8s.server.version or OS.sysctl./proc/sys/kernel/osrelease; for a subtype with dots use SystemD[containerd.service].ActiveState';

/** Longest constraint path and most dots in one: each dot is a split to try, each try hashes the path. */
const MAX_PATH_LENGTH = 1024;
const MAX_PATH_DOTS = 64;

/** Parses a constraint path; throws INVALID_REQUEST for a malformed one. */
export function parseConstraintPath(path: string): ConstraintPath {
  const dots = path.split('.').length - 1;
  if (path.length > MAX_PATH_LENGTH || dots > MAX_PATH_DOTS) {
    throw invalidInput(`invalid constraint path "${path.slice(0, 60)}…": ${path.length} characters and ${dots} dots, more than ${MAX_PATH_LENGTH} characters or ${MAX_PATH_DOTS} dots`, { hint: PATH_HINT });
  }
  const bracket = path.indexOf('[');
  const firstDot = path.indexOf('.');
  if (bracket > 0 && (firstDot < 0 || bracket < firstDot)) {
    const type = path.slice(0, bracket);
    const close = path.indexOf('].', bracket);
    const subtype = close < 0 ? '' : path.slice(bracket + 1, close);
    const key = close < 0 ? '' : path.slice(close + 2);
    if (close < 0 || subtype === '' || key === '' || subtype.includes(']')) {
      throw invalidInput(`invalid constraint path "${path}": expected format {Type}[{Subtype}].{Key}`, { hint: PATH_HINT });
    }
    checkType(path, type);
    return { text: path, type, splits: [{ subtype, key }], explicit: true };
  }
  const secondDot = firstDot < 0 ? -1 : path.indexOf('.', firstDot + 1);
  if (firstDot < 0 || secondDot < 0) {
    throw invalidInput(`invalid constraint path "${path}": expected format {Type}.{Subtype}.{Key}`, { hint: PATH_HINT });
  }
  const type = path.slice(0, firstDot);
  checkType(path, type);
  const rest = path.slice(firstDot + 1);
  const splits: Array<{ subtype: string; key: string }> = [];
  for (let dot = rest.indexOf('.'); dot >= 0; dot = rest.indexOf('.', dot + 1)) {
    const subtype = rest.slice(0, dot);
    const key = rest.slice(dot + 1);
    if (subtype !== '' && key !== '') splits.push({ subtype, key });
  }
  if (splits.length === 0 || rest.startsWith('.')) {
    throw invalidInput(`invalid constraint path "${path}": the subtype and key must not be empty`, { hint: PATH_HINT });
  }
  return { text: path, type, splits, explicit: false };
}

function checkType(path: string, type: string): void {
  if (!TYPES.has(type)) {
    throw invalidInput(`invalid measurement type in constraint path "${path}": ${type}`, {
      hint: `the type must be one of ${MEASUREMENT_TYPES.join(', ')} (case-sensitive)`,
    });
  }
}

/** Text of a reading as constraints see it; `null` means the reading has no value. */
export type ReadingText = (reading: Reading, where: ReadingPosition) => string | null;

interface ReadingPosition {
  measurement: number;
  subtype: number;
  key: string;
}

const defaultText: ReadingText = (reading) => (reading === null || reading === undefined ? null : readingText(reading));

interface SubtypeEntry {
  index: number;
  data: Record<string, Reading>;
  /** Reading texts already computed (a reading is often constrained more than once). */
  texts?: Map<string, string | null>;
}

interface MeasurementEntry {
  index: number;
  measurement: Measurement;
  subtypes: Map<string, SubtypeEntry>;
}

export type Resolution =
  | { found: true; value: string; subtype: string; key: string }
  | {
      found: false;
      /** Which part is missing (`null` means the key exists but has no value). */
      missing: 'type' | 'subtype' | 'key' | 'null' | 'ambiguous';
      /** Human-readable reason naming the missing part. */
      reason: string;
      subtype?: string;
      key?: string;
    };

/**
 * A Snapshot indexed for constraint lookups: the first measurement of each type and, in it,
 * the first subtype of each name (upstream's rule), so each lookup costs a few map reads.
 */
export class SnapshotIndex {
  private readonly types = new Map<string, MeasurementEntry>();

  constructor(
    snapshot: Snapshot,
    private readonly textOf: ReadingText = defaultText,
  ) {
    (snapshot.measurements ?? []).forEach((measurement, index) => {
      if (!measurement || this.types.has(measurement.type)) return;
      const subtypes = new Map<string, SubtypeEntry>();
      (measurement.subtypes ?? []).forEach((subtype, subtypeIndex) => {
        if (!subtype) return;
        // Leniency (A.1): documents that name subtypes with `name:` are read too.
        const name = subtype.subtype ?? (subtype as { name?: string }).name ?? '';
        if (!subtypes.has(name)) subtypes.set(name, { index: subtypeIndex, data: subtype.data ?? {} });
      });
      this.types.set(measurement.type, { index, measurement, subtypes });
    });
  }

  /** Looks a parsed path up; never throws. Allocation-light: it runs once per constraint. */
  resolve(path: ConstraintPath): Resolution {
    const entry = this.types.get(path.type);
    if (!entry) return { found: false, missing: 'type', reason: `measurement type ${path.type} not found in the snapshot` };
    const splits = path.splits;
    let match: SubtypeEntry | undefined;
    let matchSplit: { subtype: string; key: string } | undefined;
    let matches = 0;
    let existing: { subtype: string; key: string } | undefined;
    for (let i = 0; i < splits.length; i++) {
      const split = splits[i]!;
      const at = entry.subtypes.get(split.subtype);
      if (at === undefined) continue;
      existing ??= split;
      if (Object.prototype.hasOwnProperty.call(at.data, split.key)) {
        matches++;
        if (match === undefined) {
          match = at;
          matchSplit = split;
        }
      }
    }
    if (matches > 1) {
      const options = splits
        .filter((split) => {
          const at = entry.subtypes.get(split.subtype);
          return at !== undefined && Object.prototype.hasOwnProperty.call(at.data, split.key);
        })
        .map((split) => `${path.type}[${split.subtype}].${split.key}`)
        .join(' or ');
      return { found: false, missing: 'ambiguous', reason: `path is ambiguous in this snapshot: it matches ${options}; write one of these bracket forms` };
    }
    if (match === undefined || matchSplit === undefined) {
      const unavailable = entry.measurement.unavailable?.reason;
      const because = unavailable ? ` (the ${path.type} measurement was unavailable: ${unavailable})` : '';
      if (existing) {
        return { found: false, missing: 'key', reason: `key "${existing.key}" not found in ${path.type} subtype "${existing.subtype}"${because}`, subtype: existing.subtype, key: existing.key };
      }
      const names = path.explicit || splits.length === 1 ? `"${splits[0]!.subtype}"` : splits.map((split) => `"${split.subtype}"`).join(' or ');
      return { found: false, missing: 'subtype', reason: `subtype ${names} not found in the ${path.type} measurement${because}` };
    }
    const text = this.text(entry, match, matchSplit.key);
    if (text === null) {
      return { found: false, missing: 'null', reason: `${path.type}[${matchSplit.subtype}].${matchSplit.key} has no value (null) in the snapshot`, subtype: matchSplit.subtype, key: matchSplit.key };
    }
    return { found: true, value: text, subtype: matchSplit.subtype, key: matchSplit.key };
  }

  /** The trimmed text of a reading, computed once per reading. */
  private text(entry: MeasurementEntry, at: SubtypeEntry, key: string): string | null {
    const texts = (at.texts ??= new Map());
    let text = texts.get(key);
    if (text === undefined) {
      const raw = this.textOf(at.data[key]!, { measurement: entry.index, subtype: at.index, key });
      text = raw === null ? null : raw.trim();
      texts.set(key, text);
    }
    return text;
  }
}

/** Upstream's error text for a missing value (kept byte-identical for recipe snapshot mode). */
export function upstreamNotFoundText(resolution: Extract<Resolution, { found: false }>): string {
  switch (resolution.missing) {
    case 'type':
      return 'measurement type not found in snapshot';
    case 'subtype':
      return 'subtype not found in measurement';
    default:
      return 'key not found in subtype';
  }
}

