/**
 * Where a value printed into a manifest came from, for messages: a `--set` override (named in
 * the door's spelling), a field of the recipe's component reference, or a path in the
 * component's values. Found by matching the printed text, since a template may pass a value
 * through variables and functions before printing it.
 */
import type { ComponentRef } from '../documents/types.js';
import { optionRef } from '../option-refs.js';
import { isPlainObject } from '../serialize.js';
import { formatGoValue } from './template/format.js';
import { coerceSetValue, type SetOverride } from './set.js';
import type { TypedOverride } from './typed-set.js';
import { quoted } from '../safe-text.js';

interface ValueOrigin {
  /** E.g. `--set gpuoperator:driver.version=…`, `recipe componentRefs[2].overrides.driver.version`. */
  label: string;
  /** The option it came from, when it came from one. */
  option?: string;
}

export type OriginOf = (printed: string) => ValueOrigin;

/** The origin finder for one component; `where` is the recipe path of its reference. */
export function originFinder(ref: ComponentRef, where: string, overrides: readonly SetOverride[], values: Record<string, unknown>, typed: readonly TypedOverride[] = []): OriginOf {
  return (printed) => {
    const text = printed.trim();
    const matches = (candidate: string): boolean => candidate !== '' && (candidate === text || text.includes(candidate));
    // Typed overrides are applied last, so they are looked at first (the deepest path wins).
    for (const override of [...typed].reverse()) {
      if (leafPath(override.value, matches) !== undefined) {
        const what = override.file === undefined ? '…' : quoted(override.file);
        return { label: `${optionRef(override.source)} ${override.key}:${override.path}=${what}`, option: override.source };
      }
    }
    // Later flags win, so the last matching override is the one in effect.
    for (const override of [...overrides].reverse()) {
      if (matches(override.raw) || matches(formatGoValue(coerceSetValue(override.raw), false))) {
        return { label: `${optionRef('set')} ${override.key}:${override.path}=…`, option: 'set' };
      }
    }
    const path = leafPath(values, matches);
    if (path !== undefined) {
      const fromRecipe = hasPath(ref.overrides, path);
      return { label: fromRecipe ? `recipe ${where}.overrides.${path}` : `value ${path} of component "${ref.name}"${ref.valuesFile ? ` (${ref.valuesFile})` : ''}` };
    }
    if (matches(ref.version ?? '')) return { label: `recipe ${where}.version` };
    if (matches(ref.namespace ?? '')) return { label: `recipe ${where}.namespace` };
    return { label: `a value of component "${ref.name}"` };
  };
}

/** The dot path of the leaf that best matches (an exact match before a contained one). */
function leafPath(values: unknown, matches: (text: string) => boolean): string | undefined {
  let best: { path: string; length: number } | undefined;
  const stack: Array<[unknown, string]> = [[values, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (isPlainObject(node)) {
      for (const key of Object.keys(node)) stack.push([node[key], path ? `${path}.${key}` : key]);
      continue;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push([item, `${path}[${index}]`]));
      continue;
    }
    const text = formatGoValue(node, false);
    if (matches(text) && (!best || text.length > best.length)) best = { path, length: text.length };
  }
  return best?.path;
}

function hasPath(root: unknown, path: string): boolean {
  let node = root;
  for (const segment of path.split('.')) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
    node = node[segment];
  }
  return true;
}
