/** Options several stages share, defined once so their wording and defaults cannot drift. */
import { VERSION } from '../version.js';
import type { OptionSpec } from './spec.js';

/** Why GitHub-only presentation options are absent elsewhere. */
const NO_JOB_SUMMARY = {
  cli: 'a terminal has no job summary: the command prints its result',
  gitlab: 'GitLab has no job summary: the job keeps its results as artifacts and dotenv variables',
} as const;

export const summaryOption = {
  type: 'bool',
  default: true,
  description: 'Write a job summary.',
  absent: NO_JOB_SUMMARY,
} as const satisfies OptionSpec;

export const kubeconfigOption = {
  type: 'string',
  description: 'Kubeconfig file for cm:// locations (default: $KUBECONFIG, ~/.kube/config, or the in-cluster service account).',
  aliases: ['-k'],
  placeholder: '<file>',
} as const satisfies OptionSpec;

export const dataOption = {
  type: 'string',
  description: 'External data directory layered over the embedded recipe catalog.',
  placeholder: '<dir>',
} as const satisfies OptionSpec;

const JOB_ONLY = {
  cli: 'a setting of the GitLab job, not of aicr',
  action: 'a setting of the GitLab job, not of aicr',
} as const;

/** The container image GitLab jobs run (the aicr CLI image of this release). */
const JOB_IMAGE = `ghcr.io/nvidia/aicr-ci:${VERSION}`;

/**
 * The settings every GitLab component takes for its job: stage, name and image. `job-name` and
 * `image` are GitLab's names for them in every component; options of a stage that upstream
 * also calls so are renamed at the GitLab door.
 */
export function gitlabJobOptions(jobName: string, stage: string) {
  return {
    gitlabStage: { type: 'string', default: stage, description: 'Pipeline stage of the job.', names: { gitlab: 'stage' }, why: 'GitLab calls it stage', absent: JOB_ONLY, gitlabJob: true },
    gitlabJobName: { type: 'string', default: jobName, description: 'Name of the job.', names: { gitlab: 'job-name' }, why: 'GitLab calls it job-name', absent: JOB_ONLY, gitlabJob: true },
    gitlabImage: { type: 'string', default: JOB_IMAGE, description: 'Container image that provides the aicr CLI.', names: { gitlab: 'image' }, why: 'GitLab calls it image', absent: JOB_ONLY, gitlabJob: true },
  } as const satisfies Record<string, OptionSpec>;
}

/** Why the workflow-artifact options are the actions' alone. */
const GITHUB_ARTIFACTS = {
  cli: 'workflow artifacts belong to GitHub Actions runs: on a terminal, pass local files',
  gitlab: 'GitLab keeps a job\'s files as job artifacts (the component declares them) and hands them on with needs',
} as const;

/**
 * Workflow artifacts, on every action: what the step wrote goes up under `upload-artifact`, and
 * inputs that read a document or folder accept `artifact://<name>[/<path>]`, from this run or
 * from `artifact-run-id`. Only src/github acts on them.
 */
export const artifactOptions = {
  uploadArtifact: {
    type: 'string',
    description: 'Upload what the step wrote as a workflow artifact of this name (empty: no upload); its id, URL and digest become outputs.',
    placeholder: '<name>',
    absent: GITHUB_ARTIFACTS,
  },
  artifactRetentionDays: {
    type: 'int',
    min: 1,
    max: 90,
    description: 'Days the uploaded artifact is kept (empty: the repository\'s setting).',
    placeholder: '<days>',
    absent: GITHUB_ARTIFACTS,
  },
  artifactRunId: {
    type: 'string',
    description: 'Run whose workflow artifacts artifact://<name>[/<path>] inputs read: a run id, or latest for the latest successful run of this workflow (empty: this run). Needs github-token.',
    placeholder: '<run-id|latest>',
    absent: GITHUB_ARTIFACTS,
  },
  githubToken: {
    type: 'string',
    description: 'Token for reading artifacts of another run (artifact-run-id): the workflow\'s github.token with permissions actions: read, or another token with that scope.',
    placeholder: '<token>',
    absent: GITHUB_ARTIFACTS,
  },
} as const satisfies Record<string, OptionSpec>;

/** Snapshot with agent: the failed Job's debug files go up as an artifact (the action's alone). */
export const agentDebugArtifactOption = {
  type: 'string',
  default: 'aicr-agent-debug',
  description: 'When the agent Job fails or times out: upload its pod log, Job and pod YAML and events as a workflow artifact of this name (none: no upload).',
  placeholder: '<name>',
  absent: GITHUB_ARTIFACTS,
} as const satisfies OptionSpec;

/** The outputs of an upload (empty when upload-artifact is empty). */
export const artifactOutputs = {
  artifactId: { description: 'Id of the uploaded workflow artifact (empty without upload-artifact).', githubOnly: true },
  artifactUrl: { description: 'URL of the uploaded workflow artifact on the run\'s page (empty without upload-artifact).', githubOnly: true },
  artifactDigest: { description: 'SHA-256 digest (hex) of the uploaded artifact\'s zip (empty without upload-artifact).', githubOnly: true },
} as const;
