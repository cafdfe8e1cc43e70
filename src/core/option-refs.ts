/**
 * References to options inside messages. Core code names an option by its key; each door shows
 * the reference in its own spelling when the message is printed: `--output` on the command
 * line, `input "output"` in an action or a GitLab component.
 *
 * A reference is the key between two private-use characters, so it survives wrapping and
 * concatenation and is never mistaken for text a user wrote.
 */
const START = '\u{E000}';
const END = '\u{E001}';
const REFERENCE = /\u{E000}([a-z0-9][a-z0-9-]*)\u{E001}/gu;

/** Renders an option key in a door's spelling. */
export type OptionNamer = (key: string) => string;

/** A reference to the option `key`, for messages and hints. */
export function optionRef(key: string): string {
  return `${START}${key}${END}`;
}

/** The command-line spelling, used where no door said otherwise. */
export const flagNamer: OptionNamer = (key) => `--${key}`;

/** The spelling of inputs (GitHub action, GitLab component). */
export const inputNamer: OptionNamer = (key) => `input "${key}"`;

/** Replaces every option reference in `text` with its spelling. */
export function renderOptionRefs(text: string, namer: OptionNamer = flagNamer): string {
  return text.includes(START) ? text.replace(REFERENCE, (_, key: string) => namer(key)) : text;
}

/** A namer from a door's spellings (`names`: key → name), writing `--name` or `input "name"`. */
export function namerFrom(names: ReadonlyMap<string, string>, style: 'flag' | 'input'): OptionNamer {
  return (key) => {
    const name = names.get(key) ?? key;
    return style === 'flag' ? `--${name}` : `input "${name}"`;
  };
}

/** An option reference when `name` is an option key, else `name` itself (a free-form label). */
export function optionLabel(name: string): string {
  return /^[a-z0-9][a-z0-9-]*$/.test(name) ? optionRef(name) : name;
}
