/**
 * Benchmark plumbing shared by every bench/*.bench.ts: wall-clock medians of interleaved child
 * processes (cold start against a bare `node -e 0` measured in the same run), in-process
 * throughput, and one table printed at the end.
 */
import { spawnSync } from 'node:child_process';

export interface Row {
  benchmark: string;
  figure: string;
  baseline?: string;
  ratio?: string;
  target: string;
  ok: boolean;
}

export const rows: Row[] = [];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeOnce(args: string[], options: { cwd?: string; input?: string } = {}): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['pipe', 'ignore', 'pipe'], cwd: options.cwd, input: options.input ?? '' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/**
 * Cold start of `node <args>` against `node -e 0`, run interleaved (baseline, command,
 * baseline, …) so machine noise hits both alike. Returns medians in milliseconds.
 */
function coldStart(args: string[], runs = 25, options: { cwd?: string } = {}): { command: number; baseline: number; ratio: number } {
  timeOnce(['-e', '0']);
  timeOnce(args, options);
  const base: number[] = [];
  const command: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(timeOnce(['-e', '0']));
    command.push(timeOnce(args, options));
  }
  const b = median(base);
  const c = median(command);
  return { command: c, baseline: b, ratio: c / b };
}

export function addColdStartRow(name: string, args: string[], target: number, options: { runs?: number; cwd?: string } = {}): void {
  const result = coldStart(args, options.runs ?? 25, options);
  rows.push({
    benchmark: name,
    figure: `${result.command.toFixed(1)} ms`,
    baseline: `${result.baseline.toFixed(1)} ms (node -e 0)`,
    ratio: `${result.ratio.toFixed(2)}x`,
    target: `<= ${target}x`,
    ok: result.ratio <= target,
  });
}

/** Repeats `fn` for at least `minMs` and returns the median of `samples` batches, in ms per call. */
export function timeInProcess(fn: () => void, options: { samples?: number; minMs?: number } = {}): number {
  const samples = options.samples ?? 7;
  const minMs = options.minMs ?? 200;
  fn();
  const perCall: number[] = [];
  for (let s = 0; s < samples; s++) {
    let calls = 0;
    const started = process.hrtime.bigint();
    let elapsed = 0;
    do {
      fn();
      calls++;
      elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    } while (elapsed < minMs / samples);
    perCall.push(elapsed / calls);
  }
  return median(perCall);
}

export function printTable(): void {
  const header = ['benchmark', 'figure', 'baseline', 'ratio', 'target', 'met'];
  const body = rows.map((row) => [row.benchmark, row.figure, row.baseline ?? '', row.ratio ?? '', row.target, row.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log('');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of body) console.log(line(row));
}
