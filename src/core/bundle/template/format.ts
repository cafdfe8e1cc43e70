/** Go's fmt formatting of plain data: `%v`, `fmt.Sprint` and the `printf` verbs manifests use. */
import { compareStrings, isPlainObject } from '../../serialize.js';
import { GoStringer, goType, isGoInt, NO_VALUE } from './values.js';

/** Go's `%v` for plain data; `top` is a whole action's value, where nil reads `<no value>`. */
export function formatGoValue(value: unknown, top = true): string {
  if (value === NO_VALUE) return top ? '<no value>' : '<nil>';
  if (value === null || value === undefined) return top ? '<no value>' : '<nil>';
  if (typeof value === 'string') return value;
  if (value instanceof GoStringer) return value.text;
  if (typeof value === 'number') return formatGoNumber(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => formatGoValue(item, false)).join(' ')}]`;
  if (isPlainObject(value)) {
    return `map[${Object.keys(value).sort(compareStrings).map((key) => `${key}:${formatGoValue(value[key], false)}`).join(' ')}]`;
  }
  return String(value);
}

/** What an action prints for its value. */
export function printValue(value: unknown): string {
  return formatGoValue(value);
}

/** A number as Go prints it: ints (see `isGoInt`) in plain digits, anything else as a float64. */
export function formatGoNumber(value: number): string {
  return isGoInt(value) ? String(value) : formatGoFloat(value);
}

/**
 * `strconv.FormatFloat(f, 'g', -1, 64)`, which `%v`, `fmt.Sprint` and sprig's `toString` use:
 * the shortest round-tripping digits, in exponent form when the decimal exponent is < -4 or
 * >= 6 (not JavaScript's 21), the exponent signed and at least two digits long.
 */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  // toExponential() without an argument gives the same shortest digits as Go.
  const [mantissa, exp] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  // In this range JavaScript also writes plain decimals with those digits.
  return String(value);
}

/** `fmt.Sprint`. */
export function goSprint(args: unknown[]): string {
  let out = '';
  args.forEach((arg, index) => {
    // fmt.Sprint adds a space between operands when neither side is a string.
    if (index > 0 && typeof arg !== 'string' && typeof args[index - 1] !== 'string') out += ' ';
    out += formatGoValue(arg, false);
  });
  return out;
}

/** Largest width or precision Go's fmt accepts (`tooLarge` in fmt/print.go). */
const MAX_FORMAT_NUMBER = 1_000_000;

/**
 * `fmt.Sprintf` for the verbs manifests use: v s q d f F g t x, width and `-`/`0` flags. A
 * width or precision over {@link MAX_FORMAT_NUMBER} (Go prints `%!(BADWIDTH)`) is an error here:
 * in a manifest it is a runaway, never a layout.
 */
export function goSprintf(format: string, args: unknown[]): string {
  let argIndex = 0;
  return format.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_match, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    for (const [what, digits] of [['width', width], ['precision', precision]] as const) {
      if (digits !== undefined && Number(digits) > MAX_FORMAT_NUMBER) throw new RangeError(`printf ${what} ${digits} is larger than ${MAX_FORMAT_NUMBER}`);
    }
    if (verb === '%') return '%';
    if (argIndex >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[argIndex++];
    let text: string;
    switch (verb) {
      case 'v':
      case 's':
        text = formatGoValue(arg, false);
        break;
      case 'q':
        text = JSON.stringify(formatGoValue(arg, false));
        break;
      case 'd':
        text = typeof arg === 'number' && isGoInt(arg) ? String(arg) : typeof arg === 'bigint' ? String(arg) : `%!d(${goType(arg)}=${formatGoValue(arg, false)})`;
        break;
      case 'f':
      case 'F':
        text = typeof arg === 'number' ? toFixed(arg, precision === undefined ? 6 : Number(precision)) : `%!f(${goType(arg)}=${formatGoValue(arg, false)})`;
        break;
      case 'g':
        text = typeof arg === 'number' ? formatGoFloat(arg) : `%!g(${goType(arg)}=${formatGoValue(arg, false)})`;
        break;
      case 't':
        text = typeof arg === 'boolean' ? String(arg) : `%!t(${goType(arg)}=${formatGoValue(arg, false)})`;
        break;
      case 'x':
        text = typeof arg === 'number' && Number.isInteger(arg) ? arg.toString(16) : Buffer.from(formatGoValue(arg, false)).toString('hex');
        break;
      default:
        return `%!${verb}(${goType(arg)}=${formatGoValue(arg, false)})`;
    }
    if (width !== undefined && text.length < Number(width)) {
      // Bounded above: at most MAX_FORMAT_NUMBER characters.
      text = flags.includes('-') ? text.padEnd(Number(width)) : text.padStart(Number(width), flags.includes('0') && verb !== 's' ? '0' : ' ');
    }
    return text;
  }) + (argIndex < args.length ? `%!(EXTRA ${args.slice(argIndex).map((arg) => `${goType(arg)}=${formatGoValue(arg, false)}`).join(', ')})` : '');
}


/** `%.Nf`: JavaScript's toFixed stops at 100 digits; more are zeros for any but the tiniest floats. */
function toFixed(value: number, digits: number): string {
  if (digits <= 100 || !Number.isFinite(value)) return value.toFixed(Math.min(digits, 100));
  return value.toFixed(100) + '0'.repeat(digits - 100);
}
