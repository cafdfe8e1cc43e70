/** `actions/recipe`: the recipe step with GitHub's sinks, and its job-summary section. */
import { RECIPE_OPTIONS } from '../../core/recipe/options.js';
import { runRecipeStep } from '../../core/recipe/step.js';
import { addRecipeSummary } from '../../github/recipe.js';
import { runAction, uploadResults } from '../../github/run.js';
import { addChangeSummary } from '../../github/changes.js';

export async function run(): Promise<void> {
  await runAction(RECIPE_OPTIONS, async (values, io) => {
    const outcome = await runRecipeStep(values, io);
    addRecipeSummary(io.summary, outcome, outcome.output);
    addChangeSummary(io.summary, outcome.changes);
    await uploadResults(values, [outcome.output], io);
  });
}
