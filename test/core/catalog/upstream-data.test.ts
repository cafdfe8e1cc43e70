import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogLayers, yamlDocumentReader, type Catalog } from '../../../src/core/catalog/catalog.js';
import { catalogFileRole } from '../../../src/core/catalog/layout.js';
import { DirectorySource, openExternalDirectory, walkFiles } from '../../../src/core/catalog/source.js';
import { tempDir } from '../../helpers/catalog.js';
import { SHARED, UPSTREAM_RECIPES } from '../../helpers/paths.js';

const UPSTREAM_2026 = join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'recipes');

/**
 * Loads `dataDir` as --data over upstream v0.11.1's catalog (fixed, unlike our recipes/), recording
 * every file the loader reads from `dataDir`.
 */
async function loadRecording(dataDir: string): Promise<{ read: string[]; catalog?: Catalog; error?: Error }> {
  const read: string[] = [];
  const external = openExternalDirectory(dataDir);
  const readText = external.readText.bind(external);
  external.readText = (path: string) => {
    read.push(path);
    return readText(path);
  };
  const embedded = new DirectorySource(UPSTREAM_RECIPES, 'embedded catalog', 'embedded');
  try {
    const catalog = await loadCatalogLayers({ source: embedded, read: yamlDocumentReader(embedded) }, { source: external, read: yamlDocumentReader(external) });
    return { read, catalog };
  } catch (error) {
    return { read, error: error as Error };
  }
}

describe('the loader reads only what a catalog is (upstream ignores the rest)', () => {
  it('classifies every file of upstream 2026-08-21: only README.md files and evidence/ are no catalog data', () => {
    const outside = walkFiles(UPSTREAM_2026).filter((path) => catalogFileRole(path) === undefined);
    expect(outside.filter((path) => !path.startsWith('evidence/'))).toEqual(['README.md', 'validators/README.md']);
    expect(outside.filter((path) => path.startsWith('evidence/')).length).toBe(walkFiles(join(UPSTREAM_2026, 'evidence')).length);
    expect(catalogFileRole('evidence/allowlist.yaml')).toBeUndefined();
    expect(catalogFileRole('overlays/drafts/x.yaml')).toBeUndefined();
    expect(catalogFileRole('notes.yaml')).toBeUndefined();
    expect(catalogFileRole('components/gpu-operator/manifests/dcgm-exporter.yaml')).toBe('manifest');
    expect(catalogFileRole('components/gpu-operator/readiness.yaml')).toBe('component');
  });

  it('loads --data holding upstream evidence/, READMEs and stray YAML without reading them; they still travel with the data', async () => {
    const dir = tempDir('aicr-upstream-data-');
    cpSync(UPSTREAM_RECIPES, dir, { recursive: true });
    cpSync(join(UPSTREAM_2026, 'evidence'), join(dir, 'evidence'), { recursive: true });
    mkdirSync(join(dir, 'overlays', 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'overlays', 'drafts', 'idea.yaml'), 'not: [a, recipe\n');
    writeFileSync(join(dir, 'notes.yaml'), 'schemaVersion: 1.0.0\nfirstParty: []\n');
    const { read, catalog, error } = await loadRecording(dir);
    expect(error).toBeUndefined();
    expect(read.filter((path) => catalogFileRole(path) === undefined)).toEqual([]);
    expect(read).toContain('overlays/h100-eks-ubuntu-training.yaml');
    // The overlays are upstream v0.11.1's: the copy replaces the embedded layer file by file.
    expect(catalog!.overlays.size).toBe(37);
    expect(catalog!.overlays.get('h100-eks-ubuntu-training')!.origin).toBe('external');
    expect(catalog!.externalFiles).toContain('evidence/allowlist.yaml');
    expect(catalog!.readText('evidence/allowlist.yaml')).toContain('firstParty:');
  });

  it("a copy of upstream 2026-08-21's whole tree as --data: nothing outside the catalog is read", async () => {
    const dir = tempDir('aicr-upstream-data-');
    cpSync(UPSTREAM_2026, dir, { recursive: true });
    const { read, catalog, error } = await loadRecording(dir);
    expect(read.filter((path) => catalogFileRole(path) === undefined)).toEqual([]);
    // evidence/ sorts before mixins/ and overlays/: a loader that parsed it failed there first.
    expect(read.some((path) => path.startsWith('mixins/') || path.startsWith('overlays/'))).toBe(true);
    if (error) expect(error.message).not.toMatch(/evidence|README/);
    else expect(catalog!.overlays.size).toBeGreaterThanOrEqual(102);
  });
});
