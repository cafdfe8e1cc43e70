/**
 * `helm` deployer: one folder per release with an `install.sh`, plus `deploy.sh` (everything,
 * in order, with retries) and `undeploy.sh` (everything, in reverse).
 */
import { addFolderContent, FileSet } from '../common.js';
import { folderReadme, rootReadme } from '../readme.js';
import { deployScript, installScript, undeployScript } from '../scripts.js';
import type { BundlePlan, Deployer, DeployerOutput, Folder } from '../types.js';

/** Folder files shared with the helmfile deployer (same folder model). */
export function addHelmFolders(files: FileSet, plan: BundlePlan, installHint: (folder: Folder) => string): void {
  for (const folder of plan.folders) {
    addFolderContent(files, plan, folder, { clusterValues: folder.kind !== 'kustomize', upstreamEnv: true, upstreamValues: true });
    files.add(`${folder.dir}/install.sh`, installScript(folder, plan), 0o755);
    files.add(`${folder.dir}/README.md`, folderReadme(folder, plan, installHint(folder)));
  }
}

export const helmDeployer: Deployer = {
  name: 'helm',
  title: 'Helm per-component bundle',
  generate(plan: BundlePlan): DeployerOutput {
    const files = new FileSet();
    addHelmFolders(files, plan, () => ['```bash', 'bash install.sh', '```', '', 'Edit `values.yaml` (or put per-cluster settings in `cluster-values.yaml`, applied last) and run it again to upgrade.'].join('\n'));
    files.add('deploy.sh', deployScript(plan), 0o755);
    files.add('undeploy.sh', undeployScript(plan), 0o755);
    files.add('README.md', rootReadme(plan, {
      title: 'AICR deployment bundle (Helm)',
      intro: 'Each numbered folder holds one Helm release and an `install.sh` that installs it with the right chart, version, namespace and values. `deploy.sh` runs them all in order.',
      deploy: ['```bash', './deploy.sh                 # all releases, in order, 5 retries each', './deploy.sh --no-wait --retries 0', 'DRY_RUN_FLAG=--dry-run=server ./deploy.sh', '```', '', 'Or one release at a time: `bash NNN-<release>/install.sh`.'].join('\n'),
      customize: 'Edit `NNN-<release>/values.yaml`, or put per-cluster settings in `NNN-<release>/cluster-values.yaml` (applied after values.yaml), then run that folder\'s `install.sh` again. Editing files invalidates `checksums.txt`; regenerate the bundle with `--set` to keep it verifiable.',
      remove: ['```bash', './undeploy.sh               # releases in reverse order, then the namespaces deploy.sh created', './undeploy.sh --keep-namespaces', './undeploy.sh --delete-pvcs   # also the PVCs of the releases (data is lost)', '```', '', '`undeploy.sh` deletes a namespace, and PVCs in it, only when `deploy.sh` created it (it labels those `aicr.nvidia.com/created-by=aicr-bundle`); system namespaces (kube-system, kube-public, kube-node-lease, default) are never touched, and `--delete-pvcs` selects PVCs by release (`app.kubernetes.io/instance=<release>`), never a whole namespace.'].join('\n'),
    }));
    return { files: files.files, steps: ['cd <bundle-dir>', './deploy.sh'], notes: [] };
  },
};
