#!/usr/bin/env node
// Entry point of the bundled `aicr` CLI.
import { usePrecompiledCatalog } from '../core/catalog/precompiled.js';
import { isDiskFull } from '../core/errors.js';
import { exitInterrupted, isInterruptCode } from '../core/interrupts.js';
import { main } from './main.js';

usePrecompiledCatalog();
// A failed write to standard output (a full disk, a closed pipe) that no caller awaited: end
// with a message and exit 8 (0 for a reader that stopped reading, as `| head` does), not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`error: [INTERNAL] cannot write to standard output: ${error.message}\nhint: ${isDiskFull(error) ? 'the file system is full (or over quota): free space or write elsewhere, then run again' : 'check where standard output goes'}\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 8);
});
// Logs whose reader went away (`2>&1 | head`) cannot be reported anywhere: the run goes on,
// and its exit code still tells the outcome.
process.stderr.on('error', () => {});
const code = await main(process.argv.slice(2));
process.exitCode = code;
if (isInterruptCode(code)) exitInterrupted(code);
