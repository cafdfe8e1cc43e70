/**
 * Runs a node tool (nvidia-smi, systemctl) for a collector: no shell, fixed arguments, bounded
 * output, a time limit, cancellation, and a one-line reason whenever the tool cannot answer.
 */
import { spawn } from 'node:child_process';

export interface CommandOptions {
  /** Environment of the child; its PATH is used to find the command. */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Time limit in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Largest accepted stdout in bytes (default 16 MiB). */
  maxBytes?: number;
}

export type CommandOutcome =
  | { ok: true; stdout: string; stderr: string }
  | { ok: false; reason: string; missing: boolean };

const MAX_STDERR = 64 * 1024;

/**
 * Runs `command args…` and collects its output. Never throws: a tool that is missing, fails,
 * hangs or floods its output yields `{ ok: false, reason }`, the reason being safe to print.
 */
export function runCommand(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const shown = printable(command);
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve({ ok: false, reason: `${shown} was not started: the snapshot was cancelled`, missing: false });
      return;
    }
    let settled = false;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let stopReason: string | undefined;
    // Its own process group, so a stop also ends anything the tool started (a wrapper script's
    // children would otherwise keep the pipes open).
    const child = spawn(command, [...args], {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
      detached: true,
    });
    const finish = (outcome: CommandOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const stop = (reason: string): void => {
      stopReason ??= reason;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      finish({ ok: false, reason: stopReason, missing: false });
    };
    const onAbort = (): void => stop(`${shown} was stopped: the snapshot deadline passed or the run was cancelled`);
    const timer = setTimeout(() => stop(`${shown} did not finish within ${formatSeconds(timeoutMs)}`), timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxBytes) stop(`${shown} printed more than ${maxBytes} bytes`);
      else stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes < MAX_STDERR) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') finish({ ok: false, reason: `${shown} not found${command.includes('/') ? '' : ' on PATH'}`, missing: true });
      else if (error.code === 'EACCES') finish({ ok: false, reason: `${shown} is not executable`, missing: true });
      else finish({ ok: false, reason: `${shown} could not be started: ${error.message}`, missing: false });
    });
    child.on('close', (code, signal) => {
      const errText = Buffer.concat(stderr).toString('utf8');
      if (stopReason) {
        finish({ ok: false, reason: stopReason, missing: false });
      } else if (code !== 0) {
        const detail = firstLine(errText) || firstLine(Buffer.concat(stdout).toString('utf8'));
        const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`;
        finish({ ok: false, reason: `${shown} ${how}${detail ? `: ${detail}` : ''}`, missing: false });
      } else {
        finish({ ok: true, stdout: Buffer.concat(stdout).toString('utf8'), stderr: errText });
      }
    });
  });
}

/** The first non-empty line, without control characters and at most 300 characters long. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
  return printable(line).slice(0, 300);
}

function printable(text: string): string {
   
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
