/**
 * Whether the embedded catalog may be read from its precompiled form (dist/catalog.json).
 * Kept apart from the catalog loader so entry points can switch it on without loading it.
 */
let enabled = false;

/** Called by bundled entry points (dist/), whose catalog.json the build keeps in step. */
export function usePrecompiledCatalog(): void {
  enabled = true;
}

export function precompiledCatalogEnabled(): boolean {
  return enabled;
}
