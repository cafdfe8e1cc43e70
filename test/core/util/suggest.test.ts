import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../../src/core/util/suggest.js';

describe('did you mean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('spce', 'spec')).toBe(1);
    expect(editDistance('serivce', 'service')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest known name, or none when nothing is near', () => {
    const fields = ['service', 'accelerator', 'intent', 'os', 'platform', 'nodes'];
    expect(closestName('serivce', fields)).toBe('service');
    expect(closestName('Nodes', fields)).toBe('nodes');
    expect(closestName('acelerator', fields)).toBe('accelerator');
    expect(closestName('zzz', fields)).toBeUndefined();
    expect(closestName('components', ['constraints', 'componentRefs'])).toBe('componentRefs');
    expect(closestName('gpu', fields)).toBeUndefined();
  });
});
