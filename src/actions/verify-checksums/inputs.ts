/** The verify-checksums action's inputs, read and checked in one place. */
import { getBooleanInput, getOptionalInput } from '../../github/inputs.js';

export const Inputs = {
  BundleDir: 'bundle-dir',
  FailOnProblems: 'fail-on-problems',
  Annotations: 'annotations',
  Summary: 'summary',
} as const;

export interface VerifyInputs {
  bundleDir: string;
  failOnProblems: boolean;
  annotations: boolean;
  summary: boolean;
}

export function getInputs(): VerifyInputs {
  return {
    bundleDir: getOptionalInput(Inputs.BundleDir) ?? 'bundle',
    failOnProblems: getBooleanInput(Inputs.FailOnProblems, true),
    annotations: getBooleanInput(Inputs.Annotations, true),
    summary: getBooleanInput(Inputs.Summary, true),
  };
}
