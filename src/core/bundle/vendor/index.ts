/**
 * `--vendor-charts`: every Helm chart a bundle installs from a repository (HTTP(S) or OCI) is downloaded at
 * bundle time and shipped inside the bundle, as upstream lays it out: the primary folder turns
 * into a wrapper chart (`Chart.yaml` declaring the chart as a dependency, `charts/<tarball>`,
 * values nested under the chart's name), and `provenance.yaml` at the root records where each
 * chart came from and its sha256. Nothing is written until every chart is in hand, so a failed
 * download leaves no bundle behind.
 */
import { invalidInput } from '../../errors.js';
import { optionRef } from '../../option-refs.js';
import { quoted } from '../../safe-text.js';
import { compareStrings, toYaml } from '../../serialize.js';
import type { BundlePlan, Folder, VendoredChart, VendorRecord } from '../types.js';
import { pullFromRegistry } from './oci.js';
import { pullFromRepository, SAFE_CHART_NAME, SAFE_CHART_VERSION, type FetchSettings } from './repository.js';

export const PROVENANCE_FILE = 'provenance.yaml';
/** BundleProvenance is written with upstream v1.0's apiVersion for the kind. */
const PROVENANCE_API_VERSION = 'aicr.run/v1';
/** Charts downloaded at once. */
const CONCURRENCY = 4;

/** The primary folders whose chart comes from a repository: the ones vendoring replaces. */
function vendorableFolders(plan: BundlePlan): Folder[] {
  return plan.folders.filter((folder) => folder.kind === 'upstream' && folder.role === 'primary' && folder.component.chart !== undefined);
}

/** Refuses what cannot be vendored before anything is downloaded. */
function checkVendorable(folder: Folder): void {
  const chart = folder.component.chart!;
  const label = `${optionRef('vendor-charts')}: component ${quoted(folder.component.name)}`;
  if (chart.oci) {
    if (!/^oci:\/\/[A-Za-z0-9.[\]:-]+(\/[A-Za-z0-9._-]+)*\/?$/.test(chart.repo)) throw invalidInput(`${label}: ${quoted(chart.repo)} is not an oci://host/path reference`, { hint: 'use oci://<registry>/<path>, the chart name apart' });
  } else if (!/^https?:\/\//.test(chart.repo)) throw invalidInput(`${label}: repository ${quoted(chart.repo)} is not an http(s) URL`, { hint: 'use the chart repository URL (the one that serves index.yaml)' });
  if (!SAFE_CHART_NAME.test(chart.name)) throw invalidInput(`${label}: chart name ${quoted(chart.name)} must match ${SAFE_CHART_NAME.source}`, { hint: 'fix the component\'s chart name' });
  if (!chart.version) throw invalidInput(`${label}: no chart version`, { hint: 'pin the component to one chart version to vendor it' });
  if (!SAFE_CHART_VERSION.test(chart.version)) throw invalidInput(`${label}: version ${quoted(chart.version)} must match ${SAFE_CHART_VERSION.source}`, { hint: 'pin the component to one chart version (e.g. 1.2.3)' });
}

/**
 * Downloads the chart of every vendorable folder and turns those folders into wrapper-chart
 * folders. Returns the records for provenance.yaml, sorted by component name.
 */
export async function vendorCharts(plan: BundlePlan, settings: FetchSettings): Promise<VendorRecord[]> {
  const folders = vendorableFolders(plan);
  folders.forEach(checkVendorable);
  const pulled: VendoredChart[] = new Array(folders.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < folders.length) {
      const position = next++;
      const folder = folders[position]!;
      const chart = folder.component.chart!;
      const label = `${optionRef('vendor-charts')}: component ${quoted(folder.component.name)}`;
      const result = chart.oci ? await pullFromRegistry(chart.repo, chart.name, chart.version, label, settings) : await pullFromRepository(chart.repo, chart.name, chart.version, label, settings);
      pulled[position] = {
        record: {
          name: folder.component.name,
          chart: chart.name,
          version: chart.version,
          // The bundle is shared: user:password in a repository URL never goes into it.
          repository: chart.repo.replace(/^(https?:\/\/)[^@/]*@/, '$1'),
          sha256: result.sha256,
          tarballName: result.tarballName,
          pullerVersion: `aicr ${plan.toolVersion}`,
        },
        chartVersion: result.resolvedVersion,
        bytes: result.bytes,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, folders.length) }, worker));
  folders.forEach((folder, position) => {
    folder.kind = 'local';
    folder.vendored = pulled[position]!;
  });
  return pulled.map((chart) => chart.record).sort((a, b) => compareStrings(a.name, b.name));
}

/** `provenance.yaml`: upstream's BundleProvenance with its keys in upstream's (alphabetical) order. */
export function provenanceYaml(records: readonly VendorRecord[]): string {
  return toYaml({ apiVersion: PROVENANCE_API_VERSION, kind: 'BundleProvenance', vendoredCharts: records }, { sortKeys: true });
}

/** `Chart.yaml` of a vendored folder: a wrapper that installs the chart in charts/ as its one dependency. */
export function wrapperChartYaml(folder: Folder): string {
  const vendored = folder.vendored!;
  return toYaml({
    apiVersion: 'v2',
    name: folder.release,
    description: `Wrapper chart vendoring ${vendored.record.chart}@${dependencyVersion(vendored)} for ${folder.component.name}.`,
    type: 'application',
    version: '0.1.0',
    appVersion: '0.1.0',
    // An empty repository makes Helm take the dependency from charts/ (no `helm dependency update`).
    dependencies: [{ name: vendored.record.chart, version: dependencyVersion(vendored), repository: '' }],
  });
}

/** The dependency's version as upstream writes it: the pinned version without a leading `v`. */
function dependencyVersion(vendored: VendoredChart): string {
  return vendored.record.version.replace(/^v/, '') || '0.1.0';
}

/** Values of a vendored folder: a wrapper chart passes values to its dependency under the dependency's name. */
export function nestedValues(folder: Folder): Record<string, unknown> {
  const values = folder.component.values;
  return Object.keys(values).length === 0 ? {} : { [folder.vendored!.record.chart]: values };
}
