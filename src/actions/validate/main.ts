/**
 * `actions/validate`: check a recipe's constraints against a snapshot, write the CTRF and JUnit
 * reports, annotate the recipe at each failed (error) and skipped (warning) constraint, and
 * write one job summary.
 */
import { join } from 'node:path';
import * as core from '@actions/core';
import { ExitCode } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/io.js';
import { toJson } from '../../core/serialize.js';
import { relativeTo, runValidation, toCtrf, toJunitXml, type ConstraintResult, type PathMapper, type ValidationReport } from '../../core/validate/index.js';
import { runAction } from '../../github/run.js';
import { cell, summaryAvailable } from '../../github/summary.js';
import { getInputs, Inputs } from './inputs.js';

/** Annotations per kind before the rest is summed up (GitHub shows only a few per step anyway). */
const MAX_ANNOTATIONS = 50;
/** Constraint rows in the summary table; the full list is in the report. */
const MAX_SUMMARY_ROWS = 200;
/** Largest CTRF text embedded in the summary (the whole summary may not exceed 1 MiB). */
const MAX_EMBEDDED_REPORT = 64 * 1024;

export const CTRF_FILE = 'ctrf-report.json';
export const JUNIT_FILE = 'junit.xml';

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const { report } = await runValidation({ recipe: inputs.recipe, snapshot: inputs.snapshot, phases: inputs.phases });
    for (const note of report.notes) core.warning(note);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const paths = relativeTo(workspace);
    const ctrfPath = join(inputs.reportDir, CTRF_FILE);
    const ctrfText = toJson(toCtrf(report, { paths }));
    writeFileAtomic(ctrfPath, ctrfText, `input "${Inputs.ReportDir}"`);
    writeFileAtomic(join(inputs.reportDir, JUNIT_FILE), toJunitXml(report, { paths }), `input "${Inputs.ReportDir}"`);

    core.setOutput('status', report.status);
    core.setOutput('passed', String(report.summary.passed));
    core.setOutput('failed', String(report.summary.failed));
    core.setOutput('skipped', String(report.summary.skipped));
    core.setOutput('report-path', ctrfPath);

    if (inputs.annotations) annotate(report, paths);
    const { summary } = report;
    core.info(`validate: ${report.status} (${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped of ${summary.constraints} constraints); report: ${ctrfPath}`);
    if (inputs.summary && summaryAvailable()) await writeSummary(report, ctrfText, ctrfPath);
    if (summary.failed > 0 && inputs.failOnError) {
      core.error(`validation failed: ${summary.failed} of ${summary.constraints} constraints failed (exit code ${ExitCode.ConstraintsFailed}; set ${Inputs.FailOnError}: false to report without failing)`);
      return ExitCode.ConstraintsFailed;
    }
    return ExitCode.Success;
  });
}

/** Where an annotation points: only files can be annotated (not URLs, cm:// or stdin). */
function properties(result: ConstraintResult, paths: PathMapper): core.AnnotationProperties {
  const props: core.AnnotationProperties = { title: result.name };
  const file = result.location.file;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(file) && file !== '<stdin>' && !file.startsWith('cm://')) {
    props.file = paths(file);
    if (result.location.line !== undefined) props.startLine = result.location.line;
  }
  return props;
}

function annotate(report: ValidationReport, paths: PathMapper): void {
  const failed = report.constraints.filter((r) => r.status === 'failed');
  const skipped = report.constraints.filter((r) => r.status === 'skipped');
  for (const result of failed.slice(0, MAX_ANNOTATIONS)) {
    const remedy = result.remediation ? ` (${result.remediation})` : '';
    core.error(`${result.message}${remedy}`, properties(result, paths));
  }
  for (const result of skipped.slice(0, MAX_ANNOTATIONS)) core.warning(`skipped: ${result.message}`, properties(result, paths));
  const more = Math.max(0, failed.length - MAX_ANNOTATIONS) + Math.max(0, skipped.length - MAX_ANNOTATIONS);
  if (more > 0) core.notice(`${more} more failed or skipped constraints are not annotated; see the report`);
}

const STATUS_ICON: Record<string, string> = { passed: '✅ passed', failed: '❌ failed', skipped: '⚠️ skipped', pass: '✅ pass', fail: '❌ fail', partial: '⚠️ partial' };

async function writeSummary(report: ValidationReport, ctrfText: string, ctrfPath: string): Promise<void> {
  const { summary: counts } = report;
  const summary = core.summary.addHeading('AICR validate', 2);
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
  if (report.phases.length) {
    summary.addHeading('Live phases', 3);
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
  await summary.write();
}
