import { describe, expect, it } from 'vitest';
import { buildRecipe } from '../../../src/core/recipe/build.js';
import { planBundle } from '../../../src/core/bundle/plan.js';
import { anyCriteria, applyCriteria } from '../../../src/core/criteria.js';
import { exitCodeFor } from '../../../src/core/errors.js';
import type { Snapshot } from '../../../src/core/documents/types.js';
import { catalogFromDir, writeTree } from '../../helpers/catalog.js';

const API = 'aicr.nvidia.com/v1alpha1';
const overlay = (name: string, spec: Record<string, unknown>) => ({ kind: 'RecipeMetadata', apiVersion: API, metadata: { name }, spec });
const eksUbuntu = applyCriteria(anyCriteria(), { service: 'eks', os: 'ubuntu' }, (f) => f);

/** Modelled on upstream's os-talos mixin: a namespace move plus a pre-manifest on existing components. */
function catalog(mixinRefs: unknown[] = [{ name: 'gpu-operator', namespace: 'privileged-gpu-operator', preManifestFiles: ['components/gpu-operator/manifests/privileged-namespace.yaml'] }]) {
  return writeTree({
    'registry.yaml': {
      kind: 'ComponentRegistry',
      apiVersion: 'aicr.run/v1beta1',
      components: [
        { name: 'gpu-operator', helm: { defaultRepository: 'https://helm.ngc.nvidia.com/nvidia', defaultChart: 'nvidia/gpu-operator', defaultVersion: 'v25.10.1', defaultNamespace: 'gpu-operator' } },
        { name: 'cert-manager', helm: { defaultRepository: 'https://charts.jetstack.io', defaultChart: 'jetstack/cert-manager', defaultVersion: 'v1.17.2', defaultNamespace: 'cert-manager' } },
      ],
    },
    'components/gpu-operator/manifests/privileged-namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{ .Release.Namespace }}\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n',
    'components/gpu-operator/manifests/dcgm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dcgm\n  namespace: {{ .Release.Namespace }}\ndata:\n  a: b\n',
    'overlays/base.yaml': overlay('base', {
      constraints: [{ name: 'K8s.server.version', value: '>= 1.30' }],
      componentRefs: [{ name: 'cert-manager', type: 'Helm' }, { name: 'gpu-operator', type: 'Helm', dependencyRefs: ['cert-manager'] }],
    }),
    'overlays/eks.yaml': overlay('eks', { criteria: { service: 'eks' } }),
    'overlays/monitoring.yaml': overlay('monitoring', { criteria: { service: 'eks' }, constraints: [{ name: 'K8s.server.version', value: '>= 1.31' }] }),
    'overlays/eks-ubuntu.yaml': overlay('eks-ubuntu', {
      base: 'eks',
      criteria: { service: 'eks', os: 'ubuntu' },
      mixins: ['os-hardened'],
      componentRefs: [{ name: 'gpu-operator', manifestFiles: ['components/gpu-operator/manifests/dcgm.yaml'], healthCheckSkip: true }],
    }),
    'mixins/os-hardened.yaml': { kind: 'RecipeMixin', apiVersion: API, metadata: { name: 'os-hardened' }, spec: { constraints: [{ name: 'OS.release.ID', value: 'ubuntu' }], componentRefs: mixinRefs } },
  });
}

const snapshot = (osId: string): Snapshot => ({
  kind: 'Snapshot',
  measurements: [
    { type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.33.0' } }] },
    { type: 'OS', subtypes: [{ subtype: 'release', data: { ID: osId } }] },
  ],
});

describe('mixins (upstream 2026-08-21 composition)', () => {
  it('may give an existing component a namespace and pre-manifests; the recipe carries them with healthCheckSkip', async () => {
    const recipe = buildRecipe(await catalogFromDir(catalog()), eksUbuntu);
    expect(recipe.componentRefs.find((ref) => ref.name === 'gpu-operator')).toEqual({
      name: 'gpu-operator',
      namespace: 'privileged-gpu-operator',
      chart: 'gpu-operator',
      type: 'Helm',
      source: 'https://helm.ngc.nvidia.com/nvidia',
      version: 'v25.10.1',
      dependencyRefs: ['cert-manager'],
      manifestFiles: ['components/gpu-operator/manifests/dcgm.yaml'],
      preManifestFiles: ['components/gpu-operator/manifests/privileged-namespace.yaml'],
      healthCheckSkip: true,
    });
    expect(recipe.constraints).toEqual([{ name: 'K8s.server.version', value: '>= 1.31' }, { name: 'OS.release.ID', value: 'ubuntu' }]);
  });

  it('bundles pre-manifests as a NNN-<name>-pre folder before the chart, as upstream\'s goldens do', async () => {
    const dir = catalog();
    const loaded = await catalogFromDir(dir);
    const plan = await planBundle({ recipe: buildRecipe(loaded, eksUbuntu), catalog: loaded, options: { deployer: 'helm' } });
    expect(plan.folders.map((folder) => folder.dir)).toEqual(['001-cert-manager', '002-gpu-operator-pre', '003-gpu-operator', '004-gpu-operator-post']);
    expect(plan.folders[1]!.namespace).toBe('privileged-gpu-operator');
    expect(plan.folders[1]!.manifests[0]!.content).toContain('name: privileged-gpu-operator');
  });

  it.each([
    ['version', { version: 'v1.0.0' }],
    ['valuesFile', { valuesFile: 'components/gpu-operator/values.yaml' }],
    ['overrides', { overrides: { driver: { enabled: false } } }],
    ['dependencyRefs', { dependencyRefs: ['cert-manager'] }],
    ['healthCheckSkip', { healthCheckSkip: true }],
  ])('may not set %s on an existing component', async (field, extra) => {
    const loaded = await catalogFromDir(catalog([{ name: 'gpu-operator', namespace: 'x', ...extra }]));
    let error: unknown;
    try {
      buildRecipe(loaded, eksUbuntu);
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe(`mixin "os-hardened" component "gpu-operator" sets identity/sourcing field "${field}" which conflicts with the inheritance chain; mixins may only contribute Namespace, ManifestFiles, or PreManifestFiles to an existing component`);
    expect(exitCodeFor(error)).toBe(2);
  });

  it('may add a whole new component', async () => {
    const recipe = buildRecipe(await catalogFromDir(catalog([{ name: 'extra', type: 'Helm', source: 'https://example.com/charts', version: '1.0.0', namespace: 'extra' }])), eksUbuntu);
    expect(recipe.componentRefs.map((ref) => ref.name)).toEqual(['cert-manager', 'extra', 'gpu-operator']);
  });

  describe('with a snapshot', () => {
    it('checks mixin constraints after composing; a failure leaves out the chains that brought the mixin in', async () => {
      // A second os=ubuntu leaf straight on base, so the request stays covered (upstream's coverage
      // rule would otherwise refuse it) once eks-ubuntu falls.
      const dir = writeTree({ 'overlays/eks-ubuntu-plain.yaml': overlay('eks-ubuntu-plain', { base: 'base', criteria: { service: 'eks', os: 'ubuntu' } }) }, catalog());
      const recipe = buildRecipe(await catalogFromDir(dir), eksUbuntu, { snapshot: snapshot('rhel') });
      // Rebuilt from the surviving leaves only (upstream): the failed leaf's ancestors (eks) go with it, independent leaves stay.
      expect(recipe.metadata.appliedOverlays).toEqual(['base', 'monitoring', 'eks-ubuntu-plain']);
      expect(recipe.metadata.excludedOverlays).toEqual([{ name: 'eks-ubuntu', reason: 'mixin-constraint-failed' }]);
      expect(recipe.metadata.constraintWarnings).toEqual([
        { overlay: 'eks-ubuntu', constraint: 'OS.release.ID', expected: 'ubuntu', actual: 'rhel', reason: 'mixin-constraint-failed: expected ubuntu, got rhel' },
      ]);
      expect(recipe.componentRefs.find((ref) => ref.name === 'gpu-operator')?.namespace).toBe('gpu-operator');
      expect(recipe.constraints).toEqual([{ name: 'K8s.server.version', value: '>= 1.31' }]);
    });

    it('keeps the chain when the mixin constraints hold', async () => {
      const recipe = buildRecipe(await catalogFromDir(catalog()), eksUbuntu, { snapshot: snapshot('ubuntu') });
      expect(recipe.metadata.appliedOverlays).toEqual(['base', 'monitoring', 'eks', 'eks-ubuntu']);
      expect(recipe.metadata.excludedOverlays).toBeUndefined();
    });
  });
});

describe('catalog lint', () => {
  it('names a pre-manifest that does not exist', async () => {
    const { lintCatalog } = await import('../../../src/core/catalog/lint.js');
    const loaded = await catalogFromDir(catalog([{ name: 'gpu-operator', preManifestFiles: ['components/gpu-operator/manifests/missing.yaml'] }]));
    expect(lintCatalog(loaded)).toContainEqual(expect.objectContaining({ message: 'component "gpu-operator": file components/gpu-operator/manifests/missing.yaml does not exist' }));
  });
});
