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





async function readSource(location, input, options, kind) {
    const read = await (0,io/* readLocation */.mb)((0,io/* parseLocation */.zS)(location, input), {
        input,
        ...(options.stdin ? { stdin: options.stdin } : {}),
        ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    });
    const [source] = await Promise.all([(0,documents_source/* parseSource */.P)(read.text, read.origin), (0,documents/* loadValidators */.As)(kind)]);
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
    const source = await readSource(location, input, options, 'RecipeResult');
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
    const source = await readSource(location, input, options, 'Snapshot');
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


/***/ })

};
