import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CONFORMANCE_CASES } from '../helpers/paths.js';
import { COVERAGE_REJECTED } from '../helpers/coverage.js';

const cases = parse(readFileSync(CONFORMANCE_CASES, 'utf8'));

/**
 * The shared query cases record upstream v0.11.1's catalog; the CLI answers from our embedded
 * catalog, upstream's 2026-08-21 import (test/core/recipe/conformance.test.ts runs the cases on
 * v0.11.1's data). Where the catalog's answer changed, the same question about the 2026 catalog:
 * gpu-operator's driver pin (recipes/components/gpu-operator/values.yaml), skyhook-customizations
 * renamed nodewright-customizations, the h100-any overlay, and eks's components.
 */
const ON_UPSTREAM_2026: Record<string, { selector?: string; expect: Record<string, unknown> }> = {
  'q-driver-version': { expect: { value: '580.173.02', cliStdout: '580.173.02\n' } },
  'q-driver-version-leading-dot': { expect: { value: '580.173.02', cliStdout: '580.173.02\n' } },
  'q-skyhook-values-from-overrides': { selector: 'components.nodewright-customizations.values', expect: { value: { service: 'eks', accelerator: 'h100', intent: 'multiNodeTraining' } } },
  'q-skyhook-values-gke': { selector: 'components.nodewright-customizations.values', expect: { value: { accelerator: 'h100', intent: 'multiNodeTraining' } } },
  'q-applied': { expect: { value: ['base', 'monitoring-hpa', 'h100-any', 'eks', 'eks-training', 'h100-eks-training'] } },
  'q-missing-component': {
    expect: {
      error: 'selector "components.kubeflow-trainer": key "kubeflow-trainer" not found, available keys: aws-ebs-csi-driver, aws-efa, cert-manager, gpu-operator, k8s-ephemeral-storage-metrics, kai-scheduler, kube-prometheus-stack, nfd, nodewright-operator, nvidia-dra-driver-gpu, nvsentinel, prometheus-adapter, prometheus-operator-crds',
    },
  },
};

const queryCases = cases.queryCases.map((c: { id: string }) => [c.id, { ...c, ...ON_UPSTREAM_2026[c.id] }]) as Array<[string, any]>;

describe('aicr query (embedded catalog)', () => {
  it.each(queryCases)('%s', async (_id, testCase) => {
    const flags = Object.entries(testCase.criteria).flatMap(([k, v]) => [`--${k}`, String(v)]);
    const result = await runCli(['query', ...flags, '--selector', testCase.selector]);
    if (COVERAGE_REJECTED[testCase.id]) {
      // Upstream's coverage rule (2026-08-21) names the fields no recipe covers.
      expect([result.code, result.stdout]).toEqual([2, '']);
      for (const field of COVERAGE_REJECTED[testCase.id]!) expect(result.stderr).toContain(`--${field} '`);
      return;
    }
    if (testCase.expect.error) {
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(testCase.expect.error);
      return;
    }
    expect(result.code, result.stderr).toBe(0);
    if (testCase.expect.cliStdout !== undefined) expect(result.stdout).toBe(testCase.expect.cliStdout);
    else expect(parse(result.stdout)).toEqual(testCase.expect.value);
    const json = await runCli(['query', ...flags, '--selector', testCase.selector, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(testCase.expect.value);
  });

  it('prints nested values with 4-space indentation and sorted keys', async () => {
    const result = await runCli(['query', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '--selector', 'components.gpu-operator.values.cdi']);
    expect(result.stdout).toBe('default: false\nenabled: true\n');
    const nested = await runCli(['query', '--service', 'eks', '--selector', 'components.cert-manager']);
    expect(nested.stdout).toMatch(/^chart: cert-manager\n/);
    expect(nested.stdout).toMatch(/\nvalues:\n {4}\S/);
  });

  it('requires --selector and reports walking into a scalar', async () => {
    const missing = await runCli(['query', '--service', 'eks']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--selector: is required');
    const scalar = await runCli(['query', '--service', 'eks', '--selector', 'kind.more']);
    expect(scalar.code).toBe(3);
    expect(scalar.stderr).toContain('selector "kind.more": cannot descend into non-map value at "more"');
  });
});
