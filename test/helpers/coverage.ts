import { expect } from 'vitest';
import { AicrError } from '../../src/core/errors.js';

/**
 * v0.11.1 conformance cases whose criteria upstream's 2026-08-21 engine rejects under its
 * coverage rule (v0.11.1 answered them with a more generic recipe than asked for): the fields
 * the error reports, `*` marking a field whose overlays the snapshot's constraints excluded.
 */
export const COVERAGE_REJECTED: Readonly<Record<string, readonly string[]>> = {
  'eks-a100-training': ['accelerator'],
  'eks-h100-training-al2023-alias': ['os'],
  'gke-ubuntu-no-match': ['service', 'intent', 'os'],
  'kind-h100-training-ubuntu': ['os'],
  'oke-h100-training': ['service', 'accelerator', 'intent'],
  'self-managed-alias': ['accelerator', 'intent'],
  'snap-cuj1-mock-kubeflow': ['os*', 'platform*'],
  'snap-old-k8s-eks': ['accelerator*', 'intent*'],
  'q-gke-storage-no-os': ['service', 'intent'],
  'ok-criteria-partial': ['accelerator'],
  'ok-criteria-flag-override': ['service', 'accelerator', 'intent', 'os'],
};

/** Asserts that `run` fails with the coverage error COVERAGE_REJECTED records for `id`. */
export function expectCoverageRejection(id: string, run: () => unknown): void {
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(AicrError);
  const uncovered = ((error as AicrError).details?.uncovered ?? []) as Array<{ dimension: string; constraintExcluded: boolean }>;
  expect(uncovered.map((entry) => entry.dimension + (entry.constraintExcluded ? '*' : ''))).toEqual(COVERAGE_REJECTED[id]);
  expect((error as AicrError).exitCode).toBe(2);
}
