/**
 * Discovery: the images and charts of a list of components. As upstream does, each chart from a
 * repository is rendered with `helm template` (the component's final values, the recipe's
 * Kubernetes version, the API versions charts gate on, CRDs left out) and the output scanned,
 * and so is every manifest. Beyond upstream: `offline` (or a chart helm cannot render) scans the
 * values instead, and says so in the component's warnings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AicrError, ErrorCode } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { compareStrings, toJson } from '../serialize.js';
import { runBounded, type BoundedRunResult } from '../util/child-process.js';
import { extractImages, ImageScanError } from './images.js';
import type { ChartRef, ComponentImages, MirrorList } from './format.js';

/** Kubernetes version charts are rendered for when the recipe names none (upstream's default). */
const DEFAULT_KUBE_VERSION = '1.33.0';
/** API versions declared to `helm template`, for charts that check for them (upstream's list). */
const EXTRA_API_VERSIONS = ['resource.k8s.io/v1', 'resource.k8s.io/v1beta1'];
const HELM_TEMPLATE_TIMEOUT_MS = 90_000;
const MAX_RENDERED_BYTES = 64 * 1024 * 1024;
const CONCURRENCY = 4;

/** One component to discover: where its chart comes from and what else it ships. */
export interface MirrorComponent {
  name: string;
  type: 'helm' | 'kustomize';
  namespace: string;
  /** A chart from a repository: listed, and rendered from there unless `localChart` is set. */
  chart?: { name: string; repository: string; version: string };
  /** Values the chart is rendered with. */
  values: Record<string, unknown>;
  /** Values files to render with instead of `values` (a bundle folder's). */
  valuesFiles?: string[];
  /** A chart directory on disk to render (a bundle's local or vendored chart). */
  localChart?: string;
  /** What is scanned instead of the rendered chart when it is not rendered (default: `values`). */
  fallback?: Array<{ where: string; text: string }>;
  /** Texts scanned as they are (manifests). */
  texts: Array<{ where: string; text: string }>;
  /** Warnings found while collecting the component (a kustomization that is not rendered…). */
  warnings: string[];
}

export interface DiscoverOptions {
  offline: boolean;
  kubeVersion: string;
  /** Environment helm runs in (its PATH finds helm; HOME holds its cache). */
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  recipeVersion?: string;
  criteria?: string;
}

/** `K8s.server.version` of the recipe's constraints as `helm template --kube-version` takes it. */
export function kubeVersionFrom(constraints: ReadonlyArray<{ name: string; value: string }> | undefined): string {
  const value = constraints?.find((constraint) => constraint.name === 'K8s.server.version')?.value;
  if (value === undefined) return DEFAULT_KUBE_VERSION;
  const version = value.replace(/^[><=!~ ]+/, '').split(' ')[0]!.replace(/^v/, '');
  return version === '' ? DEFAULT_KUBE_VERSION : version;
}

function helmOutput(result: BoundedRunResult): string {
  if (result.kind === 'spawn-failed') return result.error.message;
  if (result.kind === 'timeout') return `did not finish within ${HELM_TEMPLATE_TIMEOUT_MS / 1000} s`;
  if (result.kind === 'too-much-output') return `printed more than ${MAX_RENDERED_BYTES} bytes`;
  return result.stderr.toString('utf8').trim().split('\n').slice(-3).join(' ');
}

/** `helm template` of one component; the rendered text, or why it failed. */
async function render(component: MirrorComponent, options: DiscoverOptions): Promise<{ text: string } | { failure: string }> {
  const scratch = mkdtempSync(join(tmpdir(), 'aicr-mirror-'));
  try {
    const args = ['template', `release-${component.name}`];
    if (component.localChart) args.push(component.localChart);
    else {
      const chart = component.chart!;
      if (chart.repository.startsWith('oci://')) args.push(`${chart.repository.replace(/\/+$/, '')}/${chart.name.slice(chart.name.lastIndexOf('/') + 1)}`);
      else args.push(chart.name, '--repo', chart.repository);
      if (chart.version) args.push('--version', chart.version);
    }
    if (component.namespace) args.push('--namespace', component.namespace);
    args.push('--kube-version', options.kubeVersion);
    for (const api of EXTRA_API_VERSIONS) args.push('--api-versions', api);
    if (component.valuesFiles) for (const file of component.valuesFiles) args.push('--values', file);
    else if (Object.keys(component.values).length > 0) {
      // JSON is YAML: the values reach helm exactly, whatever their keys hold.
      const file = join(scratch, 'values.yaml');
      writeFileSync(file, toJson(component.values), { mode: 0o600 });
      args.push('--values', file);
    }
    args.push('--include-crds=false');
    const result = await runBounded('helm', args, {
      timeoutMs: HELM_TEMPLATE_TIMEOUT_MS,
      maxStdoutBytes: MAX_RENDERED_BYTES,
      stdoutOverflow: 'fail',
      env: { ...options.env, HOME: options.env.HOME ?? scratch },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.kind === 'cancelled' && options.signal?.aborted) throw options.signal.reason;
    if (result.kind === 'exited' && result.code === 0) return { text: result.stdout.toString('utf8') };
    return { failure: helmOutput(result) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Scans one text; a text that is not YAML becomes a warning, a bad image descriptor an error. */
async function scan(where: string, text: string, images: string[], warnings: string[], options: { pinDigests?: boolean } = {}): Promise<void> {
  try {
    images.push(...await extractImages(text, where, options));
  } catch (error) {
    if (!(error instanceof ImageScanError)) throw error;
    warnings.push(`image extraction failed: ${error.message}`);
  }
}

async function discoverComponent(component: MirrorComponent, options: DiscoverOptions): Promise<ComponentImages> {
  const images: string[] = [];
  const warnings = [...component.warnings];
  const renderable = component.type === 'helm' && (component.chart !== undefined || component.localChart !== undefined);
  if (renderable) {
    const rendered = options.offline ? undefined : await render(component, options);
    if (rendered && 'text' in rendered) await scan(`helm template ${component.name}`, rendered.text, images, warnings);
    else {
      if (rendered) warnings.push(`helm template failed: ${rendered.failure}; images taken from the values only`);
      for (const { where, text } of component.fallback ?? [{ where: `${component.name} values`, text: toJson(component.values) }]) await scan(where, text, images, warnings, { pinDigests: true });
    }
  }
  for (const { where, text } of component.texts) await scan(where, text, images, warnings);
  const unique = [...new Set(images)].sort(compareStrings);
  return { component: component.name, type: component.type, images: unique, ...(warnings.length ? { warnings } : {}) };
}

/** Checks that helm runs before any chart is rendered (exit 3 with the way out). */
export async function requireHelm(env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<void> {
  const result = await runBounded('helm', ['version', '--short'], { env, timeoutMs: 30_000, maxStdoutBytes: 4096, ...(signal ? { signal } : {}) });
  if (result.kind === 'exited' && result.code === 0) return;
  throw new AicrError(ErrorCode.NotFound, `mirror list renders each chart with helm, and helm does not run here: ${helmOutput(result)}`, {
    hint: `install helm (v3 or later) on the PATH, or pass ${optionRef('offline')} to list the images of values and manifests only`,
  });
}

/** The mirror list of `components` (in the given order; images and charts deduplicated). */
export async function discover(components: readonly MirrorComponent[], options: DiscoverOptions): Promise<MirrorList> {
  const results: ComponentImages[] = new Array(components.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < components.length) {
      const position = next++;
      results[position] = await discoverComponent(components[position]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, components.length) }, worker));
  const charts: ChartRef[] = [];
  for (const component of components) {
    if (component.type !== 'helm' || !component.chart) continue;
    charts.push({ name: component.name, repository: component.chart.repository, chart: component.chart.name, version: component.chart.version, ...(component.namespace ? { namespace: component.namespace } : {}) });
  }
  const images = [...new Set(results.flatMap((result) => result.images))].sort(compareStrings);
  const metadata = { ...(options.recipeVersion ? { recipeVersion: options.recipeVersion } : {}), ...(options.criteria ? { criteria: options.criteria } : {}) };
  return { images, charts, components: results, metadata };
}
