/**
 * A unified diff of a file before and after a conversion, for `aicr convert --dry-run`. A
 * conversion changes one region of lines, so the common head and tail are all a diff needs.
 */

const CONTEXT = 3;

/** Control characters (other than tab) from a hostile file are shown as escapes, never sent to the terminal. */
function visible(line: string): string {
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/** `--- a/<path>`, `+++ b/<path>` and one hunk; empty when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const start = Math.max(0, head - CONTEXT);
  const endA = Math.min(a.length, a.length - tail + CONTEXT);
  const endB = Math.min(b.length, b.length - tail + CONTEXT);
  // A text ending in a newline splits into a last empty item that is no line of its own.
  const lastA = before.endsWith('\n') ? a.length - 1 : a.length;
  const lastB = after.endsWith('\n') ? b.length - 1 : b.length;
  const stopA = Math.min(endA, lastA);
  const stopB = Math.min(endB, lastB);
  const lines = [`--- a/${visible(path)}`, `+++ b/${visible(path)}`, `@@ -${range(start + 1, stopA - start)} +${range(start + 1, stopB - start)} @@`];
  for (let i = start; i < head; i++) lines.push(` ${visible(a[i]!)}`);
  for (let i = head; i < Math.min(a.length - tail, lastA); i++) lines.push(`-${visible(a[i]!)}`);
  for (let i = head; i < Math.min(b.length - tail, lastB); i++) lines.push(`+${visible(b[i]!)}`);
  for (let i = a.length - tail; i < stopA; i++) lines.push(` ${visible(a[i]!)}`);
  return `${lines.join('\n')}\n`;
}
