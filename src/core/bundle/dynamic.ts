/**
 * `--dynamic component:path`: values left to install time. The path is taken out of the
 * bundled values and written where each deployer reads per-cluster values (cluster-values.yaml
 * for helm and helmfile, a ConfigMap the HelmRelease reads for flux, the chart's own values for
 * argocdhelm), with its bundled value as the default, or "" when it had none (upstream's rule).
 */
import { optionError } from '../errors.js';
import { isPlainObject } from '../serialize.js';
import { deepClone, setOwn } from '../util/objects.js';
import { parseSetFlag } from './set.js';

export interface DynamicPath {
  /** The component key as written (a component name or one of its aliases). */
  key: string;
  path: string;
  order: number;
}

const FORM = { form: 'component:path.to.key', example: 'alloy:clusterName' };

/** Parses every `--dynamic` flag: `component:path`, never with a value. */
export function parseDynamicFlags(flags: readonly string[]): DynamicPath[] {
  return flags.map((text, order) => {
    if (text.includes('=')) {
      throw optionError('dynamic', `invalid declaration ${JSON.stringify(text)}: a dynamic declaration does not accept "=value"`, {
        hint: `write ${FORM.form} (e.g. ${FORM.example}); the value is given at install time, and the bundled one is its default`,
      });
    }
    // The shared parser wants a value: give it one, so the component and path rules stay the same as --set's.
    const { key, path } = parseSetFlag(`${text}=x`, order, 'dynamic', { form: FORM.form, example: FORM.example });
    return { key, path, order };
  });
}

/**
 * Splits `values` into what stays in the bundle and what is left to install time. A path that
 * is not in the values gets an empty-string placeholder, so every declared key is visible.
 */
export function splitDynamic(values: Record<string, unknown>, paths: readonly string[]): { fixed: Record<string, unknown>; dynamic: Record<string, unknown> } {
  const fixed = deepClone(values);
  const dynamic: Record<string, unknown> = {};
  for (const path of paths) {
    const segments = path.split('.');
    let node: unknown = fixed;
    for (const segment of segments.slice(0, -1)) {
      node = isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    }
    const last = segments[segments.length - 1]!;
    let value: unknown = '';
    if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, last)) {
      value = node[last];
      delete node[last];
    }
    place(dynamic, segments, value);
  }
  return { fixed, dynamic };
}

function place(root: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let node = root;
  for (const segment of segments.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (isPlainObject(next)) {
      node = next;
      continue;
    }
    const created: Record<string, unknown> = {};
    setOwn(node, segment, created);
    node = created;
  }
  setOwn(node, segments[segments.length - 1]!, value);
}
