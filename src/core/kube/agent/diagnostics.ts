/**
 * What a failed agent run leaves for debugging, read before its objects are deleted: the Job and
 * pod as YAML, the pod's events and the agent's log. Every read is bounded and best-effort: what
 * could not be read says why in its file. The door decides where it goes (the snapshot action
 * uploads it as a workflow artifact).
 */
import { errorMessage } from '../../errors.js';
import { redactText } from '../../redact.js';
import { toYaml } from '../../serialize.js';
import { apiPath, MAX_PAGE_BYTES, type KubeClient } from '../client.js';
import { CONTAINER, type AgentPlan, type KubeObject } from './plan.js';

/** Bytes of agent log kept (the newest). */
const LOG_BYTES = 1024 * 1024;
/** Debugging a failure gets less time than the run itself. */
const DEADLINE_MS = 15_000;

export interface AgentDiagnostics {
  runId: string;
  /** File name → content (job.yaml, pod.yaml, events.yaml, agent.log). */
  files: Record<string, string>;
}

/** Runs `read`, or explains in the file's text why it could not. */
async function attempt(what: string, read: () => Promise<string>): Promise<string> {
  try {
    return redactText(await read());
  } catch (error) {
    return `# ${what} could not be read: ${errorMessage(error)}\n`;
  }
}

export async function collectDiagnostics(client: KubeClient, plan: AgentPlan, pod: KubeObject | undefined): Promise<AgentDiagnostics> {
  const { namespace, jobName } = plan;
  const retry = { retry: { deadlineMs: Math.min(DEADLINE_MS, client.retryPolicy.deadlineMs) } };
  const podName = pod?.metadata?.name as string | undefined;
  const files: Record<string, string> = {};
  files['job.yaml'] = await attempt(`Job ${namespace}/${jobName}`, async () =>
    toYaml(await client.call<KubeObject>({ verb: 'get', resource: 'jobs', group: 'batch', namespace, name: jobName }, { path: apiPath`/apis/batch/v1/namespaces/${namespace}/jobs/${jobName}` }, retry)));
  // Items of a list carry no kind: the file reads as the object kubectl would show.
  files['pod.yaml'] = pod ? redactText(toYaml({ apiVersion: 'v1', kind: 'Pod', ...pod })) : '# no pod was created\n';
  files['events.yaml'] = await attempt(`events in ${namespace}`, async () => {
    const list = await client.call<{ items?: KubeObject[] }>({ verb: 'list', resource: 'events', namespace }, { path: apiPath`/api/v1/namespaces/${namespace}/events`, maxBytes: MAX_PAGE_BYTES }, retry);
    const names = new Set([jobName, ...(podName ? [podName] : [])]);
    const mine = (list.items ?? []).filter((event) => names.has(String(event.involvedObject?.name ?? '')));
    return toYaml(mine.map((event) => ({ apiVersion: 'v1', kind: 'Event', ...event })));
  });
  files['agent.log'] = podName
    ? await attempt(`the log of pod ${podName}`, async () =>
      String(await client.call<string>(
        { verb: 'get', resource: 'pods/log', namespace, name: podName },
        { path: apiPath`/api/v1/namespaces/${namespace}/pods/${podName}/log`, query: { container: CONTAINER, limitBytes: LOG_BYTES }, response: 'text', maxBytes: 4 * LOG_BYTES },
        retry,
      ) ?? ''))
    : '# no pod was created\n';
  return { runId: plan.runId, files };
}
