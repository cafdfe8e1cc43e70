// --config: an AICRConfig's spec.bundle fills the options not given; given ones win; unknown fields are errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { SHARED } from '../helpers/paths.js';
import { smallCatalog } from '../core/bundle/small-catalog.js';

function configFile(text: string): string {
  const path = join(tempDir(), 'aicr-config.yaml');
  writeFileSync(path, text);
  return path;
}

const valuesOf = (dir: string, folder = '001-gateway'): Record<string, any> => parse(readFileSync(join(dir, folder, 'values.yaml'), 'utf8').replace(/^# .*\n---\n/, ''));

describe('aicr bundle --config', () => {
  it('takes recipe, output, deployer, set, dynamic and scheduling from spec.bundle; an older apiVersion is read with a notice', async () => {
    const { data, recipe } = smallCatalog();
    const out = join(tempDir(), 'b');
    const config = configFile(`kind: AICRConfig
apiVersion: aicr.run/v1alpha2
metadata:
  name: team-a
spec:
  bundle:
    input:
      recipe: ${recipe}
    output:
      target: ${out}
    deployment:
      deployer: helmfile
      set:
        - gateway:driver.version=2.0,with-comma
      dynamic:
        - gw:clusterName
    scheduling:
      systemNodeSelector:
        role: system
      systemNodeTolerations:
        - dedicated=system:NoSchedule
`);
    const result = await runCli(['bundle', '--config', config, '--data', data]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('AICRConfig apiVersion "aicr.run/v1alpha2" is an older one, read as "aicr.run/v1beta1"');
    expect(readFileSync(join(out, 'helmfile.yaml'), 'utf8')).toContain('cluster-values.yaml');
    const values = valuesOf(out);
    expect(values.driver.version).toBe('2.0,with-comma');
    expect(values.nodeSelector).toEqual({ role: 'system' });
    expect(values.tolerations).toEqual([{ effect: 'NoSchedule', key: 'dedicated', operator: 'Equal', value: 'system' }]);
  });

  it('lets given flags win and replace lists instead of merging them', async () => {
    const { data, recipe } = smallCatalog();
    const out = join(tempDir(), 'b');
    const config = configFile(`kind: AICRConfig
apiVersion: aicr.run/v1beta1
spec:
  bundle:
    input: { recipe: ${recipe} }
    deployment:
      deployer: flux
      set: [gateway:fromConfig=1, gateway:shared=config]
`);
    const result = await runCli(['bundle', '--config', config, '--data', data, '-o', out, '-d', 'helm', '--set', 'gateway:shared=flag']);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(out, 'deploy.sh'), 'utf8')).toContain('helm');
    const values = valuesOf(out);
    expect(values.shared).toBe('flag');
    expect(values.fromConfig).toBeUndefined();
  });

  it.each([
    ['kind: AICRConfig\napiVersion: aicr.run/v1beta1\nspec:\n  bundel: {}\n', 'field spec.bundel is unknown (did you mean "bundle"?)'],
    ['kind: AICRConfig\napiVersion: aicr.run/v1beta1\nspec:\n  bundle:\n    deployment:\n      deployr: helm\n', 'field spec.bundle.deployment.deployr is unknown (did you mean "deployer"?)'],
    ['kind: AICRConfig\napiVersion: aicr.run/v9\nspec: {}\n', 'the AICRConfig document has apiVersion "aicr.run/v9", which this aicr does not read; expected "aicr.run/v1beta1"'],
    ['kind: AICRConfig\nspec: {}\n', 'the AICRConfig document has no apiVersion; expected "aicr.run/v1beta1"'],
    ['kind: Recipe\napiVersion: aicr.run/v1beta1\n', 'field kind is "Recipe", expected "AICRConfig"'],
    ['kind: AICRConfig\napiVersion: aicr.run/v1beta1\nspec:\n  bundle:\n    deployment:\n      set: gateway:a=1\n', 'field spec.bundle.deployment.set must be a list of strings'],
    ['kind: AICRConfig\napiVersion: aicr.run/v1beta1\nspec:\n  bundle:\n    deployment:\n      deployer: kubectl\n', '--deployer'],
    ['kind: AICRConfig\napiVersion: aicr.run/v1beta1\nspec: {}\n', '--recipe: is required'],
  ])('rejects %j (exit 2)', async (text, message) => {
    const { data } = smallCatalog();
    const result = await runCli(['bundle', '--config', configFile(text), '--data', data, '-o', join(tempDir(), 'b')]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('reads upstream\'s documented example (every bundle field known; unsupported ones reported, not used)', async () => {
    const doc = readFileSync(join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'docs', 'user', 'cli-reference.md'), 'utf8');
    const example = /#### Bundle Config File Mode[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const { data, recipe } = smallCatalog();
    const out = join(tempDir(), 'b');
    const text = example.replace('./recipe.yaml', recipe).replace('oci://ghcr.io/example/bundle:v1.0.0', out).replace(/\n\s+storageClass: gp3/, '').replace('gpuoperator:driver.version', 'gw:driver.version');
    const result = await runCli(['bundle', '--config', configFile(text), '--data', data]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('spec.bundle.attestation is not supported by this aicr and was ignored');
    expect(readFileSync(join(out, 'app-of-apps.yaml'), 'utf8')).toContain('https://example.git/charts');
  });
});

describe('aicr recipe --config', () => {
  it('takes criteria and the output path from spec.recipe; a given flag wins', async () => {
    const dir = tempDir();
    const config = configFile(`kind: AICRConfig
apiVersion: aicr.run/v1beta1
spec:
  recipe:
    criteria:
      service: eks
      accelerator: h100
      intent: training
      os: ubuntu
    output:
      path: ${join(dir, 'recipe.yaml')}
`);
    const result = await runCli(['recipe', '--config', config, '--intent', 'inference']);
    expect(result.code, result.stderr).toBe(0);
    const recipe = parse(readFileSync(join(dir, 'recipe.yaml'), 'utf8'));
    expect(recipe.criteria).toMatchObject({ service: 'eks', accelerator: 'h100', intent: 'inference', os: 'ubuntu' });
    expect(result.stderr).toContain('--intent given: it replaces spec.recipe.criteria.intent');
  });

  it('refuses a bundle input that is not the recipe the same file writes', async () => {
    const config = configFile('kind: AICRConfig\napiVersion: aicr.run/v1beta1\nspec:\n  recipe:\n    output: { path: a.yaml }\n  bundle:\n    input: { recipe: b.yaml }\n');
    const result = await runCli(['recipe', '--config', config, '--service', 'eks']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('field spec.bundle.input.recipe is "b.yaml", but spec.recipe.output.path writes "a.yaml"');
  });
});

describe('aicr snapshot --config', () => {
  it('takes the output path, format and execution settings from spec.snapshot; a wrong type names the field', async () => {
    const dir = tempDir();
    const config = configFile(`kind: AICRConfig
apiVersion: aicr.run/v1beta1
spec:
  snapshot:
    output:
      path: ${join(dir, 'snapshot.json')}
      format: json
    execution:
      timeout: 90s
      maxNodesPerEntry: 3
`);
    // --local: the agent Job is aicr snapshot's default, and no cluster is reachable here.
    const result = await runCli(['snapshot', '--local', '--config', config], { env: { PATH: '' } });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')).kind).toBe('Snapshot');
    const bad = await runCli(['snapshot', '--config', configFile('kind: AICRConfig\napiVersion: aicr.run/v1beta1\nspec:\n  snapshot:\n    execution:\n      maxNodesPerEntry: many\n')], { env: { PATH: '' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('field spec.snapshot.execution.maxNodesPerEntry must be a whole number');
  });
});
