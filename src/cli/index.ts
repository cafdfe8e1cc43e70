#!/usr/bin/env node
// Entry point of the bundled `aicr` CLI.
import { usePrecompiledCatalog } from '../core/catalog/precompiled.js';
import { exitInterrupted, isInterruptCode } from '../core/interrupts.js';
import { main } from './main.js';

usePrecompiledCatalog();
const code = await main(process.argv.slice(2));
process.exitCode = code;
if (isInterruptCode(code)) exitInterrupted(code);
