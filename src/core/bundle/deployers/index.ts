/** The deployers, by name. Each turns the same bundle plan into its own files. */
import { invalidInput } from '../../errors.js';
import { DEPLOYERS, type Deployer, type DeployerName } from '../types.js';
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

/**
 * Reads a deployer name: trimmed, case-insensitive, `argocd-helm` accepted for `argocdhelm`,
 * empty means `helm`. Unknown names list the valid ones.
 */
export function parseDeployer(raw: string | undefined, input = '--deployer'): DeployerName {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return 'helm';
  const name = value === 'argocd-helm' ? 'argocdhelm' : value;
  if ((DEPLOYERS as readonly string[]).includes(name)) return name as DeployerName;
  throw invalidInput(`invalid ${input} ${JSON.stringify(raw)}: must be one of ${DEPLOYERS.join(', ')}`, { hint: `set ${input} to one of: ${DEPLOYERS.join(', ')}` });
}
