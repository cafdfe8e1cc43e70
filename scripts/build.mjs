// Builds everything that is generated and committed: schema validators, the precompiled
// catalog (dist/catalog.json) and one ncc bundle per entry point (dist/<entry>/).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

/** Entry points: the CLI plus one per action folder under src/actions/. */
function entries() {
  const list = [{ name: 'cli', file: 'src/cli/index.ts' }];
  for (const name of readdirSync(join(root, 'src/actions')).sort()) {
    const file = `src/actions/${name}/index.ts`;
    if (existsSync(join(root, file))) list.push({ name, file });
  }
  return only.length ? list.filter((entry) => only.includes(entry.name)) : list;
}

function walk(dir, prefix = '') {
  const out = [];
  const items = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const item of items) {
    if (item.isDirectory()) out.push(...walk(join(dir, item.name), `${prefix}${item.name}/`));
    else if (item.isFile()) out.push(prefix + item.name);
  }
  return out;
}

/** Parses the catalog's documents once, at build time; values and manifests stay on disk. */
async function precompileCatalog() {
  const load = async (name) => (await import(join(root, `src/core/documents/generated/${name}.js`))).default;
  const validators = { componentRegistry: await load('component-registry'), recipeMixin: await load('recipe-mixin'), recipeMetadata: await load('recipe-metadata') };
  const recipes = join(root, 'recipes');
  const files = walk(recipes);
  const documents = {};
  for (const path of files) {
    if (!path.endsWith('.yaml') || path.includes('checks/') || path.includes('/manifests/')) continue;
    const value = parse(readFileSync(join(recipes, path), 'utf8'), { uniqueKeys: true, version: '1.2' });
    if (path.includes('components/') && !path.startsWith('mixins/')) {
      // Values files: parsed here so hydration needs no YAML parser at run time.
      documents[path] = value;
      continue;
    }
    let validate;
    if (path === 'registry.yaml') validate = validators.componentRegistry;
    else if (path.startsWith('mixins/')) validate = validators.recipeMixin;
    else if (value && typeof value.kind === 'string' && value.kind !== '' && value.kind !== 'RecipeMetadata') {
      documents[path] = null;
      continue;
    } else validate = validators.recipeMetadata;
    if (!validate(value)) throw new Error(`recipes/${path}: ${JSON.stringify(validate.errors)}`);
    documents[path] = value;
  }
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/catalog.json'), JSON.stringify({ files, documents }) + '\n');
  console.log(`dist/catalog.json: ${Object.keys(documents).length} documents, ${files.length} files`);
}

async function bundle({ name, file }) {
  const out = join(root, 'dist', name);
  rmSync(out, { recursive: true, force: true });
  const started = Date.now();
  await run(process.execPath, [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', file, '-o', `dist/${name}`, '--license', 'licenses.txt', '--quiet'], { cwd: root, maxBuffer: 64 << 20 });
  console.log(`dist/${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  await run(process.execPath, [join(root, 'scripts/build-schemas.mjs')], { cwd: root });
  await precompileCatalog();
  const queue = entries();
  const workers = Array.from({ length: 2 }, async () => {
    while (queue.length) await bundle(queue.shift());
  });
  await Promise.all(workers);
}

main().catch((error) => {
  console.error(error.stderr || error.message || error);
  process.exitCode = 1;
});
