/**
 * `--template`: the snapshot rendered through a Go template (upstream's custom report) instead of
 * YAML. The template sees upstream's Snapshot structure: `.Kind`, `.APIVersion`, `.Metadata`,
 * `.Measurements` with `.Type` (`.Type.String`), `.Subtypes` with `.Name`, `.Data` (readings with
 * `.String`) and `.Context`. The language is the bundle's Go-template interpreter
 * (bundle/template: its functions, no `define`/`template`).
 *
 * The file is hostile input: a regular file of at most 1 MiB of UTF-8 text; a relative path may
 * not leave the working directory, through `..` or a symbolic link. Errors name the option, the
 * file and the line.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { errorMessage, optionError } from '../errors.js';
import type { Snapshot } from '../documents/types.js';
import { readingText } from '../documents/reading-text.js';
import { GoStringer } from '../bundle/template/values.js';
import { Template, TemplateError } from '../bundle/template/index.js';
import { subtypeName } from './render.js';

const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Largest report a template may print. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface SnapshotTemplate {
  path: string;
  template: Template;
}

const HINT = 'a Go text/template file (upstream\'s snapshot report format); see `aicr snapshot --help`';

/** Reads and parses the template before anything is collected, so a broken one costs nothing. */
export function loadSnapshotTemplate(path: string, workspace: string): SnapshotTemplate {
  const full = resolve(workspace, path);
  let text: string;
  try {
    if (!isAbsolute(path)) {
      const inside = (target: string, root: string) => {
        const rel = relative(root, target);
        return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
      };
      if (!inside(full, resolve(workspace))) throw optionError('template', `${path} is outside the working directory`, { hint: 'name a file inside it, or give an absolute path' });
      if (!inside(realpathSync(full), realpathSync(workspace))) throw optionError('template', `${path} is a symbolic link that leads outside the working directory`, { hint: 'name the file itself' });
    }
    text = readBounded(full, path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw optionError('template', `${path} does not exist`, { hint: 'name an existing template file' });
    }
    if (error instanceof Error && 'code' in error && typeof (error as NodeJS.ErrnoException).code === 'string') {
      throw optionError('template', `cannot read ${path}: ${errorMessage(error)}`, { hint: 'name a readable template file' });
    }
    throw error;
  }
  try {
    return { path, template: Template.parse(text) };
  } catch (error) {
    throw templateError(error, path);
  }
}

function readBounded(full: string, shown: string): string {
  const fd = openSync(full, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw optionError('template', `${shown} is not a regular file`, { hint: 'name a template file' });
    if (stat.size > MAX_TEMPLATE_BYTES) throw optionError('template', `${shown} is ${stat.size} bytes, more than ${MAX_TEMPLATE_BYTES}`, { hint: 'a report template is a few kilobytes' });
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_TEMPLATE_BYTES) + 1);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    if (read > MAX_TEMPLATE_BYTES) throw optionError('template', `${shown} is more than ${MAX_TEMPLATE_BYTES} bytes`, { hint: 'a report template is a few kilobytes' });
    const bytes = buffer.subarray(0, read);
    if (bytes.includes(0)) throw optionError('template', `${shown} is not text (it holds a NUL byte)`, { hint: HINT });
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw optionError('template', `${shown} is not UTF-8 text`, { hint: HINT });
    }
  } finally {
    closeSync(fd);
  }
}

function templateError(error: unknown, path: string): unknown {
  if (!(error instanceof TemplateError)) return error;
  return optionError('template', `${path}:${error.line}: ${error.message}`, { location: { file: path, line: error.line }, hint: HINT });
}

/** The snapshot as upstream's Go structs present it to a template. */
function templateData(snapshot: Snapshot): Record<string, unknown> {
  return {
    Kind: snapshot.kind ?? 'Snapshot',
    APIVersion: snapshot.apiVersion ?? '',
    Metadata: { ...(snapshot.metadata ?? {}) },
    Measurements: snapshot.measurements.map((measurement) => ({
      Type: new GoStringer(measurement.type, 'measurement.Type', true),
      Subtypes: (measurement.subtypes ?? []).map((subtype) => ({
        Name: subtypeName(subtype),
        Data: Object.fromEntries(Object.entries(subtype.data ?? {}).map(([key, value]) => [key, new GoStringer(readingText(value), 'measurement.Reading', false)])),
        Context: { ...(subtype.context ?? {}) },
      })),
    })),
  };
}

/** Renders the report; an execution error names the option, the file and the line. */
export function renderSnapshotTemplate(loaded: SnapshotTemplate, snapshot: Snapshot): string {
  try {
    return loaded.template.execute(templateData(snapshot), { maxOutputBytes: MAX_OUTPUT_BYTES });
  } catch (error) {
    throw templateError(error, loaded.path);
  }
}
