/**
 * `argocd` deployer: an Argo CD Application per folder (sync waves by dependency level, see syncWaves)
 * and an app-of-apps that picks them up from the Git repository the bundle is pushed to.
 */
import { addFolderContent, FileSet, syncWaves } from '../common.js';
import { folderReadme, rootReadme } from '../readme.js';
import { toYaml } from '../../serialize.js';
import type { BundlePlan, Deployer, DeployerOutput, Folder } from '../types.js';
import { inRepo } from '../repo-path.js';
import { indexVersion } from '../versions.js';

export const ARGOCD_NAMESPACE = 'argocd';
export const IN_CLUSTER = 'https://kubernetes.default.svc';
const APP_OF_APPS = 'aicr-bundle';

const SYNC_POLICY = {
  automated: { prune: true, selfHeal: true },
  // Server-side apply avoids the 256 KiB last-applied annotation limit that large CRDs hit.
  syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
};

/** Chart coordinates as Argo CD wants them: OCI charts without the scheme, HTTP versions without `v`. */
export function argoChartSource(folder: Folder): { repoURL: string; chart: string; targetRevision: string } {
  const chart = folder.component.chart!;
  if (chart.oci) return { repoURL: chart.repo.replace(/^oci:\/\//, '').replace(/\/+$/, ''), chart: chart.name, targetRevision: chart.version };
  return { repoURL: chart.repo, chart: chart.name, targetRevision: indexVersion(chart.version) };
}

/** The `spec.source(s)` of a folder's Application. */
function sources(folder: Folder, plan: BundlePlan): Record<string, unknown> {
  switch (folder.kind) {
    case 'upstream': {
      const chart = argoChartSource(folder);
      if (plan.repoURL.startsWith('oci://')) {
        // $values references need a Git repository; with an OCI bundle the values go inline.
        return { source: { ...chart, helm: { valuesObject: folder.component.values } } };
      }
      return {
        sources: [
          { ...chart, helm: { valueFiles: [`$values/${inRepo(plan.repoPath, folder.dir)}/values.yaml`] } },
          { repoURL: plan.repoURL, targetRevision: plan.targetRevision, ref: 'values' },
        ],
      };
    }
    case 'local':
      return { source: { repoURL: plan.repoURL, targetRevision: plan.targetRevision, path: inRepo(plan.repoPath, folder.dir) } };
    case 'kustomize': {
      const k = folder.component.kustomize!;
      return { source: { repoURL: k.repo, targetRevision: k.tag || 'HEAD', path: k.path } };
    }
  }
}

/** The Application object of one folder. */
function folderApplication(folder: Folder, plan: BundlePlan, wave: number): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: folder.release,
      namespace: ARGOCD_NAMESPACE,
      annotations: { 'argocd.argoproj.io/sync-wave': String(wave) },
    },
    spec: {
      project: 'default',
      ...sources(folder, plan),
      destination: { server: IN_CLUSTER, namespace: folder.namespace },
      syncPolicy: SYNC_POLICY,
    },
  };
}

function appOfApps(plan: BundlePlan): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: APP_OF_APPS, namespace: ARGOCD_NAMESPACE },
    spec: {
      project: 'default',
      source: { repoURL: plan.repoURL, targetRevision: plan.targetRevision, path: plan.repoPath || '.', directory: { recurse: true, include: '*/application.yaml' } },
      destination: { server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  };
}

export const argocdDeployer: Deployer = {
  name: 'argocd',
  title: 'Argo CD applications',
  generate(plan: BundlePlan): DeployerOutput {
    const files = new FileSet();
    const waves = syncWaves(plan);
    for (const folder of plan.folders) {
      const wave = waves.get(folder)!;
      addFolderContent(files, plan, folder, { clusterValues: false, upstreamEnv: false, upstreamValues: !plan.repoURL.startsWith('oci://') });
      files.add(`${folder.dir}/application.yaml`, toYaml(folderApplication(folder, plan, wave)));
      files.add(`${folder.dir}/README.md`, folderReadme(folder, plan, `Argo CD syncs it through \`application.yaml\` (sync wave ${wave}); to sync it alone: \`argocd app sync ${folder.release}\`.`));
    }
    files.add('app-of-apps.yaml', toYaml(appOfApps(plan)));
    files.add('README.md', rootReadme(plan, {
      title: 'AICR deployment bundle (Argo CD)',
      intro: 'Each numbered folder holds an Argo CD `application.yaml`; components of one dependency level share a band of four sync waves (pre, primary, post, readiness gate) and sync in parallel; each level waits for the one below. `app-of-apps.yaml` creates them all from the Git repository this bundle is pushed to.',
      deploy: [
        '1. Push this directory to ' + (plan.repoPath ? `\`${plan.repoPath}/\` of ` : '') + 'the Git repository named in `app-of-apps.yaml`'
          + (plan.repoGiven ? ` (\`${plan.repoURL}\`, revision \`${plan.targetRevision}\`).` : ' (it holds a placeholder: regenerate with `--repo <url>`).'),
        '2. Apply the parent application:',
        '',
        '```bash',
        'kubectl apply -f app-of-apps.yaml',
        `argocd app get ${APP_OF_APPS}`,
        '```',
      ].join('\n'),
      customize: 'Edit `NNN-<release>/values.yaml` and push; Argo CD picks the change up. Regenerate with `--set` to keep `checksums.txt` valid.',
      remove: `Delete the parent application (\`kubectl delete -f app-of-apps.yaml\`) and then the child applications (\`argocd app delete <release>\`); pruning removes their resources.`,
    }));
    const notes = plan.repoGiven ? [] : ['Update the repository URL (or regenerate with --repo) before applying app-of-apps.yaml'];
    return { files: files.files, steps: [`Push <bundle-dir> to ${plan.repoPath ? `${plan.repoPath}/ of ` : ''}your GitOps repository`, 'kubectl apply -f <bundle-dir>/app-of-apps.yaml'], notes };
  },
};
