/**
 * The bundle stage: a recipe in, a deployable directory out (per-release folders, deployer
 * files, recipe.yaml, checksums.txt), written atomically and byte-identical for the same inputs.
 */
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/embedded.js';
import { readDocument, type RecipeResult } from '../documents/index.js';
import { wrapError } from '../errors.js';
import { parseLocation, readLocation, type ReadOptions } from '../io.js';
import { compareStrings } from '../serialize.js';
import { CHECKSUMS_FILE, formatChecksums } from '../checksums/index.js';
import { recipeYaml } from './common.js';
import { DEPLOYER_MODULES } from './deployers/index.js';
import { checkOutputDir, writeBundle } from './output.js';
import { planBundle } from './plan.js';
import type { BundleFile, BundleOptions, BundlePlan, BundleRequest, DeployerName } from './types.js';

export * from './types.js';
export { parseDeployer, DEPLOYER_MODULES } from './deployers/index.js';
export { parseSetFlag, parseSetFlags, coerceSetValue, SET_FORM } from './set.js';
export { parseScheduling, parseToleration, parseSelector } from './scheduling.js';
export { planBundle, PLACEHOLDER_REPO } from './plan.js';
export { writeBundle, checkOutputDir } from './output.js';
export { renderTemplate, Template, TemplateError } from './template/index.js';

export interface GeneratedBundle {
  plan: BundlePlan;
  deployer: DeployerName;
  /** Human name of the output, e.g. "Helm per-component bundle". */
  title: string;
  /** Every file including checksums.txt, sorted by path. */
  files: BundleFile[];
  /** Next steps; `<bundle-dir>` stands for the output directory. */
  steps: string[];
  notes: string[];
}

/** Generates the bundle in memory (no file system access besides the catalog). */
export async function generateBundle(recipe: RecipeResult, catalog: Catalog, options: BundleOptions): Promise<GeneratedBundle> {
  const plan = await planBundle({ recipe, catalog, options });
  const deployer = DEPLOYER_MODULES[options.deployer];
  const output = deployer.generate(plan);
  const files: BundleFile[] = [...output.files];
  files.push({ path: 'recipe.yaml', content: recipeYaml(plan), mode: 0o644 });
  for (const file of plan.dataFiles) files.push({ path: `data/${file.path}`, content: file.content, mode: 0o644 });
  files.push({ path: CHECKSUMS_FILE, content: formatChecksums(files), mode: 0o644 });
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { plan, deployer: options.deployer, title: deployer.title, files, steps: output.steps, notes: [...plan.notes, ...output.notes] };
}

export interface BundleOutcome extends GeneratedBundle {
  /** The output directory as given. */
  dir: string;
  /** Its absolute path. */
  absoluteDir: string;
  /** checksums.txt inside the output directory (as given). */
  checksumsPath: string;
}

/** Loads the recipe (file, -, https URL or cm://), generates the bundle and writes it. */
export async function runBundle(request: BundleRequest, readOptions: ReadOptions = {}): Promise<BundleOutcome> {
  // Refuse a bad output directory before any work.
  checkOutputDir(request.output, { force: request.force ?? false });
  const [{ text, origin }, catalog] = await Promise.all([
    readLocation(parseLocation(request.recipe, '--recipe'), { input: '--recipe', ...readOptions }),
    loadCatalog(request.data).catch((error: unknown) => {
      throw request.data ? wrapError(error, `failed to load the data directory ${request.data}`) : error;
    }),
  ]);
  const { document } = await readDocument('RecipeResult', text, origin);
  const generated = await generateBundle(document, catalog, request);
  const absoluteDir = writeBundle(request.output, generated.files, { force: request.force ?? false });
  const separator = request.output.endsWith('/') ? '' : '/';
  return { ...generated, dir: request.output, absoluteDir, checksumsPath: `${request.output}${separator}${CHECKSUMS_FILE}` };
}
