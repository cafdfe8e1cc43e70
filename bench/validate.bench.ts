/**
 * Validate stage: cold start of `aicr validate` (a recipe from the recipe stage against the
 * upstream mock snapshot and against a realistic full snapshot) and warm evaluation of 10,000
 * constraints against that full snapshot.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Constraint, Measurement, Snapshot } from '../src/core/documents/types.js';
import { resolveRecipe } from '../src/core/recipe/index.js';
import { toYaml } from '../src/core/serialize.js';
import { loadDocument } from '../src/core/load.js';
import { evaluateRecipe, indexSnapshot, toCtrf, toJunitXml } from '../src/core/validate/index.js';
import { median, rows, timeInProcess } from './harness.js';

/** Reads a recipe as validate does: loaded, checked, constraint values as written. */
async function loadRecipe(path: string) {
  const loaded = await loadDocument('RecipeResult', path, { option: 'recipe' });
  return loaded;
}

/** Reads a snapshot as validate does: loaded, checked and indexed for lookups. */
async function loadSnapshot(path: string) {
  const loaded = await loadDocument('Snapshot', path, { option: 'snapshot' });
  return { origin: loaded.origin, index: indexSnapshot(loaded) };
}

/**
 * A snapshot shaped like a real GPU node's (spec A.2 sizes): 3 systemd units × 220 properties,
 * 1,400 sysctl keys, 150 kernel modules, GPU and topology data; about 2,500 readings.
 */
export function largeSnapshot(): Snapshot {
  const data = (count: number, entry: (i: number) => [string, string | number | boolean]) => Object.fromEntries(Array.from({ length: count }, (_, i) => entry(i)));
  const measurements: Measurement[] = [
    {
      type: 'K8s',
      subtypes: [
        { subtype: 'server', data: { goVersion: 'go1.24.6', platform: 'linux/amd64', version: 'v1.33.5-eks-3025e55' } },
        { subtype: 'image', data: data(40, (i) => [`image-${i}`, `v1.${i}.0-eksbuild.1`]) },
        { subtype: 'policy', data: data(30, (i) => [`component.key${i}.enabled`, i % 2 ? 'true' : 'false']) },
        { subtype: 'node', data: { 'kernel-version': '6.8.0-1028-aws', 'os-image': 'Ubuntu 24.04.2 LTS', provider: 'eks' } },
      ],
    },
    {
      type: 'SystemD',
      subtypes: ['containerd.service', 'docker.service', 'kubelet.service'].map((unit) => ({
        subtype: unit,
        data: data(220, (i) => [`Property${i}`, i % 5 === 0 ? i * 1000 : i % 7 === 0 ? true : `value-${i}`]),
      })),
    },
    {
      type: 'OS',
      subtypes: [
        { subtype: 'grub', data: data(12, (i) => [`param${i}`, `${i}`]) },
        { subtype: 'sysctl', data: { ...data(1400, (i) => [`/proc/sys/kernel/key${i}`, `${i}`]), '/proc/sys/kernel/osrelease': '6.8.0-1028-aws' } },
        { subtype: 'kmod', data: data(150, (i) => [`module_${i}`, true]) },
        { subtype: 'release', data: { ID: 'ubuntu', VERSION_ID: '24.04', PRETTY_NAME: 'Ubuntu 24.04.2 LTS' } },
      ],
    },
    { type: 'GPU', subtypes: [{ subtype: 'smi', data: { 'cuda-version': '12.8', driver: '570.86.15', 'gpu-count': 8, 'gpu.model': 'NVIDIA H100 80GB HBM3' } }] },
    { type: 'NodeTopology', subtypes: [{ subtype: 'summary', data: { 'node-count': 3, 'label-count': 5, 'taint-count': 1 } }] },
  ];
  return { kind: 'Snapshot', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { 'source-node': 'node-1' }, measurements };
}

/** 10,000 constraints of every kind: versions, exact text, dotted and bracket subtypes, misses. */
export function manyConstraints(count = 10_000): Constraint[] {
  const kinds: Array<(i: number) => Constraint> = [
    () => ({ name: 'K8s.server.version', value: '>= 1.32.4' }),
    (i) => ({ name: `OS.sysctl./proc/sys/kernel/key${i % 1400}`, value: `${i % 1400}` }),
    (i) => ({ name: `SystemD.containerd.service.Property${i % 220}`, value: `value-${i % 220}` }),
    (i) => ({ name: `SystemD[kubelet.service].Property${i % 220}`, value: `== value-${i % 220}` }),
    () => ({ name: 'GPU.smi.gpu-count', value: '>= 8' }),
    () => ({ name: 'OS.sysctl./proc/sys/kernel/osrelease', value: '>= 6.8' }),
    () => ({ name: 'OS.release.ID', value: '!= rhel' }),
    (i) => ({ name: `K8s.image.image-${i % 40}`, value: '< 1.50' }),
    (i) => ({ name: `OS.kmod.missing_${i}`, value: 'true' }),
    () => ({ name: 'K8s.server.version', value: '>= 1.34' }),
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!(i));
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aicr-bench-validate-'));
  const { recipe } = await resolveRecipe({ criteria: { service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu' } });
  const recipePath = join(dir, 'recipe.yaml');
  writeFileSync(recipePath, toYaml(recipe));
  const snapshotPath = join(dir, 'snapshot.yaml');
  writeFileSync(snapshotPath, toYaml(largeSnapshot()));

  const bigRecipePath = join(dir, 'recipe-10k.yaml');
  writeFileSync(bigRecipePath, toYaml({ ...recipe, constraints: manyConstraints() }));
  const loadedRecipe = await loadRecipe(bigRecipePath);
  const loadedSnapshot = await loadSnapshot(snapshotPath);
  const options = { recipeOrigin: loadedRecipe.origin, snapshotOrigin: loadedSnapshot.origin };
  const evaluate = () => evaluateRecipe(loadedRecipe.document, loadedRecipe.source, loadedSnapshot.index, options);
  const report = evaluate();
  const perRun = timeInProcess(evaluate, { samples: 9, minMs: 3000 });
  const { passed, failed, skipped } = report.summary;
  rows.push({
    benchmark: `warm validation: 10,000 constraints vs full node snapshot (${passed} passed, ${failed} failed, ${skipped} skipped)`,
    figure: `${perRun.toFixed(2)} ms`,
    baseline: `${((perRun * 1000) / 10_000).toFixed(2)} µs/constraint`,
    target: '<= 20 ms',
    ok: perRun <= 20,
  });

  // Reading is asynchronous (file access): time sequential awaited reads, median of 9.
  const readTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = process.hrtime.bigint();
    await loadRecipe(bigRecipePath);
    await loadSnapshot(snapshotPath);
    if (i > 0) readTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  rows.push({
    benchmark: 'warm reading: the 10,000-constraint recipe (YAML, with lines) and the full snapshot',
    figure: `${median(readTimes).toFixed(1)} ms`,
    target: '(information)',
    ok: true,
  });
  const perReports = timeInProcess(() => {
    toCtrf(report);
    toJunitXml(report);
  }, { samples: 5, minMs: 1000 });
  rows.push({ benchmark: 'warm reports: CTRF + JUnit for 10,000 constraints', figure: `${perReports.toFixed(1)} ms`, target: '(information)', ok: true });
}
