/**
 * The change plan of two bundle folders: components and versions from each bundle's recipe.yaml,
 * the values each component is deployed with (whatever the deployer: `NNN-<name>/values.yaml`,
 * a Flux HelmRelease's `spec.values`, argocdhelm's `static/<name>.yaml`), and the files that
 * differ according to each bundle's checksums.txt. Only files that checksums.txt lists are read.
 */
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { invalidInput, notFound } from '../errors.js';
import { CHECKSUMS_FILE, parseChecksums, type VerifyProblem } from '../checksums/index.js';
import { loadDocument, type LoadedDocument } from '../load.js';
import { optionLabel } from '../option-refs.js';
import { quoted } from '../safe-text.js';
import { compareStrings, isPlainObject } from '../serialize.js';
import { diffComponents, diffRecipeHeader, finishPlan, type ChangePlan, type FileChange } from './plan.js';
import type { Logger } from '../logger.js';

/** Largest checksums.txt or values file read (a bundle's files are small; this bounds a hostile one). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Most bytes read from one bundle altogether. */
const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

export interface BundleFolder {
  dir: string;
  option: string;
  digests: Map<string, string>;
  recipe: LoadedDocument<'RecipeResult'>;
  /** Values by component name. */
  values: Map<string, unknown>;
}

interface Reader {
  dir: string;
  option: string;
  /** The folder's real path: no file is read from outside it, whatever links it holds. */
  root: string;
  /** Bytes read so far. */
  read: number;
}

/** Reads a file listed in the bundle: a regular file inside it, not a link, bounded. */
function readListed(folder: Reader, path: string): string {
  const full = resolve(folder.root, path);
  const stat = lstatSync(full, { throwIfNoEntry: false });
  if (!stat) throw notFound(`${optionLabel(folder.option)}: ${quoted(path)} is listed in ${CHECKSUMS_FILE} but missing from ${folder.dir}`, { hint: 'run aicr verify on the bundle first', option: folder.option });
  if (!stat.isFile()) throw invalidInput(`${optionLabel(folder.option)}: ${quoted(path)} in ${folder.dir} is not a regular file`, { hint: 'compare bundles as aicr bundle wrote them (aicr verify checks them)', option: folder.option });
  if (stat.size > MAX_FILE_BYTES || folder.read + stat.size > MAX_BUNDLE_BYTES) {
    throw invalidInput(`${optionLabel(folder.option)}: ${quoted(path)} in ${folder.dir} makes the bundle larger than this comparison reads (${MAX_FILE_BYTES} bytes a file, ${MAX_BUNDLE_BYTES} in all)`, { hint: 'compare bundles as aicr bundle wrote them', option: folder.option });
  }
  // A linked folder on the way (001-x -> /etc) would lead outside: the real path must stay inside.
  const real = realpathSync(full);
  if (!real.startsWith(folder.root + sep)) throw invalidInput(`${optionLabel(folder.option)}: ${quoted(path)} in ${folder.dir} leads outside the bundle through a link`, { hint: 'compare bundles as aicr bundle wrote them (aicr verify checks them)', option: folder.option });
  folder.read += stat.size;
  return readFileSync(real, 'utf8');
}

function parseYaml(folder: Reader, path: string): unknown {
  const text = readListed(folder, path);
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch {
    throw invalidInput(`${optionLabel(folder.option)}: ${quoted(path)} in ${folder.dir} is not valid YAML`, { hint: 'regenerate the bundle with aicr bundle', option: folder.option });
  }
}

/** The deployed values of each component, read from the files the deployers write. */
function componentValues(folder: Reader, paths: readonly string[], components: ReadonlySet<string>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const path of paths) {
    const folderFile = /^\d{3}-([a-z0-9][a-z0-9-]*)\/(values|helmrelease)\.yaml$/.exec(path);
    const staticFile = /^static\/([a-z0-9][a-z0-9-]*)\.yaml$/.exec(path);
    const name = folderFile?.[1] ?? staticFile?.[1];
    if (name === undefined || !components.has(name)) continue;
    const parsed = parseYaml(folder, path);
    if (folderFile?.[2] === 'helmrelease') {
      const spec = isPlainObject(parsed) && isPlainObject(parsed.spec) ? parsed.spec : {};
      values.set(name, spec.values ?? {});
    } else values.set(name, parsed ?? {});
  }
  return values;
}

/**
 * Everything a plan needs from a bundle folder, read at once (the folder may be replaced later).
 * An older apiVersion of its recipe.yaml is logged to `logger` like every other read's.
 */
export async function readBundle(dir: string, option: string, logger?: Logger): Promise<BundleFolder> {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw notFound(`${optionLabel(option)}: bundle folder ${quoted(dir)} does not exist`, { hint: 'pass the folder aicr bundle wrote', option });
  const checksums = lstatSync(join(dir, CHECKSUMS_FILE), { throwIfNoEntry: false });
  if (!checksums?.isFile()) {
    throw invalidInput(`${optionLabel(option)}: ${quoted(dir)} is not a bundle folder: it has no ${CHECKSUMS_FILE}`, { hint: 'pass the folder aicr bundle wrote (it lists its files in checksums.txt)', option });
  }
  const reader: Reader = { dir, option, root: realpathSync(dir), read: 0 };
  const problems: VerifyProblem[] = [];
  const entries = parseChecksums(readListed(reader, CHECKSUMS_FILE), problems);
  if (problems.length > 0) {
    throw invalidInput(`${optionLabel(option)}: ${CHECKSUMS_FILE} of ${quoted(dir)} is not valid: ${problems[0]!.detail}`, { hint: 'run aicr verify on the bundle', option });
  }
  const digests = new Map(entries.map((entry) => [entry.path, entry.digest]));
  if (!digests.has('recipe.yaml')) throw invalidInput(`${optionLabel(option)}: ${quoted(dir)} is not a bundle folder: ${CHECKSUMS_FILE} does not list recipe.yaml`, { hint: 'pass the folder aicr bundle wrote', option });
  readListed(reader, 'recipe.yaml');
  const recipe = await loadDocument('RecipeResult', join(dir, 'recipe.yaml'), { option, ...(logger ? { logger } : {}) });
  const names = new Set(recipe.document.componentRefs.map((ref) => ref.name));
  const paths = [...digests.keys()].sort(compareStrings);
  return { dir, option, digests, recipe, values: componentValues(reader, paths, names) };
}

function diffFiles(baseline: Map<string, string>, target: Map<string, string>): FileChange[] {
  const changes: FileChange[] = [];
  for (const path of new Set([...baseline.keys(), ...target.keys()])) {
    const before = baseline.get(path);
    const after = target.get(path);
    if (before === undefined) changes.push({ path, kind: 'added' });
    else if (after === undefined) changes.push({ path, kind: 'removed' });
    else if (before !== after) changes.push({ path, kind: 'modified' });
  }
  return changes.sort((a, b) => compareStrings(a.path, b.path));
}

/** What changes from the bundle `before` to the bundle `after`. */
export function diffBundles(before: BundleFolder, after: BundleFolder): ChangePlan {
  return finishPlan({
    subject: 'bundle',
    baselineSource: before.dir,
    targetSource: after.dir,
    ...diffRecipeHeader(before.recipe.document, after.recipe.document),
    components: diffComponents(before.recipe.document.componentRefs, after.recipe.document.componentRefs, (side, ref) => (side === 'baseline' ? before : after).values.get(ref.name) ?? {}),
    files: diffFiles(before.digests, after.digests),
  });
}
