/** The built-in functions, with the sprig-style ones recipe manifests use. */
import { isPlainObject, toYaml } from '../../serialize.js';
import type { Operand } from './ast.js';
import { TemplateError } from './error.js';
import { formatGoValue, goSprint, goSprintf } from './format.js';
import { GoStringer, goType, isNil, NO_VALUE, truthy } from './values.js';

/** Evaluates an argument operand in the caller's context. */
export type Evaluate = (operand: Operand) => unknown;

/** Names the parser accepts as functions. */
export const FUNCTIONS = new Set(['and', 'or', 'not', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'index', 'len', 'print', 'printf', 'println', 'toYaml', 'nindent', 'indent', 'toString', 'default', 'replace', 'trunc', 'trimSuffix', 'quote']);

/** Calls `name` with its operands, the piped value (if any) passed last, as Go does. */
export function callFunction(name: string, operands: Operand[], piped: { value: unknown } | undefined, evaluate: Evaluate, line: number): unknown {
  const fail = (message: string): never => {
    throw new TemplateError(`error calling ${name}: ${message}`, line);
  };
  // and/or evaluate lazily, left to right, the piped value last.
  if (name === 'and' || name === 'or') {
    const thunks: Array<() => unknown> = operands.map((operand) => () => evaluate(operand));
    if (piped) thunks.push(() => piped.value);
    if (thunks.length === 0) fail('wrong number of args: want at least 1 got 0');
    let value: unknown;
    for (const thunk of thunks) {
      value = thunk();
      if (name === 'and' ? !truthy(value) : truthy(value)) return value;
    }
    return value;
  }
  const args = operands.map((operand) => evaluate(operand));
  if (piped) args.push(piped.value);
  const want = (count: number): void => {
    if (args.length !== count) fail(`wrong number of args for ${name}: want ${count} got ${args.length}`);
  };
  switch (name) {
    case 'not':
      want(1);
      return !truthy(args[0]);
    case 'eq': {
      if (args.length < 2) fail('missing argument for comparison');
      const [first, ...others] = args;
      return others.some((other) => basicEqual(first, other, fail));
    }
    case 'ne':
      want(2);
      return !basicEqual(args[0], args[1], fail);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      want(2);
      const [a, b] = args;
      if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) fail('incompatible types for comparison');
      const less = (a as number | string) < (b as number | string);
      const equal = a === b;
      return name === 'lt' ? less : name === 'le' ? less || equal : name === 'gt' ? !less && !equal : !less;
    }
    case 'index': {
      if (args.length < 1) fail('wrong number of args for index: want at least 1 got 0');
      let node = args[0];
      for (const key of args.slice(1)) {
        if (isNil(node)) fail('index of untyped nil');
        if (Array.isArray(node)) {
          if (typeof key !== 'number' || !Number.isInteger(key)) fail(`cannot index slice/array with type ${goType(key)}`);
          if ((key as number) < 0 || (key as number) >= node.length) fail(`index out of range: ${String(key)}`);
          node = node[key as number];
        } else if (isPlainObject(node)) {
          if (typeof key !== 'string') fail(`value has type ${goType(key)}; should be string`);
          node = Object.prototype.hasOwnProperty.call(node, key as string) ? node[key as string] : NO_VALUE;
        } else fail(`can't index item of type ${goType(node)}`);
      }
      return node;
    }
    case 'len': {
      want(1);
      const value = args[0];
      if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
      if (Array.isArray(value)) return value.length;
      if (isPlainObject(value)) return Object.keys(value).length;
      return fail(`len of type ${isNil(value) ? 'nil' : goType(value)}`);
    }
    case 'print':
      return goSprint(args);
    case 'println':
      return args.map((arg) => formatGoValue(arg, false)).join(' ') + '\n';
    case 'printf': {
      if (args.length < 1 || typeof args[0] !== 'string') fail('printf needs a format string');
      try {
        return goSprintf(args[0] as string, args.slice(1));
      } catch (error) {
        if (error instanceof RangeError) fail(error.message);
        throw error;
      }
    }
    case 'toYaml': {
      want(1);
      const value = args[0] === NO_VALUE ? null : args[0];
      return toYaml(value, { sortKeys: true }).replace(/\n$/, '');
    }
    case 'nindent':
    case 'indent': {
      want(2);
      const [count, text] = args;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1000) fail('indent must be a small non-negative integer');
      const pad = ' '.repeat(count as number);
      const source = formatGoValue(text, false);
      // Checked before building: each line grows by the pad, so a long text of short lines multiplies.
      const lines = countLines(source);
      if (source.length + lines * (count as number) > MAX_INDENT_RESULT) fail(`the indented text would exceed ${MAX_INDENT_RESULT} bytes`);
      const body = source.split('\n').map((lineText) => (lineText === '' ? lineText : pad + lineText)).join('\n');
      return name === 'nindent' ? `\n${body}` : body;
    }
    case 'toString':
      want(1);
      return formatGoValue(args[0], false);
    case 'default': {
      want(2);
      const [fallback, value] = args;
      return isNil(value) || value === '' ? fallback : value;
    }
    case 'replace': {
      want(3);
      const [from, to, text] = args.map((arg) => stringArg(arg, fail));
      return text!.split(from!).join(to!);
    }
    case 'trunc': {
      want(2);
      const [count, text] = args;
      if (typeof count !== 'number' || !Number.isInteger(count)) fail(`wrong type for value; expected int; got ${goType(count)}`);
      // Go slices bytes; a cut inside a character is not something a chart label hits.
      const bytes = Buffer.from(stringArg(text, fail), 'utf8');
      const at = count as number;
      if (at >= bytes.length || -at >= bytes.length) return bytes.toString('utf8');
      return (at < 0 ? bytes.subarray(bytes.length + at) : bytes.subarray(0, at)).toString('utf8');
    }
    case 'trimSuffix': {
      want(2);
      const [suffix, text] = args.map((arg) => stringArg(arg, fail));
      return suffix !== '' && text!.endsWith(suffix!) ? text!.slice(0, text!.length - suffix!.length) : text;
    }
    case 'quote':
      return args.filter((arg) => !isNil(arg)).map((arg) => goQuote(formatGoValue(arg, false))).join(' ');
    default:
      return fail('function not defined');
  }
}

/** Largest text `indent`/`nindent` may build (the default output budget). */
const MAX_INDENT_RESULT = 8 * 1024 * 1024;

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function basicEqual(a: unknown, b: unknown, fail: (message: string) => never): boolean {
  // A named string type compares as its string (Go compares by kind); other named values do not compare.
  const norm = (value: unknown): unknown => (value === NO_VALUE || value === undefined ? null : value instanceof GoStringer && value.basic ? value.text : value);
  const x = norm(a);
  const y = norm(b);
  if (x === null || y === null) return x === y;
  if (typeof x !== typeof y && !(typeof x === 'number' && typeof y === 'bigint') && !(typeof x === 'bigint' && typeof y === 'number')) {
    return fail('incompatible types for comparison');
  }
  if (typeof x === 'object') return fail('non-comparable type');
  return x == y;
}

function stringArg(value: unknown, fail: (message: string) => never): string {
  if (typeof value !== 'string') return fail(`wrong type for value; expected string; got ${isNil(value) ? 'nil' : goType(value)}`);
  return value;
}

const SHORT_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };

/** Go's strconv.Quote: printable characters as they are, the rest escaped. */
function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const short = SHORT_ESCAPES[char];
    if (short) out += short;
    else if (char === ' ' || !/[\p{C}\p{Z}]/u.test(char)) out += char;
    else {
      const code = char.codePointAt(0)!;
      out += code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
    }
  }
  return out + '"';
}
