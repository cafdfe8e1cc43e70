import { describe, expect, it } from 'vitest';
import { buildRecipe } from '../../../src/core/recipe/build.js';
import { parseProfileSelection } from '../../../src/core/recipe/profile.js';
import { anyCriteria, applyCriteria } from '../../../src/core/criteria.js';
import { exitCodeFor } from '../../../src/core/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { parseDocumentOf } from '../../../src/core/load.js';
import { toYaml } from '../../../src/core/serialize.js';
import type { RawCriteria, Snapshot } from '../../../src/core/documents/types.js';
import { catalogFromDir } from '../../helpers/catalog.js';
import { aksProfileCatalog, gpuStackProfile } from '../../helpers/profile-catalog.js';

const criteria = (raw: RawCriteria) => applyCriteria(anyCriteria(), raw, (f) => f);
const aksTraining = criteria({ service: 'aks', intent: 'training' });

async function build(dir: string, options: { profile?: string; snapshot?: Snapshot; raw?: RawCriteria } = {}) {
  const catalog = await catalogFromDir(dir);
  const profile = parseProfileSelection(options.profile);
  return buildRecipe(catalog, options.raw ? criteria(options.raw) : aksTraining, { ...(profile ? { profile } : {}), ...(options.snapshot ? { snapshot: options.snapshot } : {}) });
}

/** The rendered message (CLI spelling) and exit code of what `fn` throws. */
async function failure(fn: () => unknown): Promise<{ message: string; hint: string; code: number }> {
  try {
    await fn();
  } catch (error) {
    const e = error as Error & { hint?: string };
    return { message: renderOptionRefs(e.message), hint: renderOptionRefs(e.hint ?? ''), code: exitCodeFor(error) };
  }
  throw new Error('expected an error');
}

const snapshot = (gpuDriver?: string, server = 'v1.34.2'): Snapshot => ({
  kind: 'Snapshot',
  measurements: [{
    type: 'K8s',
    subtypes: [
      { subtype: 'server', data: { version: server } },
      ...(gpuDriver === undefined ? [] : [{ subtype: 'aks-gpu-pools', data: { 'gpu-driver': gpuDriver } }]),
    ],
  }],
});

const ref = (recipe: Awaited<ReturnType<typeof build>>, name: string) => recipe.componentRefs.find((r) => r.name === name)!;

describe('configuration profiles (ADR-015)', () => {
  it('applies the declared default when no value is selected and records it with its owned paths', async () => {
    const recipe = await build(aksProfileCatalog());
    expect(recipe.apiVersion).toBe('aicr.run/v1beta2');
    expect(recipe.metadata.selectedProfile).toEqual({
      name: 'gpuStack',
      value: 'azure-managed',
      ownedPaths: {
        'gpu-operator': ['driver.enabled', 'enabled', 'operator.runtimeClass', 'toolkit.enabled'],
        'nvidia-dra-driver-gpu': ['enabled', 'nvidiaDriverRoot'],
        nvsentinel: ['enabled', 'labeler.assumeDriverInstalled', 'metadata-collector.runtimeClassName'],
      },
    });
    expect(Object.keys(recipe.metadata)).toEqual(['appliedOverlays', 'selectedProfile']);
    expect(ref(recipe, 'gpu-operator').overrides).toEqual({ driver: { enabled: false }, operator: { runtimeClass: 'nvidia-container-runtime' }, toolkit: { enabled: false } });
    // The overlay's own overrides stay; the profile's are merged over them.
    expect(ref(recipe, 'nvidia-dra-driver-gpu').overrides).toEqual({ controller: { affinity: { nodeAffinity: null } }, nvidiaDriverRoot: '/' });
    // Criteria-only generation records the value's constraints (sorted among the others) without checking them.
    expect(recipe.constraints).toEqual([
      { name: 'K8s.aks-gpu-pools.gpu-driver', value: 'Install' },
      { name: 'K8s.server.version', value: '>= 1.34' },
    ]);
    // The declaration itself never reaches the result.
    expect(toYaml(recipe)).not.toContain('description');
  });

  it('applies the value --profile selects', async () => {
    const recipe = await build(aksProfileCatalog(), { profile: 'gpuStack=operator-managed' });
    expect(recipe.metadata.selectedProfile?.value).toBe('operator-managed');
    expect(ref(recipe, 'gpu-operator').overrides).toEqual({ driver: { enabled: true }, operator: { runtimeClass: 'nvidia' }, toolkit: { enabled: true } });
    expect(ref(recipe, 'nvidia-dra-driver-gpu').overrides?.nvidiaDriverRoot).toBe('/run/nvidia/driver');
    expect(ref(recipe, 'nvsentinel').overrides).toEqual({ labeler: { assumeDriverInstalled: false }, 'metadata-collector': { runtimeClassName: 'nvidia' } });
    expect(recipe.constraints?.[0]).toEqual({ name: 'K8s.aks-gpu-pools.gpu-driver', value: 'None' });
  });

  it('writes a result that reads back as a schema-valid RecipeResult, the same bytes every time', async () => {
    const dir = aksProfileCatalog();
    const first = toYaml(await build(dir));
    expect(toYaml(await build(dir))).toBe(first);
    const loaded = await parseDocumentOf('RecipeResult', first, 'recipe.yaml', 'recipe');
    expect(loaded.document.metadata.selectedProfile?.ownedPaths['nvidia-dra-driver-gpu']).toEqual(['enabled', 'nvidiaDriverRoot']);
  });

  it('leaves a composition without a declaration as it was (aicr.run/v1, no selectedProfile)', async () => {
    const recipe = await build(aksProfileCatalog(), { raw: { service: 'eks' } });
    expect(recipe.apiVersion).toBe('aicr.run/v1');
    expect(recipe.metadata.selectedProfile).toBeUndefined();
  });

  it('rejects a selection the composition cannot honour, listing the choices (exit 2, --profile named)', async () => {
    const dir = aksProfileCatalog();
    const unknownValue = await failure(() => build(dir, { profile: 'gpuStack=self-managed' }));
    expect(unknownValue.message).toBe('--profile: profile "gpuStack" has no value "self-managed"; valid values: [azure-managed operator-managed]');
    expect(unknownValue.hint).toContain('azure-managed, operator-managed (default azure-managed)');
    expect(unknownValue.code).toBe(2);
    const wrongName = await failure(() => build(dir, { profile: 'driver=azure-managed' }));
    expect(wrongName.message).toBe('--profile: resolved composition declares profile "gpuStack", not "driver"');
    const noDeclaration = await failure(() => build(dir, { profile: 'gpuStack=azure-managed', raw: { service: 'eks' } }));
    expect(noDeclaration.message).toBe('--profile: profile "gpuStack" was selected, but the resolved composition declares no profile');
    for (const raw of ['gpuStack', 'gpuStack=a=b', ' gpuStack=a', '=a']) {
      const malformed = await failure(() => parseProfileSelection(raw));
      expect(malformed.code).toBe(2);
      expect(malformed.message).toMatch(/^--profile: profile (must use the exact name=value form|name and value must match \[A-Za-z0-9._-\]\+)$/);
    }
    expect((await failure(() => parseProfileSelection('gpu$tack=x'))).message).toBe('--profile: profile name and value must match [A-Za-z0-9._-]+');
  });

  describe('with a snapshot', () => {
    it('checks the selected value\'s constraints on it', async () => {
      const dir = aksProfileCatalog();
      const recipe = await build(dir, { snapshot: snapshot('Install') });
      expect(recipe.metadata.selectedProfile?.value).toBe('azure-managed');
      const mismatch = await failure(() => build(dir, { snapshot: snapshot('Install'), profile: 'gpuStack=operator-managed' }));
      expect(mismatch.message).toBe('profile gpuStack=operator-managed constraint "K8s.aks-gpu-pools.gpu-driver" failed: expected None, got Install');
      expect(mismatch.code).toBe(2);
      // The snapshot never picks the value: the default is checked, and fails, on an operator-managed cluster.
      const defaultOnOther = await failure(() => build(dir, { snapshot: snapshot('None') }));
      expect(defaultOnOther.message).toContain('profile gpuStack=azure-managed constraint');
    });

    it('fails closed when the reading is missing', async () => {
      const missing = await failure(() => build(aksProfileCatalog(), { snapshot: snapshot() }));
      expect(missing.message).toBe('profile gpuStack=azure-managed cannot be validated because reading "K8s.aks-gpu-pools.gpu-driver" is unavailable');
      expect(missing.code).toBe(2);
    });

    it('refuses a result whose declaring overlay the snapshot filtered out', async () => {
      // aks (the declaration) and its leaf fall to the v1.31 snapshot; a sibling leaf on base
      // survives and still covers every requested field, so the coverage rule does not answer first.
      const dir = aksProfileCatalog({
        extra: {
          'overlays/aks-training.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: 'aks-training' }, spec: { base: 'aks', criteria: { service: 'aks', intent: 'training' }, constraints: [{ name: 'K8s.server.version', value: '>= 1.34' }] } },
          'overlays/aks-training-any.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: 'aks-training-any' }, spec: { base: 'base', criteria: { service: 'aks', intent: 'training' } } },
        },
      });
      const removed = await failure(() => build(dir, { snapshot: snapshot('Install', 'v1.31.0') }));
      expect(removed.message).toBe('profile declaration from overlay "aks" was removed by snapshot constraint filtering');
    });
  });

  describe('declaration rules', () => {
    const profile = () => gpuStackProfile() as { default: string; values: Record<string, { componentRefs: Array<{ name: string; overrides: Record<string, unknown> }>; constraints?: unknown[] }> };

    it.each([
      ['a default that is not a value', (p: ReturnType<typeof profile>) => { p.default = 'byo'; }, 'profile "gpuStack" default "byo" is not a declared value'],
      ['values that differ only by case', (p: ReturnType<typeof profile>) => { p.values['Azure-Managed'] = p.values['azure-managed']!; }, 'values "Azure-Managed" and "azure-managed" differ only by case'],
      ['a value that assigns enabled', (p: ReturnType<typeof profile>) => { p.values['operator-managed']!.componentRefs[2]!.overrides.enabled = true; }, 'component "nvsentinel" may not assign overrides.enabled'],
      ['values that assign different paths', (p: ReturnType<typeof profile>) => { delete p.values['operator-managed']!.componentRefs[0]!.overrides.toolkit; }, 'profile "gpuStack" violates union totality: value "operator-managed" assigns [gpu-operator:driver.enabled gpu-operator:operator.runtimeClass nvidia-dra-driver-gpu:nvidiaDriverRoot'],
      ['an empty map', (p: ReturnType<typeof profile>) => { p.values['azure-managed']!.componentRefs[0]!.overrides.driver = {}; }, 'profile override "driver" assigns an empty map'],
      ['a repeated component', (p: ReturnType<typeof profile>) => { p.values['azure-managed']!.componentRefs.push(p.values['azure-managed']!.componentRefs[0]!); }, 'repeats componentRef "gpu-operator"'],
      ['a constraint without a value', (p: ReturnType<typeof profile>) => { p.values['azure-managed']!.constraints = [{ name: 'K8s.x.y', value: '' }]; }, 'constraint "K8s.x.y" has no value'],
    ])('rejects %s', async (_what, edit, message) => {
      const p = profile();
      edit(p);
      const error = await failure(() => build(aksProfileCatalog({ profile: p })));
      expect(error.message).toContain('invalid profile contract in overlay "aks": ');
      expect(error.message).toContain(message);
      expect(error.code).toBe(2);
    });

    it('allows one declaration per composition', async () => {
      const dir = aksProfileCatalog({
        extra: {
          'overlays/aks-training.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta2', metadata: { name: 'aks-training' }, spec: { base: 'aks', criteria: { service: 'aks', intent: 'training' }, profile: gpuStackProfile() } },
        },
      });
      expect((await failure(() => build(dir))).message).toBe('resolved composition has multiple profile declarations from [aks aks-training]');
    });

    it('needs every component it names enabled in the composition', async () => {
      const disabled = aksProfileCatalog({ aksSpec: { componentRefs: [{ name: 'nvsentinel', type: 'Helm', overrides: { enabled: false } }] } });
      expect((await failure(() => build(disabled))).message).toBe('profile "gpuStack" references component "nvsentinel", which is not enabled in the surviving composition');
    });

    it('keeps its constraints apart from the composition\'s', async () => {
      const colliding = aksProfileCatalog({ aksSpec: { constraints: [{ name: 'K8s.aks-gpu-pools.gpu-driver', value: 'Install' }] } });
      expect((await failure(() => build(colliding))).message).toBe('profile "gpuStack" value "azure-managed" constraint "K8s.aks-gpu-pools.gpu-driver" collides with the composed recipe');
    });

    it('is read from the base recipe and ancestors of the leaf alike', async () => {
      const fromLeafOnly = aksProfileCatalog({
        profile: null,
        extra: {
          'overlays/aks-training.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta2', metadata: { name: 'aks-training' }, spec: { base: 'aks', criteria: { service: 'aks', intent: 'training' }, profile: gpuStackProfile() } },
        },
      });
      expect((await build(fromLeafOnly)).metadata.selectedProfile?.value).toBe('azure-managed');
      // An overlay that only matches less specific criteria brings no declaration in.
      expect((await build(fromLeafOnly, { raw: { service: 'aks' } })).metadata.selectedProfile).toBeUndefined();
    });
  });
});

describe("upstream's own declarations (recipes/overlays/aks.yaml and gke-cos.yaml at 2026-08-21)", () => {
  const upstreamProfile = async (file: string) => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { parse } = await import('yaml');
    const { SHARED } = await import('../../helpers/paths.js');
    return parse(readFileSync(join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'recipes', 'overlays', file), 'utf8')).spec.profile;
  };

  it.each([
    ['aks.yaml', 'azure-managed', 'operator-managed', undefined],
    ['gke-cos.yaml', 'gke-default', 'driver-installer', 'external'],
  ])('%s: the default and the other value resolve', async (file, byDefault, other, advertiser) => {
    const dir = aksProfileCatalog({ profile: await upstreamProfile(file) });
    const recipe = await build(dir);
    expect(recipe.metadata.selectedProfile?.value).toBe(byDefault);
    expect(recipe.metadata.selectedProfile?.advertiser).toBe(advertiser);
    expect((await build(dir, { profile: `gpuStack=${other}` })).metadata.selectedProfile?.value).toBe(other);
  });
});
