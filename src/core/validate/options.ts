/** The validate stage's options and outputs: one definition for the CLI, the action and the component. */
import { ExitCode } from '../errors.js';
import { gitlabJobOptions, kubeconfigOption, summaryOption, artifactOptions, artifactOutputs } from '../options/common.js';
import { defineOutputs } from '../options/outputs.js';
import { defineOptions } from '../options/spec.js';

const REPORTS_IN_DIR = 'pipelines get every report in report-dir';

export const VALIDATE_OPTIONS = defineOptions({
  recipe: {
    type: 'string',
    required: true,
    defaults: { gitlab: 'recipe.yaml' },
    description: 'RecipeResult to validate (file, https URL, cm://namespace/name or - for stdin), e.g. the recipe stage\'s output.',
    aliases: ['-r'],
    placeholder: '<file|url|cm://ns/name|->',
  },
  snapshot: {
    type: 'string',
    required: true,
    defaults: { gitlab: 'snapshot.yaml' },
    description: 'Snapshot to validate against (file, https URL, cm://namespace/name or - for stdin), e.g. the snapshot stage\'s output.',
    aliases: ['-s'],
    placeholder: '<file|url|cm://ns/name|->',
  },
  phase: {
    type: 'list',
    itemChoices: ['readiness', 'deployment', 'performance', 'conformance', 'all'],
    default: 'all',
    description: 'Phases to run: readiness, deployment, performance, conformance or all (several: comma-separated). Readiness constraints are always evaluated; the live phases run against the cluster when there is cluster access (kubeconfig or in-cluster) and are reported skipped, with the reason, when there is not.',
    placeholder: '<phase>',
  },
  failOnError: { type: 'bool', default: true, description: `Fail (exit code ${ExitCode.ConstraintsFailed}) when a constraint or live check fails; false reports the failures and succeeds (a cluster that refuses still fails the run with its own code, e.g. 4).` },
  reportDir: {
    writes: true,
    type: 'string',
    description: 'Directory for the reports: ctrf-report.json, junit.xml and gl-code-quality-report.json.',
    defaults: { action: 'aicr-validate-report', gitlab: 'aicr-validate-report' },
    placeholder: '<dir>',
    regex: '^[A-Za-z0-9._/-]+$',
  },
  output: {
    writes: true,
    type: 'string',
    description: 'Also write the CTRF report to this file, cm://namespace/name, or - for standard output.',
    aliases: ['-o'],
    placeholder: '<file|cm://ns/name|->',
    absent: { action: REPORTS_IN_DIR, gitlab: REPORTS_IN_DIR },
  },
  junit: { type: 'string', description: 'Also write a JUnit XML report to this file.', placeholder: '<file>', absent: { action: REPORTS_IN_DIR, gitlab: REPORTS_IN_DIR } },
  codequality: {
    writes: true,
    type: 'string',
    description: 'Also write a GitLab Code Quality report (failed and skipped constraints and live checks at their recipe lines) to this file.',
    placeholder: '<file>',
    absent: { action: REPORTS_IN_DIR, gitlab: REPORTS_IN_DIR },
  },
  format: {
    type: 'enum',
    choices: ['table', 'json', 'yaml'],
    default: 'table',
    description: 'What the terminal shows: a table, or the CTRF report as json or yaml.',
    aliases: ['-t'],
    placeholder: '<format>',
    absent: { action: 'pipelines read the reports and the job summary', gitlab: 'pipelines read the reports in report-dir' },
  },
  kubeconfig: {
    ...kubeconfigOption,
    description: 'Kubeconfig of the cluster the live phases check, also used for cm:// locations (default: $KUBECONFIG, ~/.kube/config, or the in-cluster service account).',
  },
  timeout: {
    type: 'duration',
    default: '5m',
    description: 'Longest wait of one live check: a health-check step, or a validator Job (the check\'s own timeout wins when shorter), e.g. 90s or 10m.',
    placeholder: '<duration>',
    regex: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$',
  },
  namespace: {
    type: 'string',
    default: 'aicr-validation',
    env: 'AICR_NAMESPACE',
    description: 'Namespace of the validator Jobs (performance and conformance).',
    aliases: ['-n'],
    placeholder: '<namespace>',
    regex: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
  },
  image: {
    type: 'string',
    env: 'AICR_VALIDATOR_IMAGE',
    description: 'Run every validator Job with this image instead of the catalog\'s (mirrors, air-gapped registries).',
    placeholder: '<image>',
    names: { gitlab: 'validator-image' },
    why: 'image names the GitLab job\'s own image in every component',
  },
  imagePullSecret: { type: 'list', description: 'Image pull secrets of the validator Jobs (comma-separated).', placeholder: '<secret>' },
  nodeSelector: { type: 'map', description: 'Schedule validator Jobs on nodes with these labels, key=value pairs.', placeholder: '<key=value>' },
  toleration: { type: 'list', description: 'Validator Jobs tolerate these taints, key=value:effect or key:effect (default: tolerate all).', placeholder: '<key=value:effect>' },
  noCleanup: { type: 'bool', description: 'Leave the validator Jobs, their pods and RBAC objects in the cluster (for debugging).' },
  requireGpu: { type: 'bool', env: 'AICR_REQUIRE_GPU', description: 'Fail, rather than skip, validators that need a GPU node when none is schedulable.' },
  timestamps: { type: 'bool', description: 'Stamp the CTRF report with the current time (off: reruns give identical files).' },
  noCluster: {
    type: 'bool',
    description: 'Do not contact the cluster: the live phases are reported skipped (no-cluster mode).',
    absent: { action: 'an upstream command-line flag kept only so upstream scripts run', gitlab: 'an upstream command-line flag kept only so upstream scripts run' },
  },
  annotations: {
    type: 'bool',
    default: true,
    description: 'Annotate the recipe at each failed (error) and skipped (warning) constraint.',
    absent: { cli: 'a terminal shows each finding as a log line', gitlab: 'GitLab shows findings from gl-code-quality-report.json in report-dir' },
  },
  summary: summaryOption,
  ...artifactOptions,
  ...gitlabJobOptions('aicr-validate', 'test'),
});

export const VALIDATE_OUTPUTS = defineOutputs('validate', {
  status: { description: 'Overall result: pass (every constraint passed and no live check failed), fail (a constraint or live check failed) or partial (none failed, some constraints skipped, or nothing to validate).' },
  passed: { description: 'Number of constraints and live checks that passed.' },
  failed: { description: 'Number of constraints and live checks that failed (live checks that could not be evaluated count as failed).' },
  skipped: { description: 'Number of constraints and live checks skipped (the snapshot lacks the value, no cluster access, a validator that does not run here).' },
  reportPath: { description: 'Path of the CTRF JSON report (empty when none was written).' },
  ...artifactOutputs,
});
