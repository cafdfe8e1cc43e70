export const id = 407;
export const ids = [407];
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

/***/ 9442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gb: () => (/* reexport */ query/* formatSelection */.gb),
  Gl: () => (/* reexport */ query/* hydrateRecipe */.Gl),
  pS: () => (/* binding */ resolveRecipe),
  Lt: () => (/* reexport */ query/* select */.Lt)
});

// UNUSED EXPORTS: ANY, CRITERIA_FIELDS, CRITERIA_VALUES, NO_CRITERIA_MESSAGE, acceleratorFromModel, anyCriteria, applyCriteria, buildRecipe, checkAllowlists, criteriaForOutput, criteriaMatch, deploymentOrder, describeCriteria, extractCriteria, hydrateValues, isAnyCriteria, loadSnapshot, nonCanonicalCriteria, parseAllowlists, parseCriteriaValue, parseNodes, resolveCriteria, specificity, validateDependencies

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/documents/index.ts
var documents = __webpack_require__(5738);
// EXTERNAL MODULE: ./src/core/io.ts
var io = __webpack_require__(7719);
// EXTERNAL MODULE: ./src/core/catalog/embedded.ts + 2 modules
var embedded = __webpack_require__(3415);
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

;// CONCATENATED MODULE: ./src/core/recipe/allowlist.ts
/**
 * Allowlists: a platform team can restrict which accelerators, services, intents and OSes
 * recipes may be resolved for, through AICR_ALLOWED_ACCELERATORS, AICR_ALLOWED_SERVICES,
 * AICR_ALLOWED_INTENTS and AICR_ALLOWED_OS (comma-separated; aliases accepted; `any` ignored).
 */


/** Checked in this order, as upstream does. */
const ALLOWLIST_FIELDS = [
    { field: 'accelerator', env: 'AICR_ALLOWED_ACCELERATORS', label: 'accelerator' },
    { field: 'service', env: 'AICR_ALLOWED_SERVICES', label: 'service' },
    { field: 'intent', env: 'AICR_ALLOWED_INTENTS', label: 'intent' },
    { field: 'os', env: 'AICR_ALLOWED_OS', label: 'OS' },
];
/** Reads the allowlists from the environment; an invalid element is an input error. */
function parseAllowlists(env) {
    const lists = {};
    for (const { field, env: name } of ALLOWLIST_FIELDS) {
        const raw = env[name];
        if (!raw)
            continue;
        const values = [];
        for (const element of raw.split(',').map((item) => item.trim()).filter(Boolean)) {
            let value;
            try {
                value = (0,recipe_criteria/* parseCriteriaValue */.qZ)(field, element, `$${name}`);
            }
            catch (error) {
                throw (0,errors/* wrapError */.J4)(error, `invalid ${name}`, errors/* ErrorCode */.O4.InvalidInput);
            }
            if (value !== recipe_criteria/* ANY */.x4 && !values.includes(value))
                values.push(value);
        }
        if (values.length > 0)
            lists[field] = values;
    }
    return lists;
}
/** Refuses criteria outside a non-empty allowlist; `any` is always allowed. */
function checkAllowlists(criteria, lists) {
    for (const { field, env, label } of ALLOWLIST_FIELDS) {
        const allowed = lists[field];
        const requested = criteria[field];
        if (!allowed?.length || requested === recipe_criteria/* ANY */.x4 || requested === '' || allowed.includes(requested))
            continue;
        throw (0,errors/* invalidInput */.aY)(`${label} type not allowed: ${requested}`, {
            hint: `$${env} allows only: ${allowed.join(', ')}`,
            details: { requested, allowed },
        });
    }
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
        return (0,recipe_criteria/* applyCriteria */.OZ)((0,recipe_criteria/* anyCriteria */.yg)(), spec, (field) => `spec.${field} in ${origin}`);
    }
    catch (error) {
        const field = recipe_criteria/* CRITERIA_FIELDS */.oJ.find((f) => error instanceof errors/* AicrError */.Y3 && error.details?.field === f);
        throw (0,errors/* wrapError */.J4)(error, `${origin}: invalid ${field ?? 'nodes'} in criteria spec`, errors/* ErrorCode */.O4.InvalidInput);
    }
}
/** A negative --nodes is ignored, like upstream (a negative count in a criteria file is an error). */
function withoutNegativeNodes(raw) {
    if (raw.nodes === undefined || raw.nodes >= 0)
        return raw;
    const { nodes: _ignored, ...rest } = raw;
    return rest;
}
/** Resolves the criteria of a request (flags over snapshot or criteria file). */
async function resolveCriteria(request, options = {}) {
    const notices = [];
    const flags = withoutNegativeNodes(request.criteria);
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
/**
 * Runs the recipe stage end to end. Allowlists from `env` (AICR_ALLOWED_*) restrict the
 * criteria when set.
 */
async function resolveRecipe(request, options = {}) {
    const allowlists = parseAllowlists(options.env ?? process.env);
    const [{ criteria, mode, snapshot, notices }, catalog] = await Promise.all([
        resolveCriteria(request, options),
        (0,embedded/* loadCatalog */.ak)(request.data).catch((error) => {
            throw request.data ? (0,errors/* wrapError */.J4)(error, `failed to load the data directory ${request.data}`) : error;
        }),
    ]);
    checkAllowlists(criteria, allowlists);
    const recipe = buildRecipe(catalog, criteria, {
        version: version/* VERSION */.x,
        ...(snapshot ? { snapshot } : {}),
        onWarning: (message) => notices.push(message),
    });
    return { recipe, criteria, catalog, mode, notices };
}


/***/ })

};
