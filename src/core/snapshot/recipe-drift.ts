/**
 * Recipe drift: a recipe's constraints evaluated against the baseline snapshot and the new one;
 * those that passed on the baseline and fail now are what changed for that recipe (a driver
 * upgraded past a pinned range, a kernel that no longer matches).
 */
import type { LoadedDocument } from '../load.js';
import { validateRecipe } from '../validate/index.js';

export interface ConstraintRegression {
  name: string;
  expected: string;
  /** The reading on the baseline and now (absent: not measured). */
  baseline?: string;
  now?: string;
  /** Why it fails now. */
  message: string;
  /** The constraint's place in the recipe, for annotations. */
  location: { file: string; line?: number };
}

/** `now` is the new snapshot as its text reads back (numbers as written, like validate sees the file). */
export function recipeRegressions(recipe: LoadedDocument<'RecipeResult'>, baseline: LoadedDocument<'Snapshot'>, now: LoadedDocument<'Snapshot'>): ConstraintRegression[] {
  const before = new Map(validateRecipe(recipe, baseline).constraints.map((result) => [result.name, result]));
  const after = validateRecipe(recipe, now).constraints;
  return after
    .filter((result) => result.status === 'failed' && before.get(result.name)?.status === 'passed')
    .map((result) => {
      const earlier = before.get(result.name)!;
      return {
        name: result.name,
        expected: result.expected,
        ...(earlier.actual !== undefined ? { baseline: earlier.actual } : {}),
        ...(result.actual !== undefined ? { now: result.actual } : {}),
        message: result.message,
        location: { file: result.location.file, ...(result.location.line !== undefined ? { line: result.location.line } : {}) },
      };
    });
}
