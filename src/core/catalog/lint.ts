/**
 * Data checks for a recipe catalog (ours in CI, a user's `--data` directory on request):
 * problems that would otherwise surface only for some criteria, or never.
 */
import type { Catalog } from './catalog.js';
import { nonCanonicalCriteria } from '../criteria.js';
import { parseDocumentSync } from '../documents/parse.js';

export interface LintProblem {
  file: string;
  message: string;
}

const MAX_CHAIN_DEPTH = 10;

/** Returns every problem found; an empty list means the catalog is consistent. */
export function lintCatalog(catalog: Catalog): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (file: string, message: string) => problems.push({ file, message });

  const names = new Set<string>();
  const overrideKeys = new Map<string, string>();
  catalog.registry.components.forEach((component, index) => {
    if (!component.name) add('registry.yaml', `component[${index}]: name is required`);
    if (!component.displayName) add('registry.yaml', `component[${index}] (${component.name}): displayName is required`);
    if (names.has(component.name)) add('registry.yaml', `duplicate component name: ${component.name}`);
    names.add(component.name);
    for (const key of component.valueOverrideKeys ?? []) {
      const owner = overrideKeys.get(key);
      if (owner !== undefined) add('registry.yaml', `duplicate valueOverrideKey "${key}": used by both ${owner} and ${component.name}`);
      else overrideKeys.set(key, component.name);
    }
    const hasHelm = Boolean(component.helm?.defaultRepository || component.helm?.defaultChart);
    if (hasHelm && component.kustomize?.defaultSource) add('registry.yaml', `component[${index}] (${component.name}): cannot have both helm and kustomize configuration`);
    const assertFile = component.healthCheck?.assertFile;
    if (assertFile && !catalog.hasFile(assertFile)) add('registry.yaml', `component ${component.name}: healthCheck.assertFile ${assertFile} does not exist`);
    for (const path of component.manifestFiles ?? []) if (!catalog.hasFile(path)) add('registry.yaml', `component ${component.name}: manifestFiles ${path} does not exist`);
  });

  const checks = validatorNames(catalog);
  const documents = [
    { file: 'overlays/base.yaml', name: 'base', spec: catalog.base.spec },
    ...[...catalog.overlays.values()].map((overlay) => ({ file: overlay.path, name: overlay.name, spec: overlay.document.spec })),
    ...[...catalog.mixins.values()].map((mixin) => ({ file: mixin.path, name: mixin.name, spec: mixin.document.spec as typeof catalog.base.spec })),
  ];
  for (const { file, name, spec } of documents) {
    for (const problem of spec.criteria ? nonCanonicalCriteria(spec.criteria) : []) add(file, `criteria ${problem} (the overlay can never match)`);
    if (name !== 'base' && catalog.overlays.has(name)) {
      try {
        const chain = catalog.chainOf(name);
        if (chain.length + 1 > MAX_CHAIN_DEPTH) add(file, `inheritance chain is ${chain.length + 1} deep (limit ${MAX_CHAIN_DEPTH})`);
      } catch (error) {
        add(file, (error as Error).message);
      }
    }
    for (const mixin of spec.mixins ?? []) if (!catalog.mixins.has(mixin)) add(file, `mixin "${mixin}" does not exist`);
    for (const ref of spec.componentRefs ?? []) {
      if (!catalog.components.has(ref.name)) add(file, `component "${ref.name}" is not in registry.yaml`);
      for (const path of [ref.valuesFile, ...(ref.manifestFiles ?? []), ...(ref.preManifestFiles ?? [])]) {
        if (path && !catalog.hasFile(path)) add(file, `component "${ref.name}": file ${path} does not exist`);
      }
    }
    for (const [phase, body] of Object.entries(spec.validation ?? {})) {
      for (const check of body?.checks ?? []) {
        if (checks && !checks.has(check)) add(file, `validation.${phase}: check "${check}" is not in validators/catalog.yaml`);
      }
    }
  }
  const seenCriteria = new Map<string, string>();
  for (const overlay of catalog.matchable) {
    const c = overlay.criteria!;
    const key = [c.service, c.accelerator, c.os, c.intent, c.platform, c.nodes].map((v) => (v === undefined || v === '' ? 'any' : String(v))).join('/');
    const other = seenCriteria.get(key);
    if (other) add(overlay.path, `criteria ${key} duplicate those of overlay "${other}"`);
    else seenCriteria.set(key, overlay.name);
  }
  return problems;
}

function validatorNames(catalog: Catalog): Set<string> | undefined {
  if (!catalog.hasFile('validators/catalog.yaml')) return undefined;
  const parsed = parseDocumentSync(catalog.readText('validators/catalog.yaml'), 'validators/catalog.yaml', { syntax: 'yaml' }).value as { validators?: Array<{ name: string }> };
  return new Set((parsed.validators ?? []).map((validator) => validator.name));
}
