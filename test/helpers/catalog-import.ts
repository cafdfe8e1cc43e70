/**
 * Set to true in the commit that imports upstream main 2026-08-21 into recipes/ with
 * `npm run sync-catalog -- ../shared/upstream/aicr-main-2026-08-21/recipes --upstream "main 9793720d (2026-08-21)"`.
 * Until then recipes/ is v0.11.1 on purpose (wave 1 of issue 9): the check that recipes/ is that
 * import is skipped, and the check that recipes/ is v0.11.1 runs.
 */
export const RECIPES_IMPORTED_FROM_UPSTREAM_2026 = true;
