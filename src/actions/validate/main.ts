/** `actions/validate`: the validate step with GitHub's sinks, annotations at the recipe lines, the summary. */
import { VALIDATE_OPTIONS } from '../../core/validate/options.js';
import { runValidateStep } from '../../core/validate/step.js';
import { runAction, uploadResults } from '../../github/run.js';
import { addValidationSummary, annotateValidation } from '../../github/validate.js';

export async function run(): Promise<void> {
  await runAction(VALIDATE_OPTIONS, async (values, io) => {
    const result = await runValidateStep(values, io);
    if (values.annotations) annotateValidation(result.report, result.paths);
    addValidationSummary(io.summary, result.report, result.ctrfText, result.reportPath ?? '');
    // Failed constraints are a result too: the reports go up either way.
    await uploadResults(values, [values.reportDir, values.output], io);
    // Annotations and the summary are in place; a cluster that refused or failed sets the exit code.
    if (result.clusterError) throw result.clusterError;
    return result.exitCode;
  });
}
