/** The snapshot action's inputs, read and checked in one place. */
import { invalidInput } from '../../core/errors.js';
import { parseLocation } from '../../core/io.js';
import { DEFAULT_AGENT_IMAGE } from '../../core/kube/agent/index.js';
import { parseDuration } from '../../core/snapshot/duration.js';
import { parseRequiredSources, type AgentSettings, type SnapshotRequest } from '../../core/snapshot/index.js';
import { parseMeasurementTypes } from '../../core/snapshot/diff.js';
import { getBooleanInput, getEnumInput, getIntegerInput, getListInput, getOptionalInput } from '../../github/inputs.js';

export const Inputs = {
  Agent: 'agent',
  Require: 'require',
  RequireGpu: 'require-gpu',
  Output: 'output',
  Format: 'format',
  Timestamp: 'timestamp',
  Kubeconfig: 'kubeconfig',
  MaxNodesPerEntry: 'max-nodes-per-entry',
  Timeout: 'timeout',
  Namespace: 'namespace',
  Image: 'image',
  ImagePullSecrets: 'image-pull-secrets',
  JobName: 'job-name',
  ServiceAccountName: 'service-account-name',
  NodeSelector: 'node-selector',
  Toleration: 'toleration',
  Privileged: 'privileged',
  RuntimeClass: 'runtime-class',
  Keep: 'keep',
  Baseline: 'baseline',
  FailOnDrift: 'fail-on-drift',
  DiffTypes: 'diff-types',
  Summary: 'summary',
} as const;

export interface SnapshotInputs {
  request: SnapshotRequest;
  format: 'yaml' | 'json' | 'table';
  /** File or cm:// location the snapshot is written to. */
  output: string;
  /** Snapshot (file or cm://) to compare against; drift is reported when set. */
  baseline?: string;
  failOnDrift: boolean;
  diffTypes: string[];
  summary: boolean;
}

export function getInputs(): SnapshotInputs {
  const format = getEnumInput(Inputs.Format, ['yaml', 'json', 'table'] as const, 'yaml');
  const output = getOptionalInput(Inputs.Output) ?? `snapshot.${format === 'table' ? 'txt' : format}`;
  const location = parseLocation(output, `input "${Inputs.Output}"`);
  if (location.kind !== 'file' && location.kind !== 'configmap') {
    throw invalidInput(`input "${Inputs.Output}" must be a file path or cm://namespace/name, not "${output}"`, { hint: 'e.g. output: snapshot.yaml' });
  }
  const require = parseRequiredSources(getListInput(Inputs.Require), `input "${Inputs.Require}"`);
  const requireGpu = getBooleanInput(Inputs.RequireGpu, false);
  if (requireGpu && !require.includes('gpu')) require.push('gpu');
  const timeoutText = getOptionalInput(Inputs.Timeout) ?? '5m';
  const timeoutMs = parseDuration(timeoutText, `input "${Inputs.Timeout}"`) || 5 * 60_000;
  const maxNodesPerEntry = getIntegerInput(Inputs.MaxNodesPerEntry, { min: 0, fallback: 0 }) ?? 0;
  const kubeconfig = getOptionalInput(Inputs.Kubeconfig);
  const agentMode = getBooleanInput(Inputs.Agent, false);
  const runtimeClass = getOptionalInput(Inputs.RuntimeClass);
  if (agentMode && requireGpu && runtimeClass) {
    throw invalidInput('inputs "require-gpu" and "runtime-class" are mutually exclusive; prefer runtime-class, which provides nvidia-smi access via the container runtime without consuming a GPU allocation', {
      hint: 'set only one of them',
    });
  }
  // Agent inputs are checked even in local mode, so a typo never waits for the day agent mode is on.
  const agent: AgentSettings = {
    namespace: getOptionalInput(Inputs.Namespace) ?? 'default',
    image: getOptionalInput(Inputs.Image) ?? DEFAULT_AGENT_IMAGE,
    imagePullSecrets: getListInput(Inputs.ImagePullSecrets),
    jobName: getOptionalInput(Inputs.JobName) ?? 'aicr',
    serviceAccountName: getOptionalInput(Inputs.ServiceAccountName) ?? 'aicr',
    nodeSelectors: getListInput(Inputs.NodeSelector),
    tolerations: getListInput(Inputs.Toleration),
    timeoutMs,
    keep: getBooleanInput(Inputs.Keep, false),
    privileged: getBooleanInput(Inputs.Privileged, true),
    requireGpu,
    maxNodesPerEntry,
    debug: process.env.RUNNER_DEBUG === '1',
  };
  if (runtimeClass) agent.runtimeClass = runtimeClass;
  if (kubeconfig) agent.kubeconfig = kubeconfig;
  if (location.kind === 'configmap') agent.configMap = output;
  const request: SnapshotRequest = { mode: agentMode ? 'agent' : 'local', require, timeoutMs };
  if (getBooleanInput(Inputs.Timestamp, false)) request.timestamp = new Date();
  if (kubeconfig) request.kubeconfig = kubeconfig;
  if (maxNodesPerEntry) request.maxNodesPerEntry = maxNodesPerEntry;
  if (agentMode) request.agent = agent;
  const inputs: SnapshotInputs = {
    request,
    format,
    output,
    failOnDrift: getBooleanInput(Inputs.FailOnDrift, false),
    diffTypes: parseMeasurementTypes(getListInput(Inputs.DiffTypes), `input "${Inputs.DiffTypes}"`),
    summary: getBooleanInput(Inputs.Summary, true),
  };
  const baseline = getOptionalInput(Inputs.Baseline);
  if (baseline) inputs.baseline = baseline;
  if (inputs.failOnDrift && !baseline) throw invalidInput('input "fail-on-drift" needs a "baseline" to compare against', { hint: 'set baseline: to a snapshot file or cm://namespace/name' });
  return inputs;
}
