/**
 * Every fenced ```yaml block in every README.md, docs/*.md and examples/**\/*.md, and every example
 * pipeline, parses as YAML: users copy them into workflows and pipelines as they are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../helpers/paths.js';

const SKIP = new Set(['node_modules', 'dist', '.git', 'shared', '.gitlab-ci-local']);

function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    const rel = relative(REPO_ROOT, path);
    if (entry.isDirectory()) found.push(...markdownFiles(path));
    else if (entry.name === 'README.md' || (/^(docs|examples)\//.test(rel) && entry.name.endsWith('.md'))) found.push(rel);
  }
  return found.sort();
}

/** The ```yaml / ```yml blocks of a Markdown text, with the line each starts on. */
function yamlBlocks(markdown: string): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\b/i.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.trimStart().startsWith(fence!); j++) body.push(lines[j]!.slice(indent!.length));
    blocks.push({ line: i + 2, text: body.join('\n') });
    i = j;
  }
  return blocks;
}

const files = markdownFiles(REPO_ROOT);

describe('YAML in the documentation', () => {
  it('finds the READMEs and docs', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('gitlab/README.md');
    expect(files).toContain('docs/options.md');
  });

  it('finds blocks, and would catch the README mistake this test was written for', () => {
    expect(yamlBlocks('text\n```yaml\na: 1\n```\n  ```yml\n  b: 2\n  ```\n')).toEqual([{ line: 3, text: 'a: 1' }, { line: 6, text: 'b: 2' }]);
    const [broken] = parseAllDocuments('- run: echo "order: ${{ steps.recipe.outputs.deployment-order }}"\n');
    expect(broken!.errors.length).toBeGreaterThan(0);
  });

  const examples = readdirSync(join(REPO_ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).map((f) => `examples/${f}`);
  it.each(examples)('%s parses as YAML', (file) => {
    const errors = parseAllDocuments(readFileSync(join(REPO_ROOT, file), 'utf8')).flatMap((doc) => doc.errors.map((e) => e.message.split('\n')[0]));
    expect(errors).toEqual([]);
  });

  it.each(files)('%s: every yaml block parses', (file) => {
    const problems: string[] = [];
    for (const block of yamlBlocks(readFileSync(join(REPO_ROOT, file), 'utf8'))) {
      for (const doc of parseAllDocuments(block.text)) {
        for (const error of doc.errors) problems.push(`${file}:${block.line + (error.linePos?.[0].line ?? 1) - 1}: ${error.message.split('\n')[0]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
