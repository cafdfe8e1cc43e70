export const id = 412;
export const ids = [412];
export const modules = {

/***/ 3412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4248);
/* harmony import */ var _core_io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7719);
/* harmony import */ var _core_serialize_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8237);




const command = {
    spec: {
        name: 'verify',
        summary: `Check a bundle against its checksums.txt: modified, missing and unlisted files, unsafe paths and escaping links (exit ${_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.VerificationFailed} on findings).`,
        usage: 'aicr verify <bundle-dir> [--format text|json] [--codequality F]',
        positionals: ['bundle-dir'],
        flags: [
            { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'report format', default: 'text', choices: ['text', 'json'] },
            { name: 'codequality', type: 'string', value: '<file>', description: 'also write a GitLab Code Quality report (one issue per problem)' },
        ],
        examples: ['aicr verify bundle', 'aicr verify bundle --format json', 'aicr verify bundle --codequality gl-code-quality-report.json'],
    },
    async run({ flags, positionals }, context) {
        const dir = positionals[0];
        if (dir === undefined || dir === '')
            throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('bundle directory is required: aicr verify <bundle-dir>', { hint: 'pass the directory aicr bundle wrote' });
        const result = (0,_core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__/* .verifyBundle */ .IF)(dir);
        if (typeof flags.codequality === 'string') {
            await (0,_core_io_js__WEBPACK_IMPORTED_MODULE_2__/* .writeLocation */ .rW)((0,_core_io_js__WEBPACK_IMPORTED_MODULE_2__/* .parseLocation */ .zS)(flags.codequality, '--codequality'), (0,_core_serialize_js__WEBPACK_IMPORTED_MODULE_3__/* .toJson */ .aB)((0,_core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__/* .toCodeQuality */ .iv)(result, dir)), { input: '--codequality', format: 'json' });
        }
        if (flags.format === 'json') {
            context.stdout.write((0,_core_serialize_js__WEBPACK_IMPORTED_MODULE_3__/* .toJson */ .aB)(result));
        }
        else if (result.ok) {
            context.stdout.write(`${dir}: all ${result.verified} files match checksums.txt\n`);
        }
        else {
            context.stdout.write((0,_core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatProblems */ .C5)(result));
            context.stdout.write(`\n${dir}: ${result.problems.length} problem(s); ${result.verified} of ${result.listed} listed files match checksums.txt\n`);
        }
        for (const problem of result.problems) {
            const where = (0,_core_checksums_index_js__WEBPACK_IMPORTED_MODULE_1__/* .problemLocation */ .fI)(problem);
            const subject = where.path === problem.path ? '' : ` (${problem.path})`;
            context.logger.error(`${problem.kind}${subject}: ${problem.detail}`, { file: `${dir.replace(/\/+$/, '')}/${where.path}`, ...(where.line ? { startLine: where.line } : {}) });
        }
        return result.ok ? _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.Success : _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.VerificationFailed;
    },
};


/***/ }),

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


/***/ })

};
