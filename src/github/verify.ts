/** GitHub rendering of bundle verification: the summary section (the step points at each problem). */
import type { VerifyResult } from '../core/checksums/index.js';
import { cell, type Summary } from './summary.js';

const MAX_SUMMARY_ROWS = 500;

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
