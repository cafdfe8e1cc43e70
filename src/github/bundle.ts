/** GitHub rendering of the bundle stage: the job-summary section. */
import type { BundleOutcome } from '../core/bundle/index.js';
import { folderDependencies } from '../core/bundle/common.js';
import { inputNamer, renderOptionRefs } from '../core/option-refs.js';
import { cell, deploymentGraph, mermaidBlock, type Summary } from './summary.js';

/** Files listed in the summary tree (the whole list is checksums.txt). */
const MAX_TREE_FILES = 400;

/** The bundle's files as an indented tree (directories first level by level). */
export function fileTree(paths: readonly string[], root: string): string {
  const lines = [`${root}/`];
  const shown = new Set<string>();
  for (const path of paths.slice(0, MAX_TREE_FILES)) {
    const parts = path.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const prefix = parts.slice(0, depth + 1).join('/');
      if (shown.has(prefix)) continue;
      shown.add(prefix);
      lines.push(`${'  '.repeat(depth + 1)}${parts[depth]}${depth < parts.length - 1 ? '/' : ''}`);
    }
  }
  if (paths.length > MAX_TREE_FILES) lines.push(`  … ${paths.length - MAX_TREE_FILES} more files (see checksums.txt)`);
  return lines.join('\n');
}

/** The summary is HTML: code blocks do not escape their text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

/** Deployer, directory, the deployment order (Mermaid), the folders, the next step, the file tree. */
export function addBundleSummary(summary: Summary, outcome: BundleOutcome): void {
  const { plan } = outcome;
  summary.addHeading('AICR bundle', 2);
  summary.addTable([
    [{ data: 'deployer', header: true }, { data: 'directory', header: true }, { data: 'files', header: true }, { data: 'releases', header: true }, { data: 'checksums', header: true }],
    [cell(`${outcome.deployer} (${outcome.title})`), cell(outcome.dir), String(outcome.files.length), String(plan.folders.length), cell(outcome.checksumsPath)],
  ]);
  summary.addHeading('Deployment order', 3);
  const dependencies = new Map(plan.folders.map((folder) => [folder.dir, folderDependencies(plan, folder).map((dependency) => dependency.dir)]));
  summary.addRaw(mermaidBlock(deploymentGraph(plan.folders.map((folder) => folder.dir), dependencies)));
  summary.addTable([
    [{ data: 'folder', header: true }, { data: 'component', header: true }, { data: 'version', header: true }, { data: 'namespace', header: true }, { data: 'kind', header: true }],
    ...plan.folders.map((folder) => [cell(folder.dir), cell(folder.component.name), cell(folder.component.ref.version || '—'), cell(folder.namespace), folder.kind]),
  ]);
  summary.addHeading('Next step', 3);
  summary.addCodeBlock(escapeHtml(outcome.steps.map((step) => step.replaceAll('<bundle-dir>', outcome.dir)).join('\n')), 'bash');
  if (outcome.notes.length > 0) {
    summary.addHeading('Notes', 3);
    summary.addList(outcome.notes.map((note) => cell(renderOptionRefs(note, inputNamer))));
  }
  summary.addDetails('Files', `\n\n<pre>${escapeHtml(fileTree(outcome.files.map((file) => file.path), outcome.dir))}</pre>\n`);
}
