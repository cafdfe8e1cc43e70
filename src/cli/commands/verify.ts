import type { Command } from '../context.js';
import { ExitCode, invalidInput } from '../../core/errors.js';
import { formatProblems, problemLocation, toCodeQuality, verifyBundle } from '../../core/checksums/index.js';
import { parseLocation, writeLocation } from '../../core/io.js';
import { toJson } from '../../core/serialize.js';

export const command: Command = {
  spec: {
    name: 'verify',
    summary: `Check a bundle against its checksums.txt: modified, missing and unlisted files, unsafe paths and escaping links (exit ${ExitCode.VerificationFailed} on findings).`,
    usage: 'aicr verify <bundle-dir> [--format text|json] [--codequality F]',
    positionals: ['bundle-dir'],
    flags: [
      { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'report format', default: 'text', choices: ['text', 'json'] },
      { name: 'codequality', type: 'string', value: '<file>', description: 'also write a GitLab Code Quality report (one issue per problem)' },
    ],
    examples: ['aicr verify bundle', 'aicr verify bundle --format json', 'aicr verify bundle --codequality gl-code-quality-report.json'],
  },
  async run({ flags, positionals }, context) {
    const dir = positionals[0];
    if (dir === undefined || dir === '') throw invalidInput('bundle directory is required: aicr verify <bundle-dir>', { hint: 'pass the directory aicr bundle wrote' });
    const result = verifyBundle(dir);
    if (typeof flags.codequality === 'string') {
      await writeLocation(parseLocation(flags.codequality, '--codequality'), toJson(toCodeQuality(result, dir)), { input: '--codequality', format: 'json' });
    }
    if (flags.format === 'json') {
      context.stdout.write(toJson(result));
    } else if (result.ok) {
      context.stdout.write(`${dir}: all ${result.verified} files match checksums.txt\n`);
    } else {
      context.stdout.write(formatProblems(result));
      context.stdout.write(`\n${dir}: ${result.problems.length} problem(s); ${result.verified} of ${result.listed} listed files match checksums.txt\n`);
    }
    for (const problem of result.problems) {
      const where = problemLocation(problem);
      const subject = where.path === problem.path ? '' : ` (${problem.path})`;
      context.logger.error(`${problem.kind}${subject}: ${problem.detail}`, { file: `${dir.replace(/\/+$/, '')}/${where.path}`, ...(where.line ? { startLine: where.line } : {}) });
    }
    return result.ok ? ExitCode.Success : ExitCode.VerificationFailed;
  },
};
