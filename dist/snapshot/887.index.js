export const id = 887;
export const ids = [887];
export const modules = {

/***/ 8887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kubernetesCollectors: () => (/* binding */ kubernetesCollectors)
});

// UNUSED EXPORTS: ImageTally, REDACTED, flattenSpec, imageNameAndTag, k8sCollector, nodeReadings, providerFromId, redactSecrets

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/serialize.ts
var serialize = __webpack_require__(8237);
// EXTERNAL MODULE: ./src/core/kube/client.ts
var kube_client = __webpack_require__(9338);
;// CONCATENATED MODULE: ./src/core/snapshot/collectors/topology.ts
/**
 * Node topology collector (`type: NodeTopology`): cluster-wide taints, labels and allocatable
 * GPUs, aggregated over every node, read page by page (500 nodes per request).
 *
 * Subtypes, in this order:
 * - `summary`: `node-count`, `taint-count`, `label-count` (entries in the two maps below), integers;
 * - `taint`: taint key → `<effect>|<value>|<nodes>`; when one key has several (effect, value)
 *   groups each group gets its own key `<key>.<effect>`, or `<key>.<effect>.<value>` when the
 *   effect repeats (upstream would let one group overwrite another);
 * - `label`: label key → `<value>|<nodes>`; a key with several values gets `<key>.<value>` per value;
 * - `gpu` (our addition): `node-count` (nodes with allocatable nvidia.com/gpu > 0),
 *   `allocatable` (their sum), and `allocatable.<n>` → the nodes with n allocatable GPUs.
 *
 * Node lists are sorted and comma-joined; with `maxNodesPerEntry` N > 0 a longer list keeps the
 * first N names and ends in ` (+M more)`.
 */



const GPU_RESOURCE = 'nvidia.com/gpu';
/** Node names of one entry: sorted, joined, truncated. */
function nodeList(names, maxNodesPerEntry = 0) {
    const sorted = [...names].sort(serialize/* compareStrings */.Kt);
    if (maxNodesPerEntry > 0 && sorted.length > maxNodesPerEntry) {
        return `${sorted.slice(0, maxNodesPerEntry).join(',')} (+${sorted.length - maxNodesPerEntry} more)`;
    }
    return sorted.join(',');
}
/** Kubernetes quantity of a whole-number extended resource (`8`, `8k` never occurs for GPUs). */
function gpuCount(quantity) {
    const n = typeof quantity === 'number' ? quantity : Number.parseInt(String(quantity ?? '0'), 10);
    return Number.isFinite(n) && n > 0 ? n : 0;
}
/** Aggregates nodes one at a time; holds names per group, never whole Node objects. */
class TopologyTally {
    nodes = 0;
    labels = new Map();
    taints = new Map();
    gpus = new Map();
    gpuTotal = 0;
    addNode(node) {
        const name = String(node.metadata?.name ?? '');
        this.nodes++;
        for (const [key, value] of Object.entries((node.metadata?.labels ?? {}))) {
            let values = this.labels.get(key);
            if (!values)
                this.labels.set(key, (values = new Map()));
            const list = values.get(String(value));
            if (list)
                list.push(name);
            else
                values.set(String(value), [name]);
        }
        for (const taint of (node.spec?.taints ?? [])) {
            const key = String(taint.key ?? '');
            const effect = String(taint.effect ?? '');
            const value = String(taint.value ?? '');
            let groups = this.taints.get(key);
            if (!groups)
                this.taints.set(key, (groups = new Map()));
            const id = `${effect}\u0000${value}`;
            const group = groups.get(id);
            if (group)
                group.nodes.push(name);
            else
                groups.set(id, { effect, value, nodes: [name] });
        }
        const gpus = gpuCount(node.status?.allocatable?.[GPU_RESOURCE]);
        if (gpus > 0) {
            this.gpuTotal += gpus;
            const list = this.gpus.get(gpus);
            if (list)
                list.push(name);
            else
                this.gpus.set(gpus, [name]);
        }
    }
    subtypes(maxNodesPerEntry = 0) {
        const taint = {};
        for (const key of [...this.taints.keys()].sort(serialize/* compareStrings */.Kt)) {
            const groups = [...this.taints.get(key).values()].sort((a, b) => (0,serialize/* compareStrings */.Kt)(a.effect, b.effect) || (0,serialize/* compareStrings */.Kt)(a.value, b.value));
            if (groups.length === 1) {
                const g = groups[0];
                taint[key] = `${g.effect}|${g.value}|${nodeList(g.nodes, maxNodesPerEntry)}`;
                continue;
            }
            for (const g of groups) {
                const sameEffect = groups.filter((other) => other.effect === g.effect).length > 1;
                taint[sameEffect ? `${key}.${g.effect}.${g.value}` : `${key}.${g.effect}`] = `${g.value}|${nodeList(g.nodes, maxNodesPerEntry)}`;
            }
        }
        const label = {};
        for (const key of [...this.labels.keys()].sort(serialize/* compareStrings */.Kt)) {
            const values = this.labels.get(key);
            const sortedValues = [...values.keys()].sort(serialize/* compareStrings */.Kt);
            for (const value of sortedValues) {
                label[sortedValues.length === 1 ? key : `${key}.${value}`] = `${value}|${nodeList(values.get(value), maxNodesPerEntry)}`;
            }
        }
        const gpu = { allocatable: this.gpuTotal, 'node-count': [...this.gpus.values()].reduce((sum, list) => sum + list.length, 0) };
        for (const count of [...this.gpus.keys()].sort((a, b) => a - b))
            gpu[`allocatable.${count}`] = nodeList(this.gpus.get(count), maxNodesPerEntry);
        return [
            { subtype: 'summary', data: { 'label-count': Object.keys(label).length, 'node-count': this.nodes, 'taint-count': Object.keys(taint).length } },
            { subtype: 'taint', data: taint },
            { subtype: 'label', data: label },
            { subtype: 'gpu', data: gpu },
        ];
    }
}
/** The NodeTopology collector. */
function topologyCollector(options = {}) {
    return {
        name: 'topology',
        async collect(context) {
            let client;
            try {
                client = await (0,kube_client/* getKubeClient */.JG)({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), env: context.env, ...(options.retry ? { retry: options.retry } : {}) });
            }
            catch (error) {
                return { status: 'unavailable', reason: error instanceof errors/* AicrError */.Y3 ? error.message : (0,errors/* errorMessage */.gJ)(error) };
            }
            const tally = new TopologyTally();
            try {
                for await (const page of client.jsonPages({ verb: 'list', resource: 'nodes' }, '/api/v1/nodes', { signal: context.signal, pageSize: options.pageSize ?? 500 })) {
                    for (const node of page)
                        tally.addNode(node);
                }
            }
            catch (error) {
                // A partial node list would misstate the cluster: nothing rather than a wrong count.
                return { status: 'unavailable', reason: `cannot list nodes through ${client.source}: ${error instanceof errors/* AicrError */.Y3 ? error.message : (0,errors/* errorMessage */.gJ)(error)}` };
            }
            context.logger.debug(`NodeTopology: ${tally.nodes} nodes`);
            return { status: 'collected', measurements: [{ type: 'NodeTopology', subtypes: tally.subtypes(options.maxNodesPerEntry ?? 0) }] };
        },
    };
}

;// CONCATENATED MODULE: ./src/core/snapshot/collectors/k8s.ts
/**
 * Kubernetes collector (`type: K8s`): what the cluster runs, read through the one shared client.
 *
 * Subtypes, in this order:
 * - `server`: `version` (gitVersion), `platform`, `goVersion` from /version;
 * - `image`: short image name → tag over every container, init and ephemeral container of every
 *   pod (upstream's reading). When one short name has several tags, the tag used by the most
 *   containers wins (ties: the greater reference in byte order), so the result is deterministic;
 * - `image-count` (our addition): full image reference as written in the pod specs → number of
 *   containers using it (unique references with counts);
 * - `policy`: the GPU Operator ClusterPolicy (`nvidia.com/v1 clusterpolicies`) `.spec` flattened
 *   to dot-joined keys, all values strings (arrays as compact JSON with sorted keys), several
 *   instances merged in name order; values under secret-looking keys are redacted;
 * - `node`: the node this runs on ($NODE_NAME, $KUBERNETES_NODE_NAME, $HOSTNAME): provider,
 *   provider id, container runtime, kubelet, kernel, OS.
 *
 * Lists are read page by page (`limit`/`continue`), never whole. Secrets are never read. A
 * subtype whose source fails (RBAC, missing CRD, not a node) is left out and its reason recorded
 * under `unavailable.subtypes`; no cluster at all makes the whole measurement unavailable.
 *
 * Exported API: `k8sCollector(options)`, `kubernetesCollectors({ kubeconfig, maxNodesPerEntry,
 * sources })` (both collectors for the snapshot orchestrator), and the pure helpers below.
 */




/** Upstream's provider names for `spec.providerID` prefixes. */
const PROVIDERS = { aws: 'eks', gce: 'gke', azure: 'aks', oci: 'oke' };
/** Splits an image reference into upstream's short name and tag. */
function imageNameAndTag(reference) {
    let short = reference.slice(reference.lastIndexOf('/') + 1);
    const at = short.indexOf('@');
    if (at >= 0)
        short = short.slice(0, at);
    const colon = short.lastIndexOf(':');
    return colon >= 0 ? { name: short.slice(0, colon), tag: short.slice(colon + 1) } : { name: short, tag: 'latest' };
}
/** Counts image references per pod page; `result()` gives the `image` and `image-count` data. */
class ImageTally {
    counts = new Map();
    pods = 0;
    addPod(pod) {
        this.pods++;
        const spec = pod.spec ?? {};
        for (const list of [spec.containers, spec.initContainers, spec.ephemeralContainers]) {
            for (const container of list ?? []) {
                const image = typeof container?.image === 'string' ? container.image.trim() : '';
                if (image)
                    this.counts.set(image, (this.counts.get(image) ?? 0) + 1);
            }
        }
    }
    result() {
        const best = new Map();
        const counts = {};
        for (const reference of [...this.counts.keys()].sort(serialize/* compareStrings */.Kt)) {
            const count = this.counts.get(reference);
            counts[reference] = count;
            const { name, tag } = imageNameAndTag(reference);
            const current = best.get(name);
            if (!current || count > current.count || (count === current.count && (0,serialize/* compareStrings */.Kt)(reference, current.reference) > 0))
                best.set(name, { tag, count, reference });
        }
        const image = {};
        for (const name of [...best.keys()].sort(serialize/* compareStrings */.Kt))
            image[name] = best.get(name).tag;
        return { image, counts };
    }
}
const SECRET_KEY = /^(password|passwd|pass|token|apitoken|apikey|api-key|api_key|secretkey|secret-key|privatekey|private-key|credentials?|auth|authtoken|clientsecret)$/i;
const SECRET_ENV = /(PASSWORD|PASSWD|TOKEN|SECRET|API_?KEY|CREDENTIAL|PRIVATE_?KEY)/i;
const REDACTED = '<redacted>';
/** A copy with values under secret-looking keys (and env entries with such names) redacted. */
function redactSecrets(value) {
    if (Array.isArray(value))
        return value.map(redactSecrets);
    if (value === null || typeof value !== 'object')
        return value;
    const object = value;
    const out = {};
    const envLike = typeof object.name === 'string' && 'value' in object && SECRET_ENV.test(object.name);
    for (const [key, child] of Object.entries(object)) {
        if ((SECRET_KEY.test(key) && (typeof child !== 'object' || child === null)) || (envLike && key === 'value'))
            out[key] = REDACTED;
        else
            out[key] = redactSecrets(child);
    }
    return out;
}
function sortKeysDeep(value) {
    if (Array.isArray(value))
        return value.map(sortKeysDeep);
    if (value === null || typeof value !== 'object')
        return value;
    const out = {};
    for (const key of Object.keys(value).sort(serialize/* compareStrings */.Kt))
        out[key] = sortKeysDeep(value[key]);
    return out;
}
/**
 * Flattens a ClusterPolicy spec into `a.b.c` → string (upstream's rules: non-empty arrays as
 * compact JSON with sorted keys, empty arrays and maps left out; null left out, where upstream
 * writes `<nil>`).
 */
function flattenSpec(spec, prefix = '', out = {}) {
    if (spec === null || spec === undefined)
        return out;
    if (Array.isArray(spec)) {
        if (spec.length && prefix)
            out[prefix] = JSON.stringify(sortKeysDeep(spec));
        return out;
    }
    if (typeof spec === 'object') {
        for (const [key, child] of Object.entries(spec))
            flattenSpec(child, prefix ? `${prefix}.${key}` : key, out);
        return out;
    }
    if (prefix)
        out[prefix] = typeof spec === 'string' ? spec : String(spec);
    return out;
}
/** `spec.providerID` prefix → upstream's provider name. */
function providerFromId(providerID) {
    const index = providerID.indexOf('://');
    const prefix = (index >= 0 ? providerID.slice(0, index) : providerID).trim().toLowerCase();
    return PROVIDERS[prefix] ?? prefix;
}
/** The `node` subtype data of a Node object. */
function nodeReadings(node, name) {
    const data = { 'source-node': name };
    const providerID = node.spec?.providerID ?? '';
    if (providerID) {
        data['provider-id'] = providerID;
        const provider = providerFromId(providerID);
        if (provider)
            data.provider = provider;
    }
    const info = node.status?.nodeInfo ?? {};
    const runtime = info.containerRuntimeVersion ?? '';
    if (runtime) {
        data['container-runtime-id'] = runtime;
        const index = runtime.indexOf('://');
        if (index >= 0) {
            data['container-runtime-name'] = runtime.slice(0, index);
            data['container-runtime-version'] = runtime.slice(index + 3);
        }
    }
    const fields = [
        ['kubelet-version', info.kubeletVersion],
        ['kernel-version', info.kernelVersion],
        ['operating-system', info.operatingSystem],
        ['os-image', info.osImage],
    ];
    for (const [key, value] of fields)
        if (typeof value === 'string' && value)
            data[key] = value;
    return data;
}
function reasonOf(error) {
    if (error instanceof errors/* AicrError */.Y3)
        return error.message;
    return (0,errors/* errorMessage */.gJ)(error);
}
/** The K8s collector. */
function k8sCollector(options = {}) {
    return {
        name: 'k8s',
        async collect(context) {
            let client;
            try {
                client = await (0,kube_client/* getKubeClient */.JG)({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), env: context.env, ...(options.retry ? { retry: options.retry } : {}) });
            }
            catch (error) {
                return { status: 'unavailable', reason: reasonOf(error) };
            }
            const request = { signal: context.signal };
            let server;
            try {
                server = await client.request({ verb: 'get', resource: 'version' }, (o) => client.version.getCode({}, o), request);
            }
            catch (error) {
                return { status: 'unavailable', reason: `cannot read the cluster version through ${client.source}: ${reasonOf(error)}` };
            }
            const serverData = {};
            for (const [key, field] of [['version', 'gitVersion'], ['platform', 'platform'], ['goVersion', 'goVersion']]) {
                if (typeof server[field] === 'string' && server[field])
                    serverData[key] = server[field];
            }
            const [images, policy, node] = await Promise.all([
                collectImages(client, options, context),
                collectPolicy(client, options, context),
                collectNode(client, context),
            ]);
            const subtypes = [{ subtype: 'server', data: serverData }];
            const unavailable = {};
            for (const outcome of [...images, policy, node]) {
                if ('subtype' in outcome)
                    subtypes.push(outcome.subtype);
                else
                    unavailable[outcome.name] = outcome.reason;
            }
            const measurement = { type: 'K8s', subtypes };
            if (Object.keys(unavailable).length)
                measurement.unavailable = { reason: `not every Kubernetes source could be read: ${Object.keys(unavailable).join(', ')}`, subtypes: unavailable };
            return { status: 'collected', measurements: [measurement] };
        },
    };
}
async function collectImages(client, options, context) {
    const tally = new ImageTally();
    try {
        for await (const page of client.jsonPages({ verb: 'list', resource: 'pods' }, '/api/v1/pods', { signal: context.signal, pageSize: options.pageSize ?? 500 })) {
            for (const pod of page)
                tally.addPod(pod);
        }
    }
    catch (error) {
        const reason = `cannot list pods: ${reasonOf(error)}`;
        return [{ name: 'image', reason }, { name: 'image-count', reason }];
    }
    const { image, counts } = tally.result();
    context.logger.debug(`K8s: ${tally.pods} pods, ${Object.keys(counts).length} distinct images`);
    return [{ subtype: { subtype: 'image', data: image } }, { subtype: { subtype: 'image-count', data: counts } }];
}
async function collectPolicy(client, options, context) {
    const policies = [];
    try {
        for await (const page of client.pages({ verb: 'list', resource: 'clusterpolicies', group: 'nvidia.com' }, async (p, o) => {
            const list = await client.custom.listClusterCustomObject({ group: 'nvidia.com', version: 'v1', plural: 'clusterpolicies', ...p }, o);
            return { items: list.items ?? [], metadata: { _continue: list.metadata?.continue ?? list.metadata?._continue } };
        }, { signal: context.signal, pageSize: options.pageSize ?? 500 })) {
            policies.push(...page);
        }
    }
    catch (error) {
        if (error instanceof errors/* AicrError */.Y3 && error.code === errors/* ErrorCode */.O4.NotFound) {
            return { name: 'policy', reason: 'the cluster has no nvidia.com/v1 ClusterPolicy resource (the NVIDIA GPU Operator is not installed)' };
        }
        return { name: 'policy', reason: `cannot list GPU Operator ClusterPolicies: ${reasonOf(error)}` };
    }
    const data = {};
    policies.sort((a, b) => (0,serialize/* compareStrings */.Kt)(String(a.metadata?.name ?? ''), String(b.metadata?.name ?? '')));
    for (const policy of policies)
        Object.assign(data, flattenSpec(redactSecrets(policy.spec ?? {})));
    return { subtype: { subtype: 'policy', data } };
}
async function collectNode(client, context) {
    const env = context.env;
    const name = env.NODE_NAME || env.KUBERNETES_NODE_NAME || env.HOSTNAME || '';
    if (!name)
        return { name: 'node', reason: 'no node name: set NODE_NAME to the name of the node this runs on' };
    try {
        const node = await client.request({ verb: 'get', resource: 'nodes', name }, (o) => client.core.readNode({ name }, o), { signal: context.signal });
        return { subtype: { subtype: 'node', data: nodeReadings(node, name) } };
    }
    catch (error) {
        if (error instanceof errors/* AicrError */.Y3 && error.code === errors/* ErrorCode */.O4.NotFound) {
            return { name: 'node', reason: `no node named "${name}" in the cluster (this machine is not one of its nodes; set NODE_NAME to describe one)` };
        }
        return { name: 'node', reason: `cannot read node "${name}": ${reasonOf(error)}` };
    }
}
/**
 * The K8s and NodeTopology collectors for the snapshot orchestrator (its
 * KubernetesCollectorLoader): one per requested source.
 */
async function kubernetesCollectors(options) {
    const collectors = [];
    const common = { ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), ...(options.pageSize ? { pageSize: options.pageSize } : {}) };
    if (options.sources.includes('k8s'))
        collectors.push(k8sCollector(common));
    if (options.sources.includes('topology'))
        collectors.push(topologyCollector({ ...common, ...(options.maxNodesPerEntry ? { maxNodesPerEntry: options.maxNodesPerEntry } : {}) }));
    return collectors;
}


/***/ })

};
