/**
 * Turning untrusted text into plain data: size and alias limits first, then the YAML/JSON
 * parser, with every error pointing at the file and line.
 */
import type * as YamlNamespace from 'yaml';
import { AicrError, ErrorCode, invalidInput, type SourceLocation } from '../errors.js';

/** Largest document we read (upstream's per-file limit for external data). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Largest number of alias expansions in one document; blocks "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

export interface ParseOptions {
  /** Size limit in bytes (default {@link MAX_DOCUMENT_BYTES}). */
  maxBytes?: number;
  /** Force a syntax; by default JSON is tried first when the text looks like JSON. */
  syntax?: 'yaml' | 'json';
  /** Allow several `---` separated documents (returned as an array). */
  multiDocument?: boolean;
}

/** A parsed document that can still tell where each of its values came from. */
export interface ParsedDocument {
  value: unknown;
  origin: string;
  /** Line/column of the node at `path` (or of its nearest existing ancestor). */
  locate(path: ReadonlyArray<string | number>): SourceLocation;
}

type YamlModule = typeof YamlNamespace;
let yamlModule: YamlModule | undefined;
/** The YAML parser is loaded on first use: commands that read no YAML never pay for it. */
async function loadYaml(): Promise<YamlModule> {
  yamlModule ??= await import('yaml');
  return yamlModule;
}

/** Preloads the parser so a later synchronous call can use it. */
export async function ensureYamlParser(): Promise<void> {
  await loadYaml();
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function checkSize(origin: string, size: number, maxBytes = MAX_DOCUMENT_BYTES): void {
  if (size > maxBytes) {
    throw invalidInput(`${origin}: document is too large (${size} bytes, limit ${maxBytes} bytes)`, {
      location: { file: origin },
      hint: 'split the document or remove unneeded data; the limit protects the runner from runaway input',
      details: { size, limit: maxBytes },
    });
  }
}

/** Parses YAML or JSON text; async only because the YAML parser loads lazily. */
export async function parseDocument(text: string, origin: string, options: ParseOptions = {}): Promise<ParsedDocument> {
  if (options.syntax !== 'json') await loadYaml();
  return parseDocumentSync(text, origin, options);
}

/**
 * Synchronous form of {@link parseDocument}. YAML input needs {@link ensureYamlParser} to have
 * run once before; JSON never needs it.
 */
export function parseDocumentSync(text: string, origin: string, options: ParseOptions = {}): ParsedDocument {
  checkSize(origin, byteLength(text), options.maxBytes);
  const trimmed = text.trimStart();
  const looksLikeJson = options.syntax === 'json' || (options.syntax !== 'yaml' && (trimmed.startsWith('{') || trimmed.startsWith('[')));
  if (looksLikeJson && !options.multiDocument) {
    try {
      const value: unknown = JSON.parse(text);
      return { value, origin, locate: (path) => locateLazily(text, origin, path) };
    } catch (error) {
      if (options.syntax === 'json') throw jsonSyntaxError(text, origin, error);
      // Not JSON after all (e.g. a YAML flow mapping): fall through to the YAML parser.
    }
  }
  return parseYaml(text, origin, options);
}

function parseYaml(text: string, origin: string, options: ParseOptions): ParsedDocument {
  const YAML = yamlModule;
  if (!YAML) throw new AicrError(ErrorCode.Internal, 'the YAML parser was used before it was loaded');
  const lineCounter = new YAML.LineCounter();
  const parseOptions = { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' as const };
  const docs = options.multiDocument ? YAML.parseAllDocuments(text, parseOptions) : [YAML.parseDocument(text, parseOptions)];
  if (!Array.isArray(docs)) throw yamlError(origin, lineCounter, (docs as { errors: unknown[] }).errors[0]);
  for (const doc of docs) {
    const problem = doc.errors[0];
    if (problem) throw yamlError(origin, lineCounter, problem);
  }
  const values = docs.map((doc) => {
    try {
      const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (hasAlias(YAML, doc)) checkExpandedSize(value, origin, options.maxBytes ?? MAX_DOCUMENT_BYTES);
      return value;
    } catch (error) {
      if (error instanceof AicrError) throw error;
      throw invalidInput(`${origin}: ${(error as Error).message}`, {
        location: { file: origin },
        hint: `YAML aliases may expand at most ${MAX_ALIAS_COUNT} times; write the repeated data out instead`,
      });
    }
  });
  const locate = (path: ReadonlyArray<string | number>): SourceLocation => {
    const doc = docs[0];
    if (!doc) return { file: origin };
    return locateInYamlDocument(doc, lineCounter, origin, path);
  };
  return { value: options.multiDocument ? values : values[0], origin, locate };
}

type YamlDocument = YamlNamespace.Document.Parsed;

function hasAlias(YAML: YamlModule, doc: YamlDocument): boolean {
  let found = false;
  YAML.visit(doc, {
    Alias: () => {
      found = true;
      return YAML.visit.BREAK;
    },
  });
  return found;
}

/**
 * Aliases share data in memory but are copied out by anything that clones or writes the
 * document: a few aliases of a large anchor can multiply its size. Refuse documents whose
 * expanded size (nodes and text) exceeds twice the byte limit.
 */
function checkExpandedSize(value: unknown, origin: string, maxBytes: number): void {
  const budget = maxBytes * 2;
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    size += typeof node === 'string' ? node.length + 1 : 8;
    if (size > budget) {
      throw invalidInput(`${origin}: the document expands to more than ${budget} bytes through YAML aliases`, {
        location: { file: origin },
        hint: 'write the repeated data out once instead of referencing a large anchor many times',
      });
    }
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (node !== null && typeof node === 'object') for (const key of Object.keys(node)) stack.push(key, (node as Record<string, unknown>)[key]);
  }
}
type YamlLineCounter = YamlNamespace.LineCounter;

function locateInYamlDocument(doc: YamlDocument, lineCounter: YamlLineCounter, origin: string, path: ReadonlyArray<string | number>): SourceLocation {
  const YAML = yamlModule!;
  let node: unknown = doc.contents;
  let best: { range?: [number, number, number] | null } | undefined = node as never;
  for (const segment of path) {
    if (YAML.isMap(node)) {
      const pair = node.items.find((item) => YAML.isScalar(item.key) ? String(item.key.value) === String(segment) : false);
      if (!pair) break;
      // Point at the key: that is the line people look for.
      best = (pair.key as { range?: [number, number, number] }) ?? best;
      node = pair.value;
      if (node && (node as { range?: unknown }).range && !YAML.isScalar(node)) best = node as never;
    } else if (YAML.isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) break;
      best = node as never;
    } else {
      break;
    }
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return { file: origin, path: formatPath(path) };
  const pos = lineCounter.linePos(offset);
  return { file: origin, line: pos.line, column: pos.col, path: formatPath(path) };
}

function locateLazily(text: string, origin: string, path: ReadonlyArray<string | number>): SourceLocation {
  if (!yamlModule) return { file: origin, path: formatPath(path) };
  try {
    return parseYaml(text, origin, {}).locate(path);
  } catch {
    return { file: origin, path: formatPath(path) };
  }
}

function yamlError(origin: string, lineCounter: YamlLineCounter, problem: unknown): AicrError {
  const error = problem as { message: string; pos?: [number, number]; code?: string };
  const pos = error.pos ? lineCounter.linePos(error.pos[0]) : undefined;
  const location: SourceLocation = { file: origin };
  if (pos) {
    location.line = pos.line;
    location.column = pos.col;
  }
  const firstLine = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const where = pos ? `${origin}:${pos.line}:${pos.col}` : origin;
  return invalidInput(`${where}: malformed YAML: ${firstLine}`, {
    location,
    hint: 'fix the YAML syntax at that line (indentation, quoting, duplicate keys)',
  });
}

function jsonSyntaxError(text: string, origin: string, error: unknown): AicrError {
  const message = (error as Error).message;
  const match = /position (\d+)/.exec(message);
  const location: SourceLocation = { file: origin };
  if (match) {
    const offset = Number(match[1]);
    const before = text.slice(0, offset);
    location.line = before.split('\n').length;
    location.column = offset - before.lastIndexOf('\n');
  }
  const where = location.line ? `${origin}:${location.line}:${location.column}` : origin;
  return invalidInput(`${where}: malformed JSON: ${message}`, { location, hint: 'fix the JSON syntax at that position' });
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
