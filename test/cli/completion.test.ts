// `aicr completion bash|zsh|fish`, generated from the option tables. The bash script is run by
// bash itself: sourced, then asked to complete words, and its COMPREPLY checked. zsh and fish
// scripts are parsed by their shells where they are installed (zsh -n, fish -n).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRITERIA_VALUES } from '../../src/core/criteria.js';
import { tempDir } from '../helpers/catalog.js';
import { runCli } from '../helpers/cli.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

async function script(shell: string): Promise<string> {
  const result = await runCli(['completion', shell]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** What bash offers for `words` (the last one is being completed). */
function complete(file: string, words: string[], cwd?: string): string[] {
  const quoted = words.map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ');
  const program = `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _aicr; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', ...(cwd ? { cwd } : {}) });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((line) => line !== '');
}

describe('aicr completion bash', () => {
  it('completes commands, flags, enum values, criteria values and files, as bash runs it', async () => {
    const dir = tempDir();
    const file = join(dir, 'aicr.bash');
    writeFileSync(file, await script('bash'));
    expect(complete(file, ['aicr', ''])).toEqual(expect.arrayContaining(['snapshot', 'recipe', 'validate', 'bundle', 'verify', 'diff', 'query', 'completion', '--debug']));
    expect(complete(file, ['aicr', 're'])).toEqual(['recipe']);
    expect(complete(file, ['aicr', '--debug', 'bu'])).toEqual(['bundle']);
    expect(complete(file, ['aicr', 'recipe', '--acc'])).toEqual(['--accelerator']);
    expect(complete(file, ['aicr', 'recipe', '--format', ''])).toEqual(['yaml', 'json', 'table']);
    expect(complete(file, ['aicr', 'recipe', '-t', 'j'])).toEqual(['json']);
    // bash splits --format=j at the = (COMP_WORDBREAKS).
    expect(complete(file, ['aicr', 'recipe', '--format', '=', 'j'])).toEqual(['json']);
    expect(complete(file, ['aicr', '--dotenv', 'out.env', 'bundle', '--deployer', ''])).toEqual(['helm', 'argocd', 'argocdhelm', 'flux', 'helmfile']);
    expect(complete(file, ['aicr', 'recipe', '--service', ''])).toEqual([...CRITERIA_VALUES.service, 'any']);
    expect(complete(file, ['aicr', 'completion', ''])).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
    // The recipe list subcommand, and its own flags after it.
    expect(complete(file, ['aicr', 'recipe', 'li'])).toEqual(['list']);
    expect(complete(file, ['aicr', 'recipe', 'list', '--no-'])).toEqual(['--no-health']);
    // A number takes no file names; a document flag does.
    expect(complete(file, ['aicr', 'recipe', '--nodes', ''])).toEqual([]);
    writeFileSync(join(dir, 'snap.yaml'), 'kind: Snapshot\napiVersion: aicr.run/v1\n');
    expect(complete(file, ['aicr', 'recipe', '--snapshot', 'sn'], dir)).toEqual(['snap.yaml']);
  });

  it('passes shellcheck', async () => {
    if (!has('shellcheck')) return;
    const file = join(tempDir(), 'aicr.bash');
    writeFileSync(file, await script('bash'));
    const result = spawnSync('shellcheck', ['-s', 'bash', file], { encoding: 'utf8' });
    expect(result.status, result.stdout).toBe(0);
  });
});

describe('aicr completion zsh and fish', () => {
  it.each(['zsh', 'fish'])('%s: names every command and flag, and parses with its shell where installed', async (shell) => {
    const text = await script(shell);
    for (const name of ['snapshot', 'recipe', 'validate', 'bundle', 'verify', 'diff', 'query']) expect(text).toContain(name);
    expect(text).toContain(shell === 'zsh' ? "'--deployer[" : '-l deployer');
    expect(text).toMatch(shell === 'zsh' ? /\(helm argocd argocdhelm flux helmfile\)/ : /-a 'helm argocd argocdhelm flux helmfile'/);
    if (!has(shell)) return;
    const file = join(tempDir(), `aicr.${shell}`);
    writeFileSync(file, text);
    const result = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  });

  it('fish completes commands, flags and values, as fish runs it (where installed)', async () => {
    if (!has('fish')) return;
    const file = join(tempDir(), 'aicr.fish');
    writeFileSync(file, await script('fish'));
    const complete = (line: string): string[] => {
      const result = spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return result.stdout.split('\n').filter(Boolean).map((row) => row.split('\t')[0]!);
    };
    expect(complete('aicr re')).toEqual(['recipe']);
    expect(complete('aicr recipe --format ').sort()).toEqual(['json', 'table', 'yaml']);
    expect(complete('aicr --debug bundle --deployer ').sort()).toEqual(['argocd', 'argocdhelm', 'flux', 'helm', 'helmfile']);
    expect(complete('aicr completion ').sort()).toEqual(['bash', 'fish', 'zsh']);
  });

  it('zsh registers _aicr for aicr after compinit (where installed)', async () => {
    if (!has('zsh')) return;
    const dir = tempDir();
    const file = join(dir, 'aicr.zsh');
    writeFileSync(file, await script('zsh'));
    const result = spawnSync('zsh', ['-f', '-c', `autoload -U compinit; compinit -u -d '${join(dir, 'zcompdump')}'; source '${file}'; print -r -- \${_comps[aicr]}`], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('_aicr\n');
  });

  it('refuses another shell (exit 2, naming the choices)', async () => {
    const result = await runCli(['completion', 'powershell']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bash, zsh(,| or) fish/);
  });

  it('is the same text every time', async () => {
    expect(await script('bash')).toBe(await script('bash'));
  });
});
