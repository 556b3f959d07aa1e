// Builds citecheck: type-checks and emits declarations (tsc), bundles the API (ESM, with the
// Markdown/HTML/date parsers in chunks loaded only when a file needs them) and the CLI with its
// --jobs workers (one CommonJS script, see below), and compiles the registry to JSON.
// Everything is built in a fresh folder and swapped in at the end, so a running citecheck never
// sees half a build; then a run on the example article leaves the CLI's V8 code cache beside it,
// and a run on files that need every library leaves theirs.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

// commander loads child_process (and with it net and streams, ~10 ms) on start, for git-style
// external subcommands citecheck never uses; it gets the module on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => process.getBuiltinModule('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};
// Node builds an ESM facade for each built-in module a bundle imports, reading every export
// on the way, and for node:fs that loads the streams modules (~7 ms at start). Through
// require(), a built-in module's exports are read only when used.
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(build) {
    const builtins = new Set(builtinModules);
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      return args.kind === 'import-statement' && builtins.has(name) ? { path: `node:${name}`, namespace: 'builtin-by-require' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};
// The CLI is one CommonJS script that bin/citecheck.cjs compiles with a V8 code cache: most of
// a cold start went to loading and compiling ES modules. Libraries that only some runs need
// stay out of it, each bundled alone into dist/vendor/ (one file to read, not dozens to find)
// and compiled with a code cache of its own when a run first needs it.
const VENDOR = { 'cheerio/slim': 'cheerio-slim', yaml: 'yaml', 'js-yaml': 'js-yaml', zod: 'zod', tinyglobby: 'tinyglobby' };
const vendorFile = (name) => `./vendor/${name}.cjs`;
const requiredAtRunTime = {
  name: 'required-at-run-time',
  setup(build) {
    const packages = new RegExp(`^(${Object.keys(VENDOR).join('|')})$`);
    build.onResolve({ filter: packages }, (args) => ({ path: vendorFile(VENDOR[args.path]), namespace: 'run-time' }));
    build.onResolve({ filter: /[\\/]micromark\.js$/ }, () => ({ path: vendorFile('micromark'), namespace: 'run-time' }));
    // A CommonJS stub, so that `await import('yaml')` becomes a require() call, not an import()
    // that a script compiled by node:vm could not run.
    build.onLoad({ filter: /.*/, namespace: 'run-time' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js', resolveDir: root }));
    build.onResolve({ filter: /^\.\/vendor\// }, (args) => ({ path: args.path, external: true }));
  },
};
const BUILD_ID = randomBytes(8).toString('hex');
const out = `${root}dist.${process.pid}.tmp`;
const dist = `${root}dist`;
rmSync(out, { recursive: true, force: true });

try {
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`, '--outDir', `${out}/types`], { stdio: 'inherit' });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    outdir: out,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lazyChildProcess, builtinsByRequire],
    // Node 20 has \p{…} in regex literals; without this, esbuild rewrites each into a
    // `new RegExp` built anew on every call of the function it sits in.
    supported: { 'regexp-unicode-property-escapes': true },
    // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
    banner: { js: "import { createRequire as __citecheckRequire } from 'node:module'; const require = __citecheckRequire(import.meta.url);" },
  };
  await build({ ...common, entryPoints: { index: `${root}src/index.ts` } });
  // Minified, because reading the script into a string is a real part of a cold start (700 KB
  // took ~12 ms here). Not with keepNames: it wraps every function, closures made in hot loops
  // too, in a call that sets its name (3-5% of a run on a hostile file); nothing reads them.
  const script = { ...common, format: 'cjs', splitting: false, outdir: undefined, banner: undefined, minify: true };
  await build({
    ...script,
    entryPoints: [`${root}src/cli/entry.ts`],
    outfile: `${out}/cli.cjs`,
    sourcemap: 'linked', // for stack traces (CITECHECK_DEBUG=1) with `node --enable-source-maps`
    plugins: [lazyChildProcess, requiredAtRunTime],
    define: { 'import.meta.url': '__citecheckModuleUrl' },
    // The first line names this build, and so the code cache made for it (see bin/citecheck.cjs);
    // "use strict" must come before any statement to hold for the whole script.
    banner: { js: `// citecheck build ${BUILD_ID}\n"use strict";var __citecheckModuleUrl = require('node:url').pathToFileURL(__filename).href;` },
  });
  // Each library's first line names the build too, and so its code cache.
  const vendor = { ...script, banner: { js: `// citecheck build ${BUILD_ID}` } };
  await build({ ...vendor, entryPoints: [`${root}src/input/micromark.ts`], outfile: `${out}/vendor/micromark.cjs` });
  for (const [pkg, name] of Object.entries(VENDOR)) {
    await build({ ...vendor, stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, loader: 'js', sourcefile: `${name}.cjs` }, outfile: `${out}/vendor/${name}.cjs` });
  }
  await build({ ...common, splitting: false, outdir: undefined, outfile: `${out}/.build/compile-registry.js`, entryPoints: [`${root}scripts/compile-registry.ts`] });
  execFileSync(process.execPath, [`${out}/.build/compile-registry.js`, `${out}/registry.json`], { stdio: 'inherit' });
  rmSync(`${out}/.build`, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  renameSync(out, dist);
} catch (error) {
  rmSync(out, { recursive: true, force: true });
  console.error(`build failed${error.status ? '' : `: ${error.message}`}`);
  process.exit(1);
}

// The code cache: what V8 compiled while checking the example article. It only holds for this
// Node (V8 version and flags); any other rejects it, and the CLI compiles as it would without.
const warm = spawnSync(process.execPath, [`${root}bin/citecheck.cjs`, '--no-color', `${root}fixtures/larijani-baghdad.txt`], {
  env: { ...process.env, CITECHECK_WRITE_CODE_CACHE: '1', NODE_OPTIONS: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (!existsSync(`${dist}/cli.cjs.${BUILD_ID}.cache`)) console.warn(`build: no code cache was made (the example run ended with ${warm.status ?? warm.signal}); citecheck works, but starts slower`);

// The libraries' caches, from a run on files that need each of them: a configuration naming a
// registry file (zod, js-yaml), front matter with a list (yaml), Markdown beyond the subset
// reader (micromark), HTML (cheerio) and a glob (tinyglobby). Apart from the example's run, so
// the CLI's own cache holds only what checking a plain article compiles.
const scratch = mkdtempSync(join(tmpdir(), 'citecheck-build-'));
try {
  const files = {
    'citecheck.config.yaml': 'registries: [desk.yaml]\nrules:\n  vague-attribution: warning\n',
    'desk.yaml': 'sources:\n  - id: desk-wire\n    name: "Desk Wire"\n    domains: ["deskwire.example.com"]\n    kind: news-agency\n    country: GB\n    affiliation: independent\n    reliability: { rating: unrated, provenance: "none" }\n    reference: "https://deskwire.example.com/about"\n',
    'story.md': '---\ntitle: "Talks"\nauthors:\n  - Desk\n  - Wire\ndate: 2024-05-01\n---\n# Talks\n\n- Officials met in Baghdad, according to Desk Wire.\n- Experts say the talks failed (IRNA English +2).\n\n```\ncode\n```\n',
    'story.html': '<!doctype html><html><head><meta name="date" content="2024-05-01"></head><body><article><p>Officials met, <a href="https://deskwire.example.com/a">Desk Wire</a> reported (Reuters +3).</p></article></body></html>\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(scratch, name), text);
  spawnSync(process.execPath, [`${root}bin/citecheck.cjs`, '--no-color', 'story.html', '*.md'], {
    cwd: scratch,
    env: { ...process.env, CITECHECK_WRITE_CODE_CACHE: 'vendor', NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const uncached = Object.values(VENDOR).concat('micromark').filter((name) => !existsSync(`${dist}/vendor/${name}.cjs.${BUILD_ID}.cache`));
if (uncached.length > 0) console.warn(`build: no code cache was made for ${uncached.join(', ')}; citecheck works, but loads them slower`);
