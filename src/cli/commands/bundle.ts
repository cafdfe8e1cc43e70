import type { Command } from '../context.js';
import type { FlagValues } from '../args.js';
import { DEPLOYERS, parseDeployer, runBundle, type BundleRequest } from '../../core/bundle/index.js';
import { invalidInput } from '../../core/errors.js';

const list = (flags: FlagValues, name: string): string[] | undefined => {
  const value = flags[name];
  return Array.isArray(value) && value.length > 0 ? value : undefined;
};

/** Maps parsed flags to the bundle request (the same shape the action and GitLab job build). */
export function bundleRequestFromFlags(flags: FlagValues): BundleRequest {
  if (typeof flags.recipe !== 'string' || flags.recipe === '') {
    throw invalidInput('--recipe is required', { hint: 'pass the recipe to bundle: a file, - for stdin, an https:// URL or cm://namespace/name (make one with aicr recipe)' });
  }
  const request: BundleRequest = {
    recipe: flags.recipe,
    output: typeof flags.output === 'string' ? flags.output : 'bundle',
    deployer: parseDeployer(typeof flags.deployer === 'string' ? flags.deployer : undefined),
    force: flags.force === true,
  };
  const set = list(flags, 'set');
  if (set) request.set = set;
  const lists = {
    systemNodeSelector: 'system-node-selector',
    systemNodeToleration: 'system-node-toleration',
    acceleratedNodeSelector: 'accelerated-node-selector',
    acceleratedNodeToleration: 'accelerated-node-toleration',
    workloadSelector: 'workload-selector',
  } as const;
  for (const [field, flag] of Object.entries(lists) as Array<[keyof typeof lists, string]>) {
    const values = list(flags, flag);
    if (values) request[field] = values;
  }
  if (typeof flags['workload-gate'] === 'string') request.workloadGate = flags['workload-gate'];
  if (typeof flags.nodes === 'number') request.nodes = flags.nodes;
  if (typeof flags.repo === 'string') request.repo = flags.repo;
  if (typeof flags['target-revision'] === 'string') request.targetRevision = flags['target-revision'];
  if (typeof flags.data === 'string') request.data = flags.data;
  return request;
}

export const command: Command = {
  spec: {
    name: 'bundle',
    summary: 'Generate a deployment bundle from a recipe: per-release folders, deployer files and checksums.txt.',
    usage: 'aicr bundle --recipe <file|url|cm://ns/name|-> [--deployer helm|argocd|argocdhelm|flux|helmfile] [--output DIR] [--set component:path=value]... [scheduling flags] [--repo URL]',
    flags: [
      { name: 'recipe', aliases: ['-r'], type: 'string', value: '<file|url|cm://ns/name|->', description: 'recipe to bundle (from aicr recipe)' },
      { name: 'deployer', aliases: ['-d'], type: 'string', value: '<name>', description: `deployment method: ${DEPLOYERS.join(', ')}`, default: 'helm' },
      { name: 'output', aliases: ['-o'], type: 'string', value: '<dir>', description: 'directory to write (created; must be empty unless --force)', default: 'bundle' },
      { name: 'force', type: 'boolean', description: 'replace the output directory if it is not empty' },
      { name: 'set', type: 'list', value: '<component:path=value>', description: 'override a value (component name or valueOverrideKeys alias; true/false, numbers and text are typed)' },
      { name: 'system-node-selector', type: 'list', value: '<key=value>', description: 'node selector for system components' },
      { name: 'system-node-toleration', type: 'list', value: '<key=value:effect>', description: 'toleration for system components (default: tolerate everything)' },
      { name: 'accelerated-node-selector', type: 'list', value: '<key=value>', description: 'node selector for GPU node components' },
      { name: 'accelerated-node-toleration', type: 'list', value: '<key=value:effect>', description: 'toleration for GPU node components (default: tolerate everything)' },
      { name: 'workload-selector', type: 'list', value: '<key=value>', description: 'labels of workloads that node tuning must not interrupt' },
      { name: 'workload-gate', type: 'string', value: '<key=value:effect>', description: 'taint that keeps workloads off GPU nodes until they are ready' },
      { name: 'nodes', type: 'integer', description: 'estimated GPU node count written to components that size themselves (0 = unset)' },
      { name: 'repo', type: 'string', value: '<url>', description: 'Git (or OCI) repository the bundle is pushed to (argocd, argocdhelm, flux)' },
      { name: 'target-revision', type: 'string', value: '<rev>', description: 'branch, tag or commit GitOps tools track', default: 'main' },
      { name: 'data', type: 'string', value: '<dir>', description: 'external data directory layered over the embedded catalog' },
      { name: 'kubeconfig', aliases: ['-k'], type: 'string', value: '<file>', description: 'kubeconfig for cm:// recipes', env: 'KUBECONFIG' },
    ],
    examples: [
      'aicr recipe --service eks --accelerator h100 --intent training -o recipe.yaml',
      'aicr bundle -r recipe.yaml -o bundle',
      'aicr bundle -r recipe.yaml -d argocd --repo https://github.com/example/gitops.git -o gitops',
      'aicr bundle -r recipe.yaml --set gpuoperator:driver.version=580.105.08 --accelerated-node-selector nodeGroup=gpu --accelerated-node-toleration nvidia.com/gpu=present:NoSchedule',
    ],
  },
  async run({ flags }, context) {
    const request = bundleRequestFromFlags(flags);
    const kubeconfig = typeof flags.kubeconfig === 'string' && flags.kubeconfig !== '' ? { kubeconfig: flags.kubeconfig } : {};
    const outcome = await runBundle(request, { stdin: context.stdin, ...kubeconfig });
    for (const note of outcome.notes) context.logger.warning(note);
    const steps = outcome.steps.map((step, index) => `  ${index + 1}. ${step.replaceAll('<bundle-dir>', outcome.dir)}`);
    context.stdout.write([
      `${outcome.title} written to ${outcome.dir} (${outcome.files.length} files, ${outcome.plan.folders.length} releases)`,
      `Deployment order: ${outcome.plan.folders.map((folder) => folder.dir).join(', ')}`,
      `Checksums: ${outcome.checksumsPath} (check with: aicr verify ${outcome.dir})`,
      'Next steps:',
      ...steps,
      '',
    ].join('\n'));
    return 0;
  },
};
