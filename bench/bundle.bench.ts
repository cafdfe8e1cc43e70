/**
 * Bundle stage: the eks/h100/ubuntu/training/kubeflow recipe (13 components) bundled by each
 * deployer in one process with the files written (the cold start: startup.bench.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/core/catalog/embedded.js';
import { ensureYamlParser, readDocument } from '../src/core/documents/index.js';
import { DEPLOYERS, generateBundle, writeBundle, type DeployerName } from '../src/core/bundle/index.js';
import { median, rows } from './harness.js';

const TARGET_MS: Record<DeployerName, number> = { helm: 5, argocd: 4, argocdhelm: 6, flux: 6, helmfile: 6 };

export async function run(root: string): Promise<void> {
  const recipePath = join(root, 'test', 'fixtures', 'bundle', 'recipes', 'eks-h100-ubuntu-training-kubeflow.yaml');
  const scratch = mkdtempSync(join(tmpdir(), 'aicr-bench-bundle-'));
  try {
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
