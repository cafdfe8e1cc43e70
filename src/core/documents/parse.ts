/**
 * Turning untrusted text into plain data: size and alias limits first, then the YAML/JSON
 * parser, with every error pointing at the file and line.
 */
import { invalidInput, type SourceLocation } from '../errors.js';
import { excerpt, jsonSyntaxReason, MAX_EXCERPT, quoted } from '../safe-text.js';
import { withJsonSource } from './json-source.js';
import { byteLength, checkSize } from './limits.js';
import type { SourceDocument } from './source-types.js';
import { loadYaml, readYamlSource } from './yaml-source.js';

export {    MAX_DOCUMENT_BYTES } from './limits.js';
;

export interface ParseOptions {
  /** Size limit in bytes (default {@link MAX_DOCUMENT_BYTES}). */
  maxBytes?: number;
  /** Force a syntax; by default JSON is tried first when the text looks like JSON. */
  syntax?: 'yaml' | 'json';
}

/** Preloads the YAML parser so a later synchronous call can use it. */
export async function ensureYamlParser(): Promise<void> {
  await loadYaml();
}

/**
 * Parses YAML or JSON text. YAML input needs {@link ensureYamlParser} to have run once before;
 * JSON never needs it.
 */
export function parseDocumentSync(text: string, origin: string, options: ParseOptions = {}): SourceDocument {
  checkSize(origin, byteLength(text), options.maxBytes);
  const trimmed = text.trimStart();
  const looksLikeJson = options.syntax === 'json' || (options.syntax !== 'yaml' && (trimmed.startsWith('{') || trimmed.startsWith('[')));
  if (looksLikeJson) {
    try {
      return withJsonSource(JSON.parse(text) as unknown, origin, text);
    } catch (error) {
      if (options.syntax === 'json') throw jsonSyntaxError(text, origin, error);
      // Not JSON after all (e.g. a YAML flow mapping): fall through to the YAML parser.
    }
  }
  return readYamlSource(text, origin, options.maxBytes);
}

function jsonSyntaxError(text: string, origin: string, error: unknown): Error {
  const match = /position (\d+)/.exec((error as Error).message);
  const location: SourceLocation = { file: origin };
  let near = '';
  if (match) {
    const offset = Number(match[1]);
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    location.line = before.split('\n').length;
    location.column = offset - lineStart + 1;
    // The faulty line only, cut short: never the lines around it.
    near = ` near ${quoted(excerpt(text.slice(lineStart), MAX_EXCERPT, location.column))}`;
  }
  const where = location.line ? `${origin}:${location.line}:${location.column}` : origin;
  return invalidInput(`${where}: malformed JSON: ${jsonSyntaxReason(error)}${near}`, { location, hint: 'fix the JSON syntax at that position' });
}
