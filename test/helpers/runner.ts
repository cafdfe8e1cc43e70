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

/** The runner's files and environment for one step. */
function prepareStep(name: string, inputs: Record<string, string>, options: RunnerOptions): { workspace: string; output: string; summary: string; env: NodeJS.ProcessEnv; argv: string[] } {
  const workspace = options.cwd ?? mkdtempSync(join(tmpdir(), `aicr-runner-${name}-`));
  const files = mkdtempSync(join(tmpdir(), 'aicr-runner-files-'));
  const output = join(files, 'github-output');
  const summary = join(files, 'github-summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([input, value]) => [`INPUT_${input.replace(/ /g, '_').toUpperCase()}`, value]));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: files, ...options.env, ...inputEnv };
  return { workspace, output, summary, env, argv: [...(options.nodeArgs ?? []), join(REPO_ROOT, 'dist', name, 'index.js')] };
}

function stepResult(step: { workspace: string; output: string; summary: string }, code: number | null, stdout: string, stderr: string): RunnerStep {
  const outputText = readFileSync(step.output, 'utf8');
  return { code, stdout, stderr, log: stdout + stderr, workspace: step.workspace, outputText, outputs: parseOutputFile(outputText), summary: readFileSync(step.summary, 'utf8') };
}

export function runActionBuild(name: string, inputs: Record<string, string>, options: RunnerOptions = {}): RunnerStep {
  const step = prepareStep(name, inputs, options);
  const child = spawnSync(process.execPath, step.argv, { cwd: step.workspace, env: step.env, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000 });
  return stepResult(step, child.status, child.stdout, child.stderr);
}

/** Like runActionBuild, without blocking this process's event loop (for servers living in the test). */
export function runActionBuildAsync(name: string, inputs: Record<string, string>, options: RunnerOptions = {}): Promise<RunnerStep> {
  const step = prepareStep(name, inputs, options);
  return spawnCollect(step.argv, { cwd: step.workspace, env: step.env, timeoutMs: options.timeoutMs ?? 60_000 }).then(({ code, stdout, stderr }) => stepResult(step, code, stdout, stderr));
}

/** `node argv…` without blocking: exit code and both streams once it ends (killed at the time limit). */
export function spawnCollect(argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; timeoutMs: number }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: options.cwd, env: options.env, timeout: options.timeoutMs });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(options.input ?? '');
  });
}
