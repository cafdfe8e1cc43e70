/**
 * The catalog shipped in `recipes/`, and the per-process cache of loaded catalogs.
 *
 * Bundled entry points may switch on the precompiled form (`dist/catalog.json`, written by the
 * build from the same files): it skips YAML parsing at start-up and never changes meaning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { internalError, wrapError } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { Catalog, loadCatalogLayers, yamlDocumentReader, type CatalogLayer, type DocumentReader } from './catalog.js';
import { DirectorySource, openExternalDirectory } from './source.js';
import { precompiledCatalogEnabled } from './precompiled.js';
import { reportApiVersionNotices, type ApiVersionNotice } from '../documents/api-versions.js';
import type { Logger } from '../logger.js';

interface PrecompiledCatalog {
  /** Relative paths of every file in recipes/, in walk order. */
  files: string[];
  /** Parsed documents (registry, overlays, mixins, values files) by relative path. */
  documents: Record<string, unknown>;
}

/** `dist/catalog.json` when the entry point enabled it and it exists. */
function precompiledPath(): string | undefined {
  if (!precompiledCatalogEnabled()) return undefined;
  const path = join(projectRoot(), 'dist', 'catalog.json');
  return existsSync(path) ? path : undefined;
}

let root: string | undefined;
/** The project root: the nearest ancestor of this module holding recipes/registry.yaml. */
function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    if (existsSync(join(dir, 'recipes', 'registry.yaml'))) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw internalError('the embedded recipe catalog (recipes/registry.yaml) was not found next to the program', {
    hint: 'reinstall the package; the recipes/ folder must ship with it',
  });
}

export function embeddedRecipesDir(): string {
  return join(projectRoot(), 'recipes');
}

function embeddedLayer(compiledPath: string | undefined): CatalogLayer {
  const notices: ApiVersionNotice[] = [];
  if (compiledPath) {
    const compiled = JSON.parse(readFileSync(compiledPath, 'utf8')) as PrecompiledCatalog;
    const source = new DirectorySource(embeddedRecipesDir(), 'embedded catalog', 'embedded', compiled.files);
    // Precompiled documents are the files of recipes/, which a test loads without notices.
    const read: DocumentReader = (kind, path) => {
      const document = compiled.documents[path];
      if (document === undefined) return yamlDocumentReader(source, notices)(kind, path);
      return (document === null ? undefined : document) as never;
    };
    const parsedValues = (path: string): unknown => compiled.documents[path];
    return { source, read, parsedValues, notices };
  }
  const source = new DirectorySource(embeddedRecipesDir(), 'embedded catalog', 'embedded');
  return { source, read: yamlDocumentReader(source, notices), notices };
}

const cache = new Map<string, Promise<Catalog>>();

/**
 * The catalog for a `--data` directory (or the embedded one), loaded once per process.
 * A failed load is not cached, so a corrected directory can be retried.
 */
export function loadCatalog(dataDir?: string): Promise<Catalog> {
  const key = dataDir ?? '';
  let pending = cache.get(key);
  if (!pending) {
    pending = (async () => {
      const external = dataDir ? openExternalDirectory(dataDir) : undefined;
      const compiledPath = precompiledPath();
      const embedded = embeddedLayer(compiledPath);
      const externalNotices: ApiVersionNotice[] = [];
      const externalLayer = external ? { source: external, read: yamlDocumentReader(external, externalNotices), notices: externalNotices } : undefined;
      if (compiledPath && !externalLayer) {
        // Nothing to parse: the precompiled catalog needs neither the YAML parser nor ajv.
        return Catalog.fromLayers(embedded);
      }
      return loadCatalogLayers(embedded, externalLayer);
    })();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

const reported = new WeakSet<Catalog>();

/**
 * The catalog for the `data` option (the embedded one without it); a broken directory names it.
 * With a logger, its documents with older apiVersions are reported, once per loaded catalog.
 */
export async function loadDataCatalog(data: string | undefined, logger?: Logger): Promise<Catalog> {
  const catalog = await loadCatalog(data).catch((error: unknown) => {
    throw data ? wrapError(error, `${optionRef('data')}: failed to load the data directory ${data}`) : error;
  });
  if (logger && !reported.has(catalog)) {
    reported.add(catalog);
    reportApiVersionNotices(logger, catalog.apiVersionNotices);
  }
  return catalog;
}
