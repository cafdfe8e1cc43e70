/**
 * Constraint evaluation against a Snapshot: measurement paths, expressions and version
 * comparison.
 */
import { invalidInput, notFound, type AicrError } from '../errors.js';
import type { Constraint, Measurement, Reading, Snapshot } from '../documents/types.js';

export const MEASUREMENT_TYPES = ['K8s', 'GPU', 'OS', 'SystemD', 'NodeTopology'] as const;

export type Operator = '>=' | '<=' | '>' | '<' | '==' | '!=' | 'exact';
const OPERATOR_PREFIXES: ReadonlyArray<Exclude<Operator, 'exact'>> = ['>=', '<=', '!=', '==', '>', '<'];

export interface Expression {
  operator: Operator;
  operand: string;
}

/** Splits `>= 1.32.4` into operator and operand; a bare value means exact match. */
export function parseExpression(value: string): Expression {
  const text = value.trim();
  if (text === '') throw invalidInput('constraint expression cannot be empty', { hint: 'write an operator and a value, e.g. ">= 1.30", or a bare value for an exact match' });
  for (const operator of OPERATOR_PREFIXES) {
    if (text.startsWith(operator)) {
      const operand = text.slice(operator.length).trim();
      if (operand === '') throw invalidInput(`constraint value cannot be empty after operator ${operator}`, { hint: `add a value after "${operator}"` });
      return { operator, operand };
    }
  }
  return { operator: 'exact', operand: text };
}

export interface Version {
  parts: number[];
}

/**
 * Parses `v1.33.5-eks-3025e55` as 1.33.5: one leading `v` dropped, anything from the first
 * `-` or `+` after a digit ignored, 1–3 numeric components. Returns undefined when not a version.
 */
export function parseVersion(text: string): Version | undefined {
  let rest = text.trim();
  if (rest.startsWith('v') || rest.startsWith('V')) rest = rest.slice(1);
  const cut = /^[0-9.]*?[0-9](?=[-+])/.exec(rest);
  if (cut) rest = cut[0];
  const pieces = rest.split('.');
  if (pieces.length < 1 || pieces.length > 3) return undefined;
  const parts: number[] = [];
  for (const piece of pieces) {
    if (!/^[0-9]+$/.test(piece)) return undefined;
    parts.push(Number(piece));
  }
  return { parts };
}

/** Compares at the smaller precision of the two: `1.34` equals `1.34.5`. */
export function compareVersions(a: Version, b: Version): number {
  const length = Math.min(a.parts.length, b.parts.length);
  for (let i = 0; i < length; i++) {
    const diff = a.parts[i]! - b.parts[i]!;
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

function looksLikeVersion(text: string): boolean {
  const rest = text.startsWith('v') ? text.slice(1) : text;
  return /[0-9]/.test(rest) && rest.includes('.');
}

/** Canonical text of a reading (numbers in plain decimal). */
export function readingText(value: Reading | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  return String(value);
}

export type PathLookup =
  | { found: true; value: string }
  | { found: false; error: AicrError };

/**
 * Resolves `{Type}.{Subtype}.{Key}` in a snapshot. The key keeps further dots
 * (`OS.sysctl./proc/sys/kernel/osrelease`).
 */
export function lookupPath(snapshot: Snapshot, path: string): PathLookup {
  const first = path.indexOf('.');
  const second = first < 0 ? -1 : path.indexOf('.', first + 1);
  if (first < 0 || second < 0) {
    throw invalidInput(`invalid constraint path "${path}": expected format {Type}.{Subtype}.{Key}`, { hint: 'e.g. K8s.server.version or OS.release.ID' });
  }
  const type = path.slice(0, first);
  const subtypeName = path.slice(first + 1, second);
  const key = path.slice(second + 1);
  if (!(MEASUREMENT_TYPES as readonly string[]).includes(type)) {
    throw invalidInput(`invalid measurement type in constraint path "${path}": ${type}`, { hint: `the type must be one of ${MEASUREMENT_TYPES.join(', ')}` });
  }
  const measurement = snapshot.measurements.find((m): m is Measurement => m !== null && m !== undefined && m.type === type);
  const missing = (message: string): PathLookup => ({ found: false, error: notFound(`value not found in snapshot: [NOT_FOUND] ${message}`) });
  if (!measurement) return missing('measurement type not found in snapshot');
  const subtype = (measurement.subtypes ?? []).find((s) => (s.subtype ?? (s as { name?: string }).name ?? '') === subtypeName);
  if (!subtype) return missing('subtype not found in measurement');
  const data = subtype.data ?? {};
  if (!Object.prototype.hasOwnProperty.call(data, key)) return missing('key not found in subtype');
  return { found: true, value: readingText(data[key]).trim() };
}

export type Outcome = { status: 'passed' | 'failed'; actual: string } | { status: 'error'; actual?: string; message: string };

/** Evaluates an expression against an actual value (no snapshot lookup). */
export function evaluateExpression(expression: Expression, actual: string): Outcome {
  const { operator, operand } = expression;
  const pass = (ok: boolean): Outcome => ({ status: ok ? 'passed' : 'failed', actual });
  switch (operator) {
    case 'exact':
      return pass(actual === operand);
    case '==':
    case '!=': {
      let equal = actual === operand;
      if (looksLikeVersion(operand)) {
        const want = parseVersion(operand);
        const have = parseVersion(actual);
        if (want && have) equal = sameFullPrecision(want, have);
      }
      return pass(operator === '==' ? equal : !equal);
    }
    default: {
      const want = parseVersion(operand);
      if (!want) return { status: 'error', actual, message: `cannot parse expected version "${operand}"` };
      const have = parseVersion(actual);
      if (!have) return { status: 'error', actual, message: `cannot parse actual version "${actual}"` };
      const cmp = compareVersions(have, want);
      return pass(operator === '>=' ? cmp >= 0 : operator === '<=' ? cmp <= 0 : operator === '>' ? cmp > 0 : cmp < 0);
    }
  }
}

/** `==` compares major/minor/patch at full precision (missing parts count as 0). */
function sameFullPrecision(a: Version, b: Version): boolean {
  for (let i = 0; i < 3; i++) if ((a.parts[i] ?? 0) !== (b.parts[i] ?? 0)) return false;
  return true;
}

/** Evaluates one constraint against a snapshot (used by snapshot-mode overlay selection). */
export function evaluateConstraint(constraint: Constraint, snapshot: Snapshot): Outcome {
  let expression: Expression;
  let lookup: PathLookup;
  try {
    expression = parseExpression(constraint.value);
    lookup = lookupPath(snapshot, constraint.name);
  } catch (error) {
    return { status: 'error', message: `[${(error as AicrError).code}] ${(error as Error).message}` };
  }
  if (!lookup.found) return { status: 'error', message: `[${lookup.error.code}] ${lookup.error.message}` };
  return evaluateExpression(expression, lookup.value);
}
