/** Recipe constraint values as text, the way upstream's typed reader takes them. */
import { readingText } from './reading-text.js';
import type { SourceDocument } from './source-types.js';

/**
 * Constraint values written as unquoted numbers or booleans (`value: 12.10`, `value: True`)
 * are text, as upstream reads them (into a string field): this turns them into the text as
 * written. Idempotent.
 */
export function constraintValuesAsText(source: SourceDocument): void {
  const root = source.value as { constraints?: unknown; validation?: Record<string, { constraints?: unknown } | null> } | null;
  if (!root || typeof root !== 'object') return;
  const fix = (list: unknown, path: Array<string | number>): void => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (!item || typeof item !== 'object') return;
      const entry = item as { value?: unknown };
      if (typeof entry.value === 'number' || typeof entry.value === 'boolean') {
        entry.value = source.scalarText([...path, i, 'value']) ?? (typeof entry.value === 'number' ? readingText(entry.value) : String(entry.value));
      }
    });
  };
  fix(root.constraints, ['constraints']);
  if (root.validation && typeof root.validation === 'object') {
    for (const [phase, body] of Object.entries(root.validation)) if (body && typeof body === 'object') fix(body.constraints, ['validation', phase, 'constraints']);
  }
}
