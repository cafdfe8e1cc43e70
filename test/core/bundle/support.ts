/** Helpers for the bundle tests: recipes, generation into temp dirs, Kubernetes model validation. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadCatalog } from '../../../src/core/catalog/embedded.js';
import { ensureYamlParser, readDocument, type RecipeResult } from '../../../src/core/documents/index.js';
import { generateBundle, writeBundle, type BundleOptions, type DeployerName, type GeneratedBundle } from '../../../src/core/bundle/index.js';
import { FIXTURES, REPO_ROOT } from '../../helpers/paths.js';
import type { BundleFile } from '../../../src/core/bundle/types.js';
import { CHECKSUMS_FILE, formatChecksums } from '../../../src/core/checksums/index.js';

const BUNDLE_FIXTURES = join(FIXTURES, 'bundle');
export const FIXTURE_DATA = join(BUNDLE_FIXTURES, 'data');
export const EKS_RECIPE = join(BUNDLE_FIXTURES, 'recipes', 'eks-h100-ubuntu-training-kubeflow.yaml');
export const ALL_DEPLOYERS: DeployerName[] = ['helm', 'argocd', 'argocdhelm', 'flux', 'helmfile'];

async function loadRecipe(path: string): Promise<RecipeResult> {
  await ensureYamlParser();
  return (await readDocument('RecipeResult', readFileSync(path, 'utf8'), path)).document;
}

export function fixtureRecipe(name: string): string {
  return join(BUNDLE_FIXTURES, 'recipes', `${name}.yaml`);
}

/** Generates a bundle in memory from a recipe file, with the embedded catalog or `data`. */
export async function generate(recipePath: string, options: Partial<BundleOptions> & { data?: string } = {}): Promise<GeneratedBundle> {
  const { data, ...rest } = options;
  const catalog = await loadCatalog(data);
  return generateBundle(await loadRecipe(recipePath), catalog, { deployer: 'helm', toolVersion: 'v1.0.0', ...rest });
}

/** Generates and writes a bundle into a new temp directory; returns the directory. */
export async function writeGenerated(recipePath: string, options: Partial<BundleOptions> & { data?: string } = {}): Promise<{ dir: string; bundle: GeneratedBundle }> {
  const bundle = await generate(recipePath, options);
  const dir = join(mkdtempSync(join(tmpdir(), 'aicr-bundle-')), 'out');
  writeBundle(dir, bundle.files);
  return { dir, bundle };
}

export function fileText(bundle: GeneratedBundle, path: string): string {
  const file = bundle.files.find((entry) => entry.path === path);
  if (!file) throw new Error(`${path} not in bundle (files: ${bundle.files.map((f) => f.path).join(', ')})`);
  return typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
}

/** The text files of a bundle (everything but vendored chart tarballs). */
export function textFiles(bundle: GeneratedBundle): Array<{ path: string; content: string }> {
  return bundle.files.flatMap((file) => (typeof file.content === 'string' ? [{ path: file.path, content: file.content }] : []));
}

/** Every YAML document of a text (comments and empty documents dropped). */
export function yamlDocuments(text: string): Array<Record<string, unknown>> {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length) throw new Error(document.errors.map((e) => e.message).join('; '));
    return document.toJS() as Record<string, unknown>;
  }).filter((value) => value !== null && value !== undefined);
}

/** The kubernetes-models class for an apiVersion/kind, or undefined when no model exists. */
async function modelFor(apiVersion: string, kind: string): Promise<(new (data: unknown) => { validate(): void }) | undefined> {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') as [string, string] : ['', apiVersion];
  const candidates: string[] = [];
  if (group === '') candidates.push(`kubernetes-models/${version}/${kind}`);
  else if (group === 'argoproj.io') candidates.push(`@kubernetes-models/argo-cd/${group}/${version}/${kind}`);
  else if (group.endsWith('.fluxcd.io')) candidates.push(`@kubernetes-models/flux-cd/${group}/${version}/${kind}`);
  else candidates.push(`kubernetes-models/${group}/${version}/${kind}`);
  for (const candidate of candidates) {
    try {
      const module = (await import(candidate)) as Record<string, new (data: unknown) => { validate(): void }>;
      if (module[kind]) return module[kind];
    } catch {
      // no model for this kind
    }
  }
  return undefined;
}

export interface ValidationOutcome {
  validated: string[];
  /** Objects of kinds without a model (custom resources), by `apiVersion/kind`. */
  unmodelled: string[];
}

/** Validates every Kubernetes object in `texts` with its kubernetes-models class. */
export async function validateObjects(texts: Array<{ path: string; content: string }>): Promise<ValidationOutcome> {
  const outcome: ValidationOutcome = { validated: [], unmodelled: [] };
  for (const { path, content } of texts) {
    for (const object of yamlDocuments(content)) {
      const apiVersion = String(object.apiVersion ?? '');
      const kind = String(object.kind ?? '');
      if (!apiVersion || !kind) throw new Error(`${path}: object without apiVersion/kind`);
      const metadata = object.metadata as { name?: unknown } | undefined;
      if (kind !== 'Kustomization' || apiVersion !== 'kustomize.config.k8s.io/v1beta1') {
        if (typeof metadata?.name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(metadata.name)) throw new Error(`${path}: ${kind} has no valid metadata.name`);
      }
      const Model = await modelFor(apiVersion, kind);
      if (!Model) {
        outcome.unmodelled.push(`${apiVersion}/${kind}`);
        continue;
      }
      try {
        new Model(object).validate();
      } catch (error) {
        throw new Error(`${path}: ${apiVersion}/${kind} ${String(metadata?.name)} is invalid: ${(error as Error).message}`);
      }
      outcome.validated.push(`${path}: ${kind}/${String(metadata?.name)}`);
    }
  }
  return outcome;
}

/** helm from .tools/bin (installed by scripts/fetch-tools.mjs), fetched on first use. */
export function helmBinary(): { path?: string; reason?: string } {
  const path = join(REPO_ROOT, '.tools', 'bin', 'helm');
  if (!existsSync(path)) {
    const fetched = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'fetch-tools.mjs')], { encoding: 'utf8', timeout: 300_000 });
    if (fetched.status !== 0 || !existsSync(path)) {
      const reason = `helm is not installed and could not be fetched (node scripts/fetch-tools.mjs): ${fetched.stderr.trim()}`;
      // CI (.ci/run) sets AICR_REQUIRE_TOOLS: there the helm checks must run, never be skipped.
      if (process.env.AICR_REQUIRE_TOOLS === '1') throw new Error(reason);
      return { reason };
    }
  }
  return { path };
}

export function kubectlBinary(): string | undefined {
  const path = join(REPO_ROOT, '.tools', 'bin', 'kubectl');
  if (!existsSync(path)) helmBinary();
  return existsSync(path) ? path : undefined;
}

/** A minimal bundle as aicr bundle writes one: README.md with its generator line, recipe.yaml, checksums.txt. */
export function bundleFiles(extra: Record<string, string> = {}): BundleFile[] {
  const listed = [
    { path: 'README.md', content: '# Bundle\n\nGenerated by aicr bundle v1.0.0 (deployer: helm).\n', mode: 0o644 },
    { path: 'recipe.yaml', content: 'kind: RecipeResult\napiVersion: aicr.run/v1\n', mode: 0o644 },
    ...Object.entries(extra).map(([path, content]) => ({ path, content, mode: 0o644 })),
  ];
  return [...listed, { path: CHECKSUMS_FILE, content: formatChecksums(listed), mode: 0o644 }];
}
