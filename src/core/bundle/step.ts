/**
 * The bundle step: the recipe loaded (or taken as already loaded), the bundle generated and
 * written atomically, the outputs set. Shared by `aicr bundle`, the bundle component,
 * actions/bundle and the root action.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { loadDocument, type LoadedDocument } from '../load.js';
import type { OptionValues } from '../options/spec.js';
import { typedOutputs } from '../options/outputs.js';
import { loadDataCatalog } from '../catalog/embedded.js';
import { expandPath, hasPlaceholders } from '../path-template.js';
import { readOptionsFor, writeOptionsFor, type StepIO } from '../step.js';
import { generateBundle, writeGeneratedBundle, type BundleOutcome, type GeneratedBundle } from './index.js';
import { claimOutputs, parseLocation, writeLocation } from '../io.js';
import { flagNamer, inputNamer } from '../option-refs.js';
import { toJson } from '../serialize.js';
import { findingsOf } from './validations/index.js';
import { toCodeQuality } from './validations/report.js';
import type { ValidationFinding } from './types.js';
import { checkOutputDir } from './output.js';
import { BUNDLE_OPTIONS, BUNDLE_OUTPUTS, type BUNDLE_SETTINGS } from './options.js';
import { loadAicrConfig } from '../config/aicr-config.js';
import { applyConfig, BUNDLE_CONFIG_FIELDS } from '../config/apply.js';
import { optionError } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { parseRepoPath } from './repo-path.js';
import { parseSetFlags } from './set.js';
import { parseStorageClass } from './storage.js';
import { parseTypedFlags } from './typed-set.js';
import { parseDynamicFlags } from './dynamic.js';
import { checkReadinessDeployer } from './readiness.js';
import { ensureYamlParser } from '../documents/parse.js';
import { loadEarlier, planChanges } from '../changes/stage.js';
import type { ChangePlan } from '../changes/plan.js';
import type { BundleOptions } from './types.js';
import type { FetchSettings } from './vendor/repository.js';
import { requestTimeoutMs } from '../request-timeout.js';

export type BundleValues = OptionValues<typeof BUNDLE_OPTIONS>;

/** Where Code Quality issues point: the recipe file relative to the workspace, else recipe.yaml. */
function reportPath(recipe: string, workspace: string): string {
  if (parseLocation(recipe, 'recipe').kind !== 'file') return 'recipe.yaml';
  const inside = relative(workspace, resolve(recipe));
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? 'recipe.yaml' : inside.split(sep).join('/');
}

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
  if (values.setJson.length) options.setJson = values.setJson;
  if (values.setFile.length) options.setFile = values.setFile;
  if (values.dynamic.length) options.dynamic = values.dynamic;
  if (values.readinessHooks) options.readinessHooks = true;
  if (values.workloadGate) options.workloadGate = values.workloadGate;
  if (values.nodes !== undefined) options.nodes = values.nodes;
  if (values.repo) options.repo = values.repo;
  if (values.repoPath) options.repoPath = values.repoPath;
  if (values.storageClass) options.storageClass = values.storageClass;
  if (values.sharedStorageClass) options.sharedStorageClass = values.sharedStorageClass;
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
  if (values.config) {
    const config = await loadAicrConfig(values.config, readOptionsFor('config', io, values.kubeconfig), io.logger);
    for (const note of applyConfig(values as Record<string, unknown>, BUNDLE_OPTIONS, config, BUNDLE_CONFIG_FIELDS)) io.logger.info(note);
  }
  if (!values.recipe && !given.recipe) {
    throw optionError('recipe', 'is required', { hint: `give ${optionRef('recipe')} the recipe to bundle, or set spec.bundle.input.recipe in the file of ${optionRef('config')}` });
  }
  // Malformed overrides are refused before any work: no recipe is read for a bundle that cannot be made.
  parseSetFlags(values.set);
  if (values.setFile.length) await ensureYamlParser();
  parseTypedFlags(values.setFile, values.setJson);
  parseDynamicFlags(values.dynamic);
  if (values.readinessHooks) checkReadinessDeployer(values.deployer);
  parseRepoPath(values.repoPath, values.deployer);
  parseStorageClass(values.storageClass, 'storage-class');
  parseStorageClass(values.sharedStorageClass, 'shared-storage-class');
  // So is a bad output directory, and a good one is claimed (a templated one once it is expanded).
  const claim = hasPlaceholders(values.output) ? undefined : checkOutputDir(values.output, { force: values.force, input: outputOption });
  const report = values.codequality ? parseLocation(values.codequality, 'codequality') : undefined;
  const reportClaims = await claimOutputs([report], writeOptionsFor(io, values.kubeconfig));
  const earlier = await loadEarlier(values, io, { bundles: true });
  const [recipe, catalog] = await Promise.all([
    given.recipe ?? loadDocument('RecipeResult', values.recipe!, readOptionsFor('recipe', io, values.kubeconfig)),
    given.catalog ?? loadDataCatalog(values.data, io.logger),
  ]);
  const output = await expandPath(values.output, outputOption, { criteria: recipe.document.criteria ?? {}, deployer: values.deployer });
  const writeReport = async (findings: readonly ValidationFinding[]): Promise<void> => {
    if (!report) return;
    const reportClaim = reportClaims(report);
    const recipePath = reportPath(values.recipe ?? recipe.origin, io.workspace);
    const text = toJson(toCodeQuality(findings, recipePath, io.env.GITLAB_CI === 'true' ? inputNamer : flagNamer));
    await writeLocation(report, text, { input: 'codequality', format: 'json', ...writeOptionsFor(io, values.kubeconfig), ...(reportClaim ? { claim: reportClaim } : {}) });
  };
  let generated: GeneratedBundle;
  try {
    generated = await generateBundle(recipe.document, catalog, { ...bundleOptionsFrom(values), ...(values.vendorCharts ? { vendorFetch: vendorFetchSettings(io) } : {}) });
  } catch (error) {
    // A validation that stops the bundle still leaves its report (the job uploads it on failure).
    const findings = findingsOf(error);
    if (findings) await writeReport(findings);
    throw error;
  }
  await writeReport(generated.plan.validationFindings ?? []);
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
