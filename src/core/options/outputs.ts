/**
 * A stage's outputs, defined once: action.yml `outputs:`, the GitLab dotenv report and the README
 * tables come from here, and steps set them by property name through an {@link OutputSink}.
 */
import { optionKey } from './spec.js';

export interface OutputSpec {
  description: string;
  /** Set by the actions only (workflow artifacts): no GitLab dotenv variable. */
  githubOnly?: boolean;
}

export interface OutputTable<K extends string = string> {
  /** Stage name: the prefix of the dotenv variables (`AICR_BUNDLE_…`). */
  stage: string;
  outputs: Readonly<Record<K, OutputSpec>>;
}

export function defineOutputs<const K extends string>(stage: string, outputs: Record<K, OutputSpec>): OutputTable<K> {
  return Object.freeze({ stage, outputs: Object.freeze(outputs) });
}

/** Where a step's outputs go: step outputs on GitHub, dotenv lines for GitLab, nowhere at a terminal. */
export interface OutputSink {
  set(name: string, value: string): void;
}

/** An output's name in action.yml: the kebab-case of its property. */
export const outputName = optionKey;

/**
 * The dotenv variable of an output: `AICR_<STAGE>_<NAME>`, without repeating the stage
 * (`bundle-dir` of bundle is `AICR_BUNDLE_DIR`, `recipe-path` of recipe `AICR_RECIPE_PATH`).
 */
export function dotenvName(stage: string, property: string): string {
  const upper = (text: string): string => text.toUpperCase().replace(/-/g, '_');
  const name = outputName(property);
  const prefix = `${stage.split('-')[0]}-`;
  return `AICR_${upper(stage.split('-')[0]!)}_${upper(name.startsWith(prefix) ? name.slice(prefix.length) : name)}`;
}

/** Typed setter over a sink: `outputs.set('bundleDir', dir)` checks the name at compile time. */
export function typedOutputs<K extends string>(table: OutputTable<K>, sink: OutputSink): { set(property: K, value: string | number | boolean): void } {
  return {
    set(property, value) {
      sink.set(property, String(value));
    },
  };
}

/** Nothing is kept (a terminal shows results as text). */
export const discardOutputs: OutputSink = { set: () => {} };

/** Collects outputs as dotenv lines (a GitLab dotenv report); values are single-line by construction. */
export function dotenvOutputs(table: OutputTable): OutputSink & { text(): string } {
  const lines = new Map<string, string>();
  return {
    set(property, value) {
      // dotenv values end at a newline: keep every value on one line.
      lines.set(dotenvName(table.stage, property), value.replace(/[\r\n]+/g, ' '));
    },
    text: () => [...lines].map(([name, value]) => `${name}=${value}\n`).join(''),
  };
}
