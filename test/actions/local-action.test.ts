// Runs each action's source entry under @github/local-action, GitHub's local runner emulation,
// as a check that action.yml, the inputs it declares and run() agree.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/catalog.js';

function localAction(action: string, env: Record<string, string>): { output: string; status: number | null } {
  const dir = tempDir('aicr-local-action-');
  const envFile = join(dir, '.env');
  writeFileSync(envFile, Object.entries({ GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), ...env }).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  // The runner creates the summary file before the step; @actions/core refuses one that is missing.
  writeFileSync(join(dir, 'summary.md'), '');
  const result = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/@github/local-action/bin/local-action.js'), 'run', `actions/${action}`, `../../src/actions/${action}/main.ts`, envFile],
    { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 },
  );
  return { output: `${result.stdout}${result.stderr}`, status: result.status };
}

describe('actions/recipe under @github/local-action', () => {
  it('runs the action and sets its outputs', () => {
    const dir = tempDir();
    const out = join(dir, 'recipe.yaml');
    const run = localAction('recipe', { 'INPUT_SERVICE': 'eks', 'INPUT_ACCELERATOR': 'h100', 'INPUT_INTENT': 'training', 'INPUT_OUTPUT': out });
    expect(run.output).not.toContain('::error::');
    expect(run.output).toContain('::set-output name=applied-overlays::base,monitoring-hpa,h100-any,eks,eks-training,h100-eks-training');
    expect(parse(readFileSync(out, 'utf8')).kind).toBe('RecipeResult');
  });

  it('reports a bad input through setFailed', () => {
    const run = localAction('recipe', { 'INPUT_SERVICE': 'eks', 'INPUT_OS': 'windows' });
    expect(run.output).toContain('::error::');
    expect(run.output).toContain('invalid os type: windows');
  });
});
