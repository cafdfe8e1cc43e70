/**
 * Every Kubernetes answer is bounded in bytes and time: endless bodies, drips, endless watch
 * lines and events, oversized ConfigMaps, hanging credential plugins, and the deadline knob.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getKubeClient, MAX_OBJECT_BYTES } from '../../../src/core/kube/client.js';
import { readConfigMapDocument } from '../../../src/core/kube/configmap.js';
import { DEFAULT_RETRY_POLICY, policyForDeadline } from '../../../src/core/kube/retry.js';
import { watchUntil } from '../../../src/core/kube/watch.js';
import { parseConfigMapUri } from '../../../src/core/location.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { useFakeCluster } from '../../fake-kube/harness.js';
import { rejection } from '../../helpers/errors.js';
import { pidsIn, stillRunning } from '../../helpers/processes.js';

const cluster = useFakeCluster();
const fast = { baseDelayMs: 5, maxDelayMs: 20, requestTimeoutMs: 500, deadlineMs: 1_500, attempts: 3 };
const getVersion = { verb: 'get', resource: 'version' };

/** A kubeconfig whose user is `user` (JSON of a kubeconfig user entry). */
function kubeconfigWithUser(user: Record<string, unknown>, server = cluster.fake.url): string {
  const path = join(cluster.dir, `kubeconfig-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'fake', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'fake', context: { cluster: 'fake', user: 'u' } }],
    'current-context': 'fake',
  }));
  return path;
}

async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('KubeClient answers are capped while they stream', () => {
  it('drops an endless body at the cap, at once and without a retry (exit 6)', async () => {
    cluster.fake.inject({ path: '/version', endlessBody: true, times: 10 });
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: { ...fast, deadlineMs: 20_000, requestTimeoutMs: 20_000 } });
    const started = Date.now();
    const error = await rejection(client.call(getVersion, { path: '/version' }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect([error.exitCode, error.message]).toEqual([6, `the answer to GET /version is larger than ${MAX_OBJECT_BYTES / 1024 / 1024} MiB: the API server kept sending`]);
    expect(cluster.fake.requests).toHaveLength(1);
  });

  it('refuses a declared Content-Length past the cap before reading the body', async () => {
    let written = 0;
    const { url, server } = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) });
      written = 1;
      res.write('{');
    });
    try {
      const client = await getKubeClient({ kubeconfig: kubeconfigWithUser({ token: 't' }, url), retry: fast });
      const error = await rejection(client.call(getVersion, { path: '/version', maxBytes: 1024 }));
      expect([error.exitCode, written]).toEqual([6, 1]);
      expect(error.message).toContain('larger than 1 KiB');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('ends a body that drips a byte at a time at the deadline (exit 5)', async () => {
    cluster.fake.inject({ path: '/version', dripMs: 20, times: 10 });
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: { ...fast, requestTimeoutMs: 300, deadlineMs: 800 } });
    const started = Date.now();
    const error = await rejection(client.call(getVersion, { path: '/version' }));
    expect(error.exitCode).toBe(5);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('ConfigMaps we are told to read', () => {
  const location = parseConfigMapUri('cm://default/doc', 'snapshot');

  it('stop reading an endless answer at 3 MiB: invalid input naming the option (exit 2)', async () => {
    cluster.fake.inject({ resource: 'configmaps', endlessBody: true, times: 10 });
    const error = await rejection(readConfigMapDocument(location, { kubeconfig: cluster.kubeconfig, retry: fast, input: 'snapshot' }));
    expect(error.exitCode).toBe(2);
    expect(renderOptionRefs(error.message)).toContain('--snapshot: the API server\'s answer for ConfigMap cm://default/doc is larger than 3145728 bytes (3 MiB)');
  });

  it('refuse one holding more than 1 MiB of data, which no real API server stores (exit 2)', async () => {
    const body = JSON.stringify({ kind: 'ConfigMap', metadata: { name: 'doc' }, data: { 'snapshot.yaml': 'x'.repeat(1024 * 1024 + 1) } });
    const { url, server } = await rawServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    try {
      const error = await rejection(readConfigMapDocument(location, { kubeconfig: kubeconfigWithUser({ token: 't' }, url), retry: fast, input: 'snapshot' }));
      expect(error.exitCode).toBe(2);
      expect(renderOptionRefs(error.message)).toBe('--snapshot: ConfigMap cm://default/doc holds 1048590 bytes of data, more than the 1048576 bytes (1 MiB) Kubernetes allows');
    } finally {
      server.close();
    }
  });
});

describe('watches', () => {
  const jobs = '/apis/batch/v1/namespaces/default/jobs';
  const action = { verb: 'watch', resource: 'jobs', group: 'batch', namespace: 'default' };
  const never = { check: () => undefined, relist: async () => ({ items: [], resourceVersion: '1' }) };

  it('refuse an event line that never ends (exit 6)', async () => {
    cluster.fake.inject({ verb: 'watch', resource: 'jobs', endlessBody: true });
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: fast });
    const error = await rejection(watchUntil({ client, action, path: jobs, ...never, signal: AbortSignal.timeout(20_000) }));
    expect(error.exitCode).toBe(6);
    expect(error.message).toContain('one watch event to GET /apis/batch/v1/namespaces/default/jobs is larger than 4 MiB');
  });

  it('end with the caller\'s deadline when events keep coming without progress', async () => {
    cluster.fake.inject({ verb: 'watch', resource: 'jobs', endlessEvents: true });
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: fast });
    const started = Date.now();
    const error = await rejection(watchUntil({ client, action, path: jobs, ...never, signal: AbortSignal.timeout(500) }));
    expect(error.exitCode).toBe(5);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reconnect after a 429 no sooner than Retry-After', async () => {
    cluster.fake.inject({ verb: 'watch', resource: 'jobs', status: 429, retryAfter: 1 });
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: fast });
    const started = Date.now();
    const outcome = await watchUntil({ client, action, path: jobs, check: (type) => (type === 'ADDED' ? 'seen' : undefined), relist: never.relist, signal: AbortSignal.timeout(20_000), onReconnect: () => cluster.fake.create('jobs', { metadata: { name: 'j', namespace: 'default' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }], restartPolicy: 'Never' } } } }) });
    expect(outcome).toBe('seen');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('credential plugins', () => {
  it('stop a plugin that hangs (and what it started) at the attempt\'s time limit (exit 5)', async () => {
    const plugin = join(cluster.dir, 'plugin.sh');
    const pids = join(cluster.dir, 'pids');
    writeFileSync(plugin, `#!/bin/sh\necho $$ >> ${pids}\nsleep 30 &\necho $! >> ${pids}\nwait\n`);
    chmodSync(plugin, 0o755);
    const kubeconfig = kubeconfigWithUser({ exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } });
    const client = await getKubeClient({ kubeconfig, retry: { ...fast, requestTimeoutMs: 300, deadlineMs: 2_000 } });
    const started = Date.now();
    const error = await rejection(client.call(getVersion, { path: '/version' }));
    expect(error.exitCode).toBe(5);
    expect(error.message).toBe(`cannot get credentials from kubeconfig ${kubeconfig}: its credential plugin did not finish within 270 ms (it and everything it started were stopped)`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(pidsIn(pids)).toHaveLength(2);
    expect(await stillRunning(pidsIn(pids))).toEqual([]);
  });

  it('never quote what a plugin printed when it is not an ExecCredential (it may be a token)', async () => {
    const kubeconfig = kubeconfigWithUser({ exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', 'process.stdout.write("sekrit-token-123")'], interactiveMode: 'Never' } });
    const client = await getKubeClient({ kubeconfig, retry: fast });
    const error = await rejection(client.call(getVersion, { path: '/version' }));
    expect(error.exitCode).toBe(4);
    expect(error.message).toContain('its credential plugin printed malformed JSON');
    expect(JSON.stringify({ message: error.message, hint: error.hint })).not.toContain('sekrit');
  });

  it('refuse a legacy auth-provider with cmd-path, which would run a shell without a limit (exit 2)', async () => {
    const kubeconfig = kubeconfigWithUser({ 'auth-provider': { name: 'gcp', config: { 'cmd-path': '/usr/bin/gcloud', 'cmd-args': 'config config-helper' } } });
    const error = await rejection(getKubeClient({ kubeconfig }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('auth-provider "gcp" runs its cmd-path command through a shell with no time limit');
  });
});

describe('AICR_REQUEST_TIMEOUT', () => {
  it('scales the whole retry policy with the deadline (60 s gives the defaults)', async () => {
    expect(policyForDeadline(60_000)).toEqual({ attempts: 6, baseDelayMs: 250, maxDelayMs: 8_000, requestTimeoutMs: 20_000, deadlineMs: 60_000 });
    expect(DEFAULT_RETRY_POLICY).toEqual(policyForDeadline(60_000));
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, env: { AICR_REQUEST_TIMEOUT: '3s' } });
    expect(client.retryPolicy).toEqual({ attempts: 6, baseDelayMs: 13, maxDelayMs: 400, requestTimeoutMs: 1_000, deadlineMs: 3_000 });
  });

  it('refuses a value that is not a positive duration (exit 2)', async () => {
    for (const value of ['10', '0', 'soon']) {
      const error = await rejection(getKubeClient({ kubeconfig: cluster.kubeconfig, env: { AICR_REQUEST_TIMEOUT: value } }));
      expect(error.exitCode).toBe(2);
      expect(error.message).toMatch(/^AICR_REQUEST_TIMEOUT: "[^"]+" is not (a duration|a positive duration)$/);
    }
  });
});
