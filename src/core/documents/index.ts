/**
 * The single door through which untrusted documents enter core: parse (with size and alias
 * limits), check against the JSON Schema of their kind, and report file, path and line on error.
 */
import { invalidInput, type SourceLocation, formatLocation } from '../errors.js';
import { excerpt, quoted } from '../safe-text.js';
import { parseSource } from './source.js';
import { formatPath, type ParsedDocument, type SourceDocument } from './source-types.js';
import type {
  ComponentRegistry,
  RecipeCriteriaDocument,
  RecipeMetadata,
  RecipeMixin,
  RecipeResult,
  Snapshot,
} from './types.js';
import type { CompiledValidator, SchemaError } from './generated/types.js';

export * from './types.js';
export {  parseDocumentSync, ensureYamlParser,    } from './parse.js';
export type { ParsedDocument,  SourceDocument } from './source-types.js';
;

export interface DocumentKinds {
  RecipeMetadata: RecipeMetadata;
  RecipeMixin: RecipeMixin;
  ComponentRegistry: ComponentRegistry;
  RecipeCriteria: RecipeCriteriaDocument;
  RecipeResult: RecipeResult;
  Snapshot: Snapshot;
}
export type DocumentKind = keyof DocumentKinds;

/** The schema file (schemas/<name>.schema.json) of each kind. */
const schemaNames: Record<DocumentKind, string> = {
  RecipeMetadata: 'recipe-metadata',
  RecipeMixin: 'recipe-mixin',
  ComponentRegistry: 'component-registry',
  RecipeCriteria: 'recipe-criteria',
  RecipeResult: 'recipe',
  Snapshot: 'snapshot',
};

// Precompiled validators, one module per kind, loaded on first use of that kind.
const loaders: Record<DocumentKind, () => Promise<{ default: CompiledValidator }>> = {
  RecipeMetadata: () => import('./generated/recipe-metadata.js'),
  RecipeMixin: () => import('./generated/recipe-mixin.js'),
  ComponentRegistry: () => import('./generated/component-registry.js'),
  RecipeCriteria: () => import('./generated/recipe-criteria.js'),
  RecipeResult: () => import('./generated/recipe.js'),
  Snapshot: () => import('./generated/snapshot.js'),
};
const validators = new Map<DocumentKind, CompiledValidator>();

/** Loads the validators of the given kinds (all kinds when none are named). */
export async function loadValidators(...kinds: DocumentKind[]): Promise<void> {
  const wanted = kinds.length ? kinds : (Object.keys(loaders) as DocumentKind[]);
  await Promise.all(wanted.filter((kind) => !validators.has(kind)).map(async (kind) => validators.set(kind, (await loaders[kind]()).default)));
}

/**
 * Parses `text` as a document of `kind` and checks it against the kind's schema. Block YAML and
 * JSON take fast paths; the general YAML parser loads only for documents outside them.
 */
export async function readDocument<K extends DocumentKind>(
  kind: K,
  text: string,
  origin: string,
): Promise<{ document: DocumentKinds[K]; parsed: SourceDocument }> {
  const [parsed] = await Promise.all([parseSource(text, origin), loadValidators(kind)]);
  const document = checkDocument(kind, parsed);
  return { document, parsed };
}

/** Schema-checks an already parsed document; validators must have been loaded. */
export function checkDocument<K extends DocumentKind>(kind: K, parsed: ParsedDocument): DocumentKinds[K] {
  const value = parsed.value;
  if (value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) {
    throw invalidInput(`${parsed.origin}: the ${kind} document is empty`, {
      location: { file: parsed.origin },
      hint: `pass a file that contains a ${kind} document`,
    });
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidInput(`${parsed.origin}: expected a ${kind} mapping, found ${describeType(value)}`, {
      location: { file: parsed.origin, line: 1 },
      hint: `pass a YAML or JSON ${kind} document`,
    });
  }
  const validate = validators.get(kind);
  if (!validate) throw new Error(`the ${kind} schema validator was used before it was loaded`);
  if (!validate(value)) {
    const error = validate.errors![0]!;
    throw schemaError(kind, parsed, error);
  }
  return value as DocumentKinds[K];
}

function schemaError(kind: DocumentKind, parsed: ParsedDocument, error: SchemaError): Error {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let target = path;
  let problem = error.message ?? 'is invalid';
  let hint = `see schemas/${fileNameFor(kind)} for the ${kind} format`;
  const actual = valueAt(parsed.value, path);
  switch (error.keyword) {
    case 'required':
      problem = `is missing the required field "${String(error.params.missingProperty)}"`;
      break;
    case 'additionalProperties':
      target = [...path, String(error.params.additionalProperty)];
      problem = `has the unknown field ${quoted(String(error.params.additionalProperty))}`;
      hint = `remove the field; ${kind} documents allow only the fields in schemas/${fileNameFor(kind)}`;
      break;
    case 'enum':
      problem = `is ${quoted(actual)}, allowed values: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'const':
      problem = `is ${quoted(actual)}, expected ${JSON.stringify(error.params.allowedValue)}`;
      break;
    case 'type':
      problem = `must be ${String(error.params.type).replace(',', ' or ')}, found ${describeType(actual)}`;
      if (String(error.params.type).startsWith('string') && (typeof actual === 'number' || typeof actual === 'boolean')) {
        hint = `quote the value (${quoted(String(actual))}) so YAML keeps it as text`;
      }
      break;
    default:
      problem = `${error.message ?? 'is invalid'}`;
  }
  const location: SourceLocation = parsed.locate(target);
  const where = formatLocation(location);
  const field = formatPath(target) || '(document)';
  return invalidInput(`${where}: ${kind} field ${excerpt(field)} ${problem}`, { location: { ...location, path: field }, hint });
}

function fileNameFor(kind: DocumentKind): string {
  return `${schemaNames[kind]}.schema.json`;
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return node;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${quoted(value)}`;
  return `the ${typeof value} ${String(value)}`;
}
