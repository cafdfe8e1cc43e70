// The pieces of each action and component must agree: action.yml ↔ inputs.ts ↔ dist ↔ README,
// GitLab spec:inputs ↔ job variables, and the layout a newcomer relies on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';
import { EXIT_CODE_TABLE } from '../../src/core/errors.js';
import { VERSION } from '../../src/core/version.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const actionNames = readdirSync(join(REPO_ROOT, 'actions')).filter((name) => existsSync(join(REPO_ROOT, 'actions', name, 'action.yml'))).sort();
const entryNames = readdirSync(join(REPO_ROOT, 'src/actions')).filter((name) => existsSync(join(REPO_ROOT, 'src/actions', name, 'index.ts'))).sort();

/** Input names declared in an `Inputs = { … } as const` block of inputs.ts. */
function declaredInputs(source: string): string[] {
  const block = /export const Inputs = \{([\s\S]*?)\} as const/.exec(source);
  if (!block) return [];
  const names = [...block[1]!.matchAll(/:\s*'([^']+)'/g)].map((m) => m[1]!);
  // Shared input sets spread into Inputs (e.g. ...RecipeRequestInputs) come from src/github/inputs.ts.
  for (const spread of block[1]!.matchAll(/\.\.\.(\w+)/g)) {
    const shared = new RegExp(`export const ${spread[1]} = \\{([\\s\\S]*?)\\} as const`).exec(read('src/github/inputs.ts'));
    names.push(...[...(shared?.[1] ?? '').matchAll(/:\s*'([^']+)'/g)].map((m) => m[1]!));
  }
  return names;
}

describe('actions', () => {
  it('every action has an entry, and every entry but the root has an action', () => {
    expect(entryNames.filter((name) => name !== 'root')).toEqual(actionNames);
  });

  it.each(actionNames)('%s: action.yml, inputs.ts, dist and README agree', (name) => {
    const action = parse(read(`actions/${name}/action.yml`));
    expect(action.runs).toEqual({ using: 'node24', main: `../../dist/${name}/index.js` });
    expect(existsSync(join(REPO_ROOT, 'dist', name, 'index.js'))).toBe(true);
    const inputs = Object.keys(action.inputs ?? {});
    for (const key of [...inputs, ...Object.keys(action.outputs ?? {})]) expect(key, `${name}: ${key} is kebab-case`).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    for (const [input, spec] of Object.entries<any>(action.inputs ?? {})) expect(spec.description, `${name}.${input} needs a description`).toBeTruthy();
    expect(declaredInputs(read(`src/actions/${name}/inputs.ts`)).sort()).toEqual([...inputs].sort());
    const entry = read(`src/actions/${name}/index.ts`).trim().split('\n');
    expect(entry.length, 'entry files stay thin').toBeLessThanOrEqual(6);
    const readme = read(`actions/${name}/README.md`);
    for (const input of inputs) expect(readme, `README of ${name} lists ${input}`).toContain(`\`${input}\``);
  });

  it('the root action runs the root entry, declares what inputs.ts reads and is documented in README.md', () => {
    const action = parse(read('action.yml'));
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/root/index.js' });
    expect(existsSync(join(REPO_ROOT, 'dist/root/index.js'))).toBe(true);
    expect(declaredInputs(read('src/actions/root/inputs.ts')).sort()).toEqual(Object.keys(action.inputs).sort());
    for (const input of Object.keys(action.inputs)) expect(read('README.md')).toContain(`\`${input}\``);
  });

  it('dist/ is ESM: one package.json marks every entry and chunk as a module', () => {
    expect(JSON.parse(read('dist/package.json'))).toEqual({ type: 'module' });
  });

  it('no @actions/* import in src/core', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && /from '@actions\//.test(read(path))) offenders.push(path);
      }
    };
    walk('src/core');
    expect(offenders).toEqual([]);
  });
});

describe('gitlab components', () => {
  const templates = readdirSync(join(REPO_ROOT, 'gitlab/templates')).filter((f) => f.endsWith('.yml')).sort();

  it.each(templates)('%s: typed, described inputs that reach the script only through variables', (file) => {
    const [header, body] = parseAllDocuments(read(`gitlab/templates/${file}`)).map((doc) => doc.toJS());
    const inputs = header.spec.inputs as Record<string, any>;
    for (const required of ['stage', 'job-name', 'image']) expect(inputs, `${file} has input ${required}`).toHaveProperty(required);
    for (const [name, spec] of Object.entries(inputs)) expect(spec.description, `${file}: ${name} needs a description`).toBeTruthy();
    expect(Object.keys(body).some((key) => ['default', 'stages', 'variables', 'workflow'].includes(key)), 'no global keywords').toBe(false);
    for (const job of Object.values<any>(body)) {
      const script = [job.before_script, job.script, job.after_script].flat().filter(Boolean).join('\n');
      expect(script, `${file}: inputs must not be interpolated into script text`).not.toContain('$[[');
      for (const [variable, value] of Object.entries<any>(job.variables ?? {})) {
        if (JSON.stringify(value).includes('$[[ inputs.')) {
          expect(value, `${file}: ${variable} must keep input values literal (expand: false)`).toMatchObject({ expand: false });
        }
      }
    }
    const name = file.replace(/\.yml$/, '');
    expect(read('gitlab/README.md')).toContain(`<!-- inputs-${name}:start -->`);
  });

  it('images default to this release', () => {
    for (const file of templates) {
      const [header] = parseAllDocuments(read(`gitlab/templates/${file}`)).map((doc) => doc.toJS());
      expect(header.spec.inputs.image.default).toBe(`ghcr.io/nvidia/aicr-ci:${VERSION}`);
    }
  });
});

describe('project', () => {
  it('version in package.json matches the one the program reports', () => {
    expect(JSON.parse(read('package.json')).version).toBe(VERSION);
  });

  it('README documents every exit code and has the two quick-start commands', () => {
    const readme = read('README.md');
    for (const row of EXIT_CODE_TABLE) expect(readme).toMatch(new RegExp(`^\\| ${row.code} \\|`, 'm'));
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });

  it('test fixtures are documented', () => {
    const fixtures = join(REPO_ROOT, 'test/fixtures');
    if (!existsSync(fixtures)) return;
    const readme = existsSync(join(fixtures, 'README.md')) ? read('test/fixtures/README.md') : '';
    for (const entry of readdirSync(fixtures).filter((e) => e !== 'README.md')) expect(readme, `test/fixtures/README.md mentions ${entry}`).toContain(entry);
  });
});
