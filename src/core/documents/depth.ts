/**
 * How deep an untrusted document may nest. Parsers, clones, merges and writers recurse once per
 * level, so a document nested thousands of levels deep would end in a stack overflow (or, in
 * V8's regular-expression compiler, an abort) instead of a clear input error. Every check here
 * walks with an explicit stack.
 */
import { invalidInput } from '../errors.js';

/** Deepest nesting of mappings and lists a document may have; real documents nest a dozen or so. */
export const MAX_DEPTH = 256;

function tooDeep(origin: string): Error {
  return invalidInput(`${origin}: the document nests more than ${MAX_DEPTH} levels deep`, {
    location: { file: origin },
    hint: `flatten the document: mappings and lists may nest at most ${MAX_DEPTH} levels`,
    details: { limit: MAX_DEPTH },
  });
}

/** Refuses a parsed value whose mappings and lists nest more than {@link MAX_DEPTH} levels. */
export function checkDepth(value: unknown, origin: string): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_DEPTH) throw tooDeep(origin);
    const children = Array.isArray(node) ? node : Object.values(node as Record<string, unknown>);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
}

/** A token of the YAML library's concrete syntax tree, as far as nesting is concerned. */
interface CstNode {
  type?: string;
  value?: unknown;
  items?: Array<{ key?: unknown; value?: unknown }>;
}

/**
 * Refuses YAML whose concrete syntax tree (the library's parser is iterative; its composer is
 * not) nests more than {@link MAX_DEPTH} collections, before the composer sees it.
 */
export function checkCstDepth(tokens: readonly unknown[], origin: string): void {
  const stack: Array<[unknown, number]> = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token || typeof token !== 'object') continue;
    const node = token as CstNode;
    if (node.type === 'document') {
      stack.push([node.value, depth]);
      continue;
    }
    if (!Array.isArray(node.items)) continue;
    if (depth >= MAX_DEPTH) throw tooDeep(origin);
    for (const item of node.items) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
}
