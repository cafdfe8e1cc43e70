import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/actions/bundle/main.js';
import { fileTree } from '../../src/github/bundle.js';
import { runWithInputs } from '../helpers/action.js';
import { EKS_RECIPE, FIXTURE_DATA, fixtureRecipe } from '../core/bundle/support.js';

// @actions/core remembers the first summary file of the process; each test has its own.
beforeEach(() => {
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  core.summary.emptyBuffer();
});

describe('actions/bundle', () => {
  it('writes the bundle, sets every output and a summary with the tree, a Mermaid order and the next step', async () => {
    const result = await runWithInputs(run, { recipe: EKS_RECIPE, deployer: 'flux', repo: 'https://github.com/example/gitops.git' });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs).toEqual({ 'bundle-dir': 'bundle', deployer: 'flux', files: '56', 'checksums-path': 'bundle/checksums.txt' });
    expect(existsSync(join(result.cwd, 'bundle', '009-gpu-operator', 'helmrelease.yaml'))).toBe(true);
    expect(result.summary).toContain('<h2>AICR bundle</h2>');
    expect(result.summary).toContain('```mermaid\nflowchart LR');
    expect(result.summary).toMatch(/c3 --> c9/); // cert-manager (003) before gpu-operator (009)
    expect(result.summary).toContain('flux get helmreleases -A');
    expect(result.summary).toContain('009-gpu-operator/');
    const warnings = result.commands.filter((c) => c.command === 'warning');
    // A bundle warning reaches the log as an annotation, naming the inputs in the action's spelling.
    expect(warnings.map((w) => w.message)).toContain('kube-prometheus-stack renders a PVC without storageClassName at prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.storageClassName; set input "storage-class" <name> or input "set" kube-prometheus-stack:prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.storageClassName=<name> to avoid relying on the cluster default StorageClass');
    // The catalog made nodewright's workload-selector hint severity info (2026): info findings are no annotation.
    expect(warnings.some((w) => w.message.includes('workload-selector'))).toBe(false);
  });

  it('takes one --set per line (commas stay in values), list and map inputs, and force', async () => {
    const inputs = {
      recipe: fixtureRecipe('variety'), data: FIXTURE_DATA, output: 'out/b', summary: 'false',
      set: 'gpuoperator:driver.version=570.86.16\n\ncertmanager:extra.args=a,b\n',
      'system-node-selector': 'role=system\nzone=a', 'accelerated-node-toleration': 'nvidia.com/gpu=present:NoSchedule', nodes: '4', 'target-revision': 'stable',
    };
    const first = await runWithInputs(run, inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.summary).toBe('');
    const values = parse(readFileSync(join(first.cwd, 'out/b/001-cert-manager/values.yaml'), 'utf8'));
    expect(values.extra.args).toBe('a,b');
    const again = await runWithInputs(run, inputs, { cwd: first.cwd });
    expect(again.exitCode).toBe(2);
    expect(again.commands.at(-1)?.message).toContain('input "output": out/b is not empty');
    expect(again.commands.at(-1)?.message).toContain('set input "force" to replace it');
    const replaced = await runWithInputs(run, { ...inputs, force: 'true', deployer: 'helmfile' }, { cwd: first.cwd });
    expect(replaced.exitCode, replaced.stdout).toBe(0);
    expect(existsSync(join(first.cwd, 'out/b/level-0.yaml'))).toBe(true);
  });

  it('points flux output at the bundle\'s folder in the GitOps repository (repo-path)', async () => {
    const result = await runWithInputs(run, { recipe: EKS_RECIPE, deployer: 'flux', repo: 'https://github.com/example/gitops.git', 'repo-path': 'clusters/prod', summary: 'false' });
    expect(result.exitCode, result.stdout).toBe(0);
    const flux = parse(readFileSync(join(result.cwd, 'bundle', 'flux-kustomization.yaml'), 'utf8'));
    expect(flux.spec.path).toBe('./clusters/prod');
    const release = parse(readFileSync(join(result.cwd, 'bundle', '013-kubeflow-trainer-post', 'helmrelease.yaml'), 'utf8'));
    expect(release.spec.chart.spec.chart).toBe('./clusters/prod/013-kubeflow-trainer-post');
  });

  it.each([
    [{ recipe: EKS_RECIPE, deployer: 'kustomize' }, 2, 'input "deployer": "kustomize" is not one of helm, argocd, argocdhelm, flux, helmfile'],
    [{ recipe: EKS_RECIPE, set: 'gpuoperator=1' }, 2, "expected 'component:path.to.key=value'"],
    [{ recipe: EKS_RECIPE, 'accelerated-node-toleration': 'a=b' }, 2, 'input "accelerated-node-toleration": invalid taint "a=b": expected key=value:effect or key:effect'],
    [{ recipe: EKS_RECIPE, 'system-node-selector': 'role' }, 2, 'input "system-node-selector": "role" is not key=value'],
    [{ recipe: EKS_RECIPE, nodes: 'two' }, 2, 'input "nodes": takes a whole number, not "two"'],
    [{ recipe: EKS_RECIPE, deployer: 'flux', 'repo-path': 'clusters/../..' }, 2, 'input "repo-path": "clusters/../.." contains "..": the bundle must stay inside the repository'],
    [{ recipe: EKS_RECIPE, deployer: 'argocd', 'repo-path': 'a\nb' }, 2, 'input "repo-path": holds the control character U+000A'],
    [{ recipe: EKS_RECIPE, force: 'maybe' }, 2, 'input "force": takes true or false, not "maybe"'],
    [{}, 2, 'input "recipe": is required'],
    [{ recipe: 'missing.yaml' }, 3, 'missing.yaml'],
  ])('fails through the one failure path: %j', async (inputs, code, message) => {
    const result = await runWithInputs(run, inputs as Record<string, string>);
    expect(result.exitCode).toBe(code);
    const failure = result.commands.find((c) => c.command === 'error');
    expect(failure?.message).toContain(message);
    expect(failure?.message).toContain(`exit code ${code}`);
    expect(result.outputs['bundle-dir']).toBeUndefined();
  });

  it('draws a file tree', () => {
    expect(fileTree(['a/b/c.yaml', 'a/d.yaml', 'e.txt'], 'out')).toBe('out/\n  a/\n    b/\n      c.yaml\n    d.yaml\n  e.txt');
  });
});
