/**
 * The three doors as users meet them, for the hostile corpus: the bundled CLI (bin/aicr.js),
 * each action's committed build through the runner contract, and a GitLab component's job
 * (its inputs as AICR_INPUT_* variables read by `aicr <command> --inputs-from-env`, exactly
 * the script every component runs). Each run gets a fresh workspace as its working directory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputVariable } from '../../src/gitlab/inputs.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { runActionBuild, type RunnerStep } from '../helpers/runner.js';

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
