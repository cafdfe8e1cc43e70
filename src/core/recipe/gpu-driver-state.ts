/**
 * The NVIDIA kernel driver state a snapshot saw on its GPU node (upstream's
 * `metadata.gpuDriverState`): recorded in recipes resolved from a snapshot, so later steps know
 * whether the platform preinstalled the driver. A recipe that expects a preinstalled driver on a
 * node without one is warned about; a preinstalled driver pins `driver.enabled: false` on
 * gpu-operator when its values already say so, unless a configuration profile owns that path.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ComponentRef, Measurement, Reading, SelectedProfile, Snapshot } from '../documents/types.js';
import { isPlainObject } from '../serialize.js';
import { hydrateValues } from './query.js';

export type GpuDriverState = 'preinstalled' | 'absent';

const GPU_OPERATOR = 'gpu-operator';

function reading(measurement: Measurement | undefined, subtype: string, key: string): Reading | undefined {
  const data = measurement?.subtypes?.find((s) => s.subtype === subtype)?.data;
  return data && Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
}

/** `preinstalled`, `absent`, or nothing when the snapshot has no usable reading (or no GPU). */
export function gpuDriverState(snapshot: Snapshot): GpuDriverState | undefined {
  const gpu = snapshot.measurements?.find((m) => m?.type === 'GPU');
  if (!gpu?.subtypes?.some((s) => s.subtype === 'hardware')) return undefined;
  if (reading(gpu, 'hardware', 'gpu-present') === false) return undefined;
  if (reading(gpu, 'hardware', 'gpu-count') === 0) return undefined;
  const loaded = reading(gpu, 'hardware', 'driver-loaded');
  if (typeof loaded !== 'boolean') return undefined;
  return loaded ? 'preinstalled' : 'absent';
}

/** Whether a snapshot shows a GPU Operator ClusterPolicy already in the cluster. */
function hasClusterPolicy(snapshot: Snapshot): boolean {
  return snapshot.measurements.some((m) => m?.type === 'K8s' && m.subtypes?.some((s) => s.subtype === 'policy' && Object.keys(s.data ?? {}).length > 0));
}

function driverEnabledIn(values: Record<string, unknown> | undefined): boolean | undefined {
  const driver = values?.driver;
  return isPlainObject(driver) && typeof driver.enabled === 'boolean' ? driver.enabled : undefined;
}

/**
 * Applies what the driver state implies to the resolved refs. Returns the refs (gpu-operator
 * replaced when its driver value is pinned) and the warnings to show.
 */
export function applyGpuDriverState(
  state: GpuDriverState | undefined,
  refs: Map<string, ComponentRef>,
  catalog: Catalog,
  snapshot: Snapshot,
  profile: SelectedProfile | undefined,
): string[] {
  const ref = refs.get(GPU_OPERATOR);
  if (!state || !ref) return [];
  const preinstalledValues = driverEnabledIn(hydrateValues(catalog, ref)) === false;
  if (state === 'absent') {
    if (!preinstalledValues) return [];
    return [
      'gpu-operator driver mismatch: the recipe expects a driver preinstalled by the platform (gpu-operator driver.enabled=false), but the snapshot\'s GPU node has no NVIDIA kernel driver loaded; deployed as is, the GPU nodes stay without a driver. '
        + (profile
          ? `Repair the platform's driver install and take the snapshot again, or select the profile value in which the GPU Operator installs the driver (--profile ${profile.name}=<value>) on nodes created without one.`
          : 'Repair the platform\'s driver install and take the snapshot again, or bundle with the GPU Operator managing the driver (--set gpuoperator:driver.enabled=true --set gpuoperator:toolkit.enabled=true --set gpuoperator:operator.runtimeClass=nvidia --set dradriver:nvidiaDriverRoot=/run/nvidia/driver).'),
    ];
  }
  if (profile?.ownedPaths[GPU_OPERATOR]?.includes('driver.enabled')) {
    if (driverEnabledIn(ref.overrides) === false) return [];
    return [`gpu-operator: the snapshot's GPU node has a preinstalled driver, but profile ${profile.name}=${profile.value} owns driver.enabled and keeps it on; the operator may install a second driver. Select the profile value for a preinstalled driver, or generate the recipe again.`];
  }
  if (!preinstalledValues) {
    return ['gpu-operator: the snapshot\'s GPU node has a preinstalled driver, but the recipe\'s gpu-operator values do not set driver.enabled=false; left as it is to avoid a half-configured operator. Use an overlay made for preinstalled drivers (AKS, GKE COS, OKE) or one that sets the whole driver configuration.'];
  }
  const warnings: string[] = [];
  if (hasClusterPolicy(snapshot)) {
    warnings.push('gpu-operator: the snapshot shows a driver AND a ClusterPolicy already in the cluster; the driver may be one a previous deployment installed. Take the snapshot before deploying the GPU Operator.');
  }
  const driver = isPlainObject(ref.overrides?.driver) ? ref.overrides.driver : {};
  refs.set(GPU_OPERATOR, { ...ref, overrides: { ...ref.overrides, driver: { ...driver, enabled: false } } });
  return warnings;
}
