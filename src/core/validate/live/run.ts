/**
 * Running the live phases in order: deployment here (read-only checks through the API), then
 * performance and conformance as validator Jobs (validators.ts). A refusal or failure of the
 * cluster API is kept as an `error` result, and the first one is returned so the caller can
 * exit with its code (4 for RBAC) once the reports are written.
 */
import { AicrError, ErrorCode } from '../../errors.js';
import type { RecipeResult } from '../../documents/types.js';
import { loadCatalog } from '../../catalog/embedded.js';
import type { KubeClient } from '../../kube/client.js';
import { errorResult, runDeploymentPhase, type HealthCheckSource } from './deployment.js';
import type { CheckTiming } from './run-check.js';
import type { LiveCheckResult, LivePhase, ValidatorJobSettings } from './types.js';
import { runValidatorPhase } from './validators.js';

export interface LiveRunRequest {
  phases: readonly LivePhase[];
  recipe: RecipeResult;
  client: KubeClient;
  settings: ValidatorJobSettings;
  timing: CheckTiming;
  signal: AbortSignal;
  log: (line: string) => void;
}

export interface LiveRun {
  results: LiveCheckResult[];
  /** The first refusal or failure of the cluster itself (RBAC, unreachable, throttled). */
  clusterError?: AicrError;
}

/** Error codes that say the cluster refused or failed, rather than that a check failed. */
const CLUSTER_CODES: readonly string[] = [ErrorCode.Unauthorized, ErrorCode.Unavailable, ErrorCode.RateLimited, ErrorCode.Timeout];

/** The registry's health check of a component, from the embedded catalog. */
async function registryHealthCheck(component: string): Promise<HealthCheckSource | undefined> {
  const catalog = await loadCatalog();
  const file = catalog.components.get(component)?.healthCheck?.assertFile;
  if (!file) return undefined;
  return { text: catalog.readText(file), origin: `recipes/${file}` };
}

export async function runLivePhases(request: LiveRunRequest): Promise<LiveRun> {
  const results: LiveCheckResult[] = [];
  for (const phase of request.phases) {
    request.signal.throwIfAborted();
    const started = performance.now();
    try {
      if (phase === 'deployment') {
        results.push(...(await runDeploymentPhase({ recipe: request.recipe, client: request.client, signal: request.signal, log: request.log, timing: request.timing, registryHealthCheck })));
      } else {
        results.push(...(await runValidatorPhase({ phase, recipe: request.recipe, client: request.client, settings: request.settings, signal: request.signal, log: request.log })));
      }
    } catch (error) {
      if (request.signal.aborted) throw error;
      results.push({ ...errorResult(phase, error, performance.now() - started), phase });
    }
  }
  let clusterError: AicrError | undefined;
  for (const result of results) {
    const error = (result as { error?: unknown }).error;
    delete (result as { error?: unknown }).error;
    if (!clusterError && error instanceof AicrError && CLUSTER_CODES.includes(error.code)) clusterError = error;
  }
  return { results, ...(clusterError ? { clusterError } : {}) };
}
