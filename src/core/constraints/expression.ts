/** Constraint expressions: `>= 1.32.4`, `!= rhel`, or a bare value for an exact match. */
import { invalidInput } from '../errors.js';
import { compareVersions, looksLikeVersion, parseVersion, versionsEqual, type Version, type VersionParse } from './version.js';

type Operator = '>=' | '<=' | '>' | '<' | '==' | '!=' | 'exact';
const OPERATORS: ReadonlyArray<Exclude<Operator, 'exact'>> = ['>=', '<=', '!=', '==', '>', '<'];
const ORDERING = new Set<Operator>(['>=', '<=', '>', '<']);

export interface Expression {
  operator: Operator;
  operand: string;
  /** Parsed operand for ordering operators and version-like `==`/`!=` operands. */
  version?: Version;
}

/**
 * Splits `>= 1.32.4` into operator and operand (upstream rules: the first of `>=`, `<=`, `!=`,
 * `==`, `>`, `<` that prefixes the trimmed text; no operator means exact match). Throws for an
 * empty expression or an operator without operand.
 */
export function parseExpression(value: string): Expression {
  const text = value.trim();
  if (text === '') throw invalidInput('constraint expression cannot be empty', { hint: 'write an operator and a value, e.g. ">= 1.30", or a bare value for an exact match' });
  for (const operator of OPERATORS) {
    if (text.startsWith(operator)) {
      const operand = text.slice(operator.length).trim();
      if (operand === '') throw invalidInput(`constraint value cannot be empty after operator ${operator}`, { hint: `add a value after "${operator}"` });
      return withVersion({ operator, operand });
    }
  }
  return { operator: 'exact', operand: text };
}

function withVersion(expression: Expression): Expression {
  if (ORDERING.has(expression.operator) || looksLikeVersion(expression.operand)) {
    const parsed = parseVersion(expression.operand);
    if (parsed.ok) expression.version = parsed.version;
  }
  return expression;
}

/**
 * Problems that make an expression malformed for `aicr validate` (stricter than upstream, which
 * turns these into silent mismatches or skips): an operator-like prefix that is no operator
 * (`=>`, `=`, `~`, `^`, `!`, `>==`, `<>`, `===`) and an ordering operator whose operand is not
 * a version. Returns undefined for a well-formed expression.
 */
export function expressionProblem(expression: Expression, raw: string): { message: string; hint: string } | undefined {
  const text = raw.trim();
  const { operator, operand } = expression;
  const unknownPrefix = /^(?:[~^]|=(?!=)|!(?!=))/.test(text);
  const doubled = operator !== 'exact' && (ORDERING.has(operator) ? /^[=<>!]/ : /^=/).test(operand);
  if (unknownPrefix || doubled) {
    const shown = /^[=<>!~^]+/.exec(text)?.[0] ?? text;
    return {
      message: `unknown operator "${shown}" in "${text}"`,
      hint: 'use one of >=, <=, >, <, ==, != or a bare value for an exact match; to match text that starts with such a character write "== <text>"',
    };
  }
  if (ORDERING.has(operator) && !expression.version) {
    const parsed = parseVersion(operand);
    const reason = parsed.ok ? '' : parsed.reason;
    return {
      message: `"${operand}" is not a version, but ${operator} compares versions (${reason})`,
      hint: 'write a version such as 1.32.4, v1.30 or 6.8, or use == / != / a bare value to compare text',
    };
  }
  return undefined;
}

export type Comparison = { ok: true; pass: boolean } | { ok: false; reason: string };

/**
 * Evaluates an expression against an actual value (already trimmed). Exact match is
 * case-sensitive text equality; `==`/`!=` compare versions when the operand looks like one
 * and both sides parse, text otherwise; ordering operators need versions on both sides.
 * `versions` caches parsed actual values across calls (one evaluation run).
 */
export function compare(expression: Expression, actual: string, versions?: Map<string, VersionParse>): Comparison {
  const parseActual = (): VersionParse => {
    if (!versions) return parseVersion(actual);
    let parsed = versions.get(actual);
    if (parsed === undefined) {
      parsed = parseVersion(actual);
      versions.set(actual, parsed);
    }
    return parsed;
  };
  const { operator, operand } = expression;
  switch (operator) {
    case 'exact':
      return { ok: true, pass: actual === operand };
    case '==':
    case '!=': {
      let equal = actual === operand;
      if (expression.version) {
        const have = parseActual();
        if (have.ok) equal = versionsEqual(expression.version, have.version);
      }
      return { ok: true, pass: operator === '==' ? equal : !equal };
    }
    default: {
      const want = expression.version;
      if (!want) {
        const parsed = parseVersion(operand);
        return { ok: false, reason: `cannot parse expected version: ${parsed.ok ? operand : parsed.reason}` };
      }
      const have = parseActual();
      if (!have.ok) return { ok: false, reason: `cannot parse actual version: ${have.reason}` };
      const order = compareVersions(have.version, want);
      const pass = operator === '>=' ? order >= 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order < 0;
      return { ok: true, pass };
    }
  }
}
