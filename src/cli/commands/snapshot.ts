import type { Command } from '../context.js';
import type { FlagValues } from '../args.js';
import { AicrError, ErrorCode, invalidInput } from '../../core/errors.js';
import { parseOutputFormat } from '../../core/format.js';
import { parseLocation, writeLocation, type WriteOptions } from '../../core/io.js';
import { parseRequiredSources, renderSnapshot, takeSnapshot, type AgentSettings, type SnapshotRequest } from '../../core/snapshot/index.js';
import { parseDuration } from '../../core/snapshot/duration.js';
import { DEFAULT_AGENT_IMAGE } from '../../core/kube/agent/index.js';


const AGENT_ONLY_FLAGS = ['namespace', 'image', 'image-pull-secret', 'job-name', 'service-account-name', 'node-selector', 'toleration', 'keep', 'runtime-class'] as const;

export const command: Command = {
  spec: {
    name: 'snapshot',
    summary: 'Measure a GPU node (OS, systemd, GPU, Kubernetes, node topology) into a Snapshot document.',
    usage: 'aicr snapshot [--agent] [--require gpu,k8s,…] [--output F|cm://ns/name] [--format yaml|json|table] [agent flags]',
    flags: [
      { name: 'agent', type: 'boolean', description: 'deploy a one-shot Job that snapshots a cluster node (default: collect on this machine)' },
      { name: 'require', type: 'list', value: '<sources>', description: 'fail (exit 3) when any of these sources is unavailable: gpu, k8s, os, systemd, topology (comma-separated)' },
      { name: 'require-gpu', type: 'boolean', env: 'AICR_REQUIRE_GPU', description: 'same as --require gpu; with --agent the agent pod also requests one nvidia.com/gpu' },
      { name: 'output', aliases: ['-o'], type: 'string', value: '<file|cm://ns/name|->', description: 'where to write the snapshot (default: stdout)' },
      { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'output format: yaml, json or table', default: 'yaml' },
      { name: 'timestamp', type: 'boolean', description: 'record the collection time as metadata.timestamp (off by default so identical nodes give identical files)' },
      { name: 'kubeconfig', aliases: ['-k'], type: 'string', value: '<file>', description: 'kubeconfig for the K8s/topology collectors, the agent and cm:// outputs', env: 'KUBECONFIG' },
      { name: 'max-nodes-per-entry', type: 'integer', description: 'topology: list at most this many node names per label/taint (0 = all)', default: 0 },
      { name: 'timeout', type: 'string', value: '<duration>', description: 'deadline: local collection, or waiting for the agent Job (e.g. 90s, 10m)', default: '5m' },
      { name: 'namespace', aliases: ['-n'], type: 'string', value: '<namespace>', description: 'agent: namespace of the Job', default: 'default', env: 'AICR_NAMESPACE' },
      { name: 'image', type: 'string', value: '<image>', description: 'agent: container image', default: DEFAULT_AGENT_IMAGE, env: 'AICR_IMAGE' },
      { name: 'image-pull-secret', type: 'list', value: '<secret>', description: 'agent: image pull secret (or a comma-separated list)' },
      { name: 'job-name', type: 'string', value: '<name>', description: 'agent: base name of the Job (a unique suffix is added)', default: 'aicr' },
      { name: 'service-account-name', type: 'string', value: '<name>', description: 'agent: base name of the ServiceAccount and RBAC objects', default: 'aicr' },
      { name: 'node-selector', type: 'list', value: '<key=value>', description: 'agent: schedule on nodes with this label (or a comma-separated list)' },
      { name: 'toleration', type: 'list', value: '<key[=value]:effect>', description: 'agent: tolerate this taint, or a comma-separated list (default: tolerate all)' },
      { name: 'privileged', type: 'boolean', description: 'agent: privileged pod with host namespaces (false: restricted pod, less data)', default: true },
      { name: 'runtime-class', type: 'string', value: '<name>', description: 'agent: runtime class that injects nvidia-smi (e.g. nvidia)', env: 'AICR_RUNTIME_CLASS' },
      { name: 'keep', aliases: ['--no-cleanup'], type: 'boolean', description: 'agent: leave the Job and its RBAC objects in the cluster' },
    ],
    examples: [
      'aicr snapshot --require gpu -o snapshot.yaml',
      'aicr snapshot --format table',
      'aicr snapshot --agent -n gpu-ops --node-selector nvidia.com/gpu.present=true -o cm://gpu-ops/aicr-snapshot',
    ],
  },
  async run({ flags }, context) {
    const format = parseOutputFormat(String(flags.format));
    const outputText = typeof flags.output === 'string' ? flags.output.trim() : '';
    const output = outputText && outputText !== '-' ? parseLocation(outputText, '--output') : undefined;
    if (output?.kind === 'url') throw invalidInput(`--output: cannot write to a URL (${output.text})`, { hint: 'write to a file, - for stdout, or cm://namespace/name' });
    const request = snapshotRequestFromFlags(flags, context.env);
    if (request.mode === 'local') {
      const ignored = AGENT_ONLY_FLAGS.filter((name) => flagWasGiven(flags, name));
      if (ignored.length) context.logger.notice(`${ignored.map((n) => `--${n}`).join(', ')} only appl${ignored.length > 1 ? 'y' : 'ies'} with --agent; collecting on this machine`);
    }
    const run = await withInterrupts((signal) => takeSnapshot(request, { logger: context.logger, env: context.env, signal }));
    const text = renderSnapshot(run.snapshot, format);
    if (output) {
      const options: WriteOptions = { input: '--output', format, kind: 'Snapshot' };
      if (request.kubeconfig) options.kubeconfig = request.kubeconfig;
      await writeLocation(output, text, options);
      const measured = run.sources.filter((s) => s.status !== 'unavailable').map((s) => s.type);
      context.logger.info(`snapshot written to ${output.text} (measured: ${measured.join(', ') || 'nothing'})`);
    } else {
      await writeLocation({ kind: 'stdio', text: '-' }, text, { stdout: context.stdout });
    }
    return 0;
  },
};

const DEFAULTED = new Set(['namespace', 'image', 'job-name', 'service-account-name']);

function flagWasGiven(flags: FlagValues, name: string): boolean {
  const value = flags[name];
  if (value === undefined || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (DEFAULTED.has(name)) return value !== command.spec.flags.find((f) => f.name === name)?.default;
  return true;
}

/**
 * Items of a repeatable flag; each value may also hold a comma-separated list (label values,
 * taints and secret names cannot contain commas, so nothing is lost). GitLab jobs pass lists so.
 */
function commaList(value: FlagValues[string]): string[] {
  return ((value as string[] | undefined) ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== '');
}

/** The typed request behind `aicr snapshot` flags (also used by tests). */
export function snapshotRequestFromFlags(flags: FlagValues, env: NodeJS.ProcessEnv): SnapshotRequest {
  const require = parseRequiredSources((flags.require as string[] | undefined) ?? []);
  if (flags['require-gpu'] === true && !require.includes('gpu')) require.push('gpu');
  const timeoutMs = parseDuration(String(flags.timeout), '--timeout') || 5 * 60_000;
  const maxNodesPerEntry = Number(flags['max-nodes-per-entry'] ?? 0);
  if (maxNodesPerEntry < 0) throw invalidInput('--max-nodes-per-entry must be 0 or more', { hint: 'use 0 to list every node' });
  const kubeconfig = typeof flags.kubeconfig === 'string' ? flags.kubeconfig : undefined;
  const agentMode = flags.agent === true;
  if (agentMode && flags['require-gpu'] === true && typeof flags['runtime-class'] === 'string') {
    throw invalidInput('--require-gpu and --runtime-class are mutually exclusive; prefer --runtime-class, which provides nvidia-smi access via the container runtime without consuming a GPU allocation', {
      hint: 'drop one of the two flags',
    });
  }
  const request: SnapshotRequest = { mode: agentMode ? 'agent' : 'local', require, timeoutMs };
  if (flags.timestamp === true) request.timestamp = new Date();
  if (kubeconfig) request.kubeconfig = kubeconfig;
  if (maxNodesPerEntry) request.maxNodesPerEntry = maxNodesPerEntry;
  if (agentMode) {
    const agent: AgentSettings = {
      namespace: String(flags.namespace),
      image: String(flags.image),
      imagePullSecrets: commaList(flags['image-pull-secret']),
      jobName: String(flags['job-name']),
      serviceAccountName: String(flags['service-account-name']),
      nodeSelectors: commaList(flags['node-selector']),
      tolerations: commaList(flags.toleration),
      timeoutMs,
      keep: flags.keep === true,
      privileged: flags.privileged !== false,
      requireGpu: flags['require-gpu'] === true,
      maxNodesPerEntry,
      debug: flags.debug === true || env.AICR_DEBUG === 'true',
    };
    if (typeof flags['runtime-class'] === 'string') agent.runtimeClass = flags['runtime-class'];
    if (kubeconfig) agent.kubeconfig = kubeconfig;
    if (typeof flags.output === 'string' && flags.output.trim().startsWith('cm://')) agent.configMap = flags.output.trim();
    request.agent = agent;
  }
  return request;
}

/**
 * Runs `work` with a signal that SIGINT/SIGTERM abort, so an interrupted agent run still cleans
 * up what it created and an interrupted local run writes nothing.
 */
async function withInterrupts<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    controller.abort(new AicrError(ErrorCode.Internal, `interrupted by ${name}`, { hint: 'nothing was written; objects the agent created were deleted unless --keep was given' }));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
