/**
 * The bundle action's opt-in `helm-lint`: every chart of the bundle checked with the runner's
 * helm, through @actions/exec. Generated charts (Chart.yaml in the folder, or the argocdhelm
 * bundle itself) get `helm lint --strict` and `helm template`; upstream charts get
 * `helm template` from their repository with the folder's values files. Each failure is an
 * error annotation on the folder's file; any failure fails the step.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { AicrError, ErrorCode, errorMessage } from '../core/errors.js';
import { optionRef } from '../core/option-refs.js';
import type { BundleOutcome } from '../core/bundle/index.js';
import type { Folder } from '../core/bundle/types.js';
import type { Logger } from '../core/logger.js';

/** What helm printed about a failure, trimmed for an annotation. */
const MAX_MESSAGE = 2000;

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

/** Runs every check; returns the number of checks. Throws when helm is missing or a check fails. */
export async function helmLint(outcome: BundleOutcome, io: { logger: Logger; workspace: string; signal?: AbortSignal }): Promise<number> {
  const { getExecOutput } = await import('@actions/exec');
  try {
    await getExecOutput('helm', ['version', '--short'], { silent: true });
  } catch (error) {
    throw new AicrError(ErrorCode.NotFound, `${optionRef('helm-lint')} needs helm on the runner: ${errorMessage(error)}`, {
      cause: error,
      hint: `install it first (e.g. the azure/setup-helm action), or leave ${optionRef('helm-lint')} off`,
    });
  }
  const { logger } = io;
  const failures: string[] = [];
  const checks = checksOf(outcome);
  for (const check of checks) {
    // Interrupted: no further checks (the one running ends on its own, helm has no cancel).
    if (io.signal?.aborted) throw io.signal.reason;
    const result = await getExecOutput('helm', check.args, { ignoreReturnCode: true, silent: true });
    if (result.exitCode === 0) {
      logger.info(`${check.label}: ok`);
      continue;
    }
    const text = `${result.stderr}${result.stdout}`.trim().slice(0, MAX_MESSAGE);
    failures.push(check.label);
    logger.error(`${check.label} failed:\n${text}`, { title: 'helm-lint', file: relative(io.workspace, resolve(check.file)).split(sep).join('/') });
  }
  if (failures.length > 0) {
    throw new AicrError(ErrorCode.InvalidInput, `${optionRef('helm-lint')}: ${failures.length} of ${checks.length} checks failed: ${failures.join('; ')}`, {
      hint: 'the annotations show what helm said; fix the values (recipe overrides or set) that the chart refuses',
    });
  }
  return checks.length;
}
