// Generates the input/output tables in the READMEs from action.yml files and GitLab
// spec:inputs, between <!-- name:start --> / <!-- name:end --> markers.
// `--check` fails (exit 1) when a README is out of date, for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const stale = [];

const escape = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
const code = (text) => (text === undefined || text === '' ? '' : `\`${escape(text)}\``);

function table(header, rows) {
  if (rows.length === 0) return '_none_';
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function actionTables(file) {
  const action = parse(readFileSync(file, 'utf8'));
  const inputs = Object.entries(action.inputs ?? {}).map(([name, spec]) => [
    `\`${name}\``,
    spec.required ? 'yes' : 'no',
    code(spec.default),
    escape(spec.description),
  ]);
  const outputs = Object.entries(action.outputs ?? {}).map(([name, spec]) => [`\`${name}\``, escape(spec.description)]);
  return {
    inputs: table(['Name', 'Required', 'Default', 'Description'], inputs),
    outputs: table(['Name', 'Description'], outputs),
    action,
  };
}

function replaceBlock(text, name, body, file) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: missing markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

function update(file, edits) {
  const before = readFileSync(file, 'utf8');
  let after = before;
  for (const [name, body] of edits) after = replaceBlock(after, name, body, file);
  if (after === before) return;
  if (check) stale.push(file);
  else writeFileSync(file, after);
}

// One README per action, plus the root action's tables and the list of actions in README.md.
const actionDirs = readdirSync(join(root, 'actions')).filter((d) => existsSync(join(root, 'actions', d, 'action.yml'))).sort();
const listRows = [];
for (const dir of actionDirs) {
  const { inputs, outputs, action } = actionTables(join(root, 'actions', dir, 'action.yml'));
  const readme = join(root, 'actions', dir, 'README.md');
  if (existsSync(readme)) update(readme, [['inputs', inputs], ['outputs', outputs]]);
  listRows.push([`[\`nvidia/aicr/actions/${dir}\`](actions/${dir}/README.md)`, escape(action.description)]);
}
const rootReadme = join(root, 'README.md');
if (existsSync(rootReadme)) {
  const edits = [['actions', table(['Action', 'What it does'], listRows)], ['cli', cliReference()]];
  if (existsSync(join(root, 'action.yml'))) {
    const { inputs, outputs } = actionTables(join(root, 'action.yml'));
    edits.push(['root-inputs', inputs], ['root-outputs', outputs]);
  }
  update(rootReadme, edits);
}

/** `aicr --help` and each command's help, from the committed CLI bundle. */
function cliReference() {
  const aicr = (...args) => {
    const result = spawnSync(process.execPath, [join(root, 'bin', 'aicr.js'), ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`aicr ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trimEnd();
  };
  const top = aicr('--help');
  const commands = [...top.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => m[1]);
  const parts = ['```text', top, '```'];
  for (const command of commands) parts.push('', `### \`aicr ${command}\``, '', '```text', aicr(command, '--help'), '```');
  return parts.join('\n');
}

// GitLab components: one inputs table per template in gitlab/README.md.
const gitlabReadme = join(root, 'gitlab', 'README.md');
if (existsSync(gitlabReadme)) {
  const templates = readdirSync(join(root, 'gitlab', 'templates')).filter((f) => f.endsWith('.yml')).sort();
  const edits = [];
  for (const file of templates) {
    const name = file.replace(/\.yml$/, '');
    const [header] = parseAllDocuments(readFileSync(join(root, 'gitlab', 'templates', file), 'utf8'));
    const spec = header.toJS().spec ?? {};
    const rows = Object.entries(spec.inputs ?? {}).map(([input, s]) => [
      `\`${input}\``,
      s.type ?? 'string',
      s.default === undefined ? '_required_' : code(s.default === '' ? '""' : s.default),
      escape([s.description, s.options ? `One of: ${s.options.filter((o) => o !== '').map((o) => `\`${o}\``).join(', ')}.` : '', s.regex ? `Must match \`${s.regex}\`.` : ''].filter(Boolean).join(' ')),
    ]);
    edits.push([`inputs-${name}`, table(['Input', 'Type', 'Default', 'Description'], rows)]);
  }
  const text = readFileSync(gitlabReadme, 'utf8');
  update(gitlabReadme, edits.filter(([name]) => text.includes(`<!-- ${name}:start -->`)));
  const missing = edits.filter(([name]) => !text.includes(`<!-- ${name}:start -->`)).map(([name]) => name);
  if (missing.length) {
    console.error(`gitlab/README.md has no section for: ${missing.join(', ')} (add <!-- NAME:start --> / <!-- NAME:end --> markers)`);
    process.exitCode = 1;
  }
}

if (stale.length) {
  console.error(`out of date (run npm run docs): ${stale.join(', ')}`);
  process.exitCode = 1;
}
