/**
 * Every stage reads and writes cm:// through the same handler: an agent snapshot lands in a
 * ConfigMap, `aicr recipe` reads it from there and writes its recipe to another ConfigMap, and
 * `aicr validate` and `aicr bundle` read that recipe back (all through the real client against
 * the fake API server, driven through the CLI's main()).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { FIXTURES } from '../../helpers/paths.js';
import { simulateAgentJobs } from '../../fake-kube/index.js';
import { useFakeCluster } from '../../fake-kube/harness.js';

const cluster = useFakeCluster();
// The agent fixture plus the kernel release, which the 2026 catalog's ubuntu overlays constrain
// (OS.sysctl./proc/sys/kernel/osrelease >= 6.8): this cluster meets every constraint.
const osType = '    - type: OS\n      subtypes:\n';
const fixture = readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8');
const agentSnapshot = fixture.replace(osType, `${osType}        - subtype: sysctl\n          data:\n            /proc/sys/kernel/osrelease: 6.8.0-1028-aws\n`);

describe('cm:// round trip through the CLI', () => {
  it('snapshot --agent → cm:// → recipe --snapshot cm:// → cm:// → validate and bundle --recipe cm://', async () => {
    const f = cluster.fake;
    f.create('namespaces', { metadata: { name: 'gpu-ops' } });
    simulateAgentJobs(f, { outcome: 'succeed', snapshot: agentSnapshot });
    const env = { PATH: process.env.PATH, HOME: cluster.dir };
    const k = ['--kubeconfig', cluster.kubeconfig];

    const snapshot = await runCli(['snapshot', '--agent', '-n', 'gpu-ops', ...k, '-o', 'cm://gpu-ops/aicr-snapshot'], { env });
    expect(snapshot.stderr).not.toContain('error:');
    expect(snapshot.code, snapshot.stderr).toBe(0);
    const snapshotCm = f.get('configmaps', 'gpu-ops', 'aicr-snapshot')!;
    expect(snapshotCm.data.format).toBe('yaml');
    expect(parse(snapshotCm.data['snapshot.yaml']).measurements.map((m: { type: string }) => m.type)).toEqual(['K8s', 'SystemD', 'OS', 'GPU', 'NodeTopology']);

    expect(agentSnapshot).not.toBe(fixture);
    // Upstream's 2026 catalog covers eks/h100/ubuntu/training only with a platform.
    const recipe = await runCli(['recipe', '--snapshot', 'cm://gpu-ops/aicr-snapshot', '--intent', 'training', '--platform', 'kubeflow', ...k, '-o', 'cm://gpu-ops/aicr-recipe'], { env });
    expect(recipe.stderr).not.toContain('error:');
    expect(recipe.code, recipe.stderr).toBe(0);
    const recipeCm = f.get('configmaps', 'gpu-ops', 'aicr-recipe')!;
    expect(Object.keys(recipeCm.data).sort()).toEqual(['format', 'snapshot.yaml', 'timestamp']);
    expect(recipeCm.metadata.labels).toMatchObject({ 'app.kubernetes.io/name': 'aicr', 'app.kubernetes.io/component': 'RecipeResult' });
    const recipeDoc = parse(recipeCm.data['snapshot.yaml']);
    expect(recipeDoc.kind).toBe('RecipeResult');
    expect(recipeDoc.criteria).toMatchObject({ service: 'eks', accelerator: 'h100', os: 'ubuntu', intent: 'training', platform: 'kubeflow' });
    expect(recipeDoc.metadata.appliedOverlays).toContain('h100-eks-ubuntu-training-kubeflow');

    const validated = await runCli(['validate', '--recipe', 'cm://gpu-ops/aicr-recipe', '--snapshot', 'cm://gpu-ops/aicr-snapshot', ...k, '--format', 'json', '--fail-on-error=false', '-o', 'cm://gpu-ops/aicr-report', '--phase', 'readiness'], { env });
    expect(validated.stderr).not.toContain('error:');
    expect(validated.code, validated.stderr).toBe(0);
    expect(JSON.parse(validated.stdout).results.summary.tests).toBeGreaterThan(0);
    // The report went to a ConfigMap too (upstream's key naming: snapshot.<ext> for every document).
    expect(JSON.parse(f.get('configmaps', 'gpu-ops', 'aicr-report')!.data['snapshot.json']).results.summary.tests).toBeGreaterThan(0);

    // $KUBECONFIG works as well (the cm:// handler reads the process environment, as the real CLI's).
    process.env.KUBECONFIG = cluster.kubeconfig;
    const viaEnv = await runCli(['validate', '-r', 'cm://gpu-ops/aicr-recipe', '-s', 'cm://gpu-ops/aicr-snapshot', '--fail-on-error=false', '--phase', 'readiness'], { env: { ...env, KUBECONFIG: cluster.kubeconfig } });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);

    const out = join(mkdtempSync(join(tmpdir(), 'aicr-bundle-')), 'bundle');
    const bundle = await runCli(['bundle', '--recipe', 'cm://gpu-ops/aicr-recipe', ...k, '-o', out], { env });
    expect(bundle.stderr).not.toContain('error:');
    expect(bundle.code, bundle.stderr).toBe(0);
    expect(readdirSync(out)).toContain('checksums.txt');

    // Everything was read through the API, never by listing ConfigMaps or touching Secrets.
    expect(f.requests.some((r) => r.resource === 'secrets' || (r.resource === 'configmaps' && r.verb === 'list'))).toBe(false);
    expect(f.requestsFor('get', 'configmaps').map((r) => r.name)).toEqual(expect.arrayContaining(['aicr-snapshot', 'aicr-recipe']));
  });

  it('recipe -o cm:// refuses a recipe rendered as a table from being read back', async () => {
    const k = ['--kubeconfig', cluster.kubeconfig];
    const written = await runCli(['recipe', '--service', 'eks', '--accelerator', 'h100', '--format', 'table', ...k, '-o', 'cm://default/recipe-table']);
    expect(written.code).toBe(0);
    expect(cluster.fake.get('configmaps', 'default', 'recipe-table')!.data).toMatchObject({ format: 'table', 'snapshot.txt': expect.stringContaining('FIELD') });
    const bundle = await runCli(['bundle', '--recipe', 'cm://default/recipe-table', ...k, '-o', join(cluster.dir, 'b')]);
    expect(bundle.code).toBe(2);
    expect(bundle.stderr).toContain('holds a table (snapshot.txt), which cannot be read back');
  });
});
