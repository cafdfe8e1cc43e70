import { usePrecompiledCatalog } from '../../core/catalog/precompiled.js';
import { run } from './main.js';

usePrecompiledCatalog();
await run();
