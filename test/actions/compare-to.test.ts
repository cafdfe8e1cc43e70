// `compare-to` of the recipe, bundle and root actions, run from their builds as the runner runs
// them (npm run build first): the change plan in the job summary, the `changes` and `plan-file`
// outputs, and a wrong compare-to refused before any work.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runActionBuild } from '../helpers/runner.js';
import { upstreamMockSnapshot } from '../helpers/paths.js';

const scratch = mkdtempSync(join(tmpdir(), 'aicr-compare-to-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runAction(name: string, inputs: Record<string, string>, cwd = mkdtempSync(join(scratch, `${name}-`))) {
  return runActionBuild(name, inputs, { env: { RUNNER_TEMP: scratch }, cwd });
}

const criteria = { service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu', platform: 'kubeflow' };

/** The recipe of these criteria as the target branch had it: gpu-operator one version back, an extra component. */
function earlierRecipe(): string {
  const first = runAction('recipe', criteria);
  expect(first.code, first.log).toBe(0);
  const recipe = parse(readFileSync(join(first.workspace, 'recipe.yaml'), 'utf8'));
  const gpu = recipe.componentRefs.find((ref: { name: string }) => ref.name === 'gpu-operator');
  gpu.version = 'v25.3.0';
  gpu.overrides = { ...gpu.overrides, driver: { version: '570.86.16' } };
  recipe.componentRefs.push({ name: 'legacy-exporter', namespace: 'monitoring', type: 'Helm', version: '1.0.0', source: 'https://charts.example.com' });
  const path = join(scratch, 'main-recipe.yaml');
  writeFileSync(path, stringify(recipe));
  return path;
}

describe('compare-to: a change plan for pull requests', () => {
  const earlier = earlierRecipe();

  it('recipe: the plan goes to the job summary, plan-file and the changes output', () => {
    const run = runAction('recipe', { ...criteria, 'compare-to': earlier, 'plan-file': 'plan/changes.md' });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.changes).toBe('2');
    expect(run.outputs['plan-file']).toBe('plan/changes.md');
    const markdown = readFileSync(join(run.workspace, 'plan/changes.md'), 'utf8');
    expect(markdown).toContain('### AICR recipe changes');
    expect(markdown).toContain('| `legacy-exporter` | removed | `1.0.0` |');
    expect(markdown).toMatch(/\| `gpu-operator` \| modified \| `v25\.3\.0 → v[0-9.]+` \|/);
    expect(markdown).toContain('| `gpu-operator` | `driver.version` | removed | `570.86.16` | — |');
    expect(run.summary).toContain(markdown.trim());
    expect(run.log).toContain('Recipe changes: components: 0 added, 1 removed, 1 changed; 1 version change, 1 value change.');
  });

  it('bundle: regenerated in place over the committed bundle, the plan shows what the pull request changes', () => {
    const workspace = mkdtempSync(join(scratch, 'gitops-'));
    // Bundled earlier: the recipe of the target branch without the component this catalog no longer has.
    const committed = parse(readFileSync(earlier, 'utf8'));
    committed.componentRefs = committed.componentRefs.filter((ref: { name: string }) => ref.name !== 'legacy-exporter');
    writeFileSync(join(workspace, 'recipe.yaml'), stringify(committed));
    const first = runAction('bundle', { recipe: 'recipe.yaml', deployer: 'argocd', output: 'clusters/prod', summary: 'false' }, workspace);
    expect(first.code, first.log).toBe(0);
    // The pull request: the recipe of today, bundled over the committed folder, compared with it.
    const recipe = structuredClone(committed);
    recipe.componentRefs.find((ref: { name: string }) => ref.name === 'gpu-operator').overrides.driver.version = '580.105.08';
    writeFileSync(join(workspace, 'recipe.yaml'), stringify(recipe));
    const run = runAction('bundle', { recipe: 'recipe.yaml', deployer: 'argocd', output: 'clusters/prod', force: 'true', 'compare-to': 'clusters/prod' }, workspace);
    expect(run.code, run.log).toBe(0);
    expect(run.outputs['plan-file']).toBeUndefined();
    // gpu-operator, and two files: its values and recipe.yaml (the 2026 catalog has no gpu-operator post chart).
    expect(run.outputs.changes).toBe('3');
    expect(run.log).toContain('  ~ gpu-operator v25.3.0\n      values ~ driver.version: 570.86.16 → 580.105.08\n');
    expect(run.summary).toContain('### AICR bundle changes');
    expect(run.summary).toMatch(/\| `gpu-operator` \| `driver\.version` \| modified \| `570\.86\.16` \| `580\.105\.08` \|/);
    expect(run.summary).toMatch(/\| `\d{3}-gpu-operator\/values\.yaml` \| modified \|/);
    expect(run.summary).toContain('| `recipe.yaml` | modified |');
  });

  it('root: compares the new recipe with an earlier one when nothing is bundled', () => {
    const run = runAction('root', { ...criteria, deployer: 'none', 'compare-to': earlier });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.changes).toBe('2');
    expect(run.summary).toContain('### AICR recipe changes');
  });

  it('root: compares the new bundle with the one it replaces', () => {
    const workspace = mkdtempSync(join(scratch, 'root-'));
    const first = runAction('root', { ...criteria, deployer: 'flux', summary: 'false' }, workspace);
    expect(first.code, first.log).toBe(0);
    const run = runAction('root', { ...criteria, deployer: 'flux', force: 'true', set: 'gpuoperator:driver.version=590.48.01', 'compare-to': 'aicr/bundle', 'plan-file': 'aicr/changes.md' }, workspace);
    expect(run.code, run.log).toBe(0);
    expect(run.outputs['plan-file']).toBe('aicr/changes.md');
    const markdown = readFileSync(join(workspace, 'aicr/changes.md'), 'utf8');
    expect(markdown).toContain('### AICR bundle changes');
    expect(markdown).toContain('| `gpu-operator` | `driver.version` | modified | `580.173.02` | `590.48.01` |');
    expect(markdown).toMatch(/\| `\d{3}-gpu-operator\/helmrelease\.yaml` \| modified \|/);
    expect(Number(run.outputs.changes)).toBeGreaterThanOrEqual(2);
    expect(run.summary).toContain(markdown.trim());
  });

  it('refuses a snapshot, a folder for a recipe and a missing file, before writing anything', () => {
    const snapshot = upstreamMockSnapshot();
    const cases: Array<[string, Record<string, string>, string]> = [
      ['recipe', { ...criteria, 'compare-to': snapshot }, 'input "compare-to": ' + snapshot + ' is a snapshot; a recipe or a bundle cannot be compared with it'],
      ['recipe', { ...criteria, 'compare-to': scratch }, 'is a folder (a bundle), but this step makes a recipe'],
      ['recipe', { ...criteria, 'compare-to': 'missing.yaml' }, 'missing.yaml'],
    ];
    for (const [action, inputs, message] of cases) {
      const run = runAction(action, inputs);
      expect(run.code, run.log).not.toBe(0);
      expect(run.log).toContain(message);
      expect(existsSync(join(run.workspace, 'recipe.yaml'))).toBe(false);
    }
  });
});
