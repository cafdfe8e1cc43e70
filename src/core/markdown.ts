/** Escaping for values written into generated Markdown (bundle READMEs, change plans, summaries). */

/** Text that must stay on its line (a heading, a list item): line breaks become spaces. */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** A table cell: `|` escaped, line breaks become spaces, empty cells show a dash. */
export function markdownCell(text: string): string {
  return markdownText(text.replace(/\|/g, '\\|')) || '—';
}

/**
 * A code span. Text with backticks gets a longer fence, padded with spaces (CommonMark strips
 * one from each side), so it cannot close the span early; text without them is `text`.
 */
export function markdownCode(text: string): string {
  const flat = markdownText(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A code span inside a table cell: GitHub splits table rows at every unescaped `|`, code spans
 * included, so pipes are escaped (they still render as `|`).
 */
export function markdownCellCode(text: string): string {
  return markdownCode(text).replace(/\|/g, '\\|');
}
