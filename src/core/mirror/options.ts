/** `aicr mirror list` options: a command-line tool for preparing air-gapped mirrors. */
import { dataOption, kubeconfigOption } from '../options/common.js';
import { defineOptions } from '../options/spec.js';
import { MIRROR_FORMATS } from './format.js';

const CLI_ONLY = { action: 'mirror list is a command-line tool: run "aicr mirror list" in a step', gitlab: 'mirror list is a command-line tool: run "aicr mirror list" in a job script' };

export const MIRROR_LIST_OPTIONS = defineOptions({
  action: {
    type: 'enum',
    choices: ['list'],
    required: true,
    positional: true,
    description: 'What to do: list.',
    placeholder: '<action>',
    absent: CLI_ONLY,
  },
  recipe: {
    type: 'string',
    description: 'Recipe whose images and charts to list (file, https URL, cm://namespace/name or - for stdin).',
    aliases: ['-r'],
    placeholder: '<file|url|cm://ns/name|->',
    absent: CLI_ONLY,
  },
  bundle: {
    type: 'string',
    description: 'Bundle directory (written by aicr bundle) whose images and charts to list: its recipe.yaml, and each folder\'s values files and local or vendored charts.',
    placeholder: '<dir>',
    absent: CLI_ONLY,
  },
  set: {
    type: 'list',
    separator: 'line',
    description: 'With recipe: value overrides that change which images are used, as for aicr bundle (component:path.to.key=value).',
    placeholder: '<component:path=value>',
    absent: CLI_ONLY,
  },
  format: {
    type: 'enum',
    choices: MIRROR_FORMATS,
    default: 'yaml',
    description: 'yaml or json (images, charts, per-component images and warnings), plain (one image per line, then one chart per line: "<chart> <version> <repository>", or the oci:// reference), hauler (content.hauler.cattle.io/v1 Images and Charts) or zarf (ZarfPackageConfig).',
    aliases: ['-f'],
    placeholder: '<format>',
    absent: CLI_ONLY,
  },
  output: { type: 'string', default: '-', description: 'File to write the list to (- for stdout), replaced atomically.', aliases: ['-o'], placeholder: '<file|->', absent: CLI_ONLY },
  offline: {
    type: 'bool',
    description: 'Do not render charts with helm template (which needs helm and the chart repositories): list the images found in values and manifests only.',
    absent: CLI_ONLY,
  },
  data: { ...dataOption, absent: CLI_ONLY },
  kubeconfig: { ...kubeconfigOption, absent: CLI_ONLY },
});
