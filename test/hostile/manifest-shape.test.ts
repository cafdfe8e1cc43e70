/**
 * Values cannot change the shape of rendered manifests: a `--set` value (or a recipe value)
 * printed by a catalog manifest template may not add a document, a key or an object, nor bring
 * its own YAML syntax. Each door refuses with exit 2, names the value's origin in its own
 * spelling, and writes no bundle. Values files, written by our YAML writer, stay safe.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { action, cli, gitlab, scratchDir, type DoorRun } from './doors.js';

// cert-manager-ocp-olm's Subscription prints its values as plain scalars (an OpenShift recipe).
const COMPONENT = 'cert-manager-ocp-olm';
const SET_KEY = `${COMPONENT}:subscription.channel`;
const MANIFEST = `components/${COMPONENT}/manifests/subscription.yaml`;
let recipe = '';

beforeAll(() => {
  const dir = scratchDir('shape-recipe');
  recipe = join(dir, 'recipe.yaml');
  const run = cli(['recipe', '--service', 'ocp', '--intent', 'training', '-o', recipe]);
  expect(run.code, run.stderr).toBe(0);
});

/** A workspace holding the recipe (edited by `edit` when given). */
function workspace(edit?: (document: Record<string, any>) => void): string {
  const dir = scratchDir('shape');
  if (!edit) {
    copyFileSync(recipe, join(dir, 'recipe.yaml'));
    return dir;
  }
  const document = parse(readFileSync(recipe, 'utf8')) as Record<string, any>;
  edit(document);
  writeFileSync(join(dir, 'recipe.yaml'), stringify(document));
  return dir;
}

type Door = 'cli' | 'action' | 'gitlab';

/** `aicr bundle` through a door, with `set` lines; the bundle goes to `out` in the workspace. */
function bundle(door: Door, set: string[], cwd: string): DoorRun {
  if (door === 'cli') return cli(['bundle', '-r', 'recipe.yaml', '-o', 'out', ...set.flatMap((line) => ['--set', line])], { cwd });
  const inputs = { recipe: 'recipe.yaml', output: 'out', ...(set.length ? { set: set.join('\n') } : {}) };
  return door === 'action' ? action('bundle', inputs, { cwd }) : gitlab('bundle', inputs, { cwd });
}

/** Nothing of a bundle was left behind: no output folder, no staging folder. */
function expectNothingWritten(run: DoorRun): void {
  const left = readdirSync(run.workspace).filter((name) => name !== 'recipe.yaml' && name !== 'aicr-bundle.env');
  expect(left).toEqual([]);
  expect(run.outputs['bundle-dir'] ?? run.outputs.AICR_BUNDLE_BUNDLE_DIR).toBeUndefined();
}

const setSpelling: Record<Door, string> = { cli: '--set', action: 'input "set"', gitlab: 'input "set"' };

// One line each: the CLI, the action and the component split `set` at line breaks.
const INJECTIONS: Array<[string, string]> = [
  ['{a: b}', 'starts with "{", which YAML reads as a mapping'],
  ['[a, b]', 'starts with "[", which YAML reads as a list'],
  ['"quoted" # comment', 'starts with a quote, which YAML reads as the quoting of the value'],
  ['h100 # comment', 'holds " #", which YAML reads as the start of a comment'],
  ['&anchor', 'starts with "&", which YAML reads as an anchor'],
  ['*alias', 'starts with "*", which YAML reads as an alias'],
  ['!!binary aGVsbG8=', 'starts with "!", which YAML reads as a tag'],
  ['- x', 'starts with "- ", which YAML reads as a list item'],
  ['key: value', 'holds ": ", which YAML reads as a key'],
  ['|', 'starts with "|", which YAML reads as a block of text'],
];

describe('manifest-shape', () => {
  describe.each(['cli', 'action', 'gitlab'] as const)('%s door', (door) => {
    it.each(INJECTIONS)(`--set value %j is refused`, (value, reason) => {
      const run = bundle(door, [`${SET_KEY}=${value}`], workspace());
      expect(run.code, run.log).toBe(2);
      expect(run.log).toContain(`component "${COMPONENT}": ${setSpelling[door]} ${SET_KEY}=… gives ${JSON.stringify(value)}, which ${reason}, in manifest ${MANIFEST}`);
      expectNothingWritten(run);
    });

    it.each([
      ['x\n---\nkind: Secret\nmetadata:\n  name: stolen', 'starts a new YAML document'],
      ['x\nnewKey: y', 'continues on another line'],
    ])('recipe value %j is refused, naming the recipe path', (value, reason) => {
      const cwd = workspace((document) => {
        const ref = (document.componentRefs as Array<Record<string, any>>).find((entry) => entry.name === COMPONENT)!;
        ref.overrides = { ...ref.overrides, subscription: { ...ref.overrides?.subscription, channel: value } };
      });
      const index = (parse(readFileSync(join(cwd, 'recipe.yaml'), 'utf8')).componentRefs as Array<{ name: string }>).findIndex((entry) => entry.name === COMPONENT);
      const run = bundle(door, [], cwd);
      expect(run.code, run.log).toBe(2);
      expect(run.log).toContain(`recipe componentRefs[${index}].overrides.subscription.channel gives`);
      expect(run.log).toContain(reason);
      expectNothingWritten(run);
    });
  });

  it('gitlab: a value shaped like YAML in a second set line is refused too, naming that line', () => {
    const run = bundle('gitlab', [`${SET_KEY}=stable`, `${COMPONENT}:subscription.source={evil: true}`], workspace());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`input "set" ${COMPONENT}:subscription.source=… gives "{evil: true}"`);
    expectNothingWritten(run);
  });

  it('cli: plain values that merely look odd still bundle', () => {
    const run = bundle('cli', [`${SET_KEY}=h100:x,y#1 {a}`], workspace());
    expect(run.code, run.log).toBe(0);
    const folder = readdirSync(join(run.workspace, 'out')).find((name) => new RegExp(`^\\d+-${COMPONENT}$`).test(name))!;
    const subscription = readFileSync(join(run.workspace, 'out', folder, 'templates', 'subscription.yaml'), 'utf8');
    const [document] = parseAllDocuments(subscription).map((doc) => doc.toJS());
    expect(document.spec.channel).toBe('h100:x,y#1 {a}');
  });

  it.each(['cli', 'action', 'gitlab'] as const)('%s: values files keep hostile --set values as strings where they were set', (door) => {
    const hostile = ['{a: b}', '"q" # c', '&anchor', '*alias', '!!tag x', '- x', 'a: b', '---', '|'];
    const run = bundle(door, hostile.map((value, i) => `prometheus-adapter-ocp:hostile.v${i}=${value}`), workspace());
    expect(run.code, run.log).toBe(0);
    const folder = readdirSync(join(run.workspace, 'out')).find((name) => /^\d+-prometheus-adapter-ocp$/.test(name))!;
    const docs = parseAllDocuments(readFileSync(join(run.workspace, 'out', folder, 'values.yaml'), 'utf8'));
    expect(docs).toHaveLength(1);
    expect(docs[0]!.errors).toEqual([]);
    expect((docs[0]!.toJS() as { hostile: Record<string, string> }).hostile).toEqual(Object.fromEntries(hostile.map((value, i) => [`v${i}`, value])));
    expect(existsSync(join(run.workspace, 'out', 'checksums.txt'))).toBe(true);
  });
});
