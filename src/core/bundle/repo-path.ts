/**
 * Where the bundle lives inside the GitOps repository (`--repo-path`). GitOps tools resolve
 * every path they read (Application paths, `$values/…` files, Flux chart and Kustomization
 * paths) from the repository root, so the deployers prefix them with this path.
 */
import { optionError } from '../errors.js';
import { quoted } from '../safe-text.js';
import type { DeployerName } from './types.js';

/** Deployers whose output names paths inside the repository the bundle is pushed to. */
const GITOPS_DEPLOYERS: readonly DeployerName[] = ['argocd', 'argocdhelm', 'flux'];

const MAX_REPO_PATH = 200;
/** One folder name: letters, digits, `.`, `_`, `-`; no leading `-` (read as a flag) and never `.` or `..`. */
const SEGMENT = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/;
const OPTION = 'repo-path';

/**
 * The bundle's folder inside the repository, normalised (`clusters/prod`), or '' for the root.
 * Refuses anything that could leave the repository, be read two ways, or break the YAML and
 * Markdown it is written into.
 */
export function parseRepoPath(raw: string | undefined, deployer: DeployerName): string {
  const value = raw ?? '';
  if (value === '' || value === '.' || value === './') return '';
  const fail = (what: string, hint: string) => optionError(OPTION, `${quoted(value)} ${what}`, { hint });
  if (value.length > MAX_REPO_PATH) throw fail(`is ${value.length} characters long; the limit is ${MAX_REPO_PATH}`, 'use a shorter folder path');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) {
    // Not echoed: a control character in a log line is what an injection would need.
    throw optionError(OPTION, 'contains control characters', { hint: 'pass a plain folder path such as clusters/prod' });
  }
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value) || value.includes('\\')) {
    throw fail('is not a relative path', 'give the folder relative to the repository root with forward slashes, e.g. clusters/prod');
  }
  const trimmed = value.endsWith('/') ? value.slice(0, -1) : value;
  const segments = trimmed.split('/');
  if (segments.includes('..')) throw fail('contains "..": the bundle must stay inside the repository', 'give the folder relative to the repository root, e.g. clusters/prod');
  const normalised = segments.filter((segment) => segment !== '' && segment !== '.').join('/');
  if (normalised !== trimmed) {
    throw fail('is not normalised (empty or "." parts)', normalised === '' ? 'leave it empty for the repository root' : `write it as ${normalised}`);
  }
  const bad = segments.find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined) {
    throw fail(`has the folder name ${quoted(bad)}; names may hold letters, digits, ".", "_" and "-" and must not start with "-"`, 'rename the folder or choose another one, e.g. clusters/prod');
  }
  if (!GITOPS_DEPLOYERS.includes(deployer)) {
    throw fail(`is set, but the ${deployer} deployer does not read files from a Git repository`, `use it with the ${GITOPS_DEPLOYERS.join(', ')} deployers, or leave it empty`);
  }
  return normalised;
}

/** A path of the bundle as the repository sees it: `dir` under the bundle's folder. */
export function inRepo(repoPath: string, dir: string): string {
  return repoPath === '' ? dir : `${repoPath}/${dir}`;
}
