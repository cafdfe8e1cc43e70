import { ExitCode } from '../../core/errors.js';
import { formatProblems } from '../../core/checksums/index.js';
import { VERIFY_OPTIONS, VERIFY_OUTPUTS } from '../../core/checksums/options.js';
import { runVerifyStep } from '../../core/checksums/step.js';
import { toJson } from '../../core/serialize.js';
import { defineCommand } from '../context.js';

export const command = defineCommand({
  name: 'verify',
  summary: `Check a bundle against its checksums.txt: modified, missing and unlisted files, unsafe paths and escaping links (exit ${ExitCode.VerificationFailed} on findings).`,
  usage: 'aicr verify [<bundle-dir>] [--format text|json] [--codequality F] [--fail-on-problems=false]',
  options: VERIFY_OPTIONS,
  outputs: VERIFY_OUTPUTS,
  examples: ['aicr verify bundle', 'aicr verify bundle --format json', 'aicr verify bundle --codequality gl-code-quality-report.json'],
  async run(values, context) {
    const { result, exitCode } = await runVerifyStep(values, context);
    if (values.format === 'json') context.stdout.write(toJson(result));
    else if (result.ok) context.stdout.write(`${result.dir}: all ${result.verified} files match checksums.txt\n`);
    else context.stdout.write(`${formatProblems(result)}\n${result.dir}: ${result.problems.length} problem(s); ${result.verified} of ${result.listed} listed files match checksums.txt\n`);
    return exitCode;
  },
});
