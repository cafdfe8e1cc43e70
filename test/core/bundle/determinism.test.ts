// Same inputs, same bytes: whatever the time zone, locale, working directory or run.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/catalog.js';
import { REPO_ROOT } from '../../helpers/paths.js';

/** tsx's loader by URL, so child processes in any directory can run TypeScript. */
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
import { ALL_DEPLOYERS, EKS_RECIPE, generate } from './support.js';

function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(root, path)] = `${(statSync(path).mode & 0o777).toString(8)} ${readFileSync(path, 'base64')}`;
    }
  };
  walk(root);
  return out;
}

describe('determinism', () => {
  it.each(ALL_DEPLOYERS)('%s: two generations in one process are byte-identical, with no timestamps', async (deployer) => {
    const first = await generate(EKS_RECIPE, { deployer, set: ['gpuoperator:driver.version=1'] });
    const second = await generate(EKS_RECIPE, { deployer, set: ['gpuoperator:driver.version=1'] });
    expect(second.files).toEqual(first.files);
    for (const file of first.files) expect(file.content, file.path).not.toMatch(/GeneratedAt:|generated_at:|timestamp:|Timestamp:|\b20\d\d-\d\d-\d\dT/);
  });

  it('the CLI writes identical trees across TZ, locale, working directory and relative or absolute --output', () => {
    const cli = join(REPO_ROOT, 'src', 'cli', 'index.ts');
    const runs = [
      { env: { TZ: 'UTC', LC_ALL: 'C', LANG: 'C' }, cwd: tempDir(), absolute: false },
      { env: { TZ: 'Asia/Kolkata', LC_ALL: 'de_DE.UTF-8', LANG: 'tr_TR.UTF-8' }, cwd: tempDir(), absolute: true },
      { env: { TZ: 'America/Los_Angeles', LANG: 'ja_JP.UTF-8' }, cwd: REPO_ROOT, absolute: true },
    ];
    const trees = runs.map((run, index) => {
      const output = run.absolute ? join(tempDir(), `bundle-${index}`) : 'out/bundle';
      const result = spawnSync(process.execPath, ['--import', TSX, cli, 'bundle', '-r', EKS_RECIPE, '-o', output, '-d', index === 2 ? 'argocd' : 'helm', '--repo', 'https://github.com/example/gitops.git'], {
        cwd: run.cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tempDir(), ...run.env },
      });
      expect(result.status, result.stderr).toBe(0);
      return snapshotTree(run.absolute ? output : join(run.cwd, output));
    });
    expect(Object.keys(trees[0]!).length).toBeGreaterThan(50);
    expect(trees[1]).toEqual(trees[0]);
    // The argocd tree differs in content, but its own repeat is identical too.
    expect(Object.keys(trees[2]!)).toContain('app-of-apps.yaml');
  });
});
