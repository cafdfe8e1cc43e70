/** GitHub rendering of the snapshot stage: the job-summary section (facts, sources, drift). */
import { hasDrift } from '../core/snapshot/diff.js';
import { reading, type SnapshotStepResult } from '../core/snapshot/step.js';
import { cell, type Summary } from './summary.js';

/** Most drift rows in the job summary; the rest is counted. */
const MAX_DRIFT_ROWS = 200;

export function addSnapshotSummary(summary: Summary, result: SnapshotStepResult): void {
  const { run, diff } = result;
  const { snapshot } = run;
  summary.addHeading('AICR snapshot', 2);
  const facts: Array<[string, string]> = [
    ['mode', run.mode === 'agent' ? `agent Job (read from ${run.origin ?? 'its ConfigMap'})` : 'local (this runner)'],
    ['node', snapshot.metadata?.['source-node'] || '—'],
    ['snapshot', result.output],
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
  if (!diff) return;
  summary.addHeading(`Drift against ${cell(diff.baselineSource ?? 'the baseline')}`, 3);
  summary.addRaw(`**${hasDrift(diff) ? 'Drift detected' : 'No drift'}**: ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified (${diff.ignored} volatile readings ignored)\n\n`);
  if (diff.changes.length) {
    summary.addTable([
      [{ data: 'change', header: true }, { data: 'reading', header: true }, { data: 'baseline', header: true }, { data: 'now', header: true }],
      ...diff.changes.slice(0, MAX_DRIFT_ROWS).map((c) => [c.kind, `<code>${cell(c.path)}</code>`, cell(c.baseline ?? '—'), cell(c.target ?? '—')]),
    ]);
    if (diff.changes.length > MAX_DRIFT_ROWS) summary.addRaw(`\n… and ${diff.changes.length - MAX_DRIFT_ROWS} more (run \`aicr diff\` for the full list)\n\n`);
  }
  if (result.recipeDrift) {
    summary.addHeading('Recipe drift', 4);
    if (result.recipeDrift.length === 0) summary.addRaw('Every constraint that passed on the baseline still passes.\n\n');
    else {
      summary.addTable([
        [{ data: 'constraint', header: true }, { data: 'expected', header: true }, { data: 'baseline', header: true }, { data: 'now', header: true }],
        ...result.recipeDrift.slice(0, MAX_DRIFT_ROWS).map((r) => [`<code>${cell(r.name)}</code>`, `<code>${cell(r.expected)}</code>`, cell(r.baseline ?? '—'), `${cell(r.now ?? '—')}: ${cell(r.message)}`]),
      ]);
    }
  }
  for (const note of diff.unavailable) {
    summary.addRaw(`- ${note.side === 'both' ? 'not compared (unavailable in both)' : `unavailable in ${note.side}`}: ${cell(note.type)}${note.subtype ? `.${cell(note.subtype)}` : ''}: ${cell(note.reason)}\n`);
  }
}
