/** Per-test setup for code that talks to the fake API server through the real client. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { resetKubeClients } from '../../src/core/kube/client.js';
import { startFakeKube, type FakeKube, type FakeKubeOptions } from './server.js';

export interface FakeCluster {
  fake: FakeKube;
  /** Kubeconfig of the cluster admin (token admin-token). */
  kubeconfig: string;
  dir: string;
  /** Kubeconfig for another token. */
  kubeconfigFor(token: string): string;
}

/** Starts a fresh fake cluster before each test of the calling file and stops it after. */
export function useFakeCluster(options: FakeKubeOptions = {}): FakeCluster {
  const cluster = {} as FakeCluster;
  beforeEach(async () => {
    resetKubeClients();
    cluster.dir = mkdtempSync(join(tmpdir(), 'aicr-kube-'));
    cluster.fake = await startFakeKube(options);
    cluster.kubeconfig = cluster.fake.writeKubeconfig(cluster.dir);
    cluster.kubeconfigFor = (token: string) => cluster.fake.writeKubeconfig(cluster.dir, { token, file: `kubeconfig-${token}` });
  });
  afterEach(async () => {
    await cluster.fake.close();
    rmSync(cluster.dir, { recursive: true, force: true });
    resetKubeClients();
  });
  return cluster;
}
