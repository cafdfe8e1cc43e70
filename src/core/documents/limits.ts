/** Limits on untrusted documents, checked before and while parsing. */
import { invalidInput } from '../errors.js';

import { MAX_DOCUMENT_BYTES } from '../location.js';

export { MAX_DOCUMENT_BYTES };
/** Largest number of alias expansions in one document; blocks "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function checkSize(origin: string, size: number, maxBytes = MAX_DOCUMENT_BYTES): void {
  if (size > maxBytes) {
    throw invalidInput(`${origin}: document is too large (${size} bytes, limit ${maxBytes} bytes)`, {
      location: { file: origin },
      hint: 'split the document or remove unneeded data; the limit protects the runner from runaway input',
      details: { size, limit: maxBytes },
    });
  }
}

/**
 * Aliases share data in memory but are copied out by anything that clones or writes the
 * document: a few aliases of a large anchor can multiply its size. Refuse documents whose
 * expanded size (nodes and text) exceeds twice the byte limit.
 */
export function checkExpandedSize(value: unknown, origin: string, maxBytes: number): void {
  const budget = maxBytes * 2;
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    size += typeof node === 'string' ? node.length + 1 : 8;
    if (size > budget) {
      throw invalidInput(`${origin}: the document expands to more than ${budget} bytes through YAML aliases`, {
        location: { file: origin },
        hint: 'write the repeated data out once instead of referencing a large anchor many times',
      });
    }
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (node !== null && typeof node === 'object') for (const key of Object.keys(node)) stack.push(key, (node as Record<string, unknown>)[key]);
  }
}
