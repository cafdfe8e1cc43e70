/**
 * Comparing with what came before: `aicr diff` on two locations of any kind, and `compare-to`
 * of the recipe and bundle stages (a change plan in the log, a Markdown file, the job summary).
 * Documents are read through the document loader, so every location kind it knows works here.
 */
import { statSync } from 'node:fs';
import type { RecipeResult } from '../documents/types.js';
import { invalidInput } from '../errors.js';
import { parseLocation, writeFileAtomic } from '../io.js';
import { loadDocumentOfKinds, type LoadedDocument } from '../load.js';
import { optionRef } from '../option-refs.js';
import { typedOutputs } from '../options/outputs.js';
import { CHANGE_OUTPUTS } from './options.js';
import { readOptionsFor, type StepIO } from '../step.js';
import { diffBundles, readBundle, type BundleFolder } from './bundle.js';
import { diffRecipes, type ChangePlan } from './plan.js';
import { planMarkdown, planText } from './render.js';

/** What a location holds, told apart by what it is: a folder is a bundle, a document says its kind. */
export type Comparable =
  | { subject: 'bundle'; bundle: BundleFolder }
  | { subject: 'recipe'; loaded: LoadedDocument<'RecipeResult'> }
  | { subject: 'snapshot'; loaded: LoadedDocument<'Snapshot'> };

/** Whether `location` names a local folder (a bundle), not a document. */
function isFolder(location: string, option: string): boolean {
  const parsed = parseLocation(location, option);
  return parsed.kind === 'file' && statSync(parsed.path, { throwIfNoEntry: false })?.isDirectory() === true;
}

export async function loadComparable(location: string, option: string, io: StepIO, kubeconfig: string | undefined): Promise<Comparable> {
  if (isFolder(location, option)) return { subject: 'bundle', bundle: await readBundle(location, option, io.logger) };
  const loaded = await loadDocumentOfKinds(['Snapshot', 'RecipeResult'], location, readOptionsFor(option, io, kubeconfig));
  return loaded.kind === 'Snapshot' ? { subject: 'snapshot', loaded: loaded as LoadedDocument<'Snapshot'> } : { subject: 'recipe', loaded: loaded as LoadedDocument<'RecipeResult'> };
}

const COMPARE_TO = 'compare-to';

/** What the stage produced, to compare against. */
export interface CurrentResult {
  recipe: RecipeResult;
  /** Where the recipe was written (or read), for the plan's header. */
  recipeSource: string;
  /** The bundle folder just written, when the stage bundles. */
  bundleDir?: string;
}

/**
 * Reads `compare-to` before the stage does any work, so a wrong one fails first: a snapshot is
 * refused, and so is a bundle folder where the stage makes only a recipe.
 */
export async function loadEarlier(
  values: { compareTo?: string; planFile?: string; kubeconfig?: string },
  io: StepIO,
  stage: { bundles: boolean },
): Promise<Comparable | undefined> {
  // Without compare-to there is no plan, and plan-file stays unwritten (the GitLab components name one by default).
  if (!values.compareTo) return undefined;
  if (!stage.bundles && isFolder(values.compareTo, COMPARE_TO)) {
    throw invalidInput(`${optionRef(COMPARE_TO)}: ${values.compareTo} is a folder (a bundle), but this step makes a recipe`, { hint: 'pass the earlier recipe (a file, https URL or cm:// ConfigMap)', option: COMPARE_TO });
  }
  const earlier = await loadComparable(values.compareTo, COMPARE_TO, io, values.kubeconfig);
  if (earlier.subject === 'snapshot') {
    throw invalidInput(`${optionRef(COMPARE_TO)}: ${earlier.loaded.origin} is a snapshot; a recipe or a bundle cannot be compared with it`, {
      hint: `pass the earlier recipe${stage.bundles ? ' or bundle folder' : ''}; compare snapshots with aicr diff or the snapshot stage's baseline`,
      option: COMPARE_TO,
    });
  }
  return earlier;
}

/**
 * The change plan from what `loadEarlier` read to the stage's result: a recipe against the
 * recipe, a bundle folder against the bundle. Logged as text, written to `plan-file` as
 * Markdown, counted in the `changes` output.
 */
export async function planChanges(earlier: Comparable | undefined, current: CurrentResult, values: { planFile?: string }, io: StepIO): Promise<ChangePlan | undefined> {
  if (!earlier) return undefined;
  let plan: ChangePlan;
  if (earlier.subject === 'bundle') {
    if (current.bundleDir === undefined) throw new Error('a bundle folder is compared only with a bundle');
    plan = diffBundles(earlier.bundle, await readBundle(current.bundleDir, 'output', io.logger));
  } else if (earlier.subject === 'recipe') {
    plan = diffRecipes(earlier.loaded.document, current.recipe, { baselineSource: earlier.loaded.origin, targetSource: current.recipeSource });
  } else {
    throw new Error('snapshots are refused by loadEarlier');
  }
  io.logger.info(planText(plan).trimEnd());
  const outputs = typedOutputs({ stage: 'changes', outputs: CHANGE_OUTPUTS }, io.outputs);
  outputs.set('changes', plan.summary.total);
  if (values.planFile) {
    writeFileAtomic(values.planFile, planMarkdown(plan), 'plan-file');
    outputs.set('planFile', values.planFile);
  }
  return plan;
}
