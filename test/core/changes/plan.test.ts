// Change plans of two recipes and two bundles: what a reviewer reads, in a fixed order.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffBundles, readBundle } from '../../../src/core/changes/bundle.js';
import { diffRecipes } from '../../../src/core/changes/plan.js';
import { planMarkdown, planText, renderPlan } from '../../../src/core/changes/render.js';
import type { RecipeResult } from '../../../src/core/documents/types.js';
import { silentLogger, type AnnotationProperties, type Logger } from '../../../src/core/logger.js';
import { EKS_RECIPE, FIXTURE_DATA, fixtureRecipe, writeGenerated } from '../bundle/support.js';

const baseline = parse(readFileSync(EKS_RECIPE, 'utf8')) as RecipeResult;
const clone = (): RecipeResult => structuredClone(baseline);
const ref = (recipe: RecipeResult, name: string) => recipe.componentRefs.find((entry) => entry.name === name)!;

/** The baseline with one change of every kind a reviewer cares about. */
function changedRecipe(): RecipeResult {
  const recipe = clone();
  recipe.criteria.accelerator = 'gb200';
  recipe.constraints = recipe.constraints!.filter((c) => c.name !== 'OS.release.VERSION_ID').map((c) => (c.name === 'K8s.server.version' ? { ...c, value: '>= 1.33' } : c));
  recipe.constraints.push({ name: 'GPU.smi.driver-version', value: '>= 580' });
  const gpu = ref(recipe, 'gpu-operator');
  gpu.version = 'v26.3.4';
  gpu.overrides = { cdi: { enabled: false }, driver: { version: '580.105.08', 'rdma.enabled': true }, tolerations: [{ key: 'gpu' }] };
  ref(recipe, 'cert-manager').namespace = 'certs';
  recipe.componentRefs = recipe.componentRefs.filter((entry) => entry.name !== 'aws-efa');
  recipe.componentRefs.push({ name: 'network-operator', namespace: 'nvidia-network-operator', type: 'Helm', version: '25.4.0', source: 'https://helm.ngc.nvidia.com/nvidia' });
  return recipe;
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe('recipe change plans', () => {
  it('lists components added, removed and changed with versions, values by dotted path, settings, criteria and constraints', () => {
    const plan = diffRecipes(baseline, changedRecipe(), { baselineSource: 'main/recipe.yaml', targetSource: 'recipe.yaml' });
    expect(plan.subject).toBe('recipe');
    expect(plan.criteria).toEqual([{ path: 'accelerator', kind: 'modified', baseline: 'h100', target: 'gb200' }]);
    expect(plan.constraints).toEqual([
      { path: 'GPU.smi.driver-version', kind: 'added', target: '>= 580' },
      { path: 'K8s.server.version', kind: 'modified', baseline: '>= 1.32.4', target: '>= 1.33' },
      { path: 'OS.release.VERSION_ID', kind: 'removed', baseline: '24.04' },
    ]);
    expect(plan.components.map((c) => `${c.kind} ${c.name}`)).toEqual(['removed aws-efa', 'modified cert-manager', 'modified gpu-operator', 'added network-operator']);
    const gpu = plan.components.find((c) => c.name === 'gpu-operator')!;
    expect(gpu).toMatchObject({ baselineVersion: 'v26.3.3', targetVersion: 'v26.3.4', settings: [] });
    expect(gpu.values).toEqual([
      { path: 'cdi.enabled', kind: 'modified', baseline: 'true', target: 'false' },
      { path: 'driver.version', kind: 'added', target: '580.105.08' },
      { path: 'driver["rdma.enabled"]', kind: 'added', target: 'true' },
      { path: 'gdrcopy.enabled', kind: 'removed', baseline: 'true' },
      { path: 'tolerations[0].key', kind: 'added', target: 'gpu' },
    ]);
    expect(plan.components.find((c) => c.name === 'cert-manager')!.settings).toEqual([{ path: 'namespace', kind: 'modified', baseline: 'cert-manager', target: 'certs' }]);
    expect(plan.components.find((c) => c.name === 'aws-efa')).toMatchObject({ baselineVersion: 'v0.5.29', values: [], settings: [] });
    expect(plan.summary).toEqual({
      componentsAdded: 1, componentsRemoved: 1, componentsChanged: 2, versionChanges: 1, valueChanges: 5,
      criteriaChanges: 1, constraintChanges: 3, filesChanged: 0, total: 8,
    });
  });

  it('is the same whatever the order of components, keys and constraints, and mirrors when the sides swap', () => {
    const target = changedRecipe();
    const shuffled = changedRecipe();
    shuffled.componentRefs.reverse();
    shuffled.constraints!.reverse();
    const gpu = ref(shuffled, 'gpu-operator');
    gpu.overrides = Object.fromEntries(Object.entries(gpu.overrides!).reverse());
    expect(renderPlan(diffRecipes(baseline, shuffled), 'json')).toBe(renderPlan(diffRecipes(baseline, target), 'json'));
    const back = diffRecipes(target, baseline);
    expect(back.components.map((c) => `${c.kind} ${c.name}`)).toEqual(['added aws-efa', 'modified cert-manager', 'modified gpu-operator', 'removed network-operator']);
    expect(back.summary.total).toBe(8);
  });

  it('finds nothing between a recipe and itself', () => {
    const plan = diffRecipes(baseline, clone());
    expect(plan.summary.total).toBe(0);
    expect(planText(plan)).toBe('Recipe changes: No changes between the two recipes.\n');
    expect(planMarkdown(plan)).toContain('**No changes between the two recipes.**');
  });

  it('renders text for a terminal and Markdown tables for a pull request', () => {
    const plan = diffRecipes(baseline, changedRecipe(), { baselineSource: 'main/recipe.yaml', targetSource: 'recipe.yaml' });
    const text = planText(plan);
    expect(text).toContain('Recipe changes: components: 1 added, 1 removed, 2 changed; 1 version change, 5 value changes; 1 criteria change; 3 constraint changes.');
    expect(text).toContain('\ncriteria:\n  ~ accelerator: h100 → gb200\n');
    expect(text).toContain('  - aws-efa v0.5.29\n');
    expect(text).toContain('  ~ gpu-operator v26.3.3 → v26.3.4\n      values ~ cdi.enabled: true → false\n');
    expect(text).toContain('  + network-operator 25.4.0\n');
    const markdown = planMarkdown(plan);
    expect(markdown).toContain('### AICR recipe changes\n\nComparing `main/recipe.yaml` (before) with `recipe.yaml` (after).');
    expect(markdown).toContain('| `gpu-operator` | modified | `v26.3.3 → v26.3.4` |');
    expect(markdown).toContain('| `gpu-operator` | `driver.version` | added | — | `580.105.08` |');
    expect(markdown).toContain('| criteria | `accelerator` | modified | `h100` | `gb200` |');
    expect(parse(renderPlan(plan, 'yaml'))).toEqual(JSON.parse(renderPlan(plan, 'json')));
  });

  it('keeps hostile values inside their table cell and code span, and off the terminal', () => {
    const target = clone();
    ref(target, 'gpu-operator').overrides = { note: 'a | b `x` <script>alert(1)</script>\n| injected | row |', esc: '\u001b[31mred\u001b[0m' };
    const markdown = planMarkdown(diffRecipes(baseline, target));
    const rows = markdown.split('\n').filter((line) => line.includes('`note`'));
    expect(rows).toHaveLength(1);
    // GitHub splits table rows at every unescaped pipe, code spans included.
    expect(rows[0]).toContain('`` a \\| b `x` <script>alert(1)</script> \\| injected \\| row \\| ``');
    expect(rows[0]!.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    expect(markdown).not.toMatch(/^\| injected/m);
    const text = planText(diffRecipes(baseline, target));
    expect(text).not.toContain('\u001b');
    expect(text.split('\n').filter((line) => line.includes('injected'))).toHaveLength(1);
  });
});

describe('bundle change plans', () => {
  const bundleDir = async (recipe: string, options: Record<string, unknown>) => {
    const { dir } = await writeGenerated(recipe, { data: FIXTURE_DATA, ...options });
    created.push(join(dir, '..'));
    return dir;
  };

  it.each(['helm', 'argocd', 'argocdhelm', 'flux'] as const)('%s: values changed by path, files by checksums.txt, components from recipe.yaml', async (deployer) => {
    const recipe = fixtureRecipe('variety');
    const before = await bundleDir(recipe, { deployer, repo: 'https://github.com/example/gitops.git' });
    const after = await bundleDir(recipe, { deployer, repo: 'https://github.com/example/gitops.git', set: ['gpuoperator:driver.version=580.105.08', 'certmanager:replicaCount=2'] });
    const plan = diffBundles(await readBundle(before, 'baseline'), await readBundle(after, 'target'));
    expect(plan.subject).toBe('bundle');
    expect(plan.components.map((c) => `${c.kind} ${c.name}`)).toEqual(['modified cert-manager', 'modified gpu-operator']);
    expect(plan.components.find((c) => c.name === 'gpu-operator')!.values).toEqual([{ path: 'driver.version', kind: 'modified', baseline: '580', target: '580.105.08' }]);
    expect(plan.components.find((c) => c.name === 'cert-manager')!.values).toEqual([{ path: 'replicaCount', kind: 'added', target: '2' }]);
    expect(plan.files.length).toBeGreaterThan(0);
    expect(plan.files.every((file) => file.kind === 'modified')).toBe(true);
    expect(plan.files.map((file) => file.path)).toEqual([...plan.files.map((file) => file.path)].sort());
    expect(plan.summary).toMatchObject({ componentsChanged: 2, valueChanges: 2, versionChanges: 0 });
    expect(planMarkdown(plan)).toContain('<details><summary>Files (checksums.txt)</summary>');
  });

  it('reports components added and removed and the files that came and went', async () => {
    const before = await bundleDir(fixtureRecipe('variety'), { deployer: 'helm' });
    const after = await bundleDir(fixtureRecipe('variety'), { deployer: 'helm', set: ['kai-scheduler:enabled=false'] });
    const plan = diffBundles(await readBundle(before, 'baseline'), await readBundle(after, 'target'));
    expect(plan.components.find((c) => c.name === 'kai-scheduler')).toMatchObject({ kind: 'removed', baselineVersion: 'v0.13.0' });
    expect(plan.files.filter((file) => file.kind === 'removed').map((file) => file.path)).toContain('006-kai-scheduler/values.yaml');
    const back = diffBundles(await readBundle(after, 'baseline'), await readBundle(before, 'target'));
    expect(back.files.filter((file) => file.kind === 'added').map((file) => file.path)).toContain('006-kai-scheduler/values.yaml');
  });

  it('reads a bundle whose recipe.yaml has an older apiVersion with the notice every read logs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicr-old-bundle-'));
    created.push(dir);
    writeFileSync(join(dir, 'recipe.yaml'), 'kind: RecipeResult\napiVersion: aicr.nvidia.com/v1alpha1\ncomponentRefs: []\n');
    writeFileSync(join(dir, 'checksums.txt'), `${'a'.repeat(64)}  recipe.yaml\n`);
    const notices: Array<{ message: string; properties?: AnnotationProperties }> = [];
    const logger: Logger = { ...silentLogger, notice: (message, properties) => notices.push({ message, ...(properties ? { properties } : {}) }) };
    const folder = await readBundle(dir, 'baseline', logger);
    expect(folder.recipe.apiVersionNotice).toMatchObject({ value: 'aicr.nvidia.com/v1alpha1', replacement: 'aicr.run/v1', line: 2 });
    expect(notices).toEqual([{
      message: 'RecipeResult apiVersion "aicr.nvidia.com/v1alpha1" is an older one, read as "aicr.run/v1"; upstream AICR v1 reads only "aicr.run/v1": update the file with "aicr convert"',
      properties: { title: 'older apiVersion', file: join(dir, 'recipe.yaml'), startLine: 2 },
    }]);
  });

  it('refuses folders that are not bundles and reads only what checksums.txt lists', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'aicr-not-bundle-'));
    created.push(empty);
    await expect(readBundle(empty, 'baseline')).rejects.toThrow(/is not a bundle folder: it has no checksums\.txt/);
    writeFileSync(join(empty, 'checksums.txt'), `${'a'.repeat(64)}  ../outside.yaml\n`);
    await expect(readBundle(empty, 'baseline')).rejects.toThrow(/checksums\.txt of .* is not valid: "\.\." segments are not allowed/);
    writeFileSync(join(empty, 'checksums.txt'), `${'a'.repeat(64)}  001-x/values.yaml\n`);
    await expect(readBundle(empty, 'baseline')).rejects.toThrow(/does not list recipe\.yaml/);
  });

  it('never reads through a link: a linked file or a linked folder on the way is refused', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'aicr-outside-'));
    created.push(outside);
    writeFileSync(join(outside, 'values.yaml'), 'secret: value\n');
    const linkedFolder = await bundleDir(fixtureRecipe('variety'), { deployer: 'helm' });
    rmSync(join(linkedFolder, '004-gpu-operator'), { recursive: true });
    symlinkSync(outside, join(linkedFolder, '004-gpu-operator'));
    await expect(readBundle(linkedFolder, 'baseline')).rejects.toThrow(/"004-gpu-operator\/values\.yaml" in .* leads outside the bundle through a link/);
    const linkedFile = await bundleDir(fixtureRecipe('variety'), { deployer: 'helm' });
    rmSync(join(linkedFile, '004-gpu-operator', 'values.yaml'));
    symlinkSync(join(outside, 'values.yaml'), join(linkedFile, '004-gpu-operator', 'values.yaml'));
    await expect(readBundle(linkedFile, 'baseline')).rejects.toThrow(/"004-gpu-operator\/values\.yaml" in .* is not a regular file/);
  });
});
