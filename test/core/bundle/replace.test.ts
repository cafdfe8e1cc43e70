/**
 * What force may replace (ownership.ts) and the final placement under concurrency (output.ts):
 * only an unchanged earlier bundle, never a result another writer finished meanwhile.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputDir, writeBundle } from '../../../src/core/bundle/output.js';
import { replaceRefusal } from '../../../src/core/bundle/ownership.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { tempDir } from '../../helpers/catalog.js';
import { bundleFiles } from './support.js';
import { thrown } from '../../helpers/errors.js';


/** An earlier bundle in a fresh folder. */
function earlier(extra: Record<string, string> = { 'deploy.sh': '#!/bin/sh\n', 'a/b/values.yaml': 'x: 1\n' }): string {
  const out = join(tempDir(), 'bundle');
  writeBundle(out, bundleFiles(extra));
  return out;
}

/** Every file below `dir` with its text, to prove nothing was touched. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(path);
      else out[path] = entry.isSymbolicLink() ? '<link>' : readFileSync(join(dir, path), 'utf8');
    }
  };
  visit('');
  return out;
}

describe('what force replaces', () => {
  it('an unchanged earlier bundle (attestation files beside it allowed)', () => {
    const out = earlier();
    expect(replaceRefusal(out)).toBeUndefined();
    mkdirSync(join(out, 'attestation'));
    writeFileSync(join(out, 'attestation', 'bundle-attestation.sigstore.json'), '{}');
    expect(replaceRefusal(out)).toBeUndefined();
  });

  const cases: Array<[string, (dir: string) => void, string]> = [
    ['a modified file', (dir) => appendFileSync(join(dir, 'deploy.sh'), 'rm -rf /\n'), 'deploy.sh was changed after the bundle was written'],
    ['an extra file', (dir) => writeFileSync(join(dir, 'notes.txt'), 'mine'), 'notes.txt is not part of the bundle (not listed in checksums.txt)'],
    ['a missing file', (dir) => rmSync(join(dir, 'deploy.sh')), 'deploy.sh is listed in checksums.txt but missing'],
    ['a symbolic link', (dir) => symlinkSync('/etc/passwd', join(dir, 'passwd')), 'passwd is a symbolic link, which no bundle has'],
    ['an empty folder', (dir) => mkdirSync(join(dir, 'empty')), 'empty/ is an empty folder, which no bundle has'],
    ['a README of someone else', (dir) => writeFileSync(join(dir, 'README.md'), '# My project\n'), 'its README.md was not written by aicr bundle'],
    ['a malformed checksums.txt', (dir) => appendFileSync(join(dir, 'checksums.txt'), 'garbage\n'), 'its checksums.txt is not in the format aicr bundle writes'],
    ['a checksums.txt that is a folder', (dir) => { rmSync(join(dir, 'checksums.txt')); mkdirSync(join(dir, 'checksums.txt')); }, 'its checksums.txt is not a regular file'],
    ['no checksums.txt (a home or source folder)', (dir) => rmSync(join(dir, 'checksums.txt')), 'it has no checksums.txt'],
    ['a checksums.txt without the bundle markers', (dir) => writeFileSync(join(dir, 'checksums.txt'), readFileSync(join(dir, 'checksums.txt'), 'utf8').split('\n').filter((line) => !line.endsWith('  recipe.yaml')).join('\n')), 'its checksums.txt does not list recipe.yaml'],
  ];
  it.each(cases)('not a bundle with %s: refused, every file untouched', (_, spoil, reason) => {
    const out = earlier();
    spoil(out);
    const before = contents(out);
    expect(replaceRefusal(out)).toContain(reason);
    const refused = thrown(() => writeBundle(out, bundleFiles({ 'new.txt': 'x' }), { force: true }));
    expect(refused.exitCode).toBe(2);
    expect(renderOptionRefs(refused.message)).toContain(`--output: ${out} is not an unchanged earlier bundle, so --force does not replace it: ${reason}`);
    expect(renderOptionRefs(refused.hint!)).toContain('move or delete this folder yourself');
    expect(contents(out)).toEqual(before);
    expect(readdirSync(join(out, '..'))).toEqual(['bundle']);
  });

  it('a symbolic link to an earlier bundle is refused (links are not followed)', () => {
    const out = earlier();
    const link = join(tempDir(), 'link');
    symlinkSync(out, link);
    expect(thrown(() => writeBundle(link, bundleFiles(), { force: true })).message).toContain('is a symbolic link');
    expect(replaceRefusal(out)).toBeUndefined();
  });
});

describe('placing the bundle when another writer was quicker', () => {
  it('without force: a folder filled while we worked is kept and we fail (exit 2)', () => {
    const out = join(tempDir(), 'bundle');
    const claim = checkOutputDir(out);
    mkdirSync(out);
    writeFileSync(join(out, 'theirs.txt'), 'finished');
    const error = thrown(() => writeBundle(out, bundleFiles(), { claim }));
    expect(error.exitCode).toBe(2);
    expect(renderOptionRefs(error.message)).toBe(`--output: ${out} was written by another process while this run was working, so this run left it as it is and wrote nothing there`);
    expect(contents(out)).toEqual({ 'theirs.txt': 'finished' });
    expect(readdirSync(join(out, '..'))).toEqual(['bundle']);
  });

  it('without force: an empty folder made meanwhile is fine (it is still empty)', () => {
    const out = join(tempDir(), 'bundle');
    const claim = checkOutputDir(out);
    mkdirSync(out);
    writeBundle(out, bundleFiles(), { claim });
    expect(existsSync(join(out, 'checksums.txt'))).toBe(true);
  });

  it('with force: another bundle put in its place meanwhile is kept, not replaced', () => {
    const out = earlier();
    const claim = checkOutputDir(out, { force: true });
    const other = earlier({ 'other.txt': 'theirs' });
    rmSync(out, { recursive: true });
    renameSync(other, out);
    const before = contents(out);
    const error = thrown(() => writeBundle(out, bundleFiles({ 'ours.txt': 'x' }), { force: true, claim }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('another folder took its place');
    expect(contents(out)).toEqual(before);
    expect(readdirSync(join(out, '..'))).toEqual(['bundle']);
  });

  it('with force: a bundle edited meanwhile is put back as it is', () => {
    const out = earlier();
    const claim = checkOutputDir(out, { force: true });
    appendFileSync(join(out, 'deploy.sh'), 'echo mine\n');
    const before = contents(out);
    const error = thrown(() => writeBundle(out, bundleFiles({ 'ours.txt': 'x' }), { force: true, claim }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('deploy.sh was changed after the bundle was written');
    expect(contents(out)).toEqual(before);
    expect(readdirSync(join(out, '..'))).toEqual(['bundle']);
  });

  it('with force: a bundle deleted meanwhile is simply written', () => {
    const out = earlier();
    const claim = checkOutputDir(out, { force: true });
    rmSync(out, { recursive: true });
    writeBundle(out, bundleFiles({ 'ours.txt': 'x' }), { force: true, claim });
    expect(readFileSync(join(out, 'ours.txt'), 'utf8')).toBe('x');
  });
});

describe('temporary folders of killed runs', () => {
  const host = hostname().replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 63);
  /** A pid no process has: beyond the kernel's pid_max. */
  const deadPid = 4_194_305;

  it('are removed when the next run writes to the same place; live, foreign and other targets are kept', () => {
    const root = tempDir();
    const out = join(root, 'bundle');
    const names = {
      deadTmp: `.bundle.tmp-${deadPid}-1-abc@${host}`,
      deadOld: `.bundle.old-${deadPid}-2-abc@${host}`,
      live: `.bundle.tmp-${process.pid}-9-abc@${host}`,
      otherHost: `.bundle.tmp-${deadPid}-1-abc@elsewhere-${host}`,
      otherTarget: `.other.tmp-${deadPid}-1-abc@${host}`,
    };
    for (const name of Object.values(names)) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'half.yaml'), 'x');
    }
    writeBundle(out, bundleFiles());
    expect(readdirSync(root).sort()).toEqual(['bundle', names.live, names.otherHost, names.otherTarget].sort());
  });
});
