/**
 * `loadDocument(kind, location)`: how every door reads a document. Reads the location (file,
 * `-`, https URL or cm://), parses it once with positions and number texts, refuses a document
 * of another kind with a hint, and checks it against the kind's schema. Stages take the result,
 * never a path, so a document is read once however many stages use it.
 */
import { invalidInput, type SourceLocation } from './errors.js';
import { quoted } from './safe-text.js';
import { parseLocation, readLocation, type ReadOptions } from './io.js';
import { optionLabel, optionRef } from './option-refs.js';
import { checkDocument, loadValidators, type DocumentKind, type DocumentKinds } from './documents/index.js';
import { positionKey, type WrittenPositions } from './serialize.js';
import { parseSource, type SourceDocument } from './documents/source.js';
import { formatPath } from './documents/source-types.js';
import { constraintValuesAsText } from './documents/constraint-values.js';
import { checkControlCharacters } from './documents/control-chars.js';
import { checkApiVersion, reportApiVersionNotices, type ApiVersionNotice } from './documents/api-versions.js';
import type { Logger } from './logger.js';

/** A document with everything later steps need: the checked value, its positions, its name. */
export interface LoadedDocument<K extends DocumentKind> {
  kind: K;
  document: DocumentKinds[K];
  /** The parsed text: line of every node, numbers as written. */
  source: SourceDocument;
  /** Name for messages: the path, the URL without credentials, or `cm://ns/name#key`. */
  origin: string;
  /** Set when the document carries an older apiVersion (read, and reported as a notice). */
  apiVersionNotice?: ApiVersionNotice;
}

export interface LoadOptions extends Omit<ReadOptions, 'input'> {
  /** Key of the option the location came from (messages name it in the door's spelling). */
  option: string;
  /** Where a notice about an older apiVersion goes (none: the caller reports `apiVersionNotice`). */
  logger?: Logger;
}

/** Kinds a user may hand us by mistake, and what to say about each. */
const MIX_UPS: Partial<Record<DocumentKind, Partial<Record<string, string>>>> = {
  RecipeResult: { Snapshot: `pass the recipe (aicr recipe output) here and the snapshot to ${optionRef('snapshot')}` },
  Snapshot: {
    RecipeResult: `pass the snapshot (aicr snapshot output) here and the recipe to ${optionRef('recipe')}`,
    Recipe: `pass the snapshot (aicr snapshot output) here and the recipe to ${optionRef('recipe')}`,
  },
};

function kindOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' ? kind : undefined;
}

/** Parses text already read (a ConfigMap's data, a file the caller holds) as a document of `kind`. */
export async function parseDocumentOf<K extends DocumentKind>(kind: K, text: string, origin: string, option: string, logger?: Logger): Promise<LoadedDocument<K>> {
  const [source] = await Promise.all([parseSource(text, origin), loadValidators(kind)]);
  const actual = kindOf(source.value);
  const acceptsRecipe = kind === 'RecipeResult' && actual === 'Recipe';
  if (actual !== undefined && actual !== '' && actual !== kind && !acceptsRecipe) {
    throw invalidInput(`${origin}: ${optionLabel(option)}: invalid kind ${quoted(actual)}, expected ${JSON.stringify(kind)}`, {
      location: source.locate(['kind']),
      hint: MIX_UPS[kind]?.[actual] ?? `pass a ${kind} document`,
      option,
    });
  }
  // Recipes and criteria are written by people (or edited after aicr wrote them); snapshots are measured.
  if (kind !== 'Snapshot') checkControlCharacters(source, kind);
  const apiVersionNotice = checkHeader(kind, source, origin, option);
  if (kind === 'RecipeResult') constraintValuesAsText(source);
  const loaded: LoadedDocument<K> = { kind, document: checkDocument(kind, source), source, origin, ...(apiVersionNotice ? { apiVersionNotice } : {}) };
  if (apiVersionNotice && logger) reportApiVersionNotices(logger, [apiVersionNotice]);
  return loaded;
}

/** The apiVersion gate (documents/api-versions.ts), for a mapping; the schema check reports anything else. */
function checkHeader(kind: DocumentKind, source: SourceDocument, origin: string, option: string): ApiVersionNotice | undefined {
  const value = source.value;
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) return undefined;
  const apiVersion = (value as { apiVersion?: unknown }).apiVersion;
  const location = Object.hasOwn(value, 'apiVersion') ? source.locate(['apiVersion']) : { file: origin };
  return checkApiVersion(kind, apiVersion, origin, location, option);
}

/** Reads the text at `location`: every document this module loads is read here. */
async function readDocumentText(location: string, options: LoadOptions): Promise<{ text: string; origin: string; option: string }> {
  const { option, logger: _logger, ...read } = options;
  const { text, origin } = await readLocation(parseLocation(location, option), { ...read, input: option });
  return { text, origin, option };
}

/** Reads, parses and checks the document of `kind` at `location`. */
export async function loadDocument<K extends DocumentKind>(kind: K, location: string, options: LoadOptions): Promise<LoadedDocument<K>> {
  const { text, origin, option } = await readDocumentText(location, options);
  return parseDocumentOf(kind, text, origin, option, options.logger);
}

/**
 * Reads the document at `location` once and loads it as whichever of `kinds` it declares (a
 * `Recipe` counts as a RecipeResult), for commands that take more than one kind (`aicr diff`).
 */
export async function loadDocumentOfKinds<K extends DocumentKind>(kinds: readonly K[], location: string, options: LoadOptions): Promise<LoadedDocument<K>> {
  const { text, origin, option } = await readDocumentText(location, options);
  const actual = kindOf((await parseSource(text, origin)).value);
  // A document without a kind is checked as the first kind, whose schema says what it lacks.
  const kind = actual === undefined || actual === '' ? kinds[0] : kinds.find((candidate) => candidate === actual || (candidate === 'RecipeResult' && actual === 'Recipe'));
  if (kind === undefined) {
    throw invalidInput(`${origin}: ${optionLabel(option)}: a document of kind ${quoted(actual)} cannot be used here, expected ${kinds.join(' or ')}`, {
      hint: `pass a ${kinds.join(' or a ')} document`,
      option,
    });
  }
  return parseDocumentOf(kind, text, origin, option, options.logger);
}

/**
 * A document this process just wrote, with the positions the writer recorded: later steps point
 * at its lines (annotations, report locations) without reading the file back.
 */
export function writtenDocument<K extends DocumentKind>(kind: K, document: DocumentKinds[K], origin: string, positions: WrittenPositions): LoadedDocument<K> {
  const nodeAt = (path: ReadonlyArray<string | number>): unknown => {
    let node: unknown = document;
    for (const segment of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
    return node;
  };
  const source: SourceDocument = {
    value: document,
    origin,
    locate(path): SourceLocation {
      let best: { line: number; column: number } | undefined;
      for (let depth = path.length; depth > 0 && !best; depth--) best = positions.get(positionKey(path.slice(0, depth)));
      return best ? { file: origin, line: best.line, column: best.column, path: formatPath(path) } : { file: origin, path: formatPath(path) };
    },
    scalarText(path) {
      const value = nodeAt(path);
      // Written from memory: a number or boolean is exactly its JavaScript text.
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    },
    itemPositions(path) {
      const list = nodeAt(path);
      return Array.isArray(list) ? list.map((_, index) => positions.get(positionKey([...path, index]))) : [];
    },
  };
  return { kind, document, source, origin };
}
