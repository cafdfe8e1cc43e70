// The command line as the GitLab components run it (--inputs-from-env, --dotenv), global flags,
// and the snapshot step's drift check, which every door now offers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURES } from '../helpers/paths.js';
import { EKS_RECIPE } from '../core/bundle/support.js';

describe('aicr as the GitLab components run it', () => {
  it('reads AICR_INPUT_* variables, names inputs in messages, and writes the outputs as dotenv lines', async () => {
    const dir = tempDir();
    const dotenv = join(dir, 'aicr-bundle.env');
    const env = { PATH: process.env.PATH, AICR_INPUT_RECIPE: EKS_RECIPE, AICR_INPUT_OUTPUT: join(dir, 'b'), AICR_INPUT_DEPLOYER: 'argocd-helm', AICR_INPUT_SET: 'gpuoperator:driver.version=1,2\n', AICR_INPUT_FORCE: 'false', AICR_INPUT_NODES: '0', AICR_INPUT_CODEQUALITY: join(dir, 'gl-code-quality-bundle.json') };
    const result = await runCli(['bundle', '--inputs-from-env', '--dotenv', dotenv], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(dotenv, 'utf8')).toBe(`AICR_BUNDLE_DIR=${join(dir, 'b')}\nAICR_BUNDLE_DEPLOYER=argocdhelm\nAICR_BUNDLE_FILES=${result.stdout.match(/\((\d+) files/)![1]}\nAICR_BUNDLE_CHECKSUMS_PATH=${join(dir, 'b')}/checksums.txt\n`);
    expect(readFileSync(join(dir, 'b', 'static', 'gpu-operator.yaml'), 'utf8')).toContain("version: '1,2'");
    // The bundle-time validation findings as a Code Quality report. Upstream 2026 made nodewright's
    // workload-selector note an info finding, and info findings stay out of the report.
    expect(JSON.parse(readFileSync(join(dir, 'gl-code-quality-bundle.json'), 'utf8'))).toEqual([]);
    // On AKS, switching network-operator off without pinning host MOFED is a warning: a minor issue,
    // worded with GitLab's input names in a GitLab job.
    const aksRecipe = join(dir, 'aks-recipe.yaml');
    expect((await runCli(['recipe', '--service', 'aks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '-o', aksRecipe])).code).toBe(0);
    const aksEnv = { ...env, GITLAB_CI: 'true', AICR_INPUT_RECIPE: aksRecipe, AICR_INPUT_OUTPUT: join(dir, 'aks'), AICR_INPUT_SET: 'networkoperator:enabled=false', AICR_INPUT_ACCELERATED_NODE_TOLERATION: 'nvidia.com/gpu:NoSchedule' };
    const aks = await runCli(['bundle', '--inputs-from-env'], { env: aksEnv });
    expect(aks.code, aks.stderr).toBe(0);
    const issues = JSON.parse(readFileSync(join(dir, 'gl-code-quality-bundle.json'), 'utf8'));
    expect(issues).toContainEqual(expect.objectContaining({ check_name: 'aicr-bundle/CheckHostMofedWithoutNetworkOperator', severity: 'minor' }));
    expect(issues[0].description).toContain('input "set" gpuoperator:driver.rdma.useHostMofed=false');
    const bad = await runCli(['bundle', '--inputs-from-env'], { env: { ...env, AICR_INPUT_FORCE: 'maybe' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('input "force": takes true or false, not "maybe"');
    expect(bad.stderr).not.toContain('--force');
  });

  it('renames what GitLab itself calls image and job-name (agent-image, agent-job-name)', async () => {
    const result = await runCli(['snapshot', '--inputs-from-env'], { env: { PATH: '', AICR_INPUT_AGENT: 'true', AICR_INPUT_AGENT_IMAGE: 'bad image', AICR_INPUT_OUTPUT: join(tempDir(), 's.yaml') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('input "agent-image": "bad image" is not a valid image reference');
  });

  it('keeps the outputs of a failed validation (exit 10) in the dotenv file', async () => {
    const dir = tempDir();
    const dotenv = join(dir, 'out.env');
    const result = await runCli(['validate', '-r', join(FIXTURES, 'validate', 'recipe-extended.yaml'), '-s', join(FIXTURES, 'validate', 'snapshot-mixed.yaml'), '--report-dir', join(dir, 'r'), '--dotenv', dotenv]);
    expect(result.code).toBe(10);
    expect(readFileSync(dotenv, 'utf8')).toMatch(/^AICR_VALIDATE_STATUS=fail\nAICR_VALIDATE_PASSED=\d+\nAICR_VALIDATE_FAILED=1\nAICR_VALIDATE_SKIPPED=\d+\nAICR_VALIDATE_REPORT_PATH=.*ctrf-report\.json\n$/);
    for (const file of ['ctrf-report.json', 'junit.xml', 'gl-code-quality-report.json']) expect(readFileSync(join(dir, 'r', file), 'utf8').length).toBeGreaterThan(10);
  });
});

describe('global flags', () => {
  it('may come before the command, and AICR_DEBUG takes upstream\'s boolean forms', async () => {
    const before = await runCli(['--debug', 'recipe', '--service', 'eks']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stderr).toContain('debug: ');
    const env = await runCli(['recipe', '--service', 'eks'], { env: { PATH: process.env.PATH, AICR_DEBUG: '1' } });
    expect(env.code, env.stderr).toBe(0);
    expect(env.stderr).toContain('debug: ');
  });
});

describe('aicr snapshot --baseline', () => {
  it('compares with the baseline, logs the drift, writes it as JSON and exits 11 with --fail-on-drift', async () => {
    const dir = tempDir();
    const baseline = join(dir, 'golden.yaml');
    writeFileSync(baseline, 'kind: Snapshot\napiVersion: aicr.run/v1\nmeasurements:\n  - type: OS\n    subtypes:\n      - subtype: release\n        data:\n          ID: plan9\n');
    const args = ['snapshot', '--local', '-o', join(dir, 'now.yaml'), '--baseline', baseline, '--diff-types', 'OS', '--diff-output', join(dir, 'drift.json')];
    const report = await runCli(args, { env: { PATH: '' } });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toMatch(/snapshot diff: \d+ added, 0 removed, \d+ modified/);
    const drift = JSON.parse(readFileSync(join(dir, 'drift.json'), 'utf8'));
    expect(drift.changes.every((c: { type: string }) => c.type === 'OS')).toBe(true);
    const strict = await runCli([...args, '--fail-on-drift'], { env: { PATH: '' } });
    expect(strict.code).toBe(11);
    expect(strict.stderr).toContain('error: aicr snapshot: drift detected');
  });
});

describe('placeholders in output paths', () => {
  it('names the recipe file and the bundle folder after the criteria and the deployer', async () => {
    const dir = tempDir();
    const recipe = await runCli(['recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '-o', join(dir, 'recipes/{{criteria.service}}-{{ criteria.accelerator }}-{{criteria.nodes}}.yaml')]);
    expect(recipe.code, recipe.stderr).toBe(0);
    const path = join(dir, 'recipes/eks-h100-0.yaml');
    expect(readFileSync(path, 'utf8')).toContain('kind: RecipeResult');
    const bundle = await runCli(['bundle', '-r', path, '-d', 'flux', '-o', join(dir, 'bundles/{{criteria.intent}}-{{deployer}}')]);
    expect(bundle.code, bundle.stderr).toBe(0);
    expect(readFileSync(join(dir, 'bundles/training-flux/checksums.txt'), 'utf8')).toContain('recipe.yaml');
  });

  it.each([
    ['{{criteria.region}}', 'only plain placeholders can appear in a path'],
    ['{{#if criteria.service}}x{{/if}}', 'only plain placeholders can appear in a path'],
    ['{{lookup criteria "service"}}', 'only plain placeholders can appear in a path'],
    ['{{criteria.service', 'is not a valid path template'],
  ])('refuses %j naming the option and what is allowed (exit 2)', async (template, message) => {
    const result = await runCli(['recipe', '--service', 'eks', '-o', join(tempDir(), template)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--output: `);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('hint: use {{criteria.service}}, {{criteria.accelerator}}');
  });
});

describe('placeholders cannot leave the path they were written in', () => {
  it('refuses criteria text from a recipe that would add a separator or ..', async () => {
    const dir = tempDir();
    const recipe = join(dir, 'evil.yaml');
    writeFileSync(recipe, readFileSync(EKS_RECIPE, 'utf8').replace(/criteria:\n(\s+)service: eks/, 'criteria:\n$1service: ../../victim'));
    expect(readFileSync(recipe, 'utf8')).toContain('service: ../../victim');
    const result = await runCli(['bundle', '-r', recipe, '-o', join(dir, 'out/{{criteria.service}}')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--output: {{criteria.service}} would put "../../victim" into the path');
    expect(readFileSync(recipe, 'utf8').length).toBeGreaterThan(0);
  });
});

describe('--inputs-from-env and global flags, strictly', () => {
  it('is only for component commands, and refuses flags the component does not offer', async () => {
    const query = await runCli(['query', '--inputs-from-env', '--selector', 'criteria'], { env: { PATH: process.env.PATH, AICR_INPUT_SERVICE: 'eks' } });
    expect(query.code).toBe(2);
    expect(query.stderr).toContain('"aicr query" is no GitLab component');
    const validate = await runCli(['validate', '--inputs-from-env', '--junit', 'x.xml'], { env: { PATH: process.env.PATH } });
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('--junit is no input of the validate component');
  });

  it('takes a global flag with its value before the command, and writes dotenv lines also when the command fails', async () => {
    const dir = tempDir();
    const dotenv = join(dir, 'snapshot.env');
    const result = await runCli(['--dotenv', dotenv, 'snapshot', '--local', '--require', 'k8s', '-o', join(dir, 's.yaml')], { env: { PATH: '' } });
    expect(result.code).toBe(3);
    expect(readFileSync(dotenv, 'utf8')).toBe('');
  });
});
