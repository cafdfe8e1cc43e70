import { describe, expect, it } from 'vitest';
import { buildRecipe } from '../../../src/core/recipe/build.js';
import { planBundle } from '../../../src/core/bundle/plan.js';
import { parseProfileSelection } from '../../../src/core/recipe/profile.js';
import { anyCriteria, applyCriteria } from '../../../src/core/criteria.js';
import { exitCodeFor } from '../../../src/core/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import type { RecipeResult } from '../../../src/core/documents/types.js';
import { catalogFromDir } from '../../helpers/catalog.js';
import { aksProfileCatalog } from '../../helpers/profile-catalog.js';

/** Upstream gke-cos.yaml's gpuStack values (facts only): gke-default has GKE's plugin as the external advertiser. */
const gkeProfile = {
  name: 'gpuStack',
  default: 'gke-default',
  values: {
    'driver-installer': {
      componentRefs: [{ name: 'gpu-operator', overrides: { devicePlugin: { enabled: true } } }, { name: 'nvsentinel', overrides: { labeler: { assumeDriverInstalled: false } } }],
    },
    'gke-default': {
      advertiser: 'external',
      componentRefs: [{ name: 'gpu-operator', overrides: { devicePlugin: { enabled: false } } }, { name: 'nvsentinel', overrides: { labeler: { assumeDriverInstalled: true } } }],
    },
  },
};

async function plan(dir: string, set: string[], profile?: string): Promise<{ recipe: RecipeResult; run: () => Promise<unknown> }> {
  const catalog = await catalogFromDir(dir);
  const selection = parseProfileSelection(profile);
  const recipe = buildRecipe(catalog, applyCriteria(anyCriteria(), { service: 'aks', intent: 'training' }, (f) => f), selection ? { profile: selection } : {});
  return { recipe, run: () => planBundle({ recipe, catalog, options: { deployer: 'helm', set } }) };
}

async function message(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error, 'expected the bundle to be refused').toBeDefined();
  expect(exitCodeFor(error)).toBe(2);
  return renderOptionRefs((error as Error).message);
}

describe('bundle: profile lock', () => {
  it('accepts identical values and paths the profile does not own; refuses a changed owned path', async () => {
    const dir = aksProfileCatalog();
    await expect((await plan(dir, ['gpuoperator:driver.enabled=false', 'gpuoperator:driver.version=570.1', 'dradriver:resources.gpus.enabled=true'])).run()).resolves.toBeDefined();
    expect(await message((await plan(dir, ['gpuoperator:operator.runtimeClass=nvidia'])).run)).toBe('profile-owned path gpu-operator.operator.runtimeClass diverged from selected profile gpuStack=azure-managed');
    // The lock follows the value the recipe selected.
    expect(await message((await plan(dir, ['nvsentinel:labeler.assumeDriverInstalled=true'], 'gpuStack=operator-managed')).run)).toBe('profile-owned path nvsentinel.labeler.assumeDriverInstalled diverged from selected profile gpuStack=operator-managed');
    // Setting a whole map above an owned path changes it too.
    expect(await message((await plan(dir, ['nvsentinel:labeler=off'])).run)).toBe('profile-owned path nvsentinel.labeler.assumeDriverInstalled diverged from selected profile gpuStack=azure-managed');
  });

  it('locks the GPU advertisement paths of every enabled component when the profile owns advertisement (GKE)', async () => {
    const dir = aksProfileCatalog({ profile: gkeProfile });
    const { recipe, run } = await plan(dir, ['dradriver:resources.gpus.enabled=true']);
    expect(recipe.metadata.selectedProfile).toMatchObject({ value: 'gke-default', advertiser: 'external' });
    // Not declared by the profile, but closure-locked: nvidia-dra-driver-gpu is enabled in the recipe.
    expect(await message(run)).toBe('profile-owned path nvidia-dra-driver-gpu.resources.gpus.enabled diverged from selected profile gpuStack=gke-default');
    // driver-installer owns devicePlugin.enabled, so it owns advertisement too.
    expect(await message((await plan(dir, ['dradriver:gpuResourcesEnabledOverride=true'], 'gpuStack=driver-installer')).run)).toBe('profile-owned path nvidia-dra-driver-gpu.gpuResourcesEnabledOverride diverged from selected profile gpuStack=driver-installer');
    await expect((await plan(dir, ['dradriver:controller.replicas=2'])).run()).resolves.toBeDefined();
  });

  it('refuses a recipe whose recorded selection was edited', async () => {
    const { recipe } = await plan(aksProfileCatalog(), []);
    const catalog = await catalogFromDir(aksProfileCatalog());
    const edit = async (change: (r: RecipeResult) => void) => {
      const copy = structuredClone(recipe);
      change(copy);
      return message(() => planBundle({ recipe: copy, catalog, options: { deployer: 'helm' } }));
    };
    expect(await edit((r) => { r.metadata.selectedProfile!.ownedPaths['gpu-operator'] = ['toolkit.enabled', 'enabled']; })).toBe('metadata.selectedProfile.ownedPaths["gpu-operator"] must be lexicographically sorted');
    expect(await edit((r) => { r.metadata.selectedProfile!.ownedPaths['gpu-operator'] = ['driver.enabled']; })).toBe('metadata.selectedProfile.ownedPaths["gpu-operator"] must include synthetic path "enabled"');
    expect(await edit((r) => { delete r.componentRefs.find((c) => c.name === 'gpu-operator')!.overrides!.toolkit; })).toBe('profile-owned path gpu-operator.toolkit.enabled is not assigned by the component overrides; an owned path may not be inherited from the baseline values');
    expect(await edit((r) => { r.metadata.selectedProfile!.advertiser = 'mine'; })).toBe('unknown advertiser "mine"; the only supported value is "external"');
  });
});
