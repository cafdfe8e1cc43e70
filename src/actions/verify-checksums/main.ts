/**
 * `actions/verify-checksums`: check a bundle directory against its checksums.txt and report
 * every problem at once: an annotation per file, a table in the job summary, exit code 12.
 */
import { join, relative } from 'node:path';
import * as core from '@actions/core';
import { problemLocation, verifyBundle, type VerifyResult } from '../../core/checksums/index.js';
import { ExitCode } from '../../core/errors.js';
import { runAction } from '../../github/run.js';
import { cell, summaryAvailable } from '../../github/summary.js';
import { getInputs, Inputs } from './inputs.js';

/** Annotations before the rest is summed up (GitHub shows only a few per step anyway). */
const MAX_ANNOTATIONS = 50;
const MAX_SUMMARY_ROWS = 500;

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const result = verifyBundle(inputs.bundleDir);
    core.setOutput('verified', String(result.ok));
    core.setOutput('files', String(result.verified));
    core.setOutput('problems', String(result.problems.length));
    if (inputs.annotations) annotate(result);
    if (inputs.summary && summaryAvailable()) await writeSummary(result);
    if (result.ok) {
      core.info(`${result.dir}: all ${result.verified} files match checksums.txt`);
      return ExitCode.Success;
    }
    const message = `${result.dir}: ${result.problems.length} problem(s); ${result.verified} of ${result.listed} listed files match checksums.txt`;
    if (!inputs.failOnProblems) {
      core.warning(`${message} (${Inputs.FailOnProblems} is false, so the step passes)`);
      return ExitCode.Success;
    }
    core.error(`${message} (exit code ${ExitCode.VerificationFailed}; set ${Inputs.FailOnProblems}: false to report without failing)`);
    return ExitCode.VerificationFailed;
  });
}

function annotate(result: VerifyResult): void {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  for (const problem of result.problems.slice(0, MAX_ANNOTATIONS)) {
    const where = problemLocation(problem);
    const file = relative(workspace, join(result.dir, where.path)).split('\\').join('/');
    const subject = where.path === problem.path ? '' : ` ${problem.path}:`;
    core.error(`${problem.kind}:${subject} ${problem.detail}`, { title: 'bundle checksum', file, ...(where.line ? { startLine: where.line } : {}) });
  }
  if (result.problems.length > MAX_ANNOTATIONS) core.notice(`${result.problems.length - MAX_ANNOTATIONS} more problems are not annotated; see the job summary`);
}

async function writeSummary(result: VerifyResult): Promise<void> {
  const summary = core.summary.addHeading('AICR bundle verification', 2);
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
  await summary.write();
}
