/**
 * Recipe criteria: the enums, their aliases, normalisation of user input and the asymmetric
 * match of an overlay's criteria against a query.
 */
import { invalidInput } from './errors.js';
import { optionRef } from './option-refs.js';
import type { Criteria, RawCriteria } from './documents/types.js';
import { quoted } from './safe-text.js';
import { compareStrings } from './serialize.js';

export const ANY = 'any';

export type CriteriaField = 'service' | 'accelerator' | 'intent' | 'os' | 'platform';
export const CRITERIA_FIELDS: readonly CriteriaField[] = ['service', 'accelerator', 'intent', 'os', 'platform'];

/** Canonical values per field, alphabetical (as listed in help and error messages). */
export const CRITERIA_VALUES: Readonly<Record<CriteriaField, readonly string[]>> = {
  service: ['aks', 'bcm', 'eks', 'gke', 'kind', 'lke', 'metal3', 'ocp', 'oke'],
  accelerator: ['a100', 'b200', 'gb200', 'gb300', 'h100', 'h200', 'l40', 'l40s', 'rtx-pro-6000'],
  intent: ['inference', 'training'],
  os: ['amazonlinux', 'cos', 'ol', 'rhel', 'talos', 'ubuntu'],
  platform: ['dynamo', 'kubeflow', 'nim', 'runai', 'slurm'],
};

/** Accepted spellings (after trim + lower-case) that map onto a canonical value. */
const ALIASES: Readonly<Record<CriteriaField, Readonly<Record<string, string>>>> = {
  service: { '': ANY, any: ANY, 'self-managed': ANY, self: ANY, vanilla: ANY, openshift: 'ocp' },
  accelerator: { '': ANY, any: ANY },
  intent: { '': ANY, any: ANY },
  os: { '': ANY, any: ANY, al2: 'amazonlinux', al2023: 'amazonlinux' },
  platform: { '': ANY, any: ANY },
};

const LOOKUP: Readonly<Record<CriteriaField, ReadonlyMap<string, string>>> = Object.fromEntries(
  CRITERIA_FIELDS.map((field) => {
    const table = new Map<string, string>(Object.entries(ALIASES[field]));
    for (const value of CRITERIA_VALUES[field]) table.set(value, value);
    return [field, table];
  }),
) as never;

/** How each field is named in messages (upstream spells OS in capitals in its wrappers). */
const FIELD_LABEL: Record<CriteriaField, string> = {
  service: 'service',
  accelerator: 'accelerator',
  intent: 'intent',
  os: 'os',
  platform: 'platform',
};

/** Where a catalog-declared value came from: the embedded catalog or a `--data` directory. */
export type DeclarationOrigin = 'embedded' | 'external';

/** Trim and lower-case: the form in which values are looked up and declared. */
function normaliseValue(raw: string): string {
  return raw.trim().toLowerCase();
}

/**
 * Criteria values the overlays of a loaded catalog declare (upstream #999): a `--data` catalog
 * can add a service, accelerator, … without a new release. A value declared by both layers
 * counts as embedded. In strict mode (AICR_CRITERIA_STRICT) only embedded values count.
 */
export class DeclaredCriteria {
  private readonly byField = new Map<CriteriaField, Map<string, DeclarationOrigin>>();

  constructor(readonly strict = false) {}

  /** Records an overlay's value (normalised; empty and `any` need no declaring). */
  declare(field: CriteriaField, raw: unknown, origin: DeclarationOrigin): void {
    if (typeof raw !== 'string') return;
    const value = normaliseValue(raw);
    if (value === '' || value === ANY) return;
    let values = this.byField.get(field);
    if (!values) this.byField.set(field, (values = new Map()));
    if (values.get(value) !== 'embedded') values.set(value, origin);
  }

  /** The same declarations, with strict mode set as given. */
  withStrict(strict: boolean): DeclaredCriteria {
    if (strict === this.strict) return this;
    const copy = new DeclaredCriteria(strict);
    for (const [field, values] of this.byField) copy.byField.set(field, values);
    return copy;
  }

  has(field: CriteriaField, raw: string): boolean {
    const origin = this.byField.get(field)?.get(normaliseValue(raw));
    return origin !== undefined && (!this.strict || origin === 'embedded');
  }

  /** Declared values of a field, sorted. */
  values(field: CriteriaField): string[] {
    const out: string[] = [];
    for (const [value, origin] of this.byField.get(field) ?? []) if (!this.strict || origin === 'embedded') out.push(value);
    return out.sort(compareStrings);
  }
}

/** The values a field admits: the built-in ones plus those the catalog declares, sorted. */
export function allowedCriteriaValues(field: CriteriaField, declared?: DeclaredCriteria): string[] {
  const extra = declared?.values(field).filter((value) => !CRITERIA_VALUES[field].includes(value)) ?? [];
  return extra.length ? [...CRITERIA_VALUES[field], ...extra].sort(compareStrings) : [...CRITERIA_VALUES[field]];
}

/**
 * Normalises one criteria value: trim, lower-case, aliases, then the values the loaded catalog
 * declares (`declared`; without it only the built-in values). `input` names where the value came
 * from (an option reference, or `spec.service in x.yaml`), for the error message.
 */
export function parseCriteriaValue(field: CriteriaField, raw: string, input = optionRef(field), declared?: DeclaredCriteria): string {
  const value = LOOKUP[field].get(normaliseValue(raw));
  if (value !== undefined) return value;
  if (declared?.has(field, raw)) return normaliseValue(raw);
  const allowed = allowedCriteriaValues(field, declared);
  throw invalidInput(`invalid ${FIELD_LABEL[field]} type: ${raw}`, {
    hint: `${input} must be one of: ${allowed.join(', ')} (or "any")`,
    details: { field, value: raw, allowed },
  });
}

/** Most GPU nodes a criteria may name: more is a typo (and every door agrees on the bound). */
export const MAX_NODES = 100_000;

/**
 * A node count: a whole number from 0 to {@link MAX_NODES}. `written` is the text as the user
 * wrote it, when known: `1e3` or `0x10` in a file parse to whole numbers but are not counts.
 */
function parseNodes(raw: unknown, input = optionRef('nodes'), written?: string): number {
  const value = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
  const plain = written === undefined || /^[-+]?\d+$/.test(written.trim());
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || !plain) {
    throw invalidInput(`invalid nodes value: ${written ?? String(raw)}`, { hint: `${input} must be a whole number written in digits, from 0 to ${MAX_NODES} (0 means any)` });
  }
  if (value < 0) {
    throw invalidInput(`invalid nodes count: ${value} (must be >= 0)`, { hint: `${input} must be 0 or more (0 means any)` });
  }
  if (value > MAX_NODES) {
    throw invalidInput(`invalid nodes count: ${value} (must be at most ${MAX_NODES})`, { hint: `${input} must be a number from 0 to ${MAX_NODES} (0 means any)` });
  }
  return value;
}

export function anyCriteria(): Criteria {
  return { service: ANY, accelerator: ANY, intent: ANY, os: ANY, platform: ANY, nodes: 0 };
}

/**
 * Applies raw values onto `base` (later sources override earlier ones); empty strings and
 * nodes <= 0 leave the field unchanged. `nodesText` is the nodes value as written in a file.
 */
export function applyCriteria(base: Criteria, raw: RawCriteria, inputName: (field: string) => string, nodesText?: string, declared?: DeclaredCriteria): Criteria {
  const out = { ...base };
  for (const field of CRITERIA_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null || value === '') continue;
    out[field] = parseCriteriaValue(field, String(value), inputName(field), declared);
  }
  if (raw.nodes !== undefined && raw.nodes !== null) {
    const nodes = parseNodes(raw.nodes, inputName('nodes'), nodesText);
    if (nodes > 0) out.nodes = nodes;
  }
  return out;
}

export function isAnyCriteria(criteria: Criteria): boolean {
  return CRITERIA_FIELDS.every((field) => criteria[field] === ANY || criteria[field] === '') && criteria.nodes === 0;
}

/** `criteria(service=eks, accelerator=h100)` or `criteria(any)`. */
export function describeCriteria(criteria: Criteria): string {
  const parts: string[] = [];
  for (const field of CRITERIA_FIELDS) {
    const value = criteria[field];
    if (value !== ANY && value !== '') parts.push(`${field}=${value}`);
  }
  if (criteria.nodes !== 0) parts.push(`nodes=${criteria.nodes}`);
  return `criteria(${parts.length ? parts.join(', ') : 'any'})`;
}

function isWildcard(value: string | undefined | null): boolean {
  return value === undefined || value === null || value === '' || value === ANY;
}

/**
 * Asymmetric match: a generic overlay field matches anything; a specific overlay field matches
 * only the same specific query value (raw, case-sensitive: overlay data is not normalised).
 */
export function criteriaMatch(overlay: RawCriteria, query: Criteria): boolean {
  for (const field of CRITERIA_FIELDS) {
    const wanted = overlay[field];
    if (isWildcard(wanted)) continue;
    if (wanted !== query[field]) return false;
  }
  const nodes = overlay.nodes ?? 0;
  return nodes === 0 || nodes === query.nodes;
}

/** Why an overlay's criteria do not match the query (`service gke, not eks`), or undefined when they do. */
export function criteriaMismatch(overlay: RawCriteria, query: Criteria): string | undefined {
  const reasons: string[] = [];
  for (const field of CRITERIA_FIELDS) {
    const wanted = overlay[field];
    if (!isWildcard(wanted) && wanted !== query[field]) reasons.push(`${field} ${wanted}, not ${query[field]}`);
  }
  const nodes = overlay.nodes ?? 0;
  if (nodes !== 0 && nodes !== query.nodes) reasons.push(`nodes ${nodes}, not ${query.nodes}`);
  return reasons.length ? reasons.join('; ') : undefined;
}

/** Number of specific fields (empty and `any` count as generic). */
export function specificity(overlay: RawCriteria): number {
  let score = 0;
  for (const field of CRITERIA_FIELDS) if (!isWildcard(overlay[field])) score++;
  if ((overlay.nodes ?? 0) !== 0) score++;
  return score;
}

/** The criteria block of a result: normalised values, empty strings and 0 nodes omitted. */
export function criteriaForOutput(criteria: Criteria): Partial<Criteria> {
  const out: Partial<Criteria> = {};
  for (const field of CRITERIA_FIELDS) if (criteria[field] !== '') out[field] = criteria[field];
  if (criteria.nodes !== 0) out.nodes = criteria.nodes;
  return out;
}

/**
 * Overlay criteria values that can never match (data lint): a query is trimmed, lower-cased and
 * has its aliases resolved, so an overlay value that is not in that form (`EKS`, `al2`,
 * `openshift`) is never asked for. Values outside the built-in lists are fine: the overlay
 * itself declares them.
 */
export function nonCanonicalCriteria(overlay: RawCriteria): string[] {
  const problems: string[] = [];
  for (const field of CRITERIA_FIELDS) {
    const value = overlay[field];
    if (isWildcard(value)) continue;
    const text = String(value);
    const asked = LOOKUP[field].get(normaliseValue(text)) ?? normaliseValue(text);
    if (asked !== text) problems.push(`${field}: ${quoted(value)} is never asked for (a query for it means ${quoted(asked)})`);
  }
  return problems;
}
