// The recipe action's inputs for upstream's recipe configuration: slurm-accounting-mode and runtime-inventory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run as runRecipe } from '../../src/actions/recipe/main.js';
import { runWithInputs } from '../helpers/action.js';

const SLURM = { service: 'eks', accelerator: 'h100', os: 'ubuntu', intent: 'training', platform: 'slurm', summary: 'false' };

beforeEach(() => {
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  core.summary.emptyBuffer();
});

describe('actions/recipe: configuration inputs', () => {
  it('input "slurm-accounting-mode" is recorded in the recipe and derives the MariaDB gates', async () => {
    const result = await runWithInputs(runRecipe, { ...SLURM, 'slurm-accounting-mode': 'aicr-provided' });
    expect(result.exitCode, result.stdout).toBe(0);
    const recipe = parse(readFileSync(join(result.cwd, 'recipe.yaml'), 'utf8'));
    expect(recipe.configuration).toEqual({ slurm: { accounting: { mode: 'aicr-provided' } } });
    expect(result.outputs['deployment-order']).toContain('slurm-accounting-mariadb');
  });

  it('the job summary names the recorded modes', async () => {
    const result = await runWithInputs(runRecipe, { ...SLURM, summary: 'true', 'slurm-accounting-mode': 'customer-managed' });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.summary).toContain('**Slurm accounting:** `customer-managed`');
  });

  it('a bad value names the input (exit 2)', async () => {
    const result = await runWithInputs(runRecipe, { ...SLURM, 'slurm-accounting-mode': 'external' });
    expect(result.exitCode).toBe(2);
    const failure = result.commands.find((c) => c.command === 'error')!;
    expect(failure.message).toContain('input "slurm-accounting-mode": "external" is not one of disabled, customer-managed, aicr-provided');
  });

  it('input "runtime-inventory" on a recipe without k8s-aibom names the input', async () => {
    const result = await runWithInputs(runRecipe, { ...SLURM, 'runtime-inventory': 'disabled' });
    expect(result.exitCode).toBe(2);
    const failure = result.commands.find((c) => c.command === 'error')!;
    expect(failure.message).toContain('requires the recipe to declare component "k8s-aibom"');
    expect(failure.message).toContain('input "runtime-inventory"');
  });
});
