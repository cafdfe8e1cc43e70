/** Whether processes a test started (by pid) have ended: Linux /proc, zombies count as ended. */
import { readFileSync } from 'node:fs';

/** Running (a zombie waiting for its reaper counts as ended). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The pids (one a line) in `file`. */
export function pidsIn(file: string): number[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);
}

/** Waits up to `ms` for every pid to end; the ones still running. */
export async function stillRunning(pids: readonly number[], ms = 5_000): Promise<number[]> {
  const until = Date.now() + ms;
  while (pids.some(running) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  return pids.filter(running);
}
