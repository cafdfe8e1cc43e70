import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { orderComponents } from '../../../src/core/bundle/plan.js';
import { UPSTREAM_RECIPES } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/catalog.js';
import { toYaml } from '../../../src/core/serialize.js';
import { EKS_RECIPE, FIXTURE_DATA, fileText, fixtureRecipe, generate } from './support.js';
import { rejection as failure } from '../../helpers/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';

/** Writes a recipe document into a temp file and returns its path. */
function recipeFile(document: Record<string, unknown>): string {
  const path = join(tempDir(), 'recipe.yaml');
  writeFileSync(path, toYaml({ kind: 'RecipeResult', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { version: 'v0.1.0' }, ...document }));
  return path;
}


const certManager = { name: 'cert-manager', namespace: 'cert-manager', chart: 'cert-manager', type: 'Helm', source: 'https://charts.jetstack.io', version: 'v1.17.2' };

describe('values layering', () => {
  it('layers base values, the criteria values file, recipe overrides, --set, then scheduling', async () => {
    const bundle = await generate(EKS_RECIPE, {
      set: ['gpuoperator:driver.version=570.86.16', 'gpu-operator:cdi.default=true', 'gpuoperator:operator.tolerations=overwritten', 'gpuoperator:newKey.nested=7'],
      systemNodeToleration: ['dedicated=system:NoSchedule'],
      acceleratedNodeSelector: { 'nvidia.com/gpu.present': 'true' },
    });
    const values = parse(fileText(bundle, '009-gpu-operator/values.yaml').replace(/^# .*\n---\n/, ''));
    expect(values.driver.version).toBe('570.86.16');
    expect(values.cdi).toEqual({ default: true, enabled: true });
    expect(values.gdrcopy).toEqual({ enabled: true });
    expect(values.newKey).toEqual({ nested: 7 });
    // The eks-training values file sets the validator environment; the base file sets the operator.
    expect(values.validator.plugin.env).toEqual([{ name: 'WITH_WORKLOAD', value: 'false' }]);
    expect(values.operator.upgradeCRD).toBe(true);
    // Scheduling is written last and replaces a --set of the same path.
    expect(values.operator.tolerations).toEqual([{ effect: 'NoSchedule', key: 'dedicated', operator: 'Equal', value: 'system' }]);
    expect(values.daemonsets).toEqual({ nodeSelector: { 'nvidia.com/gpu.present': 'true' }, tolerations: [{ operator: 'Exists' }] });
  });

  it('matches upstream v0.11.1 values for gpu-operator on the same recipe and data (as data, not bytes)', async () => {
    const bundle = await generate(EKS_RECIPE, { data: UPSTREAM_RECIPES });
    const ours = parse(fileText(bundle, '009-gpu-operator/values.yaml'));
    const upstream = parse((await import('node:fs')).readFileSync(join(UPSTREAM_RECIPES, '..', '..', 'golden', 'helm-v0.11.1', 'eks-training', 'gpu-operator', 'values.yaml'), 'utf8'));
    expect(ours).toEqual(upstream);
  });

  it('writes the recipe minus disabled components, with sorted keys', async () => {
    const bundle = await generate(EKS_RECIPE, { set: ['nvsentinel:enabled=false', 'kaischeduler:enabled=0'] });
    const recipe = parse(fileText(bundle, 'recipe.yaml'));
    expect(recipe.componentRefs.map((ref: { name: string }) => ref.name)).not.toContain('nvsentinel');
    expect(recipe.deploymentOrder).not.toContain('kai-scheduler');
    expect(recipe.deploymentOrder).toHaveLength(13);
    expect(Object.keys(recipe)).toEqual([...Object.keys(recipe)].sort());
    expect(bundle.notes).toContain('component "nvsentinel" skipped: an enabled=false value override removed it');
  });
});

describe('component selection', () => {
  it('honours overrides.enabled: false and refuses to re-enable it with --set', async () => {
    const path = recipeFile({ componentRefs: [certManager, { ...certManager, name: 'gpu-operator', namespace: 'gpu-operator', overrides: { enabled: false } }], deploymentOrder: ['cert-manager', 'gpu-operator'] });
    const bundle = await generate(path);
    expect(bundle.plan.folders.map((folder) => folder.dir)).toEqual(['001-cert-manager']);
    const error = await failure(generate(path, { set: ['gpuoperator:enabled=true'] }));
    expect(renderOptionRefs(error.message)).toBe('component "gpu-operator" is disabled by the recipe and cannot be re-enabled with --set gpuoperator:enabled=true');
    const blocked = await failure(generate(path, { set: ['gpu-operator:driver.version=1'] }));
    expect(renderOptionRefs(blocked.message)).toBe('--set gpu-operator:driver.version cannot take effect: component "gpu-operator" is not in the generated bundle because the recipe disables it');
  });

  it.each([
    [['nosuch:a=1'], 'unknown component "nosuch"; recipe declares: cert-manager'],
    [['certmanager:enabled=maybe'], 'invalid --set enabled value "maybe" for component "cert-manager"'],
    [['certmanager:enabled=false'], 'recipe has no enabled components after filtering'],
    [['certmanager:a=1', 'certmanager:a.b=2'], 'path segment "a" of "a.b" exists but is not a map'],
    [['certmanager:enabled=false', 'cert-manager:x=1'], 'because an enabled=false value override removed it'],
  ])('rejects --set %j', async (set, message) => {
    const error = await failure(generate(recipeFile({ componentRefs: [certManager] }), { set }));
    expect(renderOptionRefs(error.message)).toContain(message);
    expect(error.exitCode).toBe(2);
  });

  it('orders by deploymentOrder, then unlisted components by name; without an order keeps the recipe order', () => {
    const items = [{ name: 'c' }, { name: 'a' }, { name: 'b' }, { name: 'd' }];
    expect(orderComponents(items, ['d', 'b', 'x']).map((i) => i.name)).toEqual(['d', 'b', 'a', 'c']);
    expect(orderComponents(items, []).map((i) => i.name)).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('bad input', () => {
  it.each([
    [{ componentRefs: [] }, 2, 'recipe must contain at least one component reference'],
    [{ componentRefs: [{ ...certManager, name: 'not-registered' }] }, 3, 'component "not-registered" is not in the component registry'],
    [{ componentRefs: [{ ...certManager, name: 'Bad_Name' }] }, 2, 'invalid component name "Bad_Name": must be a DNS-1123 label'],
    [{ componentRefs: [{ ...certManager, namespace: 'Kube System' }] }, 2, 'invalid namespace of component "cert-manager" "Kube System"'],
    [{ componentRefs: [{ ...certManager, valuesFile: 'components/cert-manager/values-missing.yaml' }] }, 3, 'failed to resolve values for component "cert-manager"'],
    [{ componentRefs: [{ ...certManager, manifestFiles: ['components/cert-manager/manifests/missing.yaml'] }] }, 3, 'manifest "components/cert-manager/manifests/missing.yaml" (from manifestFiles) cannot be read'],
    [{ componentRefs: [{ ...certManager, source: 'ftp://x' }] }, 2, 'invalid chart source "ftp://x"'],
    [{ componentRefs: [{ ...certManager, source: 'https://x/$(id)' }] }, 2, 'invalid chart source'],
    [{ componentRefs: [{ ...certManager, chart: '--evil' }] }, 2, 'invalid chart name "--evil"'],
    [{ componentRefs: [{ ...certManager, version: 'v1"; rm -rf /' }] }, 2, 'invalid chart version'],
  ])('%#: %s', async (document, code, message) => {
    const error = await failure(generate(recipeFile(document)));
    expect(error.message).toContain(message);
    expect(error.exitCode).toBe(code);
    expect(error.hint).toBeTruthy();
  });

  it('rejects manifest basename collisions, pre/post name collisions and kustomize mistakes', async () => {
    const collide = await failure(generate(recipeFile({ componentRefs: [{ ...certManager, manifestFiles: ['components/gpu-operator/manifests/dcgm-exporter.yaml', 'components/cert-manager/manifests/dcgm-exporter.yaml'] }] }), { data: FIXTURE_DATA }));
    expect(collide.message).toContain('manifest basename collision in component "cert-manager"');
    const inject = await failure(generate(recipeFile({ componentRefs: [{ ...certManager, name: 'gpu-operator', namespace: 'gpu-operator', manifestFiles: ['components/gpu-operator/manifests/nvidia-runtime-class.yaml'] }, { ...certManager, name: 'gpu-operator-post' }] }), { data: `${FIXTURE_DATA}` }));
    expect(inject.exitCode).toBe(3); // gpu-operator-post is not in the fixture registry
    const kustomize = await failure(generate(recipeFile({ componentRefs: [{ name: 'my-kustomize-app', namespace: 'my-app', type: 'Kustomize', source: 'https://github.com/x/y.git' }] }), { data: FIXTURE_DATA }));
    expect(kustomize.message).toBe('kustomize component "my-kustomize-app" has no path');
    const mixed = await failure(generate(recipeFile({ componentRefs: [{ name: 'my-kustomize-app', namespace: 'my-app', type: 'Kustomize', source: 'https://github.com/x/y.git', path: 'a', manifestFiles: ['components/gpu-operator/manifests/nvidia-runtime-class.yaml'] }] }), { data: FIXTURE_DATA }));
    expect(mixed.message).toBe('component "my-kustomize-app" has both kustomize (tag/path) and raw manifests; use one');
  });

  it('rejects an injected folder name a declared component already uses', async () => {
    const data = tempDir();
    writeFileSync(join(data, 'registry.yaml'), toYaml({ apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [{ name: 'gpu-operator', displayName: 'g' }, { name: 'gpu-operator-post', displayName: 'p' }] }));
    mkdirSync(join(data, 'components', 'gpu-operator', 'manifests'), { recursive: true });
    writeFileSync(join(data, 'components', 'gpu-operator', 'manifests', 'extra.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n');
    const error = await failure(generate(recipeFile({
      componentRefs: [{ ...certManager, name: 'gpu-operator', namespace: 'gpu-operator', manifestFiles: ['components/gpu-operator/manifests/extra.yaml'] }, { ...certManager, name: 'gpu-operator-post' }],
    }), { data }));
    expect(error.message).toContain('component "gpu-operator" would get an injected "gpu-operator-post" folder, but a component named "gpu-operator-post" is already declared');
  });

  it('skips a manifest-only component whose manifests render empty, with a note', async () => {
    const bundle = await generate(recipeFile({
      componentRefs: [certManager, { name: 'nodewright-customizations', namespace: 'skyhook', type: 'Helm', source: '', overrides: { enabled: 'false' }, manifestFiles: ['components/nodewright-customizations/manifests/no-op.yaml'] }],
    }));
    expect(bundle.plan.folders.map((folder) => folder.dir)).toEqual(['001-cert-manager']);
    expect(bundle.notes).toContain('component "nodewright-customizations": overrides.enabled is not a boolean, treating the component as enabled');
    expect(bundle.notes).toContain('component "nodewright-customizations" skipped: it has no chart source and no manifest that renders to content');
  });
});

describe('folders and manifests', () => {
  it('splits a mixed component into pre, primary and post folders; a chart that ships its Namespace does not create it', async () => {
    const bundle = await generate(fixtureRecipe('mixed-gpu-operator'), { data: FIXTURE_DATA });
    expect(bundle.plan.folders.map((folder) => [folder.dir, folder.kind, folder.ownsNamespace])).toEqual([
      ['001-gpu-operator-pre', 'local', true], ['002-gpu-operator', 'upstream', false], ['003-gpu-operator-post', 'local', false],
    ]);
    expect(fileText(bundle, '001-gpu-operator-pre/install.sh')).not.toContain('--create-namespace');
    expect(fileText(bundle, '003-gpu-operator-post/install.sh')).toContain('--namespace privileged-gpu-operator --create-namespace');
    expect(fileText(bundle, '003-gpu-operator-post/templates/dcgm-exporter.yaml')).toContain('namespace: privileged-gpu-operator\n');
    expect(parse(fileText(bundle, '003-gpu-operator-post/Chart.yaml'))).toEqual({
      apiVersion: 'v2', name: 'gpu-operator-post', description: 'manifests applied after the gpu-operator component (generated by aicr bundle v1.0.0)', type: 'application', version: '25.3.3', appVersion: 'v25.3.3',
    });
  });

  it('removes Helm hook annotations from wrapped manifests and protects literal braces from Helm', async () => {
    // Not at the start of the value: there YAML would read the braces as a flow mapping (refused, see manifest-shape).
    const bundle = await generate(fixtureRecipe('variety'), { data: FIXTURE_DATA, set: ['skyhookcustomizations:profile=v{{ not-a-template }}'] });
    const tuning = fileText(bundle, '002-skyhook-customizations/templates/tuning.yaml');
    expect(tuning).not.toContain('helm.sh/hook');
    expect(tuning).not.toContain('annotations');
    expect(tuning).toContain('profile: v{{ "{{" }} not-a-template }}');
  });
});
