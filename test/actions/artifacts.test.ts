/**
 * Workflow artifacts through the runner contract: the built actions, the real @actions/artifact
 * client and the fake artifact service (test/fake-artifacts). Needs a fresh `npm run build`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractZip } from '../../src/github/unzip.js';
import { startFakeArtifacts, type FakeRun } from '../fake-artifacts/server.js';
import { buildZip, type ZipEntry } from '../fake-artifacts/zip.js';
import { FIXTURE_DATA, fixtureRecipe } from '../core/bundle/support.js';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.js';
import { runActionBuildAsync, type RunnerStep } from '../helpers/runner.js';

const fake = await startFakeArtifacts();
afterAll(() => fake.close());

/** RUNNER_TEMP of every step: downloads must leave nothing behind in it. */
let runnerTemp: string;
beforeEach(() => {
  runnerTemp = mkdtempSync(join(tmpdir(), 'aicr-runner-temp-'));
});
afterEach(() => {
  rmSync(runnerTemp, { recursive: true, force: true });
});

function step(action: string, run: FakeRun, inputs: Record<string, string>): Promise<RunnerStep> {
  return runActionBuildAsync(action, { summary: 'false', ...inputs }, { env: { ...fake.env(run), RUNNER_TEMP: runnerTemp }, timeoutMs: 120_000 });
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

async function uploadBundle(run: FakeRun, name = 'aicr-bundle'): Promise<RunnerStep> {
  const made = await step('bundle', run, { recipe: fixtureRecipe('helm-components'), data: FIXTURE_DATA, 'upload-artifact': name, 'artifact-retention-days': '5' });
  expect(made.code, made.log).toBe(0);
  return made;
}

const failure = (result: RunnerStep): string => result.outputText + result.log;

describe('upload-artifact and artifact:// inputs', () => {
  it('hands a bundle to a later job of the run: uploaded once, verified from the artifact, byte-identical', async () => {
    const run = fake.startRun();
    const made = await uploadBundle(run);
    const stored = fake.artifacts.find((a) => a.name === 'aicr-bundle' && a.runBackendId === run.backendId)!;
    expect(made.outputs['artifact-id']).toBe(String(stored.id));
    expect(`sha256:${made.outputs['artifact-digest']}`).toBe(stored.digest);
    expect(made.outputs['artifact-url']).toBe(`https://github.com/${fake.owner}/${fake.repo}/actions/runs/${run.id}/artifacts/${stored.id}`);
    expect(stored.expiresAt).toBeDefined();

    // The artifact holds the bundle folder's own files, checksums.txt among them, byte for byte.
    const unpacked = mkdtempSync(join(tmpdir(), 'aicr-unpacked-'));
    try {
      const files = extractZip(stored.bytes, unpacked, 'test');
      const bundleDir = join(made.workspace, 'bundle');
      expect(files.slice().sort()).toEqual(filesOf(bundleDir));
      expect(files).toContain('checksums.txt');
      for (const file of files) expect(readFileSync(join(unpacked, file)).equals(readFileSync(join(bundleDir, file))), file).toBe(true);
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
    }

    const verified = await step('verify-checksums', run, { 'bundle-dir': 'artifact://aicr-bundle', 'upload-artifact': 'verified-bundle' });
    expect(verified.code, verified.log).toBe(0);
    expect(verified.outputs.verified).toBe('true');
    expect(verified.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(readdirSync(runnerTemp).filter((name) => name.startsWith('aicr-artifact-'))).toEqual([]);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['validate', { recipe: join(FIXTURES, 'validate', 'recipe-extended.yaml'), snapshot: join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml'), 'report-dir': 'reports' }, ['ctrf-report.json', 'gl-code-quality-report.json', 'junit.xml']],
    ['root', { service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu', deployer: 'helm', 'output-dir': 'out' }, ['bundle/checksums.txt', 'recipe.yaml']],
  ])('%s uploads what it wrote', async (action, inputs, expected) => {
    const run = fake.startRun();
    const result = await step(action, run, { ...inputs, 'upload-artifact': `${action}-results` });
    expect(result.code, result.log).toBe(0);
    const stored = fake.artifacts.find((a) => a.name === `${action}-results` && a.runBackendId === run.backendId)!;
    expect(result.outputs['artifact-id']).toBe(String(stored.id));
    const unpacked = mkdtempSync(join(tmpdir(), 'aicr-unpacked-'));
    try {
      const files = extractZip(stored.bytes, unpacked, 'test');
      for (const file of expected) expect(files).toContain(file);
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
    }
  });

  it('reads a document input from a one-file artifact, and a path inside an artifact', async () => {
    const run = fake.startRun();
    fake.seed(run, 'recipe-art', buildZip([{ name: 'recipe.yaml', data: readFileSync(fixtureRecipe('helm-components')) }]));
    const whole = await step('bundle', run, { recipe: 'artifact://recipe-art', data: FIXTURE_DATA });
    expect(whole.code, whole.log).toBe(0);
    const inner = await step('bundle', run, { recipe: 'artifact://recipe-art/recipe.yaml', data: FIXTURE_DATA });
    expect(inner.code, inner.log).toBe(0);
    expect(readFileSync(join(inner.workspace, 'bundle', 'checksums.txt'), 'utf8')).toBe(readFileSync(join(whole.workspace, 'bundle', 'checksums.txt'), 'utf8'));
  });

  it('reads the latest successful earlier run of the workflow, or a run by id, with github-token', async () => {
    const good = fake.startRun('nightly.yml');
    await uploadBundle(good, 'baseline-bundle');
    fake.finish(good, 'success');
    const failed = fake.startRun('nightly.yml');
    fake.seed(failed, 'baseline-bundle', buildZip([{ name: 'checksums.txt', data: 'garbage\n' }]));
    fake.finish(failed, 'failure');
    const now = fake.startRun('nightly.yml');
    const inputs = { 'bundle-dir': 'artifact://baseline-bundle', 'github-token': fake.githubToken };
    const latest = await step('verify-checksums', now, { ...inputs, 'artifact-run-id': 'latest' });
    expect(latest.code, latest.log).toBe(0);
    expect(latest.log).toContain(`run ${good.id}`);
    const byId = await step('verify-checksums', now, { ...inputs, 'artifact-run-id': String(good.id) });
    expect(byId.code, byId.log).toBe(0);
    expect(readdirSync(runnerTemp)).toEqual([]);

    const noToken = await step('verify-checksums', now, { 'bundle-dir': 'artifact://baseline-bundle', 'artifact-run-id': 'latest' });
    expect(noToken.code).toBe(2);
    expect(failure(noToken)).toContain('input "artifact-run-id" needs input "github-token"');
    const badToken = await step('verify-checksums', now, { ...inputs, 'github-token': 'ghs_wrong', 'artifact-run-id': String(good.id) });
    expect(badToken.code, badToken.log).toBe(4);
    // Registered as a secret (the runner masks it everywhere), and never printed otherwise.
    expect(badToken.log).toContain('::add-mask::ghs_wrong');
    expect(badToken.log.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toContain('ghs_wrong');
    const first = fake.startRun('first-ever.yml');
    const none = await step('verify-checksums', first, { ...inputs, 'artifact-run-id': 'latest' });
    expect(none.code).toBe(3);
    expect(failure(none)).toContain('workflow first-ever.yml has no earlier successful run');
  });

  it('exits 3 naming a missing artifact or a missing path inside one', async () => {
    const run = fake.startRun();
    const missing = await step('verify-checksums', run, { 'bundle-dir': 'artifact://no-such-bundle' });
    expect(missing.code).toBe(3);
    expect(failure(missing)).toContain('artifact "no-such-bundle" was not found in this run');
    fake.seed(run, 'one', buildZip([{ name: 'a/recipe.yaml', data: 'x: 1\n' }]));
    const noPath = await step('bundle', run, { recipe: 'artifact://one/b/recipe.yaml' });
    expect(noPath.code).toBe(3);
    expect(failure(noPath)).toContain('artifact "one" has no b/recipe.yaml');
    expect(failure(noPath)).toContain('it holds: a/recipe.yaml');
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  it('names the artifact, not its temporary folder, when its document is broken', async () => {
    const run = fake.startRun();
    fake.seed(run, 'broken', buildZip([{ name: 'recipe.yaml', data: 'kind: [\n' }]));
    const result = await step('bundle', run, { recipe: 'artifact://broken' });
    expect(result.code).toBe(2);
    // The failure the runner shows (the client's own debug lines may name the folder).
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors.join('\n')).toContain('artifact://broken');
    expect(errors.join('\n')).not.toContain(runnerTemp);
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  it('refuses an artifact whose bytes do not match its digest, leaving nothing behind', async () => {
    const run = fake.startRun();
    const seeded = fake.seed(run, 'tampered', buildZip([{ name: 'recipe.yaml', data: readFileSync(fixtureRecipe('helm-components')) }]));
    fake.tamper(seeded.id, buildZip([{ name: 'recipe.yaml', data: 'kind: Evil\n' }]));
    const result = await step('bundle', run, { recipe: 'artifact://tampered', data: FIXTURE_DATA });
    expect(result.code).toBe(2);
    expect(failure(result)).toContain('does not match its digest');
    expect(existsSync(join(result.workspace, 'bundle'))).toBe(false);
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  it.each<[string, ZipEntry[], string]>([
    ['zip-slip', [{ name: 'ok.yaml', data: 'a: 1\n' }, { name: '../../escaped.txt', data: 'owned' }], 'leaves its folder'],
    ['absolute path', [{ name: '/tmp/aicr-absolute-escape.txt', data: 'owned' }], 'absolute path'],
    ['symbolic link', [{ name: 'link', data: '/etc/passwd', mode: 0o120777 }], 'symbolic link'],
    ['huge', [{ name: 'bomb.bin', data: 'x', declaredSize: 0xfffffff0 }], 'more than the'],
    ['size that lies', [{ name: 'bomb.bin', data: Buffer.alloc(100_000), declaredSize: 10 }], 'does not inflate to the 10 bytes'],
    ['duplicate names', [{ name: 'a.yaml', data: '1' }, { name: 'A.yaml', data: '2' }], 'appears twice'],
  ])('refuses a hostile archive (%s) with exit 2 and nothing extracted', async (_label, entries, message) => {
    const run = fake.startRun();
    fake.seed(run, 'hostile', buildZip(entries));
    const result = await step('verify-checksums', run, { 'bundle-dir': 'artifact://hostile' });
    expect(result.code, result.log).toBe(2);
    expect(failure(result)).toContain(message);
    expect(readdirSync(runnerTemp)).toEqual([]);
    expect(existsSync(join(runnerTemp, '..', 'escaped.txt'))).toBe(false);
    expect(existsSync('/tmp/aicr-absolute-escape.txt')).toBe(false);
  });

  it('refuses artifact:// where a step writes, and an upload with nothing to upload', async () => {
    const run = fake.startRun();
    const write = await step('bundle', run, { recipe: fixtureRecipe('helm-components'), data: FIXTURE_DATA, output: 'artifact://out' });
    expect(write.code).toBe(2);
    expect(failure(write)).toContain('input "output" names where the step writes');
    // Names are unique within a run (a re-run job, or two matrix jobs under one name).
    await uploadBundle(run, 'twice');
    const second = await step('bundle', run, { recipe: fixtureRecipe('helm-components'), data: FIXTURE_DATA, 'upload-artifact': 'twice' });
    expect(second.code, second.log).toBe(2);
    expect(failure(second)).toContain('this run already has an artifact of that name');
    const badName = await step('bundle', run, { recipe: fixtureRecipe('helm-components'), data: FIXTURE_DATA, 'upload-artifact': 'bad:name' });
    expect(badName.code, badName.log).toBe(2);
    expect(failure(badName)).toContain('input "upload-artifact"');
  });
});

describe('the build keeps the artifact client out of actions that do not use it', () => {
  /** Files an entry loads before it runs: its static imports, transitively (dynamic import() excluded). */
  function staticClosure(entry: string): Set<string> {
    const seen = new Set<string>();
    const pending = [entry];
    while (pending.length) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) pending.push(join(dirname(file), match[1]!));
    }
    return seen;
  }
  const dist = join(REPO_ROOT, 'dist');
  const holdsClient = (file: string): boolean => readFileSync(file, 'utf8').includes('github.actions.results.api.v1.ArtifactService');

  it.each(['snapshot', 'recipe', 'validate', 'bundle', 'verify-checksums', 'root', 'cli'])('%s loads it only through import() when it uploads or downloads', (entry) => {
    const closure = staticClosure(join(dist, entry, 'index.js'));
    expect([...closure].filter(holdsClient)).toEqual([]);
    expect(readdirSync(join(dist, 'chunks')).map((name) => join(dist, 'chunks', name)).filter((file) => file.endsWith('.js') && holdsClient(file))).toHaveLength(1);
  });
});
