import { SNAPSHOT_OPTIONS, SNAPSHOT_OUTPUTS } from '../../core/snapshot/options.js';
import { runSnapshotStep } from '../../core/snapshot/step.js';
import { defineCommand } from '../context.js';

export const command = defineCommand({
  name: 'snapshot',
  summary: 'Measure a GPU node (OS, systemd, GPU, Kubernetes, node topology) into a Snapshot document, and report drift against a baseline. Deploys the one-shot agent Job on a cluster node (as upstream); --local measures this machine.',
  usage: 'aicr snapshot [--local] [--require gpu,k8s,…] [--output F|cm://ns/name] [--format yaml|json|table] [--baseline F [--fail-on-drift]] [agent flags]',
  options: SNAPSHOT_OPTIONS,
  outputs: SNAPSHOT_OUTPUTS,
  examples: [
    'aicr snapshot -n gpu-ops --node-selector nvidia.com/gpu.present=true -o cm://gpu-ops/aicr-snapshot',
    'aicr snapshot --require gpu -o snapshot.yaml',
    'aicr snapshot --local --format table',
    'aicr snapshot --local -o snapshot.yaml --baseline golden.yaml --fail-on-drift',
  ],
  async run(values, context) {
    return (await runSnapshotStep(values, context)).exitCode;
  },
});
