// End to end in core: a recipe produced by the recipe stage, validated against upstream's
// example snapshots and our passing and failing fixtures; and the bad-input cases.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/core/load.js';
import { AicrError } from '../../../src/core/errors.js';
import { silentLogger } from '../../../src/core/logger.js';
import { discardOutputs } from '../../../src/core/options/outputs.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { readOptions, type RawValue } from '../../../src/core/options/values.js';
import { resolveRecipe } from '../../../src/core/recipe/index.js';
import { toYaml, toJson } from '../../../src/core/serialize.js';
import { validateRecipe } from '../../../src/core/validate/index.js';
import { VALIDATE_OPTIONS } from '../../../src/core/validate/options.js';
import { runValidateStep, type ValidateStepResult } from '../../../src/core/validate/step.js';
import { tempDir } from '../../helpers/catalog.js';
import { FIXTURES, UPSTREAM_EXAMPLES, upstreamMockSnapshot } from '../../helpers/paths.js';

interface ValidateRequest {
  recipe: string;
  snapshot: string;
  /** `--phase` values as given (repeatable, comma-separated). */
  phases?: string[];
}

/**
 * The validate stage as users run it: the option texts read as the command line reads them,
 * then the validate step (documents loaded, constraints evaluated; no report files).
 */
async function runValidation(request: ValidateRequest): Promise<ValidateStepResult> {
  const raw: Record<string, RawValue> = { recipe: request.recipe, snapshot: request.snapshot, phase: request.phases };
  const values = readOptions(VALIDATE_OPTIONS, 'cli', (property) => raw[property]);
  return runValidateStep(values, { logger: silentLogger, outputs: discardOutputs, env: {}, workspace: tempDir('aicr-validate-ws-') });
}

const fixture = (name: string) => join(FIXTURES, 'validate', name);
const upstream = (name: string) => join(UPSTREAM_EXAMPLES, name);

async function stageRecipe(format: 'yaml' | 'json' = 'yaml'): Promise<string> {
  const { recipe } = await resolveRecipe({ criteria: { service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu' } });
  const file = join(tempDir('aicr-validate-e2e-'), `recipe.${format}`);
  writeFileSync(file, format === 'json' ? toJson(recipe) : toYaml(recipe));
  return file;
}

const statuses = (report: { constraints: Array<{ name: string; status: string }> }) => Object.fromEntries(report.constraints.map((c) => [c.name, c.status]));

describe('a recipe from the recipe stage', () => {
  it.each([
    ['upstream mock snapshot (no sysctl)', upstreamMockSnapshot(), 'partial', { passed: 3, failed: 0, skipped: 1 }],
    ['upstream agent structure (subtypes without data)', upstream('snapshot-agent-structure-assert.yaml'), 'partial', { passed: 0, failed: 0, skipped: 4 }],
    ['our passing fixture', fixture('snapshot-eks-h100-pass.yaml'), 'pass', { passed: 4, failed: 0, skipped: 0 }],
    ['our failing fixture', fixture('snapshot-eks-h100-fail.yaml'), 'fail', { passed: 0, failed: 4, skipped: 0 }],
  ])('against the %s', async (_label, snapshot, status, counts) => {
    for (const format of ['yaml', 'json'] as const) {
      const { report } = await runValidation({ recipe: await stageRecipe(format), snapshot });
      expect(report.status).toBe(status);
      expect(report.summary).toEqual({ constraints: 4, ...counts });
      expect(report.phases.map((p) => p.status)).toEqual(['skipped', 'skipped', 'skipped']);
      for (const result of report.constraints) expect(result.location.line).toBeGreaterThan(1);
    }
  });

  it('names the missing parts and the failed expectations', async () => {
    const mock = await runValidation({ recipe: await stageRecipe(), snapshot: upstreamMockSnapshot() });
    expect(mock.report.constraints.find((c) => c.status === 'skipped')).toMatchObject({
      name: 'OS.sysctl./proc/sys/kernel/osrelease',
      message: 'subtype "sysctl" not found in the OS measurement',
    });
    const failing = await runValidation({ recipe: await stageRecipe(), snapshot: fixture('snapshot-eks-h100-fail.yaml') });
    expect(failing.report.constraints.map((c) => c.message)).toEqual([
      'expected >= 1.32.4, got v1.30.4-eks-1234567',
      'expected ubuntu, got rocky',
      'expected 24.04, got 9.4',
      'expected >= 6.8, got 5.15.0-1050-aws',
    ]);
  });

  it('validates the upstream example recipe and lists its declared checks', async () => {
    const { report } = await runValidation({ recipe: upstream('recipe-eks-gb200-ubuntu-training-with-validation.yaml'), snapshot: fixture('snapshot-eks-h100-pass.yaml'), phases: ['conformance,deployment'] });
    expect(report.status).toBe('pass');
    expect(report.phases.map((p) => [p.phase, p.checks, p.constraints])).toEqual([
      ['conformance', [], []],
      ['deployment', ['expected-resources'], ['gpu-operator.version']],
    ]);
  });
});

describe('our extensions on our fixtures', () => {
  it('passes the extended recipe on the passing node (systemd units, unquoted numbers)', async () => {
    const { report } = await runValidation({ recipe: fixture('recipe-extended.yaml'), snapshot: fixture('snapshot-eks-h100-pass.yaml') });
    expect(report.summary).toEqual({ constraints: 8, passed: 8, failed: 0, skipped: 0 });
    expect(report.constraints.find((c) => c.name === 'GPU.smi.cuda-version')).toMatchObject({ expected: '12.10', actual: '12.10' });
  });

  it('fails and skips on the failing node without stopping at the first failure', async () => {
    const { report } = await runValidation({ recipe: fixture('recipe-extended.yaml'), snapshot: fixture('snapshot-eks-h100-fail.yaml') });
    expect(statuses(report)).toEqual({
      'K8s.server.version': 'failed',
      'OS.release.ID': 'failed',
      'OS.sysctl./proc/sys/kernel/osrelease': 'failed',
      'SystemD.containerd.service.ActiveState': 'skipped',
      'SystemD[kubelet.service].SubState': 'skipped',
      'GPU.smi.cuda-version': 'skipped',
      'GPU.smi.gpu-count': 'skipped',
      'OS.kmod.nvidia': 'skipped',
    });
    expect(report.status).toBe('fail');
  });

  it('lists only the requested phases; readiness alone lists none', async () => {
    const recipe = fixture('recipe-extended.yaml');
    const snapshot = fixture('snapshot-eks-h100-pass.yaml');
    expect((await runValidation({ recipe, snapshot, phases: ['readiness'] })).report.phases).toEqual([]);
    expect((await runValidation({ recipe, snapshot, phases: ['performance', 'all'] })).report.phases.map((p) => p.phase)).toEqual(['deployment', 'performance', 'conformance']);
    expect((await runValidation({ recipe, snapshot, phases: ['conformance', 'deployment', 'conformance'] })).report.phases.map((p) => p.phase)).toEqual(['conformance', 'deployment']);
  });
});

describe('bad input', () => {
  const failure = async (request: Parameters<typeof runValidation>[0]): Promise<AicrError> => {
    try {
      await runValidation(request);
    } catch (error) {
      if (error instanceof AicrError) return error;
      throw error;
    }
    throw new Error('expected a failure');
  };
  const dir = tempDir('aicr-validate-bad-');
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('refuses a snapshot of the wrong kind (a recipe passed as --snapshot)', async () => {
    const error = await failure({ recipe: fixture('recipe-extended.yaml'), snapshot: fixture('recipe-extended.yaml') });
    expect(error.exitCode).toBe(2);
    expect(renderOptionRefs(error.message)).toBe(`${fixture('recipe-extended.yaml')}: --snapshot: invalid kind "RecipeResult", expected "Snapshot"`);
    expect(renderOptionRefs(error.hint ?? '')).toContain('pass the snapshot (aicr snapshot output) here and the recipe to --recipe');
    expect(error.location).toMatchObject({ line: 3 });
  });

  it('refuses a snapshot passed as --recipe', async () => {
    const error = await failure({ recipe: fixture('snapshot-mixed.yaml'), snapshot: fixture('snapshot-mixed.yaml') });
    expect(error.exitCode).toBe(2);
    expect(renderOptionRefs(error.message)).toBe(`${fixture('snapshot-mixed.yaml')}: --recipe: invalid kind "Snapshot", expected "RecipeResult"`);
    expect(renderOptionRefs(error.hint ?? '')).toBe('pass the recipe (aicr recipe output) here and the snapshot to --snapshot');
  });

  it('refuses empty snapshots', async () => {
    const recipe = fixture('recipe-extended.yaml');
    expect((await failure({ recipe, snapshot: write('empty.yaml', '') })).message).toContain('the Snapshot document is empty');
    expect((await failure({ recipe, snapshot: write('comments.yaml', '# nothing here\n') })).message).toContain('the Snapshot document is empty');
    const none = await failure({ recipe, snapshot: write('none.yaml', 'kind: Snapshot\napiVersion: aicr.run/v1\nmeasurements: []\n') });
    expect(none.message).toContain('the snapshot has no measurements');
    expect(none.exitCode).toBe(2);
  });

  it('reports "nothing to validate" for a recipe without constraints (not an error, not a pass)', async () => {
    const { report } = await runValidation({ recipe: fixture('recipe-no-constraints.yaml'), snapshot: fixture('snapshot-mixed.yaml') });
    expect(report.status).toBe('partial');
    expect(report.summary).toEqual({ constraints: 0, passed: 0, failed: 0, skipped: 0 });
    expect(report.notes[0]).toContain('nothing to validate');
  });

  it('names the recipe file and line of every malformed constraint', async () => {
    const error = await failure({ recipe: fixture('recipe-malformed.yaml'), snapshot: fixture('snapshot-mixed.yaml') });
    const file = fixture('recipe-malformed.yaml');
    expect(error.exitCode).toBe(2);
    expect(error.location).toMatchObject({ file, line: 9 });
    expect(error.message).toContain('has 3 malformed constraints');
    expect(error.message).toContain(`${file}:9: constraint K8s.server.version: unknown operator "=>" in "=> 1.30"`);
    expect(error.message).toContain(`${file}:11: constraint OS.release.VERSION_ID: "twenty-four" is not a version, but >= compares versions`);
    expect(error.message).toContain(`${file}:12: invalid measurement type in constraint path "Gpu.smi.driver": Gpu`);
    expect(error.hint).toContain('use one of >=, <=, >, <, ==, !=');
  });

  it('rejects missing inputs, both inputs on stdin, and unknown phases', async () => {
    expect(renderOptionRefs((await failure({ recipe: '', snapshot: 'x' })).message)).toBe('--recipe: is required');
    expect(renderOptionRefs((await failure({ recipe: 'x', snapshot: '' })).message)).toBe('--snapshot: is required');
    expect(renderOptionRefs((await failure({ recipe: '-', snapshot: '-' })).message)).toBe('--recipe and --snapshot cannot both read standard input');
    const phase = await failure({ recipe: 'x', snapshot: 'y', phases: ['deployment,deploy'] });
    expect(phase.exitCode).toBe(2);
    expect(renderOptionRefs(phase.message)).toBe('--phase: "deploy" is not one of readiness, deployment, performance, conformance, all');
    // The stage itself checks the phases it is given too (names are lower-case there).
    const [recipe, snapshot] = await Promise.all([
      loadDocument('RecipeResult', fixture('recipe-extended.yaml'), { option: 'recipe' }),
      loadDocument('Snapshot', fixture('snapshot-mixed.yaml'), { option: 'snapshot' }),
    ]);
    let direct: unknown;
    try {
      validateRecipe(recipe, snapshot, ['Deployment']);
    } catch (error) {
      direct = error;
    }
    expect(direct).toBeInstanceOf(AicrError);
    expect(renderOptionRefs((direct as AicrError).message)).toBe('--phase: invalid phase "Deployment": must be one of: readiness, deployment, performance, conformance, all');
  });

  it('reports a missing file as not found (exit 3) and a recipe that is not a mapping as invalid', async () => {
    const missing = await failure({ recipe: join(dir, 'nope.yaml'), snapshot: fixture('snapshot-mixed.yaml') });
    expect(missing.exitCode).toBe(3);
    const list = await failure({ recipe: write('list.yaml', '- a\n- b\n'), snapshot: fixture('snapshot-mixed.yaml') });
    expect(list.message).toContain('expected a RecipeResult mapping, found a list');
  });

  it('gives a clean input error for hostile nesting (JSON and YAML), never a crash', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const json = await failure({ recipe: fixture('recipe-extended.yaml'), snapshot: write('deep.json', `{"measurements":[{"type":"OS","subtypes":[{"subtype":"x","data":{"k":${deep}}}]}]}`) });
    expect(json.exitCode).toBe(2);
    const yaml = await failure({ recipe: fixture('recipe-extended.yaml'), snapshot: write('deep.yaml', 'measurements:\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i + 2) + '- ').join('\n') + 'x\n') });
    expect(yaml.exitCode).toBe(2);
  });

  it('refuses list and map readings with the line of the value', async () => {
    const error = await failure({ recipe: fixture('recipe-extended.yaml'), snapshot: write('lists.yaml', 'kind: Snapshot\napiVersion: aicr.run/v1\nmeasurements:\n  - type: OS\n    subtypes:\n      - subtype: x\n        data:\n          l: [a, b]\n') });
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(':8:');
  });
});
