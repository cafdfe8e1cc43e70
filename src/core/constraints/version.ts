/**
 * Version semantics of constraint expressions (upstream AICR v0.11.1 rules, kept for
 * compatibility): one leading `v` dropped, vendor/kernel suffixes ignored, 1–3 numeric
 * components, comparison at the smaller precision, equality at full precision.
 */

export interface Version {
  /** Numeric components without leading zeros (`"0"` for zero), 1 to 3 of them. */
  parts: string[];
}

export type VersionParse = { ok: true; version: Version } | { ok: false; reason: string };

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const isDigitCode = (code: number): boolean => code >= DIGIT_0 && code <= DIGIT_9;

/**
 * Parses `v1.33.5-eks-3025e55` as 1.33.5 and `6.8.0-1028-aws` as 6.8.0. Rules: surrounding
 * blanks ignored; one lower-case `v` dropped (`V1.2` is not a version); everything from the
 * first `-` or `+` that follows a digit is a suffix and ignored; then 1–3 dot-separated
 * components of decimal digits (leading zeros allowed: `24.04` is 24.4). Components of any
 * length compare exactly (no 64-bit limit).
 */
export function parseVersion(text: string): VersionParse {
  let rest = text.trim();
  if (rest === '') return { ok: false, reason: 'empty version' };
  if (rest.charCodeAt(0) === 118 /* v */) rest = rest.slice(1);
  for (let i = 1; i < rest.length; i++) {
    const code = rest.charCodeAt(i);
    if ((code === 45 /* - */ || code === 43 /* + */) && isDigitCode(rest.charCodeAt(i - 1))) {
      rest = rest.slice(0, i);
      break;
    }
  }
  const pieces = rest.split('.');
  if (pieces.length > 3) return { ok: false, reason: `"${text.trim()}" has more than 3 components` };
  const parts: string[] = [];
  for (const piece of pieces) {
    if (piece === '') return { ok: false, reason: `"${text.trim()}" has an empty component` };
    let digitsOnly = true;
    for (let i = 0; i < piece.length; i++) {
      if (!isDigitCode(piece.charCodeAt(i))) {
        digitsOnly = false;
        break;
      }
    }
    if (!digitsOnly) {
      const negative = piece.startsWith('-') && /^-[0-9]+$/.test(piece);
      return { ok: false, reason: negative ? `"${text.trim()}" has a negative component (${piece})` : `"${text.trim()}" has a non-numeric component (${piece})` };
    }
    let start = 0;
    while (start < piece.length - 1 && piece.charCodeAt(start) === DIGIT_0) start++;
    parts.push(start === 0 ? piece : piece.slice(start));
  }
  return { ok: true, version: { parts } };
}

/** Compares two normalised components (no leading zeros) numerically. */
function compareComponent(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders versions on the components both have: `1.32` equals `1.32.4`, `1` equals `1.99`.
 * This is why `>= 1.32.4` holds for `1.32` (upstream behaviour).
 */
export function compareVersions(a: Version, b: Version): number {
  const length = Math.min(a.parts.length, b.parts.length);
  for (let i = 0; i < length; i++) {
    const diff = compareComponent(a.parts[i]!, b.parts[i]!);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Equality on major, minor and patch, missing components counting as 0: `1.32` ≠ `1.32.4`. */
export function versionsEqual(a: Version, b: Version): boolean {
  for (let i = 0; i < 3; i++) if (compareComponent(a.parts[i] ?? '0', b.parts[i] ?? '0') !== 0) return false;
  return true;
}

/**
 * Whether `==`/`!=` compare `operand` as a version: after one leading `v` it holds a digit
 * and a dot (`24.04`, `ubuntu22.04`), else they compare text (`8`, `ubuntu`).
 */
export function looksLikeVersion(operand: string): boolean {
  const rest = operand.startsWith('v') ? operand.slice(1) : operand;
  return rest.includes('.') && /[0-9]/.test(rest);
}
