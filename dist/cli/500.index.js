export const id = 500;
export const ids = [500];
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

// UNUSED EXPORTS: MEASUREMENT_TYPES, OPERATORS, compareVersions, evaluateExpression, isOrdering, looksLikeVersion, lookupPath, parseVersion, upstreamNotFoundText, versionsEqual

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
