/** Small helpers for plain data: freezing, copying and merging without sharing mutable state. */
import { isPlainObject } from '../serialize.js';

;

/** Freezes `value` and everything reachable from it; returns it for chaining. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A fresh, mutable copy of plain data (objects, arrays, scalars). */
export function deepClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => deepClone(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(out, key, deepClone((value as Record<string, unknown>)[key]));
    return out as T;
  }
  return value;
}

/**
 * Sets an own property even for keys such as `__proto__`, which plain assignment would turn
 * into a prototype change (input documents may contain any key).
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Deep merge into a new object: mappings merge recursively; any other value in `source`
 * (lists, scalars, explicit null) replaces the destination value. Neither input is modified;
 * untouched subtrees of the inputs are shared, so inputs must be treated as immutable.
 */
export function mergeValues(destination: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(destination)) setOwn(out, key, destination[key]);
  for (const key of Object.keys(source)) {
    const incoming = source[key];
    const existing = Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined;
    if (isPlainObject(existing) && isPlainObject(incoming)) setOwn(out, key, mergeValues(existing, incoming));
    else setOwn(out, key, incoming);
  }
  return out;
}
