#!/usr/bin/env node
'use strict';
// The citecheck command: runs the CLI that `npm run build` bundles into dist/cli.cjs (npm ci
// builds it through `prepare`). The script is compiled with the V8 code cache the build left
// beside it, so a cold start does not spend its time compiling JavaScript. A cache made by
// another Node (or with other V8 flags) is rejected by V8, and the script compiles as usual.
// V8 checks only the length of the source a cache was made for, so each build's cache is named
// after the build (the script's first line): a cache from a build that overlapped this one is
// never taken for this one's.
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
const build = /^\/\/ citecheck build ([0-9a-f]+)\n/.exec(source.slice(0, 64))?.[1];
const cacheFile = build ? `${file}.${build}.cache` : null;
let cachedData;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  // No cache (a build that could not make one): compile without.
}
// Node 22+ caches what its own loader compiles (the packages required from node_modules).
Module.enableCompileCache?.();

const script = new Script(Module.wrap(source), { filename: file, cachedData });
// The build's example run writes the cache, holding every function that run compiled (the
// build says so when no cache appears).
if (process.env.CITECHECK_WRITE_CODE_CACHE === '1' && cacheFile) {
  process.once('exit', () => {
    try {
      writeFileSync(`${cacheFile}.${process.pid}.tmp`, script.createCachedData());
      renameSync(`${cacheFile}.${process.pid}.tmp`, cacheFile);
    } catch {
      // A read-only dist/: citecheck runs without a cache.
    }
  });
}
const module_ = { exports: {} };
script.runInThisContext().call(module_.exports, module_.exports, Module.createRequire(file), module_, file, join(__dirname, '..', 'dist'));
