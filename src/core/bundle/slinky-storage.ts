/**
 * slinky-slurm shared storage: with `storage.enabled: true` in its final values (and the recipe
 * carrying the PVC pre-manifest), two RWX claims (home, data) are checked and mounted into every
 * login and node set: `/home` and `/scratch/fsw`. The StorageClass usually comes from
 * `--shared-storage-class` through the registry's sharedStorageClassPaths.
 */
import { invalidInput } from '../errors.js';
import { deepClone } from '../util/objects.js';

export const SLINKY_COMPONENT = 'slinky-slurm';
const PVC_PRE_MANIFEST = 'components/slinky-slurm/manifests/shared-storage-pvcs.yaml';
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A Kubernetes quantity: a decimal number with an optional binary, decimal or exponent suffix. */
const QUANTITY = /^\+?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

type Values = Record<string, unknown>;
const isMap = (value: unknown): value is Values => value !== null && typeof value === 'object' && !Array.isArray(value);
const fail = (message: string) => invalidInput(`slinky-slurm ${message}`, { hint: 'fix the slinky-slurm storage values in the recipe or with --set' });

interface SharedVolume {
  claimName: string;
  volumeName: string;
  mountPath: string;
}

/** Whether the recipe ref carries the shared-storage PVC manifest. */
export function supportsSharedStorage(preManifestFiles: readonly string[] | undefined): boolean {
  return (preManifestFiles ?? []).includes(PVC_PRE_MANIFEST);
}

function requiredString(config: Values, key: string, parent: string): string {
  if (!Object.prototype.hasOwnProperty.call(config, key)) throw fail(`${parent}.${key} is required`);
  const value = config[key];
  if (typeof value !== 'string' || value.trim() === '') throw fail(`${parent}.${key} must be a non-empty string`);
  return value.trim();
}

function dnsProblem(name: string): string | undefined {
  if (name.length > 253) return 'must be no more than 253 characters';
  return DNS1123_SUBDOMAIN.test(name) ? undefined : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
}

function parseVolume(storage: Values, key: string, volumeName: string, mountPath: string): SharedVolume {
  if (!Object.prototype.hasOwnProperty.call(storage, key)) throw fail(`storage.${key} is required when shared storage is enabled`);
  const config = storage[key];
  if (!isMap(config)) throw fail(`storage.${key} must be an object`);
  const claimName = requiredString(config, 'name', `storage.${key}`);
  const nameProblem = dnsProblem(claimName);
  if (nameProblem) throw fail(`storage.${key}.name ${JSON.stringify(claimName)} is invalid: ${nameProblem}`);
  let storageClassName: string;
  try {
    storageClassName = requiredString(config, 'storageClassName', `storage.${key}`);
  } catch {
    throw fail(`shared storage requires an RWX StorageClass for storage.${key}; use --shared-storage-class <name> or set both per-volume storageClassName values`);
  }
  const classProblem = dnsProblem(storageClassName);
  if (classProblem) throw fail(`storage.${key}.storageClassName ${JSON.stringify(storageClassName)} is invalid: ${classProblem}`);
  const size = requiredString(config, 'size', `storage.${key}`);
  if (!QUANTITY.test(size) || Number.parseFloat(size.replace(/^\+/, '')) <= 0) throw fail(`storage.${key}.size ${JSON.stringify(size)} must be a positive Kubernetes quantity`);
  Object.assign(config, { name: claimName, storageClassName, size });
  return { claimName, volumeName, mountPath };
}

function objectField(parent: Values, key: string, parentPath: string): Values {
  const value = parent[key];
  if (value === undefined || value === null) {
    const created: Values = {};
    parent[key] = created;
    return created;
  }
  if (!isMap(value)) throw fail(`${parentPath}.${key} must be an object`);
  return value;
}

function appendNamed(parent: Values, key: string, path: string, entry: Values): void {
  const current = parent[key];
  if (current !== undefined && current !== null && !Array.isArray(current)) throw fail(`${path} must be a list`);
  const entries = [...((current as unknown[] | undefined) ?? [])];
  for (const existing of entries) {
    if (!isMap(existing)) throw fail(`${path} entries must be objects`);
    if (existing.name !== entry.name) continue;
    if (JSON.stringify(existing) === JSON.stringify(entry)) {
      parent[key] = entries;
      return;
    }
    throw fail(`${path} contains a conflicting ${JSON.stringify(entry.name)} entry`);
  }
  parent[key] = [...entries, entry];
}

/** Checks the shared-storage values and mounts both claims; changes `values` only when all is well. */
export function materializeSlinkySharedStorage(values: Values, supported: boolean): void {
  if (!Object.prototype.hasOwnProperty.call(values, 'storage')) return;
  if (!isMap(values.storage)) throw fail('storage must be an object');
  const unsupported = Object.keys(values.storage).filter((key) => !['enabled', 'home', 'data'].includes(key)).sort();
  if (unsupported.length > 0) throw fail(`storage contains unsupported fields: ${unsupported.join(', ')}; supported fields are enabled, home, and data`);
  if (!Object.prototype.hasOwnProperty.call(values.storage, 'enabled')) return;
  const enabled = values.storage.enabled;
  if (typeof enabled !== 'boolean') throw fail('storage.enabled must be a boolean');
  if (!enabled) return;
  if (!supported) throw fail('shared storage is not supported by this recipe');

  const updated = deepClone(values);
  const storage = updated.storage as Values;
  const volumes = [parseVolume(storage, 'home', 'shared-home', '/home'), parseVolume(storage, 'data', 'shared-data', '/scratch/fsw')];
  if (volumes[0]!.claimName === volumes[1]!.claimName) throw fail(`storage.home.name and storage.data.name must be different; both resolve to ${JSON.stringify(volumes[0]!.claimName)}`);
  for (const [setsKey, containerKey] of [['loginsets', 'login'], ['nodesets', 'slurmd']] as const) {
    const sets = updated[setsKey];
    if (sets === undefined || sets === null) continue;
    if (!isMap(sets)) throw fail(`${setsKey} must be an object`);
    for (const name of Object.keys(sets).sort()) {
      const setPath = `${setsKey}.${name}`;
      const set = sets[name];
      if (!isMap(set)) throw fail(`${setPath} must be an object`);
      const container = objectField(set, containerKey, setPath);
      const podSpec = objectField(set, 'podSpec', setPath);
      for (const volume of volumes) appendNamed(container, 'volumeMounts', `${setPath}.${containerKey}.volumeMounts`, { name: volume.volumeName, mountPath: volume.mountPath });
      for (const volume of volumes) appendNamed(podSpec, 'volumes', `${setPath}.podSpec.volumes`, { name: volume.volumeName, persistentVolumeClaim: { claimName: volume.claimName } });
    }
  }
  for (const key of Object.keys(values)) delete values[key];
  Object.assign(values, updated);
}
