#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _core_catalog_precompiled_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(569);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1595);
// Entry point of the bundled `aicr` CLI.


(0,_core_catalog_precompiled_js__WEBPACK_IMPORTED_MODULE_1__/* .usePrecompiledCatalog */ .r)();
process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2));

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
    snapshot: { summary: 'measure a GPU node (OS, systemd, GPU, Kubernetes, topology) into a Snapshot', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(522), __nccwpck_require__.e(738), __nccwpck_require__.e(338), __nccwpck_require__.e(590), __nccwpck_require__.e(74), __nccwpck_require__.e(927)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3927))).command },
    diff: { summary: 'compare two snapshots and report drift (--fail-on-drift exits 11)', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(522), __nccwpck_require__.e(738), __nccwpck_require__.e(338), __nccwpck_require__.e(590), __nccwpck_require__.e(855)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4855))).command },
    recipe: { summary: 'resolve a recipe from criteria, a criteria file or a snapshot', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(522), __nccwpck_require__.e(738), __nccwpck_require__.e(676), __nccwpck_require__.e(407), __nccwpck_require__.e(143)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3143))).command },
    query: { summary: 'print one value of a hydrated recipe (dot-path selector)', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(522), __nccwpck_require__.e(738), __nccwpck_require__.e(676), __nccwpck_require__.e(407), __nccwpck_require__.e(333)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7333))).command },
    validate: { summary: 'check a recipe\'s constraints against a snapshot (exit 10 when one fails); CTRF, JUnit, Code Quality reports', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(522), __nccwpck_require__.e(738), __nccwpck_require__.e(340)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5340))).command },
    bundle: { summary: 'generate a deployment bundle (helm, argocd, argocdhelm, flux, helmfile) from a recipe', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(522), __nccwpck_require__.e(738), __nccwpck_require__.e(676), __nccwpck_require__.e(667)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1667))).command },
    verify: { summary: 'check a bundle against its checksums.txt (exit 12 on findings)', load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(522), __nccwpck_require__.e(412)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3412))).command },
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
    let logger = (0,core_logger/* consoleLogger */.kS)({ stream: io.stderr, debug: debugEnv || rest.includes('--debug'), json: jsonEnv || rest.includes('--log-json') });
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
        logger = (0,core_logger/* consoleLogger */.kS)({ stream: io.stderr, debug: args.flags.debug === true, json: args.flags['log-json'] === true });
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
            io.stderr.write(`${(0,core_logger/* neutralizeCommands */.Kw)(`error: ${text}`)}\n`);
        }
        return code;
    }
}


/***/ }),

/***/ 569:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ precompiledCatalogEnabled),
/* harmony export */   r: () => (/* binding */ usePrecompiledCatalog)
/* harmony export */ });
/**
 * Whether the embedded catalog may be read from its precompiled form (dist/catalog.json).
 * Kept apart from the catalog loader so entry points can switch it on without loading it.
 */
let enabled = false;
/** Called by bundled entry points (dist/), whose catalog.json the build keeps in step. */
function usePrecompiledCatalog() {
    enabled = true;
}
function precompiledCatalogEnabled() {
    return enabled;
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
        // Messages that already name the file keep their own wording.
        const named = error.location ? error.message.includes(error.location.file) : true;
        const lines = [`[${error.code}] ${where && !named ? `${where}: ` : ''}${error.message}`];
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
/* harmony export */   Kw: () => (/* binding */ neutralizeCommands),
/* harmony export */   kS: () => (/* binding */ consoleLogger),
/* harmony export */   qq: () => (/* binding */ silentLogger)
/* harmony export */ });
/**
 * The logging interface core code writes to. Front doors supply an adapter: plain console for
 * the CLI and GitLab jobs, workflow commands and annotations on GitHub.
 */
/**
 * Makes text safe to print in a CI log: CI runners execute lines that start with `::` as
 * workflow commands, and log text may come from hostile inputs (file names, pod logs). A
 * zero-width space after the first colon keeps the text readable and inert.
 */
function neutralizeCommands(text) {
    return text.replace(/^(\s*):(?=:)/gm, '$1:\u200b');
}
/** A file name on one line: control characters (a newline could start a new log line) escaped. */
function safeName(name) {
    return /[\u0000-\u001f\u007f]/.test(name) ? JSON.stringify(name) : name;
}
function where(properties) {
    if (!properties?.file)
        return '';
    const file = safeName(properties.file);
    return properties.startLine ? `${file}:${properties.startLine}: ` : `${file}: `;
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
        stream.write(neutralizeCommands(`${prefix}${where(properties)}${title}${message}`) + '\n');
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

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

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
