/**
 * Writing a bundle atomically: every file goes into a temporary sibling directory, which is
 * renamed into place only when all of it is written. A failure leaves the previous state.
 */
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { AicrError, ErrorCode, invalidInput, wrapError } from '../errors.js';
import { optionLabel, optionRef } from '../option-refs.js';
import { uniqueSuffix } from '../util/lazy-builtins.js';
import type { BundleFile } from './types.js';
import { quoted } from '../safe-text.js';

export interface WriteBundleOptions {
  /** Replace a non-empty output directory. */
  force?: boolean;
  /** Key of the option naming the directory, for messages. */
  input?: string;
  /** Working directory the output may not contain (default: process.cwd()). */
  cwd?: string;
}

/** Checks the output path before any work is done; returns its absolute form. */
export function checkOutputDir(output: string, options: WriteBundleOptions = {}): string {
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
    existing = lstatSync(absolute, { throwIfNoEntry: false });
  } catch (error) {
    throw wrapError(error, `${input}: ${output} cannot be used`, ErrorCode.InvalidInput);
  }
  if (existing) {
    if (existing.isSymbolicLink()) throw invalidInput(`${input}: ${output} is a symbolic link`, { hint: 'pass a real directory path; links are not followed for safety' });
    if (!existing.isDirectory()) throw invalidInput(`${input}: ${output} is a file, not a directory`, { hint: 'pass a directory path (it is created if missing)' });
    if (!options.force && readdirSync(absolute).length > 0) {
      throw invalidInput(`${input}: ${output} is not empty`, { hint: `pass an empty or new directory, or set ${optionRef('force')} to replace it` });
    }
  }
  return absolute;
}

/**
 * Writes `files` under `output` atomically. Modes are set explicitly (0644/0755) whatever the
 * umask, so the same bundle always has the same permissions.
 */
export function writeBundle(output: string, files: readonly BundleFile[], options: WriteBundleOptions = {}): string {
  const input = optionLabel(options.input ?? 'output');
  const target = checkOutputDir(output, options);
  const parent = dirname(target);
  const suffix = uniqueSuffix();
  const temp = join(parent, `.${basename(target)}.tmp-${suffix}`);
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(temp, { mode: 0o755 });
  } catch (error) {
    throw wrapError(error, `${input}: cannot create ${parent}`, ErrorCode.InvalidInput);
  }
  try {
    writeTree(temp, files);
    const existing = lstatSync(target, { throwIfNoEntry: false });
    if (existing) {
      const old = join(parent, `.${basename(target)}.old-${suffix}`);
      renameSync(target, old);
      try {
        renameSync(temp, target);
      } catch (error) {
        renameSync(old, target);
        throw error;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(temp, target);
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (error instanceof AicrError) throw error;
    throw wrapError(error, `${input}: cannot write the bundle to ${output}`, ErrorCode.Internal);
  }
  return target;
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
      const buffer = Buffer.from(file.content, 'utf8');
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
