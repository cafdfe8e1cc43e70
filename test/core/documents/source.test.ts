// The fast block-YAML reader must yield exactly what the full YAML parser yields (or decline),
// and every input path must report lines and number texts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlSubset } from '../../../src/core/documents/yaml-subset.js';
import { parseSource } from '../../../src/core/documents/source.js';
import { toYaml } from '../../../src/core/serialize.js';
import { REPO_ROOT, SHARED, UPSTREAM_EXAMPLES } from '../../helpers/paths.js';

/** What the YAML fallback (documents/yaml-source.ts) makes of a text: the value, or ERROR when it refuses it. */
function fullParse(text: string): unknown {
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  if (doc.errors.length) return 'ERROR';
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return 'ERROR';
  }
}

function expectSameAsFullParser(text: string): boolean {
  const fast = parseYamlSubset(text, 'doc.yaml');
  if (!fast) return false;
  const full = fullParse(text);
  if (full === 'ERROR' || !isDeepStrictEqual(fast.value, full)) {
    throw new Error(`fast reader disagrees with the YAML library on:\n${text}\nfast: ${JSON.stringify(fast.value)}\nfull: ${JSON.stringify(full)}`);
  }
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

describe('fast YAML reader agrees with the YAML library', () => {
  it('on every YAML file of the catalog, upstream data and our fixtures', () => {
    const ours = [...yamlFiles(join(REPO_ROOT, 'recipes')), ...yamlFiles(join(REPO_ROOT, 'test', 'fixtures'))];
    // Manifests (Go templates) and health checks (Chainsaw files, block scalars) are texts the
    // engine hands on; the 2026 catalog has 90 of them. The rest are the documents it reads as data.
    const isData = (file: string) => !/[\\/](manifests|checks)[\\/]/.test(file);
    let accepted = 0;
    for (const file of ours) if (expectSameAsFullParser(readFileSync(file, 'utf8')) && isData(file)) accepted++;
    // Upstream's trees (comments, block scalars, anchors) must agree too, wherever the subset takes them.
    for (const file of yamlFiles(join(SHARED, 'upstream'))) expectSameAsFullParser(readFileSync(file, 'utf8'));
    // Most of our data documents are in the subset: the fast path is the common path, not a curiosity.
    const data = ours.filter(isData);
    expect(data.length).toBeGreaterThan(150);
    expect(accepted / data.length).toBeGreaterThan(0.8);
  });

  it('on anything our own YAML writer produces', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.constantFrom(0.5, 12.1, -3.25, 0, -1, 2 ** 64),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('a\nb', 'x\n', ' lead\ntext\n\n', 'true', '12.10', '- x', 'a: b', '#c', ''),
    );
    const { node } = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })) }));
    let accepted = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), node, { minKeys: 1 }), fc.constantFrom(2, 4), (value, indent) => {
        if (expectSameAsFullParser(toYaml(value, { indent }))) accepted++;
      }),
      { numRuns: 600 },
    );
    // Not vacuous: a good share of the generated documents take the fast path (about 1 in 5).
    expect(accepted).toBeGreaterThan(40);
  });

  // Random documents from tricky fragments: whatever the fast reader accepts, the YAML library
  // must read the same way (the reverse is not required: declining is always safe).
  const keys = ['a', 'b', 'name', 'value', '"q k"', "'s''q'", 'x y', 'a:b', '-x', 'true', '1', '12.10', '__proto__', 'a#b', '/proc/sys/x', 'a.b', '? x', '[a]', '&a k', 'null', 'k ', '"a"', 'é'];
  const scalars = [
    'x', 'hello world', '12.10', '007', '-5', '0x1F', '1e3', '.inf', '+1', 'true', 'True', 'yes', '~', 'null', '', "'s'", "'it''s'", '"d\\"q"', '"\\u00e9"',
    '"\\x41"', '"\\q"', '"unterminated', "'unterminated", '{}', '[]', '[a]', '{a: b}', '&a x', '*a', '!!str 1', '|', '|-', '|+', '|2', '|1-', '>', 'a #c', 'a#b',
    '# c', '- x', ': x', '-x', 'a: b', 'a:', 'http://x', '"a" b', "'a' #c", '`x', '@x', '%x', '1.0', '0', '-0', '0.50', '2024-01-02', '"12.10"', ' lead', 'trail ',
    '"\\t"', "''", '""', '-', '?', ':', '1_000', '0o17', '.5', '5.', '1e', 'a\u00a0b',
  ];
  const line = fc
    .tuple(fc.constantFrom(0, 0, 1, 2, 2, 3, 4, 4, 6), fc.constantFrom('map', 'map', 'seq', 'seqmap', 'text', 'comment', 'blank', 'docstart'), fc.constantFrom(...keys), fc.constantFrom(...scalars))
    .map(([indent, kind, key, scalar]) => {
      const pad = ' '.repeat(indent);
      switch (kind) {
        case 'map':
          return scalar === '' ? `${pad}${key}:` : `${pad}${key}: ${scalar}`;
        case 'seq':
          return `${pad}- ${scalar}`;
        case 'seqmap':
          return `${pad}- ${key}: ${scalar}`;
        case 'text':
          return `${pad}${scalar}`;
        case 'comment':
          return `${pad}# note`;
        case 'blank':
          return '';
        default:
          return '---';
      }
    });

  it('on random documents built from tricky fragments', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 9 }), fc.boolean(), (lines, finalBreak) => {
        if (expectSameAsFullParser(lines.join('\n') + (finalBreak ? '\n' : ''))) accepted++;
      }),
      { numRuns: 6000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it('on literal blocks with every header and chomping', () => {
    const headers = ['|', '|-', '|+', '|2', '|2-', '|-2', '|+1', '|1+', '|  # c'];
    const bodies = [['  a', '  b'], ['  a', '', '  b', ''], ['    deep', '  a'], ['  a', '', ''], ['   a', '  b'], ['  # not a comment', '  x']];
    const tails = ['', 'next: 1', '  - x', '# c', 'k: |\n  z'];
    for (const header of headers) {
      for (const body of bodies) {
        for (const tail of tails) {
          for (const owner of ['key: ', '- ', '- k: ']) {
            const text = `${owner}${header}\n${body.map((b) => (owner.startsWith('- k') && b ? `  ${b}` : b)).join('\n')}\n${tail}\n`;
            expectSameAsFullParser(text);
          }
        }
      }
    }
  });

  it('declines what it does not handle', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: {b: 1}\n', 'a: >\n  folded\n', 'a: b\n  continued\n', 'a: 1\na: 2\n', '\ta: 1\n', 'a: 0x1F\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\r\n']) {
      expect(parseYamlSubset(text, 'x'), text).toBeUndefined();
    }
  });
});

describe('positions and number texts', () => {
  it('points at each constraint of the upstream example recipe (fast path)', async () => {
    const text = readFileSync(join(UPSTREAM_EXAMPLES, 'recipe-eks-gb200-ubuntu-training-with-validation.yaml'), 'utf8');
    const source = await parseSource(text, 'recipe.yaml');
    const lines = text.split('\n');
    for (let i = 0; i < 4; i++) {
      const at = source.locate(['constraints', i]);
      expect(lines[at.line! - 1]).toMatch(/^ {2}- name: /);
      expect(source.locate(['constraints', i, 'value']).line).toBe(at.line! + 1);
    }
    expect(source.locate(['constraints', 0])).toMatchObject({ file: 'recipe.yaml', line: 37, column: 5, path: 'constraints[0]' });
    // A missing path points at its nearest existing ancestor, like the shared parser.
    expect(source.locate(['nosuch', 3]).line).toBe(source.locate([]).line);
  });

  const variants: Array<[string, string]> = [
    ['block YAML (fast path)', 'constraints:\n  - name: a\n    value: 12.10\n  - name: b\n    value: True\nreadings:\n  n: 18446744073709551615\n'],
    ['flow YAML (full parser)', 'constraints: [{name: a, value: 12.10},\n  {name: b, value: True}]\nreadings: {n: 18446744073709551615}\n'],
    ['JSON', '{\n  "constraints": [{"name": "a", "value": 12.10},\n    {"name": "b", "value": true}],\n  "readings": {"n": 18446744073709551615}\n}\n'],
  ];
  it.each(variants)('%s: lines of entries and texts of numbers', async (_label, text) => {
    const source = await parseSource(text, 'doc');
    expect(source.scalarText(['constraints', 0, 'value'])).toBe('12.10');
    expect(source.scalarText(['readings', 'n'])).toBe('18446744073709551615');
    expect(source.scalarText(['constraints', 0, 'name'])).toBeUndefined();
    const lines = text.split('\n');
    expect(lines[source.locate(['constraints', 1]).line! - 1]).toMatch(/name"?: "?b/);
    expect(lines[source.locate(['readings', 'n']).line! - 1]).toContain('18446744073709551615');
  });

  it('reads escaped JSON keys and strings while scanning for number texts', async () => {
    const source = await parseSource('{"a\\"b": {"c\\\\": 1.50, "d": "x\\"y,]}", "e": [1, 2.0]}}', 'x.json');
    expect(source.value).toEqual({ 'a"b': { 'c\\': 1.5, d: 'x"y,]}', e: [1, 2] } });
    expect(source.scalarText(['a"b', 'c\\'])).toBe('1.50');
    expect(source.scalarText(['a"b', 'e', 1])).toBe('2.0');
    expect(source.locate(['a"b', 'e'])).toMatchObject({ line: 1, column: 45 }); // the list's opening bracket
  });

  it('reports the shared parser\'s errors with file and line', async () => {
    await expect(parseSource('a: 1\na: 2\n', 'dup.yaml')).rejects.toThrow(/dup\.yaml:2:1: malformed YAML/);
    await expect(parseSource('{"a": [}', 'bad.json')).rejects.toThrow(/bad\.json:1:\d+: malformed YAML/);
  });
});
