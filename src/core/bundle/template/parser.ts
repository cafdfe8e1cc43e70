/** Parses lexer tokens into the statement tree and each action's pipeline. */
import type { Command, Node, Operand, Pipeline } from './ast.js';
import { TemplateError } from './error.js';
import { FUNCTIONS } from './functions.js';
import { lexExpression, tokenize, type ExprToken, type Token } from './lexer.js';

/**
 * Deepest nesting of parentheses, and of blocks (`if`, `range`, `with`, `else if` chains), a
 * template may have: parsing and running recurse per level, so a hostile template must not
 * reach the stack's end. Real manifests nest a handful of levels.
 */
const MAX_NESTING = 100;

/** One action's tokens into a pipeline: `$v := cmd arg | cmd`, with `( … )` nesting. */
class ExpressionParser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: ExprToken[], private readonly line: number) {}

  private fail(message: string): never {
    throw new TemplateError(message, this.line);
  }

  private peek(): ExprToken | undefined {
    return this.tokens[this.position];
  }

  atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  /** A full pipeline, optionally starting with variable declarations. */
  pipeline(allowDeclaration: boolean, allowTwoVars = false): Pipeline {
    const pipe: Pipeline = { vars: [], assign: false, commands: [], line: this.line };
    if (allowDeclaration) {
      const save = this.position;
      const first = this.peek();
      if (first?.kind === 'var') {
        const names = [first.name];
        this.position++;
        let next = this.peek();
        if (allowTwoVars && next?.kind === 'punct' && next.value === ',') {
          this.position++;
          const second = this.peek();
          if (second?.kind !== 'var') this.fail('expected a variable after ","');
          names.push((second as { name: string }).name);
          this.position++;
          next = this.peek();
        }
        if (next?.kind === 'punct' && (next.value === ':=' || next.value === '=')) {
          this.position++;
          pipe.vars = names;
          pipe.assign = next.value === '=';
        } else this.position = save;
      }
    }
    for (;;) {
      const command = this.command();
      pipe.commands.push(command);
      const next = this.peek();
      if (next?.kind === 'punct' && next.value === '|') {
        this.position++;
        continue;
      }
      break;
    }
    return pipe;
  }

  private command(): Command {
    const args: Operand[] = [];
    for (;;) {
      const token = this.peek();
      if (!token || (token.kind === 'punct' && (token.value === '|' || token.value === ')'))) break;
      args.push(this.operand());
    }
    if (args.length === 0) this.fail('missing value for command');
    return { args };
  }

  private fields(): string[] {
    const out: string[] = [];
    for (let next = this.peek(); next?.kind === 'field' && next.joined; next = this.peek()) {
      out.push(next.name);
      this.position++;
    }
    return out;
  }

  private operand(): Operand {
    const token = this.tokens[this.position++]!;
    switch (token.kind) {
      case 'dot':
        return { kind: 'dot', fields: [] };
      case 'field':
        return { kind: 'dot', fields: [token.name, ...this.fields()] };
      case 'var':
        return { kind: 'var', name: token.name, fields: this.fields() };
      case 'string':
        return { kind: 'literal', value: token.value };
      case 'number':
        return { kind: 'literal', value: token.value };
      case 'ident':
        if (token.name === 'true' || token.name === 'false') return { kind: 'literal', value: token.name === 'true' };
        if (token.name === 'nil') return { kind: 'literal', value: null };
        if (!FUNCTIONS.has(token.name)) this.fail(`function "${token.name}" not defined`);
        return { kind: 'func', name: token.name };
      case 'punct':
        if (token.value === '(') {
          if (++this.depth > MAX_NESTING) this.fail(`parentheses nest deeper than ${MAX_NESTING} levels`);
          const pipe = this.pipeline(false);
          this.depth--;
          const close = this.tokens[this.position++];
          if (close?.kind !== 'punct' || close.value !== ')') this.fail('unclosed left paren');
          return { kind: 'pipe', pipe, fields: this.fields() };
        }
        return this.fail(`unexpected "${token.value}" in operand`);
    }
  }
}

/** Text and action tokens into nodes, matching `if`/`with`/`range` with `else` and `end`. */
class StatementParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  current(): Token | undefined {
    return this.tokens[this.position];
  }

  private nesting = 0;

  /** Parses nodes until a keyword in `stops` (left unconsumed) or the end. */
  list(stops: ReadonlySet<string>, rangeDepth: number): Node[] {
    const nodes: Node[] = [];
    while (this.position < this.tokens.length) {
      const token = this.tokens[this.position]!;
      if (token.kind === 'text') {
        nodes.push({ kind: 'text', text: token.text });
        this.position++;
        continue;
      }
      const body = token.body.trim();
      if (body.startsWith('/*')) {
        if (!body.endsWith('*/')) throw new TemplateError('comment ends before closing delimiter', token.line);
        this.position++;
        continue;
      }
      const keyword = /^[a-z]+/.exec(body)?.[0] ?? '';
      if (stops.has(keyword)) return nodes;
      this.position++;
      switch (keyword) {
        case 'if':
        case 'with':
          nodes.push(this.conditional(keyword, body.slice(keyword.length), token.line, rangeDepth));
          break;
        case 'range':
          nodes.push(this.range(body.slice(5), token.line, rangeDepth));
          break;
        case 'break':
        case 'continue':
          if (body !== keyword) throw new TemplateError(`unexpected text after {{${keyword}}}`, token.line);
          if (rangeDepth === 0) throw new TemplateError(`{{${keyword}}} outside {{range}}`, token.line);
          nodes.push({ kind: keyword, line: token.line });
          break;
        case 'end':
        case 'else':
          throw new TemplateError(`unexpected {{${keyword}}}`, token.line);
        case 'define':
        case 'template':
        case 'block':
          throw new TemplateError(`{{${keyword}}} is not supported in recipe manifests`, token.line);
        default:
          nodes.push({ kind: 'output', pipe: parsePipeline(body, token.line, true) });
      }
    }
    return nodes;
  }

  /** Counts one more level of block nesting (an `else if` counts: it nests in the parse). */
  private enter(line: number): void {
    if (++this.nesting > MAX_NESTING) throw new TemplateError(`blocks nest deeper than ${MAX_NESTING} levels`, line);
  }

  private conditional(kind: 'if' | 'with', rest: string, line: number, rangeDepth: number): Node {
    this.enter(line);
    try {
      return this.conditionalBody(kind, rest, line, rangeDepth);
    } finally {
      this.nesting--;
    }
  }

  private conditionalBody(kind: 'if' | 'with', rest: string, line: number, rangeDepth: number): Node {
    const pipe = parsePipeline(rest, line, true);
    const body = this.list(new Set(['else', 'end']), rangeDepth);
    const closing = this.expectClosing(line, kind);
    let otherwise: Node[] | undefined;
    if (closing.keyword === 'else') {
      const chained = closing.rest.trim();
      if (chained.startsWith('if ') || chained.startsWith('with ')) {
        const nestedKind = chained.startsWith('if ') ? 'if' : 'with';
        // `else if`/`else with` share the outer {{end}}.
        otherwise = [this.conditional(nestedKind, chained.slice(nestedKind.length), closing.line, rangeDepth)];
        return { kind, pipe, body, otherwise };
      }
      if (chained !== '') throw new TemplateError(`unexpected "${chained}" after else`, closing.line);
      otherwise = this.list(new Set(['end', 'else']), rangeDepth);
      const end = this.expectClosing(line, kind);
      if (end.keyword !== 'end') throw new TemplateError('expected {{end}} after {{else}} branch', end.line);
    }
    return { kind, pipe, body, otherwise };
  }

  private range(rest: string, line: number, rangeDepth: number): Node {
    this.enter(line);
    try {
      return this.rangeBody(rest, line, rangeDepth);
    } finally {
      this.nesting--;
    }
  }

  private rangeBody(rest: string, line: number, rangeDepth: number): Node {
    const pipe = parsePipeline(rest, line, true, true);
    const body = this.list(new Set(['else', 'end']), rangeDepth + 1);
    const closing = this.expectClosing(line, 'range');
    let otherwise: Node[] | undefined;
    if (closing.keyword === 'else') {
      if (closing.rest.trim() !== '') throw new TemplateError('unexpected text after {{else}} in range', closing.line);
      otherwise = this.list(new Set(['end', 'else']), rangeDepth);
      const end = this.expectClosing(line, 'range');
      if (end.keyword !== 'end') throw new TemplateError('expected {{end}} after {{else}} branch', end.line);
    }
    return { kind: 'range', pipe, body, otherwise };
  }

  private expectClosing(openLine: number, what: string): { keyword: string; rest: string; line: number } {
    const token = this.tokens[this.position];
    if (!token || token.kind !== 'action') throw new TemplateError(`unexpected EOF: {{${what}}} opened on line ${openLine} has no {{end}}`, openLine);
    this.position++;
    const body = token.body.trim();
    const keyword = /^[a-z]+/.exec(body)![0];
    if (keyword === 'end' && body !== 'end') throw new TemplateError('unexpected text after {{end}}', token.line);
    return { keyword, rest: body.slice(keyword.length), line: token.line };
  }
}

function parsePipeline(body: string, line: number, allowDeclaration: boolean, allowTwoVars = false): Pipeline {
  const tokens = lexExpression(body, line);
  if (tokens.length === 0) throw new TemplateError('missing value for command', line);
  const parser = new ExpressionParser(tokens, line);
  const pipe = parser.pipeline(allowDeclaration, allowTwoVars);
  if (!parser.atEnd()) throw new TemplateError('unexpected token in pipeline', line);
  return pipe;
}

/** Parses a whole template into its top-level nodes. */
export function parse(source: string): Node[] {
  const parser = new StatementParser(tokenize(source));
  const nodes = parser.list(new Set(), 0);
  if (!parser.atEnd()) {
    const token = parser.current()!;
    throw new TemplateError(`unexpected {{${token.kind === 'action' ? token.body.trim() : ''}}}`, token.line);
  }
  return nodes;
}
