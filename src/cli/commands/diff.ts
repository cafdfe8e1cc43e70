import { invalidInput } from '../../core/errors.js';
import { claimOutputs, parseLocation, writeLocation } from '../../core/io.js';
import { optionRef } from '../../core/option-refs.js';
import { diffBundles } from '../../core/changes/bundle.js';
import { loadComparable, type Comparable } from '../../core/changes/compare.js';
import { diffRecipes } from '../../core/changes/plan.js';
import { renderPlan } from '../../core/changes/render.js';
import { diffSnapshots, formatDiffMarkdown, hasDrift, parseMeasurementTypes, renderDiff } from '../../core/snapshot/diff.js';
import { DIFF_OPTIONS } from '../../core/snapshot/options.js';
import { ExitCode } from '../../core/errors.js';
import { writeOptionsFor } from '../../core/step.js';
import { defineCommand } from '../context.js';

const SUBJECT_NAMES: Record<Comparable['subject'], string> = { snapshot: 'a snapshot', recipe: 'a recipe', bundle: 'a bundle folder' };

export const command = defineCommand({
  name: 'diff',
  summary: 'Compare two snapshots (drift), two recipes or two bundle folders (a change plan for a pull request).',
  usage: 'aicr diff --baseline <file|cm://ns/name|dir> --target <file|cm://ns/name|dir> [--fail-on-drift] [--type K8s,GPU,…] [--format yaml|json|text|markdown] [--output F]',
  options: DIFF_OPTIONS,
  examples: [
    'aicr diff --baseline before.yaml --target after.yaml',
    'aicr diff -b cm://gpu-ops/baseline --target cm://gpu-ops/aicr-snapshot --format table --fail-on-drift',
    'aicr diff -b golden.yaml --target node.yaml --type GPU,OS --format json',
    'aicr diff -b main/recipe.yaml --target recipe.yaml --format markdown',
    'aicr diff -b main/clusters/prod --target clusters/prod',
  ],
  async run(values, context) {
    if (values.baseline === '-' && values.target === '-') throw invalidInput(`${optionRef('baseline')} and ${optionRef('target')} cannot both read standard input`, { hint: 'pass at least one of them as a file or cm:// location' });
    const types = parseMeasurementTypes(values.type, 'type');
    const output = parseLocation(values.output, 'output');
    if (output.kind !== 'file' && output.kind !== 'stdio') throw invalidInput(`${optionRef('output')}: a diff can only be written to a file or standard output, not ${output.text}`, { hint: 'pass a file path or -' });
    const io = { ...context, stdin: context.stdin };
    const claim = (await claimOutputs([output]))(output);
    // Both are read at once; when both fail, the baseline's error is the one reported, every run.
    const [baselineRead, targetRead] = await Promise.allSettled([
      loadComparable(values.baseline, 'baseline', io, values.kubeconfig),
      loadComparable(values.target, 'target', io, values.kubeconfig),
    ]);
    if (baselineRead.status === 'rejected') throw baselineRead.reason;
    if (targetRead.status === 'rejected') throw targetRead.reason;
    const [before, after] = [baselineRead.value, targetRead.value];
    if (before.subject !== after.subject) {
      throw invalidInput(`${optionRef('baseline')} is ${SUBJECT_NAMES[before.subject]} but ${optionRef('target')} is ${SUBJECT_NAMES[after.subject]}: only two of the same kind can be compared`, {
        hint: 'compare two snapshots, two recipes, or two bundle folders',
      });
    }
    let text: string;
    let total: number;
    if (before.subject === 'snapshot' && after.subject === 'snapshot') {
      // Origins, not the raw options: a URL's credentials never reach the output.
      const diff = diffSnapshots(before.loaded.document, after.loaded.document, { types, baselineSource: before.loaded.origin, targetSource: after.loaded.origin });
      context.logger.info(`snapshot diff: ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified (${diff.ignored} volatile readings ignored)`);
      const format = values.format ?? 'yaml';
      text = format === 'markdown' ? formatDiffMarkdown(diff) : renderDiff(diff, format === 'text' ? 'table' : format);
      total = hasDrift(diff) ? diff.summary.total : 0;
    } else {
      if (types.length > 0) throw invalidInput(`${optionRef('type')} selects snapshot measurements; it does not apply to ${before.subject}s`, { hint: `leave ${optionRef('type')} out`, option: 'type' });
      const plan = before.subject === 'bundle' && after.subject === 'bundle'
        ? diffBundles(before.bundle, after.bundle)
        : before.subject === 'recipe' && after.subject === 'recipe'
          ? diffRecipes(before.loaded.document, after.loaded.document, { baselineSource: before.loaded.origin, targetSource: after.loaded.origin })
          : undefined;
      if (!plan) throw new Error('unreachable: the subjects were checked above');
      context.logger.info(`${plan.subject} diff: ${plan.summary.total} change(s)`);
      const format = values.format ?? 'text';
      text = renderPlan(plan, format === 'table' ? 'text' : format);
      total = plan.summary.total;
    }
    await writeLocation(output, text, { input: 'output', stdout: context.stdout, ...writeOptionsFor(io, undefined), ...(claim ? { claim } : {}) });
    if (values.failOnDrift && total > 0) {
      context.logger.error(`drift detected: ${total} change(s) found`);
      return ExitCode.DriftDetected;
    }
    return 0;
  },
});
