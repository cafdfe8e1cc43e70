// JSON Schemas per kind and apiVersion (schemas/<kind>/<apiVersion slug>.schema.json), from the
// kind's own schema (schemas/<kind>.schema.json), for editors that pick a schema by apiVersion.
// The kind's schema gets every apiVersion we read; a version's schema requires its own value.
// Every version of a kind has the fields of the kind's schema: we read them all the same way.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_VERSIONS, readableApiVersions, type VersionedKind } from '../../src/core/documents/api-versions.js';

/** The schema file of each kind that has one (schemas/<name>.schema.json). */
export const KIND_SCHEMAS: Readonly<Record<VersionedKind, string>> = {
  Snapshot: 'snapshot',
  RecipeResult: 'recipe',
  RecipeCriteria: 'recipe-criteria',
  BundleProvenance: 'bundle-provenance',
  RecipeMetadata: 'recipe-metadata',
  RecipeMixin: 'recipe-mixin',
  ComponentRegistry: 'component-registry',
  AICRConfig: 'aicr-config',
};

/** `aicr.run/v1beta1` → `aicr.run-v1beta1`: a file name that keeps the group and the version. */
export function versionSlug(apiVersion: string): string {
  return apiVersion.replace('/', '-');
}

export const versionSchemaPath = (kind: VersionedKind, apiVersion: string): string => `schemas/${KIND_SCHEMAS[kind]}/${versionSlug(apiVersion)}.schema.json`;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

type Schema = { $id?: string; title?: string; description?: string; required?: string[]; properties?: Record<string, unknown> } & Record<string, unknown>;

/** The apiVersion property of a kind's schema: every value we read, the current ones first. */
function apiVersionProperty(kind: VersionedKind): Record<string, unknown> {
  const { current, profile } = API_VERSIONS[kind];
  const now = profile ? `${current} (${profile} with a configuration profile)` : current;
  return { description: `Written as ${now}; older values are read with a notice (aicr convert updates them).`, enum: readableApiVersions(kind) };
}

/** Every generated file (path relative to the repository root → text), kinds' schemas included. */
export function versionSchemas(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [kind, name] of Object.entries(KIND_SCHEMAS) as Array<[VersionedKind, string]>) {
    const path = `schemas/${name}.schema.json`;
    if (!existsSync(join(root, path))) continue;
    const schema = JSON.parse(readFileSync(join(root, path), 'utf8')) as Schema;
    if (!schema.properties) throw new Error(`${path}: expected top-level properties`);
    schema.properties.apiVersion = apiVersionProperty(kind);
    files.set(path, json(schema));
    for (const apiVersion of readableApiVersions(kind)) {
      const replacement = API_VERSIONS[kind].older[apiVersion];
      const versioned: Schema = {
        ...schema,
        $id: `https://github.com/nvidia/aicr-ci/${versionSchemaPath(kind, apiVersion)}`,
        title: `${kind} ${apiVersion}`,
        description: `${schema.description ?? kind} apiVersion ${apiVersion}${replacement ? `: an older value, read with a notice; aicr convert rewrites it to ${replacement}` : ''}.`,
        required: [...new Set([...(schema.required ?? []), 'apiVersion'])],
        properties: { ...schema.properties, apiVersion: { const: apiVersion } },
      };
      files.set(versionSchemaPath(kind, apiVersion), json(versioned));
    }
  }
  return files;
}
