/**
 * The snapshot stage: collect on this machine (collect.ts, local.ts) or through the agent Job
 * (kube/agent), then apply `require` (sources.ts). Nothing is ever filled in for an absent
 * source; `require` turns absence into a failure (NOT_FOUND, exit 3, before anything is written).
 */
import { AicrError, ErrorCode, invalidInput } from '../errors.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { Snapshot } from '../documents/index.js';
import { optionRef } from '../option-refs.js';
import type { Collector, CollectorName } from './collector.js';
import { collectSnapshot, redactMeasurement, type CollectOptions, type SnapshotOutcome } from './collect.js';
import { localCollectors, type LocalCollectorOptions } from './local.js';
import { normalizeSnapshot } from './render.js';
import { checkRequiredSources, reportSources } from './sources.js';

export type { Collector, CollectorName } from './collector.js';
export { renderSnapshot, subtypeName } from './render.js';
export { collectSnapshot, sourceNode } from './collect.js';
export { localCollectors } from './local.js';
export { checkRequiredSources, parseRequiredSources, reportSources } from './sources.js';

/** Settings of the in-cluster agent Job (`--agent`), carried to the Kubernetes module unchanged. */
export interface AgentSettings {
  namespace: string;
  image: string;
  imagePullSecrets: string[];
  jobName: string;
  serviceAccountName: string;
  /** Node labels the agent pod is scheduled by. */
  nodeSelector: Record<string, string>;
  /** `key=value:effect` or `key:effect` items, as given (none: tolerate everything). */
  tolerations: string[];
  /** How long to wait for the Job. */
  timeoutMs: number;
  /** Leave the Job and its RBAC objects in the cluster. */
  keep: boolean;
  privileged: boolean;
  runtimeClass?: string;
  /** Request one nvidia.com/gpu for the agent pod. */
  requireGpu: boolean;
  maxNodesPerEntry: number;
  kubeconfig?: string;
  /** `cm://namespace/name` the agent writes to (default: the agent's own ConfigMap). */
  configMap?: string;
  debug: boolean;
  /** Node OS family (`--os`): the agent's pod configuration and its OS and SystemD sources. */
  os?: string;
  /** Container requests and limits over the built-in ones (`--requests`, `--limits`). */
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

interface AgentRunContext {
  logger: Logger;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** Deploys the agent, waits for it, and returns the snapshot it wrote. */
type AgentRunner = (settings: AgentSettings, context: AgentRunContext) => Promise<{ snapshot: Snapshot; origin: string }>;

export interface SnapshotRequest {
  /** `local`: collect on this machine; `agent`: run the one-shot Job on a cluster node. */
  mode: 'local' | 'agent';
  /** Sources whose absence fails the run (NOT_FOUND, exit 3). */
  require: CollectorName[];
  /** Overall deadline of local collection in milliseconds. */
  timeoutMs: number;
  /** Writes `metadata.timestamp` (local mode). */
  timestamp?: Date;
  kubeconfig?: string;
  maxNodesPerEntry?: number;
  /** Node OS family: talos reads the OS and SystemD sources from the Kubernetes API (local mode). */
  os?: string;
  agent?: AgentSettings;
}

export interface SnapshotServices {
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Collectors for local mode (default localCollectors()). */
  collectors?: readonly Collector[];
  /** The agent (default: the Kubernetes module's, loaded lazily). */
  runAgent?: AgentRunner;
}

export interface SnapshotRun extends SnapshotOutcome {
  mode: 'local' | 'agent';
  /** Where an agent snapshot was read from (`cm://…`). */
  origin?: string;
}

/**
 * The snapshot stage as every front door uses it: collect locally or through the agent, then
 * apply `require`. Throws NOT_FOUND naming each absent required source; writes nothing.
 */
export async function takeSnapshot(request: SnapshotRequest, services: SnapshotServices = {}): Promise<SnapshotRun> {
  const logger = services.logger ?? silentLogger;
  const env = services.env ?? process.env;
  let run: SnapshotRun;
  if (request.mode === 'agent') {
    if (!request.agent) throw invalidInput('agent mode needs the agent settings', { hint: `pass ${optionRef('namespace')}, ${optionRef('image')}, … or use local mode` });
    const runAgent = services.runAgent ?? defaultAgentRunner;
    const context: AgentRunContext = { logger, env };
    if (services.signal) context.signal = services.signal;
    const { snapshot, origin } = await runAgent(request.agent, context);
    // The agent image may be another build (upstream's): what it recorded is redacted here too.
    const normalized = normalizeSnapshot({ ...snapshot, measurements: snapshot.measurements.map(redactMeasurement) });
    run = { mode: 'agent', origin, snapshot: normalized, sources: reportSources(normalized) };
  } else {
    const collectorOptions: LocalCollectorOptions = { env };
    if (request.kubeconfig) collectorOptions.kubeconfig = request.kubeconfig;
    if (request.maxNodesPerEntry) collectorOptions.maxNodesPerEntry = request.maxNodesPerEntry;
    if (request.os) collectorOptions.os = request.os;
    const collectors = services.collectors ?? await localCollectors(collectorOptions);
    const options: CollectOptions = { collectors, logger, env, timeoutMs: request.timeoutMs };
    if (services.signal) options.signal = services.signal;
    if (request.timestamp) options.timestamp = request.timestamp;
    run = { mode: 'local', ...await collectSnapshot(options) };
    // An interrupted collection is not a snapshot: nothing is written.
    if (services.signal?.aborted) throw interruption(services.signal);
  }
  checkRequiredSources(run.snapshot, request.require, run.sources);
  return run;
}

/** The Kubernetes module's agent, loaded only when agent mode runs. */
const defaultAgentRunner: AgentRunner = async (settings, context) => {
  const { runSnapshotAgent } = await import('../kube/agent/index.js');
  return runSnapshotAgent(settings, context);
};

function interruption(signal: AbortSignal): AicrError {
  const reason: unknown = signal.reason;
  if (reason instanceof AicrError) return reason;
  return new AicrError(ErrorCode.Internal, `snapshot interrupted${reason instanceof Error ? `: ${reason.message}` : ''}`, { cause: reason });
}
