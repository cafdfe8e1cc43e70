// One definition per option: every door (CLI flags, action.yml, GitLab spec:inputs) and every
// generated document (README tables, docs/options.md) must agree with the option tables in
// src/stages.ts, and the layout a newcomer relies on must hold.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';
import { EXIT_CODE_TABLE } from '../../src/core/errors.js';
import { VERSION } from '../../src/core/version.js';
import { DOORS, defaultAt, nameAt, offeredAt, optionKey } from '../../src/core/options/spec.js';
import { dotenvName, outputName } from '../../src/core/options/outputs.js';
import { inputVariable } from '../../src/gitlab/inputs.js';
import { flagsOf } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { STAGES } from '../../src/stages.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const actionPath = (folder: string) => (folder === 'root' ? 'action.yml' : `actions/${folder}/action.yml`);
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

describe('option tables', () => {
  const options = STAGES.flatMap((stage) => Object.entries(stage.options).map(([property, spec]) => ({ stage: stage.action.name, property, spec })));

  it.each(options.map((o) => [`${o.stage}: ${optionKey(o.property)}`, o] as const))('%s follows the naming rule and says why a door lacks it', (_, { property, spec }) => {
    expect(optionKey(property)).toMatch(KEBAB);
    for (const door of DOORS) {
      if (!offeredAt(spec, door)) expect(spec.absent![door], `reason for ${door}`).toMatch(/\w{3}/);
      const name = nameAt(property, spec, door);
      expect(name).toMatch(KEBAB);
      // A door spells an option differently only where the table says why.
      if (name !== optionKey(property)) expect(spec.why, `why ${door} says ${name}`).toMatch(/\w{3}/);
    }
    expect(spec.description).toMatch(/^[A-Za-z`].*[.)]$/);
    if (spec.type === 'enum') expect(spec.choices?.length).toBeGreaterThan(0);
  });

  it('every option a user may need is offered by every door of its stage, or the table says why not', () => {
    for (const stage of STAGES) {
      const doors = DOORS.filter((door) => (door === 'cli' ? stage.command : door === 'gitlab' ? stage.component : true));
      for (const [property, spec] of Object.entries(stage.options)) {
        for (const door of doors) if (!offeredAt(spec, door)) expect(spec.absent?.[door], `${stage.action.name} ${property} at ${door}`).toBeTruthy();
      }
    }
  });
});

describe('actions', () => {
  const actionStages = STAGES.map((stage) => [stage.action.folder, stage] as const);

  it('every action folder and entry belongs to a stage', () => {
    const folders = readdirSync(join(REPO_ROOT, 'actions')).filter((name) => existsSync(join(REPO_ROOT, 'actions', name, 'action.yml'))).sort();
    const entries = readdirSync(join(REPO_ROOT, 'src/actions')).filter((name) => existsSync(join(REPO_ROOT, 'src/actions', name, 'index.ts'))).sort();
    expect(folders).toEqual(STAGES.map((s) => s.action.folder).filter((f) => f !== 'root').sort());
    expect(entries).toEqual(STAGES.map((s) => s.action.folder).sort());
  });

  it.each(actionStages)('%s: action.yml declares exactly the table\'s inputs and outputs, with its descriptions and defaults', (folder, stage) => {
    const action = parse(read(actionPath(folder)));
    expect(action.runs).toEqual({ using: 'node24', main: folder === 'root' ? 'dist/root/index.js' : `../../dist/${folder}/index.js` });
    expect(existsSync(join(REPO_ROOT, 'dist', folder, 'index.js'))).toBe(true);
    const expected: Record<string, { description: string; required: boolean; default?: string }> = {};
    for (const [property, spec] of Object.entries(stage.options)) {
      if (!offeredAt(spec, 'action') || spec.gitlabJob) continue;
      const fallback = defaultAt(spec, 'action');
      expected[nameAt(property, spec, 'action')] = {
        description: spec.description,
        required: Boolean(spec.required) && fallback === undefined,
        ...(fallback !== undefined && fallback !== '' ? { default: String(fallback) } : {}),
      };
    }
    expect(action.inputs).toEqual(expected);
    expect(Object.keys(action.outputs)).toEqual(Object.keys(stage.outputs.outputs).map(outputName));
    for (const [property, output] of Object.entries(stage.outputs.outputs)) expect(action.outputs[outputName(property)].description).toBe(output.description);
    const entry = read(`src/actions/${folder}/index.ts`).trim().split('\n');
    expect(entry.length, 'entry files stay thin').toBeLessThanOrEqual(6);
    const readme = folder === 'root' ? read('README.md') : read(`actions/${folder}/README.md`);
    for (const input of Object.keys(expected)) expect(readme, `README lists ${input}`).toContain(`\`${input}\``);
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

describe('the command line', () => {
  it.each(STAGES.filter((s) => s.command).map((s) => [s.command!, s] as const))('aicr %s takes exactly the table\'s command-line options', async (name, stage) => {
    const command = await COMMANDS[name]!.load();
    expect(command.options).toBe(stage.options);
    const expected = Object.entries(stage.options).filter(([, spec]) => offeredAt(spec, 'cli') && !spec.gitlabJob).map(([property, spec]) => nameAt(property, spec, 'cli'));
    expect(flagsOf(command.options).map((flag) => flag.name)).toEqual(expected);
  });
});

describe('gitlab components', () => {
  const componentStages = STAGES.filter((s) => s.component).map((s) => [s.component!.name, s] as const);

  it('every template belongs to a stage', () => {
    const templates = readdirSync(join(REPO_ROOT, 'gitlab/templates')).filter((f) => f.endsWith('.yml')).map((f) => f.replace(/\.yml$/, '')).sort();
    expect(templates).toEqual([...componentStages.map(([name]) => name), 'pipeline'].sort());
  });

  it.each(componentStages)('%s: spec:inputs are the table\'s (names, types, defaults, options, regex), and reach the job only as literal variables', (name, stage) => {
    const [header, body] = parseAllDocuments(read(`gitlab/templates/${name}.yml`)).map((doc) => doc.toJS());
    const inputs = header.spec.inputs as Record<string, any>;
    const expectedNames: string[] = [];
    for (const [property, spec] of Object.entries(stage.options)) {
      if (!offeredAt(spec, 'gitlab')) continue;
      const input = nameAt(property, spec, 'gitlab');
      expectedNames.push(input);
      const got = inputs[input];
      expect(got, input).toBeDefined();
      expect(got.description).toBe(spec.description);
      expect(got.type ?? 'string').toBe(spec.type === 'bool' ? 'boolean' : spec.type === 'int' ? 'number' : 'string');
      const fallback = defaultAt(spec, 'gitlab');
      if (fallback !== undefined) expect(got.default, input).toEqual(fallback);
      else if (spec.required) expect(got, `${input} is required`).not.toHaveProperty('default');
      if (spec.type === 'enum') expect(got.options.filter((o: string) => o !== '')).toEqual([...spec.choices!, ...Object.keys(spec.choiceAliases ?? {})]);
      expect(got.regex).toBe(spec.regex);
    }
    for (const need of stage.component!.needs ?? []) expect(inputs[`${need.component}-job`], `${need.component}-job`).toBeDefined();
    const needInputs = (stage.component!.needs ?? []).map((need) => `${need.component}-job`);
    expect(Object.keys(inputs).sort()).toEqual([...expectedNames, ...needInputs].sort());
    expect(Object.keys(body).some((key) => ['default', 'stages', 'variables', 'workflow'].includes(key)), 'no global keywords').toBe(false);
    const job = Object.values<any>(body)[0];
    expect(job.script).toEqual([`aicr ${stage.command} --inputs-from-env --dotenv aicr-${name}.env`]);
    for (const input of expectedNames.filter((n) => !['stage', 'job-name', 'image'].includes(n))) {
      expect(job.variables[inputVariable(input)], input).toEqual({ value: `$[[ inputs.${input} ]]`, expand: false });
    }
    const readme = read('gitlab/README.md');
    expect(readme).toContain(`<!-- inputs-${name}:start -->`);
    for (const [property, output] of Object.entries(stage.outputs.outputs)) if (!output.githubOnly) expect(readme).toContain(`\`${dotenvName(stage.outputs.stage, property)}\``);
  });

  it('chain with their defaults: each needed job is the needed component\'s default job, in an earlier or the same default stage of GitLab', () => {
    const gitlabStages = ['.pre', 'build', 'test', 'deploy', '.post'];
    const headers = new Map(componentStages.map(([name]) => [name, (parseAllDocuments(read(`gitlab/templates/${name}.yml`))[0]!.toJS() as any).spec.inputs]));
    for (const [name, stage] of componentStages) {
      const inputs = headers.get(name)!;
      expect(gitlabStages, `${name} defaults to one of GitLab's default stages`).toContain(inputs.stage.default);
      const job = Object.values<any>(parseAllDocuments(read(`gitlab/templates/${name}.yml`))[1]!.toJS())[0];
      for (const need of stage.component!.needs ?? []) {
        const needed = headers.get(need.component)!;
        expect(inputs[`${need.component}-job`].default).toBe(needed['job-name'].default);
        expect(gitlabStages.indexOf(needed.stage.default)).toBeLessThanOrEqual(gitlabStages.indexOf(inputs.stage.default));
        expect(job.needs).toContainEqual({ job: `$[[ inputs.${need.component}-job ]]`, artifacts: need.artifacts, optional: true });
      }
    }
    // The document inputs default to the artifact the needed job keeps.
    expect(headers.get('validate').recipe.default).toBe(headers.get('recipe').output.default);
    expect(headers.get('validate').snapshot.default).toBe(headers.get('snapshot').output.default);
    expect(headers.get('bundle').recipe.default).toBe(headers.get('recipe').output.default);
    expect(headers.get('verify-checksums')['bundle-dir'].default).toBe(headers.get('bundle').output.default);
  });

  it('pipeline: every component\'s inputs under its prefix, passed to its job as the same literal variables, one image', () => {
    const [header, body] = parseAllDocuments(read('gitlab/templates/pipeline.yml')).map((doc) => doc.toJS());
    const inputs = header.spec.inputs as Record<string, any>;
    const expected = ['image'];
    for (const [name, stage] of componentStages) {
      const [single, singleBody] = parseAllDocuments(read(`gitlab/templates/${name}.yml`)).map((doc) => doc.toJS());
      const singleJob = Object.values<any>(singleBody)[0];
      const job = body[`$[[ inputs.${name}-job-name ]]`];
      expect(job, name).toBeDefined();
      expect(job.stage).toBe(`$[[ inputs.${name}-stage ]]`);
      expect(job.image).toBe('$[[ inputs.image ]]');
      expect(job.script).toEqual(singleJob.script);
      for (const [input, spec] of Object.entries<any>(single.spec.inputs)) {
        if (input === 'image' || input.endsWith('-job')) continue;
        expected.push(`${name}-${input}`);
        const chained = stage.component!.pipelineDefaults?.[input];
        expect(inputs[`${name}-${input}`], `${name}-${input}`).toEqual(chained === undefined ? spec : { ...spec, default: chained });
        if (singleJob.variables[inputVariable(input)]) expect(job.variables[inputVariable(input)]).toEqual({ value: `$[[ inputs.${name}-${input} ]]`, expand: false });
      }
      expect(job.needs ?? []).toEqual((stage.component!.needs ?? []).map((need) => ({ job: `$[[ inputs.${need.component}-job-name ]]`, artifacts: need.artifacts })));
    }
    expect(Object.keys(inputs).sort()).toEqual(expected.sort());
    expect(read('gitlab/README.md')).toContain('<!-- inputs-pipeline:start -->');
  });

  it('images default to this release', () => {
    for (const name of [...componentStages.map(([n]) => n), 'pipeline']) {
      const [header] = parseAllDocuments(read(`gitlab/templates/${name}.yml`)).map((doc) => doc.toJS());
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

  it('docs/options.md lists every option of every stage', () => {
    const doc = read('docs/options.md');
    for (const stage of STAGES) for (const property of Object.keys(stage.options)) expect(doc).toContain(`| \`${optionKey(property)}\` |`);
  });

  it('test fixtures are documented', () => {
    const fixtures = join(REPO_ROOT, 'test/fixtures');
    if (!existsSync(fixtures)) return;
    const readme = existsSync(join(fixtures, 'README.md')) ? read('test/fixtures/README.md') : '';
    for (const entry of readdirSync(fixtures).filter((e) => e !== 'README.md')) expect(readme, `test/fixtures/README.md mentions ${entry}`).toContain(entry);
  });
});

describe('generated files', () => {
  it('action.yml files, component templates, docs/options.md and README tables are what npm run docs writes', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(REPO_ROOT, 'scripts', 'docs.ts'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });
});
