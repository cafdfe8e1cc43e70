/**
 * The root action's options: the stages' own definitions, combined for the everyday flow in one
 * step (recipe → validate → bundle → verify). Only GitHub has a one-step flow: on the command
 * line and in GitLab the stages run one by one, so every option says so for those doors.
 */
import { BUNDLE_OPTIONS, BUNDLE_SETTINGS } from '../../core/bundle/options.js';
import { DEPLOYERS } from '../../core/bundle/types.js';
import { ExitCode } from '../../core/errors.js';
import { artifactOptions, artifactOutputs, summaryOption } from '../../core/options/common.js';
import { defineOutputs } from '../../core/options/outputs.js';
import { defineOptions, type OptionSpec } from '../../core/options/spec.js';
import { CRITERIA_OPTIONS } from '../../core/recipe/options.js';
import { RECIPE_OUTPUTS } from '../../core/recipe/options.js';
import { BUNDLE_OUTPUTS } from '../../core/bundle/options.js';

const STAGE_BY_STAGE = 'the one-step flow is GitHub\'s root action; the command line and GitLab run the stages one by one';

/** Marks every option of a table as offered by the action alone (a stage's own action-door reason stays). */
function actionOnly<T extends Record<string, OptionSpec>>(table: T): { [K in keyof T]: T[K] & { absent: { cli: string; gitlab: string } } } {
  const marked: Record<string, OptionSpec> = {};
  for (const [property, spec] of Object.entries(table)) marked[property] = { ...spec, absent: { ...spec.absent, cli: STAGE_BY_STAGE, gitlab: STAGE_BY_STAGE } };
  return marked as { [K in keyof T]: T[K] & { absent: { cli: string; gitlab: string } } };
}

const { nodes: _bundleNodes, deployer, ...settings } = BUNDLE_SETTINGS;

export const ROOT_OPTIONS = defineOptions(actionOnly({
  ...CRITERIA_OPTIONS,
  snapshot: {
    ...CRITERIA_OPTIONS.snapshot,
    description: 'Snapshot (file, https URL or cm://namespace/name). When given, the criteria are detected from it and the recipe\'s constraints are validated against it before bundling.',
  },
  failOnError: {
    type: 'bool',
    default: true,
    description: `Stop (exit code ${ExitCode.ConstraintsFailed}) when a constraint fails; false reports the failures and bundles anyway.`,
  },
  strict: {
    type: 'bool',
    default: false,
    description: `Stop (exit code ${ExitCode.ConstraintsFailed}) before bundling when the snapshot excluded an overlay because its constraints fail (the recipe would be more generic than the criteria ask); false annotates it as a warning.`,
  },
  deployer: {
    ...deployer,
    choices: [...DEPLOYERS, 'none'] as const,
    description: 'Bundle format: helm, argocd, argocdhelm (or argocd-helm), flux, helmfile, or none to stop after the recipe (and validation).',
  },
  ...settings,
  outputDir: { type: 'string', writes: true, default: 'aicr', description: 'Directory for everything written: recipe.yaml, validation/ (reports) and bundle/. It may name what was resolved, e.g. out/{{criteria.service}}-{{criteria.accelerator}}.', placeholder: '<dir>' },
  force: BUNDLE_OPTIONS.force,
  helmLint: BUNDLE_OPTIONS.helmLint,
  compareTo: { ...BUNDLE_OPTIONS.compareTo, description: 'Earlier recipe (file, https URL or cm://namespace/name) or earlier bundle folder to compare with: a recipe is compared with the new recipe, a folder with the new bundle; the change plan is logged, written to plan-file and put in the job summary as Markdown for a pull request.' },
  planFile: BUNDLE_OPTIONS.planFile,
  summary: summaryOption,
  ...artifactOptions,
}));

export const ROOT_OUTPUTS = defineOutputs('aicr', {
  ...RECIPE_OUTPUTS.outputs,
  validationStatus: { description: 'pass, fail or partial (empty when no snapshot was given).' },
  reportPath: { description: 'Path of the CTRF validation report (empty when no snapshot was given).' },
  bundleDir: { description: 'Directory of the verified bundle (empty for deployer none).' },
  checksumsPath: BUNDLE_OUTPUTS.outputs.checksumsPath,
  files: BUNDLE_OUTPUTS.outputs.files,
  changes: BUNDLE_OUTPUTS.outputs.changes,
  planFile: BUNDLE_OUTPUTS.outputs.planFile,
  ...artifactOutputs,
});
