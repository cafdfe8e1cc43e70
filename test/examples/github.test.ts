/**
 * The GitHub example workflows (examples/github/*.yml) run as users copy them: the workflow
 * harness runs each job's steps, `nvidia/aicr/actions/<x>@v1` being this checkout's action builds
 * (dist/), the cluster the fake API server with the agent Job played by simulateAgentJobs, and
 * actions/upload-artifact a stub that records what would be uploaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useFakeCluster } from '../fake-kube/harness.js';
import { simulateAgentJobs } from '../fake-kube/index.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { AGENT_SNAPSHOT } from './agent-snapshot.js';
import { runWorkflow, type ActionStub, type JobResult } from '../helpers/workflow-harness.js';

const example = (name: string) => join(REPO_ROOT, 'examples', 'github', name);

/** actions/upload-artifact as a stub: records the name and the files the path names. */
function uploads(): { stub: Record<string, ActionStub>; seen: Array<{ name: string; paths: string[] }> } {
  const seen: Array<{ name: string; paths: string[] }> = [];
  return {
    seen,
    stub: {
      'actions/upload-artifact': (inputs, workspace) => {
        const paths = inputs.path!.split('\n').map((p) => p.trim()).filter((p) => p && existsSync(join(workspace, p)));
        seen.push({ name: inputs.name!, paths });
      },
    },
  };
}

const failures = (job: JobResult) => job.steps.filter((s) => s.outcome === 'failure').map((s) => `${s.name} (exit ${s.code}):\n${s.log}`).join('\n');
const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};
const criteria = (spec: Record<string, string>) => `kind: RecipeCriteria\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  name: env\nspec:\n${Object.entries(spec).map(([k, v]) => `  ${k}: ${v}\n`).join('')}`;

describe('examples/github/multi-environment.yml', () => {
  it('runs one job per matrix entry: recipe, bundle and verify per environment, each bundle uploaded under its own name', async () => {
    const { stub, seen } = uploads();
    const jobs = await runWorkflow(example('multi-environment.yml'), { stubs: stub, github: { event_name: 'pull_request' } });
    expect(jobs.map((j) => j.matrix.environment)).toEqual(['staging', 'prod']);
    for (const job of jobs) expect(job.ok, failures(job)).toBe(true);
    const [staging, prod] = jobs as [JobResult, JobResult];
    expect(staging.step('bundle').outputs).toMatchObject({ 'bundle-dir': 'bundles/staging', deployer: 'helm' });
    expect(prod.step('bundle').outputs).toMatchObject({ 'bundle-dir': 'bundles/prod', deployer: 'argocd' });
    expect(parse(readFileSync(join(prod.workspace, 'recipe.yaml'), 'utf8')).metadata.appliedOverlays).toContain('gb200-eks-training');
    expect(readFileSync(join(prod.workspace, 'bundles/prod/app-of-apps.yaml'), 'utf8')).toContain('https://github.com/example/gpu-platform.git');
    for (const job of jobs) expect(job.steps[2]!.outputs.verified).toBe('true');
    expect(seen).toEqual([{ name: 'aicr-bundle-staging', paths: ['bundles/staging'] }, { name: 'aicr-bundle-prod', paths: ['bundles/prod'] }]);
  });
});

describe('examples/github/gitops-argocd.yml', () => {
  /** The GitOps repository: a bare "origin" with environments/*.yaml, and a fresh clone of it. */
  function gitopsRepo(): { origin: string; clone: () => string } {
    const root = mkdtempSync(join(tmpdir(), 'aicr-gitops-'));
    const origin = join(root, 'origin.git');
    git(root, 'init', '-q', '--bare', origin);
    const seed = join(root, 'seed');
    mkdirSync(join(seed, 'environments'), { recursive: true });
    writeFileSync(join(seed, 'environments', 'prod.yaml'), criteria({ service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu' }));
    writeFileSync(join(seed, 'environments', 'staging.yaml'), criteria({ service: 'eks', accelerator: 'h100', intent: 'inference' }));
    git(seed, 'init', '-q');
    git(seed, 'add', '-A');
    git(seed, 'commit', '-qm', 'environments');
    git(seed, 'push', '-q', origin, 'HEAD:main');
    let n = 0;
    return { origin, clone: () => { const dir = join(root, `clone-${n++}`); git(root, 'clone', '-q', origin, dir); return dir; } };
  }

  it('commits the Argo CD bundle under clusters/prod on a push to main, and nothing when the criteria did not change', async () => {
    const repo = gitopsRepo();
    const [first] = await runWorkflow(example('gitops-argocd.yml'), { repo: repo.clone(), github: { event_name: 'push' } });
    expect(first!.ok, failures(first!)).toBe(true);
    expect(git(repo.origin, 'log', '--format=%s', 'main')).toMatch(/^aicr: bundle for prod\n/);
    const files = git(repo.origin, 'ls-tree', '-r', '--name-only', 'main');
    expect(files).toContain('clusters/prod/app-of-apps.yaml');
    expect(files).toContain('clusters/prod/checksums.txt');
    const appOfApps = git(repo.origin, 'show', 'main:clusters/prod/app-of-apps.yaml');
    expect(appOfApps).toContain('repoURL: https://github.com/example/gpu-platform.git');
    expect(appOfApps).toMatch(/path: '?clusters\/prod'?\n/);
    // every values file and source path an Application names is in the repository at that commit
    const listed = files.split('\n');
    const applications = listed.filter((file) => /^clusters\/prod\/\d{3}-[^/]+\/application\.yaml$/.test(file));
    expect(applications.length).toBeGreaterThan(3);
    for (const application of applications) {
      const text = git(repo.origin, 'show', `main:${application}`);
      for (const [, valuesFile] of text.matchAll(/\$values\/(\S+)/g)) expect(listed).toContain(valuesFile);
      for (const [, folder] of text.matchAll(/^\s+path: (\S+)$/gm)) expect(listed.some((file) => file.startsWith(`${folder}/`))).toBe(true);
    }
    const [again] = await runWorkflow(example('gitops-argocd.yml'), { repo: repo.clone(), github: { event_name: 'push' } });
    expect(again!.ok, failures(again!)).toBe(true);
    expect(again!.step('Commit the bundle').log).toContain('clusters/prod is up to date');
    expect(git(repo.origin, 'rev-list', '--count', 'main').trim()).toBe('2');
  });

  it('bundles the environment chosen by hand', async () => {
    const repo = gitopsRepo();
    const [job] = await runWorkflow(example('gitops-argocd.yml'), { repo: repo.clone(), inputs: { environment: 'staging' } });
    expect(job!.ok, failures(job!)).toBe(true);
    expect(git(repo.origin, 'ls-tree', '-r', '--name-only', 'main')).toContain('clusters/staging/checksums.txt');
  });
});

describe('examples/github with a cluster (fake API server, agent Job simulated)', () => {
  const cluster = useFakeCluster();
  const secrets = () => ({ KUBECONFIG: readFileSync(cluster.kubeconfig, 'utf8') });
  const runner = { HOME: '/nonexistent' };

  it('snapshot-to-bundle.yml: snapshot → recipe → validate → bundle → verify in one job, files passed between steps', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: AGENT_SNAPSHOT });
    const { stub, seen } = uploads();
    const [job] = await runWorkflow(example('snapshot-to-bundle.yml'), { secrets: secrets(), inputs: { intent: 'training' }, stubs: stub, env: runner });
    expect(job!.ok, failures(job!)).toBe(true);
    expect(job!.step('snapshot').outputs['k8s-version']).toBe('v1.33.5-eks-3025e55');
    expect(job!.step('recipe').inputs.snapshot).toBe('snapshot.yaml');
    expect(job!.step('recipe').outputs['applied-overlays']).toContain('eks-training');
    expect(job!.step('validate').outputs.status).toBe('pass');
    expect(job!.step('bundle').outputs['bundle-dir']).toBe('bundle');
    expect(job!.steps.find((s) => s.inputs['bundle-dir'] === 'bundle')!.outputs.verified).toBe('true');
    expect(seen).toEqual([{ name: 'aicr-bundle', paths: ['bundle'] }, { name: 'aicr-validation', paths: ['aicr-validate-report/'] }]);
    expect(cluster.fake.list('jobs')).toEqual([]);
  });

  it('drift-detection.yml: stores the baseline by hand, passes on schedule while nothing drifts, fails with exit 11 and keeps the diff when it does', async () => {
    let agentSnapshot = AGENT_SNAPSHOT;
    simulateAgentJobs(cluster.fake, () => ({ outcome: 'succeed', snapshot: agentSnapshot }));
    const approve = await runWorkflow(example('drift-detection.yml'), { secrets: secrets(), inputs: { 'update-baseline': true }, stubs: uploads().stub, env: runner });
    expect(approve[0]!.ok, failures(approve[0]!)).toBe(true);
    expect(approve[0]!.step('snapshot').outcome).toBe('skipped');
    expect(cluster.fake.get('configmaps', 'aicr-system', 'aicr-baseline')?.data?.['snapshot.yaml']).toContain('kind: Snapshot');

    const quiet = uploads();
    const [same] = await runWorkflow(example('drift-detection.yml'), { secrets: secrets(), github: { event_name: 'schedule' }, stubs: quiet.stub, env: runner });
    expect(same!.ok, failures(same!)).toBe(true);
    expect(same!.step('snapshot').outputs.drift).toBe('false');
    expect(quiet.seen).toEqual([{ name: 'aicr-drift', paths: ['snapshot.yaml', 'snapshot-diff.json'] }]);
    expect(JSON.parse(readFileSync(join(same!.workspace, 'snapshot-diff.json'), 'utf8'))).toMatchObject({ summary: { added: 0, removed: 0, modified: 0 } });

    agentSnapshot = AGENT_SNAPSHOT.replace('driver: 570.86.15', 'driver: 570.99.01');
    const drifted = uploads();
    const [changed] = await runWorkflow(example('drift-detection.yml'), { secrets: secrets(), github: { event_name: 'schedule' }, stubs: drifted.stub, env: runner });
    expect(changed!.ok).toBe(false);
    expect(changed!.step('snapshot').code).toBe(11);
    expect(changed!.step('snapshot').outputs.drift).toBe('true');
    expect(changed!.summary).toContain('570.99.01');
    expect(drifted.seen).toEqual([{ name: 'aicr-drift', paths: ['snapshot.yaml', 'snapshot-diff.json'] }]);
  });
});
