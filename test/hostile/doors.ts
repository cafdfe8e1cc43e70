/**
 * The three doors as users meet them, for the hostile corpus: the bundled CLI (bin/aicr.js),
 * each action's committed build through the runner contract, and a GitLab component's job
 * (its inputs as AICR_INPUT_* variables read by `aicr <command> --inputs-from-env`, exactly
 * the script every component runs). Each run gets a fresh workspace as its working directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputVariable } from '../../src/gitlab/inputs.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { prepareActionRun, runActionBuild, type RunnerStep } from '../helpers/runner.js';

type Door = 'cli' | 'action' | 'gitlab';

/**
 * One run through a door, in the runner's terms: for the CLI the outputs are empty; for GitLab
 * `outputText` is the dotenv report and `outputs` its variables.
 */
export interface DoorRun extends RunnerStep {
  door: Door;
  /** The signal that ended the process when it did not exit by itself (async doors). */
  signal?: NodeJS.Signals | null;
}

export interface DoorOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  cwd?: string;
  timeoutMs?: number;
}

/** A fresh, empty folder for one case. */
export function scratchDir(prefix = 'case'): string {
  return mkdtempSync(join(tmpdir(), `aicr-hostile-${prefix}-`));
}

/** The bundled CLI, as `aicr …` runs it. */
export function cli(argv: string[], options: DoorOptions = {}): DoorRun {
  const workspace = options.cwd ?? scratchDir('cli');
  const child = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'aicr.js'), ...argv], {
    cwd: workspace,
    input: options.stdin ?? '',
    env: { PATH: process.env.PATH, HOME: workspace, ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  return { door: 'cli', code: child.status, stdout: child.stdout, stderr: child.stderr, log: child.stdout + child.stderr, workspace, outputText: '', outputs: {}, summary: '' };
}

/** An action's committed build through the runner contract. */
export function action(name: string, inputs: Record<string, string>, options: DoorOptions = {}): DoorRun {
  const step: RunnerStep = runActionBuild(name, inputs, { env: options.env, cwd: options.cwd ?? scratchDir(`action-${name}`), timeoutMs: options.timeoutMs });
  return { door: 'action', ...step };
}

/** A door's process while it runs (the async doors): for sending signals once its work has provably started. */
export interface RunningDoor {
  workspace: string;
  pid: number;
  /** stdout and stderr so far. */
  log(): string;
  kill(signal: NodeJS.Signals): void;
  /** The run once the process has ended, shaped like the synchronous doors' result. */
  done: Promise<DoorRun>;
}

/** Starts `node args…` and collects its output; killed with SIGKILL after `timeoutMs` so no test hangs. */
function start(args: string[], cwd: string, env: NodeJS.ProcessEnv, stdin: string | undefined, timeoutMs: number, finish: (code: number | null, stdout: string, stderr: string) => Omit<DoorRun, 'signal'>): RunningDoor {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // stdin stays open unless text is given: a run that reads it waits, as on a terminal.
  if (stdin !== undefined) child.stdin.end(stdin);
  child.stdin.on('error', () => undefined);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<DoorRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ ...finish(code, stdout, stderr), signal });
    });
  });
  return { workspace: cwd, pid: child.pid!, log: () => stdout + stderr, kill: (signal) => child.kill(signal), done };
}

/** The bundled CLI as a running process. */
export function cliAsync(argv: string[], options: DoorOptions = {}): RunningDoor {
  const workspace = options.cwd ?? scratchDir('cli');
  return start([join(REPO_ROOT, 'bin', 'aicr.js'), ...argv], workspace, { PATH: process.env.PATH, HOME: workspace, ...options.env }, options.stdin, options.timeoutMs ?? 60_000,
    (code, stdout, stderr) => ({ door: 'cli', code, stdout, stderr, log: stdout + stderr, workspace, outputText: '', outputs: {}, summary: '' }));
}

/** An action's committed build as a running process. */
export function actionAsync(name: string, inputs: Record<string, string>, options: DoorOptions = {}): RunningDoor {
  const launch = prepareActionRun(name, inputs, { env: options.env, cwd: options.cwd ?? scratchDir(`action-${name}`) });
  return start(launch.args, launch.workspace, launch.env, options.stdin, options.timeoutMs ?? 60_000, (code, stdout, stderr) => ({ door: 'action', ...launch.finish(code, stdout, stderr) }));
}

/** A GitLab component's job script as a running process. */
export function gitlabAsync(command: string, inputs: Record<string, string>, options: DoorOptions = {}): RunningDoor {
  const workspace = options.cwd ?? scratchDir(`gitlab-${command}`);
  const dotenv = `aicr-${command}.env`;
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value]));
  return start([join(REPO_ROOT, 'bin', 'aicr.js'), command, '--inputs-from-env', '--dotenv', dotenv], workspace, { PATH: process.env.PATH, HOME: workspace, CI: 'true', GITLAB_CI: 'true', ...options.env, ...inputEnv }, options.stdin, options.timeoutMs ?? 60_000,
    (code, stdout, stderr) => {
      const path = join(workspace, dotenv);
      const outputText = existsSync(path) ? readFileSync(path, 'utf8') : '';
      return { door: 'gitlab', code, stdout, stderr, log: stdout + stderr, workspace, outputText, outputs: dotenvValues(outputText), summary: '' };
    });
}

function dotenvValues(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/** Waits until `condition` holds (checked every 10 ms), failing after `timeoutMs`: for states a test can observe, never a fixed sleep. */
export async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A GitLab component's job script: `aicr <command> --inputs-from-env --dotenv aicr-<command>.env`. */
export function gitlab(command: string, inputs: Record<string, string>, options: DoorOptions = {}): DoorRun {
  const workspace = options.cwd ?? scratchDir(`gitlab-${command}`);
  const dotenv = `aicr-${command}.env`;
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value]));
  const child = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'aicr.js'), command, '--inputs-from-env', '--dotenv', dotenv], {
    cwd: workspace,
    input: options.stdin ?? '',
    env: { PATH: process.env.PATH, HOME: workspace, CI: 'true', GITLAB_CI: 'true', ...options.env, ...inputEnv },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  const path = join(workspace, dotenv);
  const outputText = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const outputs = Object.fromEntries(outputText.split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  return { door: 'gitlab', code: child.status, stdout: child.stdout, stderr: child.stderr, log: child.stdout + child.stderr, workspace, outputText, outputs, summary: '' };
}
