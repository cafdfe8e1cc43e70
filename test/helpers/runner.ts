/**
 * Starts an action's committed build (dist/<action>/index.js) as the GitHub runner does: plain
 * node in a fresh workspace, inputs as INPUT_* variables, outputs and summary through the
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputFile } from './action.js';
import { REPO_ROOT } from './paths.js';

export interface RunnerStep {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  log: string;
  workspace: string;
  outputText: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunnerOptions {
  /** Variables besides PATH and the runner's own (they win over the inputs' absence, not over inputs). */
  env?: NodeJS.ProcessEnv;
  nodeArgs?: string[];
  /** The workspace (a fresh temp folder by default). */
  cwd?: string;
  timeoutMs?: number;
}

/** What starting an action's build needs: its workspace, the runner's files, argv and environment. */
export interface ActionLaunch {
  workspace: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The step's result from the process's output and exit status. */
  finish(code: number | null, stdout: string, stderr: string): RunnerStep;
}

export function prepareActionRun(name: string, inputs: Record<string, string>, options: RunnerOptions = {}): ActionLaunch {
  const workspace = options.cwd ?? mkdtempSync(join(tmpdir(), `aicr-runner-${name}-`));
  const files = mkdtempSync(join(tmpdir(), 'aicr-runner-files-'));
  const output = join(files, 'github-output');
  const summary = join(files, 'github-summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([input, value]) => [`INPUT_${input.replace(/ /g, '_').toUpperCase()}`, value]));
  return {
    workspace,
    args: [...(options.nodeArgs ?? []), join(REPO_ROOT, 'dist', name, 'index.js')],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: files, ...options.env, ...inputEnv },
    finish(code, stdout, stderr) {
      const outputText = readFileSync(output, 'utf8');
      return { code, stdout, stderr, log: stdout + stderr, workspace, outputText, outputs: parseOutputFile(outputText), summary: readFileSync(summary, 'utf8') };
    },
  };
}

export function runActionBuild(name: string, inputs: Record<string, string>, options: RunnerOptions = {}): RunnerStep {
  const launch = prepareActionRun(name, inputs, options);
  const child = spawnSync(process.execPath, launch.args, { cwd: launch.workspace, env: launch.env, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000 });
  return launch.finish(child.status, child.stdout, child.stderr);
}

/**
 * runActionBuild without blocking this process: for steps that talk to a server the test itself
 * runs (the fake artifact service), which a synchronous child would wait on forever.
 */
export function runActionBuildAsync(name: string, inputs: Record<string, string>, options: RunnerOptions = {}): Promise<RunnerStep> {
  const launch = prepareActionRun(name, inputs, options);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, launch.args, { cwd: launch.workspace, env: launch.env, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs ?? 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve(launch.finish(code, stdout, stderr)));
  });
}
