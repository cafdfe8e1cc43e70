/**
 * KubeClient.call: plain REST against the fake API server (every method, query, JSON and text
 * answers, encoded path segments), credentials from an exec plugin, and the kept-alive agent.
 */
import { writeFileSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiPath, getKubeClient, KubeClient } from '../../../src/core/kube/client.js';
import { DEFAULT_RETRY_POLICY } from '../../../src/core/kube/retry.js';
import { useFakeCluster } from '../../fake-kube/harness.js';
import { pod } from '../../fake-kube/index.js';
import { rejection } from '../../helpers/errors.js';

const cluster = useFakeCluster();
const fast = { baseDelayMs: 20, maxDelayMs: 200, requestTimeoutMs: 2_000, deadlineMs: 5_000, attempts: 3 };
type Obj = Record<string, any>;

describe('KubeClient.call', () => {
  it('creates, reads, replaces, patches and deletes with the real REST paths', async () => {
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: fast });
    const action = { verb: 'create', resource: 'configmaps', namespace: 'default' };
    const path = apiPath`/api/v1/namespaces/${'default'}/configmaps/${'doc'}`;
    const created = await client.call<Obj>(action, { method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'doc' }, data: { a: '1' } } });
    expect(created.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(created.metadata.creationTimestamp).toEqual(expect.any(String)); // plain JSON, no Date models
    const read = await client.call<Obj>({ ...action, verb: 'get' }, { path });
    expect(read.data).toEqual({ a: '1' });
    const replaced = await client.call<Obj>({ ...action, verb: 'update' }, { method: 'PUT', path, body: { ...read, data: { a: '2' } } });
    expect(replaced.data).toEqual({ a: '2' });
    const patched = await client.call<Obj>({ ...action, verb: 'patch' }, { method: 'PATCH', path, body: { data: { b: '3' } } });
    expect(patched.data).toEqual({ a: '2', b: '3' });
    expect(cluster.fake.requestsFor('patch', 'configmaps')[0]!.contentType).toBe('application/merge-patch+json');
    await client.call({ ...action, verb: 'delete' }, { method: 'DELETE', path, query: { propagationPolicy: 'Background', dryRun: undefined } });
    expect(cluster.fake.get('configmaps', 'default', 'doc')).toBeUndefined();
    const deletes = cluster.fake.requestsFor('delete', 'configmaps');
    expect(deletes[0]!.query).toEqual({ propagationPolicy: 'Background' });
    const missing = await rejection(client.call({ ...action, verb: 'get', name: 'doc' }, { path }));
    expect(missing.exitCode).toBe(3);
  });

  it('encodes path segments', () => {
    expect(apiPath`/api/v1/namespaces/${'a b'}/configmaps/${'x/y?z'}`).toBe('/api/v1/namespaces/a%20b/configmaps/x%2Fy%3Fz');
  });

  it('reads text answers (pod logs) and maps their errors', async () => {
    cluster.fake.create('pods', pod({ name: 'p', namespace: 'default', images: ['busybox'] }));
    cluster.fake.appendPodLog('default', 'p', 'c0', 'one\ntwo\nthree\n');
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: fast });
    const action = { verb: 'get', resource: 'pods/log', namespace: 'default', name: 'p' };
    const text = await client.call<string>(action, { path: '/api/v1/namespaces/default/pods/p/log', query: { container: 'c0', tailLines: 2 }, response: 'text' });
    expect(text).toBe('two\nthree\n');
    const invalid = await rejection(client.call(action, { path: '/api/v1/namespaces/default/pods/p/log', query: { container: 'nope' }, response: 'text' }));
    expect(invalid.exitCode).toBe(2);
    expect(invalid.message).toContain('container nope is not valid for pod p');
  });

  it('authenticates with the token an exec credential plugin prints', async () => {
    const credential = { apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: 'admin-token' } };
    const kubeconfig = join(cluster.dir, 'kubeconfig-exec');
    writeFileSync(
      kubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'fake', cluster: { server: cluster.fake.url, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'exec', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', `process.stdout.write(${JSON.stringify(JSON.stringify(credential))})`], interactiveMode: 'Never' } } }],
        contexts: [{ name: 'fake', context: { cluster: 'fake', user: 'exec' } }],
        'current-context': 'fake',
      }),
    );
    const client = await getKubeClient({ kubeconfig, retry: fast });
    const version = await client.call<Obj>({ verb: 'get', resource: 'version' }, { path: '/version' });
    expect(version.gitVersion).toMatch(/^v1\./);
    expect(cluster.fake.requests.at(-1)!.user).toBe('kubernetes-admin');
  });
});

describe('KubeClient connections', () => {
  /** A server that counts TCP connections, and a client whose kubeconfig hands out agents with `material`. */
  async function counting(): Promise<{ server: Server; connections: () => number; client: KubeClient; setCert(cert: string): void }> {
    let connections = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let cert = 'first';
    const config = {
      getCurrentCluster: () => ({ server: url }),
      applyToFetchOptions: async () => ({ agent: new Agent({ cert } as never), headers: new Headers({ authorization: 'Bearer t' }) }),
    };
    const client = new KubeClient({} as never, config as never, 'test', { ...DEFAULT_RETRY_POLICY, ...fast });
    return { server, connections: () => connections, client, setCert: (value) => (cert = value) };
  }

  it('keeps one connection alive across requests, and opens a new one when the TLS material changes', async () => {
    const { server, connections, client, setCert } = await counting();
    try {
      const action = { verb: 'get', resource: 'things' };
      for (let i = 0; i < 3; i++) expect(await client.call(action, { path: '/x' })).toEqual({ ok: true });
      expect(connections()).toBe(1);
      setCert('rotated'); // e.g. an exec plugin's client certificate renewed
      expect(await client.call(action, { path: '/x' })).toEqual({ ok: true });
      expect(await client.call(action, { path: '/x', method: 'POST', body: { a: 1 } })).toEqual({ ok: true });
      expect(connections()).toBe(2);
    } finally {
      client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
