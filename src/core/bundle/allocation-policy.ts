/**
 * The GPU allocation policy (device plugin or DRA) is decided by the recipe, and validators
 * check the cluster against the recipe's choice. A bundle-time `--set` of one of its keys still
 * works but shows up as drift later, so it is warned about (upstream issue #1327).
 */
import { compareStrings } from '../serialize.js';
import { overridesFor, type SetOverride } from './set.js';

/** Per component, the value paths that select the allocation policy (`enabled` included). */
const ALLOCATION_POLICY_PATHS: Readonly<Record<string, readonly string[]>> = {
  'gpu-operator': ['devicePlugin.enabled', 'enabled'],
  'gpu-operator-ocp': ['devicePlugin.enabled', 'enabled'],
  'nvidia-dra-driver-gpu': ['gpuResourcesEnabledOverride', 'resources.gpus.enabled', 'enabled'],
  'nvidia-dra-driver-gpu-ocp': ['gpuResourcesEnabledOverride', 'resources.gpus.enabled', 'enabled'],
};

/** The policy key `path` sets, is inside, or contains; undefined when none. */
function policyKeyOf(path: string, keys: readonly string[]): string | undefined {
  return keys.find((key) => path === key || key.startsWith(`${path}.`) || path.startsWith(`${key}.`));
}

/** One warning per component whose policy keys a `--set` overrides. */
export function allocationPolicyWarnings(overrides: readonly SetOverride[], aliasesOf: (component: string) => string[]): string[] {
  const warnings: string[] = [];
  for (const component of Object.keys(ALLOCATION_POLICY_PATHS).sort(compareStrings)) {
    const keys = ALLOCATION_POLICY_PATHS[component]!;
    const paths = overridesFor(overrides, component, aliasesOf(component))
      .map((override) => override.path)
      .filter((path) => policyKeyOf(path, keys) !== undefined)
      .sort(compareStrings);
    if (paths.length === 0) continue;
    warnings.push(
      `deprecated: bundle-time override of GPU allocation-policy key(s) ${paths.join(', ')} on component "${component}" — the allocation policy validators verify is resolved from the recipe, so a bundle-time change will be reported as recipe/cluster drift; move the allocation mode to a recipe overlay (issue #1327)`,
    );
  }
  return warnings;
}
