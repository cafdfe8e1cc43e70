/**
 * How every action runs: its inputs read through its option table, the step's sinks (logger,
 * step outputs, summary), and the one place where errors become a failed step with the
 * documented exit code, for thrown values of any type.
 */
import * as core from '@actions/core';
import { AicrError, EXIT_CODE_TABLE, exitCodeFor, formatError } from '../core/errors.js';
import { exitInterrupted, isInterruptCode, runInterruptible } from '../core/interrupts.js';
import { traceTo } from '../core/trace.js';
import { outputName } from '../core/options/outputs.js';
import { namerFrom, type OptionNamer } from '../core/option-refs.js';
import { doorNames, type OptionTable, type OptionValues } from '../core/options/spec.js';
import type { Logger } from '../core/logger.js';
import type { StepIO } from '../core/step.js';
import type { DownloadSettings, UploadSettings } from './artifacts.js';
import { readActionInputs } from './inputs.js';
import { githubLogger, githubText } from './logger.js';
import { summaryAvailable, writeSummary, type Summary } from './summary.js';

function describeExitCode(code: number): string {
  const row = EXIT_CODE_TABLE.find((entry) => entry.code === code);
  return row ? `exit code ${code}: ${row.name}` : `exit code ${code}`;
}

/** What an action's main receives besides its inputs. */
export interface ActionIO extends StepIO {
  /** The job summary buffer; written once after main returns (when the summary input allows). */
  summary: Summary;
}

/** The summary with downloaded artifacts named as the user spelled them. */
function restoreSummary(summary: Summary, restore: (text: string) => string): Summary {
  const text = summary.stringify();
  const restored = restore(text);
  return restored === text ? summary : summary.emptyBuffer().addRaw(restored);
}

/** Whether an input holds an `artifact://` location (checked before the artifact code is loaded). */
function readsArtifacts(values: object): boolean {
  return Object.values(values).some((value) => typeof value === 'string' && value.startsWith('artifact://'));
}

/** A logger whose messages name downloaded artifacts as the user spelled them, not their temporary folder. */
function restoring(logger: Logger, restore: (text: string) => string): Logger {
  return {
    debug: (message) => logger.debug(restore(message)),
    info: (message) => logger.info(restore(message)),
    notice: (message, properties) => logger.notice(restore(message), properties),
    warning: (message, properties) => logger.warning(restore(message), properties),
    error: (message, properties) => logger.error(restore(message), properties),
    group: (name, run) => logger.group(restore(name), run),
  };
}

/**
 * Uploads what a step wrote under `upload-artifact` (and sets the artifact outputs); the artifact
 * client is loaded only when a name is given.
 */
export async function uploadResults(values: UploadSettings, paths: ReadonlyArray<string | undefined>, io: ActionIO): Promise<void> {
  if (!values.uploadArtifact) return;
  const { uploadResults: upload } = await import('./artifacts.js');
  await io.logger.group('Upload artifact', () => upload(values, paths, io));
}

/** Step outputs on GitHub: `core.setOutput` under the kebab-case name. */
const githubOutputs = { set: (property: string, value: string): void => core.setOutput(outputName(property), value) };

/**
 * Reads the inputs of `options`, runs `main` with GitHub's sinks, writes the job summary, and
 * turns any failure into `setFailed` with the error's exit code. Messages name inputs as
 * action.yml spells them.
 */
export async function runAction<T extends OptionTable>(
  options: T,
  main: (values: OptionValues<T>, io: ActionIO) => Promise<void | number>,
  /** Options of composed steps that this action offers under another input (root: output → output-dir). */
  aliases: Readonly<Record<string, string>> = {},
): Promise<void> {
  const names = doorNames('action', options);
  for (const [key, input] of Object.entries(aliases)) names.set(key, input);
  const namer: OptionNamer = namerFrom(names, 'input');
  let wantSummary = true;
  const stepLogger = githubLogger(namer);
  // The runner's debug mode (ACTIONS_STEP_DEBUG) shows reads, writes, requests and retries too.
  const untrace = traceTo(core.isDebug() ? (message) => stepLogger.debug(message) : undefined);
  let restore = (text: string): string => text;
  try {
    const values = readActionInputs(options);
    wantSummary = (values as { summary?: boolean }).summary !== false && summaryAvailable();
    const code = await runInterruptible(async (signal) => {
      let logger = stepLogger;
      // artifact:// inputs become local paths before the step runs; the artifact code loads only then.
      const artifacts = readsArtifacts(values) ? await (await import('./artifacts.js')).resolveArtifactInputs(options, values, values as DownloadSettings, logger) : undefined;
      if (artifacts) {
        restore = artifacts.restore;
        logger = restoring(logger, restore);
      }
      try {
        return await main(artifacts?.values ?? values, {
          logger,
          outputs: githubOutputs,
          env: process.env,
          workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
          debug: core.isDebug(),
          summary: core.summary,
          signal,
        });
      } finally {
        artifacts?.cleanup();
      }
    });
    if (wantSummary) await writeSummary(restoreSummary(core.summary, restore));
    if (typeof code === 'number' && code !== 0) process.exitCode = code;
  } catch (error) {
    const code = exitCodeFor(error);
    const location = error instanceof AicrError ? error.location : undefined;
    const message = restore(`${formatError(error, namer)}\n(${describeExitCode(code)})`);
    if (location?.file && location.line) core.error(githubText(restore((error as AicrError).message), namer), { title: 'aicr', file: restore(location.file), startLine: location.line });
    // What the steps before the failure reported stays visible.
    if (wantSummary && core.summary.stringify() !== '') await writeSummary(restoreSummary(core.summary, restore)).catch(() => undefined);
    core.setFailed(githubText(message, namer));
    if (code === 1 && error instanceof Error && error.stack) core.debug(githubText(error.stack, namer));
    process.exitCode = code;
    if (isInterruptCode(code)) exitInterrupted(code);
  } finally {
    untrace();
  }
}
