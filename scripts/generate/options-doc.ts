/** docs/options.md: every option of every stage, its spelling at each door, or why a door lacks it. */
import { DOORS, defaultAt, nameAt, offeredAt, optionKey, type Door, type OptionSpec } from '../../src/core/options/spec.js';
import type { Stage } from '../../src/stages.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function spelling(property: string, spec: OptionSpec, door: Door): string {
  if (!offeredAt(spec, door)) return `— _${cell(spec.absent![door]!)}_`;
  const name = nameAt(property, spec, door);
  if (door === 'cli') return [`\`--${name}\``, ...(spec.aliases ?? []).map((alias) => `\`${alias}\``)].join(', ') + (spec.env ? ` ($${spec.env})` : '');
  return `\`${name}\``;
}

function defaults(spec: OptionSpec): string {
  const values = DOORS.filter((door) => offeredAt(spec, door)).map((door) => [door, defaultAt(spec, door)] as const);
  const distinct = new Set(values.map(([, value]) => JSON.stringify(value ?? null)));
  const show = (value: unknown): string => (value === undefined || value === '' ? '' : `\`${cell(String(value))}\``);
  if (distinct.size <= 1) return show(values[0]?.[1]);
  return values.map(([door, value]) => `${door}: ${show(value) || '—'}`).join('<br>');
}

export function optionsReference(stages: readonly Stage[]): string {
  const lines = [
    '<!-- Generated from src/stages.ts and the option tables by `npm run docs`; edit those, not this file. -->',
    '# Options at every door',
    '',
    'Each stage defines its options once. The same option is a flag of the `aicr` command, an input of',
    'the GitHub action and an input of the GitLab component, under one name (its key) unless a row',
    'says otherwise; where a door does not offer an option, the row says why. Values mean the same at',
    'every door: booleans are `true`/`false` (also `1`/`0`, `t`/`f`), durations are Go durations',
    '(`90s`, `5m`), lists take one item per line or comma-separated items, maps take `key=value` items.',
    'On the command line and in the actions, output paths (recipe `output`, bundle `output`, the root',
    'action\'s `output-dir`) may name what was resolved: `bundles/{{criteria.service}}-{{deployer}}`',
    '(placeholders: `criteria.service`, `.accelerator`, `.intent`, `.os`, `.platform`, `.nodes`, and',
    '`deployer` for bundles). GitLab components take literal paths, since their artifacts name them.',
    '',
  ];
  for (const stage of stages) {
    lines.push(`## ${stage.action.name}`, '');
    const where = [stage.command ? `\`aicr ${stage.command}\`` : '', `[action](../${stage.action.folder === 'root' ? 'action.yml' : `actions/${stage.action.folder}/action.yml`})`, stage.component ? `[component](../gitlab/templates/${stage.component.name}.yml)` : ''].filter(Boolean);
    lines.push(where.join(' · '), '');
    lines.push('| Option | Type | Default | CLI | Action | GitLab | Description |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const [property, spec] of Object.entries(stage.options)) {
      const type = spec.type === 'enum' ? `one of ${spec.choices!.join(', ')}` : spec.type;
      const note = spec.why ? ` _(${cell(spec.why)})_` : '';
      lines.push(`| \`${optionKey(property)}\` | ${cell(type)} | ${defaults(spec)} | ${spelling(property, spec, 'cli')} | ${spelling(property, spec, 'action')} | ${spelling(property, spec, 'gitlab')} | ${cell(spec.description)}${note} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
