/**
 * The validate stage: evaluate a recipe's readiness constraints against a snapshot, and render
 * the report (CTRF, JUnit, Code Quality, table). Documents arrive loaded (documents/load.ts).
 */
import type { LoadedDocument } from '../load.js';
import { evaluateRecipe, parsePhases, type ValidationReport } from './evaluate.js';
import { indexSnapshot } from './inputs.js';

export * from './evaluate.js';
export * from './reports.js';
export { indexSnapshot } from './inputs.js';

/**
 * Evaluates the recipe's constraints against the snapshot. Throws for documents that cannot be
 * validated (exit 2); failed constraints are results, not errors.
 */
export function validateRecipe(recipe: LoadedDocument<'RecipeResult'>, snapshot: LoadedDocument<'Snapshot'>, phases: readonly string[] = [], skipReason?: string): ValidationReport {
  const live = parsePhases(phases);
  return evaluateRecipe(recipe.document, recipe.source, indexSnapshot(snapshot), {
    recipeOrigin: recipe.origin,
    snapshotOrigin: snapshot.origin,
    phases: live,
    ...(skipReason ? { skipReason } : {}),
  });
}
