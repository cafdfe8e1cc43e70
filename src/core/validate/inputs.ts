/**
 * Reading validate's inputs: the recipe (with the line of every constraint) and the snapshot
 * (indexed for lookups, numbers kept as written).
 */
import { invalidInput } from '../errors.js';
import { checkDocument, loadValidators, type RecipeResult, type Snapshot } from '../documents/index.js';
import { parseLocation, readLocation } from '../io.js';
import { readingText, SnapshotIndex, type ReadingText } from '../constraints/index.js';
import { parseSource, type SourceDocument } from '../documents/source.js';

export interface LoadOptions {
  /** Where `-` reads from. */
  stdin?: NodeJS.ReadableStream;
  /** Flag or input name for messages. */
  input?: string;
  /** kubeconfig for `cm://` locations. */
  kubeconfig?: string;
}

export interface LoadedRecipe {
  recipe: RecipeResult;
  source: SourceDocument;
  origin: string;
}

export interface LoadedSnapshot {
  snapshot: Snapshot;
  index: SnapshotIndex;
  origin: string;
}

async function readSource(location: string, input: string, options: LoadOptions, kind: 'RecipeResult' | 'Snapshot'): Promise<SourceDocument> {
  const read = await readLocation(parseLocation(location, input), {
    input,
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
  });
  const [source] = await Promise.all([parseSource(read.text, read.origin), loadValidators(kind)]);
  return source;
}

function kindOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' ? kind : undefined;
}

/**
 * Reads a RecipeResult. Constraint values written as unquoted numbers or booleans
 * (`value: 12.10`, `value: True`) keep their text, as upstream reads them.
 */
export async function loadRecipe(location: string, options: LoadOptions = {}): Promise<LoadedRecipe> {
  const input = options.input ?? '--recipe';
  const source = await readSource(location, input, options, 'RecipeResult');
  const kind = kindOf(source.value);
  if (kind === 'Snapshot') {
    throw invalidInput(`${source.origin}: ${input} expects a RecipeResult document, but this is a Snapshot`, {
      location: { ...source.locate(['kind']) },
      hint: 'pass the recipe (aicr recipe output) to --recipe and the snapshot to --snapshot',
    });
  }
  textifyConstraintValues(source);
  return { recipe: checkDocument('RecipeResult', source), source, origin: source.origin };
}

function textifyConstraintValues(source: SourceDocument): void {
  const root = source.value as { constraints?: unknown; validation?: Record<string, { constraints?: unknown } | null> } | null;
  if (!root || typeof root !== 'object') return;
  const fix = (list: unknown, path: Array<string | number>): void => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (!item || typeof item !== 'object') return;
      const entry = item as { value?: unknown };
      if (typeof entry.value === 'number' || typeof entry.value === 'boolean') {
        entry.value = source.scalarText([...path, i, 'value']) ?? (typeof entry.value === 'number' ? readingText(entry.value) : String(entry.value));
      }
    });
  };
  fix(root.constraints, ['constraints']);
  if (root.validation && typeof root.validation === 'object') {
    for (const [phase, body] of Object.entries(root.validation)) if (body && typeof body === 'object') fix(body.constraints, ['validation', phase, 'constraints']);
  }
}

const PLAIN_DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?$/;

/**
 * The text a reading is compared as: strings as-is, booleans `true`/`false`; numbers as
 * written in the file when written as a plain decimal (`12.10`, `18446744073709551615`),
 * otherwise in plain decimal form (`0x1F` → `31`); null has no value (the constraint is
 * skipped).
 */
export function readingTextFrom(source: SourceDocument): ReadingText {
  return (reading, where) => {
    if (reading === null || reading === undefined) return null;
    if (typeof reading === 'number') {
      const written = source.scalarText(['measurements', where.measurement, 'subtypes', where.subtype, 'data', where.key]);
      return written !== undefined && PLAIN_DECIMAL.test(written) ? written : readingText(reading);
    }
    return String(reading);
  };
}

/** Reads and indexes a Snapshot; a document of another kind or without measurements is refused. */
export async function loadSnapshot(location: string, options: LoadOptions = {}): Promise<LoadedSnapshot> {
  const input = options.input ?? '--snapshot';
  const source = await readSource(location, input, options, 'Snapshot');
  const kind = kindOf(source.value);
  if (kind !== undefined && kind !== 'Snapshot' && kind !== '') {
    throw invalidInput(`${source.origin}: ${input} expects a Snapshot document, but this is a ${kind}`, {
      location: { ...source.locate(['kind']) },
      hint: kind === 'RecipeResult' || kind === 'Recipe' ? 'pass the snapshot (aicr snapshot output) to --snapshot and the recipe to --recipe' : 'pass a Snapshot document (aicr snapshot output)',
    });
  }
  const snapshot = checkDocument('Snapshot', source);
  if (!snapshot.measurements || snapshot.measurements.filter(Boolean).length === 0) {
    throw invalidInput(`${source.origin}: the snapshot has no measurements, so nothing can be validated against it`, {
      location: { ...source.locate(['measurements']) },
      hint: 'capture a snapshot with "aicr snapshot" and pass that file',
    });
  }
  return { snapshot, index: new SnapshotIndex(snapshot, readingTextFrom(source)), origin: source.origin };
}
