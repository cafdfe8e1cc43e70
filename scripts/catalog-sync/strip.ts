// Comment stripping for the catalog import: upstream's facts without its comments and prose.
// Data files go through the yaml package's Document API (comments dropped, every scalar written
// as it was in the source, so a value means the same to Helm); manifests are Helm templates,
// not YAML, and are stripped line by line.
import { isNode, isScalar, parseAllDocuments, visit, type Document, type ToStringOptions } from 'yaml';

/** One fixed writer setup: the same document always gives the same bytes. */
const WRITE: ToStringOptions = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true };

export class YamlProblem extends Error {}

/** Parses a data file (values, overlay, registry, health check ...) into its documents. */
export function parseDataDocuments(text: string, origin: string): Document[] {
  const documents = parseAllDocuments(text, { version: '1.2', uniqueKeys: true, prettyErrors: false });
  if (!Array.isArray(documents)) return [];
  for (const document of documents) {
    const problem = document.errors[0] ?? document.warnings[0];
    if (problem) throw new YamlProblem(`${origin}: ${problem.message.split('\n')[0]}`);
  }
  return documents;
}

/** Drops every comment of a parsed document, and the blank line that would open it. */
export function dropComments(document: Document): void {
  document.commentBefore = null;
  document.comment = null;
  visit(document, {
    Node(_, node) {
      node.commentBefore = undefined;
      node.comment = undefined;
    },
  });
  if (isNode(document.contents)) document.contents.spaceBefore = false;
  const first = (document.contents as { items?: Array<{ key?: unknown; spaceBefore?: boolean }> } | null)?.items?.[0];
  if (first) {
    if (isNode(first)) first.spaceBefore = false;
    else if (isNode(first.key)) first.key.spaceBefore = false;
  }
}

/**
 * Writes documents as one file: documents after the first open with `---`, an empty document is
 * left out unless it is the only one (an empty values file stays empty).
 */
export function writeDataDocuments(documents: readonly Document[]): string {
  const bodies = documents
    .filter((document) => !isEmptyDocument(document))
    .map((document) => {
      if (document.directives) {
        document.directives.docStart = null;
        document.directives.docEnd = false;
      }
      return document.toString(WRITE);
    });
  return bodies.join('---\n');
}

/** The comments a data file holds (text inside block scalars is content, not a comment). */
export function commentsIn(text: string): string[] {
  const comments: string[] = [];
  const add = (comment: string | null | undefined): void => void (comment && comments.push(comment));
  for (const document of parseAllDocuments(text, { version: '1.2' }) as Document[]) {
    add(document.commentBefore);
    add(document.comment);
    visit(document, {
      Node(_, node) {
        add(node.commentBefore);
        add(node.comment);
      },
    });
  }
  return comments;
}

/** A document with nothing in it (`---` followed by comments only). */
export function isEmptyDocument(document: Document): boolean {
  const contents = document.contents;
  return contents === null || (isScalar(contents) && contents.value === null && !contents.source);
}

/** A data file without its comments. */
export function stripDataFile(text: string, origin: string): string {
  const documents = parseDataDocuments(text, origin);
  documents.forEach(dropComments);
  return writeDataDocuments(documents);
}

const COMMENT_LINE = /^\s*#/;
/** A line that is only a Helm comment, trimming at most on its left (removing it renders the same). */
const HELM_COMMENT_LINE = /^\s*\{\{-?\s*\/\*.*\*\/\s*\}\}\s*$/;
/** A line that is only a template action: it never ends a block scalar. */
const TEMPLATE_LINE = /^\s*\{\{.*\}\}\s*$/;
/** A key or list item whose value is a block scalar (`key: |`, `- >-`). */
const BLOCK_SCALAR_START = /(?:^\s*(?:-\s+)*|:\s+)[|>][1-9]?[-+]?[1-9]?\s*(?:#.*)?$/;
/** Marker comments tools read (`# aicr/skip-hook-validation: "true"`): data, not prose. */
const MARKER_COMMENT = /^#\s*aicr\/[a-z0-9-]+:/;
/** The first line of a third-party copyright notice, kept with the paragraph that follows it. */
const THIRD_PARTY_NOTICE = /^#\s*Copyright\b(?!.*NVIDIA)/i;

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * A manifest (Kubernetes YAML that may hold Helm template actions) without comment lines, Helm
 * comment lines or simple trailing comments. Lines inside block scalars are content (a script's
 * `#!/bin/bash`) and stay; so do marker comments and third-party licence notices.
 */
export function stripManifest(text: string): string {
  const out: ManifestLine[] = [];
  const push = (line: string, content = false): void => void out.push({ line, content });
  let blockIndent: number | undefined;
  let inNotice = false;
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (blockIndent !== undefined) {
      if (line.trim() === '' || indentOf(line) > blockIndent || TEMPLATE_LINE.test(line)) {
        push(line, true);
        continue;
      }
      blockIndent = undefined;
    }
    if (COMMENT_LINE.test(line)) {
      if (THIRD_PARTY_NOTICE.test(line)) inNotice = true;
      if (inNotice || MARKER_COMMENT.test(line)) push(line);
      continue;
    }
    inNotice = false;
    if (HELM_COMMENT_LINE.test(line)) continue;
    const kept = withoutTrailingComment(line);
    if (BLOCK_SCALAR_START.test(kept)) blockIndent = indentOf(kept);
    push(kept);
  }
  // Blank lines left at the top by a removed header, and runs of blank lines, go.
  const lines = collapseBlankRuns(out);
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** `key: value # note` → `key: value`, only where no quote or template action could hold the `#`. */
function withoutTrailingComment(line: string): string {
  const match = /^(.*?\S)\s+#.*$/.exec(line);
  if (!match || /['"`]|\{\{/.test(match[1]!)) return line;
  return match[1]!;
}

interface ManifestLine {
  line: string;
  /** Inside a block scalar: kept byte for byte. */
  content: boolean;
}

/** Runs of blank lines outside block scalars become one. */
function collapseBlankRuns(lines: readonly ManifestLine[]): string[] {
  const out: string[] = [];
  let previousBlank = false;
  for (const { line, content } of lines) {
    const blank = line.trim() === '';
    if (blank && !content && previousBlank) continue;
    previousBlank = blank && !content;
    out.push(line);
  }
  return out;
}
