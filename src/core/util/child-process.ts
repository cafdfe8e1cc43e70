/**
 * Every child process we start (nvidia-smi, systemctl, helm, kubeconfig credential plugins) goes
 * through here, so none of them — nor anything they start — outlives its time limit or floods
 * memory:
 * - it runs in its own process group (detached), and ending it ends the whole group: SIGTERM,
 *   then SIGKILL after a short grace;
 * - the result comes from its 'exit', never from the pipes closing (a grandchild left running in
 *   the background can hold stdout open forever): after the exit the pipes get a moment to
 *   drain, then the group is ended and the streams destroyed;
 * - captured output is capped (stdout: fail or truncate, as the caller says; stderr: truncated).
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface BoundedRunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Time limit of the whole run in milliseconds. */
  timeoutMs: number;
  /** Largest stdout kept, in bytes. */
  maxStdoutBytes: number;
  /** `fail`: more stdout than that ends the run (`too-much-output`); `truncate`: the rest is dropped. */
  stdoutOverflow?: 'fail' | 'truncate';
  /** Largest stderr kept (the rest is dropped; default 64 KiB). */
  maxStderrBytes?: number;
  /** Ends the run (`cancelled`). */
  signal?: AbortSignal;
  /** Pause between SIGTERM and SIGKILL of the group (default 1 s). */
  killGraceMs?: number;
}

interface Captured {
  stdout: Buffer;
  stderr: Buffer;
}

export type BoundedRunResult =
  | ({ kind: 'exited'; code: number | null; signal: NodeJS.Signals | null } & Captured)
  | ({ kind: 'timeout' } & Captured)
  | ({ kind: 'too-much-output' } & Captured)
  | ({ kind: 'cancelled' } & Captured)
  | { kind: 'spawn-failed'; error: NodeJS.ErrnoException };

/** How long the pipes may stay open after the process exited (data still in flight). */
const DRAIN_MS = 100;
const DEFAULT_STDERR_BYTES = 64 * 1024;

/** Sends `signal` to every process of the group `pid` leads; false when none is left. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the group now, SIGKILL to whatever is left of it after `graceMs`. */
function endProcessGroup(pid: number, graceMs: number): void {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const started = Date.now();
  // Poll instead of one long timer: the process may exit at once, and a pending timer would
  // keep a finished CLI alive for the whole grace.
  const poll = setInterval(() => {
    if (!signalGroup(pid, 0)) clearInterval(poll);
    else if (Date.now() - started >= graceMs) {
      signalGroup(pid, 'SIGKILL');
      clearInterval(poll);
    }
  }, Math.min(50, graceMs));
}

/** Runs `command args…` (no shell) under the bounds above; never rejects. */
export function runBounded(command: string, args: readonly string[], options: BoundedRunOptions): Promise<BoundedRunResult> {
  const maxStderr = options.maxStderrBytes ?? DEFAULT_STDERR_BYTES;
  const grace = options.killGraceMs ?? 1000;
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    if (options.signal?.aborted) return resolve({ kind: 'cancelled', stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) });
    let child: ChildProcess;
    try {
      child = spawn(command, [...args], {
        ...(options.cwd ? { cwd: options.cwd } : {}),
        env: options.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
        detached: true,
      });
    } catch (error) {
      // Arguments spawn refuses outright (a NUL byte in the command).
      return resolve({ kind: 'spawn-failed', error: error as NodeJS.ErrnoException });
    }
    let settled = false;
    let drainTimer: NodeJS.Timeout | undefined;
    const captured = (): Captured => ({ stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
    const finish = (result: BoundedRunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(drainTimer);
      options.signal?.removeEventListener('abort', onAbort);
      // Whatever is left of the group (a background grandchild) ends with the run.
      if (child.pid !== undefined) endProcessGroup(child.pid, grace);
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve(result);
    };
    const onAbort = (): void => finish({ kind: 'cancelled', ...captured() });
    const timer = setTimeout(() => finish({ kind: 'timeout', ...captured() }), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout!.on('data', (chunk: Buffer) => {
      const room = options.maxStdoutBytes - stdoutBytes;
      stdoutBytes += chunk.length;
      if (chunk.length <= room) stdout.push(chunk);
      else if (options.stdoutOverflow === 'truncate') {
        if (room > 0) stdout.push(chunk.subarray(0, room));
      } else finish({ kind: 'too-much-output', ...captured() });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      const room = maxStderr - stderrBytes;
      if (room > 0) stderr.push(chunk.length <= room ? chunk : chunk.subarray(0, room));
      stderrBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'spawn-failed', error }));
    child.on('exit', (code, signal) => {
      const done = (): void => finish({ kind: 'exited', code, signal, ...captured() });
      let open = [child.stdout!, child.stderr!].filter((stream) => !stream.closed).length;
      if (open === 0) return done();
      for (const stream of [child.stdout!, child.stderr!]) {
        if (!stream.closed) stream.once('close', () => --open === 0 && done());
      }
      drainTimer = setTimeout(done, DRAIN_MS);
    });
  });
}
