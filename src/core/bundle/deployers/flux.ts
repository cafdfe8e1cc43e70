/**
 * `flux` deployer: a HelmRepository per chart source, a GitRepository for the bundle itself,
 * one HelmRelease per folder (dependsOn follows the recipe's dependencies), a kustomization.yaml
 * listing them, and a Flux Kustomization that applies the bundle from Git.
 */
import { invalidInput } from '../../errors.js';
import { addFolderContent, FileSet, folderDependencies, releaseTraits, urlSlug, VALUES_HEADER } from '../common.js';
import { folderReadme, rootReadme } from '../readme.js';
import { compareStrings, sortKeysDeep, toYaml } from '../../serialize.js';
import type { BundlePlan, Deployer, DeployerOutput, Folder } from '../types.js';
import { inRepo } from '../repo-path.js';
import { indexVersion } from '../versions.js';

const FLUX_NAMESPACE = 'flux-system';
const BOOTSTRAP_NAME = 'aicr-bundle';

const document = (value: unknown): string => VALUES_HEADER + toYaml(value);

function helmRepository(url: string): Record<string, unknown> {
  const spec: Record<string, unknown> = { interval: '10m', url };
  if (url.startsWith('oci://')) spec.type = 'oci';
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: { name: urlSlug(url), namespace: FLUX_NAMESPACE },
    spec,
  };
}

function gitRepository(plan: BundlePlan): Record<string, unknown> {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: urlSlug(plan.repoURL), namespace: FLUX_NAMESPACE },
    spec: { interval: '10m', url: plan.repoURL, ref: { branch: plan.targetRevision } },
  };
}

/**
 * helm-controller leaves CRDs untouched on upgrade by default. A component whose registry entry
 * says it solely owns its CRDs (`ownsCRDs`) gets them replaced, but only while the recipe still
 * points at the very chart that claim was made for (same repository, chart and version).
 */
function replacesCRDs(folder: Folder): boolean {
  const config = folder.component.config;
  const chart = folder.component.chart;
  const defaultChart = config.helm?.defaultChart ?? '';
  if (!config.ownsCRDs || !chart || defaultChart === '') return false;
  const stripV = (version: string): string => version.replace(/^v/, '');
  return chart.repo === (config.helm?.defaultRepository ?? '')
    && chart.name === defaultChart.slice(defaultChart.lastIndexOf('/') + 1)
    && stripV(chart.version) === stripV(config.helm?.defaultVersion ?? '');
}

function helmRelease(folder: Folder, plan: BundlePlan): Record<string, unknown> {
  const traits = releaseTraits(folder);
  let chartSpec: Record<string, unknown>;
  if (folder.kind === 'upstream') {
    const chart = folder.component.chart!;
    chartSpec = { chart: chart.name };
    // Flux matches versions as SemVer ranges: OCI tags stay exact, index lookups drop the `v`.
    const version = chart.oci ? chart.version : indexVersion(chart.version);
    if (version !== '') chartSpec.version = version;
    chartSpec.sourceRef = { kind: 'HelmRepository', name: urlSlug(chart.repo), namespace: FLUX_NAMESPACE };
  } else {
    chartSpec = { chart: `./${inRepo(plan.repoPath, folder.dir)}`, sourceRef: { kind: 'GitRepository', name: urlSlug(plan.repoURL), namespace: FLUX_NAMESPACE } };
  }
  chartSpec.interval = '5m';
  const install: Record<string, unknown> = { createNamespace: !folder.ownsNamespace };
  const spec: Record<string, unknown> = {
    interval: '10m',
    releaseName: folder.release,
    targetNamespace: folder.namespace,
    timeout: traits.timeout,
    install,
    chart: { spec: chartSpec },
  };
  if (traits.async) {
    install.disableWait = true;
    spec.upgrade = { disableWait: true };
  }
  if (folder.kind === 'upstream' && replacesCRDs(folder)) spec.upgrade = { ...(spec.upgrade as Record<string, unknown> | undefined), crds: 'CreateReplace' };
  const dependencies = folderDependencies(plan, folder).map((dependency) => dependency.release).sort(compareStrings);
  if (dependencies.length > 0) spec.dependsOn = dependencies.map((name) => ({ name }));
  if (folder.kind === 'upstream' && Object.keys(folder.component.values).length > 0) spec.values = sortKeysDeep(folder.component.values);
  if (folder.kind === 'upstream' && folder.component.dynamicValues) spec.valuesFrom = [{ kind: 'ConfigMap', name: dynamicValuesName(folder) }];
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: folder.release, namespace: FLUX_NAMESPACE },
    spec,
  };
}

/** The ConfigMap with a release's --dynamic values, beside its HelmRelease (Flux reads valuesFrom in the release's namespace). */
function dynamicValuesName(folder: Folder): string {
  return `${folder.release}-values`;
}

function dynamicValuesConfigMap(folder: Folder): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: dynamicValuesName(folder), namespace: FLUX_NAMESPACE },
    data: { 'values.yaml': toYaml(folder.component.dynamicValues ?? {}, { sortKeys: true }) },
  };
}

function fluxKustomization(plan: BundlePlan): Record<string, unknown> {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: BOOTSTRAP_NAME, namespace: FLUX_NAMESPACE },
    spec: {
      interval: '10m',
      path: plan.repoPath ? `./${plan.repoPath}` : './',
      prune: true,
      sourceRef: { kind: 'GitRepository', name: urlSlug(plan.repoURL) },
      timeout: '30m',
    },
  };
}

export const fluxDeployer: Deployer = {
  name: 'flux',
  title: 'Flux manifests',
  generate(plan: BundlePlan): DeployerOutput {
    const kustomize = plan.folders.find((folder) => folder.kind === 'kustomize');
    if (kustomize) {
      throw invalidInput(`component "${kustomize.component.name}" is a kustomize component, which the flux deployer does not support`, {
        hint: 'use the helm or argocd deployer for recipes with kustomize components',
      });
    }
    if (plan.repoURL.startsWith('oci://')) {
      throw invalidInput('the flux deployer needs a Git repository for --repo, not an OCI URL', { hint: 'pass the Git URL the bundle is pushed to' });
    }
    const files = new FileSet();
    const resources: string[] = [];
    const repositories = new Set<string>();
    for (const folder of plan.folders) if (folder.kind === 'upstream') repositories.add(folder.component.chart!.repo);
    for (const url of [...repositories].sort(compareStrings)) {
      const path = `sources/helmrepo-${urlSlug(url)}.yaml`;
      if (files.has(path)) continue;
      files.add(path, document(helmRepository(url)));
      resources.push(path);
    }
    const gitPath = `sources/gitrepo-${urlSlug(plan.repoURL)}.yaml`;
    files.add(gitPath, document(gitRepository(plan)));
    resources.push(gitPath);
    for (const folder of plan.folders) {
      addFolderContent(files, plan, folder, { clusterValues: false, upstreamEnv: false, upstreamValues: false });
      if (folder.kind === 'upstream' && folder.component.dynamicValues) {
        const configMap = `${folder.dir}/configmap-values.yaml`;
        files.add(configMap, document(dynamicValuesConfigMap(folder)));
        resources.push(configMap);
      }
      const release = `${folder.dir}/helmrelease.yaml`;
      files.add(release, document(helmRelease(folder, plan)));
      resources.push(release);
      files.add(`${folder.dir}/README.md`, folderReadme(folder, plan, `Flux installs it from \`helmrelease.yaml\`${folderDependencies(plan, folder).length ? ` after ${folderDependencies(plan, folder).map((d) => `\`${d.release}\``).join(', ')} is ready` : ''}.`));
    }
    files.add('kustomization.yaml', document({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: resources.sort(compareStrings) }));
    files.add('flux-kustomization.yaml', document(fluxKustomization(plan)));
    files.add('README.md', rootReadme(plan, {
      title: 'AICR deployment bundle (Flux)',
      intro: 'Each numbered folder holds a Flux HelmRelease; `dependsOn` follows the recipe\'s component dependencies, so independent releases reconcile in parallel. `kustomization.yaml` lists every object; `flux-kustomization.yaml` tells Flux to apply this directory from Git.',
      deploy: [
        `1. Push this directory to ${plan.repoPath ? `\`${plan.repoPath}/\` of ` : ''}the Git repository in \`${gitPath}\`${plan.repoGiven ? ` (\`${plan.repoURL}\`, branch \`${plan.targetRevision}\`)` : ' (it holds a placeholder: regenerate with `--repo <url>`)'}.`,
        '2. With Flux installed in the cluster, apply the source and the Kustomization that applies the rest:',
        '',
        '```bash',
        `kubectl apply -f ${gitPath} -f flux-kustomization.yaml`,
        'flux get helmreleases -A',
        '```',
      ].join('\n'),
      customize: 'Edit `values:` in `NNN-<release>/helmrelease.yaml` and push; Flux upgrades the release. Regenerate with `--set` to keep `checksums.txt` valid.',
      remove: `Delete the Kustomization (\`kubectl delete -f flux-kustomization.yaml\`); with \`prune: true\` Flux removes the HelmReleases and uninstalls them.`,
    }));
    const notes = plan.repoGiven ? [] : ['Regenerate with --repo (or edit the GitRepository URL) before applying'];
    if (plan.components.some((component) => component.dynamicValues)) notes.push('Install-time values are in NNN-<release>/configmap-values.yaml: edit them for the cluster before applying');
    return { files: files.files, steps: [`Push <bundle-dir> to ${plan.repoPath ? `${plan.repoPath}/ of ` : ''}your Git repository`, `kubectl apply -f <bundle-dir>/${gitPath} -f <bundle-dir>/flux-kustomization.yaml`, 'flux get helmreleases -A'], notes };
  },
};
