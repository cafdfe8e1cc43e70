/**
 * ADR-015 configuration profiles: an overlay declares one named choice (`spec.profile`) whose
 * values assign overrides on components the composition already has, plus constraints. Recipe
 * generation picks a value (`--profile name=value`, else the declared default), applies it after
 * overlays and mixins, and records it with the paths it owns (`metadata.selectedProfile`) so a
 * bundle cannot quietly change them.
 */
import { invalidInput, optionError } from '../errors.js';
import type { ComponentRef, Constraint, ProfileDeclaration, SelectedProfile, Snapshot } from '../documents/types.js';
import { evaluateConstraint } from '../constraints/index.js';
import { compareStrings, isPlainObject } from '../serialize.js';
import { mergeValues } from '../util/objects.js';
import { optionRef } from '../option-refs.js';


/** The synthetic owned path that stands for a component's presence in the bundle. */
export const PRESENCE_PATH = 'enabled';

/** Advertiser values a profile value may declare (upstream's closed vocabulary). */
const ADVERTISERS = ['', 'external'];
const IDENTIFIER = /^[A-Za-z0-9._-]+$/;
/** Integers beyond this do not survive a JSON round trip. */
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

export interface ProfileSelection {
  name: string;
  value: string;
}

/** `name=value` as given to `--profile`; empty means "use the declaration's default". */
export function parseProfileSelection(raw: string | undefined): ProfileSelection | undefined {
  if (raw === undefined || raw === '') return undefined;
  const hint = `write ${optionRef('profile')} <name>=<value>, e.g. gpuStack=operator-managed; names and values hold letters, digits, ".", "_" and "-"`;
  if (raw.trim() !== raw || raw.split('=').length !== 2) throw optionError('profile', 'profile must use the exact name=value form', { hint });
  const [name, value] = raw.split('=') as [string, string];
  if (!IDENTIFIER.test(name) || !IDENTIFIER.test(value)) throw optionError('profile', 'profile name and value must match [A-Za-z0-9._-]+', { hint });
  return { name, value };
}

/** Go's `%v` of a string slice, as upstream's messages print lists. */
const goList = (items: readonly string[]): string => `[${items.join(' ')}]`;

/**
 * Checks a declaration against ADR-015's rules and returns its owned paths: every leaf path any
 * value assigns, plus `enabled`, per component, sorted. Every value must assign the same paths
 * ("union totality"), so switching values never leaves a path to the chart default.
 */
function validateProfileDeclaration(declaration: ProfileDeclaration, source: string): Record<string, string[]> {
  const fail = (message: string): never => {
    throw invalidInput(`invalid profile contract in overlay "${source}": ${message}`, { hint: 'fix spec.profile of the overlay (ADR-015: name, default, values with componentRefs overrides and constraints)' });
  };
  if (!isPlainObject(declaration)) fail('profile declaration is required');
  if (typeof declaration.name !== 'string' || !IDENTIFIER.test(declaration.name)) fail('profile name must match [A-Za-z0-9._-]+');
  if (typeof declaration.default !== 'string' || !IDENTIFIER.test(declaration.default)) fail('profile default must match [A-Za-z0-9._-]+');
  const values = isPlainObject(declaration.values) ? declaration.values : {};
  const valueNames = Object.keys(values).sort(compareStrings);
  if (valueNames.length === 0) fail(`profile "${declaration.name}" must declare at least one value`);
  if (!Object.prototype.hasOwnProperty.call(values, declaration.default)) fail(`profile "${declaration.name}" default "${declaration.default}" is not a declared value`);
  const lowered = new Map<string, string>();
  for (const name of valueNames) {
    const previous = lowered.get(name.toLowerCase());
    if (previous !== undefined) {
      fail(`profile "${declaration.name}" values "${previous}" and "${name}" differ only by case; evidence path segments are lowercase, so value names must be case-insensitively unique`);
    }
    lowered.set(name.toLowerCase(), name);
  }

  const owned = new Map<string, Set<string>>();
  let expected: string[] | undefined;
  for (const valueName of valueNames) {
    if (!IDENTIFIER.test(valueName)) fail(`profile value "${valueName}" must match [A-Za-z0-9._-]+`);
    const value = values[valueName] ?? {};
    const where = `profile "${declaration.name}" value "${valueName}"`;
    if (!ADVERTISERS.includes(value.advertiser ?? '')) fail(`${where}: advertiser "${value.advertiser}" is not supported; use "external" or leave it out`);
    const constraintNames = new Set<string>();
    for (const constraint of value.constraints ?? []) {
      if (!constraint.name) fail(`${where} declares a constraint with no name`);
      if (!constraint.value) fail(`${where} constraint "${constraint.name}" has no value`);
      if (constraintNames.has(constraint.name)) fail(`${where} repeats constraint "${constraint.name}"`);
      constraintNames.add(constraint.name);
    }
    const components = new Set<string>();
    const valuePaths: string[] = [];
    for (const ref of value.componentRefs ?? []) {
      if (!ref.name) fail(`${where} has a componentRef with an empty name`);
      if (components.has(ref.name)) fail(`${where} repeats componentRef "${ref.name}"`);
      components.add(ref.name);
      const overrides = ref.overrides ?? {};
      if (Object.prototype.hasOwnProperty.call(overrides, PRESENCE_PATH)) fail(`${where} component "${ref.name}" may not assign overrides.enabled`);
      let paths: string[] = [];
      try {
        paths = leafPaths(overrides);
      } catch (error) {
        fail(`invalid profile overrides for ${where} component "${ref.name}": ${(error as Error).message}`);
      }
      const set = owned.get(ref.name) ?? new Set<string>();
      for (const path of paths) {
        valuePaths.push(`${ref.name}:${path}`);
        set.add(path);
      }
      set.add(PRESENCE_PATH);
      owned.set(ref.name, set);
    }
    valuePaths.sort(compareStrings);
    if (expected === undefined) expected = valuePaths;
    else if (valuePaths.join('\n') !== expected.join('\n')) {
      fail(`profile "${declaration.name}" violates union totality: value "${valueName}" assigns ${goList(valuePaths)}, expected ${goList(expected)}`);
    }
  }
  const out: Record<string, string[]> = {};
  for (const component of [...owned.keys()].sort(compareStrings)) out[component] = [...owned.get(component)!].sort(compareStrings);
  return out;
}

/** The dot paths of every leaf an override map assigns (a map value is walked, anything else is a leaf). */
function leafPaths(overrides: Record<string, unknown>): string[] {
  const paths: string[] = [];
  const walk = (node: Record<string, unknown>, prefix: string[]): void => {
    for (const [key, value] of Object.entries(node)) {
      if (key === '' || key.includes('.')) throw new Error(`profile override key "${key}" must be nonempty and may not contain a literal dot`);
      const path = [...prefix, key];
      if (isPlainObject(value)) {
        if (Object.keys(value).length === 0) throw new Error(`profile override "${path.join('.')}" assigns an empty map`);
        walk(value, path);
      } else {
        checkLeaf(value, path.join('.'));
        paths.push(path.join('.'));
      }
    }
  };
  walk(overrides, []);
  return paths.sort(compareStrings);
}

function checkLeaf(value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => (isPlainObject(item) ? leafPaths(item) : checkLeaf(item, `${path}[${index}]`)));
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`profile override "${path}" contains a non-finite float`);
    if (Number.isInteger(value) && Math.abs(value) > SAFE_INTEGER) throw new Error(`profile override "${path}" contains integer ${value} outside the JSON round-trip-safe range`);
    return;
  }
  if (typeof value === 'bigint') throw new Error(`profile override "${path}" contains integer ${value} outside the JSON round-trip-safe range`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  throw new Error(`profile override "${path}" uses unsupported scalar type ${typeof value}`);
}

/** A declaration and the overlay (or `base`) that declares it. */
export interface EffectiveProfile {
  source: string;
  declaration: ProfileDeclaration;
}

/**
 * The one declaration in a composition: `declarations` holds every declaring document reached
 * (source → declaration). More than one source is an error: a composition has one choice.
 */
export function effectiveProfile(declarations: ReadonlyMap<string, ProfileDeclaration>): EffectiveProfile | undefined {
  if (declarations.size === 0) return undefined;
  if (declarations.size > 1) {
    const sources = [...declarations.keys()].sort(compareStrings);
    throw invalidInput(`resolved composition has multiple profile declarations from ${goList(sources)}`, {
      hint: 'declare spec.profile in one overlay of the composition only (a shared ancestor, inherited by the leaves)',
    });
  }
  const [source, declaration] = [...declarations.entries()][0]!;
  validateProfileDeclaration(declaration, source);
  return { source, declaration };
}

/** A profile declaration matched by the criteria must still be there after snapshot filtering. */
export function checkProfileSurvived(before: EffectiveProfile | undefined, after: EffectiveProfile | undefined): void {
  if (!before || after?.source === before.source) return;
  throw invalidInput(`profile declaration from overlay "${before.source}" was removed by snapshot constraint filtering`, {
    hint: 'the snapshot fails a constraint of that overlay (see metadata.constraintWarnings with --debug); fix the cluster or the snapshot',
  });
}

export interface AppliedProfile {
  refs: Map<string, ComponentRef>;
  constraints: Map<string, Constraint>;
  selected: SelectedProfile;
}

/**
 * Applies the selected (or default) value to the composed refs and constraints. With a snapshot,
 * the value's constraints must hold on it; without one they are only recorded (checked again by
 * `validate`'s readiness phase).
 */
export function applyProfile(
  effective: EffectiveProfile | undefined,
  selection: ProfileSelection | undefined,
  composed: { refs: ReadonlyMap<string, ComponentRef>; constraints: ReadonlyMap<string, Constraint> },
  snapshot: Snapshot | undefined,
): AppliedProfile | undefined {
  if (!effective) {
    if (selection) {
      throw optionError('profile', `profile "${selection.name}" was selected, but the resolved composition declares no profile`, {
        hint: 'leave the option out, or pick criteria whose overlays declare spec.profile',
      });
    }
    return undefined;
  }
  const { declaration, source } = effective;
  const ownedPaths = validateProfileDeclaration(declaration, source);
  const valueNames = Object.keys(declaration.values).sort(compareStrings);
  if (selection && selection.name !== declaration.name) {
    throw optionError('profile', `resolved composition declares profile "${declaration.name}", not "${selection.name}"`, {
      hint: `write ${declaration.name}=<value> with one of: ${valueNames.join(', ')}`,
    });
  }
  const valueName = selection?.value ?? declaration.default;
  const value = Object.prototype.hasOwnProperty.call(declaration.values, valueName) ? declaration.values[valueName] : undefined;
  if (!value) {
    throw optionError('profile', `profile "${declaration.name}" has no value "${valueName}"; valid values: ${goList(valueNames)}`, {
      hint: `write ${declaration.name}=<value> with one of: ${valueNames.join(', ')} (default ${declaration.default})`,
    });
  }
  const selectedText = `${declaration.name}=${valueName}`;
  for (const component of Object.keys(ownedPaths)) {
    const ref = composed.refs.get(component);
    if (!ref || ref.overrides?.[PRESENCE_PATH] === false) {
      throw invalidInput(`profile "${declaration.name}" references component "${component}", which is not enabled in the surviving composition`, {
        hint: `the overlay "${source}" declares the profile; keep "${component}" enabled in the composition or drop it from the profile values`,
      });
    }
  }

  const constraints = new Map(composed.constraints);
  for (const constraint of value.constraints ?? []) {
    if (constraints.has(constraint.name)) {
      throw invalidInput(`profile "${declaration.name}" value "${valueName}" constraint "${constraint.name}" collides with the composed recipe`, {
        hint: 'a profile constraint must name a reading no overlay or mixin of the composition constrains',
      });
    }
    if (snapshot) checkProfileConstraint(constraint, snapshot, selectedText);
    constraints.set(constraint.name, constraint);
  }

  const refs = new Map(composed.refs);
  for (const profileRef of value.componentRefs ?? []) {
    const ref = refs.get(profileRef.name)!;
    const overrides = profileRef.overrides ?? {};
    refs.set(profileRef.name, { ...ref, overrides: ref.overrides ? mergeValues(ref.overrides, overrides) : overrides });
  }
  // Key by key in upstream's output order: name, value, advertiser, ownedPaths.
  const selected = { name: declaration.name, value: valueName } as SelectedProfile;
  if (value.advertiser) selected.advertiser = value.advertiser;
  selected.ownedPaths = ownedPaths;
  return { refs, constraints, selected };
}

function checkProfileConstraint(constraint: Constraint, snapshot: Snapshot, selectedText: string): void {
  const outcome = evaluateConstraint(constraint, snapshot);
  if (outcome.status === 'passed') return;
  const remediation = constraint.remediation ? ` ${constraint.remediation.trim()}` : '';
  if (outcome.status === 'error' && outcome.message.startsWith('[NOT_FOUND]')) {
    throw invalidInput(`profile ${selectedText} cannot be validated because reading "${constraint.name}" is unavailable`, {
      hint: `the snapshot has no ${constraint.name} reading (expected ${constraint.value}); take the snapshot where it can be read, or leave out the snapshot to record the constraint unchecked`,
      details: { constraint: constraint.name, expected: constraint.value, cause: outcome.message },
    });
  }
  if (outcome.status === 'error') {
    throw invalidInput(`failed to evaluate profile constraint "${constraint.name}": ${outcome.message}`, { hint: 'fix the constraint in spec.profile of the overlay' });
  }
  throw invalidInput(`profile ${selectedText} constraint "${constraint.name}" failed: expected ${constraint.value}, got ${outcome.actual}`, {
    hint: `the cluster does not match this profile value.${remediation || ` Pick the value that matches the cluster with ${optionRef('profile')}, or change the cluster.`}`,
    details: { constraint: constraint.name, expected: constraint.value, actual: outcome.actual },
  });
}
