import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { catalogFileRole } from '../../src/core/catalog/layout.js';
import { walkFiles } from '../../src/core/catalog/source.js';
import { SHARED, UPSTREAM_RECIPES } from '../helpers/paths.js';
import { commentsIn, stripDataFile, stripManifest } from '../../scripts/catalog-sync/strip.js';
import { CATALOG_API_VERSIONS, convertFile } from '../../scripts/catalog-sync/sync.js';

const HEADER = '# Copyright (c) 2026, NVIDIA CORPORATION & AFFILIATES.  All rights reserved.\n#\n# Licensed under the Apache License, Version 2.0\n\n';

describe('data files lose their comments and keep their bytes (scripts/catalog-sync/strip.ts)', () => {
  const values = `${HEADER}# Operator values
operator:
  # why this is on
  upgradeCRD: true   # trailing note
  version: "24.04"
  flag: 'true'
  ratio: 1.0
  mode: on
  env:
  - name: A
    value: "false"
  script: |
    #!/bin/bash
    # a shell comment is content
    echo hi
`;

  it('drops header, own-line and trailing comments, keeps every scalar as written and block text whole', () => {
    const out = stripDataFile(values, 'values.yaml');
    expect(out).toBe(`operator:
  upgradeCRD: true
  version: "24.04"
  flag: 'true'
  ratio: 1.0
  mode: on
  env:
    - name: A
      value: "false"
  script: |
    #!/bin/bash
    # a shell comment is content
    echo hi
`);
    expect(parse(out, { version: '1.2' })).toEqual(parse(values, { version: '1.2' }));
    expect(commentsIn(values)).toHaveLength(3);
    expect(commentsIn(out)).toEqual([]);
  });

  it('is idempotent and gives one fixed output for equal data', () => {
    const once = stripDataFile(values, 'values.yaml');
    expect(stripDataFile(once, 'values.yaml')).toBe(once);
    expect(stripDataFile(values.replace('# why this is on', '#   other words').replace('# trailing note', '#'), 'values.yaml')).toBe(once);
  });

  it('keeps every document of a stream, leaves empty ones out, and an all-comment file empty', () => {
    expect(stripDataFile('# a\n---\na: 1\n---\n# only a note\n---\nb: 2\n', 'x.yaml')).toBe('a: 1\n---\nb: 2\n');
    expect(stripDataFile(HEADER, 'readiness.yaml')).toBe('');
  });

  it('refuses what is not YAML, naming the file', () => {
    expect(() => stripDataFile('a: [1,\n', 'components/x/values.yaml')).toThrow(/^components\/x\/values.yaml: /);
    expect(() => stripDataFile('a: 1\na: 2\n', 'dup.yaml')).toThrow(/dup.yaml: .*unique/i);
  });
});

describe('manifests (Helm templates) are stripped line by line', () => {
  it('drops comment lines and Helm comment lines, keeps template actions and block-scalar content', () => {
    const manifest = `${HEADER}# What this manifest is for
{{- $c := index .Values "x" }}
{{- /* a template comment */}}
apiVersion: v1
kind: ConfigMap
metadata:
  # note
  name: tuning
data:
  setup.sh: |
    #!/bin/bash
{{- if $c.extra }}
    # a shell comment inside the block
{{- end }}
    echo done
  queue: {} # admit everything
  quoted: "a # b" # note
`;
    expect(stripManifest(manifest)).toBe(`{{- $c := index .Values "x" }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: tuning
data:
  setup.sh: |
    #!/bin/bash
{{- if $c.extra }}
    # a shell comment inside the block
{{- end }}
    echo done
  queue: {}
  quoted: "a # b" # note
`);
  });

  it('keeps a right-trimming Helm comment (removing it would join two lines), marker comments and third-party notices', () => {
    const manifest = `# Vendored CRDs, see upstream
# aicr/skip-hook-validation: "true"
# Copyright 2024 The Kubernetes Authors.
#
# Licensed under the Apache License, Version 2.0

# install
---
a: 1
{{- /* joins */ -}}
b: 2
`;
    expect(stripManifest(manifest)).toBe(`# aicr/skip-hook-validation: "true"
# Copyright 2024 The Kubernetes Authors.
#
# Licensed under the Apache License, Version 2.0

---
a: 1
{{- /* joins */ -}}
b: 2
`);
  });

  it('is idempotent', () => {
    const once = stripManifest('# x\n\n\na: |\n  # kept\n\n\n  text\nb: 1 # gone\n\n\nc: 2\n');
    expect(once).toBe('a: |\n  # kept\n\n\n  text\nb: 1\n\nc: 2\n');
    expect(stripManifest(once)).toBe(once);
  });
});

describe('catalog documents get our apiVersions', () => {
  const overlay = (extra = '') => `kind: RecipeMetadata\napiVersion: aicr.run/v1alpha2\nmetadata:\n  name: x\nspec:\n  criteria:\n    service: eks\n${extra}`;

  it('RecipeMetadata, RecipeMixin and ComponentRegistry: v1beta1; a profile-bearing RecipeMetadata: v1beta2', () => {
    expect(convertFile('overlays/x.yaml', overlay())).toContain(`apiVersion: ${CATALOG_API_VERSIONS.RecipeMetadata}\n`);
    expect(convertFile('overlays/x.yaml', overlay('  profile:\n    name: driver\n    default: a\n'))).toContain(`apiVersion: ${CATALOG_API_VERSIONS.ProfileRecipeMetadata}\n`);
    expect(convertFile('mixins/m.yaml', 'kind: RecipeMixin\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  name: m\n')).toContain('apiVersion: aicr.run/v1beta1\n');
    expect(convertFile('registry.yaml', 'apiVersion: aicr.run/v1alpha2\nkind: ComponentRegistry\ncomponents: []\n')).toBe('apiVersion: aicr.run/v1beta1\nkind: ComponentRegistry\ncomponents: []\n');
  });

  it('leaves other kinds and other files as they are, and refuses an overlay file with two documents', () => {
    const validators = 'apiVersion: validator.nvidia.com/v1alpha1\nkind: ValidatorCatalog\nvalidators: []\n';
    expect(convertFile('validators/catalog.yaml', validators)).toBe(validators);
    expect(() => convertFile('overlays/x.yaml', `${overlay()}---\n${overlay()}`)).toThrow('overlays/x.yaml: expected one YAML document, found 2');
  });
});

describe("every file of upstream's catalogs (v0.11.1 and main 2026-08-21)", { timeout: 120_000 }, () => {
  const data = (text: string) => parseAllDocuments(text, { version: '1.2' }).map((document) => document.toJS() as unknown).filter((value) => value !== null);

  it.each([UPSTREAM_RECIPES, join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'recipes')])('keeps its data, loses its comments and converts idempotently: %s', (root) => {
    let checked = 0;
    for (const path of walkFiles(root)) {
      const role = catalogFileRole(path);
      if (role === undefined) continue;
      const text = readFileSync(join(root, path), 'utf8');
      const out = convertFile(path, text);
      expect(convertFile(path, out), path).toBe(out);
      if (role === 'manifest') {
        // Helm templates are no YAML; a plain manifest must read as the same data.
        if (!text.includes('{{')) expect(data(out), path).toEqual(data(text));
        expect(out, path).not.toMatch(/NVIDIA CORPORATION/);
      } else {
        const catalogDocument = ['overlay', 'mixin', 'registry'].includes(role);
        // Catalog documents differ in their apiVersion only.
        const withoutApiVersion = (values: unknown[]) => values.map((value) => (catalogDocument ? { ...(value as object), apiVersion: undefined } : value));
        expect(withoutApiVersion(data(out)), path).toEqual(withoutApiVersion(data(text)));
        if (catalogDocument) expect((data(out)[0] as { apiVersion: string }).apiVersion, path).toMatch(/^aicr\.run\/v1beta[12]$/);
        expect(commentsIn(out), path).toEqual([]);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
  });
});
