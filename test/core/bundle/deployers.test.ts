import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALL_DEPLOYERS, EKS_RECIPE, FIXTURE_DATA, fileText, fixtureRecipe, textFiles, generate, kubectlBinary, validateObjects, writeGenerated, yamlDocuments } from './support.js';

const isK8sFile = (path: string) => /(^|\/)(application|app-of-apps|helmrelease|kustomization|flux-kustomization)\.yaml$|^sources\/|\/templates\/[^/]+\.yaml$/.test(path);

describe('every deployer on the eks/h100/ubuntu/training/kubeflow recipe', () => {
  it.each(ALL_DEPLOYERS)('%s: every Kubernetes object validates with the kubernetes-models validators', async (deployer) => {
    const bundle = await generate(EKS_RECIPE, { deployer, repo: 'https://github.com/example/gitops.git' });
    const texts = textFiles(bundle).filter((file) => isK8sFile(file.path) && !(deployer === 'argocdhelm' && file.path.startsWith('templates/')));
    const outcome = await validateObjects(texts);
    // The 2026 EKS recipe's manifests are custom resources only (Skyhook, ClusterTrainingRuntime):
    // they lack a model, as does flux's kustomization.yaml, which kubectl kustomize checks below.
    // Every other object must validate, and there must be objects to check.
    expect(outcome.validated.length + outcome.unmodelled.length).toBeGreaterThan(0);
    const expected = ['skyhook.nvidia.com/v1alpha1/Skyhook', 'trainer.kubeflow.org/v1alpha1/ClusterTrainingRuntime'];
    if (deployer === 'flux') expected.unshift('kustomize.config.k8s.io/v1beta1/Kustomization');
    expect([...new Set(outcome.unmodelled)].sort()).toEqual(expected.sort());
    const kinds = new Set(outcome.validated.map((entry) => entry.split(': ')[1]!.split('/')[0]));
    if (deployer === 'argocd') expect([...kinds]).toEqual(['Application']);
    if (deployer === 'flux') expect([...kinds]).toEqual(expect.arrayContaining(['HelmRelease', 'HelmRepository', 'GitRepository', 'Kustomization']));
  });

  it('plans 16 numbered folders: a post folder for a component with manifests, manifest-only as a local chart', async () => {
    const bundle = await generate(EKS_RECIPE);
    expect(bundle.plan.folders.map((folder) => `${folder.dir}:${folder.kind}`)).toEqual([
      '001-aws-ebs-csi-driver:upstream', '002-aws-efa:upstream', '003-cert-manager:upstream', '004-nfd:upstream',
      '005-nodewright-operator:upstream', '006-nodewright-customizations:local', '007-prometheus-operator-crds:upstream',
      '008-kube-prometheus-stack:upstream', '009-gpu-operator:upstream', '010-k8s-ephemeral-storage-metrics:upstream', '011-kai-scheduler:upstream',
      '012-kubeflow-trainer:upstream', '013-kubeflow-trainer-post:local', '014-nvidia-dra-driver-gpu:upstream', '015-nvsentinel:upstream',
      '016-prometheus-adapter:upstream',
    ]);
  });
});

describe('argocd', () => {
  it('gives each folder an Application with its sync wave, values from the repository, local charts by path', async () => {
    const bundle = await generate(fixtureRecipe('variety'), { deployer: 'argocd', data: FIXTURE_DATA, repo: 'https://github.com/example/gitops.git', targetRevision: 'release-1' });
    const app = (dir: string) => parse(fileText(bundle, `${dir}/application.yaml`));
    expect(bundle.plan.folders.map((folder) => folder.dir)).toEqual(['001-cert-manager', '002-skyhook-customizations', '003-gpu-operator-pre', '004-gpu-operator', '005-gpu-operator-post', '006-kai-scheduler']);
    // Dependency levels of four waves (pre, primary, post, gate): cert-manager and skyhook-customizations
    // (level 0) sync together; gpu-operator (needs cert-manager) in level 1; kai-scheduler in level 2.
    expect(bundle.plan.folders.map((folder) => app(folder.dir).metadata.annotations['argocd.argoproj.io/sync-wave'])).toEqual(['1', '1', '4', '5', '6', '9']);
    expect(app('004-gpu-operator').spec.sources).toEqual([
      { repoURL: 'https://helm.ngc.nvidia.com/nvidia', chart: 'gpu-operator', targetRevision: '25.3.3', helm: { valueFiles: ['$values/004-gpu-operator/values.yaml'] } },
      { repoURL: 'https://github.com/example/gitops.git', targetRevision: 'release-1', ref: 'values' },
    ]);
    expect(app('006-kai-scheduler').spec.sources[0]).toMatchObject({ repoURL: 'ghcr.io/nvidia/kai-scheduler', chart: 'kai-scheduler', targetRevision: 'v0.13.0' });
    expect(app('005-gpu-operator-post').spec.source).toEqual({ repoURL: 'https://github.com/example/gitops.git', targetRevision: 'release-1', path: '005-gpu-operator-post' });
    expect(app('003-gpu-operator-pre').spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'privileged-gpu-operator' });
    const root = parse(fileText(bundle, 'app-of-apps.yaml'));
    expect(root.spec.source).toEqual({ repoURL: 'https://github.com/example/gitops.git', targetRevision: 'release-1', path: '.', directory: { recurse: true, include: '*/application.yaml' } });
    expect(bundle.notes.some((note) => note.includes('repository URL'))).toBe(false);
  });

  it('puts values inline when the bundle lives in an OCI repository, and notes a missing --repo', async () => {
    const oci = await generate(fixtureRecipe('helm-components'), { deployer: 'argocd', data: FIXTURE_DATA, repo: 'oci://registry.example.com/bundles/aicr' });
    const app = parse(fileText(oci, '002-gpu-operator/application.yaml'));
    expect(app.spec.source.helm.valuesObject).toEqual({ driver: { enabled: true } });
    expect(oci.files.some((file) => file.path === '002-gpu-operator/values.yaml')).toBe(false);
    const placeholder = await generate(fixtureRecipe('helm-components'), { deployer: 'argocd', data: FIXTURE_DATA });
    expect(parse(fileText(placeholder, 'app-of-apps.yaml')).spec.source.repoURL).toBe('https://github.com/YOUR-ORG/YOUR-REPO.git');
    expect(placeholder.notes).toContain('Update the repository URL (or regenerate with --repo) before applying app-of-apps.yaml');
  });

  it('points a kustomize component at its repository path and tag', async () => {
    const bundle = await generate(fixtureRecipe('kustomize'), { deployer: 'argocd', data: FIXTURE_DATA });
    expect(parse(fileText(bundle, '002-my-kustomize-app/application.yaml')).spec.source).toEqual({ repoURL: 'https://github.com/example/kustomize-apps.git', targetRevision: 'v1.0.0', path: 'apps/my-app' });
  });
});

describe('flux', () => {
  it('orders HelmReleases by dependsOn from the recipe dependencies and lists every object in kustomization.yaml', async () => {
    const bundle = await generate(fixtureRecipe('variety'), { deployer: 'flux', data: FIXTURE_DATA, repo: 'https://github.com/example/gitops.git' });
    const release = (dir: string) => yamlDocuments(fileText(bundle, `${dir}/helmrelease.yaml`))[0]!.spec as Record<string, any>;
    expect(release('001-cert-manager').dependsOn).toBeUndefined();
    expect(release('002-skyhook-customizations').dependsOn).toBeUndefined();
    expect(release('003-gpu-operator-pre').dependsOn).toEqual([{ name: 'cert-manager' }]);
    expect(release('004-gpu-operator').dependsOn).toEqual([{ name: 'gpu-operator-pre' }]);
    expect(release('005-gpu-operator-post').dependsOn).toEqual([{ name: 'gpu-operator' }]);
    expect(release('006-kai-scheduler').dependsOn).toEqual([{ name: 'gpu-operator-post' }]);
    expect(release('003-gpu-operator-pre').install).toEqual({ createNamespace: false });
    expect(release('006-kai-scheduler')).toMatchObject({ timeout: '20m', install: { createNamespace: true, disableWait: true }, upgrade: { disableWait: true } });
    expect(release('006-kai-scheduler').chart.spec).toMatchObject({ chart: 'kai-scheduler', version: 'v0.13.0', sourceRef: { kind: 'HelmRepository', name: 'ghcr-io-nvidia-kai-scheduler' } });
    expect(release('004-gpu-operator').chart.spec.version).toBe('25.3.3');
    expect(release('005-gpu-operator-post').chart.spec).toMatchObject({ chart: './005-gpu-operator-post', sourceRef: { kind: 'GitRepository', name: 'github-com-example-gitops' } });
    const repo = yamlDocuments(fileText(bundle, 'sources/helmrepo-ghcr-io-nvidia-kai-scheduler.yaml'))[0]!;
    expect(repo.spec).toEqual({ interval: '10m', url: 'oci://ghcr.io/nvidia/kai-scheduler', type: 'oci' });
    const resources = yamlDocuments(fileText(bundle, 'kustomization.yaml'))[0]!.resources as string[];
    expect(resources).toEqual([...resources].sort());
    expect(resources).toHaveLength(10);
    for (const path of resources) expect(bundle.files.some((file) => file.path === path)).toBe(true);
  });

  it('builds with kubectl kustomize (every listed resource parses and is included)', async () => {
    const kubectl = kubectlBinary();
    if (!kubectl) {
      console.warn('SKIPPED: kubectl from node scripts/fetch-tools.mjs is not available offline; kustomize build not checked');
      return;
    }
    const { dir } = await writeGenerated(fixtureRecipe('variety'), { deployer: 'flux', data: FIXTURE_DATA });
    const result = spawnSync(kubectl, ['kustomize', dir], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const kinds = yamlDocuments(result.stdout).map((object) => object.kind);
    expect(kinds.filter((kind) => kind === 'HelmRelease')).toHaveLength(6);
    expect(kinds).toContain('GitRepository');
  });

  it('refuses kustomize components and OCI repositories with a clear error', async () => {
    await expect(generate(fixtureRecipe('kustomize'), { deployer: 'flux', data: FIXTURE_DATA })).rejects.toThrow(/kustomize component, which the flux deployer does not support/);
    await expect(generate(fixtureRecipe('helm-components'), { deployer: 'flux', data: FIXTURE_DATA, repo: 'oci://r.example.com/x' })).rejects.toThrow(/needs a Git repository/);
  });
});

describe('helmfile', () => {
  it('groups components by dependency level and chains pre/primary/post with needs', async () => {
    const bundle = await generate(fixtureRecipe('variety'), { deployer: 'helmfile', data: FIXTURE_DATA });
    expect(parse(fileText(bundle, 'helmfile.yaml'))).toEqual({ helmfiles: [{ path: 'level-0.yaml' }, { path: 'level-1.yaml' }, { path: 'level-2.yaml' }] });
    const level = (n: number) => parse(fileText(bundle, `level-${n}.yaml`));
    expect(level(0).releases.map((r: { name: string }) => r.name)).toEqual(['cert-manager', 'skyhook-customizations']);
    expect(level(1).releases.map((r: { name: string; needs?: string[] }) => [r.name, r.needs])).toEqual([['gpu-operator-pre', undefined], ['gpu-operator', ['gpu-operator-pre']], ['gpu-operator-post', ['gpu-operator']]]);
    expect(level(2)).toEqual({
      repositories: [{ name: 'ghcr-io-nvidia-kai-scheduler', url: 'ghcr.io/nvidia/kai-scheduler', oci: true }],
      helmDefaults: { wait: true, timeout: 600, createNamespace: true },
      releases: [{
        name: 'kai-scheduler', namespace: 'kai-scheduler', chart: 'ghcr-io-nvidia-kai-scheduler/kai-scheduler', version: 'v0.13.0',
        values: ['./006-kai-scheduler/values.yaml', './006-kai-scheduler/cluster-values.yaml'], wait: false, timeout: 1200,
      }],
    });
    expect(level(1).releases[0].createNamespace).toBe(false);
    // Same folders as the helm deployer, so each release can also be installed alone.
    expect(bundle.files.some((file) => file.path === '004-gpu-operator/install.sh')).toBe(true);
  });

  it('writes a single helmfile.yaml when there is one level', async () => {
    const bundle = await generate(fixtureRecipe('helmfile-mixed'), { deployer: 'helmfile', data: FIXTURE_DATA });
    expect(bundle.files.some((file) => file.path.startsWith('level-'))).toBe(false);
    expect(parse(fileText(bundle, 'helmfile.yaml')).releases.map((r: { name: string }) => r.name)).toEqual(['gpu-operator', 'gpu-operator-post']);
  });
});

describe('argocdhelm', () => {
  it('writes a chart with a values schema, static values and one Application template per folder', async () => {
    const bundle = await generate(fixtureRecipe('variety'), { deployer: 'argocdhelm', data: FIXTURE_DATA });
    expect(parse(fileText(bundle, 'Chart.yaml'))).toMatchObject({ apiVersion: 'v2', name: 'aicr-bundle', version: '0.2.0', appVersion: 'v1.0.0' });
    expect(bundle.files.filter((file) => file.path.startsWith('templates/')).map((file) => file.path)).toEqual([
      'templates/cert-manager.yaml', 'templates/gpu-operator-post.yaml', 'templates/gpu-operator-pre.yaml', 'templates/gpu-operator.yaml', 'templates/kai-scheduler.yaml', 'templates/skyhook-customizations.yaml',
    ]);
    expect(parse(fileText(bundle, 'static/gpu-operator.yaml'))).toEqual({ driver: { version: '580' } });
    const schema = JSON.parse(fileText(bundle, 'values.schema.json'));
    expect(Object.keys(schema.properties)).toEqual(['global', 'repoURL', 'targetRevision', 'bundlePath', 'argocdNamespace', 'deployer', 'certmanager', 'gpuoperator', 'kaischeduler']);
    expect(parse(fileText(bundle, 'values.yaml'))).toMatchObject({ repoURL: '', targetRevision: 'main', certmanager: {}, gpuoperator: {} });
    expect(bundle.notes).toContain('Set repoURL when installing the chart: the generated local charts are read from that repository');
  });
});
