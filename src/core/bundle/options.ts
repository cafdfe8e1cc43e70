/** The bundle stage's options and outputs: one definition for the CLI, the action and the component. */
import { dataOption, gitlabJobOptions, kubeconfigOption, summaryOption, artifactOptions, artifactOutputs } from '../options/common.js';
import { defineOutputs } from '../options/outputs.js';
import { defineOptions } from '../options/spec.js';
import { MAX_NODES } from '../criteria.js';
import { DEPLOYERS } from './types.js';
import { CHANGE_OUTPUTS, COMPARE_OPTIONS } from '../changes/options.js';

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
  setJson: {
    type: 'list',
    separator: 'line',
    description: 'List and object overrides, one per line: component:path=<json> (e.g. agentgateway:allowedSourceRanges=["10.0.0.0/8"]). Objects merge into the map at the path (null removes a key), lists and scalars replace; applied after set, and wins over set-file on the same path. Not for enabled.',
    placeholder: '<component:path=json>',
  },
  setFile: {
    type: 'list',
    separator: 'line',
    description: 'Overrides read from files, one per line: component:path=<file> (one YAML or JSON value, at most 1 MiB; relative to the working directory, links may not lead out of it). Same merge rules as set-json.',
    placeholder: '<component:path=file>',
  },
  dynamic: {
    type: 'list',
    separator: 'line',
    description: 'Values left to install time, one per line: component:path (e.g. alloy:clusterName). The path leaves the bundled values and waits, with its bundled value (or "") as default, in cluster-values.yaml (helm, helmfile), a ConfigMap the HelmRelease reads (flux) or the chart\'s values (argocdhelm); not with argocd.',
    placeholder: '<component:path>',
  },
  systemNodeSelector: { type: 'map', description: 'Node selector for system components: key=value pairs.', placeholder: '<key=value>' },
  systemNodeToleration: { type: 'list', description: 'Tolerations for system components: key=value:effect or key:effect (default: tolerate every taint).', placeholder: '<key=value:effect>' },
  acceleratedNodeSelector: { type: 'map', description: 'Node selector for GPU node components: key=value pairs.', placeholder: '<key=value>' },
  acceleratedNodeToleration: { type: 'list', description: 'Tolerations for GPU node components: key=value:effect or key:effect (default: tolerate every taint).', placeholder: '<key=value:effect>' },
  workloadSelector: { type: 'map', description: 'Labels of workloads that node tuning must not interrupt: key=value pairs.', placeholder: '<key=value>' },
  workloadGate: { type: 'string', description: 'Taint that keeps workloads off GPU nodes until they are ready: key=value:effect or key:effect.', placeholder: '<key=value:effect>' },
  readinessHooks: {
    type: 'bool',
    description: 'Add a NNN-<component>-readiness chart after each component that ships components/<name>/readiness.yaml (a Chainsaw test): a Job that blocks the deployment until the component is really ready. helm, argocd and argocdhelm only.',
  },
  nodes: { type: 'int', min: 0, max: MAX_NODES, default: 0, description: 'Estimated GPU node count, written to components that size themselves (0 leaves it unset).' },
  storageClass: {
    type: 'string',
    description: 'StorageClass written to the PVC values of components that declare storageClassPaths in the registry (replaces recipe values; a set override of the same path wins).',
    placeholder: '<name>',
  },
  sharedStorageClass: {
    type: 'string',
    description: 'RWX-capable StorageClass written to the shared-filesystem PVC values of components that declare sharedStorageClassPaths (a set override of the same path wins).',
    placeholder: '<name>',
  },
  vendorCharts: {
    type: 'bool',
    description: 'Download every chart the bundle installs into the bundle (NNN-<component>/charts/<chart>.tgz inside a wrapper chart), from an HTTP(S) chart repository (checked against its index digest) or an OCI registry (anonymous pull, checked against the layer digest), so deploying needs no chart repository; provenance.yaml records each chart\'s source, version and sha256. Each download has the AICR_REQUEST_TIMEOUT deadline (default 30 s for an index, 5 min for a chart).',
  },
  repo: { type: 'string', description: 'Git (or OCI) repository the bundle is pushed to, written into argocd, argocdhelm and flux output.', placeholder: '<url>' },
  repoPath: {
    type: 'string',
    description: 'Folder of the bundle inside that repository (e.g. clusters/prod; default: its root): argocd, argocdhelm and flux output points there. Relative, without "..".',
    placeholder: '<dir>',
  },
  targetRevision: { type: 'string', default: 'main', description: 'Branch, tag or commit GitOps tools track.', placeholder: '<revision>' },
});

export const BUNDLE_OPTIONS = defineOptions({
  recipe: {
    type: 'string',
    defaults: { gitlab: 'recipe.yaml' },
    description: 'Recipe to bundle (file, https URL, cm://namespace/name or - for stdin), e.g. the recipe stage\'s output. Required, here or as spec.bundle.input.recipe of config.',
    aliases: ['-r'],
    placeholder: '<file|url|cm://ns/name|->',
  },
  config: {
    type: 'string',
    description: 'AICRConfig file (YAML or JSON, a path or an https URL) whose spec.bundle gives options not given otherwise: given options win, lists and maps are replaced, not merged. Unknown fields are errors.',
    placeholder: '<file|url>',
  },
  ...BUNDLE_SETTINGS,
  output: {
    writes: true,
    type: 'string',
    default: 'bundle',
    description: 'Directory to write the bundle to; it must be new or empty unless force is set. A directory that another run fills while this one works is never replaced (exit 2).',
    aliases: ['-o'],
    placeholder: '<dir>',
    regex: PATH_REGEX,
  },
  force: {
    type: 'bool',
    description: 'Replace the output directory when it holds an earlier, unchanged bundle: its checksums.txt lists README.md and recipe.yaml and matches every file exactly (nothing modified, missing or extra; no links or empty folders) and its README.md says "Generated by aicr bundle". Anything else is left untouched (exit 2).',
  },
  helmLint: {
    type: 'bool',
    description: 'Check every chart of the bundle with the runner\'s helm: helm lint --strict and helm template for generated charts, helm template from the repository for upstream charts; failures are annotated and fail the step.',
    absent: {
      cli: 'run helm lint and helm template on the bundle\'s folders yourself; deploy.sh shows the commands',
      gitlab: 'run helm lint and helm template on the bundle\'s folders in a job of your own',
    },
  },
  codequality: {
    writes: true,
    type: 'string',
    description: 'Also write a GitLab Code Quality report of the registry\'s bundle-time validations (a blocker per finding that stops the bundle, minor per warning) to this file, also when a finding stops the bundle.',
    defaults: { gitlab: 'gl-code-quality-bundle.json' },
    placeholder: '<file>',
    regex: '^[A-Za-z0-9._/-]+$',
    absent: { action: 'a GitLab report format; GitHub shows the findings as annotations instead' },
  },
  ...COMPARE_OPTIONS,
  data: dataOption,
  kubeconfig: kubeconfigOption,
  summary: summaryOption,
  ...artifactOptions,
  ...gitlabJobOptions('aicr-bundle', 'deploy'),
});

export const BUNDLE_OUTPUTS = defineOutputs('bundle', {
  bundleDir: { description: 'Directory the bundle was written to.' },
  deployer: { description: 'Deployer used (helm, argocd, argocdhelm, flux or helmfile).' },
  files: { description: 'Number of files in the bundle, checksums.txt included.' },
  checksumsPath: { description: 'Path of the bundle\'s checksums.txt.' },
  ...CHANGE_OUTPUTS,
  ...artifactOutputs,
});
