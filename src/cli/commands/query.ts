import { optionError } from '../../core/errors.js';
import { defineOptions } from '../../core/options/spec.js';
import { formatSelection, hydrateRecipe, select } from '../../core/recipe/index.js';
import { CRITERIA_OPTIONS } from '../../core/recipe/options.js';
import { resolveFromOptions } from '../../core/recipe/step.js';
import { defineCommand } from '../context.js';

const TERMINAL = 'query prints one value for a person at a terminal; pipelines read the recipe stage\'s outputs';

const QUERY_OPTIONS = defineOptions({
  ...CRITERIA_OPTIONS,
  selector: {
    type: 'string',
    required: true,
    description: 'Dot-path into the hydrated recipe, e.g. components.gpu-operator.values.driver.version ("." selects everything).',
    placeholder: '<path>',
    absent: { action: TERMINAL, gitlab: TERMINAL },
  },
  format: { type: 'enum', choices: ['yaml', 'json'], default: 'yaml', description: 'yaml (scalars print plain) or json.', aliases: ['-t'], placeholder: '<format>', absent: { action: TERMINAL, gitlab: TERMINAL } },
});

export const command = defineCommand({
  name: 'query',
  summary: 'Resolve a recipe, hydrate each component\'s Helm values and print the value at a dot-path selector.',
  usage: 'aicr query --selector PATH [criteria flags as for "aicr recipe"] [--format yaml|json]',
  options: QUERY_OPTIONS,
  examples: [
    'aicr query --service eks --accelerator h100 --intent training --selector components.gpu-operator.values.driver.version',
    'aicr query --service eks --selector constraints --format json',
  ],
  async run(values, context) {
    if (values.selector === '') throw optionError('selector', 'is empty', { hint: 'e.g. components.gpu-operator.version, or . for the whole document' });
    const outcome = await resolveFromOptions(values, context);
    for (const notice of outcome.notices) context.logger.debug(notice);
    const document = hydrateRecipe(outcome.catalog, outcome.recipe, outcome.criteria);
    context.stdout.write(formatSelection(select(document, values.selector), values.format));
    return 0;
  },
});
