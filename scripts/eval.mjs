// `npm run eval`: bundles scripts/eval.ts with esbuild (as scripts/build.mjs bundles the CLI) into
// node_modules/.cache, where its imports and the registry resolve, and runs it.
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const outdir = `${root}node_modules/.cache/citecheck-eval/`;
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [`${root}scripts/eval.ts`], outfile: `${outdir}eval.mjs`, bundle: true, platform: 'node', target: 'node20',
  format: 'esm', packages: 'external', logLevel: 'warning',
});
await import(pathToFileURL(`${outdir}eval.mjs`).href);
