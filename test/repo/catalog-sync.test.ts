import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { syncCatalog, SchemaProblems } from '../../scripts/catalog-sync/sync.js';
import type { ChangeReport } from '../../scripts/catalog-sync/report.js';
import { commentsIn } from '../../scripts/catalog-sync/strip.js';
import { walkFiles } from '../../src/core/catalog/source.js';
import { buildRecipe } from '../../src/core/recipe/build.js';
import { anyCriteria, applyCriteria } from '../../src/core/criteria.js';
import { ExitCode, exitCodeFor } from '../../src/core/errors.js';
import { catalogFromDir, tempDir } from '../helpers/catalog.js';
import { REPO_ROOT, SHARED, UPSTREAM_RECIPES } from '../helpers/paths.js';
import { RECIPES_IMPORTED_FROM_UPSTREAM_2026 } from '../helpers/catalog-import.js';

const UPSTREAM_2026 = join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'recipes');
const LABEL_2026 = 'main 9793720d (2026-08-21)';
/** Whole-catalog imports and script runs: seconds each here, more on a busy CI machine. */
const SLOW = 240_000;

/** A copy of our recipes/ in a fresh folder of its own (so stray siblings would show). */
function ourCatalogCopy(): { parent: string; target: string } {
  const parent = tempDir('aicr-sync-');
  const target = join(parent, 'recipes');
  cpSync(join(REPO_ROOT, 'recipes'), target, { recursive: true });
  return { parent, target };
}

/** A writable copy of upstream v0.11.1's recipes/ (the shared copy is read-only). */
function sourceCopy(): string {
  const dir = tempDir('aicr-sync-src-');
  cpSync(UPSTREAM_RECIPES, dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const path of walkFiles(dir, (_, absolute, entry) => entry.isDirectory() && chmodSync(absolute, 0o755))) chmodSync(join(dir, path), 0o644);
  return dir;
}

/** Our two mixins of before the 2026 import (upstream has mixins of the same names since). */
const OUR_MIXINS = {
  'os-ubuntu': 'kind: RecipeMixin\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  name: os-ubuntu\nspec:\n  constraints:\n    - name: OS.release.ID\n      value: ubuntu\n',
  'platform-kubeflow': 'kind: RecipeMixin\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  name: platform-kubeflow\nspec:\n  componentRefs:\n    - name: kubeflow-trainer\n      type: Helm\n      valuesFile: components/kubeflow-trainer/values.yaml\n',
};

/**
 * A catalog to import into that does not move when recipes/ does: upstream v0.11.1 as it is,
 * with our credit and licence files and our two mixins, in a fresh folder of its own.
 */
function v011Target(): { parent: string; target: string } {
  const parent = tempDir('aicr-sync-');
  const target = join(parent, 'recipes');
  cpSync(sourceCopy(), target, { recursive: true });
  for (const file of ['README.md', 'LICENSE-upstream-aicr']) cpSync(join(REPO_ROOT, 'recipes', file), join(target, file));
  mkdirSync(join(target, 'mixins'));
  for (const [name, text] of Object.entries(OUR_MIXINS)) writeFileSync(join(target, 'mixins', `${name}.yaml`), text);
  return { parent, target };
}

const snapshot = (dir: string): Record<string, string> => Object.fromEntries(walkFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));

function addedOrRemoved(report: ChangeReport): string[] {
  const parts = { overlays: report.overlays, mixins: report.mixins, components: report.components, checks: report.checks, validators: report.validators };
  return Object.entries(parts).flatMap(([name, part]) => [...part.added.map((x) => `+${name}/${x}`), ...part.removed.map((x) => `-${name}/${x}`)]);
}

describe('sync-catalog: upstream v0.11.1', () => {
  it.skipIf(RECIPES_IMPORTED_FROM_UPSTREAM_2026)('into a copy of recipes/ (v0.11.1, hand-converted) changes no fact: the report is small', async () => {
    const { parent, target } = ourCatalogCopy();
    const { report, written } = await syncCatalog({ source: UPSTREAM_RECIPES, target, upstream: 'v0.11.1' });
    expect(written).toBe(true);
    expect(addedOrRemoved(report)).toEqual([]);
    expect([report.components.renamed, report.versions, report.validators.changed, report.overlays.changed, report.problems]).toEqual([[], [], [], [], []]);
    expect(Object.values(report.criteria).flatMap((c) => [...c.added, ...c.removed])).toEqual([]);
    expect(report.counts).toEqual({ overlays: 38, mixins: 2, components: 19, checks: 16, validators: 16, files: 94 });
    expect(readdirSync(parent)).toEqual(['recipes']);
  }, SLOW);

  it('changes no fact: no overlay, mixin, component, check or validator comes or goes, no version or criteria change', async () => {
    const { parent, target } = v011Target();
    const { report, written } = await syncCatalog({ source: UPSTREAM_RECIPES, target, upstream: 'v0.11.1' });
    expect(written).toBe(true);
    expect(addedOrRemoved(report)).toEqual([]);
    expect(report.components.renamed).toEqual([]);
    expect(report.versions).toEqual([]);
    expect(report.validators.changed).toEqual([]);
    expect(Object.values(report.criteria).flatMap((c) => [...c.added, ...c.removed])).toEqual([]);
    expect(report.overlays.changed).toEqual([]);
    expect(report.counts).toEqual({ overlays: 38, mixins: 2, components: 19, checks: 16, validators: 16, files: 94 });
    expect(report.problems).toEqual([]);
    // Upstream has no mixins at v0.11.1: ours stay, as do the credit and licence files.
    expect(report.kept).toEqual(['LICENSE-upstream-aicr', 'README.md', 'mixins/os-ubuntu.yaml', 'mixins/platform-kubeflow.yaml']);
    expect(report.leftOut).toEqual(['README.md', 'validators/README.md']);
    expect(readdirSync(parent)).toEqual(['recipes']);
  }, SLOW);

  it("writes a catalog that builds the same recipe as upstream's own files for every leaf overlay, without a comment line", async () => {
    const { target } = v011Target();
    await syncCatalog({ source: UPSTREAM_RECIPES, target, upstream: 'v0.11.1' });
    const [ours, imported] = await Promise.all([catalogFromDir(UPSTREAM_RECIPES), catalogFromDir(target)]);
    let built = 0;
    for (const overlay of ours.matchable) {
      const criteria = applyCriteria(anyCriteria(), overlay.criteria as Record<string, string>, (f) => f);
      expect(JSON.stringify(buildRecipe(imported, criteria)), overlay.name).toBe(JSON.stringify(buildRecipe(ours, criteria)));
      built++;
    }
    expect(built).toBe(37);
    for (const [path, text] of Object.entries(snapshot(target))) {
      if (path.includes('/manifests/') || path.endsWith('.md') || path.startsWith('LICENSE')) continue;
      expect(commentsIn(text), path).toEqual([]);
    }
    expect(readFileSync(join(target, 'overlays', 'base.yaml'), 'utf8')).toMatch(/^kind: RecipeMetadata\napiVersion: aicr\.run\/v1beta1\n/);
    expect(readFileSync(join(target, 'README.md'), 'utf8')).toContain('NVIDIA AI Cluster Runtime (AICR) v0.11.1, <https://github.com/NVIDIA/aicr>');
  }, SLOW);

  it('is deterministic and a second run changes nothing', async () => {
    const first = v011Target();
    const second = v011Target();
    await syncCatalog({ source: UPSTREAM_RECIPES, target: first.target, upstream: 'v0.11.1' });
    await syncCatalog({ source: UPSTREAM_RECIPES, target: second.target, upstream: 'v0.11.1' });
    const written = snapshot(first.target);
    expect(snapshot(second.target)).toEqual(written);
    const again = await syncCatalog({ source: UPSTREAM_RECIPES, target: first.target, upstream: 'v0.11.1' });
    expect(again).toMatchObject({ written: false, report: { noChanges: true, files: { added: 0, removed: 0, changed: 0 } } });
    expect(snapshot(first.target)).toEqual(written);
    expect(readdirSync(first.parent)).toEqual(['recipes']);
  }, SLOW);
});

describe('sync-catalog: upstream main 2026-08-21', () => {
  it('reports the catalog of issue 9 (dry run, newer fields tolerated) and leaves recipes/ as it is', async () => {
    const { parent, target } = v011Target();
    const before = snapshot(target);
    const { report, written } = await syncCatalog({ source: UPSTREAM_2026, target, upstream: LABEL_2026, dryRun: true, tolerateInvalid: true });
    expect(written).toBe(false);
    expect(snapshot(target)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['recipes']);
    expect(report.counts).toMatchObject({ overlays: 103, mixins: 4, components: 43, checks: 41 });
    expect(report.overlays.added).toHaveLength(65);
    expect(report.overlays.removed).toEqual([]);
    expect(report.mixins.added).toEqual(['os-talos', 'platform-inference']);
    // Upstream has os-ubuntu and platform-kubeflow: ours are replaced, not kept.
    expect(report.kept).toEqual(['LICENSE-upstream-aicr', 'README.md']);
    expect(report.components.removed).toEqual(['dynamo-crds', 'kgateway', 'kgateway-crds', 'skyhook-customizations', 'skyhook-operator']);
    expect(report.components.renamed.map((r) => `${r.from}>${r.to}`)).toEqual([
      'kgateway>agentgateway', 'kgateway-crds>agentgateway-crds', 'skyhook-customizations>nodewright-customizations', 'skyhook-operator>nodewright-operator',
    ]);
    expect(report.versions.find((v) => v.component === 'nodewright-operator')).toEqual({
      component: 'nodewright-operator', previousName: 'skyhook-operator', default: { old: '(none)', new: 'v0.17.1' }, pins: { old: ['v0.14.0'], new: [] },
    });
    expect(report.versions.find((v) => v.component === 'cert-manager')?.default).toEqual({ old: 'v1.17.2', new: 'v1.20.2' });
    expect(report.criteria.service!.added).toEqual(['bcm', 'lke', 'ocp', 'oke']);
    expect(report.criteria.accelerator!.added).toEqual(['a100', 'b200', 'h200', 'l40s', 'rtx-pro-6000']);
    expect(report.criteria.platform!.added).toEqual(['nim', 'slurm']);
    expect(report.checks.added).toHaveLength(28);
    expect(report.checks.removed).toEqual(['kgateway', 'skyhook-customizations', 'skyhook-operator']);
    expect(report.validators.added).toEqual(['gke-gpu-nic-networks', 'inference-perf', 'nccl-all-reduce-bw-net', 'nccl-all-reduce-bw-nvls', 'slinky-slurm-health', 'slinky-slurm-imex-channel']);
    expect(report.leftOut).toEqual(['README.md', 'evidence/', 'validators/README.md']);
    // Problems our schemas still find (newer upstream fields) are listed one per file, located.
    expect(report.problems.every((problem) => /^recipes\/\S+:\d+:\d+: /.test(problem))).toBe(true);
  }, SLOW);

  it('imports, when tolerated, a catalog whose files carry no upstream comments and a second run finds no changes', async () => {
    const { parent, target } = v011Target();
    const { written } = await syncCatalog({ source: UPSTREAM_2026, target, upstream: LABEL_2026, tolerateInvalid: true });
    expect(written).toBe(true);
    const files = snapshot(target);
    expect(Object.keys(files).filter((path) => path.startsWith('evidence/') || path.endsWith('README.md'))).toEqual(['README.md']);
    expect(Object.keys(files)).toHaveLength(252);
    expect(parse(files['overlays/h100-eks-ubuntu-training.yaml']!)).toMatchObject({ apiVersion: 'aicr.run/v1beta1', spec: { mixins: ['os-ubuntu'] } });
    expect(Object.values(files).filter((text) => text.includes('NVIDIA CORPORATION'))).toEqual([]);
    for (const [path, text] of Object.entries(files)) if (path.endsWith('.yaml') && !path.includes('/manifests/')) expect(commentsIn(text), path).toEqual([]);
    expect(files['README.md']).toContain(`(AICR) ${LABEL_2026}, <https://github.com/NVIDIA/aicr>`);
    expect(files['README.md']).toContain('- `components/agentgateway-crds/manifests/gateway-api-crds.yaml`');
    const again = await syncCatalog({ source: UPSTREAM_2026, target, upstream: LABEL_2026, tolerateInvalid: true, dryRun: true });
    expect(again.report.noChanges).toBe(true);
    expect(readdirSync(parent)).toEqual(['recipes']);
  }, SLOW);
});

describe('sync-catalog: hostile or wrong sources', () => {
  async function refused(source: string, limits = {}): Promise<unknown> {
    const { parent, target } = v011Target();
    const before = snapshot(target);
    const error = await syncCatalog({ source, target, upstream: 'test', limits }).catch((e: unknown) => e);
    expect(snapshot(target)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['recipes']);
    return error;
  }

  it('refuses a symlink, naming it', async () => {
    const dir = sourceCopy();
    symlinkSync('/etc/passwd', join(dir, 'components', 'gpu-operator', 'values-x.yaml'));
    const error = await refused(dir);
    expect(exitCodeFor(error)).toBe(ExitCode.InvalidInput);
    expect((error as Error).message).toContain('symlinks are not imported: components/gpu-operator/values-x.yaml');
  });

  it('refuses a file past the size limit', async () => {
    const dir = sourceCopy();
    writeFileSync(join(dir, 'overlays', 'big.yaml'), 'x'.repeat(2 * 1024 * 1024));
    const error = await refused(dir, { maxFileBytes: 1024 * 1024 });
    expect((error as Error).message).toContain('file too large (2097152 bytes, max 1048576): overlays/big.yaml');
  });

  it('refuses a source with more entries than a catalog holds, and a file that is not UTF-8', async () => {
    const dir = sourceCopy();
    expect((await refused(dir, { maxEntries: 50 }) as Error).message).toMatch(/more than 50 entries/);
    writeFileSync(join(dir, 'components', 'gpu-operator', 'values.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
    const error = await refused(dir);
    expect(exitCodeFor(error)).toBe(ExitCode.InvalidInput);
    expect((error as Error).message).toContain('components/gpu-operator/values.yaml in ');
    expect((error as Error).message).toContain('is not UTF-8 text');
  });

  it('refuses a source without registry.yaml and one that does not exist', async () => {
    const dir = tempDir('aicr-sync-src-');
    mkdirSync(join(dir, 'overlays'));
    expect((await refused(dir) as Error).message).toMatch(/holds no registry.yaml/);
    expect((await refused(join(dir, 'missing')) as Error).message).toMatch(/upstream recipes directory not found/);
  });

  it('refuses a catalog file that is not YAML, naming it', async () => {
    const dir = sourceCopy();
    writeFileSync(join(dir, 'components', 'gpu-operator', 'values.yaml'), 'a: [1,\n');
    const error = await refused(dir);
    expect(error).toBeInstanceOf(SchemaProblems);
    expect((error as SchemaProblems).problems).toEqual([expect.stringMatching(/^components\/gpu-operator\/values.yaml: /)]);
  });

  it('without --tolerate-invalid fails listing every document that fails our schemas', async () => {
    const dir = sourceCopy();
    const overlay = join(dir, 'overlays', 'eks.yaml');
    writeFileSync(overlay, readFileSync(overlay, 'utf8').replace('spec:\n', 'spec:\n  bogusField: 1\n'));
    const registry = join(dir, 'registry.yaml');
    writeFileSync(registry, readFileSync(registry, 'utf8').replace('  - name: cert-manager\n', '  - name: cert-manager\n    brandNew: true\n'));
    const error = await refused(dir);
    expect(error).toBeInstanceOf(SchemaProblems);
    expect(exitCodeFor(error)).toBe(ExitCode.InvalidInput);
    const problems = (error as SchemaProblems).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^recipes\/overlays\/eks.yaml:\d+:\d+: RecipeMetadata field spec has the unknown field "bogusField"/),
      expect.stringMatching(/^recipes\/registry.yaml:\d+:\d+: ComponentRegistry field components\[\d+\] has the unknown field "brandNew"/),
    ]);
    for (const problem of problems) expect((error as Error).message).toContain(problem);
    // Tolerated, the same problems are reported and the import goes ahead.
    const { target } = v011Target();
    const tolerated = await syncCatalog({ source: dir, target, upstream: 'test', tolerateInvalid: true });
    expect(tolerated.written).toBe(true);
    expect(tolerated.report.problems).toEqual(problems);
  });

  it('lists a broken reference found by loading the imported catalog', async () => {
    const dir = sourceCopy();
    const path = join(dir, 'overlays', 'h100-eks-training.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('base: eks-training', 'base: no-such-overlay'));
    const error = await refused(dir);
    expect((error as SchemaProblems).problems).toContainEqual(expect.stringMatching(/^recipes\/overlays\/h100-eks-training.yaml: .*"no-such-overlay" not found/));
  });
});

describe('npm run sync-catalog (the script)', () => {
  const script = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'sync-catalog.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });

  it('prints the report, writes it as JSON with --report, and changes nothing with --dry-run', () => {
    const { target } = v011Target();
    const before = snapshot(target);
    const out = join(tempDir('aicr-sync-report-'), 'report.json');
    const result = script([UPSTREAM_RECIPES, '--target', target, '--upstream', 'v0.11.1', '--dry-run', '--report', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# Catalog import: v0\.11\.1\n/);
    expect(result.stdout).toContain('The imported catalog: 38 overlays, 2 mixins, 19 components, 16 health checks, 16 validators (94 files).');
    expect(result.stderr).toContain('dry run');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ upstream: 'v0.11.1', counts: { overlays: 38 }, noChanges: false });
    expect(snapshot(target)).toEqual(before);
  }, SLOW);

  it('--check exits 1 while the import would change recipes/, and 0 once it would not', async () => {
    const { target } = v011Target();
    const pending = script([UPSTREAM_RECIPES, '--target', target, '--upstream', 'v0.11.1', '--check']);
    expect(pending.status, pending.stderr).toBe(1);
    expect(pending.stdout).toMatch(/\nFiles: 0 added, \d+ removed, \d+ changed/);
    await syncCatalog({ source: UPSTREAM_RECIPES, target, upstream: 'v0.11.1' });
    const current = script([UPSTREAM_RECIPES, '--target', target, '--upstream', 'v0.11.1', '--check']);
    expect(current.status, current.stderr).toBe(0);
    expect(current.stdout).toContain('No changes: the catalog already matches this upstream tree.');
    expect(current.stderr).toContain('no changes');
  }, SLOW);

  it('exits 2 on bad arguments and without --upstream outside a git checkout', () => {
    expect(script([]).status).toBe(2);
    expect(script([UPSTREAM_RECIPES, '--bogus']).status).toBe(2);
    const noGit = script([UPSTREAM_RECIPES, '--dry-run']);
    expect(noGit.status).toBe(2);
    expect(noGit.stderr).toContain('--upstream is required');
  }, SLOW);
});
