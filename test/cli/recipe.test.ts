import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/catalog.js';
import { CONFORMANCE_CASES, UPSTREAM_2026_RECIPES } from '../helpers/paths.js';

const cases = parse(readFileSync(CONFORMANCE_CASES, 'utf8'));
const errorCase = (id: string) => cases.errorCases.find((c: { id: string }) => c.id === id);
/** Splits a conformance `cli:` line the way a shell would (double-quoted segments kept). */
const argvOf = (cli: string) => [...cli.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

describe('aicr recipe: conformance error cases', () => {
  it.each([
    ['e-bad-service-flag', 2],
    ['e-bad-service-flag-query', 2],
    ['e-bad-accelerator', 2],
    ['e-bad-intent', 2],
    ['e-bad-os', 2],
    ['e-bad-platform', 2],
    ['e-raw-value-in-message', 2],
    ['e-no-criteria', 2],
    ['e-duplicate-flag', 2],
  ])('%s exits %i with the same facts in the message', async (id, exitCode) => {
    const testCase = errorCase(id);
    const result = await runCli(argvOf(testCase.input.cli));
    expect(result.code).toBe(exitCode);
    expect(result.stdout).toBe('');
    const want = testCase.expect.innermost ?? testCase.expect.message.replace(/^.*\] /, '');
    expect(result.stderr).toContain(want);
  });

  // Deliberate differences (README): every door reads options through one reader, which refuses a
  // negative --nodes (upstream ignores it) and words enum errors its own way (same facts).
  it.each([
    ['e-negative-nodes-flag-ignored', '--nodes: must be at least 0, not -1'],
    ['e-bad-format', '--format: "xml" is not one of yaml, json, table'],
  ])('%s exits 2, naming the option, the value and what is allowed', async (id, message) => {
    const result = await runCli(argvOf(errorCase(id).input.cli));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('lists the allowed values when an enum is wrong', async () => {
    const result = await runCli(['recipe', '--os', 'windows']);
    expect(result.stderr).toContain('invalid os type: windows');
    expect(result.stderr).toContain('hint: --os must be one of: amazonlinux, cos, ol, rhel, talos, ubuntu (or "any")');
  });

  it.each([
    ['e-data-missing-dir', ['recipe', '--service', 'eks', '--data', '/non/existent'], 3, 'external data directory not found: /non/existent'],
  ])('%s', async (_id, argv, code, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it('e-data-missing-registry', async () => {
    const dir = tempDir();
    const result = await runCli(['recipe', '--service', 'eks', '--data', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`registry.yaml is required in external data directory: ${dir}`);
  });

  it.each(['e-criteria-kind', 'e-criteria-enum'])('%s', async (id) => {
    const testCase = errorCase(id);
    const dir = writeTree({ 'criteria.yaml': testCase.input.criteriaFile });
    const result = await runCli(['recipe', '--criteria', join(dir, 'criteria.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(testCase.expect.innermost);
    if (testCase.expect.wrapper) expect(result.stderr).toContain(testCase.expect.wrapper);
    expect(result.stderr).toContain(join(dir, 'criteria.yaml'));
  });

  // Deliberate differences (README): documents must carry an apiVersion we read (upstream v1's
  // rule); v0.11.1 read a criteria file without one and expected aicr.nvidia.com/v1alpha1.
  it('e-criteria-negative-nodes, with the apiVersion every document now carries', async () => {
    const testCase = errorCase('e-criteria-negative-nodes');
    const dir = writeTree({ 'criteria.yaml': { kind: 'RecipeCriteria', apiVersion: 'aicr.run/v1', ...testCase.input.criteriaFile } });
    const result = await runCli(['recipe', '--criteria', join(dir, 'criteria.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(testCase.expect.innermost);
    const bare = writeTree({ 'criteria.yaml': testCase.input.criteriaFile });
    const refused = await runCli(['recipe', '--criteria', join(bare, 'criteria.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${join(bare, 'criteria.yaml')}: the RecipeCriteria document has no apiVersion; expected "aicr.run/v1"`);
  });

  it('e-criteria-apiversion names the value and the apiVersion expected now', async () => {
    const testCase = errorCase('e-criteria-apiversion');
    const dir = writeTree({ 'criteria.yaml': testCase.input.criteriaFile });
    const result = await runCli(['recipe', '--criteria', join(dir, 'criteria.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'criteria.yaml')}:2: the RecipeCriteria document has apiVersion "wrong.version/v1", which this aicr does not read; expected "aicr.run/v1"`);
  });

  it('reads a criteria file of upstream v0.11.1 with a notice naming the file, the value and its replacement', async () => {
    const dir = writeTree({ 'criteria.yaml': 'kind: RecipeCriteria\napiVersion: aicr.nvidia.com/v1alpha1\nspec:\n  service: eks\n' });
    const result = await runCli(['recipe', '--criteria', join(dir, 'criteria.yaml')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`notice: ${join(dir, 'criteria.yaml')}:2: older apiVersion: RecipeCriteria apiVersion "aicr.nvidia.com/v1alpha1" is an older one, read as "aicr.run/v1"`);
    expect(result.stdout).toContain('apiVersion: aicr.run/v1\n');
  });

  // The cases record v0.11.1's catalog (test/core/recipe/conformance.test.ts answers them there);
  // on the embedded upstream 2026 catalog, h100-any covers a lone --accelerator h100, and
  // gke+ubuntu+training is covered by no overlay.
  it.each([
    ['ok-criteria-partial', { appliedOverlays: ['base', 'monitoring-hpa', 'h100-any'] }],
    ['ok-criteria-flag-override', { uncovered: ['service', 'intent', 'os'] }],
  ] as Array<[string, { appliedOverlays?: string[]; uncovered?: string[] }]>)('%s', async (id, on2026) => {
    const testCase = errorCase(id);
    const dir = writeTree({ 'criteria.yaml': testCase.input.criteriaFile });
    const flags = Object.entries(testCase.input.flags ?? {}).flatMap(([k, v]) => [`--${k}`, String(v)]);
    const result = await runCli(['recipe', '-c', join(dir, 'criteria.yaml'), ...flags]);
    if (on2026.uncovered) {
      // Upstream's coverage rule (2026-08-21): the fields no recipe covers, exit 2.
      expect([result.code, result.stdout]).toEqual([2, '']);
      for (const field of ['service', 'accelerator', 'intent', 'os']) {
        const named = result.stderr.includes(`no recipe provides --${field} '`);
        expect(named, field).toBe(on2026.uncovered.includes(field));
      }
      return;
    }
    expect(result.code, result.stderr).toBe(0);
    const recipe = parse(result.stdout);
    expect(recipe.metadata.appliedOverlays).toEqual(on2026.appliedOverlays);
    if (testCase.expect.criteria) expect(recipe.criteria).toEqual(testCase.expect.criteria);
  });
});

describe('aicr recipe', () => {
  it('prints the same recipe as YAML and JSON, deterministically', async () => {
    const argv = ['recipe', '--service', 'EKS', '--gpu', ' H100 ', '--intent', 'training', '--os', 'Ubuntu'];
    const yaml = await runCli(argv);
    const json = await runCli([...argv, '-t', 'json']);
    expect(yaml.code, yaml.stderr).toBe(0);
    expect(parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
    expect((await runCli(argv)).stdout).toBe(yaml.stdout);
    const recipe = parse(yaml.stdout);
    expect(recipe.criteria).toEqual({ service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu', platform: 'any' });
    expect(Object.keys(recipe)).toEqual(['kind', 'apiVersion', 'metadata', 'criteria', 'constraints', 'componentRefs', 'deploymentOrder', 'validation']);
    expect(yaml.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('prints a table of leaf values', async () => {
    const result = await runCli(['recipe', '--service', 'eks', '--format', 'table']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^FIELD\s+VALUE$/);
    expect(result.stdout).toMatch(/^componentRefs\[0\]\.name\s+aws-ebs-csi-driver$/m);
  });

  it('writes --output atomically and leaves no temporary files', async () => {
    const dir = tempDir();
    const target = join(dir, 'out', 'recipe.json');
    const result = await runCli(['recipe', '--service', 'kind', '--intent', 'inference', '-t', 'json', '-o', target]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(target, 'utf8')).metadata.appliedOverlays).toEqual(['base', 'monitoring-hpa', 'kind', 'kind-inference']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['recipe.json']);
  });

  it('refuses an output path that is a directory, without creating anything', async () => {
    const dir = tempDir();
    const result = await runCli(['recipe', '--service', 'eks', '-o', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dir} is a directory`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads criteria from stdin and a snapshot from a file; flags override the snapshot', async () => {
    const fromStdin = await runCli(['recipe', '--criteria', '-'], { stdin: 'kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  service: gke\n  os: cos\n  intent: training\n' });
    expect(parse(fromStdin.stdout).metadata.appliedOverlays).toEqual(['base', 'monitoring-hpa', 'gke-cos', 'gke-cos-training']);

    // Kubernetes 1.34: upstream 2026's gb200-eks-training overlay asks for >= 1.34.
    const dir = writeTree({ 'snap.yaml': { kind: 'Snapshot', apiVersion: 'aicr.run/v1', measurements: [{ type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.34.2-eks-3025e55' } }] }, { type: 'GPU', subtypes: [{ subtype: 'smi', data: { 'gpu.model': 'NVIDIA H100 80GB HBM3' } }] }] } });
    const fromSnapshot = await runCli(['recipe', '-s', join(dir, 'snap.yaml'), '--intent', 'training', '--accelerator', 'gb200']);
    expect(fromSnapshot.code, fromSnapshot.stderr).toBe(0);
    expect(parse(fromSnapshot.stdout).criteria).toMatchObject({ service: 'eks', accelerator: 'gb200', intent: 'training' });
    expect(fromSnapshot.stderr).toContain('--accelerator gb200 overrides the value detected');
  });

  it('explains a malformed criteria file with its line', async () => {
    const dir = writeTree({ 'c.yaml': 'kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  service: eks\n   intent: training\n' });
    const result = await runCli(['recipe', '-c', join(dir, 'c.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${join(dir, 'c.yaml')}:\\d+:\\d+: malformed YAML`));
  });

  it('rejects a nodes value that is not a number and an unknown flag with a suggestion', async () => {
    expect((await runCli(['recipe', '--nodes', 'eight'])).stderr).toContain('--nodes: takes a whole number, not "eight"');
    const unknown = await runCli(['recipe', '--servce', 'eks']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean --service');
  });

  it('rejects plain http URLs and reports unreachable https ones as unavailable', async () => {
    const http = await runCli(['recipe', '--criteria', 'http://example.com/c.yaml']);
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('http:// URLs are not allowed');
    const down = await runCli(['recipe', '--criteria', 'https://127.0.0.1:1/c.yaml']);
    expect(down.code).toBe(6);
  });

  it('layers --data over the embedded catalog', async () => {
    // Upstream's own 2026-08-21 data directory, the embedded catalog's source: layered over it,
    // the recipe is the same, and its older apiVersions are read with notices.
    const argv = ['recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training'];
    const result = await runCli([...argv, '--data', UPSTREAM_2026_RECIPES]);
    expect(result.code, result.stderr).toBe(0);
    expect(parse(result.stdout).metadata.appliedOverlays).toEqual(['base', 'monitoring-hpa', 'h100-any', 'eks', 'eks-training', 'h100-eks-training']);
    expect(result.stdout).toBe((await runCli(argv)).stdout);
    expect(result.stderr).toContain('older apiVersion');
  });

  it('shows help, version and the exit-code table', async () => {
    const help = await runCli(['recipe', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--accelerator, --gpu <gpu>');
    expect((await runCli(['--version'])).stdout).toMatch(/^aicr \d+\.\d+\.\d+\n$/);
    const top = await runCli(['--help']);
    expect(top.stdout).toContain('10  constraints failed');
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});

describe('bundled CLI (bin/aicr.js)', () => {
  it('runs from any directory on the precompiled catalog and matches the in-process result', async () => {
    const dir = tempDir();
    const argv = ['recipe', '--service', 'aks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '--platform', 'kubeflow'];
    const bundled = runBin(argv, { cwd: dir });
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(bundled.stdout).toBe((await runCli(argv)).stdout);
    expect(existsSync(join(dir, 'recipe.yaml'))).toBe(false);
  });

  it('is byte-identical across time zones and locales', () => {
    const argv = ['recipe', '--service', 'gke', '--accelerator', 'h100', '--intent', 'inference', '--os', 'cos', '--platform', 'dynamo'];
    const a = runBin(argv, { env: { PATH: process.env.PATH, TZ: 'UTC', LANG: 'C' } });
    const b = runBin(argv, { env: { PATH: process.env.PATH, TZ: 'Asia/Kolkata', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' } });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('hydrates values from the precompiled catalog (aicr query)', async () => {
    const argv = ['query', '--service', 'kind', '--accelerator', 'h100', '--intent', 'training', '--selector', 'components.gpu-operator.values'];
    const bundled = runBin(argv);
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(bundled.stdout).toBe((await runCli(argv)).stdout);
    expect(parse(bundled.stdout).driver.enabled).toBe(false);
  });

  it('exits with the error code of a failure', () => {
    const result = runBin(['recipe', '--service', 'foo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid service type: foo');
  });
});

