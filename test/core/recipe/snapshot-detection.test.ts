// Criteria detected from a snapshot as of upstream 2026-08-21 (whole-token GPU names, node
// provider, GPU product label, hardware SKU, newer OS IDs), admitted only where the loaded
// catalog has overlays for them: the embedded (upstream 2026) catalog, upstream's v0.11.1 data,
// and a --data catalog that declares a value of its own.
import { describe, expect, it } from 'vitest';
import { extractCriteria, gpuSkuOf } from '../../../src/core/recipe/snapshot-criteria.js';
import { loadCatalog } from '../../../src/core/catalog/embedded.js';
import { resolveRecipe } from '../../../src/core/recipe/index.js';
import type { Measurement, Snapshot } from '../../../src/core/documents/types.js';
import { catalogFromDir, writeTree } from '../../helpers/catalog.js';
import { UPSTREAM_RECIPES } from '../../helpers/paths.js';

const smi = (model: string): Snapshot => ({ measurements: [{ type: 'GPU', subtypes: [{ subtype: 'smi', data: { 'gpu.model': model } }] }] });
const measurements = (...list: Measurement[]): Snapshot => ({ measurements: list });
const embedded = async () => (await loadCatalog()).declaredCriteria;
const v0111 = async () => (await catalogFromDir(UPSTREAM_RECIPES)).declaredCriteria;

describe('GPU product names by whole tokens', () => {
  it.each([
    ['NVIDIA H200', 'h200'],
    ['NVIDIA H200 NVL', 'h200'],
    ['NVIDIA GB300', 'gb300'],
    ['NVIDIA GB200', 'gb200'],
    ['NVIDIA B200', 'b200'],
    ['NVIDIA H100 80GB HBM3', 'h100'],
    ['A100-SXM4-80GB', 'a100'],
    ['NVIDIA L40S', 'l40s'],
    ['NVIDIA-L40S', 'l40s'],
    ['NVIDIA L40', 'l40'],
    ['NVIDIA RTX PRO 6000 Blackwell Server Edition', 'rtx-pro-6000'],
    ['NVIDIA-RTX-PRO-6000-Blackwell-Workstation-Edition', 'rtx-pro-6000'],
    ['rtx-pro-6000', 'rtx-pro-6000'],
  ])('%s is %s', (model, sku) => {
    expect(gpuSkuOf(model)).toBe(sku);
  });

  it.each(['NVIDIA RTX A1000', 'NVIDIA GH200 480GB', 'NVIDIA A800', 'NVIDIA L4', 'Tesla T4', ''])('%j names no SKU of the catalog', (model) => {
    expect(gpuSkuOf(model)).toBeUndefined();
  });
});

describe('accelerators on the embedded catalog (upstream 2026)', () => {
  it.each([
    ['NVIDIA H200', 'h200'],
    ['NVIDIA L40S', 'l40s'],
    ['NVIDIA RTX PRO 6000 Blackwell Server Edition', 'rtx-pro-6000'],
    ['NVIDIA H100 80GB HBM3', 'h100'],
    ['NVIDIA B200', 'b200'],
    // No overlay of the catalog names gb300: detecting it would ask for a recipe that does not exist.
    ['NVIDIA GB300', 'any'],
    ['NVIDIA RTX A1000', 'any'],
  ])('%s reads as %s', async (model, accelerator) => {
    expect(extractCriteria(smi(model), await embedded()).accelerator).toBe(accelerator);
  });
});

describe('accelerators on upstream v0.11.1 data (its reading kept)', () => {
  it.each([
    ['NVIDIA L40S', 'l40'],
    ['NVIDIA H200', 'any'],
    ['NVIDIA GB300', 'any'],
    ['NVIDIA RTX PRO 6000 Blackwell Server Edition', 'any'],
    ['NVIDIA H100 80GB HBM3', 'h100'],
    ['NVIDIA GB200', 'gb200'],
  ])('%s reads as %s', async (model, accelerator) => {
    expect(extractCriteria(smi(model), await v0111()).accelerator).toBe(accelerator);
  });

  it('reads as v0.11.1 did without a catalog', () => {
    expect(extractCriteria(smi('NVIDIA L40S')).accelerator).toBe('l40');
    expect(extractCriteria(smi('NVIDIA H200')).accelerator).toBe('any');
  });
});

describe('a --data catalog that declares a value', () => {
  it('gets gb300 and talos detected, which the embedded catalog alone does not', async () => {
    const data = writeTree({
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
      'overlays/gb300-talos.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'RecipeMetadata', metadata: { name: 'gb300-talos' }, spec: { criteria: { accelerator: 'gb300', os: 'talos' } } },
    });
    const declared = (await loadCatalog(data)).declaredCriteria;
    const snapshot = measurements(
      { type: 'GPU', subtypes: [{ subtype: 'smi', data: { 'gpu.model': 'NVIDIA GB300' } }] },
      { type: 'OS', subtypes: [{ subtype: 'release', data: { ID: 'talos' } }] },
    );
    expect(extractCriteria(snapshot, declared)).toMatchObject({ accelerator: 'gb300', os: 'talos' });
    expect(extractCriteria(snapshot, await embedded())).toMatchObject({ accelerator: 'any', os: 'any' });
  });
});

describe('services and OS the snapshot reveals', () => {
  const node = (provider: string): Measurement => ({ type: 'K8s', subtypes: [{ subtype: 'node', data: { provider } }] });
  const os = (id: string): Measurement => ({ type: 'OS', subtypes: [{ subtype: 'release', data: { ID: id } }] });

  it.each([
    ['lke', 'lke'],
    ['linode://123', 'lke'],
    ['ocid1.instance.oc1.iad.abc', 'oke'],
    ['oke', 'oke'],
    ['eks', 'eks'],
    ['bcm', 'bcm'],
    ['equinix', 'any'],
  ])('node provider %s reads as service %s on the embedded catalog', async (provider, service) => {
    expect(extractCriteria(measurements(node(provider)), await embedded()).service).toBe(service);
  });

  it('reads lke from the node provider only where the catalog has lke overlays', async () => {
    expect(extractCriteria(measurements(node('lke')), await v0111()).service).toBe('any');
    expect(extractCriteria(measurements(node('eks')), await v0111()).service).toBe('eks');
  });

  it('prefers the server version suffix to the node provider, as v0.11.1 read it first', async () => {
    const server: Measurement = { type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.33.1-gke.100' } }] };
    expect(extractCriteria(measurements(node('lke'), server), await embedded()).service).toBe('gke');
  });

  it.each([
    ['ol', 'ol', 'any'],
    ['ubuntu', 'ubuntu', 'ubuntu'],
    ['talos', 'any', 'any'],
    ['amzn', 'any', 'any'],
    ['rhel', 'rhel', 'rhel'],
  ])('OS ID %s reads as %s on the embedded catalog and %s on v0.11.1 data', async (id, onEmbedded, onV0111) => {
    expect(extractCriteria(measurements(os(id)), await embedded()).os).toBe(onEmbedded);
    expect(extractCriteria(measurements(os(id)), await v0111()).os).toBe(onV0111);
  });

  it('reads amzn as amazonlinux where the catalog has amazonlinux overlays', async () => {
    const data = writeTree({
      'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
      'overlays/al.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'RecipeMetadata', metadata: { name: 'al' }, spec: { criteria: { os: 'amazonlinux' } } },
    });
    expect(extractCriteria(measurements(os('amzn')), (await loadCatalog(data)).declaredCriteria).os).toBe('amazonlinux');
  });
});

describe('GPU product label and hardware SKU', () => {
  const labels = (data: Record<string, string>): Measurement => ({ type: 'NodeTopology', subtypes: [{ subtype: 'label', data }] });
  const hardware = (model: string): Measurement => ({ type: 'GPU', subtypes: [{ subtype: 'hardware', data: { model } }] });

  it('reads the single GPU product of the nodes, then the hardware SKU', async () => {
    const declared = await embedded();
    expect(extractCriteria(measurements(labels({ 'nvidia.com/gpu.product': 'NVIDIA-H200|node-a,node-b' })), declared).accelerator).toBe('h200');
    expect(extractCriteria(measurements(hardware('rtx-pro-6000')), declared).accelerator).toBe('rtx-pro-6000');
    expect(extractCriteria(measurements(hardware('h100'), labels({ 'nvidia.com/gpu.product': 'NVIDIA-L40S|n' })), declared).accelerator).toBe('l40s');
  });

  it('detects nothing from a cluster of several GPU products', async () => {
    const mixed = labels({ 'nvidia.com/gpu.product.NVIDIA-H100-80GB-HBM3': 'NVIDIA-H100-80GB-HBM3|a', 'nvidia.com/gpu.product.NVIDIA-L40S': 'NVIDIA-L40S|b' });
    expect(extractCriteria(measurements(mixed), await embedded()).accelerator).toBe('any');
  });

  it('lets nvidia-smi win over the label, as v0.11.1 read smi', async () => {
    const snapshot = measurements(labels({ 'nvidia.com/gpu.product': 'NVIDIA-L40S|n' }), { type: 'GPU', subtypes: [{ subtype: 'smi', data: { 'gpu.model': 'NVIDIA H200' } }] });
    expect(extractCriteria(snapshot, await embedded()).accelerator).toBe('h200');
  });
});

describe('nodes from the topology summary (upstream 2026)', () => {
  const summary = (count: unknown): Snapshot => ({ measurements: [{ type: 'NodeTopology', subtypes: [{ subtype: 'summary', data: { 'node-count': count as number, 'taint-count': 0 } }] }] });

  it('takes the node count of the cluster', () => {
    expect(extractCriteria(summary(12)).nodes).toBe(12);
  });

  it.each([0, -3, 2.5, '12', 100_001])('leaves nodes unset for %j', (count) => {
    expect(extractCriteria(summary(count)).nodes).toBe(0);
  });
});

describe('recipe --snapshot end to end', () => {
  it('builds the l40s recipe for an L40S on OKE with Oracle Linux from the embedded catalog', async () => {
    const snapshot: Snapshot = {
      kind: 'Snapshot',
      apiVersion: 'aicr.run/v1',
      measurements: [
        { type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.33.1' } }, { subtype: 'node', data: { provider: 'ocid1.instance.oc1.iad.abc' } }] },
        { type: 'GPU', subtypes: [{ subtype: 'smi', data: { 'gpu.model': 'NVIDIA L40S' } }] },
        { type: 'OS', subtypes: [{ subtype: 'release', data: { ID: 'ol', VERSION_ID: '8.10' } }] },
      ],
    } as Snapshot;
    const outcome = await resolveRecipe({ criteria: { intent: 'training' }, snapshot: { document: snapshot, origin: 'snap.yaml' } as never }, { env: {} });
    expect(outcome.criteria).toMatchObject({ service: 'oke', accelerator: 'l40s', intent: 'training', os: 'ol' });
    expect(outcome.recipe.metadata.appliedOverlays).toContain('l40s-oke-training');
  });
});
