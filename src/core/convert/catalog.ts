/**
 * Converting a whole `--data` catalog: its documents (registry.yaml, overlays/, mixins/) get
 * the current apiVersions; every other file is left alone. Nothing is written until every
 * document converted, so a bad file stops the run before any change.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { invalidInput, wrapError, ErrorCode } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { trackTemporary } from '../interrupts.js';
import { openExternalDirectory } from '../catalog/source.js';
import { temporaryName } from '../util/temp-names.js';
import { convertDocumentText, type DocumentConversion } from './convert.js';

export interface ConvertedFile {
  /** Path relative to the catalog root. */
  path: string;
  before: string;
  after: string;
  change: DocumentConversion;
}

/** The catalog's documents, as the loader finds them (values, manifests and checks are not documents). */
export function isCatalogDocument(path: string): boolean {
  if (path === 'registry.yaml') return true;
  if (!path.endsWith('.yaml')) return false;
  return path.startsWith('overlays/') || (path.startsWith('mixins/') && !path.slice('mixins/'.length).includes('/'));
}

/**
 * The documents of the catalog at `dir` whose apiVersion changes, in path order. The directory
 * is checked as `--data` is (no symlinks, bounded size and entry count).
 */
export async function convertCatalog(dir: string): Promise<ConvertedFile[]> {
  const source = openExternalDirectory(dir);
  const label = dir.replace(/\/+$/, '');
  const converted: ConvertedFile[] = [];
  for (const path of [...source.files].filter(isCatalogDocument).sort()) {
    const before = source.readText(path);
    const { text, change } = await convertDocumentText(before, `${label}/${path}`);
    if (change) converted.push({ path, before, after: text, change });
  }
  return converted;
}

/** Rewrites the converted files in place, each one replaced atomically. */
export function writeConvertedInPlace(dir: string, files: readonly ConvertedFile[], option: string): void {
  for (const file of files) {
    const path = join(dir, ...file.path.split('/'));
    writeFileAtomic(path, file.after, option, statSync(path).mode & 0o777);
  }
}

/**
 * Writes a converted copy of the catalog at `dir` to `output`, which must not exist yet: the copy
 * is built in a temporary folder beside it and renamed into place, so `output` is either whole
 * or absent.
 */
export function writeConvertedCopy(dir: string, files: readonly ConvertedFile[], output: string, option: string): void {
  if (existsSync(output)) {
    throw invalidInput(`${option}: ${output} already exists`, { hint: 'name a new folder for the converted copy, or leave the output out to convert in place' });
  }
  const source = openExternalDirectory(dir);
  const changed = new Map(files.map((file) => [file.path, file.after]));
  const parent = dirname(output);
  const temp = join(parent, temporaryName(basename(output), 'tmp'));
  const untrack = trackTemporary(temp);
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(temp);
    for (const path of source.files) {
      const target = join(temp, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      const text = changed.get(path);
      writeFileSync(target, text ?? readFileSync(join(dir, ...path.split('/'))), { flag: 'wx' });
    }
    renameSync(temp, output);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw wrapError(error, `${option}: cannot write the converted catalog to ${output}`, ErrorCode.InvalidInput);
  } finally {
    untrack();
  }
}
