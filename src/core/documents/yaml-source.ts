/**
 * YAML outside the fast subset, through the `yaml` library. One parse gives everything: the
 * value, node positions, the text of numbers and booleans as written, and the duplicate-key
 * check. That check is ours, one hash lookup per key: the library's `uniqueKeys` compares each
 * key with every key before it, which is quadratic in the size of a mapping.
 */
import type * as Yaml from 'yaml';
import { AicrError, ErrorCode, invalidInput, type SourceLocation } from '../errors.js';
import { excerpt, quoted } from '../safe-text.js';
import { checkExpandedSize, MAX_ALIAS_COUNT, MAX_DOCUMENT_BYTES } from './limits.js';
import { formatPath, type Position, type SourceDocument } from './source-types.js';

type YamlLibrary = typeof Yaml;
type YamlMap = Yaml.YAMLMap<unknown, unknown>;
type Pair = Yaml.Pair<unknown, unknown>;
type Ranged = { range?: [number, number, number] | null };

let library: YamlLibrary | undefined;
/** The library loads on first use: commands that read no YAML never pay for it. */
export async function loadYaml(): Promise<void> {
  if (library) return;
  // yaml is CommonJS: a bundled dynamic import gives only `default` (module.exports), Node's
  // own loader gives the named exports too. `default` is the whole library in both.
  const loaded = (await import('yaml')) as YamlLibrary & { default?: YamlLibrary };
  library = loaded.default ?? loaded;
}

/** Parses `text` (YAML 1.2, one document); needs {@link loadYaml} to have run. */
export function readYamlSource(text: string, origin: string, maxBytes = MAX_DOCUMENT_BYTES): SourceDocument {
  const YAML = library;
  if (!YAML) throw new AicrError(ErrorCode.Internal, 'the YAML parser was used before it was loaded');
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' });
  const scan = scanNodes(YAML, doc.contents);
  // Report whichever problem comes first in the text, as the library's own check would.
  const problem = doc.errors[0];
  if (scan.duplicate && !(problem && problem.pos[0] < scan.duplicate.offset)) throw duplicateKeyError(origin, lineCounter, scan.duplicate);
  if (problem) throw yamlError(origin, lineCounter, problem);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw invalidInput(`${origin}: ${excerpt((error as Error).message)}`, {
      location: { file: origin },
      hint: `YAML aliases may expand at most ${MAX_ALIAS_COUNT} times; write the repeated data out instead`,
    });
  }
  if (scan.hasAlias) checkExpandedSize(value, origin, maxBytes);
  return yamlSource(YAML, doc.contents, value, origin, lineCounter);
}

interface Duplicate {
  key: unknown;
  offset: number;
  firstOffset: number;
}

/** One pass over the nodes (a stack, not recursion: nesting is untrusted): aliases and the first duplicate key. */
function scanNodes(YAML: YamlLibrary, root: unknown): { hasAlias: boolean; duplicate?: Duplicate } {
  let hasAlias = false;
  let duplicate: Duplicate | undefined;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (YAML.isAlias(node)) {
      hasAlias = true;
    } else if (YAML.isMap(node)) {
      const seen = new Map<unknown, number>();
      for (const { key, value } of node.items) {
        stack.push(key, value);
        // Keys are equal when both are scalars with the same value (the library's rule); NaN never is.
        if (!YAML.isScalar(key) || !key.range || Number.isNaN(key.value)) continue;
        const first = seen.get(key.value);
        if (first === undefined) seen.set(key.value, key.range[0]);
        else if (!duplicate || key.range[0] < duplicate.offset) duplicate = { key: key.value, offset: key.range[0], firstOffset: first };
      }
    } else if (YAML.isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return duplicate ? { hasAlias, duplicate } : { hasAlias };
}

function yamlSource(YAML: YamlLibrary, root: unknown, value: unknown, origin: string, lineCounter: Yaml.LineCounter): SourceDocument {
  // Key lookups by text, built per mapping on first use: validation asks for many readings of one mapping.
  const indexes = new WeakMap<YamlMap, Map<string, Pair>>();
  const pairOf = (map: YamlMap, segment: string | number): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) if (YAML.isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
      indexes.set(map, index);
    }
    return index.get(String(segment));
  };
  /** The node at `path` (undefined when absent) and the node to point at: the key of a scalar entry, else the node itself or its nearest ancestor. */
  const walk = (path: ReadonlyArray<string | number>): { node: unknown; best: Ranged | undefined } => {
    let node: unknown = root;
    let best = root as Ranged | undefined;
    for (const segment of path) {
      if (YAML.isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) return { node: undefined, best };
        best = (pair.key as Ranged | null) ?? best;
        node = pair.value;
        if (node && (node as Ranged).range && !YAML.isScalar(node)) best = node as Ranged;
      } else if (YAML.isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (!node) return { node: undefined, best };
        best = node as Ranged;
      } else {
        return { node: undefined, best };
      }
    }
    return { node, best };
  };
  const position = (node: Ranged | undefined): Position | undefined => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: ReadonlyArray<string | number>): SourceLocation => {
    const at = position(walk(path).best);
    return at ? { file: origin, line: at.line, column: at.column, path: formatPath(path) } : { file: origin, path: formatPath(path) };
  };
  return {
    value,
    origin,
    locate,
    scalarText(path) {
      const { node } = walk(path);
      if (!YAML.isScalar(node) || (typeof node.value !== 'number' && typeof node.value !== 'boolean')) return undefined;
      return typeof node.source === 'string' ? node.source : undefined;
    },
    itemPositions(path) {
      const { node, best } = walk(path);
      if (YAML.isSeq(node)) return node.items.map((item) => position(item as Ranged));
      // A list reached through an alias has no nodes of its own: its items point at the alias.
      let list: unknown = value;
      for (const segment of path) list = list && typeof list === 'object' ? (list as Record<string | number, unknown>)[segment] : undefined;
      return Array.isArray(list) ? list.map(() => position(best)) : [];
    },
  };
}

function duplicateKeyError(origin: string, lineCounter: Yaml.LineCounter, duplicate: Duplicate): AicrError {
  const { line, col } = lineCounter.linePos(duplicate.offset);
  const firstLine = lineCounter.linePos(duplicate.firstOffset).line;
  const name = quoted(String(duplicate.key));
  return invalidInput(`${origin}:${line}:${col}: malformed YAML: duplicate key ${name} (first at line ${firstLine})`, {
    location: { file: origin, line, column: col },
    hint: `keep one ${name} entry: a YAML mapping may not repeat a key`,
    details: { key: String(duplicate.key), firstLine },
  });
}

function yamlError(origin: string, lineCounter: Yaml.LineCounter, problem: Yaml.YAMLError): AicrError {
  const pos = lineCounter.linePos(problem.pos[0]);
  // The library's first line only (the rest quotes the file), cut short: it may name a tag or an alias.
  const firstLine = excerpt(problem.message.replace(/ at line \d+, column \d+:?(\n[\s\S]*)?$/, ''));
  return invalidInput(`${origin}:${pos.line}:${pos.col}: malformed YAML: ${firstLine}`, {
    location: { file: origin, line: pos.line, column: pos.col },
    hint: 'fix the YAML syntax at that line (indentation, quoting, duplicate keys)',
  });
}
