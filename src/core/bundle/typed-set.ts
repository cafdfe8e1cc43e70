/**
 * `--set-json component:path=<json>` and `--set-file component:path=<file>`: list and object
 * overrides that scalar `--set` cannot express. Upstream's rules: objects deep-merge into the map
 * at the path (a null inside removes that key), lists and scalars replace; they apply after
 * `--set` and the scheduling flags, shallowest path first; on the same component key and path
 * `--set-json` beats `--set-file` and a later flag beats an earlier one; `enabled` (the component
 * toggle) is refused, since it would land in the chart values instead of removing the component.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ErrorCode, invalidInput, notFound, optionError, wrapError } from '../errors.js';
import { checkDepth } from '../documents/depth.js';
import { parseDocumentSync } from '../documents/parse.js';
import { optionRef } from '../option-refs.js';
import { jsonSyntaxReason, quoted } from '../safe-text.js';
import { compareStrings, isPlainObject } from '../serialize.js';
import { deepClone, setOwn } from '../util/objects.js';
import { parseSetFlag } from './set.js';

/** Largest `--set-file` file and largest `--set-json` value (upstream's MaxSetFileBytes, 1 MiB). */
const MAX_TYPED_VALUE_BYTES = 1024 * 1024;
/** Largest sum of all typed values of one run: many maximal files would otherwise fill memory. */
const MAX_TYPED_TOTAL_BYTES = 16 * 1024 * 1024;

type TypedSource = 'set-json' | 'set-file';

export interface TypedOverride {
  source: TypedSource;
  /** The component key as written (a component name or one of its aliases). */
  key: string;
  /** Dot path inside the component's values. */
  path: string;
  /** The decoded value (JSON, or the file's YAML/JSON document). */
  value: unknown;
  /** Precedence: every `--set-file` comes before every `--set-json`; within a flag, in order. */
  order: number;
  /** `--set-file`: the file as written. */
  file?: string;
}

/** The component toggle; only scalar `--set` may carry it. */
const ENABLED = 'enabled';

function refuseEnabled(override: Pick<TypedOverride, 'source' | 'key' | 'path'>): void {
  if (override.path !== ENABLED) return;
  throw optionError(override.source, `"${ENABLED}" is the component enable/disable toggle and must be set with ${optionRef('set')} (e.g. ${optionRef('set')} ${override.key}:${ENABLED}=false), not ${optionRef('set-json')} or ${optionRef('set-file')}`, {
    hint: `move ${override.key}:${ENABLED} to ${optionRef('set')}; through a typed override it would only write a stray "${ENABLED}:" chart value`,
  });
}

/** Parses every `--set-json` flag. `first` is the precedence of the first one (after all `--set-file`). */
function parseSetJsonFlags(flags: readonly string[], first = 0, budget = new Budget()): TypedOverride[] {
  return flags.map((text, index) => {
    const { key, path, raw } = parseSetFlag(text, index, 'set-json', { form: 'component:path=<json>', example: `agentgateway:allowedSourceRanges='["10.0.0.0/8"]'` });
    refuseEnabled({ source: 'set-json', key, path });
    const label = `${key}:${path}`;
    budget.take(Buffer.byteLength(raw), 'set-json', label);
    let value: unknown;
    try {
      value = JSON.parse(raw) as unknown;
    } catch (error) {
      throw optionError('set-json', `invalid override ${quoted(label)}: the value is not JSON: ${jsonSyntaxReason(error)}`, {
        hint: `write the value as JSON, quoted for your shell: ${key}:${path}='["a","b"]' or '{"key":"value"}' (a string is written '"text"')`,
      });
    }
    checkDepth(value, `${optionRef('set-json')} ${label}`);
    return { source: 'set-json', key, path, value, order: first + index };
  });
}

/**
 * Parses every `--set-file` flag and reads its file (YAML or JSON, one document). A relative
 * path starts at `workspace`; a path inside the workspace may not lead out of it through a
 * symbolic link. Only regular files are read (a FIFO would block, a device never end).
 */
function parseSetFileFlags(flags: readonly string[], workspace = process.cwd(), budget = new Budget()): TypedOverride[] {
  return flags.map((text, index) => {
    const { key, path, raw } = parseSetFlag(text, index, 'set-file', { form: 'component:path=<file>', example: 'agentgateway:allowedSourceRanges=ranges.yaml' });
    refuseEnabled({ source: 'set-file', key, path });
    const label = `${key}:${path}`;
    const content = readValueFile(raw, workspace, label, budget);
    const value = parseDocumentSync(content, raw, { maxBytes: MAX_TYPED_VALUE_BYTES }).value;
    return { source: 'set-file', key, path, value, order: index, file: raw };
  });
}

/** Both typed flags in precedence order (`--set-file` first, so `--set-json` wins on a shared path). */
export function parseTypedFlags(setFile: readonly string[], setJson: readonly string[], workspace?: string): TypedOverride[] {
  const budget = new Budget();
  const files = parseSetFileFlags(setFile, workspace, budget);
  return [...files, ...parseSetJsonFlags(setJson, files.length, budget)];
}

/** Counts bytes of typed values against the per-value and per-run limits. */
class Budget {
  private used = 0;

  take(size: number, input: TypedSource, label: string): void {
    if (size > MAX_TYPED_VALUE_BYTES) {
      throw optionError(input, `override ${quoted(label)}: the value is too large (${size} bytes, limit ${MAX_TYPED_VALUE_BYTES} bytes)`, {
        hint: 'set a smaller value, or move large values into the recipe (componentRefs[].overrides) or a values file of a --data catalog',
      });
    }
    this.used += size;
    if (this.used > MAX_TYPED_TOTAL_BYTES) {
      throw optionError(input, `the typed overrides together exceed ${MAX_TYPED_TOTAL_BYTES} bytes`, { hint: 'pass fewer or smaller --set-json and --set-file values' });
    }
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function readValueFile(file: string, workspace: string, label: string, budget: Budget): string {
  const where = `${optionRef('set-file')} ${label}`;
  const lexical = resolve(workspace, file);
  let real: string;
  try {
    real = realpathSync(lexical);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      throw notFound(`${where}: file not found: ${file}`, { cause: error, hint: 'check the path (relative paths start at the working directory)', option: 'set-file' });
    }
    throw wrapError(error, `${where}: cannot read ${file}`, ErrorCode.InvalidInput);
  }
  let workspaceReal = workspace;
  try {
    workspaceReal = realpathSync(workspace);
  } catch {
    // An unreadable workspace: compare with the path as given.
  }
  if (inside(resolve(workspace), lexical) && !inside(workspaceReal, real)) {
    throw optionError('set-file', `${label}: ${quoted(file)} is a symbolic link that leads outside the workspace`, {
      hint: 'copy the value file into the workspace instead of linking to it',
    });
  }
  let fd: number;
  try {
    // Non-blocking: opening a FIFO put in place after the check must not wait for a writer.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw wrapError(error, `${where}: cannot read ${file}`, ErrorCode.InvalidInput);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw optionError('set-file', `${label}: ${quoted(file)} is not a regular file`, { hint: 'pass the path of a YAML or JSON file holding the value' });
    }
    budget.take(stats.size, 'set-file', label);
    // One byte more than fstat reported: a file that grows while it is read is noticed, not cut short.
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0 || (length += read) === buffer.length) break;
    }
    if (length > stats.size) throw optionError('set-file', `${label}: ${quoted(file)} changed while it was read`, { hint: 'pass a file that no other process is writing' });
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Typed overrides in application order: shallowest path first, then by path (upstream's order). */
export function applicationOrder(overrides: readonly TypedOverride[]): TypedOverride[] {
  const depth = (path: string): number => path.split('.').length;
  return [...overrides].sort((a, b) => depth(a.path) - depth(b.path) || compareStrings(a.path, b.path));
}

/**
 * Applies one typed override: a map merges into the map at the path (null removes a key, at
 * every depth), anything else replaces it. A non-map on the way is an error.
 */
export function applyTypedOverride(values: Record<string, unknown>, override: TypedOverride): void {
  const segments = override.path.split('.');
  let node = values;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const next = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (isPlainObject(next)) {
      node = next;
      continue;
    }
    if (next !== undefined && next !== null) {
      throw invalidInput(`${optionRef(override.source)} ${override.key}:${override.path}: path segment "${segment}" exists but is not a map (it holds ${Array.isArray(next) ? 'a list' : `the ${typeof next} ${quoted(String(next))}`})`, {
        hint: `set the whole "${segments.slice(0, i + 1).join('.')}" value instead, or pick a path below a map`,
      });
    }
    const created: Record<string, unknown> = {};
    setOwn(node, segment, created);
    node = created;
  }
  const last = segments[segments.length - 1]!;
  const incoming = override.value;
  if (isPlainObject(incoming)) {
    const existing = Object.prototype.hasOwnProperty.call(node, last) ? node[last] : undefined;
    const target = isPlainObject(existing) ? existing : {};
    mergeInto(target, incoming);
    setOwn(node, last, target);
    return;
  }
  setOwn(node, last, deepClone(incoming));
}

/** Merges `source` into `target` in place: maps recursively, null deletes, the rest replaces (copied). */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  const stack: Array<[Record<string, unknown>, Record<string, unknown>]> = [[target, source]];
  while (stack.length > 0) {
    const [into, from] = stack.pop()!;
    for (const key of Object.keys(from)) {
      const incoming = from[key];
      if (incoming === null) {
        delete into[key];
        continue;
      }
      if (isPlainObject(incoming)) {
        const existing = Object.prototype.hasOwnProperty.call(into, key) ? into[key] : undefined;
        const child = isPlainObject(existing) ? existing : {};
        setOwn(into, key, child);
        stack.push([child, incoming]);
        continue;
      }
      setOwn(into, key, deepClone(incoming));
    }
  }
}
