/**
 * The snapshot stage: run the collectors concurrently under a deadline, assemble one Snapshot in
 * a fixed, deterministic shape, and say for every source whether it was measured and, if not, why.
 *
 * A source that is absent (no nvidia-smi, no systemd, no cluster) yields no readings, only an
 * `unavailable.reason` on its measurement; nothing is ever filled in. `required` turns absence
 * into a failure (NOT_FOUND, exit 3, before anything is written).
 */
import { AicrError, ErrorCode, errorMessage, invalidInput, optionError } from '../errors.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { readingText } from '../constraints/index.js';
import type { Measurement, Snapshot } from '../documents/index.js';
import { API_VERSION } from '../documents/types.js';
import { resolveConfigSource } from '../kube/client.js';
import { VERSION } from '../version.js';
import type { Collector, CollectorContext, CollectorName, CollectorResult } from './collector.js';
import { gpuCollector } from './collectors/gpu.js';
import { osCollector } from './collectors/os.js';
import { systemdCollector } from './collectors/systemd.js';
import { normalizeSnapshot, subtypeName } from './render.js';
import { optionRef } from '../option-refs.js';

export type { Collector,  CollectorName,  } from './collector.js';
export {   renderSnapshot,  subtypeName } from './render.js';

/** Collector name → the measurement type it produces. */
const SOURCE_TYPES: Record<CollectorName, string> = {
  k8s: 'K8s',
  systemd: 'SystemD',
  os: 'OS',
  gpu: 'GPU',
  topology: 'NodeTopology',
};

/** Source names in measurement order (for `--require` and reports). */
const SOURCES: readonly CollectorName[] = ['k8s', 'systemd', 'os', 'gpu', 'topology'];

/** Per-source time limits (upstream's), each further bounded by the overall deadline. */
const SOURCE_LIMITS_MS: Record<CollectorName, number> = {
  os: 10_000,
  systemd: 10_000,
  gpu: 10_000,
  k8s: 60_000,
  topology: 90_000,
};

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

export interface SourceReport {
  source: CollectorName;
  type: string;
  /** `partial`: some of the measurement's subtypes were unavailable. */
  status: 'collected' | 'partial' | 'unavailable';
  reason?: string;
  subtypes: number;
  readings: number;
  /** Wall time of the collector (reports only; never written into the snapshot). */
  durationMs: number;
}

export interface CollectOptions {
  collectors: readonly Collector[];
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Cancels the whole collection (interrupt). */
  signal?: AbortSignal;
  /** Overall deadline in milliseconds (default 5 min); per-source limits apply within it. */
  timeoutMs?: number;
  /** Overrides of SOURCE_LIMITS_MS (tests). */
  limitsMs?: Partial<Record<CollectorName, number>>;
  /** Writes `metadata.timestamp` (RFC 3339, whole seconds, UTC) from this time. Off by default. */
  timestamp?: Date;
  /** `metadata.version` (default this program's version). */
  version?: string;
}

export interface SnapshotOutcome {
  snapshot: Snapshot;
  sources: SourceReport[];
}

/** `metadata.source-node`: $NODE_NAME, else $KUBERNETES_NODE_NAME, else $HOSTNAME, else "". */
export function sourceNode(env: NodeJS.ProcessEnv): string {
  return env.NODE_NAME || env.KUBERNETES_NODE_NAME || env.HOSTNAME || '';
}

/** RFC 3339 UTC with whole seconds, as upstream writes `metadata.timestamp`. */
function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Runs every collector concurrently and assembles the snapshot. Never throws for a missing or
 * failing source: each becomes an `unavailable` measurement and a warning.
 */
export async function collectSnapshot(options: CollectOptions): Promise<SnapshotOutcome> {
  const logger = options.logger ?? silentLogger;
  const env = options.env ?? process.env;
  const overall = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const overallTimer = setTimeout(() => overall.abort(new Error('deadline')), timeoutMs);
  const onCancel = (): void => overall.abort(options.signal?.reason);
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    const runs = await Promise.all(options.collectors.map(async (collector) => {
      const limit = options.limitsMs?.[collector.name] ?? SOURCE_LIMITS_MS[collector.name];
      const started = performance.now();
      // A source limit at or beyond the overall deadline is left to the deadline itself.
      const result = await runCollector(collector, { logger, env, signal: overall.signal }, limit < timeoutMs ? limit : undefined, timeoutMs);
      return { collector, result, durationMs: performance.now() - started };
    }));
    const measurements: Measurement[] = [];
    const sources: SourceReport[] = [];
    for (const { collector, result, durationMs } of runs) {
      const type = SOURCE_TYPES[collector.name];
      if (result.status === 'unavailable') {
        measurements.push({ type, unavailable: { reason: result.reason } });
        sources.push({ source: collector.name, type, status: 'unavailable', reason: result.reason, subtypes: 0, readings: 0, durationMs });
        logger.warning(`${type}: unavailable: ${result.reason}`);
        continue;
      }
      for (const measurement of result.measurements) {
        measurements.push(measurement);
        const subtypes = measurement.subtypes ?? [];
        const readings = subtypes.reduce((sum, subtype) => sum + Object.keys(subtype.data ?? {}).length, 0);
        const partial = measurement.unavailable;
        const report: SourceReport = { source: collector.name, type: measurement.type, status: partial ? 'partial' : 'collected', subtypes: subtypes.length, readings, durationMs };
        if (partial) {
          report.reason = partial.subtypes ? Object.entries(partial.subtypes).map(([name, why]) => `${name}: ${why}`).join('; ') : partial.reason;
          logger.warning(`${measurement.type}: ${readings} readings from ${subtypes.map(subtypeName).join(', ')}; unavailable: ${report.reason}`);
        } else {
          logger.info(`${measurement.type}: ${readings} readings from ${subtypes.length} subtype${subtypes.length === 1 ? '' : 's'}`);
        }
        sources.push(report);
      }
    }
    const metadata: Record<string, string> = { 'source-node': sourceNode(env), version: options.version ?? VERSION };
    if (options.timestamp) metadata.timestamp = formatTimestamp(options.timestamp);
    const snapshot = normalizeSnapshot({ kind: 'Snapshot', apiVersion: API_VERSION, metadata, measurements });
    sources.sort((a, b) => SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source));
    return { snapshot, sources };
  } finally {
    clearTimeout(overallTimer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

/** One collector under its own limit; a throw or an overrun becomes `unavailable`. */
async function runCollector(collector: Collector, context: CollectorContext, limitMs: number | undefined, deadlineMs: number): Promise<CollectorResult> {
  const controller = new AbortController();
  const parent = context.signal;
  let stopped: string | undefined;
  const stop = (reason: string): void => {
    if (stopped) return;
    stopped = reason;
    controller.abort(new Error(reason));
  };
  const onParentAbort = (): void => stop(parent.reason instanceof Error && parent.reason.message === 'deadline'
    ? `the snapshot deadline (${formatDuration(deadlineMs)}) passed before it finished`
    : 'the snapshot was cancelled before it finished');
  if (parent.aborted) onParentAbort();
  parent.addEventListener('abort', onParentAbort, { once: true });
  const timer = limitMs === undefined ? undefined : setTimeout(() => stop(`did not finish within ${formatDuration(limitMs)} (the ${collector.name} source's time limit)`), limitMs);
  try {
    const stoppedResult = new Promise<CollectorResult>((resolve) => {
      controller.signal.addEventListener('abort', () => resolve({ status: 'unavailable', reason: stopped! }), { once: true });
    });
    const collected = (async (): Promise<CollectorResult> => {
      try {
        return await collector.collect({ ...context, signal: controller.signal });
      } catch (error) {
        return { status: 'unavailable', reason: `the ${collector.name} collector failed: ${errorMessage(error)}` };
      }
    })();
    return await Promise.race([collected, stoppedResult]);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  }
}

function formatDuration(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Parses `--require` values (`gpu,k8s`, also measurement type names) into source names. */
export function parseRequiredSources(values: readonly string[], input = 'require'): CollectorName[] {
  const out: CollectorName[] = [];
  for (const raw of values.flatMap((value) => value.split(','))) {
    const word = raw.trim().toLowerCase();
    if (word === '') continue;
    const source = (SOURCES as readonly string[]).includes(word)
      ? (word as CollectorName)
      : SOURCES.find((name) => SOURCE_TYPES[name].toLowerCase() === word);
    if (!source) {
      throw optionError(input, `unknown source "${raw.trim()}"`, { hint: `use a comma-separated list of: ${SOURCES.join(', ')}` });
    }
    if (!out.includes(source)) out.push(source);
  }
  return out;
}

/**
 * Why a source counts as absent in a snapshot, or undefined when it was measured. Works on any
 * snapshot, including one written by the upstream agent (which has no `unavailable` fields):
 * GPU needs a `gpu-count` above 0, NodeTopology a `node-count` above 0, the others at least one
 * non-empty subtype.
 */
function absenceReason(snapshot: Snapshot, source: CollectorName): string | undefined {
  const type = SOURCE_TYPES[source];
  const measurement = snapshot.measurements.find((m) => m?.type === type);
  if (!measurement) return `the snapshot has no ${type} measurement`;
  const subtypes = (measurement.subtypes ?? []).filter((s) => s && Object.keys(s.data ?? {}).length > 0);
  if (subtypes.length === 0) return measurement.unavailable?.reason ?? `the ${type} measurement has no readings`;
  if (source === 'gpu') {
    const smi = subtypes.find((s) => subtypeName(s) === 'smi');
    const count = Number(readingText(smi?.data['gpu-count']));
    if (!(count > 0)) return smi?.data['gpu-count'] === undefined ? 'nvidia-smi reported no gpu-count' : 'nvidia-smi reported 0 GPUs';
  }
  if (source === 'topology') {
    const summary = subtypes.find((s) => subtypeName(s) === 'summary');
    const count = Number(readingText(summary?.data['node-count']));
    if (!(count > 0)) return 'the cluster reported no nodes';
  }
  return undefined;
}

/** Throws NOT_FOUND (exit 3) naming every required source that is absent, with its reason. */
export function checkRequiredSources(snapshot: Snapshot, required: readonly CollectorName[]): void {
  const missing = required.map((source) => ({ source, reason: absenceReason(snapshot, source) })).filter((m): m is { source: CollectorName; reason: string } => m.reason !== undefined);
  if (missing.length === 0) return;
  throw new AicrError(ErrorCode.NotFound, `required source${missing.length > 1 ? 's' : ''} unavailable: ${missing.map((m) => `${m.source} (${m.reason})`).join('; ')}`, {
    hint: `run on a node where these sources exist (GPU: nvidia-smi on PATH; k8s/topology: a kubeconfig or in-cluster service account; systemd: a running systemd), or drop them from ${optionRef('require')}`,
    details: { unavailable: missing },
  });
}

export interface LocalCollectorOptions {
  /** Which sources to run (default all five). */
  sources?: readonly CollectorName[];
  /** `--kubeconfig`: the kubeconfig the K8s and NodeTopology collectors use. */
  kubeconfig?: string;
  /** Topology: most node names listed per label/taint entry (0 = all). */
  maxNodesPerEntry?: number;
  procRoot?: string;
  etcRoot?: string;
  usrLibRoot?: string;
  /** nvidia-smi executable (default `nvidia-smi` on PATH). */
  nvidiaSmi?: string;
  /** systemctl executable (default `systemctl` on PATH). */
  systemctl?: string;
  env?: NodeJS.ProcessEnv;
  /** Loads the Kubernetes-backed collectors; the default imports them lazily when a cluster is reachable. */
  loadKubernetesCollectors?: KubernetesCollectorLoader;
}

type KubernetesCollectorLoader = (options: { kubeconfig?: string; maxNodesPerEntry?: number; sources: readonly CollectorName[] }) => Promise<Collector[]>;

const NO_CLUSTER = 'no Kubernetes access: no --kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a pod';

/** A collector that only reports why its source is unavailable. */
function unavailableCollector(name: CollectorName, reason: string): Collector {
  return { name, collect: async () => ({ status: 'unavailable', reason }) };
}

/** The collectors of local mode (this machine is the node): OS, SystemD, GPU, K8s, NodeTopology. */
export async function localCollectors(options: LocalCollectorOptions = {}): Promise<Collector[]> {
  const sources = options.sources ?? SOURCES;
  const collectors: Collector[] = [];
  if (sources.includes('systemd')) collectors.push(systemdCollector(options.systemctl ? { command: options.systemctl } : {}));
  if (sources.includes('os')) {
    const roots: Record<string, string> = {};
    if (options.procRoot) roots.procRoot = options.procRoot;
    if (options.etcRoot) roots.etcRoot = options.etcRoot;
    if (options.usrLibRoot) roots.usrLibRoot = options.usrLibRoot;
    collectors.push(osCollector(roots));
  }
  if (sources.includes('gpu')) collectors.push(gpuCollector(options.nvidiaSmi ? { command: options.nvidiaSmi } : {}));
  const clusterSources = sources.filter((s) => s === 'k8s' || s === 'topology');
  if (clusterSources.length) {
    // Checked before loading the Kubernetes client, which costs a quarter of a second to import.
    const access = resolveConfigSource({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), env: options.env ?? process.env });
    if (!access) {
      collectors.push(...clusterSources.map((source) => unavailableCollector(source, NO_CLUSTER)));
    } else {
      const load = options.loadKubernetesCollectors ?? loadKubernetesCollectors;
      const request: Parameters<KubernetesCollectorLoader>[0] = { sources: clusterSources };
      if (options.kubeconfig) request.kubeconfig = options.kubeconfig;
      if (options.maxNodesPerEntry) request.maxNodesPerEntry = options.maxNodesPerEntry;
      try {
        collectors.push(...await load(request));
      } catch (error) {
        collectors.push(...clusterSources.map((source) => unavailableCollector(source, `the Kubernetes client could not be set up: ${errorMessage(error)}`)));
      }
    }
  }
  return collectors;
}

/**
 * Default loader of the K8s and NodeTopology collectors (collectors/k8s.ts and topology.ts, over
 * the shared Kubernetes client), imported only when credentials exist.
 */
const loadKubernetesCollectors: KubernetesCollectorLoader = async (options) => {
  const { kubernetesCollectors } = await import('./collectors/k8s.js');
  return kubernetesCollectors(options);
};

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
    const normalized = normalizeSnapshot(snapshot);
    run = { mode: 'agent', origin, snapshot: normalized, sources: reportSources(normalized) };
  } else {
    const collectorOptions: LocalCollectorOptions = { env };
    if (request.kubeconfig) collectorOptions.kubeconfig = request.kubeconfig;
    if (request.maxNodesPerEntry) collectorOptions.maxNodesPerEntry = request.maxNodesPerEntry;
    const collectors = services.collectors ?? await localCollectors(collectorOptions);
    const options: CollectOptions = { collectors, logger, env, timeoutMs: request.timeoutMs };
    if (services.signal) options.signal = services.signal;
    if (request.timestamp) options.timestamp = request.timestamp;
    run = { mode: 'local', ...await collectSnapshot(options) };
    // An interrupted collection is not a snapshot: nothing is written.
    if (services.signal?.aborted) throw interruption(services.signal);
  }
  checkRequiredSources(run.snapshot, request.require);
  return run;
}

/** Source reports for a snapshot we did not collect ourselves (agent, file). */
export function reportSources(snapshot: Snapshot): SourceReport[] {
  return SOURCES.filter((source) => snapshot.measurements.some((m) => m?.type === SOURCE_TYPES[source])).map((source) => {
    const measurement = snapshot.measurements.find((m) => m?.type === SOURCE_TYPES[source])!;
    const subtypes = measurement.subtypes ?? [];
    const readings = subtypes.reduce((sum, subtype) => sum + Object.keys(subtype.data ?? {}).length, 0);
    const reason = absenceReason(snapshot, source);
    const report: SourceReport = { source, type: SOURCE_TYPES[source], status: reason ? 'unavailable' : measurement.unavailable ? 'partial' : 'collected', subtypes: subtypes.length, readings, durationMs: 0 };
    if (reason) report.reason = reason;
    else if (measurement.unavailable) report.reason = measurement.unavailable.reason;
    return report;
  });
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
