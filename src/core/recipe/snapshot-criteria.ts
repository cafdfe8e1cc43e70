/** Criteria detected from a Snapshot (recipe `--snapshot` mode). */
import type { Criteria, Snapshot } from '../documents/types.js';
import { anyCriteria, parseCriteriaValue, type DeclaredCriteria } from '../criteria.js';
import { readingText } from '../constraints/index.js';

/** Accelerator from a GPU model name; order matters (gb200 before b200). */
const MODEL_RULES: ReadonlyArray<[string, string]> = [
  ['gb200', 'gb200'],
  ['b200', 'b200'],
  ['h100', 'h100'],
  ['a100', 'a100'],
  ['l40', 'l40'],
];

function acceleratorFromModel(model: string): string | undefined {
  const lower = model.toLowerCase();
  for (const [needle, accelerator] of MODEL_RULES) if (lower.includes(needle)) return accelerator;
  return undefined;
}

function tryParse(field: 'service' | 'os', raw: string, declared: DeclaredCriteria | undefined): string | undefined {
  try {
    return parseCriteriaValue(field, raw, undefined, declared);
  } catch {
    return undefined;
  }
}

/**
 * Service from K8s/server (`service` key, then `-eks-`/`-gke`/`-aks` in the version),
 * accelerator from GPU/smi|device model, OS from OS/release ID. Intent, platform and nodes are
 * never detected. A service or OS the loaded catalog declares (`declared`) is detected too.
 */
export function extractCriteria(snapshot: Snapshot, declared?: DeclaredCriteria): Criteria {
  const criteria = anyCriteria();
  for (const measurement of snapshot.measurements ?? []) {
    if (!measurement) continue;
    for (const subtype of measurement.subtypes ?? []) {
      const name = subtype.subtype ?? (subtype as { name?: string }).name ?? '';
      const data = subtype.data ?? {};
      if (measurement.type === 'K8s' && name === 'server') {
        const service = data.service !== undefined ? tryParse('service', readingText(data.service), declared) : undefined;
        if (service) criteria.service = service;
        const version = readingText(data.version);
        if (version.includes('-eks-')) criteria.service = 'eks';
        else if (version.includes('-gke')) criteria.service = 'gke';
        else if (version.includes('-aks')) criteria.service = 'aks';
      } else if (measurement.type === 'GPU' && (name === 'smi' || name === 'device')) {
        const fromGpuModel = data['gpu.model'] !== undefined ? acceleratorFromModel(readingText(data['gpu.model'])) : undefined;
        if (fromGpuModel) criteria.accelerator = fromGpuModel;
        if (criteria.accelerator === 'any' && data.model !== undefined) {
          const fromModel = acceleratorFromModel(readingText(data.model));
          if (fromModel) criteria.accelerator = fromModel;
        }
      } else if (measurement.type === 'OS' && name === 'release' && data.ID !== undefined) {
        const os = tryParse('os', readingText(data.ID), declared);
        if (os) criteria.os = os;
      }
    }
  }
  return criteria;
}
