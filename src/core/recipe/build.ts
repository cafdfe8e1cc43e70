/**
 * Recipe resolution: match overlays against criteria, pick the maximal leaves, merge their
 * inheritance chains over the base recipe, apply mixins, order the components and fill in
 * registry defaults.
 *
 * The catalog is frozen; merging creates new objects wherever it changes something and shares
 * untouched (frozen) subtrees, so builds never see each other's data.
 */
import { AicrError, ErrorCode, invalidInput, notFound, wrapError } from '../errors.js';
import { recipeResultApiVersion } from '../documents/api-versions.js';
import {
  PHASES,
  type ComponentConfig,
  type ComponentRef,
  type Constraint,
  type ConstraintWarning,
  type Criteria,
  type ExcludedOverlay,
  type ProfileDeclaration,
  type RecipeMetadataSpec,
  type RecipeResult,
  type Snapshot,
  type ValidationConfig,
  type ValidationPhase,
} from '../documents/types.js';
import type { Catalog, OverlayEntry } from '../catalog/catalog.js';
import { evaluateConstraint } from '../constraints/index.js';
import { compareStrings, isPlainObject, sortKeysDeep, toYaml } from '../serialize.js';
import { mergeValues } from '../util/objects.js';
import { criteriaForOutput, criteriaMatch, criteriaMismatch } from '../criteria.js';
import { deploymentOrder, validateDependencies } from '../catalog/order.js';
import { coverageError, findCoverageGap } from './coverage.js';
import { applyGpuDriverState, gpuDriverState } from './gpu-driver-state.js';
import { applyProfile, checkProfileSurvived, effectiveProfile, type EffectiveProfile, type ProfileSelection } from './profile.js';
import { applyConfiguration, isComponentEnabled, mariaDBOperatorState, mariaDBStateWarning, SLINKY_SLURM, withAccountingHealthCheck, type ConfigurationRequest } from './configuration.js';
import { parseDocumentSync } from '../documents/parse.js';

export interface BuildOptions {
  /** Written to `metadata.version` (the generating program's version). */
  version?: string;
  /** Snapshot mode: overlays whose own constraints fail against it are excluded. */
  snapshot?: Snapshot;
  /** Receives non-fatal notices (e.g. "only the base recipe matched"). */
  onWarning?: (message: string) => void;
  /** Receives each decision (overlay matched, not matched, excluded, applied) for debug logs. */
  onDebug?: (message: string) => void;
  /** `--profile name=value`: the configuration profile value to apply (else the declared default). */
  profile?: ProfileSelection;
  /** `--slurm-accounting-mode`, `--runtime-inventory`: the typed configuration to apply and record. */
  configuration?: ConfigurationRequest;
}

interface MergeState {
  constraints: Map<string, Constraint>;
  refs: Map<string, ComponentRef>;
  validation: ValidationConfig | undefined;
  mixins: string[];
}

/** Resolves the recipe for `criteria`. Pure and synchronous: the catalog is already loaded. */
export function buildRecipe(catalog: Catalog, criteria: Criteria, options: BuildOptions = {}): RecipeResult {
  const debug = options.onDebug;
  const matched: OverlayEntry[] = [];
  for (const overlay of catalog.matchable) {
    if (criteriaMatch(overlay.criteria!, criteria)) {
      matched.push(overlay);
      debug?.(`overlay ${overlay.name}: matched`);
    } else if (debug) {
      debug(`overlay ${overlay.name}: not matched (it needs ${criteriaMismatch(overlay.criteria!, criteria)})`);
    }
  }
  matched.sort(byCandidateOrder);
  // The composition's one profile declaration, found before snapshot filtering can hide it.
  const declared = effectiveProfile(profileDeclarations(catalog, matched.map((overlay) => overlay.name)));

  let passing = matched;
  const excluded: string[] = [];
  const warnings: ConstraintWarning[] = [];
  if (options.snapshot) {
    passing = [];
    for (const overlay of matched) {
      const failures = evaluateOverlayConstraints(overlay, options.snapshot);
      if (failures.length === 0) passing.push(overlay);
      else {
        debug?.(`overlay ${overlay.name}: excluded by the snapshot: ${failures.map((f) => `${f.constraint} ${f.reason}`).join('; ')}`);
        excluded.push(overlay.name);
        warnings.push(...failures);
      }
    }
  }

  const candidates = maximalLeaves(catalog, passing);
  debug?.(`overlays applied as leaves: ${candidates.map((c) => c.name).join(', ') || 'none'}${passing.length > candidates.length ? ` (their ancestors ${passing.filter((p) => !candidates.includes(p)).map((p) => p.name).join(', ')} come in through them)` : ''}`);
  const composed = compose(catalog, candidates, debug);
  let { state, applied } = composed;
  const { mixinConstraints } = composed;
  const excludedByMixins: ExcludedOverlay[] = [];
  if (options.snapshot && mixinConstraints.size > 0) {
    const failed = evaluateMixinConstraints(catalog, state, mixinConstraints, candidates, options.snapshot);
    if (failed.excluded.size > 0) {
      for (const name of candidates.map((c) => c.name).filter((n) => failed.excluded.has(n))) excludedByMixins.push({ name, reason: 'mixin-constraint-failed' });
      warnings.push(...failed.warnings);
      debug?.(`overlays excluded by mixin constraints: ${excludedByMixins.map((e) => e.name).join(', ')}`);
      ({ state, applied } = compose(catalog, candidates.filter((c) => !failed.excluded.has(c.name)), debug));
    }
  }
  if (applied.length === 1) {
    options.onWarning?.(
      excluded.length > 0
        ? 'all matching overlays were excluded due to constraint failures, using base configuration only'
        : 'no environment-specific overlays matched, using base configuration only',
    );
  } else if (excluded.length > 0 || excludedByMixins.length > 0) {
    options.onWarning?.('some overlays were excluded due to constraint failures');
  }
  // Upstream's post-condition: every stated field is carried by an applied overlay (mixins carry no criteria).
  const left = [...excluded, ...excludedByMixins.map((entry) => entry.name)];
  const gap = findCoverageGap(catalog.overlays, criteria, applied, left);
  if (gap) throw coverageError(gap, criteria, left);
  const surviving = options.snapshot ? effectiveProfile(profileDeclarations(catalog, applied)) : declared;
  checkProfileSurvived(declared, surviving);
  const profile = applyProfile(surviving, options.profile, state, options.snapshot);
  if (profile) {
    state.refs = profile.refs;
    state.constraints = profile.constraints;
    debug?.(`profile ${profile.selected.name}=${profile.selected.value}${options.profile ? '' : ' (the default)'} applied`);
  }
  const driverState = options.snapshot ? gpuDriverState(options.snapshot) : undefined;
  if (driverState) {
    for (const warning of applyGpuDriverState(driverState, state.refs, catalog, options.snapshot!, profile?.selected)) options.onWarning?.(warning);
  }

  const configuration = applyConfiguration(state.refs, criteria.platform, options.configuration ?? {}, profile?.selected);
  const accountingMode = configuration?.slurm?.accounting?.mode;
  const mariaDBState = accountingMode === 'aicr-provided' && options.snapshot ? mariaDBOperatorState(options.snapshot) : undefined;
  if (mariaDBState) {
    const warning = mariaDBStateWarning(mariaDBState);
    if (warning) options.onWarning?.(warning);
  }

  if (accountingMode !== undefined && accountingMode !== 'disabled') {
    const slinky = state.refs.get(SLINKY_SLURM)!;
    // Registry defaults (the namespace) first: the accounting step names the StatefulSet's namespace.
    const resolved = applyRegistryDefaults(slinky, catalog.components.get(SLINKY_SLURM));
    const assertFile = catalog.components.get(SLINKY_SLURM)?.healthCheck?.assertFile;
    const registryCheck = assertFile && catalog.hasFile(assertFile) ? catalog.readText(assertFile) : undefined;
    state.refs.set(SLINKY_SLURM, withAccountingHealthCheck(resolved, registryCheck, (text) => parseDocumentSync(text, assertFile ?? 'slinky-slurm health check', { syntax: 'yaml' }).value, (value) => toYaml(value, { sortKeys: true })));
  }

  const refs = [...state.refs.values()].sort(byName);
  try {
    validateDependencies(refs);
  } catch (error) {
    throw wrapError(error, 'merged recipe validation failed', ErrorCode.InvalidInput);
  }
  const order = deploymentOrder(enabledForOrdering(refs));

  const metadata: RecipeResult['metadata'] = {};
  if (options.version) metadata.version = options.version;
  metadata.appliedOverlays = applied;
  if (excluded.length > 0 || excludedByMixins.length > 0) metadata.excludedOverlays = [...excluded, ...excludedByMixins];
  if (warnings.length > 0) metadata.constraintWarnings = warnings;
  if (driverState) metadata.gpuDriverState = driverState;
  if (profile) metadata.selectedProfile = profile.selected;
  if (mariaDBState) metadata.mariaDBOperatorState = mariaDBState;
  // Built key by key in the documented output order.
  const apiVersion = recipeResultApiVersion(profile !== undefined || configuration !== undefined);
  const result = { kind: 'RecipeResult', apiVersion, metadata, criteria: criteriaForOutput(criteria) } as RecipeResult;
  if (configuration) result.configuration = configuration;
  const constraints = [...state.constraints.values()].sort(byName).map(outputConstraint);
  if (constraints.length > 0) result.constraints = constraints;
  result.componentRefs = refs.map((ref) => outputRef(applyRegistryDefaults(ref, catalog.components.get(ref.name))));
  result.deploymentOrder = order;
  const validation = outputValidation(state.validation);
  if (validation) result.validation = validation;
  return result;
}

/**
 * What deployment order covers (upstream's rule): only enabled components (neither `enabled`
 * nor `install` overridden to false); an edge to a declared but disabled component counts as
 * satisfied outside the bundle.
 */
function enabledForOrdering(refs: readonly ComponentRef[]): ComponentRef[] {
  const disabled = new Set(refs.filter((ref) => !isComponentEnabled(ref)).map((ref) => ref.name));
  if (disabled.size === 0) return [...refs];
  return refs.filter((ref) => !disabled.has(ref.name)).map((ref) => ({ ...ref, dependencyRefs: (ref.dependencyRefs ?? []).filter((dependency) => !disabled.has(dependency)) }));
}

/** Base, then each candidate's inheritance chain (each overlay once), then the mixins they name. */
function compose(catalog: Catalog, candidates: readonly OverlayEntry[], debug: ((message: string) => void) | undefined): { state: MergeState; applied: string[]; mixinConstraints: Set<string> } {
  const state: MergeState = {
    constraints: new Map(),
    refs: new Map(),
    validation: undefined,
    mixins: [],
  };
  for (const constraint of catalog.base.spec.constraints ?? []) state.constraints.set(constraint.name, constraint);
  for (const ref of catalog.base.spec.componentRefs ?? []) state.refs.set(ref.name, ref);
  state.validation = catalog.base.spec.validation;

  const applied = ['base'];
  const appliedSet = new Set(applied);
  for (const candidate of candidates) {
    let chain: readonly string[];
    try {
      chain = catalog.chainOf(candidate.name);
    } catch (error) {
      throw withContext(error, `overlay=${candidate.name}`);
    }
    debug?.(`overlay ${candidate.name}: chain ${chain.join(' → ')}`);
    for (const name of chain) {
      if (appliedSet.has(name)) continue;
      appliedSet.add(name);
      applied.push(name);
      mergeSpec(state, catalog.overlays.get(name)!.document.spec);
    }
  }
  const mixinConstraints = applyMixins(catalog, state);
  return { state, applied, mixinConstraints };
}

/**
 * Snapshot mode: the constraints mixins contributed are checked once everything is composed
 * (an overlay's own ones were checked before). A failing one leaves out every candidate whose
 * chain names a mixin carrying it; the caller composes again without them.
 */
function evaluateMixinConstraints(
  catalog: Catalog,
  state: MergeState,
  mixinConstraints: ReadonlySet<string>,
  candidates: readonly OverlayEntry[],
  snapshot: Snapshot,
): { excluded: Set<string>; warnings: ConstraintWarning[] } {
  const contributors = new Map<string, string[]>();
  for (const candidate of candidates) {
    const seen = new Set<string>();
    for (const name of catalog.chainOf(candidate.name)) {
      for (const mixin of catalog.overlays.get(name)!.document.spec.mixins ?? []) {
        for (const constraint of catalog.mixins.get(mixin)?.document.spec.constraints ?? []) {
          if (seen.has(constraint.name)) continue;
          seen.add(constraint.name);
          contributors.set(constraint.name, [...(contributors.get(constraint.name) ?? []), candidate.name]);
        }
      }
    }
  }
  const excluded = new Set<string>();
  const warnings: ConstraintWarning[] = [];
  for (const constraint of state.constraints.values()) {
    if (!mixinConstraints.has(constraint.name)) continue;
    const outcome = evaluateConstraint(constraint, snapshot);
    if (outcome.status === 'passed') continue;
    if (outcome.status === 'error' && !outcome.message.startsWith('[NOT_FOUND]')) {
      throw invalidInput(`constraint evaluation failed: ${constraint.name}: ${outcome.message}`, { hint: 'fix the constraint in the mixin' });
    }
    for (const candidate of contributors.get(constraint.name) ?? []) {
      excluded.add(candidate);
      const warning: ConstraintWarning = { overlay: candidate, constraint: constraint.name, expected: constraint.value, reason: '' };
      if (outcome.actual) warning.actual = outcome.actual;
      warning.reason = outcome.status === 'error' ? `mixin-constraint-failed: ${outcome.message}` : `mixin-constraint-failed: expected ${constraint.value}, got ${outcome.actual}`;
      warnings.push(warning);
    }
  }
  return { excluded, warnings };
}

function byCandidateOrder(a: OverlayEntry, b: OverlayEntry): number {
  return a.specificity - b.specificity || compareStrings(a.name, b.name);
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareStrings(a.name, b.name);
}

function withContext(error: unknown, context: string): AicrError {
  if (error instanceof AicrError) {
    return new AicrError(error.code, error.message, {
      cause: error,
      details: { ...(error.details ?? {}), context },
      ...(error.hint !== undefined ? { hint: error.hint } : {}),
    });
  }
  return wrapError(error, context);
}

/** Drops every overlay that is an ancestor of another one in the set. */
function maximalLeaves(catalog: Catalog, overlays: readonly OverlayEntry[]): OverlayEntry[] {
  if (overlays.length < 2) return [...overlays];
  const ancestors = new Set<string>();
  for (const overlay of overlays) {
    // A non-throwing walk: broken chains are reported when the chain is merged.
    const seen = new Set<string>([overlay.name]);
    let parent = overlay.document.spec.base;
    while (parent && parent !== 'base' && !seen.has(parent)) {
      seen.add(parent);
      ancestors.add(parent);
      parent = catalog.overlays.get(parent)?.document.spec.base;
    }
  }
  const leaves: OverlayEntry[] = [];
  for (const overlay of overlays) if (!ancestors.has(overlay.name)) leaves.push(overlay);
  return leaves;
}

/**
 * Every profile declaration reached from `names` through their inheritance chains (and the
 * base), by declaring document. A broken chain is reported when it is merged, not here.
 */
/**
 * The configuration profile a request for `criteria` resolves to, before any snapshot filtering
 * (what `recipe list` shows per overlay); undefined when none is declared.
 */
export function profileForCriteria(catalog: Catalog, criteria: Criteria): EffectiveProfile | undefined {
  const matched = catalog.matchable.filter((overlay) => criteriaMatch(overlay.criteria!, criteria));
  return effectiveProfile(profileDeclarations(catalog, matched.map((overlay) => overlay.name)));
}

function profileDeclarations(catalog: Catalog, names: readonly string[]): Map<string, ProfileDeclaration> {
  const found = new Map<string, ProfileDeclaration>();
  if (catalog.base.spec.profile) found.set('base', catalog.base.spec.profile);
  for (const start of names) {
    const seen = new Set<string>();
    let name: string | undefined = start;
    while (name && name !== 'base' && !seen.has(name)) {
      seen.add(name);
      const spec: RecipeMetadataSpec | undefined = catalog.overlays.get(name)?.document.spec;
      if (spec?.profile) found.set(name, spec.profile);
      name = spec?.base;
    }
  }
  return found;
}

function evaluateOverlayConstraints(overlay: OverlayEntry, snapshot: Snapshot): ConstraintWarning[] {
  const failures: ConstraintWarning[] = [];
  for (const constraint of overlay.document.spec.constraints ?? []) {
    const outcome = evaluateConstraint(constraint, snapshot);
    if (outcome.status === 'passed') continue;
    const warning: ConstraintWarning = { overlay: overlay.name, constraint: constraint.name, expected: constraint.value, reason: '' };
    if (outcome.actual) warning.actual = outcome.actual;
    warning.reason = outcome.status === 'error' ? outcome.message : `expected ${constraint.value}, got ${outcome.actual}`;
    failures.push(warning);
  }
  return failures;
}

function mergeSpec(state: MergeState, spec: RecipeMetadataSpec): void {
  for (const constraint of spec.constraints ?? []) state.constraints.set(constraint.name, constraint);
  for (const ref of spec.componentRefs ?? []) {
    const existing = state.refs.get(ref.name);
    state.refs.set(ref.name, existing ? mergeRef(existing, ref) : ref);
  }
  if (spec.validation) {
    let next: ValidationConfig | undefined;
    for (const phase of PHASES) {
      if (spec.validation[phase]) {
        next ??= { ...state.validation };
        next[phase] = spec.validation[phase];
      }
    }
    if (next) state.validation = next;
  }
  for (const mixin of spec.mixins ?? []) if (!state.mixins.includes(mixin)) state.mixins.push(mixin);
}

const SCALAR_FIELDS = ['namespace', 'chart', 'type', 'source', 'version', 'tag', 'valuesFile', 'path', 'healthCheckAsserts'] as const;

/** Field-by-field merge of an overlay ref onto the accumulated one (spec 4.2). */
export function mergeRef(current: ComponentRef, overlay: ComponentRef): ComponentRef {
  const out: ComponentRef = { ...current };
  for (const field of SCALAR_FIELDS) {
    const value = overlay[field];
    if (value) (out as unknown as Record<string, unknown>)[field] = value;
  }
  if (overlay.overrides && Object.keys(overlay.overrides).length > 0) {
    out.overrides = current.overrides ? mergeValues(current.overrides, overlay.overrides) : overlay.overrides;
  }
  if (overlay.dependencyRefs?.length) out.dependencyRefs = appendMissing(current.dependencyRefs, overlay.dependencyRefs);
  if (overlay.manifestFiles?.length) out.manifestFiles = appendMissing(current.manifestFiles, overlay.manifestFiles);
  if (overlay.preManifestFiles?.length) out.preManifestFiles = appendMissing(current.preManifestFiles, overlay.preManifestFiles);
  if (overlay.patches?.length) out.patches = overlay.patches;
  if (overlay.expectedResources?.length) out.expectedResources = overlay.expectedResources;
  if (overlay.cleanup === true) out.cleanup = true;
  if (overlay.healthCheckSkip === true) out.healthCheckSkip = true;
  return out;
}

function appendMissing(current: readonly string[] | undefined, extra: readonly string[]): string[] {
  if (!current || current.length === 0) return [...extra];
  const out = [...current];
  for (const item of extra) if (!out.includes(item)) out.push(item);
  return out;
}

/**
 * What makes a mixin entry for an already composed component a conflict: the first field it sets
 * that would change the chain's choice of chart or values (upstream's order). A mixin may only add
 * a namespace and manifests to such a component.
 */
function identityFieldSet(ref: ComponentRef): string | undefined {
  const scalars = ['chart', 'type', 'source', 'version', 'tag', 'path', 'valuesFile'] as const;
  for (const field of scalars) if (ref[field]) return field;
  if (ref.overrides && Object.keys(ref.overrides).length > 0) return 'overrides';
  if (ref.patches?.length) return 'patches';
  if (ref.dependencyRefs?.length) return 'dependencyRefs';
  if (ref.cleanup) return 'cleanup';
  if (ref.expectedResources?.length) return 'expectedResources';
  if (ref.healthCheckAsserts) return 'healthCheckAsserts';
  if (ref.healthCheckSkip) return 'healthCheckSkip';
  return undefined;
}

/** Merges the mixins the chains name, in order; returns the names of the constraints they added. */
function applyMixins(catalog: Catalog, state: MergeState): Set<string> {
  const contributed = new Set<string>();
  for (const name of state.mixins) {
    const mixin = catalog.mixins.get(name);
    if (!mixin) {
      throw notFound(`mixin "${name}" not found in recipes/mixins/`, {
        hint: `add mixins/${name}.yaml (kind: RecipeMixin) or remove "${name}" from spec.mixins`,
      });
    }
    for (const constraint of mixin.document.spec.constraints ?? []) {
      if (state.constraints.has(constraint.name)) {
        throw invalidInput(`mixin "${name}" constraint "${constraint.name}" conflicts with inheritance chain or another mixin`, {
          hint: `define "${constraint.name}" in only one place (the overlay chain or one mixin)`,
        });
      }
    }
    for (const ref of mixin.document.spec.componentRefs ?? []) {
      if (!state.refs.has(ref.name)) continue;
      const field = identityFieldSet(ref);
      if (field !== undefined) {
        throw invalidInput(
          `mixin "${name}" component "${ref.name}" sets identity/sourcing field "${field}" which conflicts with the inheritance chain; mixins may only contribute Namespace, ManifestFiles, or PreManifestFiles to an existing component`,
          { hint: `declare "${field}" of component "${ref.name}" in the overlay chain, or leave it out of mixin "${name}"` },
        );
      }
    }
    for (const constraint of mixin.document.spec.constraints ?? []) {
      state.constraints.set(constraint.name, constraint);
      contributed.add(constraint.name);
    }
    for (const ref of mixin.document.spec.componentRefs ?? []) {
      const existing = state.refs.get(ref.name);
      state.refs.set(ref.name, existing ? mergeRef(existing, ref) : ref);
    }
  }
  return contributed;
}

/** Fills empty fields from the registry (spec 4.7); explicit recipe values always win. */
function applyRegistryDefaults(ref: ComponentRef, config: ComponentConfig | undefined): ComponentRef {
  if (!config) return ref;
  const type = ref.type || (config.kustomize?.defaultSource ? 'Kustomize' : 'Helm');
  const out: ComponentRef = { ...ref, type };
  if (type === 'Helm' && config.helm) {
    const helm = config.helm;
    if (!out.source && helm.defaultRepository) out.source = helm.defaultRepository;
    if (!out.version && helm.defaultVersion) out.version = helm.defaultVersion;
    if (!out.namespace && helm.defaultNamespace) out.namespace = helm.defaultNamespace;
    if (!out.chart && helm.defaultChart) out.chart = helm.defaultChart.slice(helm.defaultChart.lastIndexOf('/') + 1);
  } else if (type === 'Kustomize' && config.kustomize) {
    const kustomize = config.kustomize;
    if (!out.source && kustomize.defaultSource) out.source = kustomize.defaultSource;
    if (!out.tag && kustomize.defaultTag) out.tag = kustomize.defaultTag;
    if (!out.path && kustomize.defaultPath) out.path = kustomize.defaultPath;
  }
  if (!out.manifestFiles?.length && config.manifestFiles?.length) out.manifestFiles = [...config.manifestFiles];
  return out;
}

/** A ref in the documented output key order; `type` and `source` always present. */
function outputRef(ref: ComponentRef): ComponentRef {
  const out: ComponentRef = { name: ref.name };
  if (ref.namespace) out.namespace = ref.namespace;
  if (ref.chart) out.chart = ref.chart;
  out.type = ref.type ?? '';
  out.source = ref.source ?? '';
  if (ref.version) out.version = ref.version;
  if (ref.tag) out.tag = ref.tag;
  if (ref.valuesFile) out.valuesFile = ref.valuesFile;
  if (ref.overrides && Object.keys(ref.overrides).length > 0) out.overrides = sortKeysDeep(ref.overrides);
  if (ref.patches?.length) out.patches = ref.patches;
  if (ref.dependencyRefs?.length) out.dependencyRefs = ref.dependencyRefs;
  if (ref.manifestFiles?.length) out.manifestFiles = ref.manifestFiles;
  if (ref.preManifestFiles?.length) out.preManifestFiles = ref.preManifestFiles;
  if (ref.path) out.path = ref.path;
  if (ref.cleanup) out.cleanup = true;
  if (ref.expectedResources?.length) {
    out.expectedResources = ref.expectedResources.map((resource) => {
      const item: { kind: string; name: string; namespace?: string } = { kind: resource.kind, name: resource.name };
      if (resource.namespace) item.namespace = resource.namespace;
      return item;
    });
  }
  if (ref.healthCheckAsserts) out.healthCheckAsserts = ref.healthCheckAsserts;
  if (ref.healthCheckSkip) out.healthCheckSkip = true;
  return out;
}

function outputConstraint(constraint: Constraint): Constraint {
  const out: Constraint = { name: constraint.name, value: constraint.value };
  if (constraint.severity) out.severity = constraint.severity;
  if (constraint.remediation) out.remediation = constraint.remediation;
  if (constraint.unit) out.unit = constraint.unit;
  return out;
}

function outputValidation(validation: ValidationConfig | undefined): ValidationConfig | undefined {
  if (!validation) return undefined;
  let out: ValidationConfig | undefined;
  for (const phase of PHASES) {
    const value = validation[phase];
    if (value === undefined || value === null) continue;
    out ??= {};
    out[phase] = outputPhase(value);
  }
  return out;
}

function outputPhase(phase: ValidationPhase): ValidationPhase {
  const out: ValidationPhase = {};
  if (phase.timeout) out.timeout = phase.timeout;
  if (phase.constraints?.length) out.constraints = phase.constraints.map(outputConstraint);
  if (phase.checks?.length) out.checks = phase.checks;
  const selection = phase.nodeSelection;
  if (selection && (selection.selector || selection.maxNodes || selection.excludeNodes?.length)) {
    const node: NonNullable<ValidationPhase['nodeSelection']> = {};
    if (selection.selector && isPlainObject(selection.selector) && Object.keys(selection.selector).length > 0) node.selector = sortKeysDeep(selection.selector);
    if (selection.maxNodes) node.maxNodes = selection.maxNodes;
    if (selection.excludeNodes?.length) node.excludeNodes = selection.excludeNodes;
    if (Object.keys(node).length > 0) out.nodeSelection = node;
  }
  if (phase.infrastructure) out.infrastructure = phase.infrastructure;
  return out;
}
