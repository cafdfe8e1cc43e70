/**
 * The validate step: the recipe and the snapshot loaded (or taken as already loaded), the
 * constraints evaluated, the reports written, the outputs set. Shared by `aicr validate`, the
 * validate component, actions/validate and the root action.
 */
import { join } from 'node:path';
import { invalidInput, exitCodeFor, ExitCode, type AicrError } from '../errors.js';
import { loadDocument, type LoadedDocument } from '../load.js';
import { claimOutputs, parseLocation, writeLocation } from '../io.js';
import { optionRef } from '../option-refs.js';
import type { OptionValues } from '../options/spec.js';
import { typedOutputs } from '../options/outputs.js';
import { toJson } from '../serialize.js';
import { readOptionsFor, writeOptionsFor, type StepIO } from '../step.js';
import { validateRecipe } from './index.js';
import { parsePhases, withLiveResults, type ValidationReport } from './evaluate.js';
import { liveAccess, liveSettingsFrom, runLiveStep } from './live/step.js';
import { relativeTo, toCodeQuality, toCtrf, toJunitXml, type PathMapper } from './reports.js';
import { VALIDATE_OUTPUTS, type VALIDATE_OPTIONS } from './options.js';

export type ValidateValues = OptionValues<typeof VALIDATE_OPTIONS>;

/** File names inside the report directory. */
const REPORT_FILES = { ctrf: 'ctrf-report.json', junit: 'junit.xml', codequality: 'gl-code-quality-report.json' } as const;

export interface ValidateStepResult {
  report: ValidationReport;
  /** The CTRF report as written (for the job summary). */
  ctrfText: string;
  /** Where the CTRF report was written, if anywhere but standard output. */
  reportPath?: string;
  /** Report paths relative to the workspace. */
  paths: PathMapper;
  /** 10 when a constraint or live check failed and fail-on-error is set, else 0. */
  exitCode: number;
  /**
   * The cluster refused or failed during the live phases (RBAC: exit 4). The reports are
   * written; the door shows its summary, then fails with this error.
   */
  clusterError?: AicrError;
}

/** Documents the caller already holds (the root action's recipe and snapshot). */
export interface ValidateInputs {
  recipe?: LoadedDocument<'RecipeResult'>;
  snapshot?: LoadedDocument<'Snapshot'>;
  /** Report the live phases skipped for this reason instead of running them (the root action validates before deploying). */
  liveSkipReason?: string;
}

export async function runValidateStep(values: ValidateValues, io: StepIO, given: ValidateInputs = {}): Promise<ValidateStepResult> {
  if (!given.recipe && !given.snapshot && values.recipe === '-' && values.snapshot === '-') {
    throw invalidInput(`${optionRef('recipe')} and ${optionRef('snapshot')} cannot both read standard input`, { hint: 'pass at least one of them as a file' });
  }
  // Every report location is checked, and claimed, before anything is read or written.
  for (const [option, target] of [['report-dir', values.reportDir], ['output', values.output], ['junit', values.junit], ['codequality', values.codequality]] as const) {
    if (target) parseLocation(target, option);
  }
  const reportFiles = values.reportDir ? Object.values(REPORT_FILES).map((file) => join(values.reportDir!, file)) : [];
  const targets: Array<[string, string]> = [...reportFiles.map((path): [string, string] => [path, 'report-dir']), ...(['output', 'junit', 'codequality'] as const).flatMap((option): Array<[string, string]> => (values[option] ? [[values[option]!, option]] : []))];
  // Live settings are checked before anything is read or written, like every other option.
  const liveSettings = liveSettingsFrom(values);
  const livePhases = parsePhases(values.phase);
  const access = given.liveSkipReason ? { skipReason: given.liveSkipReason } : livePhases.length ? await liveAccess(values, io) : {};
  const claims = await claimOutputs(targets.map(([target, option]) => parseLocation(target, option)), writeOptionsFor(io, values.kubeconfig));
  const read = (option: string) => readOptionsFor(option, io, values.kubeconfig);
  const [recipe, snapshot] = await Promise.all([
    given.recipe ?? loadDocument('RecipeResult', values.recipe, read('recipe')),
    given.snapshot ?? loadDocument('Snapshot', values.snapshot, read('snapshot')),
  ]);
  let report = validateRecipe(recipe, snapshot, values.phase, access.skipReason);
  for (const note of report.notes) io.logger.warning(note);
  let clusterError: AicrError | undefined;
  if (!access.skipReason && livePhases.length) {
    const run = await runLiveStep(livePhases, recipe.document, snapshot.document, values, liveSettings, io);
    report = withLiveResults(report, livePhases, run.results, recipe.document, recipe.source);
    clusterError = run.clusterError;
  }
  const paths = relativeTo(io.workspace);
  const ctrfText = toJson(toCtrf(report, { paths, ...(values.timestamps ? { time: new Date() } : {}) }));
  const junit = () => toJunitXml(report, { paths });
  const codequality = () => toJson(toCodeQuality(report, { paths }));
  const write = async (target: string, option: string, text: string, format?: 'json'): Promise<void> => {
    const location = parseLocation(target, option);
    const claim = claims(location);
    await writeLocation(location, text, {
      input: option,
      ...writeOptionsFor(io, values.kubeconfig),
      ...(claim ? { claim } : {}),
      ...(format ? { format } : {}),
      ...(io.stdout ? { stdout: io.stdout } : {}),
      kind: 'ValidationReport',
    });
  };
  let reportPath: string | undefined;
  if (values.reportDir) {
    reportPath = join(values.reportDir, REPORT_FILES.ctrf);
    await write(reportPath, 'report-dir', ctrfText, 'json');
    await write(join(values.reportDir, REPORT_FILES.junit), 'report-dir', junit());
    await write(join(values.reportDir, REPORT_FILES.codequality), 'report-dir', codequality(), 'json');
  }
  if (values.output) {
    await write(values.output, 'output', ctrfText, 'json');
    if (values.output !== '-') reportPath ??= values.output;
  }
  if (values.junit) await write(values.junit, 'junit', junit());
  if (values.codequality) await write(values.codequality, 'codequality', codequality(), 'json');

  const outputs = typedOutputs(VALIDATE_OUTPUTS, io.outputs);
  const { summary, liveSummary } = report;
  outputs.set('status', report.status);
  outputs.set('passed', summary.passed + liveSummary.passed);
  outputs.set('failed', summary.failed + liveSummary.failed);
  outputs.set('skipped', summary.skipped + liveSummary.skipped);
  outputs.set('reportPath', reportPath ?? '');
  const failing = summary.failed + liveSummary.failed > 0 && values.failOnError;
  const skipped = report.phases.length ? `${report.phases.map((p) => p.phase).join(', ')} skipped: ${report.phases[0]!.reason}` : '';
  const ran = liveSummary.checks ? `${liveSummary.passed} passed, ${liveSummary.failed} failed, ${liveSummary.skipped} skipped of ${liveSummary.checks} live checks` : '';
  const live = [ran, skipped].filter(Boolean).join('; ') || 'no live phases requested';
  io.logger.info(
    `validate: ${report.status} (${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped of ${summary.constraints} constraints; ${live})` +
      (reportPath ? `; report: ${reportPath}` : '') +
      (failing && !clusterError ? `; exit ${ExitCode.ConstraintsFailed}` : ''),
  );
  if (clusterError) {
    const unevaluated = report.live.filter((check) => check.status === 'error').length;
    io.logger.error(`validation incomplete: ${unevaluated} live checks could not be evaluated because the cluster refused or failed (exit code ${exitCodeFor(clusterError)})`);
  } else if (failing) {
    const what = [summary.failed ? `${summary.failed} of ${summary.constraints} constraints` : '', liveSummary.failed ? `${liveSummary.failed} of ${liveSummary.checks} live checks` : ''].filter(Boolean).join(' and ');
    io.logger.error(`validation failed: ${what} failed (exit code ${ExitCode.ConstraintsFailed}; set ${optionRef('fail-on-error')} to false to report without failing)`);
  }
  return {
    report,
    ctrfText,
    ...(reportPath ? { reportPath } : {}),
    paths,
    exitCode: failing ? ExitCode.ConstraintsFailed : ExitCode.Success,
    ...(clusterError ? { clusterError } : {}),
  };
}
