/**
 * Running one component health check against the cluster: its steps in order, the operations
 * of a step in order, each one waiting (by watch, see observe.ts) until it holds or its
 * deadline passes. Like upstream's in-process chainsaw runner: an `assert` needs one live
 * object that matches (terminating objects do not count; an object that never appears gives
 * up after a short grace instead of the whole timeout); an `error` needs no live object to
 * match.
 */
import type { KubeClient } from '../../kube/client.js';
import type { WatchObject } from '../../kube/watch.js';
import { mismatches, UnsupportedAssertion } from './assert.js';
import { collectionPath, type Discovery } from './discovery.js';
import type { HealthCheck, HealthOperation, HealthStep } from './health-check.js';
import { observe } from './observe.js';

export interface CheckTiming {
  /** Step deadline when the check names none (upstream: 6m). */
  defaultStepMs: number;
  /** Upper bound of any one step (`--timeout`); the check's own timeout wins when shorter. */
  maxStepMs: number;
  /** How long an assert waits for an object that does not exist at all (upstream: 30s). */
  absentGraceMs: number;
}

export interface CheckOutcome {
  passed: boolean;
  /** One line: the first failure, or what passed. */
  message: string;
  /** Every failure line (empty when passed). */
  details: string[];
}

interface Context {
  client: KubeClient;
  discovery: Discovery;
  timing: CheckTiming;
  signal: AbortSignal;
}

const live = (object: WatchObject): boolean => !object.metadata?.deletionTimestamp && object.status?.reason !== 'NodeLost';

function describe(op: HealthOperation): string {
  const where = op.namespace ? `${op.namespace}/` : '';
  const labels = Object.entries(op.labels).map(([k, v]) => `${k}=${v}`).join(',');
  return `${op.objectKind} ${where}${op.name ?? (labels ? `(labels ${labels})` : '*')}`;
}

/** What a pod is doing, for "matches a forbidden shape" messages. */
function podState(object: WatchObject): string {
  const status = object.status ?? {};
  const parts: string[] = [];
  if (typeof status.phase === 'string') parts.push(`phase=${status.phase}`);
  for (const list of [status.containerStatuses, status.initContainerStatuses]) {
    const waiting = Array.isArray(list) ? list.find((c: WatchObject) => typeof c?.state?.waiting?.reason === 'string') : undefined;
    if (waiting) {
      parts.push(`waiting=${waiting.state.waiting.reason}`);
      break;
    }
  }
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`);

/** Waits for one operation; resolves with a failure line, or undefined when it holds. */
async function runOperation(op: HealthOperation, deadlineMs: number, ctx: Context): Promise<string | undefined> {
  const collection = await ctx.discovery.collection(op.apiVersion, op.objectKind, ctx.signal);
  if (!collection) {
    return op.kind === 'error' ? undefined : `${describe(op)}: the API server does not serve ${op.objectKind} in ${op.apiVersion} (is its CRD installed?)`;
  }
  const path = collectionPath(collection, op.namespace);
  const labelSelector = Object.entries(op.labels).map(([k, v]) => `${k}=${v}`).join(',');
  const action = { verb: 'list', resource: collection.plural, group: collection.group, ...(collection.namespaced && op.namespace ? { namespace: op.namespace } : {}), ...(op.name ? { name: op.name } : {}) };
  let lastReason = op.kind === 'assert' ? `${describe(op)}: not found` : '';
  let seen = false;

  const timeout = AbortSignal.timeout(Math.max(1, deadlineMs));
  const grace = new AbortController();
  const graceTimer = op.kind === 'assert' && ctx.timing.absentGraceMs < deadlineMs ? setTimeout(() => grace.abort(), ctx.timing.absentGraceMs) : undefined;
  const signal = AbortSignal.any([ctx.signal, timeout, grace.signal]);
  const settle = (objects: readonly WatchObject[]): true | undefined => {
    const present = objects.filter(live);
    if (present.length && !seen) {
      seen = true;
      if (graceTimer) clearTimeout(graceTimer);
    }
    if (op.kind === 'assert') {
      if (present.length === 0) {
        lastReason = objects.length ? `${describe(op)}: only terminating or lost objects` : `${describe(op)}: not found`;
        return undefined;
      }
      for (const object of present) {
        const found = mismatches(op.resource, object);
        if (found.length === 0) return true;
        // A Secret's values never reach a report: say where it differs, not what it holds.
        const problems = op.objectKind === 'Secret' ? found.map((line) => `${line.split(': expected')[0]}: does not match (Secret values are not shown)`) : found;
        const name = op.name ? describe(op) : `${op.objectKind} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name}`;
        lastReason = `${name}: ${problems.slice(0, 5).join('; ')}`;
      }
      return undefined;
    }
    for (const object of present) {
      if (mismatches(op.resource, object).length === 0) {
        lastReason = `${op.objectKind} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name} matches a forbidden shape${podState(object)}`;
        return undefined;
      }
    }
    return true;
  };
  try {
    await observe({
      client: ctx.client,
      action,
      path,
      ...(op.name ? { fieldSelector: `metadata.name=${op.name}` } : {}),
      ...(labelSelector ? { labelSelector } : {}),
      decorate: (object) => ({ ...object, apiVersion: op.apiVersion, kind: op.objectKind }),
      settle,
      signal,
    });
    return undefined;
  } catch (error) {
    if (error instanceof UnsupportedAssertion || ctx.signal.aborted) throw error;
    if (grace.signal.aborted && !seen) return `${lastReason} (nothing appeared within ${seconds(ctx.timing.absentGraceMs)})`;
    if (timeout.aborted) return `${lastReason} (still so after ${seconds(deadlineMs)})`;
    throw error;
  } finally {
    if (graceTimer) clearTimeout(graceTimer);
  }
}

function stepDeadline(step: HealthStep, op: HealthOperation, timing: CheckTiming): number {
  const own = op.timeoutMs ?? (op.kind === 'error' ? step.timeouts.error ?? step.timeouts.assert : step.timeouts.assert) ?? timing.defaultStepMs;
  return Math.min(own, timing.maxStepMs);
}

/**
 * Runs a parsed health check. Resolves with the outcome; rejects with AicrError when the API
 * refused or failed (RBAC, unreachable), and when the caller's signal fired.
 */
export async function runHealthCheck(check: HealthCheck, client: KubeClient, discovery: Discovery, timing: CheckTiming, signal: AbortSignal): Promise<CheckOutcome> {
  if (check.declaredNoOp) return { passed: true, message: 'declared a no-op check (aicr/no-op-check)', details: [] };
  const ctx: Context = { client, discovery, timing, signal };
  let operations = 0;
  for (const step of check.steps) {
    const stepStart = Date.now();
    for (const op of step.operations) {
      const budget = stepDeadline(step, op, timing) - (Date.now() - stepStart);
      const failure = budget <= 0 ? `${describe(op)}: the step's deadline passed before this operation ran` : await runOperation(op, budget, ctx);
      if (failure !== undefined) return { passed: false, message: `step ${step.name}: ${failure}`, details: [`step ${step.name} (${op.kind}): ${failure}`] };
      operations++;
    }
  }
  return { passed: true, message: `${check.steps.length} step(s), ${operations} assertion(s) hold`, details: [] };
}
