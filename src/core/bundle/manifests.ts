/**
 * A component's manifests: read from the catalog, rendered as Go templates with the component's
 * final values, empty results dropped, basenames checked for collisions.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ComponentRef } from '../documents/types.js';
import { ErrorCode, invalidInput, wrapError, type AicrError } from '../errors.js';
import { compareStrings } from '../serialize.js';
import { findShapeProblem, type ShapeProblem } from './manifest-shape.js';
import { renderTemplate } from './template/index.js';
import type { OriginOf } from './value-origin.js';
import { indexVersion } from './versions.js';

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
    Chart: { Name: ref.chart || ref.name, Version: version === '' ? '0.1.0' : indexVersion(version) },
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

/** Manifest sources per catalog (immutable after load), read from disk once. */
const sources = new WeakMap<Catalog, Map<string, string>>();

function readCached(catalog: Catalog, path: string): string {
  let cache = sources.get(catalog);
  if (!cache) sources.set(catalog, (cache = new Map()));
  let text = cache.get(path);
  if (text === undefined) {
    text = catalog.readText(path);
    cache.set(path, text);
  }
  return text;
}

/**
 * Renders `paths` (processed in sorted order); empty results are dropped. A value that changes
 * a manifest's YAML structure is refused, named by `originOf`.
 */
export function renderManifests(catalog: Catalog, ref: ComponentRef, paths: readonly string[], data: Record<string, unknown>, field: string, originOf: OriginOf): RenderedManifest[] {
  const sorted = [...new Set(paths)].sort(compareStrings);
  const seen = new Map<string, string>();
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
  }
  const out: RenderedManifest[] = [];
  for (const [name, source] of seen) {
    let text: string;
    try {
      text = readCached(catalog, source);
    } catch (error) {
      throw wrapError(error, `component "${ref.name}": manifest "${source}" (from ${field}) cannot be read`, ErrorCode.NotFound);
    }
    const { text: content, spans } = renderTemplate(text, data, source);
    const problem = findShapeProblem(content, spans, source);
    if (problem) throw shapeError(ref, source, problem, originOf);
    if (isEmptyManifest(content)) continue;
    out.push({ source, name, content: content.endsWith('\n') ? content : `${content}\n` });
  }
  return out;
}

const SHOWN_VALUE_LENGTH = 80;

function shapeError(ref: ComponentRef, source: string, problem: ShapeProblem, originOf: OriginOf): AicrError {
  const origin = originOf(problem.value);
  const shown = JSON.stringify(problem.value.length > SHOWN_VALUE_LENGTH ? `${problem.value.slice(0, SHOWN_VALUE_LENGTH)}…` : problem.value);
  return invalidInput(`component "${ref.name}": ${origin.label} gives ${shown}, which ${problem.reason}, in manifest ${source} (template line ${problem.span.line}); a value may not change a manifest's structure`, {
    location: { file: source, line: problem.span.line },
    hint: 'give a plain value: one line, without "---", ": " or " #", not starting with & * ! - ? | > { [ # % @ ` or a quote; structured settings belong in the component\'s values',
    ...(origin.option ? { option: origin.option } : {}),
    details: { component: ref.name, manifest: source, origin: origin.label },
  });
}

/** A rendered manifest declares a Namespace (the wrapper chart then must not create it). */
export function declaresNamespace(manifests: readonly RenderedManifest[]): boolean {
  return manifests.some((manifest) => /^kind:[ \t]*Namespace[ \t]*$/m.test(manifest.content));
}

const HOOK_KEY = /^(\s*)(["']?)helm\.sh\/hook[A-Za-z0-9-]*\2\s*:(.*)$/;

/**
 * Removes `helm.sh/hook*` annotations: inside a generated wrapper chart the resources must be
 * ordinary release objects, not hooks that Helm would run once and never track. Works on lines
 * (the `metadata.annotations` block of each document) so everything else stays byte for byte;
 * an `annotations:` block left empty is removed too.
 */
export function stripHookAnnotations(text: string): string {
  if (!text.includes('helm.sh/hook')) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  let inMetadata = false;
  let metadataIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === '' || line.trimStart().startsWith('#');
    if (/^---/.test(line) || /^\.\.\./.test(line)) {
      inMetadata = false;
      out.push(line);
      continue;
    }
    if (!blank && indent === 0) {
      inMetadata = /^metadata:\s*$/.test(line);
      metadataIndent = -1;
    } else if (inMetadata && !blank && metadataIndent < 0) metadataIndent = indent;
    if (inMetadata && indent === metadataIndent && /^\s*annotations:\s*$/.test(line)) {
      // Collect the annotations block, drop hook keys (and block-scalar bodies under them).
      const block: string[] = [];
      let j = i + 1;
      let childIndent = -1;
      for (; j < lines.length; j++) {
        const next = lines[j]!;
        const nextIndent = next.length - next.trimStart().length;
        if (next.trim() !== '' && nextIndent <= indent) break;
        if (childIndent < 0 && next.trim() !== '') childIndent = nextIndent;
        const hook = HOOK_KEY.exec(next);
        if (hook && nextIndent === childIndent) {
          const value = hook[3]!.trim();
          if (/^[|>]/.test(value)) while (j + 1 < lines.length && (lines[j + 1]!.trim() === '' || lines[j + 1]!.length - lines[j + 1]!.trimStart().length > nextIndent)) j++;
          continue;
        }
        block.push(next);
      }
      if (block.some((entry) => entry.trim() !== '' && !entry.trimStart().startsWith('#'))) out.push(line, ...block);
      else out.push(...block.filter((entry) => entry.trim() === ''));
      i = j - 1;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
