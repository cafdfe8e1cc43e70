/**
 * Constraint evaluation against a Snapshot: measurement paths, expressions and version
 * comparison. `aicr validate` uses the parts directly (strict checks, skip reasons); recipe
 * snapshot mode uses {@link evaluateConstraint}, which keeps upstream's outcome and texts.
 */
import { notFound, type AicrError } from '../errors.js';
import type { Constraint, Snapshot } from '../documents/types.js';
import { compare, parseExpression, type Expression } from './expression.js';
import { parseConstraintPath, readingText, SnapshotIndex, upstreamNotFoundText } from './path.js';

export * from './version.js';
export * from './expression.js';
export * from './path.js';

export type PathLookup =
  | { found: true; value: string }
  | { found: false; error: AicrError };

// Recipe snapshot mode evaluates a handful of overlay constraints against one snapshot: index
// it once. Null readings read as empty text there, as before.
const recipeIndexes = new WeakMap<Snapshot, SnapshotIndex>();
function recipeIndex(snapshot: Snapshot): SnapshotIndex {
  let index = recipeIndexes.get(snapshot);
  if (!index) {
    index = new SnapshotIndex(snapshot, (reading) => readingText(reading));
    recipeIndexes.set(snapshot, index);
  }
  return index;
}

/**
 * Resolves `{Type}.{Subtype}.{Key}` (or `{Type}[{Subtype}].{Key}`) in a snapshot. Throws for a
 * malformed path; a missing value is reported with upstream's NOT_FOUND text.
 */
export function lookupPath(snapshot: Snapshot, path: string): PathLookup {
  const resolution = recipeIndex(snapshot).resolve(parseConstraintPath(path));
  if (resolution.found) return { found: true, value: resolution.value };
  return { found: false, error: notFound(`value not found in snapshot: [NOT_FOUND] ${upstreamNotFoundText(resolution)}`) };
}

export type Outcome = { status: 'passed' | 'failed'; actual: string } | { status: 'error'; actual?: string; message: string };

/** Evaluates an expression against an actual value (no snapshot lookup). */
function evaluateExpression(expression: Expression, actual: string): Outcome {
  const result = compare(expression, actual);
  if (!result.ok) return { status: 'error', actual, message: result.reason };
  return { status: result.pass ? 'passed' : 'failed', actual };
}

/**
 * Evaluates one constraint against a snapshot with upstream's outcome: a malformed constraint or
 * a missing value is an `error` whose message is upstream's text (recipe snapshot mode turns it
 * into an excluded overlay).
 */
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
