import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autoThreads } from '../../src/cli/options.js';
import { runCli } from '../helpers/cli.js';

const ARTICLES = [
  'Iran and Iraq signed a pipeline deal in 2023 [Wikipedia].\n',
  'He was welcomed in Baghdad (Caliber.az +12 IRNA English +12 Rudaw +12).\n',
  'The weather was mild on Sunday.\n',
  '# Talks\n\nExperts say the deal will collapse, Gulf Daily Wire reported.\n',
  '<p>The ministry said exports rose 14% (IRNA English +3).</p>\n',
];

/** Twelve articles in the three formats, and one file that cannot be read (binary). */
function archive(): string {
  const folder = mkdtempSync(join(tmpdir(), 'citecheck-jobs-'));
  for (let i = 0; i < 12; i++) {
    const text = ARTICLES[i % ARTICLES.length]!;
    const ext = text.startsWith('<p>') ? 'html' : text.startsWith('#') ? 'md' : 'txt';
    writeFileSync(join(folder, `article-${String(i).padStart(2, '0')}.${ext}`), text);
  }
  writeFileSync(join(folder, 'article-05b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]));
  return folder;
}

describe('--jobs', () => {
  test.each(['stylish', 'json', 'sarif'])('gives exactly the one-thread run: %s', async (format) => {
    const cwd = archive();
    const one = await runCli(['--format', format, '.'], { cwd });
    const two = await runCli(['--format', format, '--jobs', '2', '.'], { cwd });
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('article-05b.txt');
    expect(two).toEqual(one);
  });

  test('fixes files in the workers', async () => {
    const cwd = archive();
    const run = await runCli(['--fix', '--jobs', '2', '.'], { cwd });
    expect(run.stderr).toContain('article-01.txt: fixed');
    expect(readFileSync(join(cwd, 'article-01.txt'), 'utf8')).toBe('He was welcomed in Baghdad (Caliber.az, IRNA English, Rudaw).\n');
  });

  test('works with --cache: cached files and checked files in one ordered report', async () => {
    const cwd = archive();
    const plain = await runCli(['--format', 'json', '.'], { cwd });
    await runCli(['--cache', '--jobs', '2', '--format', 'json', '.'], { cwd });
    writeFileSync(join(cwd, 'article-03.md'), '# Talks\n\nNothing to see.\n');
    writeFileSync(join(cwd, 'article-03.md'), ARTICLES[3]!);
    expect(await runCli(['--cache', '--jobs', '2', '--format', 'json', '.'], { cwd })).toEqual(plain);
  });

  test.each(['0', 'two', '-1'])('refuses --jobs %s with a usage error', async (value) => {
    const run = await runCli(['--jobs', value, 'x.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs takes a number of threads/);
  });

  test('--jobs auto gives the same report as one thread', async () => {
    const cwd = archive();
    expect(await runCli(['--format', 'json', '--jobs', 'auto', '.'], { cwd })).toEqual(await runCli(['--format', 'json', '.'], { cwd }));
  });
});

describe('--jobs auto', () => {
  test.each([
    // cores, files, threads
    [2, 2000, 1], // one thread already keeps more than one core busy
    [1, 2000, 1],
    [3, 2000, 1],
    [4, 2000, 2],
    [8, 2000, 4],
    [64, 2000, 10], // a thread for every 200 files
    [8, 401, 3],
    [8, 200, 1], // too few files to pay for a second thread's start
    [8, 0, 1],
  ])('on %i cores and %i files runs %i threads', (cores, files, threads) => {
    expect(autoThreads(files, cores)).toBe(threads);
  });
});
