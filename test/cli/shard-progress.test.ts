import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';

/** A folder of `count` small articles. */
function archive(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-shard-'));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `article-${String(i).padStart(2, '0')}.txt`), `Story ${i}. Experts say it.\n`);
  return dir;
}

async function paths(args: string[], cwd: string): Promise<string[]> {
  const run = await runCli(['--format', 'json', ...args], { cwd });
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).files.map((file: { path: string }) => file.path);
}

describe('--shard i/n', () => {
  test('the shards split the files: every file in exactly one, sizes within one, the same every run', async () => {
    const dir = archive(10);
    const all = await paths(['.'], dir);
    const shards = [await paths(['--shard', '1/3', '.'], dir), await paths(['--shard', '2/3', '.'], dir), await paths(['--shard', '3/3', '.'], dir)];
    expect(shards.flat().sort()).toEqual(all);
    expect(shards.map((shard) => shard.length)).toEqual([4, 3, 3]);
    expect(await paths(['--shard', '2/3', '.'], dir)).toEqual(shards[1]);
  });

  test('an empty shard is a clean run', async () => {
    const dir = archive(1);
    const run = await runCli(['--shard', '2/2', '.'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  test.each(['0/2', '3/2', '1', 'a/b'])('--shard %s is a usage error', async (value) => {
    const run = await runCli(['--shard', value, '.'], { cwd: archive(1) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--shard takes i/n with 1 <= i <= n, such as 2/4, not "${value}"`);
  });
});

class Terminal extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) { super(); }
  columns = 60;
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function stderrOf(count: number, tty: boolean, ci: string | undefined): Promise<string> {
  const saved = process.env.CI;
  if (ci === undefined) delete process.env.CI;
  else process.env.CI = ci;
  try {
    const stderr = new Terminal(tty);
    const stdin = Object.assign(Readable.from([]), { isTTY: true });
    await main(['--format', 'json', '.'], { stdout: new Terminal(false), stderr, stdin }, archive(count));
    return stderr.text;
  } finally {
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
  }
}

describe('progress line', () => {
  test('more than 20 files on a terminal: one self-erasing line on stderr', async () => {
    const text = await stderrOf(21, true, undefined);
    expect(text).toContain('\r\x1b[2Kcitecheck: checking 1/21 article-00.txt');
    expect(text).toContain('citecheck: checking 21/21 article-20.txt');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  test('never for 20 files or fewer, in CI, or into a pipe', async () => {
    expect(await stderrOf(20, true, undefined)).toBe('');
    expect(await stderrOf(21, true, 'true')).toBe('');
    expect(await stderrOf(21, false, undefined)).toBe('');
  });
});
