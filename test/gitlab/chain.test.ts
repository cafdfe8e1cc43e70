/**
 * The components included together with their default inputs, and the pipeline component, run the
 * whole flow on a plain runner (no cluster, no GPU): snapshot → recipe → validate → bundle →
 * verify-checksums, each job reading the previous job's artifact through `needs`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { runPipeline, type PipelineRun } from '../helpers/gitlab.js';
import { REPO_ROOT } from '../helpers/paths.js';

const component = (name: string, inputs?: Record<string, unknown>) =>
  `  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/${name}@$CI_COMMIT_SHA\n${inputs ? `    inputs: ${JSON.stringify(inputs)}\n` : ''}`;
const FLOW = ['snapshot', 'recipe', 'validate', 'bundle', 'verify-checksums'];

/** A runner without a cluster: no $KUBECONFIG, an empty HOME (no ~/.kube/config). */
function onPlainRunner(work: () => PipelineRun): PipelineRun {
  const saved = { HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG };
  process.env.HOME = mkdtempSync(join(tmpdir(), 'aicr-home-'));
  delete process.env.KUBECONFIG;
  try {
    return work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** The jobs in the order they started, from gitlab-ci-local's "starting" lines. */
function startOrder(output: string): string[] {
  return [...output.matchAll(/^(\S+)\s+starting /gm)].map((m) => m[1]!);
}

function expectFlowRan(run: PipelineRun, jobs: Record<string, string>): void {
  expect(run.exitCode, run.output).toBe(0);
  const order = startOrder(run.output);
  const position = (job: string) => order.indexOf(job);
  for (const job of Object.values(jobs)) expect(order, run.output).toContain(job);
  // Each job starts only after the one it needs has finished (gitlab-ci-local runs a job once its needs pass).
  expect(position(jobs.snapshot!)).toBeLessThan(position(jobs.recipe!));
  expect(position(jobs.recipe!)).toBeLessThan(position(jobs.validate!));
  expect(position(jobs.validate!)).toBeLessThan(position(jobs.bundle!));
  expect(position(jobs.bundle!)).toBeLessThan(position(jobs['verify-checksums']!));
  // Each job found the previous one's artifact under its default input.
  const recipe = parse(run.jobFile(jobs.validate!, 'recipe.yaml')!);
  expect(recipe.kind).toBe('RecipeResult');
  expect(parse(run.jobFile(jobs.validate!, 'snapshot.yaml')!).kind).toBe('Snapshot');
  expect(run.jobFile(jobs.bundle!, 'bundle/checksums.txt')).toMatch(/README\.md/);
  expect(run.jobFile(jobs['verify-checksums']!, 'bundle/checksums.txt')).toBeDefined();
  expect(run.output).toMatch(/validate: partial/);
  expect(run.output).toMatch(/all \d+ files match checksums\.txt/);
}

const CRITERIA = { service: 'eks', accelerator: 'h100', intent: 'training' };
const OLD_CLUSTER = `kind: Snapshot
apiVersion: aicr.nvidia.com/v1alpha1
measurements:
  - type: K8s
    subtypes:
      - subtype: server
        data:
          version: v1.20.0
`;

describe('gitlab components chained with their default inputs', () => {
  it('runs snapshot → recipe → validate → bundle → verify-checksums from five includes, only the recipe criteria given, no stages list', () => {
    const run = onPlainRunner(() => runPipeline(`include:\n${FLOW.map((name) => component(name, name === 'recipe' ? CRITERIA : undefined)).join('')}`));
    expectFlowRan(run, Object.fromEntries(FLOW.map((name) => [name, `aicr-${name}`])));
    // The criteria inputs, not the runner's snapshot, decide the recipe.
    expect(parse(run.jobFile('aicr-validate', 'recipe.yaml')!).metadata.appliedOverlays).toContain('h100-eks-training');
  });

  it('detects the criteria from the snapshot job when the recipe reads it, and finds renamed jobs through the <component>-job inputs', () => {
    const run = onPlainRunner(() => runPipeline(`include:
${component('snapshot', { 'job-name': 'measure' })}${component('recipe', { 'job-name': 'resolve', 'snapshot-job': 'measure', snapshot: 'snapshot.yaml' })}${component('validate', { 'snapshot-job': 'measure', 'recipe-job': 'resolve' })}${component('bundle', { 'job-name': 'package', 'recipe-job': 'resolve' })}${component('verify-checksums', { 'bundle-job': 'package' })}`));
    expectFlowRan(run, { snapshot: 'measure', recipe: 'resolve', validate: 'aicr-validate', bundle: 'package', 'verify-checksums': 'aicr-verify-checksums' });
    expect(run.output).toContain('criteria detected from snapshot.yaml');
  });

  it('stops before the bundle when validation fails', () => {
    const run = onPlainRunner(() => runPipeline(`include:\n${['recipe', 'validate', 'bundle', 'verify-checksums'].map((name) => component(name, name === 'recipe' ? CRITERIA : name === 'validate' ? { snapshot: 'old-cluster.yaml' } : undefined)).join('')}`, { 'old-cluster.yaml': OLD_CLUSTER }));
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toMatch(/K8s\.server\.version/);
    expect(startOrder(run.output)).toEqual(['aicr-recipe', 'aicr-validate']);
  });

  it('stops the flow when the snapshot fails', () => {
    const run = onPlainRunner(() => runPipeline(`include:\n${FLOW.map((name) => component(name, name === 'snapshot' ? { require: 'k8s' } : name === 'recipe' ? CRITERIA : undefined)).join('')}`));
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('required source unavailable: k8s');
    expect(startOrder(run.output)).toEqual(['aicr-snapshot']);
  });
});

describe('gitlab component: pipeline', () => {
  it('runs the whole flow from one include with its default inputs (criteria detected from the snapshot job)', () => {
    const run = onPlainRunner(() => runPipeline(`include:\n${component('pipeline')}`));
    expectFlowRan(run, Object.fromEntries(FLOW.map((name) => [name, `aicr-${name}`])));
    expect(run.output).toContain('criteria detected from snapshot.yaml');
  });

  it('passes prefixed inputs to their stage: criteria to recipe, the deployer to bundle, one image to all', () => {
    const run = onPlainRunner(() => runPipeline(`include:\n${component('pipeline', { 'recipe-snapshot': '', 'recipe-service': 'eks', 'recipe-accelerator': 'h100', 'recipe-intent': 'training', 'bundle-deployer': 'argocd', 'bundle-repo': 'https://gitlab.example.com/ops/gitops.git', 'verify-checksums-job-name': 'verify' })}`));
    expectFlowRan(run, { snapshot: 'aicr-snapshot', recipe: 'aicr-recipe', validate: 'aicr-validate', bundle: 'aicr-bundle', 'verify-checksums': 'verify' });
    expect(parse(run.jobFile('aicr-validate', 'recipe.yaml')!).metadata.appliedOverlays).toContain('h100-eks-training');
    expect(run.jobFile('aicr-bundle', 'bundle/app-of-apps.yaml')).toContain('https://gitlab.example.com/ops/gitops.git');
  });

  it('offers every input of every component, prefixed, and one shared image', () => {
    const header = (path: string) => (parseAllDocuments(readFileSync(join(REPO_ROOT, path), 'utf8'))[0]!.toJS() as { spec: { inputs: Record<string, unknown> } }).spec.inputs;
    const pipeline = header('gitlab/templates/pipeline.yml');
    const expected = ['image'];
    for (const name of FLOW) {
      for (const input of Object.keys(header(`gitlab/templates/${name}.yml`))) {
        if (input === 'image' || input.endsWith('-job')) continue;
        expected.push(`${name}-${input}`);
      }
    }
    expect(Object.keys(pipeline).sort()).toEqual(expected.sort());
  });
});
