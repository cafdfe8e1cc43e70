/**
 * The one place where an action's errors become a failed step: the message, its hint, and the
 * documented exit code, for thrown values of any type.
 */
import * as core from '@actions/core';
import { AicrError, EXIT_CODE_TABLE, exitCodeFor, formatError } from '../core/errors.js';

export function describeExitCode(code: number): string {
  const row = EXIT_CODE_TABLE.find((entry) => entry.code === code);
  return row ? `exit code ${code}: ${row.name}` : `exit code ${code}`;
}

/** Runs `main` and turns any failure into `setFailed` with the error's exit code. */
export async function runAction(main: () => Promise<void | number>): Promise<void> {
  try {
    const code = await main();
    if (typeof code === 'number' && code !== 0) process.exitCode = code;
  } catch (error) {
    const code = exitCodeFor(error);
    const location = error instanceof AicrError ? error.location : undefined;
    const message = `${formatError(error)}\n(${describeExitCode(code)})`;
    if (location?.file && location.line) core.error(error instanceof AicrError ? error.message : String(error), { title: 'aicr', file: location.file, startLine: location.line });
    core.setFailed(message);
    if (code === 1 && error instanceof Error && error.stack) core.debug(error.stack);
    process.exitCode = code;
  }
}
