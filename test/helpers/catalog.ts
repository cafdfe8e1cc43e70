import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCatalogLayers, yamlDocumentReader, type Catalog } from '../../src/core/catalog/catalog.js';
import { DirectorySource, openExternalDirectory } from '../../src/core/catalog/source.js';
import { toYaml } from '../../src/core/serialize.js';

/** A catalog whose embedded layer is `dir` (and optionally an external layer over it). */
export async function catalogFromDir(dir: string, externalDir?: string): Promise<Catalog> {
  const source = new DirectorySource(dir, dir, 'embedded');
  const external = externalDir ? openExternalDirectory(externalDir) : undefined;
  return loadCatalogLayers(
    { source, read: yamlDocumentReader(source) },
    external ? { source: external, read: yamlDocumentReader(external) } : undefined,
  );
}

/** Writes files (objects become YAML, strings are written as-is) into a new temp directory. */
export function writeTree(files: Record<string, unknown>, root = mkdtempSync(join(tmpdir(), 'aicr-test-'))): string {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, typeof content === 'string' ? content : toYaml(content));
  }
  return root;
}

export function tempDir(prefix = 'aicr-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
