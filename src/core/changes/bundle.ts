/**
 * The change plan of two bundle folders: components and versions from each bundle's recipe.yaml,
 * the values each component is deployed with (whatever the deployer: `NNN-<name>/values.yaml`,
 * a Flux HelmRelease's `spec.values`, argocdhelm's `static/<name>.yaml`), and the files that
 * differ according to each bundle's checksums.txt. Only files that checksums.txt lists are read.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { invalidInput, notFound } from '../errors.js';
import { CHECKSUMS_FILE, parseChecksums, type VerifyProblem } from '../checksums/index.js';
import { loadDocument, type LoadedDocument } from '../load.js';
import { optionLabel } from '../option-refs.js';
import { quoted } from '../safe-text.js';
import { compareStrings, isPlainObject } from '../serialize.js';
import { diffComponents, diffRecipeHeader, finishPlan, type ChangePlan, type FileChange } from './plan.js';

/** Largest checksums.txt or values file read (a bundle's files are small; this bounds a hostile one). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface BundleFolder {
  dir: string;
  option: string;
  digests: Map<string, string>;
  recipe: LoadedDocument<'RecipeResult'>;
  /** Values by component name. */
  values: Map<string, unknown>;
}

/** Reads a file listed in the bundle: a regular file inside it, not a link, bounded. */
function readListed(folder: { dir: string; option: string }, path: string): string {
  const full = resolve(folder.dir, path);
  const stat = lstatSync(full, { throwIfNoEntry: false });
  if (!stat) throw notFound(`${optionLabel(folder.option)}: ${quoted(path)} is listed in ${CHECKSUMS_FILE} but missing from ${folder.dir}`, { hint: 'run aicr verify on the bundle first', option: folder.option });
  if (!stat.isFile()) throw invalidInput(`${optionLabel(folder.option)}: ${quoted(path)} in ${folder.dir} is not a regular file`, { hint: 'compare bundles as aicr bundle wrote them (aicr verify checks them)', option: folder.option });
  if (stat.size > MAX_FILE_BYTES) throw invalidInput(`${optionLabel(folder.option)}: ${quoted(path)} in ${folder.dir} is larger than ${MAX_FILE_BYTES} bytes`, { hint: 'compare bundles as aicr bundle wrote them', option: folder.option });
  return readFileSync(full, 'utf8');
}

function parseYaml(folder: { dir: string; option: string }, path: string): unknown {
  const text = readListed(folder, path);
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch {
    throw invalidInput(`${optionLabel(folder.option)}: ${quoted(path)} in ${folder.dir} is not valid YAML`, { hint: 'regenerate the bundle with aicr bundle', option: folder.option });
  }
}

/** The deployed values of each component, read from the files the deployers write. */
function componentValues(folder: { dir: string; option: string }, paths: readonly string[], components: ReadonlySet<string>): Map<string, unknown> {
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

/** Everything a plan needs from a bundle folder, read at once (the folder may be replaced later). */
export async function readBundle(dir: string, option: string): Promise<BundleFolder> {
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw notFound(`${optionLabel(option)}: bundle folder ${quoted(dir)} does not exist`, { hint: 'pass the folder aicr bundle wrote', option });
  const checksums = lstatSync(join(dir, CHECKSUMS_FILE), { throwIfNoEntry: false });
  if (!checksums?.isFile()) {
    throw invalidInput(`${optionLabel(option)}: ${quoted(dir)} is not a bundle folder: it has no ${CHECKSUMS_FILE}`, { hint: 'pass the folder aicr bundle wrote (it lists its files in checksums.txt)', option });
  }
  const problems: VerifyProblem[] = [];
  const entries = parseChecksums(readListed({ dir, option }, CHECKSUMS_FILE), problems);
  if (problems.length > 0) {
    throw invalidInput(`${optionLabel(option)}: ${CHECKSUMS_FILE} of ${quoted(dir)} is not valid: ${problems[0]!.detail}`, { hint: 'run aicr verify on the bundle', option });
  }
  const digests = new Map(entries.map((entry) => [entry.path, entry.digest]));
  if (!digests.has('recipe.yaml')) throw invalidInput(`${optionLabel(option)}: ${quoted(dir)} is not a bundle folder: ${CHECKSUMS_FILE} does not list recipe.yaml`, { hint: 'pass the folder aicr bundle wrote', option });
  readListed({ dir, option }, 'recipe.yaml');
  const recipe = await loadDocument('RecipeResult', join(dir, 'recipe.yaml'), { option });
  const names = new Set(recipe.document.componentRefs.map((ref) => ref.name));
  const paths = [...digests.keys()].sort(compareStrings);
  return { dir, option, digests, recipe, values: componentValues({ dir, option }, paths, names) };
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
