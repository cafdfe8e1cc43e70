/**
 * The apiVersions of our documents, per kind: the values we write (upstream v1.0's targets),
 * the older values upstream has written that we still read (with a notice naming the
 * replacement), and the gate that refuses anything else, an absent value included.
 */
import { invalidInput, type SourceLocation } from '../errors.js';
import type { AnnotationProperties, Logger } from '../logger.js';
import { excerpt, quoted } from '../safe-text.js';

/** Kinds that carry one of our apiVersions. */
export const VERSIONED_KINDS = [
  'Snapshot',
  'RecipeResult',
  'RecipeCriteria',
  'BundleProvenance',
  'RecipeMetadata',
  'RecipeMixin',
  'ComponentRegistry',
  'AICRConfig',
] as const;
export type VersionedKind = (typeof VERSIONED_KINDS)[number];

const V1ALPHA1 = 'aicr.nvidia.com/v1alpha1';
const V1ALPHA2 = 'aicr.run/v1alpha2';
const V1ALPHA3 = 'aicr.run/v1alpha3';
const V1 = 'aicr.run/v1';
const V1BETA1 = 'aicr.run/v1beta1';
const V1BETA2 = 'aicr.run/v1beta2';

export interface KindVersions {
  /** What we write. */
  current: string;
  /** What we write for a document that carries a configuration profile (ADR-015). */
  profile?: string;
  /** Older values upstream has written, each with the value that replaces it. */
  older: Readonly<Record<string, string>>;
}

/** Artifacts (v1 track): snapshot, recipe result, criteria, bundle provenance. */
const artifact = (profile?: string): KindVersions => ({
  current: V1,
  ...(profile ? { profile } : {}),
  older: { [V1ALPHA1]: V1, [V1ALPHA2]: V1, ...(profile ? { [V1ALPHA3]: profile } : {}) },
});
/** Catalog and configuration documents (v1beta1 track). */
const catalogDocument = (profile?: string): KindVersions => ({
  current: V1BETA1,
  ...(profile ? { profile } : {}),
  older: { [V1ALPHA1]: V1BETA1, [V1ALPHA2]: V1BETA1, ...(profile ? { [V1ALPHA3]: profile } : {}) },
});

/** Every apiVersion we read, per kind (upstream-2026.md, ADR-011, ADR-013, ADR-015). */
export const API_VERSIONS: Readonly<Record<VersionedKind, KindVersions>> = {
  Snapshot: artifact(),
  RecipeResult: artifact(V1BETA2),
  RecipeCriteria: artifact(),
  BundleProvenance: artifact(),
  RecipeMetadata: catalogDocument(V1BETA2),
  RecipeMixin: catalogDocument(),
  ComponentRegistry: catalogDocument(),
  AICRConfig: catalogDocument(),
};

/** The apiVersion we write for `kind`. */
export function currentApiVersion(kind: VersionedKind): string {
  return API_VERSIONS[kind].current;
}

/** The apiVersion of a RecipeResult we write: profile-bearing results take the v1beta2 schema. */
export function recipeResultApiVersion(hasProfile: boolean): string {
  return hasProfile ? V1BETA2 : V1;
}

/** The apiVersion of a RecipeMetadata overlay we write: profile-bearing ones take v1beta2. */
export function recipeMetadataApiVersion(hasProfile: boolean): string {
  return hasProfile ? V1BETA2 : V1BETA1;
}

/** The values of `kind` read without a notice. */
function currentApiVersions(kind: VersionedKind): string[] {
  const { current, profile } = API_VERSIONS[kind];
  return profile ? [current, profile] : [current];
}

/** Every value of `kind` we read: current ones first, then older ones. */
export function readableApiVersions(kind: VersionedKind): string[] {
  return [...currentApiVersions(kind), ...Object.keys(API_VERSIONS[kind].older)];
}

/** The value that replaces `value` for `kind`; undefined when it is current or unknown. */
function replacementApiVersion(kind: VersionedKind, value: string): string | undefined {
  return Object.hasOwn(API_VERSIONS[kind].older, value) ? API_VERSIONS[kind].older[value] : undefined;
}

/** A document read with an older apiVersion. */
export interface ApiVersionNotice {
  kind: VersionedKind;
  /** The file (or `-`, URL, cm://) as messages name it. */
  file: string;
  line?: number;
  value: string;
  replacement: string;
}

function expected(kind: VersionedKind): string {
  const { current, profile } = API_VERSIONS[kind];
  return profile ? `"${current}" (or "${profile}" with a configuration profile)` : `"${current}"`;
}

/**
 * Checks the apiVersion of a `kind` document. Returns a notice for an older value; throws an
 * input error (exit code 2) naming the file, the value and the expected one for an absent,
 * empty, non-text or unknown value.
 */
export function checkApiVersion(kind: VersionedKind, value: unknown, origin: string, location?: SourceLocation, option?: string): ApiVersionNotice | undefined {
  const where = location?.line ? `${origin}:${location.line}` : origin;
  const current = API_VERSIONS[kind].current;
  const options = { location: location ?? { file: origin }, ...(option ? { option } : {}) };
  if (value === undefined || value === null || value === '') {
    throw invalidInput(`${where}: the ${kind} document has no apiVersion; expected ${expected(kind)}`, {
      ...options,
      hint: `add the line "apiVersion: ${current}" next to "kind: ${kind}" ("aicr convert <file>" adds it)`,
    });
  }
  if (typeof value !== 'string') {
    throw invalidInput(`${where}: the apiVersion of the ${kind} document must be text, found ${excerpt(JSON.stringify(value) ?? String(value))}; expected ${expected(kind)}`, {
      ...options,
      hint: `write "apiVersion: ${current}"`,
    });
  }
  if (currentApiVersions(kind).includes(value)) return undefined;
  const replacement = replacementApiVersion(kind, value);
  if (replacement) return { kind, file: origin, ...(location?.line ? { line: location.line } : {}), value, replacement };
  throw invalidInput(`${where}: the ${kind} document has apiVersion ${quoted(value)}, which this aicr does not read; expected ${expected(kind)}`, {
    ...options,
    hint: `set "apiVersion: ${current}"; older values also read (with a notice): ${Object.keys(API_VERSIONS[kind].older).join(', ')}`,
  });
}

/** The text of a notice: the file, the old value and its replacement, and how to update it. */
export function describeApiVersionNotice(notice: ApiVersionNotice): string {
  return `${notice.line ? `${notice.file}:${notice.line}` : notice.file}: ${noticeText(notice)}`;
}

function noticeText(notice: ApiVersionNotice): string {
  return `${notice.kind} apiVersion "${notice.value}" is an older one, read as "${notice.replacement}"; `
    + `upstream AICR v1 reads only "${notice.replacement}": update the file with "aicr convert"`;
}

/** How many notices one report logs one by one; the rest are counted. */
const MAX_NOTICES = 10;

/** Logs notices (one per file, up to a limit), as annotations on the apiVersion line where known. */
export function reportApiVersionNotices(logger: Logger, notices: readonly ApiVersionNotice[]): void {
  for (const notice of notices.slice(0, MAX_NOTICES)) {
    const properties: AnnotationProperties = { title: 'older apiVersion', file: notice.file, ...(notice.line ? { startLine: notice.line } : {}) };
    logger.notice(noticeText(notice), properties);
  }
  if (notices.length > MAX_NOTICES) {
    logger.notice(`${notices.length - MAX_NOTICES} more documents have older apiVersions; "aicr convert" updates a whole data directory at once`, { title: 'older apiVersion' });
  }
}
