export const id = 855;
export const ids = [855];
export const modules = {

/***/ 4855:
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
// EXTERNAL MODULE: ./src/core/snapshot/index.ts + 5 modules
var snapshot = __webpack_require__(9590);
// EXTERNAL MODULE: ./src/core/serialize.ts
var serialize = __webpack_require__(8237);
// EXTERNAL MODULE: ./src/core/constraints/index.ts + 3 modules
var constraints = __webpack_require__(4363);
// EXTERNAL MODULE: ./src/core/snapshot/render.ts
var render = __webpack_require__(1442);
;// CONCATENATED MODULE: ./src/core/snapshot/diff.ts
/**
 * Drift between two snapshots: every reading added, removed or modified, field by field, in the
 * shape of upstream AICR's `aicr diff` result (`changes`, `summary`), so its drift-detection docs
 * read true for us.
 *
 * What never counts as drift: `metadata` (timestamp, version, source node); readings the node
 * changes on its own from one moment to the next (VOLATILE_READINGS: kernel counters, process
 * ids, start times, live resource usage); the runtime part of systemd `Exec*` values (pid, start
 * and stop times, exit status); and the value's kind (`8` and `"8"` are the same reading;
 * values are compared as their canonical text).
 */





/**
 * Readings that change without anyone changing the node, by measurement type. A pattern
 * `*Suffix` matches keys ending in Suffix, `prefix/` keys starting with it, anything else the
 * key exactly.
 */
const VOLATILE_READINGS = {
    OS: [
        '/proc/sys/fs/dentry-state', '/proc/sys/fs/file-nr', '/proc/sys/fs/inode-nr', '/proc/sys/fs/inode-state',
        '/proc/sys/fs/aio-nr', '/proc/sys/fs/dquot-nr', '/proc/sys/fs/quota/', '/proc/sys/kernel/ns_last_pid', '/proc/sys/kernel/pty/nr',
        '/proc/sys/kernel/random/boot_id', '/proc/sys/kernel/random/entropy_avail', '/proc/sys/kernel/random/uuid',
        '/proc/sys/kernel/perf_event_max_sample_rate',
    ],
    SystemD: [
        '*Timestamp', '*TimestampMonotonic', 'InvocationID', 'MainPID', 'ExecMainPID', 'ControlPID', 'ExecMainCode', 'ExecMainStatus',
        'MemoryCurrent', 'MemoryPeak', 'MemorySwapCurrent', 'MemorySwapPeak', 'MemoryZSwapCurrent', 'MemoryAvailable', 'CPUUsageNSec',
        'TasksCurrent', 'IPIngressBytes', 'IPIngressPackets', 'IPEgressBytes', 'IPEgressPackets', 'IOReadBytes', 'IOReadOperations',
        'IOWriteBytes', 'IOWriteOperations', 'EffectiveCPUs', 'EffectiveMemoryNodes', 'StatusText', 'StatusErrno', 'NRestarts',
    ],
};
/** Whether a reading is volatile (never drift). */
function isVolatileReading(type, key) {
    return (VOLATILE_READINGS[type] ?? []).some((pattern) => {
        if (pattern.startsWith('*'))
            return key.endsWith(pattern.slice(1));
        if (pattern.endsWith('/'))
            return key.startsWith(pattern);
        return key === pattern;
    });
}
// systemctl prints Exec* commands with their last run: `{ path=… ; argv[]=… ; ignore_errors=no ;
// start_time=[…] ; stop_time=[…] ; pid=1187 ; code=exited ; status=0 }`. Only the command counts.
const EXEC_RUNTIME_FIELDS = /\s*;\s*(start_time=\[[^\]]*\]|stop_time=\[[^\]]*\]|pid=\d+|code=[^;}]*|status=[^;}]*)/g;
// Upstream's D-Bus text form, `[[/usr/bin/containerd [/usr/bin/containerd] false <7 runtime numbers>]]`,
// carries the same runtime state as numbers after the ignore-errors flag.
const EXEC_RUNTIME_NUMBERS = /(\[[^[\]]*\[[^\]]*\] (?:true|false))(?: -?\d+){7}\]/g;
function comparableText(type, key, value) {
    const text = (0,constraints/* readingText */.e4)(value ?? null);
    if (type !== 'SystemD' || !key.startsWith('Exec'))
        return text;
    return text.replace(EXEC_RUNTIME_FIELDS, '').replace(EXEC_RUNTIME_NUMBERS, '$1]');
}
function typeFilter(types) {
    if (!types?.length)
        return () => true;
    const wanted = new Set(types.map((t) => t.toLowerCase()));
    return (type) => wanted.has(type.toLowerCase());
}
function index(snapshot) {
    const measurements = new Map();
    for (const measurement of snapshot.measurements ?? []) {
        if (!measurement)
            continue;
        const existing = measurements.get(measurement.type);
        // Two measurements of one type (hand-merged files): their subtypes are read together.
        measurements.set(measurement.type, existing ? { ...existing, subtypes: [...(existing.subtypes ?? []), ...(measurement.subtypes ?? [])] } : measurement);
    }
    return { measurements };
}
function subtypeMap(measurement) {
    const map = new Map();
    for (const subtype of measurement?.subtypes ?? [])
        if (subtype)
            map.set((0,render/* subtypeName */.g2)(subtype), subtype);
    return map;
}
function typeOrder(a, b) {
    const rank = (t) => {
        const i = render/* MEASUREMENT_ORDER */.G_.indexOf(t);
        return i < 0 ? render/* MEASUREMENT_ORDER */.G_.length : i;
    };
    return rank(a) - rank(b) || (0,serialize/* compareStrings */.Kt)(a, b);
}
/** Compares `target` against `baseline`. Changes are sorted by path (upstream's order). */
function diffSnapshots(baseline, target, options = {}) {
    const include = typeFilter(options.types);
    const base = index(baseline);
    const next = index(target);
    const changes = [];
    const unavailable = [];
    let ignored = 0;
    const types = [...new Set([...base.measurements.keys(), ...next.measurements.keys()])].filter(include).sort(typeOrder);
    for (const type of types) {
        const before = base.measurements.get(type);
        const after = next.measurements.get(type);
        const gaps = (measurement) => {
            const gap = measurement?.unavailable;
            if (!gap)
                return new Map();
            return new Map(gap.subtypes && Object.keys(gap.subtypes).length ? Object.entries(gap.subtypes) : [['', gap.reason]]);
        };
        const beforeGaps = gaps(before);
        const afterGaps = gaps(after);
        for (const [subtype, reason] of beforeGaps) {
            const side = afterGaps.has(subtype) ? 'both' : 'baseline';
            unavailable.push(subtype ? { type, side, reason: afterGaps.get(subtype) ?? reason, subtype } : { type, side, reason: afterGaps.get(subtype) ?? reason });
        }
        for (const [subtype, reason] of afterGaps) {
            if (!beforeGaps.has(subtype))
                unavailable.push(subtype ? { type, side: 'target', reason, subtype } : { type, side: 'target', reason });
        }
        const beforeSubtypes = subtypeMap(before);
        const afterSubtypes = subtypeMap(after);
        const names = [...new Set([...beforeSubtypes.keys(), ...afterSubtypes.keys()])];
        for (const name of names) {
            const oldData = beforeSubtypes.get(name)?.data ?? {};
            const newData = afterSubtypes.get(name)?.data ?? {};
            const keys = new Set([...Object.keys(oldData), ...Object.keys(newData)]);
            for (const key of keys) {
                if (isVolatileReading(type, key)) {
                    ignored++;
                    continue;
                }
                const inOld = Object.prototype.hasOwnProperty.call(oldData, key);
                const inNew = Object.prototype.hasOwnProperty.call(newData, key);
                const path = `${type}.${name}.${key}`;
                if (!inOld) {
                    changes.push({ kind: 'added', severity: 'info', path, type, subtype: name, key, target: (0,constraints/* readingText */.e4)(newData[key] ?? null) });
                }
                else if (!inNew) {
                    changes.push({ kind: 'removed', severity: 'info', path, type, subtype: name, key, baseline: (0,constraints/* readingText */.e4)(oldData[key] ?? null) });
                }
                else if (comparableText(type, key, oldData[key]) !== comparableText(type, key, newData[key])) {
                    changes.push({ kind: 'modified', severity: 'info', path, type, subtype: name, key, baseline: (0,constraints/* readingText */.e4)(oldData[key] ?? null), target: (0,constraints/* readingText */.e4)(newData[key] ?? null) });
                }
            }
        }
    }
    changes.sort((a, b) => (0,serialize/* compareStrings */.Kt)(a.path, b.path));
    const count = (kind) => changes.filter((c) => c.kind === kind).length;
    const result = {
        changes,
        summary: { added: count('added'), removed: count('removed'), modified: count('modified'), total: changes.length },
        ignored,
        unavailable,
    };
    if (options.baselineSource !== undefined)
        result.baselineSource = options.baselineSource;
    if (options.targetSource !== undefined)
        result.targetSource = options.targetSource;
    return orderedDiff(result);
}
/** The diff with its fields in a fixed order for serialization. */
function orderedDiff(diff) {
    const out = {};
    if (diff.baselineSource !== undefined)
        out.baselineSource = diff.baselineSource;
    if (diff.targetSource !== undefined)
        out.targetSource = diff.targetSource;
    out.changes = diff.changes.map((c) => {
        const change = { kind: c.kind, severity: c.severity, path: c.path, type: c.type, subtype: c.subtype, key: c.key };
        if (c.baseline !== undefined)
            change.baseline = c.baseline;
        if (c.target !== undefined)
            change.target = c.target;
        return change;
    });
    out.summary = diff.summary;
    out.ignored = diff.ignored;
    out.unavailable = diff.unavailable;
    return out;
}
function hasDrift(diff) {
    return diff.summary.total > 0;
}
/** Upstream's human table: a count line, KIND/PATH/BASELINE/TARGET rows, then the verdict. */
function formatDiffTable(diff) {
    const lines = [];
    if (diff.changes.length === 0) {
        lines.push('NO CHANGES');
    }
    else {
        lines.push(`CHANGES (${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified)`);
        lines.push((0,core_format/* formatColumns */.jB)(['KIND', 'PATH', 'BASELINE', 'TARGET'], diff.changes.map((c) => [c.kind.toUpperCase(), c.path, c.baseline || '-', c.target || '-'])).trimEnd());
    }
    for (const note of diff.unavailable) {
        const where = note.side === 'both' ? 'unavailable in both (not compared)' : `unavailable in ${note.side}`;
        lines.push(`${where}: ${note.type}${note.subtype ? `.${note.subtype}` : ''}: ${note.reason}`);
    }
    lines.push('', hasDrift(diff) ? 'DRIFT DETECTED' : 'NO DRIFT');
    return lines.join('\n') + '\n';
}
/** The diff in an output format: yaml and json carry the whole result, table is upstream's layout. */
function renderDiff(diff, format) {
    if (format === 'json')
        return (0,serialize/* toJson */.aB)(diff);
    if (format === 'table')
        return formatDiffTable(diff);
    return (0,serialize/* toYaml */.fE)(diff);
}
const TYPE_NAMES = [...render/* MEASUREMENT_ORDER */.G_];
const SOURCE_ALIASES = { k8s: 'K8s', systemd: 'SystemD', os: 'OS', gpu: 'GPU', topology: 'NodeTopology' };
/**
 * Measurement types from `--type` values: comma-separated, case-insensitive type names
 * (`K8s`, `NodeTopology`) or source names (`topology`). `input` names the flag or action input.
 */
function parseMeasurementTypes(values, input = '--type') {
    const out = [];
    for (const raw of values.flatMap((v) => v.split(','))) {
        const word = raw.trim();
        if (!word)
            continue;
        const lower = word.toLowerCase();
        const type = TYPE_NAMES.find((t) => t.toLowerCase() === lower) ?? SOURCE_ALIASES[lower];
        if (!type)
            throw (0,errors/* invalidInput */.aY)(`${input}: unknown measurement type "${word}"`, { hint: `use a comma-separated list of: ${TYPE_NAMES.join(', ')}` });
        if (!out.includes(type))
            out.push(type);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/cli/commands/diff.ts





const diff_TYPE_NAMES = [...snapshot/* MEASUREMENT_ORDER */.G_];
const command = {
    spec: {
        name: 'diff',
        summary: 'Compare two snapshots and report drift: readings added, removed or modified.',
        usage: 'aicr diff --baseline <file|cm://ns/name> --target <file|cm://ns/name> [--fail-on-drift] [--type K8s,GPU,…] [--format yaml|json|table] [--output F]',
        flags: [
            { name: 'baseline', aliases: ['-b'], type: 'string', value: '<file|url|cm://ns/name|->', description: 'the reference snapshot' },
            { name: 'target', type: 'string', value: '<file|url|cm://ns/name|->', description: 'the snapshot compared against the baseline' },
            { name: 'fail-on-drift', type: 'boolean', description: `exit ${errors/* ExitCode */.yU.DriftDetected} when any reading differs` },
            { name: 'type', type: 'list', value: '<types>', description: `compare only these measurement types: ${diff_TYPE_NAMES.join(', ')} (comma-separated)` },
            { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'output format: yaml, json or table', default: 'yaml' },
            { name: 'output', aliases: ['-o'], type: 'string', value: '<file|->', description: 'where to write the result (default: stdout)' },
            { name: 'kubeconfig', aliases: ['-k'], type: 'string', value: '<file>', description: 'kubeconfig for cm:// snapshots', env: 'KUBECONFIG' },
        ],
        examples: [
            'aicr diff --baseline before.yaml --target after.yaml',
            'aicr diff -b cm://gpu-ops/baseline --target cm://gpu-ops/aicr-snapshot --format table --fail-on-drift',
            'aicr diff -b golden.yaml --target node.yaml --type GPU,OS --format json',
        ],
    },
    async run({ flags }, context) {
        const format = (0,core_format/* parseOutputFormat */.uH)(String(flags.format));
        const baseline = typeof flags.baseline === 'string' ? flags.baseline : undefined;
        const target = typeof flags.target === 'string' ? flags.target : undefined;
        if (!baseline)
            throw (0,errors/* invalidInput */.aY)('--baseline is required', { hint: 'aicr diff --baseline <snapshot> --target <snapshot>' });
        if (!target)
            throw (0,errors/* invalidInput */.aY)('--target is required', { hint: 'aicr diff --baseline <snapshot> --target <snapshot>' });
        if (baseline === '-' && target === '-')
            throw (0,errors/* invalidInput */.aY)('--baseline and --target cannot both read stdin', { hint: 'pass at least one of them as a file or cm:// location' });
        const types = parseMeasurementTypes(flags.type ?? []);
        const outputText = typeof flags.output === 'string' ? flags.output.trim() : '';
        const output = outputText && outputText !== '-' ? (0,io/* parseLocation */.zS)(outputText, '--output') : undefined;
        if (output && output.kind !== 'file')
            throw (0,errors/* invalidInput */.aY)(`--output: a diff can only be written to a file or stdout, not ${output.text}`, { hint: 'pass a file path or -' });
        const kubeconfig = typeof flags.kubeconfig === 'string' ? { kubeconfig: flags.kubeconfig } : {};
        const [before, after] = await Promise.all([
            (0,snapshot/* readSnapshot */.RA)(baseline, { input: '--baseline', stdin: context.stdin, ...kubeconfig }),
            (0,snapshot/* readSnapshot */.RA)(target, { input: '--target', stdin: context.stdin, ...kubeconfig }),
        ]);
        // Origins, not the raw flags: a URL's credentials never reach the output.
        const diff = diffSnapshots(before.snapshot, after.snapshot, { types, baselineSource: before.origin, targetSource: after.origin });
        context.logger.info(`snapshot diff: ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified (${diff.ignored} volatile readings ignored)`);
        const text = renderDiff(diff, format);
        if (output)
            await (0,io/* writeLocation */.rW)(output, text, { input: '--output' });
        else
            await (0,io/* writeLocation */.rW)({ kind: 'stdio', text: '-' }, text, { stdout: context.stdout });
        if (flags['fail-on-drift'] === true && hasDrift(diff)) {
            context.logger.error(`drift detected: ${diff.summary.total} change(s) found`);
            return errors/* ExitCode */.yU.DriftDetected;
        }
        return 0;
    },
};


/***/ })

};
