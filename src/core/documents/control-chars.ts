/**
 * Control characters in documents: C0 (tab and line feed allowed in values, where multi-line
 * text is legitimate), DEL and C1. They have no business in a recipe, and they would reach
 * terminals, logs and generated files (an escape sequence, a carriage return that hides text).
 */
import { formatLocation, invalidInput } from '../errors.js';
import { formatPath, type ParsedDocument } from './source-types.js';

const IN_VALUE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const IN_KEY = /[\u0000-\u001f\u007f-\u009f]/;

/** `U+001B`: how a control character is named in messages. */
function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Refuses the first key or string value holding a control character, naming its field. */
export function checkControlCharacters(parsed: ParsedDocument, kind: string): void {
  const stack: Array<[unknown, Array<string | number>]> = [[parsed.value, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    let found: string | undefined;
    let at = path;
    if (typeof node === 'string') found = IN_VALUE.exec(node)?.[0];
    else if (Array.isArray(node)) node.forEach((item, index) => stack.push([item, [...path, index]]));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        const inKey = IN_KEY.exec(key)?.[0];
        if (inKey !== undefined) {
          found = inKey;
          at = [...path, key];
          break;
        }
        stack.push([value, [...path, key]]);
      }
    }
    if (found === undefined) continue;
    const location = parsed.locate(at);
    throw invalidInput(`${formatLocation(location)}: ${kind} field ${formatPath(at) || '(document)'} holds the control character ${codePoint(found)}`, {
      location,
      hint: 'remove the character (write multi-line text with real line breaks; tabs and line breaks are the only control characters allowed, and only in values)',
      details: { field: formatPath(at), character: codePoint(found) },
    });
  }
}
