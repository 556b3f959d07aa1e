// Builds citecheck: type-checks and emits declarations (tsc), bundles the CLI and the API
// (esbuild: one file starts faster than hundreds of modules; Markdown/HTML/date parsers stay in
// chunks loaded only when a file needs them), and compiles the registry to JSON. Everything is
// built in a fresh folder and swapped in at the end, so a running citecheck never sees half a build.
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
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
  await build({ ...common, entryPoints: { cli: `${root}src/cli/entry.ts`, index: `${root}src/index.ts`, worker: `${root}src/cli/worker.ts` } });
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
