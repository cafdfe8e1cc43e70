import { invalidInput } from '../../core/errors.js';
import { loadDocument } from '../../core/load.js';
import { claimOutputs, parseLocation, writeLocation } from '../../core/io.js';
import { optionRef } from '../../core/option-refs.js';
import { diffSnapshots, hasDrift, parseMeasurementTypes, renderDiff } from '../../core/snapshot/diff.js';
import { DIFF_OPTIONS } from '../../core/snapshot/options.js';
import { ExitCode } from '../../core/errors.js';
import { readOptionsFor, writeOptionsFor } from '../../core/step.js';
import { defineCommand } from '../context.js';

export const command = defineCommand({
  name: 'diff',
  summary: 'Compare two snapshots and report drift: readings added, removed or modified.',
  usage: 'aicr diff --baseline <file|cm://ns/name> --target <file|cm://ns/name> [--fail-on-drift] [--type K8s,GPU,…] [--format yaml|json|table] [--output F]',
  options: DIFF_OPTIONS,
  examples: [
    'aicr diff --baseline before.yaml --target after.yaml',
    'aicr diff -b cm://gpu-ops/baseline --target cm://gpu-ops/aicr-snapshot --format table --fail-on-drift',
    'aicr diff -b golden.yaml --target node.yaml --type GPU,OS --format json',
  ],
  async run(values, context) {
    if (values.baseline === '-' && values.target === '-') throw invalidInput(`${optionRef('baseline')} and ${optionRef('target')} cannot both read standard input`, { hint: 'pass at least one of them as a file or cm:// location' });
    const types = parseMeasurementTypes(values.type, 'type');
    const output = parseLocation(values.output, 'output');
    if (output.kind !== 'file' && output.kind !== 'stdio') throw invalidInput(`${optionRef('output')}: a diff can only be written to a file or standard output, not ${output.text}`, { hint: 'pass a file path or -' });
    const io = { ...context, stdin: context.stdin };
    const claim = (await claimOutputs([output]))(output);
    const [before, after] = await Promise.all([
      loadDocument('Snapshot', values.baseline, readOptionsFor('baseline', io, values.kubeconfig)),
      loadDocument('Snapshot', values.target, readOptionsFor('target', io, values.kubeconfig)),
    ]);
    // Origins, not the raw options: a URL's credentials never reach the output.
    const diff = diffSnapshots(before.document, after.document, { types, baselineSource: before.origin, targetSource: after.origin });
    context.logger.info(`snapshot diff: ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified (${diff.ignored} volatile readings ignored)`);
    await writeLocation(output, renderDiff(diff, values.format), { input: 'output', stdout: context.stdout, ...writeOptionsFor(io, undefined), ...(claim ? { claim } : {}) });
    if (values.failOnDrift && hasDrift(diff)) {
      context.logger.error(`drift detected: ${diff.summary.total} change(s) found`);
      return ExitCode.DriftDetected;
    }
    return 0;
  },
});
