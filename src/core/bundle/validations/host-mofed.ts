/** gpu-operator's host MOFED setting when network-operator is switched off with --set. */
import { optionRef } from '../../option-refs.js';
import type { CheckResult, ValidationContext } from './types.js';

/** Whether a `--set` (under any of `keys`) gives `path` the literal value `raw`. */
function setTo(context: ValidationContext, component: string, path: string, raw: string): boolean {
  const keys = context.keysOf(component);
  return context.overrides.some((override) => keys.includes(override.key) && override.path === path && override.raw === raw);
}

export function checkHostMofedWithoutNetworkOperator(context: ValidationContext): CheckResult {
  if (!setTo(context, 'network-operator', 'enabled', 'false')) return {};
  if (setTo(context, 'gpu-operator', 'driver.rdma.useHostMofed', 'false')) return {};
  return {
    findings: [
      `${context.component}: network-operator is disabled but driver.rdma.useHostMofed is not set to false — add ${optionRef('set')} gpuoperator:driver.rdma.useHostMofed=false to avoid MOFED-related errors`,
    ],
  };
}
