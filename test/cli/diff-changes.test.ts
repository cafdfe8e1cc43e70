// `aicr diff` on two recipes or two bundle folders: the kind is told from what is given.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { upstreamMockSnapshot } from '../helpers/paths.js';
import { EKS_RECIPE, FIXTURE_DATA, fixtureRecipe } from '../core/bundle/support.js';

const dir = tempDir('aicr-diff-changes-');
const before = EKS_RECIPE;
const after = join(dir, 'after.yaml');
const recipe = parse(readFileSync(EKS_RECIPE, 'utf8'));
recipe.componentRefs.find((ref: { name: string }) => ref.name === 'gpu-operator').version = 'v26.3.4';
recipe.componentRefs.find((ref: { name: string }) => ref.name === 'gpu-operator').overrides.driver = { version: '580.105.08' };
recipe.componentRefs = recipe.componentRefs.filter((ref: { name: string }) => ref.name !== 'aws-efa');
writeFileSync(after, stringify(recipe));

async function bundle(out: string, ...flags: string[]): Promise<string> {
  const result = await runCli(['bundle', '-r', fixtureRecipe('variety'), '--data', FIXTURE_DATA, '-o', out, ...flags]);
  expect(result.code, result.stderr).toBe(0);
  return out;
}

describe('aicr diff on recipes and bundles', () => {
  it('prints a recipe change plan as text by default, and exits 11 with --fail-on-drift', async () => {
    const result = await runCli(['diff', '-b', before, '--target', after, '--fail-on-drift']);
    expect(result.code, result.stderr).toBe(11);
    expect(result.stdout).toContain('Recipe changes: components: 0 added, 1 removed, 1 changed; 1 version change, 1 value change.');
    expect(result.stdout).toContain('  - aws-efa v0.5.29\n');
    expect(result.stdout).toContain('  ~ gpu-operator v26.3.3 → v26.3.4\n      values + driver.version: 580.105.08\n');
    const same = await runCli(['diff', '-b', before, '--target', before, '--fail-on-drift']);
    expect(same.code, same.stderr).toBe(0);
  });

  it.each([
    ['json', (text: string) => JSON.parse(text)],
    ['yaml', (text: string) => parse(text)],
  ])('writes the plan as %s', async (format, read) => {
    const result = await runCli(['diff', '-b', before, '--target', after, '--format', format]);
    expect(result.code, result.stderr).toBe(0);
    const plan = read(result.stdout);
    expect(plan.subject).toBe('recipe');
    expect(plan.summary).toMatchObject({ componentsRemoved: 1, componentsChanged: 1, versionChanges: 1, valueChanges: 1, total: 2 });
    expect(plan.components.map((c: { name: string }) => c.name)).toEqual(['aws-efa', 'gpu-operator']);
  });

  it('writes Markdown ready for a pull request to a file', async () => {
    const out = join(dir, 'plan.md');
    const result = await runCli(['diff', '-b', before, '--target', after, '--format', 'markdown', '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown.startsWith('### AICR recipe changes\n')).toBe(true);
    expect(markdown).toContain('| `gpu-operator` | `driver.version` | added | — | `580.105.08` |');
  });

  it('compares two bundle folders: values by path and files by checksums.txt', async () => {
    const first = await bundle(join(dir, 'b1'), '-d', 'argocd');
    const second = await bundle(join(dir, 'b2'), '-d', 'argocd', '--set', 'gpuoperator:driver.version=580.105.08');
    const result = await runCli(['diff', '-b', first, '--target', second]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Bundle changes: components: 0 added, 0 removed, 1 changed; 0 version changes, 1 value change; 4 files added, removed or changed.');
    expect(result.stdout).toContain('  ~ gpu-operator v25.3.3\n      values ~ driver.version: 580 → 580.105.08\n');
    // The override reaches the manifests rendered from the values too; recipe.yaml is the same.
    expect(result.stdout).toContain('files:\n  ~ 003-gpu-operator-pre/values.yaml\n  ~ 004-gpu-operator/values.yaml\n  ~ 005-gpu-operator-post/templates/dcgm-exporter.yaml\n');
    const markdown = await runCli(['diff', '-b', first, '--target', second, '-t', 'markdown']);
    expect(markdown.stdout).toContain('| `004-gpu-operator/values.yaml` | modified |');
  });

  it('writes snapshot drift as text (the table) and as Markdown', async () => {
    const snapshot = parse(readFileSync(upstreamMockSnapshot(), 'utf8'));
    const first = join(dir, 'snap-a.yaml');
    const second = join(dir, 'snap-b.yaml');
    writeFileSync(first, stringify(snapshot));
    const k8s = snapshot.measurements.find((m: { type: string }) => m.type === 'K8s');
    const server = k8s.subtypes.find((s: { subtype: string }) => s.subtype === 'server');
    server.data.version = 'v1.99.0 | `x`';
    writeFileSync(second, stringify(snapshot));
    const text = await runCli(['diff', '-b', first, '--target', second, '-t', 'text']);
    const table = await runCli(['diff', '-b', first, '--target', second, '-t', 'table']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe(table.stdout);
    expect(text.stdout).toContain('DRIFT DETECTED');
    const markdown = await runCli(['diff', '-b', first, '--target', second, '-t', 'markdown']);
    expect(markdown.stdout).toMatch(/^### AICR snapshot drift\n\n\*\*0 added, 0 removed, 1 modified\.\*\*\n/);
    expect(markdown.stdout).toMatch(/\| modified \| `K8s\.server\.version` \| `[^`]+` \| `` v1\.99\.0 \\\| `x` `` \|\n$/);
  });

  it('recipe and bundle take --compare-to and --plan-file: the plan on stderr and as Markdown', async () => {
    const plan = join(dir, 'recipe-plan.md');
    const recipeRun = await runCli(['recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '--platform', 'kubeflow', '-o', join(dir, 'new.yaml'), '--compare-to', fixtureRecipe('variety'), '--plan-file', plan]);
    expect(recipeRun.code, recipeRun.stderr).toBe(0);
    expect(recipeRun.stderr).toContain('Recipe changes: components:');
    expect(readFileSync(plan, 'utf8')).toContain('| criteria | `accelerator` | added | — | `h100` |');
    const bundlePlan = join(dir, 'bundle-plan.md');
    const out = await bundle(join(dir, 'b4'), '-d', 'flux');
    const again = await runCli(['bundle', '-r', fixtureRecipe('variety'), '--data', FIXTURE_DATA, '-o', out, '-d', 'flux', '--force', '--set', 'certmanager:replicaCount=3', '--compare-to', out, '--plan-file', bundlePlan]);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(bundlePlan, 'utf8')).toContain('| `cert-manager` | `replicaCount` | added | — | `3` |');
    const refused = await runCli(['recipe', '--service', 'eks', '--compare-to', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--compare-to: ${out} is a folder (a bundle), but this step makes a recipe`);
  });

  it('gives the same bytes for the same inputs', async () => {
    const one = await runCli(['diff', '-b', before, '--target', after, '-t', 'json']);
    const two = await runCli(['diff', '-b', before, '--target', after, '-t', 'json']);
    expect(one.stdout).toBe(two.stdout);
  });

  it('refuses two different kinds, and --type on recipes, with exit 2', async () => {
    const snapshot = upstreamMockSnapshot();
    const bundleDir = await bundle(join(dir, 'b3'));
    const criteria = join(dir, 'criteria.yaml');
    writeFileSync(criteria, 'kind: RecipeCriteria\napiVersion: aicr.nvidia.com/v1alpha1\nspec: {service: eks}\n');
    const cases: Array<[string[], string]> = [
      [['-b', before, '--target', snapshot], '--baseline is a recipe but --target is a snapshot: only two of the same kind can be compared'],
      [['-b', bundleDir, '--target', after], '--baseline is a bundle folder but --target is a recipe'],
      [['-b', before, '--target', after, '--type', 'GPU'], '--type selects snapshot measurements; it does not apply to recipes'],
      [['-b', dir, '--target', bundleDir], '--baseline: "' + dir + '" is not a bundle folder: it has no checksums.txt'],
      [['-b', join(bundleDir, 'checksums.txt'), '--target', after], 'expected a Snapshot mapping'],
      [['-b', criteria, '--target', after], '--baseline: a document of kind "RecipeCriteria" cannot be used here, expected Snapshot or RecipeResult'],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(['diff', ...argv]);
      expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toMatch(/hint: /);
    }
  });
});
