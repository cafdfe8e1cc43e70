/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints
 * one table of figures, ratios and targets. Targets live here, not in timed tests.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, rows } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort().filter((f) => !only.length || only.some((o) => f.startsWith(o)));
for (const file of files) {
  const started = Date.now();
  const module = (await import(join(here, file))) as { run: (root: string) => Promise<void> };
  await module.run(root);
  console.error(`${file}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
printTable();
console.log(`\n${rows.filter((r) => r.ok).length} of ${rows.length} targets met (machine: ${process.platform} ${process.arch}, node ${process.version})`);
