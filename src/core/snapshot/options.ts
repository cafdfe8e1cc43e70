/** The snapshot stage's options and outputs (and `aicr diff`'s): one definition for every door. */
import { ExitCode } from '../errors.js';
import { agentDebugArtifactOption, gitlabJobOptions, summaryOption, artifactOptions, artifactOutputs } from '../options/common.js';
import { defineOutputs } from '../options/outputs.js';
import { defineOptions } from '../options/spec.js';

import { DEFAULT_AGENT_IMAGE } from '../kube/agent/image.js';

const TYPES = 'K8s, SystemD, OS, GPU, NodeTopology';
const GITLAB_JOB_NAMES = 'image and job-name name the GitLab job in every component';

export const SNAPSHOT_OPTIONS = defineOptions({
  agent: {
    type: 'bool',
    defaults: { cli: true, action: false, gitlab: false },
    description: 'true: run the one-shot agent Job on a cluster node and read its snapshot (the command line\'s default, as upstream). false: measure the machine this runs on (a self-hosted GPU runner; the default of the action and the component, whose job runs there). Inside the agent\'s own pod (AICR_AGENT_MODE=true) it always measures that node.',
  },
  local: {
    type: 'bool',
    description: 'Measure the machine this runs on instead of deploying the agent Job (the same as --agent=false).',
    absent: { action: 'the action measures the runner unless agent is true', gitlab: 'the component measures the runner unless agent is true' },
  },
  require: {
    type: 'list',
    description: 'Sources whose absence fails the run (comma-separated): gpu, k8s, os, systemd, topology. Exit code 3, or the cluster\'s own (4, 5, 6, 7) when it refused or failed.',
    placeholder: '<sources>',
  },
  requireGpu: { type: 'bool', env: 'AICR_REQUIRE_GPU', description: 'Same as adding gpu to require; with agent, the agent pod also requests one nvidia.com/gpu.' },
  config: {
    type: 'string',
    description: 'AICRConfig file (YAML or JSON, a path or an https URL) whose spec.snapshot gives output, agent and execution settings not given otherwise: given options win. Unknown fields are errors.',
    placeholder: '<file|url>',
  },
  output: {
    writes: true,
    type: 'string',
    description: 'Where to write the snapshot: a file, cm://namespace/name, or - for standard output.',
    defaults: { cli: '-', action: 'snapshot.yaml', gitlab: 'snapshot.yaml' },
    aliases: ['-o'],
    placeholder: '<file|cm://ns/name|->',
    regex: '^[A-Za-z0-9._/:-]+$',
  },
  format: { type: 'enum', choices: ['yaml', 'json', 'table'], default: 'yaml', description: 'Snapshot format: yaml, json or table.', aliases: ['-t'], placeholder: '<format>' },
  template: {
    type: 'string',
    description: 'Write a report rendered from this Go template file instead of the snapshot (upstream\'s custom output: .Kind, .APIVersion, .Metadata, .Measurements with .Type, .Subtypes, .Name, .Data readings with .String). Needs format yaml and a file or standard output; at most 1 MiB, a relative path stays inside the working directory.',
    placeholder: '<file>',
  },
  timestamp: { type: 'bool', description: 'Record the collection time as metadata.timestamp (off: identical nodes give identical files).' },
  kubeconfig: {
    type: 'string',
    description: 'Kubeconfig for the K8s and topology collectors, the agent and cm:// locations (default: $KUBECONFIG, ~/.kube/config, or in-cluster).',
    aliases: ['-k'],
    placeholder: '<file>',
  },
  maxNodesPerEntry: { type: 'int', min: 0, max: 1_000_000, default: 0, description: 'Topology: list at most this many node names per label or taint (0 lists all).' },
  timeout: { type: 'duration', default: '5m', description: 'Deadline of local collection, or of waiting for the agent Job (e.g. 90s, 10m).', placeholder: '<duration>', regex: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$' },
  namespace: { type: 'string', default: 'default', env: 'AICR_NAMESPACE', description: 'Agent: namespace of the Job.', aliases: ['-n'], placeholder: '<namespace>', regex: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
  image: { type: 'string', default: DEFAULT_AGENT_IMAGE, env: 'AICR_IMAGE', description: 'Agent: container image of the Job.', placeholder: '<image>', names: { gitlab: 'agent-image' }, why: GITLAB_JOB_NAMES },
  imagePullSecret: { type: 'list', description: 'Agent: image pull secrets (comma-separated).', placeholder: '<secret>' },
  jobName: { type: 'string', default: 'aicr', description: 'Agent: base name of the Job (a unique suffix is added).', placeholder: '<name>', names: { gitlab: 'agent-job-name' }, why: GITLAB_JOB_NAMES },
  serviceAccountName: { type: 'string', default: 'aicr', description: 'Agent: base name of the ServiceAccount and RBAC objects (a unique suffix is added).', placeholder: '<name>' },
  nodeSelector: { type: 'map', description: 'Agent: schedule on nodes with these labels, key=value pairs.', placeholder: '<key=value>' },
  toleration: { type: 'list', description: 'Agent: tolerate these taints, key=value:effect or key:effect (default: tolerate all).', placeholder: '<key=value:effect>' },
  privileged: { type: 'bool', default: true, description: 'Agent: privileged pod with host namespaces (false: restricted pod, less data).' },
  runtimeClass: { type: 'string', env: 'AICR_RUNTIME_CLASS', description: 'Agent: runtime class that injects nvidia-smi (e.g. nvidia).', placeholder: '<name>' },
  os: {
    type: 'string',
    env: 'AICR_OS',
    description: 'Node OS family: amazonlinux, cos, ol, rhel, talos or ubuntu. talos: the agent pod has no systemd or os-release host mounts, and the OS and SystemD readings come from the node object in the Kubernetes API (agent and local collection alike).',
    placeholder: '<os>',
  },
  requests: {
    type: 'string',
    env: 'AICR_REQUESTS',
    description: 'Agent: container resource requests over the built-in ones, name=quantity pairs separated by commas (e.g. cpu=500m,memory=1Gi,ephemeral-storage=1Gi); unnamed resources keep their defaults.',
    placeholder: '<name=quantity,…>',
  },
  limits: {
    type: 'string',
    env: 'AICR_LIMITS',
    description: 'Agent: container resource limits over the built-in ones, name=quantity pairs separated by commas (e.g. cpu=1,memory=2Gi); with require-gpu, nvidia.com/gpu=1 unless this names it.',
    placeholder: '<name=quantity,…>',
  },
  noCleanup: { type: 'bool', description: 'Agent: leave the Job and its RBAC objects in the cluster.', aliases: ['--keep'] },
  baseline: { type: 'string', description: 'Snapshot to compare with (file, https URL or cm://namespace/name); drift is reported.', placeholder: '<file|url|cm://ns/name>' },
  failOnDrift: { type: 'bool', description: `Fail (exit code ${ExitCode.DriftDetected}) when the snapshot drifted from the baseline.` },
  recipe: {
    type: 'string',
    description: 'With baseline: a recipe whose constraints are checked against the baseline and the new snapshot; constraints that passed on the baseline and fail now are reported as drift.',
    placeholder: '<file|url|cm://ns/name>',
  },
  diffOutput: {
    writes: true,
    type: 'string',
    description: 'Also write the drift against the baseline to this file as JSON (nothing is written without a baseline).',
    defaults: { gitlab: 'snapshot-diff.json' },
    placeholder: '<file>',
    regex: '^[A-Za-z0-9._/-]+$',
  },
  diffTypes: { type: 'list', description: `Compare only these measurement types (comma-separated: ${TYPES}).`, placeholder: '<types>' },
  summary: summaryOption,
  ...artifactOptions,
  agentDebugArtifact: agentDebugArtifactOption,
  ...gitlabJobOptions('aicr-snapshot', 'build'),
});

export const SNAPSHOT_OUTPUTS = defineOutputs('snapshot', {
  snapshotPath: { description: 'Path (or cm:// location) of the written snapshot.' },
  configmap: { description: 'The cm://namespace/name location when the snapshot was written to a ConfigMap, else empty.' },
  gpuCount: { description: 'Number of GPUs nvidia-smi reported; empty when nvidia-smi was unavailable.' },
  k8sVersion: { description: 'Kubernetes server version; empty when no cluster was reachable.' },
  unavailable: { description: 'Comma-separated sources that could not be measured (k8s, systemd, os, gpu, topology).' },
  drift: { description: 'true or false when a baseline was given (drift found or not), else empty.' },
  ...artifactOutputs,
});

/** `aicr diff`: pipelines compare through the snapshot stage's baseline option instead. */
export const DIFF_OPTIONS = defineOptions({
  baseline: { type: 'string', required: true, description: 'The reference: a snapshot or recipe (file, https URL, cm://namespace/name or - for stdin) or a bundle folder.', aliases: ['-b'], placeholder: '<file|url|cm://ns/name|-|dir>' },
  target: { type: 'string', required: true, description: 'What is compared against the baseline, of the same kind (snapshot, recipe or bundle folder).', placeholder: '<file|url|cm://ns/name|-|dir>' },
  failOnDrift: { type: 'bool', description: `Exit ${ExitCode.DriftDetected} when anything differs.` },
  type: { type: 'list', description: `Snapshots: compare only these measurement types (comma-separated: ${TYPES}).`, placeholder: '<types>' },
  format: {
    type: 'enum',
    choices: ['yaml', 'json', 'table', 'text', 'markdown'],
    description: 'Output format: yaml, json, text (table is the same) or markdown (a change plan for a pull request). Default: yaml for snapshots, text for recipes and bundles.',
    aliases: ['-t'],
    placeholder: '<format>',
  },
  output: { type: 'string', default: '-', description: 'Where to write the result: a file, or - for standard output.', aliases: ['-o'], placeholder: '<file|->' },
  kubeconfig: { type: 'string', description: 'Kubeconfig for cm:// snapshots (default: $KUBECONFIG, ~/.kube/config, or in-cluster).', aliases: ['-k'], placeholder: '<file>' },
});
