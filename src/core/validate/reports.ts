/**
 * Report writers: CTRF JSON (upstream's report format, always written), JUnit XML and GitLab
 * Code Quality JSON (on request), the terminal table and GitLab dotenv lines. All of them are
 * deterministic: no wall-clock time unless a timestamp is passed in.
 */
import type { CodeQualityIssue } from '../code-quality.js';
import { isAbsolute, relative, sep } from 'node:path';
import { formatColumns } from '../format.js';
import { sha256 } from '../util/lazy-builtins.js';
import { VERSION } from '../version.js';
import type { ConstraintResult, ReportedLiveCheck, ValidationReport } from './evaluate.js';

/** Turns a report file name (an origin) into the path a report consumer expects. */
export type PathMapper = (file: string) => string;

/**
 * Paths relative to `baseDir` for files inside it (GitLab and GitHub want repository-relative
 * paths); anything else (URLs, cm:// URIs, `<stdin>`, files elsewhere) unchanged.
 */
export function relativeTo(baseDir: string): PathMapper {
  return (file) => {
    if (!isAbsolute(file)) return file.split(sep).join('/').replace(/^\.\//, '');
    const rel = relative(baseDir, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
    return rel.split(sep).join('/');
  };
}

const identity: PathMapper = (file) => file;

// ---------------------------------------------------------------------------------------------
// CTRF

interface CtrfTest {
  name: string;
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'other';
  duration: number;
  suite: string[];
  message?: string;
  filePath?: string;
  line?: number;
  extra?: Record<string, unknown>;
}

export interface CtrfReport {
  reportFormat: 'CTRF';
  specVersion: string;
  timestamp?: string;
  generatedBy: string;
  results: {
    tool: { name: string; version?: string };
    summary: { tests: number; passed: number; failed: number; skipped: number; pending: number; other: number; start: number; stop: number };
    tests: CtrfTest[];
    extra: Record<string, unknown>;
  };
}

export interface CtrfOptions {
  /** Report time; without it `timestamp` is left out and `start`/`stop` are 0 (reproducible output). */
  time?: Date;
  paths?: PathMapper;
}

/**
 * The CTRF document (https://ctrf.io), shaped like upstream's `aicr validate` report: one test
 * per readiness constraint (suite `readiness`, an extension upstream allows), one per check of
 * a live phase that ran (suite: the phase; `other` for a check that could not be evaluated,
 * with its duration), and one skipped test per live phase that did not run. Our additions live in `extra` fields: expected/actual/severity per test,
 * and the overall status with the input origins on `results.extra`.
 */
export function toCtrf(report: ValidationReport, options: CtrfOptions = {}): CtrfReport {
  const paths = options.paths ?? identity;
  const tests: CtrfTest[] = report.constraints.map((result) => {
    const test: CtrfTest = { name: result.name, status: result.status, duration: 0, suite: ['readiness'] };
    if (result.status !== 'passed') test.message = result.message;
    test.filePath = paths(result.location.file);
    if (result.location.line !== undefined) test.line = result.location.line;
    const extra: Record<string, unknown> = { expected: result.expected };
    if (result.actual !== undefined) extra.actual = result.actual;
    if (result.severity) extra.severity = result.severity;
    if (result.remediation) extra.remediation = result.remediation;
    test.extra = extra;
    return test;
  });
  for (const check of report.live) {
    const test: CtrfTest = { name: check.name, status: check.status === 'error' ? 'other' : check.status, duration: check.durationMs, suite: [check.phase], message: check.message };
    test.filePath = paths(check.location.file);
    if (check.location.line !== undefined) test.line = check.location.line;
    test.extra = { ...(check.status === 'error' ? { error: true } : {}), ...(check.details?.length ? { details: check.details } : {}) };
    tests.push(test);
  }
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
  const count = (status: CtrfTest['status']) => tests.filter((test) => test.status === status).length;
  const millis = options.time ? options.time.getTime() : 0;
  const ctrf: CtrfReport = {
    reportFormat: 'CTRF',
    specVersion: '0.0.1',
    generatedBy: 'aicr',
    results: {
      tool: { name: 'aicr', version: VERSION },
      summary: { tests: tests.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), pending: 0, other: 0, start: millis, stop: millis },
      tests,
      extra: {
        status: report.status,
        constraints: report.summary,
        ...(report.live.length ? { live: report.liveSummary } : {}),
        recipe: paths(report.recipe),
        snapshot: paths(report.snapshot),
      },
    },
  };
  if (options.time) ctrf.timestamp = options.time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return ctrf;
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

// XML 1.0 cannot carry most control characters even escaped; they become U+FFFD.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
function xml(text: string): string {
  return text.replace(XML_INVALID, '\ufffd').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

function describeResult(result: ConstraintResult, path: string): string {
  const lines = [`${path}${result.location.line !== undefined ? `:${result.location.line}` : ''}: ${result.name}`, `expected: ${result.expected}`];
  if (result.actual !== undefined) lines.push(`actual: ${result.actual}`);
  if (result.status !== 'passed') lines.push(`${result.status === 'failed' ? 'failure' : 'skipped'}: ${result.message}`);
  if (result.severity) lines.push(`severity: ${result.severity}`);
  if (result.remediation) lines.push(`remediation: ${result.remediation}`);
  return lines.join('\n');
}

/**
 * JUnit XML: a `readiness` suite with one test case per constraint (failures and skips carry
 * the message; `file`/`line` point at the constraint in the recipe), a suite per live phase
 * that ran with a case per check (its time, failure, error or skip), and a suite with one
 * skipped case per live phase that did not run.
 */
export function toJunitXml(report: ValidationReport, options: { paths?: PathMapper } = {}): string {
  const paths = options.paths ?? identity;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const skippedPhases = report.phases.length;
  const count = (checks: readonly ReportedLiveCheck[], status: ReportedLiveCheck['status']) => checks.filter((c) => c.status === status).length;
  const live = report.live;
  const totalTime = seconds(live.reduce((sum, c) => sum + c.durationMs, 0));
  const totals = {
    tests: report.constraints.length + skippedPhases + live.length,
    failures: report.summary.failed + count(live, 'failed'),
    errors: count(live, 'error'),
    skipped: report.summary.skipped + skippedPhases + count(live, 'skipped'),
  };
  out.push(`<testsuites name="aicr validate" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${totalTime}">`);
  out.push(`  <testsuite name="readiness" tests="${report.constraints.length}" failures="${report.summary.failed}" errors="0" skipped="${report.summary.skipped}" time="0">`);
  for (const result of report.constraints) {
    const file = paths(result.location.file);
    const line = result.location.line !== undefined ? ` line="${result.location.line}"` : '';
    const open = `    <testcase name="${xml(result.name)}" classname="readiness" file="${xml(file)}"${line} time="0"`;
    if (result.status === 'passed') {
      out.push(`${open}>`, `      <system-out>${xml(describeResult(result, file))}</system-out>`, '    </testcase>');
    } else if (result.status === 'failed') {
      out.push(`${open}>`, `      <failure message="${xml(result.message)}" type="ConstraintFailed">${xml(describeResult(result, file))}</failure>`, '    </testcase>');
    } else {
      out.push(`${open}>`, `      <skipped message="${xml(result.message)}"/>`, '    </testcase>');
    }
  }
  out.push('  </testsuite>');
  for (const phase of [...new Set(live.map((c) => c.phase))]) {
    const checks = live.filter((c) => c.phase === phase);
    const time = seconds(checks.reduce((sum, c) => sum + c.durationMs, 0));
    out.push(`  <testsuite name="${phase}" tests="${checks.length}" failures="${count(checks, 'failed')}" errors="${count(checks, 'error')}" skipped="${count(checks, 'skipped')}" time="${time}">`);
    for (const check of checks) {
      const file = paths(check.location.file);
      const line = check.location.line !== undefined ? ` line="${check.location.line}"` : '';
      out.push(`    <testcase name="${xml(check.name)}" classname="${phase}" file="${xml(file)}"${line} time="${seconds(check.durationMs)}">`);
      const body = xml([check.message, ...(check.details ?? [])].join('\n'));
      if (check.status === 'passed') out.push(`      <system-out>${body}</system-out>`);
      else if (check.status === 'failed') out.push(`      <failure message="${xml(check.message)}" type="CheckFailed">${body}</failure>`);
      else if (check.status === 'error') out.push(`      <error message="${xml(check.message)}" type="CheckError">${body}</error>`);
      else out.push(`      <skipped message="${xml(check.message)}"/>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  for (const phase of report.phases) {
    out.push(`  <testsuite name="${phase.phase}" tests="1" failures="0" errors="0" skipped="1" time="0">`);
    const checks = phase.checks.length ? ` (checks: ${phase.checks.join(', ')})` : '';
    out.push(`    <testcase name="${phase.phase}" classname="${phase.phase}" time="0">`, `      <skipped message="${xml(phase.reason + checks)}"/>`, '    </testcase>');
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

/** Milliseconds as JUnit's seconds. */
function seconds(ms: number): string {
  return ms === 0 ? '0' : (ms / 1000).toFixed(3);
}

// ---------------------------------------------------------------------------------------------
// GitLab Code Quality


/**
 * GitLab Code Quality issues (a subset of the Code Climate format): one per failed constraint
 * (`major`, `minor` for constraints of severity warning) and one per skipped constraint
 * (`info`), at the constraint's line; one per live check that failed or could not be
 * evaluated (`major`) or was skipped (`info`), at its component or check in the recipe. Fingerprints hash the file, constraint and expectation,
 * not the line, so moving a constraint keeps its identity.
 */
export function toCodeQuality(report: ValidationReport, options: { paths?: PathMapper } = {}): CodeQualityIssue[] {
  const paths = options.paths ?? identity;
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = [];
  for (const result of report.constraints) {
    if (result.status === 'passed') continue;
    const path = paths(result.location.file);
    const check = result.status === 'failed' ? 'aicr-validate/constraint-failed' : 'aicr-validate/constraint-skipped';
    const identity = `${check}\u0000${path}\u0000${result.name}\u0000${result.expected}`;
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    const fingerprint = sha256().update(`${identity}\u0000${occurrence}`).digest('hex');
    const description = result.status === 'failed' ? `${result.name}: ${result.message}` : `${result.name} skipped: ${result.message}`;
    issues.push({
      description: result.remediation && result.status === 'failed' ? `${description} (${result.remediation})` : description,
      check_name: check,
      fingerprint,
      severity: result.status === 'skipped' ? 'info' : result.severity === 'warning' ? 'minor' : 'major',
      location: { path, lines: { begin: result.location.line ?? 1 } },
    });
  }
  for (const check of report.live) {
    if (check.status === 'passed') continue;
    const path = paths(check.location.file);
    const name = check.status === 'failed' ? 'aicr-validate/check-failed' : check.status === 'error' ? 'aicr-validate/check-error' : 'aicr-validate/check-skipped';
    const identity = `${name}\u0000${path}\u0000${check.phase}\u0000${check.name}`;
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    issues.push({
      description: `${check.phase} ${check.name}${check.status === 'skipped' ? ' skipped' : check.status === 'error' ? ' could not be evaluated' : ''}: ${check.message}`,
      check_name: name,
      fingerprint: sha256().update(`${identity}\u0000${occurrence}`).digest('hex'),
      severity: check.status === 'skipped' ? 'info' : 'major',
      location: { path, lines: { begin: check.location.line ?? 1 } },
    });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Terminal and dotenv

/** The human table: one row per constraint and per listed phase, then the overall status. */
export function formatReportTable(report: ValidationReport): string {
  const rows = report.constraints.map((r) => ['readiness', r.name, r.expected, r.actual ?? '-', r.status, r.status === 'passed' ? '' : r.message]);
  for (const check of report.live) rows.push([check.phase, check.name, '-', '-', check.status, check.status === 'passed' ? '' : check.message]);
  for (const phase of report.phases) {
    const detail = phase.checks.length ? `${phase.reason} (checks: ${phase.checks.join(', ')})` : phase.reason;
    rows.push([phase.phase, '-', '-', '-', 'skipped', detail]);
  }
  const table = rows.length ? formatColumns(['PHASE', 'CONSTRAINT', 'EXPECTED', 'ACTUAL', 'STATUS', 'DETAIL'], rows) : '';
  const { summary, liveSummary: live } = report;
  const checks = live.checks ? `; ${live.checks} live checks: ${live.passed} passed, ${live.failed} failed, ${live.skipped} skipped` : '';
  return `${table}\nstatus: ${report.status} (${summary.constraints} constraints: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped${checks})\n`;
}

/** `KEY=value` lines for a GitLab dotenv report (values on one line, no quotes needed). */
export function formatDotenv(report: ValidationReport, reportPath?: string): string {
  const clean = (value: string) => value.replace(/[\r\n]+/g, ' ');
  const lines = [
    `AICR_VALIDATE_STATUS=${report.status}`,
    `AICR_VALIDATE_PASSED=${report.summary.passed + report.liveSummary.passed}`,
    `AICR_VALIDATE_FAILED=${report.summary.failed + report.liveSummary.failed}`,
    `AICR_VALIDATE_SKIPPED=${report.summary.skipped + report.liveSummary.skipped}`,
  ];
  if (reportPath !== undefined) lines.push(`AICR_VALIDATE_REPORT_PATH=${clean(reportPath)}`);
  return lines.join('\n') + '\n';
}
