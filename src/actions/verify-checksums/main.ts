/** `actions/verify-checksums`: the verify step with GitHub's sinks (an annotation per problem), the summary. */
import { VERIFY_OPTIONS } from '../../core/checksums/options.js';
import { runVerifyStep } from '../../core/checksums/step.js';
import { runAction, uploadResults } from '../../github/run.js';
import { addVerificationSummary } from '../../github/verify.js';

export async function run(): Promise<void> {
  await runAction(VERIFY_OPTIONS, async (values, io) => {
    const { result, exitCode } = await runVerifyStep(values, io);
    if (result.ok) io.logger.info(`${result.dir}: all ${result.verified} files match checksums.txt`);
    addVerificationSummary(io.summary, result);
    // The verified folder with checksums.txt, and the report when one was written.
    await uploadResults(values, [values.bundleDir, values.codequality], io);
    return exitCode;
  });
}
