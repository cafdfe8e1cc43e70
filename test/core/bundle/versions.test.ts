import { describe, expect, it } from 'vitest';
import { chartVersion, exactVersion, indexVersion } from '../../../src/core/bundle/versions.js';

describe('chart versions', () => {
  it.each([
    ['v25.10.1', '25.10.1'],
    ['1.2.3', '1.2.3'],
    ['v1.2.3-rc.1+build.7', '1.2.3-rc.1+build.7'],
    [' v2.0.0 ', '2.0.0'],
  ])('%j is the exact version %j', (text, exact) => {
    expect(exactVersion(text)).toBe(exact);
    expect(chartVersion(text)).toBe(exact);
    expect(indexVersion(text)).toBe(exact);
  });

  it.each(['>=1.2 <2', '1.x', '', 'latest', 'v1.2', '01.2.3', 'main'])('%j is not an exact version: charts fall back to 0.1.0, lookups keep it as written', (text) => {
    expect(exactVersion(text)).toBeUndefined();
    expect(chartVersion(text)).toBe('0.1.0');
    expect(indexVersion(text)).toBe(text);
  });
});
