import { describe, expect, it } from 'vitest';
import { coerceSetValue, overridesFor, parseGoBool, parseSetFlag, setPath } from '../../../src/core/bundle/set.js';
import { toYaml } from '../../../src/core/serialize.js';
import { AicrError, formatError } from '../../../src/core/errors.js';

describe('--set parsing', () => {
  it('splits on the first ":" and the first "=", so values keep ":" and "="', () => {
    expect(parseSetFlag('gpuoperator:driver.version=570.86.16')).toMatchObject({ key: 'gpuoperator', path: 'driver.version', raw: '570.86.16' });
    expect(parseSetFlag('c:a.b=x:y=z')).toMatchObject({ key: 'c', path: 'a.b', raw: 'x:y=z' });
    expect(parseSetFlag('c:a=1,2,3').raw).toBe('1,2,3');
  });

  it.each([
    ['no-colon=1', "expected 'component:path.to.key=value'"],
    ['c:no-equals', "expected 'component:path.to.key=value'"],
    [':a=1', 'component and path cannot be empty'],
    ['c:=1', 'component and path cannot be empty'],
    ['c:a=', 'value cannot be empty'],
    ['c:a..b=1', 'invalid path segment ""'],
    ['c:{{x}}=1', 'invalid path segment "{{x}}"'],
    ['c:a.-b=1', 'invalid path segment "-b"'],
  ])('rejects %s with the expected form', (text, message) => {
    let error: unknown;
    try {
      parseSetFlag(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AicrError);
    expect((error as AicrError).exitCode).toBe(2);
    expect((error as AicrError).message).toContain(message);
    expect(formatError(error)).toMatch(/^\[INVALID_REQUEST\] --set: invalid (override|path segment) /);
    expect((error as AicrError).hint).toContain('component:path.to.key=value');
  });
});

describe('--set type coercion (Go strconv order: bool, int64, float64, string)', () => {
  const cases: Array<[string, unknown]> = [
    ['true', true], ['false', false], ['True', 'True'], ['yes', 'yes'], ['on', 'on'],
    ['007', 7], ['+5', 5], ['-0', 0], ['42', 42],
    ['1.0', 1], ['1.50', 1.5], ['1e3', 1000], ['1e6', 1e6], ['.5', 0.5], ['5.', 5], ['1_000', 1000], ['0x1p-2', 0.25],
    ['inf', Infinity], ['-Infinity', -Infinity], ['+inf', Infinity], ['NaN', NaN],
    ['99999999999999999999', 1e20], ['1e400', '1e400'], ['0x10', '0x10'], ['0o17', '0o17'], ['0b101', '0b101'],
    ['570.86.16', '570.86.16'], ['v1', 'v1'], ['null', 'null'], ['~', '~'], ['_1', '_1'], ['1__0', '1__0'],
    ['9007199254740993', 9007199254740993n],
  ];
  it.each(cases)('%s', (text, expected) => {
    const value = coerceSetValue(text);
    if (typeof expected === 'number' && Number.isNaN(expected)) expect(Number.isNaN(value)).toBe(true);
    else expect(value).toEqual(expected);
  });

  it('keeps strings that look like other types as strings when written', () => {
    const written = toYaml({ a: coerceSetValue('0x10'), b: coerceSetValue('yes'), c: coerceSetValue('null'), d: coerceSetValue('12:30'), e: coerceSetValue('a: b'), f: coerceSetValue('-0.0') });
    expect(written).toBe("a: '0x10'\nb: 'yes'\nc: 'null'\nd: '12:30'\ne: 'a: b'\nf: -0\n");
  });

  it('parses enabled like strconv.ParseBool', () => {
    for (const text of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(parseGoBool(text)).toBe(true);
    for (const text of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(parseGoBool(text)).toBe(false);
    for (const text of ['yes', 'no', 'off', '']) expect(parseGoBool(text)).toBeUndefined();
  });
});

describe('alias resolution and application order', () => {
  const o = (key: string, path: string, raw: string, order: number) => ({ key, path, raw, order });

  it('merges overrides under every key; on one path the exact name wins, then earlier aliases, then the later flag', () => {
    const all = [
      o('gpuoperator', 'zz.b', '2', 0),
      o('gpu-operator', 'zz.a', '1', 1),
      o('gpuoperator', 'zz.a', 'alias', 2),
      o('second', 'x', 'second', 3),
      o('first', 'x', 'first', 4),
      o('gpu-operator', 'y', 'one', 5),
      o('gpu-operator', 'y', 'two', 6),
      o('other', 'q', '1', 7),
    ];
    const result = overridesFor(all, 'gpu-operator', ['gpuoperator', 'first', 'second']);
    expect(result.map((item) => [item.path, item.raw])).toEqual([['x', 'first'], ['y', 'two'], ['zz.a', '1'], ['zz.b', '2']]);
  });

  it('creates maps on the way and, strictly, refuses to go through a non-map', () => {
    const values: Record<string, unknown> = { list: [1], scalar: 'x', nothing: null };
    setPath(values, 'a.b.c', 1, true);
    setPath(values, 'nothing.x', 2, true);
    expect(values).toMatchObject({ a: { b: { c: 1 } }, nothing: { x: 2 } });
    expect(() => setPath(values, 'list.x', 1, true)).toThrow(/path segment "list" of "list.x" exists but is not a map \(it holds a list\)/);
    expect(() => setPath(values, 'scalar.x', 1, true)).toThrow(/holds the string "x"/);
    setPath(values, 'scalar.x', 1, false);
    expect(values.scalar).toEqual({ x: 1 });
  });

  it('never changes prototypes', () => {
    const values: Record<string, unknown> = {};
    setPath(values, '__proto__.polluted', 'yes', true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(values)).toEqual(['__proto__']);
  });
});

describe('--set path depth', () => {
  it('refuses a path of more than 64 keys with exit 2, and keeps 64', () => {
    const deep = Array.from({ length: 100_000 }, () => 'a').join('.');
    let error: unknown;
    try {
      parseSetFlag(`gpu-operator:${deep}=1`);
    } catch (caught) {
      error = caught;
    }
    expect(formatError(error)).toContain('--set: invalid override "gpu-operator:a.a.a');
    expect(formatError(error)).toContain('the path has 100000 keys, more than 64');
    expect((error as AicrError).exitCode).toBe(2);
    expect(parseSetFlag(`x:${Array.from({ length: 64 }, () => 'a').join('.')}=1`).path.split('.')).toHaveLength(64);
  });
});

