// The argocdhelm bundle is a Helm chart: the real helm binary (scripts/fetch-tools.mjs) must lint
// and render it, enforce its values schema, and the rendered Applications must validate.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { syncWaves } from '../../../src/core/bundle/common.js';
import { EKS_RECIPE, FIXTURE_DATA, fixtureRecipe, helmBinary, validateObjects, writeGenerated, yamlDocuments } from './support.js';

const helm = helmBinary();
if (!helm.path) console.warn(`SKIPPED helm lint/template of the argocdhelm chart: ${helm.reason}`);
const run = (args: string[]) => spawnSync(helm.path!, args, { encoding: 'utf8' });

describe.skipIf(!helm.path)('argocdhelm chart with the real helm', () => {
  it.each([
    ['eks/h100/ubuntu/training/kubeflow', EKS_RECIPE, undefined],
    ['variety (pre/post, OCI, manifest-only)', fixtureRecipe('variety'), FIXTURE_DATA],
    ['kustomize', fixtureRecipe('kustomize'), FIXTURE_DATA],
  ])('%s: helm lint --strict and helm template pass; every Application validates', async (_name, recipe, data) => {
    const { dir, bundle } = await writeGenerated(recipe, { deployer: 'argocdhelm', data, repo: 'https://github.com/example/gitops.git' });
    const lint = run(['lint', dir, '--strict']);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    expect(lint.stdout).toContain('0 chart(s) failed');
    const rendered = run(['template', 'aicr', dir, '--namespace', 'argocd']);
    expect(rendered.status, rendered.stderr).toBe(0);
    const objects = yamlDocuments(rendered.stdout);
    expect(objects).toHaveLength(bundle.plan.folders.length);
    const outcome = await validateObjects([{ path: 'helm template', content: rendered.stdout }]);
    expect(outcome.validated).toHaveLength(bundle.plan.folders.length);
    expect(objects.map((o) => (o.metadata as { annotations: Record<string, string> }).annotations['argocd.argoproj.io/sync-wave'])).toEqual(
      expect.arrayContaining(bundle.plan.folders.map((folder) => String(syncWaves(bundle.plan).get(folder)))),
    );
  });

  it('merges chart values over the bundled ones, prefixes names, and needs repoURL only for local charts', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('variety'), { deployer: 'argocdhelm', data: FIXTURE_DATA });
    const missing = run(['template', 'aicr', dir]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('repoURL is not set');
    const rendered = run(['template', 'aicr', dir, '--set', 'repoURL=https://git.example.com/b.git', '--set', 'bundlePath=clusters/a/', '--set', 'gpuoperator.driver.rdma=true', '--set', 'deployer.namePrefix=prod-', '--set', 'targetRevision=v2']);
    expect(rendered.status, rendered.stderr).toBe(0);
    const apps = new Map(yamlDocuments(rendered.stdout).map((app) => [(app.metadata as { name: string }).name, app as any]));
    expect([...apps.keys()].sort()).toEqual(['prod-cert-manager', 'prod-gpu-operator', 'prod-gpu-operator-post', 'prod-gpu-operator-pre', 'prod-kai-scheduler', 'prod-skyhook-customizations']);
    expect(parse(apps.get('prod-gpu-operator').spec.source.helm.values)).toEqual({ driver: { version: '580', rdma: true } });
    expect(apps.get('prod-gpu-operator').spec.source.helm.releaseName).toBe('gpu-operator');
    expect(apps.get('prod-gpu-operator-post').spec.source).toMatchObject({ repoURL: 'https://git.example.com/b.git', targetRevision: 'v2', path: 'clusters/a/005-gpu-operator-post' });
  });

  it('rejects values outside the schema and over-long names', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('helm-components'), { deployer: 'argocdhelm', data: FIXTURE_DATA });
    const badPrefix = run(['template', 'aicr', dir, '--set', 'deployer.namePrefix=Bad_']);
    expect(badPrefix.status).not.toBe(0);
    expect(badPrefix.stderr).toMatch(/namePrefix/);
    const unknown = run(['template', 'aicr', dir, '--set', 'gpuopertor.x=1']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/gpuopertor/);
    const long = run(['template', 'aicr', dir, '--set', `deployer.namePrefix=${'a'.repeat(45)}-`]);
    expect(long.status).not.toBe(0);
    expect(long.stderr).toContain('the limit is 53');
  });
});
