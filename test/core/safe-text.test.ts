/** The one neutraliser, table cells without controls, and short excerpts of users' files. */
import { describe, expect, it } from 'vitest';
import { excerpt, jsonSyntaxReason, looksLikeCommand, MAX_EXCERPT, neutralizeCommands, quoted, stripControls, tableCell } from '../../src/core/safe-text.js';

/** A line the GitHub runner would run: `::` after the whitespace .NET's TrimStart removes, or `##[` anywhere. */
function isRunnerCommand(line: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*::/.test(line) || line.includes('##[');
}

/** Lines as the runner reads them (it breaks at \r and \n); U+0085/U+2028/U+2029 counted as breaks too, to be safe. */
const runnerLines = (text: string): string[] => text.split(/\r\n|[\r\n\u0085\u2028\u2029]/);

const WHITESPACE = ['', ' ', '\t', '  \t ', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\v', '\f'];

describe('neutralizeCommands', () => {
  for (const space of WHITESPACE) {
    const name = [...space].map((ch) => `U+${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`).join(' ') || 'nothing';
    it(`makes "::command::" inert after leading ${name}`, () => {
      for (const text of [`${space}::error::forged`, `ok\n${space}::set-env name=X::1`, `ok\r${space}::add-mask::x`, `a\r\n${space}::stop-commands::t`]) {
        expect(isRunnerCommand(text.split(/\r\n|[\r\n]/).pop()!)).toBe(true);
        const safe = neutralizeCommands(text);
        for (const line of runnerLines(safe)) expect(isRunnerCommand(line), JSON.stringify(line)).toBe(false);
        expect(safe.replaceAll('\u200b', '')).toBe(text);
      }
    });
  }

  it('makes the legacy "##[command]" inert anywhere in a line', () => {
    for (const text of ['##[error]x', 'value: ##[set-output name=a]b', 'a ###[group]g', '##[##[x]']) {
      const safe = neutralizeCommands(text);
      expect(safe).not.toContain('##[');
      expect(safe.replaceAll('\u200b', '')).toBe(text);
    }
  });

  it('leaves ordinary text alone and is idempotent', () => {
    for (const text of ['a: b', 'key::value', 'http://x', '# heading', 'x ::error:: y']) expect(neutralizeCommands(text)).toBe(text);
    const once = neutralizeCommands('::a::b\n##[c]');
    expect(neutralizeCommands(once)).toBe(once);
    expect(looksLikeCommand('fine')).toBe(false);
    expect(looksLikeCommand('\u3000::x::y')).toBe(true);
  });
});

describe('stripControls and tableCell', () => {
  it('remove escape sequences (CSI, OSC, 8-bit CSI), C0, DEL and C1', () => {
    expect(stripControls('a\u001b[2J\u001b[1;1Hb\u001b]0;title\u0007c\u001b]8;;http://x\u001b\\d\u009b31me\u007f\u0085f\u0000\u0008g\th\ni')).toBe('abcdef' + 'g\th\ni');
  });

  it('give one line that cannot move the cursor or forge a line', () => {
    const cell = tableCell('x\r\n::error::forged\u001b[2K\u0085y\u2028z\tw');
    expect(cell).toBe('x ::error::forged y z w'); // mid-line: no command
    expect(tableCell('::warning::at start')).toBe(':\u200b:warning::at start');
    expect(tableCell('\u00a0##[error]x')).not.toContain('##[');
  });
});

describe('excerpt and quoted', () => {
  it('quote one line, at most MAX_EXCERPT characters', () => {
    expect(excerpt('first line\nsecond line')).toBe('first line');
    const long = 'x'.repeat(500);
    expect(excerpt(long)).toHaveLength(MAX_EXCERPT);
    expect(excerpt(`${'a'.repeat(300)}FAULT${'b'.repeat(300)}`, MAX_EXCERPT, 301)).toContain('FAULT');
    expect(excerpt(`${'a'.repeat(300)}FAULT${'b'.repeat(300)}`, MAX_EXCERPT, 301).length).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(quoted('y'.repeat(500))).toHaveLength(MAX_EXCERPT);
    expect(quoted('a\nb')).toBe('"a\\nb"');
  });

  it('jsonSyntaxReason drops the text V8 quotes from the input', () => {
    const reasons = ['{"token": SUPERSECRET}', `{"a": 1, "token": "${'S'.repeat(50)}" x, "b": "NEIGHBOUR"}`, '[SECRETVALUE]'].map((text) => {
      try {
        JSON.parse(text);
        return '';
      } catch (error) {
        return jsonSyntaxReason(error);
      }
    });
    for (const reason of reasons) expect(reason).not.toMatch(/SECRET|NEIGHBOUR|SSSS/);
    expect(reasons[0]).toMatch(/^Unexpected token/);
  });
});
