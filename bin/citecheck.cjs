#!/usr/bin/env node
'use strict';
// The citecheck command: runs the CLI that `npm run build` bundles into dist/cli.cjs (npm ci
// builds it through `prepare`). The script is compiled with the V8 code cache the build left
// beside it, so a cold start does not spend its time compiling JavaScript. A cache made by
// another Node (or with other V8 flags) is rejected by V8, and the script compiles as usual.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli.cjs');
let source;
try {
  source = readFileSync(file, 'utf8');
} catch {
  process.stderr.write('citecheck: the command is not built yet; run `npm run build` in the citecheck folder\n');
  process.exit(2);
}
let cachedData;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {
  // No cache (a build that could not make one): compile without.
}
// Node 22+ caches what its own loader compiles (the packages required from node_modules).
Module.enableCompileCache?.();

const script = new Script(Module.wrap(source), { filename: file, cachedData });
// The build's example run writes the cache, holding every function that run compiled (the
// build says so when no cache appears).
if (process.env.CITECHECK_WRITE_CODE_CACHE === '1') {
  process.once('exit', () => {
    try {
      writeFileSync(`${file}.cache.tmp`, script.createCachedData());
      renameSync(`${file}.cache.tmp`, `${file}.cache`);
    } catch {
      // A read-only dist/: citecheck runs without a cache.
    }
  });
}
const module_ = { exports: {} };
script.runInThisContext().call(module_.exports, module_.exports, Module.createRequire(file), module_, file, join(__dirname, '..', 'dist'));
