// Fails (exit 1) when two parts of src/ import each other, directly or through others: each
// folder of src/core (and each file at its root) is one part, src/cli, src/github, src/actions
// and src/gitlab are one part each. File-level cycles are dpdm's job; this keeps the layers
// one-way (documents ← catalog ← recipe, io ← kube, …) so a newcomer can read them bottom up.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : files(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The part a file belongs to. */
function part(file) {
  const [top, second] = relative(src, file).replace(/\.[jt]s$/, '').split('/');
  return top === 'core' ? `core/${second}` : top;
}

const edges = new Map();
for (const file of files(src)) {
  for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
    const from = part(file);
    const to = part(normalize(join(dirname(file), match[1])));
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${relative(root, file)} imports ${match[1]}`);
  }
}

// Depth-first search for a cycle among parts.
const state = new Map();
const stack = [];
let cycle;
function visit(node) {
  state.set(node, 'open');
  stack.push(node);
  for (const next of edges.get(node)?.keys() ?? []) {
    if (cycle) return;
    if (state.get(next) === 'open') cycle = [...stack.slice(stack.indexOf(next)), next];
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(node, 'done');
}
for (const node of [...edges.keys()].sort()) if (!state.has(node) && !cycle) visit(node);

if (cycle) {
  console.error(`import cycle between parts of src/: ${cycle.join(' → ')}`);
  for (let i = 0; i < cycle.length - 1; i++) console.error(`  ${edges.get(cycle[i]).get(cycle[i + 1])}`);
  process.exitCode = 1;
} else {
  console.log(`no import cycle among ${edges.size} parts of src/`);
}
