/**
 * `aicr mirror list`: the container images and Helm charts a recipe or a bundle needs, for
 * mirroring into an air-gapped registry (Hauler, Zarf, or any tool reading plain lines).
 */
import { join } from 'node:path';
import { loadDataCatalog } from '../catalog/embedded.js';
import { optionError } from '../errors.js';
import { loadDocument } from '../load.js';
import { parseLocation, writeLocation } from '../io.js';
import type { OptionValues } from '../options/spec.js';
import { readOptionsFor, type StepIO } from '../step.js';
import { VERSION } from '../version.js';
import { parseSetFlags } from '../bundle/set.js';
import { discover, kubeVersionFrom, requireHelm } from './discover.js';
import { formatMirrorList, type MirrorList } from './format.js';
import type { MIRROR_LIST_OPTIONS } from './options.js';
import { componentsOfBundle, componentsOfRecipe, criteriaText } from './sources.js';

export type MirrorListValues = OptionValues<typeof MIRROR_LIST_OPTIONS>;

export async function runMirrorList(values: MirrorListValues, io: StepIO): Promise<MirrorList> {
  if (values.recipe && values.bundle) throw optionError('bundle', 'cannot be combined with --recipe', { hint: 'pass one: a recipe, or a bundle directory' });
  if (!values.recipe && !values.bundle) throw optionError('recipe', 'is required (or --bundle)', { hint: 'pass the recipe file (aicr recipe … -o recipe.yaml), or a bundle directory with --bundle' });
  if (values.bundle && values.set.length) throw optionError('set', 'applies to --recipe only', { hint: 'a bundle already holds its final values; regenerate it with --set, or list its recipe with --recipe' });
  parseSetFlags(values.set);
  const output = parseLocation(values.output, 'output');
  const recipeLocation = values.recipe || join(values.bundle!, 'recipe.yaml');
  const [recipe, catalog] = await Promise.all([
    loadDocument('RecipeResult', recipeLocation, readOptionsFor(values.recipe ? 'recipe' : 'bundle', io, values.kubeconfig)),
    values.recipe ? loadDataCatalog(values.data) : undefined,
  ]);
  const components = values.bundle ? componentsOfBundle(values.bundle, recipe.document) : await componentsOfRecipe(recipe.document, catalog!, values.set);
  if (!values.offline) await requireHelm(io.env, io.signal);
  io.logger.info(`discovering the images and charts of ${components.length} components${values.offline ? ' (offline: charts not rendered)' : ''}`);
  const list = await discover(components, {
    offline: values.offline,
    env: io.env,
    kubeVersion: kubeVersionFrom(recipe.document.constraints),
    recipeVersion: VERSION,
    criteria: criteriaText(recipe.document.criteria),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  for (const component of list.components) for (const warning of component.warnings ?? []) io.logger.warning(`${component.component}: ${warning}`);
  await writeLocation(output, formatMirrorList(list, values.format), { input: 'output', ...(io.stdout ? { stdout: io.stdout } : {}), ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}), ...(io.signal ? { signal: io.signal } : {}) });
  io.logger.info(`${list.images.length} images, ${list.charts.length} charts`);
  return list;
}
