// The change report of a catalog import: what the new catalog adds, drops and bumps compared
// with the one it replaces, so a refresh can be reviewed from one page.
import { parse } from 'yaml';
import { compareStrings, isPlainObject, toJson } from '../../src/core/serialize.js';
import { catalogFileRole, componentOfPath } from '../../src/core/catalog/layout.js';

/** A catalog as files: relative path → text. */
export type CatalogFiles = ReadonlyMap<string, string>;

export interface AddedRemoved {
  added: string[];
  removed: string[];
}

export interface Rename {
  from: string;
  to: string;
  /** Share (0–1) of the lines of the two components' files, registry entries and checks that are alike. */
  similarity: number;
}

export interface VersionChange {
  component: string;
  /** The component's name in the old catalog when it looks renamed. */
  previousName?: string;
  /** Registry default (Helm chart version or Kustomize tag), old → new. */
  default?: { old: string; new: string };
  /** Versions pinned by overlays, old → new (sorted, distinct). */
  pins?: { old: string[]; new: string[] };
}

export interface ChangeReport {
  upstream: string;
  /** What the new catalog holds. */
  counts: { overlays: number; mixins: number; components: number; checks: number; validators: number; files: number };
  overlays: AddedRemoved & { changed: string[] };
  mixins: AddedRemoved;
  components: AddedRemoved & { renamed: Rename[] };
  versions: VersionChange[];
  /** Criteria values of overlays, per field. */
  criteria: Record<string, AddedRemoved>;
  checks: AddedRemoved;
  validators: AddedRemoved & { changed: string[] };
  files: { added: number; removed: number; changed: number; unchanged: number };
  /** Files of the upstream directory that are no catalog data and were left out. */
  leftOut: string[];
  /** Our own files carried over (credit, licence, mixins upstream has no equivalent for). */
  kept: string[];
  /** Schema and consistency problems that were tolerated (`--tolerate-invalid`). */
  problems: string[];
  noChanges: boolean;
}

const CRITERIA_FIELDS = ['service', 'accelerator', 'os', 'intent', 'platform'] as const;
/** A removed and an added component this alike are reported as a rename. */
const RENAME_THRESHOLD = 0.5;

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort(compareStrings);
const diff = (old: Iterable<string>, next: Iterable<string>): AddedRemoved => {
  const before = new Set(old);
  const after = new Set(next);
  return { added: sorted([...after].filter((x) => !before.has(x))), removed: sorted([...before].filter((x) => !after.has(x))) };
};

function readYaml(files: CatalogFiles, path: string): unknown {
  const text = files.get(path);
  if (text === undefined) return undefined;
  try {
    return parse(text, { version: '1.2' }) as unknown;
  } catch {
    return undefined;
  }
}

const field = (value: unknown, ...path: string[]): unknown => {
  let node = value;
  for (const key of path) node = isPlainObject(node) ? node[key] : undefined;
  return node;
};

interface Overlay {
  name: string;
  /** Its data without the apiVersion (a rewritten apiVersion alone is no change). */
  data: string;
  criteria: Record<string, unknown>;
  refs: Array<Record<string, unknown>>;
}

function overlaysOf(files: CatalogFiles): Map<string, Overlay> {
  const out = new Map<string, Overlay>();
  for (const path of [...files.keys()].sort(compareStrings)) {
    if (catalogFileRole(path) !== 'overlay') continue;
    const document = readYaml(files, path);
    const name = field(document, 'metadata', 'name');
    const criteria = field(document, 'spec', 'criteria');
    const refs = field(document, 'spec', 'componentRefs');
    out.set(typeof name === 'string' ? name : path, {
      name: typeof name === 'string' ? name : path,
      data: JSON.stringify({ ...(isPlainObject(document) ? document : { document }), apiVersion: undefined }),
      criteria: isPlainObject(criteria) ? criteria : {},
      refs: Array.isArray(refs) ? refs.filter(isPlainObject) : [],
    });
  }
  return out;
}

function mixinNames(files: CatalogFiles): string[] {
  return [...files.keys()].filter((path) => catalogFileRole(path) === 'mixin').map((path) => {
    const name = field(readYaml(files, path), 'metadata', 'name');
    return typeof name === 'string' ? name : path;
  });
}

function registryComponents(files: CatalogFiles): Map<string, Record<string, unknown>> {
  const components = field(readYaml(files, 'registry.yaml'), 'components');
  const out = new Map<string, Record<string, unknown>>();
  for (const component of Array.isArray(components) ? components : []) {
    if (isPlainObject(component) && typeof component.name === 'string') out.set(component.name, component);
  }
  return out;
}

function checkNames(files: CatalogFiles): string[] {
  return [...files.keys()].filter((path) => catalogFileRole(path) === 'check').map((path) => path.split('/')[1]!);
}

function validatorEntries(files: CatalogFiles): Map<string, string> {
  const entries = field(readYaml(files, 'validators/catalog.yaml'), 'validators');
  const out = new Map<string, string>();
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (isPlainObject(entry) && typeof entry.name === 'string') out.set(entry.name, JSON.stringify(entry));
  }
  return out;
}

/** The lines that describe a component: its files (paths relative to its folder), registry entry and check. */
function componentLines(files: CatalogFiles, registry: Map<string, Record<string, unknown>>, name: string): Set<string> {
  const lines = new Set<string>();
  for (const [path, text] of files) {
    if (componentOfPath(path) !== name) continue;
    const relative = path.split('/').slice(2).join('/');
    lines.add(`file ${path.split('/')[0]}/${relative}`);
    // Comment lines are prose: an import drops them, so they say nothing about likeness.
    for (const line of text.split('\n')) if (line.trim().length > 3 && !line.trim().startsWith('#')) lines.add(line.trim());
  }
  const entry = registry.get(name);
  if (entry) for (const line of toJson({ ...entry, name: undefined }).split('\n')) if (line.trim().length > 3) lines.add(line.trim());
  return lines;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const line of a) if (b.has(line)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Pairs removed and added components that look alike, most alike first, each used once. */
function findRenames(old: CatalogFiles, next: CatalogFiles, removed: string[], added: string[]): Rename[] {
  const oldRegistry = registryComponents(old);
  const newRegistry = registryComponents(next);
  const candidates: Rename[] = [];
  const newLines = new Map(added.map((name) => [name, componentLines(next, newRegistry, name)]));
  for (const from of removed) {
    const lines = componentLines(old, oldRegistry, from);
    for (const to of added) {
      const score = similarity(lines, newLines.get(to)!);
      if (score >= RENAME_THRESHOLD) candidates.push({ from, to, similarity: Math.round(score * 100) / 100 });
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity || compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  const used = new Set<string>();
  const renames: Rename[] = [];
  for (const candidate of candidates) {
    if (used.has(candidate.from) || used.has(`>${candidate.to}`)) continue;
    used.add(candidate.from).add(`>${candidate.to}`);
    renames.push(candidate);
  }
  return renames.sort((a, b) => compareStrings(a.from, b.from));
}

function defaultVersion(entry: Record<string, unknown> | undefined): string | undefined {
  const version = field(entry, 'helm', 'defaultVersion') ?? field(entry, 'kustomize', 'defaultTag');
  return typeof version === 'string' && version !== '' ? version : undefined;
}

function pins(overlays: Map<string, Overlay>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const overlay of overlays.values()) {
    for (const ref of overlay.refs) {
      if (typeof ref.name !== 'string' || typeof ref.version !== 'string' || ref.version === '') continue;
      if (!out.has(ref.name)) out.set(ref.name, new Set());
      out.get(ref.name)!.add(ref.version);
    }
  }
  return new Map([...out].map(([name, versions]) => [name, sorted(versions)]));
}

function versionChanges(old: CatalogFiles, next: CatalogFiles, oldOverlays: Map<string, Overlay>, newOverlays: Map<string, Overlay>, renames: Rename[]): VersionChange[] {
  const oldRegistry = registryComponents(old);
  const newRegistry = registryComponents(next);
  const oldPins = pins(oldOverlays);
  const newPins = pins(newOverlays);
  const previous = new Map(renames.map((rename) => [rename.to, rename.from]));
  const changes: VersionChange[] = [];
  for (const name of sorted(newRegistry.keys())) {
    const before = previous.get(name) ?? name;
    if (!oldRegistry.has(before)) continue;
    const change: VersionChange = { component: name };
    if (before !== name) change.previousName = before;
    const oldDefault = defaultVersion(oldRegistry.get(before));
    const newDefault = defaultVersion(newRegistry.get(name));
    if ((oldDefault ?? '') !== (newDefault ?? '')) change.default = { old: oldDefault ?? '(none)', new: newDefault ?? '(none)' };
    const oldPinned = oldPins.get(before) ?? [];
    const newPinned = newPins.get(name) ?? [];
    if (oldPinned.join('\n') !== newPinned.join('\n')) change.pins = { old: oldPinned, new: newPinned };
    if (change.default || change.pins) changes.push(change);
  }
  return changes;
}

function criteriaValues(overlays: Map<string, Overlay>, key: string): string[] {
  return [...overlays.values()].map((overlay) => overlay.criteria[key]).filter((value): value is string => typeof value === 'string' && value !== '' && value !== 'any');
}

/** Compares the catalog that is replaced (`old`) with the one that replaces it (`next`). */
export function compareCatalogs(old: CatalogFiles, next: CatalogFiles, context: { upstream: string; leftOut: string[]; kept: string[]; problems: string[] }): ChangeReport {
  const oldOverlays = overlaysOf(old);
  const newOverlays = overlaysOf(next);
  const overlayDiff = diff(oldOverlays.keys(), newOverlays.keys());
  const changedOverlays = sorted([...newOverlays.keys()].filter((name) => oldOverlays.has(name) && oldOverlays.get(name)!.data !== newOverlays.get(name)!.data));
  const componentDiff = diff(registryComponents(old).keys(), registryComponents(next).keys());
  const renames = findRenames(old, next, componentDiff.removed, componentDiff.added);
  const oldValidators = validatorEntries(old);
  const newValidators = validatorEntries(next);
  const criteria: Record<string, AddedRemoved> = {};
  for (const key of CRITERIA_FIELDS) criteria[key] = diff(criteriaValues(oldOverlays, key), criteriaValues(newOverlays, key));

  let added = 0;
  let removed = 0;
  let changed = 0;
  let unchanged = 0;
  for (const [path, text] of next) {
    const before = old.get(path);
    if (before === undefined) added++;
    else if (before === text) unchanged++;
    else changed++;
  }
  for (const path of old.keys()) if (!next.has(path)) removed++;

  return {
    upstream: context.upstream,
    counts: {
      overlays: newOverlays.size,
      mixins: mixinNames(next).length,
      components: registryComponents(next).size,
      checks: new Set(checkNames(next)).size,
      validators: newValidators.size,
      files: next.size,
    },
    overlays: { ...overlayDiff, changed: changedOverlays },
    mixins: diff(mixinNames(old), mixinNames(next)),
    components: { ...componentDiff, renamed: renames },
    versions: versionChanges(old, next, oldOverlays, newOverlays, renames),
    criteria,
    checks: diff(checkNames(old), checkNames(next)),
    validators: { ...diff(oldValidators.keys(), newValidators.keys()), changed: sorted([...newValidators.keys()].filter((name) => oldValidators.has(name) && oldValidators.get(name) !== newValidators.get(name))) },
    files: { added, removed, changed, unchanged },
    leftOut: sorted(context.leftOut),
    kept: sorted(context.kept),
    problems: [...context.problems],
    noChanges: added === 0 && removed === 0 && changed === 0,
  };
}

const list = (names: readonly string[]): string => (names.length ? names.map((name) => `\`${name}\``).join(', ') : 'none');

/** The report as Markdown (also what the script prints). */
export function renderMarkdown(report: ChangeReport): string {
  const lines: string[] = [`# Catalog import: ${report.upstream}`, ''];
  const { counts, files } = report;
  lines.push(report.noChanges ? 'No changes: the catalog already matches this upstream tree.' : `Files: ${files.added} added, ${files.removed} removed, ${files.changed} changed, ${files.unchanged} unchanged.`);
  lines.push('', `The imported catalog: ${counts.overlays} overlays, ${counts.mixins} mixins, ${counts.components} components, ${counts.checks} health checks, ${counts.validators} validators (${counts.files} files).`, '');
  const section = (title: string, body: string[]): void => {
    lines.push(`## ${title}`, '', ...body, '');
  };
  section('Overlays', [`- added (${report.overlays.added.length}): ${list(report.overlays.added)}`, `- removed (${report.overlays.removed.length}): ${list(report.overlays.removed)}`, `- changed (${report.overlays.changed.length}): ${list(report.overlays.changed)}`]);
  section('Mixins', [`- added: ${list(report.mixins.added)}`, `- removed: ${list(report.mixins.removed)}`]);
  section('Components', [
    `- added (${report.components.added.length}): ${list(report.components.added)}`,
    `- removed (${report.components.removed.length}): ${list(report.components.removed)}`,
    `- renamed, by their files (${report.components.renamed.length}): ${report.components.renamed.length ? report.components.renamed.map((r) => `\`${r.from}\` → \`${r.to}\` (${Math.round(r.similarity * 100)}% alike)`).join(', ') : 'none'}`,
  ]);
  section('Chart versions', report.versions.length ? report.versions.map((change) => {
    const parts: string[] = [];
    if (change.default) parts.push(`default ${change.default.old} → ${change.default.new}`);
    if (change.pins) parts.push(`overlay pins ${change.pins.old.join(', ') || '(none)'} → ${change.pins.new.join(', ') || '(none)'}`);
    return `- \`${change.component}\`${change.previousName ? ` (was \`${change.previousName}\`)` : ''}: ${parts.join('; ')}`;
  }) : ['- none']);
  section('Criteria values', CRITERIA_FIELDS.map((key) => `- ${key}: new ${list(report.criteria[key]!.added)}; gone ${list(report.criteria[key]!.removed)}`));
  section('Health checks', [`- added (${report.checks.added.length}): ${list(report.checks.added)}`, `- removed (${report.checks.removed.length}): ${list(report.checks.removed)}`]);
  section('Validator catalog', [`- added: ${list(report.validators.added)}`, `- removed: ${list(report.validators.removed)}`, `- changed: ${list(report.validators.changed)}`]);
  section('Not imported', [`- upstream files that are no catalog data: ${report.leftOut.length ? list(report.leftOut) : 'none'}`, `- our own files kept: ${list(report.kept)}`]);
  if (report.problems.length) section(`Tolerated problems (${report.problems.length})`, report.problems.map((problem) => `- ${problem.replace(/\n/g, ' ')}`));
  return lines.join('\n').replace(/\n+$/, '\n');
}

/** The report as JSON. */
export function renderJson(report: ChangeReport): string {
  return toJson(report);
}
