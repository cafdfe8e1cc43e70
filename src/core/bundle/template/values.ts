/** Values as Go sees them: "no value", nil, truthiness and type names. */
import { isPlainObject } from '../../serialize.js';

/**
 * A Go value of a named type with a `String` method (upstream's snapshot readings and measurement
 * types): `.String` gives its text and printing shows it. `basic` when its Go kind is string, so
 * `eq` compares it as one; otherwise (an interface such as a reading) only `.String` compares.
 */
export class GoStringer {
  constructor(
    readonly text: string,
    readonly typeName: string,
    readonly basic: boolean,
  ) {}
}

/** Marks "no value" (a missing map key), which prints as `<no value>`. */
export const NO_VALUE: unique symbol = Symbol('no value');

/**
 * Whether a number stands for a Go int. Parsed data carries no int/float mark, so integral
 * values are ints, except past 64 bits, where Go could only have held them as a float64.
 */
export function isGoInt(value: number): boolean {
  return Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 64;
}

/** Go's type name for a value, as error messages show it. */
export function goType(value: unknown): string {
  if (value instanceof GoStringer) return value.typeName;
  if (Array.isArray(value)) return '[]interface {}';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return isGoInt(value) ? 'int' : 'float64';
  if (typeof value === 'bigint') return 'int64';
  return 'interface {}';
}

/** Go's nil, with a missing key counting as nil. */
export function isNil(value: unknown): boolean {
  return value === null || value === undefined || value === NO_VALUE;
}

/** Go's truth: false, 0, "", nil and empty collections are false. */
export function truthy(value: unknown): boolean {
  if (isNil(value)) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'string') return value !== '';
  if (value instanceof GoStringer) return !value.basic || value.text !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

