import { loadDataCatalog } from '../../core/catalog/embedded.js';
import { defineOptions } from '../../core/options/spec.js';
import { formatCatalogList, listCatalog, parseCatalogFilter } from '../../core/recipe/list.js';
import { CRITERIA_OPTIONS } from '../../core/recipe/options.js';
import { dataOption } from '../../core/options/common.js';
import { defineCommand } from '../context.js';

const TERMINAL = 'recipe list shows a person at a terminal what the catalog holds; pipelines resolve a recipe';
const absent = { action: TERMINAL, gitlab: TERMINAL };
const filter = (what: string) => `Only overlays whose criteria name this ${what} (exact value; any or unset: no filter).`;

const RECIPE_LIST_OPTIONS = defineOptions({
  service: { ...CRITERIA_OPTIONS.service, description: filter('service'), absent },
  accelerator: { ...CRITERIA_OPTIONS.accelerator, description: filter('accelerator'), absent },
  intent: { ...CRITERIA_OPTIONS.intent, description: filter('intent'), absent },
  os: { ...CRITERIA_OPTIONS.os, description: filter('OS'), absent },
  platform: { ...CRITERIA_OPTIONS.platform, description: filter('platform'), absent },
  format: { type: 'enum', choices: ['table', 'json', 'yaml'], default: 'table', description: 'Output format: table, json or yaml.', aliases: ['-t'], placeholder: '<format>', absent },
  data: { ...dataOption, description: 'External data directory layered over the embedded recipe catalog; its overlays are listed with source external.', absent },
  noHealth: { type: 'bool', description: 'Leave out the structural health of each leaf (resolving every leaf takes time): no STATUS and COVERAGE columns, no health block.', aliases: ['--skip-health'], absent },
});

export const command = defineCommand({
  name: 'recipe list',
  summary: 'List the overlays of the recipe catalog with their criteria, whether each is a leaf, its source, and the structural health of each leaf.',
  usage: 'aicr recipe list [--service S] [--accelerator A] [--intent I] [--os O] [--platform P] [--data DIR] [--format table|json|yaml] [--no-health]',
  options: RECIPE_LIST_OPTIONS,
  examples: [
    'aicr recipe list',
    'aicr recipe list --service eks --intent training',
    'aicr recipe list --accelerator h100 --format json',
    'aicr recipe list --data ./my-recipes --format yaml --no-health',
  ],
  async run(values, context) {
    const filter = parseCatalogFilter(values);
    const catalog = await loadDataCatalog(values.data);
    const entries = listCatalog(catalog, filter, { health: !values.noHealth });
    context.stdout.write(formatCatalogList(entries, values.format, !values.noHealth));
    return 0;
  },
});
