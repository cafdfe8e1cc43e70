/**
 * The GitLab example pipelines (examples/gitlab/*.gitlab-ci.yml) run with gitlab-ci-local, which
 * also checks them against GitLab's CI schema. The only change: component references point at this
 * checkout's templates (`$CI_SERVER_FQDN/$CI_PROJECT_PATH/<name>@$CI_COMMIT_SHA`) instead of the
 * published `nvidia/aicr-ci/<name>@1.0.0`. The cluster is the fake API server with the agent Job
 * simulated; KUBECONFIG reaches the jobs as a GitLab File variable would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useFakeCluster } from '../fake-kube/harness.js';
import { simulateAgentJobs } from '../fake-kube/index.js';
import { runPipeline, runPipelineAsync, type PipelineRun } from '../helpers/gitlab.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { AGENT_SNAPSHOT } from './agent-snapshot.js';

const PUBLISHED = /\$CI_SERVER_FQDN\/nvidia\/aicr-ci\/([\w-]+)@1\.0\.0/g;

/** The example as users copy it, its components taken from this checkout. */
function example(name: string): string {
  const text = readFileSync(join(REPO_ROOT, 'examples', 'gitlab', name), 'utf8');
  return text.replace(PUBLISHED, '$CI_SERVER_FQDN/$CI_PROJECT_PATH/$1@$CI_COMMIT_SHA');
}

/** Jobs that ran, from gitlab-ci-local's report lines (" PASS  name" / " FAIL  name"). */
function results(run: PipelineRun): Record<string, 'PASS' | 'FAIL'> {
  return Object.fromEntries([...run.output.matchAll(/^\s*(PASS|FAIL)\s+(.+?)\s*$/gm)].map((m) => [m[2]!, m[1] as 'PASS' | 'FAIL']));
}

const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

describe('examples/gitlab without a cluster', () => {
  it('are checked against GitLab\'s CI schema: gitlab-ci-local refuses a pipeline the schema does not allow', () => {
    const run = runPipeline('job:\n  script: [echo hi]\n  artifactz:\n    paths: [x]\n');
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('Invalid .gitlab-ci.yml configuration');
    expect(run.output).toMatch(/'artifactz' property is not expected/);
  });

  it('multi-environment.gitlab-ci.yml: parallel:matrix runs recipe, bundle and verify once per environment', () => {
    const run = runPipeline(example('multi-environment.gitlab-ci.yml'));
    expect(run.exitCode, run.output).toBe(0);
    const builds = readdirSync(join(run.repo, '.gitlab-ci-local', 'builds')).filter((d) => d.startsWith('aicr-environment'));
    expect(builds).toHaveLength(2);
    const bundles = builds.map((build) => readdirSync(join(run.repo, '.gitlab-ci-local', 'builds', build, 'bundles'))).flat().sort();
    expect(bundles).toEqual(['prod', 'staging']);
    const prod = builds.find((b) => readdirSync(join(run.repo, '.gitlab-ci-local', 'builds', b, 'bundles')).includes('prod'))!;
    expect(parse(run.jobFile(prod, 'recipe-prod.yaml')!).metadata.appliedOverlays).toContain('gb200-eks-training');
    expect(run.jobFile(prod, 'bundles/prod/app-of-apps.yaml')).toBeDefined();
    expect(run.output.match(/all \d+ files match checksums\.txt/g)).toHaveLength(2);
  });

  it('gitops-argocd.gitlab-ci.yml: commits the bundle under clusters/prod of the GitOps repository, and nothing when it did not change', () => {
    const root = mkdtempSync(join(tmpdir(), 'aicr-gitops-'));
    const origin = join(root, 'gitops.git');
    git(root, 'init', '-q', '--bare', origin);
    const seed = join(root, 'seed');
    git(root, 'init', '-q', seed);
    git(seed, 'commit', '-q', '--allow-empty', '-m', 'gitops repository');
    git(seed, 'push', '-q', origin, 'HEAD:main');
    git(origin, 'symbolic-ref', 'HEAD', 'refs/heads/main');
    const files = { 'environments/prod.yaml': 'kind: RecipeCriteria\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  name: prod\nspec:\n  service: eks\n  accelerator: h100\n  intent: training\n  os: ubuntu\n' };
    const args = ['--variable', `GITOPS_REPO_URL=${origin}`];
    const run = runPipeline(example('gitops-argocd.gitlab-ci.yml'), files, args);
    expect(run.exitCode, run.output).toBe(0);
    expect(results(run)).toMatchObject({ 'aicr-recipe': 'PASS', 'aicr-bundle': 'PASS', 'aicr-verify-checksums': 'PASS', 'commit-bundle': 'PASS' });
    expect(git(origin, 'log', '--format=%s', 'main')).toMatch(/^aicr: bundle for prod from /);
    expect(git(origin, 'show', 'main:clusters/prod/app-of-apps.yaml')).toContain('repoURL: https://gitlab.example.com/ops/gitops.git');
    expect(git(origin, 'ls-tree', '-r', '--name-only', 'main')).toContain('clusters/prod/checksums.txt');
    const again = runPipeline(example('gitops-argocd.gitlab-ci.yml'), files, args);
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toContain('clusters/prod is up to date');
    expect(git(origin, 'rev-list', '--count', 'main').trim()).toBe('2');
  });
});

describe('examples/gitlab with a cluster (fake API server, agent Job simulated)', () => {
  const cluster = useFakeCluster();
  const jobEnv = () => ({ KUBECONFIG: cluster.kubeconfig, HOME: mkdtempSync(join(tmpdir(), 'aicr-home-')) });

  it('snapshot-to-bundle.gitlab-ci.yml: the pipeline component measures the cluster, resolves, validates, bundles and verifies', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: AGENT_SNAPSHOT });
    const run = await runPipelineAsync(example('snapshot-to-bundle.gitlab-ci.yml'), {}, [], jobEnv());
    expect(run.exitCode, run.output).toBe(0);
    expect(results(run)).toEqual({ 'aicr-snapshot': 'PASS', 'aicr-recipe': 'PASS', 'aicr-validate': 'PASS', 'aicr-bundle': 'PASS', 'aicr-verify-checksums': 'PASS' });
    expect(run.output).toContain('criteria detected from snapshot.yaml');
    expect(parse(run.jobFile('aicr-validate', 'recipe.yaml')!).metadata.appliedOverlays).toContain('eks-training');
    expect(run.output).toMatch(/validate: pass/);
    expect(cluster.fake.list('jobs')).toEqual([]);
  });

  it('drift-detection.gitlab-ci.yml: UPDATE_BASELINE stores the baseline, a schedule passes while nothing drifts and fails with exit 11 when it does', async () => {
    let agentSnapshot = AGENT_SNAPSHOT;
    simulateAgentJobs(cluster.fake, () => ({ outcome: 'succeed', snapshot: agentSnapshot }));
    const approve = await runPipelineAsync(example('drift-detection.gitlab-ci.yml'), {}, ['--variable', 'UPDATE_BASELINE=true'], jobEnv());
    expect(approve.exitCode, approve.output).toBe(0);
    expect(results(approve)).toEqual({ 'aicr-update-baseline': 'PASS' });
    expect(cluster.fake.get('configmaps', 'aicr-system', 'aicr-baseline')?.data?.['snapshot.yaml']).toContain('kind: Snapshot');

    const schedule = ['--variable', 'CI_PIPELINE_SOURCE=schedule'];
    const same = await runPipelineAsync(example('drift-detection.gitlab-ci.yml'), {}, schedule, jobEnv());
    expect(same.exitCode, same.output).toBe(0);
    expect(results(same)).toEqual({ 'aicr-drift': 'PASS' });
    expect(JSON.parse(same.jobFile('aicr-drift', 'snapshot-diff.json')!)).toMatchObject({ summary: { added: 0, removed: 0, modified: 0 } });

    agentSnapshot = AGENT_SNAPSHOT.replace('driver: 570.86.15', 'driver: 570.99.01');
    const drifted = await runPipelineAsync(example('drift-detection.gitlab-ci.yml'), {}, schedule, jobEnv());
    expect(drifted.exitCode).not.toBe(0);
    expect(results(drifted)).toEqual({ 'aicr-drift': 'FAIL' });
    expect(drifted.output).toContain('570.99.01');
    expect(drifted.jobFile('aicr-drift', 'snapshot-diff.json')).toContain('570.99.01');
  });
});
