/**
 * Killed mid-run (issue 7): a SIGKILL at any moment of `--fix` or `--output-file` leaves every
 * article either as it was or fully fixed, and the report either as it was or complete, never
 * half a file. What a kill can leave behind is the writer's temporary file next to the target,
 * `.<name>.citecheck-<pid>.tmp`, and the file walker never takes one for an article.
 *
 * The built CLI runs as a user runs it and is killed at several moments: once the first article
 * has been rewritten, after delays scaled to a reference run, and (for the report) as soon as its
 * temporary file exists. Where a kill lands varies from run to run; every assertion holds
 * wherever it lands.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandPaths } from '../../src/cli/files.js';
import { tempPathFor } from '../../src/cli/write.js';
import { BIN, ENV } from '../e2e/helpers.js';
import { CLEAN, DIRTY, folder, removeFolders } from './helpers.js';

afterAll(removeFolders);

/** About 8 s on an idle machine. The kills are timed against the runs, so a loaded machine is only slower. */
const SLOW_MACHINE_MS = 90_000;

const CHIPS = ['(IRNA English +12)', '(Rudaw +3)', '(Caliber.az +12 IRNA English +12 Rudaw +12)', '(Mehr News Agency +7)'];

/** About 17 KB of copy with a chatbot chip in every paragraph; `variant` moves the chips around. */
function article(variant: number): string {
  const parts = [variant % 2 === 1 ? '# Talks in Baghdad\n\n' : ''];
  for (let p = 0; p < 80; p++) {
    parts.push(`Paragraph ${p + 1}: the delegation met Iraq’s officials in Baghdad on Monday to discuss the agreement, the ministry said ${CHIPS[(p + variant) % CHIPS.length]}. Talks went on late into the night, Reuters reported.\n\n`);
  }
  return parts.join('');
}

/** Four distinct articles (two Markdown, two plain text), each under several names. */
const VARIANTS = 4;
const ARTICLES = Array.from({ length: 24 }, (_, i) => ({ name: `story-${String(i).padStart(2, '0')}.${i % 2 === 1 ? 'md' : 'txt'}`, variant: i % VARIANTS }));
const NAMES = ARTICLES.map((entry) => entry.name);
const ORIGINAL = Array.from({ length: VARIANTS }, (_, variant) => Buffer.from(article(variant)));
const originals = (articles = ARTICLES) => Object.fromEntries(articles.map(({ name, variant }) => [name, ORIGINAL[variant]!]));

interface Ended {
  pid: number;
  killed: boolean;
  ms: number;
}

/**
 * Runs the built CLI in `cwd` and SIGKILLs it as soon as `killWhen` says so (asked every 2 ms),
 * unless it exits first. `--no-config-lookup`: nothing outside the temp folder changes the run.
 */
function runAndKill(args: readonly string[], cwd: string, killWhen: (child: ChildProcess, ms: number) => boolean): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--no-config-lookup', ...args], { cwd, env: ENV, stdio: 'ignore' });
    const started = performance.now();
    let sent = false;
    const timer = setInterval(() => {
      if (!sent && killWhen(child, performance.now() - started)) sent = child.kill('SIGKILL');
    }, 2);
    child.once('error', (error) => { clearInterval(timer); reject(error); });
    child.once('exit', (_code, signal) => {
      clearInterval(timer);
      resolve({ pid: child.pid!, killed: signal === 'SIGKILL', ms: performance.now() - started });
    });
  });
}

const never = () => false;
const after = (delay: number) => (_child: ChildProcess, ms: number) => ms >= delay;

/** The folder holds `expected` and nothing else but the killed run's temporary files for them. */
function expectOnlyTemps(dir: string, expected: readonly string[], pid: number): void {
  const entries = readdirSync(dir).sort();
  expect(entries.filter((name) => expected.includes(name))).toEqual([...expected].sort());
  const extra = entries.filter((name) => !expected.includes(name));
  const temps = new Set(expected.map((name) => tempPathFor(join(dir, name), pid).slice(dir.length + 1)));
  for (const name of extra) expect(temps.has(name) ? 'the writer’s temporary file' : name).toBe('the writer’s temporary file');
}

/** The walker and globs, even one asking for dot files, find the articles and never a temporary file. */
async function expectWalkerSkipsTemps(dir: string, articles: readonly string[]): Promise<void> {
  writeFileSync(tempPathFor(join(dir, articles[0]!), 4_000_000), DIRTY); // a stale one, whatever the kill left
  const { files, problems } = await expandPaths(['.', '.*', '**/.*.tmp'], dir);
  expect(files).toEqual([...articles].sort());
  expect(problems).toEqual(['.*: no files match', '**/.*.tmp: no files match']);
}

describe('killed with SIGKILL part-way through', () => {
  test('--fix: every article is byte-identical to its original or to the fully fixed text', async () => {
    // The fully fixed text of each variant, from a run left to finish.
    const reference = folder(originals(ARTICLES.slice(0, VARIANTS)));
    const done = await runAndKill(['--fix', '.'], reference, never);
    expect(done.killed).toBe(false);
    const FIXED = ARTICLES.slice(0, VARIANTS).map(({ name }) => readFileSync(join(reference, name)));
    FIXED.forEach((fixed, variant) => {
      expect(fixed.equals(ORIGINAL[variant]!)).toBe(false);
      expect(fixed.toString()).not.toMatch(/\+\d/);
    });

    type Killer = (child: ChildProcess, ms: number) => boolean;
    let current = '';
    const first = NAMES[0]!;
    const killers: [string, () => Killer][] = [
      // The rename gives the first article a new inode: kill right after the first rewrite.
      ['after the first rewrite', () => {
        const inode = statSync(join(current, first)).ino;
        return () => statSync(join(current, first)).ino !== inode;
      }],
      // The reference run took start-up plus four articles: these land about in start-up and a few articles in.
      ...[0.5, 1].map((share): [string, () => Killer] => [`after ${share} × the reference run`, () => after(done.ms * share)]),
    ];
    const outcomes: { when: string; fixed: number; untouched: number }[] = [];
    for (const [when, killer] of killers) {
      current = realpathSync(folder(originals()));
      const killWhen = killer();
      const ended = await runAndKill(['--fix', '.'], current, killWhen);
      expectOnlyTemps(current, NAMES, ended.pid);
      const states = ARTICLES.map(({ name, variant }) => {
        const now = readFileSync(join(current, name));
        if (now.equals(ORIGINAL[variant]!)) return 'untouched';
        if (now.equals(FIXED[variant]!)) return 'fixed';
        return `${name} is neither the original nor the fixed text (${now.length} bytes)`;
      });
      expect(states.filter((state) => state !== 'untouched' && state !== 'fixed')).toEqual([]);
      outcomes.push({ when, fixed: states.filter((state) => state === 'fixed').length, untouched: states.filter((state) => state === 'untouched').length });
      await expectWalkerSkipsTemps(current, NAMES);
    }
    // At least one kill landed between two rewrites (the first one all but always does).
    expect(outcomes.filter(({ fixed, untouched }) => fixed > 0 && untouched > 0)).not.toEqual([]);
  }, SLOW_MACHINE_MS);

  test('--output-file: the report is the old one or the complete new one', async () => {
    const articles = ARTICLES.slice(0, VARIANTS);
    const names = articles.map(({ name }) => name);
    const OLD = '{"old": "report"}\n';
    const args = ['--format', 'json', '--output-file', 'out/report.json', 'news'];
    const setUp = () => realpathSync(folder({ ...Object.fromEntries(Object.entries(originals(articles)).map(([name, text]) => [`news/${name}`, text])), 'out/report.json': OLD }));

    const reference = setUp();
    const done = await runAndKill(args, reference, never);
    expect(done.killed).toBe(false);
    const complete = readFileSync(join(reference, 'out/report.json'), 'utf8');
    expect((JSON.parse(complete) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(names.map((name) => `news/${name}`));

    let current = '';
    const killers: ((child: ChildProcess, ms: number) => boolean)[] = [
      // As soon as the report's temporary file exists: while it is being written (or just renamed).
      (child) => existsSync(tempPathFor(join(current, 'out/report.json'), child.pid)),
      after(done.ms * 0.5), after(done.ms * 0.95),
    ];
    for (const killWhen of killers) {
      current = setUp();
      const ended = await runAndKill(args, current, killWhen);
      expectOnlyTemps(join(current, 'out'), ['report.json'], ended.pid);
      const report = readFileSync(join(current, 'out/report.json'), 'utf8');
      expect(report === OLD || report === complete ? 'old or complete' : `${report.length} characters of ${complete.length}`).toBe('old or complete');
      for (const { name, variant } of articles) expect(readFileSync(join(current, 'news', name)).equals(ORIGINAL[variant]!)).toBe(true);
    }
  }, SLOW_MACHINE_MS);

  test('the built CLI never checks a temporary file left by a killed run', async () => {
    const dir = realpathSync(folder({ 'clean.txt': CLEAN }));
    writeFileSync(tempPathFor(join(dir, 'story.txt'), 4_000_000), DIRTY);
    const ended = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--no-config-lookup', '--format', 'json', '.', '.*'], { cwd: dir, env: ENV });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      child.once('error', reject);
      child.once('close', (code) => resolve({ stdout, stderr, code }));
    });
    expect((JSON.parse(ended.stdout) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(['clean.txt']);
    expect(ended.stderr).toBe('citecheck: .*: no files match\n');
    // The glob that named only the leftover matches nothing: a usage error, after the clean file's report.
    expect(ended.code).toBe(2);
  });
});
