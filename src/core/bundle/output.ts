/**
 * Writing a bundle atomically: every file goes into a temporary sibling directory, which is
 * renamed into place only when all of it is written. A failure leaves the previous state.
 *
 * Another writer's result is never replaced. The output is claimed before the work (new, empty,
 * or with `force` an unchanged earlier bundle: ownership.ts). Without an earlier bundle the
 * final step is one rename(2) of the temporary directory onto the target, which the OS refuses
 * when a non-empty directory (or a file) appeared there meanwhile. Replacing an earlier bundle
 * first renames it aside, then checks that what was moved is the claimed bundle, unchanged; if
 * not, it goes back and the run fails (exit 2).
 */
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { AicrError, concurrentWrite, ErrorCode, invalidInput, wrapError } from '../errors.js';
import { trackTemporary } from '../interrupts.js';
import { optionLabel, optionRef } from '../option-refs.js';
import { removeStaleTemporaries, temporaryName } from '../util/temp-names.js';
import { replaceRefusal } from './ownership.js';
import type { BundleFile } from './types.js';
import { quoted } from '../safe-text.js';
import { trace } from '../trace.js';

export interface WriteBundleOptions {
  /** Replace an earlier bundle of ours (never anything else). */
  force?: boolean;
  /** Key of the option naming the directory, for messages. */
  input?: string;
  /** Working directory the output may not contain (default: process.cwd()). */
  cwd?: string;
  /** The claim taken before the work (default: taken now). */
  claim?: OutputDirClaim;
}

/** What the output directory was when the run began. */
export interface OutputDirClaim {
  /** Absolute path. */
  target: string;
  /** Nothing there, an empty directory, or (with force) the earlier bundle's directory identity. */
  state: 'absent' | 'empty' | { dev: bigint; ino: bigint };
}

/** Checks the output path before any work is done and claims it. */
export function checkOutputDir(output: string, options: WriteBundleOptions = {}): OutputDirClaim {
  const input = optionLabel(options.input ?? 'output');
  if (output.trim() === '') throw invalidInput(`${input}: the directory is empty text`, { hint: 'pass the directory to write the bundle to' });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(output)) {
    throw invalidInput(`${input}: ${quoted(output)}: only local directories are supported`, { hint: 'write to a directory, then push it with your own tooling (git, oras, helm push)' });
  }
  const absolute = resolve(output);
  const cwd = resolve(options.cwd ?? process.cwd());
  if (cwd === absolute || cwd.startsWith(absolute.endsWith(sep) ? absolute : absolute + sep)) {
    throw invalidInput(`${input}: ${quoted(output)} is the working directory or one of its parents`, { hint: 'write the bundle to a new directory, e.g. bundle' });
  }
  let existing;
  try {
    existing = lstatSync(absolute, { bigint: true, throwIfNoEntry: false });
    if (!existing) return { target: absolute, state: 'absent' };
    if (existing.isSymbolicLink()) throw invalidInput(`${input}: ${output} is a symbolic link`, { hint: 'pass a real directory path; links are not followed for safety' });
    if (!existing.isDirectory()) throw invalidInput(`${input}: ${output} is a file, not a directory`, { hint: 'pass a directory path (it is created if missing)' });
    if (readdirSync(absolute).length === 0) return { target: absolute, state: 'empty' };
    if (!options.force) {
      throw invalidInput(`${input}: ${output} is not empty`, { hint: `pass an empty or new directory, or set ${optionRef('force')} to replace it (when it holds an earlier, unchanged bundle)` });
    }
    const refusal = replaceRefusal(absolute);
    if (refusal) throw notReplaceable(input, output, refusal);
  } catch (error) {
    if (error instanceof AicrError) throw error;
    throw wrapError(error, `${input}: ${output} cannot be used`, ErrorCode.InvalidInput);
  }
  return { target: absolute, state: { dev: existing.dev, ino: existing.ino } };
}

function notReplaceable(input: string, output: string, reason: string): AicrError {
  return invalidInput(`${input}: ${output} is not an unchanged earlier bundle, so ${optionRef('force')} does not replace it: ${reason}; nothing in it was touched`, {
    hint: `${optionRef('force')} replaces only a folder aicr bundle wrote and nobody changed since; move or delete this folder yourself if it may go, or pass a new directory`,
  });
}

/**
 * Writes `files` under `output` atomically. Modes are set explicitly (0644/0755) whatever the
 * umask, so the same bundle always has the same permissions.
 */
export function writeBundle(output: string, files: readonly BundleFile[], options: WriteBundleOptions = {}): string {
  const input = options.input ?? 'output';
  const claim = options.claim ?? checkOutputDir(output, options);
  const { target } = claim;
  const parent = dirname(target);
  const name = basename(target);
  const temp = join(parent, temporaryName(name, 'tmp'));
  const untrack = trackTemporary(temp);
  try {
    mkdirSync(parent, { recursive: true });
    removeStaleTemporaries(parent, name);
    mkdirSync(temp, { mode: 0o755 });
  } catch (error) {
    untrack();
    throw wrapError(error, `${optionLabel(input)}: cannot create ${parent}`, ErrorCode.InvalidInput);
  }
  try {
    writeTree(temp, files);
    if (typeof claim.state === 'string') placeNew(temp, target, output, input);
    else replaceEarlier(temp, claim, output, input);
    for (const file of files) trace(() => `${optionLabel(input)}: wrote ${join(output, file.path)} (${Buffer.byteLength(file.content)} bytes)`);
  } catch (error) {
    if (error instanceof AicrError) throw error;
    throw wrapError(error, `${optionLabel(input)}: cannot write the bundle to ${output}`, ErrorCode.Internal);
  } finally {
    rmSync(temp, { recursive: true, force: true });
    untrack();
  }
  return target;
}

/** One rename onto a target that was new or empty: the OS refuses it if a non-empty one appeared. */
function placeNew(temp: string, target: string, output: string, input: string): void {
  try {
    renameSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') throw concurrentWrite(input, output);
    throw error;
  }
}

/** Moves the claimed earlier bundle aside, checks it is still that bundle, and puts ours in its place. */
function replaceEarlier(temp: string, claim: OutputDirClaim, output: string, input: string): void {
  const { target } = claim;
  const aside = join(dirname(target), temporaryName(basename(target), 'old'));
  try {
    renameSync(target, aside);
  } catch (error) {
    // Gone since the claim: nothing to replace, so this is a new directory after all.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return placeNew(temp, target, output, input);
    throw error;
  }
  // Until it is known to be the claimed bundle, what was moved aside is never deleted.
  let ours = false;
  let untrack = (): void => undefined;
  try {
    const moved = lstatSync(aside, { bigint: true });
    const state = claim.state as { dev: bigint; ino: bigint };
    const changed = moved.dev !== state.dev || moved.ino !== state.ino ? 'another folder took its place' : replaceRefusal(aside);
    if (changed) {
      putBack(aside, target);
      throw concurrentWrite(input, `${output} (${changed})`);
    }
    ours = true;
    untrack = trackTemporary(aside);
    try {
      renameSync(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Someone wrote the target in the instant it was free: theirs stays, and the earlier bundle both meant to replace goes.
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') throw concurrentWrite(input, output);
      ours = false;
      putBack(aside, target);
      throw error;
    }
  } finally {
    if (ours) rmSync(aside, { recursive: true, force: true });
    untrack();
  }
}

/** Returns a folder moved aside to its place; when that fails it stays aside, and the error says where. */
function putBack(aside: string, target: string): void {
  try {
    renameSync(aside, target);
  } catch (error) {
    throw new AicrError(ErrorCode.Internal, `cannot move ${aside} back to ${target}: ${(error as Error).message}`, { hint: `it is kept as it was; move it back yourself (mv ${aside} ${target})` });
  }
}

function writeTree(root: string, files: readonly BundleFile[]): void {
  const made = new Set<string>();
  let fixModes: boolean | undefined;
  for (const file of files) {
    const parts = file.path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      dir = `${dir}/${part}`;
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true, mode: 0o755 });
        made.add(dir);
        if (fixModes) chmodSync(dir, 0o755);
      }
    }
    const path = `${root}/${file.path}`;
    const fd = openSync(path, 'wx', file.mode);
    try {
      const buffer = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
      let offset = 0;
      while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
    } finally {
      closeSync(fd);
    }
    // The umask only ever removes bits; check once, and fix every mode only when it did.
    if (fixModes === undefined) {
      fixModes = (statSync(path).mode & 0o777) !== file.mode;
      if (fixModes) {
        chmodSync(root, 0o755);
        for (const madeDir of made) chmodSync(madeDir, 0o755);
      }
    }
    if (fixModes) chmodSync(path, file.mode);
  }
}
