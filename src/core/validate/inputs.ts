/**
 * Reading validate's inputs: the recipe (with the line of every constraint) and the snapshot
 * (indexed for lookups, numbers kept as written).
 */
import { invalidInput } from '../errors.js';
import type { LoadedDocument } from '../load.js';
import { readingText, SnapshotIndex, type ReadingText } from '../constraints/index.js';
import type { SourceDocument } from '../documents/source.js';

const PLAIN_DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?$/;

/**
 * The text a reading is compared as: strings as-is, booleans `true`/`false`; numbers as
 * written in the file when written as a plain decimal (`12.10`, `18446744073709551615`),
 * otherwise in plain decimal form (`0x1F` → `31`); null has no value (the constraint is
 * skipped).
 */
function readingTextFrom(source: SourceDocument): ReadingText {
  return (reading, where) => {
    if (reading === null || reading === undefined) return null;
    if (typeof reading === 'number') {
      const written = source.scalarText(['measurements', where.measurement, 'subtypes', where.subtype, 'data', where.key]);
      return written !== undefined && PLAIN_DECIMAL.test(written) ? written : readingText(reading);
    }
    return String(reading);
  };
}

/** Indexes a snapshot for lookups; one without measurements is refused (nothing to validate). */
export function indexSnapshot(loaded: LoadedDocument<'Snapshot'>): SnapshotIndex {
  const { document, source } = loaded;
  if (!document.measurements || document.measurements.filter(Boolean).length === 0) {
    throw invalidInput(`${source.origin}: the snapshot has no measurements, so nothing can be validated against it`, {
      location: { ...source.locate(['measurements']) },
      hint: 'capture a snapshot with "aicr snapshot" and pass that file',
    });
  }
  return new SnapshotIndex(document, readingTextFrom(source));
}
