/**
 * Container image references in YAML (rendered charts, manifests, values files), found the way
 * upstream's bill-of-materials scanner finds them:
 * - `image: <ref>` scalars, combined with sibling `repository:` and `version:` scalars (the
 *   CRD style of operators such as gpu-operator) and a sibling `containerSHA:` digest;
 * - `image:` and `scalingPodImage:` mappings of `repository`/`tag` (or `name`/`repository`/`tag`);
 *   a `registry:` or `digest:` member, or a null/empty member other than `tag`, is an error,
 *   so a list known to be incomplete is never printed. Values files (read when no chart is
 *   rendered) are the exception for `digest:`: it is the charts' own pin (k8s-aibom's values),
 *   so it is appended as `@<digest>` instead of the rendered reference nobody can see;
 * - `{{ … }}` template actions are blanked first, and a value still holding one is no image.
 * A reference counts when it has a tag or digest, or starts with a registry host.
 */
import type * as Yaml from 'yaml';
import { invalidInput } from '../errors.js';
import { quoted } from '../safe-text.js';
import { compareStrings } from '../serialize.js';
import { loadYaml, parseYamlDocuments, yamlLibrary } from '../documents/yaml-source.js';

const TEMPLATE_ACTION = /\{\{[^{}]*\}\}/g;
const PLACEHOLDER = '_aicr_helm_template_';
const CONTAINER_SHA = /^sha256:[a-f0-9]{64}$/;

/** Blanks template actions: a line that was only actions becomes empty, others get a placeholder. */
function stripTemplates(text: string): string {
  return text.split('\n').map((line) => {
    if (!line.includes('{{')) return line;
    const stripped = line.replace(TEMPLATE_ACTION, '');
    return stripped.trim() === '' ? '' : line.replace(TEMPLATE_ACTION, PLACEHOLDER);
  }).join('\n');
}

const isRegistryHost = (segment: string): boolean => segment === 'localhost' || /[.:]/.test(segment);

function combine(image: string, repository: string, version: string): string {
  let out = image;
  if (repository !== '') {
    const slash = image.indexOf('/');
    if (slash < 0 || !isRegistryHost(image.slice(0, slash))) out = `${repository.replace(/\/+$/, '')}/${image.replace(/^\/+/, '')}`;
  }
  const colon = out.lastIndexOf(':');
  const hasTag = colon >= 0 && !out.slice(colon + 1).includes('/');
  if (version !== '' && !hasTag && !out.includes('@')) out = `${out}:${version}`;
  return out;
}

function isLikelyImage(value: string): boolean {
  if (value === '' || value === 'null' || /^(true|false)$/i.test(value)) return false;
  if (value.includes('{{') || value.includes('}}') || value.includes(PLACEHOLDER)) return false;
  if (value.startsWith('/') || value.startsWith('./')) return false;
  const hasTagOrDigest = value.includes('@') || value.lastIndexOf(':') > value.lastIndexOf('/');
  return hasTagOrDigest || isRegistryHost(value.split('/')[0]!);
}

export class ImageScanError extends Error {}

interface Scan {
  YAML: typeof Yaml;
  seen: Set<string>;
  where: string;
  lineOf: (node: Yaml.Node) => number;
  /** Nodes left to visit: aliases are followed, so a document of nested aliases cannot run away. */
  budget: number;
  /** Appends a mapping's `digest:` member as `@<digest>` (values files) instead of refusing it. */
  pinDigests: boolean;
}

/** Nodes one text may make the scanner visit (aliases counted each time they are followed). */
const MAX_VISITS = 1_000_000;

/** What an alias points at; resolving one searches the document, so each is resolved once. */
const resolved = new WeakMap<object, unknown>();
function resolveAlias(YAML: typeof Yaml, node: unknown, doc: Yaml.Document): unknown {
  if (!YAML.isAlias(node)) return node;
  if (!resolved.has(node)) resolved.set(node, node.resolve(doc));
  return resolved.get(node);
}

function scalarText(YAML: typeof Yaml, node: unknown): string | undefined {
  if (!YAML.isScalar(node)) return undefined;
  return node.value === null ? undefined : String(node.value).trim();
}

/** An `image:` mapping as one reference ('' when it names nothing). */
function fromMapping(scan: Scan, map: Yaml.YAMLMap, doc: Yaml.Document): string {
  const { YAML } = scan;
  let name = '';
  let repository = '';
  let tag = '';
  let digest = '';
  let namePresent = false;
  for (const pair of map.items) {
    const key = scalarText(YAML, pair.key);
    if (key === 'digest' && scan.pinDigests) {
      const value = resolveAlias(YAML, pair.value, doc);
      const text = YAML.isScalar(value) ? scalarText(YAML, value) ?? '' : undefined;
      if (text === undefined || (text !== '' && !CONTAINER_SHA.test(text))) {
        throw new ImageScanError(`${scan.where}: image descriptor field "digest" at line ${scan.lineOf(pair.key as Yaml.Node)} is not sha256:<64 lower-case hex digits>`);
      }
      digest = text;
      continue;
    }
    if (key === 'registry' || key === 'digest') {
      throw new ImageScanError(`${scan.where}: image descriptor field ${quoted(key)} at line ${scan.lineOf(pair.key as Yaml.Node)} is not combined into the reference; fold it into repository or tag`);
    }
    if (key !== 'name' && key !== 'repository' && key !== 'tag') continue;
    const value = resolveAlias(YAML, pair.value, doc);
    const text = scalarText(YAML, value);
    if (text === undefined || text === '' || !YAML.isScalar(value)) {
      if (key === 'tag' && (value === null || (YAML.isScalar(value) && (value.value === null || String(value.value).trim() === '')))) continue;
      throw new ImageScanError(`${scan.where}: image descriptor field ${quoted(key)} at line ${scan.lineOf(pair.key as Yaml.Node)} must be a non-null, non-empty scalar`);
    }
    if (key === 'name') {
      namePresent = true;
      name = text;
    } else if (key === 'repository') repository = text;
    else tag = text;
  }
  if (!namePresent) {
    name = repository.replace(/\/+$/, '');
    repository = '';
  }
  if (name === '') return '';
  const reference = combine(name, repository, tag);
  return digest !== '' && !reference.includes('@') ? `${reference}@${digest}` : reference;
}

function walk(scan: Scan, node: unknown, doc: Yaml.Document): void {
  const { YAML, seen } = scan;
  if (--scan.budget < 0) throw new ImageScanError(`${scan.where}: more than ${MAX_VISITS} YAML nodes to visit (aliases included); not scanned`);
  if (YAML.isMap(node)) {
    let image = '';
    let repository = '';
    let version = '';
    let sha = '';
    for (const pair of node.items) {
      const key = scalarText(YAML, pair.key) ?? '';
      const target = resolveAlias(YAML, pair.value, doc);
      if ((key === 'image' || key === 'scalingPodImage') && YAML.isMap(target)) {
        const reference = fromMapping(scan, target, doc);
        if (isLikelyImage(reference)) seen.add(reference);
        continue;
      }
      const text = YAML.isScalar(target) ? scalarText(YAML, target) : undefined;
      if (text === undefined) continue;
      if (key === 'image') image = text;
      else if (key === 'repository') repository = text;
      else if (key === 'version') version = text;
      else if (key === 'containerSHA') sha = text;
    }
    if (image !== '') {
      let reference = combine(image, repository, version);
      if (sha !== '' && !reference.includes('@')) {
        if (!CONTAINER_SHA.test(sha)) throw new ImageScanError(`${scan.where}: containerSHA ${quoted(sha)} for image ${quoted(reference)} is not sha256:<64 lower-case hex digits>`);
        reference = `${reference}@${sha}`;
      }
      if (isLikelyImage(reference)) seen.add(reference);
    }
    // Structured image mappings were taken whole above; everything else is searched further.
    for (const pair of node.items) walk(scan, resolveAlias(YAML, pair.value, doc), doc);
  } else if (YAML.isSeq(node)) {
    for (const item of node.items) walk(scan, resolveAlias(YAML, item, doc), doc);
  }
}

/**
 * The image references in `text` (one or more YAML documents), sorted and unique. A document
 * that is not YAML is a warning for the caller (ImageScanError); a malformed structured image
 * descriptor is an input error (exit 2).
 */
export async function extractImages(text: string, where: string, options: { pinDigests?: boolean } = {}): Promise<string[]> {
  await loadYaml();
  const YAML = yamlLibrary();
  const source = stripTemplates(text);
  const lineCounter = new YAML.LineCounter();
  let list: Yaml.Document.Parsed[];
  try {
    list = parseYamlDocuments(source, where, { lineCounter, uniqueKeys: false });
  } catch (error) {
    throw new ImageScanError(`${where}: ${(error as Error).message}`);
  }
  const seen = new Set<string>();
  for (const doc of list) {
    if (doc.errors.length > 0) throw new ImageScanError(`${where}: not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
    const scan: Scan = { YAML, seen, where, budget: MAX_VISITS, pinDigests: options.pinDigests === true, lineOf: (node) => (node.range ? lineCounter.linePos(node.range[0]).line : 0) };
    try {
      walk(scan, doc.contents, doc);
    } catch (error) {
      if (error instanceof ImageScanError && /image descriptor|containerSHA/.test(error.message)) {
        throw invalidInput(`invalid structured image descriptor: ${error.message}`, { hint: 'write the image as repository and tag members (fold registry into repository, digest into tag), so the mirror list is complete' });
      }
      throw error;
    }
  }
  return [...seen].sort(compareStrings);
}
