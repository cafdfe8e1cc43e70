/**
 * Bundle stage: the eks/h100/ubuntu/training/kubeflow recipe (13 components) bundled by each
 * deployer in one process with the files written, and the cold start of `aicr bundle` against
 * a bare `node -e 0` measured interleaved in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/core/catalog/embedded.js';
import { ensureYamlParser, readDocument } from '../src/core/documents/index.js';
import { DEPLOYERS, generateBundle, writeBundle, type DeployerName } from '../src/core/bundle/index.js';
import { median, rows } from './harness.js';

const TARGET_MS: Record<DeployerName, number> = { helm: 5, argocd: 4, argocdhelm: 6, flux: 6, helmfile: 6 };
const COLD_TARGET = 2.0;

function timeNode(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** Like harness.coldStart, but every run writes a new output directory (a bundle refuses to overwrite). */
function coldStart(root: string, recipe: string, scratch: string, runs = 25): void {
  let n = 0;
  // AICR_BENCH_CLI points at another build of the CLI (default: this checkout's bin/aicr.js).
  const cli = process.env.AICR_BENCH_CLI ?? join(root, 'bin/aicr.js');
  const bundle = () => timeNode([cli, 'bundle', '-r', recipe, '-o', join(scratch, 'cold', String(n++))]);
  timeNode(['-e', '0']);
  bundle();
  const base: number[] = [];
  const command: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(timeNode(['-e', '0']));
    command.push(bundle());
  }
  const b = median(base);
  const c = median(command);
  rows.push({
    benchmark: 'aicr bundle cold start (eks/h100/training/ubuntu/kubeflow, helm, 83 files)',
    figure: `${c.toFixed(1)} ms`,
    baseline: `${b.toFixed(1)} ms (node -e 0)`,
    ratio: `${(c / b).toFixed(2)}x`,
    target: `<= ${COLD_TARGET}x`,
    ok: c / b <= COLD_TARGET,
  });
}

export async function run(root: string): Promise<void> {
  const recipePath = join(root, 'test', 'fixtures', 'bundle', 'recipes', 'eks-h100-ubuntu-training-kubeflow.yaml');
  const scratch = mkdtempSync(join(tmpdir(), 'aicr-bench-bundle-'));
  try {
    coldStart(root, recipePath, scratch);

    const catalog = await loadCatalog();
    await ensureYamlParser();
    const { document } = await readDocument('RecipeResult', readFileSync(recipePath, 'utf8'), recipePath);
    let out = 0;
    const fresh = () => join(scratch, 'runs', String(out++));
    // The first bundle of a process also reads and parses the catalog's values files and
    // manifests (kept per catalog afterwards); it is reported beside the steady-state median.
    const first = new Map<DeployerName, { ms: number; files: number }>();
    for (const deployer of DEPLOYERS) {
      const started = performance.now();
      const bundle = await generateBundle(document, catalog, { deployer });
      writeBundle(fresh(), bundle.files);
      first.set(deployer, { ms: performance.now() - started, files: bundle.files.length });
    }
    // Deployers take turns, so a busy disk or CPU affects them alike; each run writes a new directory.
    const samples = new Map<DeployerName, { total: number[]; generate: number[]; write: number[] }>(DEPLOYERS.map((d) => [d, { total: [], generate: [], write: [] }]));
    for (let round = 0; round < 80; round++) {
      for (const deployer of DEPLOYERS) {
        const dir = fresh();
        const t0 = performance.now();
        const bundle = await generateBundle(document, catalog, { deployer });
        const t1 = performance.now();
        writeBundle(dir, bundle.files);
        const t2 = performance.now();
        if (round < 10) continue;
        const sample = samples.get(deployer)!;
        sample.total.push(t2 - t0);
        sample.generate.push(t1 - t0);
        sample.write.push(t2 - t1);
      }
    }
    for (const deployer of DEPLOYERS) {
      const sample = samples.get(deployer)!;
      const ms = median(sample.total);
      rows.push({
        benchmark: `bundle ${deployer}: 13 components, ${first.get(deployer)!.files} files written, in process`,
        figure: `${ms.toFixed(2)} ms median`,
        baseline: `generate ${median(sample.generate).toFixed(2)} + write ${median(sample.write).toFixed(2)} ms; first bundle ${first.get(deployer)!.ms.toFixed(1)} ms`,
        target: `<= ${TARGET_MS[deployer]} ms`,
        ok: ms <= TARGET_MS[deployer],
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
