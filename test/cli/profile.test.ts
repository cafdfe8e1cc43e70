import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { profileOverlayData } from '../helpers/profile-catalog.js';

const KUBEFLOW = ['--service', 'eks', '--accelerator', 'h100', '--os', 'ubuntu', '--intent', 'training', '--platform', 'kubeflow'];

describe('aicr recipe --profile (upstream profile-overlay fixture over the embedded catalog)', () => {
  it('applies the default, or the value named, and records it', async () => {
    const data = profileOverlayData();
    const byDefault = await runCli(['recipe', ...KUBEFLOW, '--data', data]);
    expect(byDefault.code, byDefault.stderr).toBe(0);
    const recipe = parse(byDefault.stdout);
    expect(recipe.apiVersion).toBe('aicr.run/v1beta2');
    expect(recipe.metadata.selectedProfile).toEqual({
      name: 'gpuStack',
      value: 'preinstalled',
      ownedPaths: { 'gpu-operator': ['driver.enabled', 'enabled'], 'nvidia-dra-driver-gpu': ['enabled', 'nvidiaDriverRoot'] },
    });
    const gpuOperator = recipe.componentRefs.find((ref: { name: string }) => ref.name === 'gpu-operator');
    expect(gpuOperator.overrides.driver.enabled).toBe(false);

    const selected = await runCli(['recipe', ...KUBEFLOW, '--data', data, '--profile', 'gpuStack=operator-managed', '--format', 'json']);
    expect(selected.code, selected.stderr).toBe(0);
    const json = JSON.parse(selected.stdout);
    expect(json.metadata.selectedProfile.value).toBe('operator-managed');
    expect(json.componentRefs.find((ref: { name: string }) => ref.name === 'nvidia-dra-driver-gpu').overrides.nvidiaDriverRoot).toBe('/run/nvidia/driver');
  });

  it('refuses an unknown value with the choices, naming --profile (exit 2, nothing on stdout)', async () => {
    const result = await runCli(['recipe', ...KUBEFLOW, '--data', profileOverlayData(), '--profile', 'gpuStack=byo']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--profile: profile "gpuStack" has no value "byo"; valid values: [operator-managed preinstalled]');
  });

  it('refuses a selection where no overlay declares a profile, and a malformed one', async () => {
    const none = await runCli(['recipe', '--service', 'eks', '--intent', 'training', '--profile', 'gpuStack=preinstalled']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--profile: profile "gpuStack" was selected, but the resolved composition declares no profile');
    const malformed = await runCli(['recipe', '--service', 'eks', '--profile', 'gpuStack']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--profile: profile must use the exact name=value form');
  });
});

describe('aicr bundle on a profiled recipe', () => {
  async function profiledRecipe(): Promise<{ recipe: string; data: string; dir: string }> {
    const dir = tempDir();
    const data = profileOverlayData();
    const recipe = join(dir, 'recipe.yaml');
    const result = await runCli(['recipe', ...KUBEFLOW, '--data', data, '-o', recipe]);
    expect(result.code, result.stderr).toBe(0);
    return { recipe, data, dir };
  }

  it('accepts --set that keeps an owned value and other paths freely', async () => {
    const { recipe, data, dir } = await profiledRecipe();
    const out = join(dir, 'bundle');
    // The embedded 2026 catalog deploys NVSentinel on this leaf: with the driver preinstalled its
    // labeler must be told so (the bundle refuses otherwise), another path the profile does not own.
    const result = await runCli(['bundle', '-r', recipe, '--data', data, '-o', out, '--set', 'gpuoperator:driver.enabled=false', '--set', 'gpuoperator:driver.version=570.86.16', '--set', 'nv-sentinel:labeler.assumeDriverInstalled=true']);
    expect(result.code, result.stderr).toBe(0);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    const folder = readme.match(/\d{3}-gpu-operator\b/)![0];
    const values = parse(readFileSync(join(out, folder, 'values.yaml'), 'utf8'));
    expect(values.driver).toMatchObject({ enabled: false, version: '570.86.16' });
    const sentinel = parse(readFileSync(join(out, readme.match(/\d{3}-nvsentinel\b/)![0], 'values.yaml'), 'utf8'));
    expect(sentinel.labeler.assumeDriverInstalled).toBe(true);
  });

  it('rejects --set that diverges from the selected value, with upstream\'s message (exit 2, no bundle)', async () => {
    const { recipe, data, dir } = await profiledRecipe();
    const out = join(dir, 'bundle');
    const diverged = await runCli(['bundle', '-r', recipe, '--data', data, '-o', out, '--set', 'gpuoperator:driver.enabled=true']);
    expect(diverged.code).toBe(2);
    expect(diverged.stderr).toContain('profile-owned path gpu-operator.driver.enabled diverged from selected profile gpuStack=preinstalled');
    expect(diverged.stderr).toContain('--profile gpuStack=<value>');
    expect(existsSync(out)).toBe(false);
    const viaAlias = await runCli(['bundle', '-r', recipe, '--data', data, '-o', out, '--set', 'dradriver:nvidiaDriverRoot=/run/nvidia/driver']);
    expect(viaAlias.code).toBe(2);
    expect(viaAlias.stderr).toContain('profile-owned path nvidia-dra-driver-gpu.nvidiaDriverRoot diverged from selected profile gpuStack=preinstalled');
  });

  it('keeps profile-owned components in the bundle', async () => {
    const { recipe, data, dir } = await profiledRecipe();
    const out = join(dir, 'bundle');
    const disabled = await runCli(['bundle', '-r', recipe, '--data', data, '-o', out, '--set', 'nvidia-dra-driver-gpu:enabled=false']);
    expect(disabled.code).toBe(2);
    expect(disabled.stderr).toContain('profile-owned component "nvidia-dra-driver-gpu" is absent or disabled in the output');
    expect(existsSync(out)).toBe(false);
  });
});

describe('aicr query --profile', () => {
  it('hydrates the selected value and projects metadata.selectedProfile', async () => {
    const data = profileOverlayData();
    const driver = await runCli(['query', ...KUBEFLOW, '--data', data, '--profile', 'gpuStack=operator-managed', '--selector', 'components.gpu-operator.values.driver.enabled']);
    expect(driver.code, driver.stderr).toBe(0);
    expect(driver.stdout.trim()).toBe('true');
    const selected = await runCli(['query', ...KUBEFLOW, '--data', data, '--selector', 'metadata.selectedProfile.value']);
    expect(selected.stdout.trim()).toBe('preinstalled');
  });
});
