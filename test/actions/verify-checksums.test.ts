import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { run as bundle } from '../../src/actions/bundle/main.js';
import { run } from '../../src/actions/verify-checksums/main.js';
import { runWithInputs } from '../helpers/action.js';
import { FIXTURE_DATA, fixtureRecipe } from '../core/bundle/support.js';

async function bundleIn(): Promise<string> {
  const made = await runWithInputs(bundle, { recipe: fixtureRecipe('helm-components'), data: FIXTURE_DATA, summary: 'false' });
  expect(made.exitCode).toBe(0);
  // runWithInputs leaves INPUT_* set; the verify step must not see the bundle step's inputs.
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  return made.cwd;
}

// @actions/core remembers the first summary file of the process; each test has its own.
beforeEach(() => {
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  core.summary.emptyBuffer();
});

describe('actions/verify-checksums', () => {
  it('passes a clean bundle and says so in the summary', async () => {
    const cwd = await bundleIn();
    const result = await runWithInputs(run, {}, { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toEqual({ verified: 'true', files: expect.stringMatching(/^\d+$/), problems: '0' });
    expect(result.summary).toContain('all');
    expect(result.commands.filter((c) => c.command === 'error')).toEqual([]);
  });

  it('annotates each problem file, fills the summary table and exits 12', async () => {
    const cwd = await bundleIn();
    appendFileSync(join(cwd, 'bundle', '002-gpu-operator', 'values.yaml'), '# edited\n');
    rmSync(join(cwd, 'bundle', 'undeploy.sh'));
    writeFileSync(join(cwd, 'bundle', 'extra.yaml'), 'x: 1\n');
    const result = await runWithInputs(run, { 'bundle-dir': 'bundle' }, { cwd, env: { GITHUB_WORKSPACE: cwd } });
    expect(result.exitCode).toBe(12);
    expect(result.outputs).toMatchObject({ verified: 'false', problems: '3' });
    const errors = result.commands.filter((c) => c.command === 'error');
    expect(errors.slice(0, 3).map((e) => [e.properties.file, e.message.split(':')[0]])).toEqual([
      ['bundle/002-gpu-operator/values.yaml', 'modified'], ['bundle/extra.yaml', 'unlisted'], ['bundle/undeploy.sh', 'missing'],
    ]);
    expect(errors.at(-1)?.message).toContain('3 problem(s)');
    expect(errors.at(-1)?.message).toContain('exit code 12');
    expect(result.summary).toContain('<td>modified</td><td>002-gpu-operator/values.yaml</td>');
    expect(result.summary).toContain('<td>missing</td><td>undeploy.sh</td>');
  });

  it('reports without failing when fail-on-problems is false, and can skip annotations', async () => {
    const cwd = await bundleIn();
    rmSync(join(cwd, 'bundle', 'README.md'));
    const result = await runWithInputs(run, { 'fail-on-problems': 'false', annotations: 'false' }, { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(result.commands.find((c) => c.command === 'warning')?.message).toContain('input "fail-on-problems" is false, so this passes');
  });

  it('fails with exit 3 when the directory or checksums.txt is missing', async () => {
    const result = await runWithInputs(run, { 'bundle-dir': 'nope' });
    expect(result.exitCode).toBe(3);
    expect(result.commands.find((c) => c.command === 'error')?.message).toContain('bundle directory not found: nope');
  });
});
