/**
 * The `aicr` command line: global flags, command dispatch, the GitLab door (`--inputs-from-env`),
 * and the one place where errors become messages and exit codes.
 */
import { EXIT_CODE_TABLE, exitCodeFor, formatError, invalidInput } from '../core/errors.js';
import { consoleLogger, type Logger } from '../core/logger.js';
import { neutralizeCommands, quoted } from '../core/safe-text.js';
import { discardOutputs, dotenvOutputs } from '../core/options/outputs.js';
import { namerFrom, type OptionNamer } from '../core/option-refs.js';
import { doorNames, nameAt, offeredAt } from '../core/options/spec.js';
import { parseBool } from '../core/options/values.js';
import { fileStamp, isStdoutClosed, writeFileAtomic } from '../core/io.js';
import { runInterruptible } from '../core/interrupts.js';
import { traceTo } from '../core/trace.js';
import { VERSION } from '../core/version.js';
import { readGitlabInputs } from '../gitlab/inputs.js';
import { flagsOf, formatHelp, parseArgv, readFlagValues } from './args.js';
import { COMMANDS, SUBCOMMANDS } from './commands/index.js';
import { GLOBAL_OPTIONS, type CliIO, type Command } from './context.js';

function topLevelHelp(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length), ...Object.entries(SUBCOMMANDS).flatMap(([n, subs]) => Object.keys(subs).map((sub) => `${n} ${sub}`.length))) + 2;
  return [
    'aicr: NVIDIA AI Cluster Runtime for CI pipelines (snapshot, recipe, validate, bundle, verify).',
    '',
    'Usage: aicr [global flags] <command> [flags]',
    '',
    'Commands:',
    ...names.flatMap((name) => [
      `  ${name.padEnd(width)}${COMMANDS[name]!.summary}`,
      ...Object.entries(SUBCOMMANDS[name] ?? {}).map(([sub, entry]) => `  ${`${name} ${sub}`.padEnd(width)}${entry.summary}`),
    ]),
    '',
    'Global flags (before the command, among its flags or after them):',
    ...flagsOf(GLOBAL_OPTIONS).map((flag) => `  --${flag.name.padEnd(18)}${flag.spec.description}${flag.spec.env ? ` ($${flag.spec.env})` : ''}`),
    '  -h, --help          Show help (also "aicr <command> --help").',
    '  -v, --version       Print the version.',
    '',
    'Exit codes:',
    ...EXIT_CODE_TABLE.map((row) => `  ${String(row.code).padEnd(4)}${row.name}: ${row.meaning}`),
    '',
  ].join('\n');
}

/**
 * The process's streams, created on first use: each costs start-up time, and most runs use only
 * one or two of them (stdin only when a command reads `-`).
 */
const lazyStdin = {
  [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
} as unknown as NodeJS.ReadableStream;
const lazyWritable = (stream: () => NodeJS.WritableStream) =>
  ({ write: (chunk: string, callback?: (error?: Error | null) => void) => stream().write(chunk, callback) }) as unknown as NodeJS.WritableStream;

function defaultIO(): CliIO {
  return { stdout: lazyWritable(() => process.stdout), stderr: lazyWritable(() => process.stderr), stdin: lazyStdin, env: process.env };
}

/**
 * Everything the CLI prints passes the one neutraliser (safe-text.ts): no value from a recipe,
 * snapshot, file name or cluster can forge a workflow command in a CI log. Writes are whole
 * lines, so each write is neutralised on its own. Documents never change: their writer quotes
 * any line that would look like a command.
 */
function guarded(io: CliIO): CliIO {
  const guard = (stream: NodeJS.WritableStream) =>
    ({ write: (chunk: string | Uint8Array, callback?: (error?: Error | null) => void) => stream.write(typeof chunk === 'string' ? neutralizeCommands(chunk) : chunk, callback) }) as unknown as NodeJS.WritableStream;
  return { ...io, stdout: guard(io.stdout), stderr: guard(io.stderr) };
}

/** A boolean environment variable as upstream reads it (1/0/t/f/true/false); unset or malformed is false. */
function envFlag(value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  try {
    return parseBool('env', value);
  } catch {
    return false;
  }
}

/** Global flags may come before the command (`aicr --debug recipe …`): they move behind it. */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  const globals = new Map(flagsOf(GLOBAL_OPTIONS).map((flag) => [`--${flag.name}`, flag.spec.type === 'bool']));
  const leading: string[] = [];
  let i = 0;
  for (let arg = argv[i]; arg !== undefined && globals.has(arg.split('=')[0]!); arg = argv[i]) {
    leading.push(arg);
    i++;
    // `--dotenv out.env recipe …`: a flag that takes a value brings it along.
    if (!arg.includes('=') && globals.get(arg) === false && argv[i] !== undefined) leading.push(argv[i++]!);
  }
  return { name: argv[i], rest: [...argv.slice(i + 1), ...leading] };
}

interface Run {
  logger: Logger;
  namer: OptionNamer;
  json: boolean;
}

/** Runs one invocation and returns its exit code (never calls process.exit). */
export async function main(argv: readonly string[], unguarded: CliIO = defaultIO()): Promise<number> {
  const io = guarded(unguarded);
  const { name, rest } = splitCommand(argv);
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const topicEntry = topic ? (SUBCOMMANDS[topic]?.[rest[1] ?? ''] ?? COMMANDS[topic]) : undefined;
    if (topicEntry) {
      const command = await topicEntry.load();
      io.stdout.write(formatHelp(command, flagsOf(command.options)));
      return 0;
    }
    io.stdout.write(topLevelHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version' || name === 'version') {
    io.stdout.write(`aicr ${VERSION}\n`);
    return 0;
  }
  const json = envFlag(io.env.AICR_LOG_JSON) || rest.includes('--log-json');
  const run: Run = {
    logger: consoleLogger({ stream: io.stderr, debug: envFlag(io.env.AICR_DEBUG) || rest.includes('--debug'), json }),
    namer: namerFrom(new Map(), 'flag'),
    json,
  };
  try {
    const sub = rest[0] !== undefined ? SUBCOMMANDS[name]?.[rest[0]] : undefined;
    const entry = sub ?? COMMANDS[name];
    if (!entry) {
      io.stderr.write(`unknown command ${quoted(name)}\n\n${topLevelHelp()}`);
      return 2;
    }
    return await runCommand(await entry.load(), sub ? rest.slice(1) : rest, io, run);
  } catch (error) {
    return reportFailure(error, io, run);
  }
}

async function runCommand(command: Command, argv: readonly string[], io: CliIO, run: Run): Promise<number> {
  const flags = flagsOf({ ...command.options, ...GLOBAL_OPTIONS });
  run.namer = namerFrom(doorNames('cli', command.options, GLOBAL_OPTIONS), 'flag');
  const positionals = Object.values(command.options).some((spec) => spec.positional) ? 1 : 0;
  const parsed = parseArgv(command.name, flags, argv, positionals);
  if (parsed.help) {
    io.stdout.write(formatHelp(command, flagsOf(command.options)));
    return 0;
  }
  const globals = readFlagValues(GLOBAL_OPTIONS, parsed, io.env);
  if (globals.inputsFromEnv) {
    checkComponentFlags(command, parsed.raw);
    run.namer = namerFrom(doorNames('gitlab', command.options), 'input');
  }
  run.json = globals.logJson;
  run.logger = consoleLogger({ stream: io.stderr, debug: globals.debug, json: globals.logJson, namer: run.namer });
  const values = globals.inputsFromEnv ? readGitlabInputs(command.options, io.env, parsed.raw) : readFlagValues(command.options, parsed, io.env);
  const dotenv = globals.dotenv && command.outputs ? dotenvOutputs(command.outputs) : undefined;
  const dotenvClaim = globals.dotenv ? { kind: 'file' as const, path: globals.dotenv, stamp: fileStamp(globals.dotenv) } : undefined;
  // Reads, writes, requests and retries deep in core log through this run's logger (trace.ts).
  const untrace = traceTo(globals.debug ? (message) => run.logger.debug(message) : undefined);
  return runInterruptible(async (signal) => {
    try {
      return await command.run(values, { ...io, logger: run.logger, outputs: dotenv ?? discardOutputs, workspace: process.cwd(), debug: globals.debug, signal });
    } finally {
      try {
        // Outputs are kept whatever the outcome (a failed validation still reports its counts), unless interrupted.
        if (dotenv && dotenvClaim && !signal.aborted) writeFileAtomic(dotenvClaim.path, dotenv.text(), 'dotenv', 0o644, dotenvClaim);
      } finally {
        untrace();
      }
    }
  });
}

/**
 * `--inputs-from-env` is how a GitLab component runs a command: only commands that are
 * components take it, and a flag beside it may only set an option the component offers.
 */
function checkComponentFlags(command: Command, raw: ReadonlyMap<string, readonly string[]>): void {
  if (!command.outputs) {
    throw invalidInput(`--inputs-from-env: "aicr ${command.name}" is no GitLab component`, { hint: 'run it with flags; the components are snapshot, recipe, validate, bundle and verify' });
  }
  for (const property of raw.keys()) {
    const spec = command.options[property];
    if (spec && !offeredAt(spec, 'gitlab')) {
      throw invalidInput(`--${nameAt(property, spec, 'cli')} is no input of the ${command.name} component, so it cannot be given with --inputs-from-env`, { hint: spec.absent?.gitlab ?? 'leave it out' });
    }
  }
}

function reportFailure(error: unknown, io: CliIO, run: Run): number {
  // As a shell pipeline expects: the reader has what it wanted, so no message and success.
  if (isStdoutClosed(error)) return 0;
  const code = exitCodeFor(error);
  if (code === 1 && error instanceof Error && error.stack) run.logger.debug(error.stack);
  const text = formatError(error, run.namer);
  if (run.json) io.stderr.write(JSON.stringify({ level: 'error', msg: 'command failed', error: text, exitCode: code }) + '\n');
  else run.logger.error(text);
  return code;
}
