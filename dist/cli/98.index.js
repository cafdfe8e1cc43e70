export const id = 98;
export const ids = [98];
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

/***/ 6228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tq: () => (/* binding */ formatDocument),
/* harmony export */   uH: () => (/* binding */ parseOutputFormat)
/* harmony export */ });
/* unused harmony exports OUTPUT_FORMATS, formatLeafTable, formatColumns */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _serialize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8237);
/** Rendering documents in the output formats every command offers: yaml, json, table. */


const OUTPUT_FORMATS = ['yaml', 'json', 'table'];
function parseOutputFormat(raw, input = '--format') {
    const value = raw.trim().toLowerCase();
    if (OUTPUT_FORMATS.includes(value))
        return value;
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`unknown output format: "${raw}", valid formats are: ${OUTPUT_FORMATS.join(', ')}`, {
        hint: `set ${input} to one of: ${OUTPUT_FORMATS.join(', ')}`,
    });
}
function formatDocument(value, format) {
    if (format === 'json')
        return (0,_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .toJson */ .aB)(value);
    if (format === 'table')
        return formatLeafTable(value);
    return (0,_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .toYaml */ .fE)(value);
}
/** Flattens a document into `FIELD  VALUE` rows (one per leaf, sorted by path). */
function formatLeafTable(value) {
    const rows = [];
    const visit = (node, path) => {
        if (Array.isArray(node)) {
            node.forEach((item, index) => visit(item, `${path}[${index}]`));
            return;
        }
        if ((0,_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(node)) {
            for (const key of Object.keys(node))
                visit(node[key], path ? `${path}.${key}` : key);
            return;
        }
        rows.push([path, node === null || node === undefined ? '<nil>' : String(node)]);
    };
    visit(value, '');
    if (rows.length === 0)
        return '<empty>\n';
    rows.sort((a, b) => (0,_serialize_js__WEBPACK_IMPORTED_MODULE_1__/* .compareStrings */ .Kt)(a[0], b[0]));
    return formatColumns(['FIELD', 'VALUE'], rows);
}
/** Left-aligned columns with a dashed rule under the header; cells are single-line. */
function formatColumns(header, rows) {
    const clean = (cell) => cell.replace(/[\r\n\t]+/g, ' ');
    const all = [header, header.map((h) => '-'.repeat(h.length)), ...rows].map((row) => row.map(clean));
    const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
    return all.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd()).join('\n') + '\n';
}


/***/ }),

/***/ 7719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mb: () => (/* binding */ readLocation),
/* harmony export */   rW: () => (/* binding */ writeLocation),
/* harmony export */   zS: () => (/* binding */ parseLocation)
/* harmony export */ });
/* unused harmony exports parseConfigMapUri, setConfigMapHandler, readFileLimited, redactUrl, writeFileAtomic, formatFromName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _documents_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1861);
/**
 * Locations documents are read from and written to: a file, `-` (stdin/stdout), an `https://`
 * URL (read only), or a Kubernetes ConfigMap `cm://namespace/name` (through a handler the
 * Kubernetes module registers, so this module never loads a Kubernetes client).
 */





// Kubernetes object names: DNS-1123 subdomain (ConfigMaps) and label (namespaces).
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/**
 * Classifies a location string. `input` names the flag or action input for error messages.
 * Only the lower-case `cm://` prefix denotes a ConfigMap (anything else is a file path).
 */
function parseLocation(text, input = 'location') {
    if (text === '-')
        return { kind: 'stdio', text: '-' };
    if (text.startsWith('cm://'))
        return parseConfigMapUri(text, input);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
        let url;
        try {
            url = new URL(text);
        }
        catch {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: "${text}" is not a valid URL`, { hint: 'use an https:// URL, a file path, - for stdin, or cm://namespace/name' });
        }
        if (url.protocol !== 'https:') {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: ${url.protocol}// URLs are not allowed: ${redactUrl(url)}`, {
                hint: 'use an https:// URL (plain http could be tampered with in transit), a file path, or - for stdin',
            });
        }
        return { kind: 'url', url, text };
    }
    if (text === '')
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: the location is empty`, { hint: 'pass a file path, - for stdin, an https:// URL or cm://namespace/name' });
    return { kind: 'file', path: text, text };
}
function parseConfigMapUri(text, input = 'location') {
    const rest = text.slice('cm://'.length);
    const parts = rest.split('/');
    const hint = 'write it as cm://<namespace>/<name>, both lower-case DNS names (e.g. cm://gpu-ops/aicr-snapshot)';
    if (parts.length !== 2 || !parts[0] || !parts[1])
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: invalid ConfigMap URI "${text}"`, { hint });
    const [namespace, name] = parts;
    if (namespace.length > 63 || !DNS1123_LABEL.test(namespace))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: invalid namespace "${namespace}" in "${text}"`, { hint });
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: invalid ConfigMap name "${name}" in "${text}"`, { hint });
    return { kind: 'configmap', namespace, name, text };
}
let configMapHandler;
/** Registers a lazy factory for the `cm://` handler. */
function setConfigMapHandler(factory) {
    configMapHandler = factory;
}
async function configMaps(location) {
    if (!configMapHandler) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${location.text}: ConfigMap locations are not supported by this command`, { hint: 'use a file path or - instead' });
    }
    return configMapHandler();
}
/** Reads a location's text, enforcing the size limit before the whole input is buffered. */
async function readLocation(location, options = {}) {
    const maxBytes = options.maxBytes ?? _documents_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_DOCUMENT_BYTES */ .bi;
    const input = options.input ?? 'input';
    switch (location.kind) {
        case 'stdio':
            return { text: await readStream(options.stdin ?? process.stdin, maxBytes, `${input} (stdin)`), origin: '<stdin>' };
        case 'file':
            return { text: readFileLimited(location.path, maxBytes, input), origin: location.path };
        case 'url':
            return { text: await fetchLimited(location.url, maxBytes, input, options.timeoutMs ?? 30_000), origin: redactUrl(location.url) };
        case 'configmap': {
            const handler = await configMaps(location);
            const { text, key } = await handler.read(location, options);
            return { text, origin: `${location.text}#${key}` };
        }
    }
}
function readFileLimited(path, maxBytes, input = 'input') {
    let stats;
    try {
        stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path);
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .notFound */ .mX)(`${input}: file not found: ${path}`, { cause: error, hint: 'check the path (relative paths start at the working directory)' });
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .wrapError */ .J4)(error, `${input}: cannot read ${path}`, _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.InvalidInput);
    }
    if (stats.isDirectory())
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: ${path} is a directory, not a file`, { hint: 'pass the path of a file' });
    if (stats.size > maxBytes) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: ${path} is too large (${stats.size} bytes, limit ${maxBytes} bytes)`, {
            hint: 'pass a smaller document; the limit protects the runner from runaway input',
        });
    }
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .wrapError */ .J4)(error, `${input}: cannot read ${path}`, _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.InvalidInput);
    }
}
async function readStream(stream, maxBytes, input) {
    const chunks = [];
    let size = 0;
    for await (const chunk of stream) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += buffer.length;
        if (size > maxBytes)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input} is too large (more than ${maxBytes} bytes)`, { hint: 'pass a smaller document' });
        chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** Never print credentials that may be embedded in a URL. */
function redactUrl(url) {
    const copy = new URL(url.href);
    if (copy.username || copy.password) {
        copy.username = 'redacted';
        copy.password = '';
    }
    for (const key of [...copy.searchParams.keys()]) {
        if (/token|key|secret|sig|password|credential|auth/i.test(key))
            copy.searchParams.set(key, 'redacted');
    }
    return copy.href;
}
async function fetchLimited(url, maxBytes, input, timeoutMs) {
    const shown = redactUrl(url);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
        let response;
        try {
            response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
        }
        catch (error) {
            if (controller.signal.aborted) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AicrError */ .Y3(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.Timeout, `${input}: ${shown} did not answer within ${timeoutMs} ms`, { hint: 'check the URL or try again later' });
            }
            const cause = error.cause;
            const reason = cause?.code ?? cause?.message ?? error.message;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AicrError */ .Y3(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.Unavailable, `${input}: cannot fetch ${shown}: ${reason}`, {
                cause: error,
                hint: 'check the URL and the network access of the runner',
            });
        }
        if (response.url && !response.url.startsWith('https:')) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: ${shown} redirected to a non-https URL`, { hint: 'use a URL that stays on https' });
        }
        if (!response.ok) {
            const code = response.status === 404 ? _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.NotFound
                : response.status === 401 || response.status === 403 ? _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.Unauthorized
                    : response.status === 429 ? _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.RateLimited
                        : response.status >= 500 ? _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.Unavailable : _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.InvalidInput;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AicrError */ .Y3(code, `${input}: ${shown} answered HTTP ${response.status}`, { hint: 'check the URL and that the document is published there' });
        }
        const declared = Number(response.headers.get('content-length') ?? NaN);
        if (Number.isFinite(declared) && declared > maxBytes) {
            await response.body?.cancel();
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: ${shown} is too large (${declared} bytes, limit ${maxBytes} bytes)`, { hint: 'pass a smaller document' });
        }
        const chunks = [];
        let size = 0;
        if (response.body) {
            const reader = response.body.getReader();
            for (;;) {
                const { done, value } = await reader.read();
                if (done)
                    break;
                size += value.byteLength;
                if (size > maxBytes) {
                    await reader.cancel();
                    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: ${shown} is too large (more than ${maxBytes} bytes)`, { hint: 'pass a smaller document' });
                }
                chunks.push(value);
            }
        }
        return Buffer.concat(chunks).toString('utf8');
    }
    finally {
        clearTimeout(timer);
    }
}
/** Writes text to a location: stdout, an atomically replaced file, or a ConfigMap. */
async function writeLocation(location, text, options = {}) {
    switch (location.kind) {
        case 'stdio': {
            const stream = options.stdout ?? process.stdout;
            await new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
            return;
        }
        case 'file':
            writeFileAtomic(location.path, text, options.input);
            return;
        case 'url':
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${options.input ?? 'output'}: cannot write to a URL (${redactUrl(location.url)})`, { hint: 'write to a file, - for stdout, or cm://namespace/name' });
        case 'configmap':
            await (await configMaps(location)).write(location, text, options);
    }
}
/**
 * Writes a file so readers never see a partial one: write a temporary sibling, flush it, then
 * rename it over the target. Parent directories are created. Refuses to replace a directory.
 */
function writeFileAtomic(path, data, input = 'output', mode = 0o644) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    try {
        const existing = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(path, { throwIfNoEntry: false });
        if (existing?.isDirectory())
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: ${path} is a directory`, { hint: 'pass a file path for the output' });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(dir, { recursive: true });
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AicrError */ .Y3)
            throw error;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .wrapError */ .J4)(error, `${input}: cannot create the directory for ${path}`, _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.InvalidInput);
    }
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`);
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temp, 'wx', mode);
        const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        let offset = 0;
        while (offset < buffer.length)
            offset += (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, buffer, offset, buffer.length - offset);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(fd);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        fd = undefined;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, path);
    }
    catch (error) {
        if (fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { force: true });
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .wrapError */ .J4)(error, `${input}: cannot write ${path}`, _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.InvalidInput);
    }
}
/** Document syntax from a location's name: `.json` → json, otherwise yaml. */
function formatFromName(name) {
    return /\.json$/i.test(name.replace(/#.*$/, '')) ? 'json' : 'yaml';
}


/***/ }),

/***/ 8624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gb: () => (/* reexport */ formatSelection),
  Gl: () => (/* reexport */ hydrateRecipe),
  pS: () => (/* binding */ resolveRecipe),
  Lt: () => (/* reexport */ query_select)
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
;// CONCATENATED MODULE: ./src/core/documents/types.ts
/** TypeScript shapes of the documents we read and write (schemas/ holds the JSON Schemas). */
const API_VERSION = 'aicr.nvidia.com/v1alpha1';
const PHASES = ['readiness', 'deployment', 'performance', 'conformance'];

// EXTERNAL MODULE: ./src/core/recipe/criteria.ts
var recipe_criteria = __webpack_require__(1105);
;// CONCATENATED MODULE: ./src/core/constraints/version.ts
/**
 * Version semantics of constraint expressions (upstream AICR v0.11.1 rules, kept for
 * compatibility): one leading `v` dropped, vendor/kernel suffixes ignored, 1–3 numeric
 * components, comparison at the smaller precision, equality at full precision.
 */
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const isDigitCode = (code) => code >= DIGIT_0 && code <= DIGIT_9;
/**
 * Parses `v1.33.5-eks-3025e55` as 1.33.5 and `6.8.0-1028-aws` as 6.8.0. Rules: surrounding
 * blanks ignored; one lower-case `v` dropped (`V1.2` is not a version); everything from the
 * first `-` or `+` that follows a digit is a suffix and ignored; then 1–3 dot-separated
 * components of decimal digits (leading zeros allowed: `24.04` is 24.4). Components of any
 * length compare exactly (no 64-bit limit).
 */
function version_parseVersion(text) {
    let rest = text.trim();
    if (rest === '')
        return { ok: false, reason: 'empty version' };
    if (rest.charCodeAt(0) === 118 /* v */)
        rest = rest.slice(1);
    for (let i = 1; i < rest.length; i++) {
        const code = rest.charCodeAt(i);
        if ((code === 45 /* - */ || code === 43 /* + */) && isDigitCode(rest.charCodeAt(i - 1))) {
            rest = rest.slice(0, i);
            break;
        }
    }
    const pieces = rest.split('.');
    if (pieces.length > 3)
        return { ok: false, reason: `"${text.trim()}" has more than 3 components` };
    const parts = [];
    for (const piece of pieces) {
        if (piece === '')
            return { ok: false, reason: `"${text.trim()}" has an empty component` };
        let digitsOnly = true;
        for (let i = 0; i < piece.length; i++) {
            if (!isDigitCode(piece.charCodeAt(i))) {
                digitsOnly = false;
                break;
            }
        }
        if (!digitsOnly) {
            const negative = piece.startsWith('-') && /^-[0-9]+$/.test(piece);
            return { ok: false, reason: negative ? `"${text.trim()}" has a negative component (${piece})` : `"${text.trim()}" has a non-numeric component (${piece})` };
        }
        let start = 0;
        while (start < piece.length - 1 && piece.charCodeAt(start) === DIGIT_0)
            start++;
        parts.push(start === 0 ? piece : piece.slice(start));
    }
    return { ok: true, version: { parts } };
}
/** Compares two normalised components (no leading zeros) numerically. */
function compareComponent(a, b) {
    if (a.length !== b.length)
        return a.length < b.length ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * Orders versions on the components both have: `1.32` equals `1.32.4`, `1` equals `1.99`.
 * This is why `>= 1.32.4` holds for `1.32` (upstream behaviour).
 */
function compareVersions(a, b) {
    const length = Math.min(a.parts.length, b.parts.length);
    for (let i = 0; i < length; i++) {
        const diff = compareComponent(a.parts[i], b.parts[i]);
        if (diff !== 0)
            return diff;
    }
    return 0;
}
/** Equality on major, minor and patch, missing components counting as 0: `1.32` ≠ `1.32.4`. */
function versionsEqual(a, b) {
    for (let i = 0; i < 3; i++)
        if (compareComponent(a.parts[i] ?? '0', b.parts[i] ?? '0') !== 0)
            return false;
    return true;
}
/**
 * Whether `==`/`!=` compare `operand` as a version: after one leading `v` it holds a digit
 * and a dot (`24.04`, `ubuntu22.04`), else they compare text (`8`, `ubuntu`).
 */
function looksLikeVersion(operand) {
    const rest = operand.startsWith('v') ? operand.slice(1) : operand;
    return rest.includes('.') && /[0-9]/.test(rest);
}

;// CONCATENATED MODULE: ./src/core/constraints/expression.ts
/** Constraint expressions: `>= 1.32.4`, `!= rhel`, or a bare value for an exact match. */


const OPERATORS = ['>=', '<=', '!=', '==', '>', '<'];
const ORDERING = new Set(['>=', '<=', '>', '<']);
/**
 * Splits `>= 1.32.4` into operator and operand (upstream rules: the first of `>=`, `<=`, `!=`,
 * `==`, `>`, `<` that prefixes the trimmed text; no operator means exact match). Throws for an
 * empty expression or an operator without operand.
 */
function parseExpression(value) {
    const text = value.trim();
    if (text === '')
        throw (0,errors/* invalidInput */.aY)('constraint expression cannot be empty', { hint: 'write an operator and a value, e.g. ">= 1.30", or a bare value for an exact match' });
    for (const operator of OPERATORS) {
        if (text.startsWith(operator)) {
            const operand = text.slice(operator.length).trim();
            if (operand === '')
                throw (0,errors/* invalidInput */.aY)(`constraint value cannot be empty after operator ${operator}`, { hint: `add a value after "${operator}"` });
            return withVersion({ operator, operand });
        }
    }
    return { operator: 'exact', operand: text };
}
function withVersion(expression) {
    if (ORDERING.has(expression.operator) || looksLikeVersion(expression.operand)) {
        const parsed = version_parseVersion(expression.operand);
        if (parsed.ok)
            expression.version = parsed.version;
    }
    return expression;
}
function isOrdering(operator) {
    return ORDERING.has(operator);
}
/**
 * Problems that make an expression malformed for `aicr validate` (stricter than upstream, which
 * turns these into silent mismatches or skips): an operator-like prefix that is no operator
 * (`=>`, `=`, `~`, `^`, `!`, `>==`, `<>`, `===`) and an ordering operator whose operand is not
 * a version. Returns undefined for a well-formed expression.
 */
function expressionProblem(expression, raw) {
    const text = raw.trim();
    const { operator, operand } = expression;
    const unknownPrefix = /^(?:[~^]|=(?!=)|!(?!=))/.test(text);
    const doubled = operator !== 'exact' && (ORDERING.has(operator) ? /^[=<>!]/ : /^=/).test(operand);
    if (unknownPrefix || doubled) {
        const shown = /^[=<>!~^]+/.exec(text)?.[0] ?? text;
        return {
            message: `unknown operator "${shown}" in "${text}"`,
            hint: 'use one of >=, <=, >, <, ==, != or a bare value for an exact match; to match text that starts with such a character write "== <text>"',
        };
    }
    if (ORDERING.has(operator) && !expression.version) {
        const parsed = parseVersion(operand);
        const reason = parsed.ok ? '' : parsed.reason;
        return {
            message: `"${operand}" is not a version, but ${operator} compares versions (${reason})`,
            hint: 'write a version such as 1.32.4, v1.30 or 6.8, or use == / != / a bare value to compare text',
        };
    }
    return undefined;
}
/**
 * Evaluates an expression against an actual value (already trimmed). Exact match is
 * case-sensitive text equality; `==`/`!=` compare versions when the operand looks like one
 * and both sides parse, text otherwise; ordering operators need versions on both sides.
 */
function compare(expression, actual) {
    const { operator, operand } = expression;
    switch (operator) {
        case 'exact':
            return { ok: true, pass: actual === operand };
        case '==':
        case '!=': {
            let equal = actual === operand;
            if (expression.version) {
                const have = version_parseVersion(actual);
                if (have.ok)
                    equal = versionsEqual(expression.version, have.version);
            }
            return { ok: true, pass: operator === '==' ? equal : !equal };
        }
        default: {
            const want = expression.version;
            if (!want) {
                const parsed = version_parseVersion(operand);
                return { ok: false, reason: `cannot parse expected version: ${parsed.ok ? operand : parsed.reason}` };
            }
            const have = version_parseVersion(actual);
            if (!have.ok)
                return { ok: false, reason: `cannot parse actual version: ${have.reason}` };
            const order = compareVersions(have.version, want);
            const pass = operator === '>=' ? order >= 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order < 0;
            return { ok: true, pass };
        }
    }
}

;// CONCATENATED MODULE: ./src/core/constraints/path.ts
/**
 * Constraint paths `{Type}.{Subtype}.{Key}` and their resolution in a Snapshot.
 *
 * Upstream splits at the first two dots, so subtypes with dots (systemd units such as
 * `containerd.service`) cannot be addressed. Here a path may also name its subtype in
 * brackets, `SystemD[containerd.service].ActiveState`, and a plain dotted path is resolved by
 * trying every split of `{Subtype}.{Key}` at a dot: the split whose subtype exists and holds
 * the key wins; when several do, the path is ambiguous and must use the bracket form.
 */

const MEASUREMENT_TYPES = ['K8s', 'GPU', 'OS', 'SystemD', 'NodeTopology'];
const TYPES = new Set(MEASUREMENT_TYPES);
const PATH_HINT = 'write {Type}.{Subtype}.{Key}, e.g. K8s.server.version or OS.sysctl./proc/sys/kernel/osrelease; for a subtype with dots use SystemD[containerd.service].ActiveState';
/** Parses a constraint path; throws INVALID_REQUEST for a malformed one. */
function parseConstraintPath(path) {
    const bracket = path.indexOf('[');
    const firstDot = path.indexOf('.');
    if (bracket > 0 && (firstDot < 0 || bracket < firstDot)) {
        const type = path.slice(0, bracket);
        const close = path.indexOf('].', bracket);
        const subtype = close < 0 ? '' : path.slice(bracket + 1, close);
        const key = close < 0 ? '' : path.slice(close + 2);
        if (close < 0 || subtype === '' || key === '' || subtype.includes(']')) {
            throw (0,errors/* invalidInput */.aY)(`invalid constraint path "${path}": expected format {Type}[{Subtype}].{Key}`, { hint: PATH_HINT });
        }
        checkType(path, type);
        return { text: path, type, splits: [{ subtype, key }], explicit: true };
    }
    const secondDot = firstDot < 0 ? -1 : path.indexOf('.', firstDot + 1);
    if (firstDot < 0 || secondDot < 0) {
        throw (0,errors/* invalidInput */.aY)(`invalid constraint path "${path}": expected format {Type}.{Subtype}.{Key}`, { hint: PATH_HINT });
    }
    const type = path.slice(0, firstDot);
    checkType(path, type);
    const rest = path.slice(firstDot + 1);
    const splits = [];
    for (let dot = rest.indexOf('.'); dot >= 0; dot = rest.indexOf('.', dot + 1)) {
        const subtype = rest.slice(0, dot);
        const key = rest.slice(dot + 1);
        if (subtype !== '' && key !== '')
            splits.push({ subtype, key });
    }
    if (splits.length === 0 || rest.startsWith('.')) {
        throw (0,errors/* invalidInput */.aY)(`invalid constraint path "${path}": the subtype and key must not be empty`, { hint: PATH_HINT });
    }
    return { text: path, type, splits, explicit: false };
}
function checkType(path, type) {
    if (!TYPES.has(type)) {
        throw (0,errors/* invalidInput */.aY)(`invalid measurement type in constraint path "${path}": ${type}`, {
            hint: `the type must be one of ${MEASUREMENT_TYPES.join(', ')} (case-sensitive)`,
        });
    }
}
/**
 * Canonical text of a reading: strings as-is, booleans `true`/`false`, integers in plain
 * decimal (no exponent), other numbers in JavaScript's shortest form; null has no text.
 */
function readingText(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'number')
        return Number.isInteger(value) ? BigInt(value).toString() : String(value);
    return String(value);
}
const defaultText = (reading) => (reading === null || reading === undefined ? null : readingText(reading));
/**
 * A Snapshot indexed for constraint lookups: the first measurement of each type and, in it,
 * the first subtype of each name (upstream's rule), so each lookup costs a few map reads.
 */
class SnapshotIndex {
    textOf;
    types = new Map();
    constructor(snapshot, textOf = defaultText) {
        this.textOf = textOf;
        (snapshot.measurements ?? []).forEach((measurement, index) => {
            if (!measurement || this.types.has(measurement.type))
                return;
            const subtypes = new Map();
            (measurement.subtypes ?? []).forEach((subtype, subtypeIndex) => {
                if (!subtype)
                    return;
                // Leniency (A.1): documents that name subtypes with `name:` are read too.
                const name = subtype.subtype ?? subtype.name ?? '';
                if (!subtypes.has(name))
                    subtypes.set(name, { index: subtypeIndex, data: subtype.data ?? {} });
            });
            this.types.set(measurement.type, { index, measurement, subtypes });
        });
    }
    /** Looks a parsed path up; never throws. */
    resolve(path) {
        const entry = this.types.get(path.type);
        if (!entry)
            return { found: false, missing: 'type', reason: `measurement type ${path.type} not found in the snapshot` };
        const unavailable = entry.measurement.unavailable?.reason;
        const because = unavailable ? ` (the ${path.type} measurement was unavailable: ${unavailable})` : '';
        const matches = [];
        let existingSubtype;
        for (const split of path.splits) {
            const at = entry.subtypes.get(split.subtype);
            if (!at)
                continue;
            existingSubtype ??= split;
            if (Object.prototype.hasOwnProperty.call(at.data, split.key))
                matches.push({ ...split, data: at.data, at });
        }
        if (matches.length > 1) {
            const options = matches.map((m) => `${path.type}[${m.subtype}].${m.key}`).join(' or ');
            return { found: false, missing: 'ambiguous', reason: `path is ambiguous in this snapshot: it matches ${options}; write one of these bracket forms` };
        }
        const match = matches[0];
        if (!match) {
            if (existingSubtype) {
                return { found: false, missing: 'key', reason: `key "${existingSubtype.key}" not found in ${path.type} subtype "${existingSubtype.subtype}"${because}`, ...existingSubtype };
            }
            const names = path.explicit || path.splits.length === 1 ? `"${path.splits[0].subtype}"` : path.splits.map((s) => `"${s.subtype}"`).join(' or ');
            return { found: false, missing: 'subtype', reason: `subtype ${names} not found in the ${path.type} measurement${because}` };
        }
        const text = this.textOf(match.data[match.key], { measurement: entry.index, subtype: match.at.index, key: match.key });
        if (text === null) {
            return { found: false, missing: 'null', reason: `${path.type}[${match.subtype}].${match.key} has no value (null) in the snapshot`, subtype: match.subtype, key: match.key };
        }
        return { found: true, value: text.trim(), subtype: match.subtype, key: match.key };
    }
}
/** Upstream's error text for a missing value (kept byte-identical for recipe snapshot mode). */
function upstreamNotFoundText(resolution) {
    switch (resolution.missing) {
        case 'type':
            return 'measurement type not found in snapshot';
        case 'subtype':
            return 'subtype not found in measurement';
        default:
            return 'key not found in subtype';
    }
}

;// CONCATENATED MODULE: ./src/core/constraints/index.ts
/**
 * Constraint evaluation against a Snapshot: measurement paths, expressions and version
 * comparison. `aicr validate` uses the parts directly (strict checks, skip reasons); recipe
 * snapshot mode uses {@link evaluateConstraint}, which keeps upstream's outcome and texts.
 */






// Recipe snapshot mode evaluates a handful of overlay constraints against one snapshot: index
// it once. Null readings read as empty text there, as before.
const recipeIndexes = new WeakMap();
function recipeIndex(snapshot) {
    let index = recipeIndexes.get(snapshot);
    if (!index) {
        index = new SnapshotIndex(snapshot, (reading) => readingText(reading));
        recipeIndexes.set(snapshot, index);
    }
    return index;
}
/**
 * Resolves `{Type}.{Subtype}.{Key}` (or `{Type}[{Subtype}].{Key}`) in a snapshot. Throws for a
 * malformed path; a missing value is reported with upstream's NOT_FOUND text.
 */
function lookupPath(snapshot, path) {
    const resolution = recipeIndex(snapshot).resolve(parseConstraintPath(path));
    if (resolution.found)
        return { found: true, value: resolution.value };
    return { found: false, error: (0,errors/* notFound */.mX)(`value not found in snapshot: [NOT_FOUND] ${upstreamNotFoundText(resolution)}`) };
}
/** Evaluates an expression against an actual value (no snapshot lookup). */
function evaluateExpression(expression, actual) {
    const result = compare(expression, actual);
    if (!result.ok)
        return { status: 'error', actual, message: result.reason };
    return { status: result.pass ? 'passed' : 'failed', actual };
}
/**
 * Evaluates one constraint against a snapshot with upstream's outcome: a malformed constraint or
 * a missing value is an `error` whose message is upstream's text (recipe snapshot mode turns it
 * into an excluded overlay).
 */
function evaluateConstraint(constraint, snapshot) {
    let expression;
    let lookup;
    try {
        expression = parseExpression(constraint.value);
        lookup = lookupPath(snapshot, constraint.name);
    }
    catch (error) {
        return { status: 'error', message: `[${error.code}] ${error.message}` };
    }
    if (!lookup.found)
        return { status: 'error', message: `[${lookup.error.code}] ${lookup.error.message}` };
    return evaluateExpression(expression, lookup.value);
}

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
                const service = data.service !== undefined ? tryParse('service', readingText(data.service)) : undefined;
                if (service)
                    criteria.service = service;
                const version = readingText(data.version);
                if (version.includes('-eks-'))
                    criteria.service = 'eks';
                else if (version.includes('-gke'))
                    criteria.service = 'gke';
                else if (version.includes('-aks'))
                    criteria.service = 'aks';
            }
            else if (measurement.type === 'GPU' && (name === 'smi' || name === 'device')) {
                const fromGpuModel = data['gpu.model'] !== undefined ? acceleratorFromModel(readingText(data['gpu.model'])) : undefined;
                if (fromGpuModel)
                    criteria.accelerator = fromGpuModel;
                if (criteria.accelerator === 'any' && data.model !== undefined) {
                    const fromModel = acceleratorFromModel(readingText(data.model));
                    if (fromModel)
                        criteria.accelerator = fromModel;
                }
            }
            else if (measurement.type === 'OS' && name === 'release' && data.ID !== undefined) {
                const os = tryParse('os', readingText(data.ID));
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
    const result = { kind: 'RecipeResult', apiVersion: API_VERSION, metadata, criteria: (0,recipe_criteria/* criteriaForOutput */.SL)(criteria) };
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
        const outcome = evaluateConstraint(constraint, snapshot);
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
        for (const phase of PHASES) {
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
    for (const phase of PHASES) {
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

;// CONCATENATED MODULE: ./src/core/recipe/query.ts
/**
 * `aicr query`: the hydrated recipe document (components keyed by name with their merged Helm
 * values) and the dot-path selector over it.
 */



function loadValues(catalog, path, what) {
    if (!catalog.hasFile(path))
        throw (0,errors/* notFound */.mX)(`failed to read ${what} "${path}": no such file in the catalog`, { hint: 'check valuesFile in the recipe' });
    try {
        return catalog.readValues(path);
    }
    catch (error) {
        throw (0,errors/* wrapError */.J4)(error, `failed to parse ${what} "${path}"`, errors/* ErrorCode */.O4.InvalidInput);
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
                values = (0,objects/* mergeValues */.D3)(values, loadValues(catalog, ref.valuesFile, 'overlay values file'));
            }
        }
        if (hasOverrides)
            values = (0,objects/* mergeValues */.D3)(values, ref.overrides);
    }
    catch (error) {
        throw (0,errors/* wrapError */.J4)(error, `failed to hydrate values for component "${ref.name}"`);
    }
    return (0,objects/* deepClone */.Go)(values);
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
    return (0,serialize/* sortKeysDeep */.$E)((0,objects/* deepClone */.Go)(document));
}
/**
 * Walks a dot-path (one leading `.` allowed; empty selects everything). No escaping, no list
 * indexes: keys containing dots cannot be addressed, as upstream.
 */
function query_select(document, selector) {
    const path = selector.startsWith('.') ? selector.slice(1) : selector;
    if (path === '')
        return document;
    let node = document;
    for (const part of path.split('.')) {
        if (!(0,serialize/* isPlainObject */.Qd)(node)) {
            throw (0,errors/* notFound */.mX)(`selector "${path}": cannot descend into non-map value at "${part}"`, { hint: 'shorten the selector to end at this value' });
        }
        if (!Object.prototype.hasOwnProperty.call(node, part)) {
            const keys = Object.keys(node).sort(serialize/* compareStrings */.Kt);
            throw (0,errors/* notFound */.mX)(`selector "${path}": key "${part}" not found, available keys: ${keys.join(', ')}`, {
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
        return (0,serialize/* toJson */.aB)(value);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return `${String(value)}\n`;
    return (0,serialize/* toYaml */.fE)(value, { indent: 4, sortKeys: true });
}

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
    if (document.apiVersion && document.apiVersion !== API_VERSION) {
        throw (0,errors/* invalidInput */.aY)(`${origin}: invalid apiVersion "${document.apiVersion}", expected "${API_VERSION}"`, {
            location: { file: origin },
            hint: `set apiVersion: ${API_VERSION} (or leave it out)`,
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


/***/ })

};
