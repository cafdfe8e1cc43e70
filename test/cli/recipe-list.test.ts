import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { writeTree } from '../helpers/catalog.js';

const registry = { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] };
const overlay = (name: string, spec: Record<string, unknown>) => ({ kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name }, spec });

/** A --data catalog: a leaf under an embedded overlay, an intermediate with its own leaf, and broken leaves. */
function dataCatalog(): string {
  return writeTree({
    'registry.yaml': registry,
    // Another leaf under the embedded (intermediate) h100-eks-ubuntu-training.
    'overlays/h100-eks-ubuntu-training-custom.yaml': overlay('h100-eks-ubuntu-training-custom', {
      base: 'h100-eks-ubuntu-training',
      criteria: { service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu', platform: 'kubeflow', nodes: 8 },
      validation: { readiness: { checks: ['b-check', 'a-check'], constraints: [{ name: 'K8s.server.version', value: '>= 1.30' }] } },
    }),
    // The embedded monitoring-hpa leaf gains a child here, so it is a leaf no more.
    'overlays/hpa-child.yaml': overlay('hpa-child', { base: 'monitoring-hpa', criteria: { service: 'oke' }, componentRefs: [{ name: 'unpinned-chart', type: 'Helm', source: 'https://charts.example.com', chart: 'x', version: ' ' }] }),
    'overlays/broken-leaf.yaml': overlay('broken-leaf', { base: 'no-such-parent', criteria: { service: 'aks', accelerator: 'a100' } }),
    'overlays/bad-constraint.yaml': overlay('bad-constraint', { criteria: { service: 'gke', accelerator: 'a100' }, constraints: [{ name: 'NotAPath', value: '1' }] }),
  });
}

describe('aicr recipe list (embedded catalog)', () => {
  it('lists every overlay with criteria by name, leaves scored, as upstream\'s table with the wildcard legend', async () => {
    const result = await runCli(['recipe', 'list']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    // Columns are as wide as their longest value plus two: ACCELERATOR's is rtx-pro-6000.
    expect(lines[0]).toMatch(/^NAME {2,}SERVICE {2}ACCELERATOR {3}INTENT {5}OS {6}PLATFORM {2}IS_LEAF {2}STATUS {2}COVERAGE {10}SOURCE$/);
    const rows = lines.slice(1, lines.indexOf(''));
    const names = rows.map((row) => row.split(/ +/)[0]!);
    expect(names).toEqual([...names].sort());
    expect(names).not.toContain('base');
    const row = (name: string) => rows.find((r) => r.startsWith(`${name} `))!.split(/ +/);
    expect(row('h100-eks-ubuntu-training-kubeflow')).toEqual(['h100-eks-ubuntu-training-kubeflow', 'eks', 'h100', 'training', 'ubuntu', 'kubeflow', 'true', 'pass', 'R:0', 'D:4', 'P:1', 'C:10', 'embedded']);
    // An intermediate overlay: unset fields read "any", no health.
    expect(row('eks-training')).toEqual(['eks-training', 'eks', 'any', 'training', 'any', 'any', 'false', '-', '-', 'embedded']);
    // The columns line up: every row's SOURCE starts where the header's does.
    const at = lines[0]!.indexOf('SOURCE');
    for (const r of rows) expect(r.slice(at)).toBe('embedded');
    expect(result.stdout.endsWith('\nany = wildcard (dimension unconstrained — matches any value)\n')).toBe(true);
  });

  it('filters by exact criteria values (aliases accepted, any means no filter), ANDed, in every format', async () => {
    const json = await runCli(['recipe', 'list', '--gpu', 'H100', '--service', 'eks', '--intent', 'training', '--os', 'any', '-t', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const entries = JSON.parse(json.stdout);
    expect(entries.map((e: { name: string }) => e.name)).toEqual(['h100-eks-training', 'h100-eks-ubuntu-training', 'h100-eks-ubuntu-training-kubeflow', 'h100-eks-ubuntu-training-slurm']);
    // Upstream's JSON: Go field names for the criteria, '' where the overlay leaves a field out.
    expect(Object.keys(entries[0])).toEqual(['name', 'criteria', 'is_leaf', 'source']);
    expect(entries[0].criteria).toEqual({ Service: 'eks', Accelerator: 'h100', Intent: 'training', OS: '', Platform: '', Nodes: 0 });
    const leaf = entries[2];
    expect(Object.keys(leaf)).toEqual(['name', 'criteria', 'is_leaf', 'source', 'health']);
    expect(leaf.health.status).toBe('pass');
    expect(leaf.health.dimensions).toEqual({ chart_pinned: 'pass', constraints_wellformed: 'pass', resolves: 'pass' });
    expect(Object.keys(leaf.health.coverage)).toEqual(['readiness', 'deployment', 'performance', 'conformance']);
    expect(leaf.health.coverage.readiness).toEqual({ declared: false, constraints: 0 });
    expect(leaf.health.coverage.deployment.checks).toEqual([...leaf.health.coverage.deployment.checks].sort());
    const yaml = await runCli(['recipe', 'list', '--accelerator', 'h100', '--service', 'eks', '--intent', 'training', '-t', 'yaml', '--no-health']);
    const listed = parse(yaml.stdout);
    expect(listed.map((e: { name: string }) => e.name)).toEqual(entries.map((e: { name: string }) => e.name));
    expect(listed[0]).toEqual({ criteria: { accelerator: 'h100', intent: 'training', nodes: 0, os: '', platform: '', service: 'eks' }, is_leaf: false, name: 'h100-eks-training', source: 'embedded' });
    expect(yaml.stdout).not.toContain('health');
    // An overlay naming any field "any" is not what a filter on that field asks for.
    // (metal3 is a valid service no overlay of upstream 2026 names.)
    const none = await runCli(['recipe', 'list', '--service', 'metal3']);
    expect(none.stdout).toMatch(/^NAME .*SOURCE\n\(no matching overlays\)\n$/);
    expect((await runCli(['recipe', 'list', '--service', 'metal3', '-t', 'json'])).stdout).toBe('[]\n');
    expect((await runCli(['recipe', 'list', '--service', 'metal3', '-t', 'yaml'])).stdout).toBe('[]\n');
  });

  it('--no-health (or --skip-health) drops the STATUS and COVERAGE columns', async () => {
    const result = await runCli(['recipe', 'list', '--skip-health', '--platform', 'dynamo']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^NAME +SERVICE {2}ACCELERATOR {3}INTENT {5}OS {6}PLATFORM {2}IS_LEAF {2}SOURCE$/);
    expect(result.stdout).not.toContain('pass');
  });

  it('refuses bad values with the option named, exit 2, and takes no GitLab inputs', async () => {
    const bad = await runCli(['recipe', 'list', '--os', 'windows']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('invalid os type: windows');
    expect(bad.stderr).toContain('--os must be one of');
    const format = await runCli(['recipe', 'list', '-t', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format: "xml" is not one of table, json, yaml');
    const flag = await runCli(['recipe', 'list', '--nodes', '2']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('unknown flag --nodes for "aicr recipe list"');
    const positional = await runCli(['recipe', 'list', 'extra']);
    expect(positional.code).toBe(2);
    const missing = await runCli(['recipe', 'list', '--data', '/non/existent']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('--data');
  });

  it('has its own help, reachable as "aicr help recipe list" too', async () => {
    const help = await runCli(['recipe', 'list', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: aicr recipe list');
    expect(help.stdout).toContain('--no-health, --skip-health');
    expect((await runCli(['help', 'recipe', 'list'])).stdout).toBe(help.stdout);
    expect((await runCli(['--help'])).stdout).toMatch(/\n {2}recipe list {2,}list the catalog/);
  });
});

describe('aicr recipe list: configuration profiles (upstream\'s profile field)', () => {
  it('gives each overlay the profile its criteria resolve to, in JSON and YAML, and none where no overlay declares one', async () => {
    const json = await runCli(['recipe', 'list', '--service', 'aks', '--no-health', '-t', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const entries: Array<Record<string, any>> = JSON.parse(json.stdout);
    const leaf = entries.find((e) => e.name === 'h100-aks-ubuntu-training-kubeflow')!;
    expect(Object.keys(leaf)).toEqual(['name', 'criteria', 'is_leaf', 'source', 'profile']);
    expect(leaf.profile).toEqual({ name: 'gpuStack', description: 'Who installs the GPU driver and container toolkit.', default: 'azure-managed', values: ['azure-managed', 'operator-managed'] });
    // The intermediate overlay that declares it lists it too.
    expect(entries.find((e) => e.name === 'aks')!.profile.name).toBe('gpuStack');
    const yaml = parse((await runCli(['recipe', 'list', '--service', 'aks', '--no-health', '-t', 'yaml'])).stdout);
    expect(yaml.find((e: { name: string }) => e.name === leaf.name).profile).toEqual(leaf.profile);
    // With health, profile comes before health (upstream's field order).
    const withHealth: Array<Record<string, any>> = JSON.parse((await runCli(['recipe', 'list', '--service', 'aks', '--accelerator', 'h100', '-t', 'json'])).stdout);
    expect(Object.keys(withHealth.find((e) => e.name === leaf.name)!)).toEqual(['name', 'criteria', 'is_leaf', 'source', 'profile', 'health']);
    const eks: Array<Record<string, any>> = JSON.parse((await runCli(['recipe', 'list', '--service', 'eks', '--no-health', '-t', 'json'])).stdout);
    expect(eks.length).toBeGreaterThan(0);
    for (const entry of eks) expect(entry.profile).toBeUndefined();
  });

  it('lists a --data overlay\'s declaration, description left out when it has none, values sorted', async () => {
    const data = writeTree({
      'registry.yaml': registry,
      'overlays/mycloud.yaml': {
        kind: 'RecipeMetadata',
        apiVersion: 'aicr.run/v1beta2',
        metadata: { name: 'mycloud' },
        spec: { criteria: { service: 'kind', accelerator: 'a100' }, profile: { name: 'stack', default: 'zeta', values: { zeta: {}, alpha: {} } } },
      },
    });
    const result = await runCli(['recipe', 'list', '--data', data, '--service', 'kind', '--accelerator', 'a100', '--no-health', '-t', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const entry = JSON.parse(result.stdout).find((e: { name: string }) => e.name === 'mycloud');
    expect(entry.profile).toEqual({ name: 'stack', default: 'zeta', values: ['alpha', 'zeta'] });
  });
});

describe('aicr recipe list --data (a catalog written for the test)', () => {
  it('lists external overlays as external, recomputes leaves across both layers, and grades each leaf', async () => {
    const data = dataCatalog();
    const result = await runCli(['recipe', 'list', '--data', data, '-t', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const entries: Array<Record<string, any>> = JSON.parse(result.stdout);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const custom = byName.get('h100-eks-ubuntu-training-custom')!;
    expect(custom.source).toBe('external');
    expect(custom.is_leaf).toBe(true);
    expect(custom.criteria).toEqual({ Service: 'eks', Accelerator: 'h100', Intent: 'training', OS: 'ubuntu', Platform: 'kubeflow', Nodes: 8 });
    expect(custom.health.status).toBe('pass');
    expect(custom.health.coverage.readiness).toEqual({ declared: true, checks: ['a-check', 'b-check'], constraints: 1 });
    expect(byName.get('monitoring-hpa')!.is_leaf).toBe(false);
    expect(byName.get('monitoring-hpa')!.health).toBeUndefined();
    const unpinned = byName.get('hpa-child')!;
    expect(unpinned.health.status).toBe('fail');
    expect(unpinned.health.dimensions.chart_pinned).toBe('fail');
    expect(unpinned.health.detail.chart_pinned).toBe('unpinned Helm chart version for: unpinned-chart');
    const broken = byName.get('broken-leaf')!;
    expect(broken.health).toMatchObject({ status: 'fail', dimensions: { resolves: 'fail' } });
    expect(broken.health.detail.resolves).toContain('no-such-parent');
    expect(broken.health.coverage).toBeUndefined();
    const badConstraint = byName.get('bad-constraint')!;
    expect(badConstraint.health.dimensions.constraints_wellformed).toBe('fail');
    expect(badConstraint.health.detail.constraints_wellformed).toContain('constraint "NotAPath": malformed path');
    // The table shows the same verdicts.
    const table = await runCli(['recipe', 'list', '--data', data, '--service', 'aks', '--accelerator', 'a100']);
    expect(table.stdout.split('\n').find((row) => row.startsWith('broken-leaf '))!.split(/ +/)).toEqual(['broken-leaf', 'aks', 'a100', 'any', 'any', 'any', 'true', 'fail', '-', 'external']);
    // The same inputs give the same bytes.
    expect((await runCli(['recipe', 'list', '--data', data, '-t', 'json'])).stdout).toBe(result.stdout);
  });
});
