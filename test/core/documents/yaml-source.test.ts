// The YAML fallback (documents outside the fast subset and JSON): one library parse per
// document gives value, positions and number texts, and duplicate keys are found in linear time.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as YAML from 'yaml';
import { ensureYamlParser, parseDocumentSync } from '../../../src/core/documents/parse.js';
import { parseSource } from '../../../src/core/documents/source.js';
import { exitCodeFor, formatError, type AicrError } from '../../../src/core/errors.js';

/** The options of every composer the reader made (it parses with the library's Parser and Composer). */
const composed = vi.hoisted(() => [] as unknown[]);

// The library as is, with its entry points wrapped so the tests can count the parses.
vi.mock('yaml', async (importOriginal) => {
  const actual = await importOriginal<typeof YAML>();
  class CountingComposer extends actual.Composer {
    constructor(options?: ConstructorParameters<typeof actual.Composer>[0]) {
      super(options);
      composed.push(options);
    }
  }
  const wrapped = { ...actual, Composer: CountingComposer, parse: vi.fn(actual.parse), parseDocument: vi.fn(actual.parseDocument), parseAllDocuments: vi.fn(actual.parseAllDocuments) };
  // CommonJS shape: `default` is the whole library, and the reader takes it from there.
  return { ...wrapped, default: wrapped };
});

const parses = (): number => composed.length + vi.mocked(YAML.parseDocument).mock.calls.length + vi.mocked(YAML.parseAllDocuments).mock.calls.length + vi.mocked(YAML.parse).mock.calls.length;

beforeEach(() => {
  composed.length = 0;
  vi.mocked(YAML.parseDocument).mockClear();
  vi.mocked(YAML.parseAllDocuments).mockClear();
  vi.mocked(YAML.parse).mockClear();
});

async function rejection(text: string, origin = 'doc.yaml'): Promise<AicrError> {
  return parseSource(text, origin).then(
    () => expect.fail('expected the document to be refused'),
    (error: AicrError) => error,
  );
}

/** A mapping of `count` keys, outside the fast subset through one flow mapping. */
function bigMapping(count: number): string {
  const lines = ['flow: {a: 1}'];
  for (let i = 0; i < count; i++) lines.push(`k${i}: ${i}.50`);
  return lines.join('\n') + '\n';
}

describe('YAML fallback', () => {
  it('parses once, and answers positions and number texts from that one parse', async () => {
    const text = 'constraints: [{name: a, value: 12.10},\n  {name: b, value: True}]\nreadings: &r {n: 18446744073709551615}\ncopy: *r\n';
    const source = await parseSource(text, 'doc.yaml');
    expect(source.scalarText(['constraints', 0, 'value'])).toBe('12.10');
    expect(source.scalarText(['constraints', 1, 'value'])).toBe('True');
    expect(source.scalarText(['readings', 'n'])).toBe('18446744073709551615');
    expect(source.scalarText(['constraints', 0, 'name'])).toBeUndefined();
    expect(source.locate(['readings', 'n'])).toMatchObject({ line: 3, column: 15 });
    expect(source.itemPositions(['constraints'])).toEqual([{ line: 1, column: 15 }, { line: 2, column: 3 }]);
    expect(parses()).toBe(1);
    expect(composed[0]).toMatchObject({ uniqueKeys: false, version: '1.2' });
  });

  it('parses once for the catalog loader, and JSON needs no YAML parse at all', async () => {
    await ensureYamlParser();
    const parsed = parseDocumentSync('kind: RecipeMetadata\nspec: {criteria: {service: eks}}\n', 'recipes/overlays/x.yaml', { syntax: 'yaml' });
    expect(parsed.value).toEqual({ kind: 'RecipeMetadata', spec: { criteria: { service: 'eks' } } });
    expect(parsed.locate(['spec', 'criteria', 'service'])).toMatchObject({ line: 2, column: 19 });
    expect(parses()).toBe(1);
    const json = parseDocumentSync('{\n  "a": [1,\n    2.50]\n}', 'x.json');
    expect(json.locate(['a', 1])).toMatchObject({ line: 3, column: 5 });
    expect(parses()).toBe(1);
  });

  it('reads a mapping of 20,000 keys with the library\'s quadratic key check off, and finds a duplicate at its end', async () => {
    const text = bigMapping(20_000);
    const source = await parseSource(text, 'big.yaml');
    expect(Object.keys(source.value as object)).toHaveLength(20_001);
    expect(source.scalarText(['k19999'])).toBe('19999.50');
    expect(source.locate(['k19999']).line).toBe(20_001);
    expect(parses()).toBe(1);
    // The library compares every key with all before it unless uniqueKeys is false; ours is one lookup per key.
    expect(composed[0]).toMatchObject({ uniqueKeys: false });

    const error = await rejection(`${text}k7: again\n`, 'big.yaml');
    expect(error.message).toBe('big.yaml:20002:1: malformed YAML: duplicate key "k7" (first at line 9)');
    expect(error.location).toMatchObject({ file: 'big.yaml', line: 20_002, column: 1 });
    expect(exitCodeFor(error)).toBe(2);
  });

  it('reports duplicate keys with their line in flow mappings, under anchors and in nested mappings', async () => {
    const flow = await rejection('a: 1\nb: {x: 1,\n  y: 2, x: 3}\n');
    expect(formatError(flow)).toContain('doc.yaml:3:9: malformed YAML: duplicate key "x" (first at line 2)');
    const anchored = await rejection('base: &b\n  name: a\nother: *b\nlist:\n  - k: 1\n    j: [1]\n    k: 2\n');
    expect(anchored.message).toBe('doc.yaml:7:5: malformed YAML: duplicate key "k" (first at line 5)');
    // Equal values are equal keys, as in the library: 1 and 1.0 are one number (a string "1" is not).
    expect((await rejection('? [x]\n: 1\n1: a\n1.0: b\n')).message).toContain('doc.yaml:4:1: malformed YAML: duplicate key "1"');
    expect((await parseSource('{1: a, "1": b}', 'doc.yaml')).value).toEqual({ 1: 'b' });
    expect(exitCodeFor(anchored)).toBe(2);
  });

  it('reports whichever problem comes first: a syntax error or a duplicate key', async () => {
    expect((await rejection('a: {b: 1}\na: 2\nc: [unclosed\n')).message).toMatch(/^doc\.yaml:2:1: malformed YAML: duplicate key "a"/);
    expect((await rejection('a: [unclosed\nb: {c: 1}\nb: 2\n')).message).not.toContain('duplicate');
  });

  it('keeps the alias limits', async () => {
    const many = `a: &a [x]\n${Array.from({ length: 101 }, (_, i) => `b${i}: *a`).join('\n')}\n`;
    const error = await rejection(many);
    expect(error.hint).toContain('may expand at most 100 times');
    expect(exitCodeFor(error)).toBe(2);
  });

  it('points the items of a list reached through an alias at the alias', async () => {
    const source = await parseSource('base: &l [a, b]\nconstraints: *l\n', 'doc.yaml');
    expect(source.itemPositions(['constraints'])).toEqual([{ line: 2, column: 14 }, { line: 2, column: 14 }]);
  });
});
