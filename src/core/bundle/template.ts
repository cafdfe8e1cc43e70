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
import { AicrError, invalidInput } from '../errors.js';
import { compareStrings, isPlainObject, toYaml } from '../serialize.js';

/** Thrown for syntax and execution errors; `line` is 1-based within the template. */
export class TemplateError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'TemplateError';
  }
}

// ---------------------------------------------------------------------------------------------
// Lexing: text and actions

type Token =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'action'; body: string; line: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  let line = 1;
  let trimNextText = false;
  while (position < source.length) {
    const open = source.indexOf('{{', position);
    let text = open < 0 ? source.slice(position) : source.slice(position, open);
    if (trimNextText) text = text.replace(/^\s+/, '');
    trimNextText = false;
    const textLine = line;
    line += countNewlines(source, position, open < 0 ? source.length : open);
    if (open < 0) {
      if (text) tokens.push({ kind: 'text', text, line: textLine });
      break;
    }
    const leftTrim = source.startsWith('{{- ', open) || source.startsWith('{{-\t', open) || source.startsWith('{{-\n', open) || source.startsWith('{{-\r', open);
    if (leftTrim) text = text.replace(/\s+$/, '');
    if (text) tokens.push({ kind: 'text', text, line: textLine });
    const bodyStart = open + (leftTrim ? 3 : 2);
    const close = findActionEnd(source, bodyStart, line);
    let bodyEnd = close;
    const rightTrim = close - 2 >= bodyStart && source[close - 1] === '-' && /\s/.test(source[close - 2] ?? '');
    if (rightTrim) bodyEnd = close - 1;
    tokens.push({ kind: 'action', body: source.slice(bodyStart, bodyEnd), line });
    line += countNewlines(source, open, close + 2);
    position = close + 2;
    trimNextText = rightTrim;
  }
  return tokens;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** Index of the `}}` closing an action, skipping quoted strings and comments. */
function findActionEnd(source: string, from: number, line: number): number {
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"' || ch === '`' || ch === "'") {
      const quote = ch;
      i++;
      while (i < source.length && source[i] !== quote) {
        if (source[i] === '\\' && quote !== '`') i++;
        if (source[i] === '\n' && quote !== '`') throw new TemplateError('unterminated quoted string', line);
        i++;
      }
      if (i >= source.length) throw new TemplateError('unterminated quoted string', line);
      i++;
      continue;
    }
    if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new TemplateError('unclosed comment', line);
      i = end + 2;
      continue;
    }
    if (ch === '}' && source[i + 1] === '}') return i;
    i++;
  }
  throw new TemplateError('unclosed action', line);
}

// ---------------------------------------------------------------------------------------------
// Expressions

type Operand =
  | { kind: 'dot'; fields: string[] }
  | { kind: 'var'; name: string; fields: string[] }
  | { kind: 'func'; name: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'pipe'; pipe: Pipeline; fields: string[] };

interface Command {
  args: Operand[];
}

interface Pipeline {
  /** Variables declared (`:=`) or assigned (`=`) by the pipeline. */
  vars: string[];
  assign: boolean;
  commands: Command[];
  line: number;
}

type ExprToken =
  | { kind: 'field'; name: string; joined: boolean }
  | { kind: 'var'; name: string }
  | { kind: 'ident'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'punct'; value: '(' | ')' | '|' | ':=' | '=' | ',' }
  | { kind: 'dot' };

function lexExpression(body: string, line: number): ExprToken[] {
  const tokens: ExprToken[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new TemplateError(message, line);
  };
  while (i < body.length) {
    const ch = body[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === '|' || ch === ',') {
      tokens.push({ kind: 'punct', value: ch });
      i++;
      continue;
    }
    if (ch === ':' && body[i + 1] === '=') {
      tokens.push({ kind: 'punct', value: ':=' });
      i += 2;
      continue;
    }
    if (ch === '=') {
      tokens.push({ kind: 'punct', value: '=' });
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < body.length && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
      if (j >= body.length) fail('unterminated quoted string');
      tokens.push({ kind: 'string', value: unquoteGoString(body.slice(i, j + 1), line) });
      i = j + 1;
      continue;
    }
    if (ch === '`') {
      const j = body.indexOf('`', i + 1);
      if (j < 0) fail('unterminated raw quoted string');
      tokens.push({ kind: 'string', value: body.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const match = /^'(\\.|[^'\\])'/.exec(body.slice(i));
      if (!match) fail('malformed character constant');
      const inner = unquoteGoString(`"${match![1]}"`, line);
      tokens.push({ kind: 'number', value: inner.codePointAt(0)! });
      i += match![0].length;
      continue;
    }
    if (ch === '.' && /[A-Za-z_]/.test(body[i + 1] ?? '')) {
      const match = /^\.[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(i))!;
      // A field right after an operand (no space) continues its chain: `$x.a`, `(pipe).a`, `.a.b`.
      tokens.push({ kind: 'field', name: match[0].slice(1), joined: i > 0 && !/\s/.test(body[i - 1]!) && body[i - 1] !== '(' && body[i - 1] !== '|' });
      i += match[0].length;
      continue;
    }
    if (ch === '.' && !/[0-9]/.test(body[i + 1] ?? '')) {
      tokens.push({ kind: 'dot' });
      i++;
      continue;
    }
    if (ch === '$') {
      const match = /^\$[A-Za-z0-9_]*/.exec(body.slice(i))!;
      tokens.push({ kind: 'var', name: match[0] });
      i += match[0].length;
      continue;
    }
    const number = /^[+-]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?)/.exec(body.slice(i));
    if (number && (/[0-9]/.test(ch) || ((ch === '-' || ch === '+' || ch === '.') && /[0-9.]/.test(body[i + 1] ?? '')))) {
      const text = number[0].replaceAll('_', '');
      const value = /^[+-]?0[oO]/.test(text) ? parseInt(text.replace(/0[oO]/, ''), 8) * (text.startsWith('-') ? -1 : 1)
        : /^[+-]?0[bB]/.test(text) ? parseInt(text.replace(/0[bB]/, ''), 2) * (text.startsWith('-') ? -1 : 1)
          : Number(text);
      if (!Number.isFinite(value)) fail(`bad number syntax: ${number[0]}`);
      tokens.push({ kind: 'number', value });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', name: ident[0] });
      i += ident[0].length;
      continue;
    }
    fail(`unexpected "${ch}" in command`);
  }
  return tokens;
}

function unquoteGoString(quoted: string, line: number): string {
  try {
    // Go escapes are a superset of JSON's except \a \v \x.. and octal; map the common ones.
    const json = quoted
      .replace(/\\a/g, '\\u0007')
      .replace(/\\v/g, '\\u000b')
      .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')
      .replace(/\\'/g, "'");
    return JSON.parse(json) as string;
  } catch {
    throw new TemplateError(`malformed string literal ${quoted}`, line);
  }
}

class ExpressionParser {
  private position = 0;

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
          const pipe = this.pipeline(false);
          const close = this.tokens[this.position++];
          if (close?.kind !== 'punct' || close.value !== ')') this.fail('unclosed left paren');
          return { kind: 'pipe', pipe, fields: this.fields() };
        }
        return this.fail(`unexpected "${token.value}" in operand`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Statements

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'output'; pipe: Pipeline }
  | { kind: 'if' | 'with'; pipe: Pipeline; body: Node[]; otherwise: Node[] | undefined }
  | { kind: 'range'; pipe: Pipeline; body: Node[]; otherwise: Node[] | undefined }
  | { kind: 'break' | 'continue'; line: number };

/** A parsed template, ready to execute any number of times. */
export class Template {
  private constructor(private readonly nodes: Node[]) {}

  static parse(source: string): Template {
    const tokens = tokenize(source);
    const parser = new StatementParser(tokens);
    const nodes = parser.list(new Set(), 0);
    if (!parser.atEnd()) {
      const token = parser.current()!;
      throw new TemplateError(`unexpected {{${token.kind === 'action' ? token.body.trim() : ''}}}`, token.line);
    }
    return new Template(nodes);
  }

  /** Renders with `data` as `.` (and `$`). */
  execute(data: unknown, limits: { maxOutputBytes?: number } = {}): string {
    const state = new ExecState(limits.maxOutputBytes ?? 8 * 1024 * 1024);
    state.run(this.nodes, data, new Scope(undefined, { $: data }));
    return state.out.join('');
  }
}

class StatementParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  current(): Token | undefined {
    return this.tokens[this.position];
  }

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

  private conditional(kind: 'if' | 'with', rest: string, line: number, rangeDepth: number): Node {
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

// ---------------------------------------------------------------------------------------------
// Execution

class Scope {
  private readonly vars: Map<string, unknown>;

  constructor(readonly parent: Scope | undefined, initial: Record<string, unknown> = {}) {
    this.vars = new Map(Object.entries(initial));
  }

  declare(name: string, value: unknown): void {
    this.vars.set(name, value);
  }

  assign(name: string, value: unknown, line: number): void {
    if (this.vars.has(name)) this.vars.set(name, value);
    else if (this.parent) this.parent.assign(name, value, line);
    else throw new TemplateError(`undefined variable: ${name}`, line);
  }

  lookup(name: string, line: number): unknown {
    if (this.vars.has(name)) return this.vars.get(name);
    if (this.parent) return this.parent.lookup(name, line);
    throw new TemplateError(`undefined variable: ${name}`, line);
  }
}

/** Marks "no value" (a missing map key), which prints as `<no value>`. */
const NO_VALUE: unique symbol = Symbol('no value');
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

/** Most nodes a template may execute: a hostile `range` must not hang or exhaust memory. */
const MAX_STEPS = 2_000_000;

class ExecState {
  readonly out: string[] = [];
  private size = 0;
  private steps = 0;

  constructor(private readonly maxBytes: number) {}

  private step(line: number): void {
    if (++this.steps > MAX_STEPS) throw new TemplateError(`execution exceeds ${MAX_STEPS} steps (a range too large?)`, line);
  }

  private emit(text: string, line: number): void {
    this.size += text.length;
    if (this.size > this.maxBytes) throw new TemplateError(`output exceeds ${this.maxBytes} bytes`, line);
    this.out.push(text);
  }

  run(nodes: Node[], dot: unknown, scope: Scope): void {
    for (const node of nodes) {
      this.step(node.kind === 'text' ? 0 : (node as { pipe?: { line: number } }).pipe?.line ?? 0);
      switch (node.kind) {
        case 'text':
          this.emit(node.text, 0);
          break;
        case 'output': {
          const value = this.pipeline(node.pipe, dot, scope);
          if (node.pipe.vars.length === 0) this.emit(printValue(value), node.pipe.line);
          break;
        }
        case 'if':
        case 'with': {
          const inner = new Scope(scope);
          const value = this.pipeline(node.pipe, dot, inner);
          if (truthy(value)) this.run(node.body, node.kind === 'with' ? value : dot, inner);
          else if (node.otherwise) this.run(node.otherwise, dot, inner);
          break;
        }
        case 'range':
          this.range(node, dot, scope);
          break;
        case 'break':
          throw BREAK;
        case 'continue':
          throw CONTINUE;
      }
    }
  }

  private range(node: Extract<Node, { kind: 'range' }>, dot: unknown, scope: Scope): void {
    const outer = new Scope(scope);
    const declared = node.pipe.vars;
    const value = this.pipeline({ ...node.pipe, vars: [] }, dot, outer);
    let entries: Iterable<[unknown, unknown]>;
    let count: number;
    if (Array.isArray(value)) {
      entries = value.map((item, index) => [index, item] as [unknown, unknown]);
      count = value.length;
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value).sort(compareStrings);
      entries = keys.map((key) => [key, value[key]] as [unknown, unknown]);
      count = keys.length;
    } else if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
      // Counted lazily: `range 100000000` must meet the step limit, not allocate first.
      entries = (function* (n: number) {
        for (let index = 0; index < n; index++) yield [index, index] as [unknown, unknown];
      })(value);
      count = value;
    } else if (value === null || value === undefined || value === NO_VALUE) {
      entries = [];
      count = 0;
    } else throw new TemplateError(`range can't iterate over ${printValue(value)}`, node.pipe.line);
    if (count === 0) {
      if (node.otherwise) this.run(node.otherwise, dot, outer);
      return;
    }
    for (const [key, item] of entries) {
      this.step(node.pipe.line);
      const inner = new Scope(outer);
      if (declared.length === 1) inner.declare(declared[0]!, item);
      if (declared.length === 2) {
        inner.declare(declared[0]!, key);
        inner.declare(declared[1]!, item);
      }
      try {
        this.run(node.body, item, inner);
      } catch (signal) {
        if (signal === BREAK) break;
        if (signal === CONTINUE) continue;
        throw signal;
      }
    }
  }

  pipeline(pipe: Pipeline, dot: unknown, scope: Scope): unknown {
    let value: unknown = NO_VALUE;
    let first = true;
    for (const command of pipe.commands) {
      value = this.command(command, dot, scope, first ? undefined : { value }, pipe.line);
      first = false;
    }
    if (pipe.vars.length > 0) {
      if (pipe.assign) scope.assign(pipe.vars[0]!, value, pipe.line);
      else scope.declare(pipe.vars[0]!, value);
    }
    return value;
  }

  private command(command: Command, dot: unknown, scope: Scope, piped: { value: unknown } | undefined, line: number): unknown {
    const [head, ...rest] = command.args;
    if (head!.kind === 'func') {
      return callFunction(head!.name, rest, piped, (operand) => this.operand(operand, dot, scope, line), line);
    }
    if (rest.length > 0 || piped) {
      throw new TemplateError(`can't give argument to non-function ${describeOperand(head!)}`, line);
    }
    return this.operand(head!, dot, scope, line);
  }

  operand(operand: Operand, dot: unknown, scope: Scope, line: number): unknown {
    switch (operand.kind) {
      case 'literal':
        return operand.value;
      case 'dot':
        return walkFields(dot, operand.fields, line);
      case 'var':
        return walkFields(scope.lookup(operand.name, line), operand.fields, line);
      case 'pipe':
        return walkFields(this.pipeline(operand.pipe, dot, scope), operand.fields, line);
      case 'func':
        return callFunction(operand.name, [], undefined, () => undefined, line);
    }
  }
}

function describeOperand(operand: Operand): string {
  switch (operand.kind) {
    case 'dot':
      return operand.fields.length ? `.${operand.fields.join('.')}` : 'dot';
    case 'var':
      return operand.name + operand.fields.map((f) => `.${f}`).join('');
    case 'literal':
      return JSON.stringify(operand.value);
    default:
      return 'value';
  }
}

function walkFields(value: unknown, fields: readonly string[], line: number): unknown {
  let node = value;
  for (const field of fields) {
    if (node === NO_VALUE || node === null || node === undefined) {
      node = NO_VALUE;
      continue;
    }
    if (!isPlainObject(node)) throw new TemplateError(`can't evaluate field ${field} in type ${goType(node)}`, line);
    node = Object.prototype.hasOwnProperty.call(node, field) ? node[field] : NO_VALUE;
  }
  return node;
}

function goType(value: unknown): string {
  if (Array.isArray(value)) return '[]interface {}';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (typeof value === 'bigint') return 'int64';
  return 'interface {}';
}

function isNil(value: unknown): boolean {
  return value === null || value === undefined || value === NO_VALUE;
}

function truthy(value: unknown): boolean {
  if (isNil(value)) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** Go's `%v` for plain data. */
function formatGoValue(value: unknown, top = true): string {
  if (value === NO_VALUE) return top ? '<no value>' : '<nil>';
  if (value === null || value === undefined) return top ? '<no value>' : '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatGoNumber(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => formatGoValue(item, false)).join(' ')}]`;
  if (isPlainObject(value)) {
    return `map[${Object.keys(value).sort(compareStrings).map((key) => `${key}:${formatGoValue(value[key], false)}`).join(' ')}]`;
  }
  return String(value);
}

/** Go formats float64 with `%v` as `strconv.FormatFloat(f, 'g', -1, 64)`: exponent from 1e21. */
function formatGoNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -4 || exponent >= 21) {
    const [mantissa, exp] = value.toExponential().split('e') as [string, string];
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(value);
}

function printValue(value: unknown): string {
  return formatGoValue(value);
}

// ---------------------------------------------------------------------------------------------
// Functions

type Evaluate = (operand: Operand) => unknown;

const FUNCTIONS = new Set(['and', 'or', 'not', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'index', 'len', 'print', 'printf', 'println', 'toYaml', 'nindent', 'indent', 'toString', 'default']);

function callFunction(name: string, operands: Operand[], piped: { value: unknown } | undefined, evaluate: Evaluate, line: number): unknown {
  const fail = (message: string): never => {
    throw new TemplateError(`error calling ${name}: ${message}`, line);
  };
  // and/or evaluate lazily, left to right, the piped value last.
  if (name === 'and' || name === 'or') {
    const thunks: Array<() => unknown> = operands.map((operand) => () => evaluate(operand));
    if (piped) thunks.push(() => piped.value);
    if (thunks.length === 0) fail('wrong number of args: want at least 1 got 0');
    let value: unknown;
    for (const thunk of thunks) {
      value = thunk();
      if (name === 'and' ? !truthy(value) : truthy(value)) return value;
    }
    return value;
  }
  const args = operands.map((operand) => evaluate(operand));
  if (piped) args.push(piped.value);
  const want = (count: number): void => {
    if (args.length !== count) fail(`wrong number of args for ${name}: want ${count} got ${args.length}`);
  };
  switch (name) {
    case 'not':
      want(1);
      return !truthy(args[0]);
    case 'eq': {
      if (args.length < 2) fail('missing argument for comparison');
      const [first, ...others] = args;
      return others.some((other) => basicEqual(first, other, fail));
    }
    case 'ne':
      want(2);
      return !basicEqual(args[0], args[1], fail);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      want(2);
      const [a, b] = args;
      if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) fail('incompatible types for comparison');
      const less = (a as number | string) < (b as number | string);
      const equal = a === b;
      return name === 'lt' ? less : name === 'le' ? less || equal : name === 'gt' ? !less && !equal : !less;
    }
    case 'index': {
      if (args.length < 1) fail('wrong number of args for index: want at least 1 got 0');
      let node = args[0];
      for (const key of args.slice(1)) {
        if (isNil(node)) fail('index of untyped nil');
        if (Array.isArray(node)) {
          if (typeof key !== 'number' || !Number.isInteger(key)) fail(`cannot index slice/array with type ${goType(key)}`);
          if ((key as number) < 0 || (key as number) >= node.length) fail(`index out of range: ${String(key)}`);
          node = node[key as number];
        } else if (isPlainObject(node)) {
          if (typeof key !== 'string') fail(`value has type ${goType(key)}; should be string`);
          node = Object.prototype.hasOwnProperty.call(node, key as string) ? node[key as string] : NO_VALUE;
        } else fail(`can't index item of type ${goType(node)}`);
      }
      return node;
    }
    case 'len': {
      want(1);
      const value = args[0];
      if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
      if (Array.isArray(value)) return value.length;
      if (isPlainObject(value)) return Object.keys(value).length;
      return fail(`len of type ${isNil(value) ? 'nil' : goType(value)}`);
    }
    case 'print':
      return goSprint(args);
    case 'println':
      return args.map((arg) => formatGoValue(arg, false)).join(' ') + '\n';
    case 'printf': {
      if (args.length < 1 || typeof args[0] !== 'string') fail('printf needs a format string');
      return goSprintf(args[0] as string, args.slice(1));
    }
    case 'toYaml': {
      want(1);
      const value = args[0] === NO_VALUE ? null : args[0];
      return toYaml(value, { sortKeys: true }).replace(/\n$/, '');
    }
    case 'nindent':
    case 'indent': {
      want(2);
      const [count, text] = args;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1000) fail('indent must be a small non-negative integer');
      const pad = ' '.repeat(count as number);
      const body = formatGoValue(text, false).split('\n').map((lineText) => (lineText === '' ? lineText : pad + lineText)).join('\n');
      return name === 'nindent' ? `\n${body}` : body;
    }
    case 'toString':
      want(1);
      return formatGoValue(args[0], false);
    case 'default': {
      want(2);
      const [fallback, value] = args;
      return isNil(value) || value === '' ? fallback : value;
    }
    default:
      return fail('function not defined');
  }
}

function basicEqual(a: unknown, b: unknown, fail: (message: string) => never): boolean {
  const norm = (value: unknown): unknown => (value === NO_VALUE || value === undefined ? null : value);
  const x = norm(a);
  const y = norm(b);
  if (x === null || y === null) return x === y;
  if (typeof x !== typeof y && !(typeof x === 'number' && typeof y === 'bigint') && !(typeof x === 'bigint' && typeof y === 'number')) {
    return fail('incompatible types for comparison');
  }
  if (typeof x === 'object') return fail('non-comparable type');
  return x == y;
}

function goSprint(args: unknown[]): string {
  let out = '';
  args.forEach((arg, index) => {
    // fmt.Sprint adds a space between operands when neither side is a string.
    if (index > 0 && typeof arg !== 'string' && typeof args[index - 1] !== 'string') out += ' ';
    out += formatGoValue(arg, false);
  });
  return out;
}

function goSprintf(format: string, args: unknown[]): string {
  let argIndex = 0;
  return format.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_match, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (argIndex >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[argIndex++];
    let text: string;
    switch (verb) {
      case 'v':
      case 's':
        text = formatGoValue(arg, false);
        break;
      case 'q':
        text = JSON.stringify(formatGoValue(arg, false));
        break;
      case 'd':
        text = typeof arg === 'number' && Number.isInteger(arg) ? String(arg) : typeof arg === 'bigint' ? String(arg) : `%!d(${goType(arg)}=${formatGoValue(arg, false)})`;
        break;
      case 'f':
      case 'F':
        text = typeof arg === 'number' ? arg.toFixed(precision === undefined ? 6 : Number(precision)) : `%!f(${goType(arg)}=${formatGoValue(arg, false)})`;
        break;
      case 'g':
        text = typeof arg === 'number' ? formatGoNumber(arg) : `%!g(${goType(arg)}=${formatGoValue(arg, false)})`;
        break;
      case 't':
        text = typeof arg === 'boolean' ? String(arg) : `%!t(${goType(arg)}=${formatGoValue(arg, false)})`;
        break;
      case 'x':
        text = typeof arg === 'number' && Number.isInteger(arg) ? arg.toString(16) : Buffer.from(formatGoValue(arg, false)).toString('hex');
        break;
      default:
        return `%!${verb}(${goType(arg)}=${formatGoValue(arg, false)})`;
    }
    if (width !== undefined && text.length < Number(width)) {
      text = flags.includes('-') ? text.padEnd(Number(width)) : text.padStart(Number(width), flags.includes('0') && verb !== 's' ? '0' : ' ');
    }
    return text;
  }) + (argIndex < args.length ? `%!(EXTRA ${args.slice(argIndex).map((arg) => `${goType(arg)}=${formatGoValue(arg, false)}`).join(', ')})` : '');
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

/** Parses and renders a template; errors become AicrErrors naming `origin` and the line. */
export function renderTemplate(source: string, data: unknown, origin: string): string {
  try {
    return parseCached(source).execute(data);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw invalidInput(`${origin}:${error.line}: ${error.message}`, {
        location: { file: origin, line: error.line },
        hint: 'manifests are Go text/template files; fix the template syntax or the values it reads',
      });
    }
    if (error instanceof AicrError) throw error;
    throw error;
  }
}
