/**
 * The coverage rule of upstream's recipe engine (issue #1542, as of 2026-08-21): every criteria
 * field a request states must be carried, with that value, by an overlay the recipe applied.
 * Otherwise the recipe would silently be a more generic one than asked for, so the request
 * fails, naming the fields no overlay covers and the criteria that would complete them.
 *
 * One further demand: when no applied overlay carries the whole stated combination and naming
 * an OS would reach overlays the recipe now skips, the OS must be stated (it decides who installs
 * the GPU driver; a generic answer would be wrong, not just less tuned).
 */
import { invalidInput, type AicrError } from '../errors.js';
import { optionRef } from '../option-refs.js';
import type { Criteria, RawCriteria } from '../documents/types.js';
import { compareStrings } from '../serialize.js';
import { CRITERIA_FIELDS, criteriaMatch, describeCriteria, type CriteriaField } from '../criteria.js';

/** What coverage needs of an overlay. */
export interface CoverageOverlay {
  readonly name: string;
  /** `null` for an overlay without criteria (a parent only). */
  readonly criteria: RawCriteria | null;
  /** `spec.base`: the parent overlay, absent or `base` for the base recipe. */
  readonly base?: string | undefined;
}

export type CoverageOverlays = ReadonlyMap<string, CoverageOverlay>;

/** Values of unstated fields that, added to the request, reach an overlay carrying the field. */
export type Completion = Partial<Record<CriteriaField, string>>;

interface UncoveredField {
  field: CriteriaField;
  requested: string;
  /** Minimal completions: smallest first, then by their text. */
  completions: Completion[];
  /** An overlay carrying the value exists but the snapshot failed its constraints. */
  constraintExcluded: boolean;
}

export type CoverageGap =
  | { kind: 'uncovered'; fields: UncoveredField[] }
  | { kind: 'unstated'; fields: Array<{ field: CriteriaField; validValues: string[] }> };

/** Fields the request must state when leaving them out would drop overlays (see the file comment). */
const MUST_STATE: ReadonlySet<CriteriaField> = new Set(['os']);

function stated(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value !== 'any';
}

/** The overlay and every ancestor it inherits from (the names the recipe applies for it). */
function chainNames(overlays: CoverageOverlays, overlay: CoverageOverlay): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let current: CoverageOverlay | undefined = overlay; current && !seen.has(current.name); current = current.base ? overlays.get(current.base) : undefined) {
    seen.add(current.name);
    names.push(current.name);
  }
  return names;
}

/** Overlays whose criteria match, less those that are an ancestor of another match. */
function matchingLeaves(overlays: CoverageOverlays, criteria: Criteria): CoverageOverlay[] {
  const matched = [...overlays.values()].filter((overlay) => overlay.criteria !== null && criteriaMatch(overlay.criteria, criteria));
  const ancestors = new Set<string>();
  for (const overlay of matched) for (const name of chainNames(overlays, overlay).slice(1)) ancestors.add(name);
  return matched.filter((overlay) => !ancestors.has(overlay.name));
}

/** What a request makes the recipe apply: the base recipe, then each matching leaf's chain. */
export function appliedOverlays(overlays: CoverageOverlays, criteria: Criteria): string[] {
  const applied = new Set(['base']);
  for (const leaf of matchingLeaves(overlays, criteria)) for (const name of chainNames(overlays, leaf).reverse()) applied.add(name);
  return [...applied];
}

function completionKey(completion: Completion, render = (field: CriteriaField, value: string) => `${field}=${value}`): string {
  const parts: string[] = [];
  for (const field of CRITERIA_FIELDS) if (completion[field] !== undefined) parts.push(render(field, completion[field]!));
  return parts.join(', ');
}

/** `service=eks, os=ubuntu`: a completion in upstream's canonical spelling (field order). */
export function completionText(completion: Completion): string {
  return completionKey(completion);
}

/**
 * The unstated values an overlay needs to carry `field`=`value` for this request, or undefined
 * when it does not carry it or contradicts a stated field.
 */
function completionFrom(criteria: Criteria, overlay: RawCriteria, field: CriteriaField, value: string): Completion | undefined {
  if (overlay[field] !== value) return undefined;
  const completion: Completion = {};
  for (const other of CRITERIA_FIELDS) {
    const wanted = overlay[other];
    if (other === field || !stated(wanted)) continue;
    if (stated(criteria[other])) {
      if (criteria[other] !== wanted) return undefined;
      continue;
    }
    completion[other] = wanted;
  }
  return completion;
}

/** Distinct, non-empty completions that no smaller one is a part of, smallest first. */
function minimalCompletions(all: Completion[]): Completion[] {
  const unique = new Map<string, Completion>();
  for (const completion of all) if (Object.keys(completion).length > 0) unique.set(completionKey(completion), completion);
  const within = (small: Completion, big: Completion) =>
    Object.keys(small).length < Object.keys(big).length && Object.entries(small).every(([k, v]) => big[k as CriteriaField] === v);
  const minimal = [...unique.values()].filter((candidate) => ![...unique.values()].some((other) => within(other, candidate)));
  return minimal.sort((a, b) => Object.keys(a).length - Object.keys(b).length || compareStrings(completionKey(a), completionKey(b)));
}

function carries(overlays: CoverageOverlays, names: readonly string[], field: CriteriaField, value: string): boolean {
  return names.some((name) => overlays.get(name)?.criteria?.[field] === value);
}

/** Whether one applied overlay carries every stated field (then nothing was dropped). */
function oneCarriesAll(overlays: CoverageOverlays, criteria: Criteria, applied: readonly string[]): boolean {
  return applied.some((name) => {
    const overlay = overlays.get(name)?.criteria;
    return overlay !== null && overlay !== undefined && CRITERIA_FIELDS.every((field) => !stated(criteria[field]) || overlay[field] === criteria[field]);
  });
}

function declaredValues(overlays: CoverageOverlays, field: CriteriaField): string[] {
  const values = new Set<string>();
  for (const overlay of overlays.values()) if (stated(overlay.criteria?.[field])) values.add(overlay.criteria![field] as string);
  return [...values].sort(compareStrings);
}

/**
 * Checks a resolved recipe against the coverage rule. `applied` are the names the recipe merged
 * (base and whole chains); `excluded` the overlays a snapshot's constraints left out.
 */
export function findCoverageGap(overlays: CoverageOverlays, criteria: Criteria, applied: readonly string[], excluded: readonly string[] = []): CoverageGap | undefined {
  const uncovered = CRITERIA_FIELDS.filter((field) => stated(criteria[field]) && !carries(overlays, applied, field, criteria[field]));
  if (uncovered.length > 0) {
    return {
      kind: 'uncovered',
      fields: uncovered.map((field) => {
        const requested = criteria[field];
        const completions: Completion[] = [];
        for (const overlay of overlays.values()) {
          const completion = overlay.criteria ? completionFrom(criteria, overlay.criteria, field, requested) : undefined;
          if (completion) completions.push(completion);
        }
        return { field, requested, completions: minimalCompletions(completions), constraintExcluded: carries(overlays, excluded, field, requested) };
      }),
    };
  }
  if (oneCarriesAll(overlays, criteria, applied)) return undefined;
  const appliedSet = new Set(applied);
  const fields: Array<{ field: CriteriaField; validValues: string[] }> = [];
  for (const field of CRITERIA_FIELDS) {
    if (!MUST_STATE.has(field) || stated(criteria[field])) continue;
    const validValues = declaredValues(overlays, field).filter((value) =>
      matchingLeaves(overlays, { ...criteria, [field]: value }).some((leaf) => chainNames(overlays, leaf).some((name) => !appliedSet.has(name))),
    );
    if (validValues.length > 0) fields.push({ field, validValues });
  }
  return fields.length > 0 ? { kind: 'unstated', fields } : undefined;
}

const quote = (value: string) => `'${value}'`;
const asOptions = (completion: Completion) => completionKey(completion, (field, value) => `${optionRef(field)} ${value}`);

function uncoveredClause(criteria: Criteria, gap: UncoveredField, excluded: readonly string[]): string {
  const { field, requested, completions } = gap;
  const asked = describeCriteria(criteria);
  if (completions.length === 0) {
    return gap.constraintExcluded
      ? `${optionRef(field)} ${quote(requested)} for ${asked} is provided only by overlays the snapshot's constraints excluded (${excluded.join(', ')})`
      : `no recipe provides ${optionRef(field)} ${quote(requested)} for ${asked}`;
  }
  const keys = new Set(completions.flatMap((completion) => Object.keys(completion)));
  if (keys.size === 1 && completions.every((completion) => Object.keys(completion).length === 1)) {
    const key = [...keys][0] as CriteriaField;
    const values = completions.map((completion) => completion[key]!).sort(compareStrings);
    return `${optionRef(field)} ${quote(requested)} for ${asked} requires ${optionRef(key)} (valid: ${values.join(', ')})`;
  }
  return `${optionRef(field)} ${quote(requested)} requires additional criteria; supported combinations: ${completions.map((completion) => `(${asOptions(completion)})`).join(', ')}`;
}

/** The error for a coverage gap: exit 2, the fields in the door's spelling, details as upstream's context. */
export function coverageError(gap: CoverageGap, criteria: Criteria, excluded: readonly string[] = []): AicrError {
  const context = excluded.length > 0 ? { excludedOverlays: [...excluded] } : {};
  if (gap.kind === 'unstated') {
    const demands = gap.fields.map(({ field, validValues }) => `${optionRef(field)} (valid: ${validValues.join(', ')})`);
    return invalidInput(`${describeCriteria(criteria)} has no recipe covering that combination; specify ${demands.join(', ')}`, {
      hint: 'without it the recipe would leave out overlays that decide how the GPU driver is installed',
      details: { strictDimensions: gap.fields.map(({ field, validValues }) => ({ dimension: field, validValues })), ...context },
    });
  }
  const hint = gap.fields.some((field) => field.constraintExcluded)
    ? `the snapshot's constraints excluded overlays that carry it (${excluded.join(', ')}): a cluster that meets them gets the recipe asked for`
    : gap.fields.some((field) => field.completions.length > 0)
      ? 'add the criteria of one supported combination, or change the value no recipe covers'
      : 'no overlay of the catalog carries that value: choose another value or add an overlay for it (a data catalog can)';
  return invalidInput(gap.fields.map((field) => uncoveredClause(criteria, field, excluded)).join('; '), {
    hint,
    details: {
      uncovered: gap.fields.map((field) => ({
        dimension: field.field,
        requestedValue: field.requested,
        validCompletions: field.completions.map(completionText),
        constraintExcluded: field.constraintExcluded,
      })),
      ...context,
    },
  });
}
