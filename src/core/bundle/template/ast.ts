/** The parsed form of a template: statements (nodes) holding pipelines of commands. */

export type Operand =
  | { kind: 'dot'; fields: string[] }
  | { kind: 'var'; name: string; fields: string[] }
  | { kind: 'func'; name: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'pipe'; pipe: Pipeline; fields: string[] };

export interface Command {
  args: Operand[];
}

export interface Pipeline {
  /** Variables declared (`:=`) or assigned (`=`) by the pipeline. */
  vars: string[];
  assign: boolean;
  commands: Command[];
  line: number;
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'output'; pipe: Pipeline }
  | { kind: 'if' | 'with'; pipe: Pipeline; body: Node[]; otherwise: Node[] | undefined }
  | { kind: 'range'; pipe: Pipeline; body: Node[]; otherwise: Node[] | undefined }
  | { kind: 'break' | 'continue'; line: number };

