/**
 * `actions/validate`: check a recipe's constraints against a snapshot, write the CTRF and JUnit
 * reports, annotate the recipe at each failed (error) and skipped (warning) constraint, and
 * write one job summary.
 */
import { join } from 'node:path';
import * as core from '@actions/core';
import { info } from '../../github/logger.js';
import { ExitCode } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/io.js';
import { toJson } from '../../core/serialize.js';
import { relativeTo, runValidation, toCtrf, toJunitXml } from '../../core/validate/index.js';
import { runAction } from '../../github/run.js';
import { summaryAvailable } from '../../github/summary.js';
import { addValidationSummary, annotateValidation } from '../../github/validate.js';
import { getInputs, Inputs } from './inputs.js';

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

    if (inputs.annotations) annotateValidation(report, paths);
    const { summary } = report;
    info(`validate: ${report.status} (${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped of ${summary.constraints} constraints); report: ${ctrfPath}`);
    if (inputs.summary && summaryAvailable()) {
      addValidationSummary(core.summary, report, ctrfText, ctrfPath);
      await core.summary.write();
    }
    if (summary.failed > 0 && inputs.failOnError) {
      core.error(`validation failed: ${summary.failed} of ${summary.constraints} constraints failed (exit code ${ExitCode.ConstraintsFailed}; set ${Inputs.FailOnError}: false to report without failing)`);
      return ExitCode.ConstraintsFailed;
    }
    return ExitCode.Success;
  });
}
