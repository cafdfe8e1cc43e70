/**
 * What `mirror list` discovers from: a recipe (its components planned exactly as `aicr bundle`
 * plans them: selection, `--set`, values, manifests rendered with the final values), or a bundle
 * directory (its recipe.yaml for chart coordinates and namespaces, each numbered folder's own
 * values files, local and vendored charts rendered from the folder).
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { Criteria, RecipeResult } from '../documents/types.js';
import { invalidInput, notFound } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { planBundle } from '../bundle/plan.js';
import type { PlannedComponent } from '../bundle/types.js';
import type { MirrorComponent } from './discover.js';

/** Largest values file, template or manifest read from a bundle. */
const MAX_BUNDLE_FILE_BYTES = 10 * 1024 * 1024;

/** `criteria(service=eks, accelerator=h100, …)` as upstream prints criteria (`any` left out). */
export function criteriaText(criteria: Partial<Criteria> | undefined): string {
  const parts: string[] = [];
  for (const key of ['service', 'accelerator', 'intent', 'os', 'platform'] as const) {
    const value = criteria?.[key];
    if (value && value !== 'any') parts.push(`${key}=${value}`);
  }
  if (criteria?.nodes) parts.push(`nodes=${criteria.nodes}`);
  return parts.length === 0 ? 'criteria(any)' : `criteria(${parts.join(', ')})`;
}

/** Components in the order the recipe lists them (upstream's order), whatever order they deploy in. */
function inRecipeOrder(components: MirrorComponent[], recipe: RecipeResult): MirrorComponent[] {
  const position = new Map(recipe.componentRefs.map((ref, index) => [ref.name, index]));
  return [...components].sort((a, b) => (position.get(a.name) ?? 0) - (position.get(b.name) ?? 0));
}

function fromPlanned(component: PlannedComponent): MirrorComponent {
  const texts = [...component.preManifests, ...component.manifests].map((manifest) => ({ where: `${component.name} manifest ${manifest.source}`, text: manifest.content }));
  return {
    name: component.name,
    type: component.kind === 'kustomize' ? 'kustomize' : 'helm',
    namespace: component.namespace,
    ...(component.chart ? { chart: { name: component.chart.name, repository: component.chart.repo, version: component.chart.version } } : {}),
    values: component.values,
    texts,
    warnings: component.kind === 'kustomize' ? ['kustomize sources are not rendered: list their images yourself'] : [],
  };
}

/** The components of a recipe, planned as `aicr bundle` plans them. */
export async function componentsOfRecipe(recipe: RecipeResult, catalog: Catalog, set: string[]): Promise<MirrorComponent[]> {
  const plan = await planBundle({ recipe, catalog, options: { deployer: 'helm', ...(set.length ? { set } : {}) } });
  return inRecipeOrder(plan.components.map(fromPlanned), recipe);
}

function readBounded(path: string): string {
  const stat = lstatSync(path);
  if (!stat.isFile()) throw invalidInput(`${optionRef('bundle')}: ${path} is not a regular file`, { hint: 'pass a bundle directory written by aicr bundle' });
  if (stat.size > MAX_BUNDLE_FILE_BYTES) throw invalidInput(`${optionRef('bundle')}: ${path} is larger than ${MAX_BUNDLE_FILE_BYTES} bytes`, { hint: 'pass a bundle directory written by aicr bundle' });
  return readFileSync(path, 'utf8');
}

/** YAML files directly under `dir`, sorted (a folder's templates). */
function yamlFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
}

/**
 * The components of a bundle: folders `NNN-<release>` grouped by component (`<name>-pre`,
 * `<name>-post` and `<name>-readiness` belong to `<name>`), in folder order.
 */
export function componentsOfBundle(dir: string, recipe: RecipeResult): MirrorComponent[] {
  const folders = readdirSync(dir).filter((name) => /^\d{3}-[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && lstatSync(join(dir, name)).isDirectory()).sort();
  if (folders.length === 0) {
    throw notFound(`${optionRef('bundle')}: ${dir} has no NNN-<release> folders`, { hint: 'pass a directory written by aicr bundle, or pass its recipe.yaml with --recipe' });
  }
  const refs = new Map(recipe.componentRefs.map((ref) => [ref.name, ref]));
  const byName = new Map<string, MirrorComponent>();
  for (const folder of folders) {
    const release = folder.slice(4);
    const ref = refs.get(release) ?? refs.get(release.replace(/-(pre|post|readiness)$/, ''));
    if (!ref) continue;
    let component = byName.get(ref.name);
    if (!component) {
      const kustomize = ref.type === 'Kustomize' || Boolean(ref.path) || Boolean(ref.tag);
      component = {
        name: ref.name,
        type: kustomize ? 'kustomize' : 'helm',
        namespace: ref.namespace ?? '',
        ...(!kustomize && ref.source ? { chart: { name: ref.chart || ref.name, repository: ref.source, version: ref.version ?? '' } } : {}),
        values: {},
        texts: [],
        warnings: kustomize ? ['kustomize sources are not rendered: list their images yourself'] : [],
      };
      byName.set(ref.name, component);
    }
    const path = join(dir, folder);
    const valuesFiles = ['values.yaml', 'cluster-values.yaml'].map((name) => join(path, name)).filter((file) => existsSync(file));
    const isPrimary = release === ref.name;
    if (existsSync(join(path, 'Chart.yaml'))) {
      // A generated chart (manifests) or a vendored wrapper chart: rendered from the folder as it is.
      if (isPrimary) {
        component.localChart = path;
        component.valuesFiles = valuesFiles;
        component.fallback = valuesFiles.map((file) => ({ where: `${folder}/${file.slice(path.length + 1)}`, text: readBounded(file) }));
      }
      for (const file of yamlFilesIn(join(path, 'templates'))) component.texts.push({ where: `${folder}/templates/${file.slice(join(path, 'templates').length + 1)}`, text: readBounded(file) });
    } else if (isPrimary && component.chart) {
      component.valuesFiles = valuesFiles;
      component.fallback = valuesFiles.map((file) => ({ where: `${folder}/${file.slice(path.length + 1)}`, text: readBounded(file) }));
    }
  }
  return inRecipeOrder([...byName.values()], recipe);
}
