import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURES, UPSTREAM_EXAMPLES } from '../helpers/paths.js';
import { thrown } from '../helpers/errors.js';
import { fakeToolsEnv } from '../core/snapshot/fake-tools.js';
import { formatError } from '../../src/core/errors.js';
import { loadSnapshotTemplate, renderSnapshotTemplate } from '../../src/core/snapshot/template.js';
import { simulateAgentJobs } from '../fake-kube/index.js';
import { useFakeCluster } from '../fake-kube/harness.js';

const cluster = useFakeCluster();
const gpuNode = () => fakeToolsEnv({
  'nvidia-smi': { expectArgs: '-q -x', stdoutFile: join(UPSTREAM_EXAMPLES, 'nvidia-smi-q-x-h100x8.xml') },
  systemctl: { stdoutFile: join(FIXTURES, 'snapshot', 'systemctl-show.txt') },
}, { PATH: process.env.PATH, HOME: '/nonexistent' }).env;

/** Upstream's documented template idioms: `.Type.String`, `(index .Data "k").String`, `.Name`, `.Metadata`. */
const REPORT = [
  '# {{ .Kind }} ({{ .APIVersion }})',
  '{{- range .Measurements }}',
  '{{- if eq .Type.String "GPU" }}{{ range .Subtypes }}{{ if eq .Name "smi" }}',
  'gpus: {{ (index .Data "gpu-count").String }} × {{ index .Data "gpu.model" }}{{ end }}{{ end }}{{ end }}',
  '{{- if eq .Type "SystemD" }}',
  'systemd subtypes: {{ len .Subtypes }}{{ end }}',
  '{{- end }}',
  'missing: {{ index .Metadata "nope" }}',
  '',
].join('\n');

function templateFile(text: string, name = 'report.tmpl'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('aicr snapshot --template', () => {
  it('renders upstream-style report templates over the snapshot instead of YAML', async () => {
    const out = join(tempDir(), 'report.md');
    const result = await runCli(['snapshot', '--local', '--template', templateFile(REPORT), '-o', out], { env: gpuNode() });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('# Snapshot (aicr.run/v1)\nsystemd subtypes: 3\ngpus: 8 × NVIDIA H100 80GB HBM3\nmissing: <no value>\n');
    expect(result.stderr).toContain(`report (template `);
    // Standard output, and the same inputs give the same bytes.
    const again = await runCli(['snapshot', '--local', '--template', templateFile(REPORT)], { env: gpuNode() });
    expect(again.stdout).toBe(readFileSync(out, 'utf8'));
  });

  it('renders the agent\'s snapshot the same way', async () => {
    simulateAgentJobs(cluster.fake, { outcome: 'succeed', snapshot: readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8') });
    const result = await runCli(['snapshot', '-k', cluster.kubeconfig, '-n', 'gpu-ops', '--timeout', '20s', '--template', templateFile('{{ range .Measurements }}{{ .Type }} {{ end }}\n')], { env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^K8s SystemD OS GPU/);
  });

  it.each([
    ['a syntax error, with its line', 'line one\n{{ if }}\n', /--template: \S+report\.tmpl:2: missing value for command/],
    ['an execution error, with its line', 'ok\n\n{{ .Kind.Foo }}\n', /--template: \S+report\.tmpl:3: can't evaluate field Foo in type string/],
    ['a reading compared without .String', '{{ range .Measurements }}{{ range .Subtypes }}{{ range .Data }}{{ if eq . "x" }}{{ end }}{{ end }}{{ end }}{{ end }}', /--template: \S+:1: error calling eq: incompatible types for comparison/],
    ['define, which the interpreter leaves out', '{{ define "x" }}{{ end }}', /--template: \S+report\.tmpl:1: /],
  ])('refuses %s (exit 2), writing nothing', async (_what, text, message) => {
    const out = join(tempDir(), 'report.md');
    const result = await runCli(['snapshot', '--local', '--template', templateFile(text), '-o', out], { env: gpuNode() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses json or table format, a ConfigMap output, and files that are no template (exit 2) before collecting', async () => {
    const good = templateFile('{{ .Kind }}\n');
    const cases: Array<[string[], string]> = [
      [['--template', good, '--format', 'json'], '--template requires YAML format; --format must be "yaml" or omitted'],
      [['--template', good, '-o', 'cm://default/report'], '--template does not support ConfigMap output'],
      [['--template', '/non/existent.tmpl'], '--template: /non/existent.tmpl does not exist'],
      [['--template', tempDir()], 'is not a regular file'],
      [['--template', templateFile('x'.repeat(1024 * 1024 + 1))], 'bytes, more than 1048576'],
      [['--template', templateFile('a\u0000b')], 'is not text (it holds a NUL byte)'],
      [['--template', '../outside.tmpl'], '--template: ../outside.tmpl is outside the working directory'],
    ];
    for (const [flags, message] of cases) {
      const result = await runCli(['snapshot', '--local', ...flags], { env: gpuNode() });
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr, flags.join(' ')).not.toContain('readings from');
    }
    const latin1 = join(tempDir(), 'latin1.tmpl');
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    expect((await runCli(['snapshot', '--local', '--template', latin1], { env: gpuNode() })).stderr).toContain('is not UTF-8 text');
  });

  it('keeps a relative path inside the working directory, symbolic links included', () => {
    const workspace = tempDir();
    const outside = templateFile('{{ .Kind }}');
    mkdirSync(join(workspace, 'templates'));
    writeFileSync(join(workspace, 'templates', 'ok.tmpl'), '{{ .Kind }} {{ len .Measurements }}');
    symlinkSync(outside, join(workspace, 'templates', 'link.tmpl'));
    const loaded = loadSnapshotTemplate('templates/ok.tmpl', workspace);
    expect(renderSnapshotTemplate(loaded, { kind: 'Snapshot', measurements: [{ type: 'K8s', subtypes: [] }] })).toBe('Snapshot 1');
    expect(formatError(thrown(() => loadSnapshotTemplate('templates/link.tmpl', workspace)))).toContain('templates/link.tmpl is a symbolic link that leads outside the working directory');
    expect(formatError(thrown(() => loadSnapshotTemplate('templates/../../x.tmpl', workspace)))).toContain('is outside the working directory');
    // An absolute path is the user's own choice.
    expect(loadSnapshotTemplate(outside, workspace).path).toBe(outside);
  });
});
