// `npm run docs`: writes everything generated from the option tables (src/stages.ts): every
// action.yml, every GitLab component template, docs/options.md, and the tables in the READMEs
// between <!-- name:start --> / <!-- name:end --> markers (the CLI reference from the built CLI).
// `--check` writes nothing and fails (exit 1) when any of them is out of date, for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { STAGES } from '../src/stages.js';
import { actionYaml, actionYamlPath } from './generate/action-yml.js';
import { componentPath, componentYaml, pipelinePath, pipelineYaml } from './generate/component.js';
import { optionsReference } from './generate/options-doc.js';
import { versionSchemas } from './generate/version-schemas.js';
import { dotenvName } from '../src/core/options/outputs.js';
import { toYaml } from '../src/core/serialize.js';
import { VERSION } from '../src/core/version.js';

/** The tag users pin actions to: the major tag the release workflow moves (v1 for every 1.x release). */
const MAJOR_TAG = `v${VERSION.split('.')[0]}`;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const stale: string[] = [];

function emit(path: string, text: string): void {
  const file = join(root, path);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (before === text) return;
  if (check) stale.push(path);
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

const escape = (text: unknown): string => String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
const code = (text: unknown): string => (text === undefined || text === '' ? '' : `\`${escape(text)}\``);

function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return '_none_';
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function replaceBlock(text: string, name: string, body: string, file: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: missing markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

function updateBlocks(path: string, edits: Array<[string, string]>): void {
  const before = readFileSync(join(root, path), 'utf8');
  let after = before;
  for (const [name, body] of edits) after = replaceBlock(after, name, body, path);
  emit(path, after);
}

// 1. action.yml files and component templates, from the tables.
const generated = new Map<string, string>();
for (const stage of STAGES) {
  generated.set(actionYamlPath(stage), actionYaml(stage));
  if (stage.component) generated.set(componentPath(stage), componentYaml(stage));
}
generated.set(pipelinePath, pipelineYaml(STAGES));
for (const [path, text] of generated) emit(path, text);
emit('docs/options.md', optionsReference(STAGES));

// 2. README tables, read back from the generated files (what users see is what is checked).
function actionTables(text: string) {
  const action = parse(text);
  const inputs = Object.entries<any>(action.inputs ?? {}).map(([name, spec]) => [`\`${name}\``, spec.required ? 'yes' : 'no', code(spec.default), escape(spec.description)]);
  const outputs = Object.entries<any>(action.outputs ?? {}).map(([name, spec]) => [`\`${name}\``, escape(spec.description)]);
  return { inputs: table(['Name', 'Required', 'Default', 'Description'], inputs), outputs: table(['Name', 'Description'], outputs), action };
}

const listRows: string[][] = [];
const rootEdits: Array<[string, string]> = [];
for (const stage of STAGES) {
  const path = actionYamlPath(stage);
  const { inputs, outputs, action } = actionTables(generated.get(path)!);
  if (stage.action.folder === 'root') {
    rootEdits.push(['root-inputs', inputs], ['root-outputs', outputs]);
    continue;
  }
  updateBlocks(`actions/${stage.action.folder}/README.md`, [['usage', usageBlock(stage.action.folder, action)], ['inputs', inputs], ['outputs', outputs]]);
  listRows.push([`[\`nvidia/aicr/actions/${stage.action.folder}\`](actions/${stage.action.folder}/README.md)`, escape(action.description)]);
}
listRows.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
updateBlocks('README.md', [['actions', table(['Action', 'What it does'], listRows)], ...rootEdits, ['cli', cliReference()]]);

/** The spec:inputs table of a generated component template. */
function componentInputs(path: string): string {
  const [header] = parseAllDocuments(generated.get(path)!);
  const spec = (header!.toJS() as { spec: { inputs: Record<string, any> } }).spec;
  const rows = Object.entries(spec.inputs).map(([input, s]) => [
    `\`${input}\``,
    s.type ?? 'string',
    s.default === undefined ? '_required_' : code(s.default === '' ? '""' : s.default),
    escape([s.description, s.options ? `One of: ${s.options.filter((o: string) => o !== '').map((o: string) => `\`${o}\``).join(', ')}.` : '', s.regex ? `Must match \`${s.regex}\`.` : ''].filter(Boolean).join(' ')),
  ]);
  return table(['Input', 'Type', 'Default', 'Description'], rows);
}

const gitlabEdits: Array<[string, string]> = [['inputs-pipeline', componentInputs(pipelinePath)]];
for (const stage of STAGES) {
  if (!stage.component) continue;
  const outputs = Object.entries(stage.outputs.outputs).filter(([, output]) => !output.githubOnly).map(([property, output]) => [`\`${dotenvName(stage.outputs.stage, property)}\``, escape(output.description)]);
  gitlabEdits.push([`inputs-${stage.component.name}`, componentInputs(componentPath(stage))]);
  gitlabEdits.push([`outputs-${stage.component.name}`, table(['Variable', 'Description'], outputs)]);
}
updateBlocks('gitlab/README.md', gitlabEdits);

/** A `uses:` step with every input at its default, each with its description as a comment. */
function usageBlock(folder: string, action: { inputs?: Record<string, { description: string; required: boolean; default?: string }> }): string {
  const entries = Object.entries(action.inputs ?? {});
  // Plain words as a user writes them in a workflow (true, 0, helm); anything else quoted.
  const value = (spec: { required: boolean; default?: string }) => (spec.default === undefined ? "''" : /^[\w./:-]+$/.test(spec.default) ? spec.default : toYaml(spec.default).trimEnd());
  const width = Math.max(...entries.map(([name, spec]) => name.length + value(spec).length)) + 8;
  const lines = entries.map(([name, spec]) => {
    const left = `    ${name}: ${value(spec)}`;
    return `${left.padEnd(width)}# ${spec.required ? 'required: ' : ''}${spec.description}`;
  });
  return ['```yaml', `- uses: nvidia/aicr/actions/${folder}@${MAJOR_TAG}`, '  with:', ...lines, '```'].join('\n');
}

/** `aicr --help` and each command's help, from the committed CLI build. */
function cliReference(): string {
  const aicr = (...args: string[]): string => {
    const result = spawnSync(process.execPath, [join(root, 'bin', 'aicr.js'), ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`aicr ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trimEnd();
  };
  const top = aicr('--help');
  // Commands and their subcommands (`recipe list`).
  const commands = [...top.matchAll(/^ {2}([a-z][a-z-]*(?: [a-z][a-z-]*)?) {2,}/gm)].map((m) => m[1]!);
  const parts = ['```text', top, '```'];
  for (const command of commands) parts.push('', `### \`aicr ${command}\``, '', '```text', aicr(...command.split(' '), '--help'), '```');
  return parts.join('\n');
}

// 3. JSON Schemas per kind and apiVersion, from each kind's schema.
for (const [path, text] of versionSchemas(root)) emit(path, text);

if (stale.length) {
  console.error(`out of date (run npm run docs): ${stale.join(', ')}`);
  process.exitCode = 1;
}
