/**
 * Drift detection as a scheduled workflow runs it: the snapshot action compares with the previous
 * successful run's snapshot artifact, reports reading and recipe drift, fails on drift and
 * uploads the new snapshot. The built action, the real artifact client, the fake service.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractZip } from '../../src/github/unzip.js';
import { startFakeArtifacts } from '../fake-artifacts/server.js';
import { buildZip } from '../fake-artifacts/zip.js';
import { FIXTURES } from '../helpers/paths.js';
import { runActionBuildAsync } from '../helpers/runner.js';

const fake = await startFakeArtifacts();
afterAll(() => fake.close());

describe('drift against the previous successful run', () => {
  it('reports drift and recipe drift in the summary and annotations, exits 11, and uploads the new snapshot as the next baseline', async () => {
    // An OS no runner has: the recipe's OS constraint passed on the baseline and fails on any host.
    const baseline = readFileSync(join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml'), 'utf8').replace('          ID: ubuntu', '          ID: aicr-test-os');
    const previous = fake.startRun('drift.yml');
    fake.seed(previous, 'aicr-snapshot', buildZip([{ name: 'snapshot.yaml', data: baseline }]));
    fake.finish(previous, 'success');
    const now = fake.startRun('drift.yml');
    const scratch = mkdtempSync(join(tmpdir(), 'aicr-drift-'));
    const recipe = join(scratch, 'recipe.yaml');
    writeFileSync(recipe, readFileSync(join(FIXTURES, 'validate', 'recipe-extended.yaml'), 'utf8').replace('    value: ubuntu', '    value: aicr-test-os'));
    try {
      const result = await runActionBuildAsync('snapshot', {
        output: 'snapshot.yaml', 'diff-output': 'drift.json', baseline: 'artifact://aicr-snapshot', 'artifact-run-id': 'latest', 'github-token': fake.githubToken,
        'fail-on-drift': 'true', recipe, 'upload-artifact': 'aicr-snapshot',
      }, { env: { ...fake.env(now), PATH: scratch, HOME: '/nonexistent', RUNNER_TEMP: scratch }, timeoutMs: 120_000 });
      expect(result.code, result.log).toBe(11);
      expect(result.outputs.drift).toBe('true');
      expect(result.summary).toContain('Drift against artifact://aicr-snapshot');
      expect(result.summary).not.toContain(scratch);
      expect(result.summary).toContain('Recipe drift');
      expect(result.summary).toContain('OS.release.ID');
      expect(result.stdout).toMatch(/^::error title=recipe drift::OS\.release\.ID: passed on the baseline \(aicr-test-os\), fails now/m);
      expect(result.stdout).toMatch(/^::error title=snapshot drift \(\w+\)::/m);
      // The new snapshot (and the drift) went up under the same name in this run: the next baseline.
      const uploaded = fake.artifacts.find((a) => a.name === 'aicr-snapshot' && a.runBackendId === now.backendId);
      expect(uploaded, result.log).toBeDefined();
      expect(result.outputs['artifact-id']).toBe(String(uploaded!.id));
      const dir = join(scratch, 'unpacked');
      expect(extractZip(uploaded!.bytes, dir, 'test').sort()).toEqual(['drift.json', 'snapshot.yaml']);
      expect(readFileSync(join(dir, 'snapshot.yaml'), 'utf8')).toBe(readFileSync(join(result.workspace, 'snapshot.yaml'), 'utf8'));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('refuses recipe without baseline, before measuring anything', async () => {
    const result = await runActionBuildAsync('snapshot', { recipe: join(FIXTURES, 'validate', 'recipe-extended.yaml'), summary: 'false' }, { timeoutMs: 60_000 });
    expect(result.code, result.log).toBe(2);
    expect(result.log).toContain('input "recipe" needs input "baseline"');
    expect(existsSync(join(result.workspace, 'snapshot.yaml'))).toBe(false);
  });
});
