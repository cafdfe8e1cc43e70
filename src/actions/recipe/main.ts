/** `actions/recipe`: resolve a recipe, write it, expose outputs and a job summary. */
import * as core from '@actions/core';
import { info } from '../../github/logger.js';
import { formatDocument } from '../../core/format.js';
import { parseLocation, writeLocation } from '../../core/io.js';
import { resolveRecipe } from '../../core/recipe/index.js';
import { addRecipeSummary, setRecipeOutputs } from '../../github/recipe.js';
import { runAction } from '../../github/run.js';
import { summaryAvailable } from '../../github/summary.js';
import { getInputs } from './inputs.js';

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const outcome = await resolveRecipe(inputs.request);
    for (const notice of outcome.notices) info(notice);
    const output = parseLocation(inputs.output, 'output');
    await writeLocation(output, formatDocument(outcome.recipe, inputs.format), { input: 'output', format: inputs.format, kind: 'RecipeResult' });
    setRecipeOutputs(outcome, inputs.output);
    info(`recipe written to ${inputs.output}: ${outcome.recipe.componentRefs.length} components from ${outcome.recipe.metadata.appliedOverlays?.join(', ')}`);
    if (inputs.summary && summaryAvailable()) {
      addRecipeSummary(core.summary, outcome, inputs.output);
      await core.summary.write();
    }
  });
}
