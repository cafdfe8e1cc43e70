/**
 * The deployment phase, read-only against the cluster: the checks the recipe's
 * `validation.deployment.checks` names (upstream's deployment validator), evaluated through the
 * Kubernetes API from here instead of from a validator Job:
 * - `expected-resources`: component namespaces and `expectedResources`, then every enabled
 *   component's health check (`healthCheckAsserts` in the recipe, or the registry's
 *   `healthCheck.assertFile`; `healthCheckSkip` leaves it out), one result per component;
 * - `operator-health`, `gpu-operator-version`: as upstream;
 * - anything that needs pods on GPU nodes (`check-nvidia-smi`) is reported skipped, with why.
 */
import { AicrError } from '../../errors.js';
import type { ComponentRef, RecipeResult } from '../../documents/types.js';
import type { KubeClient } from '../../kube/client.js';
import { UnsupportedAssertion } from './assert.js';
import { checkExpectedResources, checkGpuOperatorVersion, checkOperatorHealth, enabledRefs, type Verdict } from './deployment-checks.js';
import { Discovery } from './discovery.js';
import { parseHealthCheck } from './health-check.js';
import { runHealthCheck, type CheckTiming } from './run-check.js';
import type { LiveCheckResult } from './types.js';

/** Health checks run at once (upstream runs 4). */
const PARALLEL_CHECKS = 4;
/** Why a deployment check upstream runs is not run here. */
const NOT_READ_ONLY: Record<string, string> = {
  'check-nvidia-smi': 'runs nvidia-smi in pods on the GPU nodes (a validator Job); the read-only deployment phase starts no pods',
};
/** Run when the recipe names no deployment checks: the component health checks. */
const DEFAULT_CHECKS = ['expected-resources'];

export interface HealthCheckSource {
  text: string;
  /** For messages: `recipes/checks/gpu-operator/health-check.yaml`, `recipe componentRefs[gpu-operator].healthCheckAsserts`. */
  origin: string;
}

export interface DeploymentPhaseRequest {
  recipe: RecipeResult;
  client: KubeClient;
  signal: AbortSignal;
  log: (line: string) => void;
  timing: CheckTiming;
  /** The registry's health check for a component (undefined: it has none). */
  registryHealthCheck(component: string): Promise<HealthCheckSource | undefined>;
}

/** The component's health check: inline in the recipe, else the registry's; none when skipped. */
async function healthCheckOf(ref: ComponentRef, request: DeploymentPhaseRequest): Promise<HealthCheckSource | 'skip' | undefined> {
  if (ref.healthCheckSkip) return 'skip';
  if (ref.healthCheckAsserts) return { text: ref.healthCheckAsserts, origin: `recipe componentRefs[${ref.name}].healthCheckAsserts` };
  return request.registryHealthCheck(ref.name);
}

async function timed(phaseCheck: string, run: () => Promise<Verdict>): Promise<LiveCheckResult> {
  const started = performance.now();
  const verdict = await run();
  return {
    phase: 'deployment',
    name: phaseCheck,
    status: verdict.status,
    message: verdict.message,
    durationMs: Math.round(performance.now() - started),
    ...(verdict.details?.length ? { details: verdict.details } : {}),
  };
}

/** Runs `tasks` with at most `limit` at once, results in task order. */
async function pooled<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** One result per component health check. */
async function componentHealthChecks(request: DeploymentPhaseRequest): Promise<LiveCheckResult[]> {
  const discovery = new Discovery(request.client);
  const tasks = enabledRefs(request.recipe).map((ref) => async (): Promise<LiveCheckResult | undefined> => {
    const name = `health-check/${ref.name}`;
    const started = performance.now();
    try {
      const source = await healthCheckOf(ref, request);
      if (source === undefined) return undefined;
      if (source === 'skip') return { phase: 'deployment', name, status: 'skipped', message: 'healthCheckSkip is set for this component in the recipe', durationMs: 0 };
      const check = await parseHealthCheck(source.text, source.origin);
      const outcome = await runHealthCheck(check, request.client, discovery, request.timing, request.signal);
      request.log(`deployment: ${name}: ${outcome.passed ? 'passed' : `failed: ${outcome.message}`}`);
      const result: LiveCheckResult = { phase: 'deployment', name, status: outcome.passed ? 'passed' : 'failed', message: outcome.message, durationMs: Math.round(performance.now() - started) };
      if (outcome.details.length) result.details = outcome.details;
      return result;
    } catch (error) {
      if (request.signal.aborted) throw error;
      if (error instanceof UnsupportedAssertion) {
        return { phase: 'deployment', name, status: 'error', message: `cannot evaluate the health check: ${error.message}`, durationMs: Math.round(performance.now() - started), details: ['hint: write health checks with assert/error operations, partial matches and JMESPath keys, as recipes/checks/ does'] };
      }
      return errorResult(name, error, performance.now() - started);
    }
  });
  return (await pooled(tasks, PARALLEL_CHECKS)).filter((result): result is LiveCheckResult => result !== undefined);
}

/**
 * Runs the deployment phase. A check whose health check cannot be evaluated is an `error`
 * result; API refusals and failures (RBAC, unreachable, timeouts of the API itself) are
 * `error` results too; runLivePhases returns the first of them, so the exit code says what
 * went wrong once the reports are written.
 */
export async function runDeploymentPhase(request: DeploymentPhaseRequest): Promise<LiveCheckResult[]> {
  const named = request.recipe.validation?.deployment?.checks ?? [];
  const checks = named.length ? named : DEFAULT_CHECKS;
  const results: LiveCheckResult[] = [];
  for (const check of checks) {
    request.signal.throwIfAborted();
    const guard = async (run: () => Promise<LiveCheckResult[]>): Promise<void> => {
      const started = performance.now();
      try {
        results.push(...(await run()));
      } catch (error) {
        if (request.signal.aborted) throw error;
        results.push(errorResult(check, error, performance.now() - started));
      }
    };
    switch (check) {
      case 'expected-resources':
        await guard(async () => [await timed(check, () => checkExpectedResources(request.recipe, request.client, request.signal))]);
        await guard(() => componentHealthChecks(request));
        break;
      case 'operator-health':
        await guard(async () => [await timed(check, () => checkOperatorHealth(request.client, request.signal))]);
        break;
      case 'gpu-operator-version':
        await guard(async () => [await timed(check, () => checkGpuOperatorVersion(request.recipe, request.client, request.signal))]);
        break;
      default:
        results.push({ phase: 'deployment', name: check, status: 'skipped', message: NOT_READ_ONLY[check] ?? 'not evaluated by the read-only deployment phase (upstream runs it in a validator Job)', durationMs: 0 });
    }
  }
  return results;
}

/** An `error` result that keeps the error for the exit code. */
export function errorResult(name: string, error: unknown, durationMs: number): LiveCheckResult & { error: unknown } {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const hint = error instanceof AicrError && error.hint ? [`hint: ${error.hint}`] : [];
  return { phase: 'deployment', name, status: 'error', message, durationMs: Math.round(durationMs), details: hint, error };
}
