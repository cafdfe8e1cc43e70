/** Runs a parsed template against data, within step and output budgets. */
import { compareStrings, isPlainObject } from '../../serialize.js';
import type { Command, Node, Operand, Pipeline } from './ast.js';
import { TemplateError } from './error.js';
import { printValue } from './format.js';
import { callFunction } from './functions.js';
import { GoStringer, goType, NO_VALUE, truthy } from './values.js';

/** Variables: each block opens a scope, and `=` assigns the nearest declaration. */
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

/** Thrown to unwind to the enclosing `range`. */
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

/** Most nodes a template may execute: a hostile `range` must not hang or exhaust memory. */
const MAX_STEPS = 2_000_000;
/**
 * Most text functions may produce in all, as a multiple of the output budget: values built and
 * thrown away (`$x = printf "%s%s" $x $x` in a range) cost memory and time without ever being
 * printed, so the output budget alone would not stop them.
 */
const PRODUCED_PER_OUTPUT_BYTE = 8;

/**
 * Where an action's printed value landed in the output (UTF-16 offsets), so a caller can check
 * that values did not change the shape of what the template's own text builds.
 */
export interface OutputSpan {
  start: number;
  end: number;
  /** Template line of the action. */
  line: number;
  /** The action formats its value as YAML (`toYaml`, or `quote` last): it may be a whole node. */
  structured: boolean;
}

class ExecState {
  readonly out: string[] = [];
  readonly spans: OutputSpan[] = [];
  private size = 0;
  private steps = 0;
  private produced = 0;

  constructor(private readonly maxBytes: number) {}

  /** Counts text a function made against the budget; one value may not exceed the output budget. */
  private charge(value: unknown, name: string, line: number): unknown {
    if (typeof value !== 'string') return value;
    if (value.length > this.maxBytes) throw new TemplateError(`error calling ${name}: its result exceeds ${this.maxBytes} bytes`, line);
    this.produced += value.length;
    if (this.produced > this.maxBytes * PRODUCED_PER_OUTPUT_BYTE) throw new TemplateError(`functions produce more than ${this.maxBytes * PRODUCED_PER_OUTPUT_BYTE} bytes of text (a runaway loop?)`, line);
    return value;
  }

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
          if (node.pipe.vars.length > 0) break;
          const start = this.size;
          this.emit(printValue(value), node.pipe.line);
          if (this.size > start) this.spans.push({ start, end: this.size, line: node.pipe.line, structured: callsToYaml(node.pipe) || endsQuoted(node.pipe) });
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
      return this.charge(callFunction(head!.name, rest, piped, (operand) => this.operand(operand, dot, scope, line), line), head!.name, line);
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
        return this.charge(callFunction(operand.name, [], undefined, () => undefined, line), operand.name, line);
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
    if (node instanceof GoStringer && field === 'String') {
      node = node.text;
      continue;
    }
    if (!isPlainObject(node)) throw new TemplateError(`can't evaluate field ${field} in type ${goType(node)}`, line);
    node = Object.prototype.hasOwnProperty.call(node, field) ? node[field] : NO_VALUE;
  }
  return node;
}

/** Whether a pipeline (or one nested in it) calls `toYaml`. */
/** The pipeline's last command is `quote`: its text is one whole double-quoted scalar. */
function endsQuoted(pipe: Pipeline): boolean {
  const last = pipe.commands.at(-1)?.args[0];
  return last?.kind === 'func' && last.name === 'quote';
}

function callsToYaml(pipe: Pipeline): boolean {
  return pipe.commands.some((command) => command.args.some((operand) => (operand.kind === 'func' && operand.name === 'toYaml') || (operand.kind === 'pipe' && callsToYaml(operand.pipe))));
}

/** Renders `nodes` with `data` as `.` and `$`, failing past `maxBytes` of output. */
export function execute(nodes: Node[], data: unknown, maxBytes: number): { text: string; spans: OutputSpan[] } {
  const state = new ExecState(maxBytes);
  state.run(nodes, data, new Scope(undefined, { $: data }));
  return { text: state.out.join(''), spans: state.spans };
}
