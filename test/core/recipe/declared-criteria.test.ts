// Criteria values beyond the built-in lists: admitted when an overlay of the loaded catalog
// declares them (upstream #999), listed in the error otherwise, hidden by AICR_CRITERIA_STRICT
// when only a --data catalog declares them.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { catalogFromDir, writeTree } from '../../helpers/catalog.js';
import { thrown } from '../../helpers/errors.js';
import { allowedCriteriaValues, CRITERIA_VALUES, DeclaredCriteria, parseCriteriaValue } from '../../../src/core/criteria.js';
import { lintCatalog } from '../../../src/core/catalog/lint.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { UPSTREAM_RECIPES } from '../../helpers/paths.js';

const overlay = (name: string, criteria: Record<string, string>, base?: string) => ({
  kind: 'RecipeMetadata',
  apiVersion: 'aicr.run/v1beta1',
  metadata: { name },
  spec: { ...(base ? { base } : {}), criteria },
});

/** A --data catalog adding a service and an accelerator of its own. */
function privateCloud(): string {
  return writeTree({
    'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
    'overlays/mycloud.yaml': overlay('mycloud', { service: 'mycloud' }),
    'overlays/mycloud-x1-training.yaml': overlay('mycloud-x1-training', { service: 'mycloud', accelerator: 'x1', intent: 'training' }, 'mycloud'),
  });
}

describe('criteria values as of upstream 2026-08-21', () => {
  it('lists the new services, accelerators, OSes and platforms with the old ones, sorted', () => {
    expect(CRITERIA_VALUES).toEqual({
      service: ['aks', 'bcm', 'eks', 'gke', 'kind', 'lke', 'metal3', 'ocp', 'oke'],
      accelerator: ['a100', 'b200', 'gb200', 'gb300', 'h100', 'h200', 'l40', 'l40s', 'rtx-pro-6000'],
      intent: ['inference', 'training'],
      os: ['amazonlinux', 'cos', 'ol', 'rhel', 'talos', 'ubuntu'],
      platform: ['dynamo', 'kubeflow', 'nim', 'runai', 'slurm'],
    });
  });

  it.each([
    ['service', ' OpenShift ', 'ocp'],
    ['service', 'self-managed', 'any'],
    ['service', 'vanilla', 'any'],
    ['service', 'metal3', 'metal3'],
    ['accelerator', 'RTX-PRO-6000', 'rtx-pro-6000'],
    ['accelerator', 'gb300', 'gb300'],
    ['os', 'al2023', 'amazonlinux'],
    ['os', 'OL', 'ol'],
    ['os', 'talos', 'talos'],
    ['platform', 'runai', 'runai'],
    ['platform', '', 'any'],
  ] as const)('%s %j means %s', (field, raw, value) => {
    expect(parseCriteriaValue(field, raw)).toBe(value);
  });
});

describe('values an overlay of the loaded catalog declares', () => {
  it('are admitted only with that catalog, normalised, and counted embedded when both layers declare them', () => {
    const declared = new DeclaredCriteria();
    declared.declare('service', 'MyCloud', 'external');
    declared.declare('service', 'eks', 'external');
    declared.declare('service', 'eks', 'embedded');
    declared.declare('accelerator', 'any', 'external');
    expect(parseCriteriaValue('service', ' MYCLOUD', 'service', declared)).toBe('mycloud');
    expect(() => parseCriteriaValue('service', 'mycloud')).toThrow('invalid service type: mycloud');
    expect(allowedCriteriaValues('service', declared)).toEqual(['aks', 'bcm', 'eks', 'gke', 'kind', 'lke', 'metal3', 'mycloud', 'ocp', 'oke']);
    expect(declared.values('accelerator')).toEqual([]);
    const strict = declared.withStrict(true);
    expect(strict.values('service')).toEqual(['eks']);
    expect(() => parseCriteriaValue('service', 'mycloud', 'service', strict)).toThrow('invalid service type: mycloud');
  });

  it('resolve a recipe through --data, and the error lists them when a value is wrong', async () => {
    const data = privateCloud();
    const ok = await runCli(['recipe', '--service', 'MyCloud', '--accelerator', 'x1', '--intent', 'training', '--data', data]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('- mycloud-x1-training');
    expect(ok.stdout).toMatch(/criteria:\n\s+service: mycloud\n\s+accelerator: x1\n/);

    const wrong = await runCli(['recipe', '--service', 'mycloud', '--accelerator', 'x2', '--data', data]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('invalid accelerator type: x2');
    expect(wrong.stderr).toContain('hint: --accelerator must be one of: a100, b200, gb200, gb300, h100, h200, l40, l40s, rtx-pro-6000, x1 (or "any")');

    const without = await runCli(['recipe', '--service', 'mycloud']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('hint: --service must be one of: aks, bcm, eks, gke, kind, lke, metal3, ocp, oke (or "any")');
  });

  it('from a --data catalog are refused under AICR_CRITERIA_STRICT, in criteria files too', async () => {
    const data = privateCloud();
    const strict = await runCli(['recipe', '--service', 'mycloud', '--data', data], { env: { PATH: process.env.PATH, AICR_CRITERIA_STRICT: 'true' } });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('invalid service type: mycloud');
    const file = writeTree({ 'criteria.yaml': { kind: 'RecipeCriteria', apiVersion: 'aicr.run/v1', metadata: { name: 'x' }, spec: { service: 'mycloud', accelerator: 'x1', intent: 'training' } } });
    const fromFile = await runCli(['recipe', '--criteria', `${file}/criteria.yaml`, '--data', data]);
    expect([fromFile.code, fromFile.stderr]).toEqual([0, '']);
    const flag = await runCli(['recipe', '--criteria', `${file}/criteria.yaml`, '--data', data, '--criteria-strict']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(`spec.service in ${file}/criteria.yaml must be one of: aks, bcm, eks, gke, kind, lke, metal3, ocp, oke (or "any")`);
  });

  it('are not flagged by the catalog lint; spellings no query can reach are', async () => {
    const catalog = await catalogFromDir(UPSTREAM_RECIPES, writeTree({
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
      'overlays/mycloud.yaml': overlay('mycloud', { service: 'mycloud' }),
      'overlays/loud.yaml': overlay('loud', { service: 'EKS', intent: 'training' }),
      'overlays/alias.yaml': overlay('alias', { service: 'openshift', os: 'al2' }),
    }));
    const problems = lintCatalog(catalog).filter((problem) => problem.message.startsWith('criteria'));
    expect(problems).toEqual([
      { file: 'overlays/alias.yaml', message: 'criteria service: "openshift" is never asked for (a query for it means "ocp") (the overlay can never match)' },
      { file: 'overlays/alias.yaml', message: 'criteria os: "al2" is never asked for (a query for it means "amazonlinux") (the overlay can never match)' },
      { file: 'overlays/loud.yaml', message: 'criteria service: "EKS" is never asked for (a query for it means "eks") (the overlay can never match)' },
    ]);
    expect(renderOptionRefs(thrown(() => parseCriteriaValue('service', 'nope', undefined, catalog.declaredCriteria)).hint!)).toContain('metal3, mycloud, ocp');
  });
});
