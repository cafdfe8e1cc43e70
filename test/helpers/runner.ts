/**
 * Starts an action's committed build (dist/<action>/index.js) as the GitHub runner does: plain
 * node in a fresh workspace, inputs as INPUT_* variables, outputs and summary through the
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
import { spawnSync } from 'node:child_process';
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

export function runActionBuild(name: string, inputs: Record<string, string>, options: RunnerOptions = {}): RunnerStep {
  const workspace = options.cwd ?? mkdtempSync(join(tmpdir(), `aicr-runner-${name}-`));
  const files = mkdtempSync(join(tmpdir(), 'aicr-runner-files-'));
  const output = join(files, 'github-output');
  const summary = join(files, 'github-summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([input, value]) => [`INPUT_${input.replace(/ /g, '_').toUpperCase()}`, value]));
  const child = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(REPO_ROOT, 'dist', name, 'index.js')], {
    cwd: workspace,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: files, ...options.env, ...inputEnv },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  const outputText = readFileSync(output, 'utf8');
  return {
    code: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    log: child.stdout + child.stderr,
    workspace,
    outputText,
    outputs: parseOutputFile(outputText),
    summary: readFileSync(summary, 'utf8'),
  };
}
