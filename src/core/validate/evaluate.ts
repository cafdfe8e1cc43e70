/**
 * Evaluating a recipe's readiness constraints against a Snapshot into a report. Every
 * constraint is evaluated (no stop at the first failure); a value the snapshot lacks is a skip
 * with its reason, never a pass; a malformed constraint is an input error naming its line.
 */
import { invalidInput, optionError, type SourceLocation } from '../errors.js';
import type { Constraint, PhaseName, RecipeResult } from '../documents/types.js';
import {
  compare,
  expressionProblem,
  parseConstraintPath,
  parseExpression,
  type ConstraintPath,
  type Expression,
  type SnapshotIndex,
  type VersionParse,
} from '../constraints/index.js';
import type { SourceDocument } from '../documents/source.js';
import type { LiveCheckResult, LiveCheckStatus } from './live/types.js';

type ConstraintStatus = 'passed' | 'failed' | 'skipped';
type OverallStatus = 'pass' | 'fail' | 'partial';
export type LivePhase = Exclude<PhaseName, 'readiness'>;

/** Phases that need validator containers in a live cluster, in upstream's run order. */
const LIVE_PHASES: readonly LivePhase[] = ['deployment', 'performance', 'conformance'];
/** Why the live phases were not run when nobody said otherwise. */
const LIVE_PHASE_SKIP_REASON = 'needs a live cluster validator';

export interface ConstraintResult {
  /** The constraint path, e.g. `K8s.server.version`. */
  name: string;
  phase: 'readiness';
  /** The expression as written in the recipe. */
  expected: string;
  /** The snapshot's value (trimmed), when it has one. */
  actual?: string;
  status: ConstraintStatus;
  /** `expected >= 1.32.4, got v1.30.0` for results; the reason for skips. */
  message: string;
  severity?: 'error' | 'warning';
  remediation?: string;
  /** The constraint's entry in the recipe file. */
  location: SourceLocation;
}

/** A live check as reported: where in the recipe it comes from, for annotations and Code Quality. */
export interface ReportedLiveCheck extends LiveCheckResult {
  location: SourceLocation;
}

/** Counts of the live checks that ran; `failed` includes checks that could not be evaluated. */
interface LiveSummary {
  checks: number;
  passed: number;
  failed: number;
  skipped: number;
}

interface PhaseResult {
  phase: LivePhase;
  status: 'skipped';
  reason: string;
  /** Checks the recipe declares for the phase (run by validator containers). */
  checks: string[];
  /** Names of the phase's own constraints (read by those validators). */
  constraints: string[];
}

export interface ValidationReport {
  /** fail: some constraint failed; pass: every constraint passed (at least one); partial otherwise. */
  status: OverallStatus;
  summary: { constraints: number; passed: number; failed: number; skipped: number };
  /** Origins (path, URL or cm:// URI) of the inputs. */
  recipe: string;
  snapshot: string;
  constraints: ConstraintResult[];
  /** Live phases not run, each with the reason. */
  phases: PhaseResult[];
  /** Checks of the live phases that ran, in run order. */
  live: ReportedLiveCheck[];
  liveSummary: LiveSummary;
  /** Log-worthy remarks (nothing to validate, ignored sections). */
  notes: string[];
}

export interface EvaluateOptions {
  recipeOrigin: string;
  snapshotOrigin: string;
  /** Live phases to list (default: all three). */
  phases?: readonly LivePhase[];
  /** Why those phases are skipped (default: they need a live cluster validator). */
  skipReason?: string;
}

const MAX_LISTED_PROBLEMS = 20;

type Problem = { location: SourceLocation; message: string; hint?: string };

/** Parsed paths and expressions by their text: recipes repeat them, and parsing is pure. */
interface ParseCache {
  paths: Map<string, ConstraintPath>;
  expressions: Map<string, Expression>;
}

/** Parses a constraint's path and expression; a problem is recorded instead of thrown. */
function prepare(constraint: Constraint, i: number, source: SourceDocument, problems: Problem[], cache: ParseCache): { path: ConstraintPath; expression: Expression } | undefined {
  let path = cache.paths.get(constraint.name);
  let expression = cache.expressions.get(constraint.value);
  if (path && expression) return { path, expression };
  try {
    path ??= parseConstraintPath(constraint.name);
    cache.paths.set(constraint.name, path);
  } catch (error) {
    const e = error as { message: string; hint?: string };
    problems.push({ location: source.locate(['constraints', i, 'name']), message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
  }
  try {
    if (!expression) {
      expression = parseExpression(constraint.value);
      const problem = expressionProblem(expression, constraint.value);
      if (problem) {
        problems.push({ location: source.locate(['constraints', i, 'value']), message: `constraint ${constraint.name}: ${problem.message}`, hint: problem.hint });
        expression = undefined;
      } else {
        cache.expressions.set(constraint.value, expression);
      }
    }
  } catch (error) {
    const e = error as { message: string; hint?: string };
    problems.push({ location: source.locate(['constraints', i, 'value']), message: `constraint ${constraint.name}: ${e.message}`, ...(e.hint ? { hint: e.hint } : {}) });
  }
  return path && expression ? { path, expression } : undefined;
}

/** One INVALID_REQUEST error listing each malformed constraint with its file and line. */
function malformedError(problems: readonly Problem[]): Error {
  const where = (location: SourceLocation) => `${location.file}${location.line ? `:${location.line}` : ''}`;
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  ${where(p.location)}: ${p.message}`);
  if (problems.length > MAX_LISTED_PROBLEMS) listed.push(`  … and ${problems.length - MAX_LISTED_PROBLEMS} more`);
  const first = problems[0]!;
  const count = problems.length === 1 ? 'a malformed constraint' : `${problems.length} malformed constraints`;
  return invalidInput(`${where(first.location)}: the recipe has ${count}:\n${listed.join('\n')}`, {
    location: first.location,
    hint: first.hint ?? 'fix the constraint in the recipe',
    details: { problems: problems.length },
  });
}

/** Evaluates one well-formed constraint. */
function evaluateOne(constraint: Constraint, path: ConstraintPath, expression: Expression, location: SourceLocation, index: SnapshotIndex, versions: Map<string, VersionParse>): ConstraintResult {
  const result: ConstraintResult = { name: constraint.name, phase: 'readiness', expected: constraint.value, status: 'skipped', message: '', location };
  if (constraint.severity) result.severity = constraint.severity;
  if (constraint.remediation) result.remediation = constraint.remediation;
  const resolution = index.resolve(path);
  if (!resolution.found) {
    result.message = resolution.reason;
    return result;
  }
  result.actual = resolution.value;
  const outcome = compare(expression, resolution.value, versions);
  if (!outcome.ok) {
    result.message = outcome.reason;
    return result;
  }
  result.status = outcome.pass ? 'passed' : 'failed';
  result.message = `expected ${constraint.value.trim()}, got ${resolution.value}`;
  return result;
}

/**
 * Checks and evaluates constraints in one pass. Throws one INVALID_REQUEST error naming the
 * file and line of every malformed constraint (then nothing is reported).
 */
function evaluateConstraints(constraints: readonly Constraint[], source: SourceDocument, index: SnapshotIndex): ConstraintResult[] {
  const positions = source.itemPositions(['constraints']);
  const problems: Problem[] = [];
  const results: ConstraintResult[] = [];
  const versions = new Map<string, VersionParse>();
  const cache: ParseCache = { paths: new Map(), expressions: new Map() };
  for (let i = 0; i < constraints.length; i++) {
    const constraint = constraints[i]!;
    const prepared = prepare(constraint, i, source, problems, cache);
    if (!prepared || problems.length > 0) continue;
    const at = positions[i];
    const location: SourceLocation = at ? { file: source.origin, line: at.line, column: at.column } : { file: source.origin };
    results.push(evaluateOne(constraint, prepared.path, prepared.expression, location, index, versions));
  }
  if (problems.length > 0) throw malformedError(problems);
  return results;
}

/** Overall status from constraint results and live checks (a failed live check fails; a skipped one does not downgrade). */
function overallStatus(summary: ValidationReport['summary'], live: LiveSummary = { checks: 0, passed: 0, failed: 0, skipped: 0 }): OverallStatus {
  if (summary.failed > 0 || live.failed > 0) return 'fail';
  if (summary.passed === summary.constraints && summary.passed + live.passed > 0) return 'pass';
  return 'partial';
}

/**
 * Evaluates the recipe's top-level constraints (the readiness phase) against the snapshot and
 * lists the live phases as skipped. Throws for malformed constraints.
 */
export function evaluateRecipe(recipe: RecipeResult, source: SourceDocument, index: SnapshotIndex, options: EvaluateOptions): ValidationReport {
  const constraints = evaluateConstraints(recipe.constraints ?? [], source, index);
  const summary = { constraints: constraints.length, passed: 0, failed: 0, skipped: 0 };
  for (const result of constraints) summary[result.status]++;
  const notes: string[] = [];
  if (constraints.length === 0) notes.push('nothing to validate: the recipe has no readiness constraints (top-level "constraints")');
  if (recipe.validation?.readiness?.constraints?.length) {
    notes.push('validation.readiness.constraints are not evaluated (as upstream); readiness constraints belong in the top-level "constraints" list');
  }
  const phases = (options.phases ?? LIVE_PHASES).map((phase): PhaseResult => ({
    phase,
    status: 'skipped',
    reason: options.skipReason ?? LIVE_PHASE_SKIP_REASON,
    checks: [...(recipe.validation?.[phase]?.checks ?? [])],
    constraints: (recipe.validation?.[phase]?.constraints ?? []).map((c) => c.name),
  }));
  return {
    status: overallStatus(summary),
    summary,
    recipe: options.recipeOrigin,
    snapshot: options.snapshotOrigin,
    constraints,
    phases,
    live: [],
    liveSummary: { checks: 0, passed: 0, failed: 0, skipped: 0 },
    notes,
  };
}

/** Where a live check comes from in the recipe: its component, its entry in the phase's checks, or the phase. */
function liveLocation(result: LiveCheckResult, recipe: RecipeResult, source: SourceDocument): SourceLocation {
  const component = result.name.startsWith('health-check/') ? result.name.slice('health-check/'.length) : undefined;
  const refIndex = component ? recipe.componentRefs.findIndex((ref) => ref.name === component) : -1;
  if (refIndex >= 0) return source.locate(['componentRefs', refIndex]);
  const checks = recipe.validation?.[result.phase]?.checks ?? [];
  const checkIndex = checks.indexOf(result.name.split('/')[0]!);
  if (checkIndex >= 0) return source.locate(['validation', result.phase, 'checks', checkIndex]);
  return recipe.validation?.[result.phase] ? source.locate(['validation', result.phase]) : { file: source.origin };
}

/**
 * The report with the results of the live phases that ran: those phases leave the skipped list,
 * their checks are counted, and a failed check fails the overall status.
 */
export function withLiveResults(report: ValidationReport, ran: readonly LivePhase[], results: readonly LiveCheckResult[], recipe: RecipeResult, source: SourceDocument): ValidationReport {
  const live = results.map((result): ReportedLiveCheck => ({ ...result, location: liveLocation(result, recipe, source) }));
  const liveSummary: LiveSummary = { checks: live.length, passed: 0, failed: 0, skipped: 0 };
  const counted: Record<LiveCheckStatus, 'passed' | 'failed' | 'skipped'> = { passed: 'passed', failed: 'failed', error: 'failed', skipped: 'skipped' };
  for (const check of live) liveSummary[counted[check.status]]++;
  return {
    ...report,
    status: overallStatus(report.summary, liveSummary),
    phases: report.phases.filter((phase) => !ran.includes(phase.phase)),
    live,
    liveSummary,
  };
}

/**
 * Parses `--phase` values (repeatable, comma-separated): deployment, performance, conformance,
 * `all` (the default) or `readiness` (only the constraints, no live phases listed). Order as
 * given, duplicates dropped; `all` anywhere means all three in run order.
 */
export function parsePhases(values: readonly string[], input = 'phase'): LivePhase[] {
  const items = values.flatMap((value) => value.split(',')).map((item) => item.trim()).filter((item) => item !== '');
  const allowed = ['readiness', ...LIVE_PHASES, 'all'];
  for (const item of items) {
    if (!allowed.includes(item)) {
      throw optionError(input, `invalid phase "${item}": must be one of: ${allowed.join(', ')}`, {
        hint: 'list phases separated by commas, e.g. deployment,conformance (names are lower-case)',
      });
    }
  }
  if (items.length === 0 || items.includes('all')) return [...LIVE_PHASES];
  const phases: LivePhase[] = [];
  for (const item of items) if (item !== 'readiness' && !phases.includes(item as LivePhase)) phases.push(item as LivePhase);
  return phases;
}
