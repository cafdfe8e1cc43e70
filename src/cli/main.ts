/**
 * The `aicr` command line: global flags, command dispatch, and the one place where errors
 * become messages and exit codes.
 */
import { EXIT_CODE_TABLE, exitCodeFor, formatError } from '../core/errors.js';
import { consoleLogger, neutralizeCommands } from '../core/logger.js';
import { VERSION } from '../core/version.js';
import { formatHelp, parseArgs } from './args.js';
import { COMMANDS } from './commands/index.js';
import { GLOBAL_FLAGS, type CliIO } from './context.js';

function topLevelHelp(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return [
    'aicr: NVIDIA AI Cluster Runtime for CI pipelines (snapshot, recipe, validate, bundle, verify).',
    '',
    'Usage: aicr <command> [flags]',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(width)}${COMMANDS[name]!.summary}`),
    '',
    'Global flags:',
    '  --debug         print debug logs ($AICR_DEBUG)',
    '  --log-json      write logs as JSON lines on stderr ($AICR_LOG_JSON)',
    '  -h, --help      show help (also "aicr <command> --help")',
    '  -v, --version   print the version',
    '',
    'Exit codes:',
    ...EXIT_CODE_TABLE.map((row) => `  ${String(row.code).padEnd(4)}${row.name}: ${row.meaning}`),
    '',
  ].join('\n');
}

/** process.stdin is only touched when a command reads `-` (creating it costs start-up time). */
const lazyStdin = {
  [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
} as unknown as NodeJS.ReadableStream;

function defaultIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: lazyStdin, env: process.env };
}

/** Runs one invocation and returns its exit code (never calls process.exit). */
export async function main(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) {
      io.stdout.write(formatHelp((await COMMANDS[topic]!.load()).spec));
      return 0;
    }
    io.stdout.write(topLevelHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version' || name === 'version') {
    io.stdout.write(`aicr ${VERSION}\n`);
    return 0;
  }
  const debugEnv = io.env.AICR_DEBUG === 'true' || io.env.AICR_DEBUG === '1';
  const jsonEnv = io.env.AICR_LOG_JSON === 'true' || io.env.AICR_LOG_JSON === '1';
  let logger = consoleLogger({ stream: io.stderr, debug: debugEnv || rest.includes('--debug'), json: jsonEnv || rest.includes('--log-json') });
  try {
    const entry = COMMANDS[name];
    if (!entry) {
      io.stderr.write(`unknown command "${name}"\n\n${topLevelHelp()}`);
      return 2;
    }
    const command = await entry.load();
    const spec = { ...command.spec, flags: [...command.spec.flags, ...GLOBAL_FLAGS] };
    const args = parseArgs(spec, rest, io.env);
    if (args.help) {
      io.stdout.write(formatHelp(spec));
      return 0;
    }
    logger = consoleLogger({ stream: io.stderr, debug: args.flags.debug === true, json: args.flags['log-json'] === true });
    return await command.run(args, { ...io, logger });
  } catch (error) {
    const code = exitCodeFor(error);
    if (code === 1 && error instanceof Error && error.stack) logger.debug(error.stack);
    const text = formatError(error);
    if (io.env.AICR_LOG_JSON === 'true' || rest.includes('--log-json')) {
      io.stderr.write(JSON.stringify({ level: 'error', msg: 'command failed', error: text, exitCode: code }) + '\n');
    } else {
      io.stderr.write(`${neutralizeCommands(`error: ${text}`)}\n`);
    }
    return code;
  }
}
