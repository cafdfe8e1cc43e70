import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatChecksums, formatProblems, parseChecksums, problemLocation, sha256, toCodeQuality, verifyBundle, type VerifyProblem } from '../../../src/core/checksums/index.js';
import type { AicrError } from '../../../src/core/errors.js';
import { tempDir } from '../../helpers/catalog.js';
import { ALL_DEPLOYERS, EKS_RECIPE, writeGenerated } from '../bundle/support.js';

function bundleDir(files: Record<string, string>): string {
  const dir = tempDir('aicr-verify-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  writeFileSync(join(dir, 'checksums.txt'), formatChecksums(Object.entries(files).map(([path, content]) => ({ path, content }))));
  return dir;
}

const sha256sum = (dir: string) => spawnSync('sha256sum', ['--strict', '-c', 'checksums.txt'], { cwd: dir, encoding: 'utf8' });

describe('checksums.txt', () => {
  it('is sorted byte-wise, relative, two spaces, one LF per line, and leaves itself out', () => {
    const text = formatChecksums([{ path: 'b/x', content: 'x' }, { path: 'B', content: '' }, { path: 'a', content: 'a' }, { path: 'checksums.txt', content: 'ignored' }]);
    expect(text).toBe(`${sha256('')}  B\n${sha256('a')}  a\n${sha256('x')}  b/x\n`);
  });

  it.each(ALL_DEPLOYERS)('%s bundle: sha256sum -c passes, and fails after a one-byte change', async (deployer) => {
    const { dir, bundle } = await writeGenerated(EKS_RECIPE, { deployer });
    const ok = sha256sum(dir);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const listed = readFileSync(join(dir, 'checksums.txt'), 'utf8').trim().split('\n').map((line) => line.slice(66));
    expect(listed).toEqual(bundle.files.map((file) => file.path).filter((path) => path !== 'checksums.txt'));
    const target = join(dir, bundle.files.find((file) => file.path.endsWith('values.yaml'))!.path);
    const bytes = readFileSync(target);
    bytes[bytes.length - 2] ^= 1;
    writeFileSync(target, bytes);
    const bad = sha256sum(dir);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/values\.yaml: FAILED/);
    expect(verifyBundle(dir).problems.map((p) => p.kind)).toEqual(['modified']);
  });
});

describe('verify', () => {
  it('passes a clean bundle', () => {
    const result = verifyBundle(bundleDir({ 'a.txt': 'a', 'sub/b.txt': 'b' }));
    expect(result).toMatchObject({ ok: true, listed: 2, verified: 2, problems: [] });
  });

  it('reports every problem at once: modified, missing, unlisted, escaping links', () => {
    const dir = bundleDir({ 'a.txt': 'a', 'b.txt': 'b', 'sub/c.txt': 'c', 'link.txt': 'placeholder' });
    appendFileSync(join(dir, 'a.txt'), '!');
    rmSync(join(dir, 'b.txt'));
    writeFileSync(join(dir, 'extra.txt'), 'x');
    mkdirSync(join(dir, 'new'));
    writeFileSync(join(dir, 'new', 'deep.txt'), 'x');
    rmSync(join(dir, 'link.txt'));
    symlinkSync('/etc/hostname', join(dir, 'link.txt'));
    symlinkSync('../../', join(dir, 'sub', 'up'));
    const result = verifyBundle(dir);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.kind, p.path])).toEqual([
      ['modified', 'a.txt'], ['missing', 'b.txt'], ['unlisted', 'extra.txt'], ['escaping-symlink', 'link.txt'], ['unlisted', 'new/deep.txt'], ['escaping-symlink', 'sub/up'],
    ]);
    expect(result.verified).toBe(1);
    const table = formatProblems(result);
    expect(table.split('\n')[0]).toMatch(/^PROBLEM\s+FILE\s+DETAIL$/);
    expect(table).toContain('a.txt (line 1)');
  });

  it('rejects unsafe and malformed lines, reporting the line', () => {
    const dir = bundleDir({ 'a.txt': 'a' });
    const digest = sha256('a');
    writeFileSync(join(dir, 'checksums.txt'), [
      `${digest}  a.txt`, `${digest}  /etc/passwd`, `${digest}  ../outside`, `${digest}  sub/../a.txt`, `${digest}  ./a.txt`, `${digest.toUpperCase()}  a.txt`,
      `${digest} a.txt`, `${digest}  A.TXT`, `${digest}  checksums.txt`, '', `${digest}  a\\b`, 'garbage',
    ].join('\n') + '\n');
    const problems = verifyBundle(dir).problems;
    const byLine = new Map(problems.filter((p) => p.line).map((p) => [p.line, `${p.kind}: ${p.detail}`]));
    expect(byLine.get(2)).toBe('unsafe-path: absolute paths are not allowed');
    expect(byLine.get(3)).toBe('unsafe-path: ".." segments are not allowed');
    expect(byLine.get(4)).toBe('unsafe-path: ".." segments are not allowed');
    expect(byLine.get(5)).toBe('unsafe-path: "." segments are not allowed');
    expect(byLine.get(6)).toMatch(/^malformed: line 6 is not/);
    expect(byLine.get(7)).toMatch(/^malformed/);
    expect(byLine.get(8)).toBe('duplicate: already listed on line 1');
    expect(byLine.get(9)).toBe('unsafe-path: checksums.txt cannot list itself');
    expect(byLine.get(10)).toMatch(/^malformed/);
    expect(byLine.get(11)).toBe('unsafe-path: backslashes are not allowed');
    expect(byLine.get(12)).toMatch(/^malformed/);
    expect(problemLocation(problems.find((p) => p.line === 2)!)).toEqual({ path: 'checksums.txt', line: 2 });
  });

  it('follows links that stay inside the bundle, and never hashes a FIFO or a directory', () => {
    const dir = bundleDir({ 'a.txt': 'a', 'fifo': '', 'dir': '' });
    rmSync(join(dir, 'fifo'));
    expect(spawnSync('mkfifo', [join(dir, 'fifo')]).status).toBe(0);
    rmSync(join(dir, 'dir'));
    mkdirSync(join(dir, 'dir'));
    writeFileSync(join(dir, 'checksums.txt'), readFileSync(join(dir, 'checksums.txt'), 'utf8') + `${sha256('a')}  alias.txt\n`);
    symlinkSync('a.txt', join(dir, 'alias.txt'));
    const result = verifyBundle(dir);
    expect(result.problems.map((p) => [p.kind, p.path, p.detail])).toEqual([['not-a-file', 'dir', 'is a directory'], ['not-a-file', 'fifo', 'is not a regular file']]);
  });

  it('refuses what is not a bundle with a documented exit code', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return [(error as AicrError).exitCode, (error as AicrError).message];
      }
      return undefined;
    };
    const dir = tempDir();
    expect(code(() => verifyBundle(join(dir, 'missing')))).toEqual([3, `bundle directory not found: ${join(dir, 'missing')}`]);
    writeFileSync(join(dir, 'file'), 'x');
    expect(code(() => verifyBundle(join(dir, 'file')))).toEqual([2, `${join(dir, 'file')} is not a directory`]);
    expect(code(() => verifyBundle(dir))).toEqual([3, `checksums.txt not found in ${dir}`]);
  });

  it('writes a GitLab Code Quality report with stable fingerprints', () => {
    const dir = bundleDir({ 'a.txt': 'a' });
    appendFileSync(join(dir, 'a.txt'), '!');
    const issues = toCodeQuality(verifyBundle(dir), 'out/bundle/');
    expect(issues).toEqual([{
      description: expect.stringMatching(/^modified: a.txt: sha256 /),
      check_name: 'aicr-verify/modified',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'major',
      location: { path: 'out/bundle/a.txt', lines: { begin: 1 } },
    }]);
    expect(toCodeQuality(verifyBundle(dir), 'out/bundle/')[0]!.fingerprint).toBe(issues[0]!.fingerprint);
  });

  it('parses a large list quickly and keeps going after bad lines', () => {
    const problems: VerifyProblem[] = [];
    const lines = Array.from({ length: 2000 }, (_, i) => `${sha256(String(i))}  f/${i}`);
    lines.splice(10, 0, 'bad');
    const entries = parseChecksums(lines.join('\n') + '\n', problems);
    expect(entries).toHaveLength(2000);
    expect(problems).toHaveLength(1);
  });
});
