/**
 * Renders the bundle's own text files (scripts, READMEs) from the Handlebars templates in
 * templates/*.hbs, precompiled by scripts/build-templates.mjs into templates/generated.js.
 * Only the small Handlebars runtime is loaded here, never the compiler.
 */
import type Handlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import { markdownCell, markdownCode, markdownText } from '../markdown.js';
import { shellComment, shellQuote } from './shell.js';
import { templates } from './templates/generated.js';

export type TemplateName = keyof typeof templates;

type Options = Handlebars.HelperOptions & { name?: string; loc?: { start: { line: number; column: number } } };

const where = (options: Options | undefined): string => (options?.loc ? ` at line ${options.loc.start.line}:${options.loc.start.column}` : '');

/** A helper over one string: anything else (above all a missing field) is an error, not ''. */
function stringHelper(name: string, escape: (value: string, options: Options) => string) {
  return (value: unknown, options: Options): string => {
    if (typeof value !== 'string') throw new Error(`{{${name}}}${where(options)} needs a string, got ${value === undefined ? 'a missing field' : typeof value}`);
    return escape(value, options);
  };
}

/** Escaping helpers, by the context they write into. */
export const helpers = {
  /** One shell word; `always=true` quotes even plain words. */
  shq: stringHelper('shq', (value, options) => shellQuote(value, options.hash.always === true)),
  shComment: stringHelper('shComment', shellComment),
  mdText: stringHelper('mdText', markdownText),
  mdCell: stringHelper('mdCell', markdownCell),
  mdCode: stringHelper('mdCode', markdownCode),
};

let env: typeof Handlebars | undefined;
const compiled = new Map<TemplateName, Handlebars.TemplateDelegate>();

function environment(): typeof Handlebars {
  if (env) return env;
  const hb = (runtime as unknown as typeof Handlebars).create();
  // Strict mode checks {{field}} but not the arguments of block helpers: a missing condition
  // or list would silently render nothing, so these refuse undefined.
  for (const name of ['if', 'unless', 'each']) {
    const builtin = hb.helpers[name]!;
    hb.registerHelper(name, function (this: unknown, value: unknown, options: Options) {
      if (value === undefined) throw new Error(`{{#${name}}}${where(options)} got a missing field`);
      return builtin.call(this, value, options);
    });
  }
  for (const [name, helper] of Object.entries(helpers)) hb.registerHelper(name, helper);
  env = hb;
  return hb;
}

/** Renders template `name` (its file name without .hbs); a missing field throws. */
export function render(name: TemplateName, context: Record<string, unknown>): string {
  let template = compiled.get(name);
  if (!template) {
    template = environment().template(templates[name] as TemplateSpecification);
    compiled.set(name, template);
  }
  try {
    return template(context);
  } catch (error) {
    throw new Error(`template ${name}.hbs: ${(error as Error).message}`);
  }
}
