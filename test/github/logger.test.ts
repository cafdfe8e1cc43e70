/** What actions print goes through the one neutraliser and the one redaction: log lines, annotations, groups, summaries. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetSecrets, rememberSecret } from '../../src/core/redact.js';
import { githubLogger, githubText } from '../../src/github/logger.js';
import { cell, writeSummary } from '../../src/github/summary.js';

const FORGED = ['::error::forged', ' \t::set-env name=A::1', '\u0085::add-mask::x', '\u00a0::warning::x', '\u2003::debug::x', '\u3000::stop-commands::t', '\ufeff::group::g', 'mid ##[error]legacy'];

/** The runner's view of stdout: a line is a command when it starts with `::` after trimmed whitespace or holds `##[`. */
function commandLines(stdout: string): string[] {
  return stdout.split(/\r\n|[\r\n]/).filter((line) => /^[\s\u0085]*::/.test(line) || line.includes('##['));
}

function captureStdout(run: () => void): string {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    run();
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

afterEach(() => forgetSecrets());

describe('githubLogger', () => {
  it('no message line, annotation line or title forges a workflow command', () => {
    const logger = githubLogger();
    const stdout = captureStdout(() => {
      for (const text of FORGED) {
        logger.info(`value:\n${text}`);
        logger.warning(`value:\n${text}`, { title: text, file: 'recipe.yaml', startLine: 3 });
        logger.error(text);
        logger.notice(text);
      }
    });
    // Our own commands (`::warning file=…::`) start lines; every other line must be inert.
    const forged = commandLines(stdout).filter((line) => !/^::(warning|error|notice|debug)( [^:]*)?::/.test(line));
    expect(forged).toEqual([]);
    for (const line of stdout.split('\n').filter((l) => l.startsWith('::'))) {
      const message = line.replace(/^::[a-z]+( [^:]*)?::/, '').replace(/%0A/g, '\n').replace(/%0D/g, '\r');
      expect(commandLines(message), line).toEqual([]);
    }
  });

  it('redacts secrets and strips escape sequences', () => {
    rememberSecret('REMEMBEREDTOKEN99');
    const text = githubText('sent Authorization: Bearer abcdefghijklmnop, to https://u:pw@host\nREMEMBEREDTOKEN99 \u001b[2Jcleared');
    expect(text).not.toMatch(/abcdefghijklmnop|u:pw|REMEMBEREDTOKEN99|\u001b/);
    expect(text).toContain('cleared');
  });
});

describe('job summary', () => {
  it('cells hold one line without controls; the written summary is redacted and inert', async () => {
    expect(cell('a|b\n::error::x\u001b[31m<i>')).toBe('a&#124;b ::error::x&lt;i&gt;');
    const file = join(mkdtempSync(join(tmpdir(), 'aicr-summary-')), 'summary.md');
    writeFileSync(file, '');
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = file;
    try {
      core.summary.emptyBuffer();
      rememberSecret('SUMMARYSECRET77');
      core.summary.addRaw('reason: https://user:pw@host failed with SUMMARYSECRET77\n::error::forged\n\u3000::warning::x\n##[group]y\n\u001b[2Jz\n');
      await writeSummary(core.summary);
    } finally {
      process.env.GITHUB_STEP_SUMMARY = saved;
    }
    const written = readFileSync(file, 'utf8');
    expect(written).not.toMatch(/user:pw|SUMMARYSECRET77|\u001b/);
    expect(commandLines(written)).toEqual([]);
    expect(written).toContain('z');
  });
});
