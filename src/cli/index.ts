#!/usr/bin/env node
// Entry point of the bundled `aicr` CLI.
import { usePrecompiledCatalog } from '../core/catalog/precompiled.js';
import { isInterruptCode } from '../core/interrupts.js';
import { main } from './main.js';

usePrecompiledCatalog();
const code = await main(process.argv.slice(2));
// Interrupted: end now, whatever still holds the event loop (standard input, an open request).
if (isInterruptCode(code)) process.exit(code);
process.exitCode = code;
