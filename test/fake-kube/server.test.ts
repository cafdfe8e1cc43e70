/**
 * The fake API server is the one stand-in our tests use, so it is tested too: with the real
 * @kubernetes/client-node for the typed calls and raw HTTP for the wire details.
 */
import * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { node, pod } from './index.js';
import { useFakeCluster } from './harness.js';

const cluster = useFakeCluster();

function clients(kubeconfig = cluster.kubeconfig) {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(kubeconfig);
  return { kc, core: kc.makeApiClient(k8s.CoreV1Api), batch: kc.makeApiClient(k8s.BatchV1Api), authz: kc.makeApiClient(k8s.AuthorizationV1Api) };
}

async function apiError(promise: Promise<unknown>): Promise<{ code: number; body: Record<string, unknown>; headers: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: number; body: string; headers: Record<string, string> };
    // The generated client drops the body of 401 answers (body undefined).
    return { code: e.code, body: e.body === undefined ? {} : JSON.parse(e.body), headers: e.headers };
  }
  throw new Error('expected an API error');
}

async function raw(path: string, init: RequestInit = {}, token = 'admin-token'): Promise<Response> {
  return fetch(`${cluster.fake.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
}

describe('fake API server: objects', () => {
  it('answers with real Status bodies for 404, 409 AlreadyExists, 409 Conflict and 422', async () => {
    const { core } = clients();
    expect(await apiError(core.readNamespacedConfigMap({ name: 'x', namespace: 'default' }))).toMatchObject({
      code: 404,
      body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', message: 'configmaps "x" not found', details: { name: 'x', kind: 'configmaps' }, code: 404 },
    });
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'x' }, data: { a: 'b' } } });
    expect(created.metadata).toMatchObject({ name: 'x', namespace: 'default', resourceVersion: expect.stringMatching(/^\d+$/), uid: expect.any(String), creationTimestamp: expect.any(Date) });
    expect((await apiError(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'x' } } }))).body).toMatchObject({ reason: 'AlreadyExists', message: 'configmaps "x" already exists', code: 409 });
    const stale = { metadata: { name: 'x', resourceVersion: '1' }, data: {} };
    expect((await apiError(core.replaceNamespacedConfigMap({ name: 'x', namespace: 'default', body: stale }))).body).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "x": the object has been modified; please apply your changes to the latest version and try again',
    });
    const replaced = await core.replaceNamespacedConfigMap({ name: 'x', namespace: 'default', body: { metadata: { name: 'x', resourceVersion: created.metadata!.resourceVersion }, data: { c: 'd' } } });
    expect(Number(replaced.metadata!.resourceVersion)).toBeGreaterThan(Number(created.metadata!.resourceVersion));
    expect(replaced.metadata!.uid).toBe(created.metadata!.uid);
    const invalid = await apiError(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'Bad_Name' } } }));
    expect(invalid.code).toBe(422);
    expect(invalid.body).toMatchObject({ reason: 'Invalid', details: { kind: 'ConfigMap', causes: [{ reason: 'FieldValueInvalid', field: 'metadata.name' }] } });
    const big = await apiError(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'big' }, data: { k: 'x'.repeat(1024 * 1024) } } }));
    expect(big.body).toMatchObject({ code: 422, message: 'ConfigMap "big" is invalid: []: Too long: must have at most 1048576 bytes' });
    expect((await apiError(core.createNamespacedConfigMap({ namespace: 'nope', body: { metadata: { name: 'y' } } }))).body).toMatchObject({ code: 404, message: 'namespaces "nope" not found' });
  });

  it('authenticates bearer tokens (401) and authorizes per user (403 with the real message)', async () => {
    cluster.fake.users.set('dev', { name: 'dev@example.com', rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['configmaps'], namespaces: ['team'] }] });
    expect((await apiError(clients(cluster.kubeconfigFor('bogus')).core.listNode())).code).toBe(401);
    expect(await (await raw('/api/v1/nodes', {}, 'bogus')).json()).toMatchObject({ kind: 'Status', code: 401, reason: 'Unauthorized', message: 'Unauthorized' });
    const dev = clients(cluster.kubeconfigFor('dev')).core;
    expect((await apiError(dev.listNode())).body).toMatchObject({ code: 403, reason: 'Forbidden', message: 'nodes is forbidden: User "dev@example.com" cannot list resource "nodes" in API group "" at the cluster scope' });
    expect((await apiError(dev.readNamespacedConfigMap({ name: 'x', namespace: 'other' }))).body).toMatchObject({
      message: 'configmaps "x" is forbidden: User "dev@example.com" cannot get resource "configmaps" in API group "" in the namespace "other"',
    });
    const authz = clients(cluster.kubeconfigFor('dev')).authz;
    const review = (verb: string, namespace: string) => authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: { verb, resource: 'configmaps', group: '', namespace } } } });
    expect((await review('get', 'team')).status?.allowed).toBe(true);
    expect((await review('create', 'team')).status?.allowed).toBe(false);
  });

  it('supports JSON merge patch, server-side apply with field ownership, dryRun and generateName', async () => {
    const { core } = clients();
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'p', labels: { a: '1' } }, data: { x: '1', y: '2' } } });
    const merged = await core.patchNamespacedConfigMap({ name: 'p', namespace: 'default', body: { data: { y: null, z: '3' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    expect(merged.data).toEqual({ x: '1', z: '3' });
    const apply = (data: Record<string, string>) =>
      core.patchNamespacedConfigMap({ name: 'applied', namespace: 'default', fieldManager: 'aicr', force: true, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied' }, data } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply));
    await apply({ format: 'yaml', 'snapshot.yaml': 'a' });
    expect((await apply({ format: 'json', 'snapshot.json': '{}' })).data).toEqual({ format: 'json', 'snapshot.json': '{}' });
    const dry = await core.createNamespacedConfigMap({ namespace: 'default', dryRun: 'All', body: { metadata: { name: 'dry' } } });
    expect(dry.metadata!.name).toBe('dry');
    expect(cluster.fake.get('configmaps', 'default', 'dry')).toBeUndefined();
    const generated = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { generateName: 'gen-' } } });
    expect(generated.metadata!.name).toMatch(/^gen-[a-z0-9]{5}$/);
  });

  it('keeps immutable ConfigMaps immutable (422)', async () => {
    const { core } = clients();
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'frozen' }, data: { a: '1' }, immutable: true } });
    const error = await apiError(core.replaceNamespacedConfigMap({ name: 'frozen', namespace: 'default', body: { metadata: { name: 'frozen', resourceVersion: created.metadata!.resourceVersion }, data: { a: '2' }, immutable: true } }));
    expect(error.body).toMatchObject({ code: 422, message: 'ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set' });
  });

  it('defaults Jobs like batch/v1, orphans their pods by default and cascades with Background', async () => {
    const { batch } = clients();
    const job = await batch.createNamespacedJob({ namespace: 'default', body: { metadata: { name: 'j' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } });
    expect(job.spec).toMatchObject({ backoffLimit: 6, completions: 1, parallelism: 1, completionMode: 'NonIndexed' });
    expect(job.spec!.template.metadata!.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'j', 'job-name': 'j', 'batch.kubernetes.io/controller-uid': job.metadata!.uid });
    const owned = (name: string) => cluster.fake.create('pods', { ...pod({ name, namespace: 'default', images: ['busybox'] }), metadata: { name, namespace: 'default', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'j', uid: job.metadata!.uid, controller: true }] } });
    owned('j-1');
    await batch.deleteNamespacedJob({ name: 'j', namespace: 'default' });
    expect(cluster.fake.get('pods', 'default', 'j-1')).toBeDefined();
    const again = await batch.createNamespacedJob({ namespace: 'default', body: { metadata: { name: 'j' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } });
    cluster.fake.create('pods', { ...pod({ name: 'j-2', namespace: 'default', images: ['busybox'] }), metadata: { name: 'j-2', namespace: 'default', ownerReferences: [{ uid: again.metadata!.uid, kind: 'Job', name: 'j', apiVersion: 'batch/v1' }] } });
    await batch.deleteNamespacedJob({ name: 'j', namespace: 'default', propagationPolicy: 'Background' });
    expect(cluster.fake.get('pods', 'default', 'j-2')).toBeUndefined();
    const invalid = await apiError(batch.createNamespacedJob({ namespace: 'default', body: { metadata: { name: 'bad' }, spec: { template: { spec: { restartPolicy: 'Always', containers: [] } } } } }));
    expect(invalid.body.details).toMatchObject({ causes: [{ field: 'spec.template.spec.containers' }, { field: 'spec.template.spec.restartPolicy' }] });
  });

  it('deletes everything in a namespace with it', async () => {
    const { core } = clients();
    await core.createNamespace({ body: { metadata: { name: 'tmp' } } });
    await core.createNamespacedConfigMap({ namespace: 'tmp', body: { metadata: { name: 'c' } } });
    await core.deleteNamespace({ name: 'tmp' });
    expect(cluster.fake.get('configmaps', 'tmp', 'c')).toBeUndefined();
    expect(cluster.fake.get('namespaces', undefined, 'tmp')).toBeUndefined();
  });
});

describe('fake API server: lists and watches', () => {
  it('pages with limit/continue, remainingItemCount and selectors; a stale token is 410 Expired', async () => {
    const { core } = clients();
    for (let i = 0; i < 5; i++) cluster.fake.create('nodes', node({ name: `n${i}`, labels: { pool: i % 2 ? 'gpu' : 'cpu' } }));
    const first = await core.listNode({ limit: 2 });
    expect(first.items.map((n) => n.metadata!.name)).toEqual(['n0', 'n1']);
    expect(first.metadata).toMatchObject({ remainingItemCount: 3, _continue: expect.any(String) });
    const second = await core.listNode({ limit: 2, _continue: first.metadata!._continue });
    expect(second.items.map((n) => n.metadata!.name)).toEqual(['n2', 'n3']);
    const selected = await core.listNode({ labelSelector: 'pool in (gpu),kubernetes.io/os=linux,!missing' });
    expect(selected.items.map((n) => n.metadata!.name)).toEqual(['n1', 'n3']);
    expect((await core.listNode({ labelSelector: 'pool!=gpu' })).items).toHaveLength(3);
    expect((await core.listNode({ fieldSelector: 'metadata.name=n4' })).items.map((n) => n.metadata!.name)).toEqual(['n4']);
    expect((await apiError(core.listNode({ fieldSelector: 'spec.bogus=1' }))).body).toMatchObject({ code: 400, message: 'field label not supported: spec.bogus' });
    // Items of built-in lists carry no kind/apiVersion, like the real server.
    const rawList = (await (await raw('/api/v1/nodes?limit=1')).json()) as { kind: string; items: Array<{ kind?: string }> };
    expect(rawList.kind).toBe('NodeList');
    expect(rawList.items[0].kind).toBeUndefined();
    // After enough churn the token is too old.
    for (let i = 0; i < 5100; i++) cluster.fake.patch('nodes', undefined, 'n0', { metadata: { annotations: { tick: String(i) } } });
    expect((await apiError(core.listNode({ limit: 2, _continue: first.metadata!._continue }))).code).toBe(410);
  });

  it('streams watch events as chunked JSON lines, replays from a resourceVersion, 410 when too old', async () => {
    const { kc, core } = clients();
    const start = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w' }, data: { v: '0' } } });
    await core.replaceNamespacedConfigMap({ name: 'w', namespace: 'default', body: { metadata: { name: 'w' }, data: { v: '1' } } });
    const events: string[] = [];
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const controller = await new k8s.Watch(kc).watch('/api/v1/namespaces/default/configmaps', { fieldSelector: 'metadata.name=w', resourceVersion: start.metadata!.resourceVersion }, (type, object) => {
      events.push(`${type} ${object.data?.v ?? ''}`);
      if (type === 'DELETED') done();
    }, () => done());
    await core.deleteNamespacedConfigMap({ name: 'w', namespace: 'default' });
    await finished;
    controller.abort();
    expect(events).toEqual(['MODIFIED 1', 'DELETED 1']);
    const response = await raw('/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=5');
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(JSON.parse((await response.text()).trim())).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    // Without a resourceVersion the watch starts with the current state as ADDED events.
    const initial = await raw('/api/v1/nodes?watch=1&timeoutSeconds=0.2');
    cluster.fake.create('nodes', node({ name: 'late' }));
    const lines = (await initial.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.type} ${l.object.metadata.name}`)).toEqual(['ADDED late']);
  });

  it('serves pod logs: whole, tail, follow until the container ends, and "waiting to start"', async () => {
    const { core } = clients();
    cluster.fake.create('pods', { ...pod({ name: 'agent', namespace: 'default', images: ['busybox'] }), status: { phase: 'Pending', containerStatuses: [{ name: 'c0', state: { waiting: { reason: 'ContainerCreating' } } }] } });
    expect((await apiError(core.readNamespacedPodLog({ name: 'agent', namespace: 'default' }))).body).toMatchObject({ code: 400, message: 'container "c0" in pod "agent" is waiting to start: ContainerCreating' });
    cluster.fake.patch('pods', 'default', 'agent', { status: { phase: 'Running', containerStatuses: [{ name: 'c0', state: { running: {} } }] } });
    cluster.fake.appendPodLog('default', 'agent', 'c0', 'one\ntwo\nthree\n');
    expect(await core.readNamespacedPodLog({ name: 'agent', namespace: 'default' })).toBe('one\ntwo\nthree\n');
    expect(await core.readNamespacedPodLog({ name: 'agent', namespace: 'default', tailLines: 1 })).toBe('three\n');
    const follow = raw('/api/v1/namespaces/default/pods/agent/log?follow=true').then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 30));
    cluster.fake.appendPodLog('default', 'agent', 'c0', 'four\n');
    cluster.fake.endPodLog('default', 'agent', 'c0');
    expect(await follow).toBe('one\ntwo\nthree\nfour\n');
  });

  it('serves discovery and /version, and can leave a resource type out', async () => {
    expect(await (await raw('/version')).json()).toMatchObject({ gitVersion: 'v1.33.5-eks-3025e55', platform: 'linux/amd64' });
    const groups = (await (await raw('/apis')).json()) as { groups: Array<{ name: string }> };
    expect(groups.groups.map((g: { name: string }) => g.name)).toContain('nvidia.com');
    const resources = (await (await raw('/apis/nvidia.com/v1')).json()) as { resources: Array<{ name: string }> };
    expect(resources.resources.map((r: { name: string }) => r.name)).toContain('clusterpolicies');
    expect((await raw('/apis/example.com/v1/things')).status).toBe(404);
  });
});

describe('fake API server: injected faults', () => {
  it('answers 429 with Retry-After, 500, resets the connection, and delays', async () => {
    const { core } = clients();
    cluster.fake.inject({ resource: 'nodes', status: 429, retryAfter: 7 });
    const limited = await apiError(core.listNode());
    expect(limited.code).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.body).toMatchObject({ reason: 'TooManyRequests', details: { retryAfterSeconds: 7 } });
    cluster.fake.inject({ resource: 'nodes', status: 500 });
    expect((await apiError(core.listNode())).body).toMatchObject({ code: 500, reason: 'InternalError' });
    cluster.fake.inject({ resource: 'nodes', reset: true });
    await expect(core.listNode()).rejects.toMatchObject({ code: 'ECONNRESET' });
    cluster.fake.inject({ resource: 'nodes', delayMs: 150 });
    const started = Date.now();
    await core.listNode();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    cluster.fake.inject({ resource: 'nodes', status: 409 });
    expect((await apiError(core.listNode())).body).toMatchObject({ reason: 'Conflict' });
    // Faults are used up; the next request is normal.
    expect((await core.listNode()).items).toEqual([]);
  });
});
