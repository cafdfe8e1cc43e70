/** The bundle stage's options and outputs: one definition for the CLI, the action and the component. */
import { dataOption, gitlabJobOptions, kubeconfigOption, summaryOption } from '../options/common.js';
import { defineOutputs } from '../options/outputs.js';
import { defineOptions } from '../options/spec.js';
import { MAX_NODES } from '../criteria.js';
import { DEPLOYERS } from './types.js';

const PATH_REGEX = '^[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*(/[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*)*/?$';

/** What shapes the generated files; shared with the root action. */
export const BUNDLE_SETTINGS = defineOptions({
  deployer: {
    type: 'enum',
    choices: DEPLOYERS,
    choiceAliases: { 'argocd-helm': 'argocdhelm' },
    default: 'helm',
    description: 'Deployment method: helm, argocd, argocdhelm (or argocd-helm), flux or helmfile.',
    aliases: ['-d'],
    placeholder: '<deployer>',
  },
  set: {
    type: 'list',
    separator: 'line',
    description: 'Value overrides, one per line: component:path.to.key=value (the component name or a valueOverrideKeys alias such as gpuoperator).',
    placeholder: '<component:path=value>',
  },
  systemNodeSelector: { type: 'map', description: 'Node selector for system components: key=value pairs.', placeholder: '<key=value>' },
  systemNodeToleration: { type: 'list', description: 'Tolerations for system components: key=value:effect or key:effect (default: tolerate every taint).', placeholder: '<key=value:effect>' },
  acceleratedNodeSelector: { type: 'map', description: 'Node selector for GPU node components: key=value pairs.', placeholder: '<key=value>' },
  acceleratedNodeToleration: { type: 'list', description: 'Tolerations for GPU node components: key=value:effect or key:effect (default: tolerate every taint).', placeholder: '<key=value:effect>' },
  workloadSelector: { type: 'map', description: 'Labels of workloads that node tuning must not interrupt: key=value pairs.', placeholder: '<key=value>' },
  workloadGate: { type: 'string', description: 'Taint that keeps workloads off GPU nodes until they are ready: key=value:effect or key:effect.', placeholder: '<key=value:effect>' },
  nodes: { type: 'int', min: 0, max: MAX_NODES, default: 0, description: 'Estimated GPU node count, written to components that size themselves (0 leaves it unset).' },
  repo: { type: 'string', description: 'Git (or OCI) repository the bundle is pushed to, written into argocd, argocdhelm and flux output.', placeholder: '<url>' },
  targetRevision: { type: 'string', default: 'main', description: 'Branch, tag or commit GitOps tools track.', placeholder: '<revision>' },
});

export const BUNDLE_OPTIONS = defineOptions({
  recipe: {
    type: 'string',
    required: true,
    defaults: { gitlab: 'recipe.yaml' },
    description: 'Recipe to bundle (file, https URL, cm://namespace/name or - for stdin), e.g. the recipe stage\'s output.',
    aliases: ['-r'],
    placeholder: '<file|url|cm://ns/name|->',
  },
  ...BUNDLE_SETTINGS,
  output: {
    type: 'string',
    default: 'bundle',
    description: 'Directory to write the bundle to; it must be new or empty unless force is set.',
    aliases: ['-o'],
    placeholder: '<dir>',
    regex: PATH_REGEX,
  },
  force: { type: 'bool', description: 'Replace the output directory if it is not empty.' },
  helmLint: {
    type: 'bool',
    description: 'Check every chart of the bundle with the runner\'s helm: helm lint --strict and helm template for generated charts, helm template from the repository for upstream charts; failures are annotated and fail the step.',
    absent: {
      cli: 'run helm lint and helm template on the bundle\'s folders yourself; deploy.sh shows the commands',
      gitlab: 'run helm lint and helm template on the bundle\'s folders in a job of your own',
    },
  },
  data: dataOption,
  kubeconfig: kubeconfigOption,
  summary: summaryOption,
  ...gitlabJobOptions('aicr-bundle', 'build'),
});

export const BUNDLE_OUTPUTS = defineOutputs('bundle', {
  bundleDir: { description: 'Directory the bundle was written to.' },
  deployer: { description: 'Deployer used (helm, argocd, argocdhelm, flux or helmfile).' },
  files: { description: 'Number of files in the bundle, checksums.txt included.' },
  checksumsPath: { description: 'Path of the bundle\'s checksums.txt.' },
});
