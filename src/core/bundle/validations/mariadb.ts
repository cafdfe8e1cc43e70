/**
 * Slurm accounting provided by AICR installs its own MariaDB Operator; the snapshot's evidence
 * of an existing one (`metadata.mariaDBOperatorState`) decides whether that is safe.
 * Missing evidence and a detected API warn (per the registry's severity); existing resources,
 * inconclusive or unrecognised evidence always block.
 */
import type { CheckResult, ValidationContext } from './types.js';
import { isMap } from './values.js';

function accountingMode(context: ValidationContext): string | undefined {
  const configuration = context.configuration;
  const slurm = isMap(configuration) ? configuration.slurm : undefined;
  const accounting = isMap(slurm) ? slurm.accounting : undefined;
  return isMap(accounting) && typeof accounting.mode === 'string' ? accounting.mode : undefined;
}

export function checkMariaDBOperatorOwnershipCoherence(context: ValidationContext): CheckResult {
  if (!context.included.has(context.component)) return {};
  if (accountingMode(context) !== 'aicr-provided') return {};
  const name = context.component;
  const state = typeof context.metadata.mariaDBOperatorState === 'string' ? context.metadata.mariaDBOperatorState : '';
  switch (state) {
    case '':
      return {
        findings: [
          `${name}: no metadata.mariaDBOperatorState snapshot evidence was recorded. Bundling AICR-provided accounting is allowed, but MariaDB Operator conflicts were not evaluated. Regenerate the recipe from a current snapshot to verify the target cluster before deployment`,
        ],
      };
    case 'absent':
      return {};
    case 'api-detected':
      return {
        findings: [
          `${name}: the snapshot detected the official MariaDB Operator API but no MariaDB resources. Bundling AICR-provided accounting is allowed, but verify that installing another operator instance will not conflict; otherwise regenerate with --slurm-accounting-mode customer-managed`,
        ],
      };
    case 'crs-detected':
      return {
        blocking: [
          `${name}: the snapshot detected existing official MariaDB resources. AICR-provided accounting would install a competing database stack. Regenerate the recipe with --slurm-accounting-mode customer-managed to use the existing database`,
        ],
      };
    case 'unknown':
      return {
        blocking: [
          `${name}: MariaDB Operator conflict evidence is inconclusive, so AICR-provided accounting cannot be installed safely. Capture a fresh snapshot with sufficient Kubernetes discovery permissions, or regenerate the recipe with --slurm-accounting-mode customer-managed`,
        ],
      };
    default:
      return { blocking: [`${name}: metadata.mariaDBOperatorState=${JSON.stringify(state)} is not recognized. Regenerate the recipe with this AICR version before bundling AICR-provided accounting`] };
  }
}
