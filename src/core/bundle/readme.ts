/**
 * README files of a bundle, rendered from templates/*.md.hbs: one at the root (per deployer)
 * and one per numbered folder.
 */
import { render } from './render.js';
import type { BundlePlan, Folder } from './types.js';
import { renderOptionRefs } from '../option-refs.js';

/** Markdown the deployer writes for its root README (inserted as is). */
export interface ReadmeSections {
  title: string;
  intro: string;
  deploy: string;
  customize: string;
  remove: string;
}

function sourceOf(folder: Folder): string {
  const component = folder.component;
  if (folder.kind === 'kustomize') {
    const k = component.kustomize!;
    return `kustomize ${k.repo}//${k.path}${k.tag ? `?ref=${k.tag}` : ''}`;
  }
  if (folder.vendored) return `${folder.vendored.record.chart} (vendored: charts/${folder.vendored.record.tarballName})`;
  if (folder.kind === 'local') return `local chart (${folder.manifests.map((m) => m.name).join(', ')})`;
  return `${component.chart!.name} (${component.chart!.repo})`;
}

export function rootReadme(plan: BundlePlan, sections: ReadmeSections): string {
  const criteria = Object.entries(plan.recipe.criteria ?? {}).filter(([key, value]) => key !== 'nodes' && value && value !== 'any');
  return render('readme.md', {
    ...sections,
    toolVersion: plan.toolVersion,
    deployer: plan.deployer,
    recipeVersion: plan.recipe.metadata?.version || 'unknown',
    criteria: criteria.map(([key, value]) => ({ key, value: String(value) })),
    folders: plan.folders.map((folder) => ({
      dir: folder.dir,
      release: folder.release,
      component: folder.component.name,
      version: folder.component.ref.version ?? '',
      namespace: folder.namespace,
      source: sourceOf(folder),
    })),
    constraints: (plan.recipe.constraints ?? []).map((constraint) => ({ name: constraint.name, value: constraint.value })),
    // The README is the same file whoever bundles: options are named as the command line spells them.
    notes: plan.notes.map((note) => renderOptionRefs(note)),
  });
}

/** README of one numbered folder: what it installs and how to install it alone. */
export function folderReadme(folder: Folder, plan: BundlePlan, install: string): string {
  const component = folder.component;
  const common = {
    dir: folder.dir,
    release: folder.release,
    component: component.name,
    namespace: folder.namespace,
    step: plan.folders.indexOf(folder) + 1,
    total: plan.folders.length,
    install,
    upstream: folder.kind === 'upstream',
    local: folder.kind === 'local',
    vendored: false,
    kustomize: folder.kind === 'kustomize',
  };
  switch (folder.kind) {
    case 'upstream': {
      const chart = component.chart!;
      return render('folder-readme.md', { ...common, chartName: chart.name, chartVersion: chart.version || '(latest)', chartRepo: chart.repo });
    }
    case 'local':
      if (folder.vendored) {
        const record = folder.vendored.record;
        return render('folder-readme.md', { ...common, local: false, vendored: true, chartName: record.chart, chartVersion: record.version, chartRepo: record.repository, tarball: `charts/${record.tarballName}`, sha256: record.sha256 });
      }
      return render('folder-readme.md', {
        ...common,
        pre: folder.role === 'pre',
        post: folder.role === 'post',
        primary: folder.role === 'primary',
        manifests: folder.manifests.map((manifest) => ({ path: `templates/${manifest.name}`, source: manifest.source })),
      });
    case 'kustomize': {
      const k = component.kustomize!;
      return render('folder-readme.md', { ...common, path: k.path, repo: k.repo, tag: k.tag });
    }
  }
}
