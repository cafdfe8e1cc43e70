/** `actions/bundle`: the bundle step with GitHub's sinks, and its job-summary section. */
import { BUNDLE_OPTIONS } from '../../core/bundle/options.js';
import { runBundleStep } from '../../core/bundle/step.js';
import { addBundleSummary } from '../../github/bundle.js';
import { helmLint } from '../../github/helm-lint.js';
import { runAction, uploadResults } from '../../github/run.js';
import { addChangeSummary } from '../../github/changes.js';

export async function run(): Promise<void> {
  await runAction(BUNDLE_OPTIONS, async (values, io) => {
    const outcome = await runBundleStep(values, io);
    addBundleSummary(io.summary, outcome);
    addChangeSummary(io.summary, outcome.changes);
    if (values.helmLint) await io.logger.group('helm lint', () => helmLint(outcome, io));
    await uploadResults(values, [outcome.dir], io);
  });
}
