/** action.yml of an action, from its stage's option and output tables. */
import { defaultAt, entriesAt, nameAt, type OptionDefault } from '../../src/core/options/spec.js';
import { outputName } from '../../src/core/options/outputs.js';
import { toYaml } from '../../src/core/serialize.js';
import type { Stage } from '../../src/stages.js';

/** Defaults as action.yml writes them: always text. */
function inputDefault(value: OptionDefault): string {
  return typeof value === 'string' ? value : String(value);
}

export function actionYaml(stage: Stage): string {
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const [property, spec] of entriesAt(stage.options, 'action')) {
    if (spec.gitlabJob) continue;
    const fallback = defaultAt(spec, 'action');
    const input: Record<string, unknown> = { description: spec.description, required: Boolean(spec.required) && fallback === undefined };
    if (fallback !== undefined && fallback !== '') input.default = inputDefault(fallback);
    inputs[nameAt(property, spec, 'action')] = input;
  }
  const outputs: Record<string, { description: string }> = {};
  for (const [property, spec] of Object.entries(stage.outputs.outputs)) outputs[outputName(property)] = { description: spec.description };
  const main = stage.action.folder === 'root' ? 'dist/root/index.js' : `../../dist/${stage.action.folder}/index.js`;
  const document = {
    name: stage.action.name,
    description: stage.action.description,
    author: 'NVIDIA',
    branding: { icon: stage.action.icon, color: 'green' },
    inputs,
    outputs,
    runs: { using: 'node24', main },
  };
  return `# Generated from src/stages.ts and the option tables by \`npm run docs\`; edit those, not this file.\n${toYaml(document)}`;
}

/** Where an action's action.yml lives. */
export function actionYamlPath(stage: Stage): string {
  return stage.action.folder === 'root' ? 'action.yml' : `actions/${stage.action.folder}/action.yml`;
}
