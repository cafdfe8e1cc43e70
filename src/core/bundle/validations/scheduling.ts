/** Checks on the scheduling options a component needs for the recipe's intent or service. */
import { optionRef } from '../../option-refs.js';
import type { CheckResult, ValidationContext } from './types.js';

export function checkWorkloadSelectorMissing(context: ValidationContext): CheckResult {
  if (Object.keys(context.scheduling.workloadSelector).length > 0) return {};
  return { findings: [`${context.component} is enabled but ${optionRef('workload-selector')} is not set`] };
}

export function checkAcceleratedSelectorMissing(context: ValidationContext): CheckResult {
  if (Object.keys(context.scheduling.acceleratedSelector).length > 0) return {};
  return { findings: [`${context.component} is enabled but ${optionRef('accelerated-node-selector')} is not set`] };
}

/**
 * A keyless accelerated toleration (the default when the option is absent) tolerates every
 * taint; on AKS admission then keeps only that wildcard, which deadlocks node-tuning packages
 * that interrupt on first install. A component removed from the bundle never gets here.
 */
export function checkWildcardAcceleratedToleration(context: ValidationContext): CheckResult {
  const tolerations = context.scheduling.acceleratedTolerations;
  const wildcard = tolerations.length === 0 || tolerations.some((toleration) => !toleration.key);
  if (!wildcard) return {};
  return { findings: [`${context.component} renders a wildcard (keyless) accelerated-node toleration`] };
}
