/**
 * JSON documents: the value from JSON.parse, and positions and number texts from one scan of
 * the (already valid) text, made only when first asked for.
 */
import type { SourceLocation } from '../errors.js';
import { formatPath, type Position, type SourceDocument } from './source-types.js';

const SEPARATOR = '\u0000';
const pathKey = (path: ReadonlyArray<string | number>): string => path.join(SEPARATOR);

/** JSON: one scan of the text gives every key's position and every number's text. */
export function withJsonSource(value: unknown, origin: string, text: string): SourceDocument {
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
