/**
 * Agent mode: a one-shot Job that snapshots a cluster node and leaves the snapshot in a
 * ConfigMap, which we read back.
 *
 * Exported API (used by src/core/snapshot's `takeSnapshot` as its AgentRunner):
 *
 *   runSnapshotAgent(options: SnapshotAgentOptions, context?: { logger?, env?, signal? })
 *     → Promise<{ snapshot, text, origin, configMap: { namespace, name }, runId, job, pod? }>
 *
 *   parseNodeSelectors(items)  `key=value` flags → map (INVALID_REQUEST on bad items)
 *   parseTolerations(items)    `key[=value]:Effect` flags → tolerations (none → tolerate all)
 *   agentManifests(plan)       every object the run creates (pure; for tests and --dry-run)
 *   DEFAULT_AGENT_IMAGE        ghcr.io/nvidia/aicr:v0.11.1, the upstream agent whose format we read
 *
 * What a run does, in order:
 * 1. Parses and checks every option before any request (selectors, tolerations, names, the
 *    cm:// target, which must be in the agent's namespace since its Role is namespaced).
 * 2. Asks the API server, with SelfSubjectAccessReviews sent in parallel, whether the caller may
 *    do everything the run needs; all denials are reported at once (UNAUTHORIZED, exit 4).
 * 3. Creates, each under a name unique to the run (`<base>-<runId>`), so concurrent runs never
 *    collide: a ServiceAccount, a Role + RoleBinding (ConfigMaps and pods in the namespace), a
 *    ClusterRole + ClusterRoleBinding (read nodes, pods, GPU Operator ClusterPolicies) and the
 *    Job (node selector, tolerations, image, privileged or restricted pod, activeDeadlineSeconds,
 *    backoffLimit 0). The namespace is created only if missing.
 * 4. Waits for the Job with the watch API (resuming after stream drops, re-listing after 410),
 *    bounded by the timeout and cancelled by the caller's signal (SIGINT/SIGTERM).
 * 5. On failure or timeout: prints the pod's state and logs and fails with the reason (Job
 *    condition, container exit code, scheduling or image-pull problems).
 * 6. Reads the snapshot the agent wrote.
 * 7. Always (also after failure or interruption), unless told to keep them: deletes exactly the
 *    objects this run created, with a fresh deadline; problems there are warnings only.
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { AicrError, ErrorCode, errorMessage, invalidInput } from '../errors.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { parseConfigMapUri } from '../io.js';
import { readDocument, type Snapshot } from '../documents/index.js';
import { getKubeClient, type KubeClient } from './client.js';
import { readConfigMapDocument } from './configmap.js';
import { classifyFailure, type KubeAction } from './errors.js';
import { cancellation } from './retry.js';
import { watchUntil, type WatchObject } from './watch.js';

/** Upstream AICR's agent image at the release whose ConfigMap format we read. */
export const DEFAULT_AGENT_IMAGE = 'ghcr.io/nvidia/aicr:v0.11.1';
export const DEFAULT_AGENT_TIMEOUT_MS = 5 * 60_000;
/** Deadline for cleanup, independent of the (possibly interrupted) run. */
export const CLEANUP_TIMEOUT_MS = 30_000;

const RUN_ID_LABEL = 'aicr.nvidia.com/run-id';
const CONTAINER = 'aicr';
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

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
  /** `key=value` items. */
  nodeSelectors?: string[];
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
}

export interface AgentContext {
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Interrupt: stops waiting, cleans up, rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Test seam: the run id (default random). */
  runId?: string;
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

type KubeObject = Record<string, any>;

export interface Toleration {
  key?: string;
  operator: 'Equal' | 'Exists';
  value?: string;
  effect?: string;
}

/** Parses `--node-selector key=value` items (last one wins for a repeated key). */
export function parseNodeSelectors(items: readonly string[], input = '--node-selector'): Record<string, string> {
  const selector: Record<string, string> = {};
  for (const item of items) {
    const index = item.indexOf('=');
    if (index < 0) throw invalidInput(`${input}: invalid format "${item}", expected key=value`, { hint: 'e.g. --node-selector nvidia.com/gpu.present=true' });
    const key = item.slice(0, index).trim();
    if (key === '') throw invalidInput(`${input}: "${item}" has an empty label key`, { hint: 'e.g. --node-selector nvidia.com/gpu.present=true' });
    selector[key] = item.slice(index + 1).trim();
  }
  return selector;
}

/** Parses `--toleration` items; none gives the single "tolerate everything" toleration. */
export function parseTolerations(items: readonly string[], input = '--toleration'): Toleration[] {
  if (items.length === 0) return [{ operator: 'Exists' }];
  return items.map((item) => {
    const parts = item.split(':');
    if (parts.length !== 2) throw invalidInput(`${input}: invalid format "${item}", expected key=value:effect or key:effect`, { hint: 'e.g. --toleration nvidia.com/gpu:NoSchedule' });
    const [left, effect] = parts as [string, string];
    if (!(EFFECTS as readonly string[]).includes(effect)) {
      throw invalidInput(`${input}: invalid taint effect "${effect}" in "${item}", expected NoSchedule, PreferNoSchedule, or NoExecute`, { hint: 'effects are case-sensitive' });
    }
    const index = left.indexOf('=');
    const key = (index < 0 ? left : left.slice(0, index)).trim();
    const value = index < 0 ? '' : left.slice(index + 1).trim();
    const toleration: Toleration = value ? { key, operator: 'Equal', value, effect } : { operator: 'Exists', effect };
    if (!value && key) toleration.key = key;
    return toleration;
  });
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

function newRunId(): string {
  // 8 characters of [a-z0-9]: unique per run, valid at the end of any object name.
  return [...randomBytes(8)].map((byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
}

/** Checks the options and derives names (no requests). */
export function planAgentRun(options: SnapshotAgentOptions, runId = newRunId()): AgentPlan {
  const namespace = (options.namespace ?? 'default').trim() || 'default';
  if (!DNS1123_LABEL.test(namespace) || namespace.length > 63) {
    throw invalidInput(`--namespace: "${namespace}" is not a valid namespace name`, { hint: 'lower-case letters, digits and -, at most 63 characters' });
  }
  const base = (value: string | undefined, flag: string): string => {
    const name = (value ?? 'aicr').trim() || 'aicr';
    if (!DNS1123_LABEL.test(name) || name.length > 40) {
      throw invalidInput(`${flag}: "${name}" is not a valid base name`, { hint: 'lower-case letters, digits and -, at most 40 characters (a run id is appended)' });
    }
    return name;
  };
  const jobBase = base(options.jobName, '--job-name');
  const accountBase = base(options.serviceAccountName, '--service-account-name');
  const image = (options.image ?? '').trim() || DEFAULT_AGENT_IMAGE;
  if (/\s/.test(image)) throw invalidInput(`--image: "${image}" is not a valid image reference`, { hint: 'e.g. ghcr.io/nvidia/aicr:v0.11.1' });
  const timeoutMs = options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_AGENT_TIMEOUT_MS;
  let target: AgentPlan['target'] = { namespace, name: `aicr-snapshot-${runId}`, userProvided: false };
  if (options.configMap) {
    const location = parseConfigMapUri(options.configMap.trim(), '--output');
    if (location.namespace !== namespace) {
      throw invalidInput(`--output: the agent can only write ConfigMaps in its own namespace "${namespace}", not "${location.namespace}"`, {
        hint: `use --namespace ${location.namespace}, or an output in cm://${namespace}/…`,
      });
    }
    target = { namespace, name: location.name, userProvided: true };
  }
  for (const secret of options.imagePullSecrets ?? []) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(secret)) throw invalidInput(`--image-pull-secret: "${secret}" is not a valid Secret name`, { hint: 'give the name of a docker-registry Secret in the agent namespace' });
  }
  if (options.runtimeClass !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(options.runtimeClass)) {
    throw invalidInput(`--runtime-class: "${options.runtimeClass}" is not a valid RuntimeClass name`, { hint: 'e.g. --runtime-class nvidia' });
  }
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
    nodeSelector: parseNodeSelectors(options.nodeSelectors ?? []),
    tolerations: parseTolerations(options.tolerations ?? []),
  };
}

/** The objects of a run, in creation order (ServiceAccount, RBAC, Job). */
export function agentManifests(plan: AgentPlan): { serviceAccount: KubeObject; role: KubeObject; roleBinding: KubeObject; clusterRole: KubeObject; clusterRoleBinding: KubeObject; job: KubeObject } {
  const { namespace, labels } = plan;
  const meta = (name: string, namespaced = true): KubeObject => ({ name, ...(namespaced ? { namespace } : {}), labels: { ...labels } });
  const subject = [{ kind: 'ServiceAccount', name: plan.serviceAccount, namespace }];
  const privileged = plan.options.privileged !== false;
  const env: KubeObject[] = [
    { name: 'AICR_AGENT_MODE', value: 'true' },
    { name: 'AICR_LOG_PREFIX', value: 'agent' },
    { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
  ];
  if ((plan.options.maxNodesPerEntry ?? 0) > 0) env.push({ name: 'AICR_MAX_NODES_PER_ENTRY', value: String(plan.options.maxNodesPerEntry) });
  if (plan.options.runtimeClass) env.push({ name: 'NVIDIA_VISIBLE_DEVICES', value: 'all' });
  const output = `cm://${plan.target.namespace}/${plan.target.name}`;
  const container: KubeObject = {
    name: CONTAINER,
    image: plan.image,
    command: ['aicr'],
    args: [...(plan.options.debug ? ['--debug', '--log-json'] : []), 'snapshot', '-o', output],
    env,
    resources: privileged
      ? {
          requests: { cpu: '1', memory: '4Gi', 'ephemeral-storage': '2Gi' },
          limits: { cpu: '2', memory: '8Gi', 'ephemeral-storage': '4Gi', ...(plan.options.requireGpu ? { 'nvidia.com/gpu': '1' } : {}) },
        }
      : { requests: { cpu: '100m', memory: '256Mi', 'ephemeral-storage': '256Mi' }, limits: { cpu: '500m', memory: '512Mi', 'ephemeral-storage': '512Mi' } },
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      ...(privileged
        ? [
            { name: 'run-systemd', mountPath: '/run/systemd', readOnly: true },
            { name: 'host-os-release', mountPath: '/etc/os-release', readOnly: true },
          ]
        : []),
    ],
    securityContext: privileged
      ? { privileged: true, runAsUser: 0, runAsGroup: 0, allowPrivilegeEscalation: true, capabilities: { add: ['SYS_ADMIN', 'SYS_CHROOT'] } }
      : {
          privileged: false,
          runAsNonRoot: true,
          runAsUser: 65534,
          runAsGroup: 65534,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
  };
  const podSpec: KubeObject = {
    serviceAccountName: plan.serviceAccount,
    restartPolicy: 'Never',
    tolerations: plan.tolerations,
    containers: [container],
    volumes: [
      { name: 'tmp', emptyDir: {} },
      ...(privileged
        ? [
            { name: 'run-systemd', hostPath: { path: '/run/systemd', type: 'Directory' } },
            { name: 'host-os-release', hostPath: { path: '/etc/os-release', type: 'File' } },
          ]
        : []),
    ],
    securityContext: privileged
      ? { runAsUser: 0, runAsGroup: 0, fsGroup: 0, fsGroupChangePolicy: 'OnRootMismatch' }
      : { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
  };
  if (Object.keys(plan.nodeSelector).length) podSpec.nodeSelector = plan.nodeSelector;
  if (plan.options.imagePullSecrets?.length) podSpec.imagePullSecrets = plan.options.imagePullSecrets.map((name) => ({ name }));
  if (plan.options.runtimeClass) podSpec.runtimeClassName = plan.options.runtimeClass;
  if (privileged) Object.assign(podSpec, { hostPID: true, hostNetwork: true, hostIPC: true });
  return {
    serviceAccount: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(plan.serviceAccount) },
    role: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(plan.serviceAccount),
      rules: [
        { apiGroups: [''], resources: ['configmaps'], verbs: ['create', 'get', 'update', 'patch'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
      ],
    },
    roleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(plan.serviceAccount),
      subjects: subject,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: plan.serviceAccount },
    },
    clusterRole: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: meta(plan.clusterRole, false),
      rules: [
        { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
        { apiGroups: ['nvidia.com'], resources: ['clusterpolicies'], verbs: ['get', 'list'] },
      ],
    },
    clusterRoleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta(plan.clusterRole, false),
      subjects: subject,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: plan.clusterRole },
    },
    job: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta(plan.jobName),
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit: 0,
        // The Job stops by itself even if this process dies while waiting.
        activeDeadlineSeconds: Math.max(1, Math.ceil(plan.timeoutMs / 1000)),
        ttlSecondsAfterFinished: 3600,
        template: { metadata: { labels: { ...labels } }, spec: podSpec },
      },
    },
  };
}

/** A permission the run needs, checked with a SelfSubjectAccessReview. */
interface Permission {
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
  subresource?: string;
  why: string;
}

function requiredPermissions(plan: AgentPlan): Permission[] {
  const ns = plan.namespace;
  const rbac = 'rbac.authorization.k8s.io';
  const list: Permission[] = [
    { verb: 'create', resource: 'serviceaccounts', group: '', namespace: ns, why: 'the agent identity' },
    { verb: 'create', resource: 'roles', group: rbac, namespace: ns, why: 'the agent Role' },
    { verb: 'create', resource: 'rolebindings', group: rbac, namespace: ns, why: 'the agent RoleBinding' },
    { verb: 'create', resource: 'clusterroles', group: rbac, why: 'the node-reader ClusterRole' },
    { verb: 'create', resource: 'clusterrolebindings', group: rbac, why: 'the node-reader ClusterRoleBinding' },
    { verb: 'create', resource: 'jobs', group: 'batch', namespace: ns, why: 'the agent Job' },
    { verb: 'watch', resource: 'jobs', group: 'batch', namespace: ns, why: 'waiting for the Job' },
    { verb: 'list', resource: 'pods', group: '', namespace: ns, why: 'finding the agent pod' },
    { verb: 'get', resource: 'pods', group: '', namespace: ns, subresource: 'log', why: 'showing the agent log on failure' },
    { verb: 'get', resource: 'configmaps', group: '', namespace: ns, why: 'reading the snapshot' },
    // RBAC only lets a user grant permissions they hold themselves.
    { verb: 'create', resource: 'configmaps', group: '', namespace: ns, why: 'granted to the agent by its Role' },
    { verb: 'update', resource: 'configmaps', group: '', namespace: ns, why: 'granted to the agent by its Role' },
    { verb: 'patch', resource: 'configmaps', group: '', namespace: ns, why: 'granted to the agent by its Role' },
    { verb: 'list', resource: 'nodes', group: '', why: 'granted to the agent by its ClusterRole' },
    { verb: 'list', resource: 'pods', group: '', why: 'granted to the agent by its ClusterRole' },
    { verb: 'list', resource: 'clusterpolicies', group: 'nvidia.com', why: 'granted to the agent by its ClusterRole' },
  ];
  if (!plan.options.keep) {
    for (const [resource, group, namespaced] of [
      ['jobs', 'batch', true],
      ['serviceaccounts', '', true],
      ['roles', rbac, true],
      ['rolebindings', rbac, true],
      ['clusterroles', rbac, false],
      ['clusterrolebindings', rbac, false],
    ] as const) {
      list.push({ verb: 'delete', resource, group, ...(namespaced ? { namespace: ns } : {}), why: 'cleaning up' });
    }
    if (!plan.target.userProvided) list.push({ verb: 'delete', resource: 'configmaps', group: '', namespace: ns, why: 'cleaning up the run\'s ConfigMap' });
  }
  return list;
}

function describePermission(p: Permission): string {
  const resource = `${p.resource}${p.subresource ? `/${p.subresource}` : ''}${p.group ? `.${p.group}` : ''}`;
  return `${p.verb} ${resource} ${p.namespace ? `(namespace "${p.namespace}")` : '(cluster-scoped)'} — ${p.why}`;
}

async function checkPermissions(client: KubeClient, plan: AgentPlan, signal: AbortSignal | undefined): Promise<void> {
  const permissions = requiredPermissions(plan);
  const results = await Promise.all(
    permissions.map(async (p) => {
      const review = {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { verb: p.verb, group: p.group, resource: p.resource, ...(p.subresource ? { subresource: p.subresource } : {}), ...(p.namespace ? { namespace: p.namespace } : {}) } },
      };
      const answer: KubeObject = await client.request(
        { verb: 'create', resource: 'selfsubjectaccessreviews', group: 'authorization.k8s.io' },
        (o) => client.authorization.createSelfSubjectAccessReview({ body: review as never }, o),
        signal ? { signal } : {},
      );
      return { permission: p, allowed: answer?.status?.allowed === true };
    }),
  );
  const denied = results.filter((r) => !r.allowed).map((r) => r.permission);
  if (denied.length === 0) return;
  throw new AicrError(ErrorCode.Unauthorized, `insufficient permissions to deploy the snapshot agent in namespace "${plan.namespace}"; missing:\n${denied.map((p) => `  - ${describePermission(p)}`).join('\n')}`, {
    hint: `ask a cluster admin for these permissions (check one with: kubectl auth can-i ${denied[0]!.verb} ${denied[0]!.resource}${denied[0]!.group ? `.${denied[0]!.group}` : ''}${denied[0]!.namespace ? ` -n ${denied[0]!.namespace}` : ''}), or collect on a node without --agent`,
    details: { denied },
  });
}

interface CreatedObject {
  kind: string;
  name: string;
  namespace?: string;
  /** The create was answered (false: interrupted in flight, the server may still create it). */
  confirmed?: boolean;
  remove(signal: AbortSignal): Promise<unknown>;
}

/** Pause before deleting again an object whose create was interrupted and not yet visible. */
const IN_FLIGHT_SETTLE_MS = 500;

function isStatus(error: unknown, status: number): boolean {
  const failure = classifyFailure(error instanceof AicrError ? error.cause : error);
  return failure.kind === 'http' && failure.status === status;
}

/** API path of one of the objects a run creates. */
function objectPath(kind: string, name: string, namespace: string): string {
  const paths: Record<string, string> = {
    ServiceAccount: `/api/v1/namespaces/${namespace}/serviceaccounts/${name}`,
    Role: `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/roles/${name}`,
    RoleBinding: `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings/${name}`,
    ClusterRole: `/apis/rbac.authorization.k8s.io/v1/clusterroles/${name}`,
    ClusterRoleBinding: `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${name}`,
    Job: `/apis/batch/v1/namespaces/${namespace}/jobs/${name}`,
  };
  return paths[kind]!;
}

/** The run: see the file comment. */
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
  const manifests = agentManifests(plan);
  const created: CreatedObject[] = [];
  const request = signal ? { signal } : {};
  const { namespace } = plan;
  logger.info(`agent run ${plan.runId}: deploying Job ${namespace}/${plan.jobName} (image ${plan.image}) through ${client.source}`);
  let failure: unknown;
  try {
    await checkPermissions(client, plan, signal);
    if (plan.options.runtimeClass) await checkRuntimeClass(client, plan.options.runtimeClass, signal);
    await ensureNamespace(client, plan, created, signal);

    // Register each object before creating it, so an interrupted request is still cleaned up.
    const create = async (kind: string, name: string, namespaced: boolean, action: KubeAction, call: (o: never) => Promise<KubeObject>, remove: (s: AbortSignal) => Promise<unknown>): Promise<KubeObject> => {
      const entry: CreatedObject = { kind, name, ...(namespaced ? { namespace } : {}), confirmed: false, remove };
      created.push(entry);
      try {
        const object: KubeObject = await client.request<KubeObject>(action, call as never, request);
        entry.confirmed = true;
        return object;
      } catch (error) {
        // An HTTP answer settles the question; only a request cut off in flight leaves it open.
        if (classifyFailure(error instanceof AicrError ? error.cause : error).kind === 'http') entry.confirmed = true;
        // A create retried after a dropped connection meets the object its first attempt made.
        if (isStatus(error, 409)) {
          const existing = await client.getObject<KubeObject>({ ...action, verb: 'get', name }, objectPath(kind, name, namespace), request).catch(() => undefined);
          if (existing?.metadata?.labels?.[RUN_ID_LABEL] === plan.runId) return existing;
        }
        throw error;
      }
    };
    const rbac = 'rbac.authorization.k8s.io';
    const del = (action: KubeAction, call: (o: never) => Promise<unknown>) => (s: AbortSignal) => client.request(action, call as never, { signal: s });
    await create('ServiceAccount', plan.serviceAccount, true, { verb: 'create', resource: 'serviceaccounts', namespace }, (o) => client.core.createNamespacedServiceAccount({ namespace, body: manifests.serviceAccount }, o),
      del({ verb: 'delete', resource: 'serviceaccounts', namespace, name: plan.serviceAccount }, (o) => client.core.deleteNamespacedServiceAccount({ name: plan.serviceAccount, namespace }, o)));
    await create('Role', plan.serviceAccount, true, { verb: 'create', resource: 'roles', group: rbac, namespace }, (o) => client.rbac.createNamespacedRole({ namespace, body: manifests.role }, o),
      del({ verb: 'delete', resource: 'roles', group: rbac, namespace, name: plan.serviceAccount }, (o) => client.rbac.deleteNamespacedRole({ name: plan.serviceAccount, namespace }, o)));
    await create('RoleBinding', plan.serviceAccount, true, { verb: 'create', resource: 'rolebindings', group: rbac, namespace }, (o) => client.rbac.createNamespacedRoleBinding({ namespace, body: manifests.roleBinding as never }, o),
      del({ verb: 'delete', resource: 'rolebindings', group: rbac, namespace, name: plan.serviceAccount }, (o) => client.rbac.deleteNamespacedRoleBinding({ name: plan.serviceAccount, namespace }, o)));
    await create('ClusterRole', plan.clusterRole, false, { verb: 'create', resource: 'clusterroles', group: rbac }, (o) => client.rbac.createClusterRole({ body: manifests.clusterRole }, o),
      del({ verb: 'delete', resource: 'clusterroles', group: rbac, name: plan.clusterRole }, (o) => client.rbac.deleteClusterRole({ name: plan.clusterRole }, o)));
    await create('ClusterRoleBinding', plan.clusterRole, false, { verb: 'create', resource: 'clusterrolebindings', group: rbac }, (o) => client.rbac.createClusterRoleBinding({ body: manifests.clusterRoleBinding as never }, o),
      del({ verb: 'delete', resource: 'clusterrolebindings', group: rbac, name: plan.clusterRole }, (o) => client.rbac.deleteClusterRoleBinding({ name: plan.clusterRole }, o)));
    if (!plan.target.userProvided) {
      // The run's own result ConfigMap is the agent's to create; we only make sure it goes away.
      created.push({
        kind: 'ConfigMap',
        name: plan.target.name,
        namespace,
        remove: del({ verb: 'delete', resource: 'configmaps', namespace, name: plan.target.name }, (o) => client.core.deleteNamespacedConfigMap({ name: plan.target.name, namespace }, o)),
      });
    }
    const job = await create('Job', plan.jobName, true, { verb: 'create', resource: 'jobs', group: 'batch', namespace }, (o) => client.batch.createNamespacedJob({ namespace, body: manifests.job }, o),
      del({ verb: 'delete', resource: 'jobs', group: 'batch', namespace, name: plan.jobName }, (o) => client.batch.deleteNamespacedJob({ name: plan.jobName, namespace, propagationPolicy: 'Background' }, o)));
    logger.info(`agent run ${plan.runId}: waiting up to ${formatDuration(plan.timeoutMs)} for Job ${namespace}/${plan.jobName}`);

    // The object in hand may already be finished (a retried create returns the current state).
    const outcome = jobOutcome(job) ?? (await waitForJob(client, plan, String(job.metadata?.resourceVersion ?? ''), signal));
    const pod = await findPod(client, plan, signal).catch(() => undefined);
    if (outcome.kind !== 'complete') {
      const podState = pod ? describePod(pod) : 'no pod was created';
      await printLogs(client, plan, pod, logger, 'error');
      if (outcome.kind === 'timeout') {
        throw new AicrError(ErrorCode.Timeout, `agent Job ${namespace}/${plan.jobName} did not complete within ${formatDuration(plan.timeoutMs)}: ${podState}`, {
          hint: 'check that a node matches --node-selector/--toleration and can pull the image, or raise --timeout',
          details: { runId: plan.runId, job: plan.jobName, ...(pod ? { pod: pod.metadata?.name } : {}) },
        });
      }
      throw new AicrError(ErrorCode.Internal, `agent Job ${namespace}/${plan.jobName} failed: ${outcome.reason}${outcome.message ? ` (${outcome.message})` : ''}; ${podState}`, {
        hint: 'the agent log is printed above; fix what it reports (image, permissions, node access) and run again',
        details: { runId: plan.runId, job: plan.jobName, reason: outcome.reason, ...(pod ? { pod: pod.metadata?.name } : {}) },
      });
    }
    if (plan.options.debug) await printLogs(client, plan, pod, logger, 'debug');
    logger.info(`agent run ${plan.runId}: Job completed; reading cm://${plan.target.namespace}/${plan.target.name}`);
    const targetUri = parseConfigMapUri(`cm://${plan.target.namespace}/${plan.target.name}`, '--output');
    let stored;
    try {
      stored = await readConfigMapDocument(targetUri, { ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), ...(context.env ? { env: context.env } : {}), ...(signal ? { signal } : {}), input: 'agent result' });
    } catch (error) {
      if (error instanceof AicrError && error.code === ErrorCode.NotFound) {
        throw new AicrError(ErrorCode.Internal, `the agent Job completed but left no snapshot in ${targetUri.text}: ${error.message}`, {
          cause: error,
          hint: 'the agent image must run "aicr snapshot -o cm://…" and write key snapshot.yaml; check --image',
        });
      }
      throw error;
    }
    const origin = `${targetUri.text}#${stored.key}`;
    const { document } = await readDocument('Snapshot', stored.text, origin);
    const result: AgentResult = { snapshot: document, text: stored.text, origin, configMap: { namespace: plan.target.namespace, name: plan.target.name }, runId: plan.runId, job: plan.jobName };
    if (pod?.metadata?.name) result.pod = pod.metadata.name;
    return result;
  } catch (error) {
    failure = error;
    if (signal?.aborted) throw cancellation(signal);
    throw error;
  } finally {
    context.signal?.removeEventListener('abort', forward);
    if (plan.options.keep) {
      if (created.length) {
        logger.info(`agent run ${plan.runId}: kept ${created.map((o) => `${o.kind} ${o.name}`).join(', ')}; remove them with: kubectl delete job,serviceaccount,role,rolebinding,configmap -n ${namespace} -l ${RUN_ID_LABEL}=${plan.runId} && kubectl delete clusterrole,clusterrolebinding -l ${RUN_ID_LABEL}=${plan.runId}`);
      }
    } else {
      await cleanup(created, plan, logger, failure !== undefined);
    }
  }
}

async function checkRuntimeClass(client: KubeClient, name: string, signal: AbortSignal | undefined): Promise<void> {
  try {
    await client.request({ verb: 'get', resource: 'runtimeclasses', group: 'node.k8s.io', name }, (o) => client.node.readRuntimeClass({ name }, o), signal ? { signal } : {});
  } catch (error) {
    if (error instanceof AicrError && error.code === ErrorCode.NotFound) {
      throw new AicrError(ErrorCode.NotFound, `--runtime-class: RuntimeClass "${name}" does not exist in the cluster`, {
        cause: error,
        hint: 'the NVIDIA GPU Operator creates the "nvidia" RuntimeClass; without it use --node-selector to pick a GPU node, or --require-gpu',
      });
    }
    throw error;
  }
}

async function ensureNamespace(client: KubeClient, plan: AgentPlan, created: CreatedObject[], signal: AbortSignal | undefined): Promise<void> {
  const name = plan.namespace;
  const request = signal ? { signal } : {};
  try {
    await client.request({ verb: 'get', resource: 'namespaces', name }, (o) => client.core.readNamespace({ name }, o), request);
    return;
  } catch (error) {
    // Without permission to read namespaces, assume it exists: the creates below will say if not.
    if (isStatus(error, 403)) return;
    if (!isStatus(error, 404)) throw error;
  }
  // Delete it at cleanup only when nothing the user keeps lives in it.
  if (!plan.target.userProvided) {
    created.push({
      kind: 'Namespace',
      name,
      remove: (s) => client.request({ verb: 'delete', resource: 'namespaces', name }, (o) => client.core.deleteNamespace({ name }, o), { signal: s }),
    });
  }
  try {
    await client.request({ verb: 'create', resource: 'namespaces' }, (o) => client.core.createNamespace({ body: { metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'aicr', [RUN_ID_LABEL]: plan.runId } } } }, o), request);
  } catch (error) {
    if (!isStatus(error, 409)) throw error;
    created.pop(); // created concurrently by someone else: not ours to delete
  }
}

type JobOutcome = { kind: 'complete' } | { kind: 'failed'; reason: string; message?: string } | { kind: 'timeout' };

function jobOutcome(job: WatchObject | undefined): JobOutcome | undefined {
  for (const condition of job?.status?.conditions ?? []) {
    if (condition.status !== 'True') continue;
    if (condition.type === 'Complete') return { kind: 'complete' };
    if (condition.type === 'Failed') return { kind: 'failed', reason: condition.reason || 'Failed', ...(condition.message ? { message: condition.message } : {}) };
  }
  return undefined;
}

async function waitForJob(client: KubeClient, plan: AgentPlan, resourceVersion: string, signal: AbortSignal | undefined): Promise<JobOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('agent timeout')), plan.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  const { namespace, jobName } = plan;
  try {
    return await watchUntil<JobOutcome>({
      client,
      action: { verb: 'watch', resource: 'jobs', group: 'batch', namespace },
      path: `/apis/batch/v1/namespaces/${namespace}/jobs`,
      fieldSelector: `metadata.name=${jobName}`,
      ...(resourceVersion ? { resourceVersion } : {}),
      signal: combined,
      check: (type, job) => {
        if (type === 'DELETED') return { kind: 'failed', reason: 'Deleted', message: 'the Job was deleted while the agent ran' };
        return jobOutcome(job);
      },
      relist: async () => {
        const list: KubeObject = await client.request({ verb: 'list', resource: 'jobs', group: 'batch', namespace }, (o) => client.batch.listNamespacedJob({ namespace, fieldSelector: `metadata.name=${jobName}` }, o), { signal: combined });
        return { items: list.items ?? [], resourceVersion: String(list.metadata?.resourceVersion ?? '') };
      },
    });
  } catch (error) {
    if (timeout.signal.aborted && !signal?.aborted) return { kind: 'timeout' };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function findPod(client: KubeClient, plan: AgentPlan, signal: AbortSignal | undefined): Promise<KubeObject | undefined> {
  const namespace = plan.namespace;
  // Select by the run's own label: never a stale pod of another run.
  const list: KubeObject = await client.request(
    { verb: 'list', resource: 'pods', namespace },
    (o) => client.core.listNamespacedPod({ namespace, labelSelector: `${RUN_ID_LABEL}=${plan.runId}` }, o),
    { ...(signal ? { signal } : {}), retry: { deadlineMs: 15_000 } },
  );
  const pods: KubeObject[] = list.items ?? [];
  return pods.sort((a, b) => String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? '')))[0];
}

/** One line on why a pod is where it is: phase, scheduling, waiting or exit reasons. */
export function describePod(pod: KubeObject): string {
  const name = pod.metadata?.name ?? '?';
  const phase = pod.status?.phase ?? 'Unknown';
  const parts = [`pod ${name} is ${phase}`];
  const unscheduled = (pod.status?.conditions ?? []).find((c: KubeObject) => c.type === 'PodScheduled' && c.status === 'False');
  if (unscheduled) parts.push(`not scheduled: ${unscheduled.reason ?? ''}${unscheduled.message ? ` (${unscheduled.message})` : ''}`);
  for (const status of pod.status?.containerStatuses ?? []) {
    const state = status.state ?? {};
    if (state.waiting) parts.push(`container ${status.name} waiting: ${state.waiting.reason ?? ''}${state.waiting.message ? ` (${state.waiting.message})` : ''}`);
    if (state.terminated) parts.push(`container ${status.name} exited with code ${state.terminated.exitCode}${state.terminated.reason ? ` (${state.terminated.reason})` : ''}${state.terminated.message ? `: ${state.terminated.message}` : ''}`);
  }
  return parts.join('; ');
}

async function printLogs(client: KubeClient, plan: AgentPlan, pod: KubeObject | undefined, logger: Logger, level: 'error' | 'debug'): Promise<void> {
  if (!pod?.metadata?.name) return;
  const name = pod.metadata.name;
  const started = (pod.status?.containerStatuses ?? []).some((s: KubeObject) => s.state?.running || s.state?.terminated);
  if (!started) return;
  let text: string;
  try {
    text = await client.request(
      { verb: 'get', resource: 'pods/log', namespace: plan.namespace, name },
      (o) => client.core.readNamespacedPodLog({ name, namespace: plan.namespace, container: CONTAINER, tailLines: 500, limitBytes: 256 * 1024 }, o),
      { retry: { deadlineMs: 15_000 } },
    );
  } catch (error) {
    logger.warning(`could not read the agent log of pod ${name}: ${errorMessage(error)}`);
    return;
  }
  const write = level === 'error' ? (line: string) => logger.info(line) : (line: string) => logger.debug(line);
  write(`--- agent log (pod ${plan.namespace}/${name}, last 500 lines) ---`);
  for (const line of String(text ?? '').replace(/\n$/, '').split('\n')) write(line);
  write('--- end of agent log ---');
}

async function cleanup(created: CreatedObject[], plan: AgentPlan, logger: Logger, failed: boolean): Promise<void> {
  if (created.length === 0) return;
  const signal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
  const problems: string[] = [];
  // Reverse creation order: the Job first (it uses the RBAC objects), the namespace last.
  const unsettled: CreatedObject[] = [];
  const remove = async (object: CreatedObject, retryIfAbsent: boolean): Promise<void> => {
    try {
      await object.remove(signal);
    } catch (error) {
      if (isStatus(error, 404)) {
        // Never created or already gone; an interrupted create may still land, so look once more.
        if (retryIfAbsent && object.confirmed === false) unsettled.push(object);
        return;
      }
      problems.push(`${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}: ${errorMessage(error)}`);
    }
  };
  for (const object of [...created].reverse()) await remove(object, true);
  if (unsettled.length) {
    await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_SETTLE_MS));
    for (const object of unsettled) await remove(object, false);
  }
  if (problems.length) {
    logger.warning(`agent run ${plan.runId}: cleanup left ${problems.length} object(s) in the cluster:\n${problems.map((p) => `  - ${p}`).join('\n')}\nremove them with: kubectl delete job,serviceaccount,role,rolebinding,configmap -n ${plan.namespace} -l ${RUN_ID_LABEL}=${plan.runId} && kubectl delete clusterrole,clusterrolebinding -l ${RUN_ID_LABEL}=${plan.runId}`);
  } else {
    logger.info(`agent run ${plan.runId}: removed ${created.length} object(s)${failed ? ' after the failure' : ''}`);
  }
}

function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
