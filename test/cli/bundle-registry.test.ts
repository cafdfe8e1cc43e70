// The doors for the registry-driven bundle options: --storage-class, --shared-storage-class and
// --codequality on the command line, storage-class in the bundle action; a blocking bundle-time
// validation as a failure (exit 2) with its Code Quality report and annotation.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/actions/bundle/main.js';
import { runWithInputs } from '../helpers/action.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/catalog.js';

beforeEach(() => {
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  core.summary.emptyBuffer();
});

const ref = (name: string) => ({ name, type: 'Helm', source: 'https://charts.example.com', chart: name, version: '1.0.0', namespace: `${name}-ns` });

/** A --data catalog adding two components, and a recipe using them on the given service. */
function fixture(service: string): { data: string; recipe: string } {
  const data = writeTree({
    'registry.yaml': {
      kind: 'ComponentRegistry',
      apiVersion: 'aicr.nvidia.com/v1alpha1',
      components: [
        { name: 'db', displayName: 'db', valueOverrideKeys: ['database'], storageClassPaths: ['persistence.storageClassName'], sharedStorageClassPaths: ['shared.storageClassName'] },
        {
          name: 'tuner',
          displayName: 'tuner',
          validations: [{ function: 'CheckWildcardAcceleratedToleration', severity: 'error', conditions: { service: ['aks'] }, message: 'Pass keyed tolerations instead.' }],
        },
      ],
    },
  });
  const recipe = join(
    writeTree({
      'recipe.yaml': {
        kind: 'RecipeResult',
        apiVersion: 'aicr.nvidia.com/v1alpha1',
        metadata: { version: 'v1.0.0' },
        criteria: { service, intent: 'training' },
        componentRefs: [ref('db'), ref('tuner')],
        deploymentOrder: ['db', 'tuner'],
      },
    }),
    'recipe.yaml',
  );
  return { data, recipe };
}

describe('aicr bundle: registry options', () => {
  it('--storage-class and --shared-storage-class reach the declared paths; a --set of the path wins', async () => {
    const { data, recipe } = fixture('eks');
    const out = join(tempDir(), 'bundle');
    const result = await runCli(['bundle', '-r', recipe, '--data', data, '-o', out, '--storage-class', 'gp3', '--shared-storage-class', 'efs', '--set', 'database:shared.storageClassName=manual']);
    expect(result.code, result.stderr).toBe(0);
    expect(parse(readFileSync(join(out, '001-db', 'values.yaml'), 'utf8'))).toEqual({ persistence: { storageClassName: 'gp3' }, shared: { storageClassName: 'manual' } });
  });

  it('refuses a malformed StorageClass name before reading anything (exit 2)', async () => {
    const result = await runCli(['bundle', '-r', 'missing.yaml', '--storage-class', 'Fast_SSD']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--storage-class: invalid StorageClass name "Fast_SSD"');
  });

  it('a blocking validation fails with exit 2, writes no bundle and leaves a Code Quality report', async () => {
    const { data, recipe } = fixture('aks');
    const dir = tempDir();
    const out = join(dir, 'bundle');
    const report = join(dir, 'gl-code-quality-bundle.json');
    const result = await runCli(['bundle', '-r', recipe, '--data', data, '-o', out, '--codequality', report]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tuner renders a wildcard (keyless) accelerated-node toleration. Pass keyed tolerations instead.');
    expect(existsSync(out)).toBe(false);
    const issues = JSON.parse(readFileSync(report, 'utf8')) as Array<Record<string, unknown>>;
    expect(issues).toEqual([
      expect.objectContaining({ check_name: 'aicr-bundle/CheckWildcardAcceleratedToleration', severity: 'blocker', description: 'tuner renders a wildcard (keyless) accelerated-node toleration. Pass keyed tolerations instead.' }),
    ]);
    // With a keyed toleration the same bundle is written, and the report is empty.
    const fixed = await runCli(['bundle', '-r', recipe, '--data', data, '-o', out, '--codequality', report, '--accelerated-node-toleration', 'nvidia.com/gpu:NoSchedule']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual([]);
  });
});

describe('actions/bundle: registry options', () => {
  it('takes storage-class and shared-storage-class inputs', async () => {
    const { data, recipe } = fixture('eks');
    const result = await runWithInputs(run, { recipe, data, 'storage-class': 'gp3', 'shared-storage-class': 'efs', summary: 'false' });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(parse(readFileSync(join(result.cwd, 'bundle', '001-db', 'values.yaml'), 'utf8'))).toEqual({ persistence: { storageClassName: 'gp3' }, shared: { storageClassName: 'efs' } });
  });

  it('fails the step on a blocking validation with an error annotation naming upstream\'s finding', async () => {
    const { data, recipe } = fixture('aks');
    const result = await runWithInputs(run, { recipe, data, summary: 'false' });
    expect(result.exitCode).toBe(2);
    const errors = result.commands.filter((command) => command.command === 'error');
    expect(errors.map((command) => command.message).join('\n')).toContain('tuner renders a wildcard (keyless) accelerated-node toleration. Pass keyed tolerations instead.');
    expect(existsSync(join(result.cwd, 'bundle'))).toBe(false);
  });
});
