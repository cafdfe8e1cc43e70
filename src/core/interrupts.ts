/**
 * SIGINT and SIGTERM for a whole run (every CLI command, GitLab job and action): the first signal
 * aborts the run's AbortSignal, so waits end, the snapshot agent deletes what it created and
 * nothing half-written is placed; the run then fails with exit 130 (SIGINT) or 143 (SIGTERM). A
 * second signal stops at once, after removing our temporary files.
 *
 * Temporary files and folders only exist inside synchronous write blocks (written, then renamed
 * in one go), and a signal handler never runs in the middle of one; the registry below is what a
 * forced stop removes should that ever change.
 */
import { rmSync } from 'node:fs';
import { interrupted } from './errors.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof SIGNALS)[number];

const temporaries = new Set<string>();

/** Registers a temporary path until the returned function is called (after its rename or removal). */
export function trackTemporary(path: string): () => void {
  temporaries.add(path);
  return () => temporaries.delete(path);
}

/** Removes every registered temporary path (a forced stop). */
function removeTemporaries(): void {
  for (const path of temporaries) rmSync(path, { recursive: true, force: true });
  temporaries.clear();
}

/** Two event-loop turns: a signal that arrived during the last synchronous work is handled by then. */
const settle = async (): Promise<void> => {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * Runs `work` with an AbortSignal that SIGINT/SIGTERM abort. When a signal came, the result is
 * the interruption (exit 130/143) whatever `work` did, once its cleanup has finished.
 */
export async function runInterruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: StopSignal): void => {
    if (controller.signal.aborted) {
      removeTemporaries();
      process.exit(interrupted(name).exitCode);
    }
    controller.abort(interrupted(name));
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  try {
    let outcome: { value: T } | { error: unknown };
    try {
      outcome = { value: await work(controller.signal) };
    } catch (error) {
      outcome = { error };
    }
    await settle();
    if (controller.signal.aborted) throw controller.signal.reason;
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  } finally {
    for (const name of SIGNALS) process.off(name, onSignal);
  }
}

/** Whether an exit code is an interruption's (the process should end now, whatever is still open). */
export function isInterruptCode(code: number | undefined): boolean {
  return code === 130 || code === 143;
}

/**
 * Ends an interrupted process once what it printed has reached stdout and stderr, whatever still
 * holds the event loop (standard input being read, an open request, a child process).
 */
export function exitInterrupted(code: number): void {
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
