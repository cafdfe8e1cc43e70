/**
 * Running the live phases in order: deployment here (read-only checks through the API), then
 * performance and conformance as validator Jobs (validators.ts). A refusal or failure of the
 * cluster API is kept as an `error` result, and the first one is returned so the caller can
 * exit with its code (4 for RBAC) once the reports are written.
 */
import { AicrError, ErrorCode } from '../../errors.js';
import type { RecipeResult, Snapshot } from '../../documents/types.js';
import { loadCatalog } from '../../catalog/embedded.js';
import type { KubeClient } from '../../kube/client.js';
import { errorResult, runDeploymentPhase, type HealthCheckSource } from './deployment.js';
import type { CheckTiming } from './run-check.js';
import type { LiveCheckResult, LivePhase, ValidatorJobSettings } from './types.js';
import { runValidators } from './validators.js';
import { redactText } from '../../redact.js';
import { stripControls } from '../../safe-text.js';

/** Bounds of what a check reports: one message line, a few detail lines. */
const MAX_MESSAGE = 1000;
const MAX_DETAIL_LINES = 20;
const MAX_DETAIL = 500;

/** Text from the cluster is untrusted: no controls, no credentials, bounded. */
function clean(text: string, max: number): string {
  const line = redactText(stripControls(text).replace(/[\t\r\n]+/g, ' '));
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function bounded(result: LiveCheckResult): LiveCheckResult {
  const out: LiveCheckResult = { ...result, name: clean(result.name, 200), message: clean(result.message, MAX_MESSAGE) };
  if (result.details) {
    const details = result.details.slice(0, MAX_DETAIL_LINES).map((line) => clean(line, MAX_DETAIL));
    if (result.details.length > MAX_DETAIL_LINES) details.push(`… and ${result.details.length - MAX_DETAIL_LINES} more`);
    out.details = details;
  }
  return out;
}

export interface LiveRunRequest {
  phases: readonly LivePhase[];
  recipe: RecipeResult;
  /** The snapshot validated against: the validator Jobs read it, as upstream mounts it. */
  snapshot?: Snapshot;
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
        results.push(...(await runValidators({ phase, recipe: request.recipe, ...(request.snapshot ? { snapshot: request.snapshot } : {}), client: request.client, settings: request.settings, signal: request.signal, log: request.log })));
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
  return { results: results.map(bounded), ...(clusterError ? { clusterError } : {}) };
}
