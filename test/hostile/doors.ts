/**
 * The three doors as users meet them, for the hostile corpus: the bundled CLI (bin/aicr.js),
 * each action's committed build through the runner contract, and a GitLab component's job
 * (its inputs as AICR_INPUT_* variables read by `aicr <command> --inputs-from-env`, exactly
 * the script every component runs). Each run gets a fresh workspace as its working directory.
 * The *Async variants return the same result without blocking the test's event loop, for cases
 * whose server (a fake API server, an https fixture) lives in the test process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputVariable } from '../../src/gitlab/inputs.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { runActionBuild, runActionBuildAsync, spawnCollect, type RunnerStep } from '../helpers/runner.js';

type Door = 'cli' | 'action' | 'gitlab';

export interface DoorRun {
  door: Door;
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together: everything a user (or a log collector) sees. */
  log: string;
  workspace: string;
  /** Action: the GITHUB_OUTPUT file's text; GitLab: the dotenv report's text. */
  outputText: string;
  /** Action outputs, or GitLab dotenv variables. */
  outputs: Record<string, string>;
  /** Action: the step summary. */
  summary: string;
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
  const { workspace, args, env } = cliCall(argv, options);
  const child = spawnSync(process.execPath, args, { cwd: workspace, input: options.stdin ?? '', env, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000 });
  return cliRun(workspace, child.status, child.stdout, child.stderr);
}

/** {@link cli} without blocking the event loop. */
export async function cliAsync(argv: string[], options: DoorOptions = {}): Promise<DoorRun> {
  const { workspace, args, env } = cliCall(argv, options);
  const child = await spawnCollect(args, { cwd: workspace, env, timeoutMs: options.timeoutMs ?? 60_000, ...(options.stdin ? { input: options.stdin } : {}) });
  return cliRun(workspace, child.code, child.stdout, child.stderr);
}

function cliCall(argv: string[], options: DoorOptions): { workspace: string; args: string[]; env: NodeJS.ProcessEnv } {
  const workspace = options.cwd ?? scratchDir('cli');
  return { workspace, args: [join(REPO_ROOT, 'bin', 'aicr.js'), ...argv], env: { PATH: process.env.PATH, HOME: workspace, ...options.env } };
}

function cliRun(workspace: string, code: number | null, stdout: string, stderr: string): DoorRun {
  return { door: 'cli', code, stdout, stderr, log: stdout + stderr, workspace, outputText: '', outputs: {}, summary: '' };
}

/** An action's committed build through the runner contract. */
export function action(name: string, inputs: Record<string, string>, options: DoorOptions = {}): DoorRun {
  const step: RunnerStep = runActionBuild(name, inputs, { env: options.env, cwd: options.cwd ?? scratchDir(`action-${name}`), timeoutMs: options.timeoutMs });
  return { door: 'action', ...step };
}

/** {@link action} without blocking the event loop. */
export async function actionAsync(name: string, inputs: Record<string, string>, options: DoorOptions = {}): Promise<DoorRun> {
  const step = await runActionBuildAsync(name, inputs, { env: options.env, cwd: options.cwd ?? scratchDir(`action-${name}`), timeoutMs: options.timeoutMs });
  return { door: 'action', ...step };
}

/** A GitLab component's job script: `aicr <command> --inputs-from-env --dotenv aicr-<command>.env`. */
export function gitlab(command: string, inputs: Record<string, string>, options: DoorOptions = {}): DoorRun {
  const call = gitlabCall(command, inputs, options);
  const child = spawnSync(process.execPath, call.args, { cwd: call.workspace, input: options.stdin ?? '', env: call.env, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000 });
  return gitlabRun(call, child.status, child.stdout, child.stderr);
}

/** {@link gitlab} without blocking the event loop. */
export async function gitlabAsync(command: string, inputs: Record<string, string>, options: DoorOptions = {}): Promise<DoorRun> {
  const call = gitlabCall(command, inputs, options);
  const child = await spawnCollect(call.args, { cwd: call.workspace, env: call.env, timeoutMs: options.timeoutMs ?? 60_000, ...(options.stdin ? { input: options.stdin } : {}) });
  return gitlabRun(call, child.code, child.stdout, child.stderr);
}

function gitlabCall(command: string, inputs: Record<string, string>, options: DoorOptions): { workspace: string; dotenv: string; args: string[]; env: NodeJS.ProcessEnv } {
  const workspace = options.cwd ?? scratchDir(`gitlab-${command}`);
  const dotenv = `aicr-${command}.env`;
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value]));
  return {
    workspace,
    dotenv,
    args: [join(REPO_ROOT, 'bin', 'aicr.js'), command, '--inputs-from-env', '--dotenv', dotenv],
    env: { PATH: process.env.PATH, HOME: workspace, CI: 'true', GITLAB_CI: 'true', ...options.env, ...inputEnv },
  };
}

function gitlabRun(call: { workspace: string; dotenv: string }, code: number | null, stdout: string, stderr: string): DoorRun {
  const path = join(call.workspace, call.dotenv);
  const outputText = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const outputs = Object.fromEntries(outputText.split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  return { door: 'gitlab', code, stdout, stderr, log: stdout + stderr, workspace: call.workspace, outputText, outputs, summary: '' };
}
