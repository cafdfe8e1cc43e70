import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { findShapeProblem } from '../../../src/core/bundle/manifest-shape.js';
import { Template } from '../../../src/core/bundle/template/index.js';
import { ensureYamlParser } from '../../../src/core/documents/index.js';
import { toYaml } from '../../../src/core/serialize.js';

beforeAll(async () => {
  await ensureYamlParser();
});

/** Renders `source` with `data` and says what (if anything) a value did to its shape. */
function check(source: string, data: unknown): string | undefined {
  const { text, spans } = Template.parse(source).render(data);
  return findShapeProblem(text, spans, 'test.yaml')?.reason;
}

const PLAIN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .name }}\ndata:\n  key: value\n';

describe('manifest shape', () => {
  it('accepts a value piped into quote last (one whole double-quoted scalar), and refuses it quoted by hand', () => {
    const quoted = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  key: {{ .v | quote }}\n';
    for (const v of ['core:\n  sleepInterval: 60s\n', '"" # c', 'x\n---\nkind: Secret', '\u0000\u2028']) {
      expect(check(quoted, { v }), JSON.stringify(v)).toBeUndefined();
      const { text } = Template.parse(quoted).render({ v });
      expect(parseAllDocuments(text).map((document) => document.toJS())[0].data.key).toBe(v);
    }
    expect(check('data:\n  key: "{{ .v }}"\n', { v: 'a" # x' })).toBeDefined();
  });

  it('accepts plain values, including ones YAML reads as other types', () => {
    for (const name of ['x', 'h100', 'a b', 'a,b', 'a:b', 'a#b', 'v{{x}}', 'true', '12', '1.5', 'null', '~', '日本']) {
      expect(check(PLAIN, { name }), name).toBeUndefined();
    }
  });

  it.each([
    ['x\n---\nkind: Secret', 'starts a new YAML document'],
    ['x\nnewKey: y', 'continues on another line'],
    ['{a: b}', 'mapping'],
    ['[a, b]', 'list'],
    ['"quoted" # comment', 'quot'],
    ["'x'", 'quot'],
    ['x # comment', 'comment'],
    ['&anchor', 'anchor'],
    ['*alias', 'alias'],
    ['!!binary x', 'tag'],
    ['- x', 'list item'],
    ['a: b', 'key'],
    ['|', 'block'],
    ['>', 'block'],
    ['%x', 'invalid YAML'],
    ['@x', 'invalid YAML'],
  ])('refuses a value %j that changes the structure', (name, reason) => {
    expect(check(PLAIN, { name })).toContain(reason);
  });

  it('refuses a value that breaks out of a quoted scalar', () => {
    const source = 'data:\n  key: "{{ .v }}"\n  other: x\n';
    expect(check(source, { v: 'fine value' })).toBeUndefined();
    expect(check(source, { v: 'a"\nevil: "b' })).toBeDefined();
    expect(check(source, { v: 'a", "b' })).toBeDefined();
  });

  it('accepts multi-line values only inside a block scalar the template opened', () => {
    const block = 'data:\n  script: |\n    {{- .script | nindent 4 }}\n  other: x\n';
    expect(check(block, { script: 'echo one\necho two: three\n# not a comment' })).toBeUndefined();
    // nindent keeps every line inside the block; without it the second line escapes.
    expect(check(block, { script: 'echo one\nother: injected' })).toBeUndefined();
    expect(check('data:\n  script: |\n    {{ .script }}\n  other: x\n', { script: 'echo one\nother: injected' })).toBeDefined();
    expect(check('data:\n  a: {{ .v }}\n', { v: 'one\n    two' })).toContain('another line');
  });

  it('accepts toYaml output that forms whole nodes, also beside template keys', () => {
    const source = 'spec:\n  selector:\n    {{- toYaml .labels | nindent 4 }}\n    fixed: yes\n  tolerations:\n    {{- toYaml .tolerations | nindent 4 }}\n';
    const data = { labels: { 'evil\n---\nkind': 'x: y', b: '- c' }, tolerations: [{ key: 'a', operator: 'Exists' }, 'x\n---\ny'] };
    expect(check(source, data)).toBeUndefined();
    const rendered = Template.parse(source).execute(data);
    expect(parseAllDocuments(rendered).map((doc) => doc.toJS())).toEqual([
      { spec: { selector: { ...data.labels, fixed: 'yes' }, tolerations: data.tolerations } },
    ]);
  });

  it('refuses toYaml output placed so that it spills out of its node', () => {
    expect(check('a:\n  b: {{ toYaml .v }}\n  c: 1\n', { v: { x: 1, y: 2 } })).toBeDefined();
  });

  it('allows a one-line value in a comment, and blank values', () => {
    expect(check('# owner: {{ .v }}\nkind: X\n', { v: 'anything: at # all' })).toBeUndefined();
    expect(check('kind: X\nname: {{ .v }}\n', { v: '' })).toBeUndefined();
    expect(check('kind: X\n  {{ .v }}name: y\n', { v: '\n' })).toContain('moves the text');
  });

  it('checks nothing when no action printed anything', () => {
    expect(findShapeProblem('not: [valid', [], 'x.yaml')).toBeUndefined();
  });

  it('refuses a manifest nested too deeply before the YAML composer recurses', () => {
    const deep = `a: ${'['.repeat(5000)}${']'.repeat(5000)}\nb: {{ .v }}\n`;
    expect(() => check(deep, { v: 'x' })).toThrow(/nests more than 256 levels/);
  });
});

describe('values files are safe by construction', () => {
  const hostile = ['x\n---\nkind: Secret', 'x\nnewKey: y', '{a: b}', '"quoted" # comment', '&anchor', '*alias', '!!tag x', '- x', 'a: b', '|', '>', '%x', '@x', '`x', 'null', 'true', '0x10', '  padded  ', 'tab\there', 'cr\rhere', '\u0085next', '#x', '? x', ': x'];

  it.each(hostile)('toYaml keeps %j a string in its place, as key and as value', (text) => {
    const value = { components: { [text]: text, list: [text, { [text]: [text] }] }, after: 1 };
    const docs = parseAllDocuments(toYaml(value));
    expect(docs).toHaveLength(1);
    expect(docs[0]!.errors).toEqual([]);
    expect(docs[0]!.toJS()).toEqual(value);
  });
});
