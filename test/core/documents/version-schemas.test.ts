import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { walkFiles } from '../../../src/core/catalog/source.js';
import { embeddedRecipesDir } from '../../../src/core/catalog/embedded.js';
import { isCatalogDocument } from '../../../src/core/convert/catalog.js';
import { readableApiVersions, VERSIONED_KINDS, type VersionedKind } from '../../../src/core/documents/api-versions.js';
import { KIND_SCHEMAS, versionSchemaPath, versionSchemas } from '../../../scripts/generate/version-schemas.js';
import { REPO_ROOT, SHARED, UPSTREAM_RECIPES } from '../../helpers/paths.js';

const UPSTREAM_2026_RECIPES = join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'recipes');
type Schema = { properties: Record<string, unknown>; required?: string[] };
const schemaAt = (path: string): Schema => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as Schema;
const kindsWithSchemas = VERSIONED_KINDS.filter((kind) => versionSchemas(REPO_ROOT).has(`schemas/${KIND_SCHEMAS[kind]}.schema.json`));

/** Only the header of a version's schema: kind and apiVersion (other helpers add the other fields). */
function headerValidator(kind: VersionedKind, apiVersion: string) {
  const schema = schemaAt(versionSchemaPath(kind, apiVersion));
  return new Ajv({ strict: true }).compile({ type: 'object', required: ['apiVersion'], properties: { apiVersion: schema.properties.apiVersion } });
}

describe('JSON Schemas per kind and apiVersion', () => {
  it('exist for every value each kind reads, are what npm run docs writes, and compile strictly', () => {
    expect(kindsWithSchemas).toEqual(expect.arrayContaining(['Snapshot', 'RecipeResult', 'RecipeCriteria', 'RecipeMetadata', 'RecipeMixin', 'ComponentRegistry']));
    const generated = versionSchemas(REPO_ROOT);
    for (const kind of kindsWithSchemas) {
      for (const apiVersion of readableApiVersions(kind)) {
        const path = versionSchemaPath(kind, apiVersion);
        expect(readFileSync(join(REPO_ROOT, path), 'utf8'), path).toBe(generated.get(path));
        const schema = schemaAt(path);
        expect(schema.required, path).toContain('apiVersion');
        const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
        expect(validate({ apiVersion: 'aicr.run/v2' }), path).toBe(false);
      }
    }
  });

  it('each version schema takes its own value and refuses the others', () => {
    for (const kind of kindsWithSchemas) {
      for (const apiVersion of readableApiVersions(kind)) {
        const validate = headerValidator(kind, apiVersion);
        expect(validate({ apiVersion }), `${kind} ${apiVersion}`).toBe(true);
        for (const other of readableApiVersions(kind).filter((value) => value !== apiVersion)) expect(validate({ apiVersion: other }), `${kind} ${apiVersion} vs ${other}`).toBe(false);
        expect(validate({}), `${kind} ${apiVersion} without one`).toBe(false);
      }
    }
  });

  it.each([
    ['upstream main 2026-08-21', UPSTREAM_2026_RECIPES],
    ['upstream v0.11.1', UPSTREAM_RECIPES],
  ])('every document of the %s catalog validates against its kind and version, as far as the apiVersion', (_name, dir) => {
    const documents = walkFiles(dir).filter(isCatalogDocument);
    expect(documents.length).toBeGreaterThan(35);
    for (const path of documents) {
      const document = parse(readFileSync(join(dir, path), 'utf8')) as { kind: VersionedKind; apiVersion: string };
      expect(readableApiVersions(document.kind), path).toContain(document.apiVersion);
      expect(headerValidator(document.kind, document.apiVersion)(document), path).toBe(true);
    }
  });

  it('the embedded catalog validates in full against the schemas of its current versions', () => {
    for (const path of walkFiles(embeddedRecipesDir()).filter(isCatalogDocument)) {
      const document = parse(readFileSync(join(embeddedRecipesDir(), path), 'utf8')) as { kind: VersionedKind; apiVersion: string };
      const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schemaAt(versionSchemaPath(document.kind, document.apiVersion)));
      expect(validate(document), `${path}: ${JSON.stringify(validate.errors?.[0])}`).toBe(true);
    }
  });
});
