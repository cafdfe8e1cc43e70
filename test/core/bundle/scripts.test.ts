import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { upstreamEnv } from '../../../src/core/bundle/common.js';
import { deployScript, installScript, undeployScript } from '../../../src/core/bundle/scripts.js';
import type { BundlePlan, Folder, PlannedComponent } from '../../../src/core/bundle/types.js';
import { tempDir } from '../../helpers/catalog.js';
import { ALL_DEPLOYERS, EKS_RECIPE, FIXTURE_DATA, fixtureRecipe, writeGenerated } from './support.js';
import { standIns } from './standins.js';

const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;

/** The calls that remove something, as command lines without the cwd. */
function deletes(calls: string[][]): string[] {
  return calls.filter((call) => call.includes('delete') || call.includes('uninstall')).map((call) => call.slice(1).join(' '));
}

function runScript(path: string, args: string[], bin: string, env: Record<string, string> = {}) {
  return spawnSync('bash', [path, ...args], { encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: tempDir(), ...env } });
}

describe('generated scripts', () => {
  it.each(ALL_DEPLOYERS.filter((d) => d === 'helm' || d === 'helmfile'))('%s: every script passes bash -n and shellcheck', async (deployer) => {
    for (const recipe of [EKS_RECIPE, fixtureRecipe('variety'), fixtureRecipe('kustomize'), fixtureRecipe('upstream-helm-only')]) {
      if (deployer === 'helmfile' && recipe.endsWith('kustomize.yaml')) continue;
      const { dir, bundle } = await writeGenerated(recipe, { deployer, data: recipe === EKS_RECIPE ? undefined : FIXTURE_DATA, set: recipe === EKS_RECIPE ? ['gpuoperator:driver.version=$(touch /tmp/x)'] : [] });
      const scripts = bundle.files.filter((file) => file.path.endsWith('.sh')).map((file) => join(dir, file.path));
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        const syntax = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
        expect(syntax.status, `${script}: ${syntax.stderr}`).toBe(0);
      }
      if (!hasShellcheck) throw new Error('shellcheck is not installed (apt-get install shellcheck); the script checks need it');
      const lint = spawnSync('shellcheck', ['--severity=style', '--shell=bash', ...scripts], { encoding: 'utf8' });
      expect(lint.status, lint.stdout).toBe(0);
    }
  });
});

describe('deploy.sh against stand-in helm and kubectl', () => {
  it('installs every folder in order with the right chart, version, namespace, values and wait flags', async () => {
    const { dir, bundle } = await writeGenerated(fixtureRecipe('variety'), { data: FIXTURE_DATA });
    const fakes = standIns();
    const result = runScript(join(dir, 'deploy.sh'), ['--retries', '0'], fakes.bin, { KUBECONFIG_FLAG: '--kubeconfig /tmp/kc' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Deployment complete.');
    const upgrades = fakes.calls().filter((call) => call[1] === 'helm' && call[2] === 'upgrade');
    expect(upgrades.map((call) => call[0])).toEqual(bundle.plan.folders.map((folder) => join(dir, folder.dir)));
    expect(upgrades.map((call) => call.slice(2))).toEqual([
      ['upgrade', '--install', 'cert-manager', 'cert-manager', '--repo', 'https://charts.jetstack.io', '--version=v1.17.2', '--namespace', 'cert-manager', '--create-namespace', '-f', 'values.yaml', '-f', 'cluster-values.yaml', '--wait', '--timeout', '10m', '--kubeconfig', '/tmp/kc'],
      ['upgrade', '--install', 'skyhook-customizations', './', '--namespace', 'skyhook', '--create-namespace', '-f', 'values.yaml', '-f', 'cluster-values.yaml', '--wait', '--timeout', '10m', '--kubeconfig', '/tmp/kc'],
      ['upgrade', '--install', 'gpu-operator-pre', './', '--namespace', 'privileged-gpu-operator', '-f', 'values.yaml', '-f', 'cluster-values.yaml', '--wait', '--timeout', '10m', '--kubeconfig', '/tmp/kc'],
      ['upgrade', '--install', 'gpu-operator', 'gpu-operator', '--repo', 'https://helm.ngc.nvidia.com/nvidia', '--version=v25.3.3', '--namespace', 'privileged-gpu-operator', '--create-namespace', '-f', 'values.yaml', '-f', 'cluster-values.yaml', '--wait', '--timeout', '10m', '--kubeconfig', '/tmp/kc'],
      ['upgrade', '--install', 'gpu-operator-post', './', '--namespace', 'privileged-gpu-operator', '--create-namespace', '-f', 'values.yaml', '-f', 'cluster-values.yaml', '--wait', '--timeout', '10m', '--kubeconfig', '/tmp/kc'],
      ['upgrade', '--install', 'kai-scheduler', 'oci://ghcr.io/nvidia/kai-scheduler/kai-scheduler', '--version=v0.13.0', '--namespace', 'kai-scheduler', '--create-namespace', '-f', 'values.yaml', '-f', 'cluster-values.yaml', '--timeout', '20m', '--kubeconfig', '/tmp/kc'],
    ]);
    // Pre-flight looked at each namespace once, with the same connection flags.
    const namespaceChecks = fakes.calls().filter((call) => call[1] === 'kubectl' && call[2] === 'get' && call[3] === 'namespace');
    expect(namespaceChecks.map((call) => call[4])).toEqual(['cert-manager', 'skyhook', 'privileged-gpu-operator', 'kai-scheduler']);
    // None existed, so each is labelled as this bundle's once its first release is installed.
    const labels = fakes.calls().filter((call) => call[1] === 'kubectl' && call[2] === 'label').map((call) => call.slice(2).join(' '));
    expect(labels).toEqual(['cert-manager', 'skyhook', 'privileged-gpu-operator', 'kai-scheduler'].map((ns) => `label namespace ${ns} aicr.nvidia.com/created-by=aicr-bundle --overwrite --kubeconfig /tmp/kc`));
  });

  it('passes --force-conflicts only to Helm 4, honours --no-wait and --timeout, and stops at the first failure', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('helm-components'), { data: FIXTURE_DATA });
    const helm4 = standIns();
    expect(runScript(join(dir, 'deploy.sh'), ['--no-wait', '--timeout', '5m', '--skip-preflight'], helm4.bin, { STANDIN_HELM_VERSION: 'v4.1.4' }).status).toBe(0);
    const upgrades = helm4.calls().filter((call) => call[2] === 'upgrade');
    expect(upgrades[0]).toContain('--force-conflicts');
    expect(upgrades[0]!.slice(-2)).toEqual(['--timeout', '5m']);
    expect(helm4.calls().some((call) => call[1] === 'kubectl')).toBe(false);

    const failing = standIns();
    const failed = runScript(join(dir, 'deploy.sh'), ['--retries', '0'], failing.bin, { STANDIN_FAIL: 'cert-manager' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('ERROR: cert-manager failed after 1 attempt(s)');
    expect(failing.calls().filter((call) => call[2] === 'upgrade').map((call) => call[4])).toEqual(['cert-manager']);

    const bestEffort = standIns();
    const partial = runScript(join(dir, 'deploy.sh'), ['--retries', '0', '--best-effort'], bestEffort.bin, { STANDIN_FAIL: 'cert-manager' });
    expect(partial.status).toBe(1);
    expect(partial.stdout).toContain('Deployment finished with failures: cert-manager');
    expect(bestEffort.calls().filter((call) => call[2] === 'upgrade').map((call) => call[4])).toEqual(['cert-manager', 'gpu-operator']);
  });

  it('rejects bad options with the usage line', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('upstream-helm-only'), { data: FIXTURE_DATA });
    const fakes = standIns();
    for (const args of [['--bogus'], ['--retries'], ['--retries', 'x'], ['--timeout', '10']]) {
      const result = runScript(join(dir, 'deploy.sh'), args, fakes.bin);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^Error: /);
    }
    expect(fakes.calls()).toEqual([]);
  });

  it('undeploy.sh removes releases in reverse order, then the namespaces deploy.sh created', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('variety'), { data: FIXTURE_DATA });
    const fakes = standIns();
    const result = runScript(join(dir, 'undeploy.sh'), [], fakes.bin, { STANDIN_CREATED: 'cert-manager skyhook privileged-gpu-operator kai-scheduler' });
    expect(result.status, result.stderr).toBe(0);
    expect(deletes(fakes.calls())).toEqual([
      'helm uninstall kai-scheduler --namespace kai-scheduler --timeout 120s --ignore-not-found',
      'helm uninstall gpu-operator-post --namespace privileged-gpu-operator --timeout 120s --ignore-not-found',
      'helm uninstall gpu-operator --namespace privileged-gpu-operator --timeout 120s --ignore-not-found',
      'helm uninstall gpu-operator-pre --namespace privileged-gpu-operator --timeout 120s --ignore-not-found',
      'helm uninstall skyhook-customizations --namespace skyhook --timeout 120s --ignore-not-found',
      'helm uninstall cert-manager --namespace cert-manager --timeout 120s --ignore-not-found',
      'kubectl delete namespace kai-scheduler --ignore-not-found --wait=false',
      'kubectl delete namespace privileged-gpu-operator --ignore-not-found --wait=false',
      'kubectl delete namespace skyhook --ignore-not-found --wait=false',
      'kubectl delete namespace cert-manager --ignore-not-found --wait=false',
    ]);
  });

  it('undeploy.sh --delete-pvcs deletes only the PVCs of each release, by its instance label, in namespaces deploy.sh created', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('variety'), { data: FIXTURE_DATA });
    const fakes = standIns();
    // skyhook existed before deploy.sh ran: neither it nor anything in it is deleted.
    const result = runScript(join(dir, 'undeploy.sh'), ['--delete-pvcs'], fakes.bin, { STANDIN_CREATED: 'cert-manager privileged-gpu-operator kai-scheduler', STANDIN_EXISTING: 'skyhook', KUBECONFIG_FLAG: '--kubeconfig /tmp/kc' });
    expect(result.status, result.stderr).toBe(0);
    expect(deletes(fakes.calls()).filter((call) => call.startsWith('kubectl'))).toEqual([
      'kubectl delete pvc -n kai-scheduler -l app.kubernetes.io/instance=kai-scheduler --ignore-not-found --kubeconfig /tmp/kc',
      'kubectl delete pvc -n privileged-gpu-operator -l app.kubernetes.io/instance=gpu-operator-post --ignore-not-found --kubeconfig /tmp/kc',
      'kubectl delete pvc -n privileged-gpu-operator -l app.kubernetes.io/instance=gpu-operator --ignore-not-found --kubeconfig /tmp/kc',
      'kubectl delete pvc -n privileged-gpu-operator -l app.kubernetes.io/instance=gpu-operator-pre --ignore-not-found --kubeconfig /tmp/kc',
      'kubectl delete pvc -n cert-manager -l app.kubernetes.io/instance=cert-manager --ignore-not-found --kubeconfig /tmp/kc',
      'kubectl delete namespace kai-scheduler --ignore-not-found --wait=false --kubeconfig /tmp/kc',
      'kubectl delete namespace privileged-gpu-operator --ignore-not-found --wait=false --kubeconfig /tmp/kc',
      'kubectl delete namespace cert-manager --ignore-not-found --wait=false --kubeconfig /tmp/kc',
    ]);
    expect(result.stdout).toContain('keeping PVCs of skyhook-customizations: namespace skyhook was not created by this bundle\'s deploy.sh');
    expect(result.stdout).toContain('Keeping namespace skyhook: it was not created by this bundle\'s deploy.sh');
    // Never a whole namespace's PVCs.
    expect(fakes.calls().some((call) => call.includes('--all'))).toBe(false);
  });

  it('undeploy.sh never deletes a system namespace or PVCs in one, even when it carries the label', () => {
    const dir = tempDir('aicr-protected-');
    const folders = ['kube-system', 'default', 'kube-public', 'kube-node-lease', 'team-a'].map((namespace, index) => ({
      index: index + 1, dir: `00${index + 1}-r${index}`, release: `r${index}`, role: 'primary', kind: 'upstream', namespace, manifests: [], ownsNamespace: false,
    })) as unknown as Folder[];
    writeFileSync(join(dir, 'undeploy.sh'), undeployScript({ folders, toolVersion: 'v1' } as unknown as BundlePlan));
    const fakes = standIns();
    const result = runScript(join(dir, 'undeploy.sh'), ['--delete-pvcs'], fakes.bin, { STANDIN_CREATED: 'kube-system default kube-public kube-node-lease team-a' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(deletes(fakes.calls()).filter((call) => call.startsWith('kubectl'))).toEqual([
      'kubectl delete pvc -n team-a -l app.kubernetes.io/instance=r4 --ignore-not-found',
      'kubectl delete namespace team-a --ignore-not-found --wait=false',
    ]);
    // The label is not even asked for on system namespaces.
    expect(fakes.calls().filter((call) => call[2] === 'get').map((call) => call[4])).toEqual(['team-a']);
  });

  it('undeploy.sh keeps everything of namespaces without the label (deployed with --skip-preflight or before this version)', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('variety'), { data: FIXTURE_DATA });
    const fakes = standIns();
    const result = runScript(join(dir, 'undeploy.sh'), ['--delete-pvcs'], fakes.bin, { STANDIN_EXISTING: 'cert-manager skyhook privileged-gpu-operator kai-scheduler' });
    expect(result.status, result.stderr).toBe(0);
    expect(deletes(fakes.calls()).filter((call) => call.startsWith('kubectl'))).toEqual([]);
    expect(deletes(fakes.calls())).toHaveLength(6);
  });

  it('undeploy.sh --keep-namespaces keeps them and still deletes only release PVCs; kustomize folders keep theirs', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('kustomize'), { data: FIXTURE_DATA });
    const fakes = standIns();
    const namespaces = [...new Set(readFileSync(join(dir, 'undeploy.sh'), 'utf8').match(/^NAMESPACES=\((.*)\)$/m)![1]!.split(' ').map((ns) => ns.replace(/'/g, '')))];
    const result = runScript(join(dir, 'undeploy.sh'), ['--delete-pvcs', '--keep-namespaces'], fakes.bin, { STANDIN_CREATED: namespaces.join(' ') });
    expect(result.status, result.stderr).toBe(0);
    const kubectl = deletes(fakes.calls()).filter((call) => call.startsWith('kubectl'));
    expect(kubectl.filter((call) => call.includes('delete namespace'))).toEqual([]);
    expect(kubectl.filter((call) => call.includes('delete pvc'))).toEqual(['kubectl delete pvc -n cert-manager -l app.kubernetes.io/instance=cert-manager --ignore-not-found']);
    expect(kubectl.some((call) => call.startsWith('kubectl delete -k'))).toBe(true);
    expect(result.stdout).toContain('a kustomization has no release label to select them by');
  });
});

describe('deploy.sh marks only the namespaces it creates', () => {
  it('labels namespaces that did not exist, never ones that did; none with --skip-preflight or a dry run', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('variety'), { data: FIXTURE_DATA });
    const labelled = (args: string[], env: Record<string, string>) => {
      const fakes = standIns();
      expect(runScript(join(dir, 'deploy.sh'), ['--retries', '0', ...args], fakes.bin, env).status).toBe(0);
      return fakes.calls().filter((call) => call[2] === 'label').map((call) => call[4]);
    };
    expect(labelled([], { STANDIN_EXISTING: 'skyhook cert-manager' })).toEqual(['privileged-gpu-operator', 'kai-scheduler']);
    expect(labelled(['--skip-preflight'], {})).toEqual([]);
    expect(labelled([], { DRY_RUN_FLAG: '--dry-run=server' })).toEqual([]);
  });
});

describe('hostile values never execute', () => {
  const HOSTILE = `it's "$(touch SENTINEL)" \`touch SENTINEL\` $HOME\nnext line; touch SENTINEL`;

  it('--set values with quotes, $(…), backticks and newlines stay data in values.yaml', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('helm-components'), { data: FIXTURE_DATA, set: [`gpuoperator:driver.version=${HOSTILE}`, `certmanager:x=${HOSTILE}`] });
    const fakes = standIns();
    const result = spawnSync('bash', [join(dir, 'deploy.sh'), '--retries', '0'], { cwd: dir, encoding: 'utf8', env: { PATH: `${fakes.bin}:${process.env.PATH}`, HOME: tempDir() } });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(dir, 'SENTINEL'))).toBe(false);
    for (const call of fakes.calls()) expect(existsSync(join(call[0]!, 'SENTINEL'))).toBe(false);
    const values = parse(readFileSync(join(dir, '002-gpu-operator', 'values.yaml'), 'utf8'));
    expect(values.driver.version).toBe(HOSTILE);
  });

  it('chart coordinates, release and namespace are quoted even if they got past validation', () => {
    const dir = tempDir('aicr-hostile-');
    const component = {
      name: 'x', namespace: HOSTILE, chart: { name: HOSTILE, repo: `https://example.com/${HOSTILE}`, version: HOSTILE, oci: false }, folders: [],
    } as unknown as PlannedComponent;
    const folder = { index: 1, dir: '001-x', release: HOSTILE, role: 'primary', kind: 'upstream', component, namespace: HOSTILE, manifests: [], ownsNamespace: false } as Folder;
    (component.folders as Folder[]).push(folder);
    const plan = { folders: [folder], toolVersion: HOSTILE } as unknown as BundlePlan;
    mkdirSync(join(dir, '001-x'));
    writeFileSync(join(dir, '001-x', 'upstream.env'), upstreamEnv(folder));
    writeFileSync(join(dir, '001-x', 'install.sh'), installScript(folder, plan));
    writeFileSync(join(dir, 'deploy.sh'), deployScript(plan));
    writeFileSync(join(dir, 'undeploy.sh'), undeployScript(plan));
    const fakes = standIns();
    for (const script of ['001-x/install.sh', 'undeploy.sh']) {
      const result = spawnSync('bash', [join(dir, script)], { cwd: dir, encoding: 'utf8', env: { PATH: `${fakes.bin}:${process.env.PATH}`, HOME: tempDir() } });
      expect(result.status, `${script}: ${result.stderr}`).toBe(0);
    }
    expect(existsSync(join(dir, 'SENTINEL'))).toBe(false);
    expect(existsSync(join(dir, '001-x', 'SENTINEL'))).toBe(false);
    const upgrade = fakes.calls().find((call) => call[2] === 'upgrade')!;
    expect(upgrade.slice(4, 10)).toEqual([HOSTILE, HOSTILE, '--repo', `https://example.com/${HOSTILE}`, `--version=${HOSTILE}`, '--namespace']);
    expect(upgrade[10]).toBe(HOSTILE);
  });
});
