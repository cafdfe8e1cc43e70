/**
 * One agent run from start to end: plan, check, create, wait, read the snapshot back, and clean
 * up (also after failure or interruption). The steps live in the sibling modules.
 */
import { setMaxListeners } from 'node:events';
import { AicrError, ErrorCode, invalidInput } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { silentLogger } from '../../logger.js';
import { checkDocument, loadValidators, type Snapshot } from '../../documents/index.js';
import { parseSource } from '../../documents/source.js';
import { checkApiVersion, reportApiVersionNotices } from '../../documents/api-versions.js';
import { parseConfigMapUri } from '../../location.js';
import { getKubeClient } from '../client.js';
import { readConfigMapDocument } from '../configmap.js';
import { cancellation } from '../retry.js';
import { releaseObjects, type CreatedObject } from './cleanup.js';
import { deployAgent } from './deploy.js';
import { collectDiagnostics, type AgentDiagnostics } from './diagnostics.js';
import { findPod, jobFailure, jobOutcome, printLogs, waitForJob } from './job.js';
import { checkPermissions, checkRuntimeClass } from './permissions.js';
import { formatDuration, planAgentRun, type AgentPlan, type SnapshotAgentOptions } from './plan.js';
import { optionRef } from '../../option-refs.js';
import { quoted } from '../../safe-text.js';
import { isPlainObject } from '../../serialize.js';

export interface AgentContext {
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Interrupt: stops waiting, cleans up, rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Test seam: the run id (default random). */
  runId?: string;
  /**
   * Called when the Job failed or timed out, with its objects, events and log, before they are
   * deleted (a failure of the callback is a warning: the Job's own failure is what is reported).
   */
  onFailure?: (diagnostics: AgentDiagnostics) => Promise<void>;
}

export interface AgentResult {
  snapshot: Snapshot;
  /** The document as the agent stored it. */
  text: string;
  /** `cm://namespace/name#key` it was read from. */
  origin: string;
  configMap: { namespace: string; name: string };
  runId: string;
  job: string;
  pod?: string;
}

/** The run: see the overview in index.ts. */
export async function runSnapshotAgent(options: SnapshotAgentOptions, context: AgentContext = {}): Promise<AgentResult> {
  const logger = context.logger ?? silentLogger;
  const plan = planAgentRun(options, context.runId);
  if (context.signal?.aborted) throw cancellation(context.signal);
  // One internal signal follows the caller's; many requests listen to it at once (access reviews).
  const internal = new AbortController();
  setMaxListeners(0, internal.signal);
  const forward = (): void => internal.abort(context.signal!.reason);
  context.signal?.addEventListener('abort', forward, { once: true });
  const signal = context.signal ? internal.signal : undefined;
  const client = await getKubeClient({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), ...(context.env ? { env: context.env } : {}) });
  const created: CreatedObject[] = [];
  const { namespace } = plan;
  logger.info(`agent run ${plan.runId}: deploying Job ${namespace}/${plan.jobName} (image ${plan.image}) through ${client.source}`);
  let failure: unknown;
  try {
    await checkPermissions(client, plan, signal);
    if (plan.options.runtimeClass) await checkRuntimeClass(client, plan.options.runtimeClass, signal);
    const job = await deployAgent(client, plan, created, signal);
    logger.info(`agent run ${plan.runId}: waiting up to ${formatDuration(plan.timeoutMs)} for Job ${namespace}/${plan.jobName}`);

    // The object in hand may already be finished (a retried create returns the current state).
    const outcome = jobOutcome(job) ?? (await waitForJob(client, plan, String(job.metadata?.resourceVersion ?? ''), signal));
    const pod = await findPod(client, plan, signal).catch(() => undefined);
    if (outcome.kind !== 'complete') {
      const error = await jobFailure(client, plan, outcome, pod, logger);
      if (context.onFailure) {
        const diagnostics = await collectDiagnostics(client, plan, pod);
        await context.onFailure(diagnostics).catch((reason: unknown) => logger.warning(`could not keep the agent's debug files: ${reason instanceof Error ? reason.message : String(reason)}`));
      }
      throw error;
    }
    if (plan.options.debug) await printLogs(client, plan, pod, logger, 'debug');
    logger.info(`agent run ${plan.runId}: Job completed; reading cm://${plan.target.namespace}/${plan.target.name}`);
    const result = await readResult(plan, context.env, signal, logger);
    if (pod?.metadata?.name) result.pod = pod.metadata.name;
    return result;
  } catch (error) {
    failure = error;
    if (signal?.aborted) throw cancellation(signal);
    throw error;
  } finally {
    context.signal?.removeEventListener('abort', forward);
    await releaseObjects(created, plan, logger, failure !== undefined);
  }
}

/**
 * The checks of any snapshot read, for the agent's: the kind, the apiVersion gate (an older value
 * logged with the common notice, an absent or unknown one refused), then the schema.
 */
async function checkAgentSnapshot(text: string, origin: string, logger: Logger): Promise<Snapshot> {
  const [parsed] = await Promise.all([parseSource(text, origin), loadValidators('Snapshot')]);
  const value = parsed.value;
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    if (typeof value.kind === 'string' && value.kind !== '' && value.kind !== 'Snapshot') {
      throw invalidInput(`${origin}: agent result: invalid kind ${quoted(value.kind)}, expected "Snapshot"`, {
        location: parsed.locate(['kind']),
        hint: `the agent image must run "aicr snapshot" and write a Snapshot; check ${optionRef('image')}`,
      });
    }
    const location = Object.hasOwn(value, 'apiVersion') ? parsed.locate(['apiVersion']) : { file: origin };
    const notice = checkApiVersion('Snapshot', value.apiVersion, origin, location);
    if (notice) reportApiVersionNotices(logger, [notice]);
  }
  return checkDocument('Snapshot', parsed);
}

/** Reads and checks the snapshot the agent wrote to the run's target ConfigMap. */
async function readResult(plan: AgentPlan, env: NodeJS.ProcessEnv | undefined, signal: AbortSignal | undefined, logger: Logger): Promise<AgentResult> {
  const targetUri = parseConfigMapUri(`cm://${plan.target.namespace}/${plan.target.name}`, 'output');
  const { kubeconfig } = plan.options;
  let stored;
  try {
    stored = await readConfigMapDocument(targetUri, { ...(kubeconfig ? { kubeconfig } : {}), ...(env ? { env } : {}), ...(signal ? { signal } : {}), input: 'agent result' });
  } catch (error) {
    if (error instanceof AicrError && error.code === ErrorCode.NotFound) {
      throw new AicrError(ErrorCode.Internal, `the agent Job completed but left no snapshot in ${targetUri.text}: ${error.message}`, {
        cause: error,
        hint: `the agent image must run "aicr snapshot -o cm://…" and write key snapshot.yaml; check ${optionRef('image')}`,
      });
    }
    throw error;
  }
  const origin = `${targetUri.text}#${stored.key}`;
  const document = await checkAgentSnapshot(stored.text, origin, logger);
  return { snapshot: document, text: stored.text, origin, configMap: { namespace: plan.target.namespace, name: plan.target.name }, runId: plan.runId, job: plan.jobName };
}
