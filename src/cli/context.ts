/** What every CLI command is made of and receives: its option table, streams, logger and sinks. */
import type { Logger } from '../core/logger.js';
import type { OutputSink, OutputTable } from '../core/options/outputs.js';
import { defineOptions, type OptionTable, type OptionValues } from '../core/options/spec.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

interface CommandContext extends CliIO {
  logger: Logger;
  /** Step outputs: dotenv lines with `--dotenv`, else nowhere. */
  outputs: OutputSink;
  /** The working directory, which report paths are relative to. */
  workspace: string;
  /** `--debug` (or AICR_DEBUG) is on. */
  debug: boolean;
  /** Aborted by SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

export interface Command<T extends OptionTable = OptionTable> {
  name: string;
  /** One line, for `--help`. */
  summary: string;
  usage: string;
  examples?: readonly string[];
  options: T;
  /** Outputs the command sets (written as dotenv lines with `--dotenv`). */
  outputs?: OutputTable;
  /** Returns the exit code; throws AicrError for failures (mapped in one place, main.ts). */
  run(values: OptionValues<T>, context: CommandContext): Promise<number>;
}

/** A command in the command table: loaded only when it runs (keeps start-up small). */
export interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

/** Declares a command: its run() sees typed values of its table; the dispatcher sees any command. */
export function defineCommand<T extends OptionTable>(command: Command<T>): Command {
  return command as unknown as Command;
}

const CLI_ONLY = 'a command-line setting; actions and components log through their CI system';

/** Options every command takes. */
export const GLOBAL_OPTIONS = defineOptions({
  debug: { type: 'bool', env: 'AICR_DEBUG', description: 'Print debug logs.', absent: { action: 'the runner\'s debug logging (ACTIONS_STEP_DEBUG) shows them', gitlab: 'set the AICR_DEBUG variable on the job' } },
  logJson: { type: 'bool', env: 'AICR_LOG_JSON', description: 'Write logs as JSON lines on stderr.', absent: { action: CLI_ONLY, gitlab: CLI_ONLY } },
  dotenv: {
    type: 'string',
    description: 'Also write the command\'s outputs as dotenv lines (AICR_<STAGE>_<OUTPUT>=value) to this file, e.g. for a GitLab dotenv report.',
    placeholder: '<file>',
    absent: { action: 'actions set step outputs instead', gitlab: 'the components always write one' },
  },
  inputsFromEnv: {
    type: 'bool',
    description: 'Read the command\'s options from AICR_INPUT_<NAME> variables, as the GitLab components pass their inputs; messages then name inputs, not flags.',
    absent: { action: 'actions read their inputs from the runner', gitlab: 'the components set it' },
  },
});
