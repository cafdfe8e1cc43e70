/**
 * Documents the fast reader leaves to the full YAML library (anchors here) make the bundled CLI
 * load that library from its own chunk of dist/: each reading path must get the same result
 * from them as from their plain form.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { upstreamMockSnapshot } from '../helpers/paths.js';
import { FIXTURE_DATA } from '../core/bundle/support.js';

const dir = mkdtempSync(join(tmpdir(), 'aicr-bundled-yaml-'));

/** The same document with an anchor on its first plain scalar: same data, only the full library reads it. */
function anchored(path: string, name: string): string {
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(/^(\s*[\w-]+): ([\w.-]+)$/m, '$1: &first $2');
  expect(changed).not.toBe(text);
  const out = join(dir, name);
  writeFileSync(out, changed);
  return out;
}

describe('the bundled CLI reads YAML that needs the full library', () => {
  const recipe = join(dir, 'recipe.yaml');
  const made = runBin(['recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '-o', recipe]);
  const snapshot = upstreamMockSnapshot();

  it('a recipe and a snapshot (validate, diff)', () => {
    expect(made.code, made.stderr).toBe(0);
    const plain = runBin(['validate', '-r', recipe, '-s', snapshot]);
    const withAnchors = runBin(['validate', '-r', anchored(recipe, 'recipe-anchored.yaml'), '-s', anchored(snapshot, 'snapshot-anchored.yaml')]);
    expect(withAnchors.stderr).not.toMatch(/not a constructor|internal/i);
    expect([withAnchors.code, withAnchors.stdout]).toEqual([plain.code, plain.stdout]);

    const diff = runBin(['diff', '-b', snapshot, '--target', join(dir, 'snapshot-anchored.yaml'), '-t', 'json']);
    expect(diff.code, diff.stderr).toBe(0);
    expect(JSON.parse(diff.stdout)).toMatchObject({ summary: { total: 0 } });
  });

  it('a --data directory', () => {
    const data = join(dir, 'data');
    cpSync(FIXTURE_DATA, data, { recursive: true });
    writeFileSync(join(data, 'registry.yaml'), readFileSync(anchored(join(FIXTURE_DATA, 'registry.yaml'), 'registry.yaml'), 'utf8'));
    const args = ['recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training'];
    const plain = runBin([...args, '--data', FIXTURE_DATA]);
    const withAnchors = runBin([...args, '--data', data]);
    expect(plain.code, plain.stderr).toBe(0);
    expect([withAnchors.code, withAnchors.stdout]).toEqual([0, plain.stdout]);
  });
});
