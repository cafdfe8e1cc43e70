/**
 * `aicr validate` with cluster access: the live phases run against the fake API server, every
 * check lands in the table, CTRF, JUnit and Code Quality, failures exit 10, RBAC refusals exit 4
 * naming the verb and resource (after the reports are written).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate as validateCtrf } from 'ctrf';
import { parse as parseJunit } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { useFakeCluster } from '../fake-kube/harness.js';
import { simulateValidatorJobs } from '../fake-kube/validators.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURES } from '../helpers/paths.js';
import { COMPONENTS, installComponents, liveRecipe, writeRecipeFile } from '../core/validate/live/clusters.js';

const snapshot = join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml');
const cluster = useFakeCluster();

function validate(dir: string, extra: string[], kubeconfig = cluster.kubeconfig) {
  return runCli(['validate', '-r', writeRecipeFile(dir), '-s', snapshot, '-k', kubeconfig, '--report-dir', join(dir, 'reports'), ...extra]);
}
const report = (dir: string, file: string) => readFileSync(join(dir, 'reports', file), 'utf8');

describe('aicr validate against a cluster', () => {
  it('runs the deployment phase on a healthy cluster, reports every check and exits 0', async () => {
    installComponents(cluster.fake);
    const validatorJobs = simulateValidatorJobs(cluster.fake, { outcome: 'exit', exitCode: 0 });
    const dir = tempDir('aicr-live-');
    const result = await validate(dir, ['--timeout', '60s']);
    expect(result.code, result.stderr).toBe(0);
    // the validators that need no GPU ran as Jobs; the GPU ones are skipped on this GPU-less cluster
    expect(validatorJobs.length).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/deployment\s+health-check\/gpu-operator\s+-\s+-\s+passed/);
    expect(result.stdout).toMatch(/performance\s+nccl-all-reduce-bw\s+-\s+-\s+skipped\s+no schedulable GPU node/);
    expect(result.stderr).toContain('validate: running the deployment, performance, conformance phases against kubeconfig');
    const ctrf = JSON.parse(report(dir, 'ctrf-report.json'));
    expect(validateCtrf(ctrf).valid).toBe(true);
    const tests = ctrf.results.tests as Array<Record<string, any>>;
    for (const component of COMPONENTS) {
      const test = tests.find((t) => t.name === `health-check/${component.name}`);
      expect(test, component.name).toMatchObject({ status: 'passed', suite: ['deployment'], filePath: expect.stringContaining('recipe.yaml'), line: expect.any(Number) });
      expect(typeof test!.duration).toBe('number');
    }
    expect(tests.find((t) => t.name === 'dra-support')).toMatchObject({ status: 'skipped', suite: ['conformance'], message: expect.stringContaining('no schedulable GPU node') });
    expect(tests.filter((t) => t.suite?.[0] === 'conformance' && t.status === 'passed').length).toBe(validatorJobs.length);
    expect(ctrf.results.extra).toMatchObject({ status: 'pass', live: { checks: COMPONENTS.length + 3 + 1 + 3, failed: 0 } });
    const junit = (await parseJunit(report(dir, 'junit.xml'))) as Record<string, any>;
    const deployment = junit.testsuite.find((s: Record<string, any>) => s.name === 'deployment');
    expect(deployment).toMatchObject({ tests: COMPONENTS.length + 4, failures: 0, errors: 0, skipped: 1 });
  });

  it('exits 10 when a health check fails, with the failure in every report', async () => {
    installComponents(cluster.fake, { 'cert-manager': 'pod-failed' });
    const dir = tempDir('aicr-live-');
    const result = await validate(dir, ['--timeout', '3s', '--phase', 'deployment']);
    expect(result.code, result.stderr).toBe(10);
    expect(result.stderr).toContain('validation failed: 1 of');
    expect(result.stdout).toMatch(/deployment\s+health-check\/cert-manager\s+-\s+-\s+failed\s+step validate-all-pods-healthy: Pod cert-manager\/cert-manager-stuck matches a forbidden shape \(phase=Failed\)/);
    const issues = JSON.parse(report(dir, 'gl-code-quality-report.json')) as Array<Record<string, any>>;
    const issue = issues.find((i) => i.check_name === 'aicr-validate/check-failed');
    const recipeLines = readFileSync(join(dir, 'recipe.yaml'), 'utf8').split('\n');
    expect(issue).toMatchObject({ severity: 'major', description: expect.stringContaining('deployment health-check/cert-manager: step validate-all-pods-healthy') });
    expect(recipeLines[issue!.location.lines.begin - 1]).toContain('name: cert-manager');
    const junit = (await parseJunit(report(dir, 'junit.xml'))) as Record<string, any>;
    expect(junit.failures).toBe(1);
  });

  it('exits 4 naming the verb and resource when RBAC refuses, after writing the reports', async () => {
    installComponents(cluster.fake);
    cluster.fake.users.set('reader-token', { name: 'reader', rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'namespaces'] }] });
    const dir = tempDir('aicr-live-');
    const result = await validate(dir, ['--timeout', '10s', '--phase', 'deployment'], cluster.kubeconfigFor('reader-token'));
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/validation incomplete: \d+ live checks could not be evaluated because the cluster refused or failed \(exit code 4\)/);
    expect(result.stderr).toMatch(/error: \[UNAUTHORIZED\] Kubernetes RBAC denied "list" on customresourcedefinitions\.apiextensions\.k8s\.io at cluster scope for reader/);
    expect(result.stderr).toContain('(a ClusterRole + ClusterRoleBinding); check with: kubectl auth can-i list customresourcedefinitions.apiextensions.k8s.io');
    const ctrf = JSON.parse(report(dir, 'ctrf-report.json'));
    expect(ctrf.results.tests.find((t: Record<string, any>) => t.name === 'gpu-operator-version')).toMatchObject({ status: 'other', extra: { error: true } });
  });

  it('reports the live phases skipped in no-cluster mode, and without cluster access', async () => {
    const dir = tempDir('aicr-live-');
    const noCluster = await validate(dir, ['--no-cluster']);
    expect(noCluster.code, noCluster.stderr).toBe(0);
    expect(noCluster.stdout).toMatch(/deployment\s+-\s+-\s+-\s+skipped\s+no-cluster mode: the cluster is not contacted/);
    expect(cluster.fake.requestsFor('list', 'deployments')).toHaveLength(0);
    const none = await runCli(['validate', '-r', writeRecipeFile(dir, liveRecipe()), '-s', snapshot, '--phase', 'deployment']);
    expect(none.stdout).toMatch(/deployment\s+-\s+-\s+-\s+skipped\s+no cluster access/);
  });

  it('refuses bad validator Job settings before contacting the cluster (exit 2)', async () => {
    const dir = tempDir('aicr-live-');
    const result = await validate(dir, ['--toleration', 'gpu']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--toleration: invalid format "gpu"');
    expect(cluster.fake.requestsFor('list', 'deployments')).toHaveLength(0);
  });
});
