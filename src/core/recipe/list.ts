/**
 * `aicr recipe list`: the overlays of the loaded catalog (embedded, or with `--data`) with their
 * criteria, whether each is a leaf, where it came from, the configuration profile its criteria
 * resolve to (json and yaml; upstream's table has no column for it), and for each leaf its structural health
 * (does it resolve, are its charts pinned, do its constraints parse, which validations it
 * declares). Upstream's shape and order: overlays by name, every field as upstream writes it.
 */
import type { Catalog, OverlayEntry } from '../catalog/catalog.js';
import { ANY, CRITERIA_FIELDS, parseCriteriaValue, type CriteriaField } from '../criteria.js';
import type { ComponentRef, Criteria, RecipeResult, ValidationPhase } from '../documents/types.js';
import { parseConstraintPath, parseExpression } from '../constraints/index.js';
import { optionRef } from '../option-refs.js';
import { tableCell } from '../safe-text.js';
import { compareStrings, toJson, toYaml } from '../serialize.js';
import { VERSION } from '../version.js';
import { buildRecipe, profileForCriteria } from './build.js';

/** A filter value per criteria field; unset or `any` places no constraint. */
export type CatalogFilter = Partial<Record<CriteriaField, string>>;

/** Criteria as upstream's listing writes them: each field as the overlay declares it ('' when absent). */
interface ListedCriteria {
  Service: string;
  Accelerator: string;
  Intent: string;
  OS: string;
  Platform: string;
  Nodes: number;
}

interface PhaseCoverage {
  declared: boolean;
  checks?: string[];
  constraints: number;
}

interface DeclaredCoverage {
  readiness: PhaseCoverage;
  deployment: PhaseCoverage;
  performance: PhaseCoverage;
  conformance: PhaseCoverage;
}

type HealthStatus = 'pass' | 'warn' | 'fail' | 'unknown';

interface StructureHealth {
  status: HealthStatus;
  dimensions: Record<string, HealthStatus>;
  detail?: Record<string, string>;
  coverage?: DeclaredCoverage;
}

/** The configuration profile a request for an overlay's criteria resolves to (upstream's ProfileSummary). */
interface ListedProfile {
  name: string;
  description?: string;
  default: string;
  /** Value names, sorted. */
  values: string[];
}

export interface CatalogListEntry {
  name: string;
  criteria: ListedCriteria;
  is_leaf: boolean;
  source: 'embedded' | 'external';
  profile?: ListedProfile;
  health?: StructureHealth;
}

const LISTED_FIELD: Record<CriteriaField, keyof Omit<ListedCriteria, 'Nodes'>> = { service: 'Service', accelerator: 'Accelerator', intent: 'Intent', os: 'OS', platform: 'Platform' };

/** The filter from the criteria options, each value checked as `aicr recipe` checks it. */
export function parseCatalogFilter(given: Partial<Record<CriteriaField, string | undefined>>): CatalogFilter {
  const filter: CatalogFilter = {};
  for (const field of CRITERIA_FIELDS) {
    const raw = given[field];
    if (raw === undefined || raw === '') continue;
    const value = parseCriteriaValue(field, raw, optionRef(field));
    if (value !== ANY) filter[field] = value;
  }
  return filter;
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** Exact equality per set field, no wildcard promotion: `--accelerator h100` lists overlays that name h100. */
function matchesFilter(overlay: OverlayEntry, filter: CatalogFilter): boolean {
  return CRITERIA_FIELDS.every((field) => filter[field] === undefined || text(overlay.criteria![field]) === filter[field]);
}

/** Overlays with criteria, by name; `health` scores each leaf (off: `--no-health`). */
export function listCatalog(catalog: Catalog, filter: CatalogFilter = {}, options: { health?: boolean } = {}): CatalogListEntry[] {
  // An overlay some other overlay builds on is no leaf.
  const ancestors = new Set<string>();
  for (const overlay of catalog.overlays.values()) {
    const base = overlay.document.spec.base;
    if (base && base !== 'base') ancestors.add(base);
  }
  const entries: CatalogListEntry[] = [];
  for (const overlay of catalog.matchable) {
    if (!matchesFilter(overlay, filter)) continue;
    const raw = overlay.criteria!;
    const criteria = {} as ListedCriteria;
    for (const field of CRITERIA_FIELDS) criteria[LISTED_FIELD[field]] = text(raw[field]);
    criteria.Nodes = typeof raw.nodes === 'number' ? raw.nodes : 0;
    const entry: CatalogListEntry = { name: overlay.name, criteria, is_leaf: !ancestors.has(overlay.name), source: overlay.origin };
    const profile = listedProfile(catalog, queryOf(overlay));
    if (profile) entry.profile = profile;
    if (options.health !== false && entry.is_leaf) entry.health = leafHealth(catalog, overlay);
    entries.push(entry);
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The request an overlay's own criteria make (unset fields any). */
function queryOf(overlay: OverlayEntry): Criteria {
  const raw = overlay.criteria!;
  const query: Criteria = { service: ANY, accelerator: ANY, intent: ANY, os: ANY, platform: ANY, nodes: typeof raw.nodes === 'number' ? raw.nodes : 0 };
  for (const field of CRITERIA_FIELDS) if (text(raw[field]) !== '') query[field] = text(raw[field]);
  return query;
}

/**
 * The profile that request resolves to, found as recipe generation finds it, so the listing
 * cannot disagree with `aicr recipe` (several declarations fail the listing as they fail it).
 */
function listedProfile(catalog: Catalog, query: Criteria): ListedProfile | undefined {
  const effective = profileForCriteria(catalog, query);
  if (!effective) return undefined;
  const { name, description, default: fallback, values } = effective.declaration;
  return { name, ...(description ? { description } : {}), default: fallback, values: Object.keys(values).sort(compareStrings) };
}

// ---------------------------------------------------------------------------- health

/** Resolves a leaf for its own criteria (no snapshot: its constraints are not evaluated) and grades the result. */
function leafHealth(catalog: Catalog, overlay: OverlayEntry): StructureHealth {
  const query = queryOf(overlay);
  const dimensions: Record<string, HealthStatus> = {};
  const detail: Record<string, string> = {};
  let result: RecipeResult;
  try {
    result = buildRecipe(catalog, query, { version: VERSION });
  } catch (error) {
    dimensions.resolves = 'fail';
    detail.resolves = error instanceof Error ? error.message : String(error);
    return { status: 'fail', dimensions, detail };
  }
  dimensions.resolves = 'pass';
  const grade = (name: string, [state, note]: [HealthStatus, string]): void => {
    dimensions[name] = state;
    if (note) detail[name] = note;
  };
  grade('chart_pinned', chartPinned(result.componentRefs));
  grade('constraints_wellformed', constraintsWellformed(result));
  const health: StructureHealth = { status: rollup(dimensions), dimensions };
  if (Object.keys(detail).length) health.detail = detail;
  health.coverage = coverage(result);
  return health;
}

const isHelm = (ref: ComponentRef): boolean => (ref.type ?? '').toLowerCase() === 'helm';
const isEnabled = (ref: ComponentRef): boolean => ['enabled', 'install'].every((key) => ref.overrides?.[key] !== false);
/** A version that pins what deploys: not blank, not a bare "v", not padded (deployers use it as written). */
const pinned = (version: string | undefined): boolean => version !== undefined && version.trim() !== '' && version.trim().replace(/^v/, '') !== '' && version === version.trim();

/** Every enabled Helm component names a chart version (manifest-only ones have none to pin). */
function chartPinned(refs: readonly ComponentRef[]): [HealthStatus, string] {
  let helm = 0;
  const unpinned: string[] = [];
  for (const ref of refs) {
    if (!isHelm(ref) || !isEnabled(ref)) continue;
    const manifestOnly = !ref.chart && !ref.source && (ref.manifestFiles?.length ?? 0) > 0;
    if (manifestOnly) {
      // A version it does set still ships in the rendered chart, so a malformed one counts.
      if (ref.version !== undefined && ref.version !== '' && !pinned(ref.version)) {
        helm++;
        unpinned.push(ref.name);
      }
      continue;
    }
    helm++;
    if (!pinned(ref.version)) unpinned.push(ref.name);
  }
  if (unpinned.length) return ['fail', `unpinned Helm chart version for: ${unpinned.sort().join(', ')}`];
  if (helm === 0) return ['pass', 'no enabled Helm components; chart-version pinning not applicable (Kustomize tag pinning is out of scope)'];
  return ['pass', ''];
}

/** Every merged constraint parses (path and expression); warnings of the resolution warn. */
function constraintsWellformed(result: RecipeResult): [HealthStatus, string] {
  for (const constraint of result.constraints ?? []) {
    try {
      parseConstraintPath(constraint.name);
    } catch (error) {
      return ['fail', `constraint "${constraint.name}": malformed path: ${(error as Error).message}`];
    }
    try {
      parseExpression(constraint.value);
    } catch (error) {
      return ['fail', `constraint "${constraint.name}": malformed value "${constraint.value}": ${(error as Error).message}`];
    }
  }
  const warnings = result.metadata.constraintWarnings ?? [];
  if (warnings.length) {
    const first = warnings[0]!;
    return ['warn', `${warnings.length} constraint warning(s) during resolution; first: overlay "${first.overlay}" constraint "${first.constraint}": ${first.reason}`];
  }
  return ['pass', ''];
}

function phaseCoverage(phase: ValidationPhase | undefined): PhaseCoverage {
  if (!phase) return { declared: false, constraints: 0 };
  const constraints = phase.constraints?.length ?? 0;
  // Upstream's field order: declared, checks (only when there are some), constraints.
  return phase.checks?.length ? { declared: true, checks: [...phase.checks].sort(), constraints } : { declared: true, constraints };
}

function coverage(result: RecipeResult): DeclaredCoverage {
  const v = result.validation ?? {};
  return { readiness: phaseCoverage(v.readiness), deployment: phaseCoverage(v.deployment), performance: phaseCoverage(v.performance), conformance: phaseCoverage(v.conformance) };
}

/** fail > warn > unknown > pass. */
function rollup(dimensions: Record<string, HealthStatus>): HealthStatus {
  const states = Object.values(dimensions);
  for (const state of ['fail', 'warn', 'unknown'] as const) if (states.includes(state)) return state;
  return 'pass';
}

// ---------------------------------------------------------------------------- rendering

/** json: upstream's field order, 2-space indent; yaml: keys sorted at every level (upstream's deterministic YAML). */
export function formatCatalogList(entries: readonly CatalogListEntry[], format: 'json' | 'yaml' | 'table', health = true): string {
  if (format === 'json') return toJson(entries.map((entry) => ({ ...entry, health: entry.health && orderedHealth(entry.health) })));
  if (format === 'yaml') {
    if (entries.length === 0) return '[]\n';
    const lowered = entries.map(({ criteria, ...rest }) => ({ ...rest, criteria: { service: criteria.Service, accelerator: criteria.Accelerator, intent: criteria.Intent, os: criteria.OS, platform: criteria.Platform, nodes: criteria.Nodes } }));
    return toYaml(lowered, { sortKeys: true });
  }
  return catalogTable(entries, health);
}

function orderedHealth(health: StructureHealth): StructureHealth {
  const dimensions = Object.fromEntries(Object.entries(health.dimensions).sort(([a], [b]) => (a < b ? -1 : 1))) as Record<string, HealthStatus>;
  const out: StructureHealth = { status: health.status, dimensions };
  if (health.detail) out.detail = Object.fromEntries(Object.entries(health.detail).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (health.coverage) out.coverage = health.coverage;
  return out;
}

const orAny = (value: string): string => (value === '' ? ANY : value);

/** `R:2 D:4 P:1 C:10`: named checks per phase. */
function compactCoverage(coverage: DeclaredCoverage | undefined): string {
  if (!coverage) return '-';
  const count = (phase: PhaseCoverage) => phase.checks?.length ?? 0;
  return `R:${count(coverage.readiness)} D:${count(coverage.deployment)} P:${count(coverage.performance)} C:${count(coverage.conformance)}`;
}

/**
 * Columns as Go's tabwriter lays them out (each column as wide as its widest cell plus two
 * spaces, the last column unpadded), then the wildcard legend.
 */
function catalogTable(entries: readonly CatalogListEntry[], health: boolean): string {
  const header = health
    ? ['NAME', 'SERVICE', 'ACCELERATOR', 'INTENT', 'OS', 'PLATFORM', 'IS_LEAF', 'STATUS', 'COVERAGE', 'SOURCE']
    : ['NAME', 'SERVICE', 'ACCELERATOR', 'INTENT', 'OS', 'PLATFORM', 'IS_LEAF', 'SOURCE'];
  const rows = entries.map((e) => {
    const c = e.criteria;
    const cells = [e.name, orAny(c.Service), orAny(c.Accelerator), orAny(c.Intent), orAny(c.OS), orAny(c.Platform), String(e.is_leaf)];
    if (health) cells.push(e.health?.status ?? '-', compactCoverage(e.health?.coverage));
    cells.push(e.source);
    return cells.map(tableCell);
  });
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  const lines = all.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]! + 2))).join(''));
  const legend = entries.length === 0 ? '(no matching overlays)\n' : `\n${ANY} = wildcard (dimension unconstrained — matches any value)\n`;
  return `${lines.join('\n')}\n${legend}`;
}
