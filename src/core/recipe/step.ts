/**
 * The recipe step: the criteria documents loaded once, the recipe resolved and written, the
 * outputs set. Shared by `aicr recipe`, the recipe component, actions/recipe and the root action.
 */
import { loadDocument, writtenDocument, type LoadedDocument } from '../load.js';
import type { RawCriteria } from '../documents/types.js';
import { formatDocument } from '../format.js';
import { claimOutputs, parseLocation, writeLocation, type OutputClaim } from '../io.js';
import { redactUrl } from '../redact.js';
import type { OptionValues } from '../options/spec.js';
import { optionRef } from '../option-refs.js';
import { typedOutputs } from '../options/outputs.js';
import { toYamlWithPositions } from '../serialize.js';
import { expandPath, hasPlaceholders } from '../path-template.js';
import { readOptionsFor, writeOptionsFor, type StepIO } from '../step.js';
import { loadDataCatalog } from '../catalog/embedded.js';
import { describeCriteria } from '../criteria.js';
import { resolveRecipe, type RecipeOutcome } from './index.js';
import type { CRITERIA_OPTIONS} from './options.js';
import { RECIPE_OPTIONS, RECIPE_OUTPUTS } from './options.js';
import { loadAicrConfig } from '../config/aicr-config.js';
import { applyConfig, RECIPE_CONFIG_FIELDS, RECIPE_UNSUPPORTED } from '../config/apply.js';
import { loadEarlier, planChanges } from '../changes/stage.js';
import type { ChangePlan } from '../changes/plan.js';

export type CriteriaValues = OptionValues<typeof CRITERIA_OPTIONS>;
export type RecipeValues = OptionValues<typeof RECIPE_OPTIONS>;

export interface RecipeStepResult extends RecipeOutcome {
  /** Where the recipe went, as given (`-` for standard output). */
  output: string;
  /** The recipe as written, with its line positions (yaml written to a file or ConfigMap). */
  written?: LoadedDocument<'RecipeResult'>;
  /** The change plan against `compare-to`, when given. */
  changes?: ChangePlan;
}

/** The criteria given one by one, as the recipe engine takes them. */
function givenCriteria(values: CriteriaValues): RawCriteria {
  const criteria: RawCriteria = {};
  for (const field of ['service', 'accelerator', 'intent', 'os', 'platform'] as const) {
    const value = values[field];
    if (value !== undefined && value !== '') criteria[field] = value;
  }
  if (values.nodes !== undefined) criteria.nodes = values.nodes;
  return criteria;
}

/** A location as messages may show it: a URL without its credentials. */
function shownLocation(text: string): string {
  try {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !text.startsWith('cm://') ? redactUrl(new URL(text)) : text;
  } catch {
    return text;
  }
}

/** Loads the documents the criteria options name and resolves the recipe. */
export async function resolveFromOptions(values: CriteriaValues, io: StepIO, loaded: { snapshot?: LoadedDocument<'Snapshot'> } = {}): Promise<RecipeOutcome> {
  const notices: string[] = [];
  const read = (option: string) => readOptionsFor(option, io, values.kubeconfig);
  if (values.snapshot && values.criteria) notices.push(`${optionRef('criteria')} ${shownLocation(values.criteria)} is ignored because ${optionRef('snapshot')} was given`);
  const [snapshot, criteriaDocument] = await Promise.all([
    loaded.snapshot ?? (values.snapshot ? loadDocument('Snapshot', values.snapshot, read('snapshot')) : undefined),
    !values.snapshot && values.criteria ? loadDocument('RecipeCriteria', values.criteria, read('criteria')) : undefined,
    // The catalog loads while the documents are read (resolveRecipe finds it cached).
    loadDataCatalog(values.data, io.logger),
  ]);
  const outcome = await resolveRecipe(
    { criteria: givenCriteria(values), ...(snapshot ? { snapshot } : {}), ...(criteriaDocument ? { criteriaDocument } : {}), ...(values.data ? { data: values.data } : {}), ...(values['criteria-strict'] ? { criteriaStrict: true } : {}), ...(values.profile ? { profile: values.profile } : {}), ...(values.slurmAccountingMode ? { slurmAccountingMode: values.slurmAccountingMode } : {}), ...(values.runtimeInventory ? { runtimeInventory: values.runtimeInventory } : {}) },
    { env: io.env, onDebug: (message) => io.logger.debug(`recipe: ${message}`) },
  );
  return { ...outcome, notices: [...notices, ...outcome.notices] };
}

/** Sets the recipe stage's outputs. */
function setRecipeOutputs(outcome: RecipeOutcome, output: string, io: StepIO): void {
  const outputs = typedOutputs(RECIPE_OUTPUTS, io.outputs);
  const { recipe } = outcome;
  outputs.set('recipePath', output);
  outputs.set('appliedOverlays', (recipe.metadata.appliedOverlays ?? []).join(','));
  outputs.set('components', JSON.stringify(recipe.componentRefs.map((ref) => ({
    name: ref.name,
    version: ref.version ?? '',
    namespace: ref.namespace ?? '',
    chart: ref.chart ?? '',
    source: ref.source ?? '',
  }))));
  outputs.set('deploymentOrder', recipe.deploymentOrder.join(','));
  const profile = recipe.metadata.selectedProfile;
  outputs.set('selectedProfile', profile ? `${profile.name}=${profile.value}` : '');
}

export interface RecipeStepOptions {
  /** A snapshot the caller already loaded (the root action reads it once for every stage). */
  snapshot?: LoadedDocument<'Snapshot'>;
  /** Keep the line of every node of the written recipe (for annotations by a later step). */
  keepPositions?: boolean;
}

/** Resolves the recipe, writes it to `output` (placeholders expanded), sets the outputs. */
export async function runRecipeStep(values: RecipeValues, io: StepIO, options: RecipeStepOptions = {}): Promise<RecipeStepResult> {
  if (values.config) {
    const config = await loadAicrConfig(values.config, readOptionsFor('config', io, values.kubeconfig), io.logger);
    for (const note of applyConfig(values as Record<string, unknown>, RECIPE_OPTIONS, config, RECIPE_CONFIG_FIELDS, RECIPE_UNSUPPORTED)) io.logger.info(note);
  }
  const given = values.output ?? '-';
  // A bad output location is refused, and a good one claimed, before any work (a templated one once it is expanded).
  const claim = hasPlaceholders(given) ? undefined : await claimOutput(parseLocation(given, 'output'), io, values.kubeconfig);
  const earlier = await loadEarlier(values, io, { bundles: false });
  const outcome = await resolveFromOptions(values, io, options.snapshot ? { snapshot: options.snapshot } : {});
  for (const notice of outcome.notices) io.logger.info(notice);
  io.logger.debug(`recipe: ${describeCriteria(outcome.criteria)} from ${outcome.mode}; catalog ${values.data ? `embedded + ${values.data}` : 'embedded'}; overlays ${(outcome.recipe.metadata.appliedOverlays ?? []).join(', ')}; ${outcome.recipe.componentRefs.length} components`);
  const output = await expandPath(given, 'output', { criteria: outcome.criteria });
  const result = await writeRecipe(outcome, { output, format: values.format, ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}), ...(options.keepPositions ? { keepPositions: true } : {}), ...(claim ? { claim } : {}) }, io);
  const changes = await planChanges(earlier, { recipe: result.recipe, recipeSource: output }, values, io);
  return changes ? { ...result, changes } : result;
}

async function claimOutput(location: ReturnType<typeof parseLocation>, io: StepIO, kubeconfig: string | undefined): Promise<OutputClaim | undefined> {
  return (await claimOutputs([location], writeOptionsFor(io, kubeconfig)))(location);
}

/** Writes a resolved recipe and sets the recipe outputs (the root action resolves first, then names its folder). */
export async function writeRecipe(
  outcome: RecipeOutcome,
  target: { output: string; format: 'yaml' | 'json' | 'table'; kubeconfig?: string; keepPositions?: boolean; claim?: OutputClaim },
  io: StepIO,
): Promise<RecipeStepResult> {
  const { output, format } = target;
  const location = parseLocation(output, 'output');
  // A templated output is claimed once its name is known.
  const claim = target.claim ?? (await claimOutput(location, io, target.kubeconfig));
  let text: string;
  let written: LoadedDocument<'RecipeResult'> | undefined;
  if (target.keepPositions && format === 'yaml') {
    const { text: yaml, positions } = toYamlWithPositions(outcome.recipe);
    text = yaml;
    written = writtenDocument('RecipeResult', outcome.recipe, location.text, positions);
  } else {
    text = formatDocument(outcome.recipe, format);
  }
  await writeLocation(location, text, {
    input: 'output',
    format,
    kind: 'RecipeResult',
    ...(io.stdout ? { stdout: io.stdout } : {}),
    ...writeOptionsFor(io, target.kubeconfig),
    ...(claim ? { claim } : {}),
  });
  if (location.kind !== 'stdio') {
    io.logger.info(`recipe written to ${output} (${outcome.recipe.componentRefs.length} components, overlays: ${outcome.recipe.metadata.appliedOverlays?.join(', ')})`);
  }
  setRecipeOutputs(outcome, output, io);
  return { ...outcome, output, ...(written ? { written } : {}) };
}
