/**
 * `--set component:path.to.key=value`: parsing, type coercion, alias resolution through the
 * registry's `valueOverrideKeys`, and applying the overrides to a component's values.
 */
import { invalidInput, optionError } from '../errors.js';
import { compareStrings, isPlainObject } from '../serialize.js';
import { setOwn } from '../util/objects.js';
import { quoted } from '../safe-text.js';

const SET_FORM = 'component:path.to.key=value';
const SEGMENT = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;
/** Most keys a `--set` path may have: Helm values nest a dozen levels; deeper is a mistake or an attack. */
const MAX_SET_SEGMENTS = 64;

export interface SetOverride {
  /** The component key as written (a component name or one of its aliases). */
  key: string;
  /** Dot path inside the component's values. */
  path: string;
  /** The raw value text (coerced when applied). */
  raw: string;
  /** Position among all `--set` flags (later wins for the same key and path). */
  order: number;
}

/** Parses every `--set` flag; the first malformed one is an error that shows the expected form. */
export function parseSetFlags(flags: readonly string[], input = 'set'): SetOverride[] {
  return flags.map((text, order) => parseSetFlag(text, order, input));
}

/** How an override flag is written, for its messages (`--set-json` and `--set-file` share the parser). */
export interface OverrideForm {
  form: string;
  example: string;
}

const SET_SPELLING: OverrideForm = { form: SET_FORM, example: 'gpuoperator:driver.version=580.105.08' };

export function parseSetFlag(text: string, order = 0, input = 'set', spelling: OverrideForm = SET_SPELLING): SetOverride {
  const { form } = spelling;
  const shown = quoted(text);
  const hint = `write ${form} (e.g. ${spelling.example}); values may contain ":" and "="`;
  const colon = text.indexOf(':');
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  const eq = rest.indexOf('=');
  if (colon < 0 || eq < 0) throw optionError(input, `invalid override ${shown}: expected '${form}'`, { hint });
  const key = text.slice(0, colon);
  const path = rest.slice(0, eq);
  const raw = rest.slice(eq + 1);
  if (key === '' || path === '') throw optionError(input, `invalid override ${shown}: component and path cannot be empty`, { hint });
  if (raw === '') throw optionError(input, `invalid override ${shown}: value cannot be empty`, { hint: `give a value after "=" (${form}), e.g. ${key}:${path}=true` });
  const segments = path.split('.');
  if (segments.length > MAX_SET_SEGMENTS) {
    throw optionError(input, `invalid override ${JSON.stringify(`${key}:${path.slice(0, 40)}…`)}: the path has ${segments.length} keys, more than ${MAX_SET_SEGMENTS}`, { hint: `write ${form} with a path of at most ${MAX_SET_SEGMENTS} keys` });
  }
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) {
      throw optionError(input, `invalid path segment ${quoted(segment)} in ${shown}: must contain only letters, digits, "-" or "_" and start with a letter or digit`, {
        hint: `write ${form}: keys separated by single dots; list indexes and template syntax are not supported`,
      });
    }
  }
  return { key, path, raw, order };
}

/**
 * Turns `--set` text into a typed value: `true`/`false` exactly, then a base-10 64-bit integer,
 * then a float (decimal, exponent, hex with `p` exponent, inf/infinity/nan in any case, `_`
 * between digits), otherwise the string unchanged. Integers beyond 2^53 stay exact as bigint;
 * beyond 64 bits they become floats; a float out of range stays a string.
 */
export function coerceSetValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^[+-]?\d+$/.test(text)) {
    const big = BigInt(text);
    if (big >= -(2n ** 63n) && big <= 2n ** 63n - 1n) {
      if (big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(big);
      return big;
    }
    return Number(text);
  }
  const float = parseGoFloat(text);
  return float === undefined ? text : float;
}

function parseGoFloat(text: string): number | undefined {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  // Underscores are allowed only between digits (or right after a 0x prefix).
  if (text.includes('_')) {
    const isHex = /^[+-]?0[xX]/.test(text);
    const digit = isHex ? /[0-9a-fA-F]/ : /[0-9]/;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '_') continue;
      const before = text[i - 1] ?? '';
      const after = text[i + 1] ?? '';
      if (!(digit.test(before) || (isHex && /[xX]/.test(before))) || !digit.test(after)) return undefined;
    }
  }
  const clean = text.replaceAll('_', '');
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(clean);
  if (hex) {
    const [, sign, whole = '', fraction = '', exponent] = hex;
    if (whole === '' && fraction === '') return undefined;
    let mantissa = 0;
    for (const digit of whole + fraction) mantissa = mantissa * 16 + parseInt(digit, 16);
    const value = mantissa * 2 ** (Number(exponent) - 4 * fraction.length);
    if (!Number.isFinite(value)) return undefined;
    return sign === '-' ? -value : value;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(clean)) return undefined;
  const value = Number(clean);
  if (!Number.isFinite(value)) return undefined;
  return value;
}

/** Go `strconv.ParseBool`, used for `--set component:enabled=…`. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/**
 * The overrides that apply to one component: those under its exact name and under each alias.
 * On the same path the exact name wins, then earlier aliases; within one key the later flag wins.
 * Returned in application order (lexicographic by path).
 */
export function overridesFor<T extends Pick<SetOverride, 'key' | 'path' | 'order'>>(all: readonly T[], name: string, aliases: readonly string[]): T[] {
  const keys = [name, ...aliases.filter((alias) => alias !== name)];
  const byPath = new Map<string, { rank: number; override: T }>();
  for (const override of all) {
    const rank = keys.indexOf(override.key);
    if (rank < 0) continue;
    const current = byPath.get(override.path);
    if (!current || rank < current.rank || (rank === current.rank && override.order > current.override.order)) byPath.set(override.path, { rank, override });
  }
  return [...byPath.values()].map((entry) => entry.override).sort((a, b) => compareStrings(a.path, b.path));
}

/**
 * Sets `value` at the dot `path`, creating maps on the way. `strict` makes a non-map value on
 * the way an error (for `--set`); otherwise it is replaced by a map (for scheduling paths).
 */
export function setPath(values: Record<string, unknown>, path: string, value: unknown, strict: boolean, context = ''): void {
  const segments = path.split('.');
  let node = values;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const next = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (isPlainObject(next)) {
      node = next;
      continue;
    }
    if (next !== undefined && next !== null && strict) {
      throw invalidInput(`${context}path segment "${segment}" of "${path}" exists but is not a map (it holds ${describe(next)})`, {
        hint: `set the whole "${segments.slice(0, i + 1).join('.')}" value instead, or pick a path below a map`,
      });
    }
    const created: Record<string, unknown> = {};
    setOwn(node, segment, created);
    node = created;
  }
  setOwn(node, segments[segments.length - 1]!, value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${quoted(value)}`;
  return `the ${typeof value} ${String(value)}`;
}
