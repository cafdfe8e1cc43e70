/**
 * The loaded recipe catalog: the base recipe, overlays, mixins and the component registry,
 * indexed for matching and frozen after load so no build can change another build's data.
 */
import { AicrError, ErrorCode, invalidInput, notFound, wrapError } from '../errors.js';
import { checkControlCharacters } from '../documents/control-chars.js';
import { checkDocument, ensureYamlParser, loadValidators, parseDocumentSync, type DocumentKind, type DocumentKinds } from '../documents/index.js';
import type { ComponentConfig, ComponentRegistry, RawCriteria, RecipeMetadata, RecipeMixin } from '../documents/types.js';
import { deepClone, deepFreeze } from '../util/objects.js';
import { CRITERIA_FIELDS, DeclaredCriteria, specificity } from '../criteria.js';
import { catalogFileRole } from './layout.js';
import { validateDependencies } from './order.js';
import type { DataSource, FileOrigin } from './source.js';
import { checkApiVersion, type ApiVersionNotice, type VersionedKind } from '../documents/api-versions.js';

export interface OverlayEntry {
  readonly name: string;
  /** Relative path of the file that defined it. */
  readonly path: string;
  readonly origin: FileOrigin;
  readonly document: RecipeMetadata;
  /** `null` when the overlay has no criteria (usable only as a parent). */
  readonly criteria: RawCriteria | null;
  readonly specificity: number;
  /** `spec.base`: the parent overlay (absent or `base` for the base recipe). */
  readonly base: string | undefined;
}

export interface MixinEntry {
  readonly name: string;
  readonly path: string;
  readonly document: RecipeMixin;
}

/** Parsed documents of one data source, keyed by relative path. */
export type DocumentReader = <K extends DocumentKind>(kind: K, path: string) => DocumentKinds[K] | undefined;

/**
 * Reads a document from a source. Returns undefined for a RecipeMetadata candidate whose kind
 * names another document type (those files are not overlays: e.g. validators/catalog.yaml).
 */
export function yamlDocumentReader(source: DataSource, notices?: ApiVersionNotice[]): DocumentReader {
  return (kind, path) => {
    const origin = source.origin === 'embedded' ? `recipes/${path}` : `${source.label.replace(/\/+$/, '')}/${path}`;
    const parsed = parseDocumentSync(source.readText(path), origin, { syntax: 'yaml' });
    if (source.origin !== 'embedded') checkControlCharacters(parsed, kind);
    const value = parsed.value as { kind?: unknown; apiVersion?: unknown } | null;
    if (kind === 'RecipeMetadata') {
      if (value && typeof value === 'object' && typeof value.kind === 'string' && value.kind !== '' && value.kind !== 'RecipeMetadata') {
        return undefined;
      }
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
      const location = Object.hasOwn(value, 'apiVersion') ? parsed.locate(['apiVersion']) : { file: origin };
      const notice = checkApiVersion(kind as VersionedKind, value.apiVersion, origin, location);
      if (notice) notices?.push(notice);
    }
    return checkDocument(kind, parsed);
  };
}

export interface CatalogLayer {
  source: DataSource;
  read: DocumentReader;
  /** Where `read` puts a notice for each document with an older apiVersion. */
  notices?: readonly ApiVersionNotice[];
  /** Values files parsed ahead of time (the precompiled embedded catalog), by relative path. */
  parsedValues?: (path: string) => unknown;
}

/** Loads a catalog from the embedded layer and an optional external layer over it. */
export async function loadCatalogLayers(embedded: CatalogLayer, external?: CatalogLayer): Promise<Catalog> {
  await Promise.all([ensureYamlParser(), loadValidators('RecipeMetadata', 'RecipeMixin', 'ComponentRegistry')]);
  return Catalog.fromLayers(embedded, external);
}

export class Catalog {
  private readonly chains = new Map<string, readonly string[] | AicrError>();
  private declared: DeclaredCriteria | undefined;

  private constructor(
    readonly base: RecipeMetadata,
    /** Every overlay but the base, by name. */
    readonly overlays: ReadonlyMap<string, OverlayEntry>,
    /** Overlays that have criteria, in load order (the candidates for matching). */
    readonly matchable: readonly OverlayEntry[],
    readonly mixins: ReadonlyMap<string, MixinEntry>,
    readonly registry: ComponentRegistry,
    readonly components: ReadonlyMap<string, ComponentConfig>,
    private readonly layers: { embedded: DataSource; external?: DataSource },
    private readonly parsedValues?: (path: string) => unknown,
    /** Documents of the catalog read with an older apiVersion, in load order. */
    readonly apiVersionNotices: readonly ApiVersionNotice[] = [],
  ) {}

  static fromLayers(embedded: CatalogLayer, external?: CatalogLayer): Catalog {
    const shadowed = new Set(external?.source.files ?? []);
    // External files first, then embedded files the external layer does not replace.
    const files: Array<{ path: string; layer: CatalogLayer }> = [];
    if (external) for (const path of external.source.files) files.push({ path, layer: external });
    for (const path of embedded.source.files) if (!shadowed.has(path)) files.push({ path, layer: embedded });

    let base: RecipeMetadata | undefined;
    const overlays = new Map<string, OverlayEntry>();
    const mixins = new Map<string, MixinEntry>();
    for (const { path, layer } of files) {
      // Only overlays and mixins are read here; files that are no part of a catalog (README.md,
      // upstream's evidence/) are never parsed, as upstream ignores them.
      const role = catalogFileRole(path);
      if (role === 'mixin') {
        const mixin = readOrWrap(layer, 'RecipeMixin', path);
        const name = mixin.metadata.name;
        const existing = mixins.get(name);
        if (existing) throw invalidInput(`duplicate mixin name "${name}" in ${path} (also defined in ${existing.path})`, { hint: 'give each mixin a unique metadata.name' });
        mixins.set(name, { name, path, document: deepFreeze(mixin) });
        continue;
      }
      if (role !== 'overlay') continue;
      const document = readOrWrap(layer, 'RecipeMetadata', path);
      if (!document) continue;
      normaliseSpec(document);
      deepFreeze(document);
      if (path === 'overlays/base.yaml') {
        base = document;
        continue;
      }
      const name = document.metadata.name;
      const existing = overlays.get(name);
      if (existing) {
        throw invalidInput(`overlay name "${name}" is defined twice: ${existing.path} (${existing.origin}) and ${path} (${layer.source.origin})`, {
          hint: existing.origin !== layer.source.origin
            ? `to replace the embedded overlay, put your file at ${existing.origin === 'embedded' ? existing.path : path} in the data directory`
            : 'give each overlay a unique metadata.name',
        });
      }
      const criteria = document.spec.criteria ?? null;
      overlays.set(name, { name, path, origin: layer.source.origin, document, criteria, specificity: criteria ? specificity(criteria) : -1, base: document.spec.base });
    }
    if (!base) {
      throw new AicrError(ErrorCode.Internal, 'base.yaml not found', { hint: 'the catalog needs overlays/base.yaml (the root of every recipe)' });
    }
    try {
      validateDependencies(base.spec.componentRefs ?? []);
    } catch (error) {
      throw wrapError(error, 'base recipe validation failed');
    }

    const registry = mergeRegistries(readRegistry(embedded), external ? readRegistry(external) : undefined);
    deepFreeze(registry);
    const components = new Map<string, ComponentConfig>();
    for (const component of registry.components) if (!components.has(component.name)) components.set(component.name, component);
    const matchable = [...overlays.values()].filter((overlay) => overlay.criteria !== null);
    const layers = external ? { embedded: embedded.source, external: external.source } : { embedded: embedded.source };
    const notices = [...(external?.notices ?? []), ...(embedded.notices ?? [])];
    return new Catalog(base, overlays, matchable, mixins, registry, components, layers, embedded.parsedValues, notices);
  }

  /**
   * The criteria values the overlays declare (admitted as input beyond the built-in lists),
   * collected on first use so commands that never parse criteria pay nothing.
   */
  get declaredCriteria(): DeclaredCriteria {
    if (!this.declared) {
      const declared = new DeclaredCriteria();
      for (const overlay of this.matchable) {
        for (const field of CRITERIA_FIELDS) declared.declare(field, overlay.criteria![field], overlay.origin);
      }
      this.declared = declared;
    }
    return this.declared;
  }

  /** Relative paths that come from the external `--data` layer, sorted. */
  get externalFiles(): string[] {
    return [...(this.layers.external?.files ?? [])].sort();
  }

  /** Reads a data file (values, manifests, …): the external layer wins by path. */
  readText(path: string): string {
    const layer = this.layerOf(path);
    if (!layer) throw notFound(`data file not found: ${path}`, { hint: 'check the valuesFile/manifestFiles path in the recipe (paths are relative to the catalog root)' });
    return layer.readText(path);
  }

  /**
   * A values file as a fresh mapping (an empty file gives `{}`). Throws with the file and line
   * when it is not YAML or not a mapping.
   */
  readValues(path: string): Record<string, unknown> {
    const layer = this.layerOf(path);
    if (!layer) throw notFound(`values file not found: ${path}`, { hint: 'check valuesFile in the recipe (paths are relative to the catalog root)' });
    let value = layer === this.layers.embedded ? this.parsedValues?.(path) : undefined;
    if (value === undefined && layer === this.layers.embedded && this.parsedValues) {
      // The precompiled catalog holds every embedded values file; anything else is not one.
      throw invalidInput(`${path} is not a values file of the catalog`, { hint: 'valuesFile must name a components/<name>/values*.yaml file' });
    }
    if (value === undefined) {
      const origin = layer.origin === 'embedded' ? `recipes/${path}` : `${layer.label.replace(/\/+$/, '')}/${path}`;
      const parsed = parseDocumentSync(layer.readText(path), origin, { syntax: 'yaml' });
      if (layer.origin !== 'embedded') checkControlCharacters(parsed, 'values');
      value = parsed.value;
    }
    if (value === null || value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalidInput(`${path}: a values file must hold a mapping of Helm values`, { hint: 'write the values as key: value pairs at the top level' });
    }
    return deepClone(value as Record<string, unknown>);
  }

  hasFile(path: string): boolean {
    return this.layerOf(path) !== undefined;
  }

  /** `embedded`, `external`, or `merged (embedded + external)` for the registry. */
  sourceOf(path: string): string {
    if (path === 'registry.yaml' && this.layers.external) return 'merged (embedded + external)';
    return this.layerOf(path)?.origin ?? 'missing';
  }

  private layerOf(path: string): DataSource | undefined {
    if (this.layers.external?.has(path)) return this.layers.external;
    return this.layers.embedded.has(path) ? this.layers.embedded : undefined;
  }

  /**
   * The inheritance chain of an overlay, root first, without the base recipe. Resolved on first
   * use (a broken `spec.base` only fails builds that use that overlay) and remembered.
   */
  chainOf(name: string): readonly string[] {
    let chain = this.chains.get(name);
    if (chain === undefined) {
      try {
        chain = resolveChain(this.overlays, name);
      } catch (error) {
        chain = error as AicrError;
      }
      this.chains.set(name, chain);
    }
    if (chain instanceof AicrError) throw chain;
    return chain;
  }
}

function readOrWrap<K extends DocumentKind>(layer: CatalogLayer, kind: K, path: string): DocumentKinds[K] {
  try {
    return layer.read(kind, path) as DocumentKinds[K];
  } catch (error) {
    throw wrapError(error, `failed to parse ${path}`, ErrorCode.InvalidInput);
  }
}

/** Treats explicit nulls in a spec as absent, so merging never meets a null list. */
function normaliseSpec(document: RecipeMetadata): void {
  const mutable = document as { spec?: unknown };
  if (mutable.spec === null || mutable.spec === undefined) mutable.spec = {};
  const spec = document.spec as Record<string, unknown>;
  for (const key of ['constraints', 'componentRefs', 'mixins', 'validation', 'base']) if (spec[key] === null) delete spec[key];
}

function readRegistry(layer: CatalogLayer): ComponentRegistry {
  try {
    const registry = layer.read('ComponentRegistry', 'registry.yaml');
    if (!registry) throw invalidInput('registry.yaml is not a ComponentRegistry');
    for (const component of registry.components) checkRegistryEntry(component);
    return registry;
  } catch (error) {
    throw wrapError(error, `failed to parse ${layer.source.origin} registry`, ErrorCode.InvalidInput);
  }
}

/** `deployer` is the --set key of deployer options, never a component's. */
const RESERVED_OVERRIDE_KEY = 'deployer';

/** Entries upstream refuses at load: the reserved override key, Kustomize with manifestFiles. */
function checkRegistryEntry(component: ComponentConfig): void {
  if (component.name === RESERVED_OVERRIDE_KEY) {
    throw invalidInput(`registry component "${component.name}" uses the reserved override key "${RESERVED_OVERRIDE_KEY}" as its name`, {
      hint: `"${RESERVED_OVERRIDE_KEY}" is kept for --set ${RESERVED_OVERRIDE_KEY}:<key> deployer options; rename the component`,
    });
  }
  if (component.valueOverrideKeys?.includes(RESERVED_OVERRIDE_KEY)) {
    throw invalidInput(`registry component "${component.name}" declares the reserved override key "${RESERVED_OVERRIDE_KEY}"`, {
      hint: `"${RESERVED_OVERRIDE_KEY}" is kept for --set ${RESERVED_OVERRIDE_KEY}:<key> deployer options; remove it from valueOverrideKeys`,
    });
  }
  if (component.kustomize?.defaultSource && (component.manifestFiles ?? []).length > 0) {
    throw invalidInput(`registry component "${component.name}" is Kustomize but declares manifestFiles`, {
      hint: 'a component is either Kustomize (source, tag, path) or Helm with raw manifests; registry manifestFiles apply to Helm components only',
    });
  }
}

/** External entries replace embedded ones of the same name; new names are appended. */
function mergeRegistries(embedded: ComponentRegistry, external?: ComponentRegistry): ComponentRegistry {
  if (!external) return embedded;
  const replacements = new Map(external.components.map((component) => [component.name, component]));
  const components = embedded.components.map((component) => replacements.get(component.name) ?? component);
  const known = new Set(embedded.components.map((component) => component.name));
  for (const component of external.components) if (!known.has(component.name)) components.push(component);
  const merged: ComponentRegistry = { components };
  if (embedded.apiVersion !== undefined) merged.apiVersion = embedded.apiVersion;
  if (embedded.kind !== undefined) merged.kind = embedded.kind;
  return merged;
}

function resolveChain(overlays: ReadonlyMap<string, OverlayEntry>, name: string): string[] {
  const seen = new Set<string>();
  const chain: string[] = [];
  let current: string | undefined = name;
  while (current !== undefined && current !== '' && current !== 'base') {
    if (seen.has(current)) {
      throw wrapError(
        invalidInput(`circular inheritance detected: recipe "${current}" references itself in inheritance chain`, {
          hint: `break the cycle in the spec.base fields of: ${[...seen].join(' -> ')} -> ${current}`,
        }),
        'failed to resolve inheritance chain',
      );
    }
    seen.add(current);
    const overlay = overlays.get(current);
    if (!overlay) {
      throw wrapError(
        notFound(`recipe "${current}" not found (referenced in inheritance chain)`, {
          hint: `add an overlay named "${current}" or fix spec.base in ${chain.length ? overlays.get(chain[chain.length - 1]!)!.path : 'the overlay'}`,
        }),
        'failed to resolve inheritance chain',
      );
    }
    chain.push(current);
    current = overlay.document.spec.base;
  }
  return chain.reverse();
}
