/**
 * A GitLab component template (gitlab/templates/<name>.yml), from its stage's option table.
 * Inputs reach the job only as `expand: false` variables AICR_INPUT_<NAME>, which the CLI reads
 * with --inputs-from-env: no input value is ever part of the script text.
 */
import { defaultAt, entriesAt, nameAt, type OptionSpec } from '../../src/core/options/spec.js';
import { toYaml } from '../../src/core/serialize.js';
import { inputVariable } from '../../src/gitlab/inputs.js';
import { dotenvFile, type Stage } from '../../src/stages.js';

/** A spec:inputs entry: GitLab's type, the default (none for a required input), options, regex. */
function specInput(spec: OptionSpec): Record<string, unknown> {
  const input: Record<string, unknown> = { description: spec.description };
  if (spec.type === 'bool') input.type = 'boolean';
  else if (spec.type === 'int') input.type = 'number';
  const fallback = defaultAt(spec, 'gitlab');
  if (fallback !== undefined) input.default = fallback;
  else if (!spec.required) input.default = spec.type === 'bool' ? false : '';
  // GitLab offers the choices, and the other spellings the reader takes (argocd-helm).
  const choices = spec.choices ? [...spec.choices, ...Object.keys(spec.choiceAliases ?? {})] : undefined;
  if (spec.type === 'enum' && choices) input.options = fallback === undefined && !spec.required ? ['', ...choices] : choices;
  if (spec.regex) input.regex = spec.regex;
  return input;
}

const quote = (name: string): string => `$[[ inputs.${name} ]]`;

export function componentYaml(stage: Stage): string {
  const component = stage.component!;
  const entries = entriesAt(stage.options, 'gitlab');
  // The job's own settings first (stage, job-name, image), then the options in table order.
  const ordered = [...entries.filter(([, spec]) => spec.gitlabJob), ...entries.filter(([, spec]) => !spec.gitlabJob)];
  const inputs: Record<string, unknown> = {};
  for (const [property, spec] of ordered) inputs[nameAt(property, spec, 'gitlab')] = specInput(spec);
  const variables: Record<string, unknown> = {};
  for (const [property, spec] of entries) {
    if (spec.gitlabJob) continue;
    const name = nameAt(property, spec, 'gitlab');
    variables[inputVariable(name)] = { value: quote(name), expand: false };
  }
  const dotenv = dotenvFile(component.name);
  const artifacts: Record<string, unknown> = {};
  if (component.artifacts.when) artifacts.when = component.artifacts.when;
  if (component.artifacts.paths) artifacts.paths = component.artifacts.paths;
  artifacts.reports = { ...(component.artifacts.reports ?? {}), dotenv };
  const job = {
    stage: quote('stage'),
    image: quote('image'),
    variables,
    script: [`aicr ${stage.command} --inputs-from-env --dotenv ${dotenv}`],
    artifacts,
  };
  const header = toYaml({ spec: { description: component.description, inputs } });
  const body = toYaml({ [quote('job-name')]: job });
  return [
    '# Generated from src/stages.ts and the option tables by `npm run docs`; edit those, not this file.',
    header.trimEnd(),
    '---',
    '# Each input reaches aicr as an expand: false variable (never as script text, never expanded);',
    `# aicr reads them with --inputs-from-env and writes the job's outputs to the ${dotenv} report.`,
    body,
  ].join('\n');
}

export const componentPath = (stage: Stage): string => `gitlab/templates/${stage.component!.name}.yml`;
