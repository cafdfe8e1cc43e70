/**
 * Turning the raw text a door received (flags, INPUT_* variables, GitLab inputs) into typed
 * option values. Every door goes through here, so `true`, `5m`, `a,b` or `k=v` mean the same
 * whichever way they arrive, and every error names the option by its key.
 */
import { optionError } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { defaultAt, offeredAt, optionKey, type Door, type OptionDefault, type OptionSpec, type OptionTable, type OptionValues } from './spec.js';
import { quoted } from '../safe-text.js';

/** What a door received for one option: nothing, one text, or the texts of a repeated flag. */
export type RawValue = string | readonly string[] | undefined;

/** Supplies the raw value of each option (the door decides where from). */
export type RawSource = (property: string, spec: OptionSpec) => RawValue;

const TRUE = new Set(['1', 't', 'T', 'true', 'True', 'TRUE']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'False', 'FALSE']);

const DURATION_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))*$/;
/** Longest duration we accept; longer ones are typos (and would overflow timers). */
const MAX_DURATION_MS = 24 * 3_600_000;

/**
 * Reads every option a door offers. Options the door does not offer take their plain default
 * (or their empty value), so shared code sees the same shape from every door.
 */
export function readOptions<T extends OptionTable>(table: T, door: Door, source: RawSource): OptionValues<T> {
  const values: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const [property, spec] of Object.entries(table)) {
    if (spec.gitlabJob) continue;
    const offered = offeredAt(spec, door);
    const raw = offered ? source(property, spec) : undefined;
    if (raw !== undefined && !isEmpty(raw)) given.add(property);
    const value = offered
      ? readOption(optionKey(property), spec, raw, defaultAt(spec, door))
      : readOption(optionKey(property), { ...spec, required: false }, undefined, spec.default);
    if (value !== undefined) values[property] = value;
  }
  givenOptions.set(values, given);
  return values as OptionValues<T>;
}

/**
 * The options a door actually received (by property), for values read with {@link readOptions}:
 * `--config` fills in only the others, since what the user gave wins over the file.
 */
export const givenOptions = new WeakMap<object, ReadonlySet<string>>();

/** Every option at its default (the action door's), for a caller that composes a step itself. */
export function defaultsOf<T extends OptionTable>(table: T): OptionValues<T> {
  const values: Record<string, unknown> = {};
  for (const [property, spec] of Object.entries(table)) {
    if (spec.gitlabJob) continue;
    const value = readOption(optionKey(property), { ...spec, required: false }, undefined, defaultAt(spec, 'action'));
    if (value !== undefined) values[property] = value;
  }
  return values as OptionValues<T>;
}

function isEmpty(raw: string | readonly string[]): boolean {
  if (typeof raw === 'string') return raw.trim() === '';
  return raw.every((item) => item.trim() === '');
}

/** One option's value: the raw text, else the door's default, else empty (or an error if required). */
export function readOption(key: string, spec: OptionSpec, raw: RawValue, fallback?: OptionDefault): unknown {
  if (raw === undefined || isEmpty(raw)) {
    if (fallback !== undefined) return convert(key, spec, typeof fallback === 'string' ? fallback : String(fallback));
    if (spec.required) throw optionError(key, 'is required', { hint: `give ${optionRef(key)} a value: ${spec.description}` });
    if (spec.type === 'bool') return false;
    if (spec.type === 'list') return [];
    if (spec.type === 'map') return {};
    return undefined;
  }
  if (typeof raw !== 'string') {
    if (spec.type === 'list' || spec.type === 'map') return convert(key, spec, raw.join('\n'));
    // A scalar option given more than once: the door refuses that before; take the last.
    return convert(key, spec, raw[raw.length - 1]!);
  }
  return convert(key, spec, raw);
}

/** C0 (tab and line feed included: no option holds multi-line text), DEL and C1. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Refuses a control character in an option's value (`text`: one value, or one item of a list). */
function checkControl(key: string, text: string): void {
  const found = CONTROL.exec(text);
  if (!found) return;
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  throw optionError(key, `holds the control character ${code} at position ${found.index + 1} of ${JSON.stringify(text)}`, {
    hint: found[0] === '\n' || found[0] === '\r' ? 'give the value on one line' : 'remove the character (a paste from a terminal can carry escape sequences)',
  });
}

function convert(key: string, spec: OptionSpec, text: string): unknown {
  if (spec.type === 'list' || spec.type === 'map') {
    for (const item of splitItems(text, spec.separator)) checkControl(key, item);
  } else {
    checkControl(key, text.trim());
  }
  switch (spec.type) {
    case 'bool':
      return parseBool(key, text);
    case 'int':
      return parseInteger(key, spec, text);
    case 'duration':
      return parseDurationMs(key, text);
    case 'enum':
      return parseChoice(key, text, spec.choices ?? [], spec.choiceAliases);
    case 'list':
      return splitItems(text, spec.separator).map((item) => (spec.itemChoices ? parseChoice(key, item, spec.itemChoices) : item));
    case 'map':
      return parseMap(key, splitItems(text, spec.separator));
    default:
      return text;
  }
}

/** Items of a list input: one per line, and for `comma` lists also comma-separated. */
function splitItems(text: string, separator: OptionSpec['separator'] = 'comma'): string[] {
  const pattern = separator === 'line' ? /\r?\n/ : /[\r\n,]/;
  return text.split(pattern).map((item) => item.trim()).filter((item) => item !== '');
}

/** Whether `text` is a boolean as Go's strconv.ParseBool reads it (1/0, t/f, true/false in three casings). */
export function isBoolText(text: string): boolean {
  const value = text.trim();
  return TRUE.has(value) || FALSE.has(value);
}

/** Go's strconv.ParseBool, which upstream's flags and our inputs share. */
export function parseBool(key: string, text: string): boolean {
  const value = text.trim();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw optionError(key, `takes true or false, not ${quoted(text)}`, { hint: 'use true or false' });
}

function parseInteger(key: string, spec: OptionSpec, text: string): number {
  const value = text.trim();
  if (!/^[-+]?\d{1,15}$/.test(value)) throw optionError(key, `takes a whole number, not ${quoted(text)}`, { hint: `e.g. ${spec.min ?? 0}` });
  const number = Number(value);
  if (spec.min !== undefined && number < spec.min) throw optionError(key, `must be at least ${spec.min}, not ${number}`, { hint: `use a number from ${spec.min}${spec.max !== undefined ? ` to ${spec.max}` : ' up'}` });
  if (spec.max !== undefined && number > spec.max) throw optionError(key, `must be at most ${spec.max}, not ${number}`, { hint: `use a number up to ${spec.max}` });
  return number;
}

/** What a duration's text is wrong about, or its milliseconds (Go syntax: `90s`, `10m`, `1h30m`, `1.5h`; a bare 0). */
export function durationMs(text: string): number | 'not a duration' | 'longer than 24h' {
  const value = text.trim();
  if (value === '0') return 0;
  if (!DURATION.test(value)) return 'not a duration';
  let total = 0;
  for (const match of value.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(match[1]) * DURATION_UNITS_MS[match[2]!]!;
  if (!Number.isFinite(total) || total > MAX_DURATION_MS) return 'longer than 24h';
  return Math.round(total);
}

/** Hint for a duration that does not parse. */
export const DURATION_HINT = 'write a number with a unit (ms, s, m, h), e.g. 90s or 5m';

/** Milliseconds of a Go duration option; a bare number other than 0 is refused, like upstream. */
function parseDurationMs(key: string, text: string): number {
  const parsed = durationMs(text);
  if (typeof parsed === 'string') throw optionError(key, `${quoted(text)} is ${parsed}`, { hint: DURATION_HINT });
  return parsed;
}

function parseChoice(key: string, text: string, choices: readonly string[], aliases: Readonly<Record<string, string>> = {}): string {
  const wanted = text.trim().toLowerCase();
  const match = choices.find((choice) => choice.toLowerCase() === wanted) ?? aliases[wanted];
  if (match !== undefined) return match;
  throw optionError(key, `${quoted(text)} is not one of ${choices.join(', ')}`, { hint: `use one of: ${choices.join(', ')}` });
}

function parseMap(key: string, items: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw optionError(key, `${quoted(item)} is not key=value`, { hint: 'write key=value pairs, e.g. nodeGroup=gpu (several: one per line or comma-separated)' });
    map[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return map;
}
