// A full disk is a clear error (exit 8) that leaves nothing half-written: the atomic writers'
// temporary files and the bundle's staging directory are removed, earlier content survives.
import type * as fs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeBundle } from '../../../src/core/bundle/output.js';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';
import { writeFileAtomic } from '../../../src/core/io.js';
import { tempDir } from '../../helpers/catalog.js';
import { deviceNode, fullDevice } from '../../helpers/full-device.js';

const FULL = fullDevice();
const NULL = deviceNode('null');

/** Bytes the disk takes before it is full; Infinity when it is not. */
const disk = vi.hoisted(() => ({ room: Infinity }));

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const writeSync = (fd: number, buffer: Uint8Array, offset = 0, length = buffer.length - offset): number => {
    if (disk.room <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    const taken = Math.min(length, disk.room);
    disk.room -= taken;
    return actual.writeSync(fd, buffer, offset, taken);
  };
  return { ...actual, writeSync, default: { ...actual, writeSync } };
});

afterEach(() => {
  disk.room = Infinity;
});

function failure(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return expect.fail('expected the write to fail');
}

describe('a full disk', () => {
  it('fails a file write with exit 8 and a hint, leaving no file and no temporary', () => {
    const dir = tempDir();
    disk.room = 10;
    const error = failure(() => writeFileAtomic(join(dir, 'recipe.yaml'), 'x'.repeat(1000)));
    expect(exitCodeFor(error)).toBe(8);
    expect(formatError(error)).toContain(`--output: cannot write ${join(dir, 'recipe.yaml')}: ENOSPC: no space left on device`);
    expect(formatError(error)).toContain('hint: the file system is full (or over quota)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the previous file whole when its replacement does not fit', () => {
    const dir = tempDir();
    const path = join(dir, 'recipe.yaml');
    writeFileSync(path, 'old content\n');
    disk.room = 3;
    expect(exitCodeFor(failure(() => writeFileAtomic(path, 'new content that does not fit\n')))).toBe(8);
    expect(readFileSync(path, 'utf8')).toBe('old content\n');
    expect(readdirSync(dir)).toEqual(['recipe.yaml']);
  });

  it('removes the bundle staging directory and keeps an existing bundle', () => {
    const parent = tempDir();
    const files = Array.from({ length: 20 }, (_, i) => ({ path: `00${i % 3}-x/file-${i}.yaml`, content: 'y'.repeat(500), mode: 0o644 }));
    disk.room = 4000;
    const error = failure(() => writeBundle(join(parent, 'bundle'), files));
    expect(exitCodeFor(error)).toBe(8);
    expect(formatError(error)).toContain('cannot write the bundle to');
    expect(readdirSync(parent)).toEqual([]);

    const existing = join(parent, 'kept');
    mkdirSync(existing);
    writeFileSync(join(existing, 'checksums.txt'), 'old\n');
    disk.room = 4000;
    expect(exitCodeFor(failure(() => writeBundle(existing, files, { force: true })))).toBe(8);
    expect(readdirSync(parent)).toEqual(['kept']);
    expect(readFileSync(join(existing, 'checksums.txt'), 'utf8')).toBe('old\n');
  });

  it.runIf(FULL)('writes into a device rather than replacing it: a full device fails with exit 8 and stays a device', () => {
    const error = failure(() => writeFileAtomic(FULL!, 'data\n'));
    expect(exitCodeFor(error)).toBe(8);
    expect(formatError(error)).toContain(`cannot write ${FULL}: ENOSPC`);
    expect(statSync(FULL!).isCharacterDevice()).toBe(true);
    if (NULL) {
      writeFileAtomic(NULL, 'data\n');
      expect(statSync(NULL).isCharacterDevice()).toBe(true);
    }
  });
});
