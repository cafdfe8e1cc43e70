/**
 * Runs a node tool (nvidia-smi, systemctl) for a collector: no shell, fixed arguments, bounded
 * output, a time limit that ends the tool and everything it started, cancellation, and a
 * one-line reason whenever the tool cannot answer.
 */
import { runBounded } from '../util/child-process.js';

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

/**
 * Runs `command args…` and collects its output. Never throws: a tool that is missing, fails,
 * hangs or floods its output yields `{ ok: false, reason }`, the reason being safe to print.
 */
export async function runCommand(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const shown = printable(command);
  if (options.signal?.aborted) return { ok: false, reason: `${shown} was not started: the snapshot was cancelled`, missing: false };
  const result = await runBounded(command, args, {
    env: options.env ?? process.env,
    timeoutMs,
    maxStdoutBytes: maxBytes,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  switch (result.kind) {
    case 'spawn-failed': {
      const { error } = result;
      if (error.code === 'ENOENT') return { ok: false, reason: `${shown} not found${command.includes('/') ? '' : ' on PATH'}`, missing: true };
      if (error.code === 'EACCES') return { ok: false, reason: `${shown} is not executable`, missing: true };
      return { ok: false, reason: `${shown} could not be started: ${error.message}`, missing: false };
    }
    case 'timeout':
      return { ok: false, reason: `${shown} did not finish within ${formatSeconds(timeoutMs)}`, missing: false };
    case 'too-much-output':
      return { ok: false, reason: `${shown} printed more than ${maxBytes} bytes`, missing: false };
    case 'cancelled':
      return { ok: false, reason: `${shown} was stopped: the snapshot deadline passed or the run was cancelled`, missing: false };
    case 'exited': {
      const errText = result.stderr.toString('utf8');
      if (result.code !== 0) {
        const detail = firstLine(errText) || firstLine(result.stdout.toString('utf8'));
        const how = result.code === null ? `was killed by ${result.signal}` : `exited with code ${result.code}`;
        return { ok: false, reason: `${shown} ${how}${detail ? `: ${detail}` : ''}`, missing: false };
      }
      return { ok: true, stdout: result.stdout.toString('utf8'), stderr: errText };
    }
  }
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
