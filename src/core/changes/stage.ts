/**
 * `compare-to` as the recipe and bundle stages call it. The comparison code (bundle reading, the
 * YAML library) loads only when compare-to is given, so stages without it start as fast as before.
 */
import type { StepIO } from '../step.js';
import type { Comparable, CurrentResult } from './compare.js';
import type { ChangePlan } from './plan.js';

/** Reads `compare-to` before the stage does any work; nothing without it. */
export async function loadEarlier(values: { compareTo?: string; planFile?: string; kubeconfig?: string }, io: StepIO, stage: { bundles: boolean }): Promise<Comparable | undefined> {
  if (!values.compareTo) return undefined;
  return (await import('./compare.js')).loadEarlier(values, io, stage);
}

/** The change plan from what {@link loadEarlier} read to the stage's result; nothing without it. */
export async function planChanges(earlier: Comparable | undefined, current: CurrentResult, values: { planFile?: string }, io: StepIO): Promise<ChangePlan | undefined> {
  if (!earlier) return undefined;
  return (await import('./compare.js')).planChanges(earlier, current, values, io);
}
