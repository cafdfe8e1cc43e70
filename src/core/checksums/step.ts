/**
 * The verify step: check a bundle against its checksums.txt, point at every problem, write the
 * Code Quality report when asked, set the outputs. Shared by `aicr verify`, the
 * verify-checksums component, actions/verify-checksums and the root action.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ExitCode } from '../errors.js';
import { claimOutputs, parseLocation, writeLocation } from '../io.js';
import { optionRef } from '../option-refs.js';
import type { OptionValues } from '../options/spec.js';
import { typedOutputs } from '../options/outputs.js';
import { toJson } from '../serialize.js';
import { writeOptionsFor, type StepIO } from '../step.js';
import { problemLocation, toCodeQuality, verifyBundle, type VerifyResult } from './index.js';
import { VERIFY_OUTPUTS, type VERIFY_OPTIONS } from './options.js';

export type VerifyValues = OptionValues<typeof VERIFY_OPTIONS>;

/** Problems pointed at one by one before the rest is counted (CI shows only a few anyway). */
const MAX_POINTED = 50;

export interface VerifyStepResult {
  result: VerifyResult;
  /** 12 when a problem was found and fail-on-problems is set, else 0. */
  exitCode: number;
}

/** A bundle file as annotations want it: relative to the workspace when inside it, else as given. */
function workspacePath(workspace: string, dir: string, path: string): string {
  const inside = relative(workspace, resolve(dir, path));
  return inside.startsWith('..') || isAbsolute(inside) ? join(dir, path) : inside.split(sep).join('/');
}

export async function runVerifyStep(values: VerifyValues, io: StepIO): Promise<VerifyStepResult> {
  const report = values.codequality ? parseLocation(values.codequality, 'codequality') : undefined;
  const claims = await claimOutputs([report], writeOptionsFor(io, undefined));
  const result = verifyBundle(values.bundleDir);
  if (report) {
    const claim = claims(report);
    await writeLocation(report, toJson(toCodeQuality(result, values.bundleDir)), { input: 'codequality', format: 'json', ...writeOptionsFor(io, undefined), ...(claim ? { claim } : {}) });
  }
  const outputs = typedOutputs(VERIFY_OUTPUTS, io.outputs);
  outputs.set('verified', result.ok);
  outputs.set('files', result.verified);
  outputs.set('problems', result.problems.length);
  if (values.annotations) {
    for (const problem of result.problems.slice(0, MAX_POINTED)) {
      const where = problemLocation(problem);
      const subject = where.path === problem.path ? '' : ` (${problem.path})`;
      io.logger.error(`${problem.kind}${subject}: ${problem.detail}`, { file: workspacePath(io.workspace, result.dir, where.path), ...(where.line ? { startLine: where.line } : {}) });
    }
    if (result.problems.length > MAX_POINTED) io.logger.notice(`${result.problems.length - MAX_POINTED} more problems are not listed one by one`);
  }
  if (result.ok) return { result, exitCode: ExitCode.Success };
  const message = `${result.dir}: ${result.problems.length} problem(s); ${result.verified} of ${result.listed} listed files match checksums.txt`;
  if (!values.failOnProblems) {
    io.logger.warning(`${message} (${optionRef('fail-on-problems')} is false, so this passes)`);
    return { result, exitCode: ExitCode.Success };
  }
  io.logger.error(`${message} (exit code ${ExitCode.VerificationFailed}; set ${optionRef('fail-on-problems')} to false to report without failing)`);
  return { result, exitCode: ExitCode.VerificationFailed };
}
