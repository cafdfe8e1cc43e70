/**
 * Placeholders in output paths: `bundles/{{criteria.service}}-{{criteria.accelerator}}` names a
 * folder after what was resolved, so one pipeline can write several recipes side by side.
 * Handlebars (loaded only for a path that has `{{`) parses and renders; only the placeholders
 * below are allowed, and every value must be one plain word: a recipe read from elsewhere can
 * carry any criteria text, and none of it may add a separator or `..` to the path.
 */
import type { Criteria } from './documents/types.js';
import { optionError } from './errors.js';
import { quoted } from './safe-text.js';

/** What a path may refer to. */
export interface PathContext {
  criteria: Partial<Criteria>;
  deployer?: string;
}

const CRITERIA = ['service', 'accelerator', 'intent', 'os', 'platform', 'nodes'] as const;
const SAFE_WORD = /^[A-Za-z0-9._-]{1,63}$/;

/** Whether `text` has placeholders to expand. */
export const hasPlaceholders = (text: string): boolean => text.includes('{{');

function allowed(context: PathContext): string[] {
  return [...CRITERIA.map((field) => `criteria.${field}`), ...(context.deployer !== undefined ? ['deployer'] : [])];
}

/** Expands the placeholders of the path given by `option`; a path without `{{` is returned as is. */
export async function expandPath(text: string, option: string, context: PathContext): Promise<string> {
  if (!hasPlaceholders(text)) return text;
  const { default: Handlebars } = await import('handlebars');
  const names = allowed(context);
  const hint = `use ${names.map((name) => `{{${name}}}`).join(', ')}`;
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(text);
  } catch (error) {
    throw optionError(option, `${quoted(text)} is not a valid path template: ${(error as Error).message.split('\n')[0]}`, { hint });
  }
  for (const node of program.body) {
    if (node.type === 'ContentStatement') continue;
    const mustache = node as hbs.AST.MustacheStatement;
    const path = mustache.type === 'MustacheStatement' && mustache.path.type === 'PathExpression' ? (mustache.path as hbs.AST.PathExpression).original : undefined;
    if (!path || mustache.params.length > 0 || mustache.hash || !names.includes(path)) {
      throw optionError(option, `${quoted(text)}: only plain placeholders can appear in a path`, { hint });
    }
  }
  const word = (name: string, value: unknown): string => {
    const text = String(value);
    if (!SAFE_WORD.test(text) || text === '.' || text === '..') {
      throw optionError(option, `{{${name}}} would put ${quoted(text)} into the path; only plain words (letters, digits, ".", "_", "-") can`, { hint: 'use a recipe whose criteria are plain values, or a path without that placeholder' });
    }
    return text;
  };
  const values = {
    criteria: Object.fromEntries(CRITERIA.map((field) => [field, word(`criteria.${field}`, context.criteria[field] ?? (field === 'nodes' ? 0 : 'any'))])),
    deployer: context.deployer === undefined ? undefined : word('deployer', context.deployer),
  };
  return Handlebars.compile(program, { strict: true, noEscape: true, knownHelpersOnly: true })(values);
}
