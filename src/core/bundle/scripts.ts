/**
 * Generated shell scripts: one `install.sh` per folder, and the bundle's `deploy.sh` and
 * `undeploy.sh`, rendered from templates/*.sh.hbs. Every value from the recipe or the command
 * line is validated by the planner and also shell-quoted by the templates, so no value can run
 * as code. All scripts pass shellcheck.
 */
import { releaseTraits } from './common.js';
import { render } from './render.js';
import type { BundlePlan, Folder } from './types.js';

/** `install.sh` of one folder. */
export function installScript(folder: Folder, plan: BundlePlan): string {
  return render('install.sh', {
    release: folder.release,
    component: folder.component.name,
    namespace: folder.namespace,
    toolVersion: plan.toolVersion,
    pre: folder.role === 'pre',
    post: folder.role === 'post',
    upstream: folder.kind === 'upstream',
    local: folder.kind === 'local',
    kustomize: folder.kind === 'kustomize',
    ownsNamespace: folder.ownsNamespace,
  });
}

function distinctNamespaces(plan: BundlePlan): string[] {
  return [...new Set(plan.folders.map((folder) => folder.namespace))];
}

/** `deploy.sh`: installs every folder in order, with retries, pre-flight checks and a final report. */
export function deployScript(plan: BundlePlan): string {
  // One row per release, split by `read` in the script: folder release namespace timeout retries mode.
  const rows = plan.folders.map((folder) => {
    const traits = releaseTraits(folder);
    return [folder.dir, folder.release, folder.namespace, traits.timeout, traits.retries === undefined ? '-' : String(traits.retries), traits.async ? 'async' : 'wait'].join(' ');
  });
  return render('deploy.sh', {
    toolVersion: plan.toolVersion,
    releaseCount: plan.folders.length,
    rows,
    namespaces: distinctNamespaces(plan),
    hasDra: plan.folders.some((folder) => folder.release === 'nvidia-dra-driver-gpu'),
  });
}

/** `undeploy.sh`: uninstalls releases in reverse order, then the bundle's namespaces. */
export function undeployScript(plan: BundlePlan): string {
  return render('undeploy.sh', {
    toolVersion: plan.toolVersion,
    rows: plan.folders.map((folder) => `${folder.dir} ${folder.release} ${folder.namespace} ${folder.kind}`),
    namespaces: distinctNamespaces(plan),
  });
}
