import { describe, expect, it } from 'vitest';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { AicrError, formatError, interrupted } from '../../../../src/core/errors.js';
import { getKubeClient } from '../../../../src/core/kube/client.js';
import type { RecipeResult } from '../../../../src/core/documents/types.js';
import type { LiveCheckResult, ValidatorJobSettings, ValidatorPhaseRequest } from '../../../../src/core/validate/live/types.js';
import { runValidatorPhase, runValidators, type ValidatorPhaseExtras } from '../../../../src/core/validate/live/validators.js';
import { node, type FakeKube, type KubeObject } from '../../../fake-kube/index.js';
import { useFakeCluster } from '../../../fake-kube/harness.js';
import { simulateValidatorJobs, type ValidatorBehaviour } from '../../../fake-kube/validators.js';

const cluster = useFakeCluster();
const NAMESPACE = 'aicr-validation';

function recipe(validation: RecipeResult['validation']): RecipeResult {
  return {
    kind: 'RecipeResult',
    apiVersion: 'aicr.nvidia.com/v1alpha1',
    metadata: { version: '0.1.0' },
    criteria: { service: 'eks', accelerator: 'h100', intent: 'training' },
    componentRefs: [{ name: 'kube-prometheus-stack', namespace: 'monitoring', type: 'Helm' }],
    deploymentOrder: ['kube-prometheus-stack'],
    ...(validation ? { validation } : {}),
  };
}

const settings = (extra: Partial<ValidatorJobSettings> = {}): ValidatorJobSettings => ({
  namespace: NAMESPACE,
  imagePullSecrets: [],
  nodeSelector: {},
  tolerations: [],
  timeoutMs: 10_000,
  noCleanup: false,
  requireGpu: false,
  ...extra,
});

interface Run {
  results?: LiveCheckResult[];
  error?: AicrError;
  lines: string[];
}

async function run(phase: ValidatorPhaseRequest['phase'], checks: string[], extra: Partial<ValidatorJobSettings> = {}, options: { signal?: AbortSignal; kubeconfig?: string; snapshot?: ValidatorPhaseExtras['snapshot'] } = {}): Promise<Run> {
  const client = await getKubeClient({ kubeconfig: options.kubeconfig ?? cluster.kubeconfig });
  const lines: string[] = [];
  const request: ValidatorPhaseRequest & ValidatorPhaseExtras = {
    phase,
    recipe: recipe({ [phase]: { checks } }),
    client,
    settings: settings(extra),
    signal: options.signal ?? new AbortController().signal,
    log: (line) => lines.push(line),
    runId: 'r1',
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
  };
  try {
    return { results: await runValidators(request), lines };
  } catch (error) {
    return { error: error as AicrError, lines };
  }
}

/** Objects of a validator run still in the cluster. */
function leftovers(fake: FakeKube): string[] {
  const out: string[] = [];
  for (const plural of ['jobs', 'pods', 'serviceaccounts', 'clusterrolebindings', 'configmaps', 'namespaces']) {
    for (const object of fake.list(plural)) {
      const labels = object.metadata.labels ?? {};
      if (labels['aicr.nvidia.com/run-id'] || labels['batch.kubernetes.io/job-name'] || object.metadata.name === NAMESPACE) out.push(`${plural}/${object.metadata.name}`);
    }
  }
  return out.sort();
}

const byName = (name: string, behaviours: Record<string, ValidatorBehaviour>) => (job: KubeObject) => behaviours[job.metadata.labels['aicr.nvidia.com/validator']] ?? { outcome: 'exit', exitCode: 0 };
const sentJobs = (fake: FakeKube): KubeObject[] => fake.requestsFor('create', 'jobs').map((r) => r.body as KubeObject);

describe('validator Jobs', () => {
  it('runs each declared validator as a Job and reads pass, fail and skip from exit code, termination message and log', async () => {
    simulateValidatorJobs(cluster.fake, byName('', {
      'gang-scheduling': { outcome: 'exit', exitCode: 0, logs: ['level=INFO msg="starting check" name=gang-scheduling', 'RESULT: 4 of 4 gang members scheduled together'] },
      'robust-controller': { outcome: 'exit', exitCode: 1, message: 'dynamo operator webhook not ready: 0/1 endpoints', logs: ['level=ERROR msg=FAIL'] },
      'inference-gateway': { outcome: 'exit', exitCode: 2, message: 'agentgateway not in recipe — inference gateway check applies to inference clusters only' },
      'platform-health': { outcome: 'exit', exitCode: 3, message: 'panic: runtime error' },
    }));
    const { results, error, lines } = await run('conformance', ['robust-controller', 'gang-scheduling', 'inference-gateway', 'platform-health'], {}, { snapshot: 'kind: Snapshot\napiVersion: aicr.run/v1\nmeasurements: []\n' });
    expect(error).toBeUndefined();
    // Catalog order, as upstream runs them.
    expect(results!.map((r) => [r.name, r.status])).toEqual([
      ['gang-scheduling', 'passed'],
      ['inference-gateway', 'skipped'],
      ['robust-controller', 'failed'],
      ['platform-health', 'error'],
    ]);
    const [gang, gateway, robust, platform] = results!;
    expect(gang!.phase).toBe('conformance');
    expect(gang!.message).toBe('4 of 4 gang members scheduled together');
    expect(gang!.details).toEqual(['level=INFO msg="starting check" name=gang-scheduling', 'RESULT: 4 of 4 gang members scheduled together']);
    expect(robust!.message).toBe('dynamo operator webhook not ready: 0/1 endpoints');
    expect(gateway!.message).toContain('agentgateway not in recipe');
    expect(platform!.message).toBe('the validator ended with exit code 3 (Error): panic: runtime error');
    expect(lines).toContain('conformance: gang-scheduling: 4 of 4 gang members scheduled together');
    // What was sent: a valid Job per validator, RBAC and the data the validators read.
    const jobs = sentJobs(cluster.fake);
    expect(jobs.map((j) => j.metadata.name)).toEqual(['aicr-gang-scheduling-r1', 'aicr-inference-gateway-r1', 'aicr-robust-controller-r1', 'aicr-platform-health-r1']);
    for (const job of jobs) expect(() => new Job(job as never).validate()).not.toThrow();
    const container = jobs[0]!.spec.template.spec.containers[0];
    expect(container.name).toBe('validator');
    expect(container.image).toBe('ghcr.io/nvidia/aicr-validators/conformance:v0.11.1');
    expect(container.args).toEqual(['gang-scheduling']);
    expect(jobs[0]!.spec.activeDeadlineSeconds).toBe(10);
    expect(jobs[0]!.spec.backoffLimit).toBe(0);
    expect(jobs[0]!.spec.template.spec.serviceAccountName).toBe('aicr-validator-r1');
    expect(container.env).toContainEqual({ name: 'AICR_CHECK_TIMEOUT', value: '10s' });
    expect(container.env).toContainEqual({ name: 'AICR_VALIDATOR_PHASE', value: 'conformance' });
    const binding = cluster.fake.requestsFor('create', 'clusterrolebindings')[0]!.body as KubeObject;
    expect(() => new ClusterRoleBinding(binding as never).validate()).not.toThrow();
    expect(binding.roleRef.name).toBe('cluster-admin');
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'aicr-validator-r1', namespace: NAMESPACE }]);
    const configMaps = cluster.fake.requestsFor('create', 'configmaps').map((r) => r.body as KubeObject);
    expect(configMaps.map((c) => Object.keys(c.data))).toEqual([['snapshot.yaml'], ['recipe.yaml'], ['validation.yaml']]);
    expect(configMaps[0]!.data['snapshot.yaml']).toBe('kind: Snapshot\napiVersion: aicr.run/v1\nmeasurements: []\n');
    // Upstream v0.11.1 validators (the pinned images) read the recipe, newer ones the validation input.
    expect(JSON.parse(configMaps[1]!.data['recipe.yaml'])).toMatchObject({ kind: 'RecipeResult', validation: { conformance: { checks: expect.arrayContaining(['gang-scheduling']) } } });
    expect(JSON.parse(configMaps[2]!.data['validation.yaml']).config.conformance.checks).toContain('gang-scheduling');
    expect(container.env).toContainEqual({ name: 'AICR_RECIPE_PATH', value: '/data/recipe/recipe.yaml' });
    expect(container.volumeMounts.map((m: KubeObject) => m.mountPath)).toEqual(['/data/snapshot', '/data/recipe', '/data/validation']);
    expect(jobs[0]!.spec.template.spec.tolerations).toEqual([{ operator: 'Exists' }]);
    // Everything removed: Jobs with their pods, RBAC, ConfigMaps, and the namespace the run made.
    expect(leftovers(cluster.fake)).toEqual([]);
    expect(cluster.fake.requestsFor('delete', 'jobs').every((r) => r.query.propagationPolicy === 'Background')).toBe(true);
  });

  it('puts the image override, node selector, tolerations and pull secrets into the Job', async () => {
    cluster.fake.create('namespaces', { metadata: { name: NAMESPACE } });
    simulateValidatorJobs(cluster.fake, { outcome: 'exit', exitCode: 0 });
    const { results } = await run('conformance', ['gang-scheduling'], {
      image: 'registry.internal:5000/aicr-validators/conformance:v0.11.1',
      imagePullSecrets: ['mirror-pull'],
      nodeSelector: { 'nodeGroup': 'gpu-worker', 'nvidia.com/gpu.present': 'true' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoExecute' }],
    }, { snapshot: { kind: 'Snapshot', apiVersion: 'aicr.run/v1', measurements: [{ type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.33.5' } }] }] } });
    const snapshot = cluster.fake.requestsFor('create', 'configmaps')[0]!.body as KubeObject;
    expect(JSON.parse(snapshot.data['snapshot.yaml'])).toEqual({ kind: 'Snapshot', apiVersion: 'aicr.run/v1', measurements: [{ type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.33.5' } }] }] });
    expect(results!.map((r) => r.status)).toEqual(['passed']);
    const pod = sentJobs(cluster.fake)[0]!.spec.template.spec;
    expect(pod.containers[0].image).toBe('registry.internal:5000/aicr-validators/conformance:v0.11.1');
    expect(pod.containers[0].imagePullPolicy).toBe('Always');
    expect(pod.imagePullSecrets).toEqual([{ name: 'mirror-pull' }]);
    // As upstream: the selector and tolerations go to the workloads the validator starts, the
    // tolerations (as v0.11.1 does) to the validator pod too.
    expect(pod.containers[0].env).toContainEqual({ name: 'AICR_NODE_SELECTOR', value: 'nodeGroup=gpu-worker,nvidia.com/gpu.present=true' });
    expect(pod.containers[0].env).toContainEqual({ name: 'AICR_TOLERATIONS', value: 'dedicated=gpu:NoSchedule,nvidia.com/gpu:NoExecute' });
    expect(pod.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoExecute' }]);
    expect(() => new Job(sentJobs(cluster.fake)[0] as never).validate()).not.toThrow();
    // The namespace existed before: it stays.
    expect(cluster.fake.get('namespaces', undefined, NAMESPACE)).toBeDefined();
  });

  it('fails a validator that does not finish in time, with its log, and removes everything', async () => {
    simulateValidatorJobs(cluster.fake, { outcome: 'hang', logs: ['waiting for TrainJob workers', 'password=hunter2 should never show'] });
    const { results } = await run('conformance', ['robust-controller'], { timeoutMs: 300 });
    expect(results![0]).toMatchObject({ name: 'robust-controller', status: 'failed' });
    expect(results![0]!.message).toMatch(/^the validator did not complete within 300ms \(pod aicr-validation\/aicr-robust-controller-r1-\w+\)$/);
    expect(results![0]!.details).toEqual(['waiting for TrainJob workers', 'password=<redacted> should never show']);
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('fails a validator whose pod is never scheduled, with the scheduler message', async () => {
    simulateValidatorJobs(cluster.fake, { outcome: 'unschedulable' });
    const { results } = await run('conformance', ['gang-scheduling'], { timeoutMs: 300 });
    expect(results![0]!.status).toBe('failed');
    expect(results![0]!.message).toContain('the validator pod was never scheduled');
    expect(results![0]!.message).toContain('0/3 nodes are available: 3 Insufficient memory');
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('reports an image that cannot be pulled, an OOM kill and a Job killed on its deadline', async () => {
    simulateValidatorJobs(cluster.fake, byName('', {
      'gang-scheduling': { outcome: 'image-pull' },
      'robust-controller': { outcome: 'oom' },
      'platform-health': { outcome: 'deadline' },
    }));
    const { results } = await run('conformance', ['gang-scheduling', 'robust-controller', 'platform-health'], { timeoutMs: 300 });
    const [gang, robust, platform] = results!;
    expect(gang).toMatchObject({ status: 'error' });
    expect(gang!.message).toContain('could not be started');
    expect(gang!.message).toContain('ImagePullBackOff: Back-off pulling image "ghcr.io/nvidia/aicr-validators/conformance:v0.11.1"');
    expect(robust).toMatchObject({ status: 'error', message: 'the validator ended with exit code 137 (OOMKilled): Container OOMKilled' });
    expect(platform).toMatchObject({ status: 'failed', message: 'the validator Job did not complete within its 300ms deadline; no pod remains for it, so its log is unavailable' });
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('bounds and cleans what a validator prints', async () => {
    const logs = [...Array.from({ length: 150 }, (_, i) => `line ${i}`), `\u001b[31mred\u001b[0m ${'x'.repeat(600)}`, '##AICR-EXTRA## {"nodesTotal":"3"}'];
    simulateValidatorJobs(cluster.fake, { outcome: 'exit', exitCode: 1, message: `first\nsecond Authorization: Bearer abcdefghijklmnop ${'y'.repeat(5000)}`, logs });
    const { results } = await run('conformance', ['gang-scheduling']);
    const { details, message } = results![0]!;
    expect(details).toHaveLength(100);
    expect(details![0]).toBe('line 51');
    expect(details![99]).toBe(`red ${'x'.repeat(508)}… [truncated 92 chars]`);
    expect(details!.some((line) => line.includes('AICR-EXTRA'))).toBe(false);
    expect(message.startsWith('first | second Authorization: <redacted>')).toBe(true);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(4200);
  });
});

describe('GPU nodes', () => {
  it('skips validators that need a GPU node when none is schedulable, and fails them with --require-gpu', async () => {
    cluster.fake.create('nodes', node({ name: 'cpu-1' }));
    cluster.fake.create('nodes', { ...node({ name: 'gpu-cordoned', gpus: 8 }), spec: { unschedulable: true } });
    cluster.fake.create('nodes', node({ name: 'gpu-tainted', gpus: 8, taints: [{ key: 'dedicated', value: 'ml', effect: 'NoSchedule' }] }));
    simulateValidatorJobs(cluster.fake, { outcome: 'exit', exitCode: 0 });
    const tolerations = [{ key: 'nvidia.com/gpu', operator: 'Exists' as const, effect: 'NoSchedule' as const }];
    const skipped = await run('performance', ['nccl-all-reduce-bw'], { tolerations });
    expect(skipped.results).toEqual([expect.objectContaining({ name: 'nccl-all-reduce-bw', phase: 'performance', status: 'skipped' })]);
    expect(skipped.results![0]!.message).toContain('no schedulable GPU node');
    const required = await run('performance', ['nccl-all-reduce-bw'], { tolerations, requireGpu: true });
    expect(required.results![0]!.status).toBe('failed');
    expect(required.results![0]!.message).toContain('--require-gpu');
    // Nothing was created for either.
    expect(cluster.fake.requestsFor('create', 'jobs')).toEqual([]);
    expect(cluster.fake.requestsFor('create', 'serviceaccounts')).toEqual([]);
    // Tolerating the taint makes the node count: the validator runs.
    const ran = await run('performance', ['nccl-all-reduce-bw'], { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'ml', effect: 'NoSchedule' }] });
    expect(ran.results![0]!.status).toBe('passed');
    expect(sentJobs(cluster.fake)).toHaveLength(1);
  });

  it('turns a validator\'s own "no GPU nodes" skip into a failure with --require-gpu', async () => {
    simulateValidatorJobs(cluster.fake, { outcome: 'exit', exitCode: 2, message: 'no GPU nodes found in the cluster', logs: ['##AICR-EXTRA## {"skipReason":"no-gpu-nodes"}'] });
    const plain = await run('conformance', ['gang-scheduling']);
    expect(plain.results![0]).toMatchObject({ status: 'skipped', message: 'no GPU nodes found in the cluster' });
    const required = await run('conformance', ['gang-scheduling'], { requireGpu: true });
    expect(required.results![0]).toMatchObject({ status: 'failed', message: 'no schedulable GPU node, and --require-gpu is set: no GPU nodes found in the cluster' });
  });
});

describe('refusals, interruption and --no-cleanup', () => {
  it('lists every missing permission and creates nothing when RBAC forbids (exit 4)', async () => {
    cluster.fake.users.set('ci', {
      name: 'ci@example.com',
      rules: [
        { verbs: ['create', 'get', 'delete'], apiGroups: ['', 'batch'], resources: ['*'] },
        { verbs: ['list'], apiGroups: [''], resources: ['pods', 'nodes'] },
        { verbs: ['get', 'list', 'delete'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterrolebindings'] },
      ],
    });
    simulateValidatorJobs(cluster.fake, { outcome: 'exit', exitCode: 0 });
    const { error } = await run('conformance', ['gang-scheduling'], {}, { kubeconfig: cluster.kubeconfigFor('ci') });
    expect(error).toBeInstanceOf(AicrError);
    expect(error!.exitCode).toBe(4);
    expect(error!.message).toContain('insufficient permissions to run the validators in namespace "aicr-validation"; missing:');
    expect(error!.message).toContain('create clusterrolebindings.rbac.authorization.k8s.io (cluster-scoped)');
    expect(error!.message).toContain('watch jobs.batch (namespace "aicr-validation")');
    expect(error!.message).toContain('watch pods (namespace "aicr-validation")');
    expect(error!.message).toContain('bind clusterroles.rbac.authorization.k8s.io "cluster-admin" (cluster-scoped)');
    expect(error!.message).not.toContain('create jobs');
    expect(error!.hint).toContain('kubectl auth can-i create clusterrolebindings.rbac.authorization.k8s.io');
    expect(cluster.fake.requests.filter((r) => r.verb === 'create' && r.resource !== 'selfsubjectaccessreviews')).toEqual([]);
  });

  it('does not ask for delete rights with --no-cleanup, and accepts bind on cluster-admin instead of cluster-admin rights', async () => {
    cluster.fake.users.set('ci', {
      name: 'ci@example.com',
      rules: [
        { verbs: ['create', 'get', 'list', 'watch'], apiGroups: ['', 'batch', 'rbac.authorization.k8s.io'], resources: ['*'] },
        { verbs: ['bind'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], resourceNames: ['cluster-admin'] },
      ],
    });
    simulateValidatorJobs(cluster.fake, { outcome: 'exit', exitCode: 0 });
    const { results, error } = await run('conformance', ['gang-scheduling'], { noCleanup: true }, { kubeconfig: cluster.kubeconfigFor('ci') });
    expect(error).toBeUndefined();
    expect(results!.map((r) => r.status)).toEqual(['passed']);
  });

  it('names the verb and resource when the API server refuses a step the review allowed (exit 4), and removes what it made', async () => {
    cluster.fake.inject({ verb: 'create', resource: 'jobs', status: 403, message: 'jobs.batch is forbidden: User "ci" cannot create resource "jobs" in API group "batch" in the namespace "aicr-validation": admission webhook denied' });
    simulateValidatorJobs(cluster.fake, { outcome: 'exit', exitCode: 0 });
    const { error } = await run('conformance', ['gang-scheduling']);
    expect(error!.exitCode).toBe(4);
    expect(error!.message).toContain('RBAC denied "create" on jobs.batch in namespace "aicr-validation" for ci');
    expect(cluster.fake.requestsFor('create', 'serviceaccounts')).toHaveLength(1);
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('removes everything when interrupted while a validator runs', async () => {
    const controller = new AbortController();
    simulateValidatorJobs(cluster.fake, { outcome: 'hang', then: () => controller.abort(interrupted('SIGTERM')) });
    const { error, results } = await run('conformance', ['gang-scheduling', 'robust-controller'], {}, { signal: controller.signal });
    expect(results).toBeUndefined();
    expect(error!.exitCode).toBe(143);
    expect(sentJobs(cluster.fake)).toHaveLength(1);
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('starts nothing when already interrupted', async () => {
    const controller = new AbortController();
    controller.abort(interrupted('SIGINT'));
    const { error } = await run('conformance', ['gang-scheduling'], {}, { signal: controller.signal });
    expect(error!.exitCode).toBe(130);
    expect(cluster.fake.requests.filter((r) => r.verb === 'create')).toEqual([]);
  });

  it('leaves Jobs, pods, RBAC and ConfigMaps behind with --no-cleanup and says how to remove them', async () => {
    simulateValidatorJobs(cluster.fake, byName('', { 'robust-controller': { outcome: 'hang' } }));
    const { results, lines } = await run('conformance', ['gang-scheduling', 'robust-controller'], { noCleanup: true, timeoutMs: 300 });
    expect(results!.map((r) => r.status)).toEqual(['passed', 'failed']);
    expect(leftovers(cluster.fake)).toEqual([
      'clusterrolebindings/aicr-validator-r1',
      'configmaps/aicr-recipe-r1',
      'configmaps/aicr-snapshot-r1',
      'configmaps/aicr-validation-r1',
      'jobs/aicr-gang-scheduling-r1',
      'jobs/aicr-robust-controller-r1',
      'namespaces/aicr-validation',
      ...cluster.fake.list('pods', NAMESPACE).map((p) => `pods/${p.metadata.name}`).sort(),
      'serviceaccounts/aicr-validator-r1',
    ].sort());
    expect(cluster.fake.list('pods', NAMESPACE)).toHaveLength(2);
    expect(cluster.fake.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(lines.some((line) => line.includes('kubectl delete job,pod,serviceaccount,configmap -n aicr-validation -l aicr.nvidia.com/run-id=r1'))).toBe(true);
  });

  it('carries on when the answer to a Job create was lost and the retry meets its own Job', async () => {
    simulateValidatorJobs(cluster.fake, { outcome: 'exit', exitCode: 0 });
    cluster.fake.inject({ method: 'POST', resource: 'jobs', dropResponse: true });
    const { results, error } = await run('conformance', ['gang-scheduling']);
    expect(error).toBeUndefined();
    expect(results!.map((r) => r.status)).toEqual(['passed']);
    // The first answer never arrived; the retry met the Job the first attempt made.
    expect(cluster.fake.requestsFor('create', 'jobs').map((r) => r.status)).toEqual([undefined, 409]);
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('refuses checks the catalog does not have for the phase before any request (exit 2)', async () => {
    const { error } = await run('conformance', ['gang-scheduling', 'nccl-all-reduce-bw', 'no-such-check', 'gang-scheduling']);
    expect(error!.exitCode).toBe(2);
    expect(error!.message).toContain('declared check "nccl-all-reduce-bw" in phase conformance matches no validator in that phase (found under phase: performance)');
    expect(error!.message).toContain('declared check "no-such-check" in phase conformance matches no validator in the catalog');
    expect(error!.message).toContain('declared check "gang-scheduling" is declared more than once in phase conformance');
    expect(cluster.fake.requests).toEqual([]);
  });

  it('refuses settings Kubernetes would refuse or that would change meaning in the validator environment (exit 2)', async () => {
    const cases: Array<[Partial<ValidatorJobSettings>, string]> = [
      [{ namespace: 'Bad_NS' }, '--namespace: "Bad_NS" is not a valid namespace name'],
      [{ nodeSelector: { pool: 'a,evil=1' } }, '--node-selector: "pool=a,evil=1" is not a valid node label key and value'],
      [{ tolerations: [{ key: 'k', operator: 'Equal', value: 'v,x', effect: 'NoSchedule' }] }, '--toleration: "k=v,x:NoSchedule" is not a valid toleration'],
      [{ imagePullSecrets: ['../x'] }, '--image-pull-secret: "../x" is not a valid Secret name'],
      [{ image: 'a b' }, '--image: "a b" is not a valid image reference'],
    ];
    for (const [extra, message] of cases) {
      const { error } = await run('conformance', ['gang-scheduling'], extra);
      expect(error!.exitCode).toBe(2);
      expect(formatError(error)).toContain(message);
    }
    expect(cluster.fake.requests).toEqual([]);
  });

  it('returns no results for a phase the recipe declares no checks for', async () => {
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig });
    const results = await runValidatorPhase({ phase: 'performance', recipe: recipe({ performance: { checks: [] } }), client, settings: settings(), signal: new AbortController().signal, log: () => {} });
    expect(results).toEqual([]);
    expect(cluster.fake.requests).toEqual([]);
  });
});
