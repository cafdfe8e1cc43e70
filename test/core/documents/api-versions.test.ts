import { describe, expect, it } from 'vitest';
import {
  API_VERSIONS,
  checkApiVersion,
  currentApiVersion,
  describeApiVersionNotice,
  readableApiVersions,
  recipeMetadataApiVersion,
  recipeResultApiVersion,
  reportApiVersionNotices,
  VERSIONED_KINDS,
  type VersionedKind,
} from '../../../src/core/documents/api-versions.js';
import { parseDocumentOf } from '../../../src/core/load.js';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';
import { loadCatalog } from '../../../src/core/catalog/embedded.js';
import type { DocumentKind } from '../../../src/core/documents/index.js';
import type { AnnotationProperties, Logger } from '../../../src/core/logger.js';
import { silentLogger } from '../../../src/core/logger.js';
import { thrown } from '../../helpers/errors.js';

const ALL_UPSTREAM = ['aicr.nvidia.com/v1alpha1', 'aicr.run/v1alpha2', 'aicr.run/v1alpha3', 'aicr.run/v1', 'aicr.run/v1beta1', 'aicr.run/v1beta2'];

/** Per kind: the values read without a notice, and each older value with its replacement. */
const EXPECTED: Record<VersionedKind, { current: string[]; older: Record<string, string> }> = {
  Snapshot: { current: ['aicr.run/v1'], older: { 'aicr.nvidia.com/v1alpha1': 'aicr.run/v1', 'aicr.run/v1alpha2': 'aicr.run/v1' } },
  RecipeResult: { current: ['aicr.run/v1', 'aicr.run/v1beta2'], older: { 'aicr.nvidia.com/v1alpha1': 'aicr.run/v1', 'aicr.run/v1alpha2': 'aicr.run/v1', 'aicr.run/v1alpha3': 'aicr.run/v1beta2' } },
  RecipeCriteria: { current: ['aicr.run/v1'], older: { 'aicr.nvidia.com/v1alpha1': 'aicr.run/v1', 'aicr.run/v1alpha2': 'aicr.run/v1' } },
  BundleProvenance: { current: ['aicr.run/v1'], older: { 'aicr.nvidia.com/v1alpha1': 'aicr.run/v1', 'aicr.run/v1alpha2': 'aicr.run/v1' } },
  RecipeMetadata: { current: ['aicr.run/v1beta1', 'aicr.run/v1beta2'], older: { 'aicr.nvidia.com/v1alpha1': 'aicr.run/v1beta1', 'aicr.run/v1alpha2': 'aicr.run/v1beta1', 'aicr.run/v1alpha3': 'aicr.run/v1beta2' } },
  RecipeMixin: { current: ['aicr.run/v1beta1'], older: { 'aicr.nvidia.com/v1alpha1': 'aicr.run/v1beta1', 'aicr.run/v1alpha2': 'aicr.run/v1beta1' } },
  ComponentRegistry: { current: ['aicr.run/v1beta1'], older: { 'aicr.nvidia.com/v1alpha1': 'aicr.run/v1beta1', 'aicr.run/v1alpha2': 'aicr.run/v1beta1' } },
  AICRConfig: { current: ['aicr.run/v1beta1'], older: { 'aicr.nvidia.com/v1alpha1': 'aicr.run/v1beta1', 'aicr.run/v1alpha2': 'aicr.run/v1beta1' } },
};

/** A minimal valid body of each kind the loader reads, after `kind` and `apiVersion`. */
const BODIES: Record<DocumentKind, string> = {
  Snapshot: 'measurements:\n  - type: OS\n    subtypes: []\n',
  RecipeResult: 'componentRefs: []\n',
  RecipeCriteria: 'spec:\n  service: eks\n',
  RecipeMetadata: 'metadata:\n  name: x\nspec: {}\n',
  RecipeMixin: 'metadata:\n  name: x\nspec: {}\n',
  ComponentRegistry: 'components: []\n',
};
const LOADED_KINDS = Object.keys(BODIES) as DocumentKind[];

function recording(): { logger: Logger; notices: Array<{ message: string; properties?: AnnotationProperties }> } {
  const notices: Array<{ message: string; properties?: AnnotationProperties }> = [];
  return { logger: { ...silentLogger, notice: (message, properties) => notices.push({ message, ...(properties ? { properties } : {}) }) }, notices };
}

describe('the apiVersion table', () => {
  it('reads, per kind, exactly the values upstream has written for it', () => {
    for (const kind of VERSIONED_KINDS) {
      expect(readableApiVersions(kind).sort(), kind).toEqual([...EXPECTED[kind].current, ...Object.keys(EXPECTED[kind].older)].sort());
      expect(API_VERSIONS[kind].older, kind).toEqual(EXPECTED[kind].older);
      for (const value of readableApiVersions(kind)) expect(ALL_UPSTREAM, `${kind} ${value}`).toContain(value);
    }
  });

  it('writes upstream v1.0 targets, profile-bearing recipes and overlays as v1beta2', () => {
    expect(currentApiVersion('Snapshot')).toBe('aicr.run/v1');
    expect(currentApiVersion('RecipeCriteria')).toBe('aicr.run/v1');
    expect(currentApiVersion('BundleProvenance')).toBe('aicr.run/v1');
    expect(currentApiVersion('AICRConfig')).toBe('aicr.run/v1beta1');
    expect(recipeResultApiVersion(false)).toBe('aicr.run/v1');
    expect(recipeResultApiVersion(true)).toBe('aicr.run/v1beta2');
    expect(recipeMetadataApiVersion(false)).toBe('aicr.run/v1beta1');
    expect(recipeMetadataApiVersion(true)).toBe('aicr.run/v1beta2');
  });
});

describe('checkApiVersion, every kind × every upstream value', () => {
  for (const kind of VERSIONED_KINDS) {
    for (const value of ALL_UPSTREAM) {
      const replacement = EXPECTED[kind].older[value];
      const outcome = EXPECTED[kind].current.includes(value) ? 'ok' : replacement ? 'notice' : 'error';
      it(`${kind} ${value}: ${outcome}`, () => {
        if (outcome === 'ok') expect(checkApiVersion(kind, value, 'doc.yaml')).toBeUndefined();
        else if (outcome === 'notice') {
          const notice = checkApiVersion(kind, value, 'doc.yaml', { file: 'doc.yaml', line: 2 });
          expect(notice).toEqual({ kind, file: 'doc.yaml', line: 2, value, replacement });
          expect(describeApiVersionNotice(notice!)).toBe(`doc.yaml:2: ${kind} apiVersion "${value}" is an older one, read as "${replacement}"; upstream AICR v1 reads only "${replacement}": update the file with "aicr convert"`);
        } else {
          const error = thrown(() => checkApiVersion(kind, value, 'doc.yaml', { file: 'doc.yaml', line: 2 }));
          expect(exitCodeFor(error)).toBe(2);
          expect(error.message).toContain(`doc.yaml:2: the ${kind} document has apiVersion "${value}", which this aicr does not read; expected "${EXPECTED[kind].current[0]}"`);
        }
      });
    }
    it(`${kind}: absent, empty and non-text values are input errors naming the expected value`, () => {
      for (const value of [undefined, null, '']) {
        const error = thrown(() => checkApiVersion(kind, value, 'doc.yaml'));
        expect(exitCodeFor(error)).toBe(2);
        expect(error.message).toContain(`doc.yaml: the ${kind} document has no apiVersion; expected "${EXPECTED[kind].current[0]}"`);
        expect(error.hint).toBe(`add the line "apiVersion: ${EXPECTED[kind].current[0]}" next to "kind: ${kind}" ("aicr convert <file>" adds it)`);
      }
      expect(thrown(() => checkApiVersion(kind, 1, 'doc.yaml')).message).toContain('must be text');
      expect(thrown(() => checkApiVersion(kind, 'aicr.run/v2', 'doc.yaml')).message).toContain('"aicr.run/v2", which this aicr does not read');
    });
  }
});

describe('loading documents (every door reads through load.ts)', () => {
  for (const kind of LOADED_KINDS) {
    for (const value of ALL_UPSTREAM) {
      const replacement = EXPECTED[kind].older[value];
      const outcome = EXPECTED[kind].current.includes(value) ? 'read' : replacement ? 'read with a notice' : 'refused';
      it(`${kind} ${value}: ${outcome}`, async () => {
        const text = `kind: ${kind}\napiVersion: ${value}\n${BODIES[kind]}`;
        const { logger, notices } = recording();
        if (outcome === 'refused') {
          const error = await parseDocumentOf(kind, text, 'in.yaml', 'input', logger).catch((e: unknown) => e as Error);
          expect(exitCodeFor(error)).toBe(2);
          expect(formatError(error)).toContain(`in.yaml:2: the ${kind} document has apiVersion "${value}"`);
          expect(notices).toEqual([]);
          return;
        }
        const loaded = await parseDocumentOf(kind, text, 'in.yaml', 'input', logger);
        expect(loaded.document.apiVersion).toBe(value);
        if (outcome === 'read') {
          expect(loaded.apiVersionNotice).toBeUndefined();
          expect(notices).toEqual([]);
        } else {
          expect(loaded.apiVersionNotice).toEqual({ kind, file: 'in.yaml', line: 2, value, replacement });
          expect(notices).toEqual([{ message: expect.stringContaining(`apiVersion "${value}" is an older one, read as "${replacement}"`), properties: { title: 'older apiVersion', file: 'in.yaml', startLine: 2 } }]);
        }
      });
    }
    it(`${kind} without an apiVersion is refused (exit 2) naming the file and the expected value`, async () => {
      const error = await parseDocumentOf(kind, `kind: ${kind}\n${BODIES[kind]}`, 'bare.yaml', 'input').catch((e: unknown) => e as Error);
      expect(exitCodeFor(error)).toBe(2);
      expect(formatError(error)).toContain(`bare.yaml: the ${kind} document has no apiVersion; expected "${EXPECTED[kind].current[0]}"`);
    });
  }

  it('a JSON document with an older apiVersion is read with a notice on its line', async () => {
    const { logger, notices } = recording();
    const loaded = await parseDocumentOf('RecipeResult', '{\n  "kind": "RecipeResult",\n  "apiVersion": "aicr.run/v1alpha2",\n  "componentRefs": []\n}\n', 'r.json', 'recipe', logger);
    expect(loaded.apiVersionNotice?.line).toBe(3);
    expect(notices).toHaveLength(1);
  });
});

describe('reporting notices', () => {
  it('logs one notice per file up to ten, then counts the rest', () => {
    const { logger, notices } = recording();
    const many = Array.from({ length: 13 }, (_, i) => ({ kind: 'RecipeMetadata' as const, file: `o${i}.yaml`, value: 'aicr.run/v1alpha2', replacement: 'aicr.run/v1beta1' }));
    reportApiVersionNotices(logger, many);
    expect(notices).toHaveLength(11);
    expect(notices[0]!.properties).toEqual({ title: 'older apiVersion', file: 'o0.yaml' });
    expect(notices[10]!.message).toBe('3 more documents have older apiVersions; "aicr convert" updates a whole data directory at once');
  });
});

describe('the embedded catalog', () => {
  it('is on the current apiVersions: it loads without a notice', async () => {
    const catalog = await loadCatalog();
    expect(catalog.apiVersionNotices).toEqual([]);
    expect(catalog.registry.apiVersion).toBe('aicr.run/v1beta1');
    expect(catalog.base.apiVersion).toBe('aicr.run/v1beta1');
    // Overlays that declare a configuration profile are on the v1beta2 schema, the others on v1beta1.
    const profiled = [...catalog.overlays.values()].filter((overlay) => overlay.document.spec.profile).map((overlay) => overlay.path);
    expect(profiled.length).toBeGreaterThan(0);
    for (const overlay of catalog.overlays.values()) {
      expect(overlay.document.apiVersion, overlay.path).toBe(profiled.includes(overlay.path) ? 'aicr.run/v1beta2' : 'aicr.run/v1beta1');
    }
    for (const mixin of catalog.mixins.values()) expect(mixin.document.apiVersion, mixin.path).toBe('aicr.run/v1beta1');
  });
});
