/**
 * Deterministic YAML and JSON writers for plain data (objects, arrays, strings, finite numbers,
 * booleans, null).
 *
 * Our own small emitter rather than a YAML library: it keeps the start-up path free of a parser
 * we do not need for writing, and it pins every formatting choice (key order as given, block
 * style, quoting) so the same value always gives the same bytes.
 */

import { looksLikeCommand } from './safe-text.js';

export interface YamlOptions {
  /** Spaces per nesting level (default 2). */
  indent?: number;
  /** Sort mapping keys (default false: keep insertion order, which callers make deterministic). */
  sortKeys?: boolean;
}

/** Serializes `value` as one YAML document ending in a newline. */
export function toYaml(value: unknown, options: YamlOptions = {}): string {
  const writer = new YamlWriter(options.indent ?? 2, options.sortKeys ?? false);
  return writer.document(value);
}

/** Line and column (1-based) of a node of a written document, by its path. */
export type WrittenPositions = ReadonlyMap<string, { line: number; column: number }>;

/** Joins a document path into a {@link WrittenPositions} key. */
export const positionKey = (path: ReadonlyArray<string | number>): string => path.join('\u0000');

/**
 * Like {@link toYaml}, and also where each mapping key and sequence item was written, so a
 * document just written can be pointed at (annotations) without reading it back.
 */
export function toYamlWithPositions(value: unknown, options: YamlOptions = {}): { text: string; positions: WrittenPositions } {
  const positions = new Map<string, { line: number; column: number }>();
  const writer = new YamlWriter(options.indent ?? 2, options.sortKeys ?? false, positions);
  return { text: writer.document(value), positions };
}

/** Serializes `value` as 2-space indented JSON ending in a newline. */
export function toJson(value: unknown, options: { sortKeys?: boolean } = {}): string {
  return escapeLegacyCommands(JSON.stringify(options.sortKeys ? sortKeysDeep(value) : value, null, 2)) + '\n';
}

/**
 * `##[` can only occur inside a JSON string or a double-quoted YAML scalar here (`#` is no
 * syntax of either); `\u005b` reads back as the same `[`, and the line is no legacy workflow
 * command when the document is printed in a CI log (safe-text.ts).
 */
function escapeLegacyCommands(text: string): string {
  return text.replaceAll('##[', '##\\u005b');
}

/** A copy of `value` whose mapping keys are sorted (code-unit order) at every level. */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeysDeep(item)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareStrings)) out[key] = sortKeysDeep(value[key]);
    return out as T;
  }
  return value;
}

/**
 * Byte-wise order of the UTF-8 encodings (= code point order), independent of locale. UTF-16
 * code units order the same way except surrogates (U+10000 and up) against U+E000–U+FFFF.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      const xSurrogate = x <= 0xdfff;
      if (xSurrogate !== y <= 0xdfff) return xSurrogate ? 1 : -1;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

class YamlWriter {
  constructor(
    private readonly step: number,
    private readonly sortKeys: boolean,
    private readonly positions?: Map<string, { line: number; column: number }>,
  ) {}

  document(value: unknown): string {
    const lines: string[] = [];
    if (isCollection(value) && !isEmptyCollection(value)) this.block(value, 0, lines, this.positions ? [] : undefined);
    else lines.push(this.inline(value));
    return lines.join('\n') + '\n';
  }

  private keys(map: Record<string, unknown>): string[] {
    const keys = Object.keys(map).filter((key) => map[key] !== undefined);
    return this.sortKeys ? keys.sort(compareStrings) : keys;
  }

  /** Writes a non-empty mapping or sequence whose lines start at `indent`; `path` when positions are kept. */
  private block(value: unknown, indent: number, lines: string[], path: Array<string | number> | undefined): void {
    const pad = ' '.repeat(indent);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const itemPath = path ? [...path, index] : undefined;
        if (itemPath) this.positions!.set(positionKey(itemPath), { line: lines.length + 1, column: indent + 1 });
        if (isCollection(item) && !isEmptyCollection(item)) {
          // The first line of a nested collection shares the line with the dash.
          const first = lines.length;
          this.block(item, indent + 2, lines, itemPath);
          lines[first] = `${pad}- ${lines[first]!.slice(indent + 2)}`;
        } else {
          this.scalarLine(`${pad}- `, item, indent + 2, 2, lines);
        }
      });
      return;
    }
    const map = value as Record<string, unknown>;
    for (const key of this.keys(map)) {
      const item = map[key];
      const head = `${pad}${formatKey(key)}:`;
      const keyPath = path ? [...path, key] : undefined;
      if (keyPath) this.positions!.set(positionKey(keyPath), { line: lines.length + 1, column: indent + 1 });
      if (isCollection(item) && !isEmptyCollection(item)) {
        lines.push(head);
        // Sequences under a key are indented one level, like the upstream recipe output.
        this.block(item, indent + this.step, lines, keyPath);
      } else {
        this.scalarLine(`${head} `, item, indent + this.step, this.step, lines);
      }
    }
  }

  /**
   * Pushes `prefix` + the scalar. Multi-line strings continue as a literal block at `indent`,
   * which is `offset` columns right of the parent node.
   */
  private scalarLine(prefix: string, value: unknown, indent: number, offset: number, lines: string[]): void {
    if (typeof value === 'string' && canUseLiteralBlock(value)) {
      const trailing = /\n*$/.exec(value)![0].length;
      const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
      const body = trailing === 0 ? value : value.slice(0, -1);
      const bodyLines = body.split('\n');
      const firstText = bodyLines.find((line) => line !== '') ?? '';
      const indicator = firstText.startsWith(' ') ? String(offset) : '';
      lines.push(`${prefix}|${indicator}${chomp}`);
      const pad = ' '.repeat(indent);
      for (const line of bodyLines) lines.push(line === '' ? '' : pad + line);
      return;
    }
    lines.push(prefix + this.inline(value));
  }

  private inline(value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'number') return formatNumber(value);
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string') return formatString(value);
    if (Array.isArray(value)) return '[]';
    if (typeof value === 'object') return '{}';
    throw new TypeError(`cannot serialize a ${typeof value} as YAML`);
  }
}

function isCollection(value: unknown): value is unknown[] | Record<string, unknown> {
  return Array.isArray(value) || (value !== null && typeof value === 'object');
}

function isEmptyCollection(value: unknown[] | Record<string, unknown>): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return Object.keys(value).every((key) => value[key] === undefined);
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

function formatKey(key: string): string {
  return formatString(key);
}

// Words that some YAML reader (1.1 or 1.2) would load as a non-string.
const RESERVED = new Set([
  'null', 'Null', 'NULL', '~', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N',
  '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN', '<<', '=',
]);

/** Characters that may not start a plain scalar. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
// Anything number-like (ints, floats, octal/hex, sexagesimal, dates) is quoted to stay a string.
const NUMBER_LIKE = /^[-+.]?[0-9]/;
// Control characters (tab included: some readers reject raw tabs) go in double quotes as escapes,
// and so does `##[`, which is escaped there (no line of a document is a legacy workflow command).
const NEEDS_DOUBLE_QUOTES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]|##\[/;

// Plain scalars YAML 1.1 or 1.2 readers resolve to numbers (floats such as "e0" or "." included).
const NUMERIC_FORMS = [
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
];

function isPlainSafe(text: string): boolean {
  if (text === '' || RESERVED.has(text)) return false;
  if (NUMERIC_FORMS.some((form) => form.test(text))) return false;
  if (INDICATOR_START.test(text) || NUMBER_LIKE.test(text)) return false;
  if (/\s$/.test(text)) return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':') || text.includes('\t')) return false;
  if (NEEDS_DOUBLE_QUOTES.test(text)) return false;
  // Keep flow indicators out of plain scalars so the text is also safe inside flow collections.
  if (/[,[\]{}]/.test(text)) return false;
  return true;
}

export function formatString(text: string): string {
  if (isPlainSafe(text)) return text;
  if (!NEEDS_DOUBLE_QUOTES.test(text)) return `'${text.replaceAll("'", "''")}'`;
  return escapeLegacyCommands(JSON.stringify(text)).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (ch) => {
    return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
  }).replace(/[\ud800-\udfff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Multi-line text without characters a literal block cannot carry verbatim. */
function canUseLiteralBlock(text: string): boolean {
  if (!text.includes('\n')) return false;
  // A line of the block that reads as a workflow command (`::error::…`) goes in double quotes, on one line.
  if (looksLikeCommand(text)) return false;
    if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/.test(text)) return false;
  const lines = text.split('\n');
  // Whitespace-only lines would be read back as empty lines.
  if (lines.some((line) => line !== '' && line.trim() === '')) return false;
  return lines.some((line) => line !== '');
}
