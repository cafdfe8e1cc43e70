// The embedded catalog is upstream's as `npm run sync-catalog` imports it: a refresh that was
// not finished, or a hand edit of recipes/, shows here as a change report.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../scripts/catalog-sync/report.js';
import { syncCatalog } from '../../scripts/catalog-sync/sync.js';
import { REPO_ROOT, SHARED } from '../helpers/paths.js';
import { RECIPES_IMPORTED_FROM_UPSTREAM_2026 } from '../helpers/catalog-import.js';

const UPSTREAM_2026 = join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'recipes');
const LABEL_2026 = 'main 9793720d (2026-08-21)';

/** What `npm run sync-catalog -- <source> --dry-run` would change in recipes/ (the report). */
async function pendingCatalogChanges(source = UPSTREAM_2026, upstream = LABEL_2026): Promise<string | undefined> {
  const { report } = await syncCatalog({ source, target: join(REPO_ROOT, 'recipes'), upstream, dryRun: true });
  return report.noChanges ? undefined : renderMarkdown(report);
}

describe('recipes/ is upstream main 2026-08-21 as sync-catalog imports it', () => {
  it.skipIf(!RECIPES_IMPORTED_FROM_UPSTREAM_2026)(
    'sync-catalog --dry-run finds no changes (skipped until the import: flip RECIPES_IMPORTED_FROM_UPSTREAM_2026)',
    async () => {
      expect(await pendingCatalogChanges()).toBeUndefined();
    },
  );
});
