/** What every CLI command receives: streams, environment and a logger. */
import type { Logger } from '../core/logger.js';
import type { CommandSpec, ParsedArgs } from './args.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export interface CommandContext extends CliIO {
  logger: Logger;
}

export interface Command {
  spec: CommandSpec;
  /** Returns the exit code; throws AicrError for failures (mapped in one place, main.ts). */
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}

/** Flags shared by every command. */
export const GLOBAL_FLAGS = [
  { name: 'debug', type: 'boolean' as const, description: 'print debug logs', env: 'AICR_DEBUG' },
  { name: 'log-json', type: 'boolean' as const, description: 'write logs as JSON lines on stderr', env: 'AICR_LOG_JSON' },
];
