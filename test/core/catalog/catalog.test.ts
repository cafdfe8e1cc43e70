import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, embeddedRecipesDir } from '../../../src/core/catalog/embedded.js';
import { lintCatalog } from '../../../src/core/catalog/lint.js';
import { walkFiles, openExternalDirectory, DATA_LIMITS } from '../../../src/core/catalog/source.js';
import { buildRecipe } from '../../../src/core/recipe/build.js';
import { anyCriteria, applyCriteria } from '../../../src/core/criteria.js';
import { readDocument } from '../../../src/core/documents/index.js';
import { formatError, exitCodeFor } from '../../../src/core/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { catalogFromDir, tempDir, writeTree } from '../../helpers/catalog.js';
import { commentsIn } from '../../../scripts/catalog-sync/strip.js';
import { REPO_ROOT, UPSTREAM_2026_RECIPES, UPSTREAM_RECIPES } from '../../helpers/paths.js';

const eksH100Training = applyCriteria(anyCriteria(), { service: 'eks', accelerator: 'h100', intent: 'training' }, (f) => f);

describe('embedded catalog', () => {
  it('covers every file of the upstream 2026-08-21 catalog it was imported from, at the same path', () => {
    const ours = new Set(walkFiles(embeddedRecipesDir()));
    // Upstream's READMEs and its evidence/ folder (conformance attestations) are no catalog data.
    const isData = (path: string) => !path.endsWith('README.md') && path !== 'LICENSE' && !path.startsWith('evidence/');
    const missing = walkFiles(UPSTREAM_2026_RECIPES).filter((path) => isData(path) && !ours.has(path));
    expect(missing).toEqual([]);
  });

  it('schema-checks every document and has no lint problems', async () => {
    const catalog = await loadCatalog();
    expect(catalog.overlays.size).toBe(102);
    expect(catalog.registry.components).toHaveLength(43);
    expect(catalog.mixins.size).toBeGreaterThanOrEqual(2);
    expect(lintCatalog(catalog)).toEqual([]);
  });

  it('parses every values file and manifest under components/', async () => {
    const root = embeddedRecipesDir();
    const files = walkFiles(root).filter((path) => path.startsWith('components/') && path.endsWith('.yaml') && !path.includes('/manifests/'));
    expect(files.length).toBeGreaterThan(20);
    for (const path of files) {
      const { parse } = await import('yaml');
      expect(() => parse(readFileSync(join(root, path), 'utf8')), path).not.toThrow();
    }
  });

  it('carries no upstream licence headers or comments in its data files', () => {
    const root = embeddedRecipesDir();
    for (const path of walkFiles(root).filter((p) => p.endsWith('.yaml') && !p.includes('/manifests/'))) {
      const text = readFileSync(join(root, path), 'utf8');
      expect(text, path).not.toMatch(/Copyright \(c\)|NVIDIA CORPORATION/);
      expect(commentsIn(text), path).toEqual([]);
    }
  });

  it('precompiled dist/catalog.json holds exactly the parsed documents of recipes/', async () => {
    const compiled = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'catalog.json'), 'utf8'));
    expect(compiled.files).toEqual(walkFiles(embeddedRecipesDir()));
    const { parse } = await import('yaml');
    for (const [path, document] of Object.entries(compiled.documents)) {
      const source = parse(readFileSync(join(embeddedRecipesDir(), path), 'utf8'));
      if (path.startsWith('components/')) expect(document, path).toEqual(source);
      else if (document === null) expect(source.kind).not.toBe('RecipeMetadata');
      else expect(document, path).toEqual(source);
    }
  });

  it('upstream v0.11.1 lints clean too (only the known non-schema registry block aside)', async () => {
    expect(lintCatalog(await catalogFromDir(UPSTREAM_RECIPES))).toEqual([]);
  });
});

describe('builds never share state', () => {
  it('leaves the loaded catalog unchanged and gives identical results on repeat', async () => {
    const catalog = await loadCatalog();
    const before = JSON.stringify([catalog.base, [...catalog.overlays.values()].map((o) => o.document), catalog.registry]);
    const first = JSON.stringify(buildRecipe(catalog, eksH100Training));
    for (const service of ['eks', 'gke', 'aks', 'kind']) buildRecipe(catalog, { ...eksH100Training, service, os: { gke: 'cos', eks: 'ubuntu' }[service] ?? 'any' });
    expect(JSON.stringify(buildRecipe(catalog, eksH100Training))).toBe(first);
    expect(JSON.stringify([catalog.base, [...catalog.overlays.values()].map((o) => o.document), catalog.registry])).toBe(before);
    // Changing a result (as a caller might) cannot reach the catalog or later results.
    const result = buildRecipe(catalog, eksH100Training);
    const gpu = result.componentRefs.find((r) => r.name === 'gpu-operator')!;
    try {
      (gpu.overrides as Record<string, unknown>).cdi = 'changed';
      result.constraints!.push({ name: 'x', value: 'y' });
    } catch {
      // Frozen shared data may refuse the change; either way nothing leaks.
    }
    expect(JSON.stringify(buildRecipe(catalog, eksH100Training))).toBe(first);
    expect(JSON.stringify([catalog.base, [...catalog.overlays.values()].map((o) => o.document), catalog.registry])).toBe(before);
  });
});

describe('external data directories', () => {
  it('rejects a missing directory, a file, a directory without registry.yaml', () => {
    expect(() => openExternalDirectory('/non/existent')).toThrow('external data directory not found: /non/existent');
    expect(exitCodeFor(catchError(() => openExternalDirectory('/non/existent')))).toBe(3);
    const dir = tempDir();
    writeFileSync(join(dir, 'file.txt'), 'x');
    expect(() => openExternalDirectory(join(dir, 'file.txt'))).toThrow('external data path is not a directory');
    expect(() => openExternalDirectory(dir)).toThrow(`registry.yaml is required in external data directory: ${dir}`);
  });

  it('rejects symlinks (files and directories), .. names and oversized files, listing every problem', () => {
    const dir = writeTree({ 'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] }, 'overlays/a..b.yaml': 'x: 1\n' });
    symlinkSync(join(dir, 'registry.yaml'), join(dir, 'symlink.yaml'));
    symlinkSync('/etc', join(dir, 'linked-dir'));
    const error = catchError(() => openExternalDirectory(dir));
    const message = formatError(error);
    expect(message).toContain('symlinks not allowed: symlink.yaml');
    expect(message).toContain('symlinks not allowed: linked-dir');
    expect(message).toContain('path traversal detected: overlays/a..b.yaml');
    expect(exitCodeFor(error)).toBe(2);
    const big = writeTree({ 'registry.yaml': 'components: []\n' + '#'.repeat(100) });
    expect(() => openExternalDirectory(big, { maxFileBytes: 10 })).toThrow(/file too large \(\d+ bytes, max 10\): registry.yaml/);
  });

  it('caps the total size, the number of entries and the depth (exit 2; loadDataCatalog names --data)', () => {
    const message = (dir: string, limits = {}) => {
      const error = catchError(() => openExternalDirectory(dir, limits));
      expect(exitCodeFor(error)).toBe(2);
      return renderOptionRefs((error as Error).message);
    };
    // Sparse files: sizes past the total without writing them.
    const big = writeTree({ 'registry.yaml': 'components: []\n' });
    for (let i = 0; i < 11; i++) {
      writeFileSync(join(big, `part-${i}.yaml`), '');
      truncateSync(join(big, `part-${i}.yaml`), DATA_LIMITS.maxFileBytes);
    }
    expect(message(big)).toBe('its files add up to more than 104857600 bytes (reached at part-9.yaml; a catalog is about 1.5 MB)');
    const many = writeTree({ 'registry.yaml': 'components: []\n' });
    for (let i = 0; i < 30; i++) writeFileSync(join(many, `f${i}.yaml`), '');
    expect(message(many, { maxEntries: 20 })).toBe('it holds more than 20 files and folders (a catalog holds about 100)');
    expect(openExternalDirectory(many, { maxEntries: 31 }).files).toHaveLength(31);
    const deep = writeTree({ 'registry.yaml': 'components: []\n' });
    mkdirSync(join(deep, ...Array.from({ length: 5 }, (_, i) => `d${i}`)), { recursive: true });
    expect(message(deep, { maxDepth: 4 })).toContain('d0/d1/d2/d3/d4 is nested deeper than 4 folders');
  });

  it('layers overlays by path and rejects a duplicate overlay name at another path', async () => {
    const replaced = writeTree({
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
      'overlays/eks.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: 'eks' }, spec: { criteria: { service: 'eks' }, constraints: [{ name: 'K8s.server.version', value: '>= 1.31' }] } },
    });
    const recipe = buildRecipe(await loadCatalog(replaced), applyCriteria(anyCriteria(), { service: 'eks' }, (f) => f));
    expect(recipe.constraints).toEqual([{ name: 'K8s.server.version', value: '>= 1.31' }]);
    expect(recipe.componentRefs.map((r) => r.name)).not.toContain('aws-efa');

    const duplicate = writeTree({
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
      'overlays/my-eks.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: 'eks' }, spec: { criteria: { service: 'eks' } } },
    });
    const error = await loadCatalog(duplicate).catch((e) => e);
    expect(formatError(error)).toContain('overlay name "eks" is defined twice');
    expect(formatError(error)).toContain('put your file at overlays/eks.yaml');
  });

  it('names the file and line of a malformed overlay, and rejects a wrongly typed field', async () => {
    const broken = writeTree({ 'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] }, 'overlays/bad.yaml': 'kind: RecipeMetadata\napiVersion: aicr.run/v1beta1\nmetadata:\n  name: bad\nspec:\n  criteria: [unclosed\n' });
    const error = await loadCatalog(broken).catch((e) => e);
    expect(formatError(error)).toMatch(new RegExp(`failed to parse overlays/bad.yaml: ${broken}/overlays/bad.yaml:\\d+:\\d+: malformed YAML`));
    expect(exitCodeFor(error)).toBe(2);
    const typed = writeTree({
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
      'overlays/typed.yaml': 'kind: RecipeMetadata\napiVersion: aicr.run/v1beta1\nmetadata:\n  name: typed\nspec:\n  criteria:\n    service: eks\n  constraints:\n    - name: OS.release.VERSION_ID\n      value: 24.04\n',
    });
    const typedError = await loadCatalog(typed).catch((e) => e);
    expect(formatError(typedError)).toContain(`${typed}/overlays/typed.yaml:10:7: RecipeMetadata field spec.constraints[0].value must be string, found the number 24.04`);
    expect(formatError(typedError)).toContain('hint: quote the value ("24.04")');
  });
});

describe('mixins', () => {
  it('rejects unknown fields, a wrong kind and duplicate names', async () => {
    const unknownField = writeTree({ 'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] }, 'mixins/m.yaml': { kind: 'RecipeMixin', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { name: 'm' }, spec: { criteria: { service: 'eks' } } } });
    expect(formatError(await loadCatalog(unknownField).catch((e) => e))).toContain('has the unknown field "criteria"');
    const wrongKind = writeTree({ 'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] }, 'mixins/m.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: 'm' } } });
    expect(formatError(await loadCatalog(wrongKind).catch((e) => e))).toContain('RecipeMixin field kind is "RecipeMetadata", expected "RecipeMixin"');
    const duplicate = writeTree({
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
      'mixins/a.yaml': { kind: 'RecipeMixin', apiVersion: 'aicr.run/v1beta1', metadata: { name: 'os-ubuntu' }, spec: {} },
    });
    expect(formatError(await loadCatalog(duplicate).catch((e) => e))).toContain('duplicate mixin name "os-ubuntu"');
  });
});

describe('document limits', () => {
  it('rejects a YAML alias bomb quickly with a clear message', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = performance.now();
    const error = await readDocument('RecipeCriteria', lines.join('\n'), 'bomb.yaml').catch((e) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(formatError(error)).toContain('bomb.yaml');
    expect(formatError(error)).toMatch(/alias/i);
    expect(exitCodeFor(error)).toBe(2);
  });

  it('rejects an oversized document before parsing it', async () => {
    const huge = 'x: ' + 'y'.repeat(11 * 1024 * 1024);
    const started = performance.now();
    const error = await readDocument('RecipeCriteria', huge, 'huge.yaml').catch((e) => e);
    expect(performance.now() - started).toBeLessThan(500);
    expect(formatError(error)).toContain('huge.yaml: document is too large');
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
