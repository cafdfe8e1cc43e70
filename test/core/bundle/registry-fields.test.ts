// Each ComponentRegistry field upstream reads (2026-08-21), on a small catalog, asserted in the
// files the bundle writes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeBundle } from '../../../src/core/bundle/index.js';
import { lintCatalog } from '../../../src/core/catalog/lint.js';
import { buildRecipe } from '../../../src/core/recipe/build.js';
import { anyCriteria } from '../../../src/core/criteria.js';
import { formatError } from '../../../src/core/errors.js';
import { readDocument } from '../../../src/core/documents/index.js';
import { SHARED } from '../../helpers/paths.js';
import { catalogFromDir, tempDir, writeTree } from '../../helpers/catalog.js';
import { bundle, file, helmRef, recipeOf, registryCatalog, yamlOf } from './registry-support.js';
import { helmBinary } from './support.js';

const helm = helmBinary();

describe('hasSelfRefCRDs and manifestsUseChartCRDs (helmfile)', () => {
  it('disable helm-diff validation on the primary release and on the -post release respectively, nowhere else', async () => {
    const catalog = await registryCatalog(
      [
        { name: 'self-ref', displayName: 'self-ref', hasSelfRefCRDs: true },
        { name: 'uses-crds', displayName: 'uses-crds', manifestsUseChartCRDs: true },
        { name: 'plain', displayName: 'plain' },
      ],
      { 'components/uses-crds/manifests/queue.yaml': 'apiVersion: example.com/v1\nkind: Queue\nmetadata:\n  name: default\n' },
    );
    const recipe = recipeOf([helmRef('self-ref'), helmRef('uses-crds', { manifestFiles: ['components/uses-crds/manifests/queue.yaml'] }), helmRef('plain')]);
    const generated = await bundle(catalog, recipe, { deployer: 'helmfile' });
    const releases = (parse(file(generated, 'helmfile.yaml')) as { releases: Array<{ name: string; disableValidation?: boolean }> }).releases;
    expect(Object.fromEntries(releases.map((release) => [release.name, release.disableValidation ?? false]))).toEqual({
      'self-ref': true,
      'uses-crds': false,
      'uses-crds-post': true,
      plain: false,
    });
  });
});

describe('ownsCRDs (flux)', () => {
  const catalogWith = (ownsCRDs: boolean) =>
    registryCatalog([{ name: 'owner', displayName: 'owner', ownsCRDs, helm: { defaultRepository: 'https://charts.example.com', defaultChart: 'example/owner', defaultVersion: 'v1.0.0' } }]);
  const upgradeOf = (text: string) => (parse(text) as { spec: { upgrade?: Record<string, unknown> } }).spec.upgrade;

  it('replaces CRDs on upgrade when the recipe still uses the registry chart (repo, chart without alias, version without v)', async () => {
    const generated = await bundle(await catalogWith(true), recipeOf([helmRef('owner')]), { deployer: 'flux' });
    expect(upgradeOf(file(generated, '001-owner/helmrelease.yaml'))).toEqual({ crds: 'CreateReplace' });
  });

  it('keeps helm-controller\'s default for another chart version, another repository, or without the flag', async () => {
    for (const [owns, ref] of [
      [true, helmRef('owner', { version: '2.0.0' })],
      [true, helmRef('owner', { source: 'https://mirror.example.com' })],
      [false, helmRef('owner')],
    ] as const) {
      const generated = await bundle(await catalogWith(owns), recipeOf([ref]), { deployer: 'flux' });
      expect(upgradeOf(file(generated, '001-owner/helmrelease.yaml'))).toBeUndefined();
    }
  });
});

describe('gkeCriticalPriority', () => {
  const catalog = () => registryCatalog([{ name: 'gpu-operator', displayName: 'gpu-operator', gkeCriticalPriority: true }, { name: 'other', displayName: 'other' }]);

  it('adds a critical-priority ResourceQuota before the chart on GKE, 32 pods per estimated node (at least 32)', async () => {
    const generated = await bundle(await catalog(), recipeOf([helmRef('gpu-operator'), helmRef('other')], { service: 'gke', nodes: 3 }));
    const folders = [...new Set(generated.files.map((entry) => entry.path.split('/')[0]))].filter((name) => /^\d{3}-/.test(name!));
    expect(folders).toEqual(['001-gpu-operator-pre', '002-gpu-operator', '003-other']);
    const quota = yamlOf(file(generated, '001-gpu-operator-pre/templates/gke-critical-pods-quota.yaml'));
    expect(quota).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'aicr-gke-critical-pods', namespace: 'gpu-operator-ns' },
        spec: { hard: { pods: '96' }, scopeSelector: { matchExpressions: [{ operator: 'In', scopeName: 'PriorityClass', values: ['system-node-critical', 'system-cluster-critical'] }] } },
      },
    ]);
    const small = await bundle(await catalog(), recipeOf([helmRef('gpu-operator')], { service: 'gke' }));
    expect(yamlOf(file(small, '001-gpu-operator-pre/templates/gke-critical-pods-quota.yaml'))[0]).toMatchObject({ spec: { hard: { pods: '32' } } });
  });

  it('adds nothing on other services', async () => {
    const generated = await bundle(await catalog(), recipeOf([helmRef('gpu-operator')], { service: 'eks', nodes: 3 }));
    expect(generated.files.some((entry) => entry.path.includes('gke-critical-pods-quota'))).toBe(false);
  });

  it.skipIf(!helm.path)('the quota chart passes helm lint --strict and renders with helm template', async () => {
    const generated = await bundle(await catalog(), recipeOf([helmRef('gpu-operator')], { service: 'gke', nodes: 2 }));
    const dir = join(tempDir(), 'bundle');
    writeBundle(dir, generated.files);
    const chart = join(dir, '001-gpu-operator-pre');
    const lint = spawnSync(helm.path!, ['lint', '--strict', chart], { encoding: 'utf8' });
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    const template = spawnSync(helm.path!, ['template', 'gpu-operator-pre', chart, '--namespace', 'gpu-operator-ns'], { encoding: 'utf8' });
    expect(template.status, template.stderr).toBe(0);
    expect(yamlOf(template.stdout)).toContainEqual(expect.objectContaining({ kind: 'ResourceQuota', spec: expect.objectContaining({ hard: { pods: '64' } }) }));
  });
});

describe('storageClassPaths and sharedStorageClassPaths', () => {
  const catalog = () =>
    registryCatalog([
      {
        name: 'db',
        displayName: 'db',
        storageClassPaths: ['persistence.pvc.storageClassName', 'other.storageClassName'],
        sharedStorageClassPaths: ['shared.home.storageClassName'],
      },
    ]);
  const valuesOf = (generated: Awaited<ReturnType<typeof bundle>>) => yamlOf(file(generated, '001-db/values.yaml'))[0] as Record<string, any>;

  it('--storage-class fills storageClassPaths over recipe values; --shared-storage-class only sharedStorageClassPaths', async () => {
    const recipe = recipeOf([helmRef('db', { overrides: { persistence: { pvc: { storageClassName: 'from-recipe', size: '1Gi' } } } })]);
    const values = valuesOf(await bundle(await catalog(), recipe, { storageClass: 'gp3', sharedStorageClass: 'efs-rwx' }));
    expect(values.persistence.pvc).toEqual({ storageClassName: 'gp3', size: '1Gi' });
    expect(values.other).toEqual({ storageClassName: 'gp3' });
    expect(values.shared).toEqual({ home: { storageClassName: 'efs-rwx' } });
    const onlyShared = valuesOf(await bundle(await catalog(), recipeOf([helmRef('db')]), { sharedStorageClass: 'efs-rwx' }));
    expect(onlyShared).toEqual({ shared: { home: { storageClassName: 'efs-rwx' } } });
  });

  it('a --set of the same path wins, under the component name or an alias', async () => {
    const values = valuesOf(await bundle(await catalog(), recipeOf([helmRef('db')]), { storageClass: 'gp3', set: ['db:other.storageClassName=manual'] }));
    expect(values.other).toEqual({ storageClassName: 'manual' });
    expect(values.persistence.pvc).toEqual({ storageClassName: 'gp3' });
  });

  it('warns when a rendered PVC spec has no storageClassName and no option gives one', async () => {
    const recipe = recipeOf([helmRef('db', { overrides: { persistence: { pvc: { size: '1Gi' } } } })]);
    const generated = await bundle(await catalog(), recipe);
    expect(generated.notes.map((note) => formatError(new Error(note)))).toContain(
      'db renders a PVC without storageClassName at persistence.pvc.storageClassName; set --storage-class <name> or --set db:persistence.pvc.storageClassName=<name> to avoid relying on the cluster default StorageClass',
    );
    // A path whose PVC is not rendered (no parent map) is not warned about; nor is a configured one.
    expect(generated.notes.join('\n')).not.toContain('other.storageClassName');
    const configured = await bundle(await catalog(), recipe, { storageClass: 'gp3' });
    expect(configured.notes.join('\n')).not.toContain('renders a PVC');
  });

  it.each([
    ['   ', 'storage-class', '--storage-class: cannot be blank when specified'],
    ['GP3', 'storage-class', '--storage-class: invalid StorageClass name "GP3": must be a DNS-1123 subdomain'],
    ['a b', 'shared-storage-class', '--shared-storage-class: invalid StorageClass name "a b"'],
  ])('rejects %j for --%s', async (name, option, message) => {
    const key = option === 'storage-class' ? 'storageClass' : 'sharedStorageClass';
    const error = await bundle(await catalog(), recipeOf([helmRef('db')]), { [key]: name }).catch((caught: unknown) => caught);
    expect(formatError(error)).toContain(message);
  });
});

describe('registry manifestFiles, testTier and load-time checks', () => {
  const base = { kind: 'RecipeMetadata', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { name: 'base' }, spec: { componentRefs: [{ name: 'kueue', type: 'Helm', source: 'https://charts.example.com', version: '1.0.0' }] } };
  const registry = (extra: Record<string, unknown>) => ({
    kind: 'ComponentRegistry',
    apiVersion: 'aicr.nvidia.com/v1alpha1',
    components: [{ name: 'kueue', displayName: 'kueue', testTier: 'deploy', helm: { defaultNamespace: 'kueue-system' }, ...extra }],
  });

  it('a recipe ref without manifestFiles gets the registry\'s; the bundle then carries them in the -post folder', async () => {
    const dir = writeTree({
      'overlays/base.yaml': base,
      'registry.yaml': registry({ manifestFiles: ['components/kueue/manifests/cluster-queue.yaml'] }),
      'components/kueue/manifests/cluster-queue.yaml': 'apiVersion: kueue.x-k8s.io/v1beta1\nkind: ClusterQueue\nmetadata:\n  name: default\n',
    });
    const catalog = await catalogFromDir(dir);
    expect(lintCatalog(catalog)).toEqual([]);
    const recipe = buildRecipe(catalog, anyCriteria());
    expect(recipe.componentRefs[0]!.manifestFiles).toEqual(['components/kueue/manifests/cluster-queue.yaml']);
    const generated = await bundle(catalog, recipe);
    expect(file(generated, '002-kueue-post/templates/cluster-queue.yaml')).toContain('kind: ClusterQueue');
  });

  it('lint names a registry manifest that does not exist', async () => {
    const catalog = await catalogFromDir(writeTree({ 'overlays/base.yaml': base, 'registry.yaml': registry({ manifestFiles: ['components/kueue/manifests/missing.yaml'] }) }));
    expect(lintCatalog(catalog).map((problem) => problem.message)).toContain('component kueue: manifestFiles components/kueue/manifests/missing.yaml does not exist');
  });

  it.each([
    [{ name: 'deployer' }, 'registry component "deployer" uses the reserved override key "deployer" as its name'],
    [{ valueOverrideKeys: ['deployer'] }, 'registry component "kueue" declares the reserved override key "deployer"'],
    [{ kustomize: { defaultSource: 'https://github.com/example/repo' }, helm: undefined, manifestFiles: ['x.yaml'] }, 'registry component "kueue" is Kustomize but declares manifestFiles'],
    [{ testTier: 'fast' }, 'testTier'],
    [{ gkeCriticalPriority: 'yes' }, 'gkeCriticalPriority'],
  ])('refuses %j at load', async (extra, message) => {
    const dir = writeTree({ 'overlays/base.yaml': base, 'registry.yaml': registry(extra) });
    const error = await catalogFromDir(dir).catch((caught: unknown) => caught);
    expect(formatError(error)).toContain(message);
  });
});

describe('slinky-slurm shared storage (sharedStorageClassPaths + --shared-storage-class)', () => {
  const PVCS = [
    '{{- $component := index .Values "slinky-slurm" -}}',
    '{{- with (index $component "storage") }}{{- if (index . "enabled") }}{{- range $key, $pvc := . }}{{- if ne $key "enabled" }}',
    '---',
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'metadata:',
    '  name: {{ index $pvc "name" }}',
    '  namespace: {{ $.Release.Namespace }}',
    'spec:',
    '  accessModes:',
    '    - ReadWriteMany',
    '  resources:',
    '    requests:',
    '      storage: {{ index $pvc "size" }}',
    '  storageClassName: {{ index $pvc "storageClassName" }}',
    '{{- end }}{{- end }}{{- end }}{{- end }}',
    '',
  ].join('\n');
  const catalog = () =>
    registryCatalog(
      [{ name: 'slinky-slurm', displayName: 'slinky-slurm', valueOverrideKeys: ['slurmcluster'], sharedStorageClassPaths: ['storage.home.storageClassName', 'storage.data.storageClassName'] }],
      { 'components/slinky-slurm/manifests/shared-storage-pvcs.yaml': PVCS },
    );
  const storage = { enabled: true, home: { name: 'slurm-home', size: '100Gi' }, data: { name: 'slurm-data', size: '1Ti' } };
  const ref = (extra: Record<string, unknown> = {}) =>
    helmRef('slinky-slurm', {
      preManifestFiles: ['components/slinky-slurm/manifests/shared-storage-pvcs.yaml'],
      overrides: { storage, loginsets: { slinky: { login: {} } }, nodesets: { slinky: { slurmd: { volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] } } }, ...extra },
    });

  it('fills both claims\' StorageClass, renders the RWX PVCs before the chart and mounts them into every login and node set', async () => {
    const generated = await bundle(await catalog(), recipeOf([ref()]), { sharedStorageClass: 'efs-rwx' });
    const values = yamlOf(file(generated, '002-slinky-slurm/values.yaml'))[0] as Record<string, any>;
    expect(values.loginsets.slinky).toEqual({
      login: { volumeMounts: [{ name: 'shared-home', mountPath: '/home' }, { name: 'shared-data', mountPath: '/scratch/fsw' }] },
      podSpec: { volumes: [{ name: 'shared-home', persistentVolumeClaim: { claimName: 'slurm-home' } }, { name: 'shared-data', persistentVolumeClaim: { claimName: 'slurm-data' } }] },
    });
    expect(values.nodesets.slinky.slurmd.volumeMounts.map((mount: { name: string }) => mount.name)).toEqual(['scratch', 'shared-home', 'shared-data']);
    const pvcs = yamlOf(file(generated, '001-slinky-slurm-pre/templates/shared-storage-pvcs.yaml')) as Array<Record<string, any>>;
    expect(pvcs.map((pvc) => [pvc.metadata.name, pvc.spec.storageClassName, pvc.spec.resources.requests.storage])).toEqual([
      ['slurm-data', 'efs-rwx', '1Ti'],
      ['slurm-home', 'efs-rwx', '100Gi'],
    ]);
  });

  it.each([
    [{}, {}, 'slinky-slurm shared storage requires an RWX StorageClass for storage.home; use --shared-storage-class <name> or set both per-volume storageClassName values'],
    [{ storage: { ...storage, extra: 1 } }, { sharedStorageClass: 'efs' }, 'slinky-slurm storage contains unsupported fields: extra; supported fields are enabled, home, and data'],
    [{ storage: { ...storage, data: { name: 'slurm-home', size: '1Ti' } } }, { sharedStorageClass: 'efs' }, 'slinky-slurm storage.home.name and storage.data.name must be different; both resolve to "slurm-home"'],
    [{ storage: { ...storage, home: { name: 'slurm-home', size: '-1Gi' } } }, { sharedStorageClass: 'efs' }, 'slinky-slurm storage.home.size "-1Gi" must be a positive Kubernetes quantity'],
  ])('refuses incoherent shared storage (%#)', async (overrides, options, message) => {
    const error = await bundle(await catalog(), recipeOf([ref(overrides)]), options).catch((caught: unknown) => caught);
    expect(formatError(error)).toContain(message);
  });

  it('refuses shared storage for a recipe without the PVC manifest', async () => {
    const error = await bundle(await catalog(), recipeOf([helmRef('slinky-slurm', { overrides: { storage } })]), { sharedStorageClass: 'efs' }).catch((caught: unknown) => caught);
    expect(formatError(error)).toContain('slinky-slurm shared storage is not supported by this recipe');
  });
});

describe('upstream\'s registry (main, 2026-08-21)', () => {
  const path = join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'recipes', 'registry.yaml');

  it.skipIf(!existsSync(path))('is accepted field by field, and every validation function it names is implemented', async () => {
    // Its apiVersion is the apiversions work's concern; the fields are ours.
    const text = readFileSync(path, 'utf8').replace(/^apiVersion: .*$/m, 'apiVersion: aicr.nvidia.com/v1alpha1');
    const { document } = await readDocument('ComponentRegistry', text, path);
    const named = [...new Set(document.components.flatMap((component) => (component.validations ?? []).map((validation) => validation.function)))].sort();
    expect(named.length).toBeGreaterThanOrEqual(8);
    for (const name of named) {
      const catalog = await registryCatalog([{ name: 'x', displayName: 'x', validations: [{ function: name, severity: 'warning' }] }]);
      const outcome = await bundle(catalog, recipeOf([helmRef('x')])).then(() => 'ok', (error: unknown) => formatError(error));
      expect(outcome, name).not.toContain('unknown validation function');
    }
  });
});
