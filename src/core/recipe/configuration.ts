/**
 * Typed recipe configuration (upstream's `configuration` field of a RecipeResult): choices that
 * change the resolved recipe without taking part in overlay matching.
 *
 * - `slurm.accounting.mode` (ADR-016): who owns the Slurm accounting database. Every Slurm
 *   recipe records it (default `disabled`); it derives slinky-slurm's `accounting.enabled` and
 *   the install gates of the MariaDB components, and locks those paths at bundle time.
 * - `runtimeInventory.mode` (ADR-019): keep (`enabled`) or drop (`disabled`) the k8s-aibom
 *   component the recipe declares. Recorded only when asked for.
 */
import type { ComponentRef, RecipeConfiguration, SelectedProfile, Snapshot } from '../documents/types.js';
import { invalidInput, optionError } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { isPlainObject } from '../serialize.js';
import { mergeValues } from '../util/objects.js';
import { PRESENCE_PATH } from './profile.js';

export const ACCOUNTING_MODES = ['disabled', 'customer-managed', 'aicr-provided'] as const;
export type AccountingMode = (typeof ACCOUNTING_MODES)[number];
export const RUNTIME_INVENTORY_MODES = ['enabled', 'disabled'] as const;

export const SLINKY_SLURM = 'slinky-slurm';
export const MARIADB_COMPONENTS = ['mariadb-operator-crds', 'mariadb-operator', 'slurm-accounting-mariadb'] as const;
export const RUNTIME_INVENTORY_COMPONENT = 'k8s-aibom';
const INSTALL = 'install';

/** The configuration asked for: the `slurm-accounting-mode` and `runtime-inventory` options. */
export interface ConfigurationRequest {
  slurmAccountingMode?: string;
  runtimeInventory?: string;
}

/** Whether a component ref is part of the deployable inventory (upstream's IsEnabled: `enabled` and `install` overrides). */
export function isComponentEnabled(ref: Pick<ComponentRef, 'overrides'>): boolean {
  return [PRESENCE_PATH, INSTALL].every((key) => ref.overrides?.[key] !== false);
}

/** The component value paths a Slurm accounting mode owns: `--set`, `--set-json`, `--set-file` and `--dynamic` may not touch them. */
export function accountingOwnership(mode: AccountingMode): Record<string, string[]> {
  const paths: Record<string, string[]> = {
    [SLINKY_SLURM]: ['accounting.enabled', PRESENCE_PATH],
    'mariadb-operator-crds': [PRESENCE_PATH, INSTALL],
    'mariadb-operator': [PRESENCE_PATH, INSTALL],
    'slurm-accounting-mariadb': [PRESENCE_PATH, INSTALL],
  };
  if (mode === 'aicr-provided') {
    paths[SLINKY_SLURM]!.push(...Object.keys(SLURM_AICR_PROVIDED_CONTRACT));
    paths['slurm-accounting-mariadb']!.push(
      'databases', 'fullnameOverride', 'grants', 'mariadb.cleanupPolicy', 'mariadb.database',
      'mariadb.passwordSecretKeyRef.generate', 'mariadb.passwordSecretKeyRef.key', 'mariadb.passwordSecretKeyRef.name',
      'mariadb.rootPasswordSecretKeyRef.generate', 'mariadb.rootPasswordSecretKeyRef.key', 'mariadb.rootPasswordSecretKeyRef.name',
      'mariadb.username', 'namespaceOverride', 'users',
    );
  }
  return paths;
}

/** The fixed connection contract between slinky-slurm and the AICR-provided database. */
export const SLURM_AICR_PROVIDED_CONTRACT: Readonly<Record<string, unknown>> = {
  'accounting.storageConfig.database': 'slurm_acct_db',
  'accounting.storageConfig.host': 'mariadb',
  'accounting.storageConfig.passwordKeyRef.key': 'password',
  'accounting.storageConfig.passwordKeyRef.name': 'mariadb-password',
  'accounting.storageConfig.port': 3306,
  'accounting.storageConfig.username': 'slurm',
};

export const MARIADB_AICR_PROVIDED_CONTRACT: Readonly<Record<string, unknown>> = {
  fullnameOverride: 'mariadb',
  namespaceOverride: 'slurm',
  'mariadb.rootPasswordSecretKeyRef.name': 'mariadb-root-password',
  'mariadb.rootPasswordSecretKeyRef.key': 'root',
  'mariadb.rootPasswordSecretKeyRef.generate': true,
  'mariadb.username': 'slurm',
  'mariadb.database': 'slurm_acct_db',
  'mariadb.passwordSecretKeyRef.name': 'mariadb-password',
  'mariadb.passwordSecretKeyRef.key': 'password',
  'mariadb.passwordSecretKeyRef.generate': true,
  'mariadb.cleanupPolicy': 'Skip',
  users: [],
  databases: [],
  grants: [],
};

/** Whether one dot path is the other or lies below it (exact, ancestor and descendant all intersect). */
export function pathsIntersect(a: string, b: string): boolean {
  const left = a.split('.');
  const right = b.split('.');
  return left.slice(0, Math.min(left.length, right.length)).every((segment, i) => segment === right[i]);
}

function parseMode<T extends string>(option: string, value: string, modes: readonly T[]): T {
  const mode = modes.find((candidate) => candidate === value);
  if (mode !== undefined) return mode;
  throw optionError(option, `${JSON.stringify(value)} is not one of ${modes.join(', ')}`, { hint: `use one of: ${modes.join(', ')}` });
}

/**
 * Applies the requested configuration to the resolved component refs (a copy of each changed
 * ref replaces it in `refs`) and returns what the recipe records, or nothing.
 */
export function applyConfiguration(
  refs: Map<string, ComponentRef>,
  platform: string,
  request: ConfigurationRequest,
  selectedProfile: SelectedProfile | undefined,
): RecipeConfiguration | undefined {
  const configuration: RecipeConfiguration = {};
  // Runtime inventory first, as upstream: it may only confirm or drop what the recipe declares.
  if (request.runtimeInventory !== undefined && request.runtimeInventory !== '') {
    const mode = parseMode('runtime-inventory', request.runtimeInventory, RUNTIME_INVENTORY_MODES);
    const ref = refs.get(RUNTIME_INVENTORY_COMPONENT);
    if (!ref) {
      throw invalidInput(`runtime inventory mode "${mode}" requires the recipe to declare component "${RUNTIME_INVENTORY_COMPONENT}"; this recipe does not resolve it`, {
        option: 'runtime-inventory',
        hint: `drop ${optionRef('runtime-inventory')}, or choose criteria whose recipe includes ${RUNTIME_INVENTORY_COMPONENT} (aicr recipe list shows the leaves)`,
      });
    }
    if (mode === 'enabled' && !isComponentEnabled(ref)) {
      throw invalidInput(`component "${RUNTIME_INVENTORY_COMPONENT}" is disabled by the recipe and cannot be re-enabled with ${optionRef('runtime-inventory')} enabled; remove the override in the recipe or select a recipe that enables it`, {
        option: 'runtime-inventory',
        hint: `drop ${optionRef('runtime-inventory')} enabled for these criteria`,
      });
    }
    const updated = withOverride(ref, { [INSTALL]: mode === 'enabled' });
    if (isComponentEnabled(updated) !== (mode === 'enabled')) {
      throw invalidInput(`runtime inventory mode "${mode}" cannot be applied to component "${RUNTIME_INVENTORY_COMPONENT}": another override in the resolved recipe holds it ${isComponentEnabled(updated) ? 'enabled' : 'disabled'}; remove that override or drop the mode`, { option: 'runtime-inventory' });
    }
    refs.set(ref.name, updated);
    configuration.runtimeInventory = { mode };
  }

  const isSlurm = platform === 'slurm';
  const requested = request.slurmAccountingMode;
  if (requested !== undefined && requested !== '' && !isSlurm) {
    throw invalidInput(`Slurm accounting mode can only be set when recipe platform is slurm (it is ${platform === 'any' ? 'not given' : platform})`, {
      option: 'slurm-accounting-mode',
      hint: `add ${optionRef('platform')} slurm, or drop ${optionRef('slurm-accounting-mode')}`,
    });
  }
  if (isSlurm) {
    const mode = requested === undefined || requested === '' ? 'disabled' : parseMode('slurm-accounting-mode', requested.trim().toLowerCase(), ACCOUNTING_MODES);
    checkDisjointFromProfile(mode, selectedProfile);
    const slinky = refs.get(SLINKY_SLURM);
    if (!slinky) throw invalidInput(`Slurm recipe is missing required component "${SLINKY_SLURM}"`, { option: 'slurm-accounting-mode', hint: 'use a catalog whose Slurm overlays declare slinky-slurm' });
    refs.set(SLINKY_SLURM, withOverride(slinky, { accounting: { enabled: mode !== 'disabled' } }));
    for (const name of MARIADB_COMPONENTS) {
      const ref = refs.get(name);
      if (!ref) {
        throw invalidInput(`Slurm recipe is missing required accounting component "${name}"`, {
          option: 'slurm-accounting-mode',
          hint: 'every Slurm leaf of the catalog declares mariadb-operator-crds, mariadb-operator and slurm-accounting-mariadb; add them to the overlay of a data catalog',
        });
      }
      refs.set(name, withOverride(ref, { [INSTALL]: mode === 'aicr-provided' }));
    }
    configuration.slurm = { accounting: { mode } };
  }
  return Object.keys(configuration).length > 0 ? configuration : undefined;
}

function withOverride(ref: ComponentRef, override: Record<string, unknown>): ComponentRef {
  return { ...ref, overrides: mergeValues(isPlainObject(ref.overrides) ? ref.overrides : {}, override) };
}

/** ADR-016: a selected profile and the accounting mode may not own intersecting paths. */
function checkDisjointFromProfile(mode: AccountingMode, selected: SelectedProfile | undefined): void {
  if (!selected) return;
  const owned = accountingOwnership(mode);
  for (const [component, profilePaths] of Object.entries(selected.ownedPaths)) {
    for (const profilePath of profilePaths) {
      const clash = (owned[component] ?? []).find((path) => pathsIntersect(profilePath, path));
      if (clash !== undefined) {
        throw invalidInput(`configuration ownership conflict: "profile ${selected.name}=${selected.value}" owns ${component}.${profilePath}, which intersects "configuration.slurm.accounting.mode=${mode}" path ${component}.${clash}`, {
          option: 'slurm-accounting-mode',
          hint: `choose another ${optionRef('profile')} value or accounting mode`,
        });
      }
    }
  }
}

/** The recorded accounting mode of a recipe, or nothing for a recipe without one. */
export function recordedAccountingMode(configuration: unknown): string | undefined {
  if (!isPlainObject(configuration) || !isPlainObject(configuration.slurm) || !isPlainObject(configuration.slurm.accounting)) return undefined;
  const mode = configuration.slurm.accounting.mode;
  return typeof mode === 'string' ? mode : String(mode);
}

const MARIADB_STATES = ['absent', 'api-detected', 'unknown', 'crs-detected'] as const;

/**
 * The official MariaDB Operator evidence a snapshot carries (measurement K8s, subtype
 * `mariadb-operator`, reading `collection-state`): the worst one seen, a missing or unknown
 * reading counting as `unknown`; nothing when the snapshot has no such subtype (older snapshots).
 */
export function mariaDBOperatorState(snapshot: Snapshot): string | undefined {
  let worst = -1;
  for (const measurement of snapshot.measurements ?? []) {
    if (measurement?.type !== 'K8s') continue;
    for (const subtype of measurement.subtypes ?? []) {
      if (subtype?.subtype !== 'mariadb-operator') continue;
      const observed = subtype.data?.['collection-state'];
      const index = MARIADB_STATES.indexOf(observed as (typeof MARIADB_STATES)[number]);
      worst = Math.max(worst, index < 0 ? MARIADB_STATES.indexOf('unknown') : index);
    }
  }
  return worst < 0 ? undefined : MARIADB_STATES[worst];
}

/** The warning recipe generation gives for AICR-provided accounting on a cluster with MariaDB evidence. */
export function mariaDBStateWarning(state: string): string | undefined {
  switch (state) {
    case 'crs-detected':
      return `mariadb-operator: AICR-provided Slurm accounting conflicts with existing official MariaDB resources; bundling will block installation. Regenerate the recipe with ${optionRef('slurm-accounting-mode')} customer-managed to use the existing database`;
    case 'unknown':
      return `mariadb-operator: MariaDB Operator conflict evidence is inconclusive for AICR-provided Slurm accounting; bundling will block installation. Capture a fresh snapshot with sufficient Kubernetes discovery permissions, or regenerate the recipe with ${optionRef('slurm-accounting-mode')} customer-managed`;
    case 'api-detected':
      return `mariadb-operator: the official MariaDB Operator API is present but no MariaDB resources were detected; AICR-provided Slurm accounting may reuse the existing CRDs, and bundling is allowed. Use ${optionRef('slurm-accounting-mode')} customer-managed if the existing operator owns the database`;
    default:
      return undefined;
  }
}

/**
 * With accounting enabled, slinky-slurm's health check also waits for the accounting
 * StatefulSet (`<name>-accounting`, available replicas > 0). The check becomes the ref's inline
 * `healthCheckAsserts`: the registry's assert file (or the recipe's own check) plus that step.
 */
export function withAccountingHealthCheck(ref: ComponentRef, registryCheck: string | undefined, parse: (text: string) => unknown, serialize: (value: unknown) => string): ComponentRef {
  const text = ref.healthCheckSkip ? undefined : (ref.healthCheckAsserts ?? registryCheck);
  const fail = (message: string): never => {
    throw invalidInput(message, { option: 'slurm-accounting-mode', hint: 'slinky-slurm needs its registry health check (healthCheck.assertFile) and a namespace for accounting to be validated' });
  };
  if (text === undefined || text.trim() === '') fail('enabled Slurm accounting requires a slinky-slurm health check');
  if (!ref.namespace) fail('enabled Slurm accounting requires a namespace for slinky-slurm');
  const check = parse(text!);
  if (!isPlainObject(check) || !isPlainObject(check.spec)) return fail('slinky-slurm health check has no object spec');
  if (!Array.isArray(check.spec.steps)) return fail('slinky-slurm health check has no steps list');
  const step = {
    name: 'validate-accounting-ready',
    try: [{
      assert: {
        resource: {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: { name: `${ref.name}-accounting`, namespace: ref.namespace },
          status: { '(availableReplicas > `0`)': true },
        },
      },
    }],
  };
  const specialized = { ...check, spec: { ...check.spec, steps: [...check.spec.steps, step] } };
  return { ...ref, healthCheckAsserts: serialize(specialized) };
}
