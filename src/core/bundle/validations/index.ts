/**
 * Bundle-time validations: the functions a registry entry's `validations` list names, run on
 * the final values of the components in the bundle before anything is written. By severity,
 * `error` findings block the bundle, `warning` findings (the default) are printed and kept in
 * the notes, `info` findings are dropped; a check's blocking findings block at any severity.
 */
import type { Criteria } from '../../documents/types.js';
import { AicrError, invalidInput } from '../../errors.js';
import { quoted } from '../../safe-text.js';
import { checkDriverOwnershipCoherence } from './driver-ownership.js';
import { checkHostMofedWithoutNetworkOperator } from './host-mofed.js';
import { checkMariaDBOperatorOwnershipCoherence } from './mariadb.js';
import { checkNVSentinelDriverLabelDetectable, checkNVSentinelRuntimeClassCoherence } from './nvsentinel.js';
import { checkAcceleratedSelectorMissing, checkWildcardAcceleratedToleration, checkWorkloadSelectorMissing } from './scheduling.js';
import type { ValidationFinding } from '../types.js';
import type { ValidationContext, ValidationFunction } from './types.js';

export type { ResolvedComponent } from './types.js';

/** Upstream's function names. */
const VALIDATION_FUNCTIONS: Readonly<Record<string, ValidationFunction>> = {
  CheckWorkloadSelectorMissing: checkWorkloadSelectorMissing,
  CheckAcceleratedSelectorMissing: checkAcceleratedSelectorMissing,
  CheckWildcardAcceleratedToleration: checkWildcardAcceleratedToleration,
  CheckHostMofedWithoutNetworkOperator: checkHostMofedWithoutNetworkOperator,
  CheckDriverOwnershipCoherence: checkDriverOwnershipCoherence,
  CheckNVSentinelDriverLabelDetectable: checkNVSentinelDriverLabelDetectable,
  CheckNVSentinelRuntimeClassCoherence: checkNVSentinelRuntimeClassCoherence,
  CheckMariaDBOperatorOwnershipCoherence: checkMariaDBOperatorOwnershipCoherence,
};

const CONDITION_FIELDS = ['intent', 'service', 'accelerator', 'os', 'platform'] as const;

/** Every listed condition holds (values of one field are alternatives); unknown fields are ignored. */
function conditionsHold(criteria: Partial<Criteria> | undefined, conditions: Record<string, string[]> | undefined): boolean {
  const entries = Object.entries(conditions ?? {});
  if (entries.length === 0) return true;
  if (!criteria) return false;
  return entries.every(([field, allowed]) => {
    if (!(CONDITION_FIELDS as readonly string[]).includes(field)) return true;
    const actual = String((criteria as Record<string, unknown>)[field] ?? '');
    // A recipe that leaves the field open matches any condition on it.
    return actual === '' || actual === 'any' || allowed.includes(actual);
  });
}


export interface ValidationOutcome {
  /** Printed findings, in component then registry order. */
  warnings: ValidationFinding[];
  /** The first blocking finding, if any. */
  error?: ValidationFinding;
}

type ContextBase = Omit<ValidationContext, 'component'>;

/** Runs the validations of every included component, in bundle order, stopping at the first blocking finding. */
export function runComponentValidations(base: ContextBase): ValidationOutcome {
  const warnings: ValidationFinding[] = [];
  for (const [name, component] of base.included) {
    for (const validation of component.config?.validations ?? []) {
      const check = Object.prototype.hasOwnProperty.call(VALIDATION_FUNCTIONS, validation.function) ? VALIDATION_FUNCTIONS[validation.function] : undefined;
      if (!check) {
        return {
          warnings,
          error: {
            component: name,
            function: validation.function,
            severity: 'error',
            message: `component "${name}": unknown validation function ${quoted(validation.function)} in the registry (known: ${Object.keys(VALIDATION_FUNCTIONS).join(', ')})`,
          },
        };
      }
      if (!conditionsHold(base.criteria, validation.conditions)) continue;
      const result = check({ ...base, component: name });
      const withMessage = (text: string): string => (validation.message ? `${text}. ${validation.message}` : text);
      const severity = validation.severity ?? 'warning';
      const blocking = [...(severity === 'error' ? result.findings ?? [] : []), ...(result.blocking ?? [])];
      if (severity === 'warning') for (const text of result.findings ?? []) warnings.push({ component: name, function: validation.function, severity: 'warning', message: withMessage(text) });
      const first = blocking[0];
      if (first !== undefined) return { warnings, error: { component: name, function: validation.function, severity: 'error', message: withMessage(first) } };
    }
  }
  return { warnings };
}

/**
 * The error a blocking finding stops the bundle with (exit 2); its details carry every finding
 * so far (warnings, then the blocking one) for reports written on failure.
 */
export function validationError(finding: ValidationFinding, warnings: readonly ValidationFinding[]): AicrError {
  return invalidInput(finding.message, {
    hint: `bundle-time validation ${finding.function} of component "${finding.component}" blocks this bundle; change the options or the recipe as the message says`,
    details: { validationFindings: [...warnings, finding] },
  });
}

/** The findings a blocking validation error carries, if `error` is one. */
export function findingsOf(error: unknown): ValidationFinding[] | undefined {
  if (!(error instanceof AicrError)) return undefined;
  const findings = error.details?.validationFindings;
  return Array.isArray(findings) ? (findings as ValidationFinding[]) : undefined;
}
