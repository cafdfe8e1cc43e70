// Every leaf overlay of upstream 2026-08-21: its recipe and its bundle succeed on upstream's own
// data directory (alone, and layered over ours as --data) and on our embedded catalog, and the
// results are equal (bundles as data: the import drops upstream's comments, not its facts). This is what keeps the imported catalog honest after each sync.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRecipe } from '../../src/core/recipe/build.js';
import { anyCriteria, applyCriteria } from '../../src/core/recipe/index.js';
import { loadCatalog } from '../../src/core/catalog/embedded.js';
import type { Catalog } from '../../src/core/catalog/catalog.js';
import { generateBundle, type DeployerName } from '../../src/core/bundle/index.js';
import type { RawCriteria, RecipeResult } from '../../src/core/documents/types.js';
import { catalogFromDir } from '../helpers/catalog.js';
import { UPSTREAM_2026_RECIPES } from '../helpers/paths.js';

interface Overlay { name: string; base?: string; criteria: RawCriteria }

/** Upstream's overlays as written (leaf = no other overlay names it as its base). */
function upstreamLeaves(): Overlay[] {
  const dir = join(UPSTREAM_2026_RECIPES, 'overlays');
  const overlays: Overlay[] = readdirSync(dir).filter((file) => file.endsWith('.yaml')).sort().map((file) => {
    const document = parse(readFileSync(join(dir, file), 'utf8'));
    return { name: document.metadata.name, base: document.spec?.base, criteria: document.spec?.criteria ?? {} };
  });
  const bases = new Set(overlays.map((overlay) => overlay.base).filter(Boolean));
  return overlays.filter((overlay) => !bases.has(overlay.name));
}

const leaves = upstreamLeaves();
const catalogs: Record<string, Catalog> = {};

beforeAll(async () => {
  catalogs.upstream = await catalogFromDir(UPSTREAM_2026_RECIPES);
  catalogs.layered = await loadCatalog(UPSTREAM_2026_RECIPES);
  catalogs.embedded = await loadCatalog();
});

function recipeFor(catalog: Catalog, leaf: Overlay): RecipeResult {
  return buildRecipe(catalog, applyCriteria(anyCriteria(), leaf.criteria, (field) => `spec.criteria.${field} in ${leaf.name}`));
}

/**
 * A bundle file as data: YAML files (values, rendered manifests) as their documents, since the
 * import keeps upstream's facts but not its comments; checksums.txt follows from the rest.
 */
function asData(path: string, content: string | Uint8Array): unknown {
  if (typeof content !== 'string') return Buffer.from(content).toString('base64');
  if (!/\.ya?ml$/.test(path)) return content;
  return parseAllDocuments(content).map((document) => document.toJS()).filter((value) => value !== null);
}

/**
 * What a user passes for this leaf: on AKS the bundle-time validation (severity error, as
 * upstream) refuses the default wildcard GPU toleration and asks for a keyed one.
 */
function userFlags(leaf: Overlay): { acceleratedNodeToleration?: string[] } {
  return leaf.criteria.service === 'aks' ? { acceleratedNodeToleration: ['nvidia.com/gpu:NoSchedule'] } : {};
}

/** The result with the fields that name where the data came from left out. */
function comparable(recipe: RecipeResult): unknown {
  const { metadata, ...rest } = recipe as RecipeResult & { metadata: Record<string, unknown> };
  const { version: _version, ...meta } = metadata;
  return { ...rest, metadata: meta };
}

it('upstream 2026-08-21 has the leaf overlays its parity golden lists', () => {
  const golden = parse(readFileSync(join(UPSTREAM_2026_RECIPES, '..', 'pkg', 'recipe', 'testdata', 'catalog_parity_golden.yaml'), 'utf8')) as Record<string, string>;
  expect(leaves.map((leaf) => leaf.name).sort()).toEqual(Object.keys(golden).sort());
});

describe.each(leaves.map((leaf) => [leaf.name, leaf] as const))('leaf %s', (name, leaf) => {
  it('resolves to itself, equal on upstream data, layered --data and the embedded catalog', () => {
    const results = Object.fromEntries(Object.entries(catalogs).map(([label, catalog]) => [label, recipeFor(catalog, leaf)]));
    expect(results.upstream!.metadata.appliedOverlays?.at(-1)).toBe(name);
    expect(comparable(results.layered!)).toEqual(comparable(results.upstream!));
    expect(comparable(results.embedded!)).toEqual(comparable(results.upstream!));
  });

  it.each<DeployerName>(['helm', 'argocd', 'flux', 'helmfile', 'argocdhelm'])('bundles with %s, the same files and data on upstream data and the embedded catalog', async (deployer) => {
    const files: Record<string, Array<[string, unknown]>> = {};
    for (const label of ['upstream', 'embedded']) {
      const catalog = catalogs[label]!;
      const bundle = await generateBundle(recipeFor(catalog, leaf), catalog, { deployer, toolVersion: 'v1.0.0', ...userFlags(leaf) });
      files[label] = bundle.files.filter((file) => file.path !== 'checksums.txt').map((file) => [file.path, asData(file.path, file.content)]);
    }
    expect(files.embedded!.length).toBeGreaterThan(2);
    expect(files.embedded).toEqual(files.upstream);
  });
});
