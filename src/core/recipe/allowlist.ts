/**
 * Allowlists: a platform team can restrict which accelerators, services, intents and OSes
 * recipes may be resolved for, through AICR_ALLOWED_ACCELERATORS, AICR_ALLOWED_SERVICES,
 * AICR_ALLOWED_INTENTS and AICR_ALLOWED_OS (comma-separated; aliases accepted; `any` ignored).
 */
import { invalidInput, wrapError, ErrorCode } from '../errors.js';
import type { Criteria } from '../documents/types.js';
import { ANY, parseCriteriaValue, type CriteriaField } from '../criteria.js';

export type Allowlists = Partial<Record<'accelerator' | 'service' | 'intent' | 'os', string[]>>;

/** Checked in this order, as upstream does. */
const ALLOWLIST_FIELDS: ReadonlyArray<{ field: 'accelerator' | 'service' | 'intent' | 'os'; env: string; label: string }> = [
  { field: 'accelerator', env: 'AICR_ALLOWED_ACCELERATORS', label: 'accelerator' },
  { field: 'service', env: 'AICR_ALLOWED_SERVICES', label: 'service' },
  { field: 'intent', env: 'AICR_ALLOWED_INTENTS', label: 'intent' },
  { field: 'os', env: 'AICR_ALLOWED_OS', label: 'OS' },
];

/** Reads the allowlists from the environment; an invalid element is an input error. */
export function parseAllowlists(env: NodeJS.ProcessEnv): Allowlists {
  const lists: Allowlists = {};
  for (const { field, env: name } of ALLOWLIST_FIELDS) {
    const raw = env[name];
    if (!raw) continue;
    const values: string[] = [];
    for (const element of raw.split(',').map((item) => item.trim()).filter(Boolean)) {
      let value: string;
      try {
        value = parseCriteriaValue(field as CriteriaField, element, `$${name}`);
      } catch (error) {
        throw wrapError(error, `invalid ${name}`, ErrorCode.InvalidInput);
      }
      if (value !== ANY && !values.includes(value)) values.push(value);
    }
    if (values.length > 0) lists[field] = values;
  }
  return lists;
}

/** Refuses criteria outside a non-empty allowlist; `any` is always allowed. */
export function checkAllowlists(criteria: Criteria, lists: Allowlists): void {
  for (const { field, env, label } of ALLOWLIST_FIELDS) {
    const allowed = lists[field];
    const requested = criteria[field];
    if (!allowed?.length || requested === ANY || requested === '' || allowed.includes(requested)) continue;
    throw invalidInput(`${label} type not allowed: ${requested}`, {
      hint: `$${env} allows only: ${allowed.join(', ')}`,
      details: { requested, allowed },
    });
  }
}
