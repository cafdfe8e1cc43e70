/**
 * The bundle action's opt-in `helm-lint`: every chart of the bundle checked with the runner's
 * helm, each run bounded in time and output (helm and whatever it starts end at the limit).
 * Generated charts (Chart.yaml in the folder, or the argocdhelm
 * bundle itself) get `helm lint --strict` and `helm template`; upstream charts get
 * `helm template` from their repository with the folder's values files. Each failure is an
 * error annotation on the folder's file; any failure fails the step.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { AicrError, ErrorCode } from '../core/errors.js';
import { optionRef } from '../core/option-refs.js';
import { runBounded, type BoundedRunResult } from '../core/util/child-process.js';
import type { BundleOutcome } from '../core/bundle/index.js';
import type { Folder } from '../core/bundle/types.js';
import type { Logger } from '../core/logger.js';

/** What helm printed about a failure, trimmed for an annotation. */
const MAX_MESSAGE = 2000;
/** Output kept of one helm run (a rendered chart can be large; only the start is ever shown). */
const MAX_OUTPUT_BYTES = 1024 * 1024;

export interface HelmLimits {
  /** Time limit of one check (default 5 min: `helm template` may download a chart). */
  checkTimeoutMs?: number;
  /** Time limit of `helm version` (default 30 s). */
  versionTimeoutMs?: number;
}

interface Check {
  /** What is checked, for the log. */
  label: string;
  /** The file an annotation points at. */
  file: string;
  args: string[];
}

/** Values files of a folder, in the order its install script passes them. */
function valuesFiles(dir: string): string[] {
  return ['values.yaml', 'cluster-values.yaml'].map((name) => join(dir, name)).filter((path) => existsSync(path));
}

function checksOf(outcome: BundleOutcome): Check[] {
  const checks: Check[] = [];
  const root = outcome.dir;
  if (existsSync(join(root, 'Chart.yaml'))) {
    // The argocdhelm bundle is one chart of Applications.
    checks.push({ label: `helm lint ${root}`, file: join(root, 'Chart.yaml'), args: ['lint', '--strict', root] });
    checks.push({ label: `helm template ${root}`, file: join(root, 'Chart.yaml'), args: ['template', 'aicr', root] });
    return checks;
  }
  for (const folder of outcome.plan.folders) checks.push(...folderChecks(root, folder));
  return checks;
}

function folderChecks(root: string, folder: Folder): Check[] {
  const dir = join(root, folder.dir);
  const values = valuesFiles(dir).flatMap((path) => ['-f', path]);
  if (existsSync(join(dir, 'Chart.yaml'))) {
    const file = join(dir, 'Chart.yaml');
    return [
      { label: `helm lint ${dir}`, file, args: ['lint', '--strict', dir, ...values] },
      { label: `helm template ${dir}`, file, args: ['template', folder.release, dir, '--namespace', folder.namespace, ...values] },
    ];
  }
  if (folder.kind !== 'upstream' || !folder.component.chart) return [];
  const chart = folder.component.chart;
  const source = chart.oci ? [`${chart.repo.replace(/\/+$/, '')}/${chart.name}`] : [chart.name, '--repo', chart.repo];
  const version = chart.version ? ['--version', chart.version] : [];
  return [{ label: `helm template ${folder.release} (${chart.repo})`, file: join(dir, 'values.yaml'), args: ['template', folder.release, ...source, ...version, '--namespace', folder.namespace, ...values] }];
}

/** Runs helm under the limits (and the interrupt); a run that did not exit by itself is described in words. */
async function helm(args: string[], timeoutMs: number, signal: AbortSignal | undefined): Promise<BoundedRunResult> {
  return runBounded('helm', args, { timeoutMs, maxStdoutBytes: MAX_OUTPUT_BYTES, stdoutOverflow: 'truncate', ...(signal ? { signal } : {}) });
}

function outputOf(result: BoundedRunResult): string {
  return result.kind === 'spawn-failed' ? '' : `${result.stderr.toString('utf8')}${result.stdout.toString('utf8')}`.trim().slice(0, MAX_MESSAGE);
}

/**
 * Runs every check; returns the number of checks. Throws when helm is missing, hangs or a check
 * fails; an interrupt (`io.signal`) ends the running check, and everything helm started, at once.
 */
export async function helmLint(outcome: BundleOutcome, io: { logger: Logger; workspace: string; signal?: AbortSignal }, limits: HelmLimits = {}): Promise<number> {
  const checkTimeout = limits.checkTimeoutMs ?? 5 * 60_000;
  const version = await helm(['version', '--short'], limits.versionTimeoutMs ?? 30_000, io.signal);
  if (io.signal?.aborted) throw io.signal.reason;
  if (version.kind !== 'exited' || version.code !== 0) {
    const why = version.kind === 'spawn-failed' ? version.error.message : version.kind === 'timeout' ? 'helm version did not answer in time' : `helm version failed: ${outputOf(version)}`;
    throw new AicrError(ErrorCode.NotFound, `${optionRef('helm-lint')} needs helm on the runner: ${why}`, {
      hint: `install it first (e.g. the azure/setup-helm action), or leave ${optionRef('helm-lint')} off`,
    });
  }
  const { logger } = io;
  const failures: string[] = [];
  const timedOut: string[] = [];
  const checks = checksOf(outcome);
  for (const check of checks) {
    const result = await helm(check.args, checkTimeout, io.signal);
    if (io.signal?.aborted) throw io.signal.reason;
    if (result.kind === 'exited' && result.code === 0) {
      logger.info(`${check.label}: ok`);
      continue;
    }
    const text = result.kind === 'timeout' ? `did not finish within ${Math.round(checkTimeout / 1000)} s (helm and everything it started were stopped)\n${outputOf(result)}`.trim() : outputOf(result);
    (result.kind === 'timeout' ? timedOut : failures).push(check.label);
    logger.error(`${check.label} failed:\n${text}`, { title: 'helm-lint', file: relative(io.workspace, resolve(check.file)).split(sep).join('/') });
  }
  if (timedOut.length > 0) {
    throw new AicrError(ErrorCode.Timeout, `${optionRef('helm-lint')}: ${timedOut.length} of ${checks.length} checks did not finish in time: ${timedOut.join('; ')}`, {
      hint: 'helm template downloads upstream charts: check that the runner reaches the chart repositories',
    });
  }
  if (failures.length > 0) {
    throw new AicrError(ErrorCode.InvalidInput, `${optionRef('helm-lint')}: ${failures.length} of ${checks.length} checks failed: ${failures.join('; ')}`, {
      hint: 'the annotations show what helm said; fix the values (recipe overrides or set) that the chart refuses',
    });
  }
  return checks.length;
}
