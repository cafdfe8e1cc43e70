export const id = 340;
export const ids = [340];
export const modules = {

/***/ 5340:
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
var constraints = __webpack_require__(4363);
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
/** Parses a constraint's path and expression; a problem is recorded instead of thrown. */
function prepare(constraint, i, source, problems, cache) {
    let path = cache.paths.get(constraint.name);
    let expression = cache.expressions.get(constraint.value);
    if (path && expression)
        return { path, expression };
    try {
        path ??= (0,constraints/* parseConstraintPath */.WE)(constraint.name);
        cache.paths.set(constraint.name, path);
    }
    catch (error) {
        const e = error;
        problems.push({ location: source.locate(['constraints', i, 'name']), message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
    }
    try {
        if (!expression) {
            expression = (0,constraints/* parseExpression */.YK)(constraint.value);
            const problem = (0,constraints/* expressionProblem */.qT)(expression, constraint.value);
            if (problem) {
                problems.push({ location: source.locate(['constraints', i, 'value']), message: `constraint ${constraint.name}: ${problem.message}`, hint: problem.hint });
                expression = undefined;
            }
            else {
                cache.expressions.set(constraint.value, expression);
            }
        }
    }
    catch (error) {
        const e = error;
        problems.push({ location: source.locate(['constraints', i, 'value']), message: `constraint ${constraint.name}: ${e.message}`, ...(e.hint ? { hint: e.hint } : {}) });
    }
    return path && expression ? { path, expression } : undefined;
}
/** One INVALID_REQUEST error listing each malformed constraint with its file and line. */
function malformedError(problems) {
    const where = (location) => `${location.file}${location.line ? `:${location.line}` : ''}`;
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  ${where(p.location)}: ${p.message}`);
    if (problems.length > MAX_LISTED_PROBLEMS)
        listed.push(`  … and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    const first = problems[0];
    const count = problems.length === 1 ? 'a malformed constraint' : `${problems.length} malformed constraints`;
    return (0,errors/* invalidInput */.aY)(`${where(first.location)}: the recipe has ${count}:\n${listed.join('\n')}`, {
        location: first.location,
        hint: first.hint ?? 'fix the constraint in the recipe',
        details: { problems: problems.length },
    });
}
/** Evaluates one well-formed constraint. */
function evaluateOne(constraint, path, expression, location, index, versions) {
    const result = { name: constraint.name, phase: 'readiness', expected: constraint.value, status: 'skipped', message: '', location };
    if (constraint.severity)
        result.severity = constraint.severity;
    if (constraint.remediation)
        result.remediation = constraint.remediation;
    const resolution = index.resolve(path);
    if (!resolution.found) {
        result.message = resolution.reason;
        return result;
    }
    result.actual = resolution.value;
    const outcome = (0,constraints/* compare */.UD)(expression, resolution.value, versions);
    if (!outcome.ok) {
        result.message = outcome.reason;
        return result;
    }
    result.status = outcome.pass ? 'passed' : 'failed';
    result.message = `expected ${constraint.value.trim()}, got ${resolution.value}`;
    return result;
}
/**
 * Checks and evaluates constraints in one pass. Throws one INVALID_REQUEST error naming the
 * file and line of every malformed constraint (then nothing is reported).
 */
function evaluateConstraints(constraints, source, index) {
    const positions = source.itemPositions(['constraints']);
    const problems = [];
    const results = [];
    const versions = new Map();
    const cache = { paths: new Map(), expressions: new Map() };
    for (let i = 0; i < constraints.length; i++) {
        const constraint = constraints[i];
        const prepared = prepare(constraint, i, source, problems, cache);
        if (!prepared || problems.length > 0)
            continue;
        const at = positions[i];
        const location = at ? { file: source.origin, line: at.line, column: at.column } : { file: source.origin };
        results.push(evaluateOne(constraint, prepared.path, prepared.expression, location, index, versions));
    }
    if (problems.length > 0)
        throw malformedError(problems);
    return results;
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
    const constraints = evaluateConstraints(recipe.constraints ?? [], source, index);
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
// EXTERNAL MODULE: ./src/core/documents/source.ts + 1 modules
var documents_source = __webpack_require__(9834);
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
    const [source] = await Promise.all([(0,documents_source/* parseSource */.P)(read.text, read.origin), (0,documents/* loadValidators */.As)()]);
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
                entry.value = source.scalarText([...path, i, 'value']) ?? (typeof entry.value === 'number' ? (0,constraints/* readingText */.e4)(entry.value) : String(entry.value));
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
            return written !== undefined && PLAIN_DECIMAL.test(written) ? written : (0,constraints/* readingText */.e4)(reading);
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
    return { snapshot, index: new constraints/* SnapshotIndex */.X8(snapshot, readingTextFrom(source)), origin: source.origin };
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
        // The CTRF document is built only when something prints or writes it.
        let ctrf;
        const ctrfDocument = () => (ctrf ??= toCtrf(report, { paths, ...(flags.timestamps === true ? { time: new Date() } : {}) }));
        const ctrfText = () => (0,serialize/* toJson */.aB)(ctrfDocument());
        const stdout = { kind: 'stdio', text: '-' };
        const write = { stdout: context.stdout, ...kubeconfig };
        if (output)
            await (0,io/* writeLocation */.rW)(output, ctrfText(), { input: '--output', format: 'json', kind: 'ValidationReport', ...write });
        if (junit)
            await (0,io/* writeLocation */.rW)(junit, toJunitXml(report, { paths }), { input: '--junit', ...write });
        if (codequality)
            await (0,io/* writeLocation */.rW)(codequality, (0,serialize/* toJson */.aB)(toCodeQuality(report, { paths })), { input: '--codequality', format: 'json', ...write });
        if (dotenv)
            await (0,io/* writeLocation */.rW)(dotenv, formatDotenv(report, output && output.kind !== 'stdio' ? output.text : undefined), { input: '--dotenv', ...write });
        if (output?.kind !== 'stdio') {
            const text = format === 'json' ? ctrfText() : format === 'yaml' ? (0,serialize/* toYaml */.fE)(ctrfDocument()) : formatReportTable(report);
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
