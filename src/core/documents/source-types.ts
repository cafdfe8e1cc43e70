/**
 * What every document reader yields (fast subset, JSON, the YAML library), in a module of its
 * own so the readers can share it without importing each other.
 */
import type { SourceLocation } from '../errors.js';

export interface Position {
  line: number;
  column: number;
}

/** A parsed document that can still tell where each of its values came from. */
export interface ParsedDocument {
  value: unknown;
  origin: string;
  /** Line/column of the node at `path` (or of its nearest existing ancestor). */
  locate(path: ReadonlyArray<string | number>): SourceLocation;
}

export interface SourceDocument extends ParsedDocument {
  /** The text of the number or boolean scalar at `path` as written; undefined for other values. */
  scalarText(path: ReadonlyArray<string | number>): string | undefined;
  /** Line and column of each item of the sequence at `path` (in one call: recipes hold thousands). */
  itemPositions(path: ReadonlyArray<string | number>): Array<Position | undefined>;
}

/** `spec.componentRefs[2].name` from path segments. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
