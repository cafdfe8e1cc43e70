/**
 * Where recipe data files come from: a directory on disk (the embedded catalog or a user's
 * `--data` directory), and the layering of an external directory over the embedded one.
 */
import { lstatSync, opendirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { AicrError, ErrorCode, invalidInput, notFound, wrapError } from '../errors.js';
import { MAX_DOCUMENT_BYTES } from '../documents/parse.js';
import { optionRef } from '../option-refs.js';
import { quoted } from '../safe-text.js';

/**
 * What a `--data` directory may hold. The embedded catalog is about 100 files and 1.5 MB; these
 * leave room for any real catalog while a wrong directory (a home folder, a checkout with its
 * node_modules) is refused after reading at most `maxEntries` names, not walked to its end.
 */
export interface DataLimits {
  /** Largest single file (upstream's limit). */
  maxFileBytes: number;
  /** Largest total of all files. */
  maxTotalBytes: number;
  /** Most files, directories and other entries together. */
  maxEntries: number;
  /** Deepest nesting of directories. */
  maxDepth: number;
}

export const DATA_LIMITS: DataLimits = { maxFileBytes: MAX_DOCUMENT_BYTES, maxTotalBytes: 100 * 1024 * 1024, maxEntries: 10_000, maxDepth: 32 };

/** Thrown by a walk that passed its entry budget. */
class TooManyEntries extends Error {}

export type FileOrigin = 'embedded' | 'external';

export interface DataSource {
  /** Human label for messages: `embedded catalog` or the directory as given. */
  readonly label: string;
  readonly origin: FileOrigin;
  /** Relative paths with forward slashes, in depth-first lexical order. */
  readonly files: readonly string[];
  has(path: string): boolean;
  readText(path: string): string;
}

/** The entries of one directory, sorted by name; past `budget.left` entries the walk stops. */
function readEntries(dir: string, budget: { left: number }): Dirent[] {
  const entries: Dirent[] = [];
  const handle = opendirSync(dir);
  try {
    for (let entry = handle.readSync(); entry; entry = handle.readSync()) {
      if (--budget.left < 0) throw new TooManyEntries();
      entries.push(entry);
    }
  } finally {
    handle.closeSync();
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Lists regular files below `root`, depth first, entries of a directory in lexical order. Reads
 * at most `maxEntries` names (then throws TooManyEntries); `onEntry` may throw to stop too.
 */
export function walkFiles(root: string, onEntry?: (relative: string, absolute: string, entry: Dirent) => void, maxEntries = Infinity): string[] {
  const out: string[] = [];
  const budget = { left: maxEntries };
  const visit = (dir: string, prefix: string): void => {
    for (const entry of readEntries(dir, budget)) {
      const relative = prefix + entry.name;
      const absolute = join(dir, entry.name);
      onEntry?.(relative, absolute, entry);
      if (entry.isDirectory()) visit(absolute, relative + '/');
      else if (entry.isFile()) out.push(relative);
    }
  };
  visit(root, '');
  return out;
}

export class DirectorySource implements DataSource {
  readonly files: readonly string[];
  private readonly fileSet: ReadonlySet<string>;

  constructor(
    readonly root: string,
    readonly label: string,
    readonly origin: FileOrigin,
    files?: readonly string[],
  ) {
    this.files = files ?? walkFiles(root);
    this.fileSet = new Set(this.files);
  }

  has(path: string): boolean {
    return this.fileSet.has(path);
  }

  readText(path: string): string {
    try {
      return readFileSync(join(this.root, ...path.split('/')), 'utf8');
    } catch (error) {
      throw wrapError(error, `failed to read ${path} from the ${this.label}`);
    }
  }
}

/**
 * Opens a user's `--data` directory after checking it: it exists, is a directory, holds a
 * `registry.yaml`, contains no symlinks and no `..` paths, and stays within {@link DATA_LIMITS}
 * (file size, total size, entry count, depth).
 */
export function openExternalDirectory(dir: string, overrides: Partial<DataLimits> = {}): DirectorySource {
  const limits = { ...DATA_LIMITS, ...overrides };
  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    throw notFound(`external data directory not found: ${dir}`, {
      cause: error,
      hint: `pass ${optionRef('data')} a directory that exists (it layers over the embedded catalog)`,
    });
  }
  if (!stats.isDirectory()) {
    throw invalidInput(`external data path is not a directory: ${dir}`, { hint: `${optionRef('data')} takes a directory laid out like recipes/` });
  }
  const problems: string[] = [];
  let totalBytes = 0;
  // loadDataCatalog prefixes "<data option>: failed to load the data directory <dir>: ".
  const tooBig = (what: string): AicrError =>
    invalidInput(what, {
      hint: `point ${optionRef('data')} at the directory laid out like recipes/ (registry.yaml at its top), not a folder above it; a data directory holds at most ${limits.maxEntries} entries, ${limits.maxTotalBytes} bytes in all and ${limits.maxDepth} levels of folders`,
      details: { limits },
    });
  let files: string[];
  try {
    files = walkFiles(dir, (relative, absolute) => {
      if (relative.split('/').length > limits.maxDepth) throw tooBig(`${relative} is nested deeper than ${limits.maxDepth} folders (a catalog is 4 deep)`);
      if (relative.includes('..')) problems.push(`path traversal detected: ${relative}`);
      // Names end up in bundles and checksums.txt lines: no control characters or backslashes.
      if (/[\u0000-\u001f\u007f\\]/.test(relative)) problems.push(`unsupported character in file name: ${quoted(relative)}`);
      const entry = lstatSync(absolute);
      if (entry.isSymbolicLink()) problems.push(`symlinks not allowed: ${relative}`);
      else if (entry.isFile() && entry.size > limits.maxFileBytes) problems.push(`file too large (${entry.size} bytes, max ${limits.maxFileBytes}): ${relative}`);
      else if (!entry.isFile() && !entry.isDirectory()) problems.push(`not a regular file: ${relative}`);
      if (entry.isFile()) {
        totalBytes += entry.size;
        if (totalBytes > limits.maxTotalBytes) throw tooBig(`its files add up to more than ${limits.maxTotalBytes} bytes (reached at ${relative}; a catalog is about 1.5 MB)`);
      }
    }, limits.maxEntries);
  } catch (error) {
    if (error instanceof AicrError) throw error;
    if (error instanceof TooManyEntries) throw tooBig(`it holds more than ${limits.maxEntries} files and folders (a catalog holds about 100)`);
    throw wrapError(error, `failed to walk external data directory ${dir}`, ErrorCode.InvalidInput);
  }
  if (problems.length > 0) {
    throw new AicrError(ErrorCode.InvalidInput, `external directory validation failed: ${problems.join('; ')}`, {
      hint: `replace symlinks with real files, keep files under ${limits.maxFileBytes} bytes and avoid ".." in names inside ${dir}`,
      details: { problems },
    });
  }
  if (!files.includes('registry.yaml')) {
    throw invalidInput(`registry.yaml is required in external data directory: ${dir}`, {
      hint: 'add a registry.yaml (kind: ComponentRegistry, components: [] is enough) at the top of the data directory',
    });
  }
  return new DirectorySource(dir, dir, 'external', files);
}
