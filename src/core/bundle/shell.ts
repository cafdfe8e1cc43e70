/** Quoting for values baked into generated shell scripts. */

const SAFE = /^[A-Za-z0-9_./:@%+=-]+$/;

/**
 * Quotes `value` for bash so it is always one literal word: single quotes, with embedded `'`
 * written as `'\''`. Plain-safe words stay unquoted unless `always` is set. Nothing inside single
 * quotes is expanded, so `$(…)`, backticks and newlines stay text.
 */
export function shellQuote(value: string, always = false): string {
  if (!always && SAFE.test(value) && !value.startsWith('-')) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Text for a `#` comment line: control characters (newlines above all) become spaces. */
export function shellComment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
