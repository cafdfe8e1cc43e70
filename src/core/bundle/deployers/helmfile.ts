/**
 * `helmfile` deployer: the helm folder model plus a `helmfile.yaml`. Components are grouped in
 * dependency levels (a component sits one level above its deepest dependency); with more than
 * one level, each gets a `level-<n>.yaml` and `helmfile.yaml` runs them in order. Inside a
 * component, `needs:` chains its pre, primary and post releases.
 */
import { invalidInput } from '../../errors.js';
import { dependencyLevels, FileSet, previousInComponent, releaseTraits, urlSlug } from '../common.js';
import { rootReadme } from '../readme.js';
import { compareStrings, toYaml } from '../../serialize.js';
import { addHelmFolders } from './helm.js';
import type { BundlePlan, Deployer, DeployerOutput, Folder } from '../types.js';

const HELM_DEFAULTS = { wait: true, timeout: 600, createNamespace: true };

function repositoryFor(folder: Folder): Record<string, unknown> | undefined {
  if (folder.kind !== 'upstream') return undefined;
  const chart = folder.component.chart!;
  const name = urlSlug(chart.repo, 'default-repo');
  return chart.oci ? { name, url: chart.repo.replace(/^oci:\/\//, '').replace(/\/+$/, ''), oci: true } : { name, url: chart.repo };
}

function release(folder: Folder): Record<string, unknown> {
  const entry: Record<string, unknown> = { name: folder.release, namespace: folder.namespace };
  if (folder.kind === 'upstream') {
    const chart = folder.component.chart!;
    entry.chart = `${urlSlug(chart.repo, 'default-repo')}/${chart.name}`;
    if (chart.version !== '') entry.version = chart.version;
  } else {
    entry.chart = `./${folder.dir}`;
  }
  entry.values = [`./${folder.dir}/values.yaml`, `./${folder.dir}/cluster-values.yaml`];
  const previous = previousInComponent(folder);
  if (previous) entry.needs = [previous.namespace === folder.namespace ? previous.release : `${previous.namespace}/${previous.release}`];
  const traits = releaseTraits(folder);
  if (traits.async) {
    entry.wait = false;
    entry.timeout = traits.timeoutSeconds;
  }
  if (folder.ownsNamespace) entry.createNamespace = false;
  // helm-diff checks every resource kind against the live cluster before anything installs, so
  // objects of CRDs the component's own chart ships fail that check on a fresh cluster:
  // primary releases of such charts (registry hasSelfRefCRDs), and the -post release of
  // manifests that use them (manifestsUseChartCRDs). Other releases keep the check.
  const config = folder.component.config;
  if ((folder.role === 'primary' && config.hasSelfRefCRDs) || (folder.role === 'post' && config.manifestsUseChartCRDs)) entry.disableValidation = true;
  return entry;
}

function helmfileDocument(folders: readonly Folder[]): Record<string, unknown> {
  const repositories = new Map<string, Record<string, unknown>>();
  for (const folder of folders) {
    const repository = repositoryFor(folder);
    if (repository) repositories.set(repository.name as string, repository);
  }
  const document: Record<string, unknown> = {};
  if (repositories.size > 0) document.repositories = [...repositories.keys()].sort(compareStrings).map((name) => repositories.get(name));
  document.helmDefaults = HELM_DEFAULTS;
  document.releases = folders.map(release);
  return document;
}

export const helmfileDeployer: Deployer = {
  name: 'helmfile',
  title: 'Helmfile release graph',
  generate(plan: BundlePlan): DeployerOutput {
    const kustomize = plan.folders.find((folder) => folder.kind === 'kustomize');
    if (kustomize) {
      throw invalidInput(`component "${kustomize.component.name}" is a kustomize component, which the helmfile deployer does not support`, {
        hint: 'use the helm or argocd deployer for recipes with kustomize components',
      });
    }
    const files = new FileSet();
    addHelmFolders(files, plan, (folder) => ['```bash', `helmfile --selector name=${folder.release} apply`, '```', '', 'or `bash install.sh` in this folder.'].join('\n'));
    const levels = dependencyLevels(plan.components);
    const byLevel = new Map<number, Folder[]>();
    for (const folder of plan.folders) {
      const level = levels.get(folder.component.name)!;
      byLevel.set(level, [...(byLevel.get(level) ?? []), folder]);
    }
    const used = [...byLevel.keys()].sort((a, b) => a - b);
    if (used.length <= 1) {
      files.add('helmfile.yaml', toYaml(helmfileDocument(plan.folders)));
    } else {
      used.forEach((level, position) => files.add(`level-${position}.yaml`, toYaml(helmfileDocument(byLevel.get(level)!))));
      files.add('helmfile.yaml', toYaml({ helmfiles: used.map((_, position) => ({ path: `level-${position}.yaml` })) }));
    }
    files.add('README.md', rootReadme(plan, {
      title: 'AICR deployment bundle (Helmfile)',
      intro: used.length <= 1
        ? '`helmfile.yaml` lists every release; `needs:` orders the releases of one component.'
        : `Components are grouped by dependency level: \`helmfile.yaml\` runs \`level-0.yaml\` … \`level-${used.length - 1}.yaml\` in order, and the releases inside a level install in parallel. Each numbered folder also has an \`install.sh\` for installing it alone.`,
      deploy: ['```bash', 'helmfile diff', 'helmfile apply', '```'].join('\n'),
      customize: 'Edit `NNN-<release>/values.yaml` or `cluster-values.yaml` (applied last) and run `helmfile apply` again. Regenerate with `--set` to keep `checksums.txt` valid.',
      remove: '`helmfile destroy` uninstalls the releases.',
    }));
    return { files: files.files, steps: ['cd <bundle-dir>', 'helmfile diff', 'helmfile apply'], notes: [] };
  },
};
