// --set-json, --set-file, --dynamic and --readiness-hooks through every door: the flag, the GitLab
// component's input variables and the action input.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/actions/bundle/main.js';
import { runCli } from '../helpers/cli.js';
import { runWithInputs } from '../helpers/action.js';
import { tempDir } from '../helpers/catalog.js';
import { smallCatalog } from '../core/bundle/small-catalog.js';

beforeEach(() => {
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  core.summary.emptyBuffer();
});

describe('--set-json and --set-file at each door', () => {
  it('CLI: applies both flags (commas stay inside the JSON) and names the flag in errors', async () => {
    const { data, recipe } = smallCatalog();
    const dir = tempDir();
    writeFileSync(join(dir, 'env.yaml'), 'HTTPS_PROXY: http://proxy:3128\n');
    const ok = await runCli(['bundle', '-r', recipe, '--data', data, '-o', join(dir, 'b'), '--set-json', 'gw:allowedSourceRanges=["10.0.0.0/8","172.16.0.0/12"]', '--set-file', `gateway:driver.env=${join(dir, 'env.yaml')}`]);
    expect(ok.code, ok.stderr).toBe(0);
    const values = parse(readFileSync(join(dir, 'b', '001-gateway', 'values.yaml'), 'utf8'));
    expect(values.allowedSourceRanges).toEqual(['10.0.0.0/8', '172.16.0.0/12']);
    expect(values.driver.env).toEqual({ KEEP: 'yes', DROP: 'bye', HTTPS_PROXY: 'http://proxy:3128' });
    const bad = await runCli(['bundle', '-r', recipe, '--data', data, '-o', join(dir, 'c'), '--set-json', 'gateway:x={oops']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--set-json: invalid override "gateway:x": the value is not JSON');
    const ineffective = await runCli(['bundle', '-r', recipe, '--data', data, '-o', join(dir, 'd'), '--set-file', `extra:x=${join(dir, 'env.yaml')}`]);
    expect(ineffective.code).toBe(2);
    expect(ineffective.stderr).toContain('--set-file extra:x cannot take effect: component "extra" is not in the generated bundle because the recipe disables it');
  });

  it('GitLab component variables: one override per line, inputs named in messages', async () => {
    const { data, recipe } = smallCatalog();
    const dir = tempDir();
    const env = { PATH: process.env.PATH, AICR_INPUT_RECIPE: recipe, AICR_INPUT_DATA: data, AICR_INPUT_OUTPUT: join(dir, 'b'), AICR_INPUT_CODEQUALITY: join(dir, 'gl-code-quality-bundle.json'), AICR_INPUT_SET_JSON: 'gateway:a={"x":1,"y":2}\n\ngateway:b=[1,2]\n' };
    const ok = await runCli(['bundle', '--inputs-from-env'], { env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'b', '001-gateway', 'values.yaml'), 'utf8'))).toMatchObject({ a: { x: 1, y: 2 }, b: [1, 2] });
    const bad = await runCli(['bundle', '--inputs-from-env'], { env: { ...env, AICR_INPUT_OUTPUT: join(dir, 'c'), AICR_INPUT_CODEQUALITY: join(dir, 'c-code-quality.json'), AICR_INPUT_SET_JSON: '', AICR_INPUT_SET_FILE: 'gateway:enabled=x.yaml' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('input "set-file": "enabled" is the component enable/disable toggle and must be set with input "set"');
    expect(bad.stderr).not.toContain('--set');
  });

  it('action: reads set-file relative to the workspace and refuses a link out of it', async () => {
    const { data, recipe } = smallCatalog();
    const workspace = tempDir();
    writeFileSync(join(workspace, 'ranges.json'), '["10.0.0.0/8"]');
    const ok = await runWithInputs(run, { recipe, data, summary: 'false', 'set-file': 'gateway:allowedSourceRanges=ranges.json' }, { cwd: workspace });
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(parse(readFileSync(join(workspace, 'bundle', '001-gateway', 'values.yaml'), 'utf8')).allowedSourceRanges).toEqual(['10.0.0.0/8']);
    const { symlinkSync } = await import('node:fs');
    symlinkSync('/etc/hostname', join(workspace, 'link.json'));
    const bad = await runWithInputs(run, { recipe, data, summary: 'false', output: 'other', 'set-file': 'gateway:x=link.json' }, { cwd: workspace });
    expect(bad.exitCode).toBe(2);
    expect(bad.commands.at(-1)?.message).toContain('input "set-file": gateway:x: "link.json" is a symbolic link that leads outside the workspace');
  });

  it('--dynamic and --readiness-hooks: flag, GitLab variables and action input, each named in its door\'s spelling', async () => {
    const { data, recipe } = smallCatalog();
    const dir = tempDir();
    const ok = await runCli(['bundle', '-r', recipe, '--data', data, '-o', join(dir, 'b'), '--dynamic', 'gw:clusterName', '--readiness-hooks']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'b', '001-gateway', 'cluster-values.yaml'), 'utf8').replace(/^# .*\n---\n/, ''))).toEqual({ clusterName: '' });
    const flag = await runCli(['bundle', '-r', recipe, '--data', data, '-o', join(dir, 'c'), '-d', 'flux', '--readiness-hooks']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--readiness-hooks is not supported with deployer "flux"');
    const env = { PATH: process.env.PATH, AICR_INPUT_RECIPE: recipe, AICR_INPUT_DATA: data, AICR_INPUT_OUTPUT: join(dir, 'd'), AICR_INPUT_DEPLOYER: 'argocd', AICR_INPUT_DYNAMIC: 'gateway:clusterName\n' };
    const gitlab = await runCli(['bundle', '--inputs-from-env'], { env });
    expect(gitlab.code).toBe(2);
    expect(gitlab.stderr).toContain('input "dynamic" is not supported with deployer "argocd"');
    const action = await runWithInputs(run, { recipe, data, summary: 'false', dynamic: 'tuning:profile' });
    expect(action.exitCode).toBe(2);
    expect(action.commands.at(-1)?.message).toContain('input "dynamic" tuning:profile cannot take effect: component "tuning" is manifest-only');
  });
});
