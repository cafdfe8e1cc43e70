/** TypeScript shapes of the documents we read and write (schemas/ holds the JSON Schemas). */

/** The apiVersion of the artifacts we write (upstream v1.0's target; every kind's values: api-versions.ts). */
export const API_VERSION = 'aicr.run/v1';

export interface Constraint {
  name: string;
  value: string;
  severity?: 'error' | 'warning';
  remediation?: string;
  unit?: string;
}

interface ExpectedResource {
  kind: string;
  name: string;
  namespace?: string;
}

type Overrides = Record<string, unknown>;

export interface ComponentRef {
  name: string;
  namespace?: string;
  chart?: string;
  type?: 'Helm' | 'Kustomize' | '';
  source?: string;
  version?: string;
  tag?: string;
  valuesFile?: string;
  overrides?: Overrides;
  patches?: string[];
  dependencyRefs?: string[];
  manifestFiles?: string[];
  /** Manifests applied before the chart (a `<name>-pre` folder in bundles). */
  preManifestFiles?: string[];
  path?: string;
  cleanup?: boolean;
  expectedResources?: ExpectedResource[];
  healthCheckAsserts?: string;
  /** Upstream: leave the registry's health check out for this component (a rollback switch). */
  healthCheckSkip?: boolean;
}

interface NodeSelection {
  selector?: Record<string, string>;
  maxNodes?: number;
  excludeNodes?: string[];
}

export interface ValidationPhase {
  timeout?: string;
  constraints?: Constraint[];
  checks?: string[];
  nodeSelection?: NodeSelection;
  infrastructure?: string;
}

export const PHASES = ['readiness', 'deployment', 'performance', 'conformance'] as const;
export type PhaseName = (typeof PHASES)[number];
export type ValidationConfig = Partial<Record<PhaseName, ValidationPhase>>;

/** Criteria as written in an overlay or criteria file: raw strings, not normalised. */
export interface RawCriteria {
  service?: string;
  accelerator?: string;
  intent?: string;
  os?: string;
  platform?: string;
  nodes?: number;
}

export interface RecipeMetadataSpec {
  base?: string;
  criteria?: RawCriteria | null;
  mixins?: string[];
  constraints?: Constraint[];
  componentRefs?: ComponentRef[];
  validation?: ValidationConfig;
  /** ADR-015 configuration profile: one named choice whose values assign component overrides. */
  profile?: ProfileDeclaration;
}

/** One value of a configuration profile: overrides on existing components, and constraints. */
interface ProfileValue {
  /** Who advertises nvidia.com/gpu under this value: absent (the recipe's components) or `external`. */
  advertiser?: string;
  constraints?: Constraint[];
  componentRefs?: Array<{ name: string; overrides?: Overrides }>;
}

export interface ProfileDeclaration {
  name: string;
  description?: string;
  default: string;
  values: Record<string, ProfileValue>;
}

/** The profile value a recipe was generated with, and the component value paths it owns. */
export interface SelectedProfile {
  name: string;
  value: string;
  advertiser?: string;
  /** Component name → sorted dot paths; `enabled` stands for the component's presence. */
  ownedPaths: Record<string, string[]>;
}

export interface RecipeMetadata {
  kind?: string;
  apiVersion?: string;
  metadata: { name: string };
  spec: RecipeMetadataSpec;
}

export interface RecipeMixin {
  kind: 'RecipeMixin';
  apiVersion?: string;
  metadata: { name: string };
  spec: { constraints?: Constraint[]; componentRefs?: ComponentRef[] };
}

interface SchedulingPaths {
  nodeSelectorPaths?: string[];
  tolerationPaths?: string[];
  taintPaths?: string[];
  taintStrPaths?: string[];
}

interface RegistryValidation {
  function: string;
  severity?: 'info' | 'warning' | 'error';
  conditions?: Record<string, string[]>;
  message?: string;
}

export interface ComponentConfig {
  name: string;
  displayName?: string;
  valueOverrideKeys?: string[];
  helm?: { defaultRepository?: string; defaultChart?: string; defaultVersion?: string; defaultNamespace?: string };
  kustomize?: { defaultSource?: string; defaultPath?: string; defaultTag?: string };
  nodeScheduling?: { system?: SchedulingPaths; accelerated?: SchedulingPaths; nodeCountPaths?: string[] };
  podScheduling?: { workload?: { workloadSelectorPaths?: string[] } };
  validations?: RegistryValidation[];
  healthCheck?: { assertFile?: string };
  storageClassPaths?: string[];
  sharedStorageClassPaths?: string[];
  /** Manifests a component ref gets when it names none itself. */
  manifestFiles?: string[];
  gkeCriticalPriority?: boolean;
  hasSelfRefCRDs?: boolean;
  ownsCRDs?: boolean;
  manifestsUseChartCRDs?: boolean;
  testTier?: 'scheduling' | 'deploy' | 'gpu-aware';
  [extra: string]: unknown;
}

export interface ComponentRegistry {
  apiVersion?: string;
  kind?: string;
  components: ComponentConfig[];
}

export interface RecipeCriteriaDocument {
  kind?: string;
  apiVersion?: string;
  metadata?: { name?: string } | null;
  spec?: RawCriteria | null;
}

export interface ExcludedOverlay {
  name: string;
  reason: string;
}

export interface ConstraintWarning {
  overlay: string;
  constraint: string;
  expected: string;
  actual?: string;
  reason: string;
}

/** Normalised criteria: every string field holds a canonical value or `any`. */
export interface Criteria {
  service: string;
  accelerator: string;
  intent: string;
  os: string;
  platform: string;
  nodes: number;
}

/** Upstream's RecipeConfiguration (ADR-016 Slurm accounting, ADR-019 runtime inventory). */
export interface RecipeConfiguration {
  slurm?: { accounting?: { mode: string } };
  runtimeInventory?: { mode: string };
}

export interface RecipeResult {
  kind: 'RecipeResult';
  apiVersion: string;
  metadata: {
    version?: string;
    appliedOverlays?: string[];
    excludedOverlays?: Array<string | ExcludedOverlay>;
    constraintWarnings?: ConstraintWarning[];
    /** NVIDIA kernel driver seen on the snapshot's GPU node: `preinstalled` or `absent`. */
    gpuDriverState?: string;
    selectedProfile?: SelectedProfile;
    /** Official MariaDB Operator evidence of the snapshot, for AICR-provided Slurm accounting. */
    mariaDBOperatorState?: string;
  };
  criteria: Partial<Criteria>;
  /** Typed choices that change the resolved recipe without taking part in overlay matching. */
  configuration?: RecipeConfiguration;
  constraints?: Constraint[];
  componentRefs: ComponentRef[];
  deploymentOrder: string[];
  validation?: ValidationConfig;
}

export type Reading = string | number | boolean | null;

export interface Subtype {
  subtype?: string;
  data: Record<string, Reading>;
  context?: Record<string, string>;
}

export interface Measurement {
  type: string;
  subtypes?: Subtype[];
  /** Set by our collectors when a source could not be read. */
  unavailable?: {
    reason: string;
    /** Subtype name → reason, when only some of the measurement's sources were unavailable. */
    subtypes?: Record<string, string>;
  };
}

export interface Snapshot {
  kind?: string;
  apiVersion?: string;
  metadata?: Record<string, string>;
  measurements: Measurement[];
}
