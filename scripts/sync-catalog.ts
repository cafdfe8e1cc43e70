// `npm run sync-catalog -- <upstream recipes dir> [--dry-run | --check] [--report <file>]
//   [--upstream <label>] [--target <recipes dir>] [--tolerate-invalid]`
// Imports upstream AICR's catalog into recipes/ (scripts/catalog-sync/) and prints the change
// report. `--report` also writes it (`.json` as JSON, anything else as Markdown). `--check` is a
// dry run for CI that exits 1 when the import would change anything. Other exit codes are the
// CLI's: 0 done (or nothing to change), 2 bad arguments or input (every problem is listed),
// 3 source not found.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AicrError, exitCodeFor } from '../src/core/errors.js';
import { renderJson, renderMarkdown } from './catalog-sync/report.js';
import { syncCatalog } from './catalog-sync/sync.js';

const USAGE = 'usage: npm run sync-catalog -- <upstream recipes dir> [--dry-run | --check] [--report <file>] [--upstream <label>] [--target <recipes dir>] [--tolerate-invalid]';

/** `main 9793720d (2026-08-21)` from the git checkout the directory is in, when it is one. */
function gitLabel(dir: string): string | undefined {
  const result = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%h (%cs)'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 && result.stdout.trim() ? `commit ${result.stdout.trim()}` : undefined;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        check: { type: 'boolean' },
        report: { type: 'string' },
        upstream: { type: 'string' },
        target: { type: 'string' },
        'tolerate-invalid': { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const source = resolve(positionals[0]!);
  const upstream = values.upstream ?? gitLabel(source);
  if (!upstream) {
    console.error(`--upstream is required: ${source} is not in a git checkout, so name what it is (--upstream "main 9793720d (2026-08-21)")`);
    return 2;
  }
  const target = resolve(values.target ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'recipes'));
  try {
    const { report, written } = await syncCatalog({ source, target, upstream, dryRun: (values['dry-run'] ?? false) || (values.check ?? false), tolerateInvalid: values['tolerate-invalid'] ?? false });
    const markdown = renderMarkdown(report);
    process.stdout.write(markdown);
    if (values.report) writeFileSync(values.report, values.report.endsWith('.json') ? renderJson(report) : markdown);
    console.error(written ? `${target} replaced.` : report.noChanges ? 'no changes' : `dry run: ${target} left as it is.`);
    return values.check && !report.noChanges ? 1 : 0;
  } catch (error) {
    console.error(`sync-catalog: ${(error as Error).message}${error instanceof AicrError && error.hint ? `\nhint: ${error.hint}` : ''}`);
    return exitCodeFor(error);
  }
}

process.exitCode = await main();
