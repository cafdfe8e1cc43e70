/** GitHub rendering of the validate stage: annotations at constraint lines and the summary section. */
import * as core from '@actions/core';
import type { ConstraintResult, PathMapper, ReportedLiveCheck, ValidationReport } from '../core/validate/index.js';
import { githubProperties, githubText } from './logger.js';
import { cell, type Summary } from './summary.js';

/** Annotations per kind before the rest is summed up (GitHub shows only a few per step anyway). */
const MAX_ANNOTATIONS = 50;
/** Constraint rows in the summary table; the full list is in the report. */
const MAX_SUMMARY_ROWS = 200;
/** Largest CTRF text embedded in the summary (the whole summary may not exceed 1 MiB). */
const MAX_EMBEDDED_REPORT = 64 * 1024;

/** Where an annotation points: only files can be annotated (not URLs, cm:// or stdin). */
function properties(result: ConstraintResult | ReportedLiveCheck, paths: PathMapper): core.AnnotationProperties {
  const props: core.AnnotationProperties = { title: result.phase === 'readiness' ? result.name : `${result.phase}: ${result.name}` };
  const file = result.location.file;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(file) && file !== '<stdin>' && !file.startsWith('cm://')) {
    props.file = paths(file);
    if (result.location.line !== undefined) props.startLine = result.location.line;
  }
  return props;
}

/** An error annotation per failed constraint and a warning per skipped one, at the recipe line. */
export function annotateValidation(report: ValidationReport, paths: PathMapper): void {
  const failed = report.constraints.filter((r) => r.status === 'failed');
  const skipped = report.constraints.filter((r) => r.status === 'skipped');
  for (const result of failed.slice(0, MAX_ANNOTATIONS)) {
    const remedy = result.remediation ? ` (${result.remediation})` : '';
    core.error(githubText(`${result.message}${remedy}`), githubProperties(properties(result, paths)));
  }
  for (const result of skipped.slice(0, MAX_ANNOTATIONS)) core.warning(githubText(`skipped: ${result.message}`), githubProperties(properties(result, paths)));
  const broken = report.live.filter((c) => c.status === 'failed' || c.status === 'error');
  for (const check of broken.slice(0, MAX_ANNOTATIONS)) {
    const prefix = check.status === 'error' ? 'could not be evaluated: ' : '';
    core.error(githubText(`${prefix}${check.message}`), githubProperties(properties(check, paths)));
  }
  const liveSkipped = report.live.filter((c) => c.status === 'skipped');
  for (const check of liveSkipped.slice(0, MAX_ANNOTATIONS)) core.notice(githubText(`skipped: ${check.message}`), githubProperties(properties(check, paths)));
  const more = [failed, skipped, broken, liveSkipped].reduce((sum, list) => sum + Math.max(0, list.length - MAX_ANNOTATIONS), 0);
  if (more > 0) core.notice(`${more} more failed or skipped constraints and checks are not annotated; see the report`);
}

const STATUS_ICON: Record<string, string> = { passed: '✅ passed', failed: '❌ failed', skipped: '⚠️ skipped', pass: '✅ pass', fail: '❌ fail', partial: '⚠️ partial' };

/** Status, counts, the constraint table, the live phases and the CTRF report in a details block. */
export function addValidationSummary(summary: Summary, report: ValidationReport, ctrfText: string, ctrfPath: string): void {
  const { summary: counts } = report;
  summary.addHeading('AICR validate', 2);
  summary.addRaw(`\n**Status:** ${STATUS_ICON[report.status]} &nbsp; **Recipe:** \`${cell(report.recipe)}\` &nbsp; **Snapshot:** \`${cell(report.snapshot)}\`\n\n`);
  summary.addTable([
    [{ data: 'constraints', header: true }, { data: 'passed', header: true }, { data: 'failed', header: true }, { data: 'skipped', header: true }],
    [String(counts.constraints), String(counts.passed), String(counts.failed), String(counts.skipped)],
  ]);
  for (const note of report.notes) summary.addRaw(`\n> ${cell(note)}\n`);
  if (report.constraints.length) {
    summary.addHeading('Readiness constraints', 3);
    const rows = report.constraints.slice(0, MAX_SUMMARY_ROWS).map((r) => [
      `<code>${cell(r.name)}</code>`,
      `<code>${cell(r.expected)}</code>`,
      r.actual === undefined ? '—' : `<code>${cell(r.actual)}</code>`,
      r.status === 'passed' ? STATUS_ICON.passed! : `${STATUS_ICON[r.status]}: ${cell(r.message)}`,
    ]);
    summary.addTable([[{ data: 'constraint', header: true }, { data: 'expected', header: true }, { data: 'actual', header: true }, { data: 'status', header: true }], ...rows]);
    if (report.constraints.length > MAX_SUMMARY_ROWS) summary.addRaw(`\n${report.constraints.length - MAX_SUMMARY_ROWS} more constraints are in the report.\n`);
  }
  if (report.live.length) {
    const { liveSummary: live } = report;
    summary.addHeading('Live checks', 3);
    summary.addRaw(`\n${live.checks} checks: ${live.passed} passed, ${live.failed} failed, ${live.skipped} skipped\n\n`);
    const icon = (c: ReportedLiveCheck) => (c.status === 'error' ? '❌ error' : STATUS_ICON[c.status]!);
    const rows = report.live.slice(0, MAX_SUMMARY_ROWS).map((c) => [
      c.phase,
      `<code>${cell(c.name)}</code>`,
      c.status === 'passed' ? `${icon(c)}: ${cell(c.message)}` : `${icon(c)}: ${cell(c.message)}${c.details?.length ? `<br>${c.details.slice(0, 5).map((d) => cell(d)).join('<br>')}` : ''}`,
      `${(c.durationMs / 1000).toFixed(1)}s`,
    ]);
    summary.addTable([[{ data: 'phase', header: true }, { data: 'check', header: true }, { data: 'result', header: true }, { data: 'time', header: true }], ...rows]);
    if (report.live.length > MAX_SUMMARY_ROWS) summary.addRaw(`\n${report.live.length - MAX_SUMMARY_ROWS} more checks are in the report.\n`);
  }
  if (report.phases.length) {
    summary.addHeading(report.live.length ? 'Live phases not run' : 'Live phases', 3);
    summary.addTable([
      [{ data: 'phase', header: true }, { data: 'checks', header: true }, { data: 'status', header: true }],
      ...report.phases.map((p) => [p.phase, p.checks.length ? p.checks.map((c) => `<code>${cell(c)}</code>`).join(', ') : '—', `${STATUS_ICON.skipped}: ${cell(p.reason)}`]),
    ]);
  }
  if (ctrfText.length <= MAX_EMBEDDED_REPORT) {
    summary.addDetails(`CTRF report (${cell(ctrfPath)})`, `\n\n\`\`\`json\n${ctrfText.replaceAll('```', '`\u200b``')}\`\`\`\n\n`);
  } else {
    summary.addRaw(`\nThe CTRF report (${ctrfText.length} bytes) is too large to show here: \`${cell(ctrfPath)}\`.\n`);
  }
}
