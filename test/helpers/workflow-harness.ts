/**
 * Runs a GitHub Actions workflow's jobs here, step by step, the way the runner does for the parts
 * our example workflows use: `uses: nvidia/aicr[/actions/<x>]@<ref>` and `./actions/<x>` run this
 * checkout's action builds through the runner contract (runner.ts: INPUT_* variables with
 * action.yml's defaults, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), `run:` steps run in bash with
 * `-eo pipefail`, GITHUB_ENV carries variables to later steps, `${{ }}` expressions resolve
 * (steps.<id>.outputs / outcome, matrix, env, inputs, secrets, vars, github, runner) and `if:`
 * takes the simple expressions (==, !=, !, &&, ||, success(), failure(), always()).
 * actions/checkout copies the test's repository into the workspace; any other action is refused
 * unless the test stubs it. strategy.matrix (with include and exclude) runs one job per combination.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './paths.js';
import { prepareActionRun } from './runner.js';

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
type Context = Record<string, Value>;

/** A stand-in for a third-party action: gets the step's `with:`, returns its outputs. */
export type ActionStub = (inputs: Record<string, string>, workspace: string) => Record<string, string> | void;

export interface WorkflowOptions {
  /** The repository actions/checkout puts in the workspace (copied for each job). */
  repo?: string;
  /** workflow_dispatch inputs. */
  inputs?: Record<string, string | boolean>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** github context values besides the defaults (event_name, ref_name, repository, server_url, …). */
  github?: Record<string, string>;
  /** The runner's own environment (PATH, HOME, …). */
  env?: Record<string, string>;
  /** Third-party actions by name without the ref (`actions/upload-artifact`). */
  stubs?: Record<string, ActionStub>;
  /** Only these jobs. */
  jobs?: string[];
  timeoutMs?: number;
}

interface StepResult {
  name: string;
  id?: string;
  outcome: 'success' | 'failure' | 'skipped';
  code: number | null;
  outputs: Record<string, string>;
  log: string;
  /** The `with:` values the step ran with, expressions resolved. */
  inputs: Record<string, string>;
}

export interface JobResult {
  job: string;
  matrix: Record<string, string>;
  workspace: string;
  ok: boolean;
  steps: StepResult[];
  summary: string;
  step(idOrName: string): StepResult;
}

// ---------------------------------------------------------------------------- expressions

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|'((?:[^']|'')*)'|(==|!=|<=|>=|&&|\|\||[!<>().,[\]*])|([A-Za-z_][\w-]*))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) throw new Error(`workflow harness: cannot read expression at "${text.slice(at)}"`);
    if (match[1] !== undefined) tokens.push(`#${match[1]}`);
    else if (match[2] !== undefined) tokens.push(`'${match[2].replace(/''/g, "'")}`);
    else tokens.push(match[3] ?? match[4]!);
  }
  return tokens;
}

const truthy = (value: Value | undefined): boolean => !(value === null || value === undefined || value === false || value === '' || value === 0);
const text = (value: Value | undefined): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
const equal = (a: Value | undefined, b: Value | undefined): boolean => {
  if (typeof a === 'number' || typeof b === 'number' || typeof a === 'boolean' || typeof b === 'boolean') return Number(a ?? 0) === Number(b ?? 0);
  return text(a).toLowerCase() === text(b).toLowerCase();
};

/** Evaluates one expression (the text inside `${{ }}`) against the contexts and the job status. */
export function evaluate(expression: string, context: Context, status: { failed: boolean } = { failed: false }): Value {
  const tokens = tokenize(expression);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (expected?: string) => {
    const token = tokens[pos++];
    if (expected !== undefined && token !== expected) throw new Error(`workflow harness: expected ${expected} in "${expression}"`);
    return token;
  };
  const functions: Record<string, (args: Value[]) => Value> = {
    success: () => !status.failed,
    failure: () => status.failed,
    always: () => true,
    cancelled: () => false,
    contains: ([hay, needle]) => (Array.isArray(hay) ? hay.some((item) => equal(item, needle!)) : text(hay).toLowerCase().includes(text(needle).toLowerCase())),
    startsWith: ([a, b]) => text(a).toLowerCase().startsWith(text(b).toLowerCase()),
    endsWith: ([a, b]) => text(a).toLowerCase().endsWith(text(b).toLowerCase()),
    format: ([template, ...args]) => text(template).replace(/\{(\d+)\}/g, (_, i: string) => text(args[Number(i)])),
    toJSON: ([value]) => JSON.stringify(value ?? null, null, 2),
    fromJSON: ([value]) => JSON.parse(text(value)) as Value,
  };
  const primary = (): Value => {
    const token = take();
    if (token === undefined) throw new Error(`workflow harness: expression ended early: "${expression}"`);
    if (token === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token === '!') return !truthy(primary());
    if (token.startsWith('#')) return Number(token.slice(1));
    if (token.startsWith("'")) return token.slice(1);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (peek() === '(') {
      take('(');
      const args: Value[] = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') take(',');
      }
      take(')');
      const fn = functions[token];
      if (!fn) throw new Error(`workflow harness: function ${token}() is not supported`);
      return fn(args);
    }
    if (!(token in context)) throw new Error(`workflow harness: unknown context "${token}" in "${expression}"`);
    let value: Value | undefined = context[token];
    while (peek() === '.' || peek() === '[') {
      const key = take() === '.' ? take()! : (() => { const k = text(or()); take(']'); return k; })();
      value = value && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
    }
    return value ?? null;
  };
  const comparison = (): Value => {
    let left = primary();
    while (peek() === '==' || peek() === '!=') {
      const op = take();
      const right = primary();
      left = op === '==' ? equal(left, right) : !equal(left, right);
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (peek() === '&&') {
      take();
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  function or(): Value {
    let left = and();
    while (peek() === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  }
  const value = or();
  if (pos !== tokens.length) throw new Error(`workflow harness: unexpected "${tokens[pos]}" in "${expression}"`);
  return value;
}

/** A value with `${{ }}` parts replaced by their results. */
export function interpolate(template: unknown, context: Context): string {
  return String(template ?? '').replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => text(evaluate(expression, context)));
}

/** An `if:` condition: with or without `${{ }}`, success() when absent, status functions honoured. */
function condition(spec: unknown, context: Context, failed: boolean): boolean {
  if (spec === undefined) return !failed;
  const expression = String(spec).trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const usesStatus = /\b(success|failure|always|cancelled)\(/.test(expression);
  if (!usesStatus && failed) return false;
  return truthy(evaluate(expression, context, { failed }));
}

// ---------------------------------------------------------------------------- jobs and steps

/** Every combination of strategy.matrix, with include and exclude applied as GitHub does. */
export function matrixCombinations(matrix: Record<string, Value> | undefined): Array<Record<string, string>> {
  if (!matrix) return [{}];
  const { include = [], exclude = [], ...axes } = matrix as Record<string, Value[]>;
  let combos: Array<Record<string, string>> = [{}];
  for (const [key, values] of Object.entries(axes)) combos = combos.flatMap((combo) => (values as Value[]).map((v) => ({ ...combo, [key]: text(v) })));
  if (Object.keys(axes).length === 0) combos = [];
  const matches = (combo: Record<string, string>, entry: Record<string, Value>) => Object.entries(entry).every(([k, v]) => combo[k] === text(v));
  combos = combos.filter((combo) => !(exclude as Array<Record<string, Value>>).some((entry) => matches(combo, entry)));
  for (const entry of include as Array<Record<string, Value>>) {
    const onAxes = Object.fromEntries(Object.entries(entry).filter(([k]) => k in axes));
    const extend = Object.keys(axes).length > 0 ? combos.filter((combo) => matches(combo, onAxes)) : [];
    const strings = Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, text(v)]));
    if (extend.length) for (const combo of extend) Object.assign(combo, strings);
    else combos.push(strings);
  }
  return combos;
}

/** The action.yml a `uses:` names in this checkout, or undefined for another repository's action. */
function ourAction(uses: string): string | undefined {
  const local = /^\.\/(actions\/[\w-]+)?\/?$/.exec(uses);
  if (local) return join(REPO_ROOT, local[1] ?? '', 'action.yml');
  const published = /^nvidia\/aicr(\/actions\/[\w-]+)?@[\w.-]+$/i.exec(uses);
  if (published) return join(REPO_ROOT, published[1] ?? '', 'action.yml');
  return undefined;
}

function spawnBash(script: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; log: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'aicr-step-')), 'step.sh');
  writeFileSync(file, script);
  return collect(spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], { cwd, env }), timeoutMs);
}

function collect(child: ReturnType<typeof spawn>, timeoutMs: number): Promise<{ code: number | null; log: string }> {
  return new Promise((done, fail) => {
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, log });
    });
  });
}

/** The `KEY=value` lines and `KEY<<DELIMITER` blocks of a GITHUB_ENV or GITHUB_OUTPUT file. */
export function parseCommandFile(content: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`workflow harness: no closing ${heredoc[2]} for ${heredoc[1]}`);
      values[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return values;
}

export async function runWorkflow(file: string, options: WorkflowOptions = {}): Promise<JobResult[]> {
  const workflow = parse(readFileSync(file, 'utf8')) as { env?: Record<string, unknown>; jobs: Record<string, any> };
  const results: JobResult[] = [];
  const runnerTemp = mkdtempSync(join(tmpdir(), 'aicr-runner-temp-'));
  const github: Record<string, string> = {
    event_name: 'workflow_dispatch', ref_name: 'main', ref: 'refs/heads/main', repository: 'example/gpu-platform',
    server_url: 'https://github.com', sha: '0000000000000000000000000000000000000000', run_id: '1', workflow: basename(file), ...options.github,
  };
  const inputs = Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [k, v as Value]));
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    if (options.jobs && !options.jobs.includes(jobName)) continue;
    for (const matrix of matrixCombinations(job.strategy?.matrix)) {
      const workspace = mkdtempSync(join(tmpdir(), `aicr-workspace-${jobName}-`));
      const base: Context = { github, inputs, secrets: options.secrets ?? {}, vars: options.vars ?? {}, matrix, runner: { temp: runnerTemp, os: 'Linux' }, steps: {}, env: {} };
      const env: Record<string, string> = {};
      for (const scope of [workflow.env, job.env]) for (const [k, v] of Object.entries(scope ?? {})) env[k] = interpolate(v, { ...base, env: { ...env } });
      const steps: StepResult[] = [];
      const stepContext: Record<string, Value> = {};
      let failed = false;
      let summary = '';
      for (const [index, step] of (job.steps as any[]).entries()) {
        const name = step.name ?? step.id ?? step.uses ?? `step ${index + 1}`;
        const stepEnv = { ...env };
        const context = (): Context => ({ ...base, env: stepEnv, steps: stepContext });
        for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = interpolate(v, context());
        const withs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(v, context())]));
        let result: StepResult = { name, id: step.id, outcome: 'skipped', code: null, outputs: {}, log: '', inputs: withs };
        if (condition(step.if, context(), failed)) {
          const runnerEnv: Record<string, string> = {
            PATH: process.env.PATH!, HOME: process.env.HOME!, ...options.env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp,
            GITHUB_REPOSITORY: github.repository!, GITHUB_REF_NAME: github.ref_name!, GITHUB_SHA: github.sha!, GITHUB_EVENT_NAME: github.event_name!, GITHUB_SERVER_URL: github.server_url!, ...stepEnv,
          };
          const files = mkdtempSync(join(tmpdir(), 'aicr-step-files-'));
          const githubEnv = join(files, 'env');
          writeFileSync(githubEnv, '');
          const timeout = options.timeoutMs ?? 120_000;
          let code: number | null;
          let log = '';
          let outputs: Record<string, string> = {};
          if (step.run !== undefined) {
            if (step.shell !== undefined && step.shell !== 'bash') throw new Error(`workflow harness: ${name}: only bash run steps are supported`);
            const output = join(files, 'output');
            const stepSummary = join(files, 'summary');
            writeFileSync(output, '');
            writeFileSync(stepSummary, '');
            const cwd = step['working-directory'] ? resolve(workspace, interpolate(step['working-directory'], context())) : workspace;
            ({ code, log } = await spawnBash(interpolate(step.run, context()), cwd, { ...runnerEnv, GITHUB_ENV: githubEnv, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: stepSummary }, timeout));
            outputs = parseCommandFile(readFileSync(output, 'utf8'));
            summary += readFileSync(stepSummary, 'utf8');
          } else if (typeof step.uses === 'string' && /^actions\/checkout@/.test(step.uses)) {
            if (options.repo) cpSync(options.repo, workspace, { recursive: true });
            code = 0;
          } else if (typeof step.uses === 'string' && ourAction(step.uses)) {
            const actionFile = ourAction(step.uses)!;
            const action = parse(readFileSync(actionFile, 'utf8')) as { inputs?: Record<string, { default?: string; required?: boolean }>; runs: { main: string } };
            const unknown = Object.keys(withs).filter((k) => !(k in (action.inputs ?? {})));
            if (unknown.length) throw new Error(`workflow harness: ${name}: ${step.uses} has no input ${unknown.join(', ')}`);
            const given: Record<string, string> = {};
            for (const [input, spec] of Object.entries(action.inputs ?? {})) given[input] = withs[input] ?? interpolate(spec.default ?? '', context());
            const main = resolve(dirname(actionFile), action.runs.main);
            const build = basename(dirname(main));
            const launch = prepareActionRun(build, given, { cwd: workspace, env: { ...runnerEnv, GITHUB_ENV: githubEnv } });
            const finished = launch.finish(...(await (async () => {
              const child = spawn(process.execPath, launch.args, { cwd: workspace, env: launch.env });
              let stdout = '';
              let stderr = '';
              child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
              child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
              const { code: exit } = await collect(child, timeout);
              return [exit, stdout, stderr] as const;
            })()));
            ({ code, log, outputs } = finished);
            summary += finished.summary;
          } else {
            const key = String(step.uses ?? '').replace(/@.*$/, '');
            const stub = options.stubs?.[key];
            if (!stub) throw new Error(`workflow harness: ${name}: ${String(step.uses)} is not this repository's action; stub it (options.stubs['${key}']) to run this workflow`);
            outputs = stub(withs, workspace) ?? {};
            code = 0;
          }
          Object.assign(env, parseCommandFile(readFileSync(githubEnv, 'utf8')));
          const outcome = code === 0 ? 'success' : step['continue-on-error'] === true ? 'success' : 'failure';
          if (outcome === 'failure') failed = true;
          result = { name, id: step.id, outcome, code, outputs, log, inputs: withs };
        }
        if (step.id) stepContext[step.id] = { outputs: result.outputs, outcome: result.outcome, conclusion: result.outcome };
        steps.push(result);
      }
      results.push({
        job: jobName, matrix, workspace, ok: !failed, steps, summary,
        step(idOrName) {
          const found = steps.find((s) => s.id === idOrName || s.name === idOrName);
          if (!found) throw new Error(`no step ${idOrName} in job ${jobName}`);
          return found;
        },
      });
    }
  }
  return results;
}
