/** What the hostile corpus checks on every run: no secret anywhere a user or a log collector sees, no forged workflow command. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { DoorRun } from './doors.js';

/** Every file under `dir` (the run's workspace: documents, reports, bundles, dotenv files). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isDirectory()) out.push(...filesUnder(path));
    else if (stats.isFile()) out.push(path);
  }
  return out;
}

/** Where each secret turned up: the log, the outputs, the summary or a written file. */
function leaks(run: DoorRun, secrets: readonly string[], extra: Record<string, string> = {}): string[] {
  const places: Record<string, string> = { log: run.log, outputs: run.outputText, summary: run.summary, ...extra };
  for (const file of filesUnder(run.workspace)) places[file] = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const [place, text] of Object.entries(places)) for (const secret of secrets) if (text.includes(secret)) found.push(`${secret} in ${place}`);
  return found;
}

/** The run ended with `code` and no secret reached anything it left behind. */
export function expectNoLeak(run: DoorRun, code: number, secrets: readonly string[], extra?: Record<string, string>): void {
  expect(run.code, run.log).toBe(code);
  expect(leaks(run, secrets, extra)).toEqual([]);
}

// What the GitHub runner's TrimStart (.NET Char.IsWhiteSpace) removes, plus U+FEFF.
const RUNNER_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*/;

/**
 * Lines the runner would run as a hostile workflow command: the payload (`PWNED`) right after
 * `::name::` at a line start (after trimmed whitespace), or `##[` anywhere. Our own annotations
 * (`::error::message`) never start their data with the payload.
 */
function forgedCommands(text: string): string[] {
  return text.split(/\r\n|[\r\n]/).filter((line) => /^::[A-Za-z-]+(?: [^:]*)?::PWNED/.test(line.replace(RUNNER_SPACE, '')) || line.includes('##['));
}

/** The run ended with `code`, and nothing it printed (log, summary) forges a workflow command. */
export function expectNoForgery(run: DoorRun, code: number): void {
  expect(run.code, run.log).toBe(code);
  expect(forgedCommands(run.log)).toEqual([]);
  expect(forgedCommands(run.summary)).toEqual([]);
}
