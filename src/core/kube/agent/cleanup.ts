/**
 * Removing what an agent run created, always (also after failure or interruption) unless told to
 * keep it: exactly the objects of this run, newest first, under a deadline of its own; problems
 * are warnings only.
 */
import { AicrError, errorMessage } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { classifyFailure } from '../errors.js';
import { removalCommand, type AgentPlan } from './plan.js';

/** Deadline for cleanup, independent of the (possibly interrupted) run. */
const CLEANUP_TIMEOUT_MS = 30_000;

/** An object of the run, registered before its create request so an interrupted one is removed too. */
export interface CreatedObject {
  kind: string;
  name: string;
  namespace?: string;
  /** The create was answered (false: interrupted in flight, the server may still create it). */
  confirmed?: boolean;
  remove(signal: AbortSignal): Promise<unknown>;
}

/** Pause before deleting again an object whose create was interrupted and not yet visible. */
const IN_FLIGHT_SETTLE_MS = 500;

/** Whether a request failed with this HTTP status. */
export function isStatus(error: unknown, status: number): boolean {
  const failure = classifyFailure(error instanceof AicrError ? error.cause : error);
  return failure.kind === 'http' && failure.status === status;
}

/** The end of every run: keep the objects (and say how to remove them) or delete them. */
export async function releaseObjects(created: CreatedObject[], plan: AgentPlan, logger: Logger, failed: boolean): Promise<void> {
  if (plan.options.keep) {
    if (created.length) {
      logger.info(`agent run ${plan.runId}: kept ${created.map((o) => `${o.kind} ${o.name}`).join(', ')}; remove them with: ${removalCommand(plan)}`);
    }
    return;
  }
  await cleanup(created, plan, logger, failed);
}

async function cleanup(created: CreatedObject[], plan: AgentPlan, logger: Logger, failed: boolean): Promise<void> {
  if (created.length === 0) return;
  // Reverse creation order: the Job first (it uses the RBAC objects), the namespace last.
  const problems = await removeObjects([...created].reverse());
  if (problems.length) {
    logger.warning(`agent run ${plan.runId}: cleanup left ${problems.length} object(s) in the cluster:\n${problems.map((p) => `  - ${p}`).join('\n')}\nremove them with: ${removalCommand(plan)}`);
  } else {
    logger.info(`agent run ${plan.runId}: removed ${created.length} object(s)${failed ? ' after the failure' : ''}`);
  }
}

/**
 * Deletes `objects` in the order given, under a deadline of its own (the run's may be spent);
 * returns what could not be removed. An object whose create was interrupted in flight may still
 * land, so one that is absent is looked for once more after a pause.
 */
export async function removeObjects(objects: readonly CreatedObject[]): Promise<string[]> {
  const signal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
  const problems: string[] = [];
  const unsettled: CreatedObject[] = [];
  const remove = async (object: CreatedObject, retryIfAbsent: boolean): Promise<void> => {
    try {
      await object.remove(signal);
    } catch (error) {
      if (isStatus(error, 404)) {
        if (retryIfAbsent && object.confirmed === false) unsettled.push(object);
        return;
      }
      problems.push(`${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}: ${errorMessage(error)}`);
    }
  };
  for (const object of objects) await remove(object, true);
  if (unsettled.length) {
    await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_SETTLE_MS));
    for (const object of unsettled) await remove(object, false);
  }
  return problems;
}
