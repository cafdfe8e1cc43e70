/** Errors about a user's document quote at most one short line of it, never the whole file or the lines around the fault. */
import { describe, expect, it } from 'vitest';
import { ensureYamlParser, parseDocumentSync } from '../../../src/core/documents/parse.js';
import { readDocument } from '../../../src/core/documents/index.js';
import { parseSource } from '../../../src/core/documents/source.js';
import { formatError } from '../../../src/core/errors.js';
import { MAX_EXCERPT } from '../../../src/core/safe-text.js';

const NEIGHBOUR = 'NEIGHBOURSECRET';

async function messageOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    return formatError(error);
  }
  throw new Error('expected an error');
}

/** The longest run of the document's own text in `message`. */
function longestQuote(message: string, document: string): number {
  let longest = 0;
  for (let start = 0; start < document.length; start++) {
    let length = longest + 1;
    while (start + length <= document.length && message.includes(document.slice(start, start + length))) length++;
    longest = Math.max(longest, length - 1);
  }
  return longest;
}

describe('document errors quote short excerpts', () => {
  it('a document that is one long string is named by its type and a cut excerpt', async () => {
    const text = `${'word '.repeat(60)}\n  ${NEIGHBOUR} continued\n  ${'more '.repeat(40)}\n`;
    const message = await messageOf(() => readDocument('RecipeResult', text, 'recipe.yaml'));
    expect(message).toContain('expected a RecipeResult mapping, found the string "word word');
    expect(message).not.toContain(NEIGHBOUR);
    expect(longestQuote(message, text)).toBeLessThanOrEqual(MAX_EXCERPT);
  });

  it('malformed JSON quotes the faulty line only, not V8\'s context', async () => {
    await ensureYamlParser();
    const text = `{\n  "before": "${NEIGHBOUR}1",\n  "value": ${'x'.repeat(300)},\n  "after": "${NEIGHBOUR}2"\n}`;
    const message = await messageOf(() => parseDocumentSync(text, 'data.json', { syntax: 'json' }));
    expect(message).toMatch(/^\[INVALID_REQUEST\] data\.json(:3:\d+)?: malformed JSON: Unexpected token/);
    expect(message).not.toContain(NEIGHBOUR);
    expect(longestQuote(message, text)).toBeLessThanOrEqual(MAX_EXCERPT);
  });

  it('YAML syntax errors, unknown fields and wrong values stay short', async () => {
    const long = 'k'.repeat(400);
    const cases = [
      `a: *${long}\nb: ${NEIGHBOUR}\n`,
      `kind: RecipeResult\napiVersion: aicr.nvidia.com/v1alpha1\n${long}: 1\nnext: ${NEIGHBOUR}\n`,
      `kind: ${long}\nnext: ${NEIGHBOUR}\n`,
    ];
    for (const text of cases) {
      const message = await messageOf(async () => readDocument('RecipeResult', text, 'r.yaml').then(() => parseSource(text, 'r.yaml')));
      expect(message, message).not.toContain(NEIGHBOUR);
      expect(longestQuote(message, text), message).toBeLessThanOrEqual(MAX_EXCERPT);
    }
  });
});

it('malformed JSON with a position points at the line and quotes only it', async () => {
  const text = `{\n  "before": "${NEIGHBOUR}1",\n  "value": "${'y'.repeat(300)}" "z",\n  "after": "${NEIGHBOUR}2"\n}`;
  const message = await messageOf(() => parseDocumentSync(text, 'data.json', { syntax: 'json' }));
  expect(message).toMatch(/^\[INVALID_REQUEST\] data\.json:3:\d+: malformed JSON: .* near "…?y+/);
  expect(message).not.toContain(NEIGHBOUR);
  expect(longestQuote(message, text)).toBeLessThanOrEqual(MAX_EXCERPT);
});
