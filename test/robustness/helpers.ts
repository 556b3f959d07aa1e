/** Shared by the robustness tests: temp folders, files and the one-line stderr contract. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliRun } from '../helpers/cli.js';

/** Clean: no finding at all (exit 0). */
export const CLEAN = 'The talks ended on Monday, Reuters reported.\n';
/** One ai-citation-artifact error (exit 1). */
export const DIRTY = 'The deal was signed in Baghdad (IRNA English +1).\n';

const made: string[] = [];

/** A fresh temp folder holding `files` (path → text or bytes); removed by removeFolders(). */
export function folder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-robust-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Removes every folder made by folder() (call from afterAll). */
export function removeFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** stderr's lines, without the trailing newline. */
export function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line !== '');
}

/** No stack trace and no internal error on stderr. */
export function expectNoTrace(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^ {4}at /m);
  expect(run.stderr).not.toMatch(/internal error|Error:|TypeError|RangeError/);
}

/** Exactly one clear `citecheck: <name>: …` line on stderr, and no stack trace. */
export function expectOneLine(run: CliRun, name: string, message?: RegExp | string): string {
  expectNoTrace(run);
  const lines = stderrLines(run);
  expect(lines).toEqual([expect.stringContaining(`citecheck: ${name}: `)]);
  if (message !== undefined) expect(lines[0]).toMatch(message);
  return lines[0]!;
}

/** The paths the JSON report says were checked. */
export function checkedPaths(run: CliRun): string[] {
  return (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
}

export function jsonFindings(run: CliRun, path: string): { ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] {
  const file = (JSON.parse(run.stdout) as { files: { path: string; findings: [] }[] }).files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} was not checked:\n${run.stderr}`);
  return file.findings;
}
