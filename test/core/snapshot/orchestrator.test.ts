import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  checkRequiredSources, collectSnapshot, localCollectors, parseRequiredSources, reportSources, sourceNode, takeSnapshot,
  type Collector, type CollectorName,
} from '../../../src/core/snapshot/index.js';
import { renderSnapshot } from '../../../src/core/snapshot/render.js';
import { AicrError, ErrorCode, exitCodeFor, formatError } from '../../../src/core/errors.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import { readDocument } from '../../../src/core/documents/index.js';
import { extractCriteria } from '../../../src/core/recipe/snapshot-criteria.js';
import type { Snapshot } from '../../../src/core/documents/types.js';
import { FIXTURES, UPSTREAM_EXAMPLES } from '../../helpers/paths.js';
import { fakeToolsEnv } from './fake-tools.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HOST = join(FIXTURES, 'snapshot', 'hosts', 'ubuntu-24.04');

function fixed(name: CollectorName, type: string, delayMs: number, data: Record<string, string | number> = { k: 'v' }): Collector {
  return { name, collect: async () => { await sleep(delayMs); return { status: 'collected', measurements: [{ type, subtypes: [{ subtype: 's', data }] }] }; } };
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { ...silentLogger, lines, info: (m) => lines.push(`info: ${m}`), warning: (m) => lines.push(`warning: ${m}`) };
}

describe('collectSnapshot', () => {
  it('runs collectors concurrently and writes measurements in the fixed order K8s, SystemD, OS, GPU, NodeTopology', async () => {
    const started = performance.now();
    const { snapshot, sources } = await collectSnapshot({
      collectors: [fixed('topology', 'NodeTopology', 10), fixed('gpu', 'GPU', 250), fixed('os', 'OS', 200), fixed('systemd', 'SystemD', 150), fixed('k8s', 'K8s', 5)],
      env: {},
    });
    expect(performance.now() - started).toBeLessThan(600); // sequential would be 615 ms
    expect(snapshot.measurements.map((m) => m.type)).toEqual(['K8s', 'SystemD', 'OS', 'GPU', 'NodeTopology']);
    expect(sources.map((s) => s.source)).toEqual(['k8s', 'systemd', 'os', 'gpu', 'topology']);
    expect(sources.every((s) => s.status === 'collected' && s.readings === 1)).toBe(true);
  });

  it('turns a hung or failing collector into an unavailable measurement with the reason, and prints it', async () => {
    const logger = recordingLogger();
    const hung: Collector = { name: 'gpu', collect: () => new Promise(() => {}) };
    const failing: Collector = { name: 'os', collect: async () => { throw new Error('boom'); } };
    const started = performance.now();
    const { snapshot, sources } = await collectSnapshot({ collectors: [hung, failing, fixed('systemd', 'SystemD', 1)], env: {}, limitsMs: { gpu: 200 }, logger });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(snapshot.measurements).toEqual([
      { type: 'SystemD', subtypes: [{ subtype: 's', data: { k: 'v' } }] },
      { type: 'OS', unavailable: { reason: 'the os collector failed: boom' } },
      { type: 'GPU', unavailable: { reason: 'did not finish within 200 ms (the gpu source\'s time limit)' } },
    ]);
    expect(sources.find((s) => s.source === 'gpu')).toMatchObject({ status: 'unavailable', readings: 0 });
    expect(logger.lines).toContain('warning: OS: unavailable: the os collector failed: boom');
    expect(logger.lines).toContain('info: SystemD: 1 readings from 1 subtype');
  });

  it('stops every collector at the overall deadline and on cancellation', async () => {
    const hung = (name: CollectorName): Collector => ({ name, collect: () => new Promise(() => {}) });
    const { snapshot } = await collectSnapshot({ collectors: [hung('os'), hung('k8s')], env: {}, timeoutMs: 100 });
    // the overall deadline bounds each per-source limit
    expect(snapshot.measurements.map((m) => m.unavailable?.reason)).toEqual([
      'the snapshot deadline (100 ms) passed before it finished',
      'the snapshot deadline (100 ms) passed before it finished',
    ]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const cancelled = await collectSnapshot({ collectors: [hung('gpu')], env: {}, signal: controller.signal });
    expect(cancelled.snapshot.measurements[0]!.unavailable?.reason).toBe('the snapshot was cancelled before it finished');
  });

  it('is deterministic: no wall-clock stamp unless asked, sorted readings, same bytes every run', async () => {
    const collectors = [fixed('os', 'OS', 1, { b: '2', a: 1, C: 'x' })];
    const one = renderSnapshot((await collectSnapshot({ collectors, env: { NODE_NAME: 'n1' } })).snapshot, 'yaml');
    const two = renderSnapshot((await collectSnapshot({ collectors, env: { NODE_NAME: 'n1' } })).snapshot, 'yaml');
    expect(one).toBe(two);
    expect(one).toBe([
      'kind: Snapshot', 'apiVersion: aicr.run/v1', 'metadata:', '  source-node: n1', "  version: '1.0.0'", 'measurements:',
      '  - type: OS', '    subtypes:', '      - subtype: s', '        data:', "          C: x", '          a: 1', "          b: '2'", '',
    ].join('\n'));
    const stamped = await collectSnapshot({ collectors, env: {}, timestamp: new Date('2026-03-10T20:05:12.345Z') });
    expect(stamped.snapshot.metadata).toEqual({ 'source-node': '', timestamp: '2026-03-10T20:05:12Z', version: '1.0.0' });
  });

  it('names the source node like upstream: $NODE_NAME, $KUBERNETES_NODE_NAME, $HOSTNAME, else ""', () => {
    expect(sourceNode({ NODE_NAME: 'a', KUBERNETES_NODE_NAME: 'b', HOSTNAME: 'c' })).toBe('a');
    expect(sourceNode({ KUBERNETES_NODE_NAME: 'b', HOSTNAME: 'c' })).toBe('b');
    expect(sourceNode({ HOSTNAME: 'c' })).toBe('c');
    expect(sourceNode({})).toBe('');
  });
});

describe('a local snapshot from fixtures, end to end', () => {
  it('collects OS from a fixture host, GPU and SystemD through fake tools, and validates against the schema', async () => {
    const { env } = fakeToolsEnv({
      'nvidia-smi': { expectArgs: '-q -x', stdoutFile: join(UPSTREAM_EXAMPLES, 'nvidia-smi-q-x-h100x8.xml') },
      systemctl: { stdoutFile: join(FIXTURES, 'snapshot', 'systemctl-show.txt') },
    }, { PATH: process.env.PATH, HOME: '/nonexistent', NODE_NAME: 'gpu-node-1' });
    const collectors = await localCollectors({ env, procRoot: join(HOST, 'proc'), etcRoot: join(HOST, 'etc') });
    const { snapshot, sources } = await collectSnapshot({ collectors, env });
    expect(sources.map((s) => [s.source, s.status])).toEqual([
      ['k8s', 'unavailable'], ['systemd', 'collected'], ['os', 'collected'], ['gpu', 'collected'], ['topology', 'unavailable'],
    ]);
    expect(snapshot.measurements.find((m) => m.type === 'K8s')!.unavailable!.reason).toMatch(/^no Kubernetes access/);
    for (const format of ['yaml', 'json'] as const) {
      const text = renderSnapshot(snapshot, format);
      const { document } = await readDocument('Snapshot', text, `snapshot.${format}`);
      expect(document).toEqual(snapshot);
    }
    expect(extractCriteria(snapshot)).toMatchObject({ accelerator: 'h100', os: 'ubuntu' });
    // the upstream agent's structure assertion (subtype names per type) holds for the types we collected
    const expected = parse(await import('node:fs').then((fs) => fs.readFileSync(join(UPSTREAM_EXAMPLES, 'snapshot-agent-structure-assert.yaml'), 'utf8')));
    for (const want of expected.measurements as Array<{ type: string; subtypes: Array<{ subtype: string }> }>) {
      const got = snapshot.measurements.find((m) => m.type === want.type)!;
      if (got.unavailable && !got.subtypes) continue;
      for (const { subtype } of want.subtypes) expect(got.subtypes!.map((s) => s.subtype)).toContain(subtype);
    }
  });
});

describe('Kubernetes-backed collectors', () => {
  it('are unavailable without loading the Kubernetes client when there are no credentials', async () => {
    let loaded = false;
    const collectors = await localCollectors({ sources: ['k8s', 'topology'], env: { HOME: '/nonexistent' }, loadKubernetesCollectors: async () => { loaded = true; return []; } });
    const { snapshot } = await collectSnapshot({ collectors, env: {} });
    expect(loaded).toBe(false);
    expect(snapshot.measurements.map((m) => m.unavailable?.reason)).toEqual([
      'no Kubernetes access: no --kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a pod',
      'no Kubernetes access: no --kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a pod',
    ]);
  });

  it('are loaded lazily with the kubeconfig and topology settings when credentials exist; a loader failure is a reason', async () => {
    const requests: unknown[] = [];
    const collectors = await localCollectors({
      sources: ['gpu', 'k8s', 'topology'], env: { HOME: '/nonexistent', PATH: '' }, kubeconfig: '/tmp/kc', maxNodesPerEntry: 5,
      loadKubernetesCollectors: async (request) => { requests.push(request); return [fixed('k8s', 'K8s', 1), fixed('topology', 'NodeTopology', 1)]; },
    });
    expect(requests).toEqual([{ sources: ['k8s', 'topology'], kubeconfig: '/tmp/kc', maxNodesPerEntry: 5 }]);
    expect(collectors.map((c) => c.name)).toEqual(['gpu', 'k8s', 'topology']);
    const broken = await localCollectors({ sources: ['k8s'], env: { KUBECONFIG: '/x' }, loadKubernetesCollectors: async () => { throw new Error('bad kubeconfig'); } });
    expect(await broken[0]!.collect({ logger: silentLogger, env: {}, signal: new AbortController().signal })).toEqual({
      status: 'unavailable', reason: 'the Kubernetes client could not be set up: bad kubeconfig',
    });
  });
});

describe('--require', () => {
  const snapshot = (measurements: Snapshot['measurements']): Snapshot => ({ measurements });

  it('parses source names and measurement type names; rejects unknown ones (exit 2)', () => {
    expect(parseRequiredSources(['gpu,K8s', 'NodeTopology', ' os ', 'gpu'])).toEqual(['gpu', 'k8s', 'topology', 'os']);
    expect(() => parseRequiredSources(['gpus'], 'require')).toThrow('unknown source "gpus"');
    try {
      parseRequiredSources(['gpus'], 'require');
      expect.unreachable();
    } catch (error) {
      expect(formatError(error)).toBe('[INVALID_REQUEST] --require: unknown source "gpus"\nhint: use a comma-separated list of: k8s, systemd, os, gpu, topology');
    }
    try {
      parseRequiredSources(['x']);
      expect.unreachable();
    } catch (error) {
      expect(exitCodeFor(error)).toBe(2);
      expect((error as AicrError).hint).toBe('use a comma-separated list of: k8s, systemd, os, gpu, topology');
    }
  });

  it('fails with NOT_FOUND (exit 3) naming every absent source and why', () => {
    const s = snapshot([
      { type: 'GPU', unavailable: { reason: 'nvidia-smi not found on PATH' } },
      { type: 'OS', subtypes: [{ subtype: 'release', data: { ID: 'ubuntu' } }] },
    ]);
    expect(() => checkRequiredSources(s, ['os'])).not.toThrow();
    try {
      checkRequiredSources(s, ['gpu', 'os', 'k8s']);
      expect.unreachable();
    } catch (error) {
      expect(exitCodeFor(error)).toBe(3);
      expect((error as Error).message).toBe('required sources unavailable: gpu (nvidia-smi not found on PATH); k8s (the snapshot has no K8s measurement)');
    }
  });

  it('treats zero GPUs or zero nodes as absent, also in snapshots from the upstream agent', () => {
    const upstream = snapshot([
      { type: 'GPU', subtypes: [{ subtype: 'smi', data: { 'gpu-count': 0 } }] },
      { type: 'NodeTopology', subtypes: [{ subtype: 'summary', data: { 'node-count': 0, 'taint-count': 0, 'label-count': 0 } }, { subtype: 'taint', data: {} }] },
      { type: 'K8s', subtypes: [{ subtype: 'server', data: {} }, { subtype: 'image', data: {} }] },
    ]);
    expect(() => checkRequiredSources(upstream, ['gpu'])).toThrow('gpu (nvidia-smi reported 0 GPUs)');
    expect(() => checkRequiredSources(upstream, ['topology'])).toThrow('topology (the cluster reported no nodes)');
    expect(() => checkRequiredSources(upstream, ['k8s'])).toThrow('k8s (the K8s measurement has no readings)');
    expect(reportSources(upstream).map((r) => [r.source, r.status])).toEqual([['k8s', 'unavailable'], ['gpu', 'unavailable'], ['topology', 'unavailable']]);
  });
});

describe('takeSnapshot', () => {
  it('local mode collects and applies --require before anything is written', async () => {
    const run = await takeSnapshot({ mode: 'local', require: ['os'], timeoutMs: 5000 }, { env: {}, collectors: [fixed('os', 'OS', 1)] });
    expect(run.mode).toBe('local');
    await expect(takeSnapshot({ mode: 'local', require: ['gpu'], timeoutMs: 5000 }, { env: {}, collectors: [fixed('os', 'OS', 1)] }))
      .rejects.toThrow('required source unavailable: gpu (the snapshot has no GPU measurement)');
  });

  it('a required source that failed (not absent) exits with the failure\'s code: the cluster\'s 403 is 4, not 3', async () => {
    const refused: Collector = { name: 'k8s', collect: async () => ({ status: 'unavailable', reason: 'Kubernetes RBAC denied "get" on version', code: ErrorCode.Unauthorized }) };
    const absent: Collector = { name: 'gpu', collect: async () => ({ status: 'unavailable', reason: 'nvidia-smi not found on PATH' }) };
    const both = await takeSnapshot({ mode: 'local', require: ['gpu', 'k8s'], timeoutMs: 5000 }, { env: {}, collectors: [refused, absent] }).catch((e: unknown) => e as AicrError);
    expect(both).toBeInstanceOf(AicrError);
    expect([(both as AicrError).exitCode, (both as AicrError).message]).toEqual([4, 'required sources unavailable: gpu (nvidia-smi not found on PATH); k8s (Kubernetes RBAC denied "get" on version)']);
    const onlyAbsent = await takeSnapshot({ mode: 'local', require: ['gpu'], timeoutMs: 5000 }, { env: {}, collectors: [refused, absent] }).catch((e: unknown) => e as AicrError);
    expect((onlyAbsent as AicrError).exitCode).toBe(3);
  });

  it('agent mode hands the settings to the agent, normalizes what it returns and checks --require on it', async () => {
    const settings = {
      namespace: 'gpu-ops', image: 'img', imagePullSecrets: [], jobName: 'aicr', serviceAccountName: 'aicr', nodeSelector: { a: 'b' }, tolerations: [],
      timeoutMs: 1000, keep: false, privileged: true, requireGpu: true, maxNodesPerEntry: 0, debug: false,
    };
    const seen: unknown[] = [];
    const agentSnapshot: Snapshot = {
      measurements: [
        { type: 'GPU', subtypes: [{ subtype: 'smi', data: { 'gpu-count': 8, driver: '570.86.15' } }] },
        { type: 'OS', subtypes: [{ subtype: 'release', data: { VERSION_ID: '24.04', ID: 'ubuntu' } }] },
      ],
    };
    const run = await takeSnapshot({ mode: 'agent', require: ['gpu'], timeoutMs: 1000, agent: settings }, {
      env: {}, runAgent: async (s) => { seen.push(s); return { snapshot: agentSnapshot, origin: 'cm://gpu-ops/aicr-snapshot' }; },
    });
    expect(seen).toEqual([settings]);
    expect(run.origin).toBe('cm://gpu-ops/aicr-snapshot');
    expect(run.snapshot.measurements.map((m) => m.type)).toEqual(['OS', 'GPU']);
    expect(Object.keys(run.snapshot.measurements[0]!.subtypes![0]!.data)).toEqual(['ID', 'VERSION_ID']);
    await expect(takeSnapshot({ mode: 'agent', require: ['k8s'], timeoutMs: 1000, agent: settings }, { env: {}, runAgent: async () => ({ snapshot: agentSnapshot, origin: 'x' }) }))
      .rejects.toThrow('k8s (the snapshot has no K8s measurement)');
  });
});
