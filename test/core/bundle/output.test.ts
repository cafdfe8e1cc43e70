import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../../../src/core/bundle/output.js';
import { bundleFiles } from './support.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { tempDir } from '../../helpers/catalog.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { thrown } from '../../helpers/errors.js';

/** tsx's loader by URL, so child processes in any directory can run TypeScript. */
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

const files = [
  { path: 'deploy.sh', content: '#!/bin/sh\n', mode: 0o755 },
  { path: 'a/b/values.yaml', content: 'x: 1\n', mode: 0o644 },
];


describe('writing a bundle', () => {
  it('creates the directory and its parents, with fixed modes', () => {
    const out = join(tempDir(), 'x', 'bundle');
    writeBundle(out, files, { cwd: REPO_ROOT });
    expect(readFileSync(join(out, 'a/b/values.yaml'), 'utf8')).toBe('x: 1\n');
    expect(statSync(join(out, 'deploy.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(join(out, 'a/b/values.yaml')).mode & 0o777).toBe(0o644);
    expect(readdirSync(join(out, '..'))).toEqual(['bundle']);
  });

  it('sets the same modes whatever the umask', () => {
    const out = join(tempDir(), 'bundle');
    const script = `import { writeBundle } from ${JSON.stringify(join(REPO_ROOT, 'src/core/bundle/output.ts'))};\nprocess.umask(0o077);\nwriteBundle(${JSON.stringify(out)}, ${JSON.stringify(files)});`;
    const result = spawnSync(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(statSync(join(out, 'deploy.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(join(out, 'a/b/values.yaml')).mode & 0o777).toBe(0o644);
    expect(statSync(join(out, 'a')).mode & 0o777).toBe(0o755);
    expect(statSync(out).mode & 0o777).toBe(0o755);
  });

  it('refuses a non-empty directory that is no bundle, forced or not, and touches none of it', () => {
    const out = join(tempDir(), 'bundle');
    mkdirSync(out);
    writeFileSync(join(out, 'stale.txt'), 'old');
    const refused = thrown(() => writeBundle(out, files));
    expect(refused.exitCode).toBe(2);
    expect(renderOptionRefs(refused.message)).toBe(`--output: ${out} is not empty`);
    expect(renderOptionRefs(refused.hint!)).toContain('set --force to replace it');
    const forced = thrown(() => writeBundle(out, files, { force: true }));
    expect(forced.exitCode).toBe(2);
    expect(renderOptionRefs(forced.message)).toBe(`--output: ${out} is not an unchanged earlier bundle, so --force does not replace it: it has no checksums.txt, so it is not a bundle aicr bundle wrote; nothing in it was touched`);
    expect(readdirSync(out)).toEqual(['stale.txt']);
    expect(readdirSync(join(out, '..'))).toEqual(['bundle']);
  });

  it('with force, replaces an earlier unchanged bundle entirely', () => {
    const out = join(tempDir(), 'bundle');
    writeBundle(out, bundleFiles({ 'old.txt': 'old' }));
    writeBundle(out, bundleFiles({ 'new.txt': 'new' }), { force: true });
    expect(readdirSync(out).sort()).toEqual(['README.md', 'checksums.txt', 'new.txt', 'recipe.yaml']);
    expect(readdirSync(join(out, '..'))).toEqual(['bundle']);
  });

  it('accepts an empty existing directory', () => {
    const out = join(tempDir(), 'bundle');
    mkdirSync(out);
    writeBundle(out, files);
    expect(existsSync(join(out, 'deploy.sh'))).toBe(true);
  });

  it('refuses a file, a symbolic link, the working directory and URLs', () => {
    const root = tempDir();
    writeFileSync(join(root, 'file'), 'x');
    expect(renderOptionRefs(thrown(() => writeBundle(join(root, 'file'), files)).message)).toBe(`--output: ${join(root, 'file')} is a file, not a directory`);
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'link'));
    expect(thrown(() => writeBundle(join(root, 'link'), files)).message).toContain('is a symbolic link');
    expect(thrown(() => writeBundle(root, files, { cwd: join(root, 'real') })).message).toContain('is the working directory or one of its parents');
    expect(thrown(() => writeBundle('oci://registry/x', files)).message).toContain('only local directories are supported');
  });

  it('leaves nothing behind when writing fails half way', () => {
    const root = tempDir();
    const out = join(root, 'bundle');
    const bad = [...files, { path: 'a/b/values.yaml', content: 'duplicate', mode: 0o644 }];
    const failed = thrown(() => writeBundle(out, bad));
    expect(failed.exitCode).toBe(8);
    expect(readdirSync(root)).toEqual([]);
  });

  it('keeps the previous bundle when a forced replacement fails', () => {
    const root = tempDir();
    const out = join(root, 'bundle');
    writeBundle(out, bundleFiles({ 'deploy.sh': '#!/bin/sh\n' }));
    thrown(() => writeBundle(out, [...bundleFiles({ 'deploy.sh': 'x' }), { path: 'deploy.sh', content: 'dup', mode: 0o755 }], { force: true }));
    expect(readdirSync(root)).toEqual(['bundle']);
    expect(readFileSync(join(out, 'deploy.sh'), 'utf8')).toBe('#!/bin/sh\n');
  });

  it('reports a parent it cannot write to', () => {
    if (process.getuid?.() === 0) {
      // root ignores directory permissions; a file in the way of the parent fails the same way.
      const root = tempDir();
      writeFileSync(join(root, 'blocker'), 'x');
      expect(thrown(() => writeBundle(join(root, 'blocker', 'bundle'), files)).exitCode).toBe(2);
      return;
    }
    const root = tempDir();
    chmodSync(root, 0o500);
    expect(thrown(() => writeBundle(join(root, 'bundle'), files)).exitCode).toBe(2);
  });
});
