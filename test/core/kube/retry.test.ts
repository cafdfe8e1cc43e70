import { describe, expect, it } from 'vitest';
import { AicrError } from '../../../src/core/errors.js';
import { getKubeClient, type KubeClient } from '../../../src/core/kube/client.js';
import { parseRetryAfter } from '../../../src/core/kube/errors.js';
import { backoffDelay, type RetryInfo } from '../../../src/core/kube/retry.js';
import { useFakeCluster } from '../../fake-kube/harness.js';
import { rejection as failure } from '../../helpers/errors.js';

const cluster = useFakeCluster();
const fast = { baseDelayMs: 20, maxDelayMs: 200, requestTimeoutMs: 1_000, deadlineMs: 5_000, attempts: 5 };

async function readConfigMap(client: KubeClient, retries: RetryInfo[] = [], signal?: AbortSignal) {
  return client.call<{ data?: Record<string, string> }>(
    { verb: 'get', resource: 'configmaps', namespace: 'default', name: 'doc' },
    { path: '/api/v1/namespaces/default/configmaps/doc' },
    signal ? { signal } : {},
    (info) => retries.push(info),
  );
}


describe('backoff', () => {
  it('grows exponentially with jitter inside [ceiling/2, ceiling], capped', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 0)).toBe(400);
    expect(backoffDelay(3, policy, () => 1)).toBe(800);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
    const samples = new Set(Array.from({ length: 20 }, () => backoffDelay(2, policy)));
    expect(samples.size).toBeGreaterThan(1);
    for (const value of samples) {
      expect(value).toBeGreaterThanOrEqual(200);
      expect(value).toBeLessThanOrEqual(400);
    }
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('requests against a faulty API server', () => {
  it('retries 429 and waits at least Retry-After', async () => {
    cluster.fake.create('configmaps', { metadata: { name: 'doc', namespace: 'default' }, data: { a: 'b' } });
    cluster.fake.inject({ resource: 'configmaps', status: 429, retryAfter: 1 });
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: fast });
    const retries: RetryInfo[] = [];
    const started = Date.now();
    const result = await readConfigMap(client, retries);
    expect(result.data).toEqual({ a: 'b' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(1000);
    expect(cluster.fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('retries 500, connection resets and slow answers, then succeeds', async () => {
    cluster.fake.create('configmaps', { metadata: { name: 'doc', namespace: 'default' }, data: { a: 'b' } });
    cluster.fake.inject({ resource: 'configmaps', status: 500 });
    cluster.fake.inject({ resource: 'configmaps', reset: true });
    cluster.fake.inject({ resource: 'configmaps', delayMs: 1_500 }); // longer than requestTimeoutMs
    cluster.fake.inject({ resource: 'configmaps', status: 503 });
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: fast });
    const retries: RetryInfo[] = [];
    const result = await readConfigMap(client, retries);
    expect(result.data).toEqual({ a: 'b' });
    expect(retries.map((r) => (r.failure.kind === 'http' ? r.failure.status : r.failure.kind))).toEqual([500, 'network', 'timeout', 503]);
    // Each wait is at least the jittered lower bound and they grow.
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(10);
    expect(retries[3]!.delayMs).toBeGreaterThanOrEqual(80);
  });

  it('does not retry 404, 403 or 422', async () => {
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: fast });
    const notFound = await failure(readConfigMap(client));
    expect(notFound.exitCode).toBe(3);
    cluster.fake.inject({ resource: 'configmaps', status: 403, message: 'configmaps "doc" is forbidden: User "ci" cannot get resource "configmaps" in API group "" in the namespace "default"' });
    const forbidden = await failure(readConfigMap(client));
    expect(forbidden.exitCode).toBe(4);
    expect(forbidden.message).toContain('RBAC denied "get" on configmaps in namespace "default" for ci');
    cluster.fake.inject({ resource: 'configmaps', status: 422, message: 'ConfigMap "doc" is invalid: data: Too long' });
    const invalid = await failure(readConfigMap(client));
    expect(invalid.exitCode).toBe(2);
    expect(cluster.fake.requests).toHaveLength(3);
  });

  it('gives up after the attempt limit: 429 → rate limited (7), 500 → unavailable (6)', async () => {
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: { ...fast, attempts: 3 } });
    cluster.fake.inject({ resource: 'configmaps', status: 429, retryAfter: 0, times: 10 });
    const limited = await failure(readConfigMap(client));
    expect(limited.exitCode).toBe(7);
    expect(limited.message).toContain('kept answering 429');
    expect(cluster.fake.requests).toHaveLength(3);
    cluster.fake.clearFaults();
    cluster.fake.clearRequests();
    cluster.fake.inject({ resource: 'configmaps', status: 500, times: 10 });
    const broken = await failure(readConfigMap(client));
    expect(broken.exitCode).toBe(6);
    expect(broken.message).toContain('after 3 attempts');
    expect(cluster.fake.requests).toHaveLength(3);
  });

  it('fails fast with rate limited when Retry-After is past the deadline', async () => {
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: { ...fast, deadlineMs: 2_000 } });
    cluster.fake.inject({ resource: 'configmaps', status: 429, retryAfter: 30 });
    const started = Date.now();
    const error = await failure(readConfigMap(client));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error.exitCode).toBe(7);
    expect(error.message).toContain('retry after 30 s, past the 2 s deadline');
  });

  it('stops at the overall deadline when the server never answers (exit 5)', async () => {
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: { ...fast, requestTimeoutMs: 300, deadlineMs: 800, attempts: 10 } });
    cluster.fake.inject({ resource: 'configmaps', hang: true, times: 100 });
    const started = Date.now();
    const error = await failure(readConfigMap(client));
    const elapsed = Date.now() - started;
    expect(error.exitCode).toBe(5);
    expect(elapsed).toBeGreaterThanOrEqual(700);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('maps an unreachable server to unavailable (exit 6) after retrying', async () => {
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: { ...fast, attempts: 2 } });
    await cluster.fake.close();
    const error = await failure(readConfigMap(client));
    expect(error.exitCode).toBe(6);
    expect(error.message).toMatch(/cannot reach the Kubernetes API server at http:\/\/127\.0\.0\.1:\d+ \(after 2 attempts\)/);
    await cluster.fake.listen(); // let the harness close it again
  });

  it('cancels promptly when the caller aborts, with the caller\'s reason', async () => {
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig, retry: fast });
    cluster.fake.inject({ resource: 'configmaps', hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new AicrError('INTERNAL', 'interrupted by SIGINT')), 100);
    const error = await failure(readConfigMap(client, [], controller.signal));
    expect(error.message).toBe('interrupted by SIGINT');
  });
});
