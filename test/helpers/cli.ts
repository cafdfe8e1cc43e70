/** Runs the aicr CLI in-process (main) with captured streams, or the built bundle as a process. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { REPO_ROOT } from './paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

export async function runCli(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await main(argv, {
    stdout,
    stderr,
    stdin: Readable.from([options.stdin ?? '']),
    env: options.env ?? { PATH: process.env.PATH },
  });
  const result = { code, stdout: out(), stderr: err() };
  // Option references are rendered by every door: none may reach what a user sees.
  if (/[\uE000\uE001]/.test(result.stdout + result.stderr)) throw new Error(`an unrendered option reference reached the output:\n${result.stdout}${result.stderr}`);
  return result;
}

/** Runs bin/aicr.js (the committed bundle) as a child process. */
export function runBin(argv: string[], options: { stdin?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'aicr.js'), ...argv], {
    input: options.stdin ?? '',
    cwd: options.cwd,
    env: options.env ?? { PATH: process.env.PATH },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Like runBin, without blocking this process's event loop (for servers living in the test). */
export function runBinAsync(argv: string[], options: { stdin?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'aicr.js'), ...argv], { cwd: options.cwd, env: options.env ?? { PATH: process.env.PATH } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
