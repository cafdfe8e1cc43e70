// What a release publishes, checked before it does (the release workflow runs this file too):
// every version reference agrees with package.json, the release workflow builds and pushes what
// users are told to use, and the npm package, packed for real, runs `npx aicr-ci …` from an
// install that holds nothing else (the CLI bundle needs no dependencies).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/core/version.js';
import { tempDir } from '../helpers/catalog.js';
import { REPO_ROOT } from '../helpers/paths.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { name: string; version: string; private?: boolean; files: string[]; bin: Record<string, string>; dependencies?: Record<string, string>; publishConfig?: { access?: string } };
const version = pkg.version;
const major = Number(version.split('.')[0]);
const IMAGE = 'ghcr.io/nvidia/aicr-ci';
/** How docs write "some version" in prose (not a version users would copy). */
const PLACEHOLDER = /^(<version>|X\.Y\.Z)$/;

/** Every documentation and example file users copy from (README files, docs/, examples/). */
function userFacingFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (['node_modules', 'dist', '.git', 'test', 'recipes', 'bench', 'shared'].includes(entry.name) || entry.name.startsWith('.')) continue;
        walk(path);
      } else if (/\.(md|ya?ml)$/.test(entry.name) && (path.endsWith('.md') || path.startsWith('examples/') || path.startsWith('gitlab/'))) {
        out.push(path);
      }
    }
  };
  walk('');
  return out.sort();
}

describe('version references agree with package.json', () => {
  it('the program, the Dockerfile label and the release workflow\'s image name', () => {
    expect(VERSION).toBe(version);
    expect(read('docker/Dockerfile')).toMatch(new RegExp(`^ARG VERSION=${version.replace(/\./g, '\\.')}$`, 'm'));
    expect(read('docker/Dockerfile')).toContain('org.opencontainers.image.version="${VERSION}"');
    expect(parse(read('.github/workflows/release.yml')).env.IMAGE).toBe(IMAGE);
  });

  it('every GitLab component defaults to the image of its own release', () => {
    const templates = readdirSync(join(REPO_ROOT, 'gitlab/templates')).filter((f) => f.endsWith('.yml'));
    expect(templates.length).toBeGreaterThan(4);
    for (const file of templates) {
      const [header] = parseAllDocuments(read(`gitlab/templates/${file}`)).map((doc) => doc.toJS());
      expect(header.spec.inputs.image.default, file).toBe(`${IMAGE}:${version}`);
    }
  });

  it('docs and examples name this version: image tags, component refs, npm versions, action major tags', () => {
    const problems: string[] = [];
    const files = userFacingFiles();
    expect(files).toContain('README.md');
    expect(files).toContain('gitlab/README.md');
    for (const file of files) {
      const text = read(file);
      for (const [, tag] of text.matchAll(/ghcr\.io\/nvidia\/aicr-ci:([^\s`'"|)]+)/g)) if (tag !== version && !PLACEHOLDER.test(tag!)) problems.push(`${file}: image tag ${tag}`);
      for (const [, ref] of text.matchAll(/\/aicr-ci\/[a-z-]+@([^\s`'"]+)/g)) if (ref !== version && !PLACEHOLDER.test(ref!)) problems.push(`${file}: component ref @${ref}`);
      for (const [, ref] of text.matchAll(/\baicr-ci@(\d[^\s`'"]*)/g)) if (ref !== version) problems.push(`${file}: npm version ${ref}`);
      for (const [, ref] of text.matchAll(/uses: nvidia\/aicr(?:\/actions\/[a-z-]+)?@([^\s`'"]+)/g)) if (ref !== `v${major}`) problems.push(`${file}: action ref @${ref} (the release moves v${major})`);
    }
    expect(problems).toEqual([]);
  });
});

describe('.github/workflows/release.yml', () => {
  const workflow = parse(read('.github/workflows/release.yml'));
  const steps = (job: string): Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> => workflow.jobs[job].steps;
  const action = (job: string, name: string) => steps(job).find((step) => step.uses?.startsWith(`${name}@`));

  it('pins every action by full commit SHA', () => {
    for (const job of Object.keys(workflow.jobs)) {
      for (const step of steps(job)) if (step.uses) expect(step.uses, `${job}: ${step.uses}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    }
  });

  it('builds a multi-arch image with provenance and an SBOM, tagged X.Y.Z by docker/metadata-action', () => {
    expect(action('image', 'docker/metadata-action')?.with?.tags).toContain('type=semver,pattern={{version}}');
    const build = action('image', 'docker/build-push-action')!.with!;
    expect(build.platforms).toBe('linux/amd64,linux/arm64');
    expect(build.file).toBe('docker/Dockerfile');
    expect(build.push).toBe(true);
    expect(build.provenance).toBe('mode=max');
    expect(build.sbom).toBe(true);
    expect(build['build-args']).toBe('VERSION=${{ needs.check.outputs.plain }}');
    expect(workflow.jobs.image.permissions.packages).toBe('write');
  });

  it('publishes the npm package with provenance, and moves the tags only after both are out', () => {
    expect(steps('npm').map((s) => s.run ?? '').join('\n')).toContain('npm publish --provenance --access public');
    expect(workflow.jobs.npm.permissions['id-token']).toBe('write');
    expect(workflow.jobs.tags.needs).toEqual(['check', 'image', 'npm']);
    expect(steps('tags').map((s) => s.run ?? '').join('\n')).toContain('git push -f origin "$PLAIN" ${MAJOR:+"$MAJOR"}');
    expect(steps('check').map((s) => s.run ?? '').join('\n')).toContain('node scripts/release-tag.mjs "$TAG"');
  });
});

describe('the npm package', () => {
  let tarball: string;
  let files: string[];
  beforeAll(() => {
    expect(existsSync(join(REPO_ROOT, 'dist/cli/index.js')), 'needs npm run build').toBe(true);
    const out = tempDir('aicr-pack-');
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
    tarball = join(out, packed.filename);
    files = packed.files.map((f: { path: string }) => f.path).sort();
  });

  it('is public, has no dependencies to install, and ships only what the CLI needs', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.publishConfig?.access).toBe('public');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ aicr: 'bin/aicr.js' });
    for (const needed of ['bin/aicr.js', 'dist/cli/index.js', 'dist/catalog.json', 'dist/package.json', 'recipes/registry.yaml', 'LICENSE', 'README.md', 'package.json']) expect(files).toContain(needed);
    const allowed = /^(bin\/|dist\/cli\/|dist\/chunks\/|dist\/catalog\.json$|dist\/package\.json$|dist\/licenses\.txt$|recipes\/|LICENSE$|README\.md$|package\.json$)/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    expect(files.some((file) => /^(src|test|dist\/root|dist\/recipe|node_modules)\//.test(file))).toBe(false);
  });

  it('holds every chunk the CLI imports, statically or lazily', () => {
    const seen = new Set<string>();
    const queue = ['dist/cli/index.js'];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(files, `imported by the CLI: ${file}`).toContain(file);
      const text = read(file);
      for (const [, specifier] of text.matchAll(/(?:from\s*|import\s*\(\s*|import\s*)["'](\.{1,2}\/[^"']+)["']/g)) queue.push(normalize(join(dirname(file), specifier!)));
    }
    expect(seen.size).toBeGreaterThan(5);
  });

  it('runs as `npx aicr-ci …` from an install of the tarball alone (offline)', () => {
    const project = tempDir('aicr-npx-');
    writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true}\n');
    const npmEnv = { ...process.env, npm_config_cache: join(project, '.npm-cache'), npm_config_update_notifier: 'false' };
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: project, env: npmEnv, stdio: 'ignore' });
    // The tarball alone: no dependency came with it.
    expect(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['aicr-ci']);
    const npx = (...args: string[]) => spawnSync('npx', ['--offline', 'aicr-ci', ...args], { cwd: project, env: npmEnv, encoding: 'utf8' });
    const versionRun = npx('--version');
    expect(versionRun.status, versionRun.stderr).toBe(0);
    expect(versionRun.stdout).toBe(`aicr ${version}\n`);
    const recipe = npx('recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '-o', 'recipe.yaml');
    expect(recipe.status, recipe.stderr).toBe(0);
    // The bundle reads component values and templates from recipes/ and dist/ in the package.
    const bundle = npx('bundle', '-r', 'recipe.yaml', '-o', 'bundle');
    expect(bundle.status, bundle.stderr).toBe(0);
    const checksums = readFileSync(join(project, 'bundle', 'checksums.txt'), 'utf8');
    expect(checksums).toContain('recipe.yaml');
    const check = spawnSync('sha256sum', ['--quiet', '-c', 'checksums.txt'], { cwd: join(project, 'bundle'), encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
});
