/**
 * Chart versions. Helm wants SemVer 2 for a chart's own version, and Helm and Flux look exact
 * versions up in a repository index without the `v` many projects tag with; ranges and OCI tags
 * pass through as written. The `semver` package decides what is an exact version.
 */
import parse from 'semver/functions/parse.js';

/** The exact SemVer 2 version `text` names (`v1.2.3` → `1.2.3`, build metadata kept), or undefined. */
export function exactVersion(text: string): string | undefined {
  const trimmed = text.trim();
  // semver drops build metadata when it normalises; keep the text as written, minus the prefix.
  return parse(trimmed) ? trimmed.replace(/^v/i, '') : undefined;
}

/** A chart's own version: the component's version when it is SemVer, else 0.1.0. */
export function chartVersion(version: string | undefined): string {
  return exactVersion(version ?? '') ?? '0.1.0';
}

/** A version for a repository index lookup (Helm, Argo CD, Flux): exact versions without `v`, anything else as written. */
export function indexVersion(version: string): string {
  return exactVersion(version) ?? version;
}
