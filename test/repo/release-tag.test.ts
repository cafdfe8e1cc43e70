import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
const check = (tag: string) => spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'release-tag.mjs'), tag], { encoding: 'utf8' });

describe('release tags (scripts/release-tag.mjs, run by the release workflow)', () => {
  it('names the plain GitLab tag and the moving major tag of v<package version>', () => {
    const result = check(`v${version}`);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`plain=${version}\nmajor=v${version.split('.')[0]}\n`);
  });

  it.each(['1.2.3', 'v1.2', 'v01.2.3', 'v1.2.3.4', 'release-1', `v${version}-`, 'v9.9.9'])('refuses %j', (tag) => {
    const result = check(tag);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`release tag "${tag}"`);
  });
});
