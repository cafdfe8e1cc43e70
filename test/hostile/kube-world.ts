/**
 * A small cluster for the hostile corpus: the fake API server (in this process) seeded with a
 * stored snapshot, a document to overwrite, a node, pods, a ClusterPolicy and a RuntimeClass, and
 * a simulated agent Job controller; plus the faults the corpus injects, by name.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterPolicy, node, pod, simulateAgentJobs, startFakeKube, type Fault, type FakeKube } from '../fake-kube/index.js';
import { FIXTURES } from '../helpers/paths.js';

export const AGENT_SNAPSHOT = readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8');
export const NODE_NAME = 'gpu-node-1';

export interface World {
  fake: FakeKube;
  dir: string;
  kubeconfig: string;
  close(): Promise<void>;
}

/** Starts and seeds a fresh fake cluster. */
export async function startWorld(): Promise<World> {
  const fake = await startFakeKube();
  const dir = mkdtempSync(join(tmpdir(), 'aicr-hostile-kube-'));
  fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
  fake.create('configmaps', { metadata: { name: 'snap', namespace: 'gpu-ops' }, data: { format: 'yaml', 'snapshot.yaml': AGENT_SNAPSHOT, timestamp: '2026-03-10T20:05:14Z' } });
  fake.create('configmaps', { metadata: { name: 'existing', namespace: 'gpu-ops' }, data: { format: 'yaml', 'snapshot.yaml': 'old: document\n', timestamp: '2026-03-10T20:05:14Z' } });
  fake.create('nodes', node({ name: NODE_NAME, gpus: 8 }));
  fake.create('pods', pod({ name: 'driver-abc', namespace: 'gpu-ops', images: ['nvcr.io/nvidia/driver:580.82.07-ubuntu24.04'] }));
  fake.create('clusterpolicies', clusterPolicy());
  fake.create('runtimeclasses', { metadata: { name: 'nvidia' }, handler: 'nvidia' });
  simulateAgentJobs(fake, { outcome: 'succeed', snapshot: AGENT_SNAPSHOT, logs: ['[agent] collecting'] });
  return { fake, dir, kubeconfig: fake.writeKubeconfig(dir), close: () => fake.close() };
}

/** The faults of the matrix. Persistent ones repeat far past any retry budget. */
export const FAULT_NAMES = ['429', '500', '503', 'reset', 'slow', 'endless', '403', '404', '409'] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

const PERSISTENT = 1000;

/** The fault `name` as injected (409 is the site's own conflict, see the table). */
export function faultFor(name: Exclude<FaultName, '409'>): Fault {
  switch (name) {
    case '429':
      // Retry-After 0: honoured (never sooner), and the case stays fast; kube-faults has a 1 s one too.
      return { status: 429, retryAfter: 0, times: PERSISTENT };
    case '500':
      return { status: 500, times: PERSISTENT };
    case '503':
      return { status: 503, times: PERSISTENT };
    case 'reset':
      return { reset: true, times: PERSISTENT };
    case 'slow':
      return { dripMs: 100, times: PERSISTENT };
    case 'endless':
      return { endlessBody: true, times: PERSISTENT };
    case '403':
      return { status: 403, times: PERSISTENT };
    case '404':
      return { status: 404, times: PERSISTENT };
  }
}

/** Objects of agent runs left in the cluster (anything carrying a run id). */
export function leftovers(fake: FakeKube): string[] {
  const out: string[] = [];
  for (const plural of ['jobs', 'pods', 'serviceaccounts', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings', 'configmaps', 'namespaces']) {
    for (const object of fake.list(plural)) {
      if (object.metadata.labels?.['aicr.nvidia.com/run-id']) out.push(`${plural}/${object.metadata.name}`);
    }
  }
  return out;
}
