/** Wrong input ends with its documented exit code (2: invalid input) and names the input as its door spells it. */
import { describe, expect, it } from 'vitest';
import { action, cli, gitlab, scratchDir } from './doors.js';

describe('input-codes', () => {
  it('cli: an unknown flag', () => {
    const run = cli(['recipe', '--servce', 'eks']);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('unknown flag --servce')]);
  });

  it('cli: an output that is a directory', () => {
    const dir = scratchDir('output-dir');
    const run = cli(['recipe', '--service', 'eks', '-o', dir]);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(`--output: ${dir} is a directory`)]);
  });

  it('action: a value outside an input\'s choices', () => {
    const run = action('recipe', { service: 'nope' });
    expect(run.code).toBe(2);
    expect(run.log).toMatch(/::error::[^\n]*input "service" must be one of/);
    expect(run.outputs).toEqual({});
  });

  it('gitlab: a value outside an input\'s choices', () => {
    const run = gitlab('recipe', { service: 'nope' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('input "service" must be one of');
  });
});
