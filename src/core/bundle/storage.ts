/**
 * `--storage-class` and `--shared-storage-class`: StorageClass names written at the values paths
 * a component's registry entry declares (`storageClassPaths`, `sharedStorageClassPaths`), and
 * the warning for a PVC left to the cluster's default StorageClass.
 */
import type { ComponentConfig } from '../documents/types.js';
import { optionError } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { quoted } from '../safe-text.js';
import { setPath } from './set.js';

/** A StorageClass name is a DNS-1123 subdomain. */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_NAME = 253;

export interface StorageClasses {
  storageClass?: string;
  sharedStorageClass?: string;
}

/** The option's StorageClass name, trimmed; absent or empty gives undefined. */
export function parseStorageClass(text: string | undefined, option: 'storage-class' | 'shared-storage-class'): string | undefined {
  if (text === undefined || text === '') return undefined;
  const name = text.trim();
  if (name === '') throw optionError(option, 'cannot be blank when specified', { hint: 'pass the name of a StorageClass of the cluster, or leave the option out' });
  if (name.length > MAX_NAME || !DNS1123_SUBDOMAIN.test(name)) {
    throw optionError(option, `invalid StorageClass name ${quoted(name)}: must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", at most ${MAX_NAME} characters)`, {
      hint: 'pass the name as `kubectl get storageclass` lists it',
    });
  }
  return name;
}

/**
 * Writes the StorageClass names at the component's declared paths, except paths a `--set` of this
 * component names (an explicit override wins; recipe and default values do not).
 * The shared (RWX) class goes only to `sharedStorageClassPaths`, the general one only to
 * `storageClassPaths`, so a class that is often RWO-only never reaches a shared-filesystem PVC.
 */
export function injectStorageClasses(values: Record<string, unknown>, config: ComponentConfig, classes: StorageClasses, explicitPaths: ReadonlySet<string>): void {
  const put = (paths: readonly string[] | undefined, name: string | undefined): void => {
    if (name === undefined) return;
    for (const path of paths ?? []) if (!explicitPaths.has(path)) setPath(values, path, name, false);
  };
  put(config.storageClassPaths, classes.storageClass);
  put(config.sharedStorageClassPaths, classes.sharedStorageClass);
}

function valueAt(values: Record<string, unknown>, path: string): { found: boolean; value?: unknown } {
  let node: unknown = values;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return { found: false };
    node = (node as Record<string, unknown>)[segment];
  }
  return { found: true, value: node };
}

/**
 * Warnings for each `storageClassPaths` entry whose PVC spec is rendered (the parent of the path
 * is a map in the final values) but whose storageClassName is unset or blank.
 */
export function missingStorageClassWarnings(component: string, values: Record<string, unknown>, config: ComponentConfig): string[] {
  const warnings: string[] = [];
  for (const path of config.storageClassPaths ?? []) {
    const dot = path.lastIndexOf('.');
    if (dot <= 0) continue;
    const parent = valueAt(values, path.slice(0, dot));
    if (!parent.found || parent.value === null || typeof parent.value !== 'object' || Array.isArray(parent.value)) continue;
    const own = valueAt(values, path);
    const configured = own.found && own.value !== null && own.value !== undefined && (typeof own.value !== 'string' || own.value.trim() !== '');
    if (configured) continue;
    warnings.push(
      `${component} renders a PVC without storageClassName at ${path}; set ${optionRef('storage-class')} <name> or ${optionRef('set')} ${component}:${path}=<name> to avoid relying on the cluster default StorageClass`,
    );
  }
  return warnings;
}
