/**
 * `actions/bundle`: generate a deployment bundle from a recipe, expose where it is, and write a
 * job summary with the file tree, the deployment order and the next step.
 */
import * as core from '@actions/core';
import { info } from '../../github/logger.js';
import { runBundle } from '../../core/bundle/index.js';
import { addBundleSummary } from '../../github/bundle.js';
import { runAction } from '../../github/run.js';
import { summaryAvailable } from '../../github/summary.js';
import { getInputs } from './inputs.js';

export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = getInputs();
    const outcome = await runBundle(inputs.request);
    for (const note of outcome.notes) core.warning(note, { title: 'aicr bundle' });
    core.setOutput('bundle-dir', outcome.dir);
    core.setOutput('deployer', outcome.deployer);
    core.setOutput('files', String(outcome.files.length));
    core.setOutput('checksums-path', outcome.checksumsPath);
    info(`${outcome.title} written to ${outcome.dir}: ${outcome.files.length} files, ${outcome.plan.folders.length} releases`);
    if (inputs.summary && summaryAvailable()) {
      addBundleSummary(core.summary, outcome);
      await core.summary.write();
    }
  });
}
