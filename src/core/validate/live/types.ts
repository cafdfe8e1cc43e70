/**
 * The live phases of `aicr validate` (deployment, performance, conformance): what each phase
 * returns, and the settings of the validator Jobs the performance and conformance phases run.
 */
import type { RecipeResult } from '../../documents/types.js';
import type { KubeClient } from '../../kube/client.js';

export type LivePhase = 'deployment' | 'performance' | 'conformance';

export type LiveCheckStatus = 'passed' | 'failed' | 'skipped' | 'error';

/** One check of a live phase, as the reports (CTRF, JUnit, Code Quality) and summaries show it. */
export interface LiveCheckResult {
  phase: LivePhase;
  /** The check's name as upstream names it (component health check, validator name). */
  name: string;
  status: LiveCheckStatus;
  /** One line: why it failed, was skipped, or what passed. */
  message: string;
  durationMs: number;
  /** Further lines (failed assertions, a validator's output excerpt), already redacted and bounded. */
  details?: string[];
}

export interface Toleration {
  key?: string;
  operator?: 'Equal' | 'Exists';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** How validator Jobs are run: from the command's flags / inputs. */
export interface ValidatorJobSettings {
  namespace: string;
  /** Replaces every validator's image (for mirrors and air-gapped registries). */
  image?: string;
  imagePullSecrets: string[];
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  /** Per validator; the catalog's own timeout wins when it is shorter. */
  timeoutMs: number;
  /** Leave Jobs, pods and RBAC objects behind for debugging. */
  noCleanup: boolean;
  /** Fail (rather than skip) validators that need a GPU node when none is schedulable. */
  requireGpu: boolean;
}

export interface ValidatorPhaseRequest {
  phase: Exclude<LivePhase, 'deployment'>;
  recipe: RecipeResult;
  client: KubeClient;
  settings: ValidatorJobSettings;
  signal: AbortSignal;
  /** Progress lines (job created, pod scheduled, finished), for the logger at info/debug level. */
  log: (line: string) => void;
}
