/**
 * The command line of one command, derived from its option table: `--flag value`, `--flag=value`,
 * upstream's aliases, repeatable list flags, environment-variable defaults, and errors that say
 * how to fix them. Values come out typed through the shared option reader.
 */
import { invalidInput } from '../core/errors.js';
import { editDistance } from '../core/util/suggest.js';
import { isBoolText, readOptions, type RawValue } from '../core/options/values.js';
import { quoted } from '../core/safe-text.js';
import { defaultAt, nameAt, offeredAt, type OptionSpec, type OptionTable, type OptionValues } from '../core/options/spec.js';

/** One flag of a command, as the parser and `--help` see it. */
export interface Flag {
  property: string;
  name: string;
  spec: OptionSpec;
}

export interface ParsedArgv {
  /** Raw texts by table property (several for a repeated flag). */
  raw: Map<string, string[]>;
  positionals: string[];
  help: boolean;
}

const HELP_FLAGS = new Set(['-h', '--help']);

/** The flags of a table: the options the command line offers, in table order. */
export function flagsOf(table: OptionTable): Flag[] {
  return Object.entries(table)
    .filter(([, spec]) => offeredAt(spec, 'cli') && !spec.gitlabJob)
    .map(([property, spec]) => ({ property, name: nameAt(property, spec, 'cli'), spec }));
}

function lookupTable(flags: readonly Flag[]): Map<string, Flag> {
  const table = new Map<string, Flag>();
  for (const flag of flags) {
    table.set(`--${flag.name}`, flag);
    for (const alias of flag.spec.aliases ?? []) table.set(alias, flag);
  }
  return table;
}

function suggestion(command: string, flags: readonly Flag[], unknown: string): string {
  const name = unknown.replace(/^-+/, '').split('=')[0]!;
  const close = flags.filter((f) => !f.spec.hidden).map((f) => f.name).filter((candidate) => editDistance(candidate, name) <= 2 || candidate.includes(name) || name.includes(candidate));
  const tail = `run "aicr ${command} --help" for the list of flags`;
  return close.length ? `did you mean ${close.map((c) => `--${c}`).join(' or ')}? ${tail}` : tail;
}

const repeatable = (spec: OptionSpec): boolean => spec.type === 'list' || spec.type === 'map';

/** Splits argv into flag texts and positionals; knows flags, not their types. */
export function parseArgv(command: string, flags: readonly Flag[], argv: readonly string[], positionalsAllowed: number): ParsedArgv {
  const table = lookupTable(flags);
  const raw = new Map<string, string[]>();
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (HELP_FLAGS.has(arg)) {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = table.get(key);
    if (!flag) throw invalidInput(`unknown flag ${key} for "aicr ${command}"`, { hint: suggestion(command, flags, key) });
    let text: string;
    if (eq > 0) text = arg.slice(eq + 1);
    else if (flag.spec.type === 'bool') text = 'true';
    else {
      const next = argv[i + 1];
      if (next === undefined) throw invalidInput(`flag --${flag.name} needs a value`, { hint: `write --${flag.name} ${flag.spec.placeholder ?? '<value>'}` });
      text = next;
      i++;
    }
    const seen = raw.get(flag.property);
    if (seen && !repeatable(flag.spec) && seen.some((value) => value !== '')) {
      if (text !== '') throw invalidInput(`flag --${flag.name} can only be specified once`, { hint: `remove the repeated --${flag.name}` });
      continue;
    }
    raw.set(flag.property, [...(seen ?? []), text]);
  }
  if (!help && positionals.length > positionalsAllowed) {
    throw invalidInput(`unexpected argument "${positionals[positionalsAllowed]}" for "aicr ${command}"`, {
      hint: positionalsAllowed ? `run "aicr ${command} --help" for its usage` : `"aicr ${command}" takes flags only; run "aicr ${command} --help"`,
    });
  }
  return { raw, positionals, help };
}

/**
 * Typed values from parsed argv: a flag's text, else its environment variable, else (for the
 * positional option) the first positional argument, else the table's default.
 */
export function readFlagValues<T extends OptionTable>(table: T, parsed: ParsedArgv, env: NodeJS.ProcessEnv): OptionValues<T> {
  return readOptions(table, 'cli', (property, spec): RawValue => {
    const given = parsed.raw.get(property);
    if (given && given.some((text) => text !== '')) return given;
    const fromEnv = spec.env ? env[spec.env] : undefined;
    if (fromEnv !== undefined && fromEnv !== '') {
      if (spec.type === 'bool' && !isBoolText(fromEnv)) throw badBoolVariable(spec.env!, fromEnv);
      return fromEnv;
    }
    if (spec.positional && parsed.positionals[0] !== undefined) return parsed.positionals[0];
    return undefined;
  });
}

/** A boolean environment variable that holds something else: named as the variable, not the flag. */
function badBoolVariable(variable: string, text: string): Error {
  return invalidInput(`environment variable ${variable} takes a boolean, not ${quoted(text)}`, {
    hint: `set ${variable} to 1, t, T, TRUE, true, True (on) or 0, f, F, FALSE, false, False (off), or unset it`,
  });
}

/** The `--help` text of a command: its summary, usage, every visible flag and examples. */
export function formatHelp(help: { summary: string; usage: string; examples?: readonly string[] }, flags: readonly Flag[]): string {
  const lines = [help.summary, '', `Usage: ${help.usage}`, '', 'Flags:'];
  const rows = flags.filter((flag) => !flag.spec.hidden).map(({ name, spec }) => {
    const names = [`--${name}`, ...(spec.aliases ?? [])].join(', ');
    const value = spec.type === 'bool' ? '' : ` ${spec.placeholder ?? (spec.type === 'int' ? '<n>' : '<value>')}`;
    const extras: string[] = [];
    const fallback = defaultAt(spec, 'cli');
    if (fallback !== undefined && fallback !== '' && fallback !== false) extras.push(`default: ${fallback === '-' ? 'stdout' : String(fallback)}`);
    if (spec.env) extras.push(`env: $${spec.env}`);
    if (repeatable(spec)) extras.push('repeatable');
    if (spec.required) extras.push('required');
    return [`  ${names}${value}`, `${spec.description}${extras.length ? ` (${extras.join('; ')})` : ''}`];
  });
  rows.push(['  -h, --help', 'Show this help.']);
  const width = Math.min(40, Math.max(...rows.map((r) => r[0]!.length)) + 2);
  for (const [left, right] of rows) lines.push(left!.length >= width ? `${left}\n${' '.repeat(width)}${right}` : `${left!.padEnd(width)}${right}`);
  if (help.examples?.length) lines.push('', 'Examples:', ...help.examples.map((example) => `  ${example}`));
  return lines.join('\n') + '\n';
}
