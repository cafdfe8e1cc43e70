/**
 * Input documents for validation, parsed once with what validation needs beyond the value:
 * the line of every node (for annotations and report locations) and the text of every number
 * as written (so a reading `12.10` stays `12.10`, and `18446744073709551615` stays exact).
 *
 * Block YAML in the common subset goes through the fast reader; everything else through the
 * shared parser (documents/parse.ts), with number texts recovered only when numbers occur.
 */
import type { SourceLocation } from '../errors.js';
import { checkSize, byteLength, formatPath, parseDocument, type ParsedDocument } from './parse.js';
import { parseYamlSubset } from './yaml-subset.js';
import type * as Yaml from 'yaml';

type YamlLibrary = typeof Yaml;

export interface SourceDocument extends ParsedDocument {
  /** The text of the number or boolean scalar at `path` as written; undefined for other values. */
  scalarText(path: ReadonlyArray<string | number>): string | undefined;
  /** Line and column of each item of the sequence at `path` (in one call: recipes hold thousands). */
  itemPositions(path: ReadonlyArray<string | number>): Array<Position | undefined>;
}

export interface Position {
  line: number;
  column: number;
}

/** itemPositions through locate, for the slower paths. */
function itemPositionsByLocate(value: unknown, locate: ParsedDocument['locate'], path: ReadonlyArray<string | number>): Array<Position | undefined> {
  let node = value;
  for (const segment of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  if (!Array.isArray(node)) return [];
  return node.map((_, i) => {
    const at = locate([...path, i]);
    return at.line === undefined ? undefined : { line: at.line, column: at.column ?? 1 };
  });
}

/**
 * Parses YAML or JSON text with size limits, positions and number texts. Errors are the
 * shared parser's (file, line, hint).
 */
export async function parseSource(text: string, origin: string): Promise<SourceDocument> {
  checkSize(origin, byteLength(text));
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // JSON as documents/parse.ts reads it (JSON.parse first); a flow-style YAML document or a
    // syntax error falls through to the shared parser and its messages.
    const json = parseJson(text);
    if (json) return withJsonSource(json.value, origin, text);
  } else {
    const fast = parseYamlSubset(text, origin);
    if (fast) return fast;
  }
  const parsed = await parseDocument(text, origin);
  yamlLibrary ??= await import('yaml');
  return withYamlSource(parsed, text, yamlLibrary);
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

const SEPARATOR = '\u0000';
const pathKey = (path: ReadonlyArray<string | number>): string => path.join(SEPARATOR);

/** JSON: one scan of the text gives every key's position and every number's text. */
function withJsonSource(value: unknown, origin: string, text: string): SourceDocument {
  let scan: JsonScan | undefined;
  const get = (): JsonScan => (scan ??= scanJsonSafely(text));
  return {
    value,
    origin,
    locate(path): SourceLocation {
      const { positions, collections } = get();
      let best: Position | undefined = collections.get('');
      const prefix: Array<string | number> = [];
      for (const segment of path) {
        prefix.push(segment);
        const key = pathKey(prefix);
        const at = positions.get(key);
        if (!at) break;
        best = collections.get(key) ?? at;
      }
      const location: SourceLocation = { file: origin, path: formatPath(path) };
      if (best) {
        location.line = best.line;
        location.column = best.column;
      }
      return location;
    },
    scalarText: (path) => get().numbers.get(pathKey(path)),
    itemPositions(path) {
      const { positions } = get();
      const list = (() => {
        let node = value;
        for (const segment of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
        return Array.isArray(node) ? node : [];
      })();
      const prefix = path.length ? pathKey(path) + SEPARATOR : '';
      return list.map((_, i) => positions.get(prefix + i));
    },
  };
}

/** Other YAML: positions from the shared parser, number texts from a second parse on demand. */
function withYamlSource(parsed: ParsedDocument, text: string, YAML: YamlLibrary): SourceDocument {
  let numbers: ((path: ReadonlyArray<string | number>) => string | undefined) | undefined;
  return {
    value: parsed.value,
    origin: parsed.origin,
    locate: (path) => parsed.locate(path),
    itemPositions: (path) => itemPositionsByLocate(parsed.value, parsed.locate, path),
    scalarText(path) {
      if (!numbers) {
        // A second parse keeps the source text of scalars, which plain values drop; it only runs
        // when a number is asked for.
        const doc = YAML.parseDocument(text, { version: '1.2', uniqueKeys: false });
        numbers = (at) => {
          const node = doc.getIn(at, true) as { source?: unknown; value?: unknown } | undefined;
          const typed = node && (typeof node.value === 'number' || typeof node.value === 'boolean');
          return typed && typeof node.source === 'string' ? node.source : undefined;
        };
      }
      return numbers(path);
    },
  };
}

// Already in memory after the shared parser read YAML; kept here for number-text recovery.
let yamlLibrary: YamlLibrary | undefined;

interface JsonScan {
  positions: Map<string, Position>;
  collections: Map<string, Position>;
  numbers: Map<string, string>;
}

/** scanJson, degrading to "no positions" for nesting too deep to walk (hostile input). */
function scanJsonSafely(text: string): JsonScan {
  try {
    return scanJson(text);
  } catch (error) {
    if (error instanceof RangeError) return { positions: new Map(), collections: new Map(), numbers: new Map() };
    throw error;
  }
}

/** Walks valid JSON text recording key/item positions, collection starts and number texts. */
function scanJson(text: string): JsonScan {
  const positions = new Map<string, Position>();
  const collections = new Map<string, Position>();
  const numbers = new Map<string, string>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const position = (): Position => ({ line, column: i - lineStart + 1 });
  const skipBlanks = (): void => {
    for (; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) {
        line++;
        lineStart = i + 1;
      } else if (ch !== 32 && ch !== 9 && ch !== 13) {
        return;
      }
    }
  };
  /** Skips a string (at its opening quote); returns its value only when `decode` is set. */
  const readString = (decode: boolean): string => {
    const start = i;
    let end = text.indexOf('"', i + 1);
    // A quote preceded by an odd number of backslashes is escaped.
    for (;;) {
      let slashes = 0;
      while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    i = end + 1;
    if (!decode) return '';
    const raw = text.slice(start + 1, end);
    return raw.includes('\\') ? (JSON.parse(text.slice(start, end + 1)) as string) : raw;
  };
  const readValue = (key: string): void => {
    skipBlanks();
    const ch = text.charCodeAt(i);
    if (ch === 123 /* { */ || ch === 91 /* [ */) {
      collections.set(key, position());
      i++;
      let index = 0;
      for (;;) {
        skipBlanks();
        const next = text.charCodeAt(i);
        if (next === 125 /* } */ || next === 93 /* ] */) {
          i++;
          return;
        }
        let child: string;
        if (ch === 123) {
          const at = position();
          child = (key === '' ? '' : key + SEPARATOR) + readString(true);
          positions.set(child, at);
          skipBlanks();
          i++; // the colon
        } else {
          child = (key === '' ? '' : key + SEPARATOR) + index++;
          positions.set(child, position());
        }
        readValue(child);
        skipBlanks();
        if (text.charCodeAt(i) === 44 /* , */) i++;
      }
    }
    if (ch === 34 /* " */) {
      readString(false);
      return;
    }
    const start = i;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9) break;
    }
    const token = text.slice(start, i);
    if (token !== 'null') numbers.set(key, token);
  };
  readValue('');
  return { positions, collections, numbers };
}
