/**
 * The root action, the everyday flow in one step: resolve the recipe, validate it against a
 * snapshot when one is given, bundle it for a deployer and verify the bundle's checksums.
 * Every stage runs in-process on the same core as the single-stage actions; one summary.
 */
import { join } from 'node:path';
import * as core from '@actions/core';
import { info } from '../../github/logger.js';
import { generateBundle, writeBundle } from '../../core/bundle/index.js';
import { ExitCode, internalError } from '../../core/errors.js';
import { formatDocument } from '../../core/format.js';
import { writeFileAtomic } from '../../core/io.js';
import { resolveRecipe } from '../../core/recipe/index.js';
import { toJson } from '../../core/serialize.js';
import { CHECKSUMS_FILE, verifyBundle } from '../../core/checksums/index.js';
import { relativeTo, runValidation, toCtrf, toJunitXml } from '../../core/validate/index.js';
import { addBundleSummary } from '../../github/bundle.js';
import { addRecipeSummary, setRecipeOutputs } from '../../github/recipe.js';
import { runAction } from '../../github/run.js';
import { summaryAvailable } from '../../github/summary.js';
import { addValidationSummary, annotateValidation } from '../../github/validate.js';
import { addVerificationSummary, annotateVerification } from '../../github/verify.js';
import { getInputs, Inputs } from './inputs.js';

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const summary = core.summary;
    const writeSummary = async () => {
      if (inputs.summary && summaryAvailable()) await summary.write();
    };

    const outcome = await core.group('Recipe', () => resolveRecipe(inputs.request));
    for (const notice of outcome.notices) info(notice);
    const recipePath = join(inputs.outputDir, 'recipe.yaml');
    writeFileAtomic(recipePath, formatDocument(outcome.recipe, 'yaml'), `input "${Inputs.OutputDir}"`);
    setRecipeOutputs(outcome, recipePath);
    addRecipeSummary(summary, outcome, recipePath);

    if (inputs.validate) {
      // The recipe file just written is what annotations point at, so validation reads it back.
      const { report } = await core.group('Validate', () => runValidation({ recipe: recipePath, snapshot: inputs.request.snapshot! }));
      const paths = relativeTo(process.env.GITHUB_WORKSPACE || process.cwd());
      const reportDir = join(inputs.outputDir, 'validation');
      const ctrfPath = join(reportDir, 'ctrf-report.json');
      const ctrfText = toJson(toCtrf(report, { paths }));
      writeFileAtomic(ctrfPath, ctrfText, `input "${Inputs.OutputDir}"`);
      writeFileAtomic(join(reportDir, 'junit.xml'), toJunitXml(report, { paths }), `input "${Inputs.OutputDir}"`);
      core.setOutput('validation-status', report.status);
      core.setOutput('report-path', ctrfPath);
      annotateValidation(report, paths);
      addValidationSummary(summary, report, ctrfText, ctrfPath);
      if (report.summary.failed > 0 && inputs.failOnError) {
        await writeSummary();
        core.error(`validation failed: ${report.summary.failed} of ${report.summary.constraints} constraints failed; no bundle was written (exit code ${ExitCode.ConstraintsFailed}; set ${Inputs.FailOnError}: false to bundle anyway)`);
        return ExitCode.ConstraintsFailed;
      }
    }

    if (inputs.deployer) {
      const deployer = inputs.deployer;
      const bundleDir = join(inputs.outputDir, 'bundle');
      const bundle = await core.group(`Bundle (${deployer})`, async () => {
        const generated = await generateBundle(outcome.recipe, outcome.catalog, {
          deployer,
          ...(inputs.set.length ? { set: inputs.set } : {}),
          ...(inputs.repo ? { repo: inputs.repo } : {}),
        });
        const absoluteDir = writeBundle(bundleDir, generated.files, { force: inputs.replace, input: `input "${Inputs.OutputDir}"` });
        return { ...generated, dir: bundleDir, absoluteDir, checksumsPath: join(bundleDir, CHECKSUMS_FILE) };
      });
      for (const note of bundle.notes) core.warning(note, { title: 'aicr bundle' });
      core.setOutput('bundle-dir', bundle.dir);
      core.setOutput('checksums-path', bundle.checksumsPath);
      core.setOutput('files', String(bundle.files.length));
      addBundleSummary(summary, bundle);
      const verification = verifyBundle(bundle.dir);
      addVerificationSummary(summary, verification);
      if (!verification.ok) {
        annotateVerification(verification);
        await writeSummary();
        throw internalError(`the bundle just written to ${bundle.dir} does not match its checksums.txt`, { hint: 'another process may be writing to the output directory' });
      }
      info(`${bundle.title} written to ${bundle.dir} and verified: ${bundle.files.length} files`);
    }
    await writeSummary();
    return ExitCode.Success;
  });
}
