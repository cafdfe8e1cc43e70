/**
 * The options of an agent run and the plan derived from them: every name the run will use,
 * checked before any request. No requests; of its siblings it imports only the leaves image.js and resources.js.
 */
import { optionError } from '../../errors.js';
import { parseConfigMapUri } from '../../location.js';
import { optionRef } from '../../option-refs.js';
import { DEFAULT_AGENT_IMAGE } from './image.js';
import { agentResources, type ResourceList } from './resources.js';
import { newRunId } from '../../util/lazy-builtins.js';

export { DEFAULT_AGENT_IMAGE };
const DEFAULT_AGENT_TIMEOUT_MS = 5 * 60_000;

/** Label on everything a run creates; selects its pod and its leftovers. */
export const RUN_ID_LABEL = 'aicr.nvidia.com/run-id';
/** Name of the agent container (for its logs). */
export const CONTAINER = 'aicr';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export type KubeObject = Record<string, any>;

/** Settings of one agent run; field names match src/core/snapshot's AgentSettings. */
export interface SnapshotAgentOptions {
  /** Namespace of the Job and its namespaced RBAC objects (default `default`). */
  namespace?: string;
  image?: string;
  imagePullSecrets?: string[];
  /** Base name of the Job; the run id is appended (default `aicr`). */
  jobName?: string;
  /** Base name of the ServiceAccount and RBAC objects; the run id is appended (default `aicr`). */
  serviceAccountName?: string;
  /** Node labels the agent pod is scheduled by. */
  nodeSelector?: Record<string, string>;
  /** `key=value:Effect`, `key:Effect` or `:Effect` items; none → tolerate every taint. */
  tolerations?: string[];
  /** How long to wait for the Job (default 5 min). */
  timeoutMs?: number;
  /** Leave everything the run created in the cluster. */
  keep?: boolean;
  /** Privileged pod with host namespaces and host mounts (default true); false → restricted pod. */
  privileged?: boolean;
  runtimeClass?: string;
  /** Request one nvidia.com/gpu (privileged mode only, as upstream). */
  requireGpu?: boolean;
  /** Topology truncation passed to the agent (0 = all). */
  maxNodesPerEntry?: number;
  kubeconfig?: string;
  /** `cm://namespace/name` the agent writes; kept after the run. Default: a run-scoped ConfigMap, deleted at cleanup. */
  configMap?: string;
  /** Agent logs at debug level. */
  debug?: boolean;
  /** Node OS family (`--os`), passed to the agent as AICR_OS; talos leaves out the systemd and os-release host mounts. */
  os?: string;
  /** Container requests and limits over the built-in ones, per key (`--requests`, `--limits`). */
  requests?: ResourceList;
  limits?: ResourceList;
}

export interface Toleration {
  key?: string;
  operator: 'Equal' | 'Exists';
  value?: string;
  effect?: string;
}

/** Everything a run creates, computed from the options before any request. */
export interface AgentPlan {
  runId: string;
  namespace: string;
  jobName: string;
  serviceAccount: string;
  clusterRole: string;
  target: { namespace: string; name: string; userProvided: boolean };
  image: string;
  timeoutMs: number;
  labels: Record<string, string>;
  options: SnapshotAgentOptions;
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
}

/** Parses toleration items; none gives the single "tolerate everything" toleration. */
export function parseTolerations(items: readonly string[], input = 'toleration'): Toleration[] {
  if (items.length === 0) return [{ operator: 'Exists' }];
  return items.map((item) => {
    const parts = item.split(':');
    if (parts.length !== 2) throw optionError(input, `invalid format "${item}", expected key=value:effect or key:effect`, { hint: 'e.g. nvidia.com/gpu:NoSchedule' });
    const [left, effect] = parts as [string, string];
    if (!(EFFECTS as readonly string[]).includes(effect)) {
      throw optionError(input, `invalid taint effect "${effect}" in "${item}", expected NoSchedule, PreferNoSchedule, or NoExecute`, { hint: 'effects are case-sensitive' });
    }
    const index = left.indexOf('=');
    const key = (index < 0 ? left : left.slice(0, index)).trim();
    const value = index < 0 ? '' : left.slice(index + 1).trim();
    const toleration: Toleration = value ? { key, operator: 'Equal', value, effect } : { operator: 'Exists', effect };
    if (!value && key) toleration.key = key;
    return toleration;
  });
}


/** Checks the options and derives names (no requests). */
export function planAgentRun(options: SnapshotAgentOptions, runId = newRunId()): AgentPlan {
  const namespace = (options.namespace ?? 'default').trim() || 'default';
  if (!DNS1123_LABEL.test(namespace) || namespace.length > 63) {
    throw optionError('namespace', `"${namespace}" is not a valid namespace name`, { hint: 'lower-case letters, digits and -, at most 63 characters' });
  }
  const base = (value: string | undefined, option: string): string => {
    const name = (value ?? 'aicr').trim() || 'aicr';
    if (!DNS1123_LABEL.test(name) || name.length > 40) {
      throw optionError(option, `"${name}" is not a valid base name`, { hint: 'lower-case letters, digits and -, at most 40 characters (a run id is appended)' });
    }
    return name;
  };
  const jobBase = base(options.jobName, 'job-name');
  const accountBase = base(options.serviceAccountName, 'service-account-name');
  const image = (options.image ?? '').trim() || DEFAULT_AGENT_IMAGE;
  if (/\s/.test(image)) throw optionError('image', `"${image}" is not a valid image reference`, { hint: 'e.g. ghcr.io/nvidia/aicr:v0.11.1' });
  const timeoutMs = options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_AGENT_TIMEOUT_MS;
  let target: AgentPlan['target'] = { namespace, name: `aicr-snapshot-${runId}`, userProvided: false };
  if (options.configMap) {
    const location = parseConfigMapUri(options.configMap.trim(), 'output');
    if (location.namespace !== namespace) {
      throw optionError('output', `the agent can only write ConfigMaps in its own namespace "${namespace}", not "${location.namespace}"`, {
        hint: `set ${optionRef('namespace')} to ${location.namespace}, or write to cm://${namespace}/…`,
      });
    }
    target = { namespace, name: location.name, userProvided: true };
  }
  for (const secret of options.imagePullSecrets ?? []) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(secret)) throw optionError('image-pull-secret', `"${secret}" is not a valid Secret name`, { hint: 'give the name of a docker-registry Secret in the agent namespace' });
  }
  if (options.runtimeClass !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(options.runtimeClass)) {
    throw optionError('runtime-class', `"${options.runtimeClass}" is not a valid RuntimeClass name`, { hint: 'e.g. nvidia' });
  }
  // A request above its limit would be refused with the Job: checked now.
  agentResources(options);
  return {
    runId,
    namespace,
    jobName: `${jobBase}-${runId}`,
    serviceAccount: `${accountBase}-${runId}`,
    clusterRole: `${accountBase}-node-reader-${runId}`,
    target,
    image,
    timeoutMs,
    labels: { 'app.kubernetes.io/name': 'aicr', 'app.kubernetes.io/component': 'snapshot-agent', 'app.kubernetes.io/managed-by': 'aicr', [RUN_ID_LABEL]: runId },
    options,
    nodeSelector: { ...(options.nodeSelector ?? {}) },
    tolerations: parseTolerations(options.tolerations ?? []),
  };
}

/** The kubectl command that removes whatever a run left behind (selected by its run-id label). */
export function removalCommand(plan: AgentPlan): string {
  return `kubectl delete job,serviceaccount,role,rolebinding,configmap -n ${plan.namespace} -l ${RUN_ID_LABEL}=${plan.runId} && kubectl delete clusterrole,clusterrolebinding -l ${RUN_ID_LABEL}=${plan.runId}`;
}

/** `5m`, `30s` or `1500ms`, for messages. */
export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
