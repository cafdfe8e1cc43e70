/**
 * Drives an action's run() through the real @actions/core: inputs as INPUT_* variables,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as temp files read back afterwards, stdout captured.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ActionRun {
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  exitCode: number;
  /** `::error …::message` style workflow commands seen on stdout. */
  commands: Array<{ command: string; properties: Record<string, string>; message: string }>;
}

export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

function parseCommands(stdout: string): ActionRun['commands'] {
  const out: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').trim().split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    out.push({ command: match[1]!, properties, message: unescapeData(match[3]!) });
  }
  return out;
}

/** Runs `run` with the given inputs in `cwd` (a new temp dir by default). */
export async function runWithInputs(run: () => Promise<void>, inputs: Record<string, string>, options: { cwd?: string; env?: Record<string, string> } = {}): Promise<ActionRun & { cwd: string }> {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'aicr-action-'));
  const files = mkdtempSync(join(tmpdir(), 'aicr-runner-'));
  const outputFile = join(files, 'output');
  const summaryFile = join(files, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  process.env.GITHUB_OUTPUT = outputFile;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  process.env.RUNNER_TEMP = files;
  // Each run starts from its own inputs, and @actions/core forgets the previous summary file.
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  const core = await import('@actions/core');
  core.summary.emptyBuffer();
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  const savedEnv = Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]));
  for (const [key, value] of Object.entries(options.env ?? {})) process.env[key] = value;
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const previousCwd = process.cwd();
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  process.exitCode = 0;
  let exitCode = 0;
  try {
    process.chdir(cwd);
    await run();
  } finally {
    process.stdout.write = write;
    process.chdir(previousCwd);
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    exitCode = Number(process.exitCode ?? 0);
    process.exitCode = 0;
  }
  const stdout = chunks.join('');
  const summary = readFileSync(summaryFile, 'utf8');
  // Option references are rendered by every door: none may reach what a user sees.
  if (/[\uE000\uE001]/.test(stdout + summary)) throw new Error(`an unrendered option reference reached the job log or summary:\n${stdout}${summary}`);
  return {
    cwd,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary,
    stdout,
    exitCode,
    commands: parseCommands(stdout),
  };
}
