/**
 * `actions/snapshot`: measure the runner's node (or, with `agent: true`, a cluster node through
 * the one-shot agent Job), write the snapshot, optionally compare it with a baseline, and report
 * what was measured, what was unavailable and what drifted.
 */
import * as core from '@actions/core';
import { info } from '../../github/logger.js';
import { AicrError, ErrorCode, ExitCode } from '../../core/errors.js';
import { readingText } from '../../core/constraints/index.js';
import type { Snapshot } from '../../core/documents/types.js';
import { parseLocation, writeLocation, type WriteOptions } from '../../core/io.js';
import { diffSnapshots, hasDrift, type SnapshotDiff } from '../../core/snapshot/diff.js';
import { readSnapshot, renderSnapshot, subtypeName, takeSnapshot, type SnapshotRun } from '../../core/snapshot/index.js';
import { githubLogger } from '../../github/logger.js';
import { runAction } from '../../github/run.js';
import { cell, summaryAvailable } from '../../github/summary.js';
import { getInputs, type SnapshotInputs } from './inputs.js';

/** Most drift annotations per run (GitHub shows only a handful per step anyway). */
const MAX_DRIFT_ANNOTATIONS = 20;
/** Most drift rows in the job summary; the rest is counted. */
const MAX_DRIFT_ROWS = 200;

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const logger = githubLogger();
    const kubeconfig = inputs.request.kubeconfig ? { kubeconfig: inputs.request.kubeconfig } : {};
    // The baseline is read before anything is written: the output may be the baseline's own path.
    const baselineRead = inputs.baseline ? await readSnapshot(inputs.baseline, { input: 'baseline', ...kubeconfig }) : undefined;
    const baseline = baselineRead?.snapshot;
    // Shown in place of the input: the origin has any URL credentials redacted.
    const baselineName = baselineRead?.origin ?? '';
    // A cancelled workflow sends SIGINT: the agent still deletes what it created.
    const interrupt = new AbortController();
    const onSignal = (name: NodeJS.Signals): void => interrupt.abort(new AicrError(ErrorCode.Internal, `interrupted by ${name}`));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let snapshotRun: SnapshotRun;
    try {
      snapshotRun = await core.group('Collect', () => takeSnapshot(inputs.request, { logger, env: process.env, signal: interrupt.signal }));
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    const output = parseLocation(inputs.output, 'output');
    const writeOptions: WriteOptions = { input: 'output', format: inputs.format, kind: 'Snapshot', ...kubeconfig };
    await writeLocation(output, renderSnapshot(snapshotRun.snapshot, inputs.format), writeOptions);
    info(`snapshot written to ${inputs.output}`);

    let diff: SnapshotDiff | undefined;
    if (baseline) {
      diff = diffSnapshots(baseline, snapshotRun.snapshot, { types: inputs.diffTypes, baselineSource: baselineName, targetSource: inputs.output });
      annotateDrift(diff, inputs);
    }
    setOutputs(snapshotRun, inputs, output.kind === 'configmap', diff);
    if (inputs.summary && summaryAvailable()) await writeSummary(snapshotRun, inputs, diff);
    if (diff && inputs.failOnDrift && hasDrift(diff)) {
      core.error(`drift detected: ${diff.summary.total} change(s) against ${baselineName}`, { title: 'aicr snapshot' });
      return ExitCode.DriftDetected;
    }
    return 0;
  });
}

/** A reading's canonical text, or '' when the snapshot does not have it. */
function reading(snapshot: Snapshot, type: string, subtype: string, key: string): string {
  const measurement = snapshot.measurements.find((m) => m?.type === type);
  const data = measurement?.subtypes?.find((s) => subtypeName(s) === subtype)?.data;
  return data && Object.prototype.hasOwnProperty.call(data, key) ? readingText(data[key]) : '';
}

function setOutputs(run: SnapshotRun, inputs: SnapshotInputs, inConfigMap: boolean, diff: SnapshotDiff | undefined): void {
  core.setOutput('snapshot-path', inputs.output);
  core.setOutput('configmap', inConfigMap ? inputs.output : '');
  // Empty, not 0, when nvidia-smi could not be asked: an unknown count is not zero GPUs.
  core.setOutput('gpu-count', reading(run.snapshot, 'GPU', 'smi', 'gpu-count'));
  core.setOutput('k8s-version', reading(run.snapshot, 'K8s', 'server', 'version'));
  core.setOutput('unavailable', run.sources.filter((s) => s.status === 'unavailable').map((s) => s.source).join(','));
  core.setOutput('drift', diff ? String(hasDrift(diff)) : '');
}

function annotateDrift(diff: SnapshotDiff, inputs: SnapshotInputs): void {
  const annotate = inputs.failOnDrift ? core.error : core.warning;
  for (const change of diff.changes.slice(0, MAX_DRIFT_ANNOTATIONS)) {
    const text = change.kind === 'modified' ? `${change.baseline} → ${change.target}`
      : change.kind === 'added' ? `added: ${change.target}` : `removed (was ${change.baseline})`;
    annotate(`${change.path}: ${text}`, { title: `snapshot drift (${change.kind})` });
  }
  if (diff.changes.length > MAX_DRIFT_ANNOTATIONS) {
    core.notice(`${diff.changes.length - MAX_DRIFT_ANNOTATIONS} more drifted readings are listed in the job summary`, { title: 'snapshot drift' });
  }
  if (!hasDrift(diff)) core.notice(`no drift against ${diff.baselineSource} (${diff.ignored} volatile readings ignored)`, { title: 'snapshot drift' });
}

async function writeSummary(run: SnapshotRun, inputs: SnapshotInputs, diff: SnapshotDiff | undefined): Promise<void> {
  const { snapshot } = run;
  const summary = core.summary.addHeading('AICR snapshot', 2);
  const facts: Array<[string, string]> = [
    ['mode', run.mode === 'agent' ? `agent Job (read from ${run.origin ?? 'its ConfigMap'})` : 'local (this runner)'],
    ['node', snapshot.metadata?.['source-node'] || '—'],
    ['snapshot', inputs.output],
  ];
  const gpuCount = reading(snapshot, 'GPU', 'smi', 'gpu-count');
  if (gpuCount) facts.push(['GPUs', `${gpuCount} × ${reading(snapshot, 'GPU', 'smi', 'gpu.model') || 'unknown model'}`], ['driver / CUDA', `${reading(snapshot, 'GPU', 'smi', 'driver') || '—'} / ${reading(snapshot, 'GPU', 'smi', 'cuda-version') || '—'}`]);
  const k8s = reading(snapshot, 'K8s', 'server', 'version');
  if (k8s) facts.push(['Kubernetes', k8s]);
  const os = reading(snapshot, 'OS', 'release', 'PRETTY_NAME');
  if (os) facts.push(['OS', os]);
  summary.addTable([
    [{ data: 'fact', header: true }, { data: 'value', header: true }],
    ...facts.map(([name, value]) => [name, cell(value)]),
  ]);
  summary.addHeading('Sources', 3);
  summary.addTable([
    [{ data: 'source', header: true }, { data: 'status', header: true }, { data: 'readings', header: true }, { data: 'unavailable because', header: true }],
    ...run.sources.map((source) => [
      cell(source.type),
      source.status === 'collected' ? '✅ measured' : source.status === 'partial' ? '⚠️ partly measured' : '⛔ unavailable',
      String(source.readings),
      cell(source.reason ?? ''),
    ]),
  ]);
  if (diff) {
    summary.addHeading(`Drift against ${cell(diff.baselineSource ?? 'the baseline')}`, 3);
    summary.addRaw(`**${hasDrift(diff) ? 'Drift detected' : 'No drift'}**: ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified (${diff.ignored} volatile readings ignored)\n\n`);
    if (diff.changes.length) {
      summary.addTable([
        [{ data: 'change', header: true }, { data: 'reading', header: true }, { data: 'baseline', header: true }, { data: 'now', header: true }],
        ...diff.changes.slice(0, MAX_DRIFT_ROWS).map((c) => [c.kind, `<code>${cell(c.path)}</code>`, cell(c.baseline ?? '—'), cell(c.target ?? '—')]),
      ]);
      if (diff.changes.length > MAX_DRIFT_ROWS) summary.addRaw(`\n… and ${diff.changes.length - MAX_DRIFT_ROWS} more (run \`aicr diff\` for the full list)\n\n`);
    }
    for (const note of diff.unavailable) {
      summary.addRaw(`- ${note.side === 'both' ? 'not compared (unavailable in both)' : `unavailable in ${note.side}`}: ${cell(note.type)}${note.subtype ? `.${cell(note.subtype)}` : ''}: ${cell(note.reason)}\n`);
    }
  }
  await summary.write();
}
