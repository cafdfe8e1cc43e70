export const id = 560;
export const ids = [560];
export const modules = {

/***/ 6560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/format.ts
var core_format = __webpack_require__(6228);
// EXTERNAL MODULE: ./src/core/io.ts
var io = __webpack_require__(7719);
// EXTERNAL MODULE: ./src/core/serialize.ts
var serialize = __webpack_require__(8237);
// EXTERNAL MODULE: ./src/core/constraints/index.ts + 3 modules
var core_constraints = __webpack_require__(4363);
;// CONCATENATED MODULE: ./src/core/validate/evaluate.ts
/**
 * Evaluating a recipe's readiness constraints against a Snapshot into a report. Every
 * constraint is evaluated (no stop at the first failure); a value the snapshot lacks is a skip
 * with its reason, never a pass; a malformed constraint is an input error naming its line.
 */


/** Phases that need validator containers in a live cluster, in upstream's run order. */
const LIVE_PHASES = ['deployment', 'performance', 'conformance'];
const LIVE_PHASE_SKIP_REASON = 'needs a live cluster validator';
const MAX_LISTED_PROBLEMS = 20;
/**
 * Checks every constraint's path and expression; throws one INVALID_REQUEST error listing each
 * malformed constraint with its file and line (located at the first).
 */
function prepareConstraints(constraints, source) {
    const prepared = [];
    const problems = [];
    constraints.forEach((constraint, i) => {
        const location = source.locate(['constraints', i]);
        let path;
        let expression;
        try {
            path = (0,core_constraints/* parseConstraintPath */.WE)(constraint.name);
        }
        catch (error) {
            const e = error;
            problems.push({ location: source.locate(['constraints', i, 'name']), message: e.message, hint: e.hint });
        }
        try {
            expression = (0,core_constraints/* parseExpression */.YK)(constraint.value);
            const problem = (0,core_constraints/* expressionProblem */.qT)(expression, constraint.value);
            if (problem) {
                problems.push({ location: source.locate(['constraints', i, 'value']), message: `constraint ${constraint.name}: ${problem.message}`, hint: problem.hint });
                expression = undefined;
            }
        }
        catch (error) {
            const e = error;
            problems.push({ location: source.locate(['constraints', i, 'value']), message: `constraint ${constraint.name}: ${e.message}`, hint: e.hint });
        }
        if (path && expression)
            prepared.push({ constraint, path, expression, location });
    });
    if (problems.length > 0) {
        const where = (location) => `${location.file}${location.line ? `:${location.line}` : ''}`;
        const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  ${where(p.location)}: ${p.message}`);
        if (problems.length > MAX_LISTED_PROBLEMS)
            listed.push(`  … and ${problems.length - MAX_LISTED_PROBLEMS} more`);
        const first = problems[0];
        const count = problems.length === 1 ? 'a malformed constraint' : `${problems.length} malformed constraints`;
        throw (0,errors/* invalidInput */.aY)(`${where(first.location)}: the recipe has ${count}:\n${listed.join('\n')}`, {
            location: first.location,
            hint: first.hint ?? 'fix the constraint in the recipe',
            details: { problems: problems.length },
        });
    }
    return prepared;
}
/** Evaluates one prepared constraint. */
function evaluateOne(item, index) {
    const { constraint } = item;
    const result = {
        name: constraint.name,
        phase: 'readiness',
        expected: constraint.value,
        status: 'skipped',
        message: '',
        location: item.location,
    };
    if (constraint.severity)
        result.severity = constraint.severity;
    if (constraint.remediation)
        result.remediation = constraint.remediation;
    const resolution = index.resolve(item.path);
    if (!resolution.found) {
        result.message = resolution.reason;
        return result;
    }
    result.actual = resolution.value;
    const outcome = (0,core_constraints/* compare */.UD)(item.expression, resolution.value);
    if (!outcome.ok) {
        result.message = outcome.reason;
        return result;
    }
    result.status = outcome.pass ? 'passed' : 'failed';
    result.message = `expected ${constraint.value.trim()}, got ${resolution.value}`;
    return result;
}
/** Overall status from constraint results. */
function overallStatus(summary) {
    if (summary.failed > 0)
        return 'fail';
    if (summary.constraints > 0 && summary.passed === summary.constraints)
        return 'pass';
    return 'partial';
}
/**
 * Evaluates the recipe's top-level constraints (the readiness phase) against the snapshot and
 * lists the live phases as skipped. Throws for malformed constraints.
 */
function evaluateRecipe(recipe, source, index, options) {
    const prepared = prepareConstraints(recipe.constraints ?? [], source);
    const constraints = prepared.map((item) => evaluateOne(item, index));
    const summary = { constraints: constraints.length, passed: 0, failed: 0, skipped: 0 };
    for (const result of constraints)
        summary[result.status]++;
    const notes = [];
    if (constraints.length === 0)
        notes.push('nothing to validate: the recipe has no readiness constraints (top-level "constraints")');
    if (recipe.validation?.readiness?.constraints?.length) {
        notes.push('validation.readiness.constraints are not evaluated (as upstream); readiness constraints belong in the top-level "constraints" list');
    }
    const phases = (options.phases ?? LIVE_PHASES).map((phase) => ({
        phase,
        status: 'skipped',
        reason: LIVE_PHASE_SKIP_REASON,
        checks: [...(recipe.validation?.[phase]?.checks ?? [])],
        constraints: (recipe.validation?.[phase]?.constraints ?? []).map((c) => c.name),
    }));
    return {
        status: overallStatus(summary),
        summary,
        recipe: options.recipeOrigin,
        snapshot: options.snapshotOrigin,
        constraints,
        phases,
        notes,
    };
}
/**
 * Parses `--phase` values (repeatable, comma-separated): deployment, performance, conformance,
 * `all` (the default) or `readiness` (only the constraints, no live phases listed). Order as
 * given, duplicates dropped; `all` anywhere means all three in run order.
 */
function parsePhases(values, input = '--phase') {
    const items = values.flatMap((value) => value.split(',')).map((item) => item.trim()).filter((item) => item !== '');
    const allowed = ['readiness', ...LIVE_PHASES, 'all'];
    for (const item of items) {
        if (!allowed.includes(item)) {
            throw (0,errors/* invalidInput */.aY)(`invalid phase "${item}" in ${input}: must be one of: ${allowed.join(', ')}`, {
                hint: 'list phases separated by commas, e.g. deployment,conformance (names are lower-case)',
            });
        }
    }
    if (items.length === 0 || items.includes('all'))
        return [...LIVE_PHASES];
    const phases = [];
    for (const item of items)
        if (item !== 'readiness' && !phases.includes(item))
            phases.push(item);
    return phases;
}

// EXTERNAL MODULE: ./src/core/documents/index.ts
var documents = __webpack_require__(5738);
// EXTERNAL MODULE: ./src/core/documents/parse.ts
var parse = __webpack_require__(1861);
;// CONCATENATED MODULE: ./src/core/validate/yaml-subset.ts

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
    const first = text[0];
    if (first === undefined || PLAIN_START_FORBIDDEN.has(first))
        return false;
    return !PLAIN_START_BEFORE_BLANK.has(first) || (text.length > 1 && text[1] !== ' ');
}
// Control characters the YAML library rejects or treats specially; tabs and CR are declined too.
const UNSUPPORTED_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f\ufeff]/;
class SubsetReader {
    lines;
    finalLineBreak;
    i = 0;
    info = new WeakMap();
    constructor(text) {
        this.lines = text.split('\n');
        // The final line break ends the last line; it does not start an empty one.
        this.finalLineBreak = text.endsWith('\n');
        if (this.finalLineBreak)
            this.lines.pop();
    }
    document() {
        let first = this.nextContent(0);
        if (first >= 0 && this.lines[first].trimEnd() === '---')
            first = this.nextContent(first + 1);
        if (first < 0)
            decline();
        if (indentOf(this.lines[first]) !== 0)
            decline();
        this.i = first;
        const value = this.block(0);
        if (this.nextContent(this.i) >= 0)
            decline();
        return value;
    }
    /** Index of the next line with content (not blank, not a comment) from `from`, or -1. */
    nextContent(from) {
        for (let j = from; j < this.lines.length; j++) {
            const line = this.lines[j];
            const indent = indentOf(line);
            if (indent === line.length)
                continue;
            if (line.charCodeAt(indent) === 35 /* # */)
                continue;
            return j;
        }
        return -1;
    }
    block(indent) {
        const line = this.lines[this.i];
        const text = line.slice(indent);
        return isSequenceItem(text) ? this.sequence(indent) : this.mapping(indent);
    }
    mapping(indent, first) {
        const map = {};
        const info = { start: { line: (first?.line ?? this.i) + 1, column: indent + 1 }, entries: new Map() };
        let pending = first;
        for (;;) {
            let text;
            let lineIndex;
            if (pending) {
                ({ text, line: lineIndex } = pending);
                pending = undefined;
            }
            else {
                const next = this.nextContent(this.i);
                if (next < 0)
                    break;
                const lineIndent = indentOf(this.lines[next]);
                if (lineIndent < indent)
                    break;
                if (lineIndent > indent)
                    decline();
                text = this.lines[next].slice(indent);
                if (isSequenceItem(text))
                    decline();
                lineIndex = next;
            }
            const entry = splitKey(text);
            if (!entry)
                decline();
            const { key, rest } = entry;
            if (key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key))
                decline();
            info.entries.set(key, { line: lineIndex + 1, column: indent + 1 });
            this.i = lineIndex + 1;
            const scalar = this.value(rest, indent, true);
            map[key] = scalar.value;
            if (scalar.text !== undefined)
                (info.texts ??= new Map()).set(key, scalar.text);
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
            const lineIndent = indentOf(line);
            if (lineIndent < indent)
                break;
            if (lineIndent > indent)
                decline();
            const text = line.slice(indent);
            if (!isSequenceItem(text))
                break;
            const after = text.slice(1);
            const gap = after.length - after.trimStart().length;
            const item = after.slice(gap);
            const column = indent + 1 + gap;
            const index = list.length;
            info.entries.set(index, { line: next + 1, column: column + 1 });
            this.i = next;
            let scalar;
            if (item === '' || item.startsWith('#')) {
                this.i = next + 1;
                scalar = this.value('', indent, false);
            }
            else if (isSequenceItem(item)) {
                return decline();
            }
            else if (splitKey(item)) {
                scalar = { value: this.mapping(column, { text: item, line: next }) };
            }
            else {
                this.i = next + 1;
                scalar = this.value(` ${item}`, indent, false);
            }
            list.push(scalar.value);
            if (scalar.text !== undefined)
                (info.texts ??= new Map()).set(index, scalar.text);
        }
        this.info.set(list, info);
        return list;
    }
    /**
     * The value after `key:` or `-`. `rest` is the remainder of the line (empty or starting with
     * a blank); `owner` is the column of the key or dash the value belongs to.
     */
    value(rest, owner, underKey) {
        const text = rest.trimStart();
        if (rest !== '' && text.length === rest.length)
            decline();
        if (text === '' || text.startsWith('#')) {
            const next = this.nextContent(this.i);
            if (next < 0)
                return { value: null };
            const nextIndent = indentOf(this.lines[next]);
            if (nextIndent > owner) {
                this.i = next;
                return { value: this.block(nextIndent) };
            }
            if (underKey && nextIndent === owner && isSequenceItem(this.lines[next].slice(owner))) {
                this.i = next;
                return { value: this.sequence(owner) };
            }
            return { value: null };
        }
        if (text.startsWith('|'))
            return { value: this.literal(text.slice(1), owner) };
        const scalar = inlineScalar(text);
        // A deeper line after a one-line scalar would continue it (a multi-line scalar): decline.
        const next = this.nextContent(this.i);
        if (next >= 0 && indentOf(this.lines[next]) > owner)
            decline();
        return scalar;
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
function indentOf(line) {
    let n = 0;
    while (n < line.length && line.charCodeAt(n) === 32)
        n++;
    return n;
}
function isSequenceItem(text) {
    return text === '-' || text.startsWith('- ');
}
/** `key: rest` → key and the text after the colon; undefined when the text is not a key. */
function splitKey(text) {
    const first = text[0];
    if (first === '"' || first === "'") {
        const quoted = quotedScalar(text);
        if (!quoted)
            return undefined;
        const after = text.slice(quoted.end);
        const colon = after.trimStart();
        if (!colon.startsWith(':') || (colon.length > 1 && colon[1] !== ' '))
            return undefined;
        return { key: quoted.value, rest: colon.slice(1) };
    }
    if (!plainStartAllowed(text))
        return undefined;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 35 /* # */ && text.charCodeAt(i - 1) === 32)
            return undefined;
        if (code === 58 /* : */ && (i + 1 === text.length || text.charCodeAt(i + 1) === 32)) {
            const key = text.slice(0, i).trimEnd();
            // Keys that would resolve to non-strings, or hold flow indicators, go to the full parser.
            if (key === '' || /[[\]{},]/.test(key) || NULL_WORDS.has(key) || TRUE_WORDS.has(key) || FALSE_WORDS.has(key) || ANY_CORE_NUMBER.test(key))
                decline();
            return { key, rest: text.slice(i + 1) };
        }
    }
    return undefined;
}
/** A one-line scalar value (quoted or plain), with an optional trailing comment. */
function inlineScalar(text) {
    const first = text[0];
    if (first === '"' || first === "'") {
        const quoted = quotedScalar(text);
        if (!quoted)
            return decline();
        const after = text.slice(quoted.end);
        if (after.trim() !== '' && !/^\s+#/.test(after))
            decline();
        return { value: quoted.value };
    }
    let plain = text;
    const comment = plain.search(/\s#/);
    if (comment >= 0)
        plain = plain.slice(0, comment);
    plain = plain.trimEnd();
    if (plain === '{}' || plain === '[]')
        return { value: plain === '{}' ? {} : [] };
    if (!plainStartAllowed(plain))
        decline();
    if (plain.includes(': ') || plain.endsWith(':'))
        decline();
    if (NULL_WORDS.has(plain))
        return { value: null };
    if (TRUE_WORDS.has(plain))
        return { value: true, text: plain };
    if (FALSE_WORDS.has(plain))
        return { value: false, text: plain };
    if (DECIMAL.test(plain))
        return { value: plain.includes('.') ? Number.parseFloat(plain) : Number.parseInt(plain, 10), text: plain };
    if (ANY_CORE_NUMBER.test(plain))
        decline();
    return { value: plain };
}
const SIMPLE_ESCAPES = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', ' ': ' ' };
/** A quoted scalar that closes on this line: its value and the index after the closing quote. */
function quotedScalar(text) {
    const quote = text[0];
    let value = '';
    for (let i = 1; i < text.length; i++) {
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
            if (!info || !entry)
                return { node: undefined, at };
            parent = info;
            last = key;
            at = entry;
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
    };
}

;// CONCATENATED MODULE: ./src/core/validate/source.ts


/**
 * Parses YAML or JSON text with size limits, positions and number texts. Errors are the
 * shared parser's (file, line, hint).
 */
async function parseSource(text, origin) {
    (0,parse/* checkSize */.C1)(origin, (0,parse/* byteLength */.dp)(text));
    const fast = parseYamlSubset(text, origin);
    if (fast)
        return fast;
    const parsed = await (0,parse/* parseDocument */.Tp)(text, origin);
    const trimmed = text.trimStart();
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && isJson(text))
        return withJsonSource(parsed, text);
    yamlLibrary ??= await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    return withYamlSource(parsed, text, yamlLibrary);
}
function isJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}
const SEPARATOR = '\u0000';
const pathKey = (path) => path.join(SEPARATOR);
/** JSON: one scan of the text gives every key's position and every number's text. */
function withJsonSource(parsed, text) {
    let scan;
    const get = () => (scan ??= scanJson(text));
    return {
        value: parsed.value,
        origin: parsed.origin,
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
            const location = { file: parsed.origin, path: (0,parse/* formatPath */.jV)(path) };
            if (best) {
                location.line = best.line;
                location.column = best.column;
            }
            return location;
        },
        scalarText: (path) => get().numbers.get(pathKey(path)),
    };
}
/** Other YAML: positions from the shared parser, number texts from a second parse on demand. */
function withYamlSource(parsed, text, YAML) {
    let numbers;
    return {
        value: parsed.value,
        origin: parsed.origin,
        locate: (path) => parsed.locate(path),
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
    const readString = () => {
        const start = i;
        i++;
        while (i < text.length && text.charCodeAt(i) !== 34)
            i += text.charCodeAt(i) === 92 ? 2 : 1;
        i++;
        return JSON.parse(text.slice(start, i));
    };
    const readValue = (key) => {
        skipBlanks();
        const ch = text[i];
        if (ch === '{' || ch === '[') {
            collections.set(key, position());
            i++;
            let index = 0;
            for (;;) {
                skipBlanks();
                if (text[i] === '}' || text[i] === ']') {
                    i++;
                    return;
                }
                let child;
                if (ch === '{') {
                    const at = position();
                    child = (key === '' ? '' : key + SEPARATOR) + readString();
                    positions.set(child, at);
                    skipBlanks();
                    i++; // the colon
                }
                else {
                    skipBlanks();
                    child = (key === '' ? '' : key + SEPARATOR) + index++;
                    positions.set(child, position());
                }
                readValue(child);
                skipBlanks();
                if (text[i] === ',')
                    i++;
            }
        }
        if (ch === '"') {
            readString();
            return;
        }
        const start = i;
        while (i < text.length && !/[\s,\]}]/.test(text[i]))
            i++;
        const token = text.slice(start, i);
        if (token !== 'null')
            numbers.set(key, token);
    };
    readValue('');
    return { positions, collections, numbers };
}

;// CONCATENATED MODULE: ./src/core/validate/inputs.ts
/**
 * Reading validate's inputs: the recipe (with the line of every constraint) and the snapshot
 * (indexed for lookups, numbers kept as written).
 */





async function readSource(location, input, options) {
    const read = await (0,io/* readLocation */.mb)((0,io/* parseLocation */.zS)(location, input), {
        input,
        ...(options.stdin ? { stdin: options.stdin } : {}),
        ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    });
    const [source] = await Promise.all([parseSource(read.text, read.origin), (0,documents/* loadValidators */.As)()]);
    return source;
}
function kindOf(value) {
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return undefined;
    const kind = value.kind;
    return typeof kind === 'string' ? kind : undefined;
}
/**
 * Reads a RecipeResult. Constraint values written as unquoted numbers or booleans
 * (`value: 12.10`, `value: True`) keep their text, as upstream reads them.
 */
async function loadRecipe(location, options = {}) {
    const input = options.input ?? '--recipe';
    const source = await readSource(location, input, options);
    const kind = kindOf(source.value);
    if (kind === 'Snapshot') {
        throw (0,errors/* invalidInput */.aY)(`${source.origin}: ${input} expects a RecipeResult document, but this is a Snapshot`, {
            location: { ...source.locate(['kind']) },
            hint: 'pass the recipe (aicr recipe output) to --recipe and the snapshot to --snapshot',
        });
    }
    textifyConstraintValues(source);
    return { recipe: (0,documents/* checkDocument */.sw)('RecipeResult', source), source, origin: source.origin };
}
function textifyConstraintValues(source) {
    const root = source.value;
    if (!root || typeof root !== 'object')
        return;
    const fix = (list, path) => {
        if (!Array.isArray(list))
            return;
        list.forEach((item, i) => {
            if (!item || typeof item !== 'object')
                return;
            const entry = item;
            if (typeof entry.value === 'number' || typeof entry.value === 'boolean') {
                entry.value = source.scalarText([...path, i, 'value']) ?? (typeof entry.value === 'number' ? (0,core_constraints/* readingText */.e4)(entry.value) : String(entry.value));
            }
        });
    };
    fix(root.constraints, ['constraints']);
    if (root.validation && typeof root.validation === 'object') {
        for (const [phase, body] of Object.entries(root.validation))
            if (body && typeof body === 'object')
                fix(body.constraints, ['validation', phase, 'constraints']);
    }
}
const PLAIN_DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?$/;
/**
 * The text a reading is compared as: strings as-is, booleans `true`/`false`; numbers as
 * written in the file when written as a plain decimal (`12.10`, `18446744073709551615`),
 * otherwise in plain decimal form (`0x1F` → `31`); null has no value (the constraint is
 * skipped).
 */
function readingTextFrom(source) {
    return (reading, where) => {
        if (reading === null || reading === undefined)
            return null;
        if (typeof reading === 'number') {
            const written = source.scalarText(['measurements', where.measurement, 'subtypes', where.subtype, 'data', where.key]);
            return written !== undefined && PLAIN_DECIMAL.test(written) ? written : (0,core_constraints/* readingText */.e4)(reading);
        }
        return String(reading);
    };
}
/** Reads and indexes a Snapshot; a document of another kind or without measurements is refused. */
async function loadSnapshot(location, options = {}) {
    const input = options.input ?? '--snapshot';
    const source = await readSource(location, input, options);
    const kind = kindOf(source.value);
    if (kind !== undefined && kind !== 'Snapshot' && kind !== '') {
        throw (0,errors/* invalidInput */.aY)(`${source.origin}: ${input} expects a Snapshot document, but this is a ${kind}`, {
            location: { ...source.locate(['kind']) },
            hint: kind === 'RecipeResult' || kind === 'Recipe' ? 'pass the snapshot (aicr snapshot output) to --snapshot and the recipe to --recipe' : 'pass a Snapshot document (aicr snapshot output)',
        });
    }
    const snapshot = (0,documents/* checkDocument */.sw)('Snapshot', source);
    if (!snapshot.measurements || snapshot.measurements.filter(Boolean).length === 0) {
        throw (0,errors/* invalidInput */.aY)(`${source.origin}: the snapshot has no measurements, so nothing can be validated against it`, {
            location: { ...source.locate(['measurements']) },
            hint: 'capture a snapshot with "aicr snapshot" and pass that file',
        });
    }
    return { snapshot, index: new core_constraints/* SnapshotIndex */.X8(snapshot, readingTextFrom(source)), origin: source.origin };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/core/validate/reports.ts
/**
 * Report writers: CTRF JSON (upstream's report format, always written), JUnit XML and GitLab
 * Code Quality JSON (on request), the terminal table and GitLab dotenv lines. All of them are
 * deterministic: no wall-clock time unless a timestamp is passed in.
 */




/**
 * Paths relative to `baseDir` for files inside it (GitLab and GitHub want repository-relative
 * paths); anything else (URLs, cm:// URIs, `<stdin>`, files elsewhere) unchanged.
 */
function relativeTo(baseDir) {
    return (file) => {
        if (!(0,external_node_path_.isAbsolute)(file))
            return file.split(external_node_path_.sep).join('/').replace(/^\.\//, '');
        const rel = (0,external_node_path_.relative)(baseDir, file);
        if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
            return file;
        return rel.split(external_node_path_.sep).join('/');
    };
}
const identity = (file) => file;
/**
 * The CTRF document (https://ctrf.io), shaped like upstream's `aicr validate` report: one test
 * per readiness constraint (suite `readiness`, an extension upstream allows) and one skipped
 * test per live phase. Our additions live in `extra` fields: expected/actual/severity per test,
 * and the overall status with the input origins on `results.extra`.
 */
function toCtrf(report, options = {}) {
    const paths = options.paths ?? identity;
    const tests = report.constraints.map((result) => {
        const test = { name: result.name, status: result.status, duration: 0, suite: ['readiness'] };
        if (result.status !== 'passed')
            test.message = result.message;
        test.filePath = paths(result.location.file);
        if (result.location.line !== undefined)
            test.line = result.location.line;
        const extra = { expected: result.expected };
        if (result.actual !== undefined)
            extra.actual = result.actual;
        if (result.severity)
            extra.severity = result.severity;
        if (result.remediation)
            extra.remediation = result.remediation;
        test.extra = extra;
        return test;
    });
    for (const phase of report.phases) {
        tests.push({
            name: phase.phase,
            status: 'skipped',
            duration: 0,
            suite: [phase.phase],
            message: phase.reason,
            extra: { checks: phase.checks, constraints: phase.constraints },
        });
    }
    const count = (status) => tests.filter((test) => test.status === status).length;
    const millis = options.time ? options.time.getTime() : 0;
    const ctrf = {
        reportFormat: 'CTRF',
        specVersion: '0.0.1',
        generatedBy: 'aicr',
        results: {
            tool: { name: 'aicr', version: version/* VERSION */.x },
            summary: { tests: tests.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), pending: 0, other: 0, start: millis, stop: millis },
            tests,
            extra: {
                status: report.status,
                constraints: report.summary,
                recipe: paths(report.recipe),
                snapshot: paths(report.snapshot),
            },
        },
    };
    if (options.time)
        ctrf.timestamp = options.time.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return ctrf;
}
// ---------------------------------------------------------------------------------------------
// JUnit XML
// XML 1.0 cannot carry most control characters even escaped; they become U+FFFD.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
function xml(text) {
    return text.replace(XML_INVALID, '\ufffd').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]);
}
function describeResult(result, path) {
    const lines = [`${path}${result.location.line !== undefined ? `:${result.location.line}` : ''}: ${result.name}`, `expected: ${result.expected}`];
    if (result.actual !== undefined)
        lines.push(`actual: ${result.actual}`);
    if (result.status !== 'passed')
        lines.push(`${result.status === 'failed' ? 'failure' : 'skipped'}: ${result.message}`);
    if (result.severity)
        lines.push(`severity: ${result.severity}`);
    if (result.remediation)
        lines.push(`remediation: ${result.remediation}`);
    return lines.join('\n');
}
/**
 * JUnit XML: a `readiness` suite with one test case per constraint (failures and skips carry
 * the message; `file`/`line` point at the constraint in the recipe) and one suite per live
 * phase with a skipped case.
 */
function toJunitXml(report, options = {}) {
    const paths = options.paths ?? identity;
    const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const skippedPhases = report.phases.length;
    const totals = { tests: report.constraints.length + skippedPhases, failures: report.summary.failed, skipped: report.summary.skipped + skippedPhases };
    out.push(`<testsuites name="aicr validate" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}" time="0">`);
    out.push(`  <testsuite name="readiness" tests="${report.constraints.length}" failures="${report.summary.failed}" errors="0" skipped="${report.summary.skipped}" time="0">`);
    for (const result of report.constraints) {
        const file = paths(result.location.file);
        const line = result.location.line !== undefined ? ` line="${result.location.line}"` : '';
        const open = `    <testcase name="${xml(result.name)}" classname="readiness" file="${xml(file)}"${line} time="0"`;
        if (result.status === 'passed') {
            out.push(`${open}>`, `      <system-out>${xml(describeResult(result, file))}</system-out>`, '    </testcase>');
        }
        else if (result.status === 'failed') {
            out.push(`${open}>`, `      <failure message="${xml(result.message)}" type="ConstraintFailed">${xml(describeResult(result, file))}</failure>`, '    </testcase>');
        }
        else {
            out.push(`${open}>`, `      <skipped message="${xml(result.message)}"/>`, '    </testcase>');
        }
    }
    out.push('  </testsuite>');
    for (const phase of report.phases) {
        out.push(`  <testsuite name="${phase.phase}" tests="1" failures="0" errors="0" skipped="1" time="0">`);
        const checks = phase.checks.length ? ` (checks: ${phase.checks.join(', ')})` : '';
        out.push(`    <testcase name="${phase.phase}" classname="${phase.phase}" time="0">`, `      <skipped message="${xml(phase.reason + checks)}"/>`, '    </testcase>');
        out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return out.join('\n') + '\n';
}
/**
 * GitLab Code Quality issues (a subset of the Code Climate format): one per failed constraint
 * (`major`, `minor` for constraints of severity warning) and one per skipped constraint
 * (`info`), at the constraint's line. Fingerprints hash the file, constraint and expectation,
 * not the line, so moving a constraint keeps its identity.
 */
function toCodeQuality(report, options = {}) {
    const paths = options.paths ?? identity;
    const seen = new Map();
    const issues = [];
    for (const result of report.constraints) {
        if (result.status === 'passed')
            continue;
        const path = paths(result.location.file);
        const check = result.status === 'failed' ? 'aicr-validate/constraint-failed' : 'aicr-validate/constraint-skipped';
        const identity = `${check}\u0000${path}\u0000${result.name}\u0000${result.expected}`;
        const occurrence = (seen.get(identity) ?? 0) + 1;
        seen.set(identity, occurrence);
        const fingerprint = (0,external_node_crypto_.createHash)('sha256').update(`${identity}\u0000${occurrence}`).digest('hex');
        const description = result.status === 'failed' ? `${result.name}: ${result.message}` : `${result.name} skipped: ${result.message}`;
        issues.push({
            description: result.remediation && result.status === 'failed' ? `${description} (${result.remediation})` : description,
            check_name: check,
            fingerprint,
            severity: result.status === 'skipped' ? 'info' : result.severity === 'warning' ? 'minor' : 'major',
            location: { path, lines: { begin: result.location.line ?? 1 } },
        });
    }
    return issues;
}
// ---------------------------------------------------------------------------------------------
// Terminal and dotenv
/** The human table: one row per constraint and per listed phase, then the overall status. */
function formatReportTable(report) {
    const rows = report.constraints.map((r) => ['readiness', r.name, r.expected, r.actual ?? '-', r.status, r.status === 'passed' ? '' : r.message]);
    for (const phase of report.phases) {
        const detail = phase.checks.length ? `${phase.reason} (checks: ${phase.checks.join(', ')})` : phase.reason;
        rows.push([phase.phase, '-', '-', '-', 'skipped', detail]);
    }
    const table = rows.length ? (0,core_format/* formatColumns */.jB)(['PHASE', 'CONSTRAINT', 'EXPECTED', 'ACTUAL', 'STATUS', 'DETAIL'], rows) : '';
    const { summary } = report;
    return `${table}\nstatus: ${report.status} (${summary.constraints} constraints: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped)\n`;
}
/** `KEY=value` lines for a GitLab dotenv report (values on one line, no quotes needed). */
function formatDotenv(report, reportPath) {
    const clean = (value) => value.replace(/[\r\n]+/g, ' ');
    const lines = [
        `AICR_VALIDATE_STATUS=${report.status}`,
        `AICR_VALIDATE_PASSED=${report.summary.passed}`,
        `AICR_VALIDATE_FAILED=${report.summary.failed}`,
        `AICR_VALIDATE_SKIPPED=${report.summary.skipped}`,
    ];
    if (reportPath !== undefined)
        lines.push(`AICR_VALIDATE_REPORT_PATH=${clean(reportPath)}`);
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/core/validate/index.ts
/**
 * The validate stage as front doors use it: read a recipe and a snapshot, evaluate the recipe's
 * readiness constraints, and render the report (CTRF, JUnit, Code Quality, table, dotenv).
 */







/** Runs the validate stage; throws AicrError for bad input (exit 2, 3, …), never for failed constraints. */
async function runValidation(request) {
    if (!request.recipe)
        throw (0,errors/* invalidInput */.aY)('--recipe is required', { hint: 'pass the recipe to validate: --recipe recipe.yaml' });
    if (!request.snapshot) {
        throw (0,errors/* invalidInput */.aY)('--snapshot is required', { hint: 'capture one with "aicr snapshot" and pass it: --snapshot snapshot.yaml (live capture during validate is not supported yet)' });
    }
    if (request.recipe === '-' && request.snapshot === '-') {
        throw (0,errors/* invalidInput */.aY)('--recipe and --snapshot cannot both read stdin', { hint: 'pass at least one of them as a file' });
    }
    const phases = parsePhases(request.phases ?? []);
    const options = { ...(request.stdin ? { stdin: request.stdin } : {}), ...(request.kubeconfig ? { kubeconfig: request.kubeconfig } : {}) };
    const [recipe, snapshot] = await Promise.all([loadRecipe(request.recipe, options), loadSnapshot(request.snapshot, options)]);
    const report = evaluateRecipe(recipe.recipe, recipe.source, snapshot.index, {
        recipeOrigin: recipe.origin,
        snapshotOrigin: snapshot.origin,
        phases,
    });
    return { report, recipe: recipe.recipe };
}

;// CONCATENATED MODULE: ./src/cli/commands/validate.ts





const optionalLocation = (value, input) => typeof value === 'string' && value !== '' ? (0,io/* parseLocation */.zS)(value, input) : undefined;
const command = {
    spec: {
        name: 'validate',
        summary: 'Check a recipe\'s constraints against a snapshot and write the report (CTRF; JUnit and GitLab Code Quality on request).',
        usage: 'aicr validate --recipe F --snapshot F [--phase P] [--fail-on-error=false] [--output F] [--junit F] [--codequality F] [--dotenv F] [--format table|json|yaml]',
        flags: [
            { name: 'recipe', aliases: ['-r'], type: 'string', value: '<file|url|cm://ns/name|->', description: 'RecipeResult to validate (aicr recipe output)' },
            { name: 'snapshot', aliases: ['-s'], type: 'string', value: '<file|url|cm://ns/name|->', description: 'Snapshot to validate against (aicr snapshot output)' },
            {
                name: 'phase',
                type: 'list',
                value: '<phase>',
                description: 'live phases to list: deployment, performance, conformance, all, or readiness for the constraints only; comma lists allowed (readiness constraints are always evaluated; live phases are reported skipped: they need a live cluster validator)',
            },
            { name: 'fail-on-error', type: 'boolean', default: true, description: `exit ${errors/* ExitCode */.yU.ConstraintsFailed} when a constraint fails; --fail-on-error=false reports without failing` },
            { name: 'output', aliases: ['-o'], type: 'string', value: '<file|cm://ns/name|->', description: 'where to write the CTRF JSON report (- for stdout)' },
            { name: 'junit', type: 'string', value: '<file>', description: 'also write a JUnit XML report' },
            { name: 'codequality', type: 'string', value: '<file>', description: 'also write a GitLab Code Quality report (failed and skipped constraints at their recipe lines)' },
            { name: 'dotenv', type: 'string', value: '<file>', description: 'also write AICR_VALIDATE_STATUS/PASSED/FAILED/SKIPPED lines (GitLab dotenv report)' },
            { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'terminal output: table, json or yaml (json/yaml print the CTRF report)', default: 'table' },
            { name: 'kubeconfig', aliases: ['-k'], type: 'string', value: '<file>', description: 'kubeconfig for cm:// inputs and outputs (default: $KUBECONFIG, ~/.kube/config, in-cluster)' },
            { name: 'timestamps', type: 'boolean', description: 'stamp the CTRF report with the current time (default: no time, so reruns give identical files)' },
            { name: 'no-cluster', type: 'boolean', description: 'accepted for upstream compatibility; validate never contacts a cluster here' },
        ],
        examples: [
            'aicr validate --recipe recipe.yaml --snapshot snapshot.yaml',
            'aicr validate -r recipe.yaml -s snapshot.yaml -o report.json --junit junit.xml --codequality gl-code-quality-report.json',
            'aicr validate -r recipe.yaml -s cm://gpu-ops/aicr-snapshot --phase deployment,conformance --fail-on-error=false',
        ],
    },
    async run({ flags }, context) {
        const format = (0,core_format/* parseOutputFormat */.uH)(String(flags.format));
        const output = optionalLocation(flags.output, '--output');
        const junit = optionalLocation(flags.junit, '--junit');
        const codequality = optionalLocation(flags.codequality, '--codequality');
        const dotenv = optionalLocation(flags.dotenv, '--dotenv');
        const kubeconfig = typeof flags.kubeconfig === 'string' && flags.kubeconfig !== '' ? { kubeconfig: flags.kubeconfig } : {};
        const { report } = await runValidation({
            recipe: typeof flags.recipe === 'string' ? flags.recipe : '',
            snapshot: typeof flags.snapshot === 'string' ? flags.snapshot : '',
            phases: flags.phase ?? [],
            stdin: context.stdin,
            ...kubeconfig,
        });
        for (const note of report.notes)
            context.logger.warning(note);
        const paths = relativeTo(process.cwd());
        const ctrf = toCtrf(report, { paths, ...(flags.timestamps === true ? { time: new Date() } : {}) });
        const ctrfText = (0,serialize/* toJson */.aB)(ctrf);
        const stdout = { kind: 'stdio', text: '-' };
        const write = { stdout: context.stdout, ...kubeconfig };
        if (output)
            await (0,io/* writeLocation */.rW)(output, ctrfText, { input: '--output', format: 'json', kind: 'ValidationReport', ...write });
        if (junit)
            await (0,io/* writeLocation */.rW)(junit, toJunitXml(report, { paths }), { input: '--junit', ...write });
        if (codequality)
            await (0,io/* writeLocation */.rW)(codequality, (0,serialize/* toJson */.aB)(toCodeQuality(report, { paths })), { input: '--codequality', format: 'json', ...write });
        if (dotenv)
            await (0,io/* writeLocation */.rW)(dotenv, formatDotenv(report, output && output.kind !== 'stdio' ? output.text : undefined), { input: '--dotenv', ...write });
        if (output?.kind !== 'stdio') {
            const text = format === 'json' ? ctrfText : format === 'yaml' ? (0,serialize/* toYaml */.fE)(ctrf) : formatReportTable(report);
            await (0,io/* writeLocation */.rW)(stdout, text, { stdout: context.stdout });
        }
        const { summary } = report;
        const failing = summary.failed > 0 && flags['fail-on-error'] !== false;
        context.logger.info(`validate: ${report.status} (${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped of ${summary.constraints} constraints; ` +
            `${report.phases.length ? `${report.phases.map((p) => p.phase).join(', ')} skipped: needs a live cluster validator` : 'no live phases requested'})` +
            (failing ? `; exit ${errors/* ExitCode */.yU.ConstraintsFailed}` : ''));
        return failing ? errors/* ExitCode */.yU.ConstraintsFailed : errors/* ExitCode */.yU.Success;
    },
};


/***/ })

};
