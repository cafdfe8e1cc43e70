/** The recipe stage's options and outputs: one definition for the CLI, the action and the component. */
import { dataOption, gitlabJobOptions, kubeconfigOption, summaryOption, artifactOptions, artifactOutputs } from '../options/common.js';
import { defineOptions } from '../options/spec.js';
import { defineOutputs } from '../options/outputs.js';
import { CRITERIA_VALUES, MAX_NODES } from '../criteria.js';
import { CHANGE_OUTPUTS, COMPARE_OPTIONS } from '../changes/options.js';

const list = (values: readonly string[]): string => values.join(', ');

/** Where the criteria come from: given one by one, a criteria document, or detected from a snapshot. */
export const CRITERIA_OPTIONS = defineOptions({
  service: { type: 'string', description: `Kubernetes service: ${list(CRITERIA_VALUES.service)} (openshift means ocp) or any.`, placeholder: '<service>' },
  accelerator: { type: 'string', description: `GPU type: ${list(CRITERIA_VALUES.accelerator)} or any.`, aliases: ['--gpu'], placeholder: '<gpu>' },
  intent: { type: 'string', description: `Workload intent: ${list(CRITERIA_VALUES.intent)} or any.`, placeholder: '<intent>' },
  os: { type: 'string', description: `Node OS: ${list(CRITERIA_VALUES.os)} (al2, al2023) or any.`, placeholder: '<os>' },
  platform: { type: 'string', description: `Platform: ${list(CRITERIA_VALUES.platform)} or any.`, placeholder: '<platform>' },
  nodes: { type: 'int', min: 0, max: MAX_NODES, default: 0, description: 'GPU node count (0 means any).' },
  criteria: {
    type: 'string',
    description: 'RecipeCriteria document (file, https URL, cm://namespace/name or - for stdin); the criteria options override its fields.',
    aliases: ['-c'],
    placeholder: '<file|url|cm://ns/name|->',
  },
  snapshot: {
    type: 'string',
    description: 'Snapshot to detect the criteria from (file, https URL, cm://namespace/name or - for stdin); overlays whose constraints it fails are left out.',
    aliases: ['-s'],
    placeholder: '<file|url|cm://ns/name|->',
  },
  profile: {
    type: 'string',
    description: 'Configuration profile value in name=value form (e.g. gpuStack=operator-managed), for criteria whose overlays declare one; without it the declared default applies.',
    placeholder: '<name=value>',
  },
  slurmAccountingMode: {
    type: 'enum',
    choices: ['disabled', 'customer-managed', 'aicr-provided'],
    description: 'Slurm accounting ownership mode, for platform slurm only: disabled (the default), customer-managed (your database) or aicr-provided (the bundle installs MariaDB). Recorded in the recipe as configuration.slurm.accounting.mode; it sets slinky-slurm accounting.enabled and the MariaDB install gates, which bundle-time overrides may not change.',
    placeholder: '<mode>',
  },
  runtimeInventory: {
    type: 'enum',
    choices: ['enabled', 'disabled'],
    description: 'Runtime AI inventory (k8s-aibom) selection, for recipes that declare it: enabled keeps it, disabled removes the component and its health check. Recorded in the recipe as configuration.runtimeInventory.mode.',
    placeholder: '<mode>',
  },
  data: dataOption,
  'criteria-strict': {
    type: 'bool',
    default: false,
    description: 'Admit only criteria values the embedded catalog knows, not those a data catalog adds (also AICR_CRITERIA_STRICT=1).',
  },
  kubeconfig: kubeconfigOption,
});

export const RECIPE_OPTIONS = defineOptions({
  ...CRITERIA_OPTIONS,
  config: {
    type: 'string',
    description: 'AICRConfig file (YAML or JSON, a path or an https URL) whose spec.recipe gives criteria, snapshot, output and data not given otherwise: given options win. Unknown fields are errors.',
    placeholder: '<file|url>',
  },
  format: { type: 'enum', choices: ['yaml', 'json', 'table'], default: 'yaml', description: 'Recipe format: yaml, json or table.', aliases: ['-t'], placeholder: '<format>' },
  output: {
    writes: true,
    type: 'string',
    description: 'Where to write the recipe: a file, cm://namespace/name, or - for standard output.',
    defaults: { cli: '-', action: 'recipe.yaml', gitlab: 'recipe.yaml' },
    aliases: ['-o'],
    placeholder: '<file|cm://ns/name|->',
    regex: '^[A-Za-z0-9._/:-]+$',
  },
  ...COMPARE_OPTIONS,
  summary: summaryOption,
  ...artifactOptions,
  ...gitlabJobOptions('aicr-recipe', 'build'),
});

export const RECIPE_OUTPUTS = defineOutputs('recipe', {
  recipePath: { description: 'Path (or cm:// location) of the written recipe.' },
  appliedOverlays: { description: 'Comma-separated overlays merged into the recipe, base first.' },
  components: { description: 'JSON array of the components: name, version, namespace, chart, source.' },
  deploymentOrder: { description: 'Comma-separated component names in deployment order.' },
  selectedProfile: { description: 'The configuration profile value applied, as name=value (empty when no overlay declares a profile).' },
  ...CHANGE_OUTPUTS,
  ...artifactOutputs,
});
