/**
 * actions/validate with a kubeconfig (the runner contract: inputs from INPUT_*, workflow
 * commands on stdout, outputs and the job summary in files): live check failures become error
 * annotations at their recipe lines and rows in the summary; an RBAC refusal fails the step
 * with exit 4 after the summary is written.
 */
import { join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/actions/validate/main.js';
import { useFakeCluster } from '../fake-kube/harness.js';
import { runWithInputs } from '../helpers/action.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURES } from '../helpers/paths.js';
import { installComponents, writeRecipeFile } from '../core/validate/live/clusters.js';

const snapshot = join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml');
const cluster = useFakeCluster();

describe('actions/validate against a cluster', () => {
  beforeEach(() => {
    (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  });

  it('annotates a failed health check at its component and lists every check in the summary', async () => {
    installComponents(cluster.fake, { 'gpu-operator': 'unavailable' });
    const workspace = tempDir('aicr-live-ws-');
    const recipe = writeRecipeFile(workspace);
    const result = await runWithInputs(run, { recipe, snapshot, kubeconfig: cluster.kubeconfig, timeout: '3s', phase: 'deployment,performance' }, { env: { GITHUB_WORKSPACE: workspace } });
    expect(result.exitCode).toBe(10);
    expect(result.outputs).toMatchObject({ status: 'fail', failed: '1' });
    const annotation = result.commands.find((c) => c.command === 'error' && c.properties.title === 'deployment: health-check/gpu-operator');
    expect(annotation?.properties.file).toBe(relative(workspace, recipe));
    const line = Number(annotation?.properties.line);
    expect(readFileSync(recipe, 'utf8').split('\n')[line - 1]).toContain('name: gpu-operator');
    expect(annotation?.message).toContain('step validate-deployment-exists: Deployment gpu-operator/gpu-operator: status.(availableReplicas > `0`): expected true, got false');
    // The other checks hold: operator-health (its pod runs), the version (read from the Deployment's label).
    expect(result.commands.some((c) => c.command === 'error' && c.properties.title === 'deployment: expected-resources')).toBe(false);
    expect(result.summary).toContain('<h3>Live checks</h3>');
    expect(result.summary).toContain('<td>deployment</td><td><code>health-check/gpu-operator</code></td><td>❌ failed: step validate-deployment-exists');
    expect(result.summary).toContain('<td>performance</td><td><code>nccl-all-reduce-bw</code></td><td>⚠️ skipped: no schedulable GPU node');
  });

  it('fails the step with exit 4 naming the verb and resource when RBAC refuses, keeping the summary', async () => {
    installComponents(cluster.fake);
    cluster.fake.users.set('reader-token', { name: 'reader', rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'namespaces'] }] });
    const workspace = tempDir('aicr-live-ws-');
    const result = await runWithInputs(run, { recipe: writeRecipeFile(workspace), snapshot, kubeconfig: cluster.kubeconfigFor('reader-token'), timeout: '10s', phase: 'deployment' }, { env: { GITHUB_WORKSPACE: workspace } });
    expect(result.exitCode).toBe(4);
    const failure = result.commands.at(-1)!;
    expect(failure.command).toBe('error');
    expect(failure.message).toMatch(/RBAC denied "list" on customresourcedefinitions\.apiextensions\.k8s\.io at cluster scope for reader/);
    expect(failure.message).toContain('exit code 4');
    expect(result.summary).toContain('❌ error: ');
  });
});
