/**
 * The Go `text/template` language as recipe manifests use it, rendered at bundle time.
 *
 * Supported: text and actions with `{{-`/`-}}` trimming, comments, pipelines, variables
 * (`$x := …`, `$x = …`, `$`), field chains on maps (`.a.b`, `$x.a`, `(pipeline).a`), string,
 * raw-string, number, bool and nil literals, `if`/`else if`/`else`, `range` (with `$i, $v :=`,
 * `else`, `break`, `continue`), `with`/`else with`, and the functions `and or not eq ne lt le gt
 * ge index len print printf println toYaml nindent indent toString default`. `define`,
 * `template` and `block` are rejected with a clear error.
 *
 * Semantics follow Go where manifests can observe them: a missing map key prints `<no value>`
 * (also when chained), field access on a non-map value is an error, `and`/`or` short-circuit and
 * return the deciding operand, truthiness is Go's (false, 0, "", nil and empty collections are
 * false), `default d v` replaces only nil and "".
 */
import { invalidInput } from '../../errors.js';
import type { Node } from './ast.js';
import { TemplateError } from './error.js';
import { execute, type OutputSpan } from './executor.js';
import { parse } from './parser.js';

export { TemplateError };
export type { OutputSpan };

const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

/** A parsed template, ready to execute any number of times. */
export class Template {
  private constructor(private readonly nodes: Node[]) {}

  static parse(source: string): Template {
    return new Template(parse(source));
  }

  /** Renders with `data` as `.` (and `$`). */
  execute(data: unknown, limits: { maxOutputBytes?: number } = {}): string {
    return this.render(data, limits).text;
  }

  /** Renders, also saying where each action's printed value landed in the text. */
  render(data: unknown, limits: { maxOutputBytes?: number } = {}): { text: string; spans: OutputSpan[] } {
    return execute(this.nodes, data, limits.maxOutputBytes ?? MAX_OUTPUT_BYTES);
  }
}

/** Parsed templates by source text: catalog manifests are parsed once per process. */
const parsed = new Map<string, Template>();
const MAX_CACHED = 512;

function parseCached(source: string): Template {
  let template = parsed.get(source);
  if (!template) {
    template = Template.parse(source);
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(source, template);
  }
  return template;
}

/**
 * Parses and renders a template; errors become AicrErrors naming `origin` and the line. The
 * spans say where each action's printed value landed (see {@link OutputSpan}).
 */
export function renderTemplate(source: string, data: unknown, origin: string): { text: string; spans: OutputSpan[] } {
  try {
    return parseCached(source).render(data);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw invalidInput(`${origin}:${error.line}: ${error.message}`, {
        location: { file: origin, line: error.line },
        hint: 'manifests are Go text/template files; fix the template syntax or the values it reads',
      });
    }
    throw error;
  }
}
