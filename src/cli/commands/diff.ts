import type { Command } from '../context.js';
import { ExitCode, invalidInput } from '../../core/errors.js';
import { parseOutputFormat } from '../../core/format.js';
import { parseLocation, writeLocation } from '../../core/io.js';
import { MEASUREMENT_ORDER, readSnapshot } from '../../core/snapshot/index.js';
import { diffSnapshots, hasDrift, parseMeasurementTypes, renderDiff } from '../../core/snapshot/diff.js';

const TYPE_NAMES = [...MEASUREMENT_ORDER];

export const command: Command = {
  spec: {
    name: 'diff',
    summary: 'Compare two snapshots and report drift: readings added, removed or modified.',
    usage: 'aicr diff --baseline <file|cm://ns/name> --target <file|cm://ns/name> [--fail-on-drift] [--type K8s,GPU,…] [--format yaml|json|table] [--output F]',
    flags: [
      { name: 'baseline', aliases: ['-b'], type: 'string', value: '<file|url|cm://ns/name|->', description: 'the reference snapshot' },
      { name: 'target', type: 'string', value: '<file|url|cm://ns/name|->', description: 'the snapshot compared against the baseline' },
      { name: 'fail-on-drift', type: 'boolean', description: `exit ${ExitCode.DriftDetected} when any reading differs` },
      { name: 'type', type: 'list', value: '<types>', description: `compare only these measurement types: ${TYPE_NAMES.join(', ')} (comma-separated)` },
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
    const format = parseOutputFormat(String(flags.format));
    const baseline = typeof flags.baseline === 'string' ? flags.baseline : undefined;
    const target = typeof flags.target === 'string' ? flags.target : undefined;
    if (!baseline) throw invalidInput('--baseline is required', { hint: 'aicr diff --baseline <snapshot> --target <snapshot>' });
    if (!target) throw invalidInput('--target is required', { hint: 'aicr diff --baseline <snapshot> --target <snapshot>' });
    if (baseline === '-' && target === '-') throw invalidInput('--baseline and --target cannot both read stdin', { hint: 'pass at least one of them as a file or cm:// location' });
    const types = parseMeasurementTypes((flags.type as string[] | undefined) ?? []);
    const outputText = typeof flags.output === 'string' ? flags.output.trim() : '';
    const output = outputText && outputText !== '-' ? parseLocation(outputText, '--output') : undefined;
    if (output && output.kind !== 'file') throw invalidInput(`--output: a diff can only be written to a file or stdout, not ${output.text}`, { hint: 'pass a file path or -' });
    const kubeconfig = typeof flags.kubeconfig === 'string' ? { kubeconfig: flags.kubeconfig } : {};
    const [before, after] = await Promise.all([
      readSnapshot(baseline, { input: '--baseline', stdin: context.stdin, ...kubeconfig }),
      readSnapshot(target, { input: '--target', stdin: context.stdin, ...kubeconfig }),
    ]);
    // Origins, not the raw flags: a URL's credentials never reach the output.
    const diff = diffSnapshots(before.snapshot, after.snapshot, { types, baselineSource: before.origin, targetSource: after.origin });
    context.logger.info(`snapshot diff: ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified (${diff.ignored} volatile readings ignored)`);
    const text = renderDiff(diff, format);
    if (output) await writeLocation(output, text, { input: '--output' });
    else await writeLocation({ kind: 'stdio', text: '-' }, text, { stdout: context.stdout });
    if (flags['fail-on-drift'] === true && hasDrift(diff)) {
      context.logger.error(`drift detected: ${diff.summary.total} change(s) found`);
      return ExitCode.DriftDetected;
    }
    return 0;
  },
};
