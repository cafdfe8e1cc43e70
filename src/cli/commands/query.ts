import type { Command } from '../context.js';
import { CRITERIA_FLAGS, recipeRequestFromFlags } from './criteria-flags.js';
import { parseOutputFormat } from '../../core/format.js';
import { invalidInput } from '../../core/errors.js';
import { formatSelection, hydrateRecipe, resolveRecipe, select } from '../../core/recipe/index.js';

export const command: Command = {
  spec: {
    name: 'query',
    summary: 'Resolve a recipe, hydrate each component\'s Helm values and print the value at a dot-path selector.',
    usage: 'aicr query --selector PATH [criteria flags as for "aicr recipe"] [--format yaml|json]',
    flags: [
      ...CRITERIA_FLAGS,
      { name: 'selector', type: 'string', value: '<path>', description: 'dot-path into the hydrated recipe, e.g. components.gpu-operator.values.driver.version ("." selects everything)' },
      { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'yaml (scalars print plain) or json', default: 'yaml' },
    ],
    examples: [
      'aicr query --service eks --accelerator h100 --intent training --selector components.gpu-operator.values.driver.version',
      'aicr query --service eks --selector constraints --format json',
    ],
  },
  async run({ flags }, context) {
    if (typeof flags.selector !== 'string') {
      throw invalidInput('aicr query needs --selector', { hint: 'e.g. --selector components.gpu-operator.version, or --selector . for the whole document' });
    }
    const format = parseOutputFormat(String(flags.format));
    const kubeconfig = typeof flags.kubeconfig === 'string' && flags.kubeconfig !== '' ? { kubeconfig: flags.kubeconfig } : {};
    const outcome = await resolveRecipe(recipeRequestFromFlags(flags), { stdin: context.stdin, env: context.env, ...kubeconfig });
    for (const notice of outcome.notices) context.logger.debug(notice);
    const document = hydrateRecipe(outcome.catalog, outcome.recipe, outcome.criteria);
    context.stdout.write(formatSelection(select(document, flags.selector), format));
    return 0;
  },
};
