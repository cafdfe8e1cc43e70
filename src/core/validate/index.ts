/**
 * The validate stage as front doors use it: read a recipe and a snapshot, evaluate the recipe's
 * readiness constraints, and render the report (CTRF, JUnit, Code Quality, table, dotenv).
 */
import { invalidInput } from '../errors.js';
import type { RecipeResult } from '../documents/types.js';
import { evaluateRecipe, parsePhases, type ValidationReport } from './evaluate.js';
import { loadRecipe, loadSnapshot } from './inputs.js';

export * from './evaluate.js';
export * from './reports.js';
export { loadRecipe, loadSnapshot, readingTextFrom } from './inputs.js';
export { parseSource, type SourceDocument } from '../documents/source.js';

/** What every front door collects for validate (flags, action inputs, GitLab inputs alike). */
export interface ValidateRequest {
  /** RecipeResult location: file, `-`, https URL or cm://namespace/name. */
  recipe: string;
  /** Snapshot location: file, `-`, https URL or cm://namespace/name. */
  snapshot: string;
  /** `--phase` values (repeatable, comma-separated); empty means all. */
  phases?: readonly string[];
  /** Where `-` reads from. */
  stdin?: NodeJS.ReadableStream;
  /** kubeconfig for `cm://` locations (default: $KUBECONFIG, ~/.kube/config, in-cluster). */
  kubeconfig?: string;
}

export interface ValidateOutcome {
  report: ValidationReport;
  recipe: RecipeResult;
}

/** Runs the validate stage; throws AicrError for bad input (exit 2, 3, …), never for failed constraints. */
export async function runValidation(request: ValidateRequest): Promise<ValidateOutcome> {
  if (!request.recipe) throw invalidInput('--recipe is required', { hint: 'pass the recipe to validate: --recipe recipe.yaml' });
  if (!request.snapshot) {
    throw invalidInput('--snapshot is required', { hint: 'capture one with "aicr snapshot" and pass it: --snapshot snapshot.yaml (live capture during validate is not supported yet)' });
  }
  if (request.recipe === '-' && request.snapshot === '-') {
    throw invalidInput('--recipe and --snapshot cannot both read stdin', { hint: 'pass at least one of them as a file' });
  }
  const phases = parsePhases(request.phases ?? []);
  const options = { ...(request.stdin ? { stdin: request.stdin } : {}), ...(request.kubeconfig ? { kubeconfig: request.kubeconfig } : {}) };
  const [recipe, snapshot] = await Promise.all([loadRecipe(request.recipe, options), loadSnapshot(request.snapshot, options)]);
  const report = evaluateRecipe(recipe.recipe, recipe.source, snapshot.index, {
    recipeOrigin: recipe.origin,
    snapshotOrigin: snapshot.origin,
    phases,
  });
  return { report, recipe: recipe.recipe };
}
