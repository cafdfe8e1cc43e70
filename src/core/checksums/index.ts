/**
 * `checksums.txt`: writing it for a bundle (sorted, relative paths, `sha256sum -c` compatible)
 * and verifying a bundle directory against it: modified, missing and unlisted files, malformed
 * lines, unsafe paths and symbolic links that leave the bundle, all reported together.
 */
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { invalidInput, notFound, wrapError, ErrorCode } from '../errors.js';
import { formatColumns } from '../format.js';
import { compareStrings } from '../serialize.js';
import { sha256 as sha256Hash } from '../util/lazy-builtins.js';

export const CHECKSUMS_FILE = 'checksums.txt';
/** Attestation files (written by signing, never listed) that may sit beside the listed files. */
export const ATTESTATION_FILES = ['attestation/bundle-attestation.sigstore.json', 'attestation/aicr-attestation.sigstore.json'];
/** Largest checksums.txt accepted (a bundle lists a few hundred files). */
const MAX_CHECKSUMS_BYTES = 4 * 1024 * 1024;

export function sha256(data: string | Uint8Array): string {
  return sha256Hash().update(data).digest('hex');
}

/** The text of checksums.txt for `files` (path → content), sorted byte-wise by path. */
export function formatChecksums(files: Iterable<{ path: string; content: string | Uint8Array }>): string {
  const lines: Array<[string, string]> = [];
  for (const file of files) {
    if (file.path === CHECKSUMS_FILE) continue;
    lines.push([file.path, sha256(file.content)]);
  }
  lines.sort((a, b) => compareStrings(a[0], b[0]));
  return lines.map(([path, digest]) => `${digest}  ${path}\n`).join('');
}

type ProblemKind = 'modified' | 'missing' | 'unlisted' | 'malformed' | 'unsafe-path' | 'escaping-symlink' | 'not-a-file' | 'duplicate';

export interface VerifyProblem {
  kind: ProblemKind;
  /** Path relative to the bundle (as listed, or as found on disk). */
  path: string;
  /** Line of checksums.txt, when the problem comes from a line. */
  line?: number;
  detail: string;
}

export interface VerifyResult {
  /** The bundle directory as given. */
  dir: string;
  ok: boolean;
  /** Entries listed in checksums.txt. */
  listed: number;
  /** Listed files whose digest matched. */
  verified: number;
  problems: VerifyProblem[];
}

interface Entry {
  digest: string;
  path: string;
  line: number;
}

/** Checks a listed path: relative, `/`-separated, no `.`/`..`/empty segments, no control characters. */
function pathProblem(path: string): string | undefined {
  if (path === '') return 'the path is empty';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'absolute paths are not allowed';
  if (path.includes('\\')) return 'backslashes are not allowed';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'control characters are not allowed';
  const segments = path.split('/');
  if (segments.includes('..')) return '".." segments are not allowed';
  if (segments.includes('.')) return '"." segments are not allowed';
  if (segments.includes('')) return 'empty path segments are not allowed';
  return undefined;
}

/** Parses checksums.txt strictly; every bad line becomes a problem and is skipped. */
export function parseChecksums(text: string, problems: VerifyProblem[]): Entry[] {
  const entries: Entry[] = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    const line = index + 1;
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(raw);
    if (!match) {
      problems.push({ kind: 'malformed', path: CHECKSUMS_FILE, line, detail: `line ${line} is not "<64 lower-case hex digits><two spaces><relative path>": ${JSON.stringify(raw.length > 120 ? `${raw.slice(0, 120)}…` : raw)}` });
      return;
    }
    const [, digest, path] = match as unknown as [string, string, string];
    const unsafe = pathProblem(path);
    if (unsafe) {
      problems.push({ kind: 'unsafe-path', path, line, detail: unsafe });
      return;
    }
    if (path === CHECKSUMS_FILE) {
      problems.push({ kind: 'unsafe-path', path, line, detail: 'checksums.txt cannot list itself' });
      return;
    }
    const folded = path.toLowerCase();
    const previous = seen.get(folded);
    if (previous !== undefined) {
      problems.push({ kind: 'duplicate', path, line, detail: `already listed on line ${previous}` });
      return;
    }
    seen.set(folded, line);
    entries.push({ digest, path, line });
  });
  return entries;
}

function hashFile(path: string): string {
  const hash = sha256Hash();
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 16);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function inside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Files (and symbolic links) below `root`, relative `/` paths, never following links. */
function walk(root: string): Array<{ path: string; symlink: boolean; dir: boolean }> {
  const out: Array<{ path: string; symlink: boolean; dir: boolean }> = [];
  const visit = (dir: string, prefix: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) visit(join(dir, entry.name), `${path}/`);
      else out.push({ path, symlink: entry.isSymbolicLink(), dir: false });
    }
  };
  visit(root, '');
  return out;
}

/**
 * Verifies `dir` against its checksums.txt. Throws only when there is nothing to verify (the
 * directory or checksums.txt is missing, or unreadable); every finding is in the result.
 */
export function verifyBundle(dir: string): VerifyResult {
  const absolute = resolve(dir);
  let stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw notFound(`bundle directory not found: ${dir}`, { hint: 'pass the directory aicr bundle wrote' });
    throw wrapError(error, `cannot read the bundle directory ${dir}`, ErrorCode.InvalidInput);
  }
  if (!stats.isDirectory()) throw invalidInput(`${dir} is not a directory`, { hint: 'pass the bundle directory (the one that holds checksums.txt), not a file' });
  const root = realpathSync(absolute);
  const listPath = join(root, CHECKSUMS_FILE);
  const listStats = lstatSync(listPath, { throwIfNoEntry: false });
  if (!listStats) throw notFound(`${CHECKSUMS_FILE} not found in ${dir}`, { hint: 'generate the bundle with aicr bundle, which writes checksums.txt' });
  if (!listStats.isFile()) throw invalidInput(`${dir}/${CHECKSUMS_FILE} is not a regular file`, { hint: 'checksums.txt must be a plain file, not a link or a directory' });
  if (listStats.size > MAX_CHECKSUMS_BYTES) throw invalidInput(`${dir}/${CHECKSUMS_FILE} is too large (${listStats.size} bytes)`, { hint: `the limit is ${MAX_CHECKSUMS_BYTES} bytes` });
  const text = readFileSync(listPath, 'utf8');

  const problems: VerifyProblem[] = [];
  const entries = parseChecksums(text, problems);
  const listed = new Set(entries.map((entry) => entry.path));
  let verified = 0;
  for (const entry of entries) {
    const target = join(root, ...entry.path.split('/'));
    let real: string;
    try {
      real = realpathSync(target);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        const link = lstatSync(target, { throwIfNoEntry: false });
        problems.push(link?.isSymbolicLink()
          ? { kind: 'missing', path: entry.path, line: entry.line, detail: 'listed, but it is a symbolic link to nothing' }
          : { kind: 'missing', path: entry.path, line: entry.line, detail: 'listed in checksums.txt but not in the bundle' });
      } else problems.push({ kind: 'not-a-file', path: entry.path, line: entry.line, detail: `cannot be read (${code ?? 'error'})` });
      continue;
    }
    if (!inside(root, real)) {
      problems.push({ kind: 'escaping-symlink', path: entry.path, line: entry.line, detail: `resolves outside the bundle (${real})` });
      continue;
    }
    const fileStats = statSync(real);
    if (!fileStats.isFile()) {
      problems.push({ kind: 'not-a-file', path: entry.path, line: entry.line, detail: fileStats.isDirectory() ? 'is a directory' : 'is not a regular file' });
      continue;
    }
    const actual = hashFile(real);
    if (actual !== entry.digest) {
      problems.push({ kind: 'modified', path: entry.path, line: entry.line, detail: `sha256 ${actual} differs from the listed ${entry.digest}` });
      continue;
    }
    verified++;
  }
  for (const found of walk(root)) {
    if (found.symlink) {
      let real: string | undefined;
      try {
        real = realpathSync(join(root, ...found.path.split('/')));
      } catch {
        real = undefined;
      }
      if (real !== undefined && !inside(root, real)) {
        if (!listed.has(found.path)) problems.push({ kind: 'escaping-symlink', path: found.path, detail: `symbolic link resolves outside the bundle (${real})` });
        continue;
      }
    }
    if (found.path === CHECKSUMS_FILE || listed.has(found.path) || ATTESTATION_FILES.includes(found.path)) continue;
    problems.push({ kind: 'unlisted', path: found.path, detail: found.symlink ? 'symbolic link not listed in checksums.txt' : 'present in the bundle but not listed in checksums.txt' });
  }
  problems.sort((a, b) => compareStrings(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0));
  return { dir, ok: problems.length === 0, listed: entries.length, verified, problems };
}

/**
 * Where to point an annotation for a problem: a line of checksums.txt for problems with the
 * list itself, otherwise the file (relative to the bundle).
 */
export function problemLocation(problem: VerifyProblem): { path: string; line?: number } {
  if (problem.kind === 'malformed' || problem.kind === 'unsafe-path' || problem.kind === 'duplicate') {
    return problem.line === undefined ? { path: CHECKSUMS_FILE } : { path: CHECKSUMS_FILE, line: problem.line };
  }
  return { path: problem.path };
}

/** A problem list as aligned text columns (for terminals and job logs). */
export function formatProblems(result: VerifyResult): string {
  return formatColumns(['PROBLEM', 'FILE', 'DETAIL'], result.problems.map((problem) => [
    problem.kind,
    problem.line === undefined ? problem.path : `${problem.path} (line ${problem.line})`,
    problem.detail,
  ]));
}

/** One GitLab Code Quality issue (the subset of the Code Climate format GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major';
  location: { path: string; lines: { begin: number } };
}

/**
 * Problems as a GitLab Code Quality report; `prefix` is the bundle directory as seen from the
 * project root. Fingerprints hash the kind and the path, so a problem keeps its identity.
 */
export function toCodeQuality(result: VerifyResult, prefix: string): CodeQualityIssue[] {
  const base = prefix.replace(/\/+$/, '');
  return result.problems.map((problem) => {
    const where = problemLocation(problem);
    const path = base === '' || base === '.' ? where.path : `${base}/${where.path}`;
    return {
      description: `${problem.kind}: ${problem.path}: ${problem.detail}`,
      check_name: `aicr-verify/${problem.kind}`,
      fingerprint: sha256(`${problem.kind}\u0000${path}\u0000${problem.path}\u0000${problem.line ?? 0}`),
      severity: 'major',
      location: { path, lines: { begin: where.line ?? 1 } },
    };
  });
}
