import { describe, expect, it } from 'vitest';
import { diffSnapshots, formatDiffTable, hasDrift, isVolatileReading } from '../../../src/core/snapshot/diff.js';
import type { Snapshot } from '../../../src/core/documents/types.js';

const base: Snapshot = {
  kind: 'Snapshot', apiVersion: 'aicr.run/v1',
  metadata: { timestamp: '2026-03-10T20:05:12Z', version: '0.11.1', 'source-node': 'a' },
  measurements: [
    { type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.33.5-eks-3025e55' } }, { subtype: 'image', data: { 'gpu-operator': 'v25.3.0', coredns: 'v1.11.4' } }] },
    { type: 'GPU', subtypes: [{ subtype: 'smi', data: { driver: '570.86.15', 'gpu-count': 8 } }] },
    { type: 'OS', subtypes: [{ subtype: 'sysctl', data: { '/proc/sys/vm/swappiness': '60', '/proc/sys/fs/file-nr': '3520\t0\t9' } }] },
  ],
};

function copy(snapshot: Snapshot): Snapshot {
  return JSON.parse(JSON.stringify(snapshot)) as Snapshot;
}

describe('diffSnapshots', () => {
  it('finds nothing between a snapshot and itself, whatever the metadata says', () => {
    const target = copy(base);
    target.metadata = { timestamp: '2026-03-11T08:00:00Z', version: '0.12.0', 'source-node': 'b' };
    target.measurements.reverse();
    const diff = diffSnapshots(base, target);
    expect(diff.changes).toEqual([]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, modified: 0, total: 0 });
    expect(hasDrift(diff)).toBe(false);
  });

  it('reports added, removed and modified readings field by field, sorted by path, with upstream\'s fields', () => {
    const target = copy(base);
    target.measurements[0]!.subtypes![0]!.data.version = 'v1.34.1-eks-1';
    delete target.measurements[0]!.subtypes![1]!.data.coredns;
    target.measurements[0]!.subtypes![1]!.data['dcgm-exporter'] = '4.2.3';
    target.measurements[1]!.subtypes!.push({ subtype: 'gpu-0', data: { 'mig-mode.current': 'Enabled' } });
    const diff = diffSnapshots(base, target, { baselineSource: 'before.yaml', targetSource: 'cm://ops/now' });
    expect(diff).toEqual({
      baselineSource: 'before.yaml',
      targetSource: 'cm://ops/now',
      changes: [
        { kind: 'added', severity: 'info', path: 'GPU.gpu-0.mig-mode.current', type: 'GPU', subtype: 'gpu-0', key: 'mig-mode.current', target: 'Enabled' },
        { kind: 'removed', severity: 'info', path: 'K8s.image.coredns', type: 'K8s', subtype: 'image', key: 'coredns', baseline: 'v1.11.4' },
        { kind: 'added', severity: 'info', path: 'K8s.image.dcgm-exporter', type: 'K8s', subtype: 'image', key: 'dcgm-exporter', target: '4.2.3' },
        { kind: 'modified', severity: 'info', path: 'K8s.server.version', type: 'K8s', subtype: 'server', key: 'version', baseline: 'v1.33.5-eks-3025e55', target: 'v1.34.1-eks-1' },
      ],
      summary: { added: 2, removed: 1, modified: 1, total: 4 },
      ignored: 1, // /proc/sys/fs/file-nr
      unavailable: [],
    });
  });

  it('compares canonical text, so the kind of a value is not drift (8 vs "8", JSON vs YAML)', () => {
    const target = copy(base);
    target.measurements[1]!.subtypes![0]!.data['gpu-count'] = '8';
    expect(diffSnapshots(base, target).changes).toEqual([]);
  });

  it('never reports volatile readings: kernel counters, pids, start times, resource usage, Exec* runtime state', () => {
    const systemd = (pid: number, started: string, memory: number, restarts: number): Snapshot => ({
      measurements: [{
        type: 'SystemD',
        subtypes: [{
          subtype: 'containerd.service',
          data: {
            MainPID: pid, ExecMainStartTimestamp: started, ActiveEnterTimestampMonotonic: pid * 10, MemoryCurrent: memory, NRestarts: restarts,
            InvocationID: `inv${pid}`, LimitNOFILE: 1048576,
            ExecStart: `{ path=/usr/bin/containerd ; argv[]=/usr/bin/containerd ; ignore_errors=no ; start_time=[${started}] ; stop_time=[n/a] ; pid=${pid} ; code=(null) ; status=0/0 }`,
            ExecStartPre: `[[/sbin/modprobe [/sbin/modprobe overlay] true 1741636862${pid} 12345 1741636862 12399 ${pid} 1 0]]`,
          },
        }],
      }],
    });
    const before = systemd(1187, 'Mon 2025-03-10 20:01:02 UTC', 2811355136, 0);
    const after = systemd(4242, 'Tue 2025-03-11 08:00:00 UTC', 1000, 3);
    const diff = diffSnapshots(before, after);
    expect(diff.changes).toEqual([]);
    expect(diff.ignored).toBe(6);
    (after.measurements[0]!.subtypes![0]!.data).ExecStart = '{ path=/usr/local/bin/containerd ; argv[]=/usr/local/bin/containerd ; ignore_errors=no ; start_time=[x] ; stop_time=[n/a] ; pid=1 ; code=(null) ; status=0/0 }';
    (after.measurements[0]!.subtypes![0]!.data).LimitNOFILE = 65536;
    expect(diffSnapshots(before, after).changes.map((c) => c.path)).toEqual(['SystemD.containerd.service.ExecStart', 'SystemD.containerd.service.LimitNOFILE']);
    expect(isVolatileReading('OS', '/proc/sys/kernel/random/boot_id')).toBe(true);
    expect(isVolatileReading('OS', '/proc/sys/fs/quota/lookups')).toBe(true);
    expect(isVolatileReading('OS', '/proc/sys/vm/swappiness')).toBe(false);
    expect(isVolatileReading('GPU', 'MainPID')).toBe(false);
  });

  it('filters by measurement type, case-insensitively', () => {
    const target = copy(base);
    target.measurements[0]!.subtypes![0]!.data.version = 'v1.34.1';
    target.measurements[1]!.subtypes![0]!.data.driver = '580.82.07';
    expect(diffSnapshots(base, target, { types: ['gpu'] }).changes.map((c) => c.path)).toEqual(['GPU.smi.driver']);
    expect(diffSnapshots(base, target, { types: ['K8s', 'OS'] }).changes.map((c) => c.path)).toEqual(['K8s.server.version']);
  });

  it('notes sources that were unavailable on either side; their readings count as removed or added', () => {
    const target = copy(base);
    target.measurements[1] = { type: 'GPU', unavailable: { reason: 'nvidia-smi not found on PATH' } };
    target.measurements[2]!.unavailable = { reason: '1 of 4 OS sources unavailable (kmod)', subtypes: { kmod: '/proc/modules does not exist' } };
    const diff = diffSnapshots(base, target);
    expect(diff.summary).toEqual({ added: 0, removed: 2, modified: 0, total: 2 });
    expect(diff.unavailable).toEqual([
      { type: 'OS', side: 'target', reason: '/proc/modules does not exist', subtype: 'kmod' },
      { type: 'GPU', side: 'target', reason: 'nvidia-smi not found on PATH' },
    ]);
    const both = diffSnapshots(target, target);
    expect(both.unavailable.map((n) => n.side)).toEqual(['both', 'both']);
    expect(formatDiffTable(both)).toBe([
      'NO CHANGES',
      'unavailable in both (not compared): OS.kmod: /proc/modules does not exist',
      'unavailable in both (not compared): GPU: nvidia-smi not found on PATH',
      '', 'NO DRIFT', '',
    ].join('\n'));
  });

  it('reads legacy `name` subtypes and skips null entries', () => {
    const legacy = { measurements: [null, { type: 'OS', subtypes: [{ name: 'release', data: { ID: 'ubuntu' } }] }] } as unknown as Snapshot;
    const modern: Snapshot = { measurements: [{ type: 'OS', subtypes: [{ subtype: 'release', data: { ID: 'ubuntu' } }] }] };
    expect(diffSnapshots(legacy, modern).changes).toEqual([]);
  });
});

describe('formatDiffTable', () => {
  it('prints upstream\'s layout: counts, KIND/PATH/BASELINE/TARGET rows with - for absent values, the verdict', () => {
    const target = copy(base);
    target.measurements[1]!.subtypes![0]!.data.driver = '580.82.07';
    delete target.measurements[0]!.subtypes![1]!.data.coredns;
    expect(formatDiffTable(diffSnapshots(base, target))).toBe([
      'CHANGES (0 added, 1 removed, 1 modified)',
      'KIND      PATH               BASELINE   TARGET',
      '----      ----               --------   ------',
      'MODIFIED  GPU.smi.driver     570.86.15  580.82.07',
      'REMOVED   K8s.image.coredns  v1.11.4    -',
      '',
      'DRIFT DETECTED',
      '',
    ].join('\n'));
    expect(formatDiffTable(diffSnapshots(base, base))).toBe('NO CHANGES\n\nNO DRIFT\n');
  });
});
