/** `actions/snapshot`: the snapshot step with GitHub's sinks (drift as annotations), the summary. */
import { SNAPSHOT_OPTIONS } from '../../core/snapshot/options.js';
import { runSnapshotStep } from '../../core/snapshot/step.js';
import { runAction, uploadResults } from '../../github/run.js';
import { addSnapshotSummary } from '../../github/snapshot.js';

export async function run(): Promise<void> {
  await runAction(SNAPSHOT_OPTIONS, async (values, io) => {
    const result = await io.logger.group('Collect', () => runSnapshotStep(values, io));
    addSnapshotSummary(io.summary, result);
    // Uploaded with drift too: the artifact shows what the node measures now.
    await uploadResults(values, [result.output, result.diff ? values.diffOutput : undefined], io);
    return result.exitCode;
  });
}
