// `npm run sync-catalog`: imports upstream AICR's recipes/ folder into ours. Facts come over,
// comments and prose do not; our apiVersions replace upstream's; every document is checked
// against our schemas before anything is replaced; the new catalog is written beside the old
// one and swapped in at the end, so recipes/ is never half-written.
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseAllDocuments, type Document } from 'yaml';
import { AicrError, ErrorCode, invalidInput, notFound } from '../../src/core/errors.js';
import { catalogFileRole } from '../../src/core/catalog/layout.js';
import { DATA_LIMITS, DirectorySource, walkFiles, type DataLimits } from '../../src/core/catalog/source.js';
import { loadCatalogLayers, yamlDocumentReader } from '../../src/core/catalog/catalog.js';
import { lintCatalog } from '../../src/core/catalog/lint.js';
import { checkDocument, ensureYamlParser, loadValidators, parseDocumentSync, type DocumentKind } from '../../src/core/documents/index.js';
import { parseValidatorCatalog } from '../../src/core/validate/live/validator-catalog.js';
import { compareStrings } from '../../src/core/serialize.js';
import { quoted } from '../../src/core/safe-text.js';
import { compareCatalogs, type CatalogFiles, type ChangeReport } from './report.js';
import { dropComments, isEmptyDocument, parseDataDocuments, stripDataFile, stripManifest, writeDataDocuments, YamlProblem } from './strip.js';
import { creditSection } from './credit.js';

/** The apiVersions we write for the catalog's kinds (upstream v1.0's targets). */
export const CATALOG_API_VERSIONS = {
  RecipeMetadata: 'aicr.run/v1beta1',
  /** RecipeMetadata that declares `spec.profile` (ADR-015). */
  ProfileRecipeMetadata: 'aicr.run/v1beta2',
  RecipeMixin: 'aicr.run/v1beta1',
  ComponentRegistry: 'aicr.run/v1beta1',
} as const;

/** Files of ours in recipes/ that an import keeps as they are (README.md gets its credit updated). */
const OWN_FILES = ['LICENSE-upstream-aicr', 'README.md'];

export interface SyncOptions {
  /** Upstream's recipes/ directory. */
  source: string;
  /** Our recipes/ directory, replaced unless `dryRun`. */
  target: string;
  /** Compare and report only; nothing is written. */
  dryRun?: boolean;
  /** What was imported, for the credit line and the report (`main 9793720d, 2026-08-21`). */
  upstream: string;
  /** Import even when documents fail our schemas; the problems go into the report. */
  tolerateInvalid?: boolean;
  limits?: Partial<DataLimits>;
}

export interface SyncResult {
  report: ChangeReport;
  /** True when recipes/ was replaced. */
  written: boolean;
}

/** Thrown when the imported documents fail our schemas: lists every problem. */
export class SchemaProblems extends AicrError {
  constructor(readonly problems: string[]) {
    super(ErrorCode.InvalidInput, `the imported catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`, {
      hint: 'fix the schemas or loader for the new upstream fields first, or pass --tolerate-invalid to import anyway and review the listed problems',
    });
  }
}

export async function syncCatalog(options: SyncOptions): Promise<SyncResult> {
  const upstream = readUpstreamTree(options.source, { ...DATA_LIMITS, ...options.limits });
  const old = readTree(options.target);
  const { files, kept } = convertTree(upstream.files, old, options.upstream);
  // A real import stages beside recipes/ (the swap is a rename on one file system); a dry run
  // never writes next to the checkout.
  const parent = options.dryRun ? tmpdir() : dirname(options.target);
  const staging = mkdtempSync(join(parent, `.${basename(options.target)}-sync-`));
  // Ctrl-C or a cancelled job leaves no staging folder behind (recipes/ is only ever renamed).
  const onSignal = (signal: NodeJS.Signals): void => {
    rmSync(staging, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    writeTree(staging, files);
    const problems = await checkTree(staging, files);
    if (problems.length && !options.tolerateInvalid) throw new SchemaProblems(problems);
    const report = compareCatalogs(old, files, { upstream: options.upstream, leftOut: upstream.leftOut, kept, problems });
    if (options.dryRun || report.noChanges) return { report, written: false };
    swapIn(staging, options.target);
    return { report, written: true };
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    rmSync(staging, { recursive: true, force: true });
  }
}

interface UpstreamTree {
  /** Catalog files by relative path, in walk order. */
  files: Map<string, string>;
  /** Files and folders left out because they are no catalog data (folders as `name/`). */
  leftOut: string[];
}

/**
 * Reads the catalog files of an upstream recipes/ directory. Refuses symlinks, special files,
 * odd names and anything past the `--data` limits, as a `--data` directory is refused.
 */
export function readUpstreamTree(dir: string, limits: DataLimits = DATA_LIMITS): UpstreamTree {
  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    throw notFound(`upstream recipes directory not found: ${dir}`, { cause: error, hint: "pass upstream AICR's recipes/ folder (it holds registry.yaml)" });
  }
  if (!stats.isDirectory()) throw invalidInput(`not a directory: ${dir}`, { hint: "pass upstream AICR's recipes/ folder" });
  const problems: string[] = [];
  let total = 0;
  let paths: string[];
  try {
    paths = walkFiles(dir, (relative, absolute) => {
      if (relative.split('/').length > limits.maxDepth) throw invalidInput(`${relative} in ${dir} is nested deeper than ${limits.maxDepth} folders`);
      if (/[\u0000-\u001f\u007f\\]/.test(relative) || relative.split('/').includes('..')) problems.push(`unsupported file name: ${quoted(relative)}`);
      const entry = lstatSync(absolute);
      if (entry.isSymbolicLink()) problems.push(`symlinks are not imported: ${relative}`);
      else if (!entry.isFile() && !entry.isDirectory()) problems.push(`not a regular file: ${relative}`);
      else if (entry.isFile()) {
        if (entry.size > limits.maxFileBytes) problems.push(`file too large (${entry.size} bytes, max ${limits.maxFileBytes}): ${relative}`);
        total += entry.size;
        if (total > limits.maxTotalBytes) throw invalidInput(`the files of ${dir} add up to more than ${limits.maxTotalBytes} bytes`, { hint: "pass upstream's recipes/ folder, not a folder above it" });
      }
    }, limits.maxEntries);
  } catch (error) {
    if (error instanceof AicrError) throw error;
    throw invalidInput(`cannot read ${dir}: ${(error as Error).message === '' ? 'more than ' + limits.maxEntries + ' entries' : (error as Error).message}`, {
      hint: `pass upstream's recipes/ folder (at most ${limits.maxEntries} files and folders)`,
    });
  }
  if (problems.length) throw invalidInput(`${dir} cannot be imported: ${problems.join('; ')}`, { hint: 'import from a plain checkout of upstream (no symlinks or special files)', details: { problems } });
  if (!paths.includes('registry.yaml')) throw invalidInput(`${dir} holds no registry.yaml`, { hint: "pass upstream AICR's recipes/ folder (registry.yaml is at its top)" });
  const files = new Map<string, string>();
  const leftOut = new Set<string>();
  for (const path of paths) {
    if (catalogFileRole(path) === undefined) {
      const top = path.split('/')[0]!;
      const folderIsCatalog = ['overlays', 'mixins', 'components', 'checks', 'validators'].includes(top);
      leftOut.add(path.includes('/') && !folderIsCatalog ? `${top}/` : path);
      continue;
    }
    const bytes = readFileSync(join(dir, ...path.split('/')));
    try {
      files.set(path, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw invalidInput(`${path} in ${dir} is not UTF-8 text`, { hint: 'catalog files are UTF-8 YAML; import from a plain checkout of upstream' });
    }
  }
  return { files, leftOut: [...leftOut] };
}

/** Every file below `dir` (our recipes/), by relative path. */
function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  let paths: string[];
  try {
    paths = walkFiles(dir);
  } catch (error) {
    throw notFound(`target recipes directory not readable: ${dir}`, { cause: error, hint: 'run the script from the repository (or pass --target)' });
  }
  for (const path of paths) files.set(path, readFileSync(join(dir, ...path.split('/')), 'utf8'));
  return files;
}

/** The new catalog: upstream's files converted, plus the files of ours that stay. */
export function convertTree(upstream: ReadonlyMap<string, string>, ours: ReadonlyMap<string, string>, label: string): { files: Map<string, string>; kept: string[] } {
  const converted = new Map<string, string>();
  const problems: string[] = [];
  for (const [path, text] of upstream) {
    try {
      converted.set(path, convertFile(path, text));
    } catch (error) {
      if (!(error instanceof YamlProblem)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length) throw new SchemaProblems(problems);
  const kept: string[] = [];
  const upstreamMixins = new Set([...converted].filter(([path]) => catalogFileRole(path) === 'mixin').map(([path, text]) => mixinName(path, text)));
  for (const [path, text] of ours) {
    const keep = OWN_FILES.includes(path) || (catalogFileRole(path) === 'mixin' && !upstreamMixins.has(mixinName(path, text)) && !converted.has(path));
    if (!keep) continue;
    converted.set(path, text);
    kept.push(path);
  }
  if (converted.has('README.md')) converted.set('README.md', creditSection(converted.get('README.md')!, label, noticesKept(converted)));
  const files = new Map([...converted].sort(([a], [b]) => compareStrings(a, b)));
  return { files, kept };
}

/** Manifests that keep a third-party licence notice (named in the README's credits). */
function noticesKept(files: ReadonlyMap<string, string>): string[] {
  return [...files].filter(([path, text]) => catalogFileRole(path) === 'manifest' && /^#\s*Copyright\b/im.test(text)).map(([path]) => path);
}

function mixinName(path: string, text: string): string {
  try {
    const name = (parseAllDocuments(text, { version: '1.2' }) as Document[])[0]?.getIn(['metadata', 'name']);
    return typeof name === 'string' ? name : path;
  } catch {
    return path;
  }
}

/** One upstream file as it goes into our catalog. */
export function convertFile(path: string, text: string): string {
  const role = catalogFileRole(path);
  if (role === 'manifest') return stripManifest(text);
  if (role !== 'overlay' && role !== 'mixin' && role !== 'registry') return stripDataFile(text, path);
  const documents = parseDataDocuments(text, path).filter((document) => !isEmptyDocument(document));
  if (documents.length !== 1) throw new YamlProblem(`${path}: expected one YAML document, found ${documents.length}`);
  const document = documents[0]!;
  dropComments(document);
  const apiVersion = targetApiVersion(document);
  if (apiVersion && document.has('apiVersion')) document.set('apiVersion', apiVersion);
  return writeDataDocuments(documents);
}

function targetApiVersion(document: Document): string | undefined {
  switch (document.get('kind')) {
    case 'RecipeMetadata':
      return document.hasIn(['spec', 'profile']) ? CATALOG_API_VERSIONS.ProfileRecipeMetadata : CATALOG_API_VERSIONS.RecipeMetadata;
    case 'RecipeMixin':
      return CATALOG_API_VERSIONS.RecipeMixin;
    case 'ComponentRegistry':
      return CATALOG_API_VERSIONS.ComponentRegistry;
    default:
      return undefined;
  }
}

function writeTree(root: string, files: CatalogFiles): void {
  for (const [path, text] of files) {
    const target = join(root, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text, { flag: 'wx' });
  }
}

const KIND_OF_ROLE: Partial<Record<string, DocumentKind>> = { overlay: 'RecipeMetadata', mixin: 'RecipeMixin', registry: 'ComponentRegistry' };

/**
 * Every problem of the written catalog: each document read back by our own reader and checked
 * against our schema, values files as mappings, the validator catalog by the validate stage's
 * reader; then, when every document passed, the catalog loaded and linted as a whole.
 */
export async function checkTree(root: string, files: CatalogFiles): Promise<string[]> {
  await Promise.all([ensureYamlParser(), loadValidators('RecipeMetadata', 'RecipeMixin', 'ComponentRegistry')]);
  const problems: string[] = [];
  for (const [path, text] of files) {
    const role = catalogFileRole(path);
    if (role === undefined || role === 'manifest' || role === 'check') continue;
    try {
      if (role === 'validators') {
        parseValidatorCatalog(text, `recipes/${path}`);
        continue;
      }
      const parsed = parseDocumentSync(text, `recipes/${path}`, { syntax: 'yaml' });
      const kind = KIND_OF_ROLE[role];
      if (kind) {
        const value = parsed.value as { kind?: unknown } | null;
        if (role === 'overlay' && value && typeof value.kind === 'string' && value.kind !== 'RecipeMetadata') continue;
        checkDocument(kind, parsed);
      } else if (parsed.value !== null && (typeof parsed.value !== 'object' || Array.isArray(parsed.value))) {
        problems.push(`recipes/${path}: a values file must hold a mapping`);
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) return problems;
  try {
    const source = new DirectorySource(root, 'imported catalog', 'embedded');
    const catalog = await loadCatalogLayers({ source, read: yamlDocumentReader(source) });
    for (const problem of lintCatalog(catalog)) problems.push(`recipes/${problem.file}: ${problem.message}`);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

/** Replaces `target` with `staging` by two renames; on failure the old catalog is put back. */
function swapIn(staging: string, target: string): void {
  const retired = `${staging}-old`;
  renameSync(target, retired);
  try {
    renameSync(staging, target);
  } catch (error) {
    renameSync(retired, target);
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}
