/**
 * The bundle-time lock of a configuration profile (ADR-015): every path the recipe's selected
 * profile owns must come out of the bundle exactly as the recipe has it, and every component it
 * names must be in the bundle. A `--set` that changes an owned path (or leaves such a component
 * out) would produce a cluster state the profile value never qualified, so it is refused.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RecipeResult, SelectedProfile } from '../documents/types.js';
import { invalidInput } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { hydrateValues } from '../recipe/query.js';
import { PRESENCE_PATH } from '../recipe/profile.js';
import { compareStrings, isPlainObject, sortKeysDeep } from '../serialize.js';

const IDENTIFIER = /^[A-Za-z0-9._-]+$/;

/**
 * Upstream's GPU allocation-policy descriptor (#1327): the value paths that decide which
 * component advertises nvidia.com/gpu. A profile that owns advertisement (an `external`
 * advertiser, or an owned path on one of these) locks all of them on every enabled component.
 */
const ADVERTISEMENT_PATHS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['gpu-operator', ['devicePlugin.enabled']],
  ['gpu-operator-ocp', ['devicePlugin.enabled']],
  ['nvidia-dra-driver-gpu', ['gpuResourcesEnabledOverride', 'resources.gpus.enabled']],
  ['nvidia-dra-driver-gpu-ocp', ['gpuResourcesEnabledOverride', 'resources.gpus.enabled']],
];

/** Whether one dot path is the other or lies below it. */
function pathsIntersect(a: string, b: string): boolean {
  const left = a.split('.');
  const right = b.split('.');
  return left.slice(0, Math.min(left.length, right.length)).every((segment, i) => segment === right[i]);
}

/** The declared owned paths, plus the advertisement closure when the profile owns advertisement. */
function effectiveLockSet(recipe: RecipeResult, selected: SelectedProfile): Record<string, string[]> {
  const lock: Record<string, string[]> = {};
  for (const [component, paths] of Object.entries(selected.ownedPaths)) lock[component] = [...paths];
  const ownsAdvertisement = selected.advertiser === 'external'
    || ADVERTISEMENT_PATHS.some(([component, selectors]) => (selected.ownedPaths[component] ?? []).some((path) => path !== PRESENCE_PATH && selectors.some((selector) => pathsIntersect(path, selector))));
  if (!ownsAdvertisement) return lock;
  for (const [component, selectors] of ADVERTISEMENT_PATHS) {
    const ref = recipe.componentRefs.find((candidate) => candidate.name === component);
    if (!ref || ref.overrides?.[PRESENCE_PATH] === false) continue;
    lock[component] = [...new Set([...(lock[component] ?? []), PRESENCE_PATH, ...selectors])].sort(compareStrings);
  }
  return lock;
}

type Observation = { state: 'present'; text: string } | { state: 'absent' | 'blocked' };

/** What sits at a dot path: a value (compared by canonical text), nothing, or a non-map on the way. */
function observe(values: Record<string, unknown> | undefined, path: string): Observation {
  let node: unknown = values ?? {};
  const segments = path.split('.');
  for (let i = 0; i < segments.length; i++) {
    if (!isPlainObject(node)) return { state: 'blocked' };
    if (!Object.prototype.hasOwnProperty.call(node, segments[i]!)) return { state: 'absent' };
    node = node[segments[i]!];
  }
  const canonical = isPlainObject(node) || Array.isArray(node) ? sortKeysDeep(node) : node;
  return { state: 'present', text: JSON.stringify(canonical, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)) ?? 'undefined' };
}

/** The recorded selection must have upstream's shape before it can be enforced. */
function checkContract(selected: SelectedProfile): void {
  const broken = (message: string): never => {
    throw invalidInput(message, { hint: 'metadata.selectedProfile is written by aicr recipe; regenerate the recipe instead of editing it' });
  };
  if (!IDENTIFIER.test(String(selected.name)) || !IDENTIFIER.test(String(selected.value))) broken('metadata.selectedProfile name and value must match [A-Za-z0-9._-]+');
  if (selected.advertiser !== undefined && selected.advertiser !== '' && selected.advertiser !== 'external') broken(`unknown advertiser "${String(selected.advertiser)}"; the only supported value is "external"`);
  if (!isPlainObject(selected.ownedPaths)) broken('metadata.selectedProfile.ownedPaths is required');
  for (const [component, paths] of Object.entries(selected.ownedPaths)) {
    if (component === '') broken('metadata.selectedProfile.ownedPaths contains an empty component name');
    if (!Array.isArray(paths) || paths.some((path) => typeof path !== 'string')) broken(`metadata.selectedProfile.ownedPaths["${component}"] must be a list of paths`);
    if (paths.some((path, i) => i > 0 && compareStrings(paths[i - 1]!, path) > 0)) broken(`metadata.selectedProfile.ownedPaths["${component}"] must be lexicographically sorted`);
    if (!paths.includes(PRESENCE_PATH)) broken(`metadata.selectedProfile.ownedPaths["${component}"] must include synthetic path "${PRESENCE_PATH}"`);
    paths.forEach((path, i) => {
      if (path === '' || path.startsWith('.') || path.endsWith('.') || path.includes('..')) broken(`metadata.selectedProfile.ownedPaths["${component}"] contains invalid path "${path}"`);
      if (i > 0 && paths[i - 1] === path) broken(`metadata.selectedProfile.ownedPaths["${component}"] repeats path "${path}"`);
    });
  }
}

/**
 * Refuses a bundle that would not carry the selected profile as recorded. `bundled` holds the
 * final values of every component that goes into the bundle (after `--set` and scheduling).
 */
export function checkProfileLock(recipe: RecipeResult, catalog: Catalog, bundled: ReadonlyMap<string, Record<string, unknown>>): void {
  const selected = recipe.metadata?.selectedProfile;
  if (!selected) return;
  checkContract(selected);
  const selection = `${selected.name}=${selected.value}`;
  const hint = `profile-owned values are fixed when the recipe is generated: drop the override, or generate the recipe with ${optionRef('profile')} ${selected.name}=<value> for the value you need`;
  const lock = effectiveLockSet(recipe, selected);
  for (const component of Object.keys(lock).sort(compareStrings)) {
    const ref = recipe.componentRefs.find((candidate) => candidate.name === component);
    if (!ref) throw invalidInput(`profile-owned component "${component}" is absent from the recipe`, { hint: 'regenerate the recipe instead of editing it' });
    const paths = lock[component]!.filter((path) => path !== PRESENCE_PATH);
    // Only the declared paths must be written in the recipe; closure paths may come from values files.
    for (const path of (selected.ownedPaths[component] ?? []).filter((p) => p !== PRESENCE_PATH)) {
      const inline = observe(ref.overrides, path);
      if (inline.state === 'blocked') throw invalidInput(`profile-owned recipe path ${component}.${path} is blocked by a non-map ancestor`, { hint: 'regenerate the recipe instead of editing it' });
      if (inline.state === 'absent') {
        throw invalidInput(`profile-owned path ${component}.${path} is not assigned by the component overrides; an owned path may not be inherited from the baseline values`, { hint: 'regenerate the recipe instead of editing it' });
      }
    }
    const candidate = bundled.get(component);
    if (!candidate) throw invalidInput(`profile-owned component "${component}" is absent or disabled in the output`, { hint });
    const baseline = hydrateValues(catalog, ref);
    for (const path of paths) {
      const want = observe(baseline, path);
      if (want.state === 'blocked') throw invalidInput(`profile-owned recipe path ${component}.${path} is blocked`, { hint: 'regenerate the recipe instead of editing it' });
      const got = observe(candidate, path);
      if (want.state !== got.state || (want.state === 'present' && got.state === 'present' && want.text !== got.text)) {
        throw invalidInput(`profile-owned path ${component}.${path} diverged from selected profile ${selection}`, { hint, details: { component, path } });
      }
    }
  }
}
