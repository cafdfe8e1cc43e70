/**
 * Snapshot stage, local mode and drift:
 * - cold start of `aicr snapshot` on a "GPU node" (nvidia-smi and systemctl on PATH answering from
 *   the 8×H100 and systemctl fixtures, this machine's real /proc) against `node -e 0`;
 * - warm local collection in-process (OS + SystemD + GPU, concurrently) against the bare cost of
 *   the same work: reading the same /proc files and running the same two tools, sequentially;
 * - `nvidia-smi -q -x` parsing into readings (8×H100 and a 64-GPU MIG document) against V8's
 *   JSON.parse of the same element tree written as JSON;
 * - `diff` of two real snapshots of this machine and of two 100,000-reading snapshots against
 *   util.isDeepStrictEqual walking the same documents to the end (a snapshot and its clone);
 * - cold start of `aicr diff` on JSON and on YAML snapshots against `node -e 0`.
 * Targets live here, never in tests.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { collectSnapshot, localCollectors } from '../src/core/snapshot/index.js';
import { parseNvidiaSmiXml, gpuMeasurement } from '../src/core/snapshot/collectors/gpu.js';
import { parseXml } from '../src/core/snapshot/xml.js';
import { diffSnapshots } from '../src/core/snapshot/diff.js';
import type { Snapshot } from '../src/core/documents/types.js';
import { median, rows, timeInProcess } from './harness.js';

function fakeTools(root: string): { bin: string; h100: string } {
  const bin = mkdtempSync(join(tmpdir(), 'aicr-bench-tools-'));
  const h100 = join(root, '..', 'shared', 'upstream', 'examples', 'nvidia-smi-q-x-h100x8.xml');
  const systemctl = join(root, 'test', 'fixtures', 'snapshot', 'systemctl-show.txt');
  for (const [name, file] of [['nvidia-smi', h100], ['systemctl', systemctl]] as const) {
    writeFileSync(join(bin, name), `#!/bin/sh\nexec /bin/cat '${file}'\n`);
    chmodSync(join(bin, name), 0o755);
  }
  return { bin, h100 };
}

/** The same /proc work done bare: list /proc/sys (not net) and read every file, plus cmdline, modules, os-release. */
function rawProcRead(): number {
  let bytes = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (path === '/proc/sys/net') continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        try {
          bytes += readFileSync(path).length;
        } catch {
          // unreadable entries cost their failed open, as in the collector
        }
      }
    }
  };
  walk('/proc/sys');
  for (const file of ['/proc/cmdline', '/proc/modules', '/etc/os-release']) {
    try {
      bytes += readFileSync(file).length;
    } catch {
      // absent on some kernels
    }
  }
  return bytes;
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** A GPU document with `count` GPUs, every one in MIG mode with 7 devices, built from the real one. */
function bigMigXml(h100: string, count: number): string {
  const source = readFileSync(h100, 'utf8');
  const gpu = /\t<gpu id=.*?\n\t<\/gpu>\n/s.exec(source)![0];
  const device = (index: number) => `<mig_device><index>${index}</index><gpu_instance_id>${index + 7}</gpu_instance_id><compute_instance_id>0</compute_instance_id><device_attributes><shared><multiprocessor_count>16</multiprocessor_count><copy_engine_count>1</copy_engine_count><encoder_count>0</encoder_count><decoder_count>1</decoder_count><ofa_count>0</ofa_count><jpg_count>1</jpg_count></shared></device_attributes><fb_memory_usage><total>9856 MiB</total><reserved>0 MiB</reserved><used>12 MiB</used><free>9843 MiB</free></fb_memory_usage></mig_device>`;
  const mig = gpu.replace(/<current_mig>Disabled<\/current_mig>/, '<current_mig>Enabled</current_mig>').replace(/<mig_devices>\s*None\s*<\/mig_devices>/, `<mig_devices>${Array.from({ length: 7 }, (_, i) => device(i)).join('')}</mig_devices>`);
  const head = source.slice(0, source.indexOf('\t<gpu id='));
  return head + Array.from({ length: count }, (_, i) => mig.replace(/id="[^"]+"/, `id="00000000:${i.toString(16).padStart(2, '0')}:00.0"`)).join('') + '</nvidia_smi_log>\n';
}

/** A snapshot with `readings` readings spread over the five types, and a copy with `changes` of them changed. */
function syntheticPair(readings: number, changes: number): [Snapshot, Snapshot] {
  const types = ['K8s', 'SystemD', 'OS', 'GPU', 'NodeTopology'];
  const perSubtype = 100;
  const build = (mutate: boolean): Snapshot => {
    let n = 0;
    const measurements = types.map((type) => ({ type, subtypes: [] as Array<{ subtype: string; data: Record<string, string | number> }> }));
    for (let i = 0; n < readings; i++) {
      const measurement = measurements[i % types.length]!;
      const data: Record<string, string | number> = {};
      for (let k = 0; k < perSubtype && n < readings; k++, n++) data[`key.${k}`] = mutate && n % Math.floor(readings / changes) === 0 ? `changed-${n}` : `value-${n}`;
      measurement.subtypes.push({ subtype: `s${i}`, data });
    }
    return { kind: 'Snapshot', measurements };
  };
  return [build(false), build(true)];
}

export async function run(root: string): Promise<void> {
  const { bin, h100 } = fakeTools(root);
  const home = mkdtempSync(join(tmpdir(), 'aicr-bench-home-'));
  const saved = { PATH: process.env.PATH, HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG };
  process.env.PATH = `${bin}:${process.env.PATH}`;
  process.env.HOME = home;
  delete process.env.KUBECONFIG;
  try {
    // Cold starts of snapshot and diff: startup.bench.ts.
    // 2. Warm local collection vs the bare work.
    const env = { ...process.env };
    const collectors = await localCollectors({ env, sources: ['os', 'systemd', 'gpu'] });
    let readings = 0;
    const collectMs = await timeAsync(async () => {
      const { sources } = await collectSnapshot({ collectors, env });
      readings = sources.reduce((sum, s) => sum + s.readings, 0);
    }, 15);
    const bareMs = await timeAsync(async () => {
      rawProcRead();
      spawnSync(join(bin, 'nvidia-smi'), ['-q', '-x'], { stdio: ['ignore', 'pipe', 'ignore'] });
      spawnSync(join(bin, 'systemctl'), ['show'], { stdio: ['ignore', 'pipe', 'ignore'] });
    }, 15);
    rows.push({
      benchmark: `local collection in-process (OS + SystemD + GPU, ${readings} readings)`,
      figure: `${collectMs.toFixed(1)} ms`,
      baseline: `${bareMs.toFixed(1)} ms (same files read + same tools run, bare)`,
      ratio: `${(collectMs / bareMs).toFixed(2)}x`,
      target: '<= 100 ms',
      ok: collectMs <= 100,
    });

    // 3. nvidia-smi XML parsing.
    for (const [label, xml] of [['8×H100', readFileSync(h100, 'utf8')], ['64 GPUs × 7 MIG devices', bigMigXml(h100, 64)]] as const) {
      const parsed = parseNvidiaSmiXml(xml);
      const json = JSON.stringify(parseXml(xml));
      const parseMs = timeInProcess(() => gpuMeasurement(parseNvidiaSmiXml(xml)), { samples: 9, minMs: 1500 });
      const jsonMs = timeInProcess(() => JSON.parse(json), { samples: 9, minMs: 500 });
      const mbPerSecond = xml.length / 1e6 / (parseMs / 1000);
      rows.push({
        benchmark: `nvidia-smi -q -x parse + readings (${label}, ${(xml.length / 1024).toFixed(0)} KiB, ${parsed.gpus.length} GPUs)`,
        figure: `${parseMs.toFixed(2)} ms (${mbPerSecond.toFixed(0)} MB/s)`,
        baseline: `${jsonMs.toFixed(2)} ms (JSON.parse of the same tree as JSON)`,
        ratio: `${(parseMs / jsonMs).toFixed(1)}x`,
        target: '>= 40 MB/s',
        ok: mbPerSecond >= 40,
      });
    }

    // 4. Drift.
    const real = (await collectSnapshot({ collectors, env })).snapshot;
    const changed = JSON.parse(JSON.stringify(real)) as Snapshot;
    const gpu = changed.measurements.find((m) => m.type === 'GPU')!;
    gpu.subtypes![0]!.data.driver = '580.82.07';
    for (const [label, [a, b], target] of [
      [`two snapshots of this machine (${readings} readings, 1 change)`, [real, changed], 5],
      ['100,000 readings each, 1,000 changes', syntheticPair(100_000, 1_000), 250],
    ] as const) {
      const diffMs = timeInProcess(() => diffSnapshots(a, b), { samples: 9, minMs: 1500 });
      const clone = structuredClone(a);
      const equalMs = timeInProcess(() => isDeepStrictEqual(a, clone), { samples: 9, minMs: 500 });
      rows.push({
        benchmark: `diff ${label}`,
        figure: `${diffMs.toFixed(2)} ms`,
        baseline: `${equalMs.toFixed(2)} ms (util.isDeepStrictEqual, full walk)`,
        ratio: `${(diffMs / equalMs).toFixed(1)}x`,
        target: `<= ${target} ms`,
        ok: diffMs <= target,
      });
    }

  } finally {
    Object.assign(process.env, saved);
    if (saved.KUBECONFIG === undefined) delete process.env.KUBECONFIG;
  }
}
