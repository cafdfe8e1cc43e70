/** Wrong input ends with its documented exit code (2: invalid input) and names the input as its door spells it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullDevice } from '../helpers/full-device.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { action, cli, gitlab, scratchDir, type DoorRun } from './doors.js';

type Door = 'cli' | 'action' | 'gitlab';
const DOORS: Door[] = ['cli', 'action', 'gitlab'];

/** How each door names an option in messages. */
const spelled = (door: Door, name: string): string => (door === 'cli' ? `--${name}` : `input "${name}"`);

/** A command through a door, with options as `{ name: value }` (flags on the CLI, inputs elsewhere). */
function run(door: Door, command: string, options: Record<string, string>, cwd = scratchDir(command)): DoorRun {
  if (door === 'cli') return cli([command, ...Object.entries(options).flatMap(([name, value]) => value.split('\n').flatMap((line) => [`--${name}`, line]))], { cwd });
  return door === 'action' ? action(command, options, { cwd }) : gitlab(command, options, { cwd });
}

/** The workspace holds only what the case put there (and GitLab's dotenv report). */
function expectNothingWritten(result: DoorRun, given: readonly string[] = []): void {
  const left = readdirSync(result.workspace).filter((name) => !given.includes(name) && !/^aicr-[a-z]+\.env$/.test(name));
  expect(left).toEqual([]);
}

/** A file in a fresh workspace. */
function fileIn(name: string, text: string): { cwd: string; path: string } {
  const cwd = scratchDir('file');
  const path = join(cwd, name);
  writeFileSync(path, text);
  return { cwd, path };
}

const DEEP = 100_000;
const deepJson = `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;
const deepFlow = `kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`;
const deepItems = `${'- '.repeat(DEEP)}x\n`;
// One argument or variable may hold at most 128 KiB on Linux: 50,000 keys of one letter fit.
const PATH_KEYS = 50_000;
const deepPath = Array.from({ length: PATH_KEYS }, () => 'a').join('.');

describe('input-codes', () => {
  it('cli: an unknown flag', () => {
    const run = cli(['recipe', '--servce', 'eks']);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('unknown flag --servce')]);
  });

  it('cli: an output that is a directory', () => {
    const dir = scratchDir('output-dir');
    const run = cli(['recipe', '--service', 'eks', '-o', dir]);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(`--output: ${dir} is a directory`)]);
  });

  it('action: a value outside an input\'s choices', () => {
    const run = action('recipe', { service: 'nope' });
    expect(run.code).toBe(2);
    expect(run.log).toMatch(/::error::[^\n]*input "service" must be one of/);
    expect(run.outputs).toEqual({});
  });

  it('gitlab: a value outside an input\'s choices', () => {
    const run = gitlab('recipe', { service: 'nope' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('input "service" must be one of');
  });

  describe('deep documents and paths are 2, never a stack overflow', () => {
    it.each([
      ['cli', deepJson, 'criteria.json'],
      ['action', deepFlow, 'criteria.yaml'],
      ['gitlab', deepItems, 'criteria.yaml'],
    ] as const)('%s: a criteria file nested 100,000 levels', (door, text, name) => {
      const { cwd } = fileIn(name, text);
      const result = run(door, 'recipe', { criteria: name, output: 'recipe.yaml' }, cwd);
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain(`${name}: the document nests more than 256 levels deep`);
      expectNothingWritten(result, [name]);
    });

    it('cli: a recipe and a snapshot nested 100,000 levels (this aborted the process)', () => {
      const { cwd } = fileIn('deep.yaml', deepItems);
      const result = cli(['validate', '--recipe', 'deep.yaml', '--snapshot', 'deep.yaml', '--output', 'report.json'], { cwd });
      expect(result.code, result.log).toBe(2);
      expect(result.stderr).toContain('deep.yaml: the document nests more than 256 levels deep');
      expectNothingWritten(result, ['deep.yaml']);
    });

    it.each(DOORS)('%s: a --set path of 50,000 keys', (door) => {
      const result = run(door, 'bundle', { recipe: 'missing.yaml', output: 'out', set: `gpu-operator:${deepPath}=1` });
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain(`${spelled(door, 'set')}: invalid override "gpu-operator:a.a.a`);
      expect(result.log).toContain(`the path has ${PATH_KEYS} keys, more than 64`);
      expectNothingWritten(result);
    });

    it('cli: a query selector of 50,000 keys', () => {
      const result = cli(['query', '--service', 'eks', '--selector', deepPath]);
      expect(result.code, result.log).toBe(2);
      expect(result.stderr).toContain(`--selector: has ${PATH_KEYS} keys, more than 264`);
    });

    it('cli: a constraint path with 100,000 dots', () => {
      const recipe = `kind: RecipeResult\napiVersion: aicr.nvidia.com/v1alpha1\nconstraints:\n  - name: K8s.${'a.'.repeat(DEEP)}b\n    value: ">= 1"\ncomponentRefs: []\n`;
      const { cwd } = fileIn('recipe.yaml', recipe);
      writeFileSync(join(cwd, 'snapshot.yaml'), 'kind: Snapshot\napiVersion: aicr.nvidia.com/v1alpha1\nmeasurements:\n  - type: K8s\n    subtypes:\n      - subtype: server\n        data:\n          version: v1.33.0\n');
      const result = cli(['validate', '--recipe', 'recipe.yaml', '--snapshot', 'snapshot.yaml'], { cwd });
      expect(result.code, result.log).toBe(2);
      expect(result.stderr).toContain('more than 1024 characters or 64 dots');
    });
  });

  describe('runaway templates are 2', () => {
    /** A --data directory whose nodewright-customizations manifest is `template`, and a recipe that uses it. */
    function runawayWorkspace(template: string): string {
      const cwd = scratchDir('runaway');
      const manifests = join(cwd, 'data', 'components', 'nodewright-customizations', 'manifests');
      mkdirSync(manifests, { recursive: true });
      writeFileSync(join(cwd, 'data', 'registry.yaml'), 'apiVersion: aicr.run/v1beta1\nkind: ComponentRegistry\ncomponents: []\n');
      writeFileSync(join(manifests, 'tuning.yaml'), `kind: ConfigMap\ndata:\n  x: ${template}\n`);
      writeFileSync(join(cwd, 'recipe.yaml'), [
        'kind: RecipeResult', 'apiVersion: aicr.run/v1', 'componentRefs:', '  - name: nodewright-customizations', '    namespace: skyhook', '    type: Helm',
        '    manifestFiles:', '      - components/nodewright-customizations/manifests/tuning.yaml', '',
      ].join('\n'));
      return cwd;
    }

    it.each([
      ['cli', '{{ printf "%99999999999d" 1 }}', 'printf width 99999999999 is larger than 1000000'],
      ['action', `{{ ${'('.repeat(5000)}1${')'.repeat(5000)} }}`, 'parentheses nest deeper than 100 levels'],
      ['gitlab', '{{ $x := "ab" }}{{ range 60 }}{{ $x = printf "%s%s" $x $x }}{{ end }}', 'its result exceeds'],
    ] as const)('%s: %s', (door, template, message) => {
      const cwd = runawayWorkspace(template);
      const result = run(door, 'bundle', { recipe: 'recipe.yaml', output: 'out', data: 'data' }, cwd);
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain('components/nodewright-customizations/manifests/tuning.yaml:3');
      expect(result.log).toContain(message);
      expectNothingWritten(result, ['data', 'recipe.yaml']);
    });
  });

  describe('a full disk is a clear error (8) with nothing replaced or half-written', () => {
    const FULL = fullDevice();

    it.runIf(FULL)('cli: --output on a full device', () => {
      const result = cli(['recipe', '--service', 'eks', '--output', FULL!]);
      expect(result.code, result.log).toBe(8);
      expect(result.stderr).toContain(`--output: cannot write ${FULL}: ENOSPC: no space left on device`);
      expect(result.stderr).toContain('hint: the file system is full');
      expect(statSync(FULL!).isCharacterDevice()).toBe(true);
    });

    it.runIf(FULL)('cli: standard output on a full disk', () => {
      const full = openSync(FULL!, 'w');
      try {
        const child = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'aicr.js'), 'recipe', '--service', 'eks'], { cwd: scratchDir('stdout'), stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH } });
        expect(child.status, child.stderr).toBe(8);
        expect(child.stderr).toContain('cannot write to standard output: ENOSPC');
        expect(child.stderr).not.toContain('Unhandled');
      } finally {
        closeSync(full);
      }
    });

    it.runIf(FULL)('action: output on a full device', () => {
      const result = action('recipe', { service: 'eks', output: FULL! });
      expect(result.code, result.log).toBe(8);
      expect(result.log).toContain(`input "output": cannot write ${FULL}: ENOSPC`);
      expect(statSync(FULL!).isCharacterDevice()).toBe(true);
    });
  });

  describe('near-miss cm:// locations are 2 with a hint, not file names', () => {
    const FORMS: Array<[string, string]> = [
      [' cm://gpu-ops/criteria', 'has blanks around it'],
      ['cm:gpu-ops/criteria', 'cm: needs two slashes'],
      ['cm:/gpu-ops/criteria', 'cm: needs two slashes'],
      ['CM://gpu-ops/criteria', 'spells the cm:// scheme in upper case'],
      ['cm://gpu-ops', 'it needs a namespace and a name'],
      ['cm://gpu-ops/criteria/extra', 'it has more than a namespace and a name'],
      ['configmap://gpu-ops/criteria', 'uses a scheme aicr does not know'],
    ];
    // The action runner trims inputs, so a leading blank never reaches the action.
    const cases = DOORS.flatMap((door) => FORMS.filter(([form]) => door !== 'action' || form.trim() === form).map(([form, message]) => [door, form, message] as const));

    it.each(cases)('%s: %j', (door, form, message) => {
      const result = run(door, 'recipe', { criteria: form, output: 'recipe.yaml' });
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain(`${spelled(door, 'criteria')}: `);
      expect(result.log).toContain(message);
      expect(result.log).toContain('cm://<namespace>/<name>');
      expectNothingWritten(result);
    });
  });

  describe('unknown keys in strict documents are 2, naming the key and a near one', () => {
    it.each(DOORS)('%s: a criteria file with "serivce"', (door) => {
      const { cwd } = fileIn('criteria.yaml', 'kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  serivce: eks\n');
      const result = run(door, 'recipe', { criteria: 'criteria.yaml', output: 'recipe.yaml' }, cwd);
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain('criteria.yaml:4:3: RecipeCriteria field spec has the unknown field "serivce" (did you mean "service"?)');
      expectNothingWritten(result, ['criteria.yaml']);
    });

    it.each([
      ['overlays/custom.yaml', 'kind: RecipeMetadata\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  name: custom\nspec:\n  criteria:\n    service: eks\n  compnentRefs: []\n', 'RecipeMetadata field spec has the unknown field "compnentRefs" (did you mean "componentRefs"?)'],
      ['registry.yaml', 'apiVersion: aicr.nvidia.com/v1alpha1\nkind: ComponentRegistry\ncomponents:\n  - name: custom\n    helm:\n      defaultRepo: https://example.com\n', 'ComponentRegistry field components[0].helm has the unknown field "defaultRepo"'],
    ])('cli: --data %s', (file, text, message) => {
      const cwd = scratchDir('data');
      mkdirSync(join(cwd, 'data', 'overlays'), { recursive: true });
      writeFileSync(join(cwd, 'data', 'registry.yaml'), 'apiVersion: aicr.nvidia.com/v1alpha1\nkind: ComponentRegistry\ncomponents: []\n');
      writeFileSync(join(cwd, 'data', file), text);
      const result = cli(['recipe', '--service', 'eks', '--data', 'data', '--output', 'recipe.yaml'], { cwd });
      expect(result.code, result.log).toBe(2);
      expect(result.stderr).toContain(message);
      expectNothingWritten(result, ['data']);
    });

    it('cli: a snapshot with "measurement"', () => {
      const { cwd } = fileIn('snapshot.yaml', 'kind: Snapshot\napiVersion: aicr.nvidia.com/v1alpha1\nmeasurement: []\nmeasurements: []\n');
      const result = cli(['recipe', '--snapshot', 'snapshot.yaml', '--output', 'recipe.yaml'], { cwd });
      expect(result.code, result.log).toBe(2);
      expect(result.stderr).toContain('Snapshot document has the unknown field "measurement" (did you mean "measurements"?)');
      expectNothingWritten(result, ['snapshot.yaml']);
    });
  });

  describe('negative and absurd node counts are 2 at every door', () => {
    const ABSURD = ['-1', '1e9', '99999999999999999999', '0x10', '1.5'];
    const cases = DOORS.flatMap((door) => ABSURD.map((nodes) => [door, nodes] as const));

    it.each(cases)('%s recipe: nodes %s', (door, nodes) => {
      const result = run(door, 'recipe', { service: 'eks', nodes, output: 'recipe.yaml' });
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain(`${spelled(door, 'nodes')}: `);
      expectNothingWritten(result);
    });

    it.each(DOORS)('%s bundle: nodes 1e9', (door) => {
      const result = run(door, 'bundle', { recipe: 'recipe.yaml', nodes: '1e9', output: 'out' });
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain(`${spelled(door, 'nodes')}: takes a whole number, not "1e9"`);
      expectNothingWritten(result);
    });

    it.each(ABSURD)('root action: nodes %s', (nodes) => {
      const result = action('root', { service: 'eks', nodes, 'output-dir': 'aicr' });
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain('input "nodes": ');
      expectNothingWritten(result);
    });

    it.each(ABSURD)('cli: nodes: %s in a criteria file', (nodes) => {
      const { cwd } = fileIn('criteria.yaml', `kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  service: eks\n  nodes: ${nodes}\n`);
      const result = cli(['recipe', '--criteria', 'criteria.yaml', '--output', 'recipe.yaml'], { cwd });
      expect(result.code, result.log).toBe(2);
      expect(result.stderr).toMatch(/spec\.nodes|invalid nodes/);
      expectNothingWritten(result, ['criteria.yaml']);
    });
  });

  describe('control characters in inputs and recipe fields are 2', () => {
    it.each(DOORS)('%s: an escape sequence in service', (door) => {
      const result = run(door, 'recipe', { service: 'eks\u001b[2J', output: 'recipe.yaml' });
      expect(result.code, result.log).toBe(2);
      expect(result.log).toContain(`${spelled(door, 'service')}: holds the control character U+001B`);
      expectNothingWritten(result);
    });

    it('cli: a carriage return in a recipe field', () => {
      const { cwd } = fileIn('recipe.yaml', 'kind: RecipeResult\napiVersion: aicr.nvidia.com/v1alpha1\ncomponentRefs:\n  - name: "gpu-operator\\rfake"\n    namespace: gpu-operator\n');
      const result = cli(['bundle', '--recipe', 'recipe.yaml', '--output', 'out'], { cwd });
      expect(result.code, result.log).toBe(2);
      expect(result.stderr).toContain('RecipeResult field componentRefs[0].name holds the control character U+000D');
      expectNothingWritten(result, ['recipe.yaml']);
    });
  });
});

