export const id = 358;
export const ids = [358];
export const modules = {

/***/ 4248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ formatProblems),
/* harmony export */   IF: () => (/* binding */ verifyBundle),
/* harmony export */   aP: () => (/* binding */ CHECKSUMS_FILE),
/* harmony export */   fI: () => (/* binding */ problemLocation),
/* harmony export */   iv: () => (/* binding */ toCodeQuality),
/* harmony export */   ss: () => (/* binding */ formatChecksums)
/* harmony export */ });
/* unused harmony exports ATTESTATION_FILES, sha256, parseChecksums */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6228);
/* harmony import */ var _serialize_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8237);
/**
 * `checksums.txt`: writing it for a bundle (sorted, relative paths, `sha256sum -c` compatible)
 * and verifying a bundle directory against it: modified, missing and unlisted files, malformed
 * lines, unsafe paths and symbolic links that leave the bundle, all reported together.
 */






const CHECKSUMS_FILE = 'checksums.txt';
/** Attestation files (written by signing, never listed) that may sit beside the listed files. */
const ATTESTATION_FILES = ['attestation/bundle-attestation.sigstore.json', 'attestation/aicr-attestation.sigstore.json'];
/** Largest checksums.txt accepted (a bundle lists a few hundred files). */
const MAX_CHECKSUMS_BYTES = 4 * 1024 * 1024;
function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
/** The text of checksums.txt for `files` (path → content), sorted byte-wise by path. */
function formatChecksums(files) {
    const lines = [];
    for (const file of files) {
        if (file.path === CHECKSUMS_FILE)
            continue;
        lines.push([file.path, sha256(file.content)]);
    }
    lines.sort((a, b) => (0,_serialize_js__WEBPACK_IMPORTED_MODULE_5__/* .compareStrings */ .Kt)(a[0], b[0]));
    return lines.map(([path, digest]) => `${digest}  ${path}\n`).join('');
}
/** Checks a listed path: relative, `/`-separated, no `.`/`..`/empty segments, no control characters. */
function pathProblem(path) {
    if (path === '')
        return 'the path is empty';
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
        return 'absolute paths are not allowed';
    if (path.includes('\\'))
        return 'backslashes are not allowed';
    if (/[\u0000-\u001f\u007f]/.test(path))
        return 'control characters are not allowed';
    const segments = path.split('/');
    if (segments.includes('..'))
        return '".." segments are not allowed';
    if (segments.includes('.'))
        return '"." segments are not allowed';
    if (segments.includes(''))
        return 'empty path segments are not allowed';
    return undefined;
}
/** Parses checksums.txt strictly; every bad line becomes a problem and is skipped. */
function parseChecksums(text, problems) {
    const entries = [];
    const seen = new Map();
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    lines.forEach((raw, index) => {
        const line = index + 1;
        const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(raw);
        if (!match) {
            problems.push({ kind: 'malformed', path: CHECKSUMS_FILE, line, detail: `line ${line} is not "<64 lower-case hex digits><two spaces><relative path>": ${JSON.stringify(raw.length > 120 ? `${raw.slice(0, 120)}…` : raw)}` });
            return;
        }
        const [, digest, path] = match;
        const unsafe = pathProblem(path);
        if (unsafe) {
            problems.push({ kind: 'unsafe-path', path, line, detail: unsafe });
            return;
        }
        if (path === CHECKSUMS_FILE) {
            problems.push({ kind: 'unsafe-path', path, line, detail: 'checksums.txt cannot list itself' });
            return;
        }
        const folded = path.toLowerCase();
        const previous = seen.get(folded);
        if (previous !== undefined) {
            problems.push({ kind: 'duplicate', path, line, detail: `already listed on line ${previous}` });
            return;
        }
        seen.set(folded, line);
        entries.push({ digest, path, line });
    });
    return entries;
}
function hashFile(path) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, 'r');
    try {
        const buffer = Buffer.allocUnsafe(1 << 16);
        for (;;) {
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buffer, 0, buffer.length, null);
            if (read === 0)
                break;
            hash.update(buffer.subarray(0, read));
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    return hash.digest('hex');
}
function inside(root, target) {
    return target === root || target.startsWith(root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_2__.sep) ? root : root + node_path__WEBPACK_IMPORTED_MODULE_2__.sep);
}
/** Files (and symbolic links) below `root`, relative `/` paths, never following links. */
function walk(root) {
    const out = [];
    const visit = (dir, prefix) => {
        const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (0,_serialize_js__WEBPACK_IMPORTED_MODULE_5__/* .compareStrings */ .Kt)(a.name, b.name));
        for (const entry of entries) {
            const path = prefix + entry.name;
            if (entry.isDirectory())
                visit((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name), `${path}/`);
            else
                out.push({ path, symlink: entry.isSymbolicLink(), dir: false });
        }
    };
    visit(root, '');
    return out;
}
/**
 * Verifies `dir` against its checksums.txt. Throws only when there is nothing to verify (the
 * directory or checksums.txt is missing, or unreadable); every finding is in the result.
 */
function verifyBundle(dir) {
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir);
    let stats;
    try {
        stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(absolute);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .notFound */ .mX)(`bundle directory not found: ${dir}`, { hint: 'pass the directory aicr bundle wrote' });
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .wrapError */ .J4)(error, `cannot read the bundle directory ${dir}`, _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ErrorCode */ .O4.InvalidInput);
    }
    if (!stats.isDirectory())
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${dir} is not a directory`, { hint: 'pass the bundle directory (the one that holds checksums.txt), not a file' });
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(absolute);
    const listPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, CHECKSUMS_FILE);
    const listStats = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(listPath, { throwIfNoEntry: false });
    if (!listStats)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .notFound */ .mX)(`${CHECKSUMS_FILE} not found in ${dir}`, { hint: 'generate the bundle with aicr bundle, which writes checksums.txt' });
    if (!listStats.isFile())
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${dir}/${CHECKSUMS_FILE} is not a regular file`, { hint: 'checksums.txt must be a plain file, not a link or a directory' });
    if (listStats.size > MAX_CHECKSUMS_BYTES)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(`${dir}/${CHECKSUMS_FILE} is too large (${listStats.size} bytes)`, { hint: `the limit is ${MAX_CHECKSUMS_BYTES} bytes` });
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(listPath, 'utf8');
    const problems = [];
    const entries = parseChecksums(text, problems);
    const listed = new Set(entries.map((entry) => entry.path));
    let verified = 0;
    for (const entry of entries) {
        const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, ...entry.path.split('/'));
        let real;
        try {
            real = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(target);
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT' || code === 'ENOTDIR') {
                const link = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(target, { throwIfNoEntry: false });
                problems.push(link?.isSymbolicLink()
                    ? { kind: 'missing', path: entry.path, line: entry.line, detail: 'listed, but it is a symbolic link to nothing' }
                    : { kind: 'missing', path: entry.path, line: entry.line, detail: 'listed in checksums.txt but not in the bundle' });
            }
            else
                problems.push({ kind: 'not-a-file', path: entry.path, line: entry.line, detail: `cannot be read (${code ?? 'error'})` });
            continue;
        }
        if (!inside(root, real)) {
            problems.push({ kind: 'escaping-symlink', path: entry.path, line: entry.line, detail: `resolves outside the bundle (${real})` });
            continue;
        }
        const fileStats = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(real);
        if (!fileStats.isFile()) {
            problems.push({ kind: 'not-a-file', path: entry.path, line: entry.line, detail: fileStats.isDirectory() ? 'is a directory' : 'is not a regular file' });
            continue;
        }
        const actual = hashFile(real);
        if (actual !== entry.digest) {
            problems.push({ kind: 'modified', path: entry.path, line: entry.line, detail: `sha256 ${actual} differs from the listed ${entry.digest}` });
            continue;
        }
        verified++;
    }
    for (const found of walk(root)) {
        if (found.symlink) {
            let real;
            try {
                real = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, ...found.path.split('/')));
            }
            catch {
                real = undefined;
            }
            if (real !== undefined && !inside(root, real)) {
                if (!listed.has(found.path))
                    problems.push({ kind: 'escaping-symlink', path: found.path, detail: `symbolic link resolves outside the bundle (${real})` });
                continue;
            }
        }
        if (found.path === CHECKSUMS_FILE || listed.has(found.path) || ATTESTATION_FILES.includes(found.path))
            continue;
        problems.push({ kind: 'unlisted', path: found.path, detail: found.symlink ? 'symbolic link not listed in checksums.txt' : 'present in the bundle but not listed in checksums.txt' });
    }
    problems.sort((a, b) => (0,_serialize_js__WEBPACK_IMPORTED_MODULE_5__/* .compareStrings */ .Kt)(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0));
    return { dir, ok: problems.length === 0, listed: entries.length, verified, problems };
}
/**
 * Where to point an annotation for a problem: a line of checksums.txt for problems with the
 * list itself, otherwise the file (relative to the bundle).
 */
function problemLocation(problem) {
    if (problem.kind === 'malformed' || problem.kind === 'unsafe-path' || problem.kind === 'duplicate') {
        return problem.line === undefined ? { path: CHECKSUMS_FILE } : { path: CHECKSUMS_FILE, line: problem.line };
    }
    return { path: problem.path };
}
/** A problem list as aligned text columns (for terminals and job logs). */
function formatProblems(result) {
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatColumns */ .jB)(['PROBLEM', 'FILE', 'DETAIL'], result.problems.map((problem) => [
        problem.kind,
        problem.line === undefined ? problem.path : `${problem.path} (line ${problem.line})`,
        problem.detail,
    ]));
}
/**
 * Problems as a GitLab Code Quality report; `prefix` is the bundle directory as seen from the
 * project root. Fingerprints hash the kind and the path, so a problem keeps its identity.
 */
function toCodeQuality(result, prefix) {
    const base = prefix.replace(/\/+$/, '');
    return result.problems.map((problem) => {
        const where = problemLocation(problem);
        const path = base === '' || base === '.' ? where.path : `${base}/${where.path}`;
        return {
            description: `${problem.kind}: ${problem.path}: ${problem.detail}`,
            check_name: `aicr-verify/${problem.kind}`,
            fingerprint: sha256(`${problem.kind}\u0000${path}\u0000${problem.path}\u0000${problem.line ?? 0}`),
            severity: 'major',
            location: { path, lines: { begin: where.line ?? 1 } },
        };
    });
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
    const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
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
/* unused harmony exports setConfigMapHandler, readFileLimited, redactUrl, writeFileAtomic, formatFromName */
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
/** The `cm://` handler: a registered one (tests), else the Kubernetes module, imported on first use. */
async function configMaps(_location) {
    if (configMapHandler)
        return configMapHandler();
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


/***/ })

};
