export const id = 676;
export const ids = [676];
export const modules = {

/***/ 3415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ loadCatalog)
});

// UNUSED EXPORTS: embeddedRecipesDir, projectRoot, usePrecompiledCatalog

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/documents/index.ts
var documents = __webpack_require__(5738);
// EXTERNAL MODULE: ./src/core/util/objects.ts
var objects = __webpack_require__(2692);
// EXTERNAL MODULE: ./src/core/recipe/criteria.ts
var recipe_criteria = __webpack_require__(1105);
// EXTERNAL MODULE: ./src/core/recipe/order.ts
var order = __webpack_require__(994);
;// CONCATENATED MODULE: ./src/core/catalog/catalog.ts
/**
 * The loaded recipe catalog: the base recipe, overlays, mixins and the component registry,
 * indexed for matching and frozen after load so no build can change another build's data.
 */





/**
 * Reads a document from a source. Returns undefined for a RecipeMetadata candidate whose kind
 * names another document type (those files are not overlays: e.g. validators/catalog.yaml).
 */
function yamlDocumentReader(source) {
    return (kind, path) => {
        const origin = source.origin === 'embedded' ? `recipes/${path}` : `${source.label.replace(/\/+$/, '')}/${path}`;
        const parsed = (0,documents/* parseDocumentSync */.MG)(source.readText(path), origin, { syntax: 'yaml' });
        if (kind === 'RecipeMetadata') {
            const value = parsed.value;
            if (value && typeof value === 'object' && typeof value.kind === 'string' && value.kind !== '' && value.kind !== 'RecipeMetadata') {
                return undefined;
            }
        }
        return (0,documents/* checkDocument */.sw)(kind, parsed);
    };
}
/** Loads a catalog from the embedded layer and an optional external layer over it. */
async function loadCatalogLayers(embedded, external) {
    await Promise.all([(0,documents/* ensureYamlParser */.jM)(), (0,documents/* loadValidators */.As)('RecipeMetadata', 'RecipeMixin', 'ComponentRegistry')]);
    return Catalog.fromLayers(embedded, external);
}
class Catalog {
    base;
    overlays;
    matchable;
    mixins;
    registry;
    components;
    layers;
    parsedValues;
    chains = new Map();
    constructor(base, 
    /** Every overlay but the base, by name. */
    overlays, 
    /** Overlays that have criteria, in load order (the candidates for matching). */
    matchable, mixins, registry, components, layers, parsedValues) {
        this.base = base;
        this.overlays = overlays;
        this.matchable = matchable;
        this.mixins = mixins;
        this.registry = registry;
        this.components = components;
        this.layers = layers;
        this.parsedValues = parsedValues;
    }
    static fromLayers(embedded, external) {
        const shadowed = new Set(external?.source.files ?? []);
        // External files first, then embedded files the external layer does not replace.
        const files = [];
        if (external)
            for (const path of external.source.files)
                files.push({ path, layer: external });
        for (const path of embedded.source.files)
            if (!shadowed.has(path))
                files.push({ path, layer: embedded });
        let base;
        const overlays = new Map();
        const mixins = new Map();
        for (const { path, layer } of files) {
            const fileName = path.slice(path.lastIndexOf('/') + 1);
            if (path.includes('checks/'))
                continue;
            if (path.startsWith('mixins/')) {
                if (!fileName.endsWith('.yaml'))
                    continue;
                const mixin = readOrWrap(layer, 'RecipeMixin', path);
                const name = mixin.metadata.name;
                const existing = mixins.get(name);
                if (existing)
                    throw (0,errors/* invalidInput */.aY)(`duplicate mixin name "${name}" in ${path} (also defined in ${existing.path})`, { hint: 'give each mixin a unique metadata.name' });
                mixins.set(name, { name, path, document: (0,objects/* deepFreeze */.ol)(mixin) });
                continue;
            }
            if (path.includes('components/'))
                continue;
            if (!fileName.endsWith('.yaml') || fileName === 'registry.yaml' || fileName === 'data-v1.yaml')
                continue;
            const document = readOrWrap(layer, 'RecipeMetadata', path);
            if (!document)
                continue;
            normaliseSpec(document);
            (0,objects/* deepFreeze */.ol)(document);
            if (fileName === 'base.yaml' && path.includes('overlays/')) {
                base = document;
                continue;
            }
            const name = document.metadata.name;
            const existing = overlays.get(name);
            if (existing) {
                throw (0,errors/* invalidInput */.aY)(`overlay name "${name}" is defined twice: ${existing.path} (${existing.origin}) and ${path} (${layer.source.origin})`, {
                    hint: existing.origin !== layer.source.origin
                        ? `to replace the embedded overlay, put your file at ${existing.origin === 'embedded' ? existing.path : path} in the data directory`
                        : 'give each overlay a unique metadata.name',
                });
            }
            const criteria = document.spec.criteria ?? null;
            overlays.set(name, { name, path, origin: layer.source.origin, document, criteria, specificity: criteria ? (0,recipe_criteria/* specificity */.jw)(criteria) : -1 });
        }
        if (!base) {
            throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Internal, 'base.yaml not found', { hint: 'the catalog needs overlays/base.yaml (the root of every recipe)' });
        }
        try {
            (0,order/* validateDependencies */.O)(base.spec.componentRefs ?? []);
        }
        catch (error) {
            throw (0,errors/* wrapError */.J4)(error, 'base recipe validation failed');
        }
        const registry = mergeRegistries(readRegistry(embedded), external ? readRegistry(external) : undefined);
        (0,objects/* deepFreeze */.ol)(registry);
        const components = new Map();
        for (const component of registry.components)
            if (!components.has(component.name))
                components.set(component.name, component);
        const matchable = [...overlays.values()].filter((overlay) => overlay.criteria !== null);
        const layers = external ? { embedded: embedded.source, external: external.source } : { embedded: embedded.source };
        return new Catalog(base, overlays, matchable, mixins, registry, components, layers, embedded.parsedValues);
    }
    /** Relative paths that come from the external `--data` layer, sorted. */
    get externalFiles() {
        return [...(this.layers.external?.files ?? [])].sort();
    }
    /** Reads a data file (values, manifests, …): the external layer wins by path. */
    readText(path) {
        const layer = this.layerOf(path);
        if (!layer)
            throw (0,errors/* notFound */.mX)(`data file not found: ${path}`, { hint: 'check the valuesFile/manifestFiles path in the recipe (paths are relative to the catalog root)' });
        return layer.readText(path);
    }
    /**
     * A values file as a fresh mapping (an empty file gives `{}`). Throws with the file and line
     * when it is not YAML or not a mapping.
     */
    readValues(path) {
        const layer = this.layerOf(path);
        if (!layer)
            throw (0,errors/* notFound */.mX)(`values file not found: ${path}`, { hint: 'check valuesFile in the recipe (paths are relative to the catalog root)' });
        let value = layer === this.layers.embedded ? this.parsedValues?.(path) : undefined;
        if (value === undefined && layer === this.layers.embedded && this.parsedValues) {
            // The precompiled catalog holds every embedded values file; anything else is not one.
            throw (0,errors/* invalidInput */.aY)(`${path} is not a values file of the catalog`, { hint: 'valuesFile must name a components/<name>/values*.yaml file' });
        }
        if (value === undefined) {
            const origin = layer.origin === 'embedded' ? `recipes/${path}` : `${layer.label.replace(/\/+$/, '')}/${path}`;
            value = (0,documents/* parseDocumentSync */.MG)(layer.readText(path), origin, { syntax: 'yaml' }).value;
        }
        if (value === null || value === undefined)
            return {};
        if (typeof value !== 'object' || Array.isArray(value)) {
            throw (0,errors/* invalidInput */.aY)(`${path}: a values file must hold a mapping of Helm values`, { hint: 'write the values as key: value pairs at the top level' });
        }
        return (0,objects/* deepClone */.Go)(value);
    }
    hasFile(path) {
        return this.layerOf(path) !== undefined;
    }
    /** `embedded`, `external`, or `merged (embedded + external)` for the registry. */
    sourceOf(path) {
        if (path === 'registry.yaml' && this.layers.external)
            return 'merged (embedded + external)';
        return this.layerOf(path)?.origin ?? 'missing';
    }
    layerOf(path) {
        if (this.layers.external?.has(path))
            return this.layers.external;
        return this.layers.embedded.has(path) ? this.layers.embedded : undefined;
    }
    /**
     * The inheritance chain of an overlay, root first, without the base recipe. Resolved on first
     * use (a broken `spec.base` only fails builds that use that overlay) and remembered.
     */
    chainOf(name) {
        let chain = this.chains.get(name);
        if (chain === undefined) {
            try {
                chain = resolveChain(this.overlays, name);
            }
            catch (error) {
                chain = error;
            }
            this.chains.set(name, chain);
        }
        if (chain instanceof errors/* AicrError */.Y3)
            throw chain;
        return chain;
    }
}
function readOrWrap(layer, kind, path) {
    try {
        return layer.read(kind, path);
    }
    catch (error) {
        throw (0,errors/* wrapError */.J4)(error, `failed to parse ${path}`, errors/* ErrorCode */.O4.InvalidInput);
    }
}
/** Treats explicit nulls in a spec as absent, so merging never meets a null list. */
function normaliseSpec(document) {
    const mutable = document;
    if (mutable.spec === null || mutable.spec === undefined)
        mutable.spec = {};
    const spec = document.spec;
    for (const key of ['constraints', 'componentRefs', 'mixins', 'validation', 'base'])
        if (spec[key] === null)
            delete spec[key];
}
function readRegistry(layer) {
    try {
        const registry = layer.read('ComponentRegistry', 'registry.yaml');
        if (!registry)
            throw (0,errors/* invalidInput */.aY)('registry.yaml is not a ComponentRegistry');
        return registry;
    }
    catch (error) {
        throw (0,errors/* wrapError */.J4)(error, `failed to parse ${layer.source.origin} registry`, errors/* ErrorCode */.O4.InvalidInput);
    }
}
/** External entries replace embedded ones of the same name; new names are appended. */
function mergeRegistries(embedded, external) {
    if (!external)
        return embedded;
    const replacements = new Map(external.components.map((component) => [component.name, component]));
    const components = embedded.components.map((component) => replacements.get(component.name) ?? component);
    const known = new Set(embedded.components.map((component) => component.name));
    for (const component of external.components)
        if (!known.has(component.name))
            components.push(component);
    const merged = { components };
    if (embedded.apiVersion !== undefined)
        merged.apiVersion = embedded.apiVersion;
    if (embedded.kind !== undefined)
        merged.kind = embedded.kind;
    return merged;
}
function resolveChain(overlays, name) {
    const seen = new Set();
    const chain = [];
    let current = name;
    while (current !== undefined && current !== '' && current !== 'base') {
        if (seen.has(current)) {
            throw (0,errors/* wrapError */.J4)((0,errors/* invalidInput */.aY)(`circular inheritance detected: recipe "${current}" references itself in inheritance chain`, {
                hint: `break the cycle in the spec.base fields of: ${[...seen].join(' -> ')} -> ${current}`,
            }), 'failed to resolve inheritance chain');
        }
        seen.add(current);
        const overlay = overlays.get(current);
        if (!overlay) {
            throw (0,errors/* wrapError */.J4)((0,errors/* notFound */.mX)(`recipe "${current}" not found (referenced in inheritance chain)`, {
                hint: `add an overlay named "${current}" or fix spec.base in ${chain.length ? overlays.get(chain[chain.length - 1]).path : 'the overlay'}`,
            }), 'failed to resolve inheritance chain');
        }
        chain.push(current);
        current = overlay.document.spec.base;
    }
    return chain.reverse();
}

// EXTERNAL MODULE: ./src/core/documents/parse.ts
var parse = __webpack_require__(1861);
;// CONCATENATED MODULE: ./src/core/catalog/source.ts
/**
 * Where recipe data files come from: a directory on disk (the embedded catalog or a user's
 * `--data` directory), and the layering of an external directory over the embedded one.
 */




/** Largest single file accepted in a data directory (upstream's limit). */
const MAX_DATA_FILE_BYTES = parse/* MAX_DOCUMENT_BYTES */.bi;
/** Lists regular files below `root`, depth first, entries of a directory in lexical order. */
function walkFiles(root, onEntry) {
    const out = [];
    const visit = (dir, prefix) => {
        const entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const relative = prefix + entry.name;
            const absolute = (0,external_node_path_.join)(dir, entry.name);
            onEntry?.(relative, absolute);
            if (entry.isDirectory())
                visit(absolute, relative + '/');
            else if (entry.isFile())
                out.push(relative);
        }
    };
    visit(root, '');
    return out;
}
class DirectorySource {
    root;
    label;
    origin;
    files;
    fileSet;
    constructor(root, label, origin, files) {
        this.root = root;
        this.label = label;
        this.origin = origin;
        this.files = files ?? walkFiles(root);
        this.fileSet = new Set(this.files);
    }
    has(path) {
        return this.fileSet.has(path);
    }
    readText(path) {
        try {
            return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(this.root, ...path.split('/')), 'utf8');
        }
        catch (error) {
            throw (0,errors/* wrapError */.J4)(error, `failed to read ${path} from the ${this.label}`);
        }
    }
}
/**
 * Opens a user's `--data` directory after checking it: it exists, is a directory, holds a
 * `registry.yaml`, and contains no symlinks, no `..` paths and no file over the size limit.
 */
function openExternalDirectory(dir, maxFileBytes = MAX_DATA_FILE_BYTES) {
    let stats;
    try {
        stats = (0,external_node_fs_.statSync)(dir);
    }
    catch (error) {
        throw (0,errors/* notFound */.mX)(`external data directory not found: ${dir}`, {
            cause: error,
            hint: 'pass --data a directory that exists (it layers over the embedded catalog)',
        });
    }
    if (!stats.isDirectory()) {
        throw (0,errors/* invalidInput */.aY)(`external data path is not a directory: ${dir}`, { hint: '--data takes a directory laid out like recipes/' });
    }
    const problems = [];
    let files;
    try {
        files = walkFiles(dir, (relative, absolute) => {
            if (relative.includes('..'))
                problems.push(`path traversal detected: ${relative}`);
            // Names end up in bundles and checksums.txt lines: no control characters or backslashes.
            if (/[\u0000-\u001f\u007f\\]/.test(relative))
                problems.push(`unsupported character in file name: ${JSON.stringify(relative)}`);
            const entry = (0,external_node_fs_.lstatSync)(absolute);
            if (entry.isSymbolicLink())
                problems.push(`symlinks not allowed: ${relative}`);
            else if (entry.isFile() && entry.size > maxFileBytes)
                problems.push(`file too large (${entry.size} bytes, max ${maxFileBytes}): ${relative}`);
            else if (!entry.isFile() && !entry.isDirectory())
                problems.push(`not a regular file: ${relative}`);
        });
    }
    catch (error) {
        throw (0,errors/* wrapError */.J4)(error, `failed to walk external data directory ${dir}`, errors/* ErrorCode */.O4.InvalidInput);
    }
    if (problems.length > 0) {
        throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.InvalidInput, `external directory validation failed: ${problems.join('; ')}`, {
            hint: `replace symlinks with real files, keep files under ${maxFileBytes} bytes and avoid ".." in names inside ${dir}`,
            details: { problems },
        });
    }
    if (!files.includes('registry.yaml')) {
        throw (0,errors/* invalidInput */.aY)(`registry.yaml is required in external data directory: ${dir}`, {
            hint: 'add a registry.yaml (kind: ComponentRegistry, components: [] is enough) at the top of the data directory',
        });
    }
    return new DirectorySource(dir, dir, 'external', files);
}

// EXTERNAL MODULE: ./src/core/catalog/precompiled.ts
var precompiled = __webpack_require__(569);
;// CONCATENATED MODULE: ./src/core/catalog/embedded.ts
/**
 * The catalog shipped in `recipes/`, and the per-process cache of loaded catalogs.
 *
 * Bundled entry points may switch on the precompiled form (`dist/catalog.json`, written by the
 * build from the same files): it skips YAML parsing at start-up and never changes meaning.
 */








/** `dist/catalog.json` when the entry point enabled it and it exists. */
function precompiledPath() {
    if (!(0,precompiled/* precompiledCatalogEnabled */.h)())
        return undefined;
    const path = (0,external_node_path_.join)(projectRoot(), 'dist', 'catalog.json');
    return (0,external_node_fs_.existsSync)(path) ? path : undefined;
}
let root;
/** The project root: the nearest ancestor of this module holding recipes/registry.yaml. */
function projectRoot() {
    if (root)
        return root;
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let depth = 0; depth < 6; depth++) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'recipes', 'registry.yaml')))
            return (root = dir);
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    throw (0,errors/* internalError */.WB)('the embedded recipe catalog (recipes/registry.yaml) was not found next to the program', {
        hint: 'reinstall the package; the recipes/ folder must ship with it',
    });
}
function embeddedRecipesDir() {
    return (0,external_node_path_.join)(projectRoot(), 'recipes');
}
function embeddedLayer(compiledPath) {
    if (compiledPath) {
        const compiled = JSON.parse((0,external_node_fs_.readFileSync)(compiledPath, 'utf8'));
        const source = new DirectorySource(embeddedRecipesDir(), 'embedded catalog', 'embedded', compiled.files);
        const read = (kind, path) => {
            const document = compiled.documents[path];
            if (document === undefined)
                return yamlDocumentReader(source)(kind, path);
            return (document === null ? undefined : document);
        };
        const parsedValues = (path) => compiled.documents[path];
        return { source, read, parsedValues };
    }
    const source = new DirectorySource(embeddedRecipesDir(), 'embedded catalog', 'embedded');
    return { source, read: yamlDocumentReader(source) };
}
const cache = new Map();
/**
 * The catalog for a `--data` directory (or the embedded one), loaded once per process.
 * A failed load is not cached, so a corrected directory can be retried.
 */
function loadCatalog(dataDir) {
    const key = dataDir ?? '';
    let pending = cache.get(key);
    if (!pending) {
        pending = (async () => {
            const external = dataDir ? openExternalDirectory(dataDir) : undefined;
            const compiledPath = precompiledPath();
            const embedded = embeddedLayer(compiledPath);
            const externalLayer = external ? { source: external, read: yamlDocumentReader(external) } : undefined;
            if (compiledPath && !externalLayer) {
                // Nothing to parse: the precompiled catalog needs neither the YAML parser nor ajv.
                return Catalog.fromLayers(embedded);
            }
            return loadCatalogLayers(embedded, externalLayer);
        })();
        cache.set(key, pending);
        pending.catch(() => cache.delete(key));
    }
    return pending;
}


/***/ }),

/***/ 1105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bl: () => (/* binding */ CRITERIA_VALUES),
/* harmony export */   OZ: () => (/* binding */ applyCriteria),
/* harmony export */   PX: () => (/* binding */ describeCriteria),
/* harmony export */   SL: () => (/* binding */ criteriaForOutput),
/* harmony export */   b1: () => (/* binding */ criteriaMatch),
/* harmony export */   jw: () => (/* binding */ specificity),
/* harmony export */   oJ: () => (/* binding */ CRITERIA_FIELDS),
/* harmony export */   qZ: () => (/* binding */ parseCriteriaValue),
/* harmony export */   sx: () => (/* binding */ isAnyCriteria),
/* harmony export */   x4: () => (/* binding */ ANY),
/* harmony export */   yg: () => (/* binding */ anyCriteria)
/* harmony export */ });
/* unused harmony exports parseNodes, nonCanonicalCriteria */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * Recipe criteria: the enums, their aliases, normalisation of user input and the asymmetric
 * match of an overlay's criteria against a query.
 */

const ANY = 'any';
const CRITERIA_FIELDS = ['service', 'accelerator', 'intent', 'os', 'platform'];
/** Canonical values per field, alphabetical (as listed in help and error messages). */
const CRITERIA_VALUES = {
    service: ['aks', 'eks', 'gke', 'kind', 'oke'],
    accelerator: ['a100', 'b200', 'gb200', 'h100', 'l40'],
    intent: ['inference', 'training'],
    os: ['amazonlinux', 'cos', 'rhel', 'ubuntu'],
    platform: ['dynamo', 'kubeflow'],
};
/** Accepted spellings (after trim + lower-case) that map onto a canonical value. */
const ALIASES = {
    service: { '': ANY, any: ANY, 'self-managed': ANY, self: ANY, vanilla: ANY },
    accelerator: { '': ANY, any: ANY },
    intent: { '': ANY, any: ANY },
    os: { '': ANY, any: ANY, al2: 'amazonlinux', al2023: 'amazonlinux' },
    platform: { '': ANY, any: ANY },
};
const LOOKUP = Object.fromEntries(CRITERIA_FIELDS.map((field) => {
    const table = new Map(Object.entries(ALIASES[field]));
    for (const value of CRITERIA_VALUES[field])
        table.set(value, value);
    return [field, table];
}));
/** How each field is named in messages (upstream spells OS in capitals in its wrappers). */
const FIELD_LABEL = {
    service: 'service',
    accelerator: 'accelerator',
    intent: 'intent',
    os: 'os',
    platform: 'platform',
};
/**
 * Normalises one criteria value: trim, lower-case, aliases. `input` names where the value came
 * from (`--service`, `criteria file x.yaml`), for the error message.
 */
function parseCriteriaValue(field, raw, input = `--${field}`) {
    const value = LOOKUP[field].get(raw.trim().toLowerCase());
    if (value !== undefined)
        return value;
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`invalid ${FIELD_LABEL[field]} type: ${raw}`, {
        hint: `${input} must be one of: ${CRITERIA_VALUES[field].join(', ')} (or "any")`,
        details: { field, value: raw, allowed: [...CRITERIA_VALUES[field]] },
    });
}
function parseNodes(raw, input = '--nodes') {
    const value = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`invalid nodes value: ${String(raw)}`, { hint: `${input} must be a whole number (0 means any)` });
    }
    if (value < 0) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`invalid nodes count: ${value} (must be >= 0)`, { hint: `${input} must be 0 or more (0 means any)` });
    }
    return value;
}
function anyCriteria() {
    return { service: ANY, accelerator: ANY, intent: ANY, os: ANY, platform: ANY, nodes: 0 };
}
/**
 * Applies raw values onto `base` (later sources override earlier ones); empty strings and
 * nodes <= 0 leave the field unchanged.
 */
function applyCriteria(base, raw, inputName) {
    const out = { ...base };
    for (const field of CRITERIA_FIELDS) {
        const value = raw[field];
        if (value === undefined || value === null || value === '')
            continue;
        out[field] = parseCriteriaValue(field, String(value), inputName(field));
    }
    if (raw.nodes !== undefined && raw.nodes !== null) {
        const nodes = parseNodes(raw.nodes, inputName('nodes'));
        if (nodes > 0)
            out.nodes = nodes;
    }
    return out;
}
function isAnyCriteria(criteria) {
    return CRITERIA_FIELDS.every((field) => criteria[field] === ANY || criteria[field] === '') && criteria.nodes === 0;
}
/** `criteria(service=eks, accelerator=h100)` or `criteria(any)`. */
function describeCriteria(criteria) {
    const parts = [];
    for (const field of CRITERIA_FIELDS) {
        const value = criteria[field];
        if (value !== ANY && value !== '')
            parts.push(`${field}=${value}`);
    }
    if (criteria.nodes !== 0)
        parts.push(`nodes=${criteria.nodes}`);
    return `criteria(${parts.length ? parts.join(', ') : 'any'})`;
}
function isWildcard(value) {
    return value === undefined || value === null || value === '' || value === ANY;
}
/**
 * Asymmetric match: a generic overlay field matches anything; a specific overlay field matches
 * only the same specific query value (raw, case-sensitive: overlay data is not normalised).
 */
function criteriaMatch(overlay, query) {
    for (const field of CRITERIA_FIELDS) {
        const wanted = overlay[field];
        if (isWildcard(wanted))
            continue;
        if (wanted !== query[field])
            return false;
    }
    const nodes = overlay.nodes ?? 0;
    return nodes === 0 || nodes === query.nodes;
}
/** Number of specific fields (empty and `any` count as generic). */
function specificity(overlay) {
    let score = 0;
    for (const field of CRITERIA_FIELDS)
        if (!isWildcard(overlay[field]))
            score++;
    if ((overlay.nodes ?? 0) !== 0)
        score++;
    return score;
}
/** The criteria block of a result: normalised values, empty strings and 0 nodes omitted. */
function criteriaForOutput(criteria) {
    const out = {};
    for (const field of CRITERIA_FIELDS)
        if (criteria[field] !== '')
            out[field] = criteria[field];
    if (criteria.nodes !== 0)
        out.nodes = criteria.nodes;
    return out;
}
/** Overlay criteria values that can never match because they are not canonical (data lint). */
function nonCanonicalCriteria(overlay) {
    const problems = [];
    for (const field of CRITERIA_FIELDS) {
        const value = overlay[field];
        if (isWildcard(value))
            continue;
        if (!CRITERIA_VALUES[field].includes(String(value))) {
            problems.push(`${field}: ${JSON.stringify(value)} is not one of ${CRITERIA_VALUES[field].join(', ')}`);
        }
    }
    return problems;
}


/***/ }),

/***/ 994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ validateDependencies),
/* harmony export */   q: () => (/* binding */ deploymentOrder)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _serialize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8237);
/** Dependency checks and the deployment order of a recipe's components. */


/**
 * Every dependency must name a component of the same recipe, and there must be no cycle.
 * The cycle message lists the chain, e.g. `[a b a]`.
 */
function validateDependencies(components) {
    const byName = new Map();
    for (const component of components)
        byName.set(component.name, component);
    for (const component of components) {
        for (const dependency of component.dependencyRefs ?? []) {
            if (!byName.has(dependency)) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`component "${component.name}" references unknown dependency "${dependency}"`, {
                    hint: `add "${dependency}" to the recipe's componentRefs or remove it from ${component.name}'s dependencyRefs`,
                    details: { component: component.name, dependency },
                });
            }
        }
    }
    const done = new Set();
    const stack = [];
    const onStack = new Set();
    const visit = (name) => {
        stack.push(name);
        onStack.add(name);
        for (const dependency of byName.get(name).dependencyRefs ?? []) {
            if (onStack.has(dependency)) {
                const cycle = [...stack.slice(stack.indexOf(dependency)), dependency];
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .wrapError */ .J4)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`circular dependency detected: [${cycle.join(' ')}]`, {
                    hint: `remove one of the dependencyRefs along ${cycle.join(' -> ')}`,
                    details: { cycle },
                }), 'dependency validation failed');
            }
            if (!done.has(dependency))
                visit(dependency);
        }
        stack.pop();
        onStack.delete(name);
        done.add(name);
    };
    for (const component of components)
        if (!done.has(component.name))
            visit(component.name);
}
/**
 * Kahn's algorithm taking the smallest ready name each step: the unique lexicographically
 * smallest topological order, so the same recipe always deploys in the same order.
 */
function deploymentOrder(components) {
    const inDegree = new Map();
    const dependents = new Map();
    for (const component of components) {
        inDegree.set(component.name, component.dependencyRefs?.length ?? 0);
        for (const dependency of component.dependencyRefs ?? []) {
            let list = dependents.get(dependency);
            if (!list)
                dependents.set(dependency, (list = []));
            list.push(component.name);
        }
    }
    const ready = [];
    for (const [name, degree] of inDegree)
        if (degree === 0)
            ready.push(name);
    ready.sort(_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .compareStrings */ .Kt);
    const order = [];
    while (ready.length > 0) {
        const name = ready.shift();
        order.push(name);
        for (const dependent of dependents.get(name) ?? []) {
            const degree = inDegree.get(dependent) - 1;
            inDegree.set(dependent, degree);
            if (degree === 0)
                insertSorted(ready, dependent);
        }
    }
    if (order.length !== inDegree.size) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .wrapError */ .J4)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .internalError */ .WB)('cannot determine deployment order: circular dependencies exist'), 'failed to compute deployment order');
    }
    return order;
}
function insertSorted(list, value) {
    let low = 0;
    let high = list.length;
    while (low < high) {
        const mid = (low + high) >>> 1;
        if ((0,_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .compareStrings */ .Kt)(list[mid], value) < 0)
            low = mid + 1;
        else
            high = mid;
    }
    list.splice(low, 0, value);
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


/***/ }),

/***/ 2692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ mergeValues),
/* harmony export */   Go: () => (/* binding */ deepClone),
/* harmony export */   P5: () => (/* binding */ setOwn),
/* harmony export */   ol: () => (/* binding */ deepFreeze)
/* harmony export */ });
/* harmony import */ var _serialize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8237);
/** Small helpers for plain data: freezing, copying and merging without sharing mutable state. */


/** Freezes `value` and everything reachable from it; returns it for chaining. */
function deepFreeze(value) {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const key of Object.keys(value))
            deepFreeze(value[key]);
    }
    return value;
}
/** A fresh, mutable copy of plain data (objects, arrays, scalars). */
function deepClone(value) {
    if (Array.isArray(value))
        return value.map((item) => deepClone(item));
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const key of Object.keys(value))
            setOwn(out, key, deepClone(value[key]));
        return out;
    }
    return value;
}
/**
 * Sets an own property even for keys such as `__proto__`, which plain assignment would turn
 * into a prototype change (input documents may contain any key).
 */
function setOwn(target, key, value) {
    if (key === '__proto__')
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else
        target[key] = value;
}
/**
 * Deep merge into a new object: mappings merge recursively; any other value in `source`
 * (lists, scalars, explicit null) replaces the destination value. Neither input is modified;
 * untouched subtrees of the inputs are shared, so inputs must be treated as immutable.
 */
function mergeValues(destination, source) {
    const out = {};
    for (const key of Object.keys(destination))
        setOwn(out, key, destination[key]);
    for (const key of Object.keys(source)) {
        const incoming = source[key];
        const existing = Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined;
        if ((0,_serialize_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(existing) && (0,_serialize_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(incoming))
            setOwn(out, key, mergeValues(existing, incoming));
        else
            setOwn(out, key, incoming);
    }
    return out;
}


/***/ })

};
