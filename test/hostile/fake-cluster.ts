/** Starts fake-cluster-server.ts as a child process and waits for its address. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';
import { scratchDir } from './doors.js';
import type { FakeClusterSeed } from './fake-cluster-server.js';

export interface FakeClusterProcess {
  url: string;
  /** Kubeconfig of a cluster-admin user (the seed's token). */
  kubeconfig: string;
  stop(): Promise<void>;
}

export function startFakeCluster(seed: Omit<FakeClusterSeed, 'dir'> = {}): Promise<FakeClusterProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test', 'hostile', 'fake-cluster-server.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, AICR_FAKE_SEED: JSON.stringify({ ...seed, dir: scratchDir('fake-cluster') }) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stopped = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve, reject) => {
    let text = '';
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`the fake cluster exited early (code ${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (!text.includes('\n')) return;
      const { url, kubeconfig } = JSON.parse(text.slice(0, text.indexOf('\n'))) as { url: string; kubeconfig: string };
      resolve({ url, kubeconfig, stop: () => (child.stdin.end(), stopped) });
    });
  });
}
