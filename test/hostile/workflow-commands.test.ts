/**
 * No forged workflow commands: whatever a recipe, snapshot, criteria file, file name, input
 * value, child process or cluster holds, nothing we print (CLI stdout/stderr, action logs and
 * annotations, summaries) runs as a command in a GitHub runner: `::name::` after any leading
 * whitespace the runner trims, or `##[name]` anywhere. Tables carry no escape sequences.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeToolsEnv } from '../core/snapshot/fake-tools.js';
import { FIXTURES } from '../helpers/paths.js';
import { expectNoForgery } from './assertions.js';
import { action, cli, gitlab, scratchDir } from './doors.js';
import { startFakeCluster, type FakeClusterProcess } from './fake-cluster.js';

const SNAPSHOT = join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml');
const RECIPE = join(FIXTURES, 'validate', 'recipe-extended.yaml');
const ESC = '\u001b';

/** Leading whitespace the GitHub runner trims before it looks for `::` (.NET Char.IsWhiteSpace), and U+FEFF. */
const WHITESPACE: Record<string, string> = {
  none: '', space: ' ', tab: '\t', 'vertical tab': '\v', 'form feed': '\f', 'U+0085 next line': '\u0085', 'U+00A0 no-break space': '\u00a0',
  'U+1680 ogham space': '\u1680', 'U+2000 en quad': '\u2000', 'U+2005 four-per-em space': '\u2005', 'U+200A hair space': '\u200a',
  'U+2028 line separator': '\u2028', 'U+2029 paragraph separator': '\u2029', 'U+202F narrow no-break space': '\u202f',
  'U+205F medium mathematical space': '\u205f', 'U+3000 ideographic space': '\u3000', 'U+FEFF byte order mark': '\ufeff', 'mixed spaces and tabs': ' \t \u00a0',
};

/** Payloads: a second line that is a command after `space`, and the legacy form in the middle of a line. */
const PAYLOADS: Array<[string, string]> = [
  ...Object.entries(WHITESPACE).map(([name, space]): [string, string] => [`::command:: after ${name}`, `debian\n${space}::error title=x::PWNED`]),
  ['legacy ##[command] mid-line', 'debian ##[error]PWNED'],
  ['legacy ##[command] on a line of its own', 'debian\n##[add-mask]PWNED'],
];

/** YAML double-quoted text with every character outside printable ASCII escaped. */
const yamlQuoted = (text: string): string => JSON.stringify(text).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

function writeFile(name: string, text: string): string {
  const dir = scratchDir('input');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The passing snapshot with OS.release.ID (checked by the recipe: ubuntu) set to `value`. */
function hostileSnapshot(value: string): string {
  return writeFile('snapshot.yaml', readFileSync(SNAPSHOT, 'utf8').replace('ID: ubuntu', `ID: ${yamlQuoted(value)}`));
}

describe('workflow-commands', () => {
  describe('snapshot values, for every whitespace the runner trims and the legacy form', () => {
    for (const [name, value] of PAYLOADS) {
      it(`cli diff (YAML on stdout): ${name}`, () => {
        expectNoForgery(cli(['diff', '-b', SNAPSHOT, '--target', hostileSnapshot(value)]), 0);
      });

      it(`gitlab validate (table on stdout): ${name}`, () => {
        expectNoForgery(gitlab('validate', { recipe: RECIPE, snapshot: hostileSnapshot(value) }), 10);
      });

      it(`action validate (log, annotations, summary): ${name}`, () => {
        expectNoForgery(action('validate', { recipe: RECIPE, snapshot: hostileSnapshot(value) }), 10);
      });
    }
  });

  describe('recipe values', () => {
    const recipe = () => writeFile('recipe.yaml', readFileSync(RECIPE, 'utf8').replace('remediation: Upgrade Kubernetes to 1.32.4 or later', `remediation: ${yamlQuoted('upgrade\n\u3000::error::PWNED ##[warning]PWNED')}`).replace("value: '>= 1.32.4'", "value: '>= 9.0'"));

    it('cli validate -t yaml (the CTRF report on stdout)', () => {
      expectNoForgery(cli(['validate', '-r', recipe(), '-s', SNAPSHOT, '-t', 'yaml']), 10);
    });

    it('action validate: remediation in annotations and the summary', () => {
      expectNoForgery(action('validate', { recipe: recipe(), snapshot: SNAPSHOT }), 10);
    });

    it('gitlab validate', () => {
      expectNoForgery(gitlab('validate', { recipe: recipe(), snapshot: SNAPSHOT }), 10);
    });
  });

  describe('file names', () => {
    // A line break in a flag or input value is refused outright (control characters are input
    // errors); the legacy ##[ form needs none and is neutralised wherever the name is printed.
    const withBreak = () => join(scratchDir('names'), 'recipe\n\u0085::error::PWNED ##[error]PWNED.yaml');
    const legacy = () => join(scratchDir('names'), 'recipe ##[error]PWNED.yaml');

    it('cli validate: a recipe path holding a line break is refused (2)', () => {
      expectNoForgery(cli(['validate', '-r', withBreak(), '-s', SNAPSHOT]), 2);
    });

    it('action validate: a recipe path holding a line break is refused (2)', () => {
      expectNoForgery(action('validate', { recipe: withBreak(), snapshot: SNAPSHOT }), 2);
    });

    it('gitlab validate: a recipe path holding a line break is refused (2)', () => {
      expectNoForgery(gitlab('validate', { recipe: withBreak(), snapshot: SNAPSHOT }), 2);
    });

    it('cli validate: a missing recipe path holding ##[ (3)', () => {
      expectNoForgery(cli(['validate', '-r', legacy(), '-s', SNAPSHOT]), 3);
    });

    it('action validate: a missing recipe path holding ##[ (3)', () => {
      expectNoForgery(action('validate', { recipe: legacy(), snapshot: SNAPSHOT }), 3);
    });

    it('gitlab validate: a missing recipe path holding ##[ (3)', () => {
      expectNoForgery(gitlab('validate', { recipe: legacy(), snapshot: SNAPSHOT }), 3);
    });

    it('action recipe: an output file name holding ##[ is written and logged inertly (0)', () => {
      expectNoForgery(action('recipe', { service: 'eks', output: 'recipe ##[group]PWNED.yaml' }), 0);
    });
  });

  describe('input values', () => {
    const hostile = 'eks\n\u00a0::error::PWNED\n##[error]PWNED';

    it('cli --service (2)', () => {
      expectNoForgery(cli(['recipe', '--service', hostile]), 2);
    });

    it('action input service (2)', () => {
      expectNoForgery(action('recipe', { service: hostile }), 2);
    });

    it('gitlab input service (2)', () => {
      expectNoForgery(gitlab('recipe', { service: hostile }), 2);
    });
  });

  describe('criteria files', () => {
    const criteria = () => writeFile('criteria.yaml', `kind: RecipeCriteria\napiVersion: aicr.nvidia.com/v1alpha1\nspec:\n  service: ${yamlQuoted('eks\n\u205f::error::PWNED ##[error]PWNED')}\n`);

    it('cli recipe --criteria (2)', () => {
      expectNoForgery(cli(['recipe', '--criteria', criteria()]), 2);
    });

    it('action recipe criteria (2)', () => {
      expectNoForgery(action('recipe', { criteria: criteria() }), 2);
    });

    it('gitlab recipe criteria (2)', () => {
      expectNoForgery(gitlab('recipe', { criteria: criteria() }), 2);
    });
  });

  describe('tables carry no escape sequences or control characters', () => {
    const value = `x${ESC}[2J${ESC}[1;1H${ESC}]0;title\u0007\r::error::PWNED\u0085\u009b2Ky`;

    it('cli diff -t table', () => {
      const run = cli(['diff', '-b', SNAPSHOT, '--target', hostileSnapshot(value), '-t', 'table']);
      expectNoForgery(run, 0);
      expect(run.stdout).toContain('OS.release.ID');
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });

    it('cli validate (table)', () => {
      const run = cli(['validate', '-r', RECIPE, '-s', hostileSnapshot(value)]);
      expectNoForgery(run, 10);
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });

    it('gitlab validate (table)', () => {
      const run = gitlab('validate', { recipe: RECIPE, snapshot: hostileSnapshot(value) });
      expectNoForgery(run, 10);
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });

    it('action validate (summary tables)', () => {
      const run = action('validate', { recipe: RECIPE, snapshot: hostileSnapshot(value) });
      expectNoForgery(run, 10);
      expect(run.summary).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });
  });

  describe('child process output (a node tool that complains)', () => {
    const tools = () => fakeToolsEnv({ 'nvidia-smi': { stderr: 'NVML failed\n\u2003::error::PWNED\n##[error]PWNED', exitCode: 9 }, systemctl: { stderr: '\u0085::add-mask::PWNED', exitCode: 1 } }, { PATH: process.env.PATH }).env;

    it('cli snapshot (0)', () => {
      expectNoForgery(cli(['snapshot', '--local', '-o', 'snap.yaml'], { env: tools() }), 0);
    });

    it('action snapshot (0)', () => {
      expectNoForgery(action('snapshot', {}, { env: tools() }), 0);
    });

    it('gitlab snapshot (0)', () => {
      expectNoForgery(gitlab('snapshot', {}, { env: tools() }), 0);
    });
  });

  describe('cluster data (a ClusterPolicy)', () => {
    let cluster: FakeClusterProcess;

    beforeAll(async () => {
      const spec = {
        driver: { version: '580.82.07', notes: 'line one\n\u3000::error::PWNED\n  ##[error]PWNED', banner: `${ESC}[2J${ESC}[1;1Hcleared\r::warning::PWNED` },
        mig: { strategy: 'single' },
      };
      cluster = await startFakeCluster({ objects: [['clusterpolicies', { apiVersion: 'nvidia.com/v1', kind: 'ClusterPolicy', metadata: { name: 'cluster-policy' }, spec }]] });
    });
    afterAll(() => cluster?.stop());

    it('cli snapshot (YAML on stdout)', () => {
      const run = cli(['snapshot', '--local', '-k', cluster.kubeconfig]);
      expectNoForgery(run, 0);
      expect(run.stdout).toContain('driver.notes');
    });

    it('cli snapshot -t table', () => {
      const run = cli(['snapshot', '--local', '-k', cluster.kubeconfig, '-t', 'table']);
      expectNoForgery(run, 0);
      expect(run.stdout).toContain('driver.banner');
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });

    it('action snapshot (log and summary)', () => {
      expectNoForgery(action('snapshot', { kubeconfig: cluster.kubeconfig }), 0);
    });

    it('gitlab snapshot', () => {
      expectNoForgery(gitlab('snapshot', { kubeconfig: cluster.kubeconfig, format: 'json' }), 0);
    });
  });
});
