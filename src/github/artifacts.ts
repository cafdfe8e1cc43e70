/**
 * Workflow artifacts for the actions, through the real `@actions/artifact` client, loaded only
 * when an action uploads or an input reads `artifact://` (this module is itself imported lazily
 * by run.ts, so actions that do neither never load either).
 *
 * - Upload: what the step wrote (files or folders) goes up as one artifact; its id, URL and
 *   digest become the step's outputs.
 * - Download: `artifact://<name>[/<path>]` from this run, or from `artifact-run-id` (a run id or
 *   `latest`, the latest successful run of this workflow) with `github-token`. The zip is
 *   checked against the artifact's digest, extracted by our own reader (unzip.ts: no `..`,
 *   absolute paths, links or bombs) into a temporary folder that is removed when the step ends.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type * as ArtifactClientModule from '@actions/artifact';
import * as core from '@actions/core';
import { AicrError, ErrorCode, invalidInput } from '../core/errors.js';
import { trackTemporary } from '../core/interrupts.js';
import { optionRef } from '../core/option-refs.js';
import type { Logger } from '../core/logger.js';
import type { OutputSink } from '../core/options/outputs.js';
import { optionKey, type OptionTable } from '../core/options/spec.js';
import { extractZip } from './unzip.js';

const ARTIFACT_SCHEME = 'artifact://';

/** Largest artifact zip downloaded (documents are at most 10 MiB, bundles far smaller). */
const MAX_ZIP_BYTES = 256 * 1024 * 1024;
/** Deadline and size of the REST answer that names the latest successful run. */
const RUNS_TIMEOUT_MS = 30_000;
const MAX_RUNS_ANSWER = 4 * 1024 * 1024;

type ArtifactModule = typeof ArtifactClientModule;
let clientModule: Promise<ArtifactModule> | undefined;
const artifactModule = (): Promise<ArtifactModule> => (clientModule ??= import('@actions/artifact'));

// ------------------------------------------------------------------------------------ upload

export interface UploadSettings {
  uploadArtifact?: string;
  artifactRetentionDays?: number;
}

/** Regular files under a path (a file is itself), in a stable order; links are not followed. */
function filesUnder(path: string): string[] {
  const stat = lstatSync(path);
  if (stat.isFile()) return [path];
  if (!stat.isDirectory()) return [];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

/** The folder that holds every path (a folder's own contents sit at the artifact's top). */
function commonRoot(paths: readonly string[]): string {
  const folders = paths.map((path) => (lstatSync(path).isDirectory() ? path : dirname(path)));
  let root = folders[0]!;
  while (!folders.every((folder) => folder === root || folder.startsWith(root.endsWith(sep) ? root : root + sep))) root = dirname(root);
  return root;
}

/**
 * Uploads the step's results (local paths; cm:// and `-` are left out) under `upload-artifact`
 * and sets artifact-id, artifact-url and artifact-digest. Nothing happens without a name.
 */
export async function uploadResults(settings: UploadSettings, paths: ReadonlyArray<string | undefined>, io: { logger: Logger; outputs: OutputSink; workspace: string }): Promise<void> {
  const name = settings.uploadArtifact;
  if (!name) return;
  const local = [...new Set(paths.filter((path): path is string => Boolean(path) && path !== '-' && !path!.startsWith('cm://')).map((path) => resolve(io.workspace, path)))]
    .filter((path) => {
      try {
        lstatSync(path);
        return true;
      } catch {
        return false;
      }
    });
  const files = local.flatMap(filesUnder);
  if (files.length === 0) {
    throw new AicrError(ErrorCode.NotFound, `${optionRef('upload-artifact')}: the step wrote no file to upload as "${name}"`, {
      hint: 'artifacts hold files: write the result to a file rather than a ConfigMap or standard output',
    });
  }
  const root = commonRoot(local);
  const uploaded = await upload(name, files, root, settings.artifactRetentionDays, 'upload-artifact');
  io.outputs.set('artifactId', uploaded.id);
  io.outputs.set('artifactUrl', uploaded.url);
  io.outputs.set('artifactDigest', uploaded.digest);
  io.logger.info(`uploaded ${files.length} file(s) from ${relative(io.workspace, root) || '.'} as artifact "${name}" (id ${uploaded.id || '?'})`);
}

/** Uploads files below `root` as one artifact; its id, run-page URL and digest (hex). */
async function upload(name: string, files: string[], root: string, retentionDays: number | undefined, input: string): Promise<{ id: string; url: string; digest: string }> {
  const { DefaultArtifactClient } = await artifactModule();
  let uploaded: { id?: number; digest?: string };
  try {
    uploaded = await new DefaultArtifactClient().uploadArtifact(name, files, root, retentionDays ? { retentionDays } : {});
  } catch (error) {
    throw artifactError(error, `${optionRef(input)}: uploading "${name}" failed`);
  }
  const id = uploaded.id === undefined ? '' : String(uploaded.id);
  const env = process.env;
  const url = id && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}` : '';
  return { id, url, digest: uploaded.digest ?? '' };
}

/**
 * Uploads a failed agent run's debug files (named by agent-debug-artifact) from a temporary
 * folder that is removed afterwards; returns the artifact's URL (or id).
 */
export async function uploadDebugFiles(name: string, files: Readonly<Record<string, string>>, retentionDays: number | undefined): Promise<string> {
  const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'aicr-agent-debug-'));
  const untrack = trackTemporary(dir);
  try {
    const paths = Object.entries(files).map(([file, text]) => {
      const path = join(dir, file);
      writeFileSync(path, text, { flag: 'wx' });
      return path;
    });
    const uploaded = await upload(name, paths, dir, retentionDays, 'agent-debug-artifact');
    return uploaded.url || uploaded.id;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    untrack();
  }
}

// ---------------------------------------------------------------------------------- download

export interface DownloadSettings {
  artifactRunId?: string;
  githubToken?: string;
}

/** Inputs that read `artifact://`, downloaded; `restore` puts the user's spelling back into messages. */
export interface ResolvedArtifacts<V> {
  values: V;
  restore(text: string): string;
  /** Removes every downloaded artifact (also registered for a forced stop). */
  cleanup(): void;
}

interface Reference {
  name: string;
  path: string;
}

function parseReference(text: string, input: string): Reference {
  const rest = text.slice(ARTIFACT_SCHEME.length);
  const slash = rest.indexOf('/');
  const name = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash + 1).replace(/\/+$/, '');
  const hint = 'write artifact://<name> or artifact://<name>/<path inside the artifact>, e.g. artifact://aicr-snapshot/snapshot.yaml';
  if (!name || /[":<>|*?\\\r\n]/.test(name)) throw invalidInput(`${optionRef(input)}: ${JSON.stringify(text)} does not name an artifact`, { hint, option: input });
  if (path && (path.startsWith('/') || path.includes('\\') || path.split('/').some((part) => part === '..' || part === '.' || part === ''))) {
    throw invalidInput(`${optionRef(input)}: ${JSON.stringify(text)}: the path inside the artifact must be relative, without . or .. segments`, { hint, option: input });
  }
  return { name, path };
}

/** Turns an error of the client (or octokit) into one with our exit codes. */
function artifactError(error: unknown, context: string): AicrError {
  if (error instanceof AicrError) return error;
  const status = (error as { status?: number }).status;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 401 || status === 403) return new AicrError(ErrorCode.Unauthorized, `${context}: GitHub refused the token (${status})`, { hint: `give ${optionRef('github-token')} a token with actions: read on this repository` });
  if (status === 404) return new AicrError(ErrorCode.NotFound, `${context}: not found (404)`, { hint: `check ${optionRef('artifact-run-id')} and the repository` });
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL|GITHUB_WORKSPACE/.test(message)) {
    return new AicrError(ErrorCode.InvalidInput, `${context}: this step does not run on a GitHub Actions runner (${message})`, { hint: 'workflow artifacts exist only inside GitHub Actions runs' });
  }
  if (/already exists|\(409\)/i.test(message)) {
    return invalidInput(`${context}: this run already has an artifact of that name`, { hint: 'artifact names are unique within a run: name each job\'s own (e.g. aicr-snapshot-${{ matrix.cluster }})' });
  }
  if (/name|path/i.test(message) && /not valid|invalid|contains/i.test(message)) return invalidInput(`${context}: ${message}`, { hint: 'artifact names may not contain " : < > | * ? \\ / or line breaks' });
  return new AicrError(ErrorCode.Unavailable, `${context}: ${message}`, { hint: 'GitHub\'s artifact service did not answer as expected; run the job again' });
}

/** A response body as text, refused once it passes `maxBytes`. */
async function boundedText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new Error(`is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The run `artifact-run-id` names: a number, or the latest successful run of this workflow other than this one. */
async function runIdOf(settings: DownloadSettings): Promise<number | undefined> {
  const text = settings.artifactRunId?.trim();
  if (!text) return undefined;
  if (/^\d{1,20}$/.test(text)) return Number(text);
  if (text.toLowerCase() !== 'latest') throw invalidInput(`${optionRef('artifact-run-id')}: ${JSON.stringify(text)} is neither a run id nor latest`, { hint: 'give a run id (a number) or latest' });
  const env = process.env;
  const workflow = /\/\.github\/workflows\/([^@/]+)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
  if (!workflow || !env.GITHUB_REPOSITORY) {
    throw invalidInput(`${optionRef('artifact-run-id')}: latest needs GITHUB_WORKFLOW_REF and GITHUB_REPOSITORY, which only a GitHub Actions runner sets`, { hint: 'give a run id instead' });
  }
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const url = `${api}/repos/${env.GITHUB_REPOSITORY}/actions/workflows/${encodeURIComponent(workflow)}/runs?status=success&per_page=20`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${settings.githubToken ?? ''}`, accept: 'application/vnd.github+json' }, signal: AbortSignal.timeout(RUNS_TIMEOUT_MS) });
  } catch (error) {
    throw new AicrError(ErrorCode.Unavailable, `${optionRef('artifact-run-id')}: listing the runs of ${workflow} failed: ${error instanceof Error ? error.message : String(error)}`, { hint: 'run the job again' });
  }
  const unusable = (why: string): AicrError => new AicrError(ErrorCode.Unavailable, `${optionRef('artifact-run-id')}: the list of runs of ${workflow} ${why}`, { hint: 'run the job again' });
  let body: string;
  try {
    body = await boundedText(response, MAX_RUNS_ANSWER);
  } catch (error) {
    throw unusable(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw artifactError(Object.assign(new Error(body.slice(0, 200)), { status: response.status }), `${optionRef('artifact-run-id')}: listing the runs of ${workflow}`);
  let runs: Array<{ id?: unknown }>;
  try {
    runs = (JSON.parse(body) as { workflow_runs?: Array<{ id?: unknown }> }).workflow_runs ?? [];
  } catch {
    throw unusable('is not JSON');
  }
  const earlier = runs.map((run) => run.id).find((id): id is number => typeof id === 'number' && String(id) !== env.GITHUB_RUN_ID);
  if (earlier === undefined) {
    throw new AicrError(ErrorCode.NotFound, `${optionRef('artifact-run-id')}: workflow ${workflow} has no earlier successful run`, {
      hint: 'the first run has no baseline: leave the baseline empty once, or give a file or cm:// location',
    });
  }
  return earlier;
}

/** The one regular file directly or deeper under a folder, if there is exactly one. */
function onlyFile(dir: string): string | undefined {
  const files = filesUnder(dir);
  return files.length === 1 ? files[0] : undefined;
}

/**
 * Downloads every artifact:// input of `table` (the same artifact once) and returns the values
 * with local paths in their place. Inputs that write refuse artifact://.
 */
export async function resolveArtifactInputs<V extends Record<string, unknown>>(table: OptionTable, values: V, settings: DownloadSettings, logger: Logger): Promise<ResolvedArtifacts<V>> {
  const temporaries: Array<{ dir: string; untrack: () => void }> = [];
  const spellings: Array<[string, string]> = [];
  const cleanup = (): void => {
    for (const { dir, untrack } of temporaries.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
      untrack();
    }
  };
  const resolved: Record<string, unknown> = { ...values };
  try {
    if (settings.artifactRunId?.trim() && !settings.githubToken) {
      throw invalidInput(`${optionRef('artifact-run-id')} needs ${optionRef('github-token')}`, { hint: 'pass github-token: ${{ github.token }} (with permissions actions: read)' });
    }
    if (settings.githubToken) core.setSecret(settings.githubToken);
    const runId = await runIdOf(settings);
    const downloads = new Map<string, string>();
    for (const [property, value] of Object.entries(values)) {
      if (typeof value !== 'string' || !value.startsWith(ARTIFACT_SCHEME)) continue;
      const input = optionKey(property);
      if (table[property]?.writes) {
        throw invalidInput(`${optionRef(input)} names where the step writes; ${JSON.stringify(value)} is something to read`, { hint: `write to a file and set ${optionRef('upload-artifact')} to hand it on` });
      }
      const reference = parseReference(value, input);
      let root = downloads.get(reference.name);
      if (root === undefined) {
        const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'aicr-artifact-'));
        temporaries.push({ dir, untrack: trackTemporary(dir) });
        root = await download(reference.name, runId, settings.githubToken, dir, logger);
        downloads.set(reference.name, root);
        spellings.push([root, `${ARTIFACT_SCHEME}${reference.name}`]);
      }
      resolved[property] = locate(root, reference, value, input, runId);
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  // Longest first: a path inside one artifact is restored before a shorter prefix could match.
  spellings.sort((a, b) => b[0].length - a[0].length);
  return {
    values: resolved as V,
    restore: (text) => spellings.reduce((out, [local, original]) => out.replaceAll(local, original), text),
    cleanup,
  };
}

function locate(root: string, reference: Reference, text: string, input: string, runId: number | undefined): string {
  if (!reference.path) return onlyFile(root) ?? root;
  const path = join(root, reference.path);
  try {
    statSync(path);
  } catch {
    const listed = filesUnder(root).slice(0, 10).map((file) => relative(root, file).split(sep).join('/'));
    throw new AicrError(ErrorCode.NotFound, `${optionRef(input)}: ${JSON.stringify(text)}: artifact "${reference.name}"${runId ? ` of run ${runId}` : ''} has no ${reference.path}`, {
      hint: `it holds: ${listed.join(', ') || 'no files'}`,
    });
  }
  return path;
}

async function download(name: string, runId: number | undefined, token: string | undefined, dir: string, logger: Logger): Promise<string> {
  const where = runId === undefined ? 'this run' : `run ${runId}`;
  const label = `artifact "${name}" of ${where}`;
  const env = process.env;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const findBy = runId === undefined ? undefined : { findBy: { workflowRunId: runId, repositoryOwner: owner ?? '', repositoryName: repo ?? '', token: token ?? '' } };
  const { DefaultArtifactClient, ArtifactNotFoundError } = await artifactModule();
  const client = new DefaultArtifactClient();
  let artifact: { id: number; size: number; digest?: string };
  try {
    ({ artifact } = await client.getArtifact(name, findBy));
  } catch (error) {
    if (error instanceof ArtifactNotFoundError || (error instanceof Error && error.name === 'ArtifactNotFoundError')) {
      throw new AicrError(ErrorCode.NotFound, `artifact "${name}" was not found in ${where}`, {
        hint: runId === undefined ? `upload it in an earlier step or job of this run (upload-artifact: ${name}), or read another run's with ${optionRef('artifact-run-id')}` : 'check the name, and that the artifact has not expired',
      });
    }
    throw artifactError(error, `reading ${label}`);
  }
  if (!artifact.digest) throw invalidInput(`${label} has no digest to check it against`, { hint: 'upload it again with a current upload-artifact (v4 or later records the digest)' });
  if (artifact.size > MAX_ZIP_BYTES) throw invalidInput(`${label} is ${artifact.size} bytes, more than the ${MAX_ZIP_BYTES} allowed`, { hint: 'artifacts read as inputs hold documents and bundles, which are far smaller' });
  const zipDir = join(dir, 'zip');
  const files = join(dir, 'files');
  mkdirSync(files);
  try {
    const result = await client.downloadArtifact(artifact.id, { path: zipDir, skipDecompress: true, expectedHash: artifact.digest, ...findBy });
    const [zipName, ...others] = readdirSync(zipDir);
    if (!zipName || others.length > 0) throw invalidInput(`${label}: the download did not give one archive`);
    const zipPath = join(zipDir, zipName);
    if (statSync(zipPath).size > MAX_ZIP_BYTES) throw invalidInput(`${label} is larger than the ${MAX_ZIP_BYTES} bytes allowed`);
    const zip = readFileSync(zipPath);
    // Checked here too: the client only flags a mismatch, and the bytes extracted are these.
    const digest = `sha256:${createHash('sha256').update(zip).digest('hex')}`;
    if (result.digestMismatch || digest !== artifact.digest) {
      throw invalidInput(`${label} does not match its digest: expected ${artifact.digest}, downloaded ${digest}`, { hint: 'the artifact changed after upload or was damaged in transit; nothing of it was used' });
    }
    const extracted = extractZip(zip, files, label);
    logger.info(`read ${label}: ${extracted.length} file(s), ${digest}`);
  } catch (error) {
    throw error instanceof AicrError ? error : artifactError(error, `downloading ${label}`);
  } finally {
    rmSync(zipDir, { recursive: true, force: true });
  }
  return files;
}
