/**
 * A file that vanishes between listing and reading (issue 7, item 3). The walk lists it; then,
 * at the moment citecheck opens it, it is deleted (node:fs's openSync is wrapped to do so for
 * the doomed path only). It gets one line naming it; the others are still checked.
 */
import { jest } from '@jest/globals';
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN, DIRTY, checkedPaths, expectOneLine, folder, removeFolders } from './helpers.js';

/** Absolute paths to delete just before they are opened. */
const doomed = new Set<string>();
const real = process.getBuiltinModule('node:fs') as typeof import('node:fs');

jest.unstable_mockModule('node:fs', () => ({
  ...real,
  default: real,
  openSync: ((path: Parameters<typeof real.openSync>[0], ...rest: unknown[]) => {
    const name = String(path);
    if (doomed.has(name)) {
      doomed.delete(name);
      if (existsSync(name)) unlinkSync(name);
    }
    return (real.openSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.openSync,
}));

const { runCli } = await import('../helpers/cli.js');

afterAll(removeFolders);

describe('a file that vanishes between listing and reading', () => {
  test('in a walked folder: one line naming it, the others checked', async () => {
    const dir = folder({ 'desk/a.txt': CLEAN, 'desk/b.md': `# Talks\n\n${DIRTY}`, 'desk/c.html': `<p>${CLEAN}</p>` });
    doomed.add(join(dir, 'desk', 'b.md'));
    const run = await runCli(['--format', 'json', 'desk'], { cwd: dir });
    expect(doomed.size).toBe(0); // it was listed, and citecheck went to read it
    expectOneLine(run, 'desk/b.md', 'citecheck: desk/b.md: cannot read (no such file)');
    expect(checkedPaths(run)).toEqual(['desk/a.txt', 'desk/c.html']);
    expect(run.code).toBe(0);
  });

  test('named on the command line, and the only file: exit 2', async () => {
    const dir = folder({ 'gone.txt': DIRTY });
    doomed.add(join(dir, 'gone.txt'));
    const run = await runCli(['gone.txt'], { cwd: dir });
    expect(doomed.size).toBe(0);
    expectOneLine(run, 'gone.txt', /cannot read \(no such file\)/);
    expect(run.code).toBe(2);
  });

  test('matched by a glob', async () => {
    const dir = folder({ 'news/one.txt': DIRTY, 'news/two.txt': CLEAN });
    doomed.add(join(dir, 'news', 'one.txt'));
    const run = await runCli(['--format', 'json', 'news/*.txt'], { cwd: dir });
    expect(doomed.size).toBe(0);
    expectOneLine(run, 'news/one.txt', /cannot read \(no such file\)/);
    expect(checkedPaths(run)).toEqual(['news/two.txt']);
    expect(run.code).toBe(0);
  });
});
