/**
 * The root action, the everyday flow in one step: the recipe step, the validate step against a
 * snapshot when one is given, the bundle step for a deployer and the verify step, each the same
 * implementation the stage actions run. The snapshot is read once for every stage; the recipe is
 * handed on in memory with the lines the writer recorded. One job summary.
 */
import { join } from 'node:path';
import { runBundleStep } from '../../core/bundle/step.js';
import { runVerifyStep } from '../../core/checksums/step.js';
import { loadDocument } from '../../core/load.js';
import { ExitCode, internalError, invalidInput } from '../../core/errors.js';
import { optionKey } from '../../core/options/spec.js';
import { discardOutputs, type OutputSink } from '../../core/options/outputs.js';
import { defaultsOf } from '../../core/options/values.js';
import { VALIDATE_OPTIONS } from '../../core/validate/options.js';
import { VERIFY_OPTIONS } from '../../core/checksums/options.js';
import { optionRef } from '../../core/option-refs.js';
import { resolveFromOptions, writeRecipe } from '../../core/recipe/step.js';
import { expandPath } from '../../core/path-template.js';
import { readOptionsFor } from '../../core/step.js';
import { runValidateStep } from '../../core/validate/step.js';
import { relativeTo } from '../../core/validate/reports.js';
import { addBundleSummary } from '../../github/bundle.js';
import { addChangeSummary } from '../../github/changes.js';
import { loadEarlier, planChanges } from '../../core/changes/stage.js';
import { helmLint } from '../../github/helm-lint.js';
import { addRecipeSummary, annotateExcludedOverlays, excludedOverlayNames } from '../../github/recipe.js';
import { runAction, uploadResults, type ActionIO } from '../../github/run.js';
import { addValidationSummary, annotateValidation } from '../../github/validate.js';
import { addVerificationSummary } from '../../github/verify.js';
import { ROOT_OPTIONS, ROOT_OUTPUTS } from './options.js';

/** A stage's outputs under the root action's names; outputs the root does not declare are dropped. */
function rootOutputs(sink: OutputSink, renames: Record<string, string> = {}): OutputSink {
  return {
    set(property, value) {
      const name = renames[property] ?? property;
      if (name in ROOT_OUTPUTS.outputs) sink.set(name, value);
    },
  };
}

export async function run(): Promise<void> {
  await runAction(ROOT_OPTIONS, async (values, io) => {
    if (values.deployer === 'none') {
      const bundleOnly = (['set', 'repo', 'workloadGate'] as const).filter((property) => values[property]?.length);
      if (bundleOnly.length) {
        throw invalidInput(`${bundleOnly.map((p) => optionRef(optionKey(p))).join(', ')} need${bundleOnly.length === 1 ? 's' : ''} a bundle, but ${optionRef('deployer')} is none`, { hint: 'choose a deployer, or leave these inputs out' });
      }
    }
    const stage = (renames?: Record<string, string>): ActionIO => ({ ...io, outputs: rootOutputs(io.outputs, renames) });
    // A wrong compare-to fails before any work; a folder (an earlier bundle) is read now, before the new bundle may replace it.
    const earlier = await loadEarlier(values, io, { bundles: values.deployer !== 'none' });
    const snapshot = values.snapshot ? await loadDocument('Snapshot', values.snapshot, readOptionsFor('snapshot', io, values.kubeconfig)) : undefined;
    const recipe = await io.logger.group('Recipe', async () => {
      const outcome = await resolveFromOptions(values, stage(), snapshot ? { snapshot } : {});
      for (const notice of outcome.notices) io.logger.info(notice);
      // The folder may be named after what was resolved (output-dir: out/{{criteria.service}}).
      const outputDir = await expandPath(values.outputDir, 'output-dir', { criteria: outcome.criteria, deployer: values.deployer });
      const target = { output: join(outputDir, 'recipe.yaml'), format: 'yaml' as const, keepPositions: true, ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}) };
      return { ...(await writeRecipe(outcome, target, stage())), outputDir };
    });
    const { outputDir } = recipe;
    const recipePath = recipe.output;
    addRecipeSummary(io.summary, recipe, recipePath);
    const excluded = excludedOverlayNames(recipe);
    annotateExcludedOverlays(recipe, relativeTo(io.workspace), values.strict);

    if (snapshot && recipe.written) {
      const validation = await io.logger.group('Validate', () =>
        runValidateStep(
          {
            ...defaultsOf(VALIDATE_OPTIONS),
            recipe: recipePath,
            snapshot: values.snapshot!,
            failOnError: values.failOnError,
            reportDir: join(outputDir, 'validation'),
            ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}),
          },
          stage({ status: 'validationStatus' }),
          { recipe: recipe.written!, snapshot, liveSkipReason: 'the root action validates before it bundles, so nothing is deployed yet: run actions/validate after deploying' },
        ),
      );
      annotateValidation(validation.report, validation.paths);
      addValidationSummary(io.summary, validation.report, validation.ctrfText, validation.reportPath ?? '');
      if (validation.exitCode !== ExitCode.Success) {
        io.logger.error(`no bundle was written: validation failed (set ${optionRef('fail-on-error')} to false to bundle anyway)`);
        await uploadResults(values, [outputDir], io);
        return validation.exitCode;
      }
    }

    if (values.strict && excluded.length) {
      io.logger.error(`no bundle was written: the snapshot excluded overlay${excluded.length === 1 ? '' : 's'} ${excluded.join(', ')} because ${excluded.length === 1 ? 'its' : 'their'} constraints fail (set ${optionRef('strict')} to false to bundle the more generic recipe)`);
      return ExitCode.ConstraintsFailed;
    }
    if (values.deployer === 'none') {
      addChangeSummary(io.summary, await planChanges(earlier, { recipe: recipe.recipe, recipeSource: recipePath }, values, stage()));
      await uploadResults(values, [outputDir], io);
      return ExitCode.Success;
    }
    const deployer = values.deployer;
    const bundleDir = join(outputDir, 'bundle');
    const { compareTo: _compareTo, planFile: _planFile, ...bundleValues } = values;
    const bundle = await io.logger.group(`Bundle (${values.deployer})`, () =>
      runBundleStep(
        { ...bundleValues, deployer, recipe: recipePath, output: bundleDir, ...(values.nodes !== undefined ? { nodes: values.nodes } : {}) },
        stage(),
        { recipe: recipe.written!, catalog: recipe.catalog, outputOption: 'output-dir' },
      ),
    );
    addBundleSummary(io.summary, bundle);
    // The verify step's outputs stay inside: its `files` counts verified files, not the bundle's.
    const { result } = await runVerifyStep({ ...defaultsOf(VERIFY_OPTIONS), bundleDir, failOnProblems: true, annotations: true }, { ...io, outputs: discardOutputs });
    addVerificationSummary(io.summary, result);
    if (!result.ok) {
      throw internalError(`the bundle just written to ${bundleDir} does not match its checksums.txt`, { hint: 'another process may be writing to the output directory' });
    }
    addChangeSummary(io.summary, await planChanges(earlier, { recipe: recipe.recipe, recipeSource: recipePath, bundleDir }, values, stage()));
    if (values.helmLint) await io.logger.group('helm lint', () => helmLint(bundle, io));
    await uploadResults(values, [outputDir], io);
    return ExitCode.Success;
  }, { output: 'output-dir', 'report-dir': 'output-dir' });
}
