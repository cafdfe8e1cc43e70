/** GitHub rendering of the recipe stage: the job-summary section, the excluded-overlay annotations. */
import * as core from '@actions/core';
import { CRITERIA_FIELDS } from '../core/criteria.js';
import type { RecipeStepResult } from '../core/recipe/step.js';
import type { PathMapper } from '../core/validate/reports.js';
import { githubProperties, githubText } from './logger.js';
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
  const profile = recipe.metadata.selectedProfile;
  if (profile) {
    const owned = Object.entries(profile.ownedPaths).map(([component, paths]) => `\`${cell(component)}\` (${paths.map(cell).join(', ')})`).join('; ');
    summary.addRaw(`**Configuration profile:** \`${cell(profile.name)}=${cell(profile.value)}\` &nbsp; **Locked at bundle time:** ${owned}\n\n`);
  }
  const accounting = recipe.configuration?.slurm?.accounting?.mode;
  const inventory = recipe.configuration?.runtimeInventory?.mode;
  if (accounting || inventory) {
    const parts = [
      ...(accounting ? [`**Slurm accounting:** \`${cell(accounting)}\``] : []),
      ...(inventory ? [`**Runtime inventory (k8s-aibom):** \`${cell(inventory)}\``] : []),
    ];
    summary.addRaw(`${parts.join(' &nbsp; ')}\n\n`);
  }
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

/** Overlay names the snapshot excluded, in the recipe's order. */
export function excludedOverlayNames(outcome: RecipeOutcome): string[] {
  return (outcome.recipe.metadata.excludedOverlays ?? []).map((item) => (typeof item === 'string' ? item : item.name));
}

/**
 * One annotation per overlay that the snapshot excluded because its own constraints fail, at its
 * line under metadata.excludedOverlays of the written recipe, naming each failed constraint: the
 * recipe is more generic than the criteria ask for. An error when `strict`, else a warning.
 */
export function annotateExcludedOverlays(outcome: RecipeStepResult, paths: PathMapper, strict: boolean): void {
  const warnings = outcome.recipe.metadata.constraintWarnings ?? [];
  excludedOverlayNames(outcome).forEach((name, index) => {
    const failed = warnings.filter((warning) => warning.overlay === name).map((warning) => `${warning.constraint} (${warning.reason})`);
    const message = `overlay ${name} was left out of the recipe: the snapshot fails its constraint${failed.length === 1 ? '' : 's'} ${failed.join('; ') || '(not recorded)'}`;
    const location = outcome.written?.source.locate(['metadata', 'excludedOverlays', index]);
    const properties: core.AnnotationProperties = { title: `excluded overlay ${name}` };
    if (location && !/^[a-z][a-z0-9+.-]*:\/\//i.test(location.file) && location.file !== '<stdin>') {
      properties.file = paths(location.file);
      if (location.line !== undefined) properties.startLine = location.line;
    }
    (strict ? core.error : core.warning)(githubText(message), githubProperties(properties));
  });
}
