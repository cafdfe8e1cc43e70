/**
 * One definition per option. Each stage declares its options once, in a table of these specs;
 * the CLI flags, the action inputs (action.yml), the GitLab component inputs (spec:inputs), the
 * README tables, the typed readers and the error messages all come from that table.
 *
 * The naming rule: an option's key is its kebab-case name in every door (upstream's flag name
 * where upstream has the option). A door spells it differently only where the table says why.
 */

/** The three ways users reach us. */
export type Door = 'cli' | 'action' | 'gitlab';
export const DOORS: readonly Door[] = ['cli', 'action', 'gitlab'];

type OptionType = 'string' | 'bool' | 'int' | 'duration' | 'enum' | 'list' | 'map';

/** A default as the table writes it: durations as text (`5m`), lists and maps as text too. */
export type OptionDefault = string | boolean | number;

export interface OptionSpec {
  type: OptionType;
  /** One or two sentences, shown in action.yml, spec:inputs, the README tables and `--help`. */
  description: string;
  /** Default in every door that offers the option. */
  default?: OptionDefault;
  /** A door whose default differs (e.g. the CLI writes to stdout where a job writes a file). */
  defaults?: Partial<Record<Door, OptionDefault>>;
  required?: boolean;
  /** enum: accepted values (compared case-insensitively, reported in this spelling). */
  choices?: readonly string[];
  /** enum: other spellings accepted for a choice (`argocd-helm` → `argocdhelm`). */
  choiceAliases?: Readonly<Record<string, string>>;
  /** int: bounds. */
  min?: number;
  max?: number;
  /**
   * list and map inputs: what separates items in one input value. `comma` (default) splits on
   * commas and newlines; `line` only on newlines, for items that may contain commas (`--set`).
   */
  separator?: 'comma' | 'line';
  /** list: every item must be one of these (case-insensitive). */
  itemChoices?: readonly string[];
  /** CLI: environment variable read when the flag is not given (upstream's where it has one). */
  env?: string;
  /** CLI: other spellings (upstream's short flags and aliases: `-o`, `--gpu`). */
  aliases?: readonly string[];
  /** CLI: the value's placeholder in `--help` (`<file|cm://ns/name|->`). */
  placeholder?: string;
  /** CLI: also accepted as the command's first positional argument. */
  positional?: boolean;
  /** CLI: accepted for upstream compatibility but left out of `--help`. */
  hidden?: boolean;
  /** A door that spells the option differently; `why` must say why. */
  names?: Partial<Record<Door, string>>;
  /** Doors that do not offer the option, each with the reason. */
  absent?: Partial<Record<Door, string>>;
  /** Why a door renames the option. */
  why?: string;
  /** GitLab: a regular expression (RE2) the input must match before the pipeline starts. */
  regex?: string;
  /** A location the step writes: `artifact://` is refused there (upload-artifact hands results on). */
  writes?: boolean;
  /** GitLab: a setting of the job itself (stage, name, image), never passed to aicr. */
  gitlabJob?: boolean;
}

/** A table: option keys in camelCase (the values' property names) mapped to their specs. */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** The kebab-case key of a camelCase table property: `targetRevision` → `target-revision`. */
export function optionKey(property: string): string {
  return property.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);
}

/** Whether a door offers the option. */
export function offeredAt(spec: OptionSpec, door: Door): boolean {
  return spec.absent?.[door] === undefined;
}

/** The option's name at a door (the key unless the table renames it there). */
export function nameAt(property: string, spec: OptionSpec, door: Door): string {
  return spec.names?.[door] ?? optionKey(property);
}

/** The option's default at a door, if any. */
export function defaultAt(spec: OptionSpec, door: Door): OptionDefault | undefined {
  return spec.defaults && door in spec.defaults ? spec.defaults[door] : spec.default;
}

/** The table's entries offered at a door, in table order. */
export function entriesAt(table: OptionTable, door: Door): Array<[string, OptionSpec]> {
  return Object.entries(table).filter(([, spec]) => offeredAt(spec, door));
}

// ---------------------------------------------------------------------------- typed values

type ChoiceOf<S> = S extends { choices: ReadonlyArray<infer C> } ? C : string;

/** The TypeScript type of an option's value. */
type ValueOf<S extends OptionSpec> = S['type'] extends 'bool'
  ? boolean
  : S['type'] extends 'int' | 'duration'
    ? number
    : S['type'] extends 'list'
      ? string[]
      : S['type'] extends 'map'
        ? Record<string, string>
        : S['type'] extends 'enum'
          ? ChoiceOf<S>
          : string;

/** Options that always have a value: required, defaulted in every door, or empty when unset. */
type AlwaysSet<S extends OptionSpec> = S extends { required: true }
  ? true
  : S['type'] extends 'bool' | 'list' | 'map'
    ? true
    : S extends { default: OptionDefault }
      ? true
      : S extends { defaults: { cli: OptionDefault; action: OptionDefault; gitlab: OptionDefault } }
        ? true
        : false;

/** The typed values a reader returns for a table (durations in milliseconds). */
export type OptionValues<T extends OptionTable> = {
  -readonly [K in keyof T as T[K] extends { gitlabJob: true } ? never : AlwaysSet<T[K]> extends true ? K : never]: ValueOf<T[K]>;
} & {
  -readonly [K in keyof T as T[K] extends { gitlabJob: true } ? never : AlwaysSet<T[K]> extends true ? never : K]?: ValueOf<T[K]>;
};

/** Declares a table; the identity at run time, a checked literal type for the readers. */
export function defineOptions<const T extends Record<string, OptionSpec>>(table: T): T {
  return Object.freeze(table);
}

/** Door spellings of every option of the given tables, keyed by option key. */
export function doorNames(door: Door, ...tables: OptionTable[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const table of tables) for (const [property, spec] of Object.entries(table)) names.set(optionKey(property), nameAt(property, spec, door));
  return names;
}
