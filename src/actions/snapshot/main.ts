/** `actions/snapshot`: the snapshot step with GitHub's sinks (drift as annotations), the summary. */
import type { AgentDiagnostics } from '../../core/kube/agent/diagnostics.js';
import { SNAPSHOT_OPTIONS } from '../../core/snapshot/options.js';
import { deploysAgent, runSnapshotStep } from '../../core/snapshot/step.js';
import { runAction, uploadResults, type ActionIO } from '../../github/run.js';
import { addSnapshotSummary } from '../../github/snapshot.js';

type AgentRunner = NonNullable<NonNullable<Parameters<typeof runSnapshotStep>[2]>['runAgent']>;

/** The agent, with a failed Job's debug files uploaded as a workflow artifact before its objects go. */
function agentKeepingDebugFiles(name: string, retentionDays: number | undefined, io: ActionIO): AgentRunner {
  return async (settings, context) => {
    const { runSnapshotAgent } = await import('../../core/kube/agent/index.js');
    const onFailure = async (diagnostics: AgentDiagnostics): Promise<void> => {
      const { uploadDebugFiles } = await import('../../github/artifacts.js');
      const where = await uploadDebugFiles(name, diagnostics.files, retentionDays);
      io.logger.error(`the agent's pod log, Job and pod YAML and events are in artifact "${name}"${where ? `: ${where}` : ''}`, { title: 'aicr snapshot agent' });
    };
    return runSnapshotAgent(settings, { ...context, ...(name && name !== 'none' ? { onFailure } : {}) });
  };
}

export async function run(): Promise<void> {
  await runAction(SNAPSHOT_OPTIONS, async (values, io) => {
    const services = deploysAgent(values, io.env) ? { runAgent: agentKeepingDebugFiles(values.agentDebugArtifact, values.artifactRetentionDays, io) } : {};
    const result = await io.logger.group('Collect', () => runSnapshotStep(values, io, services));
    addSnapshotSummary(io.summary, result);
    // Uploaded with drift too: the artifact shows what the node measures now.
    await uploadResults(values, [result.output, result.diff ? values.diffOutput : undefined], io);
    return result.exitCode;
  });
}
