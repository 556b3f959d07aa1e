/**
 * Runs citecheck on hostile input in a worker thread that is terminated when it overruns, so a
 * catastrophic backtrack or a super-linear parser fails one test in bounded time instead of
 * blocking the whole jest run (jest's own timeout cannot interrupt synchronous code).
 *
 * The worker runs the current sources: they are bundled with esbuild into a temp folder when
 * the first job starts (about a second), so the tests never depend on a stale `dist/`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { CheckInput, Results } from '../../src/index.js';
import type { CliRun } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
import { Readable, Writable } from 'node:stream';
const api = await import(workerData.bundle);
class Capture extends Writable {
  text = '';
  isTTY = false;
  _write(chunk, _encoding, done) { this.text += chunk.toString(); done(); }
}
parentPort.on('message', async ({ id, job }) => {
  try {
    if (job.kind === 'check') {
      const inputs = job.inputs.map((input) => (input.bytes ? { ...input, bytes: new Uint8Array(input.bytes) } : input));
      const started = performance.now();
      const results = await api.check(inputs, job.options ?? {});
      parentPort.postMessage({ id, value: { ...results, ms: performance.now() - started } });
    } else {
      const stdout = new Capture();
      const stderr = new Capture();
      const stdin = Object.assign(Readable.from(job.stdin === null ? [] : [Buffer.from(job.stdin)]), { isTTY: job.stdin === null });
      const started = performance.now();
      const code = await api.main(job.args, { stdout, stderr, stdin }, job.cwd);
      parentPort.postMessage({ id, value: { code, stdout: stdout.text, stderr: stderr.text, ms: performance.now() - started } });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
parentPort.postMessage({ ready: true });
`;

type Job = { kind: 'check'; inputs: CheckInput[]; options?: Record<string, unknown> } | { kind: 'cli'; args: string[]; cwd: string; stdin: string | null };

let bundleDir: Promise<string> | null = null;

/** Bundles src/index.ts and src/cli/main.ts into one module (dependencies bundled too). */
function bundle(): Promise<string> {
  bundleDir ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-guard-'));
    await build({
      stdin: {
        contents: `export * from ${JSON.stringify(join(root, 'src/index.ts'))};\nexport { main } from ${JSON.stringify(join(root, 'src/cli/main.ts'))};\n`,
        resolveDir: root, loader: 'ts', sourcefile: 'guard-entry.ts',
      },
      bundle: true, platform: 'node', target: 'node20', format: 'esm', outfile: join(dir, 'citecheck.mjs'), logLevel: 'error',
      // The package root (registry, dist/registry.json) and createRequire() are found from here.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'src/index.ts')).href) },
      banner: { js: "import { createRequire as __guardRequire } from 'node:module'; const require = __guardRequire(import.meta.url);" },
    });
    writeFileSync(join(dir, 'worker.mjs'), WORKER);
    return dir;
  })();
  return bundleDir;
}

/** Node's worker stack (MB), less the ~192 KB Node keeps back, is about V8's default 984 KB. */
const STACK_MB = 1.15;

let worker: Promise<Worker> | null = null;
let nextId = 1;

function startWorker(): Promise<Worker> {
  worker ??= bundle().then((dir) => new Promise<Worker>((resolve, reject) => {
    const started = new Worker(join(dir, 'worker.mjs'), {
      workerData: { bundle: pathToFileURL(join(dir, 'citecheck.mjs')).href },
      env: { ...process.env, CITECHECK_REGISTRY_FROM_YAML: '1' },
      // A worker's stack is 4 MB by default; the CLI runs on a main thread with V8's ~1 MB.
      // Match it, or deep recursion that overflows in real use would pass here.
      resourceLimits: { stackSizeMb: STACK_MB },
      stdout: false, stderr: false,
    });
    started.once('message', () => resolve(started));
    started.once('error', reject);
    started.unref();
  }));
  return worker;
}

/** Kills the worker (an overrun leaves it busy) and starts afresh next time. */
async function killWorker(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await (await current).terminate().catch(() => undefined);
}

/** Runs a job; rejects with "did not finish in N s" when it overruns. `ms`: the time citecheck took. */
async function run<T>(job: Job, timeoutMs: number): Promise<T & { ms: number }> {
  const w = await startWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      w.off('message', onMessage);
      void killWorker();
      reject(new Error(`did not finish in ${timeoutMs / 1000} s (hang or super-linear time)`));
    }, timeoutMs);
    const onMessage = (message: { id?: number; value?: T & { ms: number }; error?: string }) => {
      if (message.id !== id) return;
      clearTimeout(timer);
      w.off('message', onMessage);
      if (message.error !== undefined) reject(new Error(`threw: ${message.error}`));
      else resolve(message.value!);
    };
    w.on('message', onMessage);
    w.postMessage({ id, job });
  });
}

/** check(inputs) in the guarded worker. */
export function guardedCheck(inputs: CheckInput[], timeoutMs: number, options?: Record<string, unknown>): Promise<Results & { ms: number }> {
  return run<Results>({ kind: 'check', inputs, options }, timeoutMs);
}

/** The CLI's main() in the guarded worker, with runCli's stream conventions. */
export function guardedCli(args: string[], options: { cwd: string; stdin?: string | null }, timeoutMs: number): Promise<CliRun & { ms: number }> {
  return run<CliRun>({ kind: 'cli', args, cwd: options.cwd, stdin: options.stdin ?? null }, timeoutMs);
}

/** Stops the worker and removes the bundle (call from afterAll). */
export async function stopGuard(): Promise<void> {
  const dir = bundleDir;
  bundleDir = null;
  try {
    await killWorker();
  } finally {
    if (dir) rmSync(await dir, { recursive: true, force: true });
  }
}
