#!/usr/bin/env node
// Entry point of the bundled `aicr` CLI.
import { usePrecompiledCatalog } from '../core/catalog/precompiled.js';
import { main } from './main.js';

usePrecompiledCatalog();
process.exitCode = await main(process.argv.slice(2));
