/**
 * The snapshot step: measure the node (or a cluster node through the agent Job), write the
 * snapshot, compare it with a baseline when one is given, set the outputs. Shared by
 * `aicr snapshot`, the snapshot component and actions/snapshot.
 */
import { AicrError, ErrorCode, ExitCode, invalidInput, optionError } from '../errors.js';
import { parseCriteriaValue } from '../criteria.js';
import { parseResourceList } from '../kube/agent/resources.js';
import { readingText } from '../constraints/index.js';
import { loadDocument, parseDocumentOf } from '../load.js';
import type { Snapshot } from '../documents/types.js';
import { claimOutputs, parseLocation, writeLocation, type WriteOptions } from '../io.js';
import { redactUrl } from '../redact.js';
import { optionRef } from '../option-refs.js';
import { optionKey, type OptionValues } from '../options/spec.js';
import { typedOutputs } from '../options/outputs.js';
import { toJson } from '../serialize.js';
import { readOptionsFor, writeOptionsFor, type StepIO } from '../step.js';
import { diffSnapshots, hasDrift, parseMeasurementTypes, type SnapshotDiff } from './diff.js';
import { parseRequiredSources, renderSnapshot, subtypeName, takeSnapshot, type AgentSettings, type SnapshotRequest, type SnapshotRun, type SnapshotServices } from './index.js';
import { SNAPSHOT_OPTIONS, SNAPSHOT_OUTPUTS } from './options.js';
import { loadAicrConfig } from '../config/aicr-config.js';
import { applyConfig, SNAPSHOT_CONFIG_FIELDS } from '../config/apply.js';
import { recipeRegressions, type ConstraintRegression } from './recipe-drift.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type SnapshotValues = OptionValues<typeof SNAPSHOT_OPTIONS>;

/** Drifted readings pointed at one by one before the rest is counted. */
const MAX_DRIFT_LINES = 20;

const AGENT_ONLY = ['namespace', 'image', 'imagePullSecret', 'jobName', 'serviceAccountName', 'nodeSelector', 'toleration', 'noCleanup', 'runtimeClass', 'requests', 'limits'] as const;

/** Node OS families the agent and the collectors tell apart (upstream's list). */
const NODE_OS = ['amazonlinux', 'cos', 'ol', 'rhel', 'talos', 'ubuntu'];

/** `--os`: one of {@link NODE_OS}, or a criteria spelling of an OS (al2 → amazonlinux); any or empty: none. */
function parseNodeOs(raw: string | undefined): string | undefined {
  const text = (raw ?? '').trim().toLowerCase();
  if (text === '' || text === 'any') return undefined;
  if (NODE_OS.includes(text)) return text;
  let value: string;
  try {
    value = parseCriteriaValue('os', text, optionRef('os'));
  } catch {
    throw optionError('os', `"${raw}" is not a node OS family`, { hint: `one of ${NODE_OS.join(', ')} (al2 and al2023 mean amazonlinux)` });
  }
  return value === 'any' ? undefined : value;
}

export interface SnapshotStepResult {
  run: SnapshotRun;
  output: string;
  diff?: SnapshotDiff;
  /** Shown in place of the baseline option: URL credentials redacted. */
  baselineOrigin?: string;
  /** Constraints of `recipe` that passed on the baseline and fail now. */
  recipeDrift?: ConstraintRegression[];
  /** 11 when drift was found and fail-on-drift is set, else 0. */
  exitCode: number;
}

/**
 * Set in the agent Job's pod (upstream's variable and spelling): the command then measures its
 * own node, so an agent never deploys another agent.
 */
const AGENT_MODE_VARIABLE = 'AICR_AGENT_MODE';

/** Whether this run deploys the agent Job: asked for (the CLI's default), not `local`, not inside an agent. */
export function deploysAgent(values: Pick<SnapshotValues, 'agent' | 'local'>, env: NodeJS.ProcessEnv): boolean {
  return values.agent && !values.local && env[AGENT_MODE_VARIABLE] !== 'true';
}

/** The snapshot request behind the options (checked before anything runs). */
export function snapshotRequestFrom(values: SnapshotValues, io: StepIO): SnapshotRequest {
  const agentMode = deploysAgent(values, io.env);
  const require = parseRequiredSources(values.require, 'require');
  if (values.requireGpu && !require.includes('gpu')) require.push('gpu');
  const timeoutMs = values.timeout || 5 * 60_000;
  if (agentMode && values.requireGpu && values.runtimeClass) {
    throw invalidInput(`${optionRef('require-gpu')} and ${optionRef('runtime-class')} are mutually exclusive; prefer ${optionRef('runtime-class')}, which provides nvidia-smi access via the container runtime without consuming a GPU allocation`, {
      hint: 'set only one of them',
    });
  }
  const os = parseNodeOs(values.os);
  // Parsed in every mode: a bad quantity is an input error even where it would be ignored.
  const requests = parseResourceList(values.requests, 'requests');
  const limits = parseResourceList(values.limits, 'limits');
  const request: SnapshotRequest = { mode: agentMode ? 'agent' : 'local', require, timeoutMs };
  if (os) request.os = os;
  if (values.timestamp) request.timestamp = new Date();
  if (values.kubeconfig) request.kubeconfig = values.kubeconfig;
  if (values.maxNodesPerEntry) request.maxNodesPerEntry = values.maxNodesPerEntry;
  if (agentMode) {
    const agent: AgentSettings = {
      namespace: values.namespace,
      image: values.image,
      imagePullSecrets: values.imagePullSecret,
      jobName: values.jobName,
      serviceAccountName: values.serviceAccountName,
      nodeSelector: values.nodeSelector,
      tolerations: values.toleration,
      timeoutMs,
      keep: values.noCleanup,
      privileged: values.privileged,
      requireGpu: values.requireGpu,
      maxNodesPerEntry: values.maxNodesPerEntry,
      debug: io.debug === true,
    };
    if (values.runtimeClass) agent.runtimeClass = values.runtimeClass;
    if (os) agent.os = os;
    if (requests) agent.requests = requests;
    if (limits) agent.limits = limits;
    if (values.kubeconfig) agent.kubeconfig = values.kubeconfig;
    if (values.output?.trim().startsWith('cm://')) agent.configMap = values.output.trim();
    request.agent = agent;
  }
  return request;
}

/** No cluster to deploy the agent to: the hint also names local collection (the CLI deploys the agent by default). */
function withLocalHint(error: unknown): unknown {
  if (!(error instanceof AicrError) || error.code !== ErrorCode.Unavailable || !error.message.startsWith('no Kubernetes configuration')) return error;
  const local = `to measure the machine this runs on instead, set ${optionRef('agent')} to false (on the command line: --local)`;
  return new AicrError(error.code, error.message, { hint: error.hint ? `${error.hint}; ${local}` : local, cause: error });
}

/** A reading's canonical text, or '' when the snapshot does not have it. */
export function reading(snapshot: Snapshot, type: string, subtype: string, key: string): string {
  const measurement = snapshot.measurements.find((m) => m?.type === type);
  const data = measurement?.subtypes?.find((s) => subtypeName(s) === subtype)?.data;
  return data && Object.prototype.hasOwnProperty.call(data, key) ? readingText(data[key]) : '';
}

function reportDrift(diff: SnapshotDiff, failOnDrift: boolean, io: StepIO): void {
  const point = failOnDrift ? io.logger.error : io.logger.warning;
  for (const change of diff.changes.slice(0, MAX_DRIFT_LINES)) {
    const text = change.kind === 'modified' ? `${change.baseline} → ${change.target}` : change.kind === 'added' ? `added: ${change.target}` : `removed (was ${change.baseline})`;
    point(`${change.path}: ${text}`, { title: `snapshot drift (${change.kind})` });
  }
  if (diff.changes.length > MAX_DRIFT_LINES) io.logger.notice(`${diff.changes.length - MAX_DRIFT_LINES} more drifted readings are not listed one by one`, { title: 'snapshot drift' });
  if (!hasDrift(diff)) io.logger.notice(`no drift against ${diff.baselineSource} (${diff.ignored} volatile readings ignored)`, { title: 'snapshot drift' });
}

/** An annotation per constraint that passed on the baseline and fails now, at its recipe line. */
function reportRecipeDrift(regressions: readonly ConstraintRegression[], recipeOrigin: string, failOnDrift: boolean, io: StepIO): void {
  const point = failOnDrift ? io.logger.error : io.logger.warning;
  for (const regression of regressions.slice(0, MAX_DRIFT_LINES)) {
    // Only files of the workspace can be annotated (not URLs, cm:// or a downloaded artifact).
    const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(regression.location.file) ? undefined : relative(io.workspace, resolve(regression.location.file));
    const file = path && !path.startsWith('..') && !isAbsolute(path) ? path.split(sep).join('/') : undefined;
    point(`${regression.name}: passed on the baseline${regression.baseline !== undefined ? ` (${regression.baseline})` : ''}, fails now: ${regression.message}`, {
      title: 'recipe drift',
      ...(file ? { file } : {}),
      ...(file && regression.location.line !== undefined ? { startLine: regression.location.line } : {}),
    });
  }
  if (regressions.length > MAX_DRIFT_LINES) io.logger.notice(`${regressions.length - MAX_DRIFT_LINES} more constraints regressed`, { title: 'recipe drift' });
  if (regressions.length === 0) io.logger.notice(`every constraint of ${recipeOrigin} that passed on the baseline still passes`, { title: 'recipe drift' });
}

export async function runSnapshotStep(values: SnapshotValues, io: StepIO, services: Pick<SnapshotServices, 'collectors' | 'runAgent'> = {}): Promise<SnapshotStepResult> {
  if (values.config) {
    const config = await loadAicrConfig(values.config, readOptionsFor('config', io, values.kubeconfig), io.logger);
    for (const note of applyConfig(values as Record<string, unknown>, SNAPSHOT_OPTIONS, config, SNAPSHOT_CONFIG_FIELDS, [])) io.logger.info(note);
  }
  const output = values.output ?? '-';
  const location = parseLocation(output, 'output');
  if (location.kind === 'url') throw invalidInput(`${optionRef('output')}: cannot write to a URL (${redactUrl(location.url)})`, { hint: 'write to a file, - for standard output, or cm://namespace/name' });
  const diffTypes = parseMeasurementTypes(values.diffTypes, 'diff-types');
  const diffLocation = values.diffOutput ? parseLocation(values.diffOutput, 'diff-output') : undefined;
  if (diffLocation?.kind === 'url') throw invalidInput(`${optionRef('diff-output')}: cannot write to a URL (${redactUrl(diffLocation.url)})`, { hint: 'write to a file, - for standard output, or cm://namespace/name' });
  if (values.recipe && !values.baseline) throw invalidInput(`${optionRef('recipe')} needs ${optionRef('baseline')}: its constraints are compared between the baseline and the new snapshot`, { hint: 'name the baseline snapshot, or use aicr validate to check a recipe against one snapshot' });
  if (values.failOnDrift && !values.baseline) throw invalidInput(`${optionRef('fail-on-drift')} needs ${optionRef('baseline')}: a snapshot to compare against`, { hint: 'name a snapshot file or cm://namespace/name to compare with' });
  if (values.template && values.format !== 'yaml') throw invalidInput(`${optionRef('template')} requires YAML format; ${optionRef('format')} must be "yaml" or omitted`, { hint: 'the template decides the report\'s format' });
  if (values.template && location.kind === 'configmap') throw invalidInput(`${optionRef('template')} does not support ConfigMap output (cm://...); render to a file or stdout instead`, { hint: 'write the report to a file, or drop the template to store the snapshot in a ConfigMap' });
  // Loaded only for a template (the interpreter is not part of every snapshot's start-up).
  const templates = values.template ? await import('./template.js') : undefined;
  const template = values.template ? templates!.loadSnapshotTemplate(values.template, io.workspace) : undefined;
  const request = snapshotRequestFrom(values, io);
  if (values.agent && !values.local && io.env[AGENT_MODE_VARIABLE] === 'true') {
    io.logger.info(`${AGENT_MODE_VARIABLE}=true: measuring this node (inside the agent's pod no other agent is deployed)`);
  }
  if (request.mode === 'local') {
    const ignored = AGENT_ONLY.filter((property) => {
      const value: unknown = values[property];
      const fallback: unknown = (SNAPSHOT_OPTIONS[property] as { default?: unknown }).default;
      if (Array.isArray(value)) return value.length > 0;
      if (value && typeof value === 'object') return Object.keys(value).length > 0;
      return value !== undefined && value !== false && value !== fallback;
    });
    if (ignored.length) io.logger.notice(`${ignored.map((p) => optionRef(optionKey(p))).join(', ')} only appl${ignored.length > 1 ? 'y' : 'ies'} to the agent Job; collecting on this machine`);
  }
  // Outputs are claimed before the work. The agent writes a cm:// output itself (upstream's
  // agent), so that one is claimed once the agent is done, and our write follows its write.
  const agentWritesOutput = request.agent?.configMap !== undefined;
  const claimed = await claimOutputs([agentWritesOutput ? undefined : location, diffLocation], writeOptionsFor(io, values.kubeconfig));
  // The baseline is read before anything is written: the output may be the baseline's own path.
  const baseline = values.baseline ? await loadDocument('Snapshot', values.baseline, readOptionsFor('baseline', io, values.kubeconfig)) : undefined;
  const recipe = values.recipe ? await loadDocument('RecipeResult', values.recipe, readOptionsFor('recipe', io, values.kubeconfig)) : undefined;
  const run = await takeSnapshot(request, { logger: io.logger, env: io.env, ...(io.signal ? { signal: io.signal } : {}), ...services }).catch((error: unknown) => {
    throw request.mode === 'agent' ? withLocalHint(error) : error;
  });
  const claims = agentWritesOutput ? await claimOutputs([location], writeOptionsFor(io, values.kubeconfig)) : claimed;

  const writeOptions: WriteOptions = { input: 'output', format: values.format, kind: 'Snapshot', ...(io.stdout ? { stdout: io.stdout } : {}), ...writeOptionsFor(io, values.kubeconfig) };
  const outputClaim = claims(location);
  const text = template ? templates!.renderSnapshotTemplate(template, run.snapshot) : renderSnapshot(run.snapshot, values.format);
  await writeLocation(location, text, { ...writeOptions, ...(outputClaim ? { claim: outputClaim } : {}) });
  if (location.kind !== 'stdio') {
    const measured = run.sources.filter((s) => s.status !== 'unavailable').map((s) => s.type);
    io.logger.info(`${template ? `report (template ${values.template})` : 'snapshot'} written to ${output} (measured: ${measured.join(', ') || 'nothing'})`);
  }

  let diff: SnapshotDiff | undefined;
  let recipeDrift: ConstraintRegression[] | undefined;
  if (baseline) {
    diff = diffSnapshots(baseline.document, run.snapshot, { types: diffTypes, baselineSource: baseline.origin, targetSource: location.kind === 'stdio' ? '<stdout>' : output });
    io.logger.info(`snapshot diff: ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.modified} modified (${diff.ignored} volatile readings ignored)`);
    reportDrift(diff, values.failOnDrift, io);
    if (recipe) {
      const now = await parseDocumentOf('Snapshot', renderSnapshot(run.snapshot, 'yaml'), location.kind === 'stdio' ? '<stdout>' : output, 'output');
      recipeDrift = recipeRegressions(recipe, baseline, now);
      reportRecipeDrift(recipeDrift, recipe.origin, values.failOnDrift, io);
    }
    const diffClaim = diffLocation && claimed(diffLocation);
    if (diffLocation) await writeLocation(diffLocation, toJson(diff), { ...writeOptions, input: 'diff-output', format: 'json', kind: 'SnapshotDiff', ...(diffClaim ? { claim: diffClaim } : {}) });
  }
  const outputs = typedOutputs(SNAPSHOT_OUTPUTS, io.outputs);
  outputs.set('snapshotPath', output);
  outputs.set('configmap', location.kind === 'configmap' ? output : '');
  // Empty, not 0, when nvidia-smi could not be asked: an unknown count is not zero GPUs.
  outputs.set('gpuCount', reading(run.snapshot, 'GPU', 'smi', 'gpu-count'));
  outputs.set('k8sVersion', reading(run.snapshot, 'K8s', 'server', 'version'));
  outputs.set('unavailable', run.sources.filter((s) => s.status === 'unavailable').map((s) => s.source).join(','));
  const regressions = recipeDrift?.length ?? 0;
  outputs.set('drift', diff ? String(hasDrift(diff) || regressions > 0) : '');
  let exitCode: number = ExitCode.Success;
  if (diff && values.failOnDrift && (hasDrift(diff) || regressions > 0)) {
    const what = [hasDrift(diff) ? `${diff.summary.total} change(s)` : '', regressions ? `${regressions} constraint(s) of ${recipe!.origin} that passed before now fail` : ''].filter(Boolean).join(' and ');
    io.logger.error(`drift detected: ${what} against ${baseline!.origin}`, { title: 'aicr snapshot' });
    exitCode = ExitCode.DriftDetected;
  }
  return { run, output, ...(diff ? { diff } : {}), ...(recipeDrift ? { recipeDrift } : {}), ...(baseline ? { baselineOrigin: baseline.origin } : {}), exitCode };
}
