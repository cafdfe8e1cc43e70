import { usePrecompiledCatalog } from '../../core/catalog/embedded.js';
import { run } from './main.js';

usePrecompiledCatalog();
await run();
