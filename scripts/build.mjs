// Builds everything that is generated and committed: schema validators, the precompiled
// catalog (dist/catalog.json) and one esbuild build of every entry point (the CLI and each
// action) with ESM code splitting: a thin dist/<entry>/index.js per entry and the code they
// share in dist/chunks/. The output is byte-reproducible: same sources, same bytes.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRequire, isBuiltin } from 'node:module';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';

const run = promisify(execFile);
const requireBuiltin = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Entry points: the CLI plus one per action folder under src/actions/. */
function entries() {
  const list = { 'cli/index': 'src/cli/index.ts' };
  for (const name of readdirSync(join(root, 'src/actions')).sort()) {
    const file = `src/actions/${name}/index.ts`;
    if (existsSync(join(root, file))) list[`${name}/index`] = file;
  }
  return list;
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
  writeFileSync(join(dist, 'catalog.json'), JSON.stringify({ files, documents }) + '\n');
  console.log(`dist/catalog.json: ${Object.keys(documents).length} documents, ${files.length} files`);
}

/**
 * @actions/core imports its OIDC client (an HTTP client with proxy support) and its platform
 * details (which load @actions/exec) eagerly, yet no action of ours asks for an ID token or
 * the runner's OS details. The platform shim keeps the API and loads the real module on first
 * use; the OIDC shim leaves the client out and says so if it is ever called.
 */
const lazyActionsCore = {
  name: 'lazy-actions-core',
  setup(build) {
    build.onResolve({ filter: /^\.\/(oidc-utils|platform)\.js$/ }, (args) => {
      if (!/[\\/]@actions[\\/]core[\\/]lib[\\/]core\.js$/.test(args.importer)) return undefined;
      // A path relative to the repository: esbuild hashes a module's path into its chunk's
      // name, and an absolute one would make dist/ differ between checkouts.
      const path = relative(root, join(dirname(args.importer), args.path)).split(sep).join('/');
      return { path, namespace: 'lazy-actions-core' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-actions-core' }, (args) => {
      const real = JSON.stringify(`./${basename(args.path)}`);
      const contents = args.path.endsWith('oidc-utils.js')
        ? // No action of ours asks for an ID token; an import here would still ship the HTTP
          // client (about 430 KB) as an unreachable chunk.
          "export class OidcClient { static async getIDToken() { throw new Error('aicr actions do not request OIDC ID tokens'); } }"
        : [
            "import * as os from 'node:os';",
            'export const platform = os.platform();',
            'export const arch = os.arch();',
            "export const isWindows = platform === 'win32';",
            "export const isMacOS = platform === 'darwin';",
            "export const isLinux = platform === 'linux';",
            `export async function getDetails() { return (await import(${real})).getDetails(); }`,
          ].join('\n');
      return { contents, loader: 'js', resolveDir: dirname(join(root, args.path)) };
    });
  },
};

/**
 * @actions/core imports node:crypto only to draw each GITHUB_OUTPUT delimiter from
 * randomUUID(), and loading node:crypto costs about 6 ms, a quarter of a bare Node start. The
 * same kernel CSPRNG reads as 16 bytes of /dev/urandom; where there is none (Windows), the real
 * module is loaded. @actions/core's own checks on the delimiter stay as they are.
 */
const urandomForActionsCore = {
  name: 'urandom-for-actions-core',
  setup(build) {
    build.onResolve({ filter: /^(node:)?crypto$/ }, (args) => {
      if (!/[\\/]@actions[\\/]core[\\/]lib[\\/]file-command\.js$/.test(args.importer)) return undefined;
      return { path: 'crypto', namespace: 'urandom-for-actions-core' };
    });
    build.onLoad({ filter: /.*/, namespace: 'urandom-for-actions-core' }, () => ({
      loader: 'js',
      contents: [
        "import { closeSync, openSync, readSync } from 'node:fs';",
        'export function randomUUID() {',
        '  const bytes = Buffer.alloc(16);',
        '  let read = 0;',
        '  try {',
        "    const fd = openSync('/dev/urandom', 'r');",
        '    try { read = readSync(fd, bytes, 0, 16, null); } finally { closeSync(fd); }',
        '  } catch {}',
        "  if (read !== 16) return require('node:crypto').randomUUID();",
        '  bytes[6] = (bytes[6] & 0x0f) | 0x40;',
        '  bytes[8] = (bytes[8] & 0x3f) | 0x80;',
        "  const hex = bytes.toString('hex');",
        "  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;",
        '}',
      ].join('\n'),
      resolveDir: root,
    }));
  },
};

/**
 * Node built-ins through require() instead of ESM `import`: Node builds an ESM facade of a
 * built-in by reading every export, and for node:fs that runs lazy getters that load the whole
 * streams stack (~4 ms of a ~30 ms start). Each named import becomes a pure property read of
 * the module object, so the bundler drops the ones nobody uses.
 */
/** Built-in exports whose getters load a lot (fs's promises and streams), read on first use. */
const LAZY_EXPORTS = { fs: ['promises', 'ReadStream', 'WriteStream', 'FileReadStream', 'FileWriteStream', 'Dir', 'opendir', 'opendirSync'] };

const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!isBuiltin(args.path) || args.path === 'node:module' || args.kind !== 'import-statement') return undefined;
      return { path: args.path.replace(/^node:/, ''), namespace: 'builtin' };
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const module = requireBuiltin(args.path);
      const names = Object.keys(module).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default' && !name.startsWith('__'));
      const lazy = LAZY_EXPORTS[args.path] ?? [];
      const lines = [
        `const __builtin = require(${JSON.stringify(`node:${args.path}`)});`,
        'const __read = (key) => __builtin[key];',
        // The few getters that load more of Node (fs.promises, the fs streams) are read on first
        // use through a proxy that behaves like the function, class or object it stands for.
        'const __later = (key) => { const real = () => __builtin[key]; const proxy = new Proxy(function () {}, {',
        '  get: (_, p) => Reflect.get(real(), p), has: (_, p) => p in real(), set: (_, p, v) => Reflect.set(real(), p, v),',
        '  apply: (_, self, args) => Reflect.apply(real(), self === proxy ? __builtin : self, args),',
        '  construct: (_, args, target) => Reflect.construct(real(), args, target === proxy ? real() : target),',
        '}); return proxy; };',
        'export default __builtin;',
        ...names.map((name) => `export const ${name} = /* @__PURE__ */ ${lazy.includes(name) ? '__later' : '__read'}(${JSON.stringify(name)});`),
      ];
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/** The package that holds an input file of the build, or undefined for our own sources. */
function packageOf(input) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? { name: match[1], dir: resolve(root, input.slice(0, match.index + match[0].length)) } : undefined;
}

/** dist/licenses.txt: name, version, licence and licence text of every package in the build. */
function writeLicenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const found = packageOf(input.replace(/^[a-z-]+:/, ''));
    if (found && !packages.has(found.dir)) packages.set(found.dir, found);
  }
  const sections = [];
  for (const { dir } of [...packages.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(dir).filter((name) => /^(licen[sc]e|copying)(\..*)?$/i.test(name)).sort()[0];
    const text = licenseFile ? readFileSync(join(dir, licenseFile), 'utf8').replace(/\r\n/g, '\n').trim() : '(no licence file in the package)';
    const license = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type ?? 'UNKNOWN';
    sections.push(`${manifest.name}@${manifest.version}\n${license}\n${text}`);
  }
  const unique = [...new Set(sections)];
  writeFileSync(join(dist, 'licenses.txt'), unique.join('\n\n' + '-'.repeat(72) + '\n\n') + '\n');
  return unique.length;
}

async function bundle() {
  const started = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries(),
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [lazyActionsCore, urandomForActionsCore, builtinsThroughRequire],
    // Bundled CommonJS packages call require() for Node built-ins; ESM output needs one.
    banner: { js: "import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);" },
  });
  writeFileSync(join(dist, 'package.json'), '{\n  "type": "module"\n}\n');
  const licensed = writeLicenses(result.metafile);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  const files = Object.keys(result.metafile.outputs).length;
  console.log(`dist/: ${files} files, ${(bytes / 1e6).toFixed(2)} MB, ${licensed} licensed packages, built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  await run(process.execPath, [join(root, 'scripts/build-schemas.mjs')], { cwd: root });
  await run(process.execPath, [join(root, 'scripts/build-templates.mjs')], { cwd: root });
  // A fresh dist/: nothing of an earlier build (renamed chunks, removed entries) survives.
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await precompileCatalog();
  await bundle();
  const stray = readdirSync(dist).filter((name) => !['catalog.json', 'chunks', 'licenses.txt', 'package.json'].includes(name) && !existsSync(join(dist, name, 'index.js')));
  if (stray.length) throw new Error(`unexpected build outputs: ${stray.map((name) => relative(root, join(dist, name))).join(', ')}`);
}

main().catch((error) => {
  console.error(error.stderr || error.message || error);
  process.exitCode = 1;
});
