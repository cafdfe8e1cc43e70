export const id = 74;
export const ids = [74,77];
export const modules = {

/***/ 9074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qr: () => (/* binding */ DEFAULT_AGENT_IMAGE),
  runSnapshotAgent: () => (/* binding */ runSnapshotAgent)
});

// UNUSED EXPORTS: CLEANUP_TIMEOUT_MS, DEFAULT_AGENT_TIMEOUT_MS, agentManifests, describePod, parseNodeSelectors, parseTolerations, planAgentRun

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/logger.ts
var core_logger = __webpack_require__(1227);
// EXTERNAL MODULE: ./src/core/io.ts
var io = __webpack_require__(7719);
// EXTERNAL MODULE: ./src/core/documents/index.ts
var documents = __webpack_require__(5738);
// EXTERNAL MODULE: ./src/core/kube/client.ts
var kube_client = __webpack_require__(9338);
// EXTERNAL MODULE: ./src/core/kube/configmap.ts
var configmap = __webpack_require__(2077);
// EXTERNAL MODULE: ./src/core/kube/errors.ts
var kube_errors = __webpack_require__(6634);
// EXTERNAL MODULE: ./src/core/kube/retry.ts
var retry = __webpack_require__(1815);
;// CONCATENATED MODULE: ./src/core/kube/watch.ts


/** Resolves with the first value `check` returns; rejects on cancellation or a lasting failure. */
function watchUntil(options) {
    const { client, signal } = options;
    const maxReconnects = options.maxReconnects ?? 6;
    return new Promise((resolve, reject) => {
        let resourceVersion = options.resourceVersion;
        let controller;
        let finished = false;
        let failures = 0;
        let expired = false;
        let streamError;
        let eventsThisStream = 0;
        let idleCloses = 0;
        let timer;
        const finish = (settle) => {
            if (finished)
                return;
            finished = true;
            if (timer)
                clearTimeout(timer);
            controller?.abort();
            signal?.removeEventListener('abort', onAbort);
            settle();
        };
        const onAbort = () => finish(() => reject((0,retry/* cancellation */.WN)(signal, options.action)));
        if (signal?.aborted)
            return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        const deliver = (type, object) => {
            if (finished)
                return;
            let result;
            try {
                result = options.check(type, object);
            }
            catch (error) {
                finish(() => reject(error));
                return;
            }
            if (result !== undefined)
                finish(() => resolve(result));
        };
        const reconnect = (reason, error) => {
            if (finished)
                return;
            if (error !== undefined) {
                const failure = (0,kube_errors/* classifyFailure */.XE)(error);
                if (!(0,kube_errors/* isRetryable */.r3)(failure) || ++failures > maxReconnects) {
                    finish(() => reject(client.mapError(error, options.action)));
                    return;
                }
            }
            options.onReconnect?.(reason);
            // A stream that closes without any event is retried with growing pauses, never in a tight loop.
            if (error === undefined && eventsThisStream === 0)
                idleCloses++;
            else if (error === undefined)
                idleCloses = 0;
            const delay = error !== undefined ? (0,retry/* backoffDelay */.EY)(failures - 1, client.retryPolicy) : idleCloses > 0 ? (0,retry/* backoffDelay */.EY)(Math.min(idleCloses - 1, 5), client.retryPolicy) : 0;
            timer = setTimeout(() => void start(), delay);
        };
        const start = async () => {
            if (finished)
                return;
            if (expired) {
                expired = false;
                try {
                    const current = await options.relist();
                    resourceVersion = current.resourceVersion;
                    for (const item of current.items)
                        deliver('SYNC', item);
                }
                catch (error) {
                    reconnect('re-list failed', error);
                    return;
                }
                if (finished)
                    return;
            }
            const query = { allowWatchBookmarks: 'true' };
            if (options.fieldSelector)
                query.fieldSelector = options.fieldSelector;
            if (options.labelSelector)
                query.labelSelector = options.labelSelector;
            if (resourceVersion)
                query.resourceVersion = resourceVersion;
            streamError = undefined;
            eventsThisStream = 0;
            const watch = new client.k8s.Watch(client.config);
            try {
                controller = await watch.watch(options.path, query, (type, object) => {
                    if (finished)
                        return;
                    if (type === 'ERROR') {
                        if (object?.code === 410)
                            expired = true;
                        else
                            streamError = Object.assign(new Error(object?.message ?? 'watch error'), { statusCode: object?.code ?? 500 });
                        return;
                    }
                    if (object?.metadata?.resourceVersion)
                        resourceVersion = object.metadata.resourceVersion;
                    failures = 0;
                    eventsThisStream++;
                    if (type !== 'BOOKMARK')
                        deliver(type, object);
                }, (error) => {
                    if (finished)
                        return;
                    if (expired)
                        reconnect('resourceVersion expired (410): re-listing');
                    else if (error)
                        reconnect('watch failed', error);
                    else if (streamError)
                        reconnect('watch error event', streamError);
                    else
                        reconnect('the server closed the watch stream');
                });
            }
            catch (error) {
                reconnect('watch failed', error);
            }
        };
        void start();
    });
}

;// CONCATENATED MODULE: ./src/core/kube/agent.ts
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











/** Upstream AICR's agent image at the release whose ConfigMap format we read. */
const DEFAULT_AGENT_IMAGE = 'ghcr.io/nvidia/aicr:v0.11.1';
const DEFAULT_AGENT_TIMEOUT_MS = 5 * 60_000;
/** Deadline for cleanup, independent of the (possibly interrupted) run. */
const CLEANUP_TIMEOUT_MS = 30_000;
const RUN_ID_LABEL = 'aicr.nvidia.com/run-id';
const CONTAINER = 'aicr';
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** Parses `--node-selector key=value` items (last one wins for a repeated key). */
function parseNodeSelectors(items, input = '--node-selector') {
    const selector = {};
    for (const item of items) {
        const index = item.indexOf('=');
        if (index < 0)
            throw (0,errors/* invalidInput */.aY)(`${input}: invalid format "${item}", expected key=value`, { hint: 'e.g. --node-selector nvidia.com/gpu.present=true' });
        const key = item.slice(0, index).trim();
        if (key === '')
            throw (0,errors/* invalidInput */.aY)(`${input}: "${item}" has an empty label key`, { hint: 'e.g. --node-selector nvidia.com/gpu.present=true' });
        selector[key] = item.slice(index + 1).trim();
    }
    return selector;
}
/** Parses `--toleration` items; none gives the single "tolerate everything" toleration. */
function parseTolerations(items, input = '--toleration') {
    if (items.length === 0)
        return [{ operator: 'Exists' }];
    return items.map((item) => {
        const parts = item.split(':');
        if (parts.length !== 2)
            throw (0,errors/* invalidInput */.aY)(`${input}: invalid format "${item}", expected key=value:effect or key:effect`, { hint: 'e.g. --toleration nvidia.com/gpu:NoSchedule' });
        const [left, effect] = parts;
        if (!EFFECTS.includes(effect)) {
            throw (0,errors/* invalidInput */.aY)(`${input}: invalid taint effect "${effect}" in "${item}", expected NoSchedule, PreferNoSchedule, or NoExecute`, { hint: 'effects are case-sensitive' });
        }
        const index = left.indexOf('=');
        const key = (index < 0 ? left : left.slice(0, index)).trim();
        const value = index < 0 ? '' : left.slice(index + 1).trim();
        const toleration = value ? { key, operator: 'Equal', value, effect } : { operator: 'Exists', effect };
        if (!value && key)
            toleration.key = key;
        return toleration;
    });
}
function newRunId() {
    // 8 characters of [a-z0-9]: unique per run, valid at the end of any object name.
    return [...(0,external_node_crypto_.randomBytes)(8)].map((byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
}
/** Checks the options and derives names (no requests). */
function planAgentRun(options, runId = newRunId()) {
    const namespace = (options.namespace ?? 'default').trim() || 'default';
    if (!DNS1123_LABEL.test(namespace) || namespace.length > 63) {
        throw (0,errors/* invalidInput */.aY)(`--namespace: "${namespace}" is not a valid namespace name`, { hint: 'lower-case letters, digits and -, at most 63 characters' });
    }
    const base = (value, flag) => {
        const name = (value ?? 'aicr').trim() || 'aicr';
        if (!DNS1123_LABEL.test(name) || name.length > 40) {
            throw (0,errors/* invalidInput */.aY)(`${flag}: "${name}" is not a valid base name`, { hint: 'lower-case letters, digits and -, at most 40 characters (a run id is appended)' });
        }
        return name;
    };
    const jobBase = base(options.jobName, '--job-name');
    const accountBase = base(options.serviceAccountName, '--service-account-name');
    const image = (options.image ?? '').trim() || DEFAULT_AGENT_IMAGE;
    if (/\s/.test(image))
        throw (0,errors/* invalidInput */.aY)(`--image: "${image}" is not a valid image reference`, { hint: 'e.g. ghcr.io/nvidia/aicr:v0.11.1' });
    const timeoutMs = options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_AGENT_TIMEOUT_MS;
    let target = { namespace, name: `aicr-snapshot-${runId}`, userProvided: false };
    if (options.configMap) {
        const location = (0,io/* parseConfigMapUri */.wE)(options.configMap.trim(), '--output');
        if (location.namespace !== namespace) {
            throw (0,errors/* invalidInput */.aY)(`--output: the agent can only write ConfigMaps in its own namespace "${namespace}", not "${location.namespace}"`, {
                hint: `use --namespace ${location.namespace}, or an output in cm://${namespace}/…`,
            });
        }
        target = { namespace, name: location.name, userProvided: true };
    }
    for (const secret of options.imagePullSecrets ?? []) {
        if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(secret))
            throw (0,errors/* invalidInput */.aY)(`--image-pull-secret: "${secret}" is not a valid Secret name`, { hint: 'give the name of a docker-registry Secret in the agent namespace' });
    }
    if (options.runtimeClass !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(options.runtimeClass)) {
        throw (0,errors/* invalidInput */.aY)(`--runtime-class: "${options.runtimeClass}" is not a valid RuntimeClass name`, { hint: 'e.g. --runtime-class nvidia' });
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
function agentManifests(plan) {
    const { namespace, labels } = plan;
    const meta = (name, namespaced = true) => ({ name, ...(namespaced ? { namespace } : {}), labels: { ...labels } });
    const subject = [{ kind: 'ServiceAccount', name: plan.serviceAccount, namespace }];
    const privileged = plan.options.privileged !== false;
    const env = [
        { name: 'AICR_AGENT_MODE', value: 'true' },
        { name: 'AICR_LOG_PREFIX', value: 'agent' },
        { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
    ];
    if ((plan.options.maxNodesPerEntry ?? 0) > 0)
        env.push({ name: 'AICR_MAX_NODES_PER_ENTRY', value: String(plan.options.maxNodesPerEntry) });
    if (plan.options.runtimeClass)
        env.push({ name: 'NVIDIA_VISIBLE_DEVICES', value: 'all' });
    const output = `cm://${plan.target.namespace}/${plan.target.name}`;
    const container = {
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
    const podSpec = {
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
    if (Object.keys(plan.nodeSelector).length)
        podSpec.nodeSelector = plan.nodeSelector;
    if (plan.options.imagePullSecrets?.length)
        podSpec.imagePullSecrets = plan.options.imagePullSecrets.map((name) => ({ name }));
    if (plan.options.runtimeClass)
        podSpec.runtimeClassName = plan.options.runtimeClass;
    if (privileged)
        Object.assign(podSpec, { hostPID: true, hostNetwork: true, hostIPC: true });
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
function requiredPermissions(plan) {
    const ns = plan.namespace;
    const rbac = 'rbac.authorization.k8s.io';
    const list = [
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
        ]) {
            list.push({ verb: 'delete', resource, group, ...(namespaced ? { namespace: ns } : {}), why: 'cleaning up' });
        }
        if (!plan.target.userProvided)
            list.push({ verb: 'delete', resource: 'configmaps', group: '', namespace: ns, why: 'cleaning up the run\'s ConfigMap' });
    }
    return list;
}
function describePermission(p) {
    const resource = `${p.resource}${p.subresource ? `/${p.subresource}` : ''}${p.group ? `.${p.group}` : ''}`;
    return `${p.verb} ${resource} ${p.namespace ? `(namespace "${p.namespace}")` : '(cluster-scoped)'} — ${p.why}`;
}
async function checkPermissions(client, plan, signal) {
    const permissions = requiredPermissions(plan);
    const results = await Promise.all(permissions.map(async (p) => {
        const review = {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes: { verb: p.verb, group: p.group, resource: p.resource, ...(p.subresource ? { subresource: p.subresource } : {}), ...(p.namespace ? { namespace: p.namespace } : {}) } },
        };
        const answer = await client.request({ verb: 'create', resource: 'selfsubjectaccessreviews', group: 'authorization.k8s.io' }, (o) => client.authorization.createSelfSubjectAccessReview({ body: review }, o), signal ? { signal } : {});
        return { permission: p, allowed: answer?.status?.allowed === true };
    }));
    const denied = results.filter((r) => !r.allowed).map((r) => r.permission);
    if (denied.length === 0)
        return;
    throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Unauthorized, `insufficient permissions to deploy the snapshot agent in namespace "${plan.namespace}"; missing:\n${denied.map((p) => `  - ${describePermission(p)}`).join('\n')}`, {
        hint: `ask a cluster admin for these permissions (check one with: kubectl auth can-i ${denied[0].verb} ${denied[0].resource}${denied[0].group ? `.${denied[0].group}` : ''}${denied[0].namespace ? ` -n ${denied[0].namespace}` : ''}), or collect on a node without --agent`,
        details: { denied },
    });
}
/** Pause before deleting again an object whose create was interrupted and not yet visible. */
const IN_FLIGHT_SETTLE_MS = 500;
function isStatus(error, status) {
    const failure = (0,kube_errors/* classifyFailure */.XE)(error instanceof errors/* AicrError */.Y3 ? error.cause : error);
    return failure.kind === 'http' && failure.status === status;
}
/** API path of one of the objects a run creates. */
function objectPath(kind, name, namespace) {
    const paths = {
        ServiceAccount: `/api/v1/namespaces/${namespace}/serviceaccounts/${name}`,
        Role: `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/roles/${name}`,
        RoleBinding: `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings/${name}`,
        ClusterRole: `/apis/rbac.authorization.k8s.io/v1/clusterroles/${name}`,
        ClusterRoleBinding: `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${name}`,
        Job: `/apis/batch/v1/namespaces/${namespace}/jobs/${name}`,
    };
    return paths[kind];
}
/** The run: see the file comment. */
async function runSnapshotAgent(options, context = {}) {
    const logger = context.logger ?? core_logger/* silentLogger */.qq;
    const plan = planAgentRun(options, context.runId);
    if (context.signal?.aborted)
        throw (0,retry/* cancellation */.WN)(context.signal);
    // One internal signal follows the caller's; many requests listen to it at once (access reviews).
    const internal = new AbortController();
    (0,external_node_events_.setMaxListeners)(0, internal.signal);
    const forward = () => internal.abort(context.signal.reason);
    context.signal?.addEventListener('abort', forward, { once: true });
    const signal = context.signal ? internal.signal : undefined;
    const client = await (0,kube_client/* getKubeClient */.JG)({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), ...(context.env ? { env: context.env } : {}) });
    const manifests = agentManifests(plan);
    const created = [];
    const request = signal ? { signal } : {};
    const { namespace } = plan;
    logger.info(`agent run ${plan.runId}: deploying Job ${namespace}/${plan.jobName} (image ${plan.image}) through ${client.source}`);
    let failure;
    try {
        await checkPermissions(client, plan, signal);
        if (plan.options.runtimeClass)
            await checkRuntimeClass(client, plan.options.runtimeClass, signal);
        await ensureNamespace(client, plan, created, signal);
        // Register each object before creating it, so an interrupted request is still cleaned up.
        const create = async (kind, name, namespaced, action, call, remove) => {
            const entry = { kind, name, ...(namespaced ? { namespace } : {}), confirmed: false, remove };
            created.push(entry);
            try {
                const object = await client.request(action, call, request);
                entry.confirmed = true;
                return object;
            }
            catch (error) {
                // An HTTP answer settles the question; only a request cut off in flight leaves it open.
                if ((0,kube_errors/* classifyFailure */.XE)(error instanceof errors/* AicrError */.Y3 ? error.cause : error).kind === 'http')
                    entry.confirmed = true;
                // A create retried after a dropped connection meets the object its first attempt made.
                if (isStatus(error, 409)) {
                    const existing = await client.getObject({ ...action, verb: 'get', name }, objectPath(kind, name, namespace), request).catch(() => undefined);
                    if (existing?.metadata?.labels?.[RUN_ID_LABEL] === plan.runId)
                        return existing;
                }
                throw error;
            }
        };
        const rbac = 'rbac.authorization.k8s.io';
        const del = (action, call) => (s) => client.request(action, call, { signal: s });
        await create('ServiceAccount', plan.serviceAccount, true, { verb: 'create', resource: 'serviceaccounts', namespace }, (o) => client.core.createNamespacedServiceAccount({ namespace, body: manifests.serviceAccount }, o), del({ verb: 'delete', resource: 'serviceaccounts', namespace, name: plan.serviceAccount }, (o) => client.core.deleteNamespacedServiceAccount({ name: plan.serviceAccount, namespace }, o)));
        await create('Role', plan.serviceAccount, true, { verb: 'create', resource: 'roles', group: rbac, namespace }, (o) => client.rbac.createNamespacedRole({ namespace, body: manifests.role }, o), del({ verb: 'delete', resource: 'roles', group: rbac, namespace, name: plan.serviceAccount }, (o) => client.rbac.deleteNamespacedRole({ name: plan.serviceAccount, namespace }, o)));
        await create('RoleBinding', plan.serviceAccount, true, { verb: 'create', resource: 'rolebindings', group: rbac, namespace }, (o) => client.rbac.createNamespacedRoleBinding({ namespace, body: manifests.roleBinding }, o), del({ verb: 'delete', resource: 'rolebindings', group: rbac, namespace, name: plan.serviceAccount }, (o) => client.rbac.deleteNamespacedRoleBinding({ name: plan.serviceAccount, namespace }, o)));
        await create('ClusterRole', plan.clusterRole, false, { verb: 'create', resource: 'clusterroles', group: rbac }, (o) => client.rbac.createClusterRole({ body: manifests.clusterRole }, o), del({ verb: 'delete', resource: 'clusterroles', group: rbac, name: plan.clusterRole }, (o) => client.rbac.deleteClusterRole({ name: plan.clusterRole }, o)));
        await create('ClusterRoleBinding', plan.clusterRole, false, { verb: 'create', resource: 'clusterrolebindings', group: rbac }, (o) => client.rbac.createClusterRoleBinding({ body: manifests.clusterRoleBinding }, o), del({ verb: 'delete', resource: 'clusterrolebindings', group: rbac, name: plan.clusterRole }, (o) => client.rbac.deleteClusterRoleBinding({ name: plan.clusterRole }, o)));
        if (!plan.target.userProvided) {
            // The run's own result ConfigMap is the agent's to create; we only make sure it goes away.
            created.push({
                kind: 'ConfigMap',
                name: plan.target.name,
                namespace,
                remove: del({ verb: 'delete', resource: 'configmaps', namespace, name: plan.target.name }, (o) => client.core.deleteNamespacedConfigMap({ name: plan.target.name, namespace }, o)),
            });
        }
        const job = await create('Job', plan.jobName, true, { verb: 'create', resource: 'jobs', group: 'batch', namespace }, (o) => client.batch.createNamespacedJob({ namespace, body: manifests.job }, o), del({ verb: 'delete', resource: 'jobs', group: 'batch', namespace, name: plan.jobName }, (o) => client.batch.deleteNamespacedJob({ name: plan.jobName, namespace, propagationPolicy: 'Background' }, o)));
        logger.info(`agent run ${plan.runId}: waiting up to ${formatDuration(plan.timeoutMs)} for Job ${namespace}/${plan.jobName}`);
        // The object in hand may already be finished (a retried create returns the current state).
        const outcome = jobOutcome(job) ?? (await waitForJob(client, plan, String(job.metadata?.resourceVersion ?? ''), signal));
        const pod = await findPod(client, plan, signal).catch(() => undefined);
        if (outcome.kind !== 'complete') {
            const podState = pod ? describePod(pod) : 'no pod was created';
            await printLogs(client, plan, pod, logger, 'error');
            if (outcome.kind === 'timeout') {
                throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Timeout, `agent Job ${namespace}/${plan.jobName} did not complete within ${formatDuration(plan.timeoutMs)}: ${podState}`, {
                    hint: 'check that a node matches --node-selector/--toleration and can pull the image, or raise --timeout',
                    details: { runId: plan.runId, job: plan.jobName, ...(pod ? { pod: pod.metadata?.name } : {}) },
                });
            }
            throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Internal, `agent Job ${namespace}/${plan.jobName} failed: ${outcome.reason}${outcome.message ? ` (${outcome.message})` : ''}; ${podState}`, {
                hint: 'the agent log is printed above; fix what it reports (image, permissions, node access) and run again',
                details: { runId: plan.runId, job: plan.jobName, reason: outcome.reason, ...(pod ? { pod: pod.metadata?.name } : {}) },
            });
        }
        if (plan.options.debug)
            await printLogs(client, plan, pod, logger, 'debug');
        logger.info(`agent run ${plan.runId}: Job completed; reading cm://${plan.target.namespace}/${plan.target.name}`);
        const targetUri = (0,io/* parseConfigMapUri */.wE)(`cm://${plan.target.namespace}/${plan.target.name}`, '--output');
        let stored;
        try {
            stored = await (0,configmap.readConfigMapDocument)(targetUri, { ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), ...(context.env ? { env: context.env } : {}), ...(signal ? { signal } : {}), input: 'agent result' });
        }
        catch (error) {
            if (error instanceof errors/* AicrError */.Y3 && error.code === errors/* ErrorCode */.O4.NotFound) {
                throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.Internal, `the agent Job completed but left no snapshot in ${targetUri.text}: ${error.message}`, {
                    cause: error,
                    hint: 'the agent image must run "aicr snapshot -o cm://…" and write key snapshot.yaml; check --image',
                });
            }
            throw error;
        }
        const origin = `${targetUri.text}#${stored.key}`;
        const { document } = await (0,documents/* readDocument */.u0)('Snapshot', stored.text, origin);
        const result = { snapshot: document, text: stored.text, origin, configMap: { namespace: plan.target.namespace, name: plan.target.name }, runId: plan.runId, job: plan.jobName };
        if (pod?.metadata?.name)
            result.pod = pod.metadata.name;
        return result;
    }
    catch (error) {
        failure = error;
        if (signal?.aborted)
            throw (0,retry/* cancellation */.WN)(signal);
        throw error;
    }
    finally {
        context.signal?.removeEventListener('abort', forward);
        if (plan.options.keep) {
            if (created.length) {
                logger.info(`agent run ${plan.runId}: kept ${created.map((o) => `${o.kind} ${o.name}`).join(', ')}; remove them with: kubectl delete job,serviceaccount,role,rolebinding,configmap -n ${namespace} -l ${RUN_ID_LABEL}=${plan.runId} && kubectl delete clusterrole,clusterrolebinding -l ${RUN_ID_LABEL}=${plan.runId}`);
            }
        }
        else {
            await cleanup(created, plan, logger, failure !== undefined);
        }
    }
}
async function checkRuntimeClass(client, name, signal) {
    try {
        await client.request({ verb: 'get', resource: 'runtimeclasses', group: 'node.k8s.io', name }, (o) => client.node.readRuntimeClass({ name }, o), signal ? { signal } : {});
    }
    catch (error) {
        if (error instanceof errors/* AicrError */.Y3 && error.code === errors/* ErrorCode */.O4.NotFound) {
            throw new errors/* AicrError */.Y3(errors/* ErrorCode */.O4.NotFound, `--runtime-class: RuntimeClass "${name}" does not exist in the cluster`, {
                cause: error,
                hint: 'the NVIDIA GPU Operator creates the "nvidia" RuntimeClass; without it use --node-selector to pick a GPU node, or --require-gpu',
            });
        }
        throw error;
    }
}
async function ensureNamespace(client, plan, created, signal) {
    const name = plan.namespace;
    const request = signal ? { signal } : {};
    try {
        await client.request({ verb: 'get', resource: 'namespaces', name }, (o) => client.core.readNamespace({ name }, o), request);
        return;
    }
    catch (error) {
        // Without permission to read namespaces, assume it exists: the creates below will say if not.
        if (isStatus(error, 403))
            return;
        if (!isStatus(error, 404))
            throw error;
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
    }
    catch (error) {
        if (!isStatus(error, 409))
            throw error;
        created.pop(); // created concurrently by someone else: not ours to delete
    }
}
function jobOutcome(job) {
    for (const condition of job?.status?.conditions ?? []) {
        if (condition.status !== 'True')
            continue;
        if (condition.type === 'Complete')
            return { kind: 'complete' };
        if (condition.type === 'Failed')
            return { kind: 'failed', reason: condition.reason || 'Failed', ...(condition.message ? { message: condition.message } : {}) };
    }
    return undefined;
}
async function waitForJob(client, plan, resourceVersion, signal) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error('agent timeout')), plan.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const { namespace, jobName } = plan;
    try {
        return await watchUntil({
            client,
            action: { verb: 'watch', resource: 'jobs', group: 'batch', namespace },
            path: `/apis/batch/v1/namespaces/${namespace}/jobs`,
            fieldSelector: `metadata.name=${jobName}`,
            ...(resourceVersion ? { resourceVersion } : {}),
            signal: combined,
            check: (type, job) => {
                if (type === 'DELETED')
                    return { kind: 'failed', reason: 'Deleted', message: 'the Job was deleted while the agent ran' };
                return jobOutcome(job);
            },
            relist: async () => {
                const list = await client.request({ verb: 'list', resource: 'jobs', group: 'batch', namespace }, (o) => client.batch.listNamespacedJob({ namespace, fieldSelector: `metadata.name=${jobName}` }, o), { signal: combined });
                return { items: list.items ?? [], resourceVersion: String(list.metadata?.resourceVersion ?? '') };
            },
        });
    }
    catch (error) {
        if (timeout.signal.aborted && !signal?.aborted)
            return { kind: 'timeout' };
        throw error;
    }
    finally {
        clearTimeout(timer);
    }
}
async function findPod(client, plan, signal) {
    const namespace = plan.namespace;
    // Select by the run's own label: never a stale pod of another run.
    const list = await client.request({ verb: 'list', resource: 'pods', namespace }, (o) => client.core.listNamespacedPod({ namespace, labelSelector: `${RUN_ID_LABEL}=${plan.runId}` }, o), { ...(signal ? { signal } : {}), retry: { deadlineMs: 15_000 } });
    const pods = list.items ?? [];
    return pods.sort((a, b) => String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? '')))[0];
}
/** One line on why a pod is where it is: phase, scheduling, waiting or exit reasons. */
function describePod(pod) {
    const name = pod.metadata?.name ?? '?';
    const phase = pod.status?.phase ?? 'Unknown';
    const parts = [`pod ${name} is ${phase}`];
    const unscheduled = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled' && c.status === 'False');
    if (unscheduled)
        parts.push(`not scheduled: ${unscheduled.reason ?? ''}${unscheduled.message ? ` (${unscheduled.message})` : ''}`);
    for (const status of pod.status?.containerStatuses ?? []) {
        const state = status.state ?? {};
        if (state.waiting)
            parts.push(`container ${status.name} waiting: ${state.waiting.reason ?? ''}${state.waiting.message ? ` (${state.waiting.message})` : ''}`);
        if (state.terminated)
            parts.push(`container ${status.name} exited with code ${state.terminated.exitCode}${state.terminated.reason ? ` (${state.terminated.reason})` : ''}${state.terminated.message ? `: ${state.terminated.message}` : ''}`);
    }
    return parts.join('; ');
}
async function printLogs(client, plan, pod, logger, level) {
    if (!pod?.metadata?.name)
        return;
    const name = pod.metadata.name;
    const started = (pod.status?.containerStatuses ?? []).some((s) => s.state?.running || s.state?.terminated);
    if (!started)
        return;
    let text;
    try {
        text = await client.request({ verb: 'get', resource: 'pods/log', namespace: plan.namespace, name }, (o) => client.core.readNamespacedPodLog({ name, namespace: plan.namespace, container: CONTAINER, tailLines: 500, limitBytes: 256 * 1024 }, o), { retry: { deadlineMs: 15_000 } });
    }
    catch (error) {
        logger.warning(`could not read the agent log of pod ${name}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return;
    }
    const write = level === 'error' ? (line) => logger.info(line) : (line) => logger.debug(line);
    write(`--- agent log (pod ${plan.namespace}/${name}, last 500 lines) ---`);
    for (const line of String(text ?? '').replace(/\n$/, '').split('\n'))
        write(line);
    write('--- end of agent log ---');
}
async function cleanup(created, plan, logger, failed) {
    if (created.length === 0)
        return;
    const signal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
    const problems = [];
    // Reverse creation order: the Job first (it uses the RBAC objects), the namespace last.
    const unsettled = [];
    const remove = async (object, retryIfAbsent) => {
        try {
            await object.remove(signal);
        }
        catch (error) {
            if (isStatus(error, 404)) {
                // Never created or already gone; an interrupted create may still land, so look once more.
                if (retryIfAbsent && object.confirmed === false)
                    unsettled.push(object);
                return;
            }
            problems.push(`${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    };
    for (const object of [...created].reverse())
        await remove(object, true);
    if (unsettled.length) {
        await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_SETTLE_MS));
        for (const object of unsettled)
            await remove(object, false);
    }
    if (problems.length) {
        logger.warning(`agent run ${plan.runId}: cleanup left ${problems.length} object(s) in the cluster:\n${problems.map((p) => `  - ${p}`).join('\n')}\nremove them with: kubectl delete job,serviceaccount,role,rolebinding,configmap -n ${plan.namespace} -l ${RUN_ID_LABEL}=${plan.runId} && kubectl delete clusterrole,clusterrolebinding -l ${RUN_ID_LABEL}=${plan.runId}`);
    }
    else {
        logger.info(`agent run ${plan.runId}: removed ${created.length} object(s)${failed ? ' after the failure' : ''}`);
    }
}
function formatDuration(ms) {
    if (ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    if (ms % 1000 === 0)
        return `${ms / 1000}s`;
    return `${ms}ms`;
}


/***/ }),

/***/ 2077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CONFIGMAP_MAX_BYTES: () => (/* binding */ CONFIGMAP_MAX_BYTES),
/* harmony export */   checkConfigMapSize: () => (/* binding */ checkConfigMapSize),
/* harmony export */   configMapContent: () => (/* binding */ configMapContent),
/* harmony export */   configMapDataSize: () => (/* binding */ configMapDataSize),
/* harmony export */   configMapHandler: () => (/* binding */ configMapHandler),
/* harmony export */   readConfigMapDocument: () => (/* binding */ readConfigMapDocument),
/* harmony export */   writeConfigMapDocument: () => (/* binding */ writeConfigMapDocument)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _documents_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1861);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3323);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9338);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6634);
/**
 * Documents in ConfigMaps: `cm://namespace/name` locations for every stage.
 *
 * Format (upstream AICR's, so its tools read what we write and we read what its agent writes):
 * data keys `snapshot.<yaml|json|txt>` (for every document kind, as upstream does), `format`
 * (`yaml` | `json` | `table`) and `timestamp` (RFC 3339 UTC); labels `app.kubernetes.io/name:
 * aicr`, `app.kubernetes.io/component: <document kind>`, `app.kubernetes.io/version: <our
 * version>`.
 *
 * Writing is create-or-update in one request each: POST, and on AlreadyExists a PUT of the whole
 * object carrying the resourceVersion just read (a concurrent writer makes it 409 Conflict and we
 * read and replace again). The whole `data` map is replaced, so a document is never mixed with
 * keys of an older one, and a document larger than the ConfigMap limit is refused before any
 * request, so the cluster never holds a partial document.
 */





/** Kubernetes limit on the total size of a ConfigMap's data (keys plus values), in bytes. */
const CONFIGMAP_MAX_BYTES = 1024 * 1024;
const EXTENSIONS = { yaml: 'yaml', json: 'json', table: 'txt' };
/** Keys tried, in order, when `format` does not name one that exists (upstream's order). */
const FALLBACK_KEYS = ['snapshot.yaml', 'snapshot.json', 'snapshot.txt'];
/** Label values: at most 63 characters of [A-Za-z0-9._-], alphanumeric at both ends. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** The `data` and labels written for a document. */
function configMapContent(text, format, options) {
    const data = { format, [`snapshot.${EXTENSIONS[format]}`]: text, timestamp: options.timestamp };
    const labels = {
        'app.kubernetes.io/name': 'aicr',
        'app.kubernetes.io/component': labelValue(options.kind ?? 'Snapshot', 'Snapshot'),
        'app.kubernetes.io/version': labelValue(options.version ?? _version_js__WEBPACK_IMPORTED_MODULE_4__/* .VERSION */ .x, 'unknown'),
    };
    return { data, labels };
}
function labelValue(value, fallback) {
    const cleaned = value.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63);
    return LABEL_VALUE.test(cleaned) && cleaned !== '' ? cleaned : fallback;
}
/** Bytes a `data` map counts against the ConfigMap limit (keys plus values, as the API server counts). */
function configMapDataSize(data) {
    let size = 0;
    for (const [key, value] of Object.entries(data))
        size += Buffer.byteLength(key) + Buffer.byteLength(value);
    return size;
}
/** Refuses, before any request, a document that would not fit in a ConfigMap. */
function checkConfigMapSize(location, data, input = 'output') {
    const size = configMapDataSize(data);
    if (size <= CONFIGMAP_MAX_BYTES)
        return;
    const mib = (size / CONFIGMAP_MAX_BYTES).toFixed(2);
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${input}: the document is too large for ConfigMap ${location.text}: ${size} bytes (${mib} MiB) of data, Kubernetes allows at most ${CONFIGMAP_MAX_BYTES} bytes (1 MiB)`, {
        hint: 'write it to a file instead (e.g. --output snapshot.yaml), or make it smaller (for snapshots: --max-nodes-per-entry limits the node names listed per label and taint)',
        details: { size, limit: CONFIGMAP_MAX_BYTES },
    });
}
function action(verb, location) {
    return { verb, resource: 'configmaps', group: '', namespace: location.namespace, name: location.name };
}
/**
 * Reads the document stored in a ConfigMap: key `snapshot.<format>` (format from the `format`
 * key, default yaml), else the first of `snapshot.yaml`, `snapshot.json`, `snapshot.txt`.
 * `key` overrides the choice.
 */
async function readConfigMapDocument(location, options = {}) {
    const input = options.input ?? 'input';
    const client = await (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .getKubeClient */ .JG)(options);
    let configMap;
    try {
        configMap = await client.request(action('get', location), (o) => client.core.readNamespacedConfigMap({ name: location.name, namespace: location.namespace }, o), options.signal ? { signal: options.signal } : {});
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AicrError */ .Y3 && error.code === _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.NotFound) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)(`${input}: ConfigMap ${location.text} does not exist (namespace "${location.namespace}", context namespace of ${client.source} is "${client.namespace}")`, {
                cause: error,
                hint: `check the namespace and name; write one with e.g. aicr snapshot --output ${location.text}`,
            });
        }
        throw error;
    }
    const data = configMap.data ?? {};
    const keys = Object.keys(data).sort();
    let key = options.key;
    if (key === undefined) {
        const declared = data.format?.trim();
        const declaredKey = declared ? `snapshot.${declared === 'table' ? 'txt' : declared}` : 'snapshot.yaml';
        key = declaredKey in data ? declaredKey : FALLBACK_KEYS.find((k) => k in data);
    }
    if (key === undefined || !(key in data)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)(`${input}: ConfigMap ${location.text} has no ${options.key ? `"${options.key}" key` : 'document (no snapshot.yaml, snapshot.json or snapshot.txt key)'}; its data keys are: ${keys.length ? keys.join(', ') : '(none)'}`, {
            hint: 'point at a ConfigMap written by aicr (aicr snapshot/recipe --output cm://…) or by the AICR agent',
        });
    }
    const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
    if (extension === 'txt' || extension === 'table') {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${input}: ConfigMap ${location.text} holds a table (${key}), which cannot be read back`, {
            hint: 'write the document with --format yaml or json',
        });
    }
    const text = data[key];
    const limit = options.maxBytes ?? _documents_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_DOCUMENT_BYTES */ .bi;
    if (Buffer.byteLength(text) > limit) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${input}: ${location.text}#${key} is too large (${Buffer.byteLength(text)} bytes, limit ${limit} bytes)`, { hint: 'pass a smaller document' });
    }
    if (text.trim() === '') {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${input}: ${location.text}#${key} is empty`, { hint: 'write the document again' });
    }
    return { text, key, format: extension === 'json' ? 'json' : 'yaml' };
}
const MAX_CONFLICT_RETRIES = 5;
/**
 * Creates or replaces a ConfigMap holding one document. Checks the size first; replaces the
 * whole `data` map under optimistic concurrency (resourceVersion); keeps other labels and
 * annotations of an existing ConfigMap.
 */
async function writeConfigMapDocument(location, text, options = {}) {
    const input = options.input ?? 'output';
    const format = options.format ?? 'yaml';
    const timestamp = options.timestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const { data, labels } = configMapContent(text, format, { timestamp, ...(options.kind ? { kind: options.kind } : {}) });
    checkConfigMapSize(location, data, input);
    const key = `snapshot.${EXTENSIONS[format]}`;
    const client = await (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .getKubeClient */ .JG)(options);
    const request = options.signal ? { signal: options.signal } : {};
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: location.name, namespace: location.namespace, labels }, data };
    try {
        const created = await client.request(action('create', location), (o) => client.core.createNamespacedConfigMap({ namespace: location.namespace, body }, o), request);
        return { created: true, resourceVersion: String(created.metadata?.resourceVersion ?? ''), key };
    }
    catch (error) {
        if (!isStatus(error, 409, 'AlreadyExists'))
            throw explainWriteError(error, location, input);
    }
    for (let attempt = 1;; attempt++) {
        const existing = await client.request(action('get', location), (o) => client.core.readNamespacedConfigMap({ name: location.name, namespace: location.namespace }, o), request);
        if (existing.immutable) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(`${input}: ConfigMap ${location.text} is immutable and cannot be overwritten`, {
                hint: 'delete it first (kubectl delete configmap …) or write to another name',
            });
        }
        const replacement = {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: {
                name: location.name,
                namespace: location.namespace,
                resourceVersion: existing.metadata?.resourceVersion,
                labels: { ...(existing.metadata?.labels ?? {}), ...labels },
                ...(existing.metadata?.annotations ? { annotations: existing.metadata.annotations } : {}),
                ...(existing.metadata?.ownerReferences ? { ownerReferences: existing.metadata.ownerReferences } : {}),
            },
            data,
        };
        try {
            const replaced = await client.request(action('update', location), (o) => client.core.replaceNamespacedConfigMap({ name: location.name, namespace: location.namespace, body: replacement }, o), request);
            return { created: false, resourceVersion: String(replaced.metadata?.resourceVersion ?? ''), key };
        }
        catch (error) {
            if (isStatus(error, 409) && attempt < MAX_CONFLICT_RETRIES)
                continue; // someone else wrote in between: read again
            throw explainWriteError(error, location, input);
        }
    }
}
function isStatus(error, status, reason) {
    const cause = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AicrError */ .Y3 ? error.cause : error;
    const failure = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .classifyFailure */ .XE)(cause);
    return failure.kind === 'http' && failure.status === status && (reason === undefined || failure.reason === reason);
}
function explainWriteError(error, location, input) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AicrError */ .Y3 && error.code === _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.NotFound && /namespaces? "/.test(error.message)) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)(`${input}: namespace "${location.namespace}" does not exist, so ConfigMap ${location.text} cannot be written`, {
            cause: error,
            hint: `create it first (kubectl create namespace ${location.namespace}) or write to an existing namespace`,
        });
    }
    return error;
}
/** The `cm://` handler that src/core/io.ts loads on first use. */
const configMapHandler = {
    async read(location, options) {
        const result = await readConfigMapDocument(location, {
            ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
            ...(options.configMapKey ? { key: options.configMapKey } : {}),
            ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
            ...(options.input ? { input: options.input } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
        });
        return { text: result.text, key: result.key };
    },
    async write(location, text, options) {
        await writeConfigMapDocument(location, text, {
            ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
            ...(options.format ? { format: options.format } : {}),
            ...(options.kind ? { kind: options.kind } : {}),
            ...(options.timestamp ? { timestamp: options.timestamp } : {}),
            ...(options.input ? { input: options.input } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
        });
    },
};


/***/ })

};
