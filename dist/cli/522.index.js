export const id = 522;
export const ids = [522];
export const modules = {

/***/ 1861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ checkSize),
/* harmony export */   MG: () => (/* binding */ parseDocumentSync),
/* harmony export */   Tp: () => (/* binding */ parseDocument),
/* harmony export */   bi: () => (/* binding */ MAX_DOCUMENT_BYTES),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   jM: () => (/* binding */ ensureYamlParser),
/* harmony export */   jV: () => (/* binding */ formatPath)
/* harmony export */ });
/* unused harmony export MAX_ALIAS_COUNT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** Largest document we read (upstream's per-file limit for external data). */
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Largest number of alias expansions in one document; blocks "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;
let yamlModule;
/** The YAML parser is loaded on first use: commands that read no YAML never pay for it. */
async function loadYaml() {
    yamlModule ??= await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
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
            const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
            if (hasAlias(YAML, doc))
                checkExpandedSize(value, origin, options.maxBytes ?? MAX_DOCUMENT_BYTES);
            return value;
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AicrError */ .Y3)
                throw error;
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
function hasAlias(YAML, doc) {
    let found = false;
    YAML.visit(doc, {
        Alias: () => {
            found = true;
            return YAML.visit.BREAK;
        },
    });
    return found;
}
/**
 * Aliases share data in memory but are copied out by anything that clones or writes the
 * document: a few aliases of a large anchor can multiply its size. Refuse documents whose
 * expanded size (nodes and text) exceeds twice the byte limit.
 */
function checkExpandedSize(value, origin, maxBytes) {
    const budget = maxBytes * 2;
    let size = 0;
    const stack = [value];
    while (stack.length > 0) {
        const node = stack.pop();
        size += typeof node === 'string' ? node.length + 1 : 8;
        if (size > budget) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${origin}: the document expands to more than ${budget} bytes through YAML aliases`, {
                location: { file: origin },
                hint: 'write the repeated data out once instead of referencing a large anchor many times',
            });
        }
        if (Array.isArray(node))
            for (const item of node)
                stack.push(item);
        else if (node !== null && typeof node === 'object')
            for (const key of Object.keys(node))
                stack.push(key, node[key]);
    }
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

/***/ 6228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tq: () => (/* binding */ formatDocument),
/* harmony export */   jB: () => (/* binding */ formatColumns),
/* harmony export */   uH: () => (/* binding */ parseOutputFormat)
/* harmony export */ });
/* unused harmony exports OUTPUT_FORMATS, formatLeafTable */
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
    const widths = header.map((_, column) => all.reduce((width, row) => Math.max(width, (row[column] ?? '').length), 0));
    return all.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd()).join('\n') + '\n';
}


/***/ }),

/***/ 7719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mb: () => (/* binding */ readLocation),
/* harmony export */   rW: () => (/* binding */ writeLocation),
/* harmony export */   wE: () => (/* binding */ parseConfigMapUri),
/* harmony export */   zS: () => (/* binding */ parseLocation)
/* harmony export */ });
/* unused harmony exports readFileLimited, redactUrl, writeFileAtomic */
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
 * URL (read only), or a Kubernetes ConfigMap `cm://namespace/name` (the Kubernetes module is
 * loaded only for those, so other commands never pay for a Kubernetes client).
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
        if (url.username || url.password) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: URLs with user:password are not supported: ${redactUrl(url)}`, {
                hint: 'publish the document at a URL without credentials (a token in the URL query is redacted in every message)',
            });
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
/** The `cm://` handler lives in the Kubernetes module, imported only when a cm:// location is used. */
async function configMaps() {
    return (await Promise.all(/* import() */[__webpack_require__.e(338), __webpack_require__.e(77)]).then(__webpack_require__.bind(__webpack_require__, 2077))).configMapHandler;
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
            const handler = await configMaps();
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
    // Devices and pipes report no size: refuse them rather than read without a limit (use - for a stream).
    if (!stats.isFile())
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${input}: ${path} is not a regular file`, { hint: 'pass a file, or - to read standard input' });
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
            const reason = (cause?.code ?? cause?.message ?? error.message).replaceAll(url.href, shown);
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
            await (await configMaps()).write(location, text, options);
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


/***/ }),

/***/ 8237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/**
 * Byte-wise order of the UTF-8 encodings (= code point order), independent of locale. UTF-16
 * code units order the same way except surrogates (U+10000 and up) against U+E000–U+FFFF.
 */
function compareStrings(a, b) {
    if (a === b)
        return 0;
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x === y)
            continue;
        if (x >= 0xd800 && y >= 0xd800) {
            const xSurrogate = x <= 0xdfff;
            if (xSurrogate !== y <= 0xdfff)
                return xSurrogate ? 1 : -1;
        }
        return x < y ? -1 : 1;
    }
    return a.length < b.length ? -1 : 1;
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
                    for (const line of nested)
                        lines.push(line);
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


/***/ })

};
