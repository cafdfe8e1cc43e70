// Compares our bundles with upstream's golden files (../shared/upstream/golden) where the
// formats agree: as data for YAML, as recorded helm calls for scripts. Every difference that
// remains is deliberate and listed in actions/bundle/README.md ("Differences from upstream").
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLE_SETTINGS } from '../../../src/core/bundle/options.js';
import { readOption } from '../../../src/core/options/values.js';
import { optionKey } from '../../../src/core/options/spec.js';
import { SHARED, UPSTREAM_RECIPES } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/catalog.js';
import { EKS_RECIPE, FIXTURE_DATA, fileText, fixtureRecipe, generate, helmBinary, writeGenerated, yamlDocuments } from './support.js';
import { standIns } from './standins.js';

const GOLDEN = join(SHARED, 'upstream', 'golden');
const golden = (path: string) => readFileSync(join(GOLDEN, path), 'utf8');
const REPO = 'https://github.com/example/aicr-bundles.git';

/** The `helm upgrade` arguments a script passes, with `--version=X` written as `--version X`. */
function helmUpgrades(calls: string[][]): string[][] {
  return calls.filter((call) => call[1] === 'helm' && call[2] === 'upgrade').map((call) => call.slice(2).flatMap((arg) => (arg.startsWith('--version=') ? ['--version', arg.slice(10)] : [arg])));
}

function runIn(dir: string, script: string, bin: string, env: Record<string, string> = {}) {
  const result = spawnSync('bash', [script], { cwd: dir, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: tempDir(), ...env } });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}

describe('golden: helm deployer (upstream_helm_only)', () => {
  it('upstream.env defines the same CHART, REPO and VERSION', async () => {
    const bundle = await generate(fixtureRecipe('upstream-helm-only'), { data: FIXTURE_DATA });
    const dir = tempDir();
    writeFileSync(join(dir, 'ours.env'), fileText(bundle, '001-cert-manager/upstream.env'));
    copyFileSync(join(GOLDEN, 'helm/upstream_helm_only/001-cert-manager/upstream.env'), join(dir, 'golden.env'));
    const show = (file: string) => spawnSync('bash', ['-c', `source ./${file}; printf '%s|%s|%s' "$CHART" "$REPO" "$VERSION"`], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(show('ours.env')).toBe('cert-manager|https://charts.jetstack.io|v1.17.2');
    expect(show('ours.env')).toBe(show('golden.env'));
  });

  it('install.sh and deploy.sh make the same helm call as upstream', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('upstream-helm-only'), { data: FIXTURE_DATA });
    const folder = join(dir, '001-cert-manager');
    const ours = standIns();
    runIn(folder, 'install.sh', ours.bin, { COMPONENT_WAIT_ARGS: '--wait --timeout 10m' });
    const theirs = standIns();
    const goldenFolder = join(tempDir(), '001-cert-manager');
    cpSync(folder, goldenFolder, { recursive: true });
    copyFileSync(join(GOLDEN, 'helm/upstream_helm_only/001-cert-manager/install.sh'), join(goldenFolder, 'install.sh'));
    copyFileSync(join(GOLDEN, 'helm/upstream_helm_only/001-cert-manager/upstream.env'), join(goldenFolder, 'upstream.env'));
    runIn(goldenFolder, 'install.sh', theirs.bin, { COMPONENT_WAIT_ARGS: '--wait --timeout 10m' });
    expect(helmUpgrades(ours.calls())).toEqual(helmUpgrades(theirs.calls()));
    expect(helmUpgrades(ours.calls())).toHaveLength(1);

    // Upstream's deploy.sh run over the same folders installs exactly what ours installs.
    copyFileSync(join(GOLDEN, 'helm/upstream_helm_only/deploy.sh'), join(dir, 'golden-deploy.sh'));
    const ourDeploy = standIns();
    runIn(dir, 'deploy.sh', ourDeploy.bin);
    const goldenDeploy = standIns();
    runIn(dir, 'golden-deploy.sh', goldenDeploy.bin);
    expect(helmUpgrades(ourDeploy.calls())).toEqual(helmUpgrades(goldenDeploy.calls()));
  });

  it('the README lists the same component row', async () => {
    const bundle = await generate(fixtureRecipe('upstream-helm-only'), { data: FIXTURE_DATA });
    expect(golden('helm/upstream_helm_only/README.md')).toContain('| cert-manager | v1.17.2 | cert-manager | cert-manager (https://charts.jetstack.io) |');
    expect(fileText(bundle, 'README.md')).toContain('| 001-cert-manager | cert-manager | cert-manager | v1.17.2 | cert-manager | cert-manager (https://charts.jetstack.io) |');
  });
});

describe('golden: helm deployer (mixed_gpu_operator)', () => {
  it('the pre folder installs the local chart without --create-namespace, like upstream', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('mixed-gpu-operator'), { data: FIXTURE_DATA });
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.split('\n').filter((name) => /^\d{3}-/.test(name))).toEqual(['001-gpu-operator-pre', '002-gpu-operator', '003-gpu-operator-post']);
    const folder = join(dir, '001-gpu-operator-pre');
    const ours = standIns();
    // Upstream's golden always passes --force-conflicts; ours does so for Helm 4.
    runIn(folder, 'install.sh', ours.bin, { STANDIN_HELM_VERSION: 'v4.1.4' });
    const goldenFolder = join(tempDir(), '001-gpu-operator-pre');
    cpSync(folder, goldenFolder, { recursive: true });
    copyFileSync(join(GOLDEN, 'helm/mixed_gpu_operator/001-gpu-operator-pre/install.sh'), join(goldenFolder, 'install.sh'));
    const theirs = standIns();
    runIn(goldenFolder, 'install.sh', theirs.bin);
    expect(helmUpgrades(ours.calls())).toEqual(helmUpgrades(theirs.calls()));
  });
});

describe('golden: argocd deployer (mixed_with_pre)', () => {
  it.each(['002-gpu-operator', '003-gpu-operator-post'])('%s/application.yaml is the same Application', async (dir) => {
    const bundle = await generate(fixtureRecipe('mixed-with-pre'), { deployer: 'argocd', data: FIXTURE_DATA, repo: REPO });
    expect(parse(fileText(bundle, `${dir}/application.yaml`))).toEqual(parse(golden(`argocd/mixed_with_pre/${dir}/application.yaml`)));
  });
});

describe('golden: flux deployer (helm_components)', () => {
  it('gpu-operator HelmRelease matches, plus releaseName and timeout', async () => {
    const bundle = await generate(fixtureRecipe('helm-components'), { deployer: 'flux', data: FIXTURE_DATA });
    const ours = yamlDocuments(fileText(bundle, '002-gpu-operator/helmrelease.yaml'))[0]!;
    const theirs = yamlDocuments(golden('flux/helm_components/gpu-operator/helmrelease.yaml'))[0]!;
    const spec = ours.spec as Record<string, unknown>;
    expect([spec.releaseName, spec.timeout]).toEqual(['gpu-operator', '10m']);
    delete spec.releaseName;
    delete spec.timeout;
    expect(ours).toEqual(theirs);
  });
});

describe('golden: helmfile deployer (mixed_gpu_operator)', () => {
  it('helmfile.yaml has the same repositories, defaults and releases', async () => {
    const bundle = await generate(fixtureRecipe('helmfile-mixed'), { deployer: 'helmfile', data: FIXTURE_DATA });
    const ours = parse(fileText(bundle, 'helmfile.yaml'));
    const theirs = parse(golden('helmfile/mixed_gpu_operator/helmfile.yaml'));
    for (const release of theirs.releases) {
      // Flags an intermediate upstream registry set on gpu-operator; ours has no such flags.
      delete release.timeout;
      delete release.disableValidation;
      delete release.waitForJobs;
    }
    for (const release of ours.releases) {
      expect(release.values.pop()).toMatch(/cluster-values\.yaml$/);
    }
    expect(ours).toEqual(theirs);
  });
});

describe('golden: argocdhelm deployer (mixed_component)', () => {
  const helm = helmBinary();
  if (!helm.path) console.warn(`SKIPPED golden argocdhelm rendering: ${helm.reason}`);

  it.skipIf(!helm.path)('renders the same gpu-operator Application as upstream\'s template', async () => {
    const { dir } = await writeGenerated(fixtureRecipe('mixed-component'), { deployer: 'argocdhelm', data: FIXTURE_DATA, repo: REPO });
    const theirsDir = join(tempDir(), 'chart');
    cpSync(dir, theirsDir, { recursive: true });
    copyFileSync(join(GOLDEN, 'argocdhelm/mixed_component/templates/gpu-operator.yaml'), join(theirsDir, 'templates/gpu-operator.yaml'));
    const render = (chart: string) => {
      const result = spawnSync(helm.path!, ['template', 'aicr', chart, '--show-only', 'templates/gpu-operator.yaml'], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const app = yamlDocuments(result.stdout)[0]! as { spec: { source: { helm: Record<string, unknown> } } };
      app.spec.source.helm.values = parse(app.spec.source.helm.values as string);
      return app;
    };
    type App = ReturnType<typeof render> & { metadata: { annotations: Record<string, string> } };
    const ours = render(dir) as App;
    const theirs = render(theirsDir) as App;
    expect(ours.spec.source.helm.releaseName).toBe('gpu-operator');
    delete ours.spec.source.helm.releaseName;
    // Sync waves follow upstream 2026-08-21's dependency levels (golden-2026.test.ts); this older golden numbered folders.
    expect([ours.metadata.annotations['argocd.argoproj.io/sync-wave'], theirs.metadata.annotations['argocd.argoproj.io/sync-wave']]).toEqual(['1', '0']);
    delete ours.metadata.annotations['argocd.argoproj.io/sync-wave'];
    delete theirs.metadata.annotations['argocd.argoproj.io/sync-wave'];
    expect(ours).toEqual(theirs);
  });
});

describe('golden: v0.11.1 CLI output', () => {
  it('--set coercion, selectors and tolerations give upstream\'s cert-manager values (as data)', async () => {
    const readme = golden('helm-v0.11.1/README.md');
    const command = /`(aicr bundle -r recipe\.yaml -o bundle --set certmanager:t\.bool[^`]+)`/.exec(readme)![1]!;
    const args = command.match(/'[^']*'|\S+/g)!.map((arg) => arg.replace(/^'|'$/g, ''));
    const flag = (name: string) => args.flatMap((arg, i) => (arg === name ? [args[i + 1]!] : []));
    // The flags' texts go through the option reader, as the CLI reads them.
    const read = <K extends keyof typeof BUNDLE_SETTINGS>(property: K) => readOption(optionKey(property), BUNDLE_SETTINGS[property], flag(`--${optionKey(property)}`));
    const bundle = await generate(EKS_RECIPE, {
      data: UPSTREAM_RECIPES,
      set: read('set') as string[],
      systemNodeSelector: read('systemNodeSelector') as Record<string, string>,
      systemNodeToleration: read('systemNodeToleration') as string[],
    });
    expect(flag('--set')).toHaveLength(16);
    expect(parse(fileText(bundle, '003-cert-manager/values.yaml'))).toEqual(parse(golden('helm-v0.11.1/set-flags/cert-manager/values.yaml')));
  });

  it('argocd: the gpu-operator Application has upstream\'s chart source, wave and destination', async () => {
    const bundle = await generate(EKS_RECIPE, { deployer: 'argocd', data: UPSTREAM_RECIPES });
    const ours = parse(fileText(bundle, '009-gpu-operator/application.yaml'));
    const theirs = parse(golden('argocd-v0.11.1/eks-training/gpu-operator/application.yaml'));
    // v0.11.1 numbered sync waves by folder (8); ours follow upstream 2026-08-21's dependency levels (golden-2026.test.ts).
    expect(Object.keys(ours.metadata.annotations)).toEqual(Object.keys(theirs.metadata.annotations));
    expect(theirs.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('8');
    expect(ours.spec.sources[0].repoURL).toBe(theirs.spec.sources[0].repoURL);
    // The chart version is the recipe's, without its leading 'v', as upstream writes it: v0.11.1's
    // catalog held gpu-operator v25.10.1, the 2026 one v26.3.3.
    expect(theirs.spec.sources[0].targetRevision).toBe('25.10.1');
    const recipeVersion = parse(readFileSync(EKS_RECIPE, 'utf8')).componentRefs.find((ref: { name: string }) => ref.name === 'gpu-operator').version;
    expect(recipeVersion).toBe('v26.3.3');
    expect(ours.spec.sources[0].targetRevision).toBe('26.3.3');
    expect(ours.spec.destination).toEqual(theirs.spec.destination);
    // Upstream v0.11.1 wrote the literal '{{ .RepoURL }}' here; ours writes the repository.
    expect(theirs.spec.sources[1].repoURL).toBe('{{ .RepoURL }}');
    expect(ours.spec.sources[1].repoURL).toBe('https://github.com/YOUR-ORG/YOUR-REPO.git');
    const app = parse(fileText(bundle, 'app-of-apps.yaml'));
    expect(app.spec.source).toEqual(parse(golden('argocd-v0.11.1/eks-training/app-of-apps.yaml')).spec.source);
  });
});

it('upstream golden folder is where the tests expect it', () => {
  mkdirSync(tempDir(), { recursive: true });
  expect(golden('README.md')).toContain('Upstream AICR golden bundle fixtures');
});
