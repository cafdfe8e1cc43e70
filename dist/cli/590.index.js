export const id = 590;
export const ids = [590];
export const modules = {

/***/ 4363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X8: () => (/* reexport */ SnapshotIndex),
  UD: () => (/* reexport */ compare),
  nT: () => (/* binding */ evaluateConstraint),
  qT: () => (/* reexport */ expressionProblem),
  WE: () => (/* reexport */ parseConstraintPath),
  YK: () => (/* reexport */ parseExpression),
  e4: () => (/* reexport */ readingText)
});

// UNUSED EXPORTS: MEASUREMENT_TYPES, OPERATORS, compareVersions, evaluateExpression, looksLikeVersion, lookupPath, parseVersion, upstreamNotFoundText, versionsEqual

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
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
function parseVersion(text) {
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
        const parsed = parseVersion(expression.operand);
        if (parsed.ok)
            expression.version = parsed.version;
    }
    return expression;
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
 * `versions` caches parsed actual values across calls (one evaluation run).
 */
function compare(expression, actual, versions) {
    const parseActual = () => {
        if (!versions)
            return parseVersion(actual);
        let parsed = versions.get(actual);
        if (parsed === undefined) {
            parsed = parseVersion(actual);
            versions.set(actual, parsed);
        }
        return parsed;
    };
    const { operator, operand } = expression;
    switch (operator) {
        case 'exact':
            return { ok: true, pass: actual === operand };
        case '==':
        case '!=': {
            let equal = actual === operand;
            if (expression.version) {
                const have = parseActual();
                if (have.ok)
                    equal = versionsEqual(expression.version, have.version);
            }
            return { ok: true, pass: operator === '==' ? equal : !equal };
        }
        default: {
            const want = expression.version;
            if (!want) {
                const parsed = parseVersion(operand);
                return { ok: false, reason: `cannot parse expected version: ${parsed.ok ? operand : parsed.reason}` };
            }
            const have = parseActual();
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
    /** Looks a parsed path up; never throws. Allocation-light: it runs once per constraint. */
    resolve(path) {
        const entry = this.types.get(path.type);
        if (!entry)
            return { found: false, missing: 'type', reason: `measurement type ${path.type} not found in the snapshot` };
        const splits = path.splits;
        let match;
        let matchSplit;
        let matches = 0;
        let existing;
        for (let i = 0; i < splits.length; i++) {
            const split = splits[i];
            const at = entry.subtypes.get(split.subtype);
            if (at === undefined)
                continue;
            existing ??= split;
            if (Object.prototype.hasOwnProperty.call(at.data, split.key)) {
                matches++;
                if (match === undefined) {
                    match = at;
                    matchSplit = split;
                }
            }
        }
        if (matches > 1) {
            const options = splits
                .filter((split) => {
                const at = entry.subtypes.get(split.subtype);
                return at !== undefined && Object.prototype.hasOwnProperty.call(at.data, split.key);
            })
                .map((split) => `${path.type}[${split.subtype}].${split.key}`)
                .join(' or ');
            return { found: false, missing: 'ambiguous', reason: `path is ambiguous in this snapshot: it matches ${options}; write one of these bracket forms` };
        }
        if (match === undefined || matchSplit === undefined) {
            const unavailable = entry.measurement.unavailable?.reason;
            const because = unavailable ? ` (the ${path.type} measurement was unavailable: ${unavailable})` : '';
            if (existing) {
                return { found: false, missing: 'key', reason: `key "${existing.key}" not found in ${path.type} subtype "${existing.subtype}"${because}`, subtype: existing.subtype, key: existing.key };
            }
            const names = path.explicit || splits.length === 1 ? `"${splits[0].subtype}"` : splits.map((split) => `"${split.subtype}"`).join(' or ');
            return { found: false, missing: 'subtype', reason: `subtype ${names} not found in the ${path.type} measurement${because}` };
        }
        const text = this.text(entry, match, matchSplit.key);
        if (text === null) {
            return { found: false, missing: 'null', reason: `${path.type}[${matchSplit.subtype}].${matchSplit.key} has no value (null) in the snapshot`, subtype: matchSplit.subtype, key: matchSplit.key };
        }
        return { found: true, value: text, subtype: matchSplit.subtype, key: matchSplit.key };
    }
    /** The trimmed text of a reading, computed once per reading. */
    text(entry, at, key) {
        const texts = (at.texts ??= new Map());
        let text = texts.get(key);
        if (text === undefined) {
            const raw = this.textOf(at.data[key], { measurement: entry.index, subtype: at.index, key });
            text = raw === null ? null : raw.trim();
            texts.set(key, text);
        }
        return text;
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

/***/ 9590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G_: () => (/* reexport */ render/* MEASUREMENT_ORDER */.G_),
  vD: () => (/* binding */ parseRequiredSources),
  RA: () => (/* binding */ readSnapshot),
  D7: () => (/* reexport */ render/* renderSnapshot */.D7),
  W9: () => (/* binding */ takeSnapshot)
});

// UNUSED EXPORTS: DEFAULT_TIMEOUT_MS, SOURCES, SOURCE_LIMITS_MS, SOURCE_TYPES, absenceReason, checkRequiredSources, collectSnapshot, formatSnapshotTable, formatTimestamp, loadKubernetesCollectors, localCollectors, normalizeSnapshot, reportSources, sourceNode, subtypeName, unavailableCollector

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(1227);
// EXTERNAL MODULE: ./src/core/constraints/index.ts + 3 modules
var constraints = __webpack_require__(4363);
// EXTERNAL MODULE: ./src/core/documents/index.ts
var documents = __webpack_require__(5738);
// EXTERNAL MODULE: ./src/core/documents/types.ts
var types = __webpack_require__(4699);
// EXTERNAL MODULE: ./src/core/io.ts
var io = __webpack_require__(7719);
// EXTERNAL MODULE: ./src/core/kube/client.ts
var client = __webpack_require__(9338);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/core/snapshot/exec.ts
/**
 * Runs a node tool (nvidia-smi, systemctl) for a collector: no shell, fixed arguments, bounded
 * output, a time limit, cancellation, and a one-line reason whenever the tool cannot answer.
 */

const MAX_STDERR = 64 * 1024;
/**
 * Runs `command args…` and collects its output. Never throws: a tool that is missing, fails,
 * hangs or floods its output yields `{ ok: false, reason }`, the reason being safe to print.
 */
function runCommand(command, args, options = {}) {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
    const shown = printable(command);
    return new Promise((resolve) => {
        if (options.signal?.aborted) {
            resolve({ ok: false, reason: `${shown} was not started: the snapshot was cancelled`, missing: false });
            return;
        }
        let settled = false;
        const stdout = [];
        const stderr = [];
        let stdoutBytes = 0;
        let stderrBytes = 0;
        let stopReason;
        // Its own process group, so a stop also ends anything the tool started (a wrapper script's
        // children would otherwise keep the pipes open).
        const child = (0,external_node_child_process_.spawn)(command, [...args], {
            env: options.env ?? process.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            shell: false,
            windowsHide: true,
            detached: true,
        });
        const finish = (outcome) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            resolve(outcome);
        };
        const stop = (reason) => {
            stopReason ??= reason;
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                child.kill('SIGKILL');
            }
            finish({ ok: false, reason: stopReason, missing: false });
        };
        const onAbort = () => stop(`${shown} was stopped: the snapshot deadline passed or the run was cancelled`);
        const timer = setTimeout(() => stop(`${shown} did not finish within ${formatSeconds(timeoutMs)}`), timeoutMs);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        child.stdout.on('data', (chunk) => {
            stdoutBytes += chunk.length;
            if (stdoutBytes > maxBytes)
                stop(`${shown} printed more than ${maxBytes} bytes`);
            else
                stdout.push(chunk);
        });
        child.stderr.on('data', (chunk) => {
            if (stderrBytes < MAX_STDERR)
                stderr.push(chunk);
            stderrBytes += chunk.length;
        });
        child.on('error', (error) => {
            if (error.code === 'ENOENT')
                finish({ ok: false, reason: `${shown} not found${command.includes('/') ? '' : ' on PATH'}`, missing: true });
            else if (error.code === 'EACCES')
                finish({ ok: false, reason: `${shown} is not executable`, missing: true });
            else
                finish({ ok: false, reason: `${shown} could not be started: ${error.message}`, missing: false });
        });
        child.on('close', (code, signal) => {
            const errText = Buffer.concat(stderr).toString('utf8');
            if (stopReason) {
                finish({ ok: false, reason: stopReason, missing: false });
            }
            else if (code !== 0) {
                const detail = firstLine(errText) || firstLine(Buffer.concat(stdout).toString('utf8'));
                const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`;
                finish({ ok: false, reason: `${shown} ${how}${detail ? `: ${detail}` : ''}`, missing: false });
            }
            else {
                finish({ ok: true, stdout: Buffer.concat(stdout).toString('utf8'), stderr: errText });
            }
        });
    });
}
/** The first non-empty line, without control characters and at most 300 characters long. */
function firstLine(text) {
    const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
    return printable(line).slice(0, 300);
}
function printable(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
function formatSeconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/core/snapshot/xml.ts
/**
 * A small, strict XML reader for tool output such as `nvidia-smi -q -x`: elements, attributes,
 * text, CDATA, comments and the five predefined entities plus character references.
 *
 * Our own rather than a dependency because the input is simple and hostile input must stay
 * harmless: the DOCTYPE is skipped without reading its internal subset, custom entities are
 * never defined or expanded (no "billion laughs", no external fetches), and input size and
 * nesting depth are bounded.
 */
class XmlSyntaxError extends Error {
    line;
    constructor(message, line) {
        super(`${message} (line ${line})`);
        this.line = line;
        this.name = 'XmlSyntaxError';
    }
}
function isNameStart(code) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x3a || code >= 0xc0;
}
function isNameChar(code) {
    return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e || code === 0xb7;
}
function isSpace(code) {
    return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}
const PREDEFINED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Parses a whole document and returns its root element. Throws XmlSyntaxError on bad input. */
function parseXml(text, limits = {}) {
    const maxLength = limits.maxLength ?? 16 * 1024 * 1024;
    const maxDepth = limits.maxDepth ?? 64;
    if (text.length > maxLength)
        throw new XmlSyntaxError(`document too large (${text.length} characters, limit ${maxLength})`, 1);
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const stack = [];
    let root;
    const lineAt = (at) => {
        let line = 1;
        for (let i = 0; i < at && i < text.length; i++)
            if (text.charCodeAt(i) === 10)
                line++;
        return line;
    };
    const fail = (message, at = pos) => {
        throw new XmlSyntaxError(message, lineAt(at));
    };
    const expect = (token, what) => {
        const end = text.indexOf(token, pos);
        if (end < 0)
            fail(`unterminated ${what}`);
        pos = end + token.length;
    };
    const readName = () => {
        const start = pos;
        if (!isNameStart(text.charCodeAt(pos)))
            fail(`expected a name, found ${JSON.stringify(text[pos] ?? 'end of input')}`);
        pos++;
        while (pos < text.length && isNameChar(text.charCodeAt(pos)))
            pos++;
        return text.slice(start, pos);
    };
    const skipSpace = () => {
        while (pos < text.length && isSpace(text.charCodeAt(pos)))
            pos++;
    };
    const decode = (raw, at) => {
        if (!raw.includes('&'))
            return raw;
        return raw.replace(/&([^;&\s]{0,32});/g, (whole, entity) => {
            if (entity.startsWith('#x') || entity.startsWith('#X'))
                return codePoint(parseInt(entity.slice(2), 16), whole, at);
            if (entity.startsWith('#'))
                return codePoint(parseInt(entity.slice(1), 10), whole, at);
            const value = PREDEFINED[entity];
            if (value === undefined)
                fail(`unknown entity ${whole} (custom entities are not supported)`, at);
            return value;
        });
    };
    const codePoint = (value, whole, at) => {
        if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
            fail(`invalid character reference ${whole}`, at);
        return String.fromCodePoint(value);
    };
    const isBlank = (from, to) => {
        for (let i = from; i < to; i++)
            if (!isSpace(text.charCodeAt(i)))
                return false;
        return true;
    };
    const appendText = (value) => {
        const current = stack[stack.length - 1];
        if (current)
            current.text += value;
        else if (value.trim() !== '')
            fail('text outside the root element');
    };
    while (pos < text.length) {
        const lt = text.indexOf('<', pos);
        if (lt < 0) {
            appendText(decode(text.slice(pos), pos));
            break;
        }
        if (lt > pos && !isBlank(pos, lt))
            appendText(decode(text.slice(pos, lt), pos));
        pos = lt;
        const next = text.charCodeAt(pos + 1);
        if (next !== 0x2f /* / */ && next !== 0x3f /* ? */ && next !== 0x21 /* ! */) {
            openTag();
        }
        else if (text.startsWith('<?', pos)) {
            expect('?>', 'processing instruction');
        }
        else if (text.startsWith('<!--', pos)) {
            expect('-->', 'comment');
        }
        else if (text.startsWith('<![CDATA[', pos)) {
            const start = pos + 9;
            expect(']]>', 'CDATA section');
            if (stack.length === 0)
                fail('CDATA outside the root element', start);
            appendText(text.slice(start, pos - 3));
        }
        else if (text.startsWith('<!DOCTYPE', pos)) {
            if (root || stack.length)
                fail('DOCTYPE after the root element');
            skipDoctype();
        }
        else if (text.startsWith('</', pos)) {
            const at = pos;
            pos += 2;
            const name = readName();
            skipSpace();
            if (text[pos] !== '>')
                fail(`malformed closing tag </${name}`);
            pos++;
            const open = stack.pop();
            if (!open)
                fail(`closing tag </${name}> without an opening tag`, at);
            if (open.name !== name)
                fail(`closing tag </${name}> does not match <${open.name}>`, at);
        }
        else {
            fail(`unexpected markup ${JSON.stringify(text.slice(pos, pos + 10))}`);
        }
    }
    if (stack.length)
        fail(`<${stack[stack.length - 1].name}> is never closed`, text.length);
    if (!root)
        fail('no root element', 0);
    return root;
    function openTag() {
        const at = pos;
        pos++;
        const element = { name: readName(), attributes: {}, children: [], text: '' };
        for (;;) {
            const before = pos;
            skipSpace();
            if (pos >= text.length)
                fail(`<${element.name}> is cut off by the end of the input`, at);
            if (text.startsWith('/>', pos) || text[pos] === '>')
                break;
            if (pos === before)
                fail(`expected whitespace before an attribute in <${element.name}>`);
            const attribute = readName();
            skipSpace();
            if (text[pos] !== '=')
                fail(`attribute ${attribute} of <${element.name}> has no value`);
            pos++;
            skipSpace();
            const quote = text[pos];
            if (quote !== '"' && quote !== "'")
                fail(`attribute ${attribute} of <${element.name}> is not quoted`);
            const end = text.indexOf(quote, pos + 1);
            if (end < 0)
                fail(`unterminated value of attribute ${attribute}`);
            const raw = text.slice(pos + 1, end);
            if (raw.includes('<'))
                fail(`"<" in the value of attribute ${attribute}`);
            if (Object.prototype.hasOwnProperty.call(element.attributes, attribute))
                fail(`duplicate attribute ${attribute} in <${element.name}>`);
            element.attributes[attribute] = decode(raw, pos);
            pos = end + 1;
        }
        const parent = stack[stack.length - 1];
        if (parent)
            parent.children.push(element);
        else if (root)
            fail(`second root element <${element.name}>`, at);
        else
            root = element;
        if (text.startsWith('/>', pos)) {
            pos += 2;
        }
        else {
            pos++;
            if (stack.length >= maxDepth)
                fail(`elements nested deeper than ${maxDepth} levels`, at);
            stack.push(element);
        }
    }
    function skipDoctype() {
        // Skip `<!DOCTYPE name SYSTEM "uri" [ internal subset ]>` without interpreting any of it.
        let depth = 0;
        let quote;
        for (pos += 9; pos < text.length; pos++) {
            const ch = text[pos];
            if (quote) {
                if (ch === quote)
                    quote = undefined;
            }
            else if (ch === '"' || ch === "'")
                quote = ch;
            else if (ch === '[')
                depth++;
            else if (ch === ']')
                depth--;
            else if (ch === '>' && depth <= 0) {
                pos++;
                return;
            }
        }
        fail('unterminated DOCTYPE');
    }
}
/** The first child element called `name`. */
function childElement(element, name) {
    return element.children.find((child) => child.name === name);
}
/** Every child element called `name`, in document order. */
function childElements(element, name) {
    return element.children.filter((child) => child.name === name);
}
/** The element at a slash-separated path of child names (`mig_mode/current_mig`). */
function elementAt(element, path) {
    let node = element;
    for (const part of path.split('/')) {
        node = node && childElement(node, part);
        if (!node)
            return undefined;
    }
    return node;
}
/** Trimmed text of the element at `path`; undefined when the element is absent. */
function textAt(element, path) {
    return elementAt(element, path)?.text.trim();
}

;// CONCATENATED MODULE: ./src/core/snapshot/collectors/gpu.ts


/** nvidia-smi element path → `gpu-<n>` reading key. */
const GPU_FIELDS = [
    ['product_name', 'model'],
    ['product_brand', 'brand'],
    ['product_architecture', 'product-architecture'],
    ['display_mode', 'display-mode'],
    ['display_active', 'display-active'],
    ['persistence_mode', 'persistence-mode'],
    ['addressing_mode', 'addressing-mode'],
    ['vbios_version', 'vbios-version'],
    ['gsp_firmware_version', 'gsp-firmware-version'],
    ['minor_number', 'minor-number'],
    ['compute_mode', 'compute-mode'],
    ['gpu_virtualization_mode/virtualization_mode', 'virtualization-mode'],
    ['fb_memory_usage/total', 'memory-total'],
    ['ecc_mode/current_ecc', 'ecc-mode.current'],
    ['ecc_mode/pending_ecc', 'ecc-mode.pending'],
    ['mig_mode/current_mig', 'mig-mode.current'],
    ['mig_mode/pending_mig', 'mig-mode.pending'],
    ['fabric/state', 'fabric.state'],
    ['fabric/cliqueId', 'fabric.clique-id'],
];
/** Upstream's first-GPU keys in `smi` (element path → key). */
const UPSTREAM_FIRST_GPU_FIELDS = [
    ['product_name', 'gpu.model'],
    ['product_architecture', 'gpu.product-architecture'],
    ['display_mode', 'gpu.display-mode'],
    ['display_active', 'gpu.display-active'],
    ['persistence_mode', 'gpu.persistence-mode'],
    ['addressing_mode', 'gpu.addressing-mode'],
    ['vbios_version', 'gpu.vbios-version'],
    ['gsp_firmware_version', 'gpu.gsp-firmware-version'],
];
const MIG_FIELDS = [
    ['gpuInstanceId', 'gpu_instance_id', 'gpu-instance-id'],
    ['computeInstanceId', 'compute_instance_id', 'compute-instance-id'],
    ['multiprocessorCount', 'device_attributes/shared/multiprocessor_count', 'multiprocessor-count'],
    ['copyEngineCount', 'device_attributes/shared/copy_engine_count', 'copy-engine-count'],
    ['encoderCount', 'device_attributes/shared/encoder_count', 'encoder-count'],
    ['decoderCount', 'device_attributes/shared/decoder_count', 'decoder-count'],
    ['ofaCount', 'device_attributes/shared/ofa_count', 'ofa-count'],
    ['jpgCount', 'device_attributes/shared/jpg_count', 'jpg-count'],
    ['memoryTotal', 'fb_memory_usage/total', 'memory-total'],
];
/**
 * Reads the parts of an `nvidia-smi -q -x` document we record. Throws XmlSyntaxError for
 * malformed XML or a root element other than `nvidia_smi_log`. The DOCTYPE is never fetched.
 */
function parseNvidiaSmiXml(xml) {
    const root = parseXml(xml);
    if (root.name !== 'nvidia_smi_log')
        throw new XmlSyntaxError(`expected the root element <nvidia_smi_log>, found <${root.name}>`, 1);
    const report = { gpus: childElements(root, 'gpu').map(readGpu) };
    const driver = textAt(root, 'driver_version');
    const cuda = textAt(root, 'cuda_version');
    if (driver !== undefined)
        report.driverVersion = driver;
    if (cuda !== undefined)
        report.cudaVersion = cuda;
    return report;
}
function readGpu(element) {
    const gpu = { fields: {}, migDevices: [] };
    if (element.attributes.id !== undefined)
        gpu.pciBusId = element.attributes.id.trim();
    for (const [path] of [...GPU_FIELDS, ...UPSTREAM_FIRST_GPU_FIELDS]) {
        const value = textAt(element, path);
        if (value !== undefined)
            gpu.fields[path] = value;
    }
    // `<mig_devices>` holds the text "None" when MIG is off, `<mig_device>` children when on.
    const migDevices = childElement(element, 'mig_devices');
    for (const device of migDevices ? childElements(migDevices, 'mig_device') : []) {
        const info = {};
        const index = textAt(device, 'index');
        if (index !== undefined)
            info.index = index;
        for (const [field, path] of MIG_FIELDS) {
            const value = textAt(device, path);
            if (value !== undefined)
                info[field] = value;
        }
        gpu.migDevices.push(info);
    }
    return gpu;
}
/**
 * The GPU measurement for a parsed report: `smi` with upstream's keys, then `gpu-<n>` per GPU.
 * Elements missing from the XML produce no reading (upstream writes "" instead).
 */
function gpuMeasurement(report) {
    const smi = { 'gpu-count': report.gpus.length };
    if (report.driverVersion !== undefined)
        smi.driver = report.driverVersion;
    if (report.cudaVersion !== undefined)
        smi['cuda-version'] = report.cudaVersion;
    const first = report.gpus[0];
    if (first) {
        for (const [path, key] of UPSTREAM_FIRST_GPU_FIELDS) {
            const value = first.fields[path];
            if (value !== undefined)
                smi[key] = value;
        }
    }
    const subtypes = [{ subtype: 'smi', data: smi }];
    report.gpus.forEach((gpu, position) => {
        const data = {};
        if (gpu.pciBusId !== undefined)
            data['pci-bus-id'] = gpu.pciBusId;
        for (const [path, key] of GPU_FIELDS) {
            const value = gpu.fields[path];
            if (value !== undefined)
                data[key] = value;
        }
        data['mig-device-count'] = gpu.migDevices.length;
        gpu.migDevices.forEach((device, m) => {
            if (device.index !== undefined)
                data[`mig.${m}.index`] = device.index;
            for (const [field, , key] of MIG_FIELDS) {
                const value = device[field];
                if (value !== undefined)
                    data[`mig.${m}.${key}`] = value;
            }
        });
        subtypes.push({ subtype: `gpu-${position}`, data });
    });
    return { type: 'GPU', subtypes };
}
/** The GPU collector. nvidia-smi missing, failing or printing bad XML ⇒ unavailable, with the reason. */
function gpuCollector(options = {}) {
    const command = options.command ?? 'nvidia-smi';
    return {
        name: 'gpu',
        async collect(context) {
            const outcome = await runCommand(command, ['-q', '-x'], {
                env: context.env,
                signal: context.signal,
                timeoutMs: options.timeoutMs ?? 10_000,
                maxBytes: 32 * 1024 * 1024,
            });
            if (!outcome.ok)
                return { status: 'unavailable', reason: outcome.reason };
            let report;
            try {
                report = parseNvidiaSmiXml(outcome.stdout);
            }
            catch (error) {
                return { status: 'unavailable', reason: `${command} -q -x printed XML that could not be read: ${error.message}` };
            }
            context.logger.debug(`nvidia-smi: driver ${report.driverVersion ?? '?'}, CUDA ${report.cudaVersion ?? '?'}, ${report.gpus.length} GPU(s)`);
            return { status: 'collected', measurements: [gpuMeasurement(report)] };
        },
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/core/snapshot/collectors/os.ts
/**
 * OS collector (`type: OS`), four sources read in upstream AICR's order, each on its own:
 * `grub` (the running kernel's command line, /proc/cmdline), `sysctl` (every readable file under
 * /proc/sys except /proc/sys/net), `kmod` (/proc/modules) and `release` (/etc/os-release, else
 * /usr/lib/os-release). A source that cannot be read is left out and its reason recorded in
 * `unavailable.subtypes`; nothing is ever written to these files.
 *
 * Filters (upstream's, plus one of ours): the `root=` kernel argument (it names the boot
 * disk); everything under /proc/sys/net; /proc/sys/dev/cdrom/*; and /proc/sys/kernel/random/uuid,
 * which the kernel answers with a fresh random value on every read, so it describes nothing.
 */



/** Largest file any OS source reads (upstream's limit). */
const MAX_OS_FILE_BYTES = 1024 * 1024;
const SYSCTL_EXCLUDED_PREFIXES = ['/proc/sys/dev/cdrom/'];
const SYSCTL_EXCLUDED_KEYS = new Set(['/proc/sys/kernel/random/uuid']);
const GRUB_EXCLUDED_KEYS = new Set(['root']);
/** Why a file could not be read, phrased for a person. */
class SourceUnavailable extends Error {
}
/**
 * Reads a file of at most `maxBytes` bytes as UTF-8 text. Throws SourceUnavailable (absent,
 * unreadable, too large, not UTF-8). Reads at most maxBytes + 1 bytes, whatever the file claims.
 */
async function readTextFile(path, shownAs, maxBytes = MAX_OS_FILE_BYTES) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, 'r');
    }
    catch (error) {
        throw new SourceUnavailable(describeFsError(error, shownAs));
    }
    try {
        const buffer = Buffer.alloc(Math.min(maxBytes + 1, 64 * 1024));
        const chunks = [];
        let total = 0;
        for (;;) {
            let bytesRead;
            try {
                ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
            }
            catch (error) {
                throw new SourceUnavailable(describeFsError(error, shownAs));
            }
            if (bytesRead === 0)
                break;
            total += bytesRead;
            if (total > maxBytes)
                throw new SourceUnavailable(`${shownAs} is larger than ${maxBytes} bytes`);
            chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
        }
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
        }
        catch {
            throw new SourceUnavailable(`${shownAs} is not valid UTF-8 text`);
        }
    }
    finally {
        await handle.close();
    }
}
const procBuffer = Buffer.alloc(MAX_OS_FILE_BYTES + 1);
const PROC_READ_CHUNK = 4096;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** One /proc/sys file as text; undefined when it cannot be read, is too large or is not UTF-8. */
function readProcFile(path) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch {
        return undefined;
    }
    try {
        let total = 0;
        for (;;) {
            // Small reads: the kernel allocates a buffer of the requested size for every sysctl read.
            const read = (0,external_node_fs_.readSync)(fd, procBuffer, total, Math.min(PROC_READ_CHUNK, procBuffer.length - total), null);
            if (read === 0)
                break;
            total += read;
            if (total > MAX_OS_FILE_BYTES)
                return undefined;
        }
        return strictUtf8.decode(procBuffer.subarray(0, total));
    }
    catch {
        return undefined;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function describeFsError(error, shownAs) {
    const code = error.code;
    if (code === 'ENOENT')
        return `${shownAs} does not exist`;
    if (code === 'EACCES' || code === 'EPERM')
        return `${shownAs} cannot be read (permission denied)`;
    if (code === 'EISDIR')
        return `${shownAs} is a directory`;
    return `${shownAs} cannot be read: ${error.message}`;
}
/** Lines of a text file as upstream's shared parser sees them: trimmed, non-empty, no `#` comments. */
function contentLines(text, delimiter = '\n') {
    return text.split(delimiter).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}
/**
 * Kernel command line → readings: tokens split on single spaces; `key=value` at the first `=`
 * (value verbatim), bare flags → `""`; the last repeat wins; `root` is dropped.
 */
function parseKernelCommandLine(text) {
    const data = {};
    for (const token of contentLines(text, ' ')) {
        const eq = token.indexOf('=');
        const key = eq < 0 ? token : token.slice(0, eq).trim();
        const value = eq < 0 ? '' : token.slice(eq + 1).trim();
        if (key === '' || GRUB_EXCLUDED_KEYS.has(key))
            continue;
        data[key] = value;
    }
    return data;
}
/** /proc/modules → `{ module: true }` for every loaded module. */
function parseModules(text) {
    const data = {};
    for (const line of contentLines(text))
        data[line.split(/\s+/)[0]] = true;
    return data;
}
/**
 * os-release → readings: `KEY=VALUE` lines, comments and lines without `=` skipped, the value
 * trimmed and stripped of every leading and trailing `"` and `'` (no escape processing), empty
 * values skipped; the last repeat wins.
 */
function parseOsRelease(text) {
    const data = {};
    for (const line of contentLines(text)) {
        const eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const key = line.slice(0, eq).trim();
        const value = line.slice(eq + 1).trim().replace(/^["']+/, '').replace(/["']+$/, '');
        if (key === '' || value === '')
            continue;
        data[key] = value;
    }
    return data;
}
/**
 * Readings of one /proc/sys file (`key` is its /proc/sys path): one reading per line
 * (`<key>/<first field>` → the other fields joined by a space) when the file has several lines
 * that all have two or more fields; otherwise one reading, the lines joined by newlines.
 */
function sysctlReadings(key, text, into) {
    const lines = contentLines(text);
    if (lines.length > 1 && lines.every((line) => line.split(/\s+/).length >= 2)) {
        for (const line of lines) {
            const fields = line.split(/\s+/);
            into[`${key}/${fields[0]}`] = fields.slice(1).join(' ');
        }
        return;
    }
    into[key] = lines.join('\n');
}
/** Walks `<procRoot>/sys` (not `net`, not symlinks) and reads every readable file. */
async function readSysctl(procRoot, options = {}) {
    const root = (0,external_node_path_.join)(procRoot, 'sys');
    const maxFiles = options.maxFiles ?? 20_000;
    const files = [];
    let truncated = false;
    try {
        await (0,promises_.readdir)(root);
    }
    catch (error) {
        throw new SourceUnavailable(describeFsError(error, `${procRoot}/sys`));
    }
    const walk = async (relative) => {
        if (options.signal?.aborted)
            throw new SourceUnavailable('the snapshot deadline passed while reading /proc/sys');
        let entries;
        try {
            entries = await (0,promises_.readdir)((0,external_node_path_.join)(root, relative), { withFileTypes: true });
        }
        catch {
            return; // an unreadable directory is skipped like an unreadable file
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const path = relative ? `${relative}/${entry.name}` : entry.name;
            if (path === 'net')
                continue;
            if (entry.isDirectory())
                await walk(path);
            else if (entry.isFile()) {
                if (files.length >= maxFiles) {
                    truncated = true;
                    return;
                }
                files.push(path);
            }
            // symlinks and special files are skipped
        }
    };
    await walk('');
    const data = {};
    const texts = new Array(files.length);
    // procfs answers from memory, so plain reads are several times faster than the thread pool;
    // the event loop gets a turn between batches, which keeps deadlines and other collectors live.
    const batch = 64;
    for (let start = 0; start < files.length; start += batch) {
        if (options.signal?.aborted)
            throw new SourceUnavailable('the snapshot deadline passed while reading /proc/sys');
        if (start > 0)
            await new Promise((resolve) => setImmediate(resolve));
        for (let index = start; index < Math.min(start + batch, files.length); index++) {
            // write-only, permission-denied, oversized or binary files are skipped one by one
            texts[index] = readProcFile((0,external_node_path_.join)(root, files[index]));
        }
    }
    files.forEach((path, index) => {
        const text = texts[index];
        if (text === undefined)
            return;
        const key = `/proc/sys/${path}`;
        if (SYSCTL_EXCLUDED_KEYS.has(key))
            return;
        sysctlReadings(key, text, data);
    });
    for (const key of Object.keys(data)) {
        if (SYSCTL_EXCLUDED_PREFIXES.some((prefix) => key.startsWith(prefix)))
            delete data[key];
    }
    return { data, truncated };
}
/** The OS collector; roots are injectable so tests run it on fixture trees. */
function osCollector(options = {}) {
    const procRoot = options.procRoot ?? '/proc';
    const etcRoot = options.etcRoot ?? '/etc';
    const usrLibRoot = options.usrLibRoot ?? '/usr/lib';
    return {
        name: 'os',
        async collect(context) {
            const subtypes = [];
            const missing = {};
            const source = async (name, read) => {
                try {
                    subtypes.push({ subtype: name, data: await read() });
                }
                catch (error) {
                    missing[name] = error instanceof SourceUnavailable ? error.message : `reading failed: ${error.message}`;
                }
            };
            await source('grub', async () => parseKernelCommandLine(await readTextFile((0,external_node_path_.join)(procRoot, 'cmdline'), '/proc/cmdline')));
            await source('sysctl', async () => {
                const { data, truncated } = await readSysctl(procRoot, { signal: context.signal, maxFiles: options.maxSysctlFiles ?? 20_000 });
                if (truncated)
                    context.logger.warning(`OS: /proc/sys has more than ${options.maxSysctlFiles ?? 20_000} files; the rest were not read`);
                return data;
            });
            await source('kmod', async () => parseModules(await readTextFile((0,external_node_path_.join)(procRoot, 'modules'), '/proc/modules')));
            await source('release', async () => {
                try {
                    return parseOsRelease(await readTextFile((0,external_node_path_.join)(etcRoot, 'os-release'), '/etc/os-release'));
                }
                catch (error) {
                    if (!(error instanceof SourceUnavailable) || !error.message.endsWith('does not exist'))
                        throw error;
                    try {
                        return parseOsRelease(await readTextFile((0,external_node_path_.join)(usrLibRoot, 'os-release'), '/usr/lib/os-release'));
                    }
                    catch (fallbackError) {
                        if (fallbackError instanceof SourceUnavailable && fallbackError.message.endsWith('does not exist')) {
                            throw new SourceUnavailable('neither /etc/os-release nor /usr/lib/os-release exists');
                        }
                        throw fallbackError;
                    }
                }
            });
            const names = Object.keys(missing);
            if (subtypes.length === 0) {
                return { status: 'unavailable', reason: names.map((name) => `${name}: ${missing[name]}`).join('; ') };
            }
            const measurement = { type: 'OS', subtypes };
            if (names.length) {
                measurement.unavailable = { reason: `${names.length} of 4 OS sources unavailable (${names.join(', ')})`, subtypes: missing };
            }
            return { status: 'collected', measurements: [measurement] };
        },
    };
}

;// CONCATENATED MODULE: ./src/core/snapshot/collectors/systemd.ts

const DEFAULT_UNITS = ['containerd.service', 'docker.service', 'kubelet.service'];
const FILTERED_EXACT = new Set(['AllowedCPUs', 'AllowedMemoryNodes', 'Asserts', 'BPFProgram', 'BusName', 'Id', 'Environment']);
const FILTERED_CONTAINING = ['Credential'];
/** Properties of D-Bus type string whose values can read `yes`/`no`; they stay text. */
const STRING_PROPERTIES = new Set([
    'ProtectHome', 'ProtectSystem', 'ProtectProc', 'ProcSubset', 'PrivateUsersEx', 'PrivateTmpEx', 'PrivatePIDs',
    'ProtectControlGroupsEx', 'ProtectHostnameEx', 'KeyringMode', 'NotifyAccess', 'DevicePolicy', 'ManagedOOMSwap',
    'ManagedOOMMemoryPressure', 'OOMPolicy', 'Restart', 'ExitType', 'MemoryPressureWatch', 'CollectMode', 'FailureAction',
    'SuccessAction', 'StartLimitAction', 'JobTimeoutAction', 'RestartMode',
]);
const UNIT_NAME = /^[A-Za-z0-9:_.@\\-]+\.(service|socket|target|mount|timer|path|slice|scope)$/;
/** Whether a property is left out of the snapshot. */
function isFilteredProperty(name) {
    return FILTERED_EXACT.has(name) || FILTERED_CONTAINING.some((part) => name.includes(part));
}
/** The reading for one `Key=Value` line of `systemctl show`. */
function systemdReading(name, value) {
    if ((value === 'yes' || value === 'no') && !STRING_PROPERTIES.has(name))
        return value === 'yes';
    if (/^(0|-?[1-9][0-9]*)$/.test(value)) {
        const number = Number(value);
        if (Number.isSafeInteger(number))
            return number;
    }
    return value;
}
/**
 * Splits `systemctl show` output for several units (blocks separated by blank lines, in argument
 * order) into one property map per unit.
 */
function parseSystemctlShow(text) {
    const blocks = [];
    let current;
    for (const line of text.split('\n')) {
        if (line.trim() === '') {
            current = undefined;
            continue;
        }
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        if (!current) {
            current = {};
            blocks.push(current);
        }
        current[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return blocks;
}
/** Readings of one unit's properties, filtered. */
function unitReadings(properties) {
    const data = {};
    for (const [name, value] of Object.entries(properties)) {
        if (!isFilteredProperty(name))
            data[name] = systemdReading(name, value);
    }
    return data;
}
/** The SystemD collector; no systemctl or no running systemd ⇒ unavailable, with the reason. */
function systemdCollector(options = {}) {
    const command = options.command ?? 'systemctl';
    const units = options.units?.length ? [...options.units] : [...DEFAULT_UNITS];
    for (const unit of units) {
        if (!UNIT_NAME.test(unit))
            throw new Error(`invalid systemd unit name: ${JSON.stringify(unit)}`);
    }
    return {
        name: 'systemd',
        async collect(context) {
            const outcome = await runCommand(command, ['show', '--all', '--no-pager', ...units], {
                env: { ...context.env, SYSTEMD_COLORS: '0', SYSTEMD_PAGER: '', LC_ALL: 'C' },
                signal: context.signal,
                timeoutMs: options.timeoutMs ?? 10_000,
                maxBytes: 8 * 1024 * 1024,
            });
            if (!outcome.ok)
                return { status: 'unavailable', reason: outcome.reason };
            const blocks = parseSystemctlShow(outcome.stdout);
            if (blocks.length !== units.length) {
                return { status: 'unavailable', reason: `${command} show printed ${blocks.length} property blocks for ${units.length} units` };
            }
            const subtypes = units.map((unit, index) => {
                const block = blocks[index];
                if (block.Id !== undefined && block.Id !== unit && !(block.Names ?? '').split(' ').includes(unit)) {
                    context.logger.debug(`systemd: ${unit} resolved to ${block.Id}`);
                }
                return { subtype: unit, data: unitReadings(block) };
            });
            return { status: 'collected', measurements: [{ type: 'SystemD', subtypes }] };
        },
    };
}

// EXTERNAL MODULE: ./src/core/snapshot/render.ts
var render = __webpack_require__(1442);
;// CONCATENATED MODULE: ./src/core/snapshot/index.ts
/**
 * The snapshot stage: run the collectors concurrently under a deadline, assemble one Snapshot in
 * a fixed, deterministic shape, and say for every source whether it was measured and, if not, why.
 *
 * A source that is absent (no nvidia-smi, no systemd, no cluster) yields no readings, only an
 * `unavailable.reason` on its measurement; nothing is ever filled in. `required` turns absence
 * into a failure (NOT_FOUND, exit 3, before anything is written).
 */













/** Collector name → the measurement type it produces. */
const SOURCE_TYPES = {
    k8s: 'K8s',
    systemd: 'SystemD',
    os: 'OS',
    gpu: 'GPU',
    topology: 'NodeTopology',
};
/** Source names in measurement order (for `--require` and reports). */
const SOURCES = ['k8s', 'systemd', 'os', 'gpu', 'topology'];
/** Per-source time limits (upstream's), each further bounded by the overall deadline. */
const SOURCE_LIMITS_MS = {
    os: 10_000,
    systemd: 10_000,
    gpu: 10_000,
    k8s: 60_000,
    topology: 90_000,
};
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** `metadata.source-node`: $NODE_NAME, else $KUBERNETES_NODE_NAME, else $HOSTNAME, else "". */
function sourceNode(env) {
    return env.NODE_NAME || env.KUBERNETES_NODE_NAME || env.HOSTNAME || '';
}
/** RFC 3339 UTC with whole seconds, as upstream writes `metadata.timestamp`. */
function formatTimestamp(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/**
 * Runs every collector concurrently and assembles the snapshot. Never throws for a missing or
 * failing source: each becomes an `unavailable` measurement and a warning.
 */
async function collectSnapshot(options) {
    const logger = options.logger ?? core_logger/* silentLogger */.qq;
    const env = options.env ?? process.env;
    const overall = new AbortController();
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const overallTimer = setTimeout(() => overall.abort(new Error('deadline')), timeoutMs);
    const onCancel = () => overall.abort(options.signal?.reason);
    if (options.signal?.aborted)
        onCancel();
    options.signal?.addEventListener('abort', onCancel, { once: true });
    try {
        const runs = await Promise.all(options.collectors.map(async (collector) => {
            const limit = options.limitsMs?.[collector.name] ?? SOURCE_LIMITS_MS[collector.name];
            const started = performance.now();
            // A source limit at or beyond the overall deadline is left to the deadline itself.
            const result = await runCollector(collector, { logger, env, signal: overall.signal }, limit < timeoutMs ? limit : undefined, timeoutMs);
            return { collector, result, durationMs: performance.now() - started };
        }));
        const measurements = [];
        const sources = [];
        for (const { collector, result, durationMs } of runs) {
            const type = SOURCE_TYPES[collector.name];
            if (result.status === 'unavailable') {
                measurements.push({ type, unavailable: { reason: result.reason } });
                sources.push({ source: collector.name, type, status: 'unavailable', reason: result.reason, subtypes: 0, readings: 0, durationMs });
                logger.warning(`${type}: unavailable: ${result.reason}`);
                continue;
            }
            for (const measurement of result.measurements) {
                measurements.push(measurement);
                const subtypes = measurement.subtypes ?? [];
                const readings = subtypes.reduce((sum, subtype) => sum + Object.keys(subtype.data ?? {}).length, 0);
                const partial = measurement.unavailable;
                const report = { source: collector.name, type: measurement.type, status: partial ? 'partial' : 'collected', subtypes: subtypes.length, readings, durationMs };
                if (partial) {
                    report.reason = partial.subtypes ? Object.entries(partial.subtypes).map(([name, why]) => `${name}: ${why}`).join('; ') : partial.reason;
                    logger.warning(`${measurement.type}: ${readings} readings from ${subtypes.map(render/* subtypeName */.g2).join(', ')}; unavailable: ${report.reason}`);
                }
                else {
                    logger.info(`${measurement.type}: ${readings} readings from ${subtypes.length} subtype${subtypes.length === 1 ? '' : 's'}`);
                }
                sources.push(report);
            }
        }
        const metadata = { 'source-node': sourceNode(env), version: options.version ?? version/* VERSION */.x };
        if (options.timestamp)
            metadata.timestamp = formatTimestamp(options.timestamp);
        const snapshot = (0,render/* normalizeSnapshot */.E$)({ kind: 'Snapshot', apiVersion: types/* API_VERSION */.m, metadata, measurements });
        sources.sort((a, b) => SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source));
        return { snapshot, sources };
    }
    finally {
        clearTimeout(overallTimer);
        options.signal?.removeEventListener('abort', onCancel);
    }
}
/** One collector under its own limit; a throw or an overrun becomes `unavailable`. */
async function runCollector(collector, context, limitMs, deadlineMs) {
    const controller = new AbortController();
    const parent = context.signal;
    let stopped;
    const stop = (reason) => {
        if (stopped)
            return;
        stopped = reason;
        controller.abort(new Error(reason));
    };
    const onParentAbort = () => stop(parent.reason instanceof Error && parent.reason.message === 'deadline'
        ? `the snapshot deadline (${formatDuration(deadlineMs)}) passed before it finished`
        : 'the snapshot was cancelled before it finished');
    if (parent.aborted)
        onParentAbort();
    parent.addEventListener('abort', onParentAbort, { once: true });
    const timer = limitMs === undefined ? undefined : setTimeout(() => stop(`did not finish within ${formatDuration(limitMs)} (the ${collector.name} source's time limit)`), limitMs);
    try {
        const stoppedResult = new Promise((resolve) => {
            controller.signal.addEventListener('abort', () => resolve({ status: 'unavailable', reason: stopped }), { once: true });
        });
        const collected = (async () => {
            try {
                return await collector.collect({ ...context, signal: controller.signal });
            }
            catch (error) {
                return { status: 'unavailable', reason: `the ${collector.name} collector failed: ${(0,errors/* errorMessage */.gJ)(error)}` };
            }
        })();
        return await Promise.race([collected, stoppedResult]);
    }
    finally {
        clearTimeout(timer);
        parent.removeEventListener('abort', onParentAbort);
    }
}
function formatDuration(ms) {
    return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
/** Parses `--require` values (`gpu,k8s`, also measurement type names) into source names. */
function parseRequiredSources(values, input = '--require') {
    const out = [];
    for (const raw of values.flatMap((value) => value.split(','))) {
        const word = raw.trim().toLowerCase();
        if (word === '')
            continue;
        const source = SOURCES.includes(word)
            ? word
            : SOURCES.find((name) => SOURCE_TYPES[name].toLowerCase() === word);
        if (!source) {
            throw (0,errors/* invalidInput */.aY)(`${input}: unknown source "${raw.trim()}"`, { hint: `use a comma-separated list of: ${SOURCES.join(', ')}` });
        }
        if (!out.includes(source))
            out.push(source);
    }
    return out;
}
/**
 * Why a source counts as absent in a snapshot, or undefined when it was measured. Works on any
 * snapshot, including one written by the upstream agent (which has no `unavailable` fields):
 * GPU needs a `gpu-count` above 0, NodeTopology a `node-count` above 0, the others at least one
 * non-empty subtype.
 */
function absenceReason(snapshot, source) {
    const type = SOURCE_TYPES[source];
    const measurement = snapshot.measurements.find((m) => m?.type === type);
    if (!measurement)
        return `the snapshot has no ${type} measurement`;
    const subtypes = (measurement.subtypes ?? []).filter((s) => s && Object.keys(s.data ?? {}).length > 0);
    if (subtypes.length === 0)
        return measurement.unavailable?.reason ?? `the ${type} measurement has no readings`;
    if (source === 'gpu') {
        const smi = subtypes.find((s) => (0,render/* subtypeName */.g2)(s) === 'smi');
        const count = Number((0,constraints/* readingText */.e4)(smi?.data['gpu-count']));
        if (!(count > 0))
            return smi?.data['gpu-count'] === undefined ? 'nvidia-smi reported no gpu-count' : 'nvidia-smi reported 0 GPUs';
    }
    if (source === 'topology') {
        const summary = subtypes.find((s) => (0,render/* subtypeName */.g2)(s) === 'summary');
        const count = Number((0,constraints/* readingText */.e4)(summary?.data['node-count']));
        if (!(count > 0))
            return 'the cluster reported no nodes';
    }
    return undefined;
}
/** Throws NOT_FOUND (exit 3) naming every required source that is absent, with its reason. */
function checkRequiredSources(snapshot, required) {
    const missing = required.map((source) => ({ source, reason: absenceReason(snapshot, source) })).filter((m) => m.reason !== undefined);
    if (missing.length === 0)
        return;
    throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.NotFound, `required source${missing.length > 1 ? 's' : ''} unavailable: ${missing.map((m) => `${m.source} (${m.reason})`).join('; ')}`, {
        hint: 'run on a node where these sources exist (GPU: nvidia-smi on PATH; k8s/topology: a kubeconfig or in-cluster service account; systemd: a running systemd), or drop them from --require',
        details: { unavailable: missing },
    });
}
const NO_CLUSTER = 'no Kubernetes access: no --kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a pod';
/** A collector that only reports why its source is unavailable. */
function unavailableCollector(name, reason) {
    return { name, collect: async () => ({ status: 'unavailable', reason }) };
}
/** The collectors of local mode (this machine is the node): OS, SystemD, GPU, K8s, NodeTopology. */
async function localCollectors(options = {}) {
    const sources = options.sources ?? SOURCES;
    const collectors = [];
    if (sources.includes('systemd'))
        collectors.push(systemdCollector(options.systemctl ? { command: options.systemctl } : {}));
    if (sources.includes('os')) {
        const roots = {};
        if (options.procRoot)
            roots.procRoot = options.procRoot;
        if (options.etcRoot)
            roots.etcRoot = options.etcRoot;
        if (options.usrLibRoot)
            roots.usrLibRoot = options.usrLibRoot;
        collectors.push(osCollector(roots));
    }
    if (sources.includes('gpu'))
        collectors.push(gpuCollector(options.nvidiaSmi ? { command: options.nvidiaSmi } : {}));
    const clusterSources = sources.filter((s) => s === 'k8s' || s === 'topology');
    if (clusterSources.length) {
        // Checked before loading the Kubernetes client, which costs a quarter of a second to import.
        const access = (0,client/* resolveConfigSource */.mu)({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), env: options.env ?? process.env });
        if (!access) {
            collectors.push(...clusterSources.map((source) => unavailableCollector(source, NO_CLUSTER)));
        }
        else {
            const load = options.loadKubernetesCollectors ?? loadKubernetesCollectors;
            const request = { sources: clusterSources };
            if (options.kubeconfig)
                request.kubeconfig = options.kubeconfig;
            if (options.maxNodesPerEntry)
                request.maxNodesPerEntry = options.maxNodesPerEntry;
            try {
                collectors.push(...await load(request));
            }
            catch (error) {
                collectors.push(...clusterSources.map((source) => unavailableCollector(source, `the Kubernetes client could not be set up: ${(0,errors/* errorMessage */.gJ)(error)}`)));
            }
        }
    }
    return collectors;
}
/**
 * Default loader of the K8s and NodeTopology collectors (collectors/k8s.ts and topology.ts, over
 * the shared Kubernetes client), imported only when credentials exist.
 */
const loadKubernetesCollectors = async (options) => {
    const { kubernetesCollectors } = await __webpack_require__.e(/* import() */ 887).then(__webpack_require__.bind(__webpack_require__, 8887));
    return kubernetesCollectors(options);
};
/**
 * Loads a Snapshot from a file, `-`, an https URL or `cm://namespace/name`, through the fast
 * block-YAML reader where the text allows it (a cold `aicr diff` is dominated by YAML parsing).
 */
async function readSnapshot(location, options) {
    const { text, origin } = await (0,io/* readLocation */.mb)((0,io/* parseLocation */.zS)(location, options.input), options);
    const { document } = await (0,documents/* readDocument */.u0)('Snapshot', text, origin);
    return { snapshot: document, origin };
}
/**
 * The snapshot stage as every front door uses it: collect locally or through the agent, then
 * apply `require`. Throws NOT_FOUND naming each absent required source; writes nothing.
 */
async function takeSnapshot(request, services = {}) {
    const logger = services.logger ?? core_logger/* silentLogger */.qq;
    const env = services.env ?? process.env;
    let run;
    if (request.mode === 'agent') {
        if (!request.agent)
            throw (0,errors/* invalidInput */.aY)('agent mode needs the agent settings', { hint: 'pass --namespace, --image, … or use local mode' });
        const runAgent = services.runAgent ?? defaultAgentRunner;
        const context = { logger, env };
        if (services.signal)
            context.signal = services.signal;
        const { snapshot, origin } = await runAgent(request.agent, context);
        const normalized = (0,render/* normalizeSnapshot */.E$)(snapshot);
        run = { mode: 'agent', origin, snapshot: normalized, sources: reportSources(normalized) };
    }
    else {
        const collectorOptions = { env };
        if (request.kubeconfig)
            collectorOptions.kubeconfig = request.kubeconfig;
        if (request.maxNodesPerEntry)
            collectorOptions.maxNodesPerEntry = request.maxNodesPerEntry;
        const collectors = services.collectors ?? await localCollectors(collectorOptions);
        const options = { collectors, logger, env, timeoutMs: request.timeoutMs };
        if (services.signal)
            options.signal = services.signal;
        if (request.timestamp)
            options.timestamp = request.timestamp;
        run = { mode: 'local', ...await collectSnapshot(options) };
        // An interrupted collection is not a snapshot: nothing is written.
        if (services.signal?.aborted)
            throw interruption(services.signal);
    }
    checkRequiredSources(run.snapshot, request.require);
    return run;
}
/** Source reports for a snapshot we did not collect ourselves (agent, file). */
function reportSources(snapshot) {
    return SOURCES.filter((source) => snapshot.measurements.some((m) => m?.type === SOURCE_TYPES[source])).map((source) => {
        const measurement = snapshot.measurements.find((m) => m?.type === SOURCE_TYPES[source]);
        const subtypes = measurement.subtypes ?? [];
        const readings = subtypes.reduce((sum, subtype) => sum + Object.keys(subtype.data ?? {}).length, 0);
        const reason = absenceReason(snapshot, source);
        const report = { source, type: SOURCE_TYPES[source], status: reason ? 'unavailable' : measurement.unavailable ? 'partial' : 'collected', subtypes: subtypes.length, readings, durationMs: 0 };
        if (reason)
            report.reason = reason;
        else if (measurement.unavailable)
            report.reason = measurement.unavailable.reason;
        return report;
    });
}
/** The Kubernetes module's agent, loaded only when agent mode runs. */
const defaultAgentRunner = async (settings, context) => {
    const { runSnapshotAgent } = await __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 9074));
    return runSnapshotAgent(settings, context);
};
function interruption(signal) {
    const reason = signal.reason;
    if (reason instanceof errors/* AicrError */.Y3)
        return reason;
    return new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Internal, `snapshot interrupted${reason instanceof Error ? `: ${reason.message}` : ''}`, { cause: reason });
}


/***/ }),

/***/ 1442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ renderSnapshot),
/* harmony export */   E$: () => (/* binding */ normalizeSnapshot),
/* harmony export */   G_: () => (/* binding */ MEASUREMENT_ORDER),
/* harmony export */   g2: () => (/* binding */ subtypeName)
/* harmony export */ });
/* unused harmony export formatSnapshotTable */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6228);
/* harmony import */ var _constraints_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4363);
/* harmony import */ var _serialize_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8237);
/* harmony import */ var _documents_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4699);
/**
 * The canonical form of a Snapshot and its output formats. Whatever produced a snapshot (our
 * collectors, the upstream agent image, a file), it is rendered the same way: measurements in a
 * fixed type order, reading keys sorted, fields in upstream's serialization order, so the same
 * readings always give the same bytes.
 */




/** Measurement types in the order we always write them. */
const MEASUREMENT_ORDER = ['K8s', 'SystemD', 'OS', 'GPU', 'NodeTopology'];
function typeRank(type) {
    const index = MEASUREMENT_ORDER.indexOf(type);
    return index < 0 ? MEASUREMENT_ORDER.length : index;
}
function sortedRecord(record) {
    const out = {};
    for (const key of Object.keys(record).sort(_serialize_js__WEBPACK_IMPORTED_MODULE_2__/* .compareStrings */ .Kt))
        out[key] = record[key];
    return out;
}
/** A subtype's name (`subtype`, or the legacy `name` some documents use). */
function subtypeName(subtype) {
    return subtype.subtype ?? subtype.name ?? '';
}
/**
 * The canonical copy of a snapshot: `kind`, `apiVersion`, sorted `metadata`, measurements in
 * MEASUREMENT_ORDER (unknown types after them, by name, stable), subtypes in their given order
 * with sorted `data` and `context`, empty subtype lists and null entries dropped.
 */
function normalizeSnapshot(snapshot) {
    const out = { kind: snapshot.kind || 'Snapshot', apiVersion: snapshot.apiVersion || _documents_types_js__WEBPACK_IMPORTED_MODULE_3__/* .API_VERSION */ .m };
    if (snapshot.metadata && Object.keys(snapshot.metadata).length) {
        const metadata = {};
        for (const [key, value] of Object.entries(snapshot.metadata))
            if (value !== null && value !== undefined)
                metadata[key] = String(value);
        out.metadata = sortedRecord(metadata);
    }
    const measurements = (snapshot.measurements ?? [])
        .filter((m) => m !== null && m !== undefined)
        .map((measurement, position) => ({ measurement, position }))
        .sort((a, b) => typeRank(a.measurement.type) - typeRank(b.measurement.type)
        || (typeRank(a.measurement.type) === MEASUREMENT_ORDER.length ? (0,_serialize_js__WEBPACK_IMPORTED_MODULE_2__/* .compareStrings */ .Kt)(a.measurement.type, b.measurement.type) : 0)
        || a.position - b.position)
        .map(({ measurement }) => normalizeMeasurement(measurement));
    out.measurements = measurements;
    return out;
}
function normalizeMeasurement(measurement) {
    const out = { type: measurement.type };
    const subtypes = (measurement.subtypes ?? []).filter((s) => s !== null && s !== undefined).map((subtype) => {
        const copy = { subtype: subtypeName(subtype), data: sortedRecord(subtype.data ?? {}) };
        if (subtype.context && Object.keys(subtype.context).length)
            copy.context = sortedRecord(subtype.context);
        return copy;
    });
    if (subtypes.length)
        out.subtypes = subtypes;
    if (measurement.unavailable) {
        out.unavailable = { reason: measurement.unavailable.reason };
        if (measurement.unavailable.subtypes && Object.keys(measurement.unavailable.subtypes).length) {
            out.unavailable.subtypes = sortedRecord(measurement.unavailable.subtypes);
        }
    }
    return out;
}
/**
 * Renders a snapshot (already normalized) as yaml, json or table. `table` is for people: one row
 * per reading (TYPE, SUBTYPE, KEY, VALUE), unavailable sources as rows of their own.
 */
function renderSnapshot(snapshot, format) {
    if (format === 'json')
        return (0,_serialize_js__WEBPACK_IMPORTED_MODULE_2__/* .toJson */ .aB)(snapshot);
    if (format === 'yaml')
        return (0,_serialize_js__WEBPACK_IMPORTED_MODULE_2__/* .toYaml */ .fE)(snapshot);
    return formatSnapshotTable(snapshot);
}
function formatSnapshotTable(snapshot) {
    const rows = [];
    for (const [key, value] of Object.entries(snapshot.metadata ?? {}))
        rows.push(['metadata', '', key, value]);
    for (const measurement of snapshot.measurements) {
        for (const subtype of measurement.subtypes ?? []) {
            for (const [key, value] of Object.entries(subtype.data ?? {}))
                rows.push([measurement.type, subtypeName(subtype), key, tableValue(value)]);
        }
        if (measurement.unavailable) {
            const partial = measurement.unavailable.subtypes;
            if (partial && Object.keys(partial).length) {
                for (const [name, reason] of Object.entries(partial))
                    rows.push([measurement.type, name, '(unavailable)', reason]);
            }
            else {
                rows.push([measurement.type, '', '(unavailable)', measurement.unavailable.reason]);
            }
        }
    }
    if (rows.length === 0)
        return '<empty>\n';
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatColumns */ .jB)(['TYPE', 'SUBTYPE', 'KEY', 'VALUE'], rows);
}
function tableValue(value) {
    return value === null ? '<nil>' : (0,_constraints_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readingText */ .e4)(value);
}


/***/ })

};
