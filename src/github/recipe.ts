/** GitHub rendering of the recipe stage: the job-summary section. */
import { CRITERIA_FIELDS } from '../core/criteria.js';
import type { RecipeOutcome } from '../core/recipe/index.js';
import { cell, deploymentGraph, mermaidBlock, type Summary } from './summary.js';

/** Criteria, overlays, components, the deployment order as a Mermaid graph, constraints. */
export function addRecipeSummary(summary: Summary, outcome: RecipeOutcome, path: string): void {
  const { recipe, criteria } = outcome;
  summary.addHeading('AICR recipe', 2);
  summary.addTable([
    [{ data: 'criterion', header: true }, { data: 'value', header: true }],
    ...CRITERIA_FIELDS.map((field) => [field, cell(criteria[field])]),
    ['nodes', criteria.nodes === 0 ? 'any' : String(criteria.nodes)],
  ]);
  summary.addRaw(`\n**Criteria from:** ${outcome.mode} &nbsp; **Recipe:** \`${cell(path)}\`\n\n`);
  summary.addRaw(`**Applied overlays:** ${(recipe.metadata.appliedOverlays ?? []).map((name) => `\`${cell(name)}\``).join(' → ')}\n\n`);
  if (recipe.metadata.excludedOverlays?.length) {
    summary.addRaw(`**Excluded by snapshot constraints:** ${recipe.metadata.excludedOverlays.map((item) => `\`${cell(typeof item === 'string' ? item : item.name)}\``).join(', ')}\n\n`);
  }
  summary.addHeading('Components', 3);
  summary.addTable([
    [{ data: 'component', header: true }, { data: 'version', header: true }, { data: 'namespace', header: true }, { data: 'source', header: true }],
    ...recipe.componentRefs.map((ref) => [cell(ref.name), cell(ref.version ?? '—'), cell(ref.namespace ?? '—'), cell(ref.source || '—')]),
  ]);
  summary.addHeading('Deployment order', 3);
  const dependencies = new Map(recipe.componentRefs.map((ref) => [ref.name, ref.dependencyRefs ?? []]));
  summary.addRaw(mermaidBlock(deploymentGraph(recipe.deploymentOrder, dependencies)));
  if (recipe.constraints?.length) {
    summary.addHeading('Constraints', 3);
    summary.addTable([
      [{ data: 'constraint', header: true }, { data: 'expected', header: true }],
      ...recipe.constraints.map((c) => [cell(c.name), cell(c.value)]),
    ]);
  }
}
