/**
 * Where Kubernetes credentials come from, found without loading the client: commands decide
 * whether they have cluster access (and say why not) at the cost of a few file checks.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** Where the credentials come from. */
export type ConfigSource = { kind: 'files'; paths: string[]; label: string } | { kind: 'in-cluster'; label: string };

/**
 * Resolves the configuration source without loading the client: `--kubeconfig`, $KUBECONFIG
 * (a path list), ~/.kube/config, then the in-cluster service account. Undefined when none exists.
 */
export function resolveConfigSource(options: { kubeconfig?: string; env?: NodeJS.ProcessEnv } = {}): ConfigSource | undefined {
  const env = options.env ?? process.env;
  if (options.kubeconfig) return { kind: 'files', paths: [options.kubeconfig], label: `kubeconfig ${options.kubeconfig}` };
  if (env.KUBECONFIG) {
    const paths = env.KUBECONFIG.split(delimiter).filter((p) => p !== '');
    if (paths.length) return { kind: 'files', paths, label: `$KUBECONFIG (${paths.join(delimiter)})` };
  }
  const home = env.HOME || homedir();
  const defaultPath = home ? join(home, '.kube', 'config') : '';
  if (defaultPath && existsSync(defaultPath)) return { kind: 'files', paths: [defaultPath], label: `kubeconfig ${defaultPath}` };
  if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT && existsSync(SERVICE_ACCOUNT_TOKEN)) {
    return { kind: 'in-cluster', label: 'the in-cluster service account' };
  }
  return undefined;
}

