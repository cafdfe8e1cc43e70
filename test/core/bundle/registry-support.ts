/** Small catalogs and recipes for the registry-field and bundle-validation tests. */
import { parseAllDocuments } from 'yaml';
import type { Catalog } from '../../../src/core/catalog/catalog.js';
import { generateBundle, type BundleOptions, type GeneratedBundle } from '../../../src/core/bundle/index.js';
import type { ComponentConfig, ComponentRef, RecipeResult } from '../../../src/core/documents/types.js';
import { ensureYamlParser } from '../../../src/core/documents/index.js';
import { catalogFromDir, writeTree } from '../../helpers/catalog.js';

const BASE = { kind: 'RecipeMetadata', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { name: 'base' }, spec: {} };

/** A catalog with these registry entries (and extra files, e.g. manifests) and an empty base. */
export async function registryCatalog(components: ComponentConfig[], files: Record<string, unknown> = {}): Promise<Catalog> {
  await ensureYamlParser();
  const dir = writeTree({ 'overlays/base.yaml': BASE, 'registry.yaml': { kind: 'ComponentRegistry', apiVersion: 'aicr.nvidia.com/v1alpha1', components }, ...files });
  return catalogFromDir(dir);
}

/** A Helm component ref pinned to a chart. */
export function helmRef(name: string, extra: Partial<ComponentRef> = {}): ComponentRef {
  return { name, type: 'Helm', source: 'https://charts.example.com', chart: name, version: '1.0.0', namespace: `${name}-ns`, ...extra };
}

export function recipeOf(refs: ComponentRef[], criteria: RecipeResult['criteria'] = {}, metadata: Record<string, unknown> = {}): RecipeResult {
  return { kind: 'RecipeResult', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { version: 'v1.0.0', ...metadata }, criteria, componentRefs: refs, deploymentOrder: refs.map((ref) => ref.name) };
}

export function bundle(catalog: Catalog, recipe: RecipeResult, options: Partial<BundleOptions> = {}): Promise<GeneratedBundle> {
  return generateBundle(recipe, catalog, { deployer: 'helm', toolVersion: 'v1.0.0', ...options });
}

export function file(generated: GeneratedBundle, path: string): string {
  const found = generated.files.find((entry) => entry.path === path);
  if (!found) throw new Error(`${path} not in bundle (files: ${generated.files.map((f) => f.path).join(', ')})`);
  if (typeof found.content !== 'string') throw new Error(`${path} is not a text file`);
  return found.content;
}

export function yamlOf(text: string): unknown[] {
  return parseAllDocuments(text).map((document) => document.toJS()).filter((value) => value !== null && value !== undefined);
}
