/** `actions/snapshot`: the snapshot step with GitHub's sinks (drift as annotations), the summary. */
import { SNAPSHOT_OPTIONS } from '../../core/snapshot/options.js';
import { runSnapshotStep } from '../../core/snapshot/step.js';
import { runAction } from '../../github/run.js';
import { addSnapshotSummary } from '../../github/snapshot.js';

export async function run(): Promise<void> {
  await runAction(SNAPSHOT_OPTIONS, async (values, io) => {
    const result = await io.logger.group('Collect', () => runSnapshotStep(values, io));
    addSnapshotSummary(io.summary, result);
    return result.exitCode;
  });
}
