/**
 * Text we print may carry hostile data (recipe values, snapshot readings, file names, cluster
 * data, child output). This module is the one place that makes such text safe to show:
 *
 * - {@link neutralizeCommands}: the GitHub runner runs a line as a workflow command when it
 *   starts with `::` after the whitespace .NET's TrimStart removes, or when it holds the legacy
 *   `##[` anywhere. A zero-width space keeps both readable and inert.
 * - {@link stripControls} / {@link tableCell}: ANSI escape sequences and control characters
 *   could move the cursor, clear the screen or forge lines in a terminal or a table.
 * - {@link excerpt} / {@link quoted}: an error that quotes a user's file or value quotes a short
 *   single line, never a whole document.
 */

/** What .NET's String.TrimStart (Char.IsWhiteSpace) removes before the runner looks for `::`, plus U+FEFF. */
const RUNNER_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** A line start: the text's start or any character a reader may break lines at. */
const LINE_COMMAND = new RegExp(`(^|[\\n\\r\\u0085\\u2028\\u2029])([${RUNNER_SPACE}]*):(?=:)`, 'g');
const LEGACY_COMMAND = /##\[/g;
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes every line of `text` inert for the GitHub runner: `::name::` at a line start (after
 * any whitespace the runner trims) and `##[name]` anywhere get a zero-width space.
 */
export function neutralizeCommands(text: string): string {
  return text.replace(LINE_COMMAND, `$1$2:${ZERO_WIDTH_SPACE}`).replace(LEGACY_COMMAND, `##${ZERO_WIDTH_SPACE}[`);
}

/** Whether `text` holds something {@link neutralizeCommands} would change. */
export function looksLikeCommand(text: string): boolean {
  return neutralizeCommands(text) !== text;
}

// ESC or 8-bit CSI/OSC sequences: CSI … final byte, OSC … BEL or ST, and two-character escapes.
const ANSI_SEQUENCE = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// C0 except tab and newline, DEL, C1 (U+0085 NEXT LINE included).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` without escape sequences and control characters (tab and newline kept). */
export function stripControls(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(CONTROL, '');
}

/** One table cell: no controls, every line break or tab a space, no workflow command. */
export function tableCell(text: string): string {
  return neutralizeCommands(stripControls(text.replace(/[\t\n\r\u0085\u2028\u2029]+/g, ' ')));
}

/** Longest excerpt of a user's file or value an error quotes. */
export const MAX_EXCERPT = 120;

/**
 * The first line of `text`, at most `max` characters with controls removed; a cut keeps
 * `column` (1-based) in view.
 */
export function excerpt(text: string, max = MAX_EXCERPT, column?: number): string {
  const line = stripControls(text.split(/\r\n|[\n\r\u0085\u2028\u2029]/)[0] ?? '').replace(/\t/g, ' ');
  if (line.length <= max) return line;
  // Keep the column in view: start a little before it when it lies beyond the cut.
  const start = column !== undefined && column > max - 20 ? Math.min(column - 20, line.length - max + 1) : 0;
  return start > 0 ? `…${line.slice(start, start + max - 2)}…` : `${line.slice(0, max - 1)}…`;
}

/** A value quoted for a message (JSON text), at most `max` characters. */
export function quoted(value: unknown, max = MAX_EXCERPT): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The reason of a JSON.parse error without the text V8 quotes from the input
 * (`Unexpected token 'x', "{"token": x…" is not valid JSON` → `Unexpected token 'x'`).
 */
export function jsonSyntaxReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return excerpt(message.replace(/,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)?\s+is not valid JSON$/, ''));
}
