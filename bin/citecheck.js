#!/usr/bin/env node
// The citecheck command: the bundled CLI built by `npm run build` (npm ci runs it through `prepare`).
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('citecheck: the command is not built yet; run `npm run build` in the citecheck folder\n');
  process.exit(2);
}
// Node 22+ caches compiled code between runs; on Node 20 this is a no-op.
nodeModule.enableCompileCache?.();
await import(cli.href);
