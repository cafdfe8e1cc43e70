// GitOps bundles committed below a folder of the repository (--repo-path): every path the
// Applications, HelmReleases and Kustomizations name must resolve in a real git repository at the
// commit that holds the bundle, and every object must pass the kubernetes-models validators.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AicrError } from '../../../src/core/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { parseRepoPath } from '../../../src/core/bundle/repo-path.js';
import type { DeployerName, GeneratedBundle } from '../../../src/core/bundle/index.js';
import { EKS_RECIPE, FIXTURE_DATA, fixtureRecipe, textFiles, generate, helmBinary, validateObjects, writeGenerated, yamlDocuments } from './support.js';

const GIT_REPO = 'https://github.com/example/gitops.git';
const REPO_PATH = 'clusters/prod';
type K8sObject = Record<string, any>;
const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=aicr-test', '-c', 'user.email=aicr@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A new git repository holding `bundleDir` at `at` (and an unrelated file at the root), committed. */
function commitBundle(bundleDir: string, at: string): { repo: string; commit: string } {
  const repo = mkdtempSync(join(tmpdir(), 'aicr-gitops-'));
  created.push(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  const target = at === '' ? repo : join(repo, at);
  mkdirSync(target, { recursive: true });
  cpSync(bundleDir, target, { recursive: true });
  cpSync(join(bundleDir, 'README.md'), join(repo, 'OTHER.md'));
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'bundle']);
  return { repo, commit: git(repo, ['rev-parse', 'HEAD']).trim() };
}

/** What `<commit>:<path>` is in the repository: 'tree', 'blob' or 'missing'. */
function objectType(repo: string, commit: string, path: string): string {
  // `<commit>:` is the root tree; `<commit>:.` names nothing.
  const result = spawnSync('git', ['cat-file', '-t', `${commit}:${path === '.' ? '' : path}`], { cwd: repo, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'missing';
}

function filesUnder(repo: string, commit: string, dir: string): string[] {
  return git(repo, ['ls-tree', '-r', '--name-only', commit, '--', dir === '' ? '.' : dir]).split('\n').filter(Boolean);
}

/** `./a/b` and `a/b/` as git names them. */
const gitPath = (path: string): string => path.replace(/^\.\/?/, '').replace(/\/$/, '');

/**
 * Every reference into the GitOps repository that does not resolve at the commit, as
 * `object: what`; also the count of references checked, so a checker that finds nothing fails.
 */
function unresolved(objects: K8sObject[], repo: string, commit: string): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  const expect = (what: string, path: string, type: 'tree' | 'blob') => {
    checked += 1;
    const found = objectType(repo, commit, path);
    if (found !== type) problems.push(`${what}: ${path} is ${found}, not a ${type}`);
  };
  const chartAt = (what: string, dir: string) => {
    expect(what, dir === '' ? '.' : dir, 'tree');
    expect(`${what} (Chart.yaml)`, dir === '' ? 'Chart.yaml' : `${dir}/Chart.yaml`, 'blob');
  };
  const gitRepositories = new Set(objects.filter((o) => o.kind === 'GitRepository' && o.spec?.url === GIT_REPO).map((o) => o.metadata.name as string));
  for (const object of objects) {
    const name = `${object.kind}/${object.metadata?.name}`;
    if (object.kind === 'Application') {
      const source = object.spec.source as K8sObject | undefined;
      if (source && source.repoURL === GIT_REPO) {
        const path = gitPath(source.path);
        if (source.directory) {
          expect(name, path === '' ? '.' : path, 'tree');
          const include = new RegExp(`^${String(source.directory.include).replace(/\./g, '\\.').replace(/\*/g, '[^/]+')}$`);
          const matched = filesUnder(repo, commit, path).map((file) => (path === '' ? file : file.slice(path.length + 1))).filter((file) => include.test(file));
          checked += 1;
          if (matched.length === 0) problems.push(`${name}: include ${source.directory.include} matches nothing under ${path || '.'}`);
        } else chartAt(name, path);
      }
      const sources = (object.spec.sources ?? []) as K8sObject[];
      const refs = new Set(sources.filter((s) => s.repoURL === GIT_REPO && s.ref).map((s) => `$${s.ref}/`));
      for (const chartSource of sources.filter((s) => s.helm?.valueFiles)) {
        for (const file of chartSource.helm.valueFiles as string[]) {
          const ref = [...refs].find((prefix) => file.startsWith(prefix));
          if (!ref) problems.push(`${name}: valueFiles entry ${file} names no ref source of ${GIT_REPO}`);
          else expect(`${name} valueFiles`, file.slice(ref.length), 'blob');
        }
      }
    }
    if (object.kind === 'HelmRelease') {
      const spec = object.spec.chart.spec as K8sObject;
      if (spec.sourceRef.kind === 'GitRepository') {
        checked += 1;
        if (!gitRepositories.has(spec.sourceRef.name)) problems.push(`${name}: GitRepository ${spec.sourceRef.name} is not the bundle's`);
        chartAt(name, gitPath(spec.chart));
      }
    }
    if (object.kind === 'Kustomization' && object.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/')) {
      checked += 1;
      if (!gitRepositories.has(object.spec.sourceRef.name)) problems.push(`${name}: GitRepository ${object.spec.sourceRef.name} is not the bundle's`);
      const dir = gitPath(object.spec.path);
      const file = dir === '' ? 'kustomization.yaml' : `${dir}/kustomization.yaml`;
      expect(name, file, 'blob');
      if (objectType(repo, commit, file) === 'blob') {
        const listed = yamlDocuments(git(repo, ['show', `${commit}:${file}`]))[0]!.resources as string[];
        for (const resource of listed) expect(`${file} resource`, dir === '' ? resource : `${dir}/${resource}`, 'blob');
      }
    }
  }
  return { problems, checked };
}

const helm = helmBinary();

/** The objects the deployer creates in the cluster: files for argocd and flux, the rendered chart for argocdhelm. */
function objectsOf(deployer: DeployerName, dir: string, bundle: GeneratedBundle): Array<{ path: string; content: string }> {
  if (deployer === 'argocdhelm') {
    const rendered = spawnSync(helm.path!, ['template', 'aicr', dir, '--namespace', 'argocd'], { encoding: 'utf8' });
    if (rendered.status !== 0) throw new Error(rendered.stderr);
    return [{ path: 'helm template', content: rendered.stdout }];
  }
  const gitops = /(^|\/)(application|app-of-apps|helmrelease|flux-kustomization)\.yaml$|^sources\//;
  return textFiles(bundle).filter((file) => gitops.test(file.path));
}

const CASES: Array<[DeployerName, string, string | undefined]> = [
  ['argocd', EKS_RECIPE, undefined],
  ['argocd', fixtureRecipe('variety'), FIXTURE_DATA],
  ['argocdhelm', EKS_RECIPE, undefined],
  ['argocdhelm', fixtureRecipe('variety'), FIXTURE_DATA],
  ['flux', EKS_RECIPE, undefined],
  ['flux', fixtureRecipe('variety'), FIXTURE_DATA],
];

describe('GitOps bundles below a folder of the repository (--repo-path)', () => {
  if (!helm.path) console.warn(`SKIPPED the argocdhelm cases: ${helm.reason}`);

  it.each(CASES)('%s (%s): committed at clusters/prod, every path, valueFiles entry and chart resolves; every object validates', async (deployer, recipe, data) => {
    if (deployer === 'argocdhelm' && !helm.path) return;
    const { dir, bundle } = await writeGenerated(recipe, { deployer, data, repo: GIT_REPO, repoPath: `${REPO_PATH}/` });
    expect(bundle.plan.repoPath).toBe(REPO_PATH);
    const texts = objectsOf(deployer, dir, bundle);
    const validation = await validateObjects(texts);
    expect(validation.validated.length).toBeGreaterThan(0);
    expect(validation.unmodelled).toEqual([]);
    const objects = texts.flatMap((text) => yamlDocuments(text.content));
    const { repo, commit } = commitBundle(dir, REPO_PATH);
    const outcome = unresolved(objects, repo, commit);
    expect(outcome.problems).toEqual([]);
    // Each local chart and each values file was checked, not just a few.
    const local = bundle.plan.folders.filter((folder) => folder.kind === 'local').length;
    expect(local).toBeGreaterThan(0);
    expect(outcome.checked).toBeGreaterThanOrEqual(local * 2);
    if (deployer === 'argocd') expect(outcome.checked).toBeGreaterThanOrEqual(bundle.plan.folders.length);
  });

  it.each(['argocd', 'argocdhelm', 'flux'] as const)('%s: the same check finds the broken references of a root bundle committed at clusters/prod', async (deployer) => {
    if (deployer === 'argocdhelm' && !helm.path) return;
    const { dir, bundle } = await writeGenerated(fixtureRecipe('variety'), { deployer, data: FIXTURE_DATA, repo: GIT_REPO });
    const objects = objectsOf(deployer, dir, bundle).flatMap((text) => yamlDocuments(text.content));
    const atPath = commitBundle(dir, REPO_PATH);
    expect(unresolved(objects, atPath.repo, atPath.commit).problems.length).toBeGreaterThan(0);
    // …and that a root bundle at the root resolves (the default is unchanged and right).
    const atRoot = commitBundle(dir, '');
    expect(unresolved(objects, atRoot.repo, atRoot.commit).problems).toEqual([]);
  });

  it('names the folder in the README and the next steps', async () => {
    const argo = await generate(fixtureRecipe('variety'), { deployer: 'argocd', data: FIXTURE_DATA, repo: GIT_REPO, repoPath: REPO_PATH });
    expect(argo.files.find((file) => file.path === 'README.md')!.content).toContain('1. Push this directory to `clusters/prod/` of the Git repository named in `app-of-apps.yaml`');
    expect(argo.steps[0]).toBe('Push <bundle-dir> to clusters/prod/ of your GitOps repository');
    const flux = await generate(fixtureRecipe('variety'), { deployer: 'flux', data: FIXTURE_DATA, repo: GIT_REPO, repoPath: REPO_PATH });
    expect(flux.files.find((file) => file.path === 'README.md')!.content).toContain('1. Push this directory to `clusters/prod/` of the Git repository in');
    const chart = await generate(fixtureRecipe('variety'), { deployer: 'argocdhelm', data: FIXTURE_DATA, repo: GIT_REPO, repoPath: REPO_PATH });
    expect(chart.files.find((file) => file.path === 'values.yaml')!.content).toContain('\nbundlePath: clusters/prod\n');
    expect(chart.files.find((file) => file.path === 'README.md')!.content).toContain('(in Git with `path: clusters/prod` or an OCI registry)');
  });

  it.each(['argocd', 'argocdhelm', 'flux'] as const)('%s: no folder, "", "." and "./" all mean the root and give byte-identical bundles', async (deployer) => {
    const files = async (repoPath?: string) => (await generate(fixtureRecipe('variety'), { deployer, data: FIXTURE_DATA, repo: GIT_REPO, ...(repoPath === undefined ? {} : { repoPath }) })).files;
    const root = await files();
    for (const same of ['', '.', './']) expect(await files(same)).toEqual(root);
    expect(await files(REPO_PATH)).not.toEqual(root);
  });
});

describe('repo-path validation', () => {
  const failure = (value: string, deployer: DeployerName = 'argocd'): AicrError => {
    try {
      parseRepoPath(value, deployer);
    } catch (error) {
      expect(error).toBeInstanceOf(AicrError);
      return error as AicrError;
    }
    throw new Error(`${JSON.stringify(value)} was accepted`);
  };

  it('keeps normalised relative folders and drops one trailing slash', () => {
    expect(parseRepoPath('clusters/prod', 'flux')).toBe('clusters/prod');
    expect(parseRepoPath('clusters/prod/', 'argocdhelm')).toBe('clusters/prod');
    expect(parseRepoPath('.gitops/env_1/v1.2', 'argocd')).toBe('.gitops/env_1/v1.2');
    expect(parseRepoPath(undefined, 'helm')).toBe('');
  });

  it.each([
    ['../outside', /"\.\.\/outside" contains "\.\.": the bundle must stay inside the repository/],
    ['clusters/../../x', /contains "\.\."/],
    ['/abs/path', /"\/abs\/path" is not a relative path/],
    ['C:/x', /is not a relative path/],
    ['a\\b', /is not a relative path/],
    ['a//b', /is not normalised/],
    ['./a', /is not normalised/],
    ['a/./b', /is not normalised/],
    ['a/b//', /is not normalised/],
    ['a/-rf', /has the folder name "-rf"/],
    ['a b', /has the folder name "a b"/],
    ['a/${x}', /has the folder name "\$\{x\}"/],
    ['a"b', /has the folder name/],
    ['x'.repeat(201), /is 201 characters long; the limit is 200/],
  ])('refuses %j with exit 2 naming --repo-path', (value, message) => {
    const error = failure(value);
    expect(error.exitCode).toBe(2);
    expect(error.option).toBe('repo-path');
    const rendered = renderOptionRefs(error.message);
    expect(rendered.startsWith('--repo-path: ')).toBe(true);
    expect(rendered).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it('refuses control characters without echoing them', () => {
    for (const value of ['a\nb', 'a\u0000', 'x\u001b[31m', 'a\u0085b']) {
      const error = failure(value);
      expect(renderOptionRefs(error.message)).toBe('--repo-path: contains control characters');
    }
  });

  it('points out normalised spellings and deployers that read no repository', () => {
    expect(failure('a//b').hint).toBe('write it as a/b');
    for (const deployer of ['helm', 'helmfile'] as const) {
      const error = failure('clusters/prod', deployer);
      expect(renderOptionRefs(error.message)).toBe(`--repo-path: "clusters/prod" is set, but the ${deployer} deployer does not read files from a Git repository`);
      expect(error.hint).toBe('use it with the argocd, argocdhelm, flux deployers, or leave it empty');
    }
  });
});
