/**
 * A component's manifests: read from the catalog, rendered as Go templates with the component's
 * final values, empty results dropped, basenames checked for collisions.
 */
import type * as YamlNamespace from 'yaml';
import type { Catalog } from '../catalog/catalog.js';
import type { ComponentRef } from '../documents/types.js';
import { ErrorCode, invalidInput, wrapError } from '../errors.js';
import { compareStrings } from '../serialize.js';
import { renderTemplate } from './template.js';

export interface RenderedManifest {
  /** Catalog path it came from. */
  source: string;
  /** File name inside the folder's templates/. */
  name: string;
  content: string;
}

/** Template data upstream manifests expect: `.Values.<component>`, `.Release`, `.Chart`. */
export function manifestData(ref: ComponentRef, namespace: string, values: Record<string, unknown>): Record<string, unknown> {
  const version = ref.version ?? '';
  return {
    Values: { [ref.name]: values },
    Release: { Namespace: namespace, Service: 'Helm' },
    Chart: { Name: ref.chart || ref.name, Version: version === '' ? '0.1.0' : version.replace(/^v/, '') },
  };
}

/** True when the text has nothing but blank lines, `#` comments and `---` separators. */
export function isEmptyManifest(text: string): boolean {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---') continue;
    return false;
  }
  return true;
}

/** Renders `paths` (processed in sorted order); empty results are dropped. */
export function renderManifests(catalog: Catalog, ref: ComponentRef, paths: readonly string[], data: Record<string, unknown>, field: string): RenderedManifest[] {
  const sorted = [...new Set(paths)].sort(compareStrings);
  const seen = new Map<string, string>();
  const out: RenderedManifest[] = [];
  for (const source of sorted) {
    const name = source.slice(source.lastIndexOf('/') + 1);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw invalidInput(`component "${ref.name}": ${field} entry "${source}" has an unusable file name`, { hint: 'manifest file names may contain letters, digits, ".", "_" and "-" only' });
    }
    const previous = seen.get(name);
    if (previous !== undefined) {
      throw invalidInput(`manifest basename collision in component "${ref.name}": "${previous}" and "${source}" both resolve to "${name}"`, {
        hint: 'rename one of the manifest files; each component folder holds manifests by file name',
      });
    }
    seen.set(name, source);
    let text: string;
    try {
      text = catalog.readText(source);
    } catch (error) {
      throw wrapError(error, `component "${ref.name}": manifest "${source}" (from ${field}) cannot be read`, ErrorCode.NotFound);
    }
    const content = renderTemplate(text, data, source);
    if (isEmptyManifest(content)) continue;
    out.push({ source, name, content: content.endsWith('\n') ? content : `${content}\n` });
  }
  return out;
}

/** A rendered manifest declares a Namespace (the wrapper chart then must not create it). */
export function declaresNamespace(manifests: readonly RenderedManifest[]): boolean {
  return manifests.some((manifest) => /^kind:[ \t]*Namespace[ \t]*$/m.test(manifest.content));
}

const HOOK_ANNOTATION = /^\s*["']?helm\.sh\/hook[a-z-]*["']?\s*:/m;

/**
 * Removes `helm.sh/hook*` annotations: inside a generated wrapper chart the resources must be
 * ordinary release objects, not hooks that Helm would run once and never track.
 * Documents without such annotations are returned byte for byte.
 */
export function stripHookAnnotations(YAML: typeof YamlNamespace, text: string): string {
  if (!HOOK_ANNOTATION.test(text)) return text;
  return stripWith(YAML, text);
}

function stripWith(YAML: typeof YamlNamespace, text: string): string {
  const documents = YAML.parseAllDocuments(text, { version: '1.2' });
  if (!Array.isArray(documents)) return text;
  let changed = false;
  for (const document of documents) {
    if (document.errors.length > 0) return text;
    const annotations = document.getIn(['metadata', 'annotations']);
    if (!YAML.isMap(annotations)) continue;
    for (const pair of [...annotations.items]) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (key.startsWith('helm.sh/hook')) {
        annotations.delete(pair.key);
        changed = true;
      }
    }
    if (annotations.items.length === 0) document.deleteIn(['metadata', 'annotations']);
  }
  if (!changed) return text;
  const leading = /^(\s*---\s*\n)/.exec(text)?.[1] ?? '';
  const body = documents.map((document) => document.toString({ lineWidth: 0 })).join('---\n');
  return leading && !body.startsWith('---') ? `${leading}${body}` : body;
}
