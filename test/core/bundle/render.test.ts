// The Handlebars templates behind the bundle's scripts and READMEs: precompiled and current,
// strict about missing fields, and escaping every value for the shell or Markdown.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { upstreamEnv } from '../../../src/core/bundle/common.js';
import { markdownCell, markdownCode, markdownText } from '../../../src/core/markdown.js';
import { helpers, render, type TemplateName } from '../../../src/core/bundle/render.js';
import { deployScript, installScript, undeployScript } from '../../../src/core/bundle/scripts.js';
import { templates } from '../../../src/core/bundle/templates/generated.js';
import type { BundlePlan, Folder, PlannedComponent } from '../../../src/core/bundle/types.js';
import { tempDir } from '../../helpers/catalog.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const TEMPLATES = join(REPO_ROOT, 'src', 'core', 'bundle', 'templates');

const header = { release: 'r', component: 'c', namespace: 'ns', toolVersion: 'v1', pre: false, post: false };
const folderCommon = { dir: '001-r', release: 'r', component: 'c', namespace: 'ns', step: 1, total: 1, install: 'x' };
const sections = { title: 't', intro: 'i', deploy: 'd', customize: 'c', remove: 'r' };

/** Smallest valid context of each template, per branch: every field is used, so every field is required. */
const CONTEXTS: Array<[TemplateName, Record<string, unknown>]> = [
  ['install.sh', { ...header, upstream: true, local: false, kustomize: false }],
  ['install.sh', { ...header, upstream: false, local: true, kustomize: false, ownsNamespace: false }],
  ['install.sh', { ...header, upstream: false, local: false, kustomize: true }],
  ['deploy.sh', { toolVersion: 'v1', releaseCount: 1, rows: ['001-r r ns 10m - wait'], namespaces: ['ns'], hasDra: false }],
  ['undeploy.sh', { toolVersion: 'v1', rows: ['001-r r ns upstream'], namespaces: ['ns'] }],
  ['readme.md', {
    ...sections, toolVersion: 'v1', deployer: 'helm', recipeVersion: '1', criteria: [{ key: 'os', value: 'ubuntu' }],
    folders: [{ dir: '001-r', release: 'r', component: 'c', version: 'v1', namespace: 'ns', source: 's' }], constraints: [{ name: 'n', value: 'v' }], notes: ['note'],
  }],
  ['folder-readme.md', { ...folderCommon, upstream: true, vendored: false, local: false, kustomize: false, chartName: 'c', chartVersion: '1', chartRepo: 'https://x' }],
  ['folder-readme.md', { ...folderCommon, upstream: false, vendored: false, local: true, kustomize: false, pre: true, post: false, primary: false, manifests: [{ path: 'templates/a.yaml', source: 'a.yaml' }] }],
  ['folder-readme.md', { ...folderCommon, upstream: false, vendored: false, local: false, kustomize: true, path: 'p', repo: 'https://x', tag: '' }],
  ['folder-readme.md', { ...folderCommon, upstream: false, vendored: true, local: false, kustomize: false, chartName: 'c', chartVersion: '1', chartRepo: 'https://x', tarball: 'charts/c-1.tgz', sha256: 'ab' }],
];

describe('bundle templates', () => {
  it('the committed generated.js is what every templates/*.hbs compiles to', () => {
    const check = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-templates.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    const sources = readdirSync(TEMPLATES).filter((file) => file.endsWith('.hbs')).map((file) => file.slice(0, -4)).sort();
    expect(Object.keys(templates).sort()).toEqual(sources);
    expect(new Set(CONTEXTS.map(([name]) => name))).toEqual(new Set(sources));
  });

  it('every template compiles in strict mode, and strict mode rejects an unknown field', () => {
    for (const name of Object.keys(templates)) {
      const source = readFileSync(join(TEMPLATES, `${name}.hbs`), 'utf8');
      expect(() => Handlebars.precompile(source, { strict: true, noEscape: true }), name).not.toThrow();
    }
    expect(() => Handlebars.compile('{{missing}}', { strict: true })({})).toThrow(/"missing" not defined/);
  });

  it.each(CONTEXTS.map(([name, context], index) => [`${name} #${index}`, name, context] as const))('%s: renders, and fails loudly without any one of its fields', (_label, name, context) => {
    expect(render(name, context)).not.toBe('');
    for (const field of Object.keys(context)) {
      const { [field]: _dropped, ...rest } = context;
      expect(() => render(name, rest), `${name} without ${field}`).toThrow(new RegExp(`^template ${name.replace('.', '\\.')}\\.hbs: .*(not defined|missing field)`));
    }
  });

  it('a missing field inside a list fails loudly too', () => {
    const [, readme] = CONTEXTS.find(([name]) => name === 'readme.md')!;
    const folders = [{ dir: '001-r', release: 'r', component: 'c', namespace: 'ns', source: 's' }];
    expect(() => render('readme.md', { ...readme, folders })).toThrow(/mdCell.*missing field/);
  });

  it('the runtime build pulls in the Handlebars runtime only, not the compiler, and renders the same', async () => {
    const outfile = join(tempDir('aicr-render-'), 'render.mjs');
    const result = await esbuild.build({ absWorkingDir: REPO_ROOT, entryPoints: ['src/core/bundle/render.ts'], outfile, bundle: true, format: 'esm', platform: 'node', metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs).filter((input) => input.includes('handlebars'));
    expect(inputs.some((input) => input.endsWith('handlebars/runtime.js'))).toBe(true);
    expect(inputs.filter((input) => /compiler|handlebars\/lib\//.test(input))).toEqual([]);
    const bundled = (await import(pathToFileURL(outfile).href)) as { render: typeof render };
    for (const [name, context] of CONTEXTS) expect(bundled.render(name, context)).toBe(render(name, context));
  });
});

describe('escaping helpers', () => {
  const shq = (value: string) => helpers.shq(value, { hash: {} } as never);

  it('shq: any string (no NUL) comes back from bash as the same single word', () => {
    const values = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/\0/g, '')), { numRuns: 300, seed: 7 });
    values.push(`it's`, `'\\''`, '$(touch SENTINEL)', '`touch SENTINEL`', '$HOME ${IFS}', 'a\nb', '-rf', '', '\\', '"');
    const script = `printf '%s\\x1e' ${values.map(shq).join(' ')}`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', cwd: tempDir() });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\x1e').slice(0, -1)).toEqual(values);
  });

  it('string helpers refuse anything but a string', () => {
    for (const helper of Object.values(helpers)) {
      expect(() => helper(undefined, { hash: {} } as never)).toThrow(/missing field/);
      expect(() => helper(3, { hash: {} } as never)).toThrow(/needs a string/);
    }
  });

  it('Markdown: line breaks cannot start a new line, | cannot split a cell, backticks cannot close a code span', () => {
    expect(markdownText('a\r\nb\nc')).toBe('a b c');
    expect(markdownCell('a|b\nc')).toBe('a\\|b c');
    expect(markdownCell('')).toBe('—');
    expect(markdownCode('v1.2')).toBe('`v1.2`');
    expect(markdownCode('a`b')).toBe('`` a`b ``');
    expect(markdownCode('``x')).toBe('``` ``x ```');
  });
});

describe('hostile values in generated scripts', () => {
  // Absolute, so a command run from any directory (deploy.sh runs Helm in a temp dir) is seen.
  const SENTINEL = join(tempDir('aicr-sentinel-'), 'SENTINEL');
  const HOSTILE = `it's "$(touch ${SENTINEL})" \`touch ${SENTINEL}\` $HOME \${IFS} '\\'' \\\nnext line; touch ${SENTINEL}`;

  /** helm and kubectl that record their arguments (fields \x1f, records \x1e) and succeed; every namespace reads as created by deploy.sh. */
  function recorder(): { bin: string; calls(): string[][] } {
    const bin = tempDir('aicr-rec-');
    const log = tempDir('aicr-rec-log-');
    for (const program of ['helm', 'kubectl']) {
      // One file per call, named by the time it started: the two ends of a pipeline
      // (kubectl … | kubectl apply -f -) run at once, and shell writes of one record may be split.
      writeFileSync(join(bin, program), `#!/usr/bin/env bash\nprintf '%s\\x1f' ${program} "$@" > "$(mktemp '${log}/'"$(date +%s%N)"'.XXXXXX')"\nif [[ "$*" == *created-by* ]]; then printf aicr-bundle; fi\n`);
      chmodSync(join(bin, program), 0o755);
    }
    return { bin, calls: () => readdirSync(log).sort().map((name) => readFileSync(join(log, name), 'utf8').split('\x1f').slice(0, -1)) };
  }

  /** A one-folder plan of the given kind with HOSTILE in every name, version and namespace. */
  function hostilePlan(kind: Folder['kind']): { plan: BundlePlan; folder: Folder } {
    const component = {
      name: HOSTILE, namespace: HOSTILE, ref: { name: HOSTILE, version: HOSTILE }, folders: [],
      chart: { name: HOSTILE, repo: `https://example.com/${HOSTILE}`, version: HOSTILE, oci: false },
      kustomize: { repo: `https://example.com/${HOSTILE}`, path: HOSTILE, tag: HOSTILE },
    } as unknown as PlannedComponent;
    const folder = { index: 1, dir: '001-x', release: HOSTILE, role: kind === 'local' ? 'pre' : 'primary', kind, component, namespace: HOSTILE, manifests: [], ownsNamespace: false } as Folder;
    return { plan: { folders: [folder], toolVersion: HOSTILE, notes: [] } as unknown as BundlePlan, folder };
  }

  it.each(['upstream', 'local', 'kustomize'] as const)('%s: scripts parse, run nothing from the values, and pass each value as one argument', (kind) => {
    const { plan, folder } = hostilePlan(kind);
    const dir = tempDir('aicr-hostile-');
    mkdirSync(join(dir, '001-x'));
    if (kind === 'upstream') writeFileSync(join(dir, '001-x', 'upstream.env'), upstreamEnv(folder));
    const scripts = { '001-x/install.sh': installScript(folder, plan), 'deploy.sh': deployScript(plan), 'undeploy.sh': undeployScript(plan) };
    for (const [path, text] of Object.entries(scripts)) {
      writeFileSync(join(dir, path), text);
      expect(spawnSync('bash', ['-n', join(dir, path)]).status, path).toBe(0);
      // In a comment the value's newline becomes a space, so it cannot end the comment.
      expect(text, path).toContain(`Generated by aicr bundle ${HOSTILE.replace('\n', ' ')}`);
    }
    for (const script of ['001-x/install.sh', 'deploy.sh', 'undeploy.sh']) {
      const fakes = recorder();
      const result = spawnSync('bash', [join(dir, script), ...(script === 'deploy.sh' ? ['--retries', '0'] : [])], { cwd: dir, encoding: 'utf8', env: { PATH: `${fakes.bin}:${process.env.PATH}`, HOME: tempDir() } });
      expect(result.status, `${script}: ${result.stdout}${result.stderr}`).toBe(0);
      const calls = fakes.calls();
      if (script === '001-x/install.sh') {
        const call = kind === 'kustomize' ? calls.find((c) => c[1] === 'create')! : calls.find((c) => c[1] === 'upgrade')!;
        if (kind === 'kustomize') expect(call.slice(0, 4)).toEqual(['kubectl', 'create', 'namespace', HOSTILE]);
        else expect(call[call.indexOf('--install') + 1]).toBe(HOSTILE);
        if (kind !== 'kustomize') expect(call[call.indexOf('--namespace') + 1]).toBe(HOSTILE);
      }
      if (script === 'deploy.sh') expect(calls.find((c) => c[1] === 'get' && c[2] === 'namespace')?.[3]).toBe(HOSTILE);
      if (script === 'undeploy.sh') expect(calls.at(-1)!.slice(0, 4)).toEqual(['kubectl', 'delete', 'namespace', HOSTILE]);
    }
    expect(existsSync(SENTINEL)).toBe(false);
  });
});
