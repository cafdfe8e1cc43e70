/**
 * Every stage and its three doors, in one place: the option and output tables (src/core/<stage>/options.ts),
 * the CLI command, the action (actions/<action>/action.yml, src/actions/<action>) and the GitLab
 * component (gitlab/templates/<component>.yml). action.yml files, component templates and the
 * README tables are generated from this list (`npm run docs`) and checked in CI.
 */
import { ROOT_OPTIONS, ROOT_OUTPUTS } from './actions/root/options.js';
import { BUNDLE_OPTIONS, BUNDLE_OUTPUTS } from './core/bundle/options.js';
import { VERIFY_OPTIONS, VERIFY_OUTPUTS } from './core/checksums/options.js';
import type { OutputTable } from './core/options/outputs.js';
import type { OptionTable } from './core/options/spec.js';
import { RECIPE_OPTIONS, RECIPE_OUTPUTS } from './core/recipe/options.js';
import { SNAPSHOT_OPTIONS, SNAPSHOT_OUTPUTS } from './core/snapshot/options.js';
import { VALIDATE_OPTIONS, VALIDATE_OUTPUTS } from './core/validate/options.js';

interface ActionDoor {
  /** Folder under actions/ (`root`: the repository's own action.yml). */
  folder: string;
  name: string;
  description: string;
  icon: string;
}

interface ComponentDoor {
  /** Template name under gitlab/templates/. */
  name: string;
  description: string;
  /** The job's artifacts; `$[[ inputs.x ]]` refers to the component's inputs. */
  artifacts: { when?: 'always'; paths?: string[]; reports?: Record<string, string> };
  /**
   * The earlier components' jobs this one waits for, so that the components chain when included
   * together with their default inputs. Each need is optional (a component included alone runs on
   * files of the repository) and names the job through an input `<component>-job`.
   */
  needs?: ComponentNeed[];
  /**
   * Defaults of this stage's inputs in the pipeline component, where every stage's job is always
   * there (the recipe detects the criteria from the snapshot job's artifact). Only in the
   * template, so that an empty input still means none.
   */
  pipelineDefaults?: Record<string, string>;
}

interface ComponentNeed {
  /** The component whose job is needed. */
  component: string;
  /** Whether its artifacts are downloaded (false: only wait for it to pass). */
  artifacts: boolean;
  /** What the job takes from it, for the input's description. */
  why: string;
}

export interface Stage {
  options: OptionTable;
  outputs: OutputTable;
  /** The CLI command; absent for the one-step root action. */
  command?: string;
  action: ActionDoor;
  component?: ComponentDoor;
}

/** The dotenv report every component job writes (its outputs as AICR_<STAGE>_<OUTPUT>). */
export const dotenvFile = (component: string): string => `aicr-${component}.env`;

export const STAGES: readonly Stage[] = [
  {
    options: SNAPSHOT_OPTIONS,
    outputs: SNAPSHOT_OUTPUTS,
    command: 'snapshot',
    action: {
      folder: 'snapshot',
      name: 'AICR snapshot',
      description: 'Measure a GPU node (OS, systemd, GPU with MIG, Kubernetes, node topology) into an NVIDIA AI Cluster Runtime snapshot, and report drift against a baseline.',
      icon: 'camera',
    },
    component: {
      name: 'snapshot',
      description: 'Measure a GPU node into an NVIDIA AI Cluster Runtime snapshot, keep it as a job artifact, and optionally report drift against a baseline.',
      artifacts: { when: 'always', paths: ['$[[ inputs.output ]]', '$[[ inputs.diff-output ]]'] },
    },
  },
  {
    options: RECIPE_OPTIONS,
    outputs: RECIPE_OUTPUTS,
    command: 'recipe',
    action: {
      folder: 'recipe',
      name: 'AICR recipe',
      description: 'Resolve an NVIDIA AI Cluster Runtime recipe (components, versions, values, constraints, deployment order) for a GPU Kubernetes cluster.',
      icon: 'layers',
    },
    component: {
      name: 'recipe',
      description: 'Resolve an NVIDIA AI Cluster Runtime recipe and publish it as a job artifact.',
      artifacts: { paths: ['$[[ inputs.output ]]', '$[[ inputs.plan-file ]]'] },
      needs: [{ component: 'snapshot', artifacts: true, why: 'its snapshot, for the snapshot input when you point it there' }],
      pipelineDefaults: { snapshot: 'snapshot.yaml', 'plan-file': 'recipe-plan.md' },
    },
  },
  {
    options: VALIDATE_OPTIONS,
    outputs: VALIDATE_OUTPUTS,
    command: 'validate',
    action: {
      folder: 'validate',
      name: 'AICR validate',
      description: 'Check an NVIDIA AI Cluster Runtime recipe\'s readiness constraints against a cluster snapshot and, given cluster access, its deployment; CTRF and JUnit reports, annotations on the recipe, a job summary.',
      icon: 'check-square',
    },
    component: {
      name: 'validate',
      description: 'Validate an NVIDIA AI Cluster Runtime recipe\'s readiness constraints against a cluster snapshot and, given cluster access, its deployment; CTRF, JUnit and Code Quality reports.',
      artifacts: {
        when: 'always',
        paths: ['$[[ inputs.report-dir ]]/'],
        reports: { junit: '$[[ inputs.report-dir ]]/junit.xml', codequality: '$[[ inputs.report-dir ]]/gl-code-quality-report.json' },
      },
      // The pipeline checks a recipe before it is bundled and deployed: readiness only.
      pipelineDefaults: { phase: 'readiness' },
      needs: [
        { component: 'snapshot', artifacts: true, why: 'the snapshot (default snapshot input)' },
        { component: 'recipe', artifacts: true, why: 'the recipe (default recipe input)' },
      ],
    },
  },
  {
    options: BUNDLE_OPTIONS,
    outputs: BUNDLE_OUTPUTS,
    command: 'bundle',
    action: {
      folder: 'bundle',
      name: 'AICR bundle',
      description: 'Generate a deployment bundle (Helm, Argo CD, Argo CD Helm chart, Flux or Helmfile) from an NVIDIA AI Cluster Runtime recipe, with checksums.txt.',
      icon: 'package',
    },
    component: {
      name: 'bundle',
      description: 'Generate an NVIDIA AI Cluster Runtime deployment bundle from a recipe and publish it as a job artifact.',
      artifacts: { when: 'always', paths: ['$[[ inputs.output ]]/', '$[[ inputs.plan-file ]]'], reports: { codequality: '$[[ inputs.codequality ]]' } },
      pipelineDefaults: { 'plan-file': 'bundle-plan.md' },
      needs: [
        { component: 'recipe', artifacts: true, why: 'the recipe (default recipe input)' },
        { component: 'validate', artifacts: false, why: 'nothing: a recipe that fails validation is not bundled' },
      ],
    },
  },
  {
    options: VERIFY_OPTIONS,
    outputs: VERIFY_OUTPUTS,
    command: 'verify',
    action: {
      folder: 'verify-checksums',
      name: 'AICR verify checksums',
      description: 'Check an AICR bundle against its checksums.txt and report every modified, missing or unlisted file, unsafe path and escaping symbolic link.',
      icon: 'check-circle',
    },
    component: {
      name: 'verify-checksums',
      description: 'Check an NVIDIA AI Cluster Runtime bundle against its checksums.txt; every problem is reported in the log and as a Code Quality report.',
      artifacts: { when: 'always', reports: { codequality: '$[[ inputs.codequality ]]' } },
      needs: [{ component: 'bundle', artifacts: true, why: 'the bundle (default bundle-dir input)' }],
    },
  },
  {
    options: ROOT_OPTIONS,
    outputs: ROOT_OUTPUTS,
    action: {
      folder: 'root',
      name: 'AICR',
      description: 'NVIDIA AI Cluster Runtime in one step: resolve a recipe for a GPU Kubernetes cluster, validate it against a snapshot, bundle it for Helm, Argo CD, Flux or Helmfile, and verify the bundle.',
      icon: 'layers',
    },
  },
];
