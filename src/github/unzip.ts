/**
 * Extracts a downloaded artifact's zip into a fresh folder, refusing anything that could leave it
 * or fill the disk: names with `..`, absolute or drive paths, backslashes, symbolic links, the same
 * name twice, encryption, methods other than stored and deflate, more entries or bytes than the
 * limits, and entries that inflate to other bytes than their header says (size or CRC).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { invalidInput } from '../core/errors.js';

export interface ZipLimits {
  /** Most entries (default 10,000). */
  maxEntries?: number;
  /** Most bytes of all entries together once extracted (default 512 MiB). */
  maxTotalBytes?: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Unix mode when the archive was made on Unix (0 otherwise). */
  mode: number;
  localOffset: number;
}

/** Why an entry name may not be extracted, or undefined when it is a plain relative path. */
function unsafeName(name: string): string | undefined {
  if (name === '' || name === '/') return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (name.includes('\\')) return 'has a backslash in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.replace(/\/$/, '').split('/').some((part) => part === '..' || part === '.' || part === '')) return 'has a path that leaves its folder (.., . or an empty segment)';
  return undefined;
}

function directory(zip: Buffer, label: string): Entry[] {
  const fail = (problem: string): never => {
    throw invalidInput(`${label}: not a usable zip archive: ${problem}`, { hint: 'upload it again with upload-artifact (or actions/upload-artifact)' });
  };
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) fail('no end-of-directory record');
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) fail('zip64 archives are not supported');
  if (offset + size > end) fail('the directory lies outside the archive');
  const entries: Entry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL_ENTRY) fail(`directory entry ${index + 1} is damaged`);
    const madeBy = zip.readUInt16LE(at + 4) >> 8;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      mode: madeBy === 3 ? zip.readUInt32LE(at + 38) >>> 16 : 0,
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Extracts `zip` into `target` (an empty folder that exists); returns the extracted files'
 * relative paths in archive order. `label` names the artifact in messages.
 */
export function extractZip(zip: Buffer, target: string, label: string, limits: ZipLimits = {}): string[] {
  const maxEntries = limits.maxEntries ?? 10_000;
  const maxTotal = limits.maxTotalBytes ?? 512 * 1024 * 1024;
  const refuse = (entry: string, problem: string): never => {
    throw invalidInput(`${label}: refused entry ${JSON.stringify(entry)}: it ${problem}`, {
      hint: 'nothing was extracted; the artifact was not made by upload-artifact from plain files: upload it again from the files themselves',
    });
  };
  const entries = directory(zip, label);
  if (entries.length > maxEntries) throw invalidInput(`${label}: ${entries.length} entries, more than the ${maxEntries} allowed`, { hint: 'upload fewer files in one artifact' });
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > maxTotal) throw invalidInput(`${label}: ${total} bytes once extracted, more than the ${maxTotal} allowed`, { hint: 'upload smaller artifacts (documents and bundles are far smaller)' });
  // Every name is checked before anything is written: a hostile archive leaves nothing behind.
  const seen = new Set<string>();
  for (const entry of entries) {
    const problem = unsafeName(entry.name);
    if (problem) refuse(entry.name, problem);
    const type = entry.mode & S_IFMT;
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) refuse(entry.name, type === 0o120000 ? 'is a symbolic link' : 'is not a plain file or folder');
    if (entry.flags & 1) refuse(entry.name, 'is encrypted');
    if (entry.method !== 0 && entry.method !== 8) refuse(entry.name, `uses compression method ${entry.method} (only stored and deflate are read)`);
    const key = entry.name.replace(/\/$/, '').normalize('NFC').toLowerCase();
    if (seen.has(key)) refuse(entry.name, 'appears twice (or differs from another only in case)');
    seen.add(key);
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(target, entry.name);
    if (entry.name.endsWith('/') || (entry.mode & S_IFMT) === S_IFDIR) {
      mkdirSync(path, { recursive: true });
      continue;
    }
    const at = entry.localOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_ENTRY) refuse(entry.name, 'has a damaged local header');
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    if (start + entry.compressedSize > zip.length) refuse(entry.name, 'ends past the end of the archive');
    const stored = zip.subarray(start, start + entry.compressedSize);
    let data: Buffer;
    try {
      // Never more than the header promises: a bomb that lies about its size stops here.
      data = entry.method === 8 ? inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.size) }) : stored;
    } catch {
      return refuse(entry.name, `does not inflate to the ${entry.size} bytes its header declares`);
    }
    if (data.length !== entry.size) refuse(entry.name, `holds ${data.length} bytes, not the ${entry.size} its header declares`);
    if (crc32(data) !== entry.crc) refuse(entry.name, 'does not match its CRC-32');
    mkdirSync(dirname(path), { recursive: true });
    // wx: never through something already there.
    writeFileSync(path, data, { flag: 'wx', mode: 0o644 });
    files.push(entry.name);
  }
  return files;
}
