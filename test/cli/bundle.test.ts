import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runBin, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { EKS_RECIPE, FIXTURE_DATA, fixtureRecipe } from '../core/bundle/support.js';

describe('aicr bundle', () => {
  it('writes a helm bundle and prints where, the order and the next steps', async () => {
    const out = join(tempDir(), 'bundle');
    const result = await runCli(['bundle', '-r', EKS_RECIPE, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Helm per-component bundle written to ${out} (87 files, 16 releases)`);
    expect(result.stdout).toContain('Deployment order: 001-aws-ebs-csi-driver, 002-aws-efa, 003-cert-manager');
    expect(result.stdout).toContain(`  1. cd ${out}\n  2. ./deploy.sh\n`);
    expect(result.stderr).toContain('warning: kube-prometheus-stack renders a PVC without storageClassName at prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.storageClassName; set --storage-class <name>');
    expect(existsSync(join(out, 'checksums.txt'))).toBe(true);
  });

  it('takes every flag: deployer, --set, scheduling, nodes, repo, revision, data, force', async () => {
    const out = join(tempDir(), 'bundle');
    const result = await runCli([
      'bundle', '--recipe', EKS_RECIPE, '--output', out, '--deployer', ' ArgoCD ', '--repo', 'https://github.com/example/gitops.git', '--target-revision', 'prod',
      '--set', 'gpuoperator:driver.version=570.86.16', '--set', 'certmanager:extra.list=a,b,c',
      '--system-node-selector', 'role=system', '--system-node-toleration', 'dedicated=system:NoSchedule,spot:PreferNoSchedule',
      '--accelerated-node-selector', 'nodeGroup=gpu', '--accelerated-node-toleration', 'nvidia.com/gpu=present:NoSchedule',
      '--workload-selector', 'app=training', '--workload-gate', 'skyhook.nvidia.com/runtime-required=true:NoSchedule', '--nodes', '8',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Argo CD applications written to');
    const values = (dir: string) => parse(readFileSync(join(out, dir, 'values.yaml'), 'utf8'));
    expect(values('009-gpu-operator').driver.version).toBe('570.86.16');
    expect(values('003-cert-manager').extra.list).toBe('a,b,c');
    expect(values('003-cert-manager').tolerations).toEqual([
      { effect: 'NoSchedule', key: 'dedicated', operator: 'Equal', value: 'system' }, { effect: 'PreferNoSchedule', key: 'spot', operator: 'Exists' },
    ]);
    expect(values('005-nodewright-operator')).toMatchObject({ estimatedNodeCount: 8, controllerManager: { selectors: { role: 'system' }, manager: { env: { runtimeRequiredTaint: 'skyhook.nvidia.com/runtime-required=true:NoSchedule' } } } });
    expect(parse(readFileSync(join(out, 'app-of-apps.yaml'), 'utf8')).spec.source).toMatchObject({ repoURL: 'https://github.com/example/gitops.git', targetRevision: 'prod' });
    const again = await runCli(['bundle', '-r', fixtureRecipe('variety'), '--data', FIXTURE_DATA, '-o', out, '-d', 'argocd-helm', '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(join(out, 'app-of-apps.yaml'))).toBe(false);
    expect(existsSync(join(out, 'values.schema.json'))).toBe(true);
    expect(existsSync(join(out, 'data', 'registry.yaml'))).toBe(true);
  });

  it('reads the recipe from stdin', async () => {
    const out = join(tempDir(), 'bundle');
    const result = await runCli(['bundle', '-r', '-', '-o', out, '--data', FIXTURE_DATA], { stdin: readFileSync(fixtureRecipe('upstream-helm-only'), 'utf8') });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(out, '001-cert-manager', 'install.sh'))).toBe(true);
  });

  it('points argocd output at the bundle\'s folder in the GitOps repository with --repo-path', async () => {
    const out = join(tempDir(), 'bundle');
    const result = await runCli(['bundle', '-r', EKS_RECIPE, '-o', out, '-d', 'argocd', '--repo', 'https://github.com/example/gitops.git', '--repo-path', 'clusters/prod/']);
    expect(result.code, result.stderr).toBe(0);
    expect(parse(readFileSync(join(out, 'app-of-apps.yaml'), 'utf8')).spec.source.path).toBe('clusters/prod');
    expect(parse(readFileSync(join(out, '009-gpu-operator', 'application.yaml'), 'utf8')).spec.sources[0].helm.valueFiles).toEqual(['$values/clusters/prod/009-gpu-operator/values.yaml']);
    expect(result.stdout).toContain(`1. Push ${out} to clusters/prod/ of your GitOps repository`);
  });

  it.each([
    [['-d', 'kubectl'], 2, '--deployer: "kubectl" is not one of helm, argocd, argocdhelm, flux, helmfile'],
    [['--set', 'gpuoperator.driver=1'], 2, "expected 'component:path.to.key=value'"],
    [['--set', 'nosuch:a=1'], 2, 'unknown component "nosuch"; recipe declares: aws-ebs-csi-driver, aws-efa'],
    [['--system-node-toleration', 'dedicated=system'], 2, 'expected key=value:effect or key:effect'],
    [['--accelerated-node-toleration', 'a=b:Never'], 2, 'invalid taint effect "Never", expected NoSchedule, PreferNoSchedule, NoExecute'],
    [['--accelerated-node-selector', 'gpu'], 2, '--accelerated-node-selector: "gpu" is not key=value'],
    [['--nodes', '-1'], 2, '--nodes: must be at least 0, not -1'],
    [['--repo', 'https://x/$(id)'], 2, 'invalid --repo'],
    [['-d', 'argocd', '--repo-path', '../up'], 2, '--repo-path: "../up" contains "..": the bundle must stay inside the repository'],
    [['-d', 'flux', '--repo-path', '/srv/gitops'], 2, '--repo-path: "/srv/gitops" is not a relative path'],
    [['--repo-path', 'clusters/prod'], 2, '--repo-path: "clusters/prod" is set, but the helm deployer does not read files from a Git repository'],
    [['--data', '/nonexistent/data'], 3, 'failed to load the data directory /nonexistent/data'],
    [['--output', 'oci://registry.example.com/x'], 2, 'only local directories are supported'],
  ])('rejects %j with exit %i', async (flags, code, message) => {
    const output = flags.includes('--output') ? [] : ['-o', join(tempDir(), 'b')];
    const result = await runCli(['bundle', '-r', EKS_RECIPE, ...output, ...flags]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/hint: /);
  });

  it('reports bad recipes and outputs with exit codes, leaving nothing behind', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, 'kind: RecipeResult\napiVersion: aicr.run/v1\ncomponentRefs: []\n');
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const cases: Array<[string[], number, string]> = [
      [['-r', empty, '-o', join(dir, 'o1')], 2, 'recipe must contain at least one component reference'],
      [['-r', join(dir, 'missing.yaml'), '-o', join(dir, 'o2')], 3, 'not found'],
      [['-r', EKS_RECIPE, '-o', file], 2, 'is a file, not a directory'],
      [['-o', join(dir, 'o3')], 2, '--recipe: is required'],
      [['-r', EKS_RECIPE, '-r', EKS_RECIPE], 2, 'flag --recipe can only be specified once'],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(['bundle', ...args]);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toContain(message);
    }
    expect(existsSync(join(dir, 'o1'))).toBe(false);
    expect(existsSync(join(dir, 'o2'))).toBe(false);
  });

  it('refuses a non-empty output without --force and keeps it', async () => {
    const out = join(tempDir(), 'bundle');
    expect((await runCli(['bundle', '-r', EKS_RECIPE, '-o', out])).code).toBe(0);
    const before = readFileSync(join(out, 'checksums.txt'), 'utf8');
    const result = await runCli(['bundle', '-r', EKS_RECIPE, '-o', out, '-d', 'flux']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--output: ${out} is not empty`);
    expect(result.stderr).toContain('set --force to replace it');
    expect(readFileSync(join(out, 'checksums.txt'), 'utf8')).toBe(before);
  });

  it('the built CLI (bin/aicr.js) bundles and verifies', () => {
    const out = join(tempDir(), 'bundle');
    const bundled = runBin(['bundle', '-r', EKS_RECIPE, '-o', out, '-d', 'helmfile']);
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(bundled.stdout).toContain('Helmfile release graph written to');
    const verified = runBin(['verify', out]);
    expect(verified.code, verified.stderr).toBe(0);
  });
});
