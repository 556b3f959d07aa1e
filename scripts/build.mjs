// Builds citecheck: type-checks and emits declarations (tsc), bundles the CLI and the API
// (esbuild: one file starts faster than hundreds of modules; Markdown/HTML/date parsers stay in
// chunks loaded only when a file needs them), and compiles the registry to JSON.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });

execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  outdir: `${root}dist`,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __citecheckRequire } from 'node:module'; const require = __citecheckRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: { cli: `${root}src/cli/entry.ts`, index: `${root}src/index.ts` } });
await build({ ...common, splitting: false, outdir: undefined, outfile: `${root}dist/.build/compile-registry.js`, entryPoints: [`${root}scripts/compile-registry.ts`] });
execFileSync(process.execPath, [`${root}dist/.build/compile-registry.js`], { stdio: 'inherit' });
rmSync(`${root}dist/.build`, { recursive: true, force: true });
