export const id = 738;
export const ids = [738];
export const modules = {

/***/ 5738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ loadValidators),
/* harmony export */   MG: () => (/* reexport safe */ _parse_js__WEBPACK_IMPORTED_MODULE_1__.MG),
/* harmony export */   jM: () => (/* reexport safe */ _parse_js__WEBPACK_IMPORTED_MODULE_1__.jM),
/* harmony export */   sw: () => (/* binding */ checkDocument),
/* harmony export */   u0: () => (/* binding */ readDocument)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1861);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9834);
/**
 * The single door through which untrusted documents enter core: parse (with size and alias
 * limits), check against the JSON Schema of their kind, and report file, path and line on error.
 */






/** The schema file (schemas/<name>.schema.json) of each kind. */
const schemaNames = {
    RecipeMetadata: 'recipe-metadata',
    RecipeMixin: 'recipe-mixin',
    ComponentRegistry: 'component-registry',
    RecipeCriteria: 'recipe-criteria',
    RecipeResult: 'recipe',
    Snapshot: 'snapshot',
};
// Precompiled validators, one module per kind, loaded on first use of that kind.
const loaders = {
    RecipeMetadata: () => __webpack_require__.e(/* import() */ 48).then(__webpack_require__.bind(__webpack_require__, 7667)),
    RecipeMixin: () => __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 8697)),
    ComponentRegistry: () => __webpack_require__.e(/* import() */ 150).then(__webpack_require__.bind(__webpack_require__, 150)),
    RecipeCriteria: () => __webpack_require__.e(/* import() */ 191).then(__webpack_require__.bind(__webpack_require__, 3191)),
    RecipeResult: () => __webpack_require__.e(/* import() */ 33).then(__webpack_require__.bind(__webpack_require__, 4033)),
    Snapshot: () => __webpack_require__.e(/* import() */ 587).then(__webpack_require__.bind(__webpack_require__, 4587)),
};
const validators = new Map();
/** Loads the validators of the given kinds (all kinds when none are named). */
async function loadValidators(...kinds) {
    const wanted = kinds.length ? kinds : Object.keys(loaders);
    await Promise.all(wanted.filter((kind) => !validators.has(kind)).map(async (kind) => validators.set(kind, (await loaders[kind]()).default)));
}
/**
 * Parses `text` as a document of `kind` and checks it against the kind's schema. Block YAML and
 * JSON take fast paths; the general YAML parser loads only for documents outside them.
 */
async function readDocument(kind, text, origin) {
    const [parsed] = await Promise.all([(0,_source_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSource */ .P)(text, origin), loadValidators(kind)]);
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
    const validate = validators.get(kind);
    if (!validate)
        throw new Error(`the ${kind} schema validator was used before it was loaded`);
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
    return `${schemaNames[kind]}.schema.json`;
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

/***/ 9834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ parseSource)
});

// EXTERNAL MODULE: ./src/core/documents/parse.ts
var parse = __webpack_require__(1861);
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
// Characters that may not start a plain scalar (YAML indicators): , [ ] { } # & * ! | > ' " % @ `
// and `-`, `?`, `:` unless a non-blank follows (`-5`, `-foo`). Char codes: this runs per line.
const PLAIN_START_FORBIDDEN = new Uint8Array(128);
for (const ch of ",[]{}#&*!|>'\"%@`")
    PLAIN_START_FORBIDDEN[ch.charCodeAt(0)] = 1;
for (const ch of '-?:')
    PLAIN_START_FORBIDDEN[ch.charCodeAt(0)] = 2;
function plainStartAllowed(text) {
    return plainStartAllowedAt(text, 0);
}
function plainStartAllowedAt(text, at) {
    const first = text.charCodeAt(at);
    if (Number.isNaN(first))
        return false;
    const rule = first < 128 ? PLAIN_START_FORBIDDEN[first] : 0;
    if (rule === 1)
        return false;
    return rule !== 2 || (text.length > at + 1 && text.charCodeAt(at + 1) !== 32);
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
            if (quoted.end < line.length) {
                const after = line.slice(quoted.end);
                if (after.trim() !== '' && !/^\s+#/.test(after))
                    decline();
            }
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
    // Searching with indexOf keeps the common case (no escapes) out of a per-character loop,
    // which matters on a cold start where this code runs unoptimised.
    if (text.charCodeAt(start) === 39 /* ' */) {
        let value = '';
        let from = start + 1;
        for (;;) {
            const close = text.indexOf("'", from);
            if (close < 0)
                return undefined;
            if (text.charCodeAt(close + 1) === 39) {
                value += text.slice(from, close + 1);
                from = close + 2;
                continue;
            }
            return { value: value + text.slice(from, close), end: close + 1 };
        }
    }
    const close = text.indexOf('"', start + 1);
    if (close < 0)
        return undefined;
    const backslash = text.indexOf('\\', start + 1);
    if (backslash < 0 || backslash > close)
        return { value: text.slice(start + 1, close), end: close + 1 };
    let value = '';
    for (let i = start + 1; i < text.length; i++) {
        const ch = text[i];
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
    yamlLibrary ??= await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
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


/***/ })

};
