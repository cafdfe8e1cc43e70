import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { formatString, sortKeysDeep, toJson, toYaml } from '../../src/core/serialize.js';

const plainData = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('true', 'no', '~', '1.10', '0x1f', '24.04', '>= 1.32.4', '- a', 'a: b', 'a #b', '\n', ' x\n y', 'a\n\n', '\n a', '2026-01-01', '"q"', "'s'", '@x', '', ' '),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('true', '1', 'a: b', '- x', '')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('toYaml', () => {
  it('round-trips arbitrary plain data through a real YAML parser', () => {
    fc.assert(
      fc.property(plainData, fc.constantFrom(2, 4), (value, indent) => {
        const text = toYaml(value, { indent });
        expect(parse(text, { version: '1.2', schema: 'core', uniqueKeys: false })).toEqual(value);
        // YAML 1.1 readers (Helm, PyYAML) must read the same strings.
        expect(parse(text, { version: '1.1', uniqueKeys: false })).toEqual(value);
      }),
      { numRuns: 20000 },
    );
  });

  it('writes the upstream recipe layout: sequences indented under their key', () => {
    expect(toYaml({ metadata: { appliedOverlays: ['base', 'eks'] }, empty: [], none: {}, v: '24.04' })).toBe(
      'metadata:\n  appliedOverlays:\n    - base\n    - eks\nempty: []\nnone: {}\nv: \'24.04\'\n',
    );
  });

  it('puts nested mappings in a sequence on the dash line', () => {
    expect(toYaml([{ name: 'a', value: '>= 1.30' }, ['x']])).toBe("- name: a\n  value: '>= 1.30'\n- - x\n");
  });

  it('writes multi-line text as a literal block', () => {
    expect(toYaml({ script: '#!/bin/sh\necho hi\n' })).toBe('script: |\n  #!/bin/sh\n  echo hi\n');
    expect(toYaml({ s: 'a\nb' })).toBe('s: |-\n  a\n  b\n');
  });

  it('sorts keys when asked and leaves insertion order otherwise', () => {
    expect(toYaml({ b: 1, a: { d: 1, c: 2 } }, { sortKeys: true })).toBe('a:\n  c: 2\n  d: 1\nb: 1\n');
    expect(toYaml({ b: 1, a: 2 })).toBe('b: 1\na: 2\n');
  });

  it('skips undefined values', () => {
    expect(toYaml({ a: undefined, b: 1 })).toBe('b: 1\n');
  });

  it('quotes strings that other readers would take for something else', () => {
    for (const text of ['yes', 'No', 'null', '~', '1.0', '010', '.5', '-1', '+1', '', '.', 'e0', 'E5', '.e1', '-.']) {
      expect(formatString(text)).not.toBe(text);
    }
    expect(formatString('gpu-operator')).toBe('gpu-operator');
    expect(formatString('https://helm.ngc.nvidia.com/nvidia')).toBe('https://helm.ngc.nvidia.com/nvidia');
  });
});

describe('toJson', () => {
  it('is indented, newline-terminated and optionally key-sorted', () => {
    expect(toJson({ b: 1, a: [1] }, { sortKeys: true })).toBe('{\n  "a": [\n    1\n  ],\n  "b": 1\n}\n');
  });

  it('sortKeysDeep sorts by code unit, not locale', () => {
    expect(Object.keys(sortKeysDeep({ b: 1, B: 2, a: 3, _: 4 }))).toEqual(['B', '_', 'a', 'b']);
  });
});

describe('documents printed in a CI log', () => {
  const hostile = ['::error::forged', '  ::set-env name=A::1', '\u00a0::warning::x', '\u3000::add-mask::x', 'a\n::error::line two', 'ok\n\t::stop-commands::t\nend', 'x ##[error]legacy', '##[group]g', 'multi\nline ##[set-output name=a]b'];

  it('no line of a YAML or JSON document reads as a workflow command, and the values read back unchanged', () => {
    const value = { key: hostile, ...Object.fromEntries(hostile.map((text, index) => [text, index])) };
    for (const text of [toYaml(value), toJson(value), toYaml(hostile), toJson(hostile)]) {
      for (const line of text.split('\n')) {
        expect(line, line).not.toMatch(/^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*::/);
        expect(line, line).not.toContain('##[');
      }
    }
    expect(parse(toYaml(value))).toEqual(value);
    expect(JSON.parse(toJson(value))).toEqual(value);
    expect(parse(toYaml(hostile))).toEqual(hostile);
  });

  it('keeps literal blocks for ordinary multi-line text', () => {
    expect(toYaml({ s: 'a::b\nc' })).toBe('s: |-\n  a::b\n  c\n');
    expect(toYaml({ s: 'a\n::error::x' })).toBe('s: "a\\n::error::x"\n');
    expect(formatString('##[error]x')).toBe('"##\\u005berror]x"');
  });
});
