/**
 * A change plan: what changes between two recipes or two bundles, in the words a reviewer of a
 * pull request uses — components added or removed, version changes, values changed by dotted
 * path, criteria, constraints and (for bundles) files. Every list is sorted, so the same two
 * inputs always give the same plan.
 */
import type { ComponentRef, RecipeResult } from '../documents/types.js';
import { compareStrings, isPlainObject } from '../serialize.js';

export type ChangeKind = 'added' | 'removed' | 'modified';

/** One leaf that differs, by its dotted path (`driver.version`, `tolerations[0].key`). */
export interface ValueChange {
  path: string;
  kind: ChangeKind;
  baseline?: string;
  target?: string;
}

export interface ComponentChange {
  name: string;
  kind: ChangeKind;
  /** Version (chart version, or the kustomize tag) on each side. */
  baselineVersion?: string;
  targetVersion?: string;
  /** Other settings of the component (namespace, source, chart, valuesFile, dependencies…). */
  settings: ValueChange[];
  /** The component's values: recipe overrides for recipes, the deployed values for bundles. */
  values: ValueChange[];
}

export interface FileChange {
  path: string;
  kind: ChangeKind;
}

export interface ChangePlan {
  /** What was compared. */
  subject: 'recipe' | 'bundle';
  baselineSource?: string;
  targetSource?: string;
  criteria: ValueChange[];
  constraints: ValueChange[];
  components: ComponentChange[];
  /** Bundles: files added, removed or changed according to their checksums.txt. */
  files: FileChange[];
  summary: ChangeSummary;
}

interface ChangeSummary {
  componentsAdded: number;
  componentsRemoved: number;
  componentsChanged: number;
  versionChanges: number;
  valueChanges: number;
  criteriaChanges: number;
  constraintChanges: number;
  filesChanged: number;
  /** Everything above that is a change: 0 means the two are the same for a reviewer. */
  total: number;
}

/** A leaf as text: strings as they are, everything else as JSON (`true`, `8`, `null`, `[]`). */
function leafText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? 'null';
}

function childPath(parent: string, key: string): string {
  const segment = /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
  if (parent === '') return /^[A-Za-z0-9_-]+$/.test(key) ? key : `[${segment}]`;
  return /^[A-Za-z0-9_-]+$/.test(key) ? `${parent}.${key}` : `${parent}[${segment}]`;
}

/** Every leaf of a value by dotted path; empty maps and lists are leaves of their own. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node) && node.length > 0) {
      node.forEach((item, index) => visit(item, `${path}[${index}]`));
    } else if (isPlainObject(node) && Object.keys(node).length > 0) {
      for (const [key, child] of Object.entries(node)) visit(child, childPath(path, key));
    } else if (path !== '' || node !== undefined) {
      out.set(path, leafText(node));
    }
  };
  if (value !== undefined && value !== null) visit(value, prefix);
  return out;
}

/** The leaves that differ between two flattened values, sorted by path. */
function diffLeaves(baseline: Map<string, string>, target: Map<string, string>): ValueChange[] {
  const changes: ValueChange[] = [];
  for (const path of new Set([...baseline.keys(), ...target.keys()])) {
    const before = baseline.get(path);
    const after = target.get(path);
    if (before === undefined) changes.push({ path, kind: 'added', target: after! });
    else if (after === undefined) changes.push({ path, kind: 'removed', baseline: before });
    else if (before !== after) changes.push({ path, kind: 'modified', baseline: before, target: after });
  }
  return changes.sort((a, b) => compareStrings(a.path, b.path));
}

const diffValues = (baseline: unknown, target: unknown): ValueChange[] => diffLeaves(flatten(baseline), flatten(target));

/** The version a reviewer reads for a component: its chart version, or its kustomize tag. */
function versionOf(ref: ComponentRef): string | undefined {
  return ref.version || ref.tag || undefined;
}

/** The component's settings other than its name, version and values. */
function settingsOf(ref: ComponentRef): Record<string, unknown> {
  const { name: _name, version: _version, tag: _tag, overrides: _overrides, ...rest } = ref;
  return rest;
}

/** Per-component changes between two recipes' componentRefs; `valuesOf` gives each side's values. */
export function diffComponents(
  baseline: readonly ComponentRef[],
  target: readonly ComponentRef[],
  valuesOf: (side: 'baseline' | 'target', ref: ComponentRef) => unknown,
): ComponentChange[] {
  const before = new Map(baseline.map((ref) => [ref.name, ref]));
  const after = new Map(target.map((ref) => [ref.name, ref]));
  const changes: ComponentChange[] = [];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort(compareStrings)) {
    const old = before.get(name);
    const next = after.get(name);
    const change: ComponentChange = { name, kind: 'modified', settings: [], values: [] };
    if (old && versionOf(old) !== undefined) change.baselineVersion = versionOf(old)!;
    if (next && versionOf(next) !== undefined) change.targetVersion = versionOf(next)!;
    if (!old) change.kind = 'added';
    else if (!next) change.kind = 'removed';
    else {
      change.settings = diffValues(settingsOf(old), settingsOf(next));
      change.values = diffValues(valuesOf('baseline', old), valuesOf('target', next));
      if (change.baselineVersion === change.targetVersion && change.settings.length === 0 && change.values.length === 0) continue;
    }
    changes.push(change);
  }
  return changes;
}

const constraintMap = (recipe: RecipeResult): Record<string, string> =>
  Object.fromEntries((recipe.constraints ?? []).map((constraint) => [constraint.name, String(constraint.value)]));

/** Criteria and constraints of two recipes, by criterion and constraint name. */
export function diffRecipeHeader(baseline: RecipeResult, target: RecipeResult): { criteria: ValueChange[]; constraints: ValueChange[] } {
  const constraints = diffLeaves(new Map(Object.entries(constraintMap(baseline))), new Map(Object.entries(constraintMap(target))));
  return { criteria: diffValues(baseline.criteria ?? {}, target.criteria ?? {}), constraints };
}

/** The plan with its summary counted and its fields in a fixed order. */
export function finishPlan(parts: Omit<ChangePlan, 'summary'>): ChangePlan {
  const count = (kind: ChangeKind): number => parts.components.filter((change) => change.kind === kind).length;
  const modified = parts.components.filter((change) => change.kind === 'modified');
  const summary: ChangeSummary = {
    componentsAdded: count('added'),
    componentsRemoved: count('removed'),
    componentsChanged: modified.length,
    versionChanges: modified.filter((change) => change.baselineVersion !== change.targetVersion).length,
    valueChanges: modified.reduce((sum, change) => sum + change.values.length, 0),
    criteriaChanges: parts.criteria.length,
    constraintChanges: parts.constraints.length,
    filesChanged: parts.files.length,
    total: 0,
  };
  summary.total = summary.componentsAdded + summary.componentsRemoved + summary.componentsChanged + summary.criteriaChanges + summary.constraintChanges + summary.filesChanged;
  const plan: ChangePlan = { subject: parts.subject } as ChangePlan;
  if (parts.baselineSource !== undefined) plan.baselineSource = parts.baselineSource;
  if (parts.targetSource !== undefined) plan.targetSource = parts.targetSource;
  plan.criteria = parts.criteria;
  plan.constraints = parts.constraints;
  plan.components = parts.components;
  plan.files = parts.files;
  plan.summary = summary;
  return plan;
}

/** What changes from the `baseline` recipe to the `target` recipe. */
export function diffRecipes(baseline: RecipeResult, target: RecipeResult, sources: { baselineSource?: string; targetSource?: string } = {}): ChangePlan {
  return finishPlan({
    subject: 'recipe',
    ...sources,
    ...diffRecipeHeader(baseline, target),
    components: diffComponents(baseline.componentRefs, target.componentRefs, (_side, ref) => ref.overrides ?? {}),
    files: [],
  });
}
