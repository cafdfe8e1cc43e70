import type { Command } from '../context.js';
import { CRITERIA_FLAGS, recipeRequestFromFlags } from './criteria-flags.js';
import { formatDocument, parseOutputFormat } from '../../core/format.js';
import { parseLocation, writeLocation } from '../../core/io.js';
import { resolveRecipe } from '../../core/recipe/index.js';

export const command: Command = {
  spec: {
    name: 'recipe',
    summary: 'Resolve a recipe: the components, versions, values, constraints and deployment order for a GPU cluster.',
    usage: 'aicr recipe [--service S] [--accelerator A] [--intent I] [--os O] [--platform P] [--nodes N] [--criteria F | --snapshot F] [--data DIR] [--format yaml|json|table] [--output F]',
    flags: [
      ...CRITERIA_FLAGS,
      { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'output format', default: 'yaml' },
      { name: 'output', aliases: ['-o'], type: 'string', value: '<file|cm://ns/name|->', description: 'where to write the recipe (default: stdout)' },
    ],
    examples: [
      'aicr recipe --service eks --accelerator h100 --intent training --os ubuntu',
      'aicr recipe --criteria criteria.yaml --format json -o recipe.json',
      'aicr recipe --snapshot snapshot.yaml --intent training',
    ],
  },
  async run({ flags }, context) {
    const format = parseOutputFormat(String(flags.format));
    const output = typeof flags.output === 'string' && flags.output !== '' ? parseLocation(flags.output, '--output') : undefined;
    const kubeconfig = typeof flags.kubeconfig === 'string' && flags.kubeconfig !== '' ? { kubeconfig: flags.kubeconfig } : {};
    const outcome = await resolveRecipe(recipeRequestFromFlags(flags), { stdin: context.stdin, env: context.env, ...kubeconfig });
    for (const notice of outcome.notices) context.logger.info(notice);
    const text = formatDocument(outcome.recipe, format);
    if (output && output.kind !== 'stdio') {
      await writeLocation(output, text, { input: '--output', format, kind: 'RecipeResult', ...kubeconfig });
      context.logger.info(`recipe written to ${output.text} (${outcome.recipe.componentRefs.length} components, overlays: ${outcome.recipe.metadata.appliedOverlays?.join(', ')})`);
    } else {
      await writeLocation({ kind: 'stdio', text: '-' }, text, { stdout: context.stdout });
    }
    return 0;
  },
};

