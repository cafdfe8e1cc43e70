/** The workflow harness itself: expressions, conditions, matrices, GITHUB_ENV and refusals. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, interpolate, matrixCombinations, parseCommandFile, runWorkflow } from '../helpers/workflow-harness.js';

const workflowFile = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'aicr-harness-')), 'workflow.yml');
  writeFileSync(file, text);
  return file;
};

describe('workflow harness', () => {
  it('evaluates the expressions the examples use, as GitHub does (case-insensitive strings, || defaults, !)', () => {
    const context = { inputs: { environment: '', flag: true }, steps: { a: { outputs: { x: 'V' }, outcome: 'skipped' } }, env: { E: 'e' }, matrix: {}, github: {} };
    expect(evaluate("inputs.environment || 'prod'", context)).toBe('prod');
    expect(evaluate('!inputs.flag', context)).toBe(false);
    expect(evaluate("steps.a.outputs.x == 'v'", context)).toBe(true);
    expect(evaluate("always() && steps.a.outcome != 'skipped'", context)).toBe(false);
    expect(evaluate('steps.missing.outputs.x', context)).toBe(null);
    expect(interpolate('clusters/${{ env.E }}/${{ steps.a.outputs.x }}', context)).toBe('clusters/e/V');
    expect(() => evaluate('secretz.TOKEN', context)).toThrow(/unknown context "secretz"/);
    expect(() => evaluate('hashFiles(\'x\')', context)).toThrow(/hashFiles\(\) is not supported/);
  });

  it('expands strategy.matrix with include and exclude', () => {
    expect(matrixCombinations({ os: ['a', 'b'], v: [1, 2], exclude: [{ os: 'b', v: 2 }], include: [{ os: 'a', extra: 'x' }, { os: 'c', v: 3 }] })).toEqual([
      { os: 'a', v: '1', extra: 'x' }, { os: 'a', v: '2', extra: 'x' }, { os: 'b', v: '1' }, { os: 'c', v: '3' },
    ]);
    expect(matrixCombinations(undefined)).toEqual([{}]);
  });

  it('reads KEY=value lines and heredoc blocks of GITHUB_ENV and GITHUB_OUTPUT', () => {
    expect(parseCommandFile('A=1\nB<<EOF\nline 1\nline 2\nEOF\nC=x=y\n')).toEqual({ A: '1', B: 'line 1\nline 2', C: 'x=y' });
  });

  it('runs bash steps in order with GITHUB_ENV and step outputs, skips on failure unless always(), and refuses unknown actions', async () => {
    const [job] = await runWorkflow(workflowFile(`on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - id: one
        run: |
          echo "GREETING=hello" >> "$GITHUB_ENV"
          echo "value=42" >> "$GITHUB_OUTPUT"
      - id: two
        env:
          FROM_STEP: \${{ steps.one.outputs.value }}
        run: test "$GREETING $FROM_STEP" = "hello 42" && false
      - id: skipped
        run: echo never
      - id: cleanup
        if: always()
        run: echo "cleanup after \${{ steps.two.outcome }}"
`));
    expect(job!.steps.map((s) => s.outcome)).toEqual(['success', 'failure', 'skipped', 'success']);
    expect(job!.step('cleanup').log).toContain('cleanup after failure');
    expect(job!.ok).toBe(false);
    await expect(runWorkflow(workflowFile(`on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: someone/else@v1
`))).rejects.toThrow(/someone\/else@v1 is not this repository's action; stub it/);
    await expect(runWorkflow(workflowFile(`on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: nvidia/aicr/actions/recipe@v1
        with:
          servise: eks
`))).rejects.toThrow(/has no input servise/);
  });

  it('runs ./actions/<x> through the runner contract with matrix values, and fills action.yml defaults', async () => {
    const jobs = await runWorkflow(workflowFile(`on: push
jobs:
  j:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        accelerator: [h100, gb200]
    steps:
      - id: recipe
        uses: ./actions/recipe
        with:
          service: eks
          accelerator: \${{ matrix.accelerator }}
          intent: training
      - env:
          OVERLAYS: \${{ steps.recipe.outputs.applied-overlays }}
        run: test -f recipe.yaml && echo "overlays $OVERLAYS"
`));
    expect(jobs.map((j) => j.matrix)).toEqual([{ accelerator: 'h100' }, { accelerator: 'gb200' }]);
    for (const job of jobs) {
      expect(job.ok, job.steps.map((s) => s.log).join('\n')).toBe(true);
      expect(job.steps[1]!.log).toContain(`${job.matrix.accelerator}-eks-training`);
      expect(job.summary).toContain('recipe');
    }
  });
});
