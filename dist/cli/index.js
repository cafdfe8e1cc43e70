#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _core_catalog_embedded_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2069);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1595);
// Entry point of the bundled `aicr` CLI.


(0,_core_catalog_embedded_js__WEBPACK_IMPORTED_MODULE_0__/* .usePrecompiledCatalog */ .r5)();
process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1595:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __nccwpck_require__(1227);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __nccwpck_require__(3323);
;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * A small, strict argv parser: declared flags only, `--flag value` and `--flag=value`,
 * aliases, repeatable flags, environment-variable defaults, and errors that say how to fix them.
 */

const HELP_FLAGS = new Set(['-h', '--help']);
function lookupTable(spec) {
    const table = new Map();
    for (const flag of spec.flags) {
        table.set(`--${flag.name}`, flag);
        for (const alias of flag.aliases ?? [])
            table.set(alias, flag);
    }
    return table;
}
function suggestion(spec, unknown) {
    const name = unknown.replace(/^-+/, '').split('=')[0];
    const close = spec.flags.map((f) => f.name).filter((candidate) => distance(candidate, name) <= 2 || candidate.includes(name) || name.includes(candidate));
    const tail = `run "aicr ${spec.name} --help" for the list of flags`;
    return close.length ? `did you mean ${close.map((c) => `--${c}`).join(' or ')}? ${tail}` : tail;
}
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
function convert(flag, raw, shown) {
    switch (flag.type) {
        case 'boolean': {
            const value = raw.toLowerCase();
            if (value === 'true')
                return true;
            if (value === 'false')
                return false;
            throw (0,errors/* invalidInput */.aY)(`flag ${shown} takes true or false, not "${raw}"`, { hint: `write ${shown} or ${shown}=false` });
        }
        case 'integer': {
            if (!/^-?\d+$/.test(raw.trim()))
                throw (0,errors/* invalidInput */.aY)(`flag ${shown} takes a whole number, not "${raw}"`, { hint: `e.g. ${shown}=8` });
            return Number(raw.trim());
        }
        default:
            if (flag.choices && !flag.choices.includes(raw)) {
                throw (0,errors/* invalidInput */.aY)(`flag ${shown}: "${raw}" is not one of ${flag.choices.join(', ')}`, { hint: `choose one of: ${flag.choices.join(', ')}` });
            }
            return raw;
    }
}
function parseArgs(spec, argv, env = process.env) {
    const table = lookupTable(spec);
    const flags = {};
    const positionals = [];
    let help = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (HELP_FLAGS.has(arg)) {
            help = true;
            continue;
        }
        if (!arg.startsWith('-') || arg === '-') {
            positionals.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const key = eq > 0 ? arg.slice(0, eq) : arg;
        const flag = table.get(key);
        if (!flag)
            throw (0,errors/* invalidInput */.aY)(`unknown flag ${key} for "aicr ${spec.name}"`, { hint: suggestion(spec, key) });
        let raw;
        if (eq > 0)
            raw = arg.slice(eq + 1);
        else if (flag.type === 'boolean')
            raw = 'true';
        else {
            const next = argv[i + 1];
            if (next === undefined)
                throw (0,errors/* invalidInput */.aY)(`flag --${flag.name} needs a value`, { hint: `write --${flag.name} ${flag.value ?? '<value>'}` });
            raw = next;
            i++;
        }
        // An empty value means "not set": templated callers (GitLab inputs) pass "" for unset inputs.
        if (raw === '')
            continue;
        if (flag.type === 'list') {
            const list = flags[flag.name] ?? [];
            list.push(raw);
            flags[flag.name] = list;
            continue;
        }
        if (flags[flag.name] !== undefined) {
            throw (0,errors/* invalidInput */.aY)(`flag --${flag.name} can only be specified once`, { hint: `remove the repeated --${flag.name}` });
        }
        flags[flag.name] = convert(flag, raw, `--${flag.name}`);
    }
    for (const flag of spec.flags) {
        if (flags[flag.name] !== undefined)
            continue;
        const fromEnv = flag.env ? env[flag.env] : undefined;
        if (fromEnv !== undefined && fromEnv !== '') {
            flags[flag.name] = flag.type === 'list' ? fromEnv.split(',').map((s) => s.trim()).filter(Boolean) : convert(flag, fromEnv, `$${flag.env}`);
        }
        else if (flag.default !== undefined) {
            flags[flag.name] = flag.default;
        }
    }
    const allowed = spec.positionals?.length ?? 0;
    if (!help && positionals.length > allowed) {
        throw (0,errors/* invalidInput */.aY)(`unexpected argument "${positionals[allowed]}" for "aicr ${spec.name}"`, {
            hint: allowed ? `usage: ${spec.usage}` : `"aicr ${spec.name}" takes flags only; run "aicr ${spec.name} --help"`,
        });
    }
    return { flags, positionals, help };
}
/** `--help` text of a command, generated from its spec. */
function formatHelp(spec) {
    const lines = [`${spec.summary}`, '', `Usage: ${spec.usage}`, '', 'Flags:'];
    const rows = spec.flags.map((flag) => {
        const names = [`--${flag.name}`, ...(flag.aliases ?? [])].join(', ');
        const value = flag.type === 'boolean' ? '' : ` ${flag.value ?? (flag.type === 'integer' ? '<n>' : '<value>')}`;
        const extras = [];
        if (flag.choices)
            extras.push(`one of: ${flag.choices.join(', ')}`);
        if (flag.default !== undefined && flag.default !== '')
            extras.push(`default: ${String(flag.default)}`);
        if (flag.env)
            extras.push(`env: $${flag.env}`);
        if (flag.type === 'list')
            extras.push('repeatable');
        return [`  ${names}${value}`, `${flag.description}${extras.length ? ` (${extras.join('; ')})` : ''}`];
    });
    rows.push(['  -h, --help', 'show this help']);
    const width = Math.min(40, Math.max(...rows.map((r) => r[0].length)) + 2);
    for (const [left, right] of rows)
        lines.push(left.length >= width ? `${left}\n${' '.repeat(width)}${right}` : `${left.padEnd(width)}${right}`);
    if (spec.examples?.length)
        lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/cli/commands/index.ts
const COMMANDS = {
    snapshot: { summary: 'measure a GPU node (OS, systemd, GPU, Kubernetes, topology) into a Snapshot', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(500), __nccwpck_require__.e(338), __nccwpck_require__.e(590), __nccwpck_require__.e(74), __nccwpck_require__.e(927)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3927))).command },
    diff: { summary: 'compare two snapshots and report drift (--fail-on-drift exits 11)', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(500), __nccwpck_require__.e(338), __nccwpck_require__.e(590), __nccwpck_require__.e(855)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4855))).command },
    recipe: { summary: 'resolve a recipe from criteria, a criteria file or a snapshot', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(500), __nccwpck_require__.e(349), __nccwpck_require__.e(143)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3143))).command },
    query: { summary: 'print one value of a hydrated recipe (dot-path selector)', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(500), __nccwpck_require__.e(349), __nccwpck_require__.e(333)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7333))).command },
    validate: { summary: 'check a recipe\'s constraints against a snapshot (exit 10 when one fails); CTRF, JUnit, Code Quality reports', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(500), __nccwpck_require__.e(340)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5340))).command },
    bundle: { summary: 'generate a deployment bundle (helm, argocd, argocdhelm, flux, helmfile) from a recipe', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(358), __nccwpck_require__.e(667)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1667))).command },
    verify: { summary: 'check a bundle against its checksums.txt (exit 12 on findings)', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(358), __nccwpck_require__.e(412)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3412))).command },
};

;// CONCATENATED MODULE: ./src/cli/context.ts
/** Flags shared by every command. */
const GLOBAL_FLAGS = [
    { name: 'debug', type: 'boolean', description: 'print debug logs', env: 'AICR_DEBUG' },
    { name: 'log-json', type: 'boolean', description: 'write logs as JSON lines on stderr', env: 'AICR_LOG_JSON' },
];

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The `aicr` command line: global flags, command dispatch, and the one place where errors
 * become messages and exit codes.
 */






function topLevelHelp() {
    const names = Object.keys(COMMANDS);
    const width = Math.max(...names.map((n) => n.length)) + 2;
    return [
        'aicr: NVIDIA AI Cluster Runtime for CI pipelines (snapshot, recipe, validate, bundle, verify).',
        '',
        'Usage: aicr <command> [flags]',
        '',
        'Commands:',
        ...names.map((name) => `  ${name.padEnd(width)}${COMMANDS[name].summary}`),
        '',
        'Global flags:',
        '  --debug         print debug logs ($AICR_DEBUG)',
        '  --log-json      write logs as JSON lines on stderr ($AICR_LOG_JSON)',
        '  -h, --help      show help (also "aicr <command> --help")',
        '  -v, --version   print the version',
        '',
        'Exit codes:',
        ...errors/* EXIT_CODE_TABLE */.KU.map((row) => `  ${String(row.code).padEnd(4)}${row.name}: ${row.meaning}`),
        '',
    ].join('\n');
}
/** process.stdin is only touched when a command reads `-` (creating it costs start-up time). */
const lazyStdin = {
    [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
};
function defaultIO() {
    return { stdout: process.stdout, stderr: process.stderr, stdin: lazyStdin, env: process.env };
}
/** Runs one invocation and returns its exit code (never calls process.exit). */
async function main(argv, io = defaultIO()) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
        const topic = name === 'help' ? rest[0] : undefined;
        if (topic && COMMANDS[topic]) {
            io.stdout.write(formatHelp((await COMMANDS[topic].load()).spec));
            return 0;
        }
        io.stdout.write(topLevelHelp());
        return name === undefined ? 2 : 0;
    }
    if (name === '-v' || name === '--version' || name === 'version') {
        io.stdout.write(`aicr ${version/* VERSION */.x}\n`);
        return 0;
    }
    const debugEnv = io.env.AICR_DEBUG === 'true' || io.env.AICR_DEBUG === '1';
    const jsonEnv = io.env.AICR_LOG_JSON === 'true' || io.env.AICR_LOG_JSON === '1';
    let logger = (0,core_logger/* consoleLogger */.k)({ stream: io.stderr, debug: debugEnv || rest.includes('--debug'), json: jsonEnv || rest.includes('--log-json') });
    try {
        const entry = COMMANDS[name];
        if (!entry) {
            io.stderr.write(`unknown command "${name}"\n\n${topLevelHelp()}`);
            return 2;
        }
        const command = await entry.load();
        const spec = { ...command.spec, flags: [...command.spec.flags, ...GLOBAL_FLAGS] };
        const args = parseArgs(spec, rest, io.env);
        if (args.help) {
            io.stdout.write(formatHelp(spec));
            return 0;
        }
        logger = (0,core_logger/* consoleLogger */.k)({ stream: io.stderr, debug: args.flags.debug === true, json: args.flags['log-json'] === true });
        return await command.run(args, { ...io, logger });
    }
    catch (error) {
        const code = (0,errors/* exitCodeFor */.Rr)(error);
        if (code === 1 && error instanceof Error && error.stack)
            logger.debug(error.stack);
        const text = (0,errors/* formatError */.Wk)(error);
        if (io.env.AICR_LOG_JSON === 'true' || rest.includes('--log-json')) {
            io.stderr.write(JSON.stringify({ level: 'error', msg: 'command failed', error: text, exitCode: code }) + '\n');
        }
        else {
            io.stderr.write(`error: ${text}\n`);
        }
        return code;
    }
}


/***/ }),

/***/ 2069:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ loadCatalog),
  r5: () => (/* binding */ usePrecompiledCatalog)
});

// UNUSED EXPORTS: embeddedRecipesDir, projectRoot

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/documents/index.ts
var documents = __nccwpck_require__(5738);
// EXTERNAL MODULE: ./src/core/util/objects.ts
var objects = __nccwpck_require__(2692);
// EXTERNAL MODULE: ./src/core/recipe/criteria.ts
var recipe_criteria = __nccwpck_require__(1105);
// EXTERNAL MODULE: ./src/core/recipe/order.ts
var order = __nccwpck_require__(994);
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
    await Promise.all([(0,documents/* ensureYamlParser */.jM)(), (0,documents/* loadValidators */.As)()]);
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
var parse = __nccwpck_require__(1861);
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

;// CONCATENATED MODULE: ./src/core/catalog/embedded.ts
/**
 * The catalog shipped in `recipes/`, and the per-process cache of loaded catalogs.
 *
 * Bundled entry points may switch on the precompiled form (`dist/catalog.json`, written by the
 * build from the same files): it skips YAML parsing at start-up and never changes meaning.
 */






let precompiledPath;
/** Use `dist/catalog.json` for the embedded catalog (called by bundled entry points only). */
function usePrecompiledCatalog(path = (0,external_node_path_.join)(projectRoot(), 'dist', 'catalog.json')) {
    if ((0,external_node_fs_.existsSync)(path))
        precompiledPath = path;
}
let root;
/** The project root: the nearest ancestor of this module holding recipes/registry.yaml. */
function projectRoot() {
    if (root)
        return root;
    let dir = (0,external_node_path_.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
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
function embeddedLayer() {
    if (precompiledPath) {
        const compiled = JSON.parse((0,external_node_fs_.readFileSync)(precompiledPath, 'utf8'));
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
            const embedded = embeddedLayer();
            const externalLayer = external ? { source: external, read: yamlDocumentReader(external) } : undefined;
            if (precompiledPath && !externalLayer) {
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

/***/ 5738:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ loadValidators),
/* harmony export */   MG: () => (/* reexport safe */ _parse_js__WEBPACK_IMPORTED_MODULE_1__.MG),
/* harmony export */   jM: () => (/* reexport safe */ _parse_js__WEBPACK_IMPORTED_MODULE_1__.jM),
/* harmony export */   sw: () => (/* binding */ checkDocument),
/* harmony export */   u0: () => (/* binding */ readDocument)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1861);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9834);
/**
 * The single door through which untrusted documents enter core: parse (with size and alias
 * limits), check against the JSON Schema of their kind, and report file, path and line on error.
 */






const validatorNames = {
    RecipeMetadata: 'recipeMetadata',
    RecipeMixin: 'recipeMixin',
    ComponentRegistry: 'componentRegistry',
    RecipeCriteria: 'recipeCriteria',
    RecipeResult: 'recipe',
    Snapshot: 'snapshot',
};
let validators;
/** Precompiled schema validators, loaded on first use. */
async function loadValidators() {
    validators ??= (await __nccwpck_require__.e(/* import() */ 604).then(__nccwpck_require__.bind(__nccwpck_require__, 5604)));
    return validators;
}
/**
 * Parses `text` as a document of `kind` and checks it against the kind's schema. Block YAML and
 * JSON take fast paths; the general YAML parser loads only for documents outside them.
 */
async function readDocument(kind, text, origin) {
    const [parsed] = await Promise.all([(0,_source_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSource */ .P)(text, origin), loadValidators()]);
    const document = checkDocument(kind, parsed);
    return { document, parsed };
}
/** Schema-checks an already parsed document; validators must have been loaded. */
function checkDocument(kind, parsed) {
    const value = parsed.value;
    if (value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${parsed.origin}: the ${kind} document is empty`, {
            location: { file: parsed.origin },
            hint: `pass a file that contains a ${kind} document`,
        });
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${parsed.origin}: expected a ${kind} mapping, found ${describeType(value)}`, {
            location: { file: parsed.origin, line: 1 },
            hint: `pass a YAML or JSON ${kind} document`,
        });
    }
    const validate = validators?.[validatorNames[kind]];
    if (!validate)
        throw new Error('schema validators were used before they were loaded');
    if (!validate(value)) {
        const error = validate.errors[0];
        throw schemaError(kind, parsed, error);
    }
    return value;
}
function schemaError(kind, parsed, error) {
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
            problem = `has the unknown field "${String(error.params.additionalProperty)}"`;
            hint = `remove the field; ${kind} documents allow only the fields in schemas/${fileNameFor(kind)}`;
            break;
        case 'enum':
            problem = `is ${JSON.stringify(actual)}, allowed values: ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
            break;
        case 'const':
            problem = `is ${JSON.stringify(actual)}, expected ${JSON.stringify(error.params.allowedValue)}`;
            break;
        case 'type':
            problem = `must be ${String(error.params.type).replace(',', ' or ')}, found ${describeType(actual)}`;
            if (String(error.params.type).startsWith('string') && (typeof actual === 'number' || typeof actual === 'boolean')) {
                hint = `quote the value ("${String(actual)}") so YAML keeps it as text`;
            }
            break;
        default:
            problem = `${error.message ?? 'is invalid'}`;
    }
    const location = parsed.locate(target);
    const where = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(location);
    const field = (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPath */ .jV)(target) || '(document)';
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${where}: ${kind} field ${field} ${problem}`, { location: { ...location, path: field }, hint });
}
function fileNameFor(kind) {
    const base = validatorNames[kind].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    return `${base}.schema.json`;
}
function unescapePointer(segment) {
    return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
function valueAt(root, path) {
    let node = root;
    for (const segment of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[segment];
    }
    return node;
}
function describeType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value)}`;
    return `the ${typeof value} ${String(value)}`;
}


/***/ }),

/***/ 1861:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ checkSize),
/* harmony export */   MG: () => (/* binding */ parseDocumentSync),
/* harmony export */   Tp: () => (/* binding */ parseDocument),
/* harmony export */   bi: () => (/* binding */ MAX_DOCUMENT_BYTES),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   jM: () => (/* binding */ ensureYamlParser),
/* harmony export */   jV: () => (/* binding */ formatPath)
/* harmony export */ });
/* unused harmony export MAX_ALIAS_COUNT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);

/** Largest document we read (upstream's per-file limit for external data). */
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Largest number of alias expansions in one document; blocks "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;
let yamlModule;
/** The YAML parser is loaded on first use: commands that read no YAML never pay for it. */
async function loadYaml() {
    yamlModule ??= await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    return yamlModule;
}
/** Preloads the parser so a later synchronous call can use it. */
async function ensureYamlParser() {
    await loadYaml();
}
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
function checkSize(origin, size, maxBytes = MAX_DOCUMENT_BYTES) {
    if (size > maxBytes) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${origin}: document is too large (${size} bytes, limit ${maxBytes} bytes)`, {
            location: { file: origin },
            hint: 'split the document or remove unneeded data; the limit protects the runner from runaway input',
            details: { size, limit: maxBytes },
        });
    }
}
/** Parses YAML or JSON text; async only because the YAML parser loads lazily. */
async function parseDocument(text, origin, options = {}) {
    if (options.syntax !== 'json')
        await loadYaml();
    return parseDocumentSync(text, origin, options);
}
/**
 * Synchronous form of {@link parseDocument}. YAML input needs {@link ensureYamlParser} to have
 * run once before; JSON never needs it.
 */
function parseDocumentSync(text, origin, options = {}) {
    checkSize(origin, byteLength(text), options.maxBytes);
    const trimmed = text.trimStart();
    const looksLikeJson = options.syntax === 'json' || (options.syntax !== 'yaml' && (trimmed.startsWith('{') || trimmed.startsWith('[')));
    if (looksLikeJson && !options.multiDocument) {
        try {
            const value = JSON.parse(text);
            return { value, origin, locate: (path) => locateLazily(text, origin, path) };
        }
        catch (error) {
            if (options.syntax === 'json')
                throw jsonSyntaxError(text, origin, error);
            // Not JSON after all (e.g. a YAML flow mapping): fall through to the YAML parser.
        }
    }
    return parseYaml(text, origin, options);
}
function parseYaml(text, origin, options) {
    const YAML = yamlModule;
    if (!YAML)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AicrError */ .Y3(_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.Internal, 'the YAML parser was used before it was loaded');
    const lineCounter = new YAML.LineCounter();
    const parseOptions = { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' };
    const docs = options.multiDocument ? YAML.parseAllDocuments(text, parseOptions) : [YAML.parseDocument(text, parseOptions)];
    if (!Array.isArray(docs))
        throw yamlError(origin, lineCounter, docs.errors[0]);
    for (const doc of docs) {
        const problem = doc.errors[0];
        if (problem)
            throw yamlError(origin, lineCounter, problem);
    }
    const values = docs.map((doc) => {
        try {
            return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${origin}: ${error.message}`, {
                location: { file: origin },
                hint: `YAML aliases may expand at most ${MAX_ALIAS_COUNT} times; write the repeated data out instead`,
            });
        }
    });
    const locate = (path) => {
        const doc = docs[0];
        if (!doc)
            return { file: origin };
        return locateInYamlDocument(doc, lineCounter, origin, path);
    };
    return { value: options.multiDocument ? values : values[0], origin, locate };
}
function locateInYamlDocument(doc, lineCounter, origin, path) {
    const YAML = yamlModule;
    let node = doc.contents;
    let best = node;
    for (const segment of path) {
        if (YAML.isMap(node)) {
            const pair = node.items.find((item) => YAML.isScalar(item.key) ? String(item.key.value) === String(segment) : false);
            if (!pair)
                break;
            // Point at the key: that is the line people look for.
            best = pair.key ?? best;
            node = pair.value;
            if (node && node.range && !YAML.isScalar(node))
                best = node;
        }
        else if (YAML.isSeq(node) && typeof segment === 'number') {
            node = node.items[segment];
            if (!node)
                break;
            best = node;
        }
        else {
            break;
        }
    }
    const offset = best?.range?.[0];
    if (offset === undefined)
        return { file: origin, path: formatPath(path) };
    const pos = lineCounter.linePos(offset);
    return { file: origin, line: pos.line, column: pos.col, path: formatPath(path) };
}
function locateLazily(text, origin, path) {
    if (!yamlModule)
        return { file: origin, path: formatPath(path) };
    try {
        return parseYaml(text, origin, {}).locate(path);
    }
    catch {
        return { file: origin, path: formatPath(path) };
    }
}
function yamlError(origin, lineCounter, problem) {
    const error = problem;
    const pos = error.pos ? lineCounter.linePos(error.pos[0]) : undefined;
    const location = { file: origin };
    if (pos) {
        location.line = pos.line;
        location.column = pos.col;
    }
    const firstLine = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const where = pos ? `${origin}:${pos.line}:${pos.col}` : origin;
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${where}: malformed YAML: ${firstLine}`, {
        location,
        hint: 'fix the YAML syntax at that line (indentation, quoting, duplicate keys)',
    });
}
function jsonSyntaxError(text, origin, error) {
    const message = error.message;
    const match = /position (\d+)/.exec(message);
    const location = { file: origin };
    if (match) {
        const offset = Number(match[1]);
        const before = text.slice(0, offset);
        location.line = before.split('\n').length;
        location.column = offset - before.lastIndexOf('\n');
    }
    const where = location.line ? `${origin}:${location.line}:${location.column}` : origin;
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${where}: malformed JSON: ${message}`, { location, hint: 'fix the JSON syntax at that position' });
}
/** `spec.componentRefs[2].name` from path segments. */
function formatPath(path) {
    let text = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else
            text += text === '' ? segment : `.${segment}`;
    }
    return text;
}


/***/ }),

/***/ 9834:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  P: () => (/* binding */ parseSource)
});

// EXTERNAL MODULE: ./src/core/documents/parse.ts
var parse = __nccwpck_require__(1861);
;// CONCATENATED MODULE: ./src/core/documents/yaml-subset.ts

// Positions are packed into one number per entry: big snapshots have thousands of entries.
const COLUMNS = 4096;
const pack = (line, column) => line * COLUMNS + Math.min(column, COLUMNS - 1);
const unpack = (packed) => ({ line: Math.floor(packed / COLUMNS), column: packed % COLUMNS });
const DECLINE = Symbol('decline');
const decline = () => {
    throw DECLINE;
};
// YAML 1.2 core-schema forms. Numbers outside the plain decimal form are left to the full parser.
const NULL_WORDS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);
const DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
const ANY_CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
// Characters that may not start a plain scalar (YAML indicators); `-`, `?` and `:` may, when
// a non-blank follows (`-5`, `-foo`).
const PLAIN_START_FORBIDDEN = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const PLAIN_START_BEFORE_BLANK = new Set(['-', '?', ':']);
function plainStartAllowed(text) {
    return plainStartAllowedAt(text, 0);
}
function plainStartAllowedAt(text, at) {
    const first = text[at];
    if (first === undefined || PLAIN_START_FORBIDDEN.has(first))
        return false;
    return !PLAIN_START_BEFORE_BLANK.has(first) || (text.length > at + 1 && text[at + 1] !== ' ');
}
// Control characters the YAML library rejects or treats specially; tabs and CR are declined too.
const UNSUPPORTED_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f\ufeff]/;
class SubsetReader {
    lines;
    finalLineBreak;
    i = 0;
    info = new WeakMap();
    /** Indentation of each line, or -1 for blank and comment-only lines (computed once). */
    indents;
    /** Text of the scalar last read by {@link inline}, for numbers and booleans. */
    lastText;
    constructor(text) {
        this.lines = text.split('\n');
        // The final line break ends the last line; it does not start an empty one.
        this.finalLineBreak = text.endsWith('\n');
        if (this.finalLineBreak)
            this.lines.pop();
        this.indents = new Int32Array(this.lines.length);
        for (let j = 0; j < this.lines.length; j++) {
            const line = this.lines[j];
            let n = 0;
            while (line.charCodeAt(n) === 32)
                n++;
            this.indents[j] = n === line.length || line.charCodeAt(n) === 35 /* # */ ? -1 : n;
        }
    }
    document() {
        let first = this.nextContent(0);
        if (first >= 0 && this.lines[first].trimEnd() === '---')
            first = this.nextContent(first + 1);
        if (first < 0)
            decline();
        if (this.indents[first] !== 0)
            decline();
        this.i = first;
        const value = this.block(0);
        if (this.nextContent(this.i) >= 0)
            decline();
        return value;
    }
    /** Index of the next line with content (not blank, not a comment) from `from`, or -1. */
    nextContent(from) {
        const indents = this.indents;
        for (let j = from; j < indents.length; j++)
            if (indents[j] >= 0)
                return j;
        return -1;
    }
    block(indent) {
        return isSequenceItemAt(this.lines[this.i], indent) ? this.sequence(indent) : this.mapping(indent);
    }
    /** Where the last {@link keyAt} key ended (the index after its colon). */
    afterKey = 0;
    /**
     * The key of a `key: …` entry starting at `start` of `line`, or undefined when the text there
     * is not a key; sets {@link afterKey}. Declines keys the full parser would read differently.
     */
    keyAt(line, start) {
        const first = line.charCodeAt(start);
        if (first === 34 /* " */ || first === 39 /* ' */) {
            const quoted = quotedScalar(line, start);
            if (!quoted)
                return undefined;
            let j = quoted.end;
            while (line.charCodeAt(j) === 32)
                j++;
            if (line.charCodeAt(j) !== 58 /* : */ || (j + 1 < line.length && line.charCodeAt(j + 1) !== 32))
                return undefined;
            this.afterKey = j + 1;
            return quoted.value;
        }
        if (!plainStartAllowedAt(line, start))
            return undefined;
        // The key ends at the first ": " (or a final ":"); a " #" before it starts a comment instead.
        let colon = line.indexOf(':', start);
        while (colon >= 0 && colon + 1 < line.length && line.charCodeAt(colon + 1) !== 32)
            colon = line.indexOf(':', colon + 1);
        if (colon < 0)
            return undefined;
        const comment = line.indexOf(' #', start);
        if (comment >= 0 && comment < colon)
            return undefined;
        let end = colon;
        while (end > start && line.charCodeAt(end - 1) === 32)
            end--;
        const key = line.slice(start, end);
        // Keys that would resolve to non-strings, or hold flow indicators, go to the full parser.
        if (key === '' || FLOW_CHARS.test(key) || !resolvesToString(key))
            decline();
        this.afterKey = colon + 1;
        return key;
    }
    /** A mapping whose keys start at column `indent`; `firstLine` when its first key shares a line with a `- `. */
    mapping(indent, firstLine) {
        const map = {};
        const info = { start: { line: (firstLine ?? this.i) + 1, column: indent + 1 }, entries: new Map() };
        let pending = firstLine;
        for (;;) {
            let lineIndex;
            if (pending !== undefined) {
                lineIndex = pending;
                pending = undefined;
            }
            else {
                const next = this.nextContent(this.i);
                if (next < 0)
                    break;
                const lineIndent = this.indents[next];
                if (lineIndent < indent)
                    break;
                if (lineIndent > indent)
                    decline();
                if (isSequenceItemAt(this.lines[next], indent))
                    decline();
                lineIndex = next;
            }
            const line = this.lines[lineIndex];
            const key = this.keyAt(line, indent);
            if (key === undefined)
                return decline();
            if (key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key))
                decline();
            info.entries.set(key, pack(lineIndex + 1, indent + 1));
            this.i = lineIndex + 1;
            map[key] = this.value(line, this.afterKey, indent, true);
            if (this.lastText !== undefined)
                (info.texts ??= new Map()).set(key, this.lastText);
        }
        this.info.set(map, info);
        return map;
    }
    sequence(indent) {
        const list = [];
        const info = { start: { line: this.i + 1, column: indent + 1 }, entries: new Map() };
        for (;;) {
            const next = this.nextContent(this.i);
            if (next < 0)
                break;
            const line = this.lines[next];
            const lineIndent = this.indents[next];
            if (lineIndent < indent)
                break;
            if (lineIndent > indent)
                decline();
            if (!isSequenceItemAt(line, indent))
                break;
            let column = indent + 1;
            while (line.charCodeAt(column) === 32)
                column++;
            const index = list.length;
            info.entries.set(index, pack(next + 1, column + 1));
            this.i = next;
            let item;
            if (column >= line.length || line.charCodeAt(column) === 35 /* # */) {
                this.i = next + 1;
                item = this.value(line, line.length, indent, false);
            }
            else if (isSequenceItemAt(line, column)) {
                return decline();
            }
            else if (this.keyAt(line, column) !== undefined) {
                item = this.mapping(column, next);
                this.lastText = undefined;
            }
            else {
                this.i = next + 1;
                item = this.value(line, indent + 1, indent, false);
            }
            list.push(item);
            if (this.lastText !== undefined)
                (info.texts ??= new Map()).set(index, this.lastText);
        }
        this.info.set(list, info);
        return list;
    }
    /**
     * The value after `key:` or `-`: the text of `line` from `from` (the end of the line, or a
     * blank); `owner` is the column of the key or dash the value belongs to.
     */
    value(line, from, owner, underKey) {
        this.lastText = undefined;
        let start = from;
        while (line.charCodeAt(start) === 32)
            start++;
        if (from < line.length && start === from)
            decline();
        if (start >= line.length || line.charCodeAt(start) === 35 /* # */) {
            const next = this.nextContent(this.i);
            if (next < 0)
                return null;
            const nextIndent = this.indents[next];
            let nested = null;
            if (nextIndent > owner) {
                this.i = next;
                nested = this.block(nextIndent);
            }
            else if (underKey && nextIndent === owner && isSequenceItemAt(this.lines[next], owner)) {
                this.i = next;
                nested = this.sequence(owner);
            }
            this.lastText = undefined;
            return nested;
        }
        if (line.charCodeAt(start) === 124 /* | */)
            return this.literal(line.slice(start + 1), owner);
        const scalar = this.inline(line, start);
        // A deeper line after a one-line scalar would continue it (a multi-line scalar): decline.
        const next = this.nextContent(this.i);
        if (next >= 0 && this.indents[next] > owner)
            decline();
        return scalar;
    }
    /**
     * A one-line scalar value (quoted or plain) at `start` of `line`, with an optional trailing
     * comment; sets {@link lastText} for numbers and booleans.
     */
    inline(line, start) {
        const first = line.charCodeAt(start);
        if (first === 34 /* " */ || first === 39 /* ' */) {
            const quoted = quotedScalar(line, start);
            if (!quoted)
                return decline();
            const after = line.slice(quoted.end);
            if (after.trim() !== '' && !/^\s+#/.test(after))
                decline();
            return quoted.value;
        }
        // Tabs were refused up front, so a comment starts at the first " #".
        let end = line.indexOf(' #', start);
        if (end < 0)
            end = line.length;
        while (end > start && line.charCodeAt(end - 1) === 32)
            end--;
        const plain = line.slice(start, end);
        if (plain === '{}')
            return {};
        if (plain === '[]')
            return [];
        if (!plainStartAllowed(plain))
            decline();
        if (plain.includes(': ') || plain.endsWith(':'))
            decline();
        if (resolvesToString(plain))
            return plain;
        if (NULL_WORDS.has(plain))
            return null;
        this.lastText = plain;
        if (TRUE_WORDS.has(plain))
            return true;
        if (FALSE_WORDS.has(plain))
            return false;
        if (DECIMAL.test(plain))
            return plain.includes('.') ? Number.parseFloat(plain) : Number.parseInt(plain, 10);
        return decline();
    }
    /** A literal block scalar; `header` is what follows the `|`. */
    literal(header, owner) {
        const match = /^([1-9])?([-+])?(?:\s+#.*|\s*)$/.exec(header) ?? /^([-+])([1-9])(?:\s+#.*|\s*)$/.exec(header);
        if (!match)
            decline();
        const [, a, b] = match;
        const digit = a && /[1-9]/.test(a) ? Number(a) : b && /[1-9]/.test(b) ? Number(b) : undefined;
        const chomp = [a, b].find((part) => part === '-' || part === '+') ?? '';
        let contentIndent = digit === undefined ? -1 : owner + digit;
        const body = [];
        let j = this.i;
        for (; j < this.lines.length; j++) {
            const line = this.lines[j];
            if (line === '') {
                body.push('');
                continue;
            }
            const indent = indentOf(line);
            if (indent === line.length)
                decline(); // whitespace-only lines: leave to the full parser
            if (contentIndent < 0) {
                if (indent <= owner)
                    break;
                contentIndent = indent;
            }
            if (indent < contentIndent)
                break;
            body.push(line.slice(contentIndent));
        }
        // An empty block, or one whose last line has no line break, is left to the full parser.
        if (contentIndent < 0 || (j >= this.lines.length && !this.finalLineBreak))
            decline();
        let last = body.length - 1;
        while (last >= 0 && body[last] === '')
            last--;
        if (last < 0)
            decline();
        const trailing = body.length - 1 - last;
        this.i = j;
        const content = body.slice(0, last + 1).join('\n');
        if (chomp === '-')
            return content;
        if (chomp === '+')
            return content + '\n' + '\n'.repeat(trailing);
        return content + '\n';
    }
}
/**
 * Whether a plain scalar is a string under the YAML 1.2 core schema (not null, a boolean or a
 * number). Most scalars are decided by their first character alone.
 */
function resolvesToString(plain) {
    const code = plain.charCodeAt(0);
    const numberStart = (code >= 48 && code <= 57) || code === 43 /* + */ || code === 45 /* - */ || code === 46; /* . */
    if (numberStart)
        return !ANY_CORE_NUMBER.test(plain);
    if (code === 126 /* ~ */ || code === 110 || code === 78 /* n N */)
        return !NULL_WORDS.has(plain);
    if (code === 116 || code === 84 /* t T */)
        return !TRUE_WORDS.has(plain);
    if (code === 102 || code === 70 /* f F */)
        return !FALSE_WORDS.has(plain);
    return true;
}
const NOT_SPACE = /[^ ]/;
function indentOf(line) {
    const n = line.search(NOT_SPACE);
    return n < 0 ? line.length : n;
}
/** Whether `line` holds a sequence item (`-` alone or `- …`) at column `at`. */
function isSequenceItemAt(line, at) {
    return line.charCodeAt(at) === 45 /* - */ && (at + 1 === line.length || line.charCodeAt(at + 1) === 32);
}
const FLOW_CHARS = /[[\]{},]/;
const SIMPLE_ESCAPES = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', ' ': ' ' };
/** A quoted scalar at `start` that closes on this line: its value and the index after the closing quote. */
function quotedScalar(text, start) {
    const quote = text[start];
    let value = '';
    for (let i = start + 1; i < text.length; i++) {
        const ch = text[i];
        if (quote === "'") {
            if (ch === "'") {
                if (text[i + 1] === "'") {
                    value += "'";
                    i++;
                    continue;
                }
                return { value, end: i + 1 };
            }
            value += ch;
            continue;
        }
        if (ch === '"')
            return { value, end: i + 1 };
        if (ch !== '\\') {
            value += ch;
            continue;
        }
        const next = text[i + 1];
        if (next === undefined)
            return undefined;
        if (next in SIMPLE_ESCAPES) {
            value += SIMPLE_ESCAPES[next];
            i++;
            continue;
        }
        const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
        const hex = width ? text.slice(i + 2, i + 2 + width) : '';
        if (!width || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex))
            return decline();
        const code = Number.parseInt(hex, 16);
        if (code > 0x10ffff)
            return decline();
        value += String.fromCodePoint(code);
        i += 1 + width;
    }
    return undefined;
}
/**
 * Parses `text` if it is in the subset; undefined otherwise (also for anything odd enough to
 * make the reader fail), in which case the caller uses the general parser.
 */
function parseYamlSubset(text, origin) {
    if (UNSUPPORTED_CHARS.test(text))
        return undefined;
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('%'))
        return undefined;
    const reader = new SubsetReader(text);
    let value;
    try {
        value = reader.document();
    }
    catch (error) {
        if (error === DECLINE || error instanceof RangeError)
            return undefined;
        throw error;
    }
    const walk = (path) => {
        let node = value;
        let at = node && typeof node === 'object' ? reader.info.get(node)?.start : undefined;
        let parent;
        let last;
        for (const segment of path) {
            if (!node || typeof node !== 'object')
                return { node: undefined, at };
            const info = reader.info.get(node);
            const key = Array.isArray(node) ? segment : String(segment);
            const entry = info?.entries.get(key);
            if (!info || entry === undefined)
                return { node: undefined, at };
            parent = info;
            last = key;
            at = unpack(entry);
            node = node[key];
            const nested = node && typeof node === 'object' ? reader.info.get(node) : undefined;
            if (nested)
                at = nested.start;
        }
        return { node, at, parent, last };
    };
    return {
        value,
        origin,
        locate(path) {
            const { at } = walk(path);
            const location = { file: origin, path: (0,parse/* formatPath */.jV)(path) };
            if (at) {
                location.line = at.line;
                location.column = at.column;
            }
            return location;
        },
        scalarText(path) {
            const { parent, last } = walk(path);
            return parent && last !== undefined ? parent.texts?.get(last) : undefined;
        },
        itemPositions(path) {
            const { node } = walk(path);
            const info = Array.isArray(node) ? reader.info.get(node) : undefined;
            if (!info || !Array.isArray(node))
                return [];
            return node.map((_, i) => {
                const packed = info.entries.get(i);
                return packed === undefined ? undefined : unpack(packed);
            });
        },
    };
}

;// CONCATENATED MODULE: ./src/core/documents/source.ts


/** itemPositions through locate, for the slower paths. */
function itemPositionsByLocate(value, locate, path) {
    let node = value;
    for (const segment of path)
        node = node && typeof node === 'object' ? node[segment] : undefined;
    if (!Array.isArray(node))
        return [];
    return node.map((_, i) => {
        const at = locate([...path, i]);
        return at.line === undefined ? undefined : { line: at.line, column: at.column ?? 1 };
    });
}
/**
 * Parses YAML or JSON text with size limits, positions and number texts. Errors are the
 * shared parser's (file, line, hint).
 */
async function parseSource(text, origin) {
    (0,parse/* checkSize */.C1)(origin, (0,parse/* byteLength */.dp)(text));
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        // JSON as documents/parse.ts reads it (JSON.parse first); a flow-style YAML document or a
        // syntax error falls through to the shared parser and its messages.
        const json = parseJson(text);
        if (json)
            return withJsonSource(json.value, origin, text);
    }
    else {
        const fast = parseYamlSubset(text, origin);
        if (fast)
            return fast;
    }
    const parsed = await (0,parse/* parseDocument */.Tp)(text, origin);
    yamlLibrary ??= await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    return withYamlSource(parsed, text, yamlLibrary);
}
function parseJson(text) {
    try {
        return { value: JSON.parse(text) };
    }
    catch {
        return undefined;
    }
}
const SEPARATOR = '\u0000';
const pathKey = (path) => path.join(SEPARATOR);
/** JSON: one scan of the text gives every key's position and every number's text. */
function withJsonSource(value, origin, text) {
    let scan;
    const get = () => (scan ??= scanJsonSafely(text));
    return {
        value,
        origin,
        locate(path) {
            const { positions, collections } = get();
            let best = collections.get('');
            const prefix = [];
            for (const segment of path) {
                prefix.push(segment);
                const key = pathKey(prefix);
                const at = positions.get(key);
                if (!at)
                    break;
                best = collections.get(key) ?? at;
            }
            const location = { file: origin, path: (0,parse/* formatPath */.jV)(path) };
            if (best) {
                location.line = best.line;
                location.column = best.column;
            }
            return location;
        },
        scalarText: (path) => get().numbers.get(pathKey(path)),
        itemPositions(path) {
            const { positions } = get();
            const list = (() => {
                let node = value;
                for (const segment of path)
                    node = node && typeof node === 'object' ? node[segment] : undefined;
                return Array.isArray(node) ? node : [];
            })();
            const prefix = path.length ? pathKey(path) + SEPARATOR : '';
            return list.map((_, i) => positions.get(prefix + i));
        },
    };
}
/** Other YAML: positions from the shared parser, number texts from a second parse on demand. */
function withYamlSource(parsed, text, YAML) {
    let numbers;
    return {
        value: parsed.value,
        origin: parsed.origin,
        locate: (path) => parsed.locate(path),
        itemPositions: (path) => itemPositionsByLocate(parsed.value, parsed.locate, path),
        scalarText(path) {
            if (!numbers) {
                // A second parse keeps the source text of scalars, which plain values drop; it only runs
                // when a number is asked for.
                const doc = YAML.parseDocument(text, { version: '1.2', uniqueKeys: false });
                numbers = (at) => {
                    const node = doc.getIn(at, true);
                    const typed = node && (typeof node.value === 'number' || typeof node.value === 'boolean');
                    return typed && typeof node.source === 'string' ? node.source : undefined;
                };
            }
            return numbers(path);
        },
    };
}
// Already in memory after the shared parser read YAML; kept here for number-text recovery.
let yamlLibrary;
/** scanJson, degrading to "no positions" for nesting too deep to walk (hostile input). */
function scanJsonSafely(text) {
    try {
        return scanJson(text);
    }
    catch (error) {
        if (error instanceof RangeError)
            return { positions: new Map(), collections: new Map(), numbers: new Map() };
        throw error;
    }
}
/** Walks valid JSON text recording key/item positions, collection starts and number texts. */
function scanJson(text) {
    const positions = new Map();
    const collections = new Map();
    const numbers = new Map();
    let i = 0;
    let line = 1;
    let lineStart = 0;
    const position = () => ({ line, column: i - lineStart + 1 });
    const skipBlanks = () => {
        for (; i < text.length; i++) {
            const ch = text.charCodeAt(i);
            if (ch === 10) {
                line++;
                lineStart = i + 1;
            }
            else if (ch !== 32 && ch !== 9 && ch !== 13) {
                return;
            }
        }
    };
    /** Skips a string (at its opening quote); returns its value only when `decode` is set. */
    const readString = (decode) => {
        const start = i;
        let end = text.indexOf('"', i + 1);
        // A quote preceded by an odd number of backslashes is escaped.
        for (;;) {
            let slashes = 0;
            while (text.charCodeAt(end - 1 - slashes) === 92)
                slashes++;
            if (slashes % 2 === 0)
                break;
            end = text.indexOf('"', end + 1);
        }
        i = end + 1;
        if (!decode)
            return '';
        const raw = text.slice(start + 1, end);
        return raw.includes('\\') ? JSON.parse(text.slice(start, end + 1)) : raw;
    };
    const readValue = (key) => {
        skipBlanks();
        const ch = text.charCodeAt(i);
        if (ch === 123 /* { */ || ch === 91 /* [ */) {
            collections.set(key, position());
            i++;
            let index = 0;
            for (;;) {
                skipBlanks();
                const next = text.charCodeAt(i);
                if (next === 125 /* } */ || next === 93 /* ] */) {
                    i++;
                    return;
                }
                let child;
                if (ch === 123) {
                    const at = position();
                    child = (key === '' ? '' : key + SEPARATOR) + readString(true);
                    positions.set(child, at);
                    skipBlanks();
                    i++; // the colon
                }
                else {
                    child = (key === '' ? '' : key + SEPARATOR) + index++;
                    positions.set(child, position());
                }
                readValue(child);
                skipBlanks();
                if (text.charCodeAt(i) === 44 /* , */)
                    i++;
            }
        }
        if (ch === 34 /* " */) {
            readString(false);
            return;
        }
        const start = i;
        for (; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9)
                break;
        }
        const token = text.slice(start, i);
        if (token !== 'null')
            numbers.set(key, token);
    };
    readValue('');
    return { positions, collections, numbers };
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ wrapError),
/* harmony export */   KU: () => (/* binding */ EXIT_CODE_TABLE),
/* harmony export */   O4: () => (/* binding */ ErrorCode),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   WB: () => (/* binding */ internalError),
/* harmony export */   Wk: () => (/* binding */ formatError),
/* harmony export */   Y3: () => (/* binding */ AicrError),
/* harmony export */   aY: () => (/* binding */ invalidInput),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j$: () => (/* binding */ formatLocation),
/* harmony export */   mX: () => (/* binding */ notFound),
/* harmony export */   yU: () => (/* binding */ ExitCode)
/* harmony export */ });
/**
 * Structured errors shared by every stage and front door.
 *
 * Each error carries a code from a fixed set; every code maps to one documented exit code.
 * Unlike upstream AICR, wrapping an error never hides its code: a wrapper only adds context to
 * the message, so "not found" deep inside a build still exits 3.
 */
const ErrorCode = {
    InvalidInput: 'INVALID_REQUEST',
    NotFound: 'NOT_FOUND',
    Unauthorized: 'UNAUTHORIZED',
    Timeout: 'TIMEOUT',
    Unavailable: 'SERVICE_UNAVAILABLE',
    RateLimited: 'RATE_LIMIT_EXCEEDED',
    Internal: 'INTERNAL',
};
/**
 * Process exit codes. 0–8 follow upstream AICR's table; 10–12 are outcomes of a successful run
 * that the caller asked to treat as failure (failed constraints, drift, checksum mismatch).
 */
const ExitCode = {
    Success: 0,
    Unexpected: 1,
    InvalidInput: 2,
    NotFound: 3,
    Unauthorized: 4,
    Timeout: 5,
    Unavailable: 6,
    RateLimited: 7,
    Internal: 8,
    ConstraintsFailed: 10,
    DriftDetected: 11,
    VerificationFailed: 12,
};
const exitCodeByErrorCode = {
    INVALID_REQUEST: ExitCode.InvalidInput,
    NOT_FOUND: ExitCode.NotFound,
    UNAUTHORIZED: ExitCode.Unauthorized,
    TIMEOUT: ExitCode.Timeout,
    SERVICE_UNAVAILABLE: ExitCode.Unavailable,
    RATE_LIMIT_EXCEEDED: ExitCode.RateLimited,
    INTERNAL: ExitCode.Internal,
};
/** Rows of the documented exit-code table (README, `aicr --help`, action summaries). */
const EXIT_CODE_TABLE = [
    { code: 0, name: 'success', meaning: 'the command did what was asked' },
    { code: 1, name: 'unexpected', meaning: 'an unexpected failure (a bug): please report it' },
    { code: 2, name: 'invalid input', meaning: 'a flag, input, file or document is malformed or not allowed' },
    { code: 3, name: 'not found', meaning: 'a named file, recipe, component, ConfigMap or key does not exist, or a required snapshot source is absent' },
    { code: 4, name: 'unauthorized', meaning: 'the cluster refused the request (authentication or RBAC)' },
    { code: 5, name: 'timeout', meaning: 'an operation did not finish before its deadline' },
    { code: 6, name: 'unavailable', meaning: 'a remote service (cluster API, URL) could not be reached' },
    { code: 7, name: 'rate limited', meaning: 'a remote service kept answering 429 after retries' },
    { code: 8, name: 'internal', meaning: 'an internal failure while producing an artifact' },
    { code: 10, name: 'constraints failed', meaning: 'validate: at least one constraint failed' },
    { code: 11, name: 'drift detected', meaning: 'diff --fail-on-drift: the snapshots differ' },
    { code: 12, name: 'verification failed', meaning: 'verify: a bundle file is modified, missing or unlisted' },
];
class AicrError extends Error {
    code;
    hint;
    location;
    details;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'AicrError';
        this.code = code;
        if (options.hint !== undefined)
            this.hint = options.hint;
        if (options.location !== undefined)
            this.location = options.location;
        if (options.details !== undefined)
            this.details = options.details;
    }
    get exitCode() {
        return exitCodeByErrorCode[this.code];
    }
}
const invalidInput = (message, options) => new AicrError(ErrorCode.InvalidInput, message, options);
const notFound = (message, options) => new AicrError(ErrorCode.NotFound, message, options);
const internalError = (message, options) => new AicrError(ErrorCode.Internal, message, options);
/**
 * Adds context to an error. The result keeps the inner error's code, hint and location (so the
 * exit code survives any number of wrappers); a non-AICR cause gets `fallback`.
 */
function wrapError(error, context, fallback = ErrorCode.Internal) {
    const inner = error instanceof AicrError ? error : undefined;
    const code = inner?.code ?? classifyForeignError(error) ?? fallback;
    const options = { cause: error };
    if (inner?.hint !== undefined)
        options.hint = inner.hint;
    if (inner?.location !== undefined)
        options.location = inner.location;
    if (inner?.details !== undefined)
        options.details = inner.details;
    return new AicrError(code, `${context}: ${errorMessage(error)}`, options);
}
/** Maps well-known Node.js system errors to a code; undefined when nothing fits. */
function classifyForeignError(error) {
    const code = error?.code;
    switch (code) {
        case 'ENOENT':
            return ErrorCode.NotFound;
        case 'EACCES':
        case 'EPERM':
        case 'EISDIR':
        case 'ENOTDIR':
        case 'ELOOP':
            return ErrorCode.InvalidInput;
        case 'ETIMEDOUT':
            return ErrorCode.Timeout;
        case 'ECONNREFUSED':
        case 'ECONNRESET':
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return ErrorCode.Unavailable;
        default:
            return undefined;
    }
}
/** The message of any thrown value, never `[object Object]`. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
/** Exit code for any thrown value: the error's own code, 1 for anything unexpected. */
function exitCodeFor(error) {
    if (error instanceof AicrError)
        return error.exitCode;
    const classified = classifyForeignError(error);
    return classified === undefined ? ExitCode.Unexpected : exitCodeByErrorCode[classified];
}
/** `[CODE] message` as printed by the CLI. */
function formatError(error) {
    if (error instanceof AicrError) {
        const where = error.location ? formatLocation(error.location) : '';
        const lines = [`[${error.code}] ${where && !error.message.includes(where) ? `${where}: ` : ''}${error.message}`];
        if (error.hint)
            lines.push(`hint: ${error.hint}`);
        return lines.join('\n');
    }
    return errorMessage(error);
}
function formatLocation(location) {
    let text = location.file;
    if (location.line !== undefined) {
        text += `:${location.line}`;
        if (location.column !== undefined)
            text += `:${location.column}`;
    }
    return text;
}


/***/ }),

/***/ 1227:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ consoleLogger),
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
/**
 * The logging interface core code writes to. Front doors supply an adapter: plain console for
 * the CLI and GitLab jobs, workflow commands and annotations on GitHub.
 */
function where(properties) {
    if (!properties?.file)
        return '';
    return properties.startLine ? `${properties.file}:${properties.startLine}: ` : `${properties.file}: `;
}
/** Plain text (or JSON lines) on stderr. */
function consoleLogger(options = {}) {
    const stream = options.stream ?? process.stderr;
    const write = (level, message, properties) => {
        if (options.json) {
            stream.write(JSON.stringify({ level, msg: message, ...(properties ?? {}) }) + '\n');
            return;
        }
        const prefix = level === 'info' ? '' : `${level}: `;
        const title = properties?.title ? `${properties.title}: ` : '';
        stream.write(`${prefix}${where(properties)}${title}${message}\n`);
    };
    return {
        debug: (message) => {
            if (options.debug)
                write('debug', message);
        },
        info: (message) => write('info', message),
        notice: (message, properties) => write('notice', message, properties),
        warning: (message, properties) => write('warning', message, properties),
        error: (message, properties) => write('error', message, properties),
        group: async (name, run) => {
            if (!options.json)
                stream.write(`${name}\n`);
            return run();
        },
    };
}
/** Discards everything (tests, benchmarks). */
const silentLogger = {
    debug: () => { },
    info: () => { },
    notice: () => { },
    warning: () => { },
    error: () => { },
    group: (_name, run) => run(),
};


/***/ }),

/***/ 1105:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bl: () => (/* binding */ CRITERIA_VALUES),
/* harmony export */   OZ: () => (/* binding */ applyCriteria),
/* harmony export */   PX: () => (/* binding */ describeCriteria),
/* harmony export */   SL: () => (/* binding */ criteriaForOutput),
/* harmony export */   b1: () => (/* binding */ criteriaMatch),
/* harmony export */   jw: () => (/* binding */ specificity),
/* harmony export */   oJ: () => (/* binding */ CRITERIA_FIELDS),
/* harmony export */   qZ: () => (/* binding */ parseCriteriaValue),
/* harmony export */   sx: () => (/* binding */ isAnyCriteria),
/* harmony export */   yg: () => (/* binding */ anyCriteria)
/* harmony export */ });
/* unused harmony exports ANY, parseNodes, nonCanonicalCriteria */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ validateDependencies),
/* harmony export */   q: () => (/* binding */ deploymentOrder)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _serialize_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8237);
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

/***/ 8237:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ sortKeysDeep),
/* harmony export */   JT: () => (/* binding */ formatString),
/* harmony export */   Kt: () => (/* binding */ compareStrings),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   aB: () => (/* binding */ toJson),
/* harmony export */   fE: () => (/* binding */ toYaml)
/* harmony export */ });
/**
 * Deterministic YAML and JSON writers for plain data (objects, arrays, strings, finite numbers,
 * booleans, null).
 *
 * Our own small emitter rather than a YAML library: it keeps the start-up path free of a parser
 * we do not need for writing, and it pins every formatting choice (key order as given, block
 * style, quoting) so the same value always gives the same bytes.
 */
/** Serializes `value` as one YAML document ending in a newline. */
function toYaml(value, options = {}) {
    const writer = new YamlWriter(options.indent ?? 2, options.sortKeys ?? false);
    return writer.document(value);
}
/** Serializes `value` as 2-space indented JSON ending in a newline. */
function toJson(value, options = {}) {
    return JSON.stringify(options.sortKeys ? sortKeysDeep(value) : value, null, 2) + '\n';
}
/** A copy of `value` whose mapping keys are sorted (code-unit order) at every level. */
function sortKeysDeep(value) {
    if (Array.isArray(value))
        return value.map((item) => sortKeysDeep(item));
    if (isPlainObject(value)) {
        const out = {};
        for (const key of Object.keys(value).sort(compareStrings))
            out[key] = sortKeysDeep(value[key]);
        return out;
    }
    return value;
}
/** Byte-wise (UTF-16 code unit) string comparison, independent of locale. */
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function isPlainObject(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
class YamlWriter {
    step;
    sortKeys;
    constructor(step, sortKeys) {
        this.step = step;
        this.sortKeys = sortKeys;
    }
    document(value) {
        const lines = [];
        if (isCollection(value) && !isEmptyCollection(value))
            this.block(value, 0, lines);
        else
            lines.push(this.inline(value));
        return lines.join('\n') + '\n';
    }
    keys(map) {
        const keys = Object.keys(map).filter((key) => map[key] !== undefined);
        return this.sortKeys ? keys.sort(compareStrings) : keys;
    }
    /** Writes a non-empty mapping or sequence whose lines start at `indent`. */
    block(value, indent, lines) {
        const pad = ' '.repeat(indent);
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isCollection(item) && !isEmptyCollection(item)) {
                    // The first line of a nested collection shares the line with the dash.
                    const nested = [];
                    this.block(item, indent + 2, nested);
                    nested[0] = `${pad}- ${nested[0].slice(indent + 2)}`;
                    lines.push(...nested);
                }
                else {
                    this.scalarLine(`${pad}- `, item, indent + 2, 2, lines);
                }
            }
            return;
        }
        const map = value;
        for (const key of this.keys(map)) {
            const item = map[key];
            const head = `${pad}${formatKey(key)}:`;
            if (isCollection(item) && !isEmptyCollection(item)) {
                lines.push(head);
                // Sequences under a key are indented one level, like the upstream recipe output.
                this.block(item, indent + this.step, lines);
            }
            else {
                this.scalarLine(`${head} `, item, indent + this.step, this.step, lines);
            }
        }
    }
    /**
     * Pushes `prefix` + the scalar. Multi-line strings continue as a literal block at `indent`,
     * which is `offset` columns right of the parent node.
     */
    scalarLine(prefix, value, indent, offset, lines) {
        if (typeof value === 'string' && canUseLiteralBlock(value)) {
            const trailing = /\n*$/.exec(value)[0].length;
            const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
            const body = trailing === 0 ? value : value.slice(0, -1);
            const bodyLines = body.split('\n');
            const firstText = bodyLines.find((line) => line !== '') ?? '';
            const indicator = firstText.startsWith(' ') ? String(offset) : '';
            lines.push(`${prefix}|${indicator}${chomp}`);
            const pad = ' '.repeat(indent);
            for (const line of bodyLines)
                lines.push(line === '' ? '' : pad + line);
            return;
        }
        lines.push(prefix + this.inline(value));
    }
    inline(value) {
        if (value === null || value === undefined)
            return 'null';
        if (typeof value === 'boolean')
            return value ? 'true' : 'false';
        if (typeof value === 'number')
            return formatNumber(value);
        if (typeof value === 'bigint')
            return value.toString();
        if (typeof value === 'string')
            return formatString(value);
        if (Array.isArray(value))
            return '[]';
        if (typeof value === 'object')
            return '{}';
        throw new TypeError(`cannot serialize a ${typeof value} as YAML`);
    }
}
function isCollection(value) {
    return Array.isArray(value) || (value !== null && typeof value === 'object');
}
function isEmptyCollection(value) {
    if (Array.isArray(value))
        return value.length === 0;
    return Object.keys(value).every((key) => value[key] === undefined);
}
function formatNumber(value) {
    if (Number.isNaN(value))
        return '.nan';
    if (value === Infinity)
        return '.inf';
    if (value === -Infinity)
        return '-.inf';
    if (Object.is(value, -0))
        return '-0';
    return String(value);
}
function formatKey(key) {
    return formatString(key);
}
// Words that some YAML reader (1.1 or 1.2) would load as a non-string.
const RESERVED = new Set([
    'null', 'Null', 'NULL', '~', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
    'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N',
    '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN', '<<', '=',
]);
/** Characters that may not start a plain scalar. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
// Anything number-like (ints, floats, octal/hex, sexagesimal, dates) is quoted to stay a string.
const NUMBER_LIKE = /^[-+.]?[0-9]/;
// Control characters (tab included: some readers reject raw tabs) go in double quotes as escapes.
const NEEDS_DOUBLE_QUOTES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
// Plain scalars YAML 1.1 or 1.2 readers resolve to numbers (floats such as "e0" or "." included).
const NUMERIC_FORMS = [
    /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    /^[-+]?\.(?:inf|Inf|INF)$/,
];
function isPlainSafe(text) {
    if (text === '' || RESERVED.has(text))
        return false;
    if (NUMERIC_FORMS.some((form) => form.test(text)))
        return false;
    if (INDICATOR_START.test(text) || NUMBER_LIKE.test(text))
        return false;
    if (/\s$/.test(text))
        return false;
    if (text.includes(': ') || text.includes(' #') || text.endsWith(':') || text.includes('\t'))
        return false;
    if (NEEDS_DOUBLE_QUOTES.test(text))
        return false;
    // Keep flow indicators out of plain scalars so the text is also safe inside flow collections.
    if (/[,[\]{}]/.test(text))
        return false;
    return true;
}
function formatString(text) {
    if (isPlainSafe(text))
        return text;
    if (!NEEDS_DOUBLE_QUOTES.test(text))
        return `'${text.replaceAll("'", "''")}'`;
    return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (ch) => {
        return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    }).replace(/[\ud800-\udfff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}
/** Multi-line text without characters a literal block cannot carry verbatim. */
function canUseLiteralBlock(text) {
    if (!text.includes('\n'))
        return false;
    if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/.test(text))
        return false;
    const lines = text.split('\n');
    // Whitespace-only lines would be read back as empty lines.
    if (lines.some((line) => line !== '' && line.trim() === ''))
        return false;
    return lines.some((line) => line !== '');
}


/***/ }),

/***/ 2692:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ mergeValues),
/* harmony export */   Go: () => (/* binding */ deepClone),
/* harmony export */   P5: () => (/* binding */ setOwn),
/* harmony export */   ol: () => (/* binding */ deepFreeze)
/* harmony export */ });
/* harmony import */ var _serialize_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8237);
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


/***/ }),

/***/ 3323:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** This program's version; written into generated documents (`metadata.version`). */
const VERSION = '0.1.0';


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7066:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tty");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 4876:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("punycode");

/***/ }),

/***/ 3480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 9154:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("vm");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
