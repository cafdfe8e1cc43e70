/**
 * File outputs claimed before the work (io.ts): another writer's finished file is never
 * replaced; temporary files of killed runs go when the next run writes the same file; an
 * interrupt ends a wait on standard input.
 */
import { chmodSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { claimOutputs, parseLocation, readLocation, writeLocation } from '../../../src/core/io.js';
import { interrupted } from '../../../src/core/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { tempDir } from '../../helpers/catalog.js';
import { rejection } from '../../helpers/errors.js';

const host = hostname().replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 63);
const DEAD_PID = 4_194_305;

async function claimed(path: string) {
  const location = parseLocation(path, 'output');
  const claims = await claimOutputs([location]);
  return { location, claim: claims(location)! };
}

describe('file outputs claimed before the work', () => {
  it('creates a file that was absent, and refuses one that appeared meanwhile (exit 2, theirs kept)', async () => {
    const dir = tempDir();
    const path = join(dir, 'recipe.yaml');
    const { location, claim } = await claimed(path);
    writeFileSync(path, 'theirs\n');
    const error = await rejection(writeLocation(location, 'ours\n', { input: 'output', claim }));
    expect(error.exitCode).toBe(2);
    expect(renderOptionRefs(error.message)).toBe(`--output: ${path} was written by another process while this run was working, so this run left it as it is and wrote nothing there`);
    expect(readFileSync(path, 'utf8')).toBe('theirs\n');
    expect(readdirSync(dir)).toEqual(['recipe.yaml']);
  });

  it('replaces the file it claimed, and refuses one renamed over it meanwhile', async () => {
    const dir = tempDir();
    const path = join(dir, 'snapshot.yaml');
    writeFileSync(path, 'old\n');
    const first = await claimed(path);
    await writeLocation(first.location, 'ours\n', { input: 'output', claim: first.claim });
    expect(readFileSync(path, 'utf8')).toBe('ours\n');

    const second = await claimed(path);
    writeFileSync(join(dir, 'other'), 'theirs\n');
    renameSync(join(dir, 'other'), path);
    await rejection(writeLocation(second.location, 'again\n', { input: 'output', claim: second.claim }));
    expect(readFileSync(path, 'utf8')).toBe('theirs\n');
  });

  it('refuses a file changed in place meanwhile, even with the same size and mtime', async () => {
    const dir = tempDir();
    const path = join(dir, 'report.json');
    writeFileSync(path, '{"a":1}');
    const { location, claim } = await claimed(path);
    writeFileSync(path, '{"b":2}');
    utimesSync(path, new Date(0), new Date(0));
    const error = await rejection(writeLocation(location, '{}', { input: 'output', claim }));
    expect(error.exitCode).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('{"b":2}');
  });

  it('lets one run write the same file twice (two options naming it share the claim)', async () => {
    const dir = tempDir();
    const path = join(dir, 'ctrf.json');
    const a = parseLocation(path, 'output');
    const b = parseLocation(join(dir, '.', 'ctrf.json'), 'report-dir');
    const claims = await claimOutputs([a, b]);
    expect(claims(a)).toBe(claims(b));
    await writeLocation(a, 'one', { claim: claims(a)! });
    await writeLocation(b, 'two', { claim: claims(b)! });
    expect(readFileSync(path, 'utf8')).toBe('two');
  });

  it('has nothing to claim for standard output', async () => {
    const claims = await claimOutputs([parseLocation('-')]);
    expect(claims(parseLocation('-'))).toBeUndefined();
  });

  it('removes temporary files of killed runs for the same file only, never of live runs or other hosts', async () => {
    const dir = tempDir();
    const names = [`.out.yaml.tmp-${DEAD_PID}-1-x@${host}`, `.out.yaml.tmp-${process.pid}-7-x@${host}`, `.out.yaml.tmp-${DEAD_PID}-1-x@another-${host}`, `.other.yaml.tmp-${DEAD_PID}-1-x@${host}`];
    for (const name of names) writeFileSync(join(dir, name), 'half');
    const { location, claim } = await claimed(join(dir, 'out.yaml'));
    await writeLocation(location, 'whole\n', { claim });
    expect(readdirSync(dir).sort()).toEqual(['out.yaml', ...names.slice(1)].sort());
  });

  it('leaves no temporary file when the write fails', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const dir = tempDir();
    writeFileSync(join(dir, 'locked.yaml'), 'keep');
    chmodSync(dir, 0o500);
    try {
      await rejection(writeLocation(parseLocation(join(dir, 'locked.yaml')), 'x'));
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readdirSync(dir)).toEqual(['locked.yaml']);
  });
});

describe('interrupts while reading', () => {
  it('end a wait on standard input with the interruption (exit 130/143)', async () => {
    const stdin = new PassThrough();
    const controller = new AbortController();
    const reading = readLocation(parseLocation('-'), { stdin, signal: controller.signal, input: 'recipe' });
    stdin.write('kind: Rec');
    controller.abort(interrupted('SIGTERM'));
    const error = await rejection(reading);
    expect([error.exitCode, error.message]).toEqual([143, 'interrupted by SIGTERM']);
    expect(interrupted('SIGINT').exitCode).toBe(130);
  });
});
