/**
 * A fast reader for the block-style YAML that aicr, upstream AICR and most hand-written recipes
 * use: block mappings and sequences, plain / single-quoted / double-quoted one-line scalars,
 * literal blocks (`|`), comments and the empty `{}`/`[]`.
 *
 * Why it exists: loading and running the general YAML library costs more than the whole
 * validation on a cold start (`aicr validate` in a CI step), and its values lose the text of
 * numbers (`12.10` becomes 12.1). This reader keeps each number's text and each node's line.
 * It declines (returns undefined) anything outside the subset — anchors, tags, flow
 * collections, folded or multi-line scalars, tabs, duplicate keys, unusual number forms — and
 * the caller then uses the general parser, which also produces every error message. Within the
 * subset it yields exactly what that parser yields (checked by tests against it).
 */
import type { SourceLocation } from '../errors.js';
import { formatPath, type Position, type SourceDocument } from './source-types.js';

interface ContainerInfo {
  /** Where the collection's first entry starts. */
  start: Position;
  /** Key position (mappings) or item position (sequences), packed by {@link pack}. */
  entries: Map<string | number, number>;
  /** Text of number and boolean scalars as written. */
  texts?: Map<string | number, string>;
}

// Positions are packed into one number per entry: big snapshots have thousands of entries.
const COLUMNS = 4096;
const pack = (line: number, column: number): number => line * COLUMNS + Math.min(column, COLUMNS - 1);
const unpack = (packed: number): Position => ({ line: Math.floor(packed / COLUMNS), column: packed % COLUMNS });

const DECLINE = Symbol('decline');
const decline = (): never => {
  throw DECLINE;
};

// YAML 1.2 core-schema forms. Numbers outside the plain decimal form are left to the full parser.
const NULL_WORDS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);
const DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
const ANY_CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
// Characters that may not start a plain scalar (YAML indicators): , [ ] { } # & * ! | > ' " % @ `
// and `-`, `?`, `:` unless a non-blank follows (`-5`, `-foo`). Char codes: this runs per line.
const PLAIN_START_FORBIDDEN = new Uint8Array(128);
for (const ch of ",[]{}#&*!|>'\"%@`") PLAIN_START_FORBIDDEN[ch.charCodeAt(0)] = 1;
for (const ch of '-?:') PLAIN_START_FORBIDDEN[ch.charCodeAt(0)] = 2;

function plainStartAllowed(text: string): boolean {
  return plainStartAllowedAt(text, 0);
}

function plainStartAllowedAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  if (Number.isNaN(first)) return false;
  const rule = first < 128 ? PLAIN_START_FORBIDDEN[first] : 0;
  if (rule === 1) return false;
  return rule !== 2 || (text.length > at + 1 && text.charCodeAt(at + 1) !== 32);
}
// Control characters the YAML library rejects or treats specially; tabs and CR are declined too.
const UNSUPPORTED_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f\ufeff]/;


class SubsetReader {
  private readonly lines: string[];
  private readonly finalLineBreak: boolean;
  private i = 0;
  readonly info = new WeakMap<object, ContainerInfo>();

  /** Indentation of each line, or -1 for blank and comment-only lines (computed once). */
  private readonly indents: Int32Array;
  /** Text of the scalar last read by {@link inline}, for numbers and booleans. */
  private lastText: string | undefined;

  constructor(text: string) {
    this.lines = text.split('\n');
    // The final line break ends the last line; it does not start an empty one.
    this.finalLineBreak = text.endsWith('\n');
    if (this.finalLineBreak) this.lines.pop();
    this.indents = new Int32Array(this.lines.length);
    for (let j = 0; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      let n = 0;
      while (line.charCodeAt(n) === 32) n++;
      this.indents[j] = n === line.length || line.charCodeAt(n) === 35 /* # */ ? -1 : n;
    }
  }

  document(): unknown {
    let first = this.nextContent(0);
    if (first >= 0 && this.lines[first]!.trimEnd() === '---') first = this.nextContent(first + 1);
    if (first < 0) decline();
    if (this.indents[first] !== 0) decline();
    this.i = first;
    const value = this.block(0);
    if (this.nextContent(this.i) >= 0) decline();
    return value;
  }

  /** Index of the next line with content (not blank, not a comment) from `from`, or -1. */
  private nextContent(from: number): number {
    const indents = this.indents;
    for (let j = from; j < indents.length; j++) if (indents[j]! >= 0) return j;
    return -1;
  }

  private block(indent: number): unknown {
    return isSequenceItemAt(this.lines[this.i]!, indent) ? this.sequence(indent) : this.mapping(indent);
  }

  /** Where the last {@link keyAt} key ended (the index after its colon). */
  private afterKey = 0;

  /**
   * The key of a `key: …` entry starting at `start` of `line`, or undefined when the text there
   * is not a key; sets {@link afterKey}. Declines keys the full parser would read differently.
   */
  private keyAt(line: string, start: number): string | undefined {
    const first = line.charCodeAt(start);
    if (first === 34 /* " */ || first === 39 /* ' */) {
      const quoted = quotedScalar(line, start);
      if (!quoted) return undefined;
      let j = quoted.end;
      while (line.charCodeAt(j) === 32) j++;
      if (line.charCodeAt(j) !== 58 /* : */ || (j + 1 < line.length && line.charCodeAt(j + 1) !== 32)) return undefined;
      this.afterKey = j + 1;
      return quoted.value;
    }
    if (!plainStartAllowedAt(line, start)) return undefined;
    // The key ends at the first ": " (or a final ":"); a " #" before it starts a comment instead.
    let colon = line.indexOf(':', start);
    while (colon >= 0 && colon + 1 < line.length && line.charCodeAt(colon + 1) !== 32) colon = line.indexOf(':', colon + 1);
    if (colon < 0) return undefined;
    const comment = line.indexOf(' #', start);
    if (comment >= 0 && comment < colon) return undefined;
    let end = colon;
    while (end > start && line.charCodeAt(end - 1) === 32) end--;
    const key = line.slice(start, end);
    // Keys that would resolve to non-strings, or hold flow indicators, go to the full parser.
    if (key === '' || FLOW_CHARS.test(key) || !resolvesToString(key)) decline();
    this.afterKey = colon + 1;
    return key;
  }

  /** A mapping whose keys start at column `indent`; `firstLine` when its first key shares a line with a `- `. */
  private mapping(indent: number, firstLine?: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const info: ContainerInfo = { start: { line: (firstLine ?? this.i) + 1, column: indent + 1 }, entries: new Map() };
    let pending = firstLine;
    for (;;) {
      let lineIndex: number;
      if (pending !== undefined) {
        lineIndex = pending;
        pending = undefined;
      } else {
        const next = this.nextContent(this.i);
        if (next < 0) break;
        const lineIndent = this.indents[next]!;
        if (lineIndent < indent) break;
        if (lineIndent > indent) decline();
        if (isSequenceItemAt(this.lines[next]!, indent)) decline();
        lineIndex = next;
      }
      const line = this.lines[lineIndex]!;
      const key = this.keyAt(line, indent);
      if (key === undefined) return decline();
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key)) decline();
      info.entries.set(key, pack(lineIndex + 1, indent + 1));
      this.i = lineIndex + 1;
      map[key] = this.value(line, this.afterKey, indent, true);
      if (this.lastText !== undefined) (info.texts ??= new Map()).set(key, this.lastText);
    }
    this.info.set(map, info);
    return map;
  }

  private sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    const info: ContainerInfo = { start: { line: this.i + 1, column: indent + 1 }, entries: new Map() };
    for (;;) {
      const next = this.nextContent(this.i);
      if (next < 0) break;
      const line = this.lines[next]!;
      const lineIndent = this.indents[next]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent) decline();
      if (!isSequenceItemAt(line, indent)) break;
      let column = indent + 1;
      while (line.charCodeAt(column) === 32) column++;
      const index = list.length;
      info.entries.set(index, pack(next + 1, column + 1));
      this.i = next;
      let item: unknown;
      if (column >= line.length || line.charCodeAt(column) === 35 /* # */) {
        this.i = next + 1;
        item = this.value(line, line.length, indent, false);
      } else if (isSequenceItemAt(line, column)) {
        return decline();
      } else if (this.keyAt(line, column) !== undefined) {
        item = this.mapping(column, next);
        this.lastText = undefined;
      } else {
        this.i = next + 1;
        item = this.value(line, indent + 1, indent, false);
      }
      list.push(item);
      if (this.lastText !== undefined) (info.texts ??= new Map()).set(index, this.lastText);
    }
    this.info.set(list, info);
    return list;
  }

  /**
   * The value after `key:` or `-`: the text of `line` from `from` (the end of the line, or a
   * blank); `owner` is the column of the key or dash the value belongs to.
   */
  private value(line: string, from: number, owner: number, underKey: boolean): unknown {
    this.lastText = undefined;
    let start = from;
    while (line.charCodeAt(start) === 32) start++;
    if (from < line.length && start === from) decline();
    if (start >= line.length || line.charCodeAt(start) === 35 /* # */) {
      const next = this.nextContent(this.i);
      if (next < 0) return null;
      const nextIndent = this.indents[next]!;
      let nested: unknown = null;
      if (nextIndent > owner) {
        this.i = next;
        nested = this.block(nextIndent);
      } else if (underKey && nextIndent === owner && isSequenceItemAt(this.lines[next]!, owner)) {
        this.i = next;
        nested = this.sequence(owner);
      }
      this.lastText = undefined;
      return nested;
    }
    if (line.charCodeAt(start) === 124 /* | */) return this.literal(line.slice(start + 1), owner);
    const scalar = this.inline(line, start);
    // A deeper line after a one-line scalar would continue it (a multi-line scalar): decline.
    const next = this.nextContent(this.i);
    if (next >= 0 && this.indents[next]! > owner) decline();
    return scalar;
  }

  /**
   * A one-line scalar value (quoted or plain) at `start` of `line`, with an optional trailing
   * comment; sets {@link lastText} for numbers and booleans.
   */
  private inline(line: string, start: number): unknown {
    const first = line.charCodeAt(start);
    if (first === 34 /* " */ || first === 39 /* ' */) {
      const quoted = quotedScalar(line, start);
      if (!quoted) return decline();
      if (quoted.end < line.length) {
        const after = line.slice(quoted.end);
        if (after.trim() !== '' && !/^\s+#/.test(after)) decline();
      }
      return quoted.value;
    }
    // Tabs were refused up front, so a comment starts at the first " #".
    let end = line.indexOf(' #', start);
    if (end < 0) end = line.length;
    while (end > start && line.charCodeAt(end - 1) === 32) end--;
    const plain = line.slice(start, end);
    if (plain === '{}') return {};
    if (plain === '[]') return [];
    if (!plainStartAllowed(plain)) decline();
    if (plain.includes(': ') || plain.endsWith(':')) decline();
    if (resolvesToString(plain)) return plain;
    if (NULL_WORDS.has(plain)) return null;
    this.lastText = plain;
    if (TRUE_WORDS.has(plain)) return true;
    if (FALSE_WORDS.has(plain)) return false;
    if (DECIMAL.test(plain)) return plain.includes('.') ? Number.parseFloat(plain) : Number.parseInt(plain, 10);
    return decline();
  }

  /** A literal block scalar; `header` is what follows the `|`. */
  private literal(header: string, owner: number): string {
    const match = /^([1-9])?([-+])?(?:\s+#.*|\s*)$/.exec(header) ?? /^([-+])([1-9])(?:\s+#.*|\s*)$/.exec(header);
    if (!match) decline();
    const [, a, b] = match!;
    const digit = a && /[1-9]/.test(a) ? Number(a) : b && /[1-9]/.test(b) ? Number(b) : undefined;
    const chomp = [a, b].find((part) => part === '-' || part === '+') ?? '';
    let contentIndent = digit === undefined ? -1 : owner + digit;
    const body: string[] = [];
    let j = this.i;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      if (line === '') {
        body.push('');
        continue;
      }
      const indent = indentOf(line);
      if (indent === line.length) decline(); // whitespace-only lines: leave to the full parser
      if (contentIndent < 0) {
        if (indent <= owner) break;
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      body.push(line.slice(contentIndent));
    }
    // An empty block, or one whose last line has no line break, is left to the full parser.
    if (contentIndent < 0 || (j >= this.lines.length && !this.finalLineBreak)) decline();
    let last = body.length - 1;
    while (last >= 0 && body[last] === '') last--;
    if (last < 0) decline();
    const trailing = body.length - 1 - last;
    this.i = j;
    const content = body.slice(0, last + 1).join('\n');
    if (chomp === '-') return content;
    if (chomp === '+') return content + '\n' + '\n'.repeat(trailing);
    return content + '\n';
  }
}

/**
 * Whether a plain scalar is a string under the YAML 1.2 core schema (not null, a boolean or a
 * number). Most scalars are decided by their first character alone.
 */
function resolvesToString(plain: string): boolean {
  const code = plain.charCodeAt(0);
  const numberStart = (code >= 48 && code <= 57) || code === 43 /* + */ || code === 45 /* - */ || code === 46; /* . */
  if (numberStart) return !ANY_CORE_NUMBER.test(plain);
  if (code === 126 /* ~ */ || code === 110 || code === 78 /* n N */) return !NULL_WORDS.has(plain);
  if (code === 116 || code === 84 /* t T */) return !TRUE_WORDS.has(plain);
  if (code === 102 || code === 70 /* f F */) return !FALSE_WORDS.has(plain);
  return true;
}

const NOT_SPACE = /[^ ]/;
function indentOf(line: string): number {
  const n = line.search(NOT_SPACE);
  return n < 0 ? line.length : n;
}

/** Whether `line` holds a sequence item (`-` alone or `- …`) at column `at`. */
function isSequenceItemAt(line: string, at: number): boolean {
  return line.charCodeAt(at) === 45 /* - */ && (at + 1 === line.length || line.charCodeAt(at + 1) === 32);
}

const FLOW_CHARS = /[[\]{},]/;

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', ' ': ' ' };

/** A quoted scalar at `start` that closes on this line: its value and the index after the closing quote. */
function quotedScalar(text: string, start: number): { value: string; end: number } | undefined {
  // Searching with indexOf keeps the common case (no escapes) out of a per-character loop,
  // which matters on a cold start where this code runs unoptimised.
  if (text.charCodeAt(start) === 39 /* ' */) {
    let value = '';
    let from = start + 1;
    for (;;) {
      const close = text.indexOf("'", from);
      if (close < 0) return undefined;
      if (text.charCodeAt(close + 1) === 39) {
        value += text.slice(from, close + 1);
        from = close + 2;
        continue;
      }
      return { value: value + text.slice(from, close), end: close + 1 };
    }
  }
  const close = text.indexOf('"', start + 1);
  if (close < 0) return undefined;
  const backslash = text.indexOf('\\', start + 1);
  if (backslash < 0 || backslash > close) return { value: text.slice(start + 1, close), end: close + 1 };
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') return { value, end: i + 1 };
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) return undefined;
    if (next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
      i++;
      continue;
    }
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = width ? text.slice(i + 2, i + 2 + width) : '';
    if (!width || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) return decline();
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) return decline();
    value += String.fromCodePoint(code);
    i += 1 + width;
  }
  return undefined;
}

/**
 * Parses `text` if it is in the subset; undefined otherwise (also for anything odd enough to
 * make the reader fail), in which case the caller uses the general parser.
 */
export function parseYamlSubset(text: string, origin: string): SourceDocument | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('%')) return undefined;
  const reader = new SubsetReader(text);
  let value: unknown;
  try {
    value = reader.document();
  } catch (error) {
    if (error === DECLINE || error instanceof RangeError) return undefined;
    throw error;
  }
  const walk = (path: ReadonlyArray<string | number>): { node: unknown; at?: Position; parent?: ContainerInfo; last?: string | number } => {
    let node: unknown = value;
    let at = node && typeof node === 'object' ? reader.info.get(node)?.start : undefined;
    let parent: ContainerInfo | undefined;
    let last: string | number | undefined;
    for (const segment of path) {
      if (!node || typeof node !== 'object') return { node: undefined, at };
      const info = reader.info.get(node);
      const key = Array.isArray(node) ? segment : String(segment);
      const entry = info?.entries.get(key);
      if (!info || entry === undefined) return { node: undefined, at };
      parent = info;
      last = key;
      at = unpack(entry);
      node = (node as Record<string | number, unknown>)[key];
      const nested = node && typeof node === 'object' ? reader.info.get(node) : undefined;
      if (nested) at = nested.start;
    }
    return { node, at, parent, last };
  };
  return {
    value,
    origin,
    locate(path): SourceLocation {
      const { at } = walk(path);
      const location: SourceLocation = { file: origin, path: formatPath(path) };
      if (at) {
        location.line = at.line;
        location.column = at.column;
      }
      return location;
    },
    scalarText(path) {
      const { parent, last } = walk(path);
      return parent && last !== undefined ? parent.texts?.get(last) : undefined;
    },
    itemPositions(path) {
      const { node } = walk(path);
      const info = Array.isArray(node) ? reader.info.get(node) : undefined;
      if (!info || !Array.isArray(node)) return [];
      return node.map((_, i) => {
        const packed = info.entries.get(i);
        return packed === undefined ? undefined : unpack(packed);
      });
    },
  };
}
