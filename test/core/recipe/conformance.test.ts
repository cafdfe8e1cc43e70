// The shared conformance cases (../shared/conformance/recipe-cases.yaml) against upstream's
// v0.11.1 data directory, loaded alone. The cases record v0.11.1's catalog (its overlays, chart
// versions and component names), so they hold for that data only: our embedded catalog is now
// upstream's 2026-08-21 import, and running the cases on it, or layering v0.11.1 as --data over
// it, would mix two catalogs the cases never described. test/conformance/leaf-parity.test.ts
// checks the embedded catalog against upstream 2026 instead; the engine is what these cases test.
import { readFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildRecipe } from '../../../src/core/recipe/build.js';
import { anyCriteria, applyCriteria, extractCriteria, hydrateRecipe, select, formatSelection, deploymentOrder, validateDependencies } from '../../../src/core/recipe/index.js';
import { mergeRef } from '../../../src/core/recipe/build.js';
import { loadCatalog } from '../../../src/core/catalog/embedded.js';
import type { Catalog } from '../../../src/core/catalog/catalog.js';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';
import type { ComponentRef, RawCriteria, RecipeResult, Snapshot } from '../../../src/core/documents/types.js';
import { CONFORMANCE_CASES, UPSTREAM_RECIPES } from '../../helpers/paths.js';
import { catalogFromDir, tempDir, writeTree } from '../../helpers/catalog.js';
import { COVERAGE_REJECTED, expectCoverageRejection } from '../../helpers/coverage.js';

const suite = parse(readFileSync(CONFORMANCE_CASES, 'utf8'));
const byId = (list: any[]): Array<[string, any]> => list.map((c) => [c.id, c]);
const criteriaOf = (raw: Record<string, unknown>) =>
  applyCriteria(anyCriteria(), { ...raw, accelerator: (raw.accelerator ?? raw.gpu) as string } as RawCriteria, (f) => f);

function componentsOf(recipe: RecipeResult): Record<string, string | null> {
  return Object.fromEntries(recipe.componentRefs.map((ref) => [ref.name, ref.version ?? null]));
}

function constraintsOf(list: Array<{ name: string; value: string }> | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((c) => [c.name, c.value]));
}

function validationOf(recipe: RecipeResult): unknown {
  if (!recipe.validation) return null;
  const out: Record<string, unknown> = {};
  for (const [phase, body] of Object.entries(recipe.validation)) {
    const entry: Record<string, unknown> = {};
    if (body?.checks) entry.checks = body.checks;
    if (body?.constraints) entry.constraints = constraintsOf(body.constraints);
    if (body?.timeout) entry.timeout = body.timeout;
    out[phase] = entry;
  }
  return out;
}

function expectCase(recipe: RecipeResult, testCase: any): void {
  const expected = testCase.expect;
  if (testCase.normalizedCriteria) expect(recipe.criteria).toEqual(testCase.normalizedCriteria);
  expect(recipe.metadata.appliedOverlays).toEqual(expected.appliedOverlays);
  expect(componentsOf(recipe)).toEqual(expected.components);
  expect(recipe.deploymentOrder).toEqual(expected.deploymentOrder);
  expect(constraintsOf(recipe.constraints)).toEqual(expected.constraints);
  if ('validation' in expected) {
    const actual = validationOf(recipe) as Record<string, Record<string, unknown>> | null;
    // Timeouts are not part of every expectation; compare only what the case states.
    if (actual && expected.validation) for (const [phase, body] of Object.entries(actual)) if (!(expected.validation[phase]?.timeout)) delete body.timeout;
    expect(actual).toEqual(expected.validation);
  }
  if (expected.gpuOperator) {
    const gpu = recipe.componentRefs.find((ref) => ref.name === 'gpu-operator')!;
    const { overrideTopLevelKeys, ...fields } = expected.gpuOperator;
    for (const [field, value] of Object.entries(fields)) expect(gpu[field as keyof ComponentRef], field).toEqual(value);
    if (overrideTopLevelKeys) expect(Object.keys(gpu.overrides ?? {}).sort()).toEqual([...overrideTopLevelKeys].sort());
    else expect(gpu.overrides).toBeUndefined();
  }
}

/** Upstream's v0.11.1 data directory alone: the only catalog the shared cases describe. */
const upstreamV0111 = (): Promise<Catalog> => catalogFromDir(UPSTREAM_RECIPES);

describe('criteria cases on the upstream v0.11.1 catalog', () => {
  it.each(byId(suite.cases))('%s', async (_id, testCase: any) => {
    const catalog = await upstreamV0111();
    if (COVERAGE_REJECTED[testCase.id]) return expectCoverageRejection(testCase.id, () => buildRecipe(catalog, criteriaOf(testCase.criteria)));
    expectCase(buildRecipe(catalog, criteriaOf(testCase.criteria)), testCase);
  });
});

describe('criteria-file cases', () => {
  // The CLI test (test/cli/recipe.test.ts) reads these files on the embedded catalog; here the
  // engine answers them on the catalog they were written against: the file's criteria, then flags.
  it.each(['ok-criteria-partial', 'ok-criteria-flag-override'])('%s', async (id) => {
    const testCase = suite.errorCases.find((c: { id: string }) => c.id === id);
    const fromFile = criteriaOf(testCase.input.criteriaFile.spec);
    const criteria = applyCriteria(fromFile, testCase.input.flags ?? {}, (f) => f);
    const catalog = await upstreamV0111();
    if (COVERAGE_REJECTED[id]) return expectCoverageRejection(id, () => buildRecipe(catalog, criteria));
    const recipe = buildRecipe(catalog, criteria);
    expect(recipe.metadata.appliedOverlays).toEqual(testCase.expect.appliedOverlays);
    if (testCase.expect.criteria) expect(recipe.criteria).toEqual(testCase.expect.criteria);
  });
});

describe('snapshot cases (v0.11.1 semantics)', () => {
  it.each(byId(suite.snapshotCases))('%s', async (_id, testCase: any) => {
    const catalog = await upstreamV0111();
    const snapshot = testCase.snapshot as Snapshot;
    const criteria = applyCriteria(extractCriteria(snapshot), testCase.flags, (f) => f);
    if (COVERAGE_REJECTED[testCase.id]) {
      expectCoverageRejection(testCase.id, () => buildRecipe(catalog, criteria, { snapshot }));
      return;
    }
    const recipe = buildRecipe(catalog, criteria, { snapshot });
    const expected = testCase.expectV0111;
    expect(recipe.criteria).toEqual(expected.criteria);
    expect(recipe.metadata.appliedOverlays).toEqual(expected.appliedOverlays);
    expect(recipe.metadata.excludedOverlays).toEqual(expected.excludedOverlays);
    expect(recipe.metadata.constraintWarnings).toEqual(expected.constraintWarnings);
    expect(recipe.componentRefs.map((ref) => ref.name)).toEqual(expected.components);
    expect(constraintsOf(recipe.constraints)).toEqual(expected.constraints);
    expect(recipe.deploymentOrder).toEqual(expected.deploymentOrder);
  });
});

describe('snapshot criteria extraction', () => {
  it.each(byId(suite.snapshotExtractionCases))('%s', (_id, testCase: any) => {
    const criteria = extractCriteria({ measurements: testCase.measurements });
    for (const [field, value] of Object.entries(testCase.expect)) expect(criteria[field as 'service']).toBe(value);
  });
});

describe('query cases', () => {
  it.each(byId(suite.queryCases))('%s', async (_id, testCase: any) => {
    const catalog = await upstreamV0111();
    const criteria = criteriaOf(testCase.criteria);
    if (COVERAGE_REJECTED[testCase.id]) {
      expectCoverageRejection(testCase.id, () => buildRecipe(catalog, criteria));
      return;
    }
    const document = hydrateRecipe(catalog, buildRecipe(catalog, criteria), criteria);
    if (testCase.expect.error) {
      expect(() => select(document, testCase.selector)).toThrow(testCase.expect.error);
      return;
    }
    const value = select(document, testCase.selector);
    expect(value).toEqual(testCase.expect.value);
    if (testCase.expect.cliStdout !== undefined) expect(formatSelection(value, 'yaml')).toBe(testCase.expect.cliStdout);
  });
});

describe('synthetic cases', () => {
  const cases = new Map<string, any>(byId(suite.syntheticCases));
  const get = (id: string) => {
    const testCase = cases.get(id);
    cases.delete(id);
    return testCase;
  };

  it.each(['u-topo-diamond', 'u-topo-no-deps', 'u-topo-smallest-ready-first'])('%s', (id) => {
    const testCase = get(id);
    validateDependencies(testCase.componentRefs);
    expect(deploymentOrder(testCase.componentRefs)).toEqual(testCase.expect.deploymentOrder);
  });

  it.each(['u-deps-unknown', 'u-deps-self-cycle', 'u-deps-three-cycle'])('%s', (id) => {
    const testCase = get(id);
    const innermost = testCase.expect.error.replace(/^.*\] /, '');
    expect(() => validateDependencies(testCase.componentRefs)).toThrow(innermost);
  });

  it.each(['u-merge-constraint-override', 'u-merge-constraint-add-sorted', 'u-merge-ref-inherit', 'u-merge-manifests-additive', 'u-merge-patches-replace', 'u-merge-deps', 'u-merge-overrides-nested', 'u-merge-cleanup-sticky', 'u-merge-validation-phase-replace'])('%s', async (id) => {
    const testCase = get(id);
    // A two-overlay catalog: base, and one overlay matching everything.
    const registry = { apiVersion: 'aicr.nvidia.com/v1alpha1', kind: 'ComponentRegistry', components: [] };
    const withDeps = (refs: any[] = []) => refs.map((ref) => ({ ...ref, dependencyRefs: undefined }));
    const dir = writeTree({
      'registry.yaml': registry,
      'overlays/base.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { name: 'base' }, spec: { ...testCase.base, componentRefs: withDeps(testCase.base.componentRefs) } },
      'overlays/overlay.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { name: 'overlay' }, spec: { criteria: {}, ...testCase.overlay, componentRefs: withDeps(testCase.overlay.componentRefs) } },
    });
    const recipe = buildRecipe(await catalogFromDir(dir), anyCriteria());
    const expected = testCase.expect;
    if (expected.constraints) expect(recipe.constraints).toEqual(expected.constraints);
    if (expected.validation) expect(recipe.validation).toEqual(expected.validation);
    if (expected.componentRefs) {
      for (const want of expected.componentRefs) expect(recipe.componentRefs.find((r) => r.name === want.name)).toMatchObject(want);
    }
    // dependencyRefs/overrides merge semantics: we follow newer upstream (additive, deep).
    const merged = mergeRef(testCase.base.componentRefs?.[0] ?? { name: 'x' }, testCase.overlay.componentRefs?.[0] ?? { name: 'x' });
    if (expected.newerUpstream?.dependencyRefs) expect(merged.dependencyRefs).toEqual(expected.newerUpstream.dependencyRefs);
    if (expected.newerUpstream?.overrides) expect(merged.overrides).toEqual(expected.newerUpstream.overrides);
  });

  it.each(['u-registry-defaults-helm', 'u-registry-defaults-kustomize', 'u-registry-defaults-explicit-type'])('%s', async (id) => {
    const testCase = get(id);
    const dir = writeTree({
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [testCase.registry] },
      'overlays/base.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: 'base' }, spec: { componentRefs: [testCase.ref] } },
      'overlays/all.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: 'all' }, spec: { criteria: {} } },
    });
    const recipe = buildRecipe(await catalogFromDir(dir), anyCriteria());
    expect(recipe.componentRefs[0]).toEqual({ source: '', ...testCase.expect });
  });

  it.each(['u-inherit-missing-parent', 'u-inherit-cycle'])('%s', async (id) => {
    const testCase = get(id);
    const files: Record<string, unknown> = {
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
      'overlays/base.yaml': { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: 'base' }, spec: {} },
    };
    for (const overlay of testCase.overlays) {
      files[`overlays/${overlay.name}.yaml`] = { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: overlay.name }, spec: { base: overlay.base, criteria: overlay.criteria } };
    }
    const catalog = await catalogFromDir(writeTree(files));
    const innermost = testCase.expect.error.split('] ').pop();
    let message = '';
    try {
      buildRecipe(catalog, criteriaOf(testCase.criteria));
    } catch (error) {
      message = formatError(error);
    }
    expect(message).toContain('failed to resolve inheritance chain');
    expect(message).toContain(innermost);
  });

  it('u-external-custom-overlay: the misspelled key upstream ignores is refused here, with a suggestion', async () => {
    const external = writeTree(get('u-external-custom-overlay').dataDir);
    const error = await loadCatalog(external).catch((e: unknown) => e);
    expect(formatError(error)).toContain('RecipeMetadata field spec has the unknown field "components" (did you mean "componentRefs"?)');
    expect(exitCodeFor(error)).toBe(2);
  });

  it.each(['u-external-registry-add'])('%s', async (id) => {
    const testCase = get(id);
    const external = writeTree(testCase.dataDir);
    // The case's data directory layered over v0.11.1's (the catalog it was written against).
    const catalog = await catalogFromDir(UPSTREAM_RECIPES, external);
    const recipe = buildRecipe(catalog, criteriaOf(testCase.criteria));
    const reference = buildRecipe(await upstreamV0111(), criteriaOf(testCase.criteria));
    if (testCase.expect.appliedOverlays) expect(recipe.metadata.appliedOverlays).toEqual(testCase.expect.appliedOverlays);
    else expect(recipe.metadata.appliedOverlays).toEqual(reference.metadata.appliedOverlays);
    expect(recipe.componentRefs).toEqual(reference.componentRefs);
    if (id === 'u-external-registry-add') {
      const names = catalog.registry.components.map((c) => c.name);
      expect(names.slice(0, -1)).toHaveLength(19);
      expect(names.at(-1)).toBe('custom-operator');
    }
  });

  it.each(['u-mixin-compose', 'u-mixin-conflict', 'u-mixin-missing'])('%s', async (id) => {
    const testCase = get(id);
    const root = tempDir();
    cpSync(join(UPSTREAM_RECIPES, 'registry.yaml'), join(root, 'registry.yaml'));
    cpSync(join(UPSTREAM_RECIPES, 'overlays', 'base.yaml'), join(root, 'overlays', 'base.yaml'));
    const files: Record<string, unknown> = {};
    for (const mixin of testCase.mixins ?? []) files[`mixins/${mixin.metadata.name}.yaml`] = mixin;
    for (const overlay of testCase.overlays) {
      files[`overlays/${overlay.name}.yaml`] = { kind: 'RecipeMetadata', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { name: overlay.name }, spec: { base: overlay.base, mixins: overlay.mixins, criteria: overlay.criteria } };
    }
    const catalog = await catalogFromDir(writeTree(files, root));
    if (testCase.expect.error) {
      expect(() => buildRecipe(catalog, criteriaOf(testCase.criteria))).toThrow(testCase.expect.error);
      return;
    }
    const recipe = buildRecipe(catalog, criteriaOf(testCase.criteria));
    expect(recipe.metadata.appliedOverlays).toEqual(testCase.expect.appliedOverlays);
    expect(constraintsOf(recipe.constraints)).toEqual(testCase.expect.constraints);
    expect(recipe.deploymentOrder).toEqual(testCase.expect.deploymentOrder);
    expect(recipe.componentRefs.find((r) => r.name === 'kubeflow-trainer')).toEqual(testCase.expect.kubeflowTrainer);
    expect(JSON.stringify(recipe)).not.toContain('mixins');
  });

  it('u-wildcard-sibling-overlay', async () => {
    const testCase = get('u-wildcard-sibling-overlay');
    const external = writeTree({
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
      ...Object.fromEntries(testCase.overlays.map((o: any) => [`overlays/${o.name}.yaml`, { kind: 'RecipeMetadata', apiVersion: 'aicr.run/v1beta1', metadata: { name: o.name }, spec: { base: o.base, criteria: o.criteria } }])),
    });
    const recipe = buildRecipe(await catalogFromDir(UPSTREAM_RECIPES, external), criteriaOf(testCase.criteria));
    expect(recipe.metadata.appliedOverlays).toEqual(testCase.expect.appliedOverlays);
  });

  it('covers every synthetic case', () => {
    expect([...cases.keys()]).toEqual([]);
  });
});
