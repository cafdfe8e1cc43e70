/** Shapes shared by the bundle planner, the deployers and the front doors. */
import type { ComponentConfig, ComponentRef, RecipeResult } from '../documents/types.js';
import type { RenderedManifest } from './manifests.js';
import type { SchedulingFlags } from './scheduling.js';
import type { FetchSettings } from './vendor/repository.js';

export const DEPLOYERS = ['helm', 'argocd', 'argocdhelm', 'flux', 'helmfile'] as const;
export type DeployerName = (typeof DEPLOYERS)[number];

/** Options of the bundle stage, the same for a CLI flag, an action input and a GitLab input. */
export interface BundleOptions extends SchedulingFlags {
  deployer: DeployerName;
  /** `--set component:path=value` flags, in order. */
  set?: string[];
  /** `--set-json component:path=<json>` flags, in order. */
  setJson?: string[];
  /** `--set-file component:path=<file>` flags, in order. */
  setFile?: string[];
  /** `--dynamic component:path` declarations: values left to install time. */
  dynamic?: string[];
  /** `--readiness-hooks`: a readiness gate chart after each component that ships readiness.yaml. */
  readinessHooks?: boolean;
  /** Where relative `--set-file` paths start, and which folder their links may not leave (default: the working directory). */
  workspace?: string;
  /** Git (or OCI) URL of the repository the bundle is pushed to (GitOps deployers). */
  repo?: string;
  /** Folder of the bundle inside that repository (empty: its root). */
  repoPath?: string;
  /** Branch, tag or commit GitOps tools track (default `main`). */
  targetRevision?: string;
  /** StorageClass for registry `storageClassPaths`. */
  storageClass?: string;
  /** RWX StorageClass for registry `sharedStorageClassPaths`. */
  sharedStorageClass?: string;
  /** Version string written into scripts and READMEs (default: this program's version). */
  toolVersion?: string;
  /** Download every repository chart into the bundle (`--vendor-charts`). */
  vendorCharts?: boolean;
  /** Deadline of each chart download exchange (AICR_REQUEST_TIMEOUT) and the run's interrupt. */
  vendorFetch?: FetchSettings;
}

export interface ChartSource {
  /** Chart name (the recipe's `chart`, or the component name). */
  name: string;
  /** Repository URL as in the recipe (`https://…` or `oci://…`). */
  repo: string;
  /** Version exactly as in the recipe. */
  version: string;
  oci: boolean;
}

interface KustomizeSource {
  /** Git repository (or empty for a path inside the catalog). */
  repo: string;
  path: string;
  tag: string;
}

/** One vendored chart, as `provenance.yaml` lists it (upstream's field names). */
export interface VendorRecord {
  /** Component name. */
  name: string;
  chart: string;
  /** The version as the recipe pins it. */
  version: string;
  repository: string;
  /** sha256 of the bytes under charts/. */
  sha256: string;
  tarballName: string;
  /** What downloaded the chart. */
  pullerVersion: string;
}

export interface VendoredChart {
  record: VendorRecord;
  /** The version the chart itself carries (the index entry's), declared by the wrapper chart. */
  chartVersion: string;
  bytes: Uint8Array;
}

/** One component that survived selection, with its final values and rendered manifests. */
export interface PlannedComponent {
  ref: ComponentRef;
  name: string;
  namespace: string;
  config: ComponentConfig;
  /** The key GitOps values files use for this component (first valueOverrideKeys entry). */
  overrideKey: string;
  values: Record<string, unknown>;
  /** `--dynamic` values taken out of `values`, with their bundled value (or "") as default; upstream charts only. */
  dynamicValues?: Record<string, unknown>;
  kind: 'helm' | 'manifest' | 'kustomize';
  chart?: ChartSource;
  kustomize?: KustomizeSource;
  preManifests: RenderedManifest[];
  manifests: RenderedManifest[];
  /** `--readiness-hooks`: the gate chart's template, when the component ships a readiness test. */
  readiness?: RenderedManifest;
  /** Dependencies that are part of the bundle. */
  dependencies: string[];
  folders: Folder[];
}

/**
 * One deployable unit: a numbered folder `NNN-<release>`. Upstream folders install a chart
 * from its repository; local folders wrap rendered manifests in a generated chart; kustomize
 * folders point at a kustomization.
 */
export interface Folder {
  index: number;
  dir: string;
  release: string;
  role: 'pre' | 'primary' | 'post' | 'readiness';
  kind: 'upstream' | 'local' | 'kustomize';
  component: PlannedComponent;
  namespace: string;
  /** Manifests of a local folder (hook annotations removed). */
  manifests: RenderedManifest[];
  /** A local chart that ships its own Namespace object (so it must not create it). */
  ownsNamespace: boolean;
  /** `--vendor-charts`: the downloaded chart this (then local) folder wraps. */
  vendored?: VendoredChart;
}

export interface BundlePlan {
  /** The recipe with disabled components removed (written as recipe.yaml). */
  recipe: RecipeResult;
  components: PlannedComponent[];
  folders: Folder[];
  /** Warnings and notes for the log and the summary. */
  notes: string[];
  /** Findings of the registry's bundle-time validations (also in notes), for annotations and reports. */
  validationFindings?: ValidationFinding[];
  deployer: DeployerName;
  toolVersion: string;
  repoURL: string;
  /** False when repoURL is the placeholder (no `--repo`). */
  repoGiven: boolean;
  /** Normalised folder of the bundle inside the repository (`clusters/prod`), '' for the root. */
  repoPath: string;
  targetRevision: string;
  /** Files of the external data directory, copied under data/. */
  dataFiles: Array<{ path: string; content: string }>;
  /** `--vendor-charts`: what provenance.yaml lists (empty without vendoring). */
  vendoredCharts?: VendorRecord[];
}

/** A file of the bundle, relative to its root. */
export interface BundleFile {
  path: string;
  /** Text, or bytes for binary files (vendored chart tarballs). */
  content: string | Uint8Array;
  /** 0o755 for scripts, 0o644 otherwise. */
  mode: number;
}

/** What a deployer produces from a plan. */
export interface DeployerOutput {
  files: BundleFile[];
  /** What to do next, one step per line. */
  steps: string[];
  notes: string[];
}

export interface Deployer {
  name: DeployerName;
  /** Human name, e.g. "Helm per-component bundle". */
  title: string;
  generate(plan: BundlePlan): DeployerOutput;
}

/** One finding of a registry bundle-time validation. */
export interface ValidationFinding {
  component: string;
  /** The registry's function name, e.g. CheckWildcardAcceleratedToleration. */
  function: string;
  severity: 'warning' | 'error';
  message: string;
}
