import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate as validateCtrf } from 'ctrf';
import { parse as parseJunit } from 'junit2json';
import * as core from '@actions/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/actions/validate/main.js';
import { runWithInputs } from '../helpers/action.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURES, REPO_ROOT, UPSTREAM_EXAMPLES, upstreamMockSnapshot } from '../helpers/paths.js';

const fixture = (name: string) => join(FIXTURES, 'validate', name);
const recipe = fixture('recipe-extended.yaml');
const recipeInWorkspace = 'test/fixtures/validate/recipe-extended.yaml';
const lineOf = (name: string) => readFileSync(recipe, 'utf8').split('\n').findIndex((line) => line.includes(`- name: ${name}`)) + 1;
const env = { GITHUB_WORKSPACE: REPO_ROOT };

describe('actions/validate', () => {
  // @actions/core remembers the first GITHUB_STEP_SUMMARY it wrote to; each run here has its own.
  beforeEach(() => {
    (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  });

  it('annotates failures and skips at their recipe lines, sets outputs, writes reports and fails with exit 10', async () => {
    const result = await runWithInputs(run, { recipe, snapshot: fixture('snapshot-mixed.yaml') }, { env });
    expect(result.exitCode).toBe(10);
    expect(result.outputs).toEqual({ status: 'fail', passed: '5', failed: '1', skipped: '2', 'report-path': 'aicr-validate-report/ctrf-report.json' });

    const errors = result.commands.filter((c) => c.command === 'error' && c.properties.file);
    expect(errors).toEqual([
      {
        command: 'error',
        properties: { title: 'K8s.server.version', file: recipeInWorkspace, line: '13' },
        message: 'expected >= 1.32.4, got v1.31.0 (Upgrade Kubernetes to 1.32.4 or later)',
      },
    ]);
    const warnings = result.commands.filter((c) => c.command === 'warning');
    expect(warnings.map((w) => [w.properties.title, w.properties.file, Number(w.properties.line), w.message])).toEqual([
      ['GPU.smi.cuda-version', recipeInWorkspace, lineOf('GPU.smi.cuda-version'), 'skipped: measurement type GPU not found in the snapshot'],
      ['GPU.smi.gpu-count', recipeInWorkspace, lineOf('GPU.smi.gpu-count'), 'skipped: measurement type GPU not found in the snapshot'],
    ]);
    const failure = result.commands.find((c) => c.command === 'error' && !c.properties.file);
    expect(failure?.message).toBe('validation failed: 1 of 8 constraints failed (exit code 10; set input "fail-on-error" to false to report without failing)');

    const ctrf = JSON.parse(readFileSync(join(result.cwd, 'aicr-validate-report', 'ctrf-report.json'), 'utf8'));
    expect(validateCtrf(ctrf).valid).toBe(true);
    expect(ctrf.results.tests[0]).toMatchObject({ filePath: recipeInWorkspace, line: 13 });
    const junit = (await parseJunit(readFileSync(join(result.cwd, 'aicr-validate-report', 'junit.xml'), 'utf8'))) as Record<string, any>;
    expect(junit).toMatchObject({ tests: 11, failures: 1 });

    // The summary: status, counts, the constraint table and the report in a details block.
    expect(result.summary).toContain('<h2>AICR validate</h2>');
    expect(result.summary).toContain('**Status:** ❌ fail');
    expect(result.summary).toContain('<tr><td>8</td><td>5</td><td>1</td><td>2</td></tr>');
    expect(result.summary).toContain('<tr><td><code>K8s.server.version</code></td><td><code>&gt;= 1.32.4</code></td><td><code>v1.31.0</code></td><td>❌ failed: expected &gt;= 1.32.4, got v1.31.0</td></tr>');
    expect(result.summary).toContain('<tr><td><code>GPU.smi.cuda-version</code></td><td><code>12.10</code></td><td>—</td><td>⚠️ skipped: measurement type GPU not found in the snapshot</td></tr>');
    expect(result.summary).toContain('<tr><td>deployment</td><td><code>operator-health</code>, <code>expected-resources</code></td><td>⚠️ skipped: no cluster access (no kubeconfig given, no $KUBECONFIG or ~/.kube/config, not running in a pod)</td></tr>');
    const details = /<details><summary>CTRF report \(aicr-validate-report\/ctrf-report.json\)<\/summary>\s*```json\n([\s\S]*?)```/.exec(result.summary);
    expect(JSON.parse(details![1]!)).toEqual(ctrf);
  });

  it('reports without failing when fail-on-error is false, with annotations and summary switched off', async () => {
    const result = await runWithInputs(run, { recipe, snapshot: fixture('snapshot-mixed.yaml'), 'fail-on-error': 'false', annotations: 'false', summary: 'false', 'report-dir': 'out/reports' }, { env });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('fail');
    expect(result.outputs['report-path']).toBe('out/reports/ctrf-report.json');
    expect(result.commands.filter((c) => c.command === 'error' || c.command === 'warning')).toEqual([]);
    expect(result.summary).toBe('');
    expect(existsSync(join(result.cwd, 'out/reports/junit.xml'))).toBe(true);
  });

  it('passes a recipe from the recipe stage against the upstream mock snapshot with a partial result', async () => {
    const result = await runWithInputs(async () => {
      writeFileSync('recipe.yaml', readFileSync(join(UPSTREAM_EXAMPLES, 'recipe-eks-gb200-ubuntu-training-with-validation.yaml')));
      await run();
    }, { recipe: 'recipe.yaml', snapshot: upstreamMockSnapshot(), phase: 'deployment' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'partial', passed: '3', failed: '0', skipped: '1' });
    const warning = result.commands.find((c) => c.command === 'warning');
    expect(warning?.properties).toEqual({ title: 'OS.sysctl./proc/sys/kernel/osrelease', file: 'recipe.yaml', line: '49' });
    expect(result.summary).toContain('**Status:** ⚠️ partial');
    expect(result.summary).not.toContain('<td>performance</td>');
  });

  it('fails through the one failure path for bad input, with the file and line', async () => {
    const result = await runWithInputs(run, { recipe: fixture('recipe-malformed.yaml'), snapshot: fixture('snapshot-mixed.yaml') }, { env });
    expect(result.exitCode).toBe(2);
    const located = result.commands.find((c) => c.command === 'error' && c.properties.file);
    expect(located?.properties).toMatchObject({ line: '9' });
    expect(result.commands.at(-1)?.message).toContain('exit code 2: invalid input');
    expect(result.outputs.status).toBeUndefined();
  });

  it.each([
    [{ snapshot: 'x.yaml' }, 'input "recipe": is required'],
    [{ recipe: 'x.yaml', snapshot: 'y.yaml', phase: 'deployment\nsmoke' }, 'input "phase": "smoke" is not one of readiness, deployment, performance, conformance, all'],
    [{ recipe: 'x.yaml', snapshot: 'y.yaml', 'fail-on-error': 'no' }, 'input "fail-on-error": takes true or false, not "no"'],
  ])('rejects %j', async (inputs, message) => {
    const result = await runWithInputs(run, inputs as Record<string, string>);
    expect(result.exitCode).toBe(2);
    expect(result.commands.at(-1)?.message).toContain(message);
  });
});

describe('actions/validate under @github/local-action', () => {
  // GitHub's local runner emulation reads action.yml (defaults included) and runs main.ts.
  function localAction(env: Record<string, string>): { output: string; status: number | null; summary: string } {
    const dir = tempDir('aicr-local-action-');
    const envFile = join(dir, '.env');
    writeFileSync(envFile, Object.entries({ GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), ...env }).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
    // The runner creates the summary file before the step; @actions/core refuses one that is missing.
    writeFileSync(join(dir, 'summary.md'), '');
    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/@github/local-action/bin/local-action.js'), 'run', 'actions/validate', '../../src/actions/validate/main.ts', envFile],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 },
    );
    return { output: `${result.stdout}${result.stderr}`, status: result.status, summary: readFileSync(join(dir, 'summary.md'), 'utf8') };
  }

  it('runs with the defaults from action.yml and sets the outputs', () => {
    const reportDir = join(tempDir(), 'reports');
    const run = localAction({ INPUT_RECIPE: recipe, INPUT_SNAPSHOT: fixture('snapshot-eks-h100-pass.yaml'), 'INPUT_REPORT-DIR': reportDir });
    expect(run.output).not.toContain('::error');
    expect(run.output).toContain('::set-output name=status::pass');
    expect(run.output).toContain('::set-output name=passed::8');
    expect(existsSync(join(reportDir, 'ctrf-report.json'))).toBe(true);
    expect(run.summary).toContain('pass');
  });
});
