/**
 * Placeholders in output paths: `bundles/{{criteria.service}}-{{criteria.accelerator}}` names a
 * folder after what was resolved, so one pipeline can write several recipes side by side.
 * Handlebars (loaded only for a path that has `{{`) parses and renders; only the placeholders
 * below are allowed, and their values are canonical criteria words, so a path can gain no
 * separator or `..` from them.
 */
import type { Criteria } from './documents/types.js';
import { optionError } from './errors.js';

/** What a path may refer to. */
export interface PathContext {
  criteria: Partial<Criteria>;
  deployer?: string;
}

const CRITERIA = ['service', 'accelerator', 'intent', 'os', 'platform', 'nodes'] as const;

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
    throw optionError(option, `${JSON.stringify(text)} is not a valid path template: ${(error as Error).message.split('\n')[0]}`, { hint });
  }
  for (const node of program.body) {
    if (node.type === 'ContentStatement') continue;
    const mustache = node as hbs.AST.MustacheStatement;
    const path = mustache.type === 'MustacheStatement' && mustache.path.type === 'PathExpression' ? (mustache.path as hbs.AST.PathExpression).original : undefined;
    if (!path || mustache.params.length > 0 || mustache.hash || !names.includes(path)) {
      throw optionError(option, `${JSON.stringify(text)}: only plain placeholders can appear in a path`, { hint });
    }
  }
  const values = {
    criteria: Object.fromEntries(CRITERIA.map((field) => [field, String(context.criteria[field] ?? (field === 'nodes' ? 0 : 'any'))])),
    deployer: context.deployer,
  };
  return Handlebars.compile(program, { strict: true, noEscape: true, knownHelpersOnly: true })(values);
}
