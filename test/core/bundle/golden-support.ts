/**
 * Rebuilds the inputs of upstream's deployer golden tests (2026-08-21) as small catalogs, and
 * reads the golden trees they produced, for test/core/bundle/golden-2026.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { UPSTREAM_2026 } from '../../helpers/paths.js';
import { tempDir, writeTree } from '../../helpers/catalog.js';
import { toYaml } from '../../../src/core/serialize.js';

export const DEPLOYER_GOLDENS = join(UPSTREAM_2026, 'pkg', 'bundler', 'deployer');

/** One component of an upstream golden test, as its Go test builds it. */
export interface GoldenComponent {
  name: string;
  namespace: string;
  chart?: string;
  version?: string;
  /** Chart repository (`https://…` or `oci://…`); absent for a manifest-only component. */
  source?: string;
  type?: 'Helm' | 'Kustomize';
  tag?: string;
  path?: string;
  /** The component's values (upstream's ComponentValues). */
  values?: Record<string, unknown>;
  /** Pre-install manifests by file name (upstream's ComponentPreManifests). */
  pre?: Record<string, string>;
  /** Manifests by file name (upstream's ComponentPostManifests). */
  post?: Record<string, string>;
  /** Extra files of the component's catalog folder (e.g. readiness.yaml), by name. */
  files?: Record<string, string>;
  /** Components this one depends on (the recipe's dependencyRefs). */
  dependencyRefs?: string[];
  /** Extra registry fields. */
  registry?: Record<string, unknown>;
}

/** A catalog (registry + component files) and a recipe file holding `components` in order. */
export function goldenInput(components: GoldenComponent[], recipeExtra: Record<string, unknown> = {}): { data: string; recipe: string } {
  const files: Record<string, unknown> = {
    'registry.yaml': {
      apiVersion: 'aicr.run/v1beta1',
      kind: 'ComponentRegistry',
      components: components.map((c) => ({
        name: c.name,
        displayName: c.name,
        ...(c.type === 'Kustomize' ? {} : { helm: { ...(c.source ? { defaultRepository: c.source } : {}), defaultNamespace: c.namespace } }),
        ...c.registry,
      })),
    },
  };
  const manifestPaths = (c: GoldenComponent, set: Record<string, string> | undefined) =>
    Object.entries(set ?? {}).map(([file, text]) => {
      const path = `components/${c.name}/manifests/${file}`;
      files[path] = text;
      return path;
    });
  const refs = components.map((c) => {
    for (const [file, text] of Object.entries(c.files ?? {})) files[`components/${c.name}/${file}`] = text;
    const pre = manifestPaths(c, c.pre);
    const post = manifestPaths(c, c.post);
    return {
      name: c.name,
      namespace: c.namespace,
      type: c.type ?? 'Helm',
      ...(c.chart ? { chart: c.chart } : {}),
      ...(c.source ? { source: c.source } : {}),
      ...(c.version ? { version: c.version } : {}),
      ...(c.tag ? { tag: c.tag } : {}),
      ...(c.path ? { path: c.path } : {}),
      ...(c.values && Object.keys(c.values).length ? { overrides: c.values } : {}),
      ...(pre.length ? { preManifestFiles: pre } : {}),
      ...(post.length ? { manifestFiles: post } : {}),
      ...(c.dependencyRefs ? { dependencyRefs: c.dependencyRefs } : {}),
    };
  });
  const data = writeTree(files);
  const recipe = join(tempDir(), 'recipe.yaml');
  writeFileSync(recipe, toYaml({
    kind: 'RecipeResult',
    apiVersion: 'aicr.run/v1',
    metadata: { version: 'v0.1.0' },
    componentRefs: refs,
    deploymentOrder: components.map((c) => c.name),
    ...recipeExtra,
  }));
  return { data, recipe };
}

/** Every file under `dir`, as sorted relative paths. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

export function goldenDir(deployer: string, scenario: string): string {
  return join(DEPLOYER_GOLDENS, deployer, 'testdata', scenario);
}

/** A YAML text as data: its documents without comments; empty documents dropped; one document unwrapped. */
export function yamlData(text: string): unknown {
  const docs = parseAllDocuments(text).map((doc) => {
    if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('; '));
    return doc.toJS() as unknown;
  }).filter((value) => value !== null && value !== undefined);
  return docs.length === 1 ? docs[0] : docs.length === 0 ? {} : docs;
}

export function readYaml(path: string): unknown {
  return yamlData(readFileSync(path, 'utf8'));
}

/** CHART, REPO and VERSION as an upstream.env file defines them. */
export function envOf(path: string): { CHART: string; REPO: string; VERSION: string } {
  const shown = spawnSync('bash', ['-c', 'source "$1"; printf "%s\\x1f%s\\x1f%s" "$CHART" "$REPO" "$VERSION"', 'env', path], { encoding: 'utf8' });
  const [CHART = '', REPO = '', VERSION = ''] = shown.stdout.split('\x1f');
  return { CHART, REPO, VERSION };
}
