import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run as runRecipe } from '../../src/actions/recipe/main.js';
import { run as runBundle } from '../../src/actions/bundle/main.js';
import { runWithInputs } from '../helpers/action.js';
import { profileOverlayData } from '../helpers/profile-catalog.js';

const KUBEFLOW = { service: 'eks', accelerator: 'h100', os: 'ubuntu', intent: 'training', platform: 'kubeflow', summary: 'false' };

beforeEach(() => {
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  core.summary.emptyBuffer();
});

describe('actions: configuration profiles', () => {
  it('recipe takes input "profile" and records the selection', async () => {
    const result = await runWithInputs(runRecipe, { ...KUBEFLOW, data: profileOverlayData(), profile: 'gpuStack=operator-managed' });
    expect(result.exitCode, result.stdout).toBe(0);
    const recipe = parse(readFileSync(join(result.cwd, 'recipe.yaml'), 'utf8'));
    expect(recipe.metadata.selectedProfile).toMatchObject({ name: 'gpuStack', value: 'operator-managed' });
    expect(result.outputs['selected-profile']).toBe('gpuStack=operator-managed');
  });

  it('recipe puts the selection and its locked paths in the job summary', async () => {
    const result = await runWithInputs(runRecipe, { ...KUBEFLOW, summary: 'true', data: profileOverlayData() });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.summary).toContain('**Configuration profile:** `gpuStack=preinstalled` &nbsp; **Locked at bundle time:** `gpu-operator` (driver.enabled, enabled); `nvidia-dra-driver-gpu` (enabled, nvidiaDriverRoot)');
  });

  it('recipe names input "profile" when the value is unknown (exit 2)', async () => {
    const result = await runWithInputs(runRecipe, { ...KUBEFLOW, data: profileOverlayData(), profile: 'gpuStack=byo' });
    expect(result.exitCode).toBe(2);
    const failure = result.commands.find((c) => c.command === 'error')!;
    expect(failure.message).toContain('input "profile": profile "gpuStack" has no value "byo"; valid values: [operator-managed preinstalled]');
  });

  it('bundle refuses a set that diverges from the selected profile value', async () => {
    const data = profileOverlayData();
    const recipe = await runWithInputs(runRecipe, { ...KUBEFLOW, data });
    expect(recipe.exitCode, recipe.stdout).toBe(0);
    const result = await runWithInputs(runBundle, { recipe: join(recipe.cwd, 'recipe.yaml'), data, set: 'gpuoperator:driver.enabled=true', summary: 'false' });
    expect(result.exitCode).toBe(2);
    const failure = result.commands.find((c) => c.command === 'error')!;
    expect(failure.message).toContain('profile-owned path gpu-operator.driver.enabled diverged from selected profile gpuStack=preinstalled');
    expect(failure.message).toContain('input "profile" gpuStack=<value>');
  });
});
