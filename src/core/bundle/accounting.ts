/**
 * Bundle-time side of the recipe's Slurm accounting mode (ADR-016): the recorded mode must be
 * coherent with the recipe's overrides, no `--set`, `--set-json`, `--set-file` or `--dynamic` may
 * touch a path the mode owns, and the final values must carry the mode's connection contract.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ComponentRef, RecipeResult } from '../documents/types.js';
import { invalidInput } from '../errors.js';
import { recipeResultApiVersion } from '../documents/api-versions.js';
import { optionRef } from '../option-refs.js';
import {
  accountingOwnership,
  ACCOUNTING_MODES,
  isComponentEnabled,
  MARIADB_AICR_PROVIDED_CONTRACT,
  MARIADB_COMPONENTS,
  pathsIntersect,
  recordedAccountingMode,
  RUNTIME_INVENTORY_COMPONENT,
  RUNTIME_INVENTORY_MODES,
  SLINKY_SLURM,
  SLURM_AICR_PROVIDED_CONTRACT,
  type AccountingMode,
} from '../recipe/configuration.js';
import { isPlainObject, sortKeysDeep } from '../serialize.js';
import { quoted } from '../safe-text.js';

const CONFIGURED_API_VERSIONS = [recipeResultApiVersion(true), 'aicr.run/v1alpha3'];
const REGENERATE = 'configuration is written by aicr recipe; regenerate the recipe instead of editing it';

/** An override as the ownership check sees it: the flag it came from, the key as written, the path. */
export interface OwnedPathProbe {
  flag: 'set' | 'set-json' | 'set-file' | 'dynamic';
  key: string;
  path: string;
}

function refOf(recipe: RecipeResult, name: string): ComponentRef | undefined {
  return recipe.componentRefs.find((ref) => ref.name === name);
}

function valueAt(values: unknown, path: readonly string[]): { found: boolean; value?: unknown } {
  let node = values;
  for (const segment of path) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return { found: false };
    node = node[segment];
  }
  return { found: true, value: node };
}

/**
 * Checks the recipe's `configuration` as upstream does when it reads a recipe: a known mode in
 * its canonical spelling, accounting only on a Slurm recipe, and component overrides that carry
 * what the mode derives. Returns the accounting mode, or nothing for a recipe without one.
 */
export function checkRecipeConfiguration(recipe: RecipeResult): AccountingMode | undefined {
  const configuration = (recipe as { configuration?: unknown }).configuration;
  if (configuration === undefined || configuration === null) return undefined;
  if (!isPlainObject(configuration)) throw invalidInput('recipe configuration must be a mapping', { hint: REGENERATE });
  const inventory = configuration.runtimeInventory;
  if (inventory !== undefined) {
    const mode = isPlainObject(inventory) ? inventory.mode : undefined;
    if (typeof mode !== 'string' || !(RUNTIME_INVENTORY_MODES as readonly string[]).includes(mode)) {
      throw invalidInput(`invalid runtime inventory mode ${quoted(mode)} in configuration.runtimeInventory.mode: must be one of ${RUNTIME_INVENTORY_MODES.join(', ')}`, { hint: REGENERATE });
    }
    const ref = refOf(recipe, RUNTIME_INVENTORY_COMPONENT);
    if (!ref || isComponentEnabled(ref) !== (mode === 'enabled')) {
      throw invalidInput(`configuration.runtimeInventory.mode=${mode} does not match component "${RUNTIME_INVENTORY_COMPONENT}" in the recipe (${ref ? (isComponentEnabled(ref) ? 'enabled' : 'disabled') : 'absent'})`, { hint: REGENERATE });
    }
  }
  const raw = recordedAccountingMode(configuration);
  if (raw === undefined) return undefined;
  const canonical = raw.trim().toLowerCase();
  if (!(ACCOUNTING_MODES as readonly string[]).includes(canonical)) {
    throw invalidInput(`invalid Slurm accounting mode ${quoted(raw)}: must be one of ${ACCOUNTING_MODES.join(', ')}`, { hint: REGENERATE });
  }
  if (canonical !== raw) throw invalidInput(`configuration.slurm.accounting.mode must use canonical value ${quoted(canonical)} (got ${quoted(raw)})`, { hint: REGENERATE });
  if (recipe.criteria?.platform !== 'slurm') throw invalidInput('configuration.slurm.accounting is only valid for a Slurm recipe', { hint: REGENERATE });
  // Upstream's coupling: a configured recipe takes the profile-bearing schema (its v1alpha3, our v1beta2).
  if (!CONFIGURED_API_VERSIONS.includes(recipe.apiVersion)) {
    throw invalidInput(`configuration.slurm.accounting requires apiVersion "${CONFIGURED_API_VERSIONS[0]}" (got ${quoted(recipe.apiVersion)})`, { hint: REGENERATE });
  }
  const mode = canonical as AccountingMode;
  const accounting = mode !== 'disabled';
  const install = mode === 'aicr-provided';
  const requireBool = (component: string, path: string[], expected: boolean): void => {
    const ref = refOf(recipe, component);
    if (!ref) throw invalidInput(`accounting mode requires component "${component}"`, { hint: REGENERATE });
    const actual = valueAt(ref.overrides, path);
    if (actual.value !== expected) {
      throw invalidInput(`component "${component}" override ${path.join('.')} must be ${expected} for the selected Slurm accounting mode (got ${actual.found ? quoted(actual.value) : '<nil>'})`, { hint: REGENERATE });
    }
  };
  const requireEnabled = (component: string): void => {
    if (!isComponentEnabled(refOf(recipe, component)!)) throw invalidInput(`component "${component}" must be enabled for Slurm accounting mode "${mode}"`, { hint: REGENERATE });
  };
  requireBool(SLINKY_SLURM, ['accounting', 'enabled'], accounting);
  if (accounting) requireEnabled(SLINKY_SLURM);
  for (const name of MARIADB_COMPONENTS) {
    requireBool(name, ['install'], install);
    if (install) requireEnabled(name);
  }
  return mode;
}

/**
 * Refuses bundle-time overrides of paths the accounting mode owns (same value or not: the mode is
 * the one representation of the choice). Without a recorded mode, a legacy recipe's
 * `slinky-slurm:accounting.enabled` override is allowed with a deprecation warning.
 */
export function checkAccountingOverrides(mode: AccountingMode | undefined, catalog: Catalog, probes: readonly OwnedPathProbe[]): string[] {
  const canonicalOf = (key: string): string | undefined => {
    for (const name of [SLINKY_SLURM, ...MARIADB_COMPONENTS]) {
      if (key === name || (catalog.components.get(name)?.valueOverrideKeys ?? []).includes(key)) return name;
    }
    return undefined;
  };
  if (mode === undefined) {
    const legacy = probes.some((probe) => canonicalOf(probe.key) === SLINKY_SLURM && probe.path === 'accounting.enabled');
    return legacy
      ? [`deprecated: bundle-time slinky-slurm:accounting.enabled on a legacy recipe selects only customer-managed accounting and is not recorded in recipe evidence; regenerate the Slurm recipe with ${optionRef('slurm-accounting-mode')} customer-managed`]
      : [];
  }
  const owned = accountingOwnership(mode);
  for (const probe of probes) {
    const component = canonicalOf(probe.key);
    if (component === undefined) continue;
    const clash = (owned[component] ?? []).find((path) => pathsIntersect(probe.path, path));
    if (clash === undefined) continue;
    throw invalidInput(`${optionRef(probe.flag)} cannot override ${probe.key}:${probe.path}: the path is owned by configuration.slurm.accounting.mode=${mode}`, {
      option: probe.flag,
      hint: `drop the override; to change accounting, regenerate the recipe with ${optionRef('slurm-accounting-mode')} (disabled, customer-managed or aicr-provided)`,
      details: { component, path: probe.path },
    });
  }
  return [];
}

const sameValue = (actual: unknown, expected: unknown): boolean =>
  JSON.stringify(sortKeysDeep(actual ?? null)) === JSON.stringify(sortKeysDeep(expected ?? null));

function requireValue(values: Record<string, unknown>, path: string, expected: unknown): void {
  const actual = valueAt(values, path.split('.'));
  if (!actual.found || !sameValue(actual.value, expected)) {
    throw invalidInput(`accounting-owned value ${path} must be ${quoted(expected)} for the selected mode (got ${actual.found ? quoted(actual.value) : '<nil>'})`, {
      hint: 'the accounting mode fixes this value; drop overrides of it or regenerate the recipe',
    });
  }
}

/**
 * Checks the final values (after every override, before install-time values are split off):
 * slinky-slurm's accounting switch follows the mode, an enabled mode has complete connection
 * settings, and the AICR-provided mode keeps the fixed contract on both sides.
 */
export function checkAccountingValues(mode: AccountingMode | undefined, values: ReadonlyMap<string, Record<string, unknown>>): void {
  if (mode === undefined) return;
  const slurm = values.get(SLINKY_SLURM);
  if (mode === 'disabled') {
    if (slurm) requireValue(slurm, 'accounting.enabled', false);
    return;
  }
  if (!slurm) throw invalidInput('selected accounting mode requires slinky-slurm in the deployable component inventory', { hint: 'keep slinky-slurm in the bundle' });
  requireValue(slurm, 'accounting.enabled', true);
  for (const path of ['host', 'database', 'username', 'passwordKeyRef.name', 'passwordKeyRef.key'].map((leaf) => `accounting.storageConfig.${leaf}`)) {
    const found = valueAt(slurm, path.split('.'));
    if (typeof found.value !== 'string' || found.value.trim() === '') {
      throw invalidInput(`accounting mode ${mode} requires non-empty string ${path}`, {
        hint: `give the database connection with ${optionRef('set-file')} slinkyslurm:accounting.storageConfig=<file> (host, port, database, username, passwordKeyRef name and key; no password)`,
      });
    }
  }
  const port = valueAt(slurm, ['accounting', 'storageConfig', 'port']).value;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalidInput(`accounting mode ${mode} requires accounting.storageConfig.port to be an integer from 1 to 65535`, { hint: `set it with ${optionRef('set')} slinkyslurm:accounting.storageConfig.port=3306 or in the ${optionRef('set-file')} document` });
  }
  if (mode !== 'aicr-provided') return;
  for (const [path, expected] of Object.entries(SLURM_AICR_PROVIDED_CONTRACT)) requireValue(slurm, path, expected);
  const mariadb = values.get('slurm-accounting-mariadb');
  if (!mariadb) throw invalidInput('AICR-provided accounting requires slurm-accounting-mariadb in the deployable component inventory', { hint: 'keep slurm-accounting-mariadb in the bundle' });
  for (const [path, expected] of Object.entries(MARIADB_AICR_PROVIDED_CONTRACT)) requireValue(mariadb, path, expected);
}
