/**
 * Criteria detected from a Snapshot (recipe `--snapshot` mode).
 *
 * Two generations of readings: v0.11.1's (K8s/server `service` and version suffix, GPU smi/device
 * model, OS/release ID) and those upstream added by 2026-08-21 (K8s/node provider, the
 * NodeTopology `nvidia.com/gpu.product` label and node count, the GPU `hardware` SKU, more OS ID
 * spellings and the newer criteria values). A value v0.11.1 could detect is used as v0.11.1 used it; any other
 * value is used only when an overlay of the loaded catalog declares it, so a snapshot never asks
 * a catalog for a value it has no recipe for (an L40S reads as l40, as in v0.11.1, on a catalog
 * without l40s overlays).
 */
import type { Criteria, Reading, Snapshot } from '../documents/types.js';
import { anyCriteria, MAX_NODES, parseCriteriaValue, type DeclaredCriteria } from '../criteria.js';
import { readingText } from '../constraints/index.js';

/** The values v0.11.1 could detect: admitted by every catalog, as they were then. */
const V0111_VALUES: Readonly<Record<'service' | 'accelerator' | 'os', readonly string[]>> = {
  service: ['aks', 'eks', 'gke', 'kind', 'oke'],
  accelerator: ['a100', 'b200', 'gb200', 'h100', 'l40'],
  os: ['amazonlinux', 'cos', 'rhel', 'ubuntu'],
};

/**
 * Upstream's GPU SKUs by whole product-name tokens (upper-cased, split on blanks and hyphens),
 * so no SKU is read as a shorter one it contains (L40S is not L40, RTX A1000 is not A100).
 */
const SKU_TOKENS: ReadonlyArray<readonly [readonly string[], string]> = [
  [['GB300'], 'gb300'],
  [['GB200'], 'gb200'],
  [['B200'], 'b200'],
  [['H100'], 'h100'],
  [['H200'], 'h200'],
  [['A100'], 'a100'],
  [['RTX', 'PRO', '6000'], 'rtx-pro-6000'],
  [['L40S'], 'l40s'],
  [['L40'], 'l40'],
];

/** v0.11.1's reading: the first name contained anywhere in the model (order matters). */
const V0111_SUBSTRINGS: readonly string[] = ['gb200', 'b200', 'h100', 'a100', 'l40'];

/** OS/release IDs upstream maps since v0.11.1 (v0.11.1 read only the criteria spellings). */
const NEWER_OS_IDS: Readonly<Record<string, string>> = {
  amzn: 'amazonlinux',
  amazon: 'amazonlinux',
  redhat: 'rhel',
  redhatenterpriselinux: 'rhel',
};

type DetectedField = 'service' | 'accelerator' | 'os';

function tokens(model: string): string[] {
  return model.toUpperCase().split(/[\s-]+/).filter(Boolean);
}

function containsRun(haystack: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= haystack.length; i++) {
    if (run.every((token, j) => haystack[i + j] === token)) return true;
  }
  return false;
}

/** The SKU a GPU product name names, by whole tokens (upstream 2026), or undefined. */
export function gpuSkuOf(model: string): string | undefined {
  const words = tokens(model);
  return SKU_TOKENS.find(([run]) => containsRun(words, run))?.[1];
}

/** What v0.11.1 read from the same model name (substring match), or undefined. */
function v0111SkuOf(model: string): string | undefined {
  const lower = model.toLowerCase();
  return V0111_SUBSTRINGS.find((needle) => lower.includes(needle));
}

/** Whether a detected value may be used with this catalog (see the file comment). */
function admitted(field: DetectedField, value: string, declared: DeclaredCriteria | undefined): boolean {
  return V0111_VALUES[field].includes(value) || declared?.has(field, value) === true;
}

/** A raw value through the criteria spellings (aliases included), if the catalog admits it. */
function detectValue(field: DetectedField, raw: string, declared: DeclaredCriteria | undefined): string | undefined {
  let value: string;
  try {
    value = parseCriteriaValue(field, raw, undefined, declared);
  } catch {
    return undefined;
  }
  return value !== 'any' && admitted(field, value, declared) ? value : undefined;
}

/** Accelerator from a model name: the token SKU when admitted, else what v0.11.1 read. */
function acceleratorFromModel(model: string, declared: DeclaredCriteria | undefined): string | undefined {
  const sku = gpuSkuOf(model);
  if (sku === undefined) return undefined;
  if (admitted('accelerator', sku, declared)) return sku;
  const older = v0111SkuOf(model);
  return older !== undefined && admitted('accelerator', older, declared) ? older : undefined;
}

/** Upstream's service name for a node provider (or raw `spec.providerID`). */
function serviceFromProvider(provider: string): string {
  const value = provider.trim();
  if (value.startsWith('ocid1.') || value.startsWith('oci://') || value === 'oci') return 'oke';
  if (value.startsWith('linode://') || value === 'linode') return 'lke';
  return value;
}

/** The single value of the `nvidia.com/gpu.product` label; none when nodes carry several. */
function gpuProductLabel(labels: Record<string, Reading>): string | undefined {
  const key = 'nvidia.com/gpu.product';
  if (Object.keys(labels).filter((name) => name.startsWith(`${key}.`)).length > 1) return undefined;
  if (labels[key] === undefined) return undefined;
  const raw = readingText(labels[key]);
  const bar = raw.indexOf('|');
  return bar >= 0 ? raw.slice(0, bar) : raw;
}

function osFromId(id: string, declared: DeclaredCriteria | undefined): string | undefined {
  const fromSpelling = detectValue('os', id, declared);
  if (fromSpelling) return fromSpelling;
  const newer = NEWER_OS_IDS[id.trim().toLowerCase()];
  return newer !== undefined && declared?.has('os', newer) ? newer : undefined;
}

/**
 * Service from K8s/server (`service` key, then `-eks-`/`-gke`/`-aks` in the version), then the
 * K8s/node provider; accelerator from GPU smi/device model, then the NodeTopology GPU product
 * label, then the GPU hardware SKU; OS from OS/release ID; nodes from the NodeTopology summary's
 * node count. Intent and platform are never detected. `declared`: the values the loaded
 * catalog's overlays declare.
 */
export function extractCriteria(snapshot: Snapshot, declared?: DeclaredCriteria): Criteria {
  const criteria = anyCriteria();
  // Readings of the newer sources, used only where the v0.11.1 ones found nothing; upstream
  // prefers the GPU product label (every GPU node) to one node's hardware SKU.
  const later: { service?: string; acceleratorFromLabel?: string; acceleratorFromHardware?: string } = {};
  for (const measurement of snapshot.measurements ?? []) {
    if (!measurement) continue;
    for (const subtype of measurement.subtypes ?? []) {
      const name = subtype.subtype ?? (subtype as { name?: string }).name ?? '';
      const data = subtype.data ?? {};
      if (measurement.type === 'K8s' && name === 'server') {
        const service = data.service !== undefined ? detectValue('service', readingText(data.service), declared) : undefined;
        if (service) criteria.service = service;
        const version = readingText(data.version);
        if (version.includes('-eks-')) criteria.service = 'eks';
        else if (version.includes('-gke')) criteria.service = 'gke';
        else if (version.includes('-aks')) criteria.service = 'aks';
      } else if (measurement.type === 'K8s' && name === 'node') {
        if (data.provider !== undefined) later.service ??= detectValue('service', serviceFromProvider(readingText(data.provider)), declared);
      } else if (measurement.type === 'GPU' && (name === 'smi' || name === 'device')) {
        const fromGpuModel = data['gpu.model'] !== undefined ? acceleratorFromModel(readingText(data['gpu.model']), declared) : undefined;
        if (fromGpuModel) criteria.accelerator = fromGpuModel;
        if (criteria.accelerator === 'any' && data.model !== undefined) {
          const fromModel = acceleratorFromModel(readingText(data.model), declared);
          if (fromModel) criteria.accelerator = fromModel;
        }
      } else if (measurement.type === 'GPU' && name === 'hardware' && data.model !== undefined) {
        later.acceleratorFromHardware ??= acceleratorFromModel(readingText(data.model), declared);
      } else if (measurement.type === 'NodeTopology' && name === 'summary') {
        // Upstream's node count: every node of the cluster, as its topology collector counts them.
        const count = data['node-count'];
        if (typeof count === 'number' && Number.isSafeInteger(count) && count > 0 && count <= MAX_NODES) criteria.nodes = count;
      } else if (measurement.type === 'NodeTopology' && name === 'label') {
        const product = gpuProductLabel(data);
        if (product !== undefined) later.acceleratorFromLabel ??= acceleratorFromModel(product, declared);
      } else if (measurement.type === 'OS' && name === 'release' && data.ID !== undefined) {
        const os = osFromId(readingText(data.ID), declared);
        if (os) criteria.os = os;
      }
    }
  }
  if (criteria.service === 'any' && later.service) criteria.service = later.service;
  const laterAccelerator = later.acceleratorFromLabel ?? later.acceleratorFromHardware;
  if (criteria.accelerator === 'any' && laterAccelerator) criteria.accelerator = laterAccelerator;
  return criteria;
}
