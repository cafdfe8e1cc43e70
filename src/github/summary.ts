/** Shared pieces of job summaries: Mermaid deployment graphs and table helpers. */
import type * as core from '@actions/core';
import { redactText } from '../core/redact.js';
import { neutralizeCommands, stripControls, tableCell } from '../core/safe-text.js';

/** The job-summary buffer type (`core.summary`): sections are added, then written once. */
export type Summary = typeof core.summary;

/** Turns off summaries when the step runs outside a runner (no GITHUB_STEP_SUMMARY). */
export function summaryAvailable(): boolean {
  return Boolean(process.env.GITHUB_STEP_SUMMARY);
}

/**
 * Writes the summary buffer with every line made safe: secrets redacted, control characters
 * removed, nothing that reads as a workflow command (summaries are shown in logs and copied).
 */
export async function writeSummary(summary: Summary): Promise<void> {
  const text = summary.stringify();
  summary.emptyBuffer().addRaw(neutralizeCommands(redactText(stripControls(text))));
  await summary.write();
}

/** Escapes text for a Markdown/HTML table cell: one line, no control characters or escape sequences. */
export function cell(text: string): string {
  return tableCell(text).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!).replace(/\|/g, '&#124;').replace(/\r?\n/g, ' ');
}

/**
 * A Mermaid flowchart of the deployment order: one node per component, numbered in order, an
 * edge from each dependency to its dependent (or a chain when nothing declares dependencies).
 */
export function deploymentGraph(order: readonly string[], dependencies: ReadonlyMap<string, readonly string[]>): string {
  const id = new Map(order.map((name, index) => [name, `c${index + 1}`]));
  const lines = ['flowchart LR'];
  order.forEach((name, index) => lines.push(`  ${id.get(name)}["${index + 1}. ${name.replace(/["<>]/g, '')}"]`));
  let edges = 0;
  for (const name of order) {
    for (const dependency of dependencies.get(name) ?? []) {
      if (!id.has(dependency)) continue;
      lines.push(`  ${id.get(dependency)} --> ${id.get(name)}`);
      edges++;
    }
  }
  if (edges === 0) for (let i = 1; i < order.length; i++) lines.push(`  c${i} --> c${i + 1}`);
  return lines.join('\n');
}

export function mermaidBlock(graph: string): string {
  return `\n\`\`\`mermaid\n${graph}\n\`\`\`\n`;
}
