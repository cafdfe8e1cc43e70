/**
 * The GitLab component templates (gitlab/templates/<name>.yml), from each stage's option table,
 * and the `pipeline` component that holds every stage's job under prefixed inputs.
 * Inputs reach the job only as `expand: false` variables AICR_INPUT_<NAME>, which the CLI reads
 * with --inputs-from-env: no input value is ever part of the script text.
 */
import { defaultAt, entriesAt, nameAt, type OptionSpec } from '../../src/core/options/spec.js';
import { toYaml } from '../../src/core/serialize.js';
import { inputVariable } from '../../src/gitlab/inputs.js';
import { dotenvFile, STAGES, type Stage } from '../../src/stages.js';

const GENERATED = '# Generated from src/stages.ts and the option tables by `npm run docs`; edit those, not this file.';

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

/** The default job name of a component (its `job-name` input). */
function defaultJobName(component: string): string {
  const stage = STAGES.find((s) => s.component?.name === component);
  const entry = stage && entriesAt(stage.options, 'gitlab').find(([property, spec]) => nameAt(property, spec, 'gitlab') === 'job-name');
  if (!entry) throw new Error(`no component ${component} with a job-name input`);
  return String(defaultAt(entry[1], 'gitlab'));
}

/** How one stage's job is written: in its own component, or inside the pipeline component. */
interface Layout {
  /** The spec:inputs name of one of the stage's inputs. */
  input(name: string): string;
  /** Whether the job's own input of this name is written (the pipeline shares one `image`). */
  own(name: string): boolean;
  /** The job name of another component's job, and whether needing it is optional. */
  need(component: string): { job: string; optional: boolean };
}

const SINGLE: Layout = {
  input: (name) => name,
  own: () => true,
  need: (component) => ({ job: quote(`${component}-job`), optional: true }),
};

function inPipeline(stage: Stage): Layout {
  const prefix = `${stage.component!.name}-`;
  return {
    input: (name) => (name === 'image' ? name : `${prefix}${name}`),
    own: (name) => name !== 'image',
    need: (component) => ({ job: quote(`${component}-job-name`), optional: false }),
  };
}

/** The stage's spec:inputs (in the layout's names) and its job. */
function stageJob(stage: Stage, layout: Layout): { inputs: Record<string, unknown>; key: string; job: Record<string, unknown> } {
  const component = stage.component!;
  const entries = entriesAt(stage.options, 'gitlab');
  // The job's own settings first (stage, job-name, image), the jobs it needs, then the options in table order.
  const inputs: Record<string, unknown> = {};
  for (const [property, spec] of entries.filter(([, s]) => s.gitlabJob)) {
    const name = nameAt(property, spec, 'gitlab');
    if (layout.own(name)) inputs[layout.input(name)] = specInput(spec);
  }
  if (layout === SINGLE) {
    for (const need of component.needs ?? []) {
      inputs[`${need.component}-job`] = {
        description: `Job of the ${need.component} component to wait for, for ${need.why}; ignored when the pipeline has no such job.`,
        default: defaultJobName(need.component),
      };
    }
  }
  for (const [property, spec] of entries.filter(([, s]) => !s.gitlabJob)) {
    const name = nameAt(property, spec, 'gitlab');
    const input = specInput(spec);
    const chained = layout === SINGLE ? undefined : component.pipelineDefaults?.[name];
    inputs[layout.input(name)] = chained === undefined ? input : { ...input, default: chained };
  }

  const variables: Record<string, unknown> = {};
  for (const [property, spec] of entries) {
    if (spec.gitlabJob) continue;
    const name = nameAt(property, spec, 'gitlab');
    variables[inputVariable(name)] = { value: quote(layout.input(name)), expand: false };
  }
  const rename = (text: string): string => text.replace(/\$\[\[ inputs\.([a-z0-9-]+) \]\]/g, (_, name: string) => quote(layout.input(name)));
  const dotenv = dotenvFile(component.name);
  const artifacts: Record<string, unknown> = {};
  if (component.artifacts.when) artifacts.when = component.artifacts.when;
  if (component.artifacts.paths) artifacts.paths = component.artifacts.paths.map(rename);
  artifacts.reports = { ...Object.fromEntries(Object.entries(component.artifacts.reports ?? {}).map(([kind, path]) => [kind, rename(path)])), dotenv };
  const job: Record<string, unknown> = { stage: quote(layout.input('stage')), image: quote(layout.input('image')) };
  if (component.needs?.length) {
    job.needs = component.needs.map((need) => {
      const { job: name, optional } = layout.need(need.component);
      return { job: name, artifacts: need.artifacts, ...(optional ? { optional: true } : {}) };
    });
  }
  Object.assign(job, { variables, script: [`aicr ${stage.command} --inputs-from-env --dotenv ${dotenv}`], artifacts });
  return { inputs, key: quote(layout.input('job-name')), job };
}

const inputsNote = (report: string): string[] => [
  '# Each input reaches aicr as an expand: false variable (never as script text, never expanded);',
  `# aicr reads them with --inputs-from-env and writes the job's outputs to ${report}.`,
];

export function componentYaml(stage: Stage): string {
  const { inputs, key, job } = stageJob(stage, SINGLE);
  const header = toYaml({ spec: { description: stage.component!.description, inputs } });
  return [GENERATED, header.trimEnd(), '---', ...inputsNote(`the ${dotenvFile(stage.component!.name)} report`), toYaml({ [key]: job })].join('\n');
}

export const componentPath = (stage: Stage): string => `gitlab/templates/${stage.component!.name}.yml`;

export const PIPELINE_COMPONENT = 'pipeline';
export const pipelinePath = `gitlab/templates/${PIPELINE_COMPONENT}.yml`;

/** Every stage's job in one component: inputs `<component>-<input>`, one shared `image`. */
export function pipelineYaml(stages: readonly Stage[]): string {
  const inputs: Record<string, unknown> = {};
  const jobs: Record<string, unknown> = {};
  const withComponent = stages.filter((stage) => stage.component);
  for (const stage of withComponent) {
    const part = stageJob(stage, inPipeline(stage));
    const image = entriesAt(stage.options, 'gitlab').find(([property, spec]) => spec.gitlabJob && nameAt(property, spec, 'gitlab') === 'image');
    if (image && !('image' in inputs)) inputs.image = specInput(image[1]);
    Object.assign(inputs, part.inputs);
    jobs[part.key] = part.job;
  }
  const names = withComponent.map((stage) => stage.component!.name).join(' → ');
  const description = `The whole NVIDIA AI Cluster Runtime flow in one include: ${names}. Each stage's inputs are those of its own component, prefixed with the component's name (recipe-service, bundle-deployer); image is shared.`;
  const header = toYaml({ spec: { description, inputs } });
  return [GENERATED, header.trimEnd(), '---', ...inputsNote('its aicr-<component>.env report'), toYaml(jobs)].join('\n');
}
