/**
 * The bundle step: the recipe loaded (or taken as already loaded), the bundle generated and
 * written atomically, the outputs set. Shared by `aicr bundle`, the bundle component,
 * actions/bundle and the root action.
 */
import type { Catalog } from '../catalog/catalog.js';
import { loadDocument, type LoadedDocument } from '../load.js';
import type { OptionValues } from '../options/spec.js';
import { typedOutputs } from '../options/outputs.js';
import { loadDataCatalog } from '../catalog/embedded.js';
import { expandPath, hasPlaceholders } from '../path-template.js';
import { readOptionsFor, type StepIO } from '../step.js';
import { generateBundle, writeGeneratedBundle, type BundleOutcome } from './index.js';
import { checkOutputDir } from './output.js';
import { BUNDLE_OUTPUTS, type BUNDLE_OPTIONS, type BUNDLE_SETTINGS } from './options.js';
import { parseRepoPath } from './repo-path.js';
import { parseSetFlags } from './set.js';
import { loadEarlier, planChanges } from '../changes/stage.js';
import type { ChangePlan } from '../changes/plan.js';
import type { BundleOptions } from './types.js';
import type { FetchSettings } from './vendor/repository.js';
import { requestTimeoutMs } from '../request-timeout.js';

export type BundleValues = OptionValues<typeof BUNDLE_OPTIONS>;

/** The generator's options from the bundle settings (the same for every door). */
function bundleOptionsFrom(values: OptionValues<typeof BUNDLE_SETTINGS>): BundleOptions {
  const options: BundleOptions = {
    deployer: values.deployer,
    systemNodeSelector: values.systemNodeSelector,
    systemNodeToleration: values.systemNodeToleration,
    acceleratedNodeSelector: values.acceleratedNodeSelector,
    acceleratedNodeToleration: values.acceleratedNodeToleration,
    workloadSelector: values.workloadSelector,
    targetRevision: values.targetRevision,
  };
  if (values.set.length) options.set = values.set;
  if (values.workloadGate) options.workloadGate = values.workloadGate;
  if (values.nodes !== undefined) options.nodes = values.nodes;
  if (values.repo) options.repo = values.repo;
  if (values.repoPath) options.repoPath = values.repoPath;
  if (values.vendorCharts) options.vendorCharts = true;
  return options;
}

/** Deadline and interrupt of `--vendor-charts` downloads. */
function vendorFetchSettings(io: StepIO): FetchSettings {
  const timeoutMs = requestTimeoutMs(io.env);
  return { ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(io.signal ? { interrupt: io.signal } : {}) };
}

/** What the root action hands over: the recipe it resolved and the catalog it used. */
export interface BundleInputs {
  recipe?: LoadedDocument<'RecipeResult'>;
  catalog?: Catalog;
  /** Key of the option naming the output directory, when it is not `output`. */
  outputOption?: string;
}

/** What the bundle step returns: the bundle as written (the same result name as every step's). */
export type BundleStepResult = BundleOutcome & { changes?: ChangePlan };

export async function runBundleStep(values: BundleValues, io: StepIO, given: BundleInputs = {}): Promise<BundleStepResult> {
  const outputOption = given.outputOption ?? 'output';
  // Malformed overrides are refused before any work: no recipe is read for a bundle that cannot be made.
  parseSetFlags(values.set);
  parseRepoPath(values.repoPath, values.deployer);
  // So is a bad output directory, and a good one is claimed (a templated one once it is expanded).
  const claim = hasPlaceholders(values.output) ? undefined : checkOutputDir(values.output, { force: values.force, input: outputOption });
  const earlier = await loadEarlier(values, io, { bundles: true });
  const [recipe, catalog] = await Promise.all([
    given.recipe ?? loadDocument('RecipeResult', values.recipe, readOptionsFor('recipe', io, values.kubeconfig)),
    given.catalog ?? loadDataCatalog(values.data),
  ]);
  const output = await expandPath(values.output, outputOption, { criteria: recipe.document.criteria ?? {}, deployer: values.deployer });
  const generated = await generateBundle(recipe.document, catalog, { ...bundleOptionsFrom(values), ...(values.vendorCharts ? { vendorFetch: vendorFetchSettings(io) } : {}) });
  const outcome = writeGeneratedBundle(generated, output, { force: values.force, input: outputOption, ...(claim ? { claim } : {}) });
  for (const note of outcome.notes) io.logger.warning(note);
  const outputs = typedOutputs(BUNDLE_OUTPUTS, io.outputs);
  outputs.set('bundleDir', outcome.dir);
  outputs.set('deployer', outcome.deployer);
  outputs.set('files', outcome.files.length);
  outputs.set('checksumsPath', outcome.checksumsPath);
  io.logger.info(`${outcome.title} written to ${outcome.dir}: ${outcome.files.length} files, ${outcome.plan.folders.length} releases`);
  const changes = await planChanges(earlier, { recipe: recipe.document, recipeSource: recipe.origin, bundleDir: outcome.dir }, values, io);
  return changes ? { ...outcome, changes } : outcome;
}
