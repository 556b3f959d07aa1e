/**
 * A reader that stops early (`citecheck … | head`): the pipe closes under citecheck. It must not
 * print Node's EPIPE stack trace, and it must still end with the exit code its findings call
 * for, so that a CI step run with `set -o pipefail` gets the true verdict.
 */
import { spawn } from 'node:child_process';
import { BIN, ENV } from '../e2e/helpers.js';
import { CLEAN, DIRTY, expectNoTrace, folder, removeFolders } from './helpers.js';

afterAll(removeFolders);

/** Runs the CLI and closes its stdout as soon as the first bytes arrive. */
function runClosingEarly(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.stdout.once('data', (chunk: Buffer) => { stdout = chunk.toString(); child.stdout.destroy(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr, stdout }));
  });
}

/** Enough files that the report goes on well after the first chunk: 300 copies of a paragraph each. */
function manyFiles(text: string): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) files[`story-${String(i).padStart(2, '0')}.txt`] = text.repeat(300);
  return folder(files);
}

test.each(['stylish', 'json', 'compact'])('--format %s into a closed pipe: no stack trace, exit 1 for errors', async (format) => {
  const run = await runClosingEarly(['--format', format, '--no-color', manyFiles(DIRTY)]);
  expect(run.stdout.length).toBeGreaterThan(0);
  expectNoTrace(run);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
}, 60_000);

test('a clean run into a closed pipe still exits 0', async () => {
  const dir = manyFiles(CLEAN);
  const run = await runClosingEarly(['--format', 'json', dir]);
  expectNoTrace(run);
  expect(run.code).toBe(0);
}, 60_000);
