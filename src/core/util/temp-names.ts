/**
 * Names of our temporary siblings, `.<target>.<kind>-<pid>-<counter>-<clock>@<host>`: unique at
 * any moment (pid, per-process counter, clock), and telling which process made them, so a later
 * write to the same place removes what a killed run left behind (the process is gone) and never
 * what a live one is writing. A name made on another host (a container sharing the folder) is
 * never removed: its process cannot be checked from here.
 */
import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export type TemporaryKind = 'tmp' | 'old';

const NAME = /^\.(.+)\.(tmp|old)-(\d+)-\d+-[0-9a-z]+@([A-Za-z0-9.-]*)$/;

let counter = 0;
let host: string | undefined;

function hostTag(): string {
  host ??= hostname().replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 63);
  return host;
}

/**
 * A name part that no other writer uses at the same moment. Temporary files are created
 * exclusively (`wx`), so a clash is refused, never overwritten; no randomness is needed.
 */
function uniqueSuffix(): string {
  counter++;
  return `${process.pid}-${counter}-${process.hrtime.bigint().toString(36)}@${hostTag()}`;
}

/** The name of a temporary sibling of `base` (a file or folder name, no directory). */
export function temporaryName(base: string, kind: TemporaryKind): string {
  return `.${base}.${kind}-${uniqueSuffix()}`;
}

/** Whether process `pid` of this host is still running (a process of another user counts). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** The temporaries of `base` in `dir` whose process has ended on this host. */
function staleTemporaries(dir: string, base: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const match = NAME.exec(name);
    return match !== null && match[1] === base && match[4] === hostTag() && !alive(Number(match[3]));
  });
}

/** Removes what killed runs left while writing `base` in `dir`; problems are ignored (best effort). */
export function removeStaleTemporaries(dir: string, base: string): void {
  for (const name of staleTemporaries(dir, base)) rmSync(join(dir, name), { recursive: true, force: true });
}
