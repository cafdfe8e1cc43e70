/**
 * Waiting for the agent Job with the watch API (resuming after stream drops, re-listing after
 * 410), bounded by the run's timeout and cancelled by the caller's signal; then finding its pod
 * and explaining it (state, scheduling or image-pull problems, logs) when the run failed.
 */
import { AicrError, ErrorCode, errorMessage } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { apiPath, MAX_PAGE_BYTES, type KubeClient } from '../client.js';
import { watchUntil, type WatchObject } from '../watch.js';
import { CONTAINER, RUN_ID_LABEL, formatDuration, type AgentPlan, type KubeObject } from './plan.js';
import { optionRef } from '../../option-refs.js';

export type JobOutcome = { kind: 'complete' } | { kind: 'failed'; reason: string; message?: string } | { kind: 'timeout' };

/** How the Job ended, or undefined while it runs. */
export function jobOutcome(job: WatchObject | undefined): JobOutcome | undefined {
  for (const condition of job?.status?.conditions ?? []) {
    if (condition.status !== 'True') continue;
    if (condition.type === 'Complete') return { kind: 'complete' };
    if (condition.type === 'Failed') return { kind: 'failed', reason: condition.reason || 'Failed', ...(condition.message ? { message: condition.message } : {}) };
  }
  return undefined;
}

/** Watches the Job from `resourceVersion` until it ends, the timeout passes or the signal aborts. */
export async function waitForJob(client: KubeClient, plan: AgentPlan, resourceVersion: string, signal: AbortSignal | undefined): Promise<JobOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('agent timeout')), plan.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  const { namespace, jobName } = plan;
  const jobs = apiPath`/apis/batch/v1/namespaces/${namespace}/jobs`;
  try {
    return await watchUntil<JobOutcome>({
      client,
      action: { verb: 'watch', resource: 'jobs', group: 'batch', namespace },
      path: jobs,
      fieldSelector: `metadata.name=${jobName}`,
      ...(resourceVersion ? { resourceVersion } : {}),
      signal: combined,
      check: (type, job) => {
        if (type === 'DELETED') return { kind: 'failed', reason: 'Deleted', message: 'the Job was deleted while the agent ran' };
        return jobOutcome(job);
      },
      relist: async () => {
        const list = await client.call<KubeObject>({ verb: 'list', resource: 'jobs', group: 'batch', namespace }, { path: jobs, query: { fieldSelector: `metadata.name=${jobName}` }, maxBytes: MAX_PAGE_BYTES }, { signal: combined });
        return { items: list.items ?? [], resourceVersion: String(list.metadata?.resourceVersion ?? '') };
      },
    });
  } catch (error) {
    if (timeout.signal.aborted && !signal?.aborted) return { kind: 'timeout' };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Log bytes asked for (the server may add a little: the answer is capped at four times this). */
const LOG_BYTES = 256 * 1024;

/** Finding and explaining the pod is worth less time than the run itself. */
function diagnosisDeadline(client: KubeClient): number {
  return Math.min(15_000, client.retryPolicy.deadlineMs);
}

/** The run's newest pod, if any. */
export async function findPod(client: KubeClient, plan: AgentPlan, signal: AbortSignal | undefined): Promise<KubeObject | undefined> {
  const namespace = plan.namespace;
  // Select by the run's own label: never a stale pod of another run.
  const list = await client.call<KubeObject>(
    { verb: 'list', resource: 'pods', namespace },
    { path: apiPath`/api/v1/namespaces/${namespace}/pods`, query: { labelSelector: `${RUN_ID_LABEL}=${plan.runId}` }, maxBytes: MAX_PAGE_BYTES },
    { ...(signal ? { signal } : {}), retry: { deadlineMs: diagnosisDeadline(client) } },
  );
  const pods: KubeObject[] = list.items ?? [];
  return pods.sort((a, b) => String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? '')))[0];
}

/** One line on why a pod is where it is: phase, scheduling, waiting or exit reasons. */
export function describePod(pod: KubeObject): string {
  const name = pod.metadata?.name ?? '?';
  const phase = pod.status?.phase ?? 'Unknown';
  const parts = [`pod ${name} is ${phase}`];
  const unscheduled = (pod.status?.conditions ?? []).find((c: KubeObject) => c.type === 'PodScheduled' && c.status === 'False');
  if (unscheduled) parts.push(`not scheduled: ${unscheduled.reason ?? ''}${unscheduled.message ? ` (${unscheduled.message})` : ''}`);
  for (const status of pod.status?.containerStatuses ?? []) {
    const state = status.state ?? {};
    if (state.waiting) parts.push(`container ${status.name} waiting: ${state.waiting.reason ?? ''}${state.waiting.message ? ` (${state.waiting.message})` : ''}`);
    if (state.terminated) parts.push(`container ${status.name} exited with code ${state.terminated.exitCode}${state.terminated.reason ? ` (${state.terminated.reason})` : ''}${state.terminated.message ? `: ${state.terminated.message}` : ''}`);
  }
  return parts.join('; ');
}

/** Prints the agent container's log (last 500 lines) once it has started; a failed read is a warning. */
export async function printLogs(client: KubeClient, plan: AgentPlan, pod: KubeObject | undefined, logger: Logger, level: 'error' | 'debug'): Promise<void> {
  if (!pod?.metadata?.name) return;
  const name = pod.metadata.name;
  const started = (pod.status?.containerStatuses ?? []).some((s: KubeObject) => s.state?.running || s.state?.terminated);
  if (!started) return;
  let text: string;
  try {
    text = await client.call<string>(
      { verb: 'get', resource: 'pods/log', namespace: plan.namespace, name },
      { path: apiPath`/api/v1/namespaces/${plan.namespace}/pods/${name}/log`, query: { container: CONTAINER, tailLines: 500, limitBytes: LOG_BYTES }, response: 'text', maxBytes: 4 * LOG_BYTES },
      { retry: { deadlineMs: diagnosisDeadline(client) } },
    );
  } catch (error) {
    logger.warning(`could not read the agent log of pod ${name}: ${errorMessage(error)}`);
    return;
  }
  const write = level === 'error' ? (line: string) => logger.info(line) : (line: string) => logger.debug(line);
  write(`--- agent log (pod ${plan.namespace}/${name}, last 500 lines) ---`);
  for (const line of String(text ?? '').replace(/\n$/, '').split('\n')) write(line);
  write('--- end of agent log ---');
}

/** The error for a Job that failed or timed out, after printing its pod's log. */
export async function jobFailure(client: KubeClient, plan: AgentPlan, outcome: Exclude<JobOutcome, { kind: 'complete' }>, pod: KubeObject | undefined, logger: Logger): Promise<AicrError> {
  const { namespace } = plan;
  const podState = pod ? describePod(pod) : 'no pod was created';
  await printLogs(client, plan, pod, logger, 'error');
  if (outcome.kind === 'timeout') {
    return new AicrError(ErrorCode.Timeout, `agent Job ${namespace}/${plan.jobName} did not complete within ${formatDuration(plan.timeoutMs)}: ${podState}`, {
      hint: `check that a node matches ${optionRef('node-selector')}/${optionRef('toleration')} and can pull the image, or raise ${optionRef('timeout')}`,
      details: { runId: plan.runId, job: plan.jobName, ...(pod ? { pod: pod.metadata?.name } : {}) },
    });
  }
  return new AicrError(ErrorCode.Internal, `agent Job ${namespace}/${plan.jobName} failed: ${outcome.reason}${outcome.message ? ` (${outcome.message})` : ''}; ${podState}`, {
    hint: 'the agent log is printed above; fix what it reports (image, permissions, node access) and run again',
    details: { runId: plan.runId, job: plan.jobName, reason: outcome.reason, ...(pod ? { pod: pod.metadata?.name } : {}) },
  });
}
