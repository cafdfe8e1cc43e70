/**
 * The Kubernetes fault matrix: every call site we have × 429 (Retry-After), 500, 503, a reset
 * connection, a slow answer (a drip past the deadline), an endless body, 403, 404 and 409, each
 * ending with its documented exit code and a message that names what failed. The whole matrix
 * runs against the core functions (fast, in this process); every call site also runs once
 * through a door (the bundled CLI, an action, a GitLab job), faults rotating over the sites.
 *
 * Expected, unless a site's semantics say otherwise (the table's overrides): 429 retried (never
 * sooner than Retry-After) then 7; 500/503/reset retried then 6; slow 5; endless body 6 (a
 * cluster answer past its cap), 2 for a ConfigMap we were told to read; 403 4 naming the RBAC
 * verb and resource; 404 3; 409 8 where no conflict is expected. Where a conflict is expected it
 * is handled: a create whose answer was lost meets its own object (0), a replace meets another
 * writer's result and leaves it alone (2). Failures of partial measurements, diagnosis and
 * cleanup are warnings (0).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeFor, formatError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';
import { runSnapshotAgent, type SnapshotAgentOptions } from '../../src/core/kube/agent/index.js';
import { resetKubeClients } from '../../src/core/kube/client.js';
import { claimConfigMap, readConfigMapDocument, writeConfigMapDocument } from '../../src/core/kube/configmap.js';
import { parseConfigMapUri } from '../../src/core/location.js';
import { renderOptionRefs } from '../../src/core/option-refs.js';
import { kubernetesCollectors } from '../../src/core/snapshot/collectors/k8s.js';
import { takeSnapshot, type CollectorName } from '../../src/core/snapshot/index.js';
import type { Fault } from '../fake-kube/index.js';
import { actionAsync, cliAsync, gitlabAsync, type DoorRun } from './doors.js';
import { FAULT_NAMES, NODE_NAME, faultFor, leftovers, startWorld, type FaultName, type World } from './kube-world.js';

/**
 * The deadline of every Kubernetes call: 3 s (attempts of 1 s, backoff from 13 ms) leaves room
 * for a busy machine; a slow case waits its deadline out, so it gets 2 s.
 */
const envFor = (fault: FaultName): NodeJS.ProcessEnv => ({ AICR_REQUEST_TIMEOUT: fault === 'slow' ? '2s' : '3s', NODE_NAME });
/** The agent waits this long for its Job (a watch that never delivers ends here). */
const AGENT_TIMEOUT = '3s';

type Door = 'cli' | 'action' | 'gitlab';
interface Expectation {
  code: number;
  /** Text the error or the log shows ('' for nothing in particular). */
  says: string;
}

/** What a site does (the family decides how the core function and the doors reach it). */
type Family =
  | { kind: 'configmap-read' }
  | { kind: 'configmap-claim' }
  | { kind: 'configmap-write'; target: 'new' | 'existing' }
  | { kind: 'snapshot'; require: CollectorName }
  | { kind: 'agent'; namespace?: string; runtimeClass?: boolean; debug?: boolean };

interface Site {
  id: string;
  family: Family;
  /** Which requests the fault hits. */
  match: Pick<Fault, 'verb' | 'resource' | 'path'>;
  /** For the 403 message: the verb and resource (with group) as RBAC names them. */
  rbac: string;
  /** Faults injected first, to reach the site (a 410 before the re-list). */
  before?: Fault[];
  /** Faults injected first in the door case only (the door's run takes another path there). */
  doorBefore?: Fault[];
  /** The conflict this site can meet (default: an unexpected 409 Conflict, exit 8). */
  conflict?: { fault: Fault; expect: Expectation };
  /** Outcomes that differ from the defaults. */
  expect?: Partial<Record<FaultName, Expectation>>;
  /** A failure here is only a warning (partial measurement, cleanup, diagnosis): exit 0, saying `says`. */
  tolerated?: string;
  /** The door case: which door, which fault. */
  door: [Door, FaultName];
}

const handledByRetry = (says = ''): Expectation => ({ code: 0, says });
/** A create whose first answer was lost: the retried create meets its own object (409 AlreadyExists). */
const lostCreate = (match: Site['match'], says = ''): Site['conflict'] => ({ fault: { ...match, dropResponse: true, times: 1 }, expect: handledByRetry(says) });
const cleanupProblem = 'cleanup left 1 object(s) in the cluster';

const SITES: Site[] = [
  // ConfigMaps (kube/configmap.ts)
  { id: 'configmap get (read a document)', family: { kind: 'configmap-read' }, match: { verb: 'get', resource: 'configmaps' }, rbac: '"get" on configmaps', expect: { endless: { code: 2, says: 'is larger than 3145728 bytes (3 MiB)' }, '404': { code: 3, says: 'ConfigMap cm://gpu-ops/snap does not exist' } }, door: ['cli', '404'] },
  { id: 'configmap get (the claim before writing)', family: { kind: 'configmap-claim' }, match: { verb: 'get', resource: 'configmaps' }, rbac: '"get" on configmaps', expect: { endless: { code: 2, says: 'is larger than 3145728 bytes (3 MiB)' }, '404': handledByRetry(), '403': handledByRetry() }, door: ['cli', '429'] },
  { id: 'configmap create', family: { kind: 'configmap-write', target: 'new' }, match: { verb: 'create', resource: 'configmaps' }, rbac: '"create" on configmaps', conflict: lostCreate({ verb: 'create', resource: 'configmaps' }), door: ['gitlab', '409'] },
  // Without a claim (or when it could not read: 403) the write reads the ConfigMap before replacing it.
  { id: 'configmap get (before replacing)', family: { kind: 'configmap-write', target: 'existing' }, match: { verb: 'get', resource: 'configmaps' }, doorBefore: [{ verb: 'get', resource: 'configmaps', status: 403, times: 1 }], rbac: '"get" on configmaps', expect: { endless: { code: 2, says: 'is larger than 3145728 bytes (3 MiB)' } }, door: ['action', 'endless'] },
  // A 409 on the replace is another writer's result: left alone, and the run says so (exit 2).
  { id: 'configmap replace', family: { kind: 'configmap-write', target: 'existing' }, match: { verb: 'update', resource: 'configmaps' }, rbac: '"update" on configmaps', conflict: { fault: { verb: 'update', resource: 'configmaps', status: 409, times: 1 }, expect: { code: 2, says: 'was written by another process while this run was working' } }, door: ['cli', '403'] },
  // The K8s and NodeTopology collectors (snapshot/collectors/)
  { id: 'version get (K8s collector)', family: { kind: 'snapshot', require: 'k8s' }, match: { path: '/version' }, rbac: '"get" on version', door: ['gitlab', 'slow'] },
  { id: 'pods list (K8s collector)', family: { kind: 'snapshot', require: 'k8s' }, match: { verb: 'list', resource: 'pods' }, rbac: '"list" on pods', tolerated: 'cannot list pods', door: ['cli', '500'] },
  { id: 'clusterpolicies list (K8s collector)', family: { kind: 'snapshot', require: 'k8s' }, match: { verb: 'list', resource: 'clusterpolicies' }, rbac: '"list" on clusterpolicies.nvidia.com', tolerated: 'cannot list GPU Operator ClusterPolicies', expect: { '404': { code: 0, says: 'the NVIDIA GPU Operator is not installed' } }, door: ['action', '403'] },
  { id: 'node get (K8s collector)', family: { kind: 'snapshot', require: 'k8s' }, match: { verb: 'get', resource: 'nodes' }, rbac: '"get" on nodes', tolerated: `cannot read node "${NODE_NAME}"`, expect: { '404': { code: 0, says: `no node named "${NODE_NAME}"` } }, door: ['cli', 'endless'] },
  { id: 'nodes list (NodeTopology collector)', family: { kind: 'snapshot', require: 'topology' }, match: { verb: 'list', resource: 'nodes' }, rbac: '"list" on nodes', door: ['cli', '429'] },
  // The agent (kube/agent/): checks, creates, the wait, the result, diagnosis and cleanup
  { id: 'selfsubjectaccessreviews create', family: { kind: 'agent' }, match: { verb: 'create', resource: 'selfsubjectaccessreviews' }, rbac: '"create" on selfsubjectaccessreviews.authorization.k8s.io', door: ['gitlab', '403'] },
  { id: 'runtimeclasses get', family: { kind: 'agent', runtimeClass: true }, match: { verb: 'get', resource: 'runtimeclasses' }, rbac: '"get" on runtimeclasses.node.k8s.io', expect: { '404': { code: 3, says: 'RuntimeClass "nvidia" does not exist' } }, door: ['cli', '404'] },
  { id: 'namespace get', family: { kind: 'agent' }, match: { verb: 'get', resource: 'namespaces' }, rbac: '"get" on namespaces', expect: { '403': handledByRetry(), '404': handledByRetry() }, door: ['action', '503'] },
  { id: 'namespace create', family: { kind: 'agent', namespace: 'fresh' }, match: { verb: 'create', resource: 'namespaces' }, rbac: '"create" on namespaces', conflict: lostCreate({ verb: 'create', resource: 'namespaces' }), door: ['cli', '409'] },
  ...(['serviceaccounts', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings', 'jobs'] as const).map((resource, index): Site => {
    const group = resource === 'jobs' ? 'batch' : resource === 'serviceaccounts' ? '' : 'rbac.authorization.k8s.io';
    const doors: Array<[Door, FaultName]> = [['cli', 'reset'], ['gitlab', '429'], ['cli', 'slow'], ['action', '409'], ['cli', '500'], ['gitlab', 'endless']];
    return { id: `${resource} create`, family: { kind: 'agent' }, match: { verb: 'create', resource }, rbac: `"create" on ${resource}${group ? `.${group}` : ''}`, conflict: lostCreate({ verb: 'create', resource }), door: doors[index]! };
  }),
  { id: 'jobs watch', family: { kind: 'agent' }, match: { verb: 'watch', resource: 'jobs' }, rbac: '"watch" on jobs.batch', expect: { slow: { code: 5, says: 'did not complete within 3s' }, endless: { code: 6, says: 'one watch event' } }, door: ['cli', 'endless'] },
  { id: 'jobs list (re-list after 410)', family: { kind: 'agent' }, match: { verb: 'list', resource: 'jobs' }, before: [{ verb: 'watch', resource: 'jobs', watchExpired: true, times: 1000 }], rbac: '"list" on jobs.batch', expect: { slow: { code: 5, says: '' } }, door: ['gitlab', '500'] },
  { id: 'pods list (the agent pod)', family: { kind: 'agent' }, match: { verb: 'list', resource: 'pods' }, rbac: '"list" on pods', tolerated: '', door: ['cli', '403'] },
  { id: 'pods/log get', family: { kind: 'agent', debug: true }, match: { verb: 'get', resource: 'pods/log' }, rbac: '"get" on pods/log', tolerated: 'could not read the agent log', door: ['cli', 'slow'] },
  { id: 'configmap get (the agent result)', family: { kind: 'agent' }, match: { verb: 'get', resource: 'configmaps' }, rbac: '"get" on configmaps', expect: { endless: { code: 2, says: 'is larger than 3145728 bytes (3 MiB)' }, '404': { code: 8, says: 'the agent Job completed but left no snapshot' } }, door: ['action', '404'] },
  ...(['jobs', 'serviceaccounts', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings', 'configmaps'] as const).map((resource, index): Site => {
    const doors: Array<[Door, FaultName]> = [['cli', '403'], ['gitlab', '500'], ['cli', 'reset'], ['action', 'slow'], ['cli', '429'], ['gitlab', '409'], ['cli', 'endless']];
    return { id: `${resource} delete (cleanup)`, family: { kind: 'agent' }, match: { verb: 'delete', resource }, rbac: '', tolerated: cleanupProblem, expect: { '404': handledByRetry('removed') }, door: doors[index]! };
  }),
  { id: 'namespaces delete (cleanup)', family: { kind: 'agent', namespace: 'fresh' }, match: { verb: 'delete', resource: 'namespaces' }, rbac: '', tolerated: cleanupProblem, expect: { '404': handledByRetry('removed') }, door: ['gitlab', '503'] },
];

function expectationFor(site: Site, fault: FaultName): Expectation {
  const override = site.expect?.[fault];
  if (override) return override;
  if (fault === '409' && site.conflict) return site.conflict.expect;
  if (site.tolerated !== undefined) return { code: 0, says: site.tolerated };
  switch (fault) {
    case '429':
      return { code: 7, says: 'kept answering 429' };
    case '500':
      return { code: 6, says: 'the API server answered 500' };
    case '503':
      return { code: 6, says: 'the API server answered 503' };
    case 'reset':
      return { code: 6, says: 'cannot reach the Kubernetes API server' };
    case 'slow':
      return { code: 5, says: 'no answer within' };
    case 'endless':
      return { code: 6, says: 'is larger than' };
    case '403':
      return { code: 4, says: `Kubernetes RBAC denied ${site.rbac}` };
    case '404':
      return { code: 3, says: 'injected fault' };
    case '409':
      return { code: 8, says: 'Operation cannot be fulfilled' };
  }
}

function inject(world: World, site: Site, fault: FaultName, door = false): void {
  for (const before of [...(door ? site.doorBefore ?? [] : []), ...(site.before ?? [])]) world.fake.inject(before);
  if (fault === '409') world.fake.inject(site.conflict?.fault ?? { ...site.match, status: 409, times: 1 });
  else world.fake.inject({ ...site.match, ...faultFor(fault) });
}

// ---------------------------------------------------------------- the core functions

interface Outcome {
  code: number;
  /** The error and every log line. */
  text: string;
}

function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
  return { lines, debug: push('debug'), info: push('info'), notice: push('notice'), warning: push('warning'), error: push('error'), group: async (_name, run) => run() };
}

async function runCore(world: World, site: Site, fault: FaultName): Promise<Outcome> {
  const logger = capture();
  const env = envFor(fault);
  const { family } = site;
  try {
    switch (family.kind) {
      case 'configmap-read':
        await readConfigMapDocument(parseConfigMapUri('cm://gpu-ops/snap', 'snapshot'), { kubeconfig: world.kubeconfig, env, input: 'snapshot' });
        break;
      case 'configmap-claim':
        await claimConfigMap(parseConfigMapUri('cm://gpu-ops/existing', 'output'), { kubeconfig: world.kubeconfig, env, input: 'output' });
        break;
      case 'configmap-write':
        await writeConfigMapDocument(parseConfigMapUri(`cm://gpu-ops/${family.target}`, 'output'), 'kind: RecipeResult\napiVersion: aicr.run/v1\n', { kubeconfig: world.kubeconfig, env, input: 'output' });
        break;
      case 'snapshot': {
        const collectors = await kubernetesCollectors({ kubeconfig: world.kubeconfig, sources: ['k8s', 'topology'] });
        await takeSnapshot({ mode: 'local', require: [family.require], timeoutMs: 60_000 }, { env, logger, collectors });
        break;
      }
      case 'agent': {
        const options: SnapshotAgentOptions = { kubeconfig: world.kubeconfig, namespace: family.namespace ?? 'gpu-ops', timeoutMs: 3_000, ...(family.runtimeClass ? { runtimeClass: 'nvidia' } : {}), ...(family.debug ? { debug: true } : {}) };
        await runSnapshotAgent(options, { env, logger });
        break;
      }
    }
    return { code: 0, text: logger.lines.join('\n') };
  } catch (error) {
    return { code: exitCodeFor(error), text: `${renderOptionRefs(formatError(error))}\n${logger.lines.join('\n')}` };
  }
}

// ---------------------------------------------------------------- the doors

async function runDoor(world: World, site: Site, door: Door, fault: FaultName): Promise<DoorRun> {
  const env = envFor(fault);
  const kubeconfig = world.kubeconfig;
  const { family } = site;
  switch (family.kind) {
    case 'configmap-read':
      if (door === 'cli') return cliAsync(['recipe', '--snapshot', 'cm://gpu-ops/snap', '-k', kubeconfig], { env }).done;
      if (door === 'action') return actionAsync('recipe', { snapshot: 'cm://gpu-ops/snap', kubeconfig }, { env }).done;
      return gitlabAsync('recipe', { snapshot: 'cm://gpu-ops/snap', kubeconfig }, { env }).done;
    case 'configmap-claim':
    case 'configmap-write': {
      const output = `cm://gpu-ops/${family.kind === 'configmap-write' ? family.target : 'existing'}`;
      if (door === 'cli') return cliAsync(['recipe', '--service', 'eks', '-o', output, '-k', kubeconfig], { env }).done;
      if (door === 'action') return actionAsync('recipe', { service: 'eks', output, kubeconfig }, { env }).done;
      return gitlabAsync('recipe', { service: 'eks', output, kubeconfig }, { env }).done;
    }
    case 'snapshot':
      if (door === 'cli') return cliAsync(['snapshot', '--local', '-k', kubeconfig, '--require', family.require, '-o', 'snapshot.yaml'], { env }).done;
      if (door === 'action') return actionAsync('snapshot', { kubeconfig, require: family.require }, { env }).done;
      return gitlabAsync('snapshot', { kubeconfig, require: family.require }, { env }).done;
    case 'agent': {
      const namespace = family.namespace ?? 'gpu-ops';
      if (door === 'cli') {
        const argv = ['snapshot', '--agent', '-k', kubeconfig, '-n', namespace, '--timeout', AGENT_TIMEOUT, '-o', 'snapshot.yaml'];
        if (family.runtimeClass) argv.push('--runtime-class', 'nvidia');
        if (family.debug) argv.push('--debug');
        return cliAsync(argv, { env }).done;
      }
      const inputs: Record<string, string> = { agent: 'true', kubeconfig, namespace, timeout: AGENT_TIMEOUT };
      if (family.runtimeClass) inputs['runtime-class'] = 'nvidia';
      if (door === 'action') return actionAsync('snapshot', inputs, { env: { ...env, ...(family.debug ? { RUNNER_DEBUG: '1' } : {}) } }).done;
      return gitlabAsync('snapshot', inputs, { env: { ...env, ...(family.debug ? { AICR_DEBUG: 'true' } : {}) } }).done;
    }
  }
}

// ---------------------------------------------------------------- the matrix

// The Kubernetes module loads once, before the concurrent cases start their clocks.
beforeAll(async () => {
  const world = await startWorld();
  await readConfigMapDocument(parseConfigMapUri('cm://gpu-ops/snap', 'snapshot'), { kubeconfig: world.kubeconfig });
  await world.close();
});
afterAll(() => resetKubeClients());

describe('kube-faults', () => {
  it('the table covers every call site once through a door and every fault through some door', () => {
    expect(SITES).toHaveLength(33);
    const doorFaults = new Set(SITES.map((site) => site.door[1]));
    expect([...FAULT_NAMES].filter((fault) => !doorFaults.has(fault))).toEqual([]);
    expect(new Set(SITES.map((site) => site.door[0]))).toEqual(new Set(['cli', 'action', 'gitlab']));
  });

  /** One core case: a fresh cluster, the fault, the run, the expected code and words. */
  const coreCase = (site: Site, fault: FaultName): void => {
    const expected = expectationFor(site, fault);
    it(`${site.id} × ${fault} → ${expected.code}`, async () => {
      const world = await startWorld();
      try {
        inject(world, site, fault);
        const outcome = await runCore(world, site, fault);
        expect({ code: outcome.code, says: outcome.text.includes(expected.says) }, outcome.text).toEqual({ code: expected.code, says: true });
        // Whatever failed, the run removed what it created (unless cleanup itself was the target).
        if (site.family.kind === 'agent' && !site.id.includes('(cleanup)')) expect(leftovers(world.fake)).toEqual([]);
      } finally {
        await world.close();
      }
    });
  };

  // An endless list page runs up to its 64 MiB cap, which keeps the CPU busy long enough to
  // starve the deadlines of cases running beside it (server and client share this process):
  // those run one at a time; everything else concurrently, each case on its own cluster.
  const heavy = (site: Site, fault: FaultName): boolean => fault === 'endless' && site.match.verb === 'list';
  describe.concurrent('core functions: call site × fault', () => {
    for (const site of SITES) for (const fault of FAULT_NAMES) if (!heavy(site, fault)) coreCase(site, fault);
  });
  describe('core functions: list call sites × endless body', () => {
    for (const site of SITES) if (heavy(site, 'endless')) coreCase(site, 'endless');
  });

  describe.concurrent('doors: each call site once', () => {
    for (const site of SITES) {
      const [door, fault] = site.door;
      const expected = expectationFor(site, fault);
      it(`${door}: ${site.id} × ${fault} → ${expected.code}`, async () => {
        const world = await startWorld();
        try {
          inject(world, site, fault, true);
          const run = await runDoor(world, site, door, fault);
          expect({ code: run.code, says: run.log.includes(expected.says) }, run.log).toEqual({ code: expected.code, says: true });
          if (expected.code !== 0 && door === 'action') expect(run.log).toMatch(/::error::/);
          // A token never reaches the log, whatever failed.
          expect(run.log).not.toContain('admin-token');
        } finally {
          await world.close();
        }
      });
    }
  });

  it('cli: a 429 with Retry-After: 1 is retried no sooner than a second later, then succeeds', async () => {
    const world = await startWorld();
    try {
      world.fake.inject({ verb: 'get', resource: 'configmaps', status: 429, retryAfter: 1, times: 1 });
      const started = Date.now();
      const run = await cliAsync(['recipe', '--snapshot', 'cm://gpu-ops/snap', '-k', world.kubeconfig], { env: { AICR_REQUEST_TIMEOUT: '10s' } }).done;
      expect(run.code, run.log).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(world.fake.requestsFor('get', 'configmaps').map((r) => r.status)).toEqual([429, 200]);
    } finally {
      await world.close();
    }
  });

  it('gitlab: a 429 whose Retry-After lies past the deadline ends at once with 7, saying so', async () => {
    const world = await startWorld();
    try {
      world.fake.inject({ verb: 'get', resource: 'configmaps', status: 429, retryAfter: 30, times: 1000 });
      const started = Date.now();
      const run = await gitlabAsync('recipe', { snapshot: 'cm://gpu-ops/snap', kubeconfig: world.kubeconfig }, { env: { AICR_REQUEST_TIMEOUT: '5s' } }).done;
      expect([run.code, run.log]).toEqual([7, expect.stringContaining('asked to retry after 30 s, past the 5 s deadline')]);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await world.close();
    }
  });
});
