import { chmodSync, cpSync, existsSync, statSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { catalogFromDir, tempDir, writeTree } from '../helpers/catalog.js';
import { SHARED, UPSTREAM_RECIPES } from '../helpers/paths.js';
import { walkFiles } from '../../src/core/catalog/source.js';
import { isCatalogDocument } from '../../src/core/convert/catalog.js';
import { checkApiVersion, type VersionedKind } from '../../src/core/documents/api-versions.js';
import { loadDataCatalog } from '../../src/core/catalog/embedded.js';
import type { AnnotationProperties, Logger } from '../../src/core/logger.js';
import { silentLogger } from '../../src/core/logger.js';

const UPSTREAM_2026_RECIPES = join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'recipes');

function copyOf(dir: string): string {
  const copy = join(tempDir('aicr-convert-'), 'recipes');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

function snapshotOf(dir: string): Map<string, string> {
  return new Map(walkFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/** The changed lines of a unified diff (without the ---/+++ headers). */
function changedLines(diff: string): string[] {
  return diff.split('\n').filter((line) => /^[-+]/.test(line) && !/^(---|\+\+\+) [ab]\//.test(line));
}

/** Every line but the apiVersion one is byte-identical, and the value is current for the kind. */
function expectOnlyApiVersionChanged(before: string, after: string, path: string): void {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length, path).toBe(a.length);
  const differing = a.map((line, i) => [line, b[i]!] as const).filter(([x, y]) => x !== y);
  expect(differing.length, path).toBe(1);
  for (const [x, y] of differing) {
    expect(x, path).toMatch(/^apiVersion: /);
    expect(y, path).toMatch(/^apiVersion: aicr\.run\/v1beta[12]$/);
  }
  const value = parse(after) as { kind: VersionedKind; apiVersion: string };
  expect(checkApiVersion(value.kind, value.apiVersion, path), path).toBeUndefined();
}

function recording(): { logger: Logger; notices: Array<{ message: string; properties?: AnnotationProperties }> } {
  const notices: Array<{ message: string; properties?: AnnotationProperties }> = [];
  return { logger: { ...silentLogger, notice: (message, properties) => notices.push({ message, ...(properties ? { properties } : {}) }) }, notices };
}

describe.each([
  ['upstream v0.11.1', UPSTREAM_RECIPES, 'aicr.nvidia.com/v1alpha1'],
  ['upstream main 2026-08-21', UPSTREAM_2026_RECIPES, 'aicr.run/v1alpha2'],
])('aicr convert --data on a copy of the %s catalog', (_name, upstream, older) => {
  it('dry run: a diff of apiVersion lines only, nothing written', async () => {
    const dir = copyOf(upstream);
    const before = snapshotOf(dir);
    const result = await runCli(['convert', '--data', dir, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    const documents = [...before.keys()].filter(isCatalogDocument);
    expect(result.stdout.match(/^\+\+\+ b\//gm)).toHaveLength(documents.length);
    const changed = changedLines(result.stdout);
    expect(changed.length).toBe(documents.length * 2);
    for (const line of changed) expect(line).toMatch(/^(-apiVersion: (aicr\.nvidia\.com\/v1alpha1|aicr\.run\/v1alpha[23])|\+apiVersion: aicr\.run\/v1beta[12])$/);
    expect(changed).toContain(`-apiVersion: ${older}`);
    expect(result.stderr).toContain(`would convert ${documents.length} documents of ${dir}`);
    expect(snapshotOf(dir)).toEqual(before);
  });

  it('converts in place: only the apiVersion lines change, and the result reads without notices', async () => {
    const dir = copyOf(upstream);
    const before = snapshotOf(dir);
    const result = await runCli(['convert', '--data', dir]);
    expect(result.code, result.stderr).toBe(0);
    const after = snapshotOf(dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, text] of before) {
      if (isCatalogDocument(path)) expectOnlyApiVersionChanged(text, after.get(path)!, path);
      else expect(after.get(path), path).toBe(text);
    }
    // Profile-bearing overlays (v1alpha3) become v1beta2, the others v1beta1.
    for (const path of [...before.keys()].filter(isCatalogDocument)) {
      const wasProfile = before.get(path)!.includes('apiVersion: aicr.run/v1alpha3');
      expect(after.get(path), path).toContain(wasProfile ? 'apiVersion: aicr.run/v1beta2' : 'apiVersion: aicr.run/v1beta1');
    }
    const again = await runCli(['convert', '--data', dir, '--dry-run']);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('would convert 0 documents');
  });
});

describe('the v0.11.1 catalog as --data', () => {
  it('loads with a notice per older document before conversion and none after', async () => {
    const dir = copyOf(UPSTREAM_RECIPES);
    const before = await catalogFromDir(dir);
    expect(before.overlays.size).toBeGreaterThan(30);
    const { logger, notices } = recording();
    const catalog = await loadDataCatalog(dir, logger);
    const documents = walkFiles(dir).filter(isCatalogDocument).length;
    expect(catalog.apiVersionNotices).toHaveLength(documents);
    expect(catalog.apiVersionNotices[0]).toMatchObject({ value: 'aicr.nvidia.com/v1alpha1', replacement: 'aicr.run/v1beta1', line: expect.any(Number) });
    expect(notices).toHaveLength(11);
    expect(notices[0]!.properties?.file).toMatch(/^.*\/recipes\/(overlays|mixins)\/.*\.yaml$|\/registry\.yaml$/);
    await loadDataCatalog(dir, logger);
    expect(notices, 'reported once per loaded catalog').toHaveLength(11);

    expect((await runCli(['convert', '--data', dir])).code).toBe(0);
    const converted = copyOf(dir);
    const { logger: quiet, notices: none } = recording();
    expect((await loadDataCatalog(converted, quiet)).apiVersionNotices).toEqual([]);
    expect(none).toEqual([]);
  });
});

describe('aicr convert <file>', () => {
  it('rewrites one document in place, keeping quotes, comments and everything else', async () => {
    const text = '# my recipe\nkind: RecipeResult   # result\napiVersion: "aicr.nvidia.com/v1alpha1"  # old\ncomponentRefs: []\n';
    const dir = writeTree({ 'recipe.yaml': text });
    const file = join(dir, 'recipe.yaml');
    chmodSync(file, 0o600);
    const result = await runCli(['convert', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('"aicr.nvidia.com/v1alpha1"', '"aicr.run/v1"'));
    expect(result.stderr).toContain(`${file}: RecipeResult apiVersion aicr.nvidia.com/v1alpha1 → aicr.run/v1`);
    expect(readdirSync(dir)).toEqual(['recipe.yaml']);
    expect(statSync(file).mode & 0o777, 'the file keeps its mode').toBe(0o600);
  });

  it('keeps single quotes, CRLF line ends and JSON layout', async () => {
    const dir = writeTree({
      'a.yaml': "kind: Snapshot\r\napiVersion: 'aicr.run/v1alpha2'\r\nmeasurements: []\r\n",
      'b.json': '{"kind": "RecipeCriteria", "apiVersion": "aicr.nvidia.com/v1alpha1", "spec": {"service": "eks"}}',
    });
    expect((await runCli(['convert', join(dir, 'a.yaml')])).code).toBe(0);
    expect((await runCli(['convert', join(dir, 'b.json')])).code).toBe(0);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe("kind: Snapshot\r\napiVersion: 'aicr.run/v1'\r\nmeasurements: []\r\n");
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('{"kind": "RecipeCriteria", "apiVersion": "aicr.run/v1", "spec": {"service": "eks"}}');
  });

  it('adds an absent apiVersion after the kind line; a profile-bearing overlay gets v1beta2', async () => {
    const dir = writeTree({
      'c.yaml': '# criteria\nkind: RecipeCriteria\nspec:\n  service: eks\n',
      'o.yaml': 'kind: RecipeMetadata\napiVersion: aicr.run/v1alpha3\nmetadata:\n  name: o\nspec:\n  profile: {}\n',
      'p.yaml': 'kind: RecipeMetadata\nmetadata:\n  name: p\nspec:\n  profile: {}\n',
    });
    for (const name of ['c.yaml', 'o.yaml', 'p.yaml']) expect((await runCli(['convert', join(dir, name)])).code, name).toBe(0);
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toBe('# criteria\nkind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  service: eks\n');
    expect(readFileSync(join(dir, 'o.yaml'), 'utf8')).toContain('apiVersion: aicr.run/v1beta2\n');
    expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toBe('kind: RecipeMetadata\napiVersion: aicr.run/v1beta2\nmetadata:\n  name: p\nspec:\n  profile: {}\n');
  });

  it('--dry-run prints a unified diff and writes nothing; a current document prints nothing', async () => {
    const text = 'kind: Snapshot\napiVersion: aicr.nvidia.com/v1alpha1\nmeasurements: []\n';
    const dir = writeTree({ 's.yaml': text, 'now.yaml': 'kind: Snapshot\napiVersion: aicr.run/v1\nmeasurements: []\n' });
    const file = join(dir, 's.yaml');
    const result = await runCli(['convert', file, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`--- a/${file}\n+++ b/${file}\n@@ -1,3 +1,3 @@\n kind: Snapshot\n-apiVersion: aicr.nvidia.com/v1alpha1\n+apiVersion: aicr.run/v1\n measurements: []\n`);
    expect(readFileSync(file, 'utf8')).toBe(text);
    const current = await runCli(['convert', join(dir, 'now.yaml'), '--dry-run']);
    expect(current.stdout).toBe('');
    expect(current.stderr).toContain('already current');
  });

  it('reads - and writes standard output, or --output', async () => {
    const text = 'kind: RecipeMixin\napiVersion: aicr.run/v1alpha2\nmetadata:\n  name: m\n';
    const piped = await runCli(['convert', '-'], { stdin: text });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(text.replace('aicr.run/v1alpha2', 'aicr.run/v1beta1'));
    const out = join(tempDir(), 'sub', 'out.yaml');
    const written = await runCli(['convert', '-', '-o', out], { stdin: text });
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
  });

  it('--data --output writes a whole converted copy and leaves the source alone', async () => {
    const dir = copyOf(UPSTREAM_RECIPES);
    const before = snapshotOf(dir);
    const out = join(tempDir(), 'converted');
    const result = await runCli(['convert', '--data', dir, '--output', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(snapshotOf(dir)).toEqual(before);
    const copy = snapshotOf(out);
    expect([...copy.keys()]).toEqual([...before.keys()]);
    for (const [path, text] of before) if (!isCatalogDocument(path)) expect(copy.get(path), path).toBe(text);
    const again = await runCli(['convert', '--data', dir, '--output', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readdirSync(join(out, '..'))).toEqual(['converted']);
  });
});

describe('aicr convert: bad input (exit 2, nothing written)', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an unknown apiVersion', 'kind: Snapshot\napiVersion: aicr.run/v9\nmeasurements: []\n', /the Snapshot document has apiVersion "aicr.run\/v9", which this aicr does not read; expected "aicr.run\/v1"/],
    ['a version of another kind', 'kind: Snapshot\napiVersion: aicr.run/v1beta1\nmeasurements: []\n', /expected "aicr.run\/v1"/],
    ['no kind', 'apiVersion: aicr.nvidia.com/v1alpha1\nmeasurements: []\n', /has no kind/],
    ['a kind that is not ours', 'kind: Deployment\napiVersion: apps/v1\n', /kind "Deployment" is not an AICR document kind/],
    ['two documents', 'kind: Snapshot\napiVersion: aicr.run/v1\n---\nkind: Snapshot\n', /multiple documents/i],
    ['an alias bomb', `kind: Snapshot\napiVersion: aicr.run/v1alpha2\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`, /alias/i],
    ['a list', '- kind: Snapshot\n', /expected a document/],
    ['a flow mapping without apiVersion', '{kind: Snapshot, measurements: []}\n', /add "apiVersion: aicr.run\/v1" by hand/],
  ];
  for (const [name, text, message] of cases) {
    it(name, async () => {
      const dir = writeTree({ 'doc.yaml': text });
      const result = await runCli(['convert', join(dir, 'doc.yaml')]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(readFileSync(join(dir, 'doc.yaml'), 'utf8')).toBe(text);
      expect(readdirSync(dir)).toEqual(['doc.yaml']);
    });
  }

  it('a catalog with one bad document is not touched at all', async () => {
    const dir = writeTree({
      'registry.yaml': 'kind: ComponentRegistry\napiVersion: aicr.nvidia.com/v1alpha1\ncomponents: []\n',
      'overlays/a.yaml': 'kind: RecipeMetadata\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  name: a\n',
      'overlays/z.yaml': 'kind: RecipeMetadata\napiVersion: example.com/v1\nmetadata:\n  name: z\n',
    });
    const before = snapshotOf(dir);
    const result = await runCli(['convert', '--data', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('overlays/z.yaml');
    expect(snapshotOf(dir)).toEqual(before);
  });

  it('refuses a symlink in the catalog, a URL, a missing file, and a file with --data', async () => {
    const dir = writeTree({ 'registry.yaml': 'kind: ComponentRegistry\napiVersion: aicr.run/v1beta1\ncomponents: []\n' });
    mkdirSync(join(dir, 'overlays'));
    const { symlinkSync } = await import('node:fs');
    symlinkSync('/etc/passwd', join(dir, 'overlays', 'x.yaml'));
    expect((await runCli(['convert', '--data', dir])).code).toBe(2);
    expect((await runCli(['convert', 'https://example.com/r.yaml'])).code).toBe(2);
    const missing = await runCli(['convert', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(3);
    expect((await runCli(['convert', join(dir, 'registry.yaml'), '--data', dir])).code).toBe(2);
    const none = await runCli(['convert']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--file');
  });

  it('a document over the size limit is refused before parsing', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `kind: Snapshot\napiVersion: aicr.run/v1alpha2\nx: "${'a'.repeat(11 * 1024 * 1024)}"\n`);
    const result = await runCli(['convert', file]);
    expect(result.code).toBe(2);
    expect(existsSync(file)).toBe(true);
  });
});
