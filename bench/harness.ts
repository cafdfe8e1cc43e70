/**
 * Benchmark plumbing shared by every bench/*.bench.ts: wall-clock medians of interleaved child
 * processes (cold start against a bare `node -e 0` measured in the same run), in-process
 * throughput, and one table printed at the end.
 */

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
