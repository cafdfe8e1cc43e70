import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validate as validateCtrf } from 'ctrf';
import { parse as parseJunit } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { useFakeCluster } from '../fake-kube/harness.js';
import { runBin, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURES, UPSTREAM_EXAMPLES, upstreamMockSnapshot } from '../helpers/paths.js';

const fixture = (name: string) => join(FIXTURES, 'validate', name);
const recipe = fixture('recipe-extended.yaml');

describe('aicr validate', () => {
  it('prints a table and exits 0 when everything passes', async () => {
    const result = await runCli(['validate', '--recipe', recipe, '--snapshot', fixture('snapshot-eks-h100-pass.yaml')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^PHASE\s+CONSTRAINT/);
    expect(result.stdout).toMatch(/readiness\s+SystemD\.containerd\.service\.ActiveState\s+active\s+active\s+passed/);
    expect(result.stdout).toContain('status: pass (8 constraints: 8 passed, 0 failed, 0 skipped)');
    expect(result.stderr).toContain('validate: pass (8 passed, 0 failed, 0 skipped of 8 constraints; deployment, performance, conformance skipped: no cluster access (no kubeconfig given, no $KUBECONFIG or ~/.kube/config, not running in a pod))');
  });

  it('exits 10 when a constraint fails, and writes every report first', async () => {
    const dir = tempDir('aicr-cli-validate-');
    const out = (name: string) => join(dir, name);
    const result = await runCli([
      'validate', '-r', recipe, '-s', fixture('snapshot-mixed.yaml'),
      '-o', out('ctrf.json'), '--junit', out('junit.xml'), '--codequality', out('cq.json'), '--dotenv', out('validate.env'),
    ]);
    expect(result.code).toBe(10);
    expect(result.stderr).toContain('; exit 10');
    const ctrf = JSON.parse(readFileSync(out('ctrf.json'), 'utf8'));
    expect(validateCtrf(ctrf).valid).toBe(true);
    expect(ctrf.results.summary).toMatchObject({ tests: 11, passed: 5, failed: 1, skipped: 5 });
    const junit = (await parseJunit(readFileSync(out('junit.xml'), 'utf8'))) as Record<string, any>;
    expect(junit.failures).toBe(1);
    const issues = JSON.parse(readFileSync(out('cq.json'), 'utf8'));
    // Paths in the Code Quality report are relative to the working directory (the project root in CI).
    expect(issues[0]).toMatchObject({ check_name: 'aicr-validate/constraint-failed', location: { path: 'test/fixtures/validate/recipe-extended.yaml', lines: { begin: 13 } } });
    expect(readFileSync(out('validate.env'), 'utf8')).toBe(`AICR_VALIDATE_STATUS=fail\nAICR_VALIDATE_PASSED=5\nAICR_VALIDATE_FAILED=1\nAICR_VALIDATE_SKIPPED=2\nAICR_VALIDATE_REPORT_PATH=${out('ctrf.json')}\n`);
  });

  it('reports without failing with --fail-on-error=false', async () => {
    const result = await runCli(['validate', '-r', recipe, '-s', fixture('snapshot-mixed.yaml'), '--fail-on-error=false']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('status: fail');
  });

  it('prints CTRF as json or yaml, or on stdout with -o -', async () => {
    const args = ['validate', '-r', recipe, '-s', fixture('snapshot-eks-h100-pass.yaml')];
    const json = await runCli([...args, '--format', 'json']);
    expect(JSON.parse(json.stdout).reportFormat).toBe('CTRF');
    const yaml = await runCli([...args, '-t', 'yaml']);
    expect(parseYaml(yaml.stdout)).toEqual(JSON.parse(json.stdout));
    const stdout = await runCli([...args, '-o', '-', '--format', 'table']);
    expect(JSON.parse(stdout.stdout)).toEqual(JSON.parse(json.stdout));
    const stamped = await runCli([...args, '--format', 'json', '--timestamps']);
    expect(JSON.parse(stamped.stdout).timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(JSON.parse(json.stdout).timestamp).toBeUndefined();
  });

  it('takes --phase as repeatable and comma lists, and accepts --no-cluster', async () => {
    const result = await runCli(['validate', '-r', recipe, '-s', fixture('snapshot-eks-h100-pass.yaml'), '--phase', 'conformance', '--phase=deployment,conformance', '--no-cluster', '-t', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).results.tests.filter((t: { suite: string[] }) => t.suite[0] !== 'readiness').map((t: { name: string }) => t.name)).toEqual(['conformance', 'deployment']);
  });

  it('reads the recipe from stdin', async () => {
    const result = await runCli(['validate', '-r', '-', '-s', fixture('snapshot-eks-h100-pass.yaml'), '-t', 'json'], { stdin: readFileSync(recipe, 'utf8') });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).results.extra.recipe).toBe('<stdin>');
  });

  it('warns that there is nothing to validate and exits 0', async () => {
    const result = await runCli(['validate', '-r', fixture('recipe-no-constraints.yaml'), '-s', fixture('snapshot-mixed.yaml')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: nothing to validate');
    expect(result.stdout).toContain('status: partial (0 constraints');
  });

  it.each([
    [['validate', '-s', fixture('snapshot-mixed.yaml')], 2, '--recipe: is required'],
    [['validate', '-r', recipe], 2, '--snapshot: is required'],
    [['validate', '-r', recipe, '-s', fixture('snapshot-mixed.yaml'), '--phase', 'smoke'], 2, '--phase: "smoke" is not one of readiness, deployment, performance, conformance, all'],
    [['validate', '-r', recipe, '-s', fixture('snapshot-mixed.yaml'), '--format', 'xml'], 2, '--format: "xml" is not one of table, json, yaml'],
    [['validate', '-r', recipe, '-s', fixture('snapshot-mixed.yaml'), '--fail-on-error=maybe'], 2, '--fail-on-error: takes true or false, not "maybe"'],
    [['validate', '-r', recipe, '-s', fixture('snapshot-mixed.yaml'), '--junit', 'cm://Bad/x'], 2, 'invalid namespace'],
    [['validate', '-r', fixture('recipe-malformed.yaml'), '-s', fixture('snapshot-mixed.yaml')], 2, 'recipe-malformed.yaml:9: the recipe has 3 malformed constraints'],
    [['validate', '-r', recipe, '-s', recipe], 2, '--snapshot: invalid kind "RecipeResult", expected "Snapshot"'],
    [['validate', '-r', join(tempDir(), 'missing.yaml'), '-s', recipe], 3, 'file not found'],
  ])('%j exits %i: %s', async (argv, code, message) => {
    const result = await runCli(argv as string[]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('writes no report when the input is bad', async () => {
    const dir = tempDir('aicr-cli-validate-bad-');
    const result = await runCli(['validate', '-r', fixture('recipe-malformed.yaml'), '-s', fixture('snapshot-mixed.yaml'), '-o', join(dir, 'ctrf.json'), '--junit', join(dir, 'junit.xml')]);
    expect(result.code).toBe(2);
    expect(existsSync(join(dir, 'ctrf.json'))).toBe(false);
    expect(existsSync(join(dir, 'junit.xml'))).toBe(false);
  });

  it('runs from the built bundle (bin/aicr.js) with the upstream example', () => {
    const dir = tempDir('aicr-bin-validate-');
    writeFileSync(join(dir, 'snapshot.yaml'), readFileSync(upstreamMockSnapshot()));
    const result = runBin(['validate', '-r', join(UPSTREAM_EXAMPLES, 'recipe-eks-gb200-ubuntu-training-with-validation.yaml'), '-s', 'snapshot.yaml', '-o', 'out/ctrf.json', '--codequality', 'gl-code-quality-report.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('status: partial (4 constraints: 3 passed, 0 failed, 1 skipped)');
    const ctrf = JSON.parse(readFileSync(join(dir, 'out', 'ctrf.json'), 'utf8'));
    expect(ctrf.results.extra.snapshot).toBe('snapshot.yaml');
    const issues = JSON.parse(readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8'));
    expect(issues).toHaveLength(1);
    expect(issues[0].location.lines.begin).toBe(49);
  });
});

describe('aicr validate with ConfigMap inputs and output (fake API server, real client)', () => {
  const cluster = useFakeCluster();

  it('reads the recipe and the snapshot from cm:// and writes the CTRF report to cm://', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    cluster.fake.create('configmaps', { metadata: { name: 'aicr-snapshot', namespace: 'gpu-ops' }, data: { format: 'yaml', 'snapshot.yaml': readFileSync(fixture('snapshot-mixed.yaml'), 'utf8') } });
    cluster.fake.create('configmaps', { metadata: { name: 'aicr-recipe', namespace: 'gpu-ops' }, data: { 'snapshot.yaml': readFileSync(recipe, 'utf8') } });
    const result = await runCli(['validate', '-r', 'cm://gpu-ops/aicr-recipe', '-s', 'cm://gpu-ops/aicr-snapshot', '-k', cluster.kubeconfig, '-o', 'cm://gpu-ops/aicr-report', '--fail-on-error=false', '--phase', 'readiness']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('status: fail (8 constraints: 5 passed, 1 failed, 2 skipped)');
    const stored = cluster.fake.get('configmaps', 'gpu-ops', 'aicr-report');
    const ctrf = JSON.parse(stored?.data['snapshot.json']);
    expect(validateCtrf(ctrf).valid).toBe(true);
    expect(ctrf.results.extra.recipe).toBe('cm://gpu-ops/aicr-recipe#snapshot.yaml');
    expect(ctrf.results.tests[0]).toMatchObject({ filePath: 'cm://gpu-ops/aicr-recipe#snapshot.yaml', line: 13 });
  });

  it('reports a missing ConfigMap as not found (exit 3)', async () => {
    const result = await runCli(['validate', '-r', recipe, '-s', 'cm://default/nope', '-k', cluster.kubeconfig]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cm://default/nope does not exist');
  });
});
