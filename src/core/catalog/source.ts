/**
 * Where recipe data files come from: a directory on disk (the embedded catalog or a user's
 * `--data` directory), and the layering of an external directory over the embedded one.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AicrError, ErrorCode, invalidInput, notFound, wrapError } from '../errors.js';
import { MAX_DOCUMENT_BYTES } from '../documents/parse.js';
import { optionRef } from '../option-refs.js';
import { quoted } from '../safe-text.js';

/** Largest single file accepted in a data directory (upstream's limit). */
const MAX_DATA_FILE_BYTES = MAX_DOCUMENT_BYTES;

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

/** Lists regular files below `root`, depth first, entries of a directory in lexical order. */
export function walkFiles(root: string, onEntry?: (relative: string, absolute: string) => void): string[] {
  const out: string[] = [];
  const visit = (dir: string, prefix: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relative = prefix + entry.name;
      const absolute = join(dir, entry.name);
      onEntry?.(relative, absolute);
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
 * `registry.yaml`, and contains no symlinks, no `..` paths and no file over the size limit.
 */
export function openExternalDirectory(dir: string, maxFileBytes = MAX_DATA_FILE_BYTES): DirectorySource {
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
  let files: string[];
  try {
    files = walkFiles(dir, (relative, absolute) => {
      if (relative.includes('..')) problems.push(`path traversal detected: ${relative}`);
      // Names end up in bundles and checksums.txt lines: no control characters or backslashes.
      if (/[\u0000-\u001f\u007f\\]/.test(relative)) problems.push(`unsupported character in file name: ${quoted(relative)}`);
      const entry = lstatSync(absolute);
      if (entry.isSymbolicLink()) problems.push(`symlinks not allowed: ${relative}`);
      else if (entry.isFile() && entry.size > maxFileBytes) problems.push(`file too large (${entry.size} bytes, max ${maxFileBytes}): ${relative}`);
      else if (!entry.isFile() && !entry.isDirectory()) problems.push(`not a regular file: ${relative}`);
    });
  } catch (error) {
    throw wrapError(error, `failed to walk external data directory ${dir}`, ErrorCode.InvalidInput);
  }
  if (problems.length > 0) {
    throw new AicrError(ErrorCode.InvalidInput, `external directory validation failed: ${problems.join('; ')}`, {
      hint: `replace symlinks with real files, keep files under ${maxFileBytes} bytes and avoid ".." in names inside ${dir}`,
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
