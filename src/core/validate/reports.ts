/**
 * Report writers: CTRF JSON (upstream's report format, always written), JUnit XML and GitLab
 * Code Quality JSON (on request), the terminal table and GitLab dotenv lines. All of them are
 * deterministic: no wall-clock time unless a timestamp is passed in.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { formatColumns } from '../format.js';
import { sha256 } from '../util/lazy-builtins.js';
import { VERSION } from '../version.js';
import type { ConstraintResult, ValidationReport } from './evaluate.js';

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
 * per readiness constraint (suite `readiness`, an extension upstream allows) and one skipped
 * test per live phase. Our additions live in `extra` fields: expected/actual/severity per test,
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
 * the message; `file`/`line` point at the constraint in the recipe) and one suite per live
 * phase with a skipped case.
 */
export function toJunitXml(report: ValidationReport, options: { paths?: PathMapper } = {}): string {
  const paths = options.paths ?? identity;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
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
    } else if (result.status === 'failed') {
      out.push(`${open}>`, `      <failure message="${xml(result.message)}" type="ConstraintFailed">${xml(describeResult(result, file))}</failure>`, '    </testcase>');
    } else {
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

// ---------------------------------------------------------------------------------------------
// GitLab Code Quality

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * GitLab Code Quality issues (a subset of the Code Climate format): one per failed constraint
 * (`major`, `minor` for constraints of severity warning) and one per skipped constraint
 * (`info`), at the constraint's line. Fingerprints hash the file, constraint and expectation,
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
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Terminal and dotenv

/** The human table: one row per constraint and per listed phase, then the overall status. */
export function formatReportTable(report: ValidationReport): string {
  const rows = report.constraints.map((r) => ['readiness', r.name, r.expected, r.actual ?? '-', r.status, r.status === 'passed' ? '' : r.message]);
  for (const phase of report.phases) {
    const detail = phase.checks.length ? `${phase.reason} (checks: ${phase.checks.join(', ')})` : phase.reason;
    rows.push([phase.phase, '-', '-', '-', 'skipped', detail]);
  }
  const table = rows.length ? formatColumns(['PHASE', 'CONSTRAINT', 'EXPECTED', 'ACTUAL', 'STATUS', 'DETAIL'], rows) : '';
  const { summary } = report;
  return `${table}\nstatus: ${report.status} (${summary.constraints} constraints: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped)\n`;
}

/** `KEY=value` lines for a GitLab dotenv report (values on one line, no quotes needed). */
export function formatDotenv(report: ValidationReport, reportPath?: string): string {
  const clean = (value: string) => value.replace(/[\r\n]+/g, ' ');
  const lines = [
    `AICR_VALIDATE_STATUS=${report.status}`,
    `AICR_VALIDATE_PASSED=${report.summary.passed}`,
    `AICR_VALIDATE_FAILED=${report.summary.failed}`,
    `AICR_VALIDATE_SKIPPED=${report.summary.skipped}`,
  ];
  if (reportPath !== undefined) lines.push(`AICR_VALIDATE_REPORT_PATH=${clean(reportPath)}`);
  return lines.join('\n') + '\n';
}
