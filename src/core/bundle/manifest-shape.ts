/**
 * The backstop that keeps values from shaping manifests: after a manifest template is rendered,
 * every value an action printed must sit inside the YAML structure the template's own text
 * builds. A plain value (`name: {{ .x }}`) must lie inside one scalar and may not supply that
 * scalar's syntax (quotes, block indicator, tag, anchor, alias, comment, flow collection), nor
 * span lines unless the template opened a block scalar for it. A `toYaml` value (written by our
 * YAML writer, safe by construction) must form whole nodes where it lands. No value may start a
 * document. A check of the result rather than escaping on the way out: escaping would have to
 * guess the YAML context of every action, and any wrong guess would be a hole; the parse knows.
 */
import type * as Yaml from 'yaml';
import { parseYamlDocuments, yamlLibrary } from '../documents/yaml-source.js';
import type { OutputSpan } from './template/index.js';

export interface ShapeProblem {
  /** The action whose value is at fault. */
  span: OutputSpan;
  /** The text it printed. */
  value: string;
  /** What it does to the manifest, e.g. `starts a new YAML document`. */
  reason: string;
}

interface Ranged {
  start: number;
  /** End of the node's own text (trailing blanks and line breaks left out). */
  end: number;
  node: unknown;
  children: Ranged[];
}

/** The first value that changes the manifest's shape, or undefined when none does. */
export function findShapeProblem(text: string, spans: readonly OutputSpan[], origin: string): ShapeProblem | undefined {
  if (spans.length === 0) return undefined;
  const YAML = yamlLibrary();
  const docs = parseYamlDocuments(text, origin, { version: '1.2', uniqueKeys: true, prettyErrors: false, strict: true });
  const tree = buildTree(YAML, text, docs);
  const boundaries = docs.slice(1).map((doc) => doc.range[0]);
  for (const span of spans) {
    const value = text.slice(span.start, span.end);
    const at = trimmed(text, span.start, span.end);
    if (!at) {
      if (shiftsFollowingText(text, span)) return { span, value, reason: 'moves the text after it to another line' };
      continue;
    }
    if (boundaries.some((boundary) => boundary >= at.start && boundary < at.end)) return { span, value, reason: 'starts a new YAML document' };
    const fits = span.structured ? formsWholeNodes(tree, at.start, at.end) || fitsScalar(YAML, tree, text, at.start, at.end) : fitsScalar(YAML, tree, text, at.start, at.end);
    if (!fits) return { span, value, reason: explain(text.slice(at.start, at.end)) };
  }
  const error = docs.flatMap((doc) => doc.errors)[0];
  if (error) {
    const position = error.pos[0];
    const span = [...spans].reverse().find((candidate) => candidate.start <= position) ?? spans[0]!;
    return { span, value: text.slice(span.start, span.end), reason: `makes the manifest invalid YAML (${error.message.split('\n')[0]})` };
  }
  return undefined;
}

/** The non-blank part of [start, end), or undefined when it is all blanks. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return from < to ? { start: from, end: to } : undefined;
}

/** A blank value with a line break, followed on its line by template text, re-indents that text. */
function shiftsFollowingText(text: string, span: OutputSpan): boolean {
  if (!text.slice(span.start, span.end).includes('\n')) return false;
  const lineEnd = text.indexOf('\n', span.end);
  return text.slice(span.end, lineEnd < 0 ? text.length : lineEnd).trim() !== '';
}

/** Every node of every document, sorted by start, with its children (an explicit stack: depth is untrusted). */
function buildTree(YAML: typeof Yaml, text: string, docs: readonly Yaml.Document.Parsed[]): { roots: Ranged[]; sorted: Ranged[] } {
  const roots: Ranged[] = [];
  const sorted: Ranged[] = [];
  const make = (node: unknown): Ranged | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return undefined;
    let end = range[1];
    while (end > range[0] && /\s/.test(text[end - 1]!)) end--;
    const ranged: Ranged = { start: range[0], end, node, children: [] };
    sorted.push(ranged);
    return ranged;
  };
  const stack: Ranged[] = [];
  for (const doc of docs) {
    const root = make(doc.contents);
    if (!root) continue;
    roots.push(root);
    stack.push(root);
  }
  while (stack.length > 0) {
    const parent = stack.pop()!;
    if (!YAML.isMap(parent.node) && !YAML.isSeq(parent.node)) continue;
    for (const item of parent.node.items as unknown[]) {
      const parts = YAML.isPair(item) ? [item.key, item.value] : [item];
      for (const part of parts) {
        const child = make(part);
        if (!child) continue;
        parent.children.push(child);
        stack.push(child);
      }
    }
  }
  sorted.sort((a, b) => a.start - b.start || b.end - a.end);
  return { roots, sorted };
}

/** Whether [start, end) lies inside one scalar the template wrote, without supplying its syntax. */
function fitsScalar(YAML: typeof Yaml, tree: { sorted: Ranged[] }, text: string, start: number, end: number): boolean {
  const scalar = innermost(tree.sorted, start, (node) => YAML.isScalar(node.node));
  if (!scalar) return inComment(tree.sorted, text, start, end);
  if (end > scalar.end) return false;
  const type = (scalar.node as Yaml.Scalar).type;
  // The value begins the scalar: it must read as plain text, not choose quotes or a block style.
  if (start === scalar.start && type !== 'PLAIN') return false;
  const block = type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED';
  return block || !text.slice(start, end).includes('\n');
}

/** The last node (in start order) that contains `position` and passes `test`. */
function innermost(sorted: readonly Ranged[], position: number, test: (node: Ranged) => boolean): Ranged | undefined {
  let best: Ranged | undefined;
  for (let i = upperBound(sorted, position) - 1; i >= 0; i--) {
    const node = sorted[i]!;
    if (!test(node)) continue;
    // Scalars never overlap one another: the nearest one starting before is the only candidate.
    if (node.end > position || (node.start === position && node.end === position)) best = node;
    break;
  }
  return best;
}

/** Index of the first node starting after `position`. */
function upperBound(sorted: readonly Ranged[], position: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A one-line value after a `#` that no scalar holds: it only lengthens a comment. */
function inComment(sorted: readonly Ranged[], text: string, start: number, end: number): boolean {
  if (text.slice(start, end).includes('\n')) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  for (let hash = text.indexOf('#', lineStart); hash >= 0 && hash < start; hash = text.indexOf('#', hash + 1)) {
    if (hash > lineStart && !/\s/.test(text[hash - 1]!)) continue;
    if (!sorted.some((node) => node.start <= hash && hash < node.end && node.children.length === 0)) return true;
  }
  return false;
}

/**
 * Whether [start, end) is made of whole nodes: each node that starts inside also ends inside
 * (but for a collection the value opens and the template continues), and each node around its
 * start also holds its end.
 */
function formsWholeNodes(tree: { roots: Ranged[]; sorted: Ranged[] }, start: number, end: number): boolean {
  let first = upperBound(tree.sorted, start - 1);
  let any = false;
  for (; first < tree.sorted.length && tree.sorted[first]!.start < end; first++) {
    const node = tree.sorted[first]!;
    any = true;
    // A collection the value opens may go on with the template's own items (`fixed: yes` after a toYaml'd map).
    if (node.end > end && !(node.start === start && node.children.length > 0)) return false;
  }
  if (!any) return false;
  for (let level: readonly Ranged[] = tree.roots; ;) {
    const around = level.find((node) => node.start < start && start < node.end);
    if (!around) return true;
    if (around.end < end) return false;
    level = around.children;
  }
}

/** Says, for the message, what in the value YAML read as structure. */
function explain(value: string): string {
  if (/(^|\n)(---|\.\.\.)(\s|$)/.test(value)) return 'starts a new YAML document';
  if (value.includes('\n')) return 'continues on another line, where YAML reads it as more keys or items';
  const first = value[0]!;
  const indicators: Record<string, string> = {
    '&': 'starts with "&", which YAML reads as an anchor',
    '*': 'starts with "*", which YAML reads as an alias',
    '!': 'starts with "!", which YAML reads as a tag',
    '{': 'starts with "{", which YAML reads as a mapping',
    '[': 'starts with "[", which YAML reads as a list',
    '-': 'starts with "- ", which YAML reads as a list item',
    '?': 'starts with "? ", which YAML reads as a key',
    '|': 'starts with "|", which YAML reads as a block of text',
    '>': 'starts with ">", which YAML reads as a block of text',
    '"': 'starts with a quote, which YAML reads as the quoting of the value',
    "'": 'starts with a quote, which YAML reads as the quoting of the value',
    '#': 'starts with "#", which YAML reads as a comment',
    '%': 'starts with "%", which YAML reserves for directives',
    '@': 'starts with "@", which YAML reserves',
    '`': 'starts with "`", which YAML reserves',
  };
  if (indicators[first]) return indicators[first]!;
  if (/\s#/.test(value)) return 'holds " #", which YAML reads as the start of a comment';
  if (/:(\s|$)/.test(value)) return 'holds ": ", which YAML reads as a key';
  if (/[,[\]{}]/.test(value)) return 'holds flow punctuation (, [ ] { }), which YAML reads as structure here';
  return 'changes the YAML structure the template builds';
}
