/** The artifact zip reader: plain archives extract byte for byte; anything else is refused before a byte is written. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AicrError } from '../../src/core/errors.js';
import { extractZip } from '../../src/github/unzip.js';
import { buildZip, type ZipEntry } from '../fake-artifacts/zip.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aicr-unzip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function refusal(zip: Buffer, limits = {}): AicrError {
  try {
    extractZip(zip, dir, 'artifact "x"', limits);
  } catch (error) {
    expect(error).toBeInstanceOf(AicrError);
    expect((error as AicrError).exitCode).toBe(2);
    return error as AicrError;
  }
  throw new Error('not refused');
}

describe('extractZip', () => {
  it('extracts stored and deflated entries, folders included, byte for byte', () => {
    const binary = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const files = extractZip(buildZip([{ name: 'dir/', mode: 0o040755 }, { name: 'dir/a.yaml', data: 'a: 1\n' }, { name: 'b.bin', data: binary, method: 0 }, { name: 'empty', data: '' }]), dir, 'x');
    expect(files).toEqual(['dir/a.yaml', 'b.bin', 'empty']);
    expect(readFileSync(join(dir, 'dir', 'a.yaml'), 'utf8')).toBe('a: 1\n');
    expect(readFileSync(join(dir, 'b.bin')).equals(binary)).toBe(true);
    expect(readFileSync(join(dir, 'empty'), 'utf8')).toBe('');
  });

  it.each<[string, ZipEntry[], RegExp]>([
    ['a .. segment', [{ name: 'a/../../x', data: '' }], /leaves its folder/],
    ['a . segment', [{ name: './x', data: '' }], /leaves its folder/],
    ['an absolute path', [{ name: '/etc/x', data: '' }], /absolute path/],
    ['a drive path', [{ name: 'C:/x', data: '' }], /absolute path/],
    ['a backslash', [{ name: '..\\x', data: '' }], /backslash/],
    ['a NUL', [{ name: 'x\0.yaml', data: '' }], /NUL/],
    ['a symbolic link', [{ name: 'l', data: '/etc/passwd', mode: 0o120777 }], /symbolic link/],
    ['a device', [{ name: 'd', data: '', mode: 0o020644 }], /not a plain file/],
    ['the same name twice', [{ name: 'a', data: '1' }, { name: 'a', data: '2' }], /appears twice/],
    ['a size that lies', [{ name: 'a', data: Buffer.alloc(50_000), declaredSize: 100 }], /does not inflate to the 100 bytes/],
  ])('refuses %s and writes nothing', (_label, entries, message) => {
    // A good entry first: nothing is written before every name is checked (except inflation lies, found while writing).
    const error = refusal(buildZip([{ name: 'good.yaml', data: 'ok' }, ...entries]));
    expect(error.message).toMatch(message);
    if (!/inflate/.test(message.source)) expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a damaged CRC, unknown methods, encryption, too many entries or bytes, and what is not a zip', () => {
    const good = buildZip([{ name: 'a', data: 'hello', method: 0 }]);
    const flipped = Buffer.from(good);
    flipped[30 + 1] = 'x'.charCodeAt(0); // a byte of the stored data, after the 30-byte header and the 1-byte name
    expect(refusal(flipped).message).toMatch(/CRC-32/);
    const method = Buffer.from(good);
    method.writeUInt16LE(12, method.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(refusal(method).message).toMatch(/compression method 12/);
    const encrypted = Buffer.from(good);
    encrypted.writeUInt16LE(1, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(refusal(encrypted).message).toMatch(/encrypted/);
    expect(refusal(buildZip([{ name: 'a' }, { name: 'b' }]), { maxEntries: 1 }).message).toMatch(/2 entries, more than the 1 allowed/);
    expect(refusal(buildZip([{ name: 'a', data: 'x'.repeat(100) }]), { maxTotalBytes: 10 }).message).toMatch(/100 bytes once extracted/);
    expect(refusal(Buffer.from('not a zip at all, just text')).message).toMatch(/no end-of-directory record/);
  });
});
