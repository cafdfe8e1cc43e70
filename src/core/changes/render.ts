/**
 * A change plan as text (the terminal), Markdown (a job summary or a pull-request comment),
 * JSON or YAML. Values come from documents anyone can edit in a pull request: every cell is
 * flattened to one line and escaped, and code spans cannot be closed early.
 */
import { markdownCell, markdownCellCode, markdownCode } from '../markdown.js';
import { tableCell } from '../safe-text.js';
import { toJson, toYaml } from '../serialize.js';
import type { ChangeKind, ChangePlan, ComponentChange, ValueChange } from './plan.js';

type ChangeFormat = 'text' | 'markdown' | 'json' | 'yaml';

const SIGN: Record<ChangeKind, string> = { added: '+', removed: '-', modified: '~' };
/** Longest value shown in text and Markdown; JSON and YAML carry the whole value. */
const MAX_SHOWN = 200;

const shown = (text: string | undefined): string => {
  if (text === undefined) return '';
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One line: "2 components added, 1 removed, 3 changed (1 version change, 4 values), …". */
function summaryLine(plan: ChangePlan): string {
  const s = plan.summary;
  if (s.total === 0) return `No changes between the two ${plan.subject}s.`;
  const parts = [`components: ${s.componentsAdded} added, ${s.componentsRemoved} removed, ${s.componentsChanged} changed`];
  parts.push(`${plural(s.versionChanges, 'version change')}, ${plural(s.valueChanges, 'value change')}`);
  if (s.criteriaChanges) parts.push(plural(s.criteriaChanges, 'criteria change'));
  if (s.constraintChanges) parts.push(plural(s.constraintChanges, 'constraint change'));
  if (plan.subject === 'bundle') parts.push(`${plural(s.filesChanged, 'file')} added, removed or changed`);
  return `${parts.join('; ')}.`;
}

function valueText(change: ValueChange): string {
  if (change.kind === 'added') return `${SIGN.added} ${change.path}: ${shown(change.target)}`;
  if (change.kind === 'removed') return `${SIGN.removed} ${change.path}: ${shown(change.baseline)}`;
  return `${SIGN.modified} ${change.path}: ${shown(change.baseline)} → ${shown(change.target)}`;
}

function versionText(change: ComponentChange): string {
  if (change.kind === 'added') return change.targetVersion ?? '';
  if (change.kind === 'removed') return change.baselineVersion ?? '';
  return change.baselineVersion === change.targetVersion ? change.targetVersion ?? '' : `${change.baselineVersion ?? '(none)'} → ${change.targetVersion ?? '(none)'}`;
}

/** The plan for a terminal: one line per change, indented under its component. */
export function planText(plan: ChangePlan): string {
  const lines: string[] = [`${plan.subject === 'recipe' ? 'Recipe' : 'Bundle'} changes: ${summaryLine(plan)}`];
  const section = (title: string, entries: string[]) => {
    if (entries.length === 0) return;
    lines.push('', `${title}:`, ...entries.map((entry) => `  ${entry}`));
  };
  section('criteria', plan.criteria.map(valueText));
  section('constraints', plan.constraints.map(valueText));
  section('components', plan.components.flatMap((change) => [
    `${SIGN[change.kind]} ${change.name}${versionText(change) ? ` ${versionText(change)}` : ''}`,
    ...change.settings.map((value) => `    ${valueText(value)}`),
    ...change.values.map((value) => `    values ${valueText(value)}`),
  ]));
  section('files', plan.files.map((file) => `${SIGN[file.kind]} ${file.path}`));
  // Cells of documents: no control character or escape sequence reaches the terminal.
  return lines.map((line) => (line === '' ? line : tableCell(line))).join('\n') + '\n';
}

function valueRows(owner: string, changes: readonly ValueChange[]): string[] {
  return changes.map((change) => `| ${owner} | ${markdownCellCode(change.path)} | ${change.kind} | ${change.baseline === undefined ? '—' : markdownCellCode(shown(change.baseline))} | ${change.target === undefined ? '—' : markdownCellCode(shown(change.target))} |`);
}

/**
 * The plan as Markdown, ready to post on a pull request: a heading, the summary line, then tables
 * of components, values and settings, criteria and constraints, and files (in a details block).
 */
export function planMarkdown(plan: ChangePlan, heading = `AICR ${plan.subject} changes`): string {
  const out: string[] = [`### ${markdownCell(heading)}`, ''];
  if (plan.baselineSource !== undefined && plan.targetSource !== undefined) out.push(`Comparing ${markdownCode(plan.baselineSource)} (before) with ${markdownCode(plan.targetSource)} (after).`, '');
  out.push(`**${markdownCell(summaryLine(plan))}**`, '');
  if (plan.components.length > 0) {
    out.push('| component | change | version |', '| --- | --- | --- |');
    for (const change of plan.components) out.push(`| ${markdownCellCode(change.name)} | ${change.kind} | ${versionText(change) ? markdownCellCode(versionText(change)) : '—'} |`);
    out.push('');
  }
  const values = plan.components.flatMap((change) => valueRows(markdownCellCode(change.name), change.values));
  const settings = plan.components.flatMap((change) => valueRows(markdownCellCode(change.name), change.settings));
  const header = (first: string) => [`| ${first} | path | change | before | after |`, '| --- | --- | --- | --- | --- |'];
  if (values.length > 0) out.push('#### Values', '', ...header('component'), ...values, '');
  if (settings.length > 0) out.push('#### Component settings', '', ...header('component'), ...settings, '');
  const header2 = [...valueRows('criteria', plan.criteria), ...valueRows('constraint', plan.constraints)];
  if (header2.length > 0) out.push('#### Criteria and constraints', '', ...header('of'), ...header2, '');
  if (plan.files.length > 0) {
    out.push('<details><summary>Files (checksums.txt)</summary>', '', '| file | change |', '| --- | --- |');
    for (const file of plan.files) out.push(`| ${markdownCellCode(file.path)} | ${file.kind} |`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

export function renderPlan(plan: ChangePlan, format: ChangeFormat): string {
  switch (format) {
    case 'json':
      return toJson(plan);
    case 'yaml':
      return toYaml(plan);
    case 'markdown':
      return planMarkdown(plan);
    case 'text':
      return planText(plan);
  }
}
