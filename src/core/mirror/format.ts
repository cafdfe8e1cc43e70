/**
 * The mirror list and its outputs: upstream's yaml and json documents (images, charts,
 * per-component breakdown, metadata, in upstream's field order), a Hauler content manifest,
 * a Zarf package config (both with their keys in upstream's sorted order), and plain lines.
 */
import { toJson, toYaml } from '../serialize.js';

export const MIRROR_FORMATS = ['yaml', 'json', 'plain', 'hauler', 'zarf'] as const;
export type MirrorFormat = (typeof MIRROR_FORMATS)[number];

export interface ChartRef {
  /** Component name. */
  name: string;
  repository: string;
  chart: string;
  version: string;
  namespace?: string;
}

export interface ComponentImages {
  component: string;
  /** `helm` or `kustomize`, as upstream writes the component type. */
  type: string;
  images: string[];
  warnings?: string[];
}

export interface MirrorList {
  images: string[];
  charts: ChartRef[];
  components: ComponentImages[];
  metadata: { recipeVersion?: string; criteria?: string };
}

/** The last path segment of a chart name (`nvidia/gpu-operator` → `gpu-operator`). */
const chartBase = (chart: string): string => chart.slice(chart.lastIndexOf('/') + 1);

function hauler(list: MirrorList): string {
  const apiVersion = 'content.hauler.cattle.io/v1';
  let text = toYaml({ apiVersion, kind: 'Images', metadata: { name: 'aicr-images' }, spec: { images: list.images.map((name) => ({ name })) } });
  if (list.charts.length > 0) {
    const charts = list.charts.map((chart) => ({ name: chartBase(chart.chart), repoURL: chart.repository, version: chart.version }));
    text += '---\n' + toYaml({ apiVersion, kind: 'Charts', metadata: { name: 'aicr-charts' }, spec: { charts } });
  }
  return text;
}

function zarf(list: MirrorList): string {
  const charts = list.charts.map((chart) => {
    const name = chartBase(chart.chart);
    const oci = chart.repository.startsWith('oci://');
    return {
      name,
      ...(chart.namespace ? { namespace: chart.namespace } : {}),
      ...(oci ? {} : { repoName: name }),
      url: oci ? `${chart.repository.replace(/\/+$/, '')}/${name}` : chart.repository,
      version: chart.version,
    };
  });
  const component = {
    ...(charts.length > 0 ? { charts } : {}),
    ...(list.images.length > 0 ? { images: list.images } : {}),
    name: 'aicr-images',
    required: true,
  };
  return toYaml({
    apiVersion: 'zarf.dev/v1alpha1',
    components: [component],
    kind: 'ZarfPackageConfig',
    metadata: { description: 'NVIDIA AI Cluster Runtime container images and Helm charts for air-gapped deployment', name: 'aicr' },
  });
}

/** Plain lines: every image, then every chart as `<chart> <version> <repository>` (OCI: the full reference). */
function plain(list: MirrorList): string {
  const charts = list.charts.map((chart) => (chart.repository.startsWith('oci://')
    ? `${chart.repository.replace(/\/+$/, '')}/${chartBase(chart.chart)}:${chart.version}`
    : `${chartBase(chart.chart)} ${chart.version} ${chart.repository}`));
  return [...list.images, ...charts].map((line) => `${line}\n`).join('');
}

export function formatMirrorList(list: MirrorList, format: MirrorFormat): string {
  switch (format) {
    case 'yaml':
      return toYaml(list);
    case 'json':
      return toJson(list);
    case 'plain':
      return plain(list);
    case 'hauler':
      return hauler(list);
    case 'zarf':
      return zarf(list);
  }
}
