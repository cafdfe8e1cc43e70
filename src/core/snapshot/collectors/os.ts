/**
 * OS collector (`type: OS`), four sources read in upstream AICR's order, each on its own:
 * `grub` (the running kernel's command line, /proc/cmdline), `sysctl` (every readable file under
 * /proc/sys except /proc/sys/net), `kmod` (/proc/modules) and `release` (/etc/os-release, else
 * /usr/lib/os-release). A source that cannot be read is left out and its reason recorded in
 * `unavailable.subtypes`; nothing is ever written to these files.
 *
 * Filters (upstream's, plus one of ours): the `root=` kernel argument (it names the boot
 * disk); everything under /proc/sys/net; /proc/sys/dev/cdrom/*; and /proc/sys/kernel/random/uuid,
 * which the kernel answers with a fresh random value on every read, so it describes nothing.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Measurement, Reading, Subtype } from '../../documents/types.js';
import type { Collector, CollectorContext, CollectorResult } from '../collector.js';

export interface OsCollectorOptions {
  /** Where procfs is mounted (default `/proc`). */
  procRoot?: string;
  /** Directory holding os-release (default `/etc`). */
  etcRoot?: string;
  /** Fallback directory holding os-release (default `/usr/lib`). */
  usrLibRoot?: string;
  /** Most /proc/sys files read (default 20,000; real nodes have about 1,000–1,500 outside net). */
  maxSysctlFiles?: number;
}

/** Largest file any OS source reads (upstream's limit). */
const MAX_OS_FILE_BYTES = 1024 * 1024;

const SYSCTL_EXCLUDED_PREFIXES = ['/proc/sys/dev/cdrom/'];
const SYSCTL_EXCLUDED_KEYS = new Set(['/proc/sys/kernel/random/uuid']);
const GRUB_EXCLUDED_KEYS = new Set(['root']);

/** Why a file could not be read, phrased for a person. */
class SourceUnavailable extends Error {}

/**
 * Reads a file of at most `maxBytes` bytes as UTF-8 text. Throws SourceUnavailable (absent,
 * unreadable, too large, not UTF-8). Reads at most maxBytes + 1 bytes, whatever the file claims.
 */
async function readTextFile(path: string, shownAs: string, maxBytes = MAX_OS_FILE_BYTES): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new SourceUnavailable(describeFsError(error, shownAs));
  }
  try {
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        throw new SourceUnavailable(describeFsError(error, shownAs));
      }
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new SourceUnavailable(`${shownAs} is larger than ${maxBytes} bytes`);
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      throw new SourceUnavailable(`${shownAs} is not valid UTF-8 text`);
    }
  } finally {
    await handle.close();
  }
}

const procBuffer = Buffer.alloc(MAX_OS_FILE_BYTES + 1);
const PROC_READ_CHUNK = 4096;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** One /proc/sys file as text; undefined when it cannot be read, is too large or is not UTF-8. */
function readProcFile(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    let total = 0;
    for (;;) {
      // Small reads: the kernel allocates a buffer of the requested size for every sysctl read.
      const read = readSync(fd, procBuffer, total, Math.min(PROC_READ_CHUNK, procBuffer.length - total), null);
      if (read === 0) break;
      total += read;
      if (total > MAX_OS_FILE_BYTES) return undefined;
    }
    return strictUtf8.decode(procBuffer.subarray(0, total));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function describeFsError(error: unknown, shownAs: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${shownAs} does not exist`;
  if (code === 'EACCES' || code === 'EPERM') return `${shownAs} cannot be read (permission denied)`;
  if (code === 'EISDIR') return `${shownAs} is a directory`;
  return `${shownAs} cannot be read: ${(error as Error).message}`;
}

/** Lines of a text file as upstream's shared parser sees them: trimmed, non-empty, no `#` comments. */
function contentLines(text: string, delimiter = '\n'): string[] {
  return text.split(delimiter).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Kernel command line → readings: tokens split on single spaces; `key=value` at the first `=`
 * (value verbatim), bare flags → `""`; the last repeat wins; `root` is dropped.
 */
export function parseKernelCommandLine(text: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const token of contentLines(text, ' ')) {
    const eq = token.indexOf('=');
    const key = eq < 0 ? token : token.slice(0, eq).trim();
    const value = eq < 0 ? '' : token.slice(eq + 1).trim();
    if (key === '' || GRUB_EXCLUDED_KEYS.has(key)) continue;
    data[key] = value;
  }
  return data;
}

/** /proc/modules → `{ module: true }` for every loaded module. */
function parseModules(text: string): Record<string, boolean> {
  const data: Record<string, boolean> = {};
  for (const line of contentLines(text)) data[line.split(/\s+/)[0]!] = true;
  return data;
}

/**
 * os-release → readings: `KEY=VALUE` lines, comments and lines without `=` skipped, the value
 * trimmed and stripped of every leading and trailing `"` and `'` (no escape processing), empty
 * values skipped; the last repeat wins.
 */
export function parseOsRelease(text: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const line of contentLines(text)) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim().replace(/^["']+/, '').replace(/["']+$/, '');
    if (key === '' || value === '') continue;
    data[key] = value;
  }
  return data;
}

/**
 * Readings of one /proc/sys file (`key` is its /proc/sys path): one reading per line
 * (`<key>/<first field>` → the other fields joined by a space) when the file has several lines
 * that all have two or more fields; otherwise one reading, the lines joined by newlines.
 */
export function sysctlReadings(key: string, text: string, into: Record<string, string>): void {
  const lines = contentLines(text);
  if (lines.length > 1 && lines.every((line) => line.split(/\s+/).length >= 2)) {
    for (const line of lines) {
      const fields = line.split(/\s+/);
      into[`${key}/${fields[0]}`] = fields.slice(1).join(' ');
    }
    return;
  }
  into[key] = lines.join('\n');
}

/** Walks `<procRoot>/sys` (not `net`, not symlinks) and reads every readable file. */
async function readSysctl(procRoot: string, options: { signal?: AbortSignal; maxFiles?: number } = {}): Promise<{ data: Record<string, string>; truncated: boolean }> {
  const root = join(procRoot, 'sys');
  const maxFiles = options.maxFiles ?? 20_000;
  const files: string[] = [];
  let truncated = false;
  try {
    await readdir(root);
  } catch (error) {
    throw new SourceUnavailable(describeFsError(error, `${procRoot}/sys`));
  }
  const walk = async (relative: string): Promise<void> => {
    if (options.signal?.aborted) throw new SourceUnavailable('the snapshot deadline passed while reading /proc/sys');
    let entries;
    try {
      entries = await readdir(join(root, relative), { withFileTypes: true });
    } catch {
      return; // an unreadable directory is skipped like an unreadable file
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (path === 'net') continue;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        if (files.length >= maxFiles) {
          truncated = true;
          return;
        }
        files.push(path);
      }
      // symlinks and special files are skipped
    }
  };
  await walk('');
  const data: Record<string, string> = {};
  const texts: Array<string | undefined> = new Array(files.length);
  // procfs answers from memory, so plain reads are several times faster than the thread pool;
  // the event loop gets a turn between batches, which keeps deadlines and other collectors live.
  const batch = 64;
  for (let start = 0; start < files.length; start += batch) {
    if (options.signal?.aborted) throw new SourceUnavailable('the snapshot deadline passed while reading /proc/sys');
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (let index = start; index < Math.min(start + batch, files.length); index++) {
      // write-only, permission-denied, oversized or binary files are skipped one by one
      texts[index] = readProcFile(join(root, files[index]!));
    }
  }
  files.forEach((path, index) => {
    const text = texts[index];
    if (text === undefined) return;
    const key = `/proc/sys/${path}`;
    if (SYSCTL_EXCLUDED_KEYS.has(key)) return;
    sysctlReadings(key, text, data);
  });
  for (const key of Object.keys(data)) {
    if (SYSCTL_EXCLUDED_PREFIXES.some((prefix) => key.startsWith(prefix))) delete data[key];
  }
  return { data, truncated };
}

/** The OS collector; roots are injectable so tests run it on fixture trees. */
export function osCollector(options: OsCollectorOptions = {}): Collector {
  const procRoot = options.procRoot ?? '/proc';
  const etcRoot = options.etcRoot ?? '/etc';
  const usrLibRoot = options.usrLibRoot ?? '/usr/lib';
  return {
    name: 'os',
    async collect(context: CollectorContext): Promise<CollectorResult> {
      const subtypes: Subtype[] = [];
      const missing: Record<string, string> = {};
      const source = async (name: string, read: () => Promise<Record<string, Reading>>): Promise<void> => {
        try {
          subtypes.push({ subtype: name, data: await read() });
        } catch (error) {
          missing[name] = error instanceof SourceUnavailable ? error.message : `reading failed: ${(error as Error).message}`;
        }
      };
      await source('grub', async () => parseKernelCommandLine(await readTextFile(join(procRoot, 'cmdline'), '/proc/cmdline')));
      await source('sysctl', async () => {
        const { data, truncated } = await readSysctl(procRoot, { signal: context.signal, maxFiles: options.maxSysctlFiles ?? 20_000 });
        if (truncated) context.logger.warning(`OS: /proc/sys has more than ${options.maxSysctlFiles ?? 20_000} files; the rest were not read`);
        return data;
      });
      await source('kmod', async () => parseModules(await readTextFile(join(procRoot, 'modules'), '/proc/modules')));
      await source('release', async () => {
        try {
          return parseOsRelease(await readTextFile(join(etcRoot, 'os-release'), '/etc/os-release'));
        } catch (error) {
          if (!(error instanceof SourceUnavailable) || !error.message.endsWith('does not exist')) throw error;
          try {
            return parseOsRelease(await readTextFile(join(usrLibRoot, 'os-release'), '/usr/lib/os-release'));
          } catch (fallbackError) {
            if (fallbackError instanceof SourceUnavailable && fallbackError.message.endsWith('does not exist')) {
              throw new SourceUnavailable('neither /etc/os-release nor /usr/lib/os-release exists');
            }
            throw fallbackError;
          }
        }
      });
      const names = Object.keys(missing);
      if (subtypes.length === 0) {
        return { status: 'unavailable', reason: names.map((name) => `${name}: ${missing[name]}`).join('; ') };
      }
      const measurement: Measurement = { type: 'OS', subtypes };
      if (names.length) {
        measurement.unavailable = { reason: `${names.length} of 4 OS sources unavailable (${names.join(', ')})`, subtypes: missing };
      }
      return { status: 'collected', measurements: [measurement] };
    },
  };
}
