/**
 * undeploy.sh stays in its lane: it deletes only PVCs of the bundle's own Helm releases (by their
 * app.kubernetes.io/instance label, never a whole namespace's), and only in namespaces that
 * deploy.sh created; kube-system, kube-public, kube-node-lease and default never. Bundles come
 * from each door; deploy.sh and undeploy.sh run against stand-in helm and kubectl that keep a
 * tiny cluster state (which namespaces exist, their created-by label) and record every call.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { action, cli, gitlab, scratchDir, type DoorRun } from './doors.js';

const RECIPE = readFileSync(join(FIXTURES, 'bundle', 'recipes', 'eks-h100-ubuntu-training-kubeflow.yaml'), 'utf8');
const PROTECTED = ['kube-system', 'kube-public', 'kube-node-lease', 'default'];

/**
 * Stand-in helm and kubectl over a cluster kept in a folder: `ns/<name>` exists once helm
 * installs into it with --create-namespace (or the test creates it), `ns/<name>.label` holds its
 * created-by label. Every call is recorded as one line.
 */
function standInCluster(existing: Record<string, string | undefined> = {}) {
  const root = scratchDir('cluster');
  const bin = join(root, 'bin');
  const ns = join(root, 'ns');
  const log = join(root, 'calls.log');
  mkdirSync(bin);
  mkdirSync(ns);
  writeFileSync(log, '');
  for (const [name, label] of Object.entries(existing)) {
    writeFileSync(join(ns, name), '');
    if (label) writeFileSync(join(ns, `${name}.label`), label);
  }
  const script = (body: string) => `#!/usr/bin/env bash\necho "$(basename "$0") $*" >> '${log}'\nNS='${ns}'\n${body}\nexit 0\n`;
  writeFileSync(join(bin, 'helm'), script(`
if [[ "$1" == version ]]; then echo v3.18.0; exit 0; fi
if [[ "$1" == upgrade ]]; then
  namespace=""; create=false
  while [[ $# -gt 0 ]]; do
    case "$1" in --namespace) namespace="$2"; shift ;; --create-namespace) create=true ;; esac; shift
  done
  if [[ "$create" == true && -n "$namespace" ]]; then touch "$NS/$namespace"; fi
fi`));
  writeFileSync(join(bin, 'kubectl'), script(`
if [[ "$1" == get && "$2" == namespace ]]; then
  [[ -e "$NS/$3" ]] || exit 1
  if [[ "$*" == *created-by* ]]; then cat "$NS/$3.label" 2>/dev/null || true; else printf Active; fi
  exit 0
fi
if [[ "$1" == label && "$2" == namespace ]]; then
  [[ -e "$NS/$3" ]] || exit 1
  printf '%s' "\${4#*=}" > "$NS/$3.label"
fi
if [[ "$1" == create && "$2" == namespace ]]; then echo "apiVersion: v1"; fi`));
  chmodSync(join(bin, 'helm'), 0o755);
  chmodSync(join(bin, 'kubectl'), 0o755);
  const calls = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return {
    run(dir: string, script: string, args: string[] = [], env: Record<string, string> = {}) {
      const result = spawnSync('bash', [join(dir, script), ...args], { encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: root, ...env } });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      return result.stdout;
    },
    calls,
    /** Every call that removes something. */
    deletes: () => calls().filter((call) => / (delete|uninstall) /.test(call)),
    kubectlDeletes: () => calls().filter((call) => call.startsWith('kubectl delete')),
    reset: () => writeFileSync(log, ''),
  };
}

/** A helm bundle of the EKS recipe (releases in kube-system, cert-manager, gpu-operator, …) written through a door. */
function bundleThrough(door: 'cli' | 'action' | 'gitlab'): string {
  const workspace = scratchDir(`undeploy-${door}`);
  writeFileSync(join(workspace, 'recipe.yaml'), RECIPE);
  const run: DoorRun = door === 'cli'
    ? cli(['bundle', '-r', 'recipe.yaml', '-o', 'bundle'], { cwd: workspace })
    : door === 'action' ? action('bundle', { recipe: 'recipe.yaml' }, { cwd: workspace }) : gitlab('bundle', { recipe: 'recipe.yaml' }, { cwd: workspace });
  expect(run.code, run.log).toBe(0);
  return join(workspace, 'bundle');
}

/** The bundle's releases as undeploy.sh lists them: [release, namespace, kind], in install order. */
function releases(dir: string): Array<[string, string, string]> {
  const text = readFileSync(join(dir, 'undeploy.sh'), 'utf8');
  const block = /^RELEASES=\(\n([\s\S]*?)\n\)$/m.exec(text)![1]!;
  return block.split('\n').map((line) => line.trim().replace(/^'|'$/g, '').split(' ')).map(([, release, namespace, kind]) => [release!, namespace!, kind!]);
}

const pvcDelete = (release: string, namespace: string) => `kubectl delete pvc -n ${namespace} -l app.kubernetes.io/instance=${release} --ignore-not-found`;

describe('undeploy', () => {
  it('cli bundle, deployed into an empty cluster: --delete-pvcs deletes each release\'s PVCs by label and the namespaces deploy.sh made, never kube-system', () => {
    const dir = bundleThrough('cli');
    const cluster = standInCluster({ 'kube-system': undefined, default: undefined });
    cluster.run(dir, 'deploy.sh', ['--retries', '0']);
    cluster.reset();
    cluster.run(dir, 'undeploy.sh', ['--delete-pvcs']);
    const own = releases(dir).filter(([, namespace, kind]) => !PROTECTED.includes(namespace) && kind !== 'kustomize').reverse();
    const namespaces = [...new Set(releases(dir).map(([, namespace]) => namespace))].filter((namespace) => !PROTECTED.includes(namespace)).reverse();
    expect(cluster.kubectlDeletes()).toEqual([
      ...own.map(([release, namespace]) => pvcDelete(release, namespace)),
      ...namespaces.map((namespace) => `kubectl delete namespace ${namespace} --ignore-not-found --wait=false`),
    ]);
    expect(cluster.deletes().filter((call) => call.includes('kube-system') && !call.startsWith('helm uninstall'))).toEqual([]);
    expect(releases(dir).some(([, namespace]) => namespace === 'kube-system')).toBe(true);
  });

  it('action bundle, some namespaces there before deploy.sh: neither they nor their PVCs are deleted', () => {
    const dir = bundleThrough('action');
    const cluster = standInCluster({ 'kube-system': undefined, 'cert-manager': undefined, monitoring: undefined });
    cluster.run(dir, 'deploy.sh', ['--retries', '0']);
    cluster.reset();
    const stdout = cluster.run(dir, 'undeploy.sh', ['--delete-pvcs']);
    const deletes = cluster.kubectlDeletes();
    for (const kept of ['kube-system', 'cert-manager', 'monitoring']) expect(deletes.filter((call) => call.includes(` ${kept} `))).toEqual([]);
    expect(deletes).toContain(pvcDelete('gpu-operator', 'gpu-operator'));
    expect(deletes).toContain('kubectl delete namespace gpu-operator --ignore-not-found --wait=false');
    expect(stdout).toContain('Keeping namespace cert-manager: it was not created by this bundle\'s deploy.sh');
    expect(stdout).toContain('keeping PVCs of cert-manager: namespace cert-manager was not created by this bundle\'s deploy.sh');
  });

  it('gitlab bundle, deployed with --skip-preflight (no namespace marked): undeploy deletes no PVC and no namespace', () => {
    const dir = bundleThrough('gitlab');
    const cluster = standInCluster();
    cluster.run(dir, 'deploy.sh', ['--retries', '0', '--skip-preflight']);
    cluster.reset();
    cluster.run(dir, 'undeploy.sh', ['--delete-pvcs']);
    expect(cluster.kubectlDeletes()).toEqual([]);
    expect(cluster.deletes()).toHaveLength(releases(dir).length);
  });

  it('cli bundle: system namespaces are never emptied or deleted, even when labelled as created', () => {
    const dir = bundleThrough('cli');
    const cluster = standInCluster(Object.fromEntries(PROTECTED.map((namespace) => [namespace, 'aicr-bundle'])));
    cluster.run(dir, 'undeploy.sh', ['--delete-pvcs']);
    for (const namespace of PROTECTED) expect(cluster.kubectlDeletes().filter((call) => call.includes(` ${namespace} `) || call.endsWith(` ${namespace}`))).toEqual([]);
    // Their label is not even looked at.
    expect(cluster.calls().filter((call) => call.startsWith('kubectl get namespace kube-system'))).toEqual([]);
  });

  it('action bundle, a dry run of deploy.sh marks nothing: undeploy keeps every namespace', () => {
    const dir = bundleThrough('action');
    const cluster = standInCluster();
    cluster.run(dir, 'deploy.sh', ['--retries', '0'], { DRY_RUN_FLAG: '--dry-run=server' });
    expect(cluster.calls().filter((call) => call.startsWith('kubectl label'))).toEqual([]);
    cluster.reset();
    cluster.run(dir, 'undeploy.sh');
    expect(cluster.kubectlDeletes()).toEqual([]);
  });

  it('gitlab bundle: --keep-namespaces --delete-pvcs deletes release PVCs only', () => {
    const dir = bundleThrough('gitlab');
    const cluster = standInCluster();
    cluster.run(dir, 'deploy.sh', ['--retries', '0']);
    cluster.reset();
    cluster.run(dir, 'undeploy.sh', ['--delete-pvcs', '--keep-namespaces']);
    const deletes = cluster.kubectlDeletes();
    expect(deletes.length).toBeGreaterThan(0);
    expect(deletes.every((call) => /^kubectl delete pvc -n [a-z0-9-]+ -l app\.kubernetes\.io\/instance=[a-z0-9-]+ --ignore-not-found$/.test(call))).toBe(true);
  });

  it('cli bundle: every PVC deletion names one release; none deletes all of a namespace', () => {
    const dir = bundleThrough('cli');
    const text = readFileSync(join(dir, 'undeploy.sh'), 'utf8');
    expect(text).not.toMatch(/delete pvc[^\n]*--all/);
    expect(text.match(/kubectl delete pvc [^\n]*/g)).toEqual(['kubectl delete pvc -n "${namespace}" -l "app.kubernetes.io/instance=${release}" --ignore-not-found ${KUBECONFIG_FLAG:-} || FAILED+=("${release} (PVCs)")']);
  });

  it('scripts from each door pass shellcheck', () => {
    const lint = spawnSync('shellcheck', ['--version']);
    if (lint.status !== 0) throw new Error('shellcheck is not installed (apt-get install shellcheck); the script checks need it');
    for (const door of ['cli', 'action', 'gitlab'] as const) {
      const dir = bundleThrough(door);
      const result = spawnSync('shellcheck', ['--severity=style', '--shell=bash', join(dir, 'deploy.sh'), join(dir, 'undeploy.sh')], { encoding: 'utf8' });
      expect(result.status, result.stdout).toBe(0);
    }
  });
});
