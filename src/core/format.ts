/** Rendering documents in the output formats every command offers: yaml, json, table. */
import { tableCell } from './safe-text.js';
import { compareStrings, isPlainObject, toJson, toYaml } from './serialize.js';

export type OutputFormat = 'yaml' | 'json' | 'table';

export function formatDocument(value: unknown, format: OutputFormat): string {
  if (format === 'json') return toJson(value);
  if (format === 'table') return formatLeafTable(value);
  return toYaml(value);
}

/** Flattens a document into `FIELD  VALUE` rows (one per leaf, sorted by path). */
function formatLeafTable(value: unknown): string {
  const rows: Array<[string, string]> = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${path}[${index}]`));
      return;
    }
    if (isPlainObject(node)) {
      for (const key of Object.keys(node)) visit(node[key], path ? `${path}.${key}` : key);
      return;
    }
    rows.push([path, node === null || node === undefined ? '<nil>' : String(node)]);
  };
  visit(value, '');
  if (rows.length === 0) return '<empty>\n';
  rows.sort((a, b) => compareStrings(a[0], b[0]));
  return formatColumns(['FIELD', 'VALUE'], rows);
}

/** Left-aligned columns with a dashed rule under the header; cells are single-line and inert. */
export function formatColumns(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  // Cells hold hostile values (readings, recipe values): no escape sequence, control character or line break gets through.
  const all = [header, header.map((h) => '-'.repeat(h.length)), ...rows].map((row) => row.map(tableCell));
  const widths = header.map((_, column) => all.reduce((width, row) => Math.max(width, (row[column] ?? '').length), 0));
  return all.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd()).join('\n') + '\n';
}
