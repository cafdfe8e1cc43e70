// Compares our bundles with upstream's deployer goldens of 2026-08-21
// (pkg/bundler/deployer/*/testdata), each rebuilt from the inputs of the Go test that wrote it:
// YAML as data (comments ignored), scripts by the helm calls they make against stand-in
// binaries, folder names and file sets. What differs on purpose is asserted as such here and
// listed in actions/bundle/README.md ("Differences from upstream").
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/catalog.js';
import type { BundleOptions } from '../../../src/core/bundle/index.js';
import { DEPLOYER_GOLDENS, envOf, filesUnder, goldenDir, goldenInput, readYaml, yamlData, type GoldenComponent } from './golden-support.js';
import { standIns } from './standins.js';
import { helmBinary, writeGenerated, yamlDocuments } from './support.js';

/** Files every bundle of ours has beyond upstream's, all listed in the README's differences. */
const OUR_EXTRAS = /^(README\.md|[0-9]{3}-[^/]+\/README\.md|recipe\.yaml|checksums\.txt|undeploy\.sh|data\/.*)$/;

async function bundleOf(components: GoldenComponent[], options: Partial<BundleOptions> = {}) {
  const { data, recipe } = goldenInput(components);
  const { dir } = await writeGenerated(recipe, { data, ...options });
  return dir;
}

/** Upstream's files are all ours; ours beyond them are only the known extras. */
function expectSameFileSet(ours: string, golden: string, notInOurs: string[] = []) {
  const theirs = filesUnder(golden);
  const mine = filesUnder(ours);
  expect(theirs.filter((path) => !mine.includes(path))).toEqual(notInOurs);
  expect(mine.filter((path) => !theirs.includes(path) && !OUR_EXTRAS.test(path))).toEqual([]);
}

/** A generated chart's Chart.yaml without what differs on purpose: our description, and the component's version (upstream: always 0.1.0). */
function chartIdentity(chart: unknown): unknown {
  const { description: _description, version: _version, appVersion: _appVersion, ...rest } = chart as Record<string, unknown>;
  return rest;
}

/** Every YAML file of the golden tree equals ours as data (generated Chart.yaml files: see chartIdentity). */
function expectSameYaml(ours: string, golden: string, skip: string[] = []) {
  const compared: string[] = [];
  for (const path of filesUnder(golden).filter((p) => /\.ya?ml$/.test(p) && !skip.includes(p))) {
    const normal = path.endsWith('Chart.yaml') ? chartIdentity : (data: unknown) => data;
    expect(normal(readYaml(join(ours, path))), path).toEqual(normal(readYaml(join(golden, path))));
    compared.push(path);
  }
  return compared;
}

function run(dir: string, script: string, bin: string, env: Record<string, string> = {}) {
  const result = spawnSync('bash', [script], { cwd: dir, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: tempDir(), ...env } });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}

/** The `helm upgrade` calls a script made, with `--version=X` written as `--version X`. */
function helmUpgrades(calls: string[][]): string[][] {
  return calls.filter((call) => call[1] === 'helm' && call[2] === 'upgrade').map((call) => call.slice(2).flatMap((arg) => (arg.startsWith('--version=') ? ['--version', arg.slice(10)] : [arg])));
}

/** Each folder's install.sh: ours and upstream's (run over a copy of our folder) make the same helm call, on Helm 3 and Helm 4. */
function expectSameInstalls(ours: string, golden: string) {
  const folders = filesUnder(golden).filter((p) => p.endsWith('/install.sh')).map((p) => p.slice(0, -'/install.sh'.length));
  expect(folders.length).toBeGreaterThan(0);
  for (const folder of folders) {
    for (const helmVersion of ['v3.18.0', 'v4.1.4']) {
      const env = { COMPONENT_WAIT_ARGS: '--wait --timeout 10m', STANDIN_HELM_VERSION: helmVersion };
      const mine = standIns();
      run(join(ours, folder), 'install.sh', mine.bin, env);
      const copy = join(tempDir(), folder);
      cpSync(join(ours, folder), copy, { recursive: true });
      for (const file of ['install.sh', 'upstream.env']) if (existsSync(join(golden, folder, file))) copyFileSync(join(golden, folder, file), join(copy, file));
      const theirs = standIns();
      run(copy, 'install.sh', theirs.bin, env);
      expect(helmUpgrades(mine.calls()), `${folder} on helm ${helmVersion}`).toEqual(helmUpgrades(theirs.calls()));
      expect(helmUpgrades(mine.calls())).toHaveLength(1);
    }
  }
  return folders;
}

/** upstream.env files define the same CHART, REPO and VERSION. */
function expectSameEnv(ours: string, golden: string) {
  for (const path of filesUnder(golden).filter((p) => p.endsWith('/upstream.env'))) {
    expect(envOf(join(ours, path)), path).toEqual(envOf(join(golden, path)));
  }
}

/** Upstream's deploy.sh run over our folders installs exactly what ours installs, in the same order. */
function expectSameDeploy(ours: string, golden: string) {
  copyFileSync(join(golden, 'deploy.sh'), join(ours, 'golden-deploy.sh'));
  const mine = standIns();
  run(ours, 'deploy.sh', mine.bin);
  const theirs = standIns();
  run(ours, 'golden-deploy.sh', theirs.bin);
  expect(helmUpgrades(mine.calls())).toEqual(helmUpgrades(theirs.calls()));
  return { mine: mine.calls(), theirs: theirs.calls() };
}

/** Each row of upstream's README component table (name, version, namespace, source) is a row of ours. */
function expectReadmeRows(ours: string, golden: string) {
  const rows = (text: string) => text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Component') && !line.startsWith('|--')).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  const mine = rows(readFileSync(join(ours, 'README.md'), 'utf8'));
  const theirs = rows(readFileSync(join(golden, 'README.md'), 'utf8'));
  expect(theirs.length).toBeGreaterThan(0);
  for (const row of theirs) {
    // Upstream writes `N/A` and `local` for a chart of our own; ours leaves the version empty and names the folder.
    const wanted = row.filter((cell) => cell !== 'N/A' && cell !== 'local');
    expect(mine.some((cells) => wanted.every((cell) => cells.includes(cell))), `README row ${row.join(' | ')}`).toBe(true);
  }
}

const CERT_MANAGER: GoldenComponent = { name: 'cert-manager', namespace: 'cert-manager', chart: 'cert-manager', version: 'v1.17.2', source: 'https://charts.jetstack.io', values: { crds: { enabled: true } } };
const HEADER = '# Copyright (c) 2026, NVIDIA CORPORATION & AFFILIATES.  All rights reserved.\n\n';
const TALOS_NAMESPACE = (name: string) => `${HEADER}apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n`;
const DCGM_SERVICE = `${HEADER}apiVersion: v1\nkind: Service\nmetadata:\n  name: dcgm-exporter\n`;
const CUSTOMIZATION = `${HEADER}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: customization\n`;

/** The helm deployer scenarios, with the components each Go test (helm_test.go TestBundleGolden_*) passes. */
const HELM_SCENARIOS: Array<{ scenario: string; components: GoldenComponent[] }> = [
  { scenario: 'upstream_helm_only', components: [CERT_MANAGER] },
  { scenario: 'manifest_only', components: [{ name: 'skyhook-customizations', namespace: 'skyhook', post: { 'customization.yaml': CUSTOMIZATION } }] },
  {
    scenario: 'mixed_gpu_operator',
    components: [{ name: 'gpu-operator', namespace: 'privileged-gpu-operator', chart: 'gpu-operator', version: 'v25.3.3', source: 'https://helm.ngc.nvidia.com/nvidia', values: { driver: { enabled: true } }, pre: { 'talos-namespace.yaml': TALOS_NAMESPACE('privileged-gpu-operator') }, post: { 'dcgm-exporter.yaml': DCGM_SERVICE } }],
  },
  { scenario: 'kai_scheduler_present', components: [{ name: 'kai-scheduler', namespace: 'kai-scheduler', chart: 'kai-scheduler', version: 'v0.14.1', source: 'oci://ghcr.io/kai-scheduler/kai-scheduler' }] },
  { scenario: 'nodewright_present', components: [{ name: 'nodewright-operator', namespace: 'skyhook', chart: 'skyhook-operator', version: 'v0.1.0', source: 'https://example.invalid/charts' }] },
  { scenario: 'mixed_with_pre', components: [{ name: 'foo', namespace: 'privileged-foo', chart: 'foo', version: 'v1.0.0', source: 'https://example.com/charts', pre: { 'talos-namespace.yaml': TALOS_NAMESPACE('privileged-foo') } }] },
];

describe('golden 2026: helm deployer', () => {
  it.each(HELM_SCENARIOS)('$scenario', async ({ scenario, components }) => {
    const golden = goldenDir('helm', scenario);
    const ours = await bundleOf(components);
    expectSameFileSet(ours, golden);
    expect(expectSameYaml(ours, golden).length).toBeGreaterThan(0);
    expectSameEnv(ours, golden);
    expectSameInstalls(ours, golden);
    expectSameDeploy(ours, golden);
    expectReadmeRows(ours, golden);
    // Generated charts carry the component's version where it has one (upstream: 0.1.0).
    for (const path of filesUnder(golden).filter((p) => p.endsWith('Chart.yaml'))) {
      expect(readYaml(join(ours, path))).toMatchObject({ version: components[0]!.version?.replace(/^v/, '') ?? '0.1.0' });
    }
  });
});

/** upstream's registry flags for the charts of these goldens (recipes/registry.yaml at 9793720d). */
const SELF_REF_CRDS = { hasSelfRefCRDs: true };
const GPU_OPERATOR: GoldenComponent = { name: 'gpu-operator', namespace: 'gpu-operator', chart: 'gpu-operator', version: 'v25.3.3', source: 'https://helm.ngc.nvidia.com/nvidia', values: { driver: { enabled: true } }, registry: SELF_REF_CRDS };

/** The helmfile deployer scenarios of helmfile_test.go TestGenerate_Scenarios, with the files each compares. */
const HELMFILE_SCENARIOS: Array<{ scenario: string; components: GoldenComponent[]; options?: Partial<BundleOptions> }> = [
  { scenario: 'upstream_helm_only', components: [{ ...CERT_MANAGER }, { ...GPU_OPERATOR, dependencyRefs: ['cert-manager'] }] },
  { scenario: 'with_dynamic_values', components: [{ ...CERT_MANAGER, values: { crds: { enabled: true }, replicaCount: 3 } }], options: { dynamic: ['cert-manager:replicaCount'] } },
  { scenario: 'kai_scheduler_async', components: [{ name: 'kai-scheduler', namespace: 'kai-scheduler', chart: 'kai-scheduler', version: 'v0.14.1', source: 'oci://ghcr.io/kai-scheduler/kai-scheduler', values: { enabled: true }, registry: SELF_REF_CRDS }] },
  { scenario: 'mixed_gpu_operator', components: [{ ...GPU_OPERATOR, post: { 'nvidia-runtime-class.yaml': 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: nvidia\nhandler: nvidia\n' } }] },
  { scenario: 'manifest_only', components: [{ name: 'node-prep', namespace: 'kube-system', post: { 'daemonset.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: node-prep\nspec: {}\n' } }] },
];

describe('golden 2026: helmfile deployer', () => {
  it.each(HELMFILE_SCENARIOS)('$scenario', async ({ scenario, components, options }) => {
    const golden = goldenDir('helmfile', scenario);
    const ours = await bundleOf(components, { deployer: 'helmfile', ...options });
    // Upstream's test compares only these files; each is ours too, equal as data but for the values lists.
    const compared = filesUnder(golden).filter((path) => path.endsWith('.yaml'));
    for (const path of compared) {
      const mine = readYaml(join(ours, path)) as { releases?: Array<{ values: string[] }> };
      const theirs = readYaml(join(golden, path)) as typeof mine;
      // Ours lists every release's cluster-values.yaml (for per-cluster edits), upstream only where --dynamic declared a path.
      for (const release of mine.releases ?? []) {
        const clusterValues = release.values.filter((file) => file.endsWith('/cluster-values.yaml'));
        expect(clusterValues).toHaveLength(1);
        const upstreamRelease = theirs.releases!.find((r) => (r as unknown as { name: string }).name === (release as unknown as { name: string }).name)!;
        if (!upstreamRelease.values.some((file) => file.endsWith('/cluster-values.yaml'))) release.values = release.values.filter((file) => !clusterValues.includes(file));
      }
      expect(mine, path).toEqual(theirs);
    }
    expect(compared.length).toBeGreaterThan(0);
    if (existsSync(join(golden, 'README.md'))) expectReadmeRows(ours, golden);
  });
});

const REPO = 'https://github.com/example/aicr-bundles.git';
const DCGM_CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dcgm-exporter-config\n  namespace: {{ .Release.Namespace }}\ndata:\n  config.yaml: |\n    metrics: enabled\n';
const GPU_OPERATOR_580: GoldenComponent = { ...GPU_OPERATOR, values: { driver: { version: '580' } }, registry: {} };

const GATE_TEST = 'apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Test\nmetadata:\n  name: gpu-operator-readiness\n';

/** Parsed files of both trees, side by side, for the files upstream's test compares. */
function pairs(ours: string, golden: string, paths: string[]) {
  return paths.map((path) => ({ path, mine: readYaml(join(ours, path)) as Record<string, any>, theirs: readYaml(join(golden, path)) as Record<string, any> }));
}

/** The argocd deployer scenarios of argocd_test.go, with the files each Go test compares. */
const ARGOCD_SCENARIOS: Array<{ scenario: string; components: GoldenComponent[]; files: string[]; options?: Partial<BundleOptions> }> = [
  {
    scenario: 'helm_and_manifest_only',
    components: [
      { ...CERT_MANAGER, version: 'v1.20.2', values: { replicaCount: 1 } },
      { name: 'nodewright-customizations', namespace: 'skyhook', values: { enabled: true }, post: { 'tuning.yaml': 'apiVersion: skyhook.nvidia.com/v1alpha1\nkind: Skyhook\nmetadata:\n  name: tuning\n  namespace: {{ .Release.Namespace }}\nspec:\n  packages:\n    - tuning\n' } },
    ],
    files: ['001-cert-manager/application.yaml', '001-cert-manager/values.yaml', '002-nodewright-customizations/application.yaml', '002-nodewright-customizations/Chart.yaml', '002-nodewright-customizations/values.yaml', '002-nodewright-customizations/templates/tuning.yaml', 'app-of-apps.yaml'],
  },
  {
    scenario: 'mixed_component',
    components: [{ ...GPU_OPERATOR_580, post: { 'dcgm-exporter.yaml': DCGM_CONFIG } }],
    files: ['001-gpu-operator/application.yaml', '001-gpu-operator/values.yaml', '002-gpu-operator-post/application.yaml', '002-gpu-operator-post/Chart.yaml', '002-gpu-operator-post/values.yaml', '002-gpu-operator-post/templates/dcgm-exporter.yaml'],
  },
  {
    scenario: 'mixed_with_pre',
    components: [{ ...GPU_OPERATOR_580, namespace: 'privileged-gpu-operator', pre: { 'talos-namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: privileged-gpu-operator\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n' }, post: { 'dcgm-exporter.yaml': DCGM_CONFIG } }],
    files: ['001-gpu-operator-pre/application.yaml', '001-gpu-operator-pre/Chart.yaml', '001-gpu-operator-pre/values.yaml', '001-gpu-operator-pre/templates/talos-namespace.yaml', '002-gpu-operator/application.yaml', '002-gpu-operator/values.yaml', '003-gpu-operator-post/application.yaml', '003-gpu-operator-post/Chart.yaml', '003-gpu-operator-post/values.yaml', '003-gpu-operator-post/templates/dcgm-exporter.yaml'],
  },
  {
    // Upstream's test feeds readiness.yaml through gatemanifest.Render, as --readiness-hooks does; its gate image tag is the bundler version.
    scenario: 'readiness_gate',
    components: [{ ...GPU_OPERATOR_580, files: { 'readiness.yaml': GATE_TEST } }],
    files: ['001-gpu-operator/application.yaml', '001-gpu-operator/values.yaml', '002-gpu-operator-readiness/application.yaml', '002-gpu-operator-readiness/Chart.yaml', '002-gpu-operator-readiness/values.yaml', '002-gpu-operator-readiness/templates/readiness.yaml'],
    options: { readinessHooks: true, toolVersion: 'v0.0.0-golden' },
  },
];

describe('golden 2026: argocd deployer', () => {
  it.each(ARGOCD_SCENARIOS)('$scenario', async ({ scenario, components, files, options }) => {
    const golden = goldenDir('argocd', scenario);
    const ours = await bundleOf(components, { deployer: 'argocd', repo: REPO, ...options });
    // Upstream's goldens hold only the files its test checks, so each is ours (but for a stale file
    // its test never checks: an older name of the pre folder's manifest).
    const stale = scenario === 'mixed_with_pre' ? ['001-gpu-operator-pre/templates/namespace.yaml'] : [];
    expect(filesUnder(golden).filter((path) => !existsSync(join(ours, path)))).toEqual(stale);
    expect(filesUnder(golden).filter((path) => !stale.includes(path))).toEqual([...files].sort());
    for (const { path, mine, theirs } of pairs(ours, golden, files)) {
      // Our app-of-apps is named aicr-bundle (upstream nvidia-stack).
      if (path === 'app-of-apps.yaml') {
        expect([mine.metadata.name, theirs.metadata.name]).toEqual(['aicr-bundle', 'nvidia-stack']);
        mine.metadata.name = theirs.metadata.name;
      }
      const normal = path.endsWith('Chart.yaml') ? chartIdentity : (data: unknown) => data;
      expect(normal(mine), path).toEqual(normal(theirs));
    }
  });
});

describe('golden 2026: argocd deployer, kustomize components', () => {
  // Upstream builds the kustomization at bundle time (its test points at a local directory) and
  // wraps the output as a local chart; ours hands Argo CD the kustomization in its Git repository.
  const KUSTOMIZE_APP: GoldenComponent = { name: 'my-kustomize-app', namespace: 'my-app', type: 'Kustomize', source: 'https://github.com/example/kustomize-apps.git', path: 'kustomize_input', tag: 'v1.0.0' };

  /** The Application without its source, which is where the two ways differ. */
  function withoutSource(app: Record<string, any>) {
    const { source: _source, ...spec } = app.spec;
    return { ...app, spec };
  }

  it.each([
    { scenario: 'kustomize_only', components: [KUSTOMIZE_APP], folder: '001-my-kustomize-app', helmFiles: [] as string[] },
    { scenario: 'helm_and_kustomize', components: [{ ...CERT_MANAGER, version: 'v1.20.2', values: { replicaCount: 1 } }, KUSTOMIZE_APP], folder: '002-my-kustomize-app', helmFiles: ['001-cert-manager/application.yaml', '001-cert-manager/values.yaml'] },
  ])('$scenario', async ({ scenario, components, folder, helmFiles }) => {
    const golden = goldenDir('argocd', scenario);
    const ours = await bundleOf(components, { deployer: 'argocd', repo: REPO });
    for (const { path, mine, theirs } of pairs(ours, golden, helmFiles)) expect(mine, path).toEqual(theirs);
    const [app] = pairs(ours, golden, [`${folder}/application.yaml`]);
    expect(withoutSource(app!.mine)).toEqual(withoutSource(app!.theirs));
    expect(app!.theirs.spec.source).toEqual({ repoURL: REPO, targetRevision: 'main', path: folder });
    expect(app!.mine.spec.source).toEqual({ repoURL: KUSTOMIZE_APP.source, targetRevision: KUSTOMIZE_APP.tag, path: KUSTOMIZE_APP.path });
    // Upstream's wrapped chart (values.yaml, templates/manifest.yaml) has no counterpart in ours.
    expect(existsSync(join(ours, folder, 'templates'))).toBe(false);
    const [apps] = pairs(ours, golden, ['app-of-apps.yaml']);
    apps!.mine.metadata.name = apps!.theirs.metadata.name;
    expect(apps!.mine).toEqual(apps!.theirs);
  });
});

describe('golden 2026: argocdhelm deployer', () => {
  const helm = helmBinary();
  if (!helm.path) console.warn(`SKIPPED golden 2026 argocdhelm rendering: ${helm.reason}`);

  /** The child Applications a chart renders, by name, with helm.values parsed. */
  function renderApps(chart: string): Map<string, Record<string, any>> {
    const result = spawnSync(helm.path!, ['template', 'aicr', chart, '--namespace', 'argocd', '--set', `repoURL=${REPO}`, '--set', 'targetRevision=main'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const apps = yamlDocuments(result.stdout) as Array<Record<string, any>>;
    for (const app of apps) if (typeof app.spec.source?.helm?.values === 'string') app.spec.source.helm.values = yamlData(app.spec.source.helm.values);
    return new Map(apps.map((app) => [app.metadata.name as string, app]));
  }

  /** Our chart with upstream's child templates in place of ours (its parent `aicr-stack` Application left out). */
  function withGoldenTemplates(ours: string, golden: string): string {
    const chart = join(tempDir(), 'chart');
    cpSync(ours, chart, { recursive: true });
    rmSync(join(chart, 'templates'), { recursive: true });
    mkdirSync(join(chart, 'templates'));
    for (const path of filesUnder(join(golden, 'templates')).filter((p) => p !== 'aicr-stack.yaml')) copyFileSync(join(golden, 'templates', path), join(chart, 'templates', path));
    return chart;
  }

  const SCENARIOS = [
    {
      scenario: 'helm_and_manifest_only',
      components: [
        { ...CERT_MANAGER, version: 'v1.20.2', values: { replicaCount: 1, prometheus: { enabled: true } } },
        { name: 'nodewright-customizations', namespace: 'skyhook', values: { enabled: true }, post: { 'tuning.yaml': 'apiVersion: skyhook.nvidia.com/v1alpha1\nkind: Skyhook\nmetadata:\n  name: tuning\n  namespace: {{ .Release.Namespace }}\nspec:\n  packages:\n    - tuning\n' } },
      ] as GoldenComponent[],
      options: { dynamic: ['cert-manager:replicaCount'] },
    },
    {
      scenario: 'mixed_component',
      components: [{ ...GPU_OPERATOR, values: { driver: { version: '580', enabled: true } }, registry: {}, post: { 'dcgm-exporter.yaml': DCGM_CONFIG } }],
      options: { dynamic: ['gpu-operator:driver.version'] },
    },
    {
      scenario: 'readiness_gate',
      components: [{ ...GPU_OPERATOR_580, files: { 'readiness.yaml': GATE_TEST } }],
      options: { readinessHooks: true, toolVersion: 'v0.0.0-golden' },
    },
  ];

  it.skipIf(!helm.path).each(SCENARIOS)('$scenario', async ({ scenario, components, options }) => {
    const golden = goldenDir('argocdhelm', scenario);
    const ours = await bundleOf(components, { deployer: 'argocdhelm', repo: REPO, ...options });
    // Files as data: static values, generated charts' manifests, the install-time values per component key.
    const dataFiles = filesUnder(golden).filter((p) => p.startsWith('static/') || /^\d{3}-[^/]+\/(templates\/[^/]+|Chart\.yaml)$/.test(p));
    for (const path of dataFiles) {
      const normal = path.endsWith('Chart.yaml') ? chartIdentity : (data: unknown) => data;
      expect(normal(readYaml(join(ours, path))), path).toEqual(normal(readYaml(join(golden, path))));
    }
    expect(dataFiles.length).toBeGreaterThan(0);
    // Upstream also writes an upstream chart's static values into an NNN- folder; ours keeps them in static/ only.
    for (const path of filesUnder(golden).filter((p) => /^\d{3}-[^/]+\/values\.yaml$/.test(p) && !existsSync(join(golden, p.replace('values.yaml', 'Chart.yaml'))))) {
      expect(readYaml(join(golden, path))).toEqual(readYaml(join(ours, 'static', `${path.slice(4, -'/values.yaml'.length)}.yaml`)));
      expect(existsSync(join(ours, path.split('/')[0]!))).toBe(false);
    }
    if (existsSync(join(golden, 'values.yaml'))) {
      const mine = readYaml(join(ours, 'values.yaml')) as Record<string, unknown>;
      const theirs = readYaml(join(golden, 'values.yaml')) as Record<string, unknown>;
      for (const key of Object.keys(theirs).filter((k) => !['deployer', 'repoURL', 'targetRevision'].includes(k))) expect(mine[key], `values.yaml ${key}`).toEqual(theirs[key]);
      expect(Object.keys(mine.deployer as object)).toEqual(expect.arrayContaining(['namePrefix', 'project', 'destinationServer']));
    }
    // Upstream's child templates rendered with our chart's values and static files give the same Applications as ours.
    const mine = renderApps(ours);
    const theirs = renderApps(withGoldenTemplates(ours, golden));
    expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
    expect(mine.size).toBe(filesUnder(join(golden, 'templates')).filter((p) => p !== 'aicr-stack.yaml').length);
    for (const [name, app] of mine) {
      const upstream = theirs.get(name)!;
      // Ours names the Helm release (a name prefix must not rename it).
      expect(app.spec.source.helm.releaseName).toBe(name);
      delete app.spec.source.helm.releaseName;
      if (upstream.spec.source.path) {
        // A generated chart: upstream reads it from its OCI parent (`<repoURL>/<chart>`) with the
        // component's install-time values; ours from the Git repository, rendered at bundle time.
        expect(upstream.spec.source.repoURL).toBe(`${REPO}/aicr-bundle`);
        upstream.spec.source.repoURL = REPO;
        delete upstream.spec.source.helm;
        if (Object.keys(app.spec.source.helm).length === 0) delete app.spec.source.helm;
      }
      expect(app, name).toEqual(upstream);
    }
  });
});

describe('golden 2026: flux deployer', () => {
  it('helm_components', async () => {
    const golden = goldenDir('flux', 'helm_components');
    const ours = await bundleOf([{ ...CERT_MANAGER }, { ...GPU_OPERATOR, registry: {}, dependencyRefs: ['cert-manager'] }], { deployer: 'flux' });
    // Our folders are numbered like the other deployers' (upstream: `<release>/`).
    const folderOf = new Map([['cert-manager', '001-cert-manager'], ['gpu-operator', '002-gpu-operator']]);
    for (const [release, folder] of folderOf) {
      const mine = readYaml(join(ours, folder, 'helmrelease.yaml')) as Record<string, any>;
      const theirs = readYaml(join(golden, release, 'helmrelease.yaml'));
      // Ours names the Helm release (Flux would prefix the target namespace) and sets a timeout.
      expect([mine.spec.releaseName, mine.spec.timeout]).toEqual([release, '10m']);
      delete mine.spec.releaseName;
      delete mine.spec.timeout;
      expect(mine, release).toEqual(theirs);
    }
    const mine = readYaml(join(ours, 'kustomization.yaml')) as { resources: string[] };
    const theirs = readYaml(join(golden, 'kustomization.yaml')) as { resources: string[] };
    const renamed = theirs.resources.map((path) => path.replace(/^([^/]+)\//, (whole, dir: string) => (folderOf.has(dir) ? `${folderOf.get(dir)}/` : whole)));
    expect(mine).toEqual({ ...theirs, resources: renamed });
  });
});

describe('golden 2026: localformat (the folders every helm-style deployer writes)', () => {
  // writer_test.go compares single files of one folder; the helm deployer writes the same folders.
  it.each([
    {
      scenario: 'upstream_helm_only',
      component: { name: 'nfd', namespace: 'node-feature-discovery', chart: 'node-feature-discovery', version: 'v0.16.1', source: 'https://kubernetes-sigs.github.io/node-feature-discovery/charts', values: { image: { tag: 'v0.16.1' } } } as GoldenComponent,
    },
    {
      scenario: 'local_helm_manifest_only',
      component: { name: 'skyhook-customizations', namespace: 'skyhook', post: { 'customization.yaml': `${HEADER}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n` } } as GoldenComponent,
    },
  ])('$scenario', async ({ scenario, component }) => {
    const golden = goldenDir('localformat', scenario);
    const ours = await bundleOf([component]);
    const folder = `001-${component.name}`;
    expect(filesUnder(golden).every((path) => path.startsWith(`${folder}/`))).toBe(true);
    for (const path of filesUnder(golden)) expect(existsSync(join(ours, path)), path).toBe(true);
    expectSameYaml(ours, golden);
    expectSameEnv(ours, golden);
    expect(expectSameInstalls(ours, golden)).toEqual([folder]);
  });
});

it('every scenario folder of upstream 2026-08-21 goldens is compared here (kustomize_input is a build input, not a golden)', () => {
  const covered = {
    helm: HELM_SCENARIOS.map((s) => s.scenario),
    helmfile: HELMFILE_SCENARIOS.map((s) => s.scenario),
    argocd: [...ARGOCD_SCENARIOS.map((s) => s.scenario), 'kustomize_only', 'helm_and_kustomize', 'kustomize_input'],
    argocdhelm: ['helm_and_manifest_only', 'mixed_component', 'readiness_gate'],
    flux: ['helm_components'],
    localformat: ['upstream_helm_only', 'local_helm_manifest_only', 'kustomize_input'],
  };
  for (const [deployer, scenarios] of Object.entries(covered)) {
    const present = readdirSync(join(DEPLOYER_GOLDENS, deployer, 'testdata'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(present.sort(), deployer).toEqual([...scenarios].sort());
  }
  expect(filesUnder(DEPLOYER_GOLDENS).filter((path) => path.includes('/testdata/'))).toHaveLength(134);
});
