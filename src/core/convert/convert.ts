/**
 * `aicr convert`: rewrites the apiVersion of our documents to the current value of their kind
 * (documents/api-versions.ts). Only that one value changes: the edit splices the new scalar into
 * the exact character range of the old one (quotes kept), so comments, formatting and every
 * other byte stay as they were, and the result is parsed again to prove nothing else moved.
 */
import { isDeepStrictEqual } from 'node:util';
import type * as Yaml from 'yaml';
import { invalidInput } from '../errors.js';
import { quoted } from '../safe-text.js';
import { ensureYamlParser, parseDocumentSync } from '../documents/parse.js';
import { parseYamlDocuments, yamlLibrary } from '../documents/yaml-source.js';
import {
  API_VERSIONS,
  checkApiVersion,
  recipeMetadataApiVersion,
  recipeResultApiVersion,
  VERSIONED_KINDS,
  type VersionedKind,
} from '../documents/api-versions.js';

/** What converting one document did. */
export interface DocumentConversion {
  kind: VersionedKind;
  /** The value before; undefined when the document had none. */
  from?: string;
  to: string;
  /** 1-based line of the apiVersion after the edit. */
  line: number;
}

export interface ConvertedDocument {
  text: string;
  /** Undefined when the document already had a current apiVersion (text unchanged). */
  change?: DocumentConversion;
}

/** The kind a document declares, as one of ours (`Recipe` is a RecipeResult). */
function versionedKind(value: Record<string, unknown>, origin: string): VersionedKind {
  const kind = value.kind === 'Recipe' ? 'RecipeResult' : value.kind;
  if (typeof kind !== 'string' || kind === '') {
    throw invalidInput(`${origin}: the document has no kind, so its apiVersion cannot be chosen`, {
      location: { file: origin },
      hint: `add "kind:" (one of ${VERSIONED_KINDS.join(', ')}) and run convert again`,
    });
  }
  if (!(VERSIONED_KINDS as readonly string[]).includes(kind)) {
    throw invalidInput(`${origin}: kind ${quoted(kind)} is not an AICR document kind`, {
      location: { file: origin },
      hint: `convert rewrites ${VERSIONED_KINDS.join(', ')} documents`,
    });
  }
  return kind as VersionedKind;
}

/** Profile-bearing overlays and results (ADR-015) take their kind's profile version. */
function hasProfile(kind: VersionedKind, value: Record<string, unknown>): boolean {
  const section = (key: string): Record<string, unknown> | undefined => {
    const node = value[key];
    return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
  };
  if (kind === 'RecipeMetadata') return section('spec')?.profile !== undefined;
  if (kind === 'RecipeResult') return section('metadata')?.selectedProfile !== undefined;
  return false;
}

/** The value a document of `kind` should carry. */
function targetFor(kind: VersionedKind, value: Record<string, unknown>, current: unknown): string {
  if (typeof current === 'string' && Object.hasOwn(API_VERSIONS[kind].older, current)) return API_VERSIONS[kind].older[current]!;
  if (kind === 'RecipeMetadata') return recipeMetadataApiVersion(hasProfile(kind, value));
  if (kind === 'RecipeResult') return recipeResultApiVersion(hasProfile(kind, value));
  return API_VERSIONS[kind].current;
}

type Scalar = Yaml.Scalar & { range?: [number, number, number] | null };

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** The scalar text of `value` in the quoting style of the node it replaces. */
function scalarText(node: Scalar, value: string): string {
  if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (node.type === 'QUOTE_SINGLE') return `'${value}'`;
  return value;
}

/**
 * Converts one document's text. Throws an input error (exit code 2) for text that is not one
 * of our documents, an unknown apiVersion, or a layout the edit cannot make safely.
 */
export async function convertDocumentText(text: string, origin: string): Promise<ConvertedDocument> {
  await ensureYamlParser();
  const parsed = parseDocumentSync(text, origin);
  const value = parsed.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidInput(`${origin}: expected a document (a mapping with kind and apiVersion)`, { location: { file: origin }, hint: 'pass a YAML or JSON AICR document' });
  }
  const document = value as Record<string, unknown>;
  const kind = versionedKind(document, origin);
  const current = document.apiVersion;
  // Absent values are added below; unknown ones are refused with the reader's own message.
  if (current !== undefined && current !== null && current !== '') checkApiVersion(kind, current, origin, parsed.locate(['apiVersion']));
  const target = targetFor(kind, document, current);
  if (current === target) return { text };

  const YAML = yamlLibrary();
  const [yamlDocument] = parseYamlDocuments(text, origin, { uniqueKeys: false, strict: true, version: '1.2' });
  const root = yamlDocument?.contents;
  if (!YAML.isMap(root)) throw invalidInput(`${origin}: expected a mapping at the top of the document`, { location: { file: origin } });
  const pair = root.items.find((item) => YAML.isScalar(item.key) && item.key.value === 'apiVersion');
  let edited: string;
  let offset: number;
  if (pair && YAML.isScalar(pair.value) && (pair.value as Scalar).range) {
    const node = pair.value as Scalar;
    const [start, end] = node.range!;
    offset = start;
    edited = text.slice(0, start) + scalarText(node, target) + text.slice(end);
  } else if (pair && pair.value !== null && pair.value !== undefined && !(YAML.isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''))) {
    throw invalidInput(`${origin}: apiVersion is not a plain value`, { location: parsed.locate(['apiVersion']), hint: `write "apiVersion: ${target}" by hand` });
  } else {
    ({ edited, offset } = insertApiVersion(text, origin, root, pair, target, YAML));
  }
  const again = parseDocumentSync(edited, origin).value as Record<string, unknown>;
  if (again.apiVersion !== target || !isDeepStrictEqual({ ...again, apiVersion: undefined }, { ...document, apiVersion: undefined })) {
    throw invalidInput(`${origin}: the apiVersion could not be changed without touching other content`, { location: { file: origin }, hint: `write "apiVersion: ${target}" by hand` });
  }
  return { text: edited, change: { kind, ...(typeof current === 'string' && current !== '' ? { from: current } : {}), to: target, line: lineAt(edited, offset) } };
}

/**
 * An absent (or empty) apiVersion: in a block mapping, a new line `apiVersion: <target>` goes
 * right after the `kind:` line (or replaces the empty `apiVersion:` line's value).
 */
function insertApiVersion(text: string, origin: string, root: Yaml.YAMLMap, emptyPair: Yaml.Pair | undefined, target: string, YAML: typeof Yaml): { edited: string; offset: number } {
  const flow = (root as Yaml.YAMLMap & { flow?: boolean }).flow;
  const keyNode = (emptyPair?.key ?? root.items.find((item) => YAML.isScalar(item.key) && item.key.value === 'kind')?.key) as Scalar | undefined;
  const kindPair = root.items.find((item) => YAML.isScalar(item.key) && item.key.value === 'kind');
  if (flow || !keyNode?.range || (!emptyPair && !(kindPair && YAML.isScalar(kindPair.value) && (kindPair.value as Scalar).range))) {
    throw invalidInput(`${origin}: the document has no apiVersion and its layout does not allow adding one safely`, { location: { file: origin }, hint: `add "apiVersion: ${target}" by hand` });
  }
  const lineStart = text.lastIndexOf('\n', keyNode.range[0] - 1) + 1;
  const indent = text.slice(lineStart, keyNode.range[0]);
  if (!/^[ ]*$/.test(indent)) throw invalidInput(`${origin}: the document has no apiVersion and its layout does not allow adding one safely`, { location: { file: origin }, hint: `add "apiVersion: ${target}" by hand` });
  if (emptyPair) {
    // `apiVersion:` with nothing (or `""`/`''`) after it: the value goes after the colon.
    const node = emptyPair.value as Scalar | null;
    if (node?.range) return { edited: text.slice(0, node.range[0]) + scalarText(node, target) + text.slice(node.range[1]), offset: node.range[0] };
    const colon = text.indexOf(':', keyNode.range[1]);
    return { edited: `${text.slice(0, colon + 1)} ${target}${text.slice(colon + 1)}`, offset: colon + 2 };
  }
  const endOfKindLine = text.indexOf('\n', (kindPair!.value as Scalar).range![1]);
  const eol = endOfKindLine > 0 && text[endOfKindLine - 1] === '\r' ? '\r\n' : '\n';
  const at = endOfKindLine === -1 ? text.length : endOfKindLine + 1;
  const lead = endOfKindLine === -1 ? eol : '';
  return { edited: `${text.slice(0, at)}${lead}${indent}apiVersion: ${target}${eol}${text.slice(at)}`, offset: at + lead.length + indent.length };
}
