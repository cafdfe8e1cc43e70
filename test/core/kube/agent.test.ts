import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { AicrError, formatError } from '../../../src/core/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { readOption } from '../../../src/core/options/values.js';
import { SNAPSHOT_OPTIONS } from '../../../src/core/snapshot/options.js';
import type { Logger } from '../../../src/core/logger.js';
import { DEFAULT_AGENT_IMAGE, agentManifests, describePod, parseTolerations, planAgentRun, runSnapshotAgent, type SnapshotAgentOptions } from '../../../src/core/kube/agent/index.js';
import { simulateAgentJobs, type FakeKube } from '../../fake-kube/index.js';
import { useFakeCluster } from '../../fake-kube/harness.js';
import { FIXTURES } from '../../helpers/paths.js';
import { rejection as failure } from '../../helpers/errors.js';

const cluster = useFakeCluster();
const agentSnapshot = readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8');

function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
  return { lines, debug: push('debug'), info: push('info'), notice: push('notice'), warning: push('warning'), error: push('error'), group: async (_n, run) => run() };
}

/** Objects left in the cluster that carry a run-id label. */
function leftovers(fake: FakeKube): string[] {
  const out: string[] = [];
  for (const plural of ['jobs', 'pods', 'serviceaccounts', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings', 'configmaps', 'namespaces']) {
    for (const object of fake.list(plural)) {
      const labels = object.metadata.labels ?? {};
      if (labels['aicr.nvidia.com/run-id'] || labels['batch.kubernetes.io/job-name']) out.push(`${plural}/${object.metadata.name}`);
    }
  }
  return out;
}


const base = (extra: Partial<SnapshotAgentOptions> = {}): SnapshotAgentOptions => ({ kubeconfig: cluster.kubeconfig, namespace: 'gpu-ops', timeoutMs: 10_000, ...extra });

describe('agent options', () => {
  it('parses node selectors and tolerations like upstream', () => {
    // Node selectors are a map option: the option reader splits them (as for every door).
    const nodeSelector = (raw: string | string[]) => readOption('node-selector', SNAPSHOT_OPTIONS.nodeSelector, raw);
    expect(nodeSelector(['nvidia.com/gpu.present=true', 'a=b=c', 'x='])).toEqual({ 'nvidia.com/gpu.present': 'true', a: 'b=c', x: '' });
    expect(nodeSelector('nvidia.com/gpu.present=true,a=b=c\nx=')).toEqual({ 'nvidia.com/gpu.present': 'true', a: 'b=c', x: '' });
    let refused: unknown;
    try {
      nodeSelector(['ab']);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AicrError);
    expect(formatError(refused)).toContain('--node-selector: "ab" is not key=value');
    expect(parseTolerations([])).toEqual([{ operator: 'Exists' }]);
    expect(parseTolerations(['k=v:NoSchedule', 'k2:NoExecute', 'k3=:PreferNoSchedule', ':NoSchedule'])).toEqual([
      { key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' },
      { key: 'k2', operator: 'Exists', effect: 'NoExecute' },
      { key: 'k3', operator: 'Exists', effect: 'PreferNoSchedule' },
      { operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(() => parseTolerations(['k=v'])).toThrow('expected key=value:effect or key:effect');
    expect(() => parseTolerations(['a:b:NoSchedule'])).toThrow('expected key=value:effect or key:effect');
    expect(() => parseTolerations(['k:noschedule'])).toThrow('invalid taint effect "noschedule"');
  });

  it('refuses a cm:// output outside the agent namespace before any request', () => {
    expect(() => planAgentRun({ namespace: 'gpu-ops', configMap: 'cm://other/snap' })).toThrow('only write ConfigMaps in its own namespace "gpu-ops"');
    expect(() => planAgentRun({ namespace: 'Bad_NS' })).toThrow('not a valid namespace name');
  });

  it('builds valid, uniquely named manifests (checked with kubernetes-models)', () => {
    const plan = planAgentRun({ namespace: 'gpu-ops', nodeSelector: { 'nvidia.com/gpu.present': 'true' }, tolerations: ['nvidia.com/gpu:NoSchedule'], requireGpu: true, maxNodesPerEntry: 5, imagePullSecrets: ['regcred'] }, 'abc123de');
    const m = agentManifests(plan);
    new Job(m.job as never).validate();
    new Role(m.role as never).validate();
    new RoleBinding(m.roleBinding as never).validate();
    new ClusterRole(m.clusterRole as never).validate();
    expect(m.job.metadata.name).toBe('aicr-abc123de');
    expect(m.serviceAccount.metadata.name).toBe('aicr-abc123de');
    expect(m.clusterRole.metadata.name).toBe('aicr-node-reader-abc123de');
    const pod = m.job.spec.template.spec;
    expect(pod.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
    expect(pod.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(pod.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(pod.hostPID).toBe(true);
    expect(pod.containers[0].image).toBe(DEFAULT_AGENT_IMAGE);
    expect(pod.containers[0].args).toEqual(['snapshot', '-o', 'cm://gpu-ops/aicr-snapshot-abc123de']);
    expect(pod.containers[0].resources.limits['nvidia.com/gpu']).toBe('1');
    expect(pod.containers[0].env).toContainEqual({ name: 'AICR_MAX_NODES_PER_ENTRY', value: '5' });
    expect(m.job.spec.activeDeadlineSeconds).toBe(300);
    expect(m.job.spec.backoffLimit).toBe(0);
    const restricted = agentManifests(planAgentRun({ privileged: false, requireGpu: true }, 'x1')).job.spec.template.spec;
    expect(restricted.hostPID).toBeUndefined();
    expect(restricted.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(restricted.containers[0].securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(restricted.containers[0].resources.limits['nvidia.com/gpu']).toBeUndefined();
  });
});

describe('agent runs against the fake cluster', () => {
  it('deploys, waits with the watch API, reads the snapshot and removes everything it created', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot, logs: ['[agent] collecting', '[agent] done'] });
    const logger = captureLogger();
    const result = await runSnapshotAgent(base({ nodeSelector: { 'nvidia.com/gpu.present': 'true' } }), { logger, runId: 'r1' });
    expect(result.text).toBe(agentSnapshot);
    expect(result.snapshot.measurements.map((m) => m.type)).toEqual(['K8s', 'SystemD', 'OS', 'GPU', 'NodeTopology']);
    expect(result.origin).toBe('cm://gpu-ops/aicr-snapshot-r1#snapshot.yaml');
    expect(result.job).toBe('aicr-r1');
    expect(result.pod).toMatch(/^aicr-r1-/);
    // Access reviews with the right API groups, before anything is created.
    const reviews = cluster.fake.requestsFor('create', 'selfsubjectaccessreviews').map((r) => (r.body as { spec: { resourceAttributes: Record<string, string> } }).spec.resourceAttributes);
    expect(reviews).toContainEqual({ verb: 'create', group: 'batch', resource: 'jobs', namespace: 'gpu-ops' });
    expect(reviews).toContainEqual({ verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' });
    const firstCreate = cluster.fake.requests.findIndex((r) => r.verb === 'create' && r.resource !== 'selfsubjectaccessreviews');
    expect(cluster.fake.requests.slice(firstCreate).some((r) => r.resource === 'selfsubjectaccessreviews')).toBe(false);
    // The Job was created as planned.
    const createdJob = cluster.fake.requestsFor('create', 'jobs')[0]!.body as { metadata: { name: string; labels: Record<string, string> }; spec: { template: { spec: { nodeSelector: Record<string, string> } } } };
    expect(createdJob.metadata.labels['aicr.nvidia.com/run-id']).toBe('r1');
    expect(createdJob.spec.template.spec.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
    // Waited with a watch, not by polling.
    const watches = cluster.fake.requestsFor('watch', 'jobs');
    expect(watches.length).toBeGreaterThanOrEqual(1);
    expect(watches[0]!.query.fieldSelector).toBe('metadata.name=aicr-r1');
    expect(watches[0]!.query.resourceVersion).toMatch(/^\d+$/);
    expect(cluster.fake.requestsFor('get', 'jobs')).toHaveLength(0);
    // Nothing of the run is left, the namespace stays.
    expect(leftovers(cluster.fake)).toEqual([]);
    expect(cluster.fake.get('namespaces', undefined, 'gpu-ops')).toBeDefined();
    expect(logger.lines.some((l) => l.includes('removed 7 object(s)'))).toBe(true);
  });

  it('keeps a user-named cm:// result and the objects with keep', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot });
    const logger = captureLogger();
    const result = await runSnapshotAgent(base({ configMap: 'cm://gpu-ops/aicr-snapshot', keep: true }), { logger, runId: 'k1' });
    expect(result.origin).toBe('cm://gpu-ops/aicr-snapshot#snapshot.yaml');
    expect(cluster.fake.get('configmaps', 'gpu-ops', 'aicr-snapshot')!.data['snapshot.yaml']).toBe(agentSnapshot);
    expect(cluster.fake.get('jobs', 'gpu-ops', 'aicr-k1')).toBeDefined();
    expect(cluster.fake.get('clusterroles', undefined, 'aicr-node-reader-k1')).toBeDefined();
    expect(cluster.fake.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(logger.lines.join('\n')).toContain('kubectl delete job,serviceaccount,role,rolebinding,configmap -n gpu-ops -l aicr.nvidia.com/run-id=k1');
  });

  it('runs concurrently without name collisions', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot, runMs: 30 });
    const [a, b] = await Promise.all([runSnapshotAgent(base({ namespace: 'default' })), runSnapshotAgent(base({ namespace: 'default' }))]);
    expect(a.job).not.toBe(b.job);
    expect(a.configMap.name).not.toBe(b.configMap.name);
    expect(cluster.fake.requestsFor('create', 'clusterroles').map((r) => r.status)).toEqual([201, 201]);
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('creates a missing namespace and removes it again', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot });
    await runSnapshotAgent(base({ namespace: 'aicr-tmp' }), { runId: 'n1' });
    expect(cluster.fake.requestsFor('create', 'namespaces')).toHaveLength(1);
    expect(cluster.fake.get('namespaces', undefined, 'aicr-tmp')).toBeUndefined();
  });

  it('shows the pod log and the reason when the Job fails, then cleans up (exit 8)', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    simulateAgentJobs(cluster.fake, { outcome: 'fail', logs: ['[agent] collecting', '[agent] error: cannot write cm://gpu-ops/aicr-snapshot-f1: forbidden'] });
    const logger = captureLogger();
    const error = await failure(runSnapshotAgent(base(), { logger, runId: 'f1' }));
    expect(error.exitCode).toBe(8);
    expect(error.message).toMatch(/agent Job gpu-ops\/aicr-f1 failed: BackoffLimitExceeded \(Job has reached the specified backoff limit\); pod aicr-f1-\w+ is Failed; container aicr exited with code 1 \(Error\)/);
    const log = logger.lines.join('\n');
    expect(log).toMatch(/--- agent log \(pod gpu-ops\/aicr-f1-\w+, last 500 lines\) ---/);
    expect(log).toContain('info: [agent] error: cannot write cm://gpu-ops/aicr-snapshot-f1: forbidden');
    expect(log).toContain('--- end of agent log ---');
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('times out with the scheduling reason (exit 5) and cleans up', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    simulateAgentJobs(cluster.fake, { outcome: 'unschedulable' });
    const started = Date.now();
    const error = await failure(runSnapshotAgent(base({ timeoutMs: 400 }), { runId: 't1' }));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error.exitCode).toBe(5);
    expect(error.message).toContain('did not complete within 400ms');
    expect(error.message).toContain("not scheduled: Unschedulable (0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.");
    expect(renderOptionRefs(error.hint!)).toContain('check that a node matches --node-selector/--toleration and can pull the image, or raise --timeout');
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('reports an image that cannot be pulled on timeout', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'image-pull' });
    const error = await failure(runSnapshotAgent(base({ namespace: 'default', timeoutMs: 300, image: 'example.com/missing:1' }), { runId: 'i1' }));
    expect(error.exitCode).toBe(5);
    expect(error.message).toContain('container aicr waiting: ImagePullBackOff (Back-off pulling image "example.com/missing:1")');
  });

  it('lists every missing permission and creates nothing when RBAC forbids (exit 4)', async () => {
    cluster.fake.users.set('dev', {
      name: 'dev@example.com',
      rules: [
        { verbs: ['*'], apiGroups: ['', 'batch', 'rbac.authorization.k8s.io'], resources: ['*'], namespaces: ['gpu-ops'] },
      ],
    });
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    const error = await failure(runSnapshotAgent(base({ kubeconfig: cluster.kubeconfigFor('dev') }), { runId: 'p1' }));
    expect(error.exitCode).toBe(4);
    expect(error.message).toContain('insufficient permissions to deploy the snapshot agent in namespace "gpu-ops"');
    expect(error.message).toContain('create clusterroles.rbac.authorization.k8s.io (cluster-scoped)');
    expect(error.message).toContain('create clusterrolebindings.rbac.authorization.k8s.io (cluster-scoped)');
    expect(error.message).toContain('list nodes (cluster-scoped)');
    expect(error.message).not.toContain('create jobs');
    expect(error.hint).toContain('kubectl auth can-i create clusterroles.rbac.authorization.k8s.io');
    expect(cluster.fake.requests.filter((r) => r.verb === 'create' && r.resource !== 'selfsubjectaccessreviews')).toEqual([]);
  });

  it('names the verb when the API server forbids a step the review allowed', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    cluster.fake.inject({ verb: 'create', resource: 'jobs', status: 403, message: 'jobs.batch is forbidden: User "ci" cannot create resource "jobs" in API group "batch" in the namespace "gpu-ops": admission webhook denied' });
    const error = await failure(runSnapshotAgent(base(), { runId: 'p2' }));
    expect(error.exitCode).toBe(4);
    expect(error.message).toContain('RBAC denied "create" on jobs.batch in namespace "gpu-ops" for ci');
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('cleans up when interrupted while waiting', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    simulateAgentJobs(cluster.fake, { outcome: 'hang', logs: ['[agent] stuck'] });
    const controller = new AbortController();
    cluster.fake.onCreate('jobs', () => {
      setTimeout(() => controller.abort(new AicrError('INTERNAL', 'interrupted by SIGINT')), 50);
    });
    const error = await failure(runSnapshotAgent(base(), { runId: 's1', signal: controller.signal }));
    expect(error.message).toBe('interrupted by SIGINT');
    expect(leftovers(cluster.fake)).toEqual([]);
    expect(cluster.fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.resource)).toEqual(['jobs', 'configmaps', 'clusterrolebindings', 'clusterroles', 'rolebindings', 'roles', 'serviceaccounts']);
  });

  it('cleans up objects whose create was interrupted in flight', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    const controller = new AbortController();
    // The Role create is slow; the interrupt arrives while it is in flight (the server still creates it).
    cluster.fake.inject({ verb: 'create', resource: 'roles', delayMs: 200 });
    setTimeout(() => controller.abort(new AicrError('INTERNAL', 'interrupted by SIGTERM')), 100);
    const error = await failure(runSnapshotAgent(base(), { runId: 's2', signal: controller.signal }));
    expect(error.message).toBe('interrupted by SIGTERM');
    // The Role was created after the first DELETE found nothing; the second look removed it.
    expect(cluster.fake.get('roles', 'gpu-ops', 'aicr-s2')).toBeUndefined();
    expect(cluster.fake.get('serviceaccounts', 'gpu-ops', 'aicr-s2')).toBeUndefined();
    expect(cluster.fake.requests.filter((r) => r.method === 'DELETE').map((r) => `${r.resource} ${r.status}`)).toEqual(['roles 404', 'serviceaccounts 200', 'roles 200']);
  });

  it('resumes the watch from the last version when the server closes the stream', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    cluster.fake.inject({ verb: 'watch', resource: 'jobs', endWatchAfterMs: 20 });
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot, runMs: 150 });
    const result = await runSnapshotAgent(base(), { runId: 'w1' });
    expect(result.snapshot.kind).toBe('Snapshot');
    const watches = cluster.fake.requestsFor('watch', 'jobs');
    expect(watches.length).toBeGreaterThanOrEqual(2);
    expect(Number(watches[1]!.query.resourceVersion)).toBeGreaterThanOrEqual(Number(watches[0]!.query.resourceVersion));
  });

  it('re-lists the Job after 410 Expired and goes on watching from the list version', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    cluster.fake.inject({ verb: 'watch', resource: 'jobs', watchExpired: true });
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot, runMs: 400 });
    const result = await runSnapshotAgent(base(), { runId: 'w2' });
    expect(result.snapshot.kind).toBe('Snapshot');
    const jobRequests = cluster.fake.requests.filter((r) => r.resource === 'jobs' && r.method === 'GET');
    expect(jobRequests.map((r) => r.verb)).toEqual(['watch', 'list', 'watch']);
    expect(jobRequests[1]!.query.fieldSelector).toBe('metadata.name=aicr-w2');
  });

  it('accepts its own object when a create is retried after the response was lost', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot });
    cluster.fake.inject({ verb: 'create', resource: 'jobs', dropResponse: true });
    cluster.fake.inject({ verb: 'create', resource: 'clusterroles', dropResponse: true });
    const result = await runSnapshotAgent(base(), { runId: 'l1' });
    expect(result.snapshot.kind).toBe('Snapshot');
    expect(cluster.fake.requestsFor('create', 'jobs').map((r) => r.status ?? 'dropped')).toEqual(['dropped', 409]);
    expect(cluster.fake.requestsFor('get', 'clusterroles')).toHaveLength(1);
    expect(leftovers(cluster.fake)).toEqual([]);
  });

  it('fails with the missing RuntimeClass (exit 3) before creating anything', async () => {
    const error = await failure(runSnapshotAgent(base({ namespace: 'default', runtimeClass: 'nvidia' }), { runId: 'rc' }));
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('RuntimeClass "nvidia" does not exist');
    expect(cluster.fake.requests.filter((r) => r.verb === 'create' && r.resource !== 'selfsubjectaccessreviews')).toEqual([]);
  });

  it('says so when the agent completed without writing its ConfigMap', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', skipWrite: true });
    const error = await failure(runSnapshotAgent(base({ namespace: 'default' }), { runId: 'nw' }));
    expect(error.exitCode).toBe(8);
    expect(error.message).toContain('the agent Job completed but left no snapshot in cm://default/aicr-snapshot-nw');
  });

  it('reads an agent snapshot with an older apiVersion with the same notice as any snapshot read', async () => {
    // An older agent image (upstream v0.11.1) writes aicr.nvidia.com/v1alpha1.
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: agentSnapshot.replace('apiVersion: aicr.run/v1', 'apiVersion: aicr.nvidia.com/v1alpha1') });
    const logger = captureLogger();
    const result = await runSnapshotAgent(base({ namespace: 'default' }), { logger, runId: 'old' });
    expect(result.snapshot.measurements.length).toBe(5);
    const notices = logger.lines.filter((line) => line.startsWith('notice: '));
    expect(notices).toEqual(['notice: Snapshot apiVersion "aicr.nvidia.com/v1alpha1" is an older one, read as "aicr.run/v1"; upstream AICR v1 reads only "aicr.run/v1": update the file with "aicr convert"']);
  });

  it.each([
    ['no apiVersion', (text: string) => text.replace('apiVersion: aicr.run/v1\n', ''), 'cm://default/aicr-snapshot-bad#snapshot.yaml: the Snapshot document has no apiVersion'],
    ['another kind', (text: string) => text.replace('kind: Snapshot', 'kind: RecipeResult'), 'invalid kind "RecipeResult", expected "Snapshot"'],
  ])('refuses an agent snapshot with %s (exit 2)', async (_what, change, message) => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: change(agentSnapshot) });
    const error = await failure(runSnapshotAgent(base({ namespace: 'default' }), { runId: 'bad' }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(message);
  });

  it('describes pods in one line', () => {
    expect(describePod({ metadata: { name: 'p' }, status: { phase: 'Pending' } })).toBe('pod p is Pending');
  });
});
