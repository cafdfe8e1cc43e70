/**
 * The Kubernetes objects of one validator phase run, built the way upstream builds them (pure,
 * no requests): a ServiceAccount bound to cluster-admin by a ClusterRoleBinding (validators
 * inspect arbitrary CRDs; RBAC lets only a cluster admin create that binding), the ConfigMaps the
 * validator reads and one Job per validator.
 *
 * The catalog's images are pinned to upstream v0.11.1, whose validators read
 * `/data/snapshot/snapshot.yaml` and `/data/recipe/recipe.yaml` (AICR_RECIPE_PATH) and whose
 * orchestrator pod carries the `--toleration` settings (tolerate-all without them). Newer
 * validators (an `--image` override) read `/data/validation/validation.yaml` and take
 * `--node-selector` / `--toleration` for the workloads they start from AICR_NODE_SELECTOR /
 * AICR_TOLERATIONS. Every Job carries both, so either kind runs. The pod prefers a non-GPU node.
 */
import type { RecipeResult } from '../../documents/types.js';
import { optionError } from '../../errors.js';
import { DEFAULT_AGENT_IMAGE } from '../../kube/agent/image.js';
import { resolveDependency, type ValidatorEntry } from './validator-catalog.js';
import type { Toleration, ValidatorJobSettings, ValidatorPhaseRequest } from './types.js';
import { newRunId } from '../../util/lazy-builtins.js';

export type KubeObject = Record<string, any>;

/** The one container upstream reads results from (sidecars injected by others are ignored). */
export const VALIDATOR_CONTAINER = 'validator';
export const RUN_ID_LABEL = 'aicr.nvidia.com/run-id';
export const VALIDATOR_LABEL = 'aicr.nvidia.com/validator';
const TERMINATION_GRACE_SECONDS = 30;
const JOB_TTL_SECONDS = 3600;
/** Environment names only the run sets (a catalog entry cannot replace them). */
const RESERVED_ENV = /^(AICR_(SNAPSHOT_PATH|RECIPE_PATH|VALIDATION_PATH|VALIDATOR_NAME|VALIDATOR_PHASE|RUN_ID|NAMESPACE|CHECK_TIMEOUT|NODE_SELECTOR|TOLERATIONS|CLI_VERSION)|HF_TOKEN)$/;

/** Everything a phase run creates, named before any request. */
export interface ValidatorRunPlan {
  runId: string;
  phase: ValidatorPhaseRequest['phase'];
  namespace: string;
  serviceAccount: string;
  clusterRoleBinding: string;
  snapshotConfigMap: string;
  recipeConfigMap: string;
  validationConfigMap: string;
  labels: Record<string, string>;
}


export function planValidatorRun(phase: ValidatorRunPlan['phase'], namespace: string, runId = newRunId()): ValidatorRunPlan {
  return {
    runId,
    phase,
    namespace,
    serviceAccount: `aicr-validator-${runId}`,
    clusterRoleBinding: `aicr-validator-${runId}`,
    snapshotConfigMap: `aicr-snapshot-${runId}`,
    recipeConfigMap: `aicr-recipe-${runId}`,
    validationConfigMap: `aicr-validation-${runId}`,
    labels: {
      'app.kubernetes.io/name': 'aicr',
      'app.kubernetes.io/component': 'validation',
      'app.kubernetes.io/managed-by': 'aicr',
      [RUN_ID_LABEL]: runId,
      'aicr.nvidia.com/phase': phase,
    },
  };
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && LABEL_NAME.test(name);
}

const isLabelValue = (value: string): boolean => value === '' || (value.length <= 63 && LABEL_NAME.test(value));

/**
 * Checks the settings before any request: names Kubernetes would refuse, and selector or
 * toleration text that would change meaning in AICR_NODE_SELECTOR / AICR_TOLERATIONS (`,`, `=`).
 */
export function checkValidatorSettings(settings: ValidatorJobSettings): void {
  if (!DNS1123_LABEL.test(settings.namespace) || settings.namespace.length > 63) {
    throw optionError('namespace', `"${settings.namespace}" is not a valid namespace name`, { hint: 'lower-case letters, digits and -, at most 63 characters' });
  }
  if (settings.image !== undefined && settings.image.trim() !== '' && /[\s,]/.test(settings.image.trim())) {
    throw optionError('image', `"${settings.image}" is not a valid image reference`, { hint: 'e.g. registry.example.com/nvidia/aicr-validators/conformance:v0.11.1' });
  }
  for (const secret of settings.imagePullSecrets) {
    if (!DNS1123_SUBDOMAIN.test(secret) || secret.length > 253) throw optionError('image-pull-secret', `"${secret}" is not a valid Secret name`, { hint: 'give the name of a docker-registry Secret in the validation namespace' });
  }
  for (const [key, value] of Object.entries(settings.nodeSelector)) {
    if (!isLabelKey(key) || !isLabelValue(value)) throw optionError('node-selector', `"${key}=${value}" is not a valid node label key and value`, { hint: 'e.g. nodeGroup=gpu-worker (label values: letters, digits, -, _ and ., at most 63)' });
  }
  for (const toleration of settings.tolerations) {
    const text = `${toleration.key ?? ''}${toleration.value ? `=${toleration.value}` : ''}:${toleration.effect ?? ''}`;
    if ((toleration.key && !isLabelKey(toleration.key)) || !isLabelValue(toleration.value ?? '') || (toleration.value && toleration.operator === 'Exists')) {
      throw optionError('toleration', `"${text}" is not a valid toleration`, { hint: 'key=value:Effect, key:Effect or :Effect, e.g. nvidia.com/gpu:NoSchedule' });
    }
  }
}

export function jobNameOf(plan: ValidatorRunPlan, entry: ValidatorEntry): string {
  return `aicr-${entry.name}-${plan.runId}`;
}

/** The kubectl commands that remove whatever a run left behind. */
export function removalCommand(plan: ValidatorRunPlan): string {
  return `kubectl delete job,pod,serviceaccount,configmap -n ${plan.namespace} -l ${RUN_ID_LABEL}=${plan.runId} && kubectl delete clusterrolebinding -l ${RUN_ID_LABEL}=${plan.runId}`;
}

/** A duration as Go prints one (`5m0s`, `1h5m0s`, `300ms`): validators parse AICR_CHECK_TIMEOUT with Go. */
export function formatGoDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return `${hours ? `${hours}h` : ''}${hours || minutes ? `${minutes}m` : ''}${seconds}s`;
}

/** `key=value,…` sorted by key (upstream's AICR_NODE_SELECTOR form). */
function serializeNodeSelector(selector: Record<string, string>): string {
  return Object.keys(selector).sort().map((key) => `${key}=${selector[key]}`).join(',');
}

/** `*`, `key=value:Effect` or `key:Effect` items (upstream's AICR_TOLERATIONS form). */
function serializeTolerations(tolerations: readonly Toleration[]): string {
  return tolerations.map((t) => (!t.key && t.operator === 'Exists' ? '*' : t.value ? `${t.key}=${t.value}:${t.effect ?? ''}` : `${t.key ?? ''}:${t.effect ?? ''}`)).join(',');
}

/** Upstream's pull policy: never for local images, always for `:latest` or an overridden image. */
function pullPolicy(image: string, overridden: boolean): string {
  if (image.startsWith('ko.local/') || image.startsWith('kind.local/')) return 'Never';
  if (image.includes('@')) return 'IfNotPresent';
  if (overridden || image.endsWith(':latest')) return 'Always';
  return 'IfNotPresent';
}

/** What the validator reads as /data/validation/validation.yaml: upstream's ValidationInput (JSON is YAML). */
function validationInput(recipe: RecipeResult): KubeObject {
  return {
    apiVersion: 'validator.nvidia.com/v1alpha1',
    kind: 'ValidationInput',
    ...(recipe.metadata?.version ? { metadata: { version: recipe.metadata.version } } : {}),
    config: { ...(recipe.validation ?? {}) },
    componentRefs: recipe.componentRefs ?? [],
    criteria: recipe.criteria ?? {},
    constraints: recipe.constraints ?? [],
  };
}

/** The ServiceAccount, its cluster-admin binding and the data ConfigMaps of a run. */
export function runManifests(plan: ValidatorRunPlan, recipe: RecipeResult, snapshotText: string): { serviceAccount: KubeObject; clusterRoleBinding: KubeObject; snapshot: KubeObject; recipe: KubeObject; validation: KubeObject } {
  const meta = (name: string, namespaced = true): KubeObject => ({ name, ...(namespaced ? { namespace: plan.namespace } : {}), labels: { ...plan.labels } });
  return {
    serviceAccount: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(plan.serviceAccount) },
    clusterRoleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta(plan.clusterRoleBinding, false),
      subjects: [{ kind: 'ServiceAccount', name: plan.serviceAccount, namespace: plan.namespace }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    },
    snapshot: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(plan.snapshotConfigMap), data: { 'snapshot.yaml': snapshotText } },
    recipe: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(plan.recipeConfigMap), data: { 'recipe.yaml': `${JSON.stringify(recipe, null, 2)}\n` } },
    validation: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(plan.validationConfigMap), data: { 'validation.yaml': `${JSON.stringify(validationInput(recipe), null, 2)}\n` } },
  };
}

/** Prefer nodes without a GPU (the orchestrator needs none), and the pods of a dependency. */
function affinityFor(entry: ValidatorEntry, recipe: RecipeResult): KubeObject {
  const affinity: KubeObject = {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: 'nvidia.com/gpu.present', operator: 'DoesNotExist' }] } }],
    },
  };
  const required: KubeObject[] = [];
  const preferred: KubeObject[] = [];
  for (const dep of entry.dependencyAffinity) {
    const ref = resolveDependency(entry, dep, recipe.componentRefs ?? []);
    if (!ref) continue;
    const term = { labelSelector: { matchLabels: { ...dep.podLabelSelector } }, namespaces: [ref.namespace], topologyKey: dep.topologyKey };
    if (dep.requirement === 'required') required.push(term);
    else preferred.push({ weight: 100, podAffinityTerm: term });
  }
  if (required.length || preferred.length) {
    affinity.podAffinity = {
      ...(required.length ? { requiredDuringSchedulingIgnoredDuringExecution: required } : {}),
      ...(preferred.length ? { preferredDuringSchedulingIgnoredDuringExecution: preferred } : {}),
    };
  }
  return affinity;
}

/** The wait for one validator: the shorter of `--timeout` and the catalog's own timeout. */
export function validatorTimeoutMs(entry: ValidatorEntry, settings: ValidatorJobSettings): number {
  return settings.timeoutMs > 0 ? Math.min(settings.timeoutMs, entry.timeoutMs) : entry.timeoutMs;
}

/** The Job of one validator. */
export function validatorJob(plan: ValidatorRunPlan, entry: ValidatorEntry, recipe: RecipeResult, settings: ValidatorJobSettings): KubeObject {
  const timeoutMs = validatorTimeoutMs(entry, settings);
  const image = settings.image?.trim() || entry.image;
  const release = DEFAULT_AGENT_IMAGE.slice(DEFAULT_AGENT_IMAGE.lastIndexOf(':') + 1);
  const env: KubeObject[] = [
    { name: 'AICR_SNAPSHOT_PATH', value: '/data/snapshot/snapshot.yaml' },
    { name: 'AICR_RECIPE_PATH', value: '/data/recipe/recipe.yaml' },
    { name: 'AICR_VALIDATION_PATH', value: '/data/validation/validation.yaml' },
    { name: 'AICR_VALIDATOR_NAME', value: entry.name },
    { name: 'AICR_VALIDATOR_PHASE', value: entry.phase },
    { name: 'AICR_RUN_ID', value: plan.runId },
    { name: 'AICR_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
    { name: 'AICR_CHECK_TIMEOUT', value: formatGoDuration(timeoutMs) },
  ];
  if (Object.keys(settings.nodeSelector).length) env.push({ name: 'AICR_NODE_SELECTOR', value: serializeNodeSelector(settings.nodeSelector) });
  if (settings.tolerations.length) env.push({ name: 'AICR_TOLERATIONS', value: serializeTolerations(settings.tolerations) });
  // Validators resolve the images they start themselves with the same release as theirs.
  env.push({ name: 'AICR_CLI_VERSION', value: release });
  for (const pair of entry.env) if (!RESERVED_ENV.test(pair.name)) env.push({ name: pair.name, value: pair.value });
  const resources = entry.resources ?? { cpu: '1', memory: '1Gi' };
  const labels = { ...plan.labels, 'aicr.nvidia.com/job-type': 'validation', [VALIDATOR_LABEL]: entry.name };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: jobNameOf(plan, entry), namespace: plan.namespace, labels },
    spec: {
      // The Job stops by itself even if this process dies while waiting.
      activeDeadlineSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)),
      backoffLimit: 0,
      ttlSecondsAfterFinished: JOB_TTL_SECONDS,
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          serviceAccountName: plan.serviceAccount,
          restartPolicy: 'Never',
          terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
          ...(settings.imagePullSecrets.length ? { imagePullSecrets: settings.imagePullSecrets.map((name) => ({ name })) } : {}),
          tolerations: settings.tolerations.length ? settings.tolerations.map((t) => ({ ...t })) : [{ operator: 'Exists' }],
          affinity: affinityFor(entry, recipe),
          containers: [
            {
              name: VALIDATOR_CONTAINER,
              image,
              imagePullPolicy: pullPolicy(image, Boolean(settings.image?.trim())),
              args: [...entry.args],
              env,
              resources: { requests: { ...resources }, limits: { ...resources } },
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              volumeMounts: [
                { name: 'snapshot', mountPath: '/data/snapshot', readOnly: true },
                { name: 'recipe', mountPath: '/data/recipe', readOnly: true },
                { name: 'validation', mountPath: '/data/validation', readOnly: true },
              ],
            },
          ],
          volumes: [
            { name: 'snapshot', configMap: { name: plan.snapshotConfigMap } },
            { name: 'recipe', configMap: { name: plan.recipeConfigMap } },
            { name: 'validation', configMap: { name: plan.validationConfigMap } },
          ],
        },
      },
    },
  };
}
