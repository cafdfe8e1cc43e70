import { RECIPE_OPTIONS, RECIPE_OUTPUTS } from '../../core/recipe/options.js';
import { runRecipeStep } from '../../core/recipe/step.js';
import { defineCommand } from '../context.js';

export const command = defineCommand({
  name: 'recipe',
  summary: 'Resolve a recipe: the components, versions, values, constraints and deployment order for a GPU cluster.',
  usage: 'aicr recipe [--service S] [--accelerator A] [--intent I] [--os O] [--platform P] [--nodes N] [--criteria F | --snapshot F] [--data DIR] [--format yaml|json|table] [--output F]',
  options: RECIPE_OPTIONS,
  outputs: RECIPE_OUTPUTS,
  examples: [
    'aicr recipe --service eks --accelerator h100 --intent training --os ubuntu',
    'aicr recipe --criteria criteria.yaml --format json -o recipe.json',
    'aicr recipe --snapshot snapshot.yaml --intent training',
  ],
  async run(values, context) {
    await runRecipeStep(values, context);
    return 0;
  },
});
