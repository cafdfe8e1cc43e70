/** The verify stage's options and outputs: one definition for the CLI, the action and the component. */
import { ExitCode } from '../errors.js';
import { gitlabJobOptions, summaryOption, artifactOptions, artifactOutputs } from '../options/common.js';
import { defineOutputs } from '../options/outputs.js';
import { defineOptions } from '../options/spec.js';

export const VERIFY_OPTIONS = defineOptions({
  bundleDir: {
    type: 'string',
    default: 'bundle',
    positional: true,
    description: 'Bundle directory (the one that holds checksums.txt), e.g. the bundle stage\'s output.',
    placeholder: '<dir>',
    regex: '^[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*(/[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*)*/?$',
  },
  failOnProblems: { type: 'bool', default: true, description: `Fail (exit code ${ExitCode.VerificationFailed}) when a problem is found; false only reports.` },
  format: {
    type: 'enum',
    choices: ['text', 'json'],
    default: 'text',
    description: 'What the terminal shows: text, or the result as json.',
    aliases: ['-t'],
    placeholder: '<format>',
    absent: { action: 'pipelines read the annotations and the job summary', gitlab: 'pipelines read the Code Quality report' },
  },
  codequality: {
    writes: true,
    type: 'string',
    description: 'Also write a GitLab Code Quality report (one issue per problem) to this file.',
    defaults: { gitlab: 'gl-code-quality-report.json' },
    placeholder: '<file>',
    regex: '^[A-Za-z0-9._/-]+$',
    absent: { action: 'a GitLab report format; GitHub shows annotations instead' },
  },
  annotations: {
    type: 'bool',
    default: true,
    description: 'Add an error annotation per problem file.',
    absent: { cli: 'a terminal shows each problem as a log line', gitlab: 'GitLab shows problems from the Code Quality report' },
  },
  summary: summaryOption,
  ...artifactOptions,
  ...gitlabJobOptions('aicr-verify-checksums', 'deploy'),
});

export const VERIFY_OUTPUTS = defineOutputs('verify', {
  verified: { description: 'true when every listed file matches and nothing is missing or unlisted.' },
  files: { description: 'Number of listed files whose checksum matched.' },
  problems: { description: 'Number of problems found.' },
  ...artifactOutputs,
});
