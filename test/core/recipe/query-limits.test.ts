import { describe, expect, it } from 'vitest';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';
import { select } from '../../../src/core/recipe/query.js';

describe('query selector limits', () => {
  it('refuses a selector of 100,000 keys with exit 2 before walking it', () => {
    let error: unknown;
    try {
      select({ a: {} }, Array.from({ length: 100_000 }, () => 'a').join('.'));
    } catch (caught) {
      error = caught;
    }
    expect(formatError(error)).toContain('--selector: has 100000 keys, more than 264');
    expect(exitCodeFor(error)).toBe(2);
  });

  it('still walks ordinary selectors and reports a missing key as not found (3)', () => {
    expect(select({ a: { b: 1 } }, '.a.b')).toBe(1);
    let error: unknown;
    try {
      select({ a: {} }, 'a.x');
    } catch (caught) {
      error = caught;
    }
    expect(exitCodeFor(error)).toBe(3);
  });
});
