import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplate, Template, TemplateError } from '../../../src/core/bundle/template/index.js';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const render = (source: string, data: unknown = {}) => Template.parse(source).execute(data);

describe('Go text/template subset', () => {
  const data = { Values: { c: { a: 1, b: 2, s: 'x', list: ['p', 'q'], map: { k: 'v', j: 'w' }, empty: '', zero: 0, no: false, nil: null } }, Release: { Namespace: 'ns' } };

  it.each([
    ['{{ .Release.Namespace }}', 'ns'],
    ['{{ .Values.c.missing }}', '<no value>'],
    ['{{ .Values.c.missing.deeper }}', '<no value>'],
    ['{{ .Values.c.nil }}', '<no value>'],
    ['{{ index .Values "c" "a" }}', '1'],
    ['{{ index .Values.c.list 1 }}', 'q'],
    ['{{ $c := index .Values "c" }}{{ $c.s }}', 'x'],
    ['{{ $x := 1 }}{{ $x = 2 }}{{ $x }}', '2'],
    ['{{ if .Values.c.empty }}yes{{ else }}no{{ end }}', 'no'],
    ['{{ if .Values.c.zero }}a{{ else if .Values.c.no }}b{{ else if .Values.c.list }}c{{ end }}', 'c'],
    ['{{ with .Values.c.map }}{{ .k }}{{ end }}', 'v'],
    ['{{ with .Values.c.missing }}x{{ else }}none{{ end }}', 'none'],
    ['{{ range .Values.c.list }}[{{ . }}]{{ end }}', '[p][q]'],
    ['{{ range $k, $v := .Values.c.map }}{{ $k }}={{ $v }};{{ end }}', 'j=w;k=v;'],
    ['{{ range $i, $v := .Values.c.list }}{{ if eq $i 1 }}{{ break }}{{ end }}{{ $v }}{{ end }}', 'p'],
    ['{{ range .Values.c.missing }}x{{ else }}empty{{ end }}', 'empty'],
    ['{{ and .Values.c.a .Values.c.s }}', 'x'],
    ['{{ and .Values.c.zero .Values.c.nope.deeper.x }}', '0'],
    ['{{ or .Values.c.empty .Values.c.s }}', 'x'],
    ['{{ not .Values.c.no }}', 'true'],
    ['{{ eq .Values.c.s "y" "x" }}', 'true'],
    ['{{ ne (toString .Values.c.no) "false" }}', 'false'],
    ['{{ lt .Values.c.a .Values.c.b }} {{ ge .Values.c.a 1 }}', 'true true'],
    ['{{ len .Values.c.list }} {{ len .Values.c.map }} {{ len "héllo" }}', '2 2 6'],
    ['{{ default "d" .Values.c.missing }} {{ default "d" .Values.c.empty }} {{ default "d" .Values.c.zero }} {{ .Values.c.no | default true }}', 'd d 0 false'],
    ['{{ toString .Values.c.map }} {{ toString .Values.c.list }}', 'map[j:w k:v] [p q]'],
    ['{{ printf "%s-%d-%v-%q" "a" 3 .Values.c.list "q" }}', 'a-3-[p q]-"q"'],
    ['{{ print 1 2 "x" 3 }}', '1 2x3'],
    ['x:{{- toYaml .Values.c.map | nindent 2 }}', 'x:\n  j: w\n  k: v'],
    ['{{ toYaml .Values.c.nil }}|{{ toYaml .Values.c.empty }}', "null|''"],
    ['a  {{- " b " -}}  c', 'a b c'],
    ['{{/* a comment */}}x{{- /* trimmed */ -}} y', 'xy'],
    ['{{ (index .Values "c").map.k }}', 'v'],
    ['{{ "tab\\there" }}{{ `raw\\n` }}', 'tab\there' + 'raw\\n'],
    // The functions upstream's manifest renderer adds for chart labels and quoted values.
    ['{{ printf "%s-%s" "gpu-operator" "v26.3.3+up1" | replace "+" "_" | trunc 63 | trimSuffix "-" }}', 'gpu-operator-v26.3.3_up1'],
    ['{{ "abcdef" | trunc 3 }} {{ "abcdef" | trunc -2 }} {{ "ab" | trunc 9 }} {{ "a-" | trimSuffix "-" }}', 'abc ef ab a'],
    ['{{ .Values.c.s | quote }} {{ .Values.c.a | quote }} {{ quote .Values.c.nil }}|{{ "say \\"hi\\"\\n\\ttab\\a" | quote }}', '"x" "1" |"say \\"hi\\"\\n\\ttab\\a"'],
    ['{{ "\\u00a0é\\u2028" | quote }}', '"\\u00a0é\\u2028"'],
  ])('%s', (source, expected) => {
    expect(render(source, data)).toBe(expected);
  });

  it.each([
    ['{{ .Values.c.a.b }}', 1, "can't evaluate field b in type int"],
    ['line1\n{{ index .Values.c.list 5 }}', 2, 'index out of range: 5'],
    ['{{ index .Values.nothing "x" }}', 1, 'index of untyped nil'],
    ['{{ nosuch 1 }}', 1, 'function "nosuch" not defined'],
    ['{{ if .x }}', 1, 'has no {{end}}'],
    ['{{ end }}', 1, 'unexpected {{end}}'],
    ['\n\n{{ template "x" }}', 3, 'not supported'],
    ['{{ "unterminated }}', 1, 'unterminated quoted string'],
    ['{{ $undefined }}', 1, 'undefined variable: $undefined'],
    ['{{ lt 1 "a" }}', 1, 'incompatible types for comparison'],
    ['{{ break }}', 1, 'outside {{range}}'],
  ])('%s fails on line %i', (source, line, message) => {
    let error: unknown;
    try {
      render(source, data);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).line).toBe(line);
    expect((error as TemplateError).message).toContain(message);
  });

  it('turns errors into input errors naming the file and line', () => {
    expect(() => renderTemplate('a\nb\n{{ .Values.c.a.b }}', data, 'components/x/manifests/m.yaml')).toThrow(/components\/x\/manifests\/m.yaml:3: can't evaluate field b/);
  });

  it('caps the output size', () => {
    expect(() => Template.parse('{{ range .n }}xxxxxxxxxx{{ end }}').execute({ n: 10 }, { maxOutputBytes: 50 })).toThrow(/output exceeds 50 bytes/);
  });

  it('renders the catalog kernel-module-params manifest like Helm would', () => {
    const source = readFileSync(join(REPO_ROOT, 'recipes/components/gpu-operator/manifests/kernel-module-params.yaml'), 'utf8');
    const values = { driver: { kernelModuleConfig: { name: 'custom-params' } } };
    const out = render(source, { Values: { 'gpu-operator': values }, Release: { Namespace: 'gpu-operator', Service: 'Helm' }, Chart: { Name: 'gpu-operator', Version: 'v26.3.3+build' } });
    expect(out).toContain('name: custom-params\n  namespace: gpu-operator\n');
    expect(out).toContain('app.kubernetes.io/managed-by: Helm\n');
    expect(out).toContain('helm.sh/chart: gpu-operator-v26.3.3_build\n');
    expect(out).toContain('options nvidia NVreg_GrdmaPciTopoCheckOverride=1');
    const disabled = render(source, { Values: { 'gpu-operator': { driver: { kernelModuleConfig: {} } } }, Release: { Namespace: 'n', Service: 'Helm' }, Chart: { Name: 'g', Version: '1' } });
    expect(disabled.trim()).toBe('');
  });
});

describe('template budgets: a runaway template is an input error (exit 2), never a crash', () => {
  const refused = (source: string, data: unknown = {}): string => {
    try {
      renderTemplate(source, data, 'm.yaml');
    } catch (error) {
      expect(exitCodeFor(error)).toBe(2);
      return formatError(error);
    }
    return expect.fail(`${source} rendered`);
  };

  it.each([
    ['{{ printf "%99999999999d" 1 }}', 'printf width 99999999999 is larger than 1000000'],
    ['{{ printf "%.99999999999f" 1.5 }}', 'printf precision'],
    ['{{ printf "%1000001s" "x" }}', 'printf width 1000001'],
    ['{{ indent 100000 "x" }}', 'indent must be a small non-negative integer'],
    ['{{ nindent -1 "x" }}', 'indent must be a small non-negative integer'],
    ['{{ $x := "ab" }}{{ range 40 }}{{ $x = printf "%s%s" $x $x }}{{ end }}', 'its result exceeds'],
    ['{{ range 2000 }}{{ $x := printf "%1000000d" 1 }}{{ end }}', 'functions produce more than'],
    ['{{ indent 1000 .big }}', 'the indented text would exceed'],
    [`${'{{ if true }}'.repeat(200)}x${'{{ end }}'.repeat(200)}`, 'blocks nest deeper than 100 levels'],
    [`${'{{ if false }}{{ else if false }}'.repeat(150)}{{ end }}`, 'blocks nest deeper'],
    [`{{ ${'('.repeat(5000)}1${')'.repeat(5000)} }}`, 'parentheses nest deeper than 100 levels'],
  ])('%s', (source, message) => {
    expect(refused(source, { big: '\n'.repeat(100_000) })).toContain(message);
  });

  it('keeps widths, precisions and nesting that real manifests use', () => {
    expect(render('{{ printf "%5d|%-4s|%.2f|%05d" 42 "ab" 3.14159 7 }}')).toBe('   42|ab  |3.14|00007');
    expect(render('{{ printf "%.102f" 0.5 }}')).toBe(`0.5${'0'.repeat(101)}`);
    expect(render(`${'{{ if true }}'.repeat(50)}x${'{{ end }}'.repeat(50)}`)).toBe('x');
    expect(render('{{ ((((1)))) }}')).toBe('1');
  });
});

