/**
 * The bundle plan: which components go in, in what order, with which values and manifests,
 * split into numbered folders. Deployers only turn a plan into files.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ComponentConfig, ComponentRef, RecipeResult } from '../documents/types.js';
import { invalidInput, notFound, wrapError } from '../errors.js';
import { hydrateValues } from '../recipe/query.js';
import { compareStrings } from '../serialize.js';
import { deepClone } from '../util/objects.js';
import { VERSION } from '../version.js';
import { declaresNamespace, manifestData, renderManifests, stripHookAnnotations } from './manifests.js';
import { injectScheduling, parseScheduling } from './scheduling.js';
import { injectStorageClasses, missingStorageClassWarnings, parseStorageClass } from './storage.js';
import { runComponentValidations, validationError, type ResolvedComponent } from './validations/index.js';
import { gkeCriticalPriorityQuota } from './gke-quota.js';
import { allocationPolicyWarnings } from './allocation-policy.js';
import { materializeSlinkySharedStorage, SLINKY_COMPONENT, supportsSharedStorage } from './slinky-storage.js';
import { coerceSetValue, overridesFor, parseGoBool, parseSetFlags, setPath, type SetOverride } from './set.js';
import type { BundleOptions, BundlePlan, ChartSource, Folder, PlannedComponent, ValidationFinding } from './types.js';
import { parseRepoPath } from './repo-path.js';
import { originFinder } from './value-origin.js';
import { applicationOrder, applyTypedOverride, parseTypedFlags, type TypedOverride } from './typed-set.js';
import { parseDynamicFlags, splitDynamic, type DynamicPath } from './dynamic.js';
import { checkReadinessDeployer, READINESS_SUFFIX, readinessGate } from './readiness.js';
import { ensureYamlParser } from '../documents/parse.js';
import { optionRef } from '../option-refs.js';
import { quoted } from '../safe-text.js';
import { checkProfileLock } from './profile-lock.js';
import { checkAccountingOverrides, checkAccountingValues, checkRecipeConfiguration } from './accounting.js';
import { isComponentEnabled } from '../recipe/configuration.js';

const PLACEHOLDER_REPO = 'https://github.com/YOUR-ORG/YOUR-REPO.git';
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Helm's limit for release names. */
const MAX_RELEASE_NAME = 53;
const MAX_FOLDERS = 999;

/** The aliases `--set` accepts for a component: its registry `valueOverrideKeys`. */
function aliasesOf(config: ComponentConfig | undefined): string[] {
  return [...(config?.valueOverrideKeys ?? [])];
}

interface Selection {
  included: ComponentRef[];
  /** Overrides by component name, `enabled` removed. */
  overrides: Map<string, SetOverride[]>;
  /** `--set-json` and `--set-file` overrides by component name, in application order. */
  typed: Map<string, TypedOverride[]>;
  /** `--dynamic` paths by component name (sorted, once each). */
  dynamic: Map<string, DynamicDeclaration[]>;
  notes: string[];
}

type DynamicDeclaration = DynamicPath & { dynamic: true };
type AnyOverride = SetOverride | TypedOverride | DynamicDeclaration;

/** How an override names itself in a "cannot take effect" message. */
function flagOf(override: AnyOverride): string {
  if ('dynamic' in override) return optionRef('dynamic');
  return optionRef('source' in override ? override.source : 'set');
}

/** Resolves each override key to a recipe component and applies `enabled` overrides. */
function selectComponents(recipe: RecipeResult, catalog: Catalog, overrides: readonly SetOverride[], typedOverrides: readonly TypedOverride[] = [], dynamicPaths: readonly DynamicPath[] = []): Selection {
  const refs = recipe.componentRefs ?? [];
  const byName = new Map(refs.map((ref) => [ref.name, ref]));
  const aliasOwner = new Map<string, string>();
  for (const ref of refs) for (const alias of aliasesOf(catalog.components.get(ref.name))) if (!aliasOwner.has(alias)) aliasOwner.set(alias, ref.name);
  const declared = refs.map((ref) => ref.name).join(', ');
  const ownerOf = (override: AnyOverride): string => {
    const owner = byName.has(override.key) ? override.key : aliasOwner.get(override.key);
    if (owner === undefined) {
      throw invalidInput(`${flagOf(override)} ${override.key}:${override.path} cannot take effect: unknown component "${override.key}"; recipe declares: ${declared}`, {
        hint: 'use a component name from the recipe (or one of its registry valueOverrideKeys aliases)',
      });
    }
    return owner;
  };
  const perComponent = new Map<string, SetOverride[]>();
  for (const override of overrides) {
    const owner = ownerOf(override);
    perComponent.set(owner, [...(perComponent.get(owner) ?? []), override]);
  }
  const typedPerComponent = new Map<string, TypedOverride[]>();
  for (const override of typedOverrides) {
    const owner = ownerOf(override);
    typedPerComponent.set(owner, [...(typedPerComponent.get(owner) ?? []), override]);
  }
  const dynamicPerComponent = new Map<string, DynamicDeclaration[]>();
  for (const declaration of dynamicPaths) {
    const owner = ownerOf({ ...declaration, dynamic: true });
    dynamicPerComponent.set(owner, [...(dynamicPerComponent.get(owner) ?? []), { ...declaration, dynamic: true }]);
  }
  const typed = new Map<string, TypedOverride[]>();
  const dynamic = new Map<string, DynamicDeclaration[]>();
  const included: ComponentRef[] = [];
  const result = new Map<string, SetOverride[]>();
  const notes: string[] = [];
  for (const ref of refs) {
    const aliases = aliasesOf(catalog.components.get(ref.name));
    const mine = overridesFor(perComponent.get(ref.name) ?? [], ref.name, aliases);
    const enabledOverride = mine.find((override) => override.path === 'enabled');
    const rest = mine.filter((override) => override.path !== 'enabled');
    for (const gate of ['enabled', 'install']) {
      const value = ref.overrides?.[gate];
      if (value !== undefined && typeof value !== 'boolean') notes.push(`component "${ref.name}": overrides.${gate} is not a boolean, treating the component as enabled`);
    }
    // Upstream's IsEnabled: `install: false` (written by the recipe's configuration) removes a component like `enabled: false`.
    const recipeDisabled = !isComponentEnabled(ref);
    let reason: string | undefined = recipeDisabled ? 'the recipe disables it' : undefined;
    if (enabledOverride) {
      const enabled = parseGoBool(enabledOverride.raw);
      if (enabled === undefined) {
        throw invalidInput(`invalid ${optionRef('set')} enabled value ${quoted(enabledOverride.raw)} for component "${ref.name}"`, { hint: `write ${optionRef('set')} ${enabledOverride.key}:enabled=true or =false` });
      }
      if (enabled && recipeDisabled) {
        throw invalidInput(`component "${ref.name}" is disabled by the recipe and cannot be re-enabled with ${optionRef('set')} ${enabledOverride.key}:enabled=true`, {
          hint: 'resolve a recipe that includes the component, or edit the recipe',
        });
      }
      if (!enabled) reason = 'an enabled=false value override removed it';
    }
    const mineTyped = applicationOrder(overridesFor(typedPerComponent.get(ref.name) ?? [], ref.name, aliases));
    const mineDynamic = overridesFor(dynamicPerComponent.get(ref.name) ?? [], ref.name, aliases);
    if (reason !== undefined) {
      // Only a scalar enabled=false is exempt (it is how a component is removed); a dynamic path never is.
      const blocked = rest[0] ?? mineTyped[0] ?? mineDynamic[0];
      if (blocked) throw cannotTakeEffect(blocked, ref.name, reason);
      notes.push(`component "${ref.name}" skipped: ${reason}`);
      continue;
    }
    included.push(ref);
    result.set(ref.name, rest);
    typed.set(ref.name, mineTyped);
    dynamic.set(ref.name, mineDynamic);
  }
  return { included, overrides: result, typed, dynamic, notes };
}

/** An override whose component is not in the bundle: refused rather than silently dropped (upstream's rule). */
function cannotTakeEffect(override: AnyOverride, component: string, reason: string): Error {
  return invalidInput(`${flagOf(override)} ${override.key}:${override.path} cannot take effect: component "${component}" is not in the generated bundle because ${reason}`, {
    hint: 'drop the override, or keep the component in the bundle',
  });
}

/** Bundle order: `deploymentOrder` first, then components it does not list, by name. */
export function orderComponents<T extends { name: string }>(items: readonly T[], deploymentOrder: readonly string[] | undefined): T[] {
  const byName = new Map(items.map((item) => [item.name, item]));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const name of deploymentOrder ?? []) {
    const item = byName.get(name);
    if (item && !seen.has(name)) {
      out.push(item);
      seen.add(name);
    }
  }
  const rest = items.filter((item) => !seen.has(item.name));
  if ((deploymentOrder ?? []).length > 0) rest.sort((a, b) => compareStrings(a.name, b.name));
  return [...out, ...rest];
}

function checkName(name: string, what: string): void {
  if (!DNS1123_LABEL.test(name) || name.length > 63) {
    throw invalidInput(`invalid ${what} ${quoted(name)}: must be a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters)`, {
      hint: 'component names become folder names, Helm release names and Kubernetes object names; rename it in the recipe',
    });
  }
}

function chartSource(ref: ComponentRef): ChartSource {
  const name = ref.chart || ref.name;
  const repo = ref.source ?? '';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw invalidInput(`component "${ref.name}": invalid chart name ${quoted(name)}`, { hint: 'a chart name holds letters, digits, ".", "_" and "-" and starts with a letter or digit' });
  }
  if (!/^(https?|oci):\/\/[^\s'"`$\\{}]+$/.test(repo)) {
    throw invalidInput(`component "${ref.name}": invalid chart source ${quoted(repo)}`, { hint: 'the source must be an https://, http:// or oci:// URL without spaces or quotes' });
  }
  const version = ref.version ?? '';
  if (!/^[A-Za-z0-9.+_~<>=^*, |-]*$/.test(version)) {
    throw invalidInput(`component "${ref.name}": invalid chart version ${quoted(version)}`, { hint: 'a version is text such as v1.2.3 or a range such as ">=1.2 <2"; quotes, braces, "$" and "\\" are not allowed' });
  }
  return { name, repo, version, oci: repo.startsWith('oci://') };
}

/**
 * Hydrated values per catalog: the catalog is immutable after load, so the layering of the same
 * component reference (values files + recipe overrides) always gives the same map. Bundling the
 * same recipe again (another deployer, a server) then skips re-parsing the values files.
 */
const hydrated = new WeakMap<Catalog, Map<string, Record<string, unknown>>>();

function hydrateCached(catalog: Catalog, ref: ComponentRef): Record<string, unknown> {
  let cache = hydrated.get(catalog);
  if (!cache) hydrated.set(catalog, (cache = new Map()));
  const key = `${ref.name}\u0000${ref.valuesFile ?? ''}\u0000${JSON.stringify(ref.overrides ?? null)}`;
  let values = cache.get(key);
  if (!values) {
    values = hydrateValues(catalog, ref);
    cache.set(key, values);
  }
  return deepClone(values);
}

/** Runs the registry's bundle-time validations on the final values; a blocking finding throws. */
function validateComponents(recipe: RecipeResult, catalog: Catalog, components: readonly PlannedComponent[], overrides: readonly SetOverride[], scheduling: ReturnType<typeof parseScheduling>): ValidationFinding[] {
  const included = new Map<string, ResolvedComponent>(components.map((component) => [component.name, { ref: component.ref, config: component.config, values: component.values }]));
  const outcome = runComponentValidations({
    criteria: recipe.criteria,
    metadata: (recipe.metadata ?? {}) as Record<string, unknown>,
    configuration: (recipe as unknown as { configuration?: unknown }).configuration,
    included,
    declared: recipe.componentRefs,
    overrides,
    scheduling,
    keysOf: (name) => [name, ...aliasesOf(catalog.components.get(name)).filter((alias) => alias !== name)],
  });
  if (outcome.error) throw validationError(outcome.error, outcome.warnings);
  return outcome.warnings;
}

export interface PlanInput {
  recipe: RecipeResult;
  catalog: Catalog;
  options: BundleOptions;
}

/** Builds the plan; every bad input is an AicrError naming the component and the fix. */
export async function planBundle({ recipe, catalog, options }: PlanInput): Promise<BundlePlan> {
  if (!recipe.componentRefs || recipe.componentRefs.length === 0) {
    throw invalidInput('recipe must contain at least one component reference', { hint: 'resolve a recipe with aicr recipe; its componentRefs list the components to bundle' });
  }
  const scheduling = parseScheduling(options);
  const storageClasses = { storageClass: parseStorageClass(options.storageClass, 'storage-class'), sharedStorageClass: parseStorageClass(options.sharedStorageClass, 'shared-storage-class') };
  const overrides = parseSetFlags(options.set ?? []);
  if ((options.setFile ?? []).length > 0) await ensureYamlParser();
  const typedOverrides = parseTypedFlags(options.setFile ?? [], options.setJson ?? [], options.workspace);
  const dynamicPaths = parseDynamicFlags(options.dynamic ?? []);
  if (dynamicPaths.length > 0 && options.deployer === 'argocd') {
    throw invalidInput(`${optionRef('dynamic')} is not supported with deployer "argocd": its Applications carry every value, with nothing left to install time`, {
      hint: `use deployer argocdhelm, whose chart takes install-time values, or drop ${optionRef('dynamic')}`,
      option: 'dynamic',
    });
  }
  const accountingMode = checkRecipeConfiguration(recipe);
  const accountingNotes = checkAccountingOverrides(accountingMode, catalog, [
    ...overrides.map((override) => ({ flag: 'set' as const, key: override.key, path: override.path })),
    ...typedOverrides.map((override) => ({ flag: override.source, key: override.key, path: override.path })),
    ...dynamicPaths.map((declaration) => ({ flag: 'dynamic' as const, key: declaration.key, path: declaration.path })),
  ]);
  const selection = selectComponents(recipe, catalog, overrides, typedOverrides, dynamicPaths);
  if (options.readinessHooks) {
    checkReadinessDeployer(options.deployer);
    const reserved = selection.included.find((ref) => ref.name.endsWith(READINESS_SUFFIX));
    if (reserved) {
      throw invalidInput(`component "${reserved.name}" ends in "${READINESS_SUFFIX}", which ${optionRef('readiness-hooks')} reserves for the gate folders it adds`, { hint: 'rename the component, or bundle without readiness hooks' });
    }
  }
  const notes = [...accountingNotes, ...selection.notes, ...allocationPolicyWarnings(overrides, (name) => aliasesOf(catalog.components.get(name)))];
  if (selection.included.length === 0) throw invalidInput('recipe has no enabled components after filtering', { hint: `enable at least one component (check overrides.enabled and ${optionRef('set')} <component>:enabled)` });
  const ordered = orderComponents(selection.included, recipe.deploymentOrder);
  // Rendered manifests are checked with the YAML parser (see manifest-shape.ts).
  if (ordered.some((ref) => (ref.manifestFiles ?? []).length > 0 || (ref.preManifestFiles ?? []).length > 0)) await ensureYamlParser();
  const components: PlannedComponent[] = [];
  /** Each component's final values before install-time (`--dynamic`) paths are split off. */
  const finalValues = new Map<string, Record<string, unknown>>();
  const declaredNames = new Set(ordered.map((ref) => ref.name));

  for (const ref of ordered) {
    checkName(ref.name, 'component name');
    const config = catalog.components.get(ref.name);
    if (!config) {
      throw notFound(`component "${ref.name}" is not in the component registry`, {
        hint: `use a recipe made from this catalog, or add the component to registry.yaml of a ${optionRef('data')} directory`,
      });
    }
    const namespace = ref.namespace || config.helm?.defaultNamespace || (config.manifest as { defaultNamespace?: string } | undefined)?.defaultNamespace || '';
    if (namespace === '') throw invalidInput(`component "${ref.name}" has no namespace`, { hint: 'set namespace on the componentRef (or helm.defaultNamespace in the registry)' });
    checkName(namespace, `namespace of component "${ref.name}"`);

    let values: Record<string, unknown>;
    try {
      values = hydrateCached(catalog, ref);
    } catch (error) {
      throw wrapError(error, `failed to resolve values for component "${ref.name}"`);
    }
    for (const override of selection.overrides.get(ref.name) ?? []) {
      setPath(values, override.path, coerceSetValue(override.raw), true, `${optionRef('set')} ${override.key}:${override.path}: `);
    }
    const dynamic = selection.dynamic.get(ref.name) ?? [];
    injectScheduling(values, config, scheduling, new Set(dynamic.map((declaration) => declaration.path)));
    const typed = selection.typed.get(ref.name) ?? [];
    const setPaths = new Set([...(selection.overrides.get(ref.name) ?? []), ...typed].map((override) => override.path));
    injectStorageClasses(values, config, storageClasses, setPaths);
    if (ref.name === SLINKY_COMPONENT) materializeSlinkySharedStorage(values, supportsSharedStorage(ref.preManifestFiles));
    // Typed overrides come last, so they win over values, --set and the scheduling flags.
    for (const override of typed) applyTypedOverride(values, override);

    const data = manifestData(ref, namespace, values);
    const originOf = originFinder(ref, `componentRefs[${recipe.componentRefs.indexOf(ref)}]`, selection.overrides.get(ref.name) ?? [], values, typed);
    const preManifests = renderManifests(catalog, ref, ref.preManifestFiles ?? [], data, 'preManifestFiles', originOf);
    if (config.gkeCriticalPriority && recipe.criteria?.service === 'gke') preManifests.push(gkeCriticalPriorityQuota(namespace, recipe.criteria.nodes));
    const manifests = renderManifests(catalog, ref, ref.manifestFiles ?? [], data, 'manifestFiles', originOf);
    const isKustomize = ref.type === 'Kustomize' || Boolean(ref.tag) || Boolean(ref.path);
    const component: PlannedComponent = {
      ref,
      name: ref.name,
      namespace,
      config,
      overrideKey: config.valueOverrideKeys?.[0] ?? ref.name.replaceAll('-', ''),
      values,
      kind: 'helm',
      preManifests,
      manifests,
      dependencies: (ref.dependencyRefs ?? []).filter((dependency) => declaredNames.has(dependency)),
      folders: [],
    };
    if (isKustomize) {
      if ((ref.manifestFiles ?? []).length > 0 || (ref.preManifestFiles ?? []).length > 0) {
        throw invalidInput(`component "${ref.name}" has both kustomize (tag/path) and raw manifests; use one`, { hint: 'drop manifestFiles or the kustomize fields' });
      }
      if (!ref.path) throw invalidInput(`kustomize component "${ref.name}" has no path`, { hint: 'set path to the kustomization directory inside the repository' });
      if (!ref.source) throw invalidInput(`kustomize component "${ref.name}" has no source repository`, { hint: 'set source to the git repository that holds the kustomization' });
      if (!/^(https?|ssh):\/\/[^\s'"`$\\{}]+$|^git@[^\s'"`$\\{}]+$/.test(ref.source)) {
        throw invalidInput(`kustomize component "${ref.name}": invalid source ${quoted(ref.source)}`, { hint: 'use a git URL (https://, ssh:// or git@host:org/repo)' });
      }
      if (ref.tag && !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(ref.tag)) throw invalidInput(`kustomize component "${ref.name}": invalid tag ${quoted(ref.tag)}`, { hint: 'use a git tag, branch or commit' });
      if (!/^[A-Za-z0-9._/-]+$/.test(ref.path) || ref.path.split('/').includes('..')) {
        throw invalidInput(`kustomize component "${ref.name}": invalid path ${quoted(ref.path)}`, { hint: 'use a relative path without ".." segments' });
      }
      component.kind = 'kustomize';
      component.kustomize = { repo: ref.source ?? '', path: ref.path, tag: ref.tag ?? '' };
    } else if (ref.source) {
      component.chart = chartSource(ref);
    } else if (manifests.length > 0) {
      component.kind = 'manifest';
    } else {
      const reason = 'it has no chart source and no manifest that renders to content';
      const blocked = (selection.overrides.get(ref.name) ?? [])[0] ?? typed[0] ?? dynamic[0];
      if (blocked) throw cannotTakeEffect(blocked, ref.name, reason);
      notes.push(`component "${ref.name}" skipped: ${reason}`);
      continue;
    }
    finalValues.set(ref.name, values);
    if (dynamic.length > 0) {
      if (component.kind !== 'helm') {
        const first = dynamic[0]!;
        throw invalidInput(`${optionRef('dynamic')} ${first.key}:${first.path} cannot take effect: component "${ref.name}" is ${component.kind === 'manifest' ? 'manifest-only' : 'a kustomize component'}; its values are rendered into the bundle, so nothing reads them at install time`, {
          hint: `drop the declaration, or give the value with ${optionRef('set')} when bundling`,
        });
      }
      const split = splitDynamic(values, dynamic.map((declaration) => declaration.path).sort(compareStrings));
      component.values = split.fixed;
      component.dynamicValues = split.dynamic;
    }
    if (options.readinessHooks) {
      const gate = readinessGate(catalog, ref.name, namespace, options.deployer, options.toolVersion ?? VERSION);
      if (gate) component.readiness = gate;
    }
    components.push(component);
  }
  if (components.length === 0) throw invalidInput('nothing to deploy: no component has a chart source or non-empty manifests', { hint: 'check the recipe and its values' });
  checkAccountingValues(accountingMode, finalValues);
  checkProfileLock(recipe, catalog, new Map(components.map((component) => [component.name, component.values])));
  for (const component of components) notes.push(...missingStorageClassWarnings(component.name, component.values, component.config));
  const validationFindings = validateComponents(recipe, catalog, components, overrides, scheduling);
  notes.push(...validationFindings.map((finding) => finding.message));

  const folders: Folder[] = [];
  const add = (component: PlannedComponent, role: Folder['role'], kind: Folder['kind'], manifests: Folder['manifests']): void => {
    const release = role === 'primary' ? component.name : `${component.name}-${role}`;
    if (role !== 'primary' && declaredNames.has(release)) {
      throw invalidInput(`component "${component.name}" would get an injected "${release}" folder, but a component named "${release}" is already declared in the recipe`, {
        hint: 'rename one of the two components',
      });
    }
    if (release.length > MAX_RELEASE_NAME) {
      throw invalidInput(`release name "${release}" is longer than ${MAX_RELEASE_NAME} characters (Helm's limit)`, { hint: `shorten the component name "${component.name}"` });
    }
    // The gate's hook annotation is what makes helm wait for its Job; recipe manifests lose theirs (folder order sequences them).
    const stripped = role === 'readiness' ? manifests : manifests.map((manifest) => ({ ...manifest, content: stripHookAnnotations(manifest.content) }));
    const index = folders.length + 1;
    const folder: Folder = {
      index,
      dir: `${String(index).padStart(3, '0')}-${release}`,
      release,
      role,
      kind,
      component,
      namespace: component.namespace,
      manifests: stripped,
      ownsNamespace: kind === 'local' && declaresNamespace(stripped),
    };
    folders.push(folder);
    component.folders.push(folder);
  };
  for (const component of components) {
    if (component.preManifests.length > 0) add(component, 'pre', 'local', component.preManifests);
    if (component.kind === 'helm') {
      add(component, 'primary', 'upstream', []);
      if (component.manifests.length > 0) add(component, 'post', 'local', component.manifests);
    } else if (component.kind === 'manifest') add(component, 'primary', 'local', component.manifests);
    else add(component, 'primary', 'kustomize', []);
    if (component.readiness) add(component, 'readiness', 'local', [component.readiness]);
  }
  if (folders.length > MAX_FOLDERS) {
    throw invalidInput(`too many folders (${folders.length}) from ${components.length} components: the NNN- prefix supports at most ${MAX_FOLDERS}`, { hint: 'split the recipe' });
  }

  const repo = options.repo?.trim() ?? '';
  if (repo !== '' && !/^(https?|ssh|oci):\/\/[^\s'"`$\\{}]+$|^git@[^\s'"`$\\{}]+$/.test(repo)) {
    throw invalidInput(`invalid --repo ${quoted(repo)}`, { hint: 'pass the URL of the Git repository (https://, ssh:// or git@host:org/repo) or OCI repository (oci://) the bundle is pushed to' });
  }
  const targetRevision = options.targetRevision?.trim() || 'main';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(targetRevision)) {
    throw invalidInput(`invalid --target-revision ${quoted(targetRevision)}`, { hint: 'pass a branch, tag or commit, e.g. main' });
  }
  const repoPath = parseRepoPath(options.repoPath, options.deployer);
  const included = new Set(components.map((component) => component.name));
  const filtered: RecipeResult = deepClone(recipe);
  filtered.componentRefs = filtered.componentRefs.filter((ref) => included.has(ref.name));
  filtered.deploymentOrder = (filtered.deploymentOrder ?? []).filter((name) => included.has(name));

  return {
    recipe: filtered,
    components,
    folders,
    notes,
    validationFindings,
    deployer: options.deployer,
    toolVersion: options.toolVersion ?? VERSION,
    repoURL: repo || PLACEHOLDER_REPO,
    repoGiven: repo !== '',
    repoPath,
    targetRevision,
    dataFiles: catalog.externalFiles.map((path) => ({ path, content: catalog.readText(path) })),
  };
}
