/**
 * The validate step's side of the live phases: whether there is cluster access (and why not),
 * the validator Job settings from the options, and the run itself with the client and the
 * interrupt signal. The engine is imported only when a cluster is there to check.
 */
import type { AicrError } from '../../errors.js';
import type { RecipeResult, Snapshot } from '../../documents/types.js';
import { parseTolerations } from '../../kube/agent/plan.js';
import type { OptionValues } from '../../options/spec.js';
import type { StepIO } from '../../step.js';
import type { VALIDATE_OPTIONS } from '../options.js';
import type { LiveCheckResult, LivePhase, Toleration, ValidatorJobSettings } from './types.js';

type Values = OptionValues<typeof VALIDATE_OPTIONS>;

/** A step is bounded by upstream's per-Test budget when the check names none. */
const DEFAULT_STEP_MS = 6 * 60_000;
/** An object that does not exist at all is waited for this long (upstream's grace). */
const ABSENT_GRACE_MS = 30_000;

/** Why the live phases cannot run here, or nothing when a cluster is reachable by configuration. */
export async function liveAccess(values: Values, io: StepIO): Promise<{ skipReason?: string }> {
  if (values.noCluster) return { skipReason: 'no-cluster mode: the cluster is not contacted' };
  // The client's modules load only when a live phase is asked for (start-up time of validate).
  const { resolveConfigSource } = await import('../../kube/config-source.js');
  const source = resolveConfigSource({ ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}), env: io.env });
  // The reason goes into the reports, which are the same for every door: no option spelling here.
  if (!source) return { skipReason: 'no cluster access (no kubeconfig given, no $KUBECONFIG or ~/.kube/config, not running in a pod)' };
  return {};
}

/** Validator Job settings from the options (checked before anything runs). */
export function liveSettingsFrom(values: Values): ValidatorJobSettings {
  return {
    namespace: values.namespace,
    ...(values.image ? { image: values.image } : {}),
    imagePullSecrets: values.imagePullSecret,
    nodeSelector: values.nodeSelector,
    tolerations: parseTolerations(values.toleration) as Toleration[],
    timeoutMs: values.timeout || 5 * 60_000,
    noCleanup: values.noCleanup,
    requireGpu: values.requireGpu,
  };
}

/** Runs the live phases against the configured cluster. */
export async function runLiveStep(phases: readonly LivePhase[], recipe: RecipeResult, snapshot: Snapshot, values: Values, settings: ValidatorJobSettings, io: StepIO): Promise<{ results: LiveCheckResult[]; clusterError?: AicrError }> {
  const [{ getKubeClient }, { displayServer }, { runLivePhases }] = await Promise.all([import('../../kube/client.js'), import('../../kube/kubeconfig.js'), import('./run.js')]);
  const client = await getKubeClient({ ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}), env: io.env });
  io.logger.info(`validate: running the ${phases.join(', ')} phase${phases.length > 1 ? 's' : ''} against ${client.source} (${displayServer(client.server)})`);
  return runLivePhases({
    phases,
    recipe,
    snapshot,
    client,
    settings,
    timing: { defaultStepMs: DEFAULT_STEP_MS, maxStepMs: settings.timeoutMs, absentGraceMs: Math.min(ABSENT_GRACE_MS, settings.timeoutMs) },
    signal: io.signal ?? new AbortController().signal,
    log: (line) => io.logger.info(line),
  });
}
