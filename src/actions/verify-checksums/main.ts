/**
 * `actions/verify-checksums`: check a bundle directory against its checksums.txt and report
 * every problem at once: an annotation per file, a table in the job summary, exit code 12.
 */
import * as core from '@actions/core';
import { info } from '../../github/logger.js';
import { verifyBundle } from '../../core/checksums/index.js';
import { ExitCode } from '../../core/errors.js';
import { runAction } from '../../github/run.js';
import { summaryAvailable } from '../../github/summary.js';
import { addVerificationSummary, annotateVerification } from '../../github/verify.js';
import { getInputs, Inputs } from './inputs.js';

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const result = verifyBundle(inputs.bundleDir);
    core.setOutput('verified', String(result.ok));
    core.setOutput('files', String(result.verified));
    core.setOutput('problems', String(result.problems.length));
    if (inputs.annotations) annotateVerification(result);
    if (inputs.summary && summaryAvailable()) {
      addVerificationSummary(core.summary, result);
      await core.summary.write();
    }
    if (result.ok) {
      info(`${result.dir}: all ${result.verified} files match checksums.txt`);
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
