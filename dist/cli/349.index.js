export const id = 349;
export const ids = [349];
export const modules = {

/***/ 6970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ recipeRequestFromFlags),
/* harmony export */   i: () => (/* binding */ CRITERIA_FLAGS)
/* harmony export */ });
/* harmony import */ var _core_recipe_criteria_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1105);

const CRITERIA_FLAGS = [
    { name: 'service', type: 'string', value: '<service>', description: `Kubernetes service: ${_core_recipe_criteria_js__WEBPACK_IMPORTED_MODULE_0__/* .CRITERIA_VALUES */ .Bl.service.join(', ')}, any` },
    { name: 'accelerator', aliases: ['--gpu'], type: 'string', value: '<gpu>', description: `GPU type: ${_core_recipe_criteria_js__WEBPACK_IMPORTED_MODULE_0__/* .CRITERIA_VALUES */ .Bl.accelerator.join(', ')}, any` },
    { name: 'intent', type: 'string', value: '<intent>', description: `workload intent: ${_core_recipe_criteria_js__WEBPACK_IMPORTED_MODULE_0__/* .CRITERIA_VALUES */ .Bl.intent.join(', ')}, any` },
    { name: 'os', type: 'string', value: '<os>', description: `node OS: ${_core_recipe_criteria_js__WEBPACK_IMPORTED_MODULE_0__/* .CRITERIA_VALUES */ .Bl.os.join(', ')}, any` },
    { name: 'platform', type: 'string', value: '<platform>', description: `platform: ${_core_recipe_criteria_js__WEBPACK_IMPORTED_MODULE_0__/* .CRITERIA_VALUES */ .Bl.platform.join(', ')}, any` },
    { name: 'nodes', type: 'integer', description: 'GPU node count (0 = any; negative values are ignored)' },
    { name: 'criteria', aliases: ['-c'], type: 'string', value: '<file|url|->', description: 'RecipeCriteria document; individual flags override its fields' },
    { name: 'snapshot', aliases: ['-s'], type: 'string', value: '<file|url|cm://ns/name|->', description: 'Snapshot to detect criteria from; overlays whose constraints it fails are excluded' },
    { name: 'data', type: 'string', value: '<dir>', description: 'external data directory layered over the embedded catalog' },
    { name: 'kubeconfig', aliases: ['-k'], type: 'string', value: '<file>', description: 'kubeconfig for cm:// locations', env: 'KUBECONFIG' },
];
function recipeRequestFromFlags(flags) {
    const criteria = {};
    for (const field of ['service', 'accelerator', 'intent', 'os', 'platform']) {
        const value = flags[field];
        if (typeof value === 'string')
            criteria[field] = value;
    }
    if (typeof flags.nodes === 'number')
        criteria.nodes = flags.nodes;
    const request = { criteria };
    if (typeof flags.criteria === 'string')
        request.criteriaFile = flags.criteria;
    if (typeof flags.snapshot === 'string')
        request.snapshot = flags.snapshot;
    if (typeof flags.data === 'string')
        request.data = flags.data;
    return request;
}


/***/ }),

/***/ 4699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ PHASES),
/* harmony export */   m: () => (/* binding */ API_VERSION)
/* harmony export */ });
/** TypeScript shapes of the documents we read and write (schemas/ holds the JSON Schemas). */
const API_VERSION = 'aicr.nvidia.com/v1alpha1';
const PHASES = ['readiness', 'deployment', 'performance', 'conformance'];


/***/ }),

/***/ 8872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gb: () => (/* reexport */ query/* formatSelection */.gb),
  Gl: () => (/* reexport */ query/* hydrateRecipe */.Gl),
  pS: () => (/* binding */ resolveRecipe),
  Lt: () => (/* reexport */ query/* select */.Lt)
});

// UNUSED EXPORTS: ANY, CRITERIA_FIELDS, CRITERIA_VALUES, NO_CRITERIA_MESSAGE, acceleratorFromModel, anyCriteria, applyCriteria, buildRecipe, criteriaForOutput, criteriaMatch, deploymentOrder, describeCriteria, extractCriteria, hydrateValues, isAnyCriteria, loadSnapshot, nonCanonicalCriteria, parseCriteriaValue, parseNodes, resolveCriteria, specificity, validateDependencies

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/documents/index.ts
var documents = __webpack_require__(5738);
// EXTERNAL MODULE: ./src/core/io.ts
var io = __webpack_require__(7719);
// EXTERNAL MODULE: ./src/core/catalog/embedded.ts + 3 modules
var embedded = __webpack_require__(2069);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
// EXTERNAL MODULE: ./src/core/documents/types.ts
var types = __webpack_require__(4699);
// EXTERNAL MODULE: ./src/core/recipe/criteria.ts
var recipe_criteria = __webpack_require__(1105);
// EXTERNAL MODULE: ./src/core/constraints/index.ts + 3 modules
var constraints = __webpack_require__(4363);
;// CONCATENATED MODULE: ./src/core/recipe/snapshot-criteria.ts


/** Accelerator from a GPU model name; order matters (gb200 before b200). */
const MODEL_RULES = [
    ['gb200', 'gb200'],
    ['b200', 'b200'],
    ['h100', 'h100'],
    ['a100', 'a100'],
    ['l40', 'l40'],
];
function acceleratorFromModel(model) {
    const lower = model.toLowerCase();
    for (const [needle, accelerator] of MODEL_RULES)
        if (lower.includes(needle))
            return accelerator;
    return undefined;
}
function tryParse(field, raw) {
    try {
        return (0,recipe_criteria/* parseCriteriaValue */.qZ)(field, raw);
    }
    catch {
        return undefined;
    }
}
/**
 * Service from K8s/server (`service` key, then `-eks-`/`-gke`/`-aks` in the version),
 * accelerator from GPU/smi|device model, OS from OS/release ID. Intent, platform and nodes are
 * never detected.
 */
function extractCriteria(snapshot) {
    const criteria = (0,recipe_criteria/* anyCriteria */.yg)();
    for (const measurement of snapshot.measurements ?? []) {
        if (!measurement)
            continue;
        for (const subtype of measurement.subtypes ?? []) {
            const name = subtype.subtype ?? subtype.name ?? '';
            const data = subtype.data ?? {};
            if (measurement.type === 'K8s' && name === 'server') {
                const service = data.service !== undefined ? tryParse('service', (0,constraints/* readingText */.e4)(data.service)) : undefined;
                if (service)
                    criteria.service = service;
                const version = (0,constraints/* readingText */.e4)(data.version);
                if (version.includes('-eks-'))
                    criteria.service = 'eks';
                else if (version.includes('-gke'))
                    criteria.service = 'gke';
                else if (version.includes('-aks'))
                    criteria.service = 'aks';
            }
            else if (measurement.type === 'GPU' && (name === 'smi' || name === 'device')) {
                const fromGpuModel = data['gpu.model'] !== undefined ? acceleratorFromModel((0,constraints/* readingText */.e4)(data['gpu.model'])) : undefined;
                if (fromGpuModel)
                    criteria.accelerator = fromGpuModel;
                if (criteria.accelerator === 'any' && data.model !== undefined) {
                    const fromModel = acceleratorFromModel((0,constraints/* readingText */.e4)(data.model));
                    if (fromModel)
                        criteria.accelerator = fromModel;
                }
            }
            else if (measurement.type === 'OS' && name === 'release' && data.ID !== undefined) {
                const os = tryParse('os', (0,constraints/* readingText */.e4)(data.ID));
                if (os)
                    criteria.os = os;
            }
        }
    }
    return criteria;
}

// EXTERNAL MODULE: ./src/core/serialize.ts
var serialize = __webpack_require__(8237);
// EXTERNAL MODULE: ./src/core/util/objects.ts
var objects = __webpack_require__(2692);
// EXTERNAL MODULE: ./src/core/recipe/order.ts
var recipe_order = __webpack_require__(994);
;// CONCATENATED MODULE: ./src/core/recipe/build.ts
/**
 * Recipe resolution: match overlays against criteria, pick the maximal leaves, merge their
 * inheritance chains over the base recipe, apply mixins, order the components and fill in
 * registry defaults.
 *
 * The catalog is frozen; merging creates new objects wherever it changes something and shares
 * untouched (frozen) subtrees, so builds never see each other's data.
 */







/** Resolves the recipe for `criteria`. Pure and synchronous: the catalog is already loaded. */
function buildRecipe(catalog, criteria, options = {}) {
    const matched = [];
    for (const overlay of catalog.matchable)
        if ((0,recipe_criteria/* criteriaMatch */.b1)(overlay.criteria, criteria))
            matched.push(overlay);
    matched.sort(byCandidateOrder);
    let passing = matched;
    const excluded = [];
    const warnings = [];
    if (options.snapshot) {
        passing = [];
        for (const overlay of matched) {
            const failures = evaluateOverlayConstraints(overlay, options.snapshot);
            if (failures.length === 0)
                passing.push(overlay);
            else {
                excluded.push(overlay.name);
                warnings.push(...failures);
            }
        }
    }
    const candidates = maximalLeaves(catalog, passing);
    const state = {
        constraints: new Map(),
        refs: new Map(),
        validation: undefined,
        mixins: [],
    };
    for (const constraint of catalog.base.spec.constraints ?? [])
        state.constraints.set(constraint.name, constraint);
    for (const ref of catalog.base.spec.componentRefs ?? [])
        state.refs.set(ref.name, ref);
    state.validation = catalog.base.spec.validation;
    const applied = ['base'];
    const appliedSet = new Set(applied);
    for (const candidate of candidates) {
        let chain;
        try {
            chain = catalog.chainOf(candidate.name);
        }
        catch (error) {
            throw withContext(error, `overlay=${candidate.name}`);
        }
        for (const name of chain) {
            if (appliedSet.has(name))
                continue;
            appliedSet.add(name);
            applied.push(name);
            mergeSpec(state, catalog.overlays.get(name).document.spec);
        }
    }
    if (applied.length === 1) {
        options.onWarning?.(excluded.length > 0
            ? 'all matching overlays were excluded due to constraint failures, using base configuration only'
            : 'no environment-specific overlays matched, using base configuration only');
    }
    else if (excluded.length > 0) {
        options.onWarning?.('some overlays were excluded due to constraint failures');
    }
    applyMixins(catalog, state);
    const refs = [...state.refs.values()].sort(byName);
    try {
        (0,recipe_order/* validateDependencies */.O)(refs);
    }
    catch (error) {
        throw (0,errors/* wrapError */.J4)(error, 'merged recipe validation failed', errors/* ErrorCode */.O4.InvalidInput);
    }
    const order = (0,recipe_order/* deploymentOrder */.q)(refs);
    const metadata = {};
    if (options.version)
        metadata.version = options.version;
    metadata.appliedOverlays = applied;
    if (excluded.length > 0)
        metadata.excludedOverlays = excluded;
    if (warnings.length > 0)
        metadata.constraintWarnings = warnings;
    // Built key by key in the documented output order.
    const result = { kind: 'RecipeResult', apiVersion: types/* API_VERSION */.m, metadata, criteria: (0,recipe_criteria/* criteriaForOutput */.SL)(criteria) };
    const constraints = [...state.constraints.values()].sort(byName).map(outputConstraint);
    if (constraints.length > 0)
        result.constraints = constraints;
    result.componentRefs = refs.map((ref) => outputRef(applyRegistryDefaults(ref, catalog.components.get(ref.name))));
    result.deploymentOrder = order;
    const validation = outputValidation(state.validation);
    if (validation)
        result.validation = validation;
    return result;
}
function byCandidateOrder(a, b) {
    return a.specificity - b.specificity || (0,serialize/* compareStrings */.Kt)(a.name, b.name);
}
function byName(a, b) {
    return (0,serialize/* compareStrings */.Kt)(a.name, b.name);
}
function withContext(error, context) {
    if (error instanceof errors/* AicrError */.Y3) {
        return new errors/* AicrError */.Y3(error.code, error.message, {
            cause: error,
            details: { ...(error.details ?? {}), context },
            ...(error.hint !== undefined ? { hint: error.hint } : {}),
        });
    }
    return (0,errors/* wrapError */.J4)(error, context);
}
/** Drops every overlay that is an ancestor of another one in the set. */
function maximalLeaves(catalog, overlays) {
    if (overlays.length < 2)
        return [...overlays];
    const ancestors = new Set();
    for (const overlay of overlays) {
        // A non-throwing walk: broken chains are reported when the chain is merged.
        const seen = new Set([overlay.name]);
        let parent = overlay.document.spec.base;
        while (parent && parent !== 'base' && !seen.has(parent)) {
            seen.add(parent);
            ancestors.add(parent);
            parent = catalog.overlays.get(parent)?.document.spec.base;
        }
    }
    const leaves = [];
    for (const overlay of overlays)
        if (!ancestors.has(overlay.name))
            leaves.push(overlay);
    return leaves;
}
function evaluateOverlayConstraints(overlay, snapshot) {
    const failures = [];
    for (const constraint of overlay.document.spec.constraints ?? []) {
        const outcome = (0,constraints/* evaluateConstraint */.nT)(constraint, snapshot);
        if (outcome.status === 'passed')
            continue;
        const warning = { overlay: overlay.name, constraint: constraint.name, expected: constraint.value, reason: '' };
        if (outcome.actual)
            warning.actual = outcome.actual;
        warning.reason = outcome.status === 'error' ? outcome.message : `expected ${constraint.value}, got ${outcome.actual}`;
        failures.push(warning);
    }
    return failures;
}
function mergeSpec(state, spec) {
    for (const constraint of spec.constraints ?? [])
        state.constraints.set(constraint.name, constraint);
    for (const ref of spec.componentRefs ?? []) {
        const existing = state.refs.get(ref.name);
        state.refs.set(ref.name, existing ? mergeRef(existing, ref) : ref);
    }
    if (spec.validation) {
        let next;
        for (const phase of types/* PHASES */.Z) {
            if (spec.validation[phase]) {
                next ??= { ...state.validation };
                next[phase] = spec.validation[phase];
            }
        }
        if (next)
            state.validation = next;
    }
    for (const mixin of spec.mixins ?? [])
        if (!state.mixins.includes(mixin))
            state.mixins.push(mixin);
}
const SCALAR_FIELDS = ['namespace', 'chart', 'type', 'source', 'version', 'tag', 'valuesFile', 'path', 'healthCheckAsserts'];
/** Field-by-field merge of an overlay ref onto the accumulated one (spec 4.2). */
function mergeRef(current, overlay) {
    const out = { ...current };
    for (const field of SCALAR_FIELDS) {
        const value = overlay[field];
        if (value)
            out[field] = value;
    }
    if (overlay.overrides && Object.keys(overlay.overrides).length > 0) {
        out.overrides = current.overrides ? (0,objects/* mergeValues */.D3)(current.overrides, overlay.overrides) : overlay.overrides;
    }
    if (overlay.dependencyRefs?.length)
        out.dependencyRefs = appendMissing(current.dependencyRefs, overlay.dependencyRefs);
    if (overlay.manifestFiles?.length)
        out.manifestFiles = appendMissing(current.manifestFiles, overlay.manifestFiles);
    if (overlay.patches?.length)
        out.patches = overlay.patches;
    if (overlay.expectedResources?.length)
        out.expectedResources = overlay.expectedResources;
    if (overlay.cleanup === true)
        out.cleanup = true;
    return out;
}
function appendMissing(current, extra) {
    if (!current || current.length === 0)
        return [...extra];
    const out = [...current];
    for (const item of extra)
        if (!out.includes(item))
            out.push(item);
    return out;
}
function applyMixins(catalog, state) {
    for (const name of state.mixins) {
        const mixin = catalog.mixins.get(name);
        if (!mixin) {
            throw (0,errors/* notFound */.mX)(`mixin "${name}" not found in recipes/mixins/`, {
                hint: `add mixins/${name}.yaml (kind: RecipeMixin) or remove "${name}" from spec.mixins`,
            });
        }
        for (const constraint of mixin.document.spec.constraints ?? []) {
            if (state.constraints.has(constraint.name)) {
                throw (0,errors/* invalidInput */.aY)(`mixin "${name}" constraint "${constraint.name}" conflicts with inheritance chain or another mixin`, {
                    hint: `define "${constraint.name}" in only one place (the overlay chain or one mixin)`,
                });
            }
        }
        for (const ref of mixin.document.spec.componentRefs ?? []) {
            if (state.refs.has(ref.name)) {
                throw (0,errors/* invalidInput */.aY)(`mixin "${name}" component "${ref.name}" conflicts with inheritance chain or another mixin`, {
                    hint: `declare component "${ref.name}" in only one place (the overlay chain or one mixin)`,
                });
            }
        }
        for (const constraint of mixin.document.spec.constraints ?? [])
            state.constraints.set(constraint.name, constraint);
        for (const ref of mixin.document.spec.componentRefs ?? [])
            state.refs.set(ref.name, ref);
    }
}
/** Fills empty fields from the registry (spec 4.7); explicit recipe values always win. */
function applyRegistryDefaults(ref, config) {
    if (!config)
        return ref;
    const type = ref.type || (config.kustomize?.defaultSource ? 'Kustomize' : 'Helm');
    const out = { ...ref, type };
    if (type === 'Helm' && config.helm) {
        const helm = config.helm;
        if (!out.source && helm.defaultRepository)
            out.source = helm.defaultRepository;
        if (!out.version && helm.defaultVersion)
            out.version = helm.defaultVersion;
        if (!out.namespace && helm.defaultNamespace)
            out.namespace = helm.defaultNamespace;
        if (!out.chart && helm.defaultChart)
            out.chart = helm.defaultChart.slice(helm.defaultChart.lastIndexOf('/') + 1);
    }
    else if (type === 'Kustomize' && config.kustomize) {
        const kustomize = config.kustomize;
        if (!out.source && kustomize.defaultSource)
            out.source = kustomize.defaultSource;
        if (!out.tag && kustomize.defaultTag)
            out.tag = kustomize.defaultTag;
        if (!out.path && kustomize.defaultPath)
            out.path = kustomize.defaultPath;
    }
    return out;
}
/** A ref in the documented output key order; `type` and `source` always present. */
function outputRef(ref) {
    const out = { name: ref.name };
    if (ref.namespace)
        out.namespace = ref.namespace;
    if (ref.chart)
        out.chart = ref.chart;
    out.type = ref.type ?? '';
    out.source = ref.source ?? '';
    if (ref.version)
        out.version = ref.version;
    if (ref.tag)
        out.tag = ref.tag;
    if (ref.valuesFile)
        out.valuesFile = ref.valuesFile;
    if (ref.overrides && Object.keys(ref.overrides).length > 0)
        out.overrides = (0,serialize/* sortKeysDeep */.$E)(ref.overrides);
    if (ref.patches?.length)
        out.patches = ref.patches;
    if (ref.dependencyRefs?.length)
        out.dependencyRefs = ref.dependencyRefs;
    if (ref.manifestFiles?.length)
        out.manifestFiles = ref.manifestFiles;
    if (ref.path)
        out.path = ref.path;
    if (ref.cleanup)
        out.cleanup = true;
    if (ref.expectedResources?.length) {
        out.expectedResources = ref.expectedResources.map((resource) => {
            const item = { kind: resource.kind, name: resource.name };
            if (resource.namespace)
                item.namespace = resource.namespace;
            return item;
        });
    }
    if (ref.healthCheckAsserts)
        out.healthCheckAsserts = ref.healthCheckAsserts;
    return out;
}
function outputConstraint(constraint) {
    const out = { name: constraint.name, value: constraint.value };
    if (constraint.severity)
        out.severity = constraint.severity;
    if (constraint.remediation)
        out.remediation = constraint.remediation;
    if (constraint.unit)
        out.unit = constraint.unit;
    return out;
}
function outputValidation(validation) {
    if (!validation)
        return undefined;
    let out;
    for (const phase of types/* PHASES */.Z) {
        const value = validation[phase];
        if (value === undefined || value === null)
            continue;
        out ??= {};
        out[phase] = outputPhase(value);
    }
    return out;
}
function outputPhase(phase) {
    const out = {};
    if (phase.timeout)
        out.timeout = phase.timeout;
    if (phase.constraints?.length)
        out.constraints = phase.constraints.map(outputConstraint);
    if (phase.checks?.length)
        out.checks = phase.checks;
    const selection = phase.nodeSelection;
    if (selection && (selection.selector || selection.maxNodes || selection.excludeNodes?.length)) {
        const node = {};
        if (selection.selector && (0,serialize/* isPlainObject */.Qd)(selection.selector) && Object.keys(selection.selector).length > 0)
            node.selector = (0,serialize/* sortKeysDeep */.$E)(selection.selector);
        if (selection.maxNodes)
            node.maxNodes = selection.maxNodes;
        if (selection.excludeNodes?.length)
            node.excludeNodes = selection.excludeNodes;
        if (Object.keys(node).length > 0)
            out.nodeSelection = node;
    }
    if (phase.infrastructure)
        out.infrastructure = phase.infrastructure;
    return out;
}

// EXTERNAL MODULE: ./src/core/recipe/query.ts
var query = __webpack_require__(3510);
;// CONCATENATED MODULE: ./src/core/recipe/index.ts
/**
 * The recipe stage as front doors use it: gather criteria from flags, a criteria file or a
 * snapshot, load the catalog, build the recipe.
 */














const NO_CRITERIA_MESSAGE = 'no criteria provided: specify at least one of --service, --accelerator, --intent, --os, --platform, --nodes, --criteria, or use --snapshot to load from a snapshot file';
const flagName = (field) => `--${field}`;
/** Loads a Snapshot from any location (file, -, URL, cm://). */
async function loadSnapshot(location, options = {}) {
    const { text, origin } = await (0,io/* readLocation */.mb)((0,io/* parseLocation */.zS)(location, options.input ?? '--snapshot'), { input: '--snapshot', ...options });
    const { document } = await (0,documents/* readDocument */.u0)('Snapshot', text, origin);
    return { snapshot: document, origin };
}
async function loadCriteriaFile(location, options) {
    const { text, origin } = await (0,io/* readLocation */.mb)((0,io/* parseLocation */.zS)(location, '--criteria'), { input: '--criteria', ...options });
    const { document } = await (0,documents/* readDocument */.u0)('RecipeCriteria', text, origin);
    if (document.kind && document.kind !== 'RecipeCriteria') {
        throw (0,errors/* invalidInput */.aY)(`${origin}: invalid kind "${document.kind}", expected "RecipeCriteria"`, {
            location: { file: origin },
            hint: 'set kind: RecipeCriteria (or leave it out)',
        });
    }
    if (document.apiVersion && document.apiVersion !== types/* API_VERSION */.m) {
        throw (0,errors/* invalidInput */.aY)(`${origin}: invalid apiVersion "${document.apiVersion}", expected "${types/* API_VERSION */.m}"`, {
            location: { file: origin },
            hint: `set apiVersion: ${types/* API_VERSION */.m} (or leave it out)`,
        });
    }
    const spec = document.spec ?? {};
    try {
        return (0,recipe_criteria/* applyCriteria */.OZ)((0,recipe_criteria/* anyCriteria */.yg)(), { ...spec, nodes: spec.nodes === undefined ? undefined : spec.nodes }, (field) => `spec.${field} in ${origin}`);
    }
    catch (error) {
        const field = recipe_criteria/* CRITERIA_FIELDS */.oJ.find((f) => error instanceof errors/* AicrError */.Y3 && error.details?.field === f);
        throw (0,errors/* wrapError */.J4)(error, `${origin}: invalid ${field ?? 'nodes'} in criteria spec`, errors/* ErrorCode */.O4.InvalidInput);
    }
}
function checkFlagNodes(raw) {
    // A negative --nodes is ignored, like upstream; anything non-numeric is an error.
    if (raw.nodes !== undefined && typeof raw.nodes === 'number' && raw.nodes < 0)
        return { ...raw, nodes: undefined };
    return raw;
}
/** Resolves the criteria of a request (flags over snapshot or criteria file). */
async function resolveCriteria(request, options = {}) {
    const notices = [];
    const flags = checkFlagNodes(request.criteria);
    if (request.snapshot) {
        if (request.criteriaFile)
            notices.push(`--criteria ${request.criteriaFile} is ignored because --snapshot was given`);
        const { snapshot, origin } = await loadSnapshot(request.snapshot, options);
        const detected = extractCriteria(snapshot);
        const criteria = (0,recipe_criteria/* applyCriteria */.OZ)(detected, flags, flagName);
        for (const field of recipe_criteria/* CRITERIA_FIELDS */.oJ) {
            if (detected[field] !== 'any' && criteria[field] !== detected[field]) {
                notices.push(`--${field} ${criteria[field]} overrides the value detected in ${origin} (${detected[field]})`);
            }
        }
        notices.push(`criteria detected from ${origin}: ${(0,recipe_criteria/* describeCriteria */.PX)(detected)}`);
        return { criteria, mode: 'snapshot', snapshot, notices };
    }
    if (request.criteriaFile) {
        const fromFile = await loadCriteriaFile(request.criteriaFile, options);
        return { criteria: (0,recipe_criteria/* applyCriteria */.OZ)(fromFile, flags, flagName), mode: 'criteria-file', notices };
    }
    const criteria = (0,recipe_criteria/* applyCriteria */.OZ)((0,recipe_criteria/* anyCriteria */.yg)(), flags, flagName);
    if ((0,recipe_criteria/* isAnyCriteria */.sx)(criteria)) {
        throw (0,errors/* invalidInput */.aY)(NO_CRITERIA_MESSAGE, { hint: 'e.g. aicr recipe --service eks --accelerator h100 --intent training' });
    }
    return { criteria, mode: 'flags', notices };
}
/** Runs the recipe stage end to end. */
async function resolveRecipe(request, options = {}) {
    const [{ criteria, mode, snapshot, notices }, catalog] = await Promise.all([
        resolveCriteria(request, options),
        (0,embedded/* loadCatalog */.ak)(request.data).catch((error) => {
            throw request.data ? (0,errors/* wrapError */.J4)(error, `failed to load the data directory ${request.data}`) : error;
        }),
    ]);
    const recipe = buildRecipe(catalog, criteria, {
        version: version/* VERSION */.x,
        ...(snapshot ? { snapshot } : {}),
        onWarning: (message) => notices.push(message),
    });
    return { recipe, criteria, catalog, mode, notices };
}


/***/ }),

/***/ 3510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gl: () => (/* binding */ hydrateRecipe),
/* harmony export */   Lt: () => (/* binding */ select),
/* harmony export */   gb: () => (/* binding */ formatSelection),
/* harmony export */   ki: () => (/* binding */ hydrateValues)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _serialize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8237);
/* harmony import */ var _util_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2692);
/**
 * `aicr query`: the hydrated recipe document (components keyed by name with their merged Helm
 * values) and the dot-path selector over it.
 */



function loadValues(catalog, path, what) {
    if (!catalog.hasFile(path))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)(`failed to read ${what} "${path}": no such file in the catalog`, { hint: 'check valuesFile in the recipe' });
    try {
        return catalog.readValues(path);
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .wrapError */ .J4)(error, `failed to parse ${what} "${path}"`, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.InvalidInput);
    }
}
/**
 * Helm values of one component: its `values.yaml`, then the variant `valuesFile` (only one
 * variant file; variants never chain), then the recipe's overrides. Returns a fresh object.
 * Needs the YAML parser loaded (catalog loading does that).
 */
function hydrateValues(catalog, ref) {
    const hasOverrides = ref.overrides !== undefined && Object.keys(ref.overrides).length > 0;
    if (!ref.valuesFile && !hasOverrides)
        return {};
    let values = {};
    try {
        if (ref.valuesFile) {
            const basePath = `components/${ref.name}/values.yaml`;
            if (ref.valuesFile === basePath)
                values = loadValues(catalog, basePath, 'values file');
            else {
                if (catalog.hasFile(basePath))
                    values = loadValues(catalog, basePath, 'base values file');
                values = (0,_util_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeValues */ .D3)(values, loadValues(catalog, ref.valuesFile, 'overlay values file'));
            }
        }
        if (hasOverrides)
            values = (0,_util_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeValues */ .D3)(values, ref.overrides);
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .wrapError */ .J4)(error, `failed to hydrate values for component "${ref.name}"`);
    }
    return (0,_util_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .deepClone */ .Go)(values);
}
/** The document `query` selects from (spec 9.2), with keys sorted. */
function hydrateRecipe(catalog, recipe, criteria) {
    const components = {};
    for (const ref of recipe.componentRefs) {
        const entry = { name: ref.name, type: ref.type ?? '', source: ref.source ?? '' };
        if (ref.namespace)
            entry.namespace = ref.namespace;
        if (ref.chart)
            entry.chart = ref.chart;
        if (ref.version)
            entry.version = ref.version;
        if (ref.tag)
            entry.tag = ref.tag;
        if (ref.path)
            entry.path = ref.path;
        if (ref.dependencyRefs?.length)
            entry.dependencyRefs = [...ref.dependencyRefs];
        const values = hydrateValues(catalog, ref);
        if (Object.keys(values).length > 0)
            entry.values = values;
        components[ref.name] = entry;
    }
    const document = {
        kind: recipe.kind,
        apiVersion: recipe.apiVersion,
        metadata: {
            version: recipe.metadata.version ?? '',
            appliedOverlays: recipe.metadata.appliedOverlays ?? [],
            excludedOverlays: recipe.metadata.excludedOverlays ?? null,
            constraintWarnings: recipe.metadata.constraintWarnings ?? null,
        },
        criteria: { ...criteria },
        deploymentOrder: recipe.deploymentOrder,
        components,
    };
    if (recipe.constraints?.length)
        document.constraints = recipe.constraints;
    return (0,_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .sortKeysDeep */ .$E)((0,_util_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .deepClone */ .Go)(document));
}
/**
 * Walks a dot-path (one leading `.` allowed; empty selects everything). No escaping, no list
 * indexes: keys containing dots cannot be addressed, as upstream.
 */
function select(document, selector) {
    const path = selector.startsWith('.') ? selector.slice(1) : selector;
    if (path === '')
        return document;
    let node = document;
    for (const part of path.split('.')) {
        if (!(0,_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(node)) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)(`selector "${path}": cannot descend into non-map value at "${part}"`, { hint: 'shorten the selector to end at this value' });
        }
        if (!Object.prototype.hasOwnProperty.call(node, part)) {
            const keys = Object.keys(node).sort(_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .compareStrings */ .Kt);
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)(`selector "${path}": key "${part}" not found, available keys: ${keys.join(', ')}`, {
                hint: `use one of the available keys after "${path.slice(0, Math.max(0, path.lastIndexOf(part) - 1)) || '(top)'}"`,
                details: { selector: path, key: part, available: keys },
            });
        }
        node = node[part];
    }
    return node;
}
/** Scalars print as plain text; maps, lists and null as YAML (4-space, as upstream) or JSON. */
function formatSelection(value, format) {
    if (format === 'json')
        return (0,_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .toJson */ .aB)(value);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return `${String(value)}\n`;
    return (0,_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .toYaml */ .fE)(value, { indent: 4, sortKeys: true });
}


/***/ })

};
