// Upstream's coverage golden (pkg/recipe/testdata/coverage_golden.yaml at 9793720d): every
// projection (non-empty subset of the stated fields) of every overlay's criteria, resolved against
// upstream's 2026-08-21 overlays, must have the same outcome, uncovered fields, demanded fields
// and valid completions (in order). The overlays are read straight from upstream's files here, so
// the rule is checked on the real catalog before our loader reads all of it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { anyCriteria, CRITERIA_FIELDS, type CriteriaField } from '../../../src/core/criteria.js';
import { appliedOverlays, findCoverageGap, completionText, type CoverageOverlay } from '../../../src/core/recipe/coverage.js';
import type { Criteria, RawCriteria } from '../../../src/core/documents/types.js';
import { SHARED } from '../../helpers/paths.js';

const UPSTREAM = join(SHARED, 'upstream', 'aicr-main-2026-08-21');

interface GoldenEntry {
  outcome: 'success' | 'error';
  uncovered?: string[];
  strictDimensions?: string[];
  validCompletions?: Record<string, string[]>;
}

function upstreamOverlays(): Map<string, CoverageOverlay> {
  const dir = join(UPSTREAM, 'recipes', 'overlays');
  const overlays = new Map<string, CoverageOverlay>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort()) {
    const document = parse(readFileSync(join(dir, file), 'utf8')) as { kind: string; metadata: { name: string }; spec?: { base?: string; criteria?: RawCriteria } };
    if (document.kind !== 'RecipeMetadata') continue;
    overlays.set(document.metadata.name, { name: document.metadata.name, criteria: document.spec?.criteria ?? null, base: document.spec?.base });
  }
  return overlays;
}

const isStated = (value: unknown): value is string => typeof value === 'string' && value !== '' && value !== 'any';

/** Upstream's key: Go's Criteria.String() of a query whose unstated fields are empty strings. */
const goldenKey = (query: Partial<Record<CriteriaField, string>>) =>
  `criteria(${CRITERIA_FIELDS.map((field) => `${field}=${query[field] ?? ''}`).join(', ')})`;

function classify(overlays: Map<string, CoverageOverlay>, query: Partial<Record<CriteriaField, string>>): GoldenEntry {
  const criteria: Criteria = { ...anyCriteria(), ...query };
  const gap = findCoverageGap(overlays, criteria, appliedOverlays(overlays, criteria));
  if (!gap) return { outcome: 'success' };
  if (gap.kind === 'unstated') return { outcome: 'error', strictDimensions: gap.fields.map((f) => f.field) };
  const entry: GoldenEntry = { outcome: 'error', uncovered: gap.fields.map((f) => f.field) };
  // A map in the golden (its keys sorted by the YAML writer): compared by field, not by order.
  for (const field of [...gap.fields].sort((a, b) => a.field.localeCompare(b.field))) {
    if (field.completions.length === 0) continue;
    (entry.validCompletions ??= {})[field.field] = field.completions.map(completionText);
  }
  return entry;
}

describe('coverage against upstream 2026-08-21 (coverage_golden.yaml)', () => {
  const golden = parse(readFileSync(join(UPSTREAM, 'pkg', 'recipe', 'testdata', 'coverage_golden.yaml'), 'utf8')) as Record<string, GoldenEntry>;
  const overlays = upstreamOverlays();

  const projections = new Map<string, Partial<Record<CriteriaField, string>>>();
  for (const name of [...overlays.keys()].sort()) {
    const criteria = overlays.get(name)!.criteria;
    if (!criteria) continue;
    const fields = CRITERIA_FIELDS.filter((field) => isStated(criteria[field]));
    for (let mask = 1; mask < 1 << fields.length; mask++) {
      const query: Partial<Record<CriteriaField, string>> = {};
      fields.forEach((field, i) => {
        if (mask & (1 << i)) query[field] = criteria[field] as string;
      });
      projections.set(goldenKey(query), query);
    }
  }

  it('produces exactly the golden projections', () => {
    expect(overlays.size).toBe(103);
    expect([...projections.keys()].sort()).toEqual(Object.keys(golden).sort());
  });

  it('matches every golden entry: outcome, uncovered fields, demanded fields, completions in order', () => {
    const mismatches: string[] = [];
    let matched = 0;
    for (const [key, query] of projections) {
      const want = golden[key]!;
      const got = classify(overlays, query);
      const normalised: GoldenEntry = { outcome: want.outcome };
      if (want.uncovered) normalised.uncovered = want.uncovered;
      if (want.strictDimensions) normalised.strictDimensions = want.strictDimensions;
      if (want.validCompletions) normalised.validCompletions = Object.fromEntries(Object.entries(want.validCompletions).sort(([a], [b]) => a.localeCompare(b)));
      if (JSON.stringify(got) === JSON.stringify(normalised)) matched++;
      else mismatches.push(`${key}\n  golden ${JSON.stringify(normalised)}\n  ours   ${JSON.stringify(got)}`);
    }
    expect(mismatches.slice(0, 5).join('\n')).toBe('');
    expect(matched).toBe(Object.keys(golden).length);
    expect(Object.values(golden).filter((entry) => entry.outcome === 'success')).toHaveLength(117);
  });
});
