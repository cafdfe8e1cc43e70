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
    description: 'RecipeResult to validate (file, https URL, cm://namespace/name or - for stdin), e.g. the recipe stage\'s output.',
    aliases: ['-r'],
    placeholder: '<file|url|cm://ns/name|->',
  },
  snapshot: {
    type: 'string',
    required: true,
    description: 'Snapshot to validate against (file, https URL, cm://namespace/name or - for stdin), e.g. the snapshot stage\'s output.',
    aliases: ['-s'],
    placeholder: '<file|url|cm://ns/name|->',
  },
  phase: {
    type: 'list',
    itemChoices: ['readiness', 'deployment', 'performance', 'conformance', 'all'],
    default: 'all',
    description: 'Phases to report: readiness, deployment, performance, conformance or all (several: comma-separated). Readiness constraints are always evaluated; the live phases are reported as skipped (they need a live cluster validator).',
    placeholder: '<phase>',
  },
  failOnError: { type: 'bool', default: true, description: `Fail (exit code ${ExitCode.ConstraintsFailed}) when a constraint fails; false reports the failures and succeeds.` },
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
    description: 'Also write a GitLab Code Quality report (failed and skipped constraints at their recipe lines) to this file.',
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
  kubeconfig: kubeconfigOption,
  timestamps: { type: 'bool', description: 'Stamp the CTRF report with the current time (off: reruns give identical files).' },
  noCluster: {
    type: 'bool',
    hidden: true,
    description: 'Accepted for upstream compatibility; validate never contacts a cluster here.',
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
  status: { description: 'Overall result: pass (every constraint passed), fail (a constraint failed) or partial (none failed, some skipped, or nothing to validate).' },
  passed: { description: 'Number of constraints that passed.' },
  failed: { description: 'Number of constraints that failed.' },
  skipped: { description: 'Number of constraints skipped (the snapshot lacks the value, or it is not comparable).' },
  reportPath: { description: 'Path of the CTRF JSON report (empty when none was written).' },
  ...artifactOutputs,
});
