/**
 * Waiting for one validator Job and reading its verdict the way upstream's validators return it.
 *
 * The wait watches the Job and its pod at once (no polling): it ends when the Job completes or
 * fails, the pod terminates, the pod stays unschedulable or unable to pull its image for a grace
 * period, the timeout passes, or the caller aborts.
 *
 * The verdict is the `validator` container's exit code (0 passed, 1 failed, 2 skipped, anything
 * else an error such as a crash or OOM kill), its termination message (`/dev/termination-log`:
 * why it failed or skipped) and its log (evidence; `RESULT: ` lines are summaries, a
 * `##AICR-EXTRA## {json}` line carries structured codes such as `skipReason`).
 */
import { errorMessage } from '../../errors.js';
import { apiPath, MAX_PAGE_BYTES, type KubeClient } from '../../kube/client.js';
import { jobOutcome } from '../../kube/agent/job.js';
import { cancellation } from '../../kube/retry.js';
import { watchUntil, type WatchObject } from '../../kube/watch.js';
import { redactText } from '../../redact.js';
import { stripControls } from '../../safe-text.js';
import type { ValidatorEntry } from './validator-catalog.js';
import { RUN_ID_LABEL, VALIDATOR_CONTAINER, VALIDATOR_LABEL, type KubeObject, type ValidatorRunPlan } from './validator-job.js';
import type { LiveCheckResult, LiveCheckStatus } from './types.js';

/** How long a pod may stay unschedulable or unable to pull its image before the wait gives up. */
const STUCK_GRACE_MS = 2 * 60_000;
/** Extra wait after the Job's own deadline, so its DeadlineExceeded verdict can arrive first. */
const MAX_WAIT_BUFFER_MS = 30_000;
/** Bounds on what comes back from a validator's output, as upstream bounds them. */
const MAX_MESSAGE_BYTES = 4096;
const MAX_DETAIL_LINES = 100;
const MAX_LINE_LENGTH = 512;
const LOG_TAIL_LINES = 1000;
const LOG_BYTES = 256 * 1024;
const EXTRA_PREFIX = '##AICR-EXTRA## ';
const RESULT_PREFIX = 'RESULT: ';
const GPU_SKIP_REASONS = new Set(['no-gpu-nodes', 'no-schedulable-gpu-nodes']);
const IMAGE_PROBLEMS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'CreateContainerConfigError', 'CreateContainerError']);

export type WaitOutcome =
  | { kind: 'finished' }
  | { kind: 'deleted' }
  | { kind: 'timeout'; stuck?: Stuck }
  | { kind: 'stuck'; stuck: Stuck };

interface Stuck {
  reason: 'unschedulable' | 'image';
  message: string;
}

/** Why a pod cannot make progress by itself, if it cannot. */
function stuckState(pod: KubeObject | undefined): Stuck | undefined {
  if (!pod || pod.status?.phase !== 'Pending') return undefined;
  const scheduled = (pod.status?.conditions ?? []).find((c: KubeObject) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    return { reason: 'unschedulable', message: String(scheduled.message ?? 'no node can run it') };
  }
  for (const status of pod.status?.containerStatuses ?? []) {
    const waiting = status.state?.waiting;
    if (waiting && IMAGE_PROBLEMS.has(waiting.reason)) return { reason: 'image', message: `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}` };
  }
  return undefined;
}

function containerOf(pod: KubeObject | undefined): KubeObject | undefined {
  return (pod?.status?.containerStatuses ?? []).find((s: KubeObject) => s.name === VALIDATOR_CONTAINER);
}

function podSelector(plan: ValidatorRunPlan, entry: ValidatorEntry): string {
  return `${RUN_ID_LABEL}=${plan.runId},${VALIDATOR_LABEL}=${entry.name}`;
}

/** Watches the Job and its pod from `resourceVersion` until one of them settles the wait. */
export function waitForValidator(client: KubeClient, plan: ValidatorRunPlan, entry: ValidatorEntry, jobName: string, resourceVersion: string, timeoutMs: number, signal: AbortSignal): Promise<WaitOutcome> {
  const { namespace } = plan;
  const jobs = apiPath`/apis/batch/v1/namespaces/${namespace}/jobs`;
  const pods = apiPath`/api/v1/namespaces/${namespace}/pods`;
  const labelSelector = podSelector(plan, entry);
  const watches = new AbortController();
  const watchSignal = AbortSignal.any([signal, watches.signal]);
  const waitMs = timeoutMs + Math.min(MAX_WAIT_BUFFER_MS, timeoutMs);
  return new Promise<WaitOutcome>((resolve, reject) => {
    let done = false;
    let stuck: Stuck | undefined;
    let stuckTimer: NodeJS.Timeout | undefined;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(stuckTimer);
      signal.removeEventListener('abort', onAbort);
      watches.abort();
      settle();
    };
    const onAbort = (): void => finish(() => reject(cancellation(signal)));
    const timer = setTimeout(() => finish(() => resolve(stuck ? { kind: 'timeout', stuck } : { kind: 'timeout' })), waitMs);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const failed = (error: unknown): void => finish(() => reject(signal.aborted ? cancellation(signal) : error));
    const relist = (path: string, query: Record<string, string>, resource: string, group?: string) => async () => {
      const list = await client.call<KubeObject>({ verb: 'list', resource, ...(group ? { group } : {}), namespace }, { path, query, maxBytes: MAX_PAGE_BYTES }, { signal: watchSignal });
      return { items: list.items ?? [], resourceVersion: String(list.metadata?.resourceVersion ?? '') };
    };
    watchUntil<WaitOutcome>({
      client,
      action: { verb: 'watch', resource: 'jobs', group: 'batch', namespace },
      path: jobs,
      fieldSelector: `metadata.name=${jobName}`,
      ...(resourceVersion ? { resourceVersion } : {}),
      signal: watchSignal,
      check: (type, job) => (type === 'DELETED' ? { kind: 'deleted' } : jobOutcome(job) ? { kind: 'finished' } : undefined),
      relist: relist(jobs, { fieldSelector: `metadata.name=${jobName}` }, 'jobs', 'batch'),
    }).then((outcome) => finish(() => resolve(outcome)), failed);
    watchUntil<WaitOutcome>({
      client,
      action: { verb: 'watch', resource: 'pods', namespace },
      path: pods,
      labelSelector,
      // From the current state (sent as ADDED events): a Job met again after a lost create
      // answer may have run its pod already.
      signal: watchSignal,
      check: (type, pod: WatchObject) => {
        if (type === 'DELETED') return undefined;
        const phase = pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed' || containerOf(pod)?.state?.terminated) return { kind: 'finished' };
        stuck = stuckState(pod);
        if (!stuck) {
          clearTimeout(stuckTimer);
          stuckTimer = undefined;
        } else if (!stuckTimer) {
          stuckTimer = setTimeout(() => finish(() => resolve({ kind: 'stuck', stuck: stuck! })), Math.min(STUCK_GRACE_MS, waitMs));
        }
        return undefined;
      },
      relist: relist(pods, { labelSelector }, 'pods'),
    }).then((outcome) => finish(() => resolve(outcome)), failed);
  });
}

/** The validator's newest pod, if any. */
async function findPod(client: KubeClient, plan: ValidatorRunPlan, entry: ValidatorEntry, signal: AbortSignal): Promise<KubeObject | undefined> {
  const list = await client.call<KubeObject>(
    { verb: 'list', resource: 'pods', namespace: plan.namespace },
    { path: apiPath`/api/v1/namespaces/${plan.namespace}/pods`, query: { labelSelector: podSelector(plan, entry) }, maxBytes: MAX_PAGE_BYTES },
    { signal },
  );
  const pods: KubeObject[] = list.items ?? [];
  return pods.sort((a, b) => String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? '')))[0];
}

/** One line of validator output, safe to show: no controls, no secrets, bounded. */
function safeLine(line: string, max = MAX_LINE_LENGTH): string {
  const clean = redactText(stripControls(line.replace(/\t/g, ' ')));
  return clean.length > max ? `${clean.slice(0, max)}… [truncated ${clean.length - max} chars]` : clean;
}

/** The termination message, bounded like upstream bounds it, on one line. */
function boundMessage(message: string): string {
  const bytes = Buffer.from(message, 'utf8');
  const head = bytes.length > MAX_MESSAGE_BYTES ? `${bytes.subarray(0, MAX_MESSAGE_BYTES).toString('utf8').replace(/\uFFFD+$/, '')}… [truncated]` : message;
  return redactText(stripControls(head.trim().replace(/\s*[\r\n]+\s*/g, ' | ')));
}

interface ValidatorOutput {
  lines: string[];
  extra?: Record<string, string>;
  summaries: string[];
}

/** Splits a validator log into evidence lines (the last ones), the last valid extra payload and RESULT summaries. */
export function parseValidatorLog(text: string): ValidatorOutput {
  const kept: string[] = [];
  let extra: Record<string, string> | undefined;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (line.startsWith(EXTRA_PREFIX)) {
      try {
        const parsed = JSON.parse(line.slice(EXTRA_PREFIX.length)) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length) {
          extra = Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
        }
      } catch {
        // A garbled sentinel never changes the verdict: the exit code decides.
      }
      continue;
    }
    kept.push(line);
  }
  const lines = (kept.length === 1 && kept[0] === '' ? [] : kept).slice(-MAX_DETAIL_LINES).map((line) => safeLine(line));
  const summaries = lines.filter((line) => line.startsWith(RESULT_PREFIX) && line.length > RESULT_PREFIX.length).map((line) => line.slice(RESULT_PREFIX.length));
  return { lines, ...(extra ? { extra } : {}), summaries };
}

async function readLog(client: KubeClient, plan: ValidatorRunPlan, pod: KubeObject, signal: AbortSignal): Promise<ValidatorOutput | string> {
  const name = String(pod.metadata?.name ?? '');
  try {
    const text = await client.call<string>(
      { verb: 'get', resource: 'pods/log', namespace: plan.namespace, name },
      { path: apiPath`/api/v1/namespaces/${plan.namespace}/pods/${name}/log`, query: { container: VALIDATOR_CONTAINER, tailLines: LOG_TAIL_LINES, limitBytes: LOG_BYTES }, response: 'text', maxBytes: 4 * LOG_BYTES },
      { signal },
    );
    return parseValidatorLog(String(text ?? ''));
  } catch (error) {
    if (signal.aborted) throw error;
    return `could not read the validator log: ${safeLine(errorMessage(error))}`;
  }
}

const STATUS_BY_EXIT: Record<number, LiveCheckStatus> = { 0: 'passed', 1: 'failed', 2: 'skipped' };

export interface VerdictContext {
  client: KubeClient;
  plan: ValidatorRunPlan;
  entry: ValidatorEntry;
  jobName: string;
  timeoutMs: number;
  requireGpu: boolean;
  startedAt: number;
  signal: AbortSignal;
  log: (line: string) => void;
}

function formatMs(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** The check result for a validator whose wait ended with `outcome`. */
export async function readVerdict(context: VerdictContext, outcome: WaitOutcome): Promise<LiveCheckResult> {
  const { client, plan, entry, signal } = context;
  const result = (status: LiveCheckStatus, message: string, details?: string[]): LiveCheckResult => ({
    phase: entry.phase,
    name: entry.name,
    status,
    message,
    durationMs: Math.max(0, Date.now() - context.startedAt),
    ...(details && details.length ? { details } : {}),
  });
  const pod = await findPod(client, plan, entry, signal);
  const podName = pod?.metadata?.name ? ` (pod ${plan.namespace}/${pod.metadata.name})` : '';
  const stuck = outcome.kind === 'stuck' ? outcome.stuck : outcome.kind === 'timeout' ? outcome.stuck ?? stuckState(pod) : undefined;
  if (stuck?.reason === 'unschedulable') {
    const needs = entry.resources ?? { cpu: '1', memory: '1Gi' };
    return result('failed', `the validator pod was never scheduled${podName}: ${boundMessage(stuck.message)}`, [
      `the validator pod needs ${needs.cpu} CPU and ${needs.memory} of memory on a node whose taints it tolerates (every taint unless --toleration is given); free capacity, or check --toleration, required dependency affinities and quotas`,
    ]);
  }
  if (stuck?.reason === 'image') {
    const image = (pod?.spec?.containers ?? []).find((c: KubeObject) => c.name === VALIDATOR_CONTAINER)?.image ?? entry.image;
    return result('error', `the validator image ${safeLine(String(image))} could not be started${podName}: ${boundMessage(stuck.message)}`, [
      'check the image reference (--image for a mirror) and that --image-pull-secret names a Secret in the validation namespace that can pull it',
    ]);
  }
  const container = containerOf(pod);
  const terminated = container?.state?.terminated;
  const output = pod && (terminated || container?.state?.running) ? await readLog(client, plan, pod, signal) : undefined;
  const lines = typeof output === 'string' ? [output] : output?.lines ?? [];
  if (typeof output === 'object') for (const summary of output.summaries) context.log(`${entry.phase}: ${entry.name}: ${summary}`);
  if (outcome.kind === 'timeout') {
    return result('failed', `the validator did not complete within ${formatMs(context.timeoutMs)}${podName}`, lines);
  }
  if (outcome.kind === 'deleted' && !terminated) {
    return result('error', `the validator Job ${plan.namespace}/${context.jobName} was deleted while it ran`, lines);
  }
  // The Job's own verdict: killed on activeDeadlineSeconds is a failure whatever its pod shows now.
  const job = await client
    .getObject<KubeObject>({ verb: 'get', resource: 'jobs', group: 'batch', namespace: plan.namespace, name: context.jobName }, apiPath`/apis/batch/v1/namespaces/${plan.namespace}/jobs/${context.jobName}`, { signal })
    .catch(() => undefined);
  const failedCondition = (job?.status?.conditions ?? []).find((c: KubeObject) => c.type === 'Failed' && c.status === 'True');
  if (failedCondition?.reason === 'DeadlineExceeded' && !(terminated && STATUS_BY_EXIT[Number(terminated.exitCode)])) {
    const remains = pod ? podName : '; no pod remains for it, so its log is unavailable';
    return result('failed', `the validator Job did not complete within its ${formatMs(context.timeoutMs)} deadline${remains}`, lines);
  }
  if (!pod) {
    const why = failedCondition ? `: ${boundMessage(`${failedCondition.reason}: ${failedCondition.message ?? ''}`)}` : '';
    return result('error', `no pod was found for the validator Job ${plan.namespace}/${context.jobName}${why}`);
  }
  if (!container) return result('error', `the validator pod${podName} has no "${VALIDATOR_CONTAINER}" container status (the validator contract names that container)`, lines);
  if (!terminated) {
    const waiting = container.state?.waiting;
    return result('error', waiting ? `the validator never started${podName}: ${boundMessage(`${waiting.reason ?? ''}: ${waiting.message ?? ''}`)}` : `the validator was still running when its Job ended${podName}`, lines);
  }
  const exitCode = Number(terminated.exitCode);
  const message = terminated.reason === 'OOMKilled' ? 'Container OOMKilled' : boundMessage(String(terminated.message ?? ''));
  const status: LiveCheckStatus = STATUS_BY_EXIT[exitCode] ?? 'error';
  const skipReason = typeof output === 'object' ? output.extra?.skipReason : undefined;
  if (status === 'skipped' && context.requireGpu && skipReason && GPU_SKIP_REASONS.has(skipReason)) {
    return result('failed', `no schedulable GPU node, and --require-gpu is set${message ? `: ${message}` : ''}`, lines);
  }
  const text =
    status === 'passed' ? message || (typeof output === 'object' ? output.summaries[0] : undefined) || 'the validator passed'
      : status === 'failed' ? message || 'the validator failed (exit code 1) without a message'
        : status === 'skipped' ? message || 'the validator skipped itself (exit code 2) without a reason'
          : `the validator ended with exit code ${exitCode}${terminated.reason ? ` (${terminated.reason})` : ''}${message ? `: ${message}` : ''}`;
  return result(status, text, lines);
}
