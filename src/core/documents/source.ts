/**
 * Input documents for validation, parsed once with what validation needs beyond the value:
 * the line of every node (for annotations and report locations) and the text of every number
 * as written (so a reading `12.10` stays `12.10`, and `18446744073709551615` stays exact).
 *
 * Block YAML in the common subset goes through the fast reader, JSON through JSON.parse, and
 * everything else through the YAML library (yaml-source.ts), which also words every error.
 */
import { checkDepth } from './depth.js';
import { withJsonSource } from './json-source.js';
import { byteLength, checkSize } from './limits.js';
import type { SourceDocument } from './source-types.js';
import { parseYamlSubset } from './yaml-subset.js';
import { loadYaml, readYamlSource } from './yaml-source.js';

export type {  SourceDocument } from './source-types.js';

/** Parses YAML or JSON text with size limits, positions and number texts. */
export async function parseSource(text: string, origin: string): Promise<SourceDocument> {
  checkSize(origin, byteLength(text));
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // A flow-style YAML document or a JSON syntax error goes on to the YAML library and its messages.
    const json = parseJson(text);
    if (json) {
      checkDepth(json.value, origin);
      return withJsonSource(json.value, origin, text);
    }
  } else {
    const fast = parseYamlSubset(text, origin);
    if (fast) {
      checkDepth(fast.value, origin);
      return fast;
    }
  }
  await loadYaml();
  return readYamlSource(text, origin);
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}
