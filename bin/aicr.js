#!/usr/bin/env node
// The aicr command: runs the committed bundle (npm run build regenerates it).
await import('../dist/cli/index.js');
