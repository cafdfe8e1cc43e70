import { appendFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURE_DATA, fixtureRecipe } from '../core/bundle/support.js';

async function bundle(): Promise<string> {
  const out = join(tempDir(), 'bundle');
  const result = await runCli(['bundle', '-r', fixtureRecipe('helm-components'), '--data', FIXTURE_DATA, '-o', out]);
  expect(result.code, result.stderr).toBe(0);
  return out;
}

describe('aicr verify', () => {
  it('passes an untouched bundle', async () => {
    const out = await bundle();
    const result = await runCli(['verify', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: all \d+ files match checksums.txt\n$/);
  });

  it('exits 12 and lists every problem as a table, with an error line per file', async () => {
    const out = await bundle();
    appendFileSync(join(out, 'README.md'), 'x');
    rmSync(join(out, 'deploy.sh'));
    writeFileSync(join(out, 'note.txt'), 'hi');
    symlinkSync('/etc/passwd', join(out, '001-cert-manager', 'passwd'));
    writeFileSync(join(out, 'checksums.txt'), readFileSync(join(out, 'checksums.txt'), 'utf8') + `${'0'.repeat(64)}  ../escape\n`);
    const codequality = join(tempDir(), 'gl-code-quality-report.json');
    const result = await runCli(['verify', out, '--codequality', codequality]);
    expect(result.code).toBe(12);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^PROBLEM\s+FILE\s+DETAIL$/);
    expect(result.stdout).toMatch(/escaping-symlink\s+001-cert-manager\/passwd/);
    expect(result.stdout).toMatch(/unsafe-path\s+\.\.\/escape \(line \d+\)\s+"\.\." segments are not allowed/);
    expect(result.stdout).toMatch(/missing\s+deploy\.sh/);
    expect(result.stdout).toMatch(/modified\s+README\.md/);
    expect(result.stdout).toMatch(/unlisted\s+note\.txt/);
    expect(result.stdout).toContain('5 problem(s)');
    expect(result.stderr).toContain(`error: ${out}/README.md: modified: sha256 `);
    expect(result.stderr).toMatch(new RegExp(`error: ${out}/checksums.txt:\\d+: unsafe-path \\(\\.\\./escape\\)`));
    const issues = JSON.parse(readFileSync(codequality, 'utf8'));
    expect(issues.map((issue: { check_name: string }) => issue.check_name)).toEqual(['aicr-verify/unsafe-path', 'aicr-verify/escaping-symlink', 'aicr-verify/modified', 'aicr-verify/missing', 'aicr-verify/unlisted']);
  });

  it('prints JSON on request', async () => {
    const out = await bundle();
    rmSync(join(out, 'recipe.yaml'));
    const result = await runCli(['verify', out, '--format', 'json']);
    expect(result.code).toBe(12);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ dir: out, ok: false, problems: [{ kind: 'missing', path: 'recipe.yaml' }] });
  });

  it.each([
    [[], 3, 'bundle directory not found: bundle'],
    [['/nonexistent/bundle'], 3, 'bundle directory not found: /nonexistent/bundle'],
    [['--format', 'xml', '.'], 2, '--format: "xml" is not one of text, json'],
    [['--bundle-dir', '/nonexistent/flag'], 3, 'bundle directory not found: /nonexistent/flag'],
  ])('bad input %j exits %i', async (args, code, message) => {
    const result = await runCli(['verify', ...args]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it('a directory without checksums.txt is not a bundle (exit 3)', async () => {
    const result = await runCli(['verify', tempDir()]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('checksums.txt not found in');
    expect(result.stderr).toContain('hint: generate the bundle with aicr bundle');
  });
});
