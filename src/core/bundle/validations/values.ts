/** Reading resolved component values the way the checks need them. */

export type Values = Record<string, unknown>;

export function isMap(value: unknown): value is Values {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** How Go prints a value with %v (%T), for messages about a value of the wrong type. */
export function describe(value: unknown): string {
  const text = describeFull(value);
  // Values come from recipes and --set: keep messages short.
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const MAX_SHOWN = 120;

function describeFull(value: unknown): string {
  if (typeof value === 'string') return `${value} (string)`;
  if (typeof value === 'boolean') return `${value} (bool)`;
  if (typeof value === 'number') return `${value} (${Number.isInteger(value) ? 'int' : 'float64'})`;
  if (Array.isArray(value)) return `${JSON.stringify(value)} ([]interface {})`;
  return `${JSON.stringify(value)} (map[string]interface {})`;
}

/**
 * A string at `path`: `present` when the leaf exists, `valid` false when it exists but is not
 * a string. A missing or non-map intermediate reads as absent.
 */
export function stringAt(values: Values, path: string): { value: string; present: boolean; valid: boolean } {
  let node: Values = values;
  const parts = path.split('.');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (!Object.prototype.hasOwnProperty.call(node, part)) return { value: '', present: false, valid: true };
    const raw = node[part];
    if (index === parts.length - 1) return typeof raw === 'string' ? { value: raw, present: true, valid: true } : { value: '', present: false, valid: false };
    if (!isMap(raw)) return { value: '', present: false, valid: true };
    node = raw;
  }
  return { value: '', present: false, valid: true };
}

/** Go template truthiness (what `{{ if }}` in a chart sees). */
export function helmTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isMap(value)) return Object.keys(value).length > 0;
  return true;
}

/** `<section>.enabled` as a boolean, or why it cannot be read as one. */
export function ownershipToggle(values: Values, section: string): { enabled?: boolean; problem?: string } {
  if (!Object.prototype.hasOwnProperty.call(values, section)) return {};
  const raw = values[section];
  if (raw === null) {
    return {
      problem: `${section} is explicitly null — Helm deletes a null key together with its chart defaults, so the chart's unconditional ${section}.* field accesses fail at install and driver ownership cannot be verified`,
    };
  }
  if (!isMap(raw)) return { problem: `${section}=${describe(raw)} is not a map, so ${section}.enabled cannot be read` };
  if (!Object.prototype.hasOwnProperty.call(raw, 'enabled')) return {};
  const value = raw.enabled;
  if (typeof value === 'boolean') return { enabled: value };
  if (value === null) return { problem: `${section}.enabled is null, not a boolean` };
  return { problem: `${section}.enabled=${describe(value)} is not a boolean` };
}

/** The recipe's selected profile (`metadata.selectedProfile`), when there is one. */
export function selectedProfile(metadata: Record<string, unknown>): { name: string; value: string } | undefined {
  const selected = metadata.selectedProfile;
  if (!isMap(selected)) return undefined;
  return { name: String(selected.name ?? ''), value: String(selected.value ?? '') };
}
