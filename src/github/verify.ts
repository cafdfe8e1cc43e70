/** GitHub rendering of bundle verification: an annotation per problem and the summary section. */
import { join, relative } from 'node:path';
import * as core from '@actions/core';
import { problemLocation, type VerifyResult } from '../core/checksums/index.js';
import { cell, type Summary } from './summary.js';

/** Annotations before the rest is summed up (GitHub shows only a few per step anyway). */
const MAX_ANNOTATIONS = 50;
const MAX_SUMMARY_ROWS = 500;

/** An error annotation on each modified, missing or unlisted file (paths relative to the workspace). */
export function annotateVerification(result: VerifyResult): void {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  for (const problem of result.problems.slice(0, MAX_ANNOTATIONS)) {
    const where = problemLocation(problem);
    const file = relative(workspace, join(result.dir, where.path)).split('\\').join('/');
    const subject = where.path === problem.path ? '' : ` ${problem.path}:`;
    core.error(`${problem.kind}:${subject} ${problem.detail}`, { title: 'bundle checksum', file, ...(where.line ? { startLine: where.line } : {}) });
  }
  if (result.problems.length > MAX_ANNOTATIONS) core.notice(`${result.problems.length - MAX_ANNOTATIONS} more problems are not annotated; see the job summary`);
}

/** The verdict and a table of every problem. */
export function addVerificationSummary(summary: Summary, result: VerifyResult): void {
  summary.addHeading('AICR bundle verification', 2);
  summary.addRaw(result.ok
    ? `\n✅ **${cell(result.dir)}**: all ${result.verified} files match \`checksums.txt\`.\n\n`
    : `\n❌ **${cell(result.dir)}**: ${result.problems.length} problem(s); ${result.verified} of ${result.listed} listed files match \`checksums.txt\`.\n\n`);
  if (!result.ok) {
    summary.addTable([
      [{ data: 'problem', header: true }, { data: 'file', header: true }, { data: 'line', header: true }, { data: 'detail', header: true }],
      ...result.problems.slice(0, MAX_SUMMARY_ROWS).map((problem) => [problem.kind, cell(problem.path), problem.line === undefined ? '' : String(problem.line), cell(problem.detail)]),
    ]);
    if (result.problems.length > MAX_SUMMARY_ROWS) summary.addRaw(`\n${result.problems.length - MAX_SUMMARY_ROWS} more problems not shown.\n`);
  }
}
