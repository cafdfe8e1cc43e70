import { describe, expect, it } from 'vitest';
import { buildRecipe } from '../../../src/core/recipe/build.js';
import { gpuDriverState } from '../../../src/core/recipe/gpu-driver-state.js';
import { parseProfileSelection } from '../../../src/core/recipe/profile.js';
import { anyCriteria, applyCriteria } from '../../../src/core/criteria.js';
import type { RawCriteria, Reading, Snapshot } from '../../../src/core/documents/types.js';
import { catalogFromDir } from '../../helpers/catalog.js';
import { aksProfileCatalog } from '../../helpers/profile-catalog.js';

function snapshot(hardware: Record<string, Reading> | undefined, extra: Snapshot['measurements'] = []): Snapshot {
  return {
    kind: 'Snapshot',
    measurements: [
      { type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.34.2' } }, { subtype: 'aks-gpu-pools', data: { 'gpu-driver': 'Install' } }] },
      ...(hardware ? [{ type: 'GPU', subtypes: [{ subtype: 'hardware', data: hardware }] }] : []),
      ...extra,
    ],
  };
}

async function build(snap: Snapshot, raw: RawCriteria = { service: 'aks', intent: 'training' }, dir = aksProfileCatalog(), profile?: string) {
  const warnings: string[] = [];
  const selection = parseProfileSelection(profile);
  const recipe = buildRecipe(await catalogFromDir(dir), applyCriteria(anyCriteria(), raw, (f) => f), { snapshot: snap, onWarning: (w) => warnings.push(w), ...(selection ? { profile: selection } : {}) });
  return { recipe, warnings };
}

describe('metadata.gpuDriverState', () => {
  it('reads the GPU hardware subtype as upstream does', () => {
    expect(gpuDriverState(snapshot({ 'driver-loaded': true }))).toBe('preinstalled');
    expect(gpuDriverState(snapshot({ 'driver-loaded': false, 'gpu-count': 8 }))).toBe('absent');
    // No GPU on the sampled node, no usable reading, or no hardware subtype: unknown (nothing recorded).
    expect(gpuDriverState(snapshot({ 'driver-loaded': false, 'gpu-present': false }))).toBeUndefined();
    expect(gpuDriverState(snapshot({ 'driver-loaded': false, 'gpu-count': 0 }))).toBeUndefined();
    expect(gpuDriverState(snapshot({ 'driver-loaded': 'yes' }))).toBeUndefined();
    expect(gpuDriverState(snapshot(undefined))).toBeUndefined();
  });

  it('is recorded before selectedProfile; a profile that keeps the driver off needs nothing more', async () => {
    const { recipe, warnings } = await build(snapshot({ 'driver-loaded': true }));
    expect(Object.keys(recipe.metadata)).toEqual(['appliedOverlays', 'gpuDriverState', 'selectedProfile']);
    expect(recipe.metadata.gpuDriverState).toBe('preinstalled');
    expect(warnings).toEqual([]);
    expect((await build(snapshot(undefined))).recipe.metadata.gpuDriverState).toBeUndefined();
  });

  it('warns when the recipe expects a preinstalled driver the node does not have', async () => {
    const { recipe, warnings } = await build(snapshot({ 'driver-loaded': false }));
    expect(recipe.metadata.gpuDriverState).toBe('absent');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('gpu-operator driver mismatch');
    expect(warnings[0]).toContain('--profile gpuStack=<value>');
  });

  it('leaves values that install the driver alone, with a warning, when the node has one', async () => {
    const { recipe, warnings } = await build(snapshot({ 'driver-loaded': true }), { service: 'eks' });
    expect(recipe.metadata.gpuDriverState).toBe('preinstalled');
    expect(recipe.componentRefs.find((r) => r.name === 'gpu-operator')?.overrides).toBeUndefined();
    expect(warnings.join('\n')).toContain('do not set driver.enabled=false');
  });

  it('pins driver.enabled=false in the recipe when the values already turn the driver off', async () => {
    const dir = aksProfileCatalog({ profile: null, extra: { 'components/gpu-operator/values.yaml': 'driver:\n  enabled: false\n' } });
    const policy = [{ type: 'K8s', subtypes: [{ subtype: 'policy', data: { 'clusterpolicy.name': 'cluster-policy' } }] }];
    const { recipe, warnings } = await build(snapshot({ 'driver-loaded': true }, policy), { service: 'aks' }, dir);
    expect(recipe.componentRefs.find((r) => r.name === 'gpu-operator')?.overrides).toEqual({ driver: { enabled: false } });
    expect(warnings.join('\n')).toContain('ClusterPolicy');
  });
});
