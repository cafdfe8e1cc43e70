/** The deployers, by name. Each turns the same bundle plan into its own files. */
import type { Deployer, DeployerName } from '../types.js';
import { argocdDeployer } from './argocd.js';
import { argocdHelmDeployer } from './argocdhelm.js';
import { fluxDeployer } from './flux.js';
import { helmDeployer } from './helm.js';
import { helmfileDeployer } from './helmfile.js';

export const DEPLOYER_MODULES: Record<DeployerName, Deployer> = {
  helm: helmDeployer,
  argocd: argocdDeployer,
  argocdhelm: argocdHelmDeployer,
  flux: fluxDeployer,
  helmfile: helmfileDeployer,
};
