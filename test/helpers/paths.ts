import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Reference material beside the checkout (../shared). */
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const UPSTREAM_RECIPES = join(SHARED, 'upstream', 'aicr-v0.11.1', 'recipes');
export const UPSTREAM_EXAMPLES = join(SHARED, 'upstream', 'examples');
export const CONFORMANCE_CASES = join(SHARED, 'conformance', 'recipe-cases.yaml');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
/** Upstream's newest coherent tree readable offline (main at 9793720d, 2026-08-21). */
export const UPSTREAM_2026 = join(SHARED, 'upstream', 'aicr-main-2026-08-21');
export const UPSTREAM_2026_RECIPES = join(UPSTREAM_2026, 'recipes');

let mockSnapshot: string | undefined;
/**
 * Upstream's v0.11.1 mock snapshot (examples/snapshot-mock-cuj1.yaml) with the kind and apiVersion
 * lines upstream's snapshot writer puts first: the example file has neither, and a document
 * without an apiVersion is refused. Written once per process to a temporary file.
 */
export function upstreamMockSnapshot(): string {
  if (!mockSnapshot) {
    const dir = mkdtempSync(join(tmpdir(), 'aicr-upstream-mock-'));
    mockSnapshot = join(dir, 'snapshot-mock-cuj1.yaml');
    writeFileSync(mockSnapshot, `kind: Snapshot\napiVersion: aicr.nvidia.com/v1alpha1\n${readFileSync(join(UPSTREAM_EXAMPLES, 'snapshot-mock-cuj1.yaml'), 'utf8')}`);
  }
  return mockSnapshot;
}
