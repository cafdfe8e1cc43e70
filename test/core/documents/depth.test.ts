// Deep documents end as input errors (exit 2) at every parser, never as a stack overflow.
import { describe, expect, it } from 'vitest';
import { checkDepth, MAX_DEPTH } from '../../../src/core/documents/depth.js';
import { ensureYamlParser, parseDocumentSync } from '../../../src/core/documents/parse.js';
import { parseSource } from '../../../src/core/documents/source.js';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';

const LEVELS = 100_000;
const nestedJson = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const nestedFlow = (levels: number): string => `a: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
const nestedItems = (levels: number): string => `${'- '.repeat(levels)}x\n`;
const nestedBlock = (levels: number): string => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';

async function refusal(text: string): Promise<unknown> {
  return parseSource(text, 'deep.yaml').then(() => expect.fail('expected a refusal'), (error: unknown) => error);
}

describe('document depth', () => {
  it.each([
    ['JSON objects', nestedJson(LEVELS)],
    ['JSON lists', `${'['.repeat(LEVELS)}${']'.repeat(LEVELS)}`],
    ['YAML flow lists', nestedFlow(LEVELS)],
    ['YAML compact sequences', nestedItems(LEVELS)],
    ['YAML block mappings', nestedBlock(MAX_DEPTH + 5)],
  ])('refuses %s nested past the limit with exit 2', async (_name, text) => {
    const error = await refusal(text);
    expect(formatError(error)).toContain(`deep.yaml: the document nests more than ${MAX_DEPTH} levels deep`);
    expect(exitCodeFor(error)).toBe(2);
  });

  it('accepts documents up to the limit', async () => {
    expect((await parseSource(nestedJson(MAX_DEPTH - 1), 'ok.json')).value).toBeDefined();
    expect((await parseSource(nestedFlow(MAX_DEPTH - 2), 'ok.yaml')).value).toBeDefined();
    expect((await parseSource(nestedItems(MAX_DEPTH), 'ok.yaml')).value).toBeDefined();
  });

  it('guards the synchronous reader the catalog uses too', async () => {
    await ensureYamlParser();
    for (const text of [nestedFlow(LEVELS), nestedItems(LEVELS)]) {
      expect(() => parseDocumentSync(text, 'values.yaml', { syntax: 'yaml' })).toThrow(/nests more than/);
    }
    expect(() => parseDocumentSync(nestedJson(LEVELS), 'values.json')).toThrow(/nests more than/);
  });

  it('walks a value without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < LEVELS; i++) deep = [deep];
    expect(() => checkDepth(deep, 'x')).toThrow(/nests more than/);
    expect(() => checkDepth({ a: [{ b: 1 }] }, 'x')).not.toThrow();
  });
});
