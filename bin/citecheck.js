#!/usr/bin/env node
// The citecheck command: the bundled CLI built by `npm run build` (npm ci runs it through `prepare`).
import * as nodeModule from 'node:module';

// Node 22+ caches compiled code between runs; on Node 20 this is a no-op.
nodeModule.enableCompileCache?.();
await import('../dist/cli.js');
