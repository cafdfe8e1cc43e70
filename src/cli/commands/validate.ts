import { formatReportTable } from '../../core/validate/index.js';
import { VALIDATE_OPTIONS, VALIDATE_OUTPUTS } from '../../core/validate/options.js';
import { runValidateStep } from '../../core/validate/step.js';
import { toYaml } from '../../core/serialize.js';
import { defineCommand } from '../context.js';

export const command = defineCommand({
  name: 'validate',
  summary: 'Check a recipe\'s constraints against a snapshot, and its deployment against the cluster, and write the reports (CTRF, JUnit, GitLab Code Quality).',
  usage: 'aicr validate --recipe F --snapshot F [--phase P] [--fail-on-error=false] [--report-dir DIR] [--output F] [--junit F] [--codequality F] [--format table|json|yaml]',
  options: VALIDATE_OPTIONS,
  outputs: VALIDATE_OUTPUTS,
  examples: [
    'aicr validate --recipe recipe.yaml --snapshot snapshot.yaml',
    'aicr validate -r recipe.yaml -s snapshot.yaml --report-dir reports',
    'aicr validate -r recipe.yaml -s cm://gpu-ops/aicr-snapshot --phase deployment,conformance --fail-on-error=false',
  ],
  async run(values, context) {
    const result = await runValidateStep(values, context);
    // The terminal shows the result unless the report itself goes to standard output.
    if (values.output !== '-') {
      const text = values.format === 'json' ? result.ctrfText : values.format === 'yaml' ? toYaml(JSON.parse(result.ctrfText)) : formatReportTable(result.report);
      context.stdout.write(text);
    }
    // The reports are written and shown; a cluster that refused or failed sets the exit code.
    if (result.clusterError) throw result.clusterError;
    return result.exitCode;
  },
});
