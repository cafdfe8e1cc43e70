/**
 * A small, strict argv parser: declared flags only, `--flag value` and `--flag=value`,
 * aliases, repeatable flags, environment-variable defaults, and errors that say how to fix them.
 */
import { invalidInput } from '../core/errors.js';

export type FlagType = 'string' | 'boolean' | 'integer' | 'list';

export interface FlagSpec {
  name: string;
  /** Other spellings: `-o`, `--gpu`. */
  aliases?: string[];
  type: FlagType;
  description: string;
  default?: string | boolean | number;
  /** Environment variable read when the flag is not given. */
  env?: string;
  /** Placeholder in help (`<file>`). */
  value?: string;
  /** Allowed values, listed in help and checked. */
  choices?: readonly string[];
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  flags: FlagSpec[];
  /** Positional arguments accepted (names for help); none when absent. */
  positionals?: string[];
  examples?: string[];
}

export type FlagValues = Record<string, string | boolean | number | string[] | undefined>;

export interface ParsedArgs {
  flags: FlagValues;
  positionals: string[];
  help: boolean;
}

const HELP_FLAGS = new Set(['-h', '--help']);

function lookupTable(spec: CommandSpec): Map<string, FlagSpec> {
  const table = new Map<string, FlagSpec>();
  for (const flag of spec.flags) {
    table.set(`--${flag.name}`, flag);
    for (const alias of flag.aliases ?? []) table.set(alias, flag);
  }
  return table;
}

function suggestion(spec: CommandSpec, unknown: string): string {
  const name = unknown.replace(/^-+/, '').split('=')[0]!;
  const close = spec.flags.map((f) => f.name).filter((candidate) => distance(candidate, name) <= 2 || candidate.includes(name) || name.includes(candidate));
  const tail = `run "aicr ${spec.name} --help" for the list of flags`;
  return close.length ? `did you mean ${close.map((c) => `--${c}`).join(' or ')}? ${tail}` : tail;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function convert(flag: FlagSpec, raw: string, shown: string): string | boolean | number {
  switch (flag.type) {
    case 'boolean': {
      const value = raw.toLowerCase();
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw invalidInput(`flag ${shown} takes true or false, not "${raw}"`, { hint: `write ${shown} or ${shown}=false` });
    }
    case 'integer': {
      if (!/^-?\d+$/.test(raw.trim())) throw invalidInput(`flag ${shown} takes a whole number, not "${raw}"`, { hint: `e.g. ${shown}=8` });
      return Number(raw.trim());
    }
    default:
      if (flag.choices && !flag.choices.includes(raw)) {
        throw invalidInput(`flag ${shown}: "${raw}" is not one of ${flag.choices.join(', ')}`, { hint: `choose one of: ${flag.choices.join(', ')}` });
      }
      return raw;
  }
}

export function parseArgs(spec: CommandSpec, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedArgs {
  const table = lookupTable(spec);
  const flags: FlagValues = {};
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
    if (!flag) throw invalidInput(`unknown flag ${key} for "aicr ${spec.name}"`, { hint: suggestion(spec, key) });
    let raw: string;
    if (eq > 0) raw = arg.slice(eq + 1);
    else if (flag.type === 'boolean') raw = 'true';
    else {
      const next = argv[i + 1];
      if (next === undefined) throw invalidInput(`flag --${flag.name} needs a value`, { hint: `write --${flag.name} ${flag.value ?? '<value>'}` });
      raw = next;
      i++;
    }
    // An empty value means "not set": templated callers (GitLab inputs) pass "" for unset inputs.
    if (raw === '') continue;
    if (flag.type === 'list') {
      const list = (flags[flag.name] as string[] | undefined) ?? [];
      list.push(raw);
      flags[flag.name] = list;
      continue;
    }
    if (flags[flag.name] !== undefined) {
      throw invalidInput(`flag --${flag.name} can only be specified once`, { hint: `remove the repeated --${flag.name}` });
    }
    flags[flag.name] = convert(flag, raw, `--${flag.name}`);
  }
  for (const flag of spec.flags) {
    if (flags[flag.name] !== undefined) continue;
    const fromEnv = flag.env ? env[flag.env] : undefined;
    if (fromEnv !== undefined && fromEnv !== '') {
      flags[flag.name] = flag.type === 'list' ? fromEnv.split(',').map((s) => s.trim()).filter(Boolean) : convert(flag, fromEnv, `$${flag.env}`);
    } else if (flag.default !== undefined) {
      flags[flag.name] = flag.default;
    }
  }
  const allowed = spec.positionals?.length ?? 0;
  if (!help && positionals.length > allowed) {
    throw invalidInput(`unexpected argument "${positionals[allowed]}" for "aicr ${spec.name}"`, {
      hint: allowed ? `usage: ${spec.usage}` : `"aicr ${spec.name}" takes flags only; run "aicr ${spec.name} --help"`,
    });
  }
  return { flags, positionals, help };
}

/** `--help` text of a command, generated from its spec. */
export function formatHelp(spec: CommandSpec): string {
  const lines = [`${spec.summary}`, '', `Usage: ${spec.usage}`, '', 'Flags:'];
  const rows = spec.flags.map((flag) => {
    const names = [`--${flag.name}`, ...(flag.aliases ?? [])].join(', ');
    const value = flag.type === 'boolean' ? '' : ` ${flag.value ?? (flag.type === 'integer' ? '<n>' : '<value>')}`;
    const extras: string[] = [];
    if (flag.choices) extras.push(`one of: ${flag.choices.join(', ')}`);
    if (flag.default !== undefined && flag.default !== '') extras.push(`default: ${String(flag.default)}`);
    if (flag.env) extras.push(`env: $${flag.env}`);
    if (flag.type === 'list') extras.push('repeatable');
    return [`  ${names}${value}`, `${flag.description}${extras.length ? ` (${extras.join('; ')})` : ''}`];
  });
  rows.push(['  -h, --help', 'show this help']);
  const width = Math.min(40, Math.max(...rows.map((r) => r[0]!.length)) + 2);
  for (const [left, right] of rows) lines.push(left!.length >= width ? `${left}\n${' '.repeat(width)}${right}` : `${left!.padEnd(width)}${right}`);
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  return lines.join('\n') + '\n';
}
