/**
 * The bundle stage: a recipe in, a deployable directory out (per-release folders, deployer
 * files, recipe.yaml, checksums.txt), written atomically and byte-identical for the same inputs.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RecipeResult } from '../documents/index.js';
import { compareStrings } from '../serialize.js';
import { CHECKSUMS_FILE, formatChecksums } from '../checksums/index.js';
import { recipeYaml } from './common.js';
import { DEPLOYER_MODULES } from './deployers/index.js';
import { writeBundle, type OutputDirClaim } from './output.js';
import { planBundle } from './plan.js';
import { PROVENANCE_FILE, provenanceYaml, vendorCharts } from './vendor/index.js';
import type { BundleFile, BundleOptions, BundlePlan, DeployerName } from './types.js';

export * from './types.js';
;
;
;
;
export { writeBundle,  } from './output.js';
;

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
  if (options.vendorCharts) plan.vendoredCharts = await vendorCharts(plan, options.vendorFetch ?? {});
  const deployer = DEPLOYER_MODULES[options.deployer];
  const output = deployer.generate(plan);
  const files: BundleFile[] = [...output.files];
  if (plan.vendoredCharts?.length) files.push({ path: PROVENANCE_FILE, content: provenanceYaml(plan.vendoredCharts), mode: 0o644 });
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

/** Writes a generated bundle to `output` (atomically) and says where everything went. */
export function writeGeneratedBundle(generated: GeneratedBundle, output: string, options: { force: boolean; input?: string; claim?: OutputDirClaim }): BundleOutcome {
  const absoluteDir = writeBundle(output, generated.files, options);
  const separator = output.endsWith('/') ? '' : '/';
  return { ...generated, dir: output, absoluteDir, checksumsPath: `${output}${separator}${CHECKSUMS_FILE}` };
}
