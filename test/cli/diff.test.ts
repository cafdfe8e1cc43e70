import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';
import { upstreamMockSnapshot } from '../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'aicr-diff-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const baseline = file('baseline.yaml', `kind: Snapshot
apiVersion: aicr.nvidia.com/v1alpha1
metadata:
  source-node: node-a
  timestamp: "2026-03-10T20:05:12Z"
  version: 0.11.1
measurements:
  - type: K8s
    subtypes:
      - subtype: server
        data:
          version: v1.33.5-eks-3025e55
      - subtype: image
        data:
          gpu-operator: v25.3.0
          coredns: v1.11.4-eksbuild.2
  - type: GPU
    subtypes:
      - subtype: smi
        data:
          driver: 570.86.15
          gpu-count: 8
  - type: OS
    subtypes:
      - subtype: sysctl
        data:
          /proc/sys/kernel/ns_last_pid: "12952"
          /proc/sys/vm/swappiness: "60"
`);

// The same node a day later, written as JSON by another tool: new timestamp and pid counter, a driver upgrade,
// an added image, a removed one.
const target = file('target.json', JSON.stringify({
  kind: 'Snapshot', apiVersion: 'aicr.run/v1',
  metadata: { 'source-node': 'node-a', timestamp: '2026-03-11T08:00:00Z', version: '0.12.0' },
  measurements: [
    { type: 'OS', subtypes: [{ subtype: 'sysctl', data: { '/proc/sys/kernel/ns_last_pid': '99120', '/proc/sys/vm/swappiness': '60' } }] },
    { type: 'GPU', subtypes: [{ subtype: 'smi', data: { driver: '580.82.07', 'gpu-count': 8 } }] },
    { type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.33.5-eks-3025e55' } }, { subtype: 'image', data: { 'gpu-operator': 'v25.3.0', 'dcgm-exporter': '4.2.3' } }] },
  ],
}, null, 2));

describe('aicr diff', () => {
  it('reports added, removed and modified readings as YAML by default (upstream\'s result shape)', async () => {
    const result = await runCli(['diff', '--baseline', baseline, '--target', target]);
    expect(result.code, result.stderr).toBe(0);
    const diff = parse(result.stdout);
    expect(diff.baselineSource).toBe(baseline);
    expect(diff.targetSource).toBe(target);
    expect(diff.changes.map((c: { kind: string; path: string }) => `${c.kind} ${c.path}`)).toEqual([
      'modified GPU.smi.driver', 'removed K8s.image.coredns', 'added K8s.image.dcgm-exporter',
    ]);
    expect(diff.changes[0]).toEqual({ kind: 'modified', severity: 'info', path: 'GPU.smi.driver', type: 'GPU', subtype: 'smi', key: 'driver', baseline: '570.86.15', target: '580.82.07' });
    expect(diff.summary).toEqual({ added: 1, removed: 1, modified: 1, total: 3 });
    expect(diff.ignored).toBe(1);
    expect(result.stderr).toContain('snapshot diff: 1 added, 1 removed, 1 modified (1 volatile readings ignored)');
  });

  it('--fail-on-drift exits 11 on drift and 0 without; timestamps and metadata are never drift', async () => {
    const drift = await runCli(['diff', '-b', baseline, '--target', target, '--fail-on-drift', '--format', 'json']);
    expect(drift.code).toBe(11);
    expect(JSON.parse(drift.stdout).summary.total).toBe(3);
    expect(drift.stderr).toContain('error: drift detected: 3 change(s) found');
    const same = file('same.yaml', readFileSync(baseline, 'utf8').replace('2026-03-10T20:05:12Z', '2030-01-01T00:00:00Z').replace('node-a', 'node-b').replace('12952', '1'));
    const none = await runCli(['diff', '-b', baseline, '--target', same, '--fail-on-drift', '-t', 'table']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('NO CHANGES\n\nNO DRIFT\n');
  });

  it('filters by measurement type and prints upstream\'s table', async () => {
    const result = await runCli(['diff', '-b', baseline, '--target', target, '--type', 'gpu', '-t', 'table']);
    expect(result.stdout).toBe([
      'CHANGES (0 added, 0 removed, 1 modified)',
      'KIND      PATH            BASELINE   TARGET',
      '----      ----            --------   ------',
      'MODIFIED  GPU.smi.driver  570.86.15  580.82.07',
      '',
      'DRIFT DETECTED',
      '',
    ].join('\n'));
    const k8s = await runCli(['diff', '-b', baseline, '--target', target, '--type', 'K8s,OS', '-t', 'json']);
    expect(JSON.parse(k8s.stdout).changes.map((c: { path: string }) => c.path)).toEqual(['K8s.image.coredns', 'K8s.image.dcgm-exporter']);
  });

  it('reads one side from stdin and writes the result to a file', async () => {
    const out = join(dir, 'out', 'diff.json');
    const result = await runCli(['diff', '-b', '-', '--target', target, '-t', 'json', '-o', out], { stdin: readFileSync(baseline, 'utf8') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).baselineSource).toBe('<stdin>');
  });

  it('compares upstream snapshots that have no kind/apiVersion and a legacy subtype', async () => {
    const upstream = upstreamMockSnapshot();
    const result = await runCli(['diff', '-b', upstream, '--target', upstream, '--fail-on-drift']);
    expect(result.code, result.stderr).toBe(0);
    expect(parse(result.stdout).summary.total).toBe(0);
  });

  it('rejects bad input with the documented codes and a hint', async () => {
    const cases: Array<[string[], number, string]> = [
      [['--target', target], 2, '--baseline: is required'],
      [['-b', baseline], 2, '--target: is required'],
      [['-b', '-', '--target', '-'], 2, 'cannot both read standard input'],
      [['-b', baseline, '--target', target, '--type', 'TPU'], 2, '--type: unknown measurement type "TPU"'],
      [['-b', baseline, '--target', target, '--format', 'csv'], 2, '--format: "csv" is not one of yaml, json, table'],
      [['-b', baseline, '--target', target, '-o', 'cm://ns/x'], 2, '--output: a diff can only be written to a file or standard output'],
      [['-b', join(dir, 'missing.yaml'), '--target', target], 3, 'file not found'],
      [['-b', file('bad.yaml', 'kind: Snapshot\napiVersion: aicr.run/v1\nmeasurements: [{subtypes: []}]\n'), '--target', target], 2, 'is missing the required field "type"'],
      [['-b', baseline, '--target', 'cm://Bad/x'], 2, 'invalid namespace "Bad"'],
    ];
    for (const [argv, code, message] of cases) {
      const result = await runCli(['diff', ...argv]);
      expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(code);
      expect(result.stderr).toContain(message);
    }
  });

  it('runs from the built CLI bundle with the same exit codes', () => {
    expect(runBin(['diff', '-b', baseline, '--target', target, '--fail-on-drift']).code).toBe(11);
    expect(runBin(['diff', '-b', baseline, '--target', baseline, '--fail-on-drift']).code).toBe(0);
  });
});
