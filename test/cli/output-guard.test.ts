/** Everything the CLI prints passes the one neutraliser: documents, tables and errors (in-process, from src/). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/paths.js';

const SNAPSHOT = join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml');
const forged = (text: string) => text.split(/\r\n|[\r\n]/).filter((line) => /^[\s\u0085\ufeff]*::[a-z-]+::PWNED/.test(line) || line.includes('##['));

function hostileSnapshot(value: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'aicr-guard-')), 'snapshot.yaml');
  writeFileSync(path, readFileSync(SNAPSHOT, 'utf8').replace('ID: ubuntu', `ID: ${JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}`));
  return path;
}

describe('CLI output guard', () => {
  for (const format of ['yaml', 'json', 'table']) {
    it(`aicr diff -t ${format}: values that read as commands stay inert`, async () => {
      const result = await runCli(['diff', '-b', SNAPSHOT, '--target', hostileSnapshot('debian\n\u3000::error::PWNED\n##[error]PWNED\u001b[2J'), '-t', format]);
      expect(result.code).toBe(0);
      expect(forged(result.stdout + result.stderr)).toEqual([]);
      if (format === 'table') expect(result.stdout).not.toContain('\u001b');
    });
  }

  it('an error naming a file whose name holds a command', async () => {
    const result = await runCli(['validate', '-r', '/nonexistent/x\n\u00a0::error::PWNED ##[error]PWNED.yaml', '-s', SNAPSHOT]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('PWNED');
    expect(forged(result.stderr)).toEqual([]);
  });
});
