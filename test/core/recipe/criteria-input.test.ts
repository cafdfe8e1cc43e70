// Criteria files: unknown fields name a close known one, node counts are plain digits in range,
// and control characters are refused naming the field.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/catalog.js';
import { runCli } from '../../helpers/cli.js';

function criteriaFile(spec: string): string {
  const path = join(tempDir(), 'criteria.yaml');
  writeFileSync(path, `kind: RecipeCriteria\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  name: x\nspec:\n  service: eks\n${spec}`);
  return path;
}

describe('criteria files', () => {
  it.each([
    ['-1', 'must be >= 0'],
    ['1e9', 'invalid nodes value: 1e9'],
    ['99999999999999999999', 'invalid nodes value: 99999999999999999999'],
    ['0x10', 'invalid nodes value: 0x10'],
    ['0o17', 'invalid nodes value: 0o17'],
    ['1.5', 'spec.nodes must be integer'],
    ['100001', 'must be at most 100000'],
    ['"12"', 'spec.nodes must be integer'],
  ])('refuses nodes: %s with exit 2', async (nodes, message) => {
    const run = await runCli(['recipe', '--criteria', criteriaFile(`  nodes: ${nodes}\n`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('takes a plain node count', async () => {
    const run = await runCli(['recipe', '--criteria', criteriaFile('  nodes: 8\n')]);
    expect([run.code, run.stdout]).toEqual([0, expect.stringContaining('nodes: 8')]);
  });

  it.each([
    ['  serivce: eks\n', 'RecipeCriteria field spec has the unknown field "serivce" (did you mean "service"?)', 'rename it to "service"'],
    ['  acelerator: h100\n', 'unknown field "acelerator" (did you mean "accelerator"?)', 'rename it to "accelerator"'],
    ['  gpu: h100\n', 'unknown field "gpu"', 'remove the field; here RecipeCriteria documents allow "service", "accelerator", "intent", "os", "platform", "nodes"'],
    ['spce:\n  os: ubuntu\n', 'RecipeCriteria document has the unknown field "spce" (did you mean "spec"?)', 'rename it to "spec"'],
  ])('refuses an unknown field %j naming it', async (extra, message, hint) => {
    const run = await runCli(['recipe', '--criteria', criteriaFile(extra)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain(`hint: ${hint}`);
  });

  it('refuses a control character in a field, naming it', async () => {
    const run = await runCli(['recipe', '--criteria', criteriaFile('  os: "ubuntu\\e[2J"\n')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('RecipeCriteria field spec.os holds the control character U+001B');
  });
});
