/**
 * `force` replaces only an earlier, unchanged bundle of ours; anything else is exit 2 with every
 * file untouched. Two runs writing the same output never replace each other's finished result:
 * the competing write lands while the run provably waits for its input (its request reached
 * the test's server), and the run then fails with exit 2, leaving the other result as it is.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeCluster } from '../fake-kube/harness.js';
import { FIXTURES } from '../helpers/paths.js';
import { action, actionAsync, cli, cliAsync, gitlab, gitlabAsync, scratchDir, type DoorRun } from './doors.js';
import { useHeldDocuments } from './servers.js';

const RECIPE = readFileSync(join(FIXTURES, 'bundle', 'recipes', 'eks-h100-ubuntu-training-kubeflow.yaml'), 'utf8');
const SNAPSHOT_TEXT = readFileSync(join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml'), 'utf8');
const SNAPSHOT = join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml');

const held = useHeldDocuments();

/** Every file below `dir` (links as `-> target`), to prove nothing was touched. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) out[path] = '-> link';
      else if (entry.isDirectory()) {
        out[`${path}/`] = '';
        visit(path);
      } else out[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  visit('');
  return out;
}

/** A workspace holding recipe.yaml and an earlier bundle written by the CLI at `bundle/`. */
function workspaceWithBundle(): string {
  const workspace = scratchDir('replace');
  writeFileSync(join(workspace, 'recipe.yaml'), RECIPE);
  const first = cli(['bundle', '-r', 'recipe.yaml', '-o', 'bundle'], { cwd: workspace });
  expect(first.code, first.log).toBe(0);
  return workspace;
}

/** Refused with exit 2, naming the output and the force option as the door spells them. */
function expectRefused(run: DoorRun, reason: string): void {
  expect(run.code, run.log).toBe(2);
  const output = run.door === 'cli' ? '--output' : 'input "output"';
  const force = run.door === 'cli' ? '--force' : 'input "force"';
  expect(run.log).toContain(`${output}: `);
  expect(run.log).toContain(`is not an unchanged earlier bundle, so ${force} does not replace it: ${reason}; nothing in it was touched`);
  expect(run.log).toContain('move or delete this folder yourself');
}

/** The workspace holds only these names (no temporary sibling left). */
function expectOnly(workspace: string, names: string[]): void {
  expect(readdirSync(workspace).sort()).toEqual([...names].sort());
}

describe('safe-replace', () => {
  describe('force replaces only an unchanged earlier bundle', () => {
    it('cli: a home directory is refused, untouched', () => {
      const workspace = scratchDir('home');
      const home = join(workspace, 'home');
      mkdirSync(join(home, '.ssh'), { recursive: true });
      writeFileSync(join(home, '.bashrc'), 'export PATH\n');
      writeFileSync(join(home, '.ssh', 'id_ed25519'), 'secret');
      writeFileSync(join(workspace, 'recipe.yaml'), RECIPE);
      const before = tree(home);
      const run = cli(['bundle', '-r', 'recipe.yaml', '-o', 'home', '--force'], { cwd: workspace });
      expectRefused(run, 'it has no checksums.txt, so it is not a bundle aicr bundle wrote');
      expect(tree(home)).toEqual(before);
      expectOnly(workspace, ['home', 'recipe.yaml']);
    });

    it('action: a source tree is refused, untouched', () => {
      const workspace = scratchDir('src');
      mkdirSync(join(workspace, 'bundle', 'src'), { recursive: true });
      writeFileSync(join(workspace, 'bundle', 'package.json'), '{}');
      writeFileSync(join(workspace, 'bundle', 'src', 'index.ts'), 'export {};\n');
      writeFileSync(join(workspace, 'recipe.yaml'), RECIPE);
      const before = tree(join(workspace, 'bundle'));
      const run = action('bundle', { recipe: 'recipe.yaml', force: 'true' }, { cwd: workspace });
      expectRefused(run, 'it has no checksums.txt, so it is not a bundle aicr bundle wrote');
      expect(run.outputs).toEqual({});
      expect(tree(join(workspace, 'bundle'))).toEqual(before);
      expectOnly(workspace, ['bundle', 'recipe.yaml']);
    });

    it('gitlab: an earlier bundle with an extra file is refused, untouched', () => {
      const workspace = workspaceWithBundle();
      writeFileSync(join(workspace, 'bundle', 'my-notes.md'), 'keep me');
      const before = tree(join(workspace, 'bundle'));
      const run = gitlab('bundle', { recipe: 'recipe.yaml', force: 'true' }, { cwd: workspace });
      expectRefused(run, 'my-notes.md is not part of the bundle (not listed in checksums.txt)');
      expect(tree(join(workspace, 'bundle'))).toEqual(before);
    });

    it('cli: an earlier bundle with a modified file is refused, untouched', () => {
      const workspace = workspaceWithBundle();
      appendFileSync(join(workspace, 'bundle', 'deploy.sh'), '\n# my change\n');
      const before = tree(join(workspace, 'bundle'));
      const run = cli(['bundle', '-r', 'recipe.yaml', '-o', 'bundle', '--force'], { cwd: workspace });
      expectRefused(run, 'deploy.sh was changed after the bundle was written');
      expect(tree(join(workspace, 'bundle'))).toEqual(before);
      expectOnly(workspace, ['bundle', 'recipe.yaml']);
    });

    it('action: an earlier bundle with a file missing is refused, untouched', () => {
      const workspace = workspaceWithBundle();
      rmSync(join(workspace, 'bundle', 'undeploy.sh'));
      const before = tree(join(workspace, 'bundle'));
      const run = action('bundle', { recipe: 'recipe.yaml', force: 'true' }, { cwd: workspace });
      expectRefused(run, 'undeploy.sh is listed in checksums.txt but missing');
      expect(tree(join(workspace, 'bundle'))).toEqual(before);
    });

    it('cli: an earlier bundle holding a symbolic link is refused, untouched (the link target too)', () => {
      const workspace = workspaceWithBundle();
      const outside = join(scratchDir('outside'), 'precious.txt');
      writeFileSync(outside, 'precious');
      symlinkSync(outside, join(workspace, 'bundle', 'precious.txt'));
      const run = cli(['bundle', '-r', 'recipe.yaml', '-o', 'bundle', '--force'], { cwd: workspace });
      expectRefused(run, 'precious.txt is a symbolic link, which no bundle has');
      expect(readFileSync(outside, 'utf8')).toBe('precious');
      expect(existsSync(join(workspace, 'bundle', 'precious.txt'))).toBe(true);
    });

    it('gitlab: an earlier bundle holding an empty folder is refused', () => {
      const workspace = workspaceWithBundle();
      mkdirSync(join(workspace, 'bundle', 'scratch'));
      const run = gitlab('bundle', { recipe: 'recipe.yaml', force: 'true' }, { cwd: workspace });
      expectRefused(run, 'scratch/ is an empty folder, which no bundle has');
      expect(existsSync(join(workspace, 'bundle', 'scratch'))).toBe(true);
    });

    it('cli: a folder whose checksums.txt matches but whose README is not ours is refused', () => {
      const workspace = scratchDir('lookalike');
      const dir = join(workspace, 'bundle');
      mkdirSync(dir);
      writeFileSync(join(dir, 'README.md'), '# My project\n');
      writeFileSync(join(dir, 'recipe.yaml'), 'kind: x\n');
      const sha = (text: string) => createHash('sha256').update(text).digest('hex');
      writeFileSync(join(dir, 'checksums.txt'), `${sha('# My project\n')}  README.md\n${sha('kind: x\n')}  recipe.yaml\n`);
      writeFileSync(join(workspace, 'recipe.yaml'), RECIPE);
      const before = tree(dir);
      const run = cli(['bundle', '-r', 'recipe.yaml', '-o', 'bundle', '--force'], { cwd: workspace });
      expectRefused(run, 'its README.md was not written by aicr bundle');
      expect(tree(dir)).toEqual(before);
    });

    it('action: a symbolic link as the output is refused (never followed)', () => {
      const workspace = workspaceWithBundle();
      symlinkSync(join(workspace, 'bundle'), join(workspace, 'link'));
      const run = action('bundle', { recipe: 'recipe.yaml', output: 'link', force: 'true' }, { cwd: workspace });
      expect(run.code, run.log).toBe(2);
      expect(run.log).toContain('input "output": link is a symbolic link');
    });

    it('cli: an unchanged earlier bundle is replaced entirely, nothing left beside it', () => {
      const workspace = workspaceWithBundle();
      const run = cli(['bundle', '-r', 'recipe.yaml', '-o', 'bundle', '--force', '-d', 'helmfile'], { cwd: workspace });
      expect(run.code, run.log).toBe(0);
      expect(existsSync(join(workspace, 'bundle', 'helmfile.yaml'))).toBe(true);
      expect(existsSync(join(workspace, 'bundle', 'deploy.sh'))).toBe(false);
      expectOnly(workspace, ['bundle', 'recipe.yaml']);
    });

    it('action: an earlier bundle signed with an attestation is still ours and replaced', () => {
      const workspace = workspaceWithBundle();
      mkdirSync(join(workspace, 'bundle', 'attestation'));
      writeFileSync(join(workspace, 'bundle', 'attestation', 'bundle-attestation.sigstore.json'), '{}');
      const run = action('bundle', { recipe: 'recipe.yaml', force: 'true', deployer: 'flux' }, { cwd: workspace });
      expect(run.code, run.log).toBe(0);
      expect(run.outputs.deployer).toBe('flux');
      expectOnly(workspace, ['bundle', 'recipe.yaml']);
    });

    it('gitlab: an unchanged earlier bundle is replaced', () => {
      const workspace = workspaceWithBundle();
      const run = gitlab('bundle', { recipe: 'recipe.yaml', force: 'true', deployer: 'argocd' }, { cwd: workspace });
      expect(run.code, run.log).toBe(0);
      // The GitLab door also writes its Code Quality report of bundle-time validations by default.
      expectOnly(workspace, ['aicr-bundle.env', 'bundle', 'gl-code-quality-bundle.json', 'recipe.yaml']);
    });
  });

  describe('a result another run finished meanwhile is never replaced', () => {
    it('cli: bundle without force, the folder filled while it waited: exit 2, theirs intact', async () => {
      const server = await held();
      const run = cliAsync(['bundle', '-r', server.url, '-o', 'bundle'], { env: server.env });
      await server.arrived;
      mkdirSync(join(run.workspace, 'bundle'));
      writeFileSync(join(run.workspace, 'bundle', 'theirs.txt'), 'finished');
      server.release(RECIPE);
      const result = await run.done;
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain('--output: bundle was written by another process while this run was working, so this run left it as it is');
      expect(tree(join(run.workspace, 'bundle'))).toEqual({ 'theirs.txt': 'finished' });
      expectOnly(run.workspace, ['bundle']);
    });

    it('gitlab: bundle with force, the earlier bundle replaced by another run meanwhile: exit 2, the other bundle intact', async () => {
      const workspace = workspaceWithBundle();
      const server = await held();
      const run = gitlabAsync('bundle', { recipe: server.url, force: 'true' }, { cwd: workspace, env: server.env });
      await server.arrived;
      // Another run finishes first: its bundle takes the place in one rename.
      const other = cli(['bundle', '-r', 'recipe.yaml', '-o', 'other', '-d', 'helmfile'], { cwd: workspace });
      expect(other.code, other.log).toBe(0);
      rmSync(join(workspace, 'bundle'), { recursive: true });
      renameSync(join(workspace, 'other'), join(workspace, 'bundle'));
      const before = tree(join(workspace, 'bundle'));
      server.release(RECIPE);
      const result = await run.done;
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain('input "output": bundle (another folder took its place) was written by another process');
      expect(tree(join(workspace, 'bundle'))).toEqual(before);
      expect(readdirSync(workspace).filter((name) => name.startsWith('.'))).toEqual([]);
    });

    it('action: bundle with force, the earlier bundle edited meanwhile: exit 2, the edit kept', async () => {
      const workspace = workspaceWithBundle();
      const server = await held();
      const run = actionAsync('bundle', { recipe: server.url, force: 'true' }, { cwd: workspace, env: server.env });
      await server.arrived;
      appendFileSync(join(workspace, 'bundle', 'README.md'), '\nedited while the run worked\n');
      const before = tree(join(workspace, 'bundle'));
      server.release(RECIPE);
      const result = await run.done;
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain('README.md was changed after the bundle was written');
      expect(tree(join(workspace, 'bundle'))).toEqual(before);
      expectOnly(workspace, ['bundle', 'recipe.yaml']);
    });

    it('cli: two runs into one recipe file: the first to finish wins, the second fails (exit 2)', async () => {
      const workspace = scratchDir('two-runs');
      const first = await held();
      const second = await held();
      const a = cliAsync(['recipe', '--snapshot', first.url, '-o', 'recipe.yaml'], { cwd: workspace, env: first.env });
      const b = cliAsync(['recipe', '--snapshot', second.url, '--format', 'json', '-o', 'recipe.yaml'], { cwd: workspace, env: second.env });
      await Promise.all([first.arrived, second.arrived]);
      second.release(SNAPSHOT_TEXT);
      const bResult = await b.done;
      expect(bResult.code, bResult.log).toBe(0);
      const written = readFileSync(join(workspace, 'recipe.yaml'), 'utf8');
      first.release(SNAPSHOT_TEXT);
      const aResult = await a.done;
      expect(aResult.code, aResult.log).toBe(2);
      expect(aResult.log).toContain('--output: recipe.yaml was written by another process while this run was working');
      expect(readFileSync(join(workspace, 'recipe.yaml'), 'utf8')).toBe(written);
      expectOnly(workspace, ['recipe.yaml']);
    });

    it('gitlab: recipe, the file replaced by another run meanwhile: exit 2, theirs kept', async () => {
      const workspace = scratchDir('recipe');
      writeFileSync(join(workspace, 'recipe.yaml'), 'old: true\n');
      const server = await held();
      const run = gitlabAsync('recipe', { snapshot: server.url, output: 'recipe.yaml' }, { cwd: workspace, env: server.env });
      await server.arrived;
      writeFileSync(join(workspace, 'theirs.yaml'), 'theirs: true\n');
      renameSync(join(workspace, 'theirs.yaml'), join(workspace, 'recipe.yaml'));
      server.release(SNAPSHOT_TEXT);
      const result = await run.done;
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain('input "output": recipe.yaml was written by another process');
      expect(readFileSync(join(workspace, 'recipe.yaml'), 'utf8')).toBe('theirs: true\n');
    });

    it('action: validate, a report written meanwhile is kept (exit 2)', async () => {
      const workspace = scratchDir('validate');
      const server = await held();
      const run = actionAsync('validate', { recipe: server.url, snapshot: SNAPSHOT, 'report-dir': 'reports' }, { cwd: workspace, env: server.env });
      await server.arrived;
      mkdirSync(join(workspace, 'reports'));
      writeFileSync(join(workspace, 'reports', 'junit.xml'), '<theirs/>');
      const recipe = cli(['recipe', '--snapshot', SNAPSHOT]);
      server.release(recipe.stdout);
      const result = await run.done;
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain('input "report-dir": reports/junit.xml was written by another process');
      expect(readFileSync(join(workspace, 'reports', 'junit.xml'), 'utf8')).toBe('<theirs/>');
      expect(readdirSync(join(workspace, 'reports')).filter((name) => name.startsWith('.'))).toEqual([]);
    });

    it('cli: an output present when the run started and unchanged is replaced as before', () => {
      const workspace = scratchDir('rerun');
      writeFileSync(join(workspace, 'recipe.yaml'), 'old: true\n');
      const run = cli(['recipe', '--snapshot', SNAPSHOT, '-o', 'recipe.yaml'], { cwd: workspace });
      expect(run.code, run.log).toBe(0);
      expect(readFileSync(join(workspace, 'recipe.yaml'), 'utf8')).toContain('kind: RecipeResult');
      expectOnly(workspace, ['recipe.yaml']);
    });

    describe('cm:// ConfigMaps', () => {
      const cluster = useFakeCluster();

      it('cli: recipe -o cm://…, created by someone else after the claim: exit 2, theirs kept', async () => {
        // Right after our claim read it as absent, another writer creates it.
        cluster.fake.inject({ method: 'GET', resource: 'configmaps', afterResponse: () => cluster.fake.create('configmaps', { metadata: { name: 'aicr-recipe', namespace: 'default' }, data: { theirs: 'yes' } }) });
        const run = await cliAsync(['recipe', '--service', 'eks', '--accelerator', 'h100', '-o', 'cm://default/aicr-recipe', '--kubeconfig', cluster.kubeconfig]).done;
        expect(run.code, run.log).toBe(2);
        expect(run.log).toContain('--output: ConfigMap cm://default/aicr-recipe was written by another process while this run was working');
        expect(cluster.fake.get('configmaps', 'default', 'aicr-recipe')!.data).toEqual({ theirs: 'yes' });
      });

      it('gitlab: recipe to an existing ConfigMap changed after the claim: exit 2, no retry over it', async () => {
        cluster.fake.create('configmaps', { metadata: { name: 'aicr-recipe', namespace: 'default' }, data: { format: 'yaml', 'snapshot.yaml': 'old' } });
        cluster.fake.inject({ method: 'GET', resource: 'configmaps', afterResponse: () => cluster.fake.patch('configmaps', 'default', 'aicr-recipe', { data: { 'snapshot.yaml': 'theirs' } }) });
        const run = await gitlabAsync('recipe', { service: 'eks', accelerator: 'h100', output: 'cm://default/aicr-recipe', kubeconfig: cluster.kubeconfig }).done;
        expect(run.code, run.log).toBe(2);
        expect(run.log).toContain('input "output": ConfigMap cm://default/aicr-recipe was written by another process');
        expect(cluster.fake.get('configmaps', 'default', 'aicr-recipe')!.data['snapshot.yaml']).toBe('theirs');
        expect(cluster.fake.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([409]);
      });

      it('action: recipe to an existing, unchanged ConfigMap replaces it (update under its resourceVersion)', async () => {
        cluster.fake.create('configmaps', { metadata: { name: 'aicr-recipe', namespace: 'default', labels: { team: 'gpu' } }, data: { format: 'yaml', 'snapshot.yaml': 'old' } });
        const run = await actionAsync('recipe', { service: 'eks', accelerator: 'h100', output: 'cm://default/aicr-recipe', kubeconfig: cluster.kubeconfig }).done;
        expect(run.code, run.log).toBe(0);
        const stored = cluster.fake.get('configmaps', 'default', 'aicr-recipe')!;
        expect(stored.data['snapshot.yaml']).toContain('kind: RecipeResult');
        expect(stored.metadata.labels.team).toBe('gpu');
        expect(cluster.fake.requests.map((r) => `${r.method} ${r.status}`)).toContain('PUT 200');
      });
    });
  });
});
