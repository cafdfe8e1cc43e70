/**
 * Which files of a data directory make up a recipe catalog. Upstream ships exactly these (its
 * embedded catalog is `overlays/*.yaml mixins/*.yaml registry.yaml validators/catalog.yaml
 * components/*\/*.yaml components/*\/manifests/*.yaml checks/*\/*.yaml`); anything else in the
 * directory (README.md, evidence/, notes) is no part of the catalog and is never parsed.
 */

export type CatalogFileRole = 'registry' | 'overlay' | 'mixin' | 'validators' | 'component' | 'manifest' | 'check';

/** The role of a file by its relative path (forward slashes), or undefined when it is not catalog data. */
export function catalogFileRole(path: string): CatalogFileRole | undefined {
  if (!path.endsWith('.yaml')) return undefined;
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return undefined;
  switch (parts[0]) {
    case 'registry.yaml':
      return parts.length === 1 ? 'registry' : undefined;
    case 'overlays':
      return parts.length === 2 ? 'overlay' : undefined;
    case 'mixins':
      return parts.length === 2 ? 'mixin' : undefined;
    case 'validators':
      return parts.length === 2 && parts[1] === 'catalog.yaml' ? 'validators' : undefined;
    case 'checks':
      return parts.length === 3 ? 'check' : undefined;
    case 'components':
      if (parts.length === 3) return 'component';
      return parts.length === 4 && parts[2] === 'manifests' ? 'manifest' : undefined;
    default:
      return undefined;
  }
}

/** The component a `components/<name>/…` or `checks/<name>/…` file belongs to. */
export function componentOfPath(path: string): string | undefined {
  const role = catalogFileRole(path);
  return role === 'component' || role === 'manifest' || role === 'check' ? path.split('/')[1] : undefined;
}
