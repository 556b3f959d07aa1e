#!/usr/bin/env node
'use strict';
// The citecheck command: runs the CLI that `npm run build` bundles into dist/cli.cjs (npm ci
// builds it through `prepare`). The script is compiled with the V8 code cache the build left
// beside it, so a cold start does not spend its time compiling JavaScript. So is each library
// the CLI loads from dist/vendor/ when a run needs it (zod and js-yaml for a configuration,
// cheerio for HTML, ...). A cache made by another Node (or with other V8 flags) is rejected by
// V8, and the script compiles as usual.
// V8 checks only the length of the source a cache was made for, so each build's caches are
// named after the build (each script's first line): a cache from a build that overlapped this
// one is never taken for this one's.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const cli = join(dist, 'cli.cjs');
let source;
try {
  source = readFileSync(cli, 'utf8');
} catch {
  process.stderr.write('citecheck: the command is not built yet; run `npm run build` in the citecheck folder\n');
  process.exit(2);
}
// Node 22+ caches what its own loader compiles (anything required from node_modules).
Module.enableCompileCache?.();

// The build's warm-up runs write the caches: `1` the CLI's, from a run on the example article;
// `vendor` the libraries', from a run on files that need them. Each cache holds every function
// its run compiled.
const writeCaches = process.env.CITECHECK_WRITE_CODE_CACHE;

/** Runs a CommonJS script of dist/ as require() would, compiled with its build's code cache. */
function run(file, text, require_, writeCache) {
  const build = /^\/\/ citecheck build ([0-9a-f]+)\n/.exec(text.slice(0, 64))?.[1];
  const cacheFile = build ? `${file}.${build}.cache` : null;
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache (a build that could not make one): compile without.
  }
  const script = new Script(Module.wrap(text), { filename: file, cachedData });
  if (writeCache && cacheFile) {
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
  script.runInThisContext().call(module_.exports, module_.exports, require_, module_, file, dirname(file));
  return module_.exports;
}

// The CLI requires its libraries as './vendor/<name>.cjs'; everything else (Node's modules)
// goes to Node's require.
const requireFromDist = Module.createRequire(cli);
const vendor = new Map();
function requireForCli(id) {
  if (!id.startsWith('./vendor/')) return requireFromDist(id);
  let exports = vendor.get(id);
  if (exports === undefined) {
    const file = join(dist, id);
    exports = run(file, readFileSync(file, 'utf8'), Module.createRequire(file), writeCaches === 'vendor');
    vendor.set(id, exports);
  }
  return exports;
}
Object.assign(requireForCli, requireFromDist);

run(cli, source, requireForCli, writeCaches === '1');
