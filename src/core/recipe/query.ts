/**
 * `aicr query`: the hydrated recipe document (components keyed by name with their merged Helm
 * values) and the dot-path selector over it.
 */
import { notFound, optionError, wrapError, ErrorCode } from '../errors.js';
import { MAX_DEPTH } from '../documents/depth.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ComponentRef, Criteria, RecipeResult } from '../documents/types.js';
import { compareStrings, isPlainObject, sortKeysDeep, toJson, toYaml } from '../serialize.js';
import { deepClone, mergeValues } from '../util/objects.js';

function loadValues(catalog: Catalog, path: string, what: string): Record<string, unknown> {
  if (!catalog.hasFile(path)) throw notFound(`failed to read ${what} "${path}": no such file in the catalog`, { hint: 'check valuesFile in the recipe' });
  try {
    return catalog.readValues(path);
  } catch (error) {
    throw wrapError(error, `failed to parse ${what} "${path}"`, ErrorCode.InvalidInput);
  }
}

/**
 * Helm values of one component: its `values.yaml`, then the variant `valuesFile` (only one
 * variant file; variants never chain), then the recipe's overrides. Returns a fresh object.
 * Needs the YAML parser loaded (catalog loading does that).
 */
export function hydrateValues(catalog: Catalog, ref: ComponentRef): Record<string, unknown> {
  const hasOverrides = ref.overrides !== undefined && Object.keys(ref.overrides).length > 0;
  if (!ref.valuesFile && !hasOverrides) return {};
  let values: Record<string, unknown> = {};
  try {
    if (ref.valuesFile) {
      const basePath = `components/${ref.name}/values.yaml`;
      if (ref.valuesFile === basePath) values = loadValues(catalog, basePath, 'values file');
      else {
        if (catalog.hasFile(basePath)) values = loadValues(catalog, basePath, 'base values file');
        values = mergeValues(values, loadValues(catalog, ref.valuesFile, 'overlay values file'));
      }
    }
    if (hasOverrides) values = mergeValues(values, ref.overrides!);
  } catch (error) {
    throw wrapError(error, `failed to hydrate values for component "${ref.name}"`);
  }
  return deepClone(values);
}

/** The document `query` selects from (spec 9.2), with keys sorted. */
export function hydrateRecipe(catalog: Catalog, recipe: RecipeResult, criteria: Criteria): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  for (const ref of recipe.componentRefs) {
    const entry: Record<string, unknown> = { name: ref.name, type: ref.type ?? '', source: ref.source ?? '' };
    if (ref.namespace) entry.namespace = ref.namespace;
    if (ref.chart) entry.chart = ref.chart;
    if (ref.version) entry.version = ref.version;
    if (ref.tag) entry.tag = ref.tag;
    if (ref.path) entry.path = ref.path;
    if (ref.dependencyRefs?.length) entry.dependencyRefs = [...ref.dependencyRefs];
    const values = hydrateValues(catalog, ref);
    if (Object.keys(values).length > 0) entry.values = values;
    components[ref.name] = entry;
  }
  const document: Record<string, unknown> = {
    kind: recipe.kind,
    apiVersion: recipe.apiVersion,
    metadata: {
      version: recipe.metadata.version ?? '',
      appliedOverlays: recipe.metadata.appliedOverlays ?? [],
      excludedOverlays: recipe.metadata.excludedOverlays ?? null,
      constraintWarnings: recipe.metadata.constraintWarnings ?? null,
      ...(recipe.metadata.gpuDriverState ? { gpuDriverState: recipe.metadata.gpuDriverState } : {}),
      ...(recipe.metadata.selectedProfile ? { selectedProfile: recipe.metadata.selectedProfile } : {}),
      ...(recipe.metadata.mariaDBOperatorState ? { mariaDBOperatorState: recipe.metadata.mariaDBOperatorState } : {}),
    },
    criteria: { ...criteria },
    ...(recipe.configuration ? { configuration: recipe.configuration } : {}),
    deploymentOrder: recipe.deploymentOrder,
    components,
  };
  if (recipe.constraints?.length) document.constraints = recipe.constraints;
  return sortKeysDeep(deepClone(document));
}

/** Most keys a selector may have (documents nest at most MAX_DEPTH levels, plus the recipe's own). */
const MAX_SELECTOR_KEYS = MAX_DEPTH + 8;

/**
 * Walks a dot-path (one leading `.` allowed; empty selects everything). No escaping, no list
 * indexes: keys containing dots cannot be addressed, as upstream.
 */
export function select(document: unknown, selector: string): unknown {
  const path = selector.startsWith('.') ? selector.slice(1) : selector;
  if (path === '') return document;
  const parts = path.split('.');
  if (parts.length > MAX_SELECTOR_KEYS) {
    throw optionError('selector', `has ${parts.length} keys, more than ${MAX_SELECTOR_KEYS}: ${JSON.stringify(`${path.slice(0, 40)}…`)}`, { hint: 'a hydrated recipe nests far less deep; shorten the selector' });
  }
  let node = document;
  for (const part of parts) {
    if (!isPlainObject(node)) {
      throw notFound(`selector "${path}": cannot descend into non-map value at "${part}"`, { hint: 'shorten the selector to end at this value' });
    }
    if (!Object.prototype.hasOwnProperty.call(node, part)) {
      const keys = Object.keys(node).sort(compareStrings);
      throw notFound(`selector "${path}": key "${part}" not found, available keys: ${keys.join(', ')}`, {
        hint: `use one of the available keys after "${path.slice(0, Math.max(0, path.lastIndexOf(part) - 1)) || '(top)'}"`,
        details: { selector: path, key: part, available: keys },
      });
    }
    node = node[part];
  }
  return node;
}

/** Scalars print as plain text; maps, lists and null as YAML (4-space, as upstream) or JSON. */
export function formatSelection(value: unknown, format: 'yaml' | 'json' | 'table'): string {
  if (format === 'json') return toJson(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `${String(value)}\n`;
  return toYaml(value, { indent: 4, sortKeys: true });
}
