import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';

const WIKI = 'Iran and Iraq signed a pipeline deal in 2023 [Wikipedia].\n';
const CLEAN = 'The weather was mild on Sunday.\n';

function project(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'citecheck-cache-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

/**
 * Rewrites a stored report part in the cache file (same length, so the index stays right): a
 * run that prints the altered text took the file's report from the cache, not from a new check.
 */
function tamper(cache: string, from: string, to: string): void {
  const data = readFileSync(cache, 'latin1');
  expect(data).toContain(from);
  writeFileSync(cache, data.split(from).join(to), 'latin1');
}

describe('--cache', () => {
  test('an unchanged file is reported from the cache, byte for byte as checked', async () => {
    const cwd = project({ 'a.txt': WIKI, 'b.txt': CLEAN });
    const first = await runCli(['--cache', '--format', 'json', '.'], { cwd });
    expect(existsSync(join(cwd, '.citecheckcache'))).toBe(true);
    const again = await runCli(['--cache', '--format', 'json', '.'], { cwd });
    expect(again).toEqual(first);
    tamper(join(cwd, '.citecheckcache'), '"ruleId": "tertiary-source"', '"ruleId": "TERTIARY-SOURCE"');
    expect((await runCli(['--cache', '--format', 'json', '.'], { cwd })).stdout).toContain('TERTIARY-SOURCE');
  });

  test('a report written to a stream that holds its bytes (a full pipe) is copied from the cache intact', async () => {
    // Parts of a few hundred bytes, then one of about a megabyte (copied in several pieces).
    const cwd = project({ 'a.txt': WIKI, 'b.txt': CLEAN, 'c.txt': WIKI.repeat(1_500), 'd.txt': WIKI });
    const first = await runCli(['--cache', '--format', 'json', '.'], { cwd });
    expect(first.stdout.length).toBeGreaterThan(1_000_000);
    // Like a pipe that has filled up: it keeps each chunk it is given, unread, until later.
    class HeldPipe extends Writable {
      readonly held: Buffer[] = [];
      isTTY = false;
      override _write(chunk: Buffer, _encoding: string, done: () => void): void {
        this.held.push(chunk);
        setImmediate(done);
      }
    }
    const stdout = new HeldPipe({ highWaterMark: 1 });
    const stderr = new HeldPipe();
    const code = await main(['--cache', '--format', 'json', '.'], { stdout, stderr, stdin: process.stdin }, cwd);
    await new Promise((resolve) => stdout.end(resolve));
    expect(code).toBe(first.code);
    // Where the two first differ (a diff of megabyte strings would take the test runner a minute).
    const got = Buffer.concat(stdout.held).toString('utf8');
    let at = 0;
    while (at < got.length && got[at] === first.stdout[at]) at++;
    expect({ length: got.length, differsAt: at === got.length ? null : got.slice(at, at + 80) }).toEqual({ length: first.stdout.length, differsAt: null });
  });

  test('a changed file is checked again (its bytes are the key, not its time)', async () => {
    const cwd = project({ 'a.txt': WIKI });
    await runCli(['--cache', '.'], { cwd });
    tamper(join(cwd, '.citecheckcache'), 'tertiary-source', 'TERTIARY-SOURCE');
    writeFileSync(join(cwd, 'a.txt'), WIKI.replace('2023', '2022'));
    const run = await runCli(['--cache', '.'], { cwd });
    expect(run.stdout).toContain('tertiary-source');
    expect(run.stdout).not.toContain('TERTIARY-SOURCE');
  });

  test.each([
    ['another format', ['--format', 'github']],
    ['another rule severity', ['--rule', 'tertiary-source=error']],
    ['another date', ['--date', '2024-01-01']],
    ['errors only', ['--quiet']],
  ])('%s checks again', async (_name, flags) => {
    const cwd = project({ 'a.txt': WIKI });
    await runCli(['--cache', '--format', 'compact', '.'], { cwd });
    tamper(join(cwd, '.citecheckcache'), 'tertiary-source', 'TERTIARY-SOURCE');
    const run = await runCli(['--cache', '--format', 'compact', ...flags, '.'], { cwd });
    expect(run.stdout + run.stderr).not.toContain('TERTIARY-SOURCE');
  });

  test('a changed configuration, or a registry file it names, checks again', async () => {
    const article = 'Exports rose 14% in 2024, according to the Tigris Ledger News Agency.\n';
    const cwd = project({ 'a.txt': article, '.citecheckrc.yaml': 'registries: [local.yaml]\n', 'local.yaml': 'sources: []\n' });
    const before = await runCli(['--cache', '--format', 'compact', '.'], { cwd });
    expect(before.stdout).toContain('unknown-source');
    writeFileSync(join(cwd, 'local.yaml'), [
      'sources:', '  - id: tigris-ledger', '    name: "Tigris Ledger News Agency"', '    kind: news-agency', '    country: IQ', '    affiliation: independent',
      '    reliability: { rating: generally-reliable, provenance: "newsroom list" }', '    reference: "https://example.org/tigris-ledger"', '',
    ].join('\n'));
    const after = await runCli(['--cache', '--format', 'compact', '.'], { cwd });
    expect(after.stderr).toBe('');
    expect(after.stdout).not.toContain('unknown-source');
  });

  test('a registry a configuration names is kept as validated: a changed article is checked against it without reading it again', async () => {
    const agency = [
      'sources:', '  - id: tigris-ledger', '    name: "Tigris Ledger News Agency"', '    kind: news-agency', '    country: IQ', '    affiliation: independent',
      '    reliability: { rating: generally-reliable, provenance: "newsroom list" }', '    reference: "https://example.org/tigris-ledger"', '',
    ].join('\n');
    const article = 'Exports rose 14% in 2024, according to the Tigris Ledger News Agency.\n';
    const cwd = project({ 'a.txt': article, '.citecheckrc.yaml': 'registries: [local.yaml]\n', 'local.yaml': agency });
    expect((await runCli(['--cache', '--format', 'compact', '.'], { cwd })).stdout).not.toContain('unknown-source');
    // The kept registry, altered: a run that reads it names the agency unknown.
    tamper(join(cwd, '.citecheckcache'), '"name":"Tigris Ledger News Agency"', '"name":"Tigris Ledger News Agencx"');
    writeFileSync(join(cwd, 'a.txt'), `${article}Imports fell.\n`);
    expect((await runCli(['--cache', '--format', 'compact', '.'], { cwd })).stdout).toContain('unknown-source');
    expect((await runCli(['--format', 'compact', '.'], { cwd })).stdout).not.toContain('unknown-source');
    // Editing the registry file validates it again.
    writeFileSync(join(cwd, 'local.yaml'), `${agency}# reviewed\n`);
    writeFileSync(join(cwd, 'a.txt'), `${article}Imports fell again.\n`);
    expect((await runCli(['--cache', '--format', 'compact', '.'], { cwd })).stdout).not.toContain('unknown-source');
  });

  test('a registry no configuration of a run names is not kept on', async () => {
    const cwd = project({ 'a.txt': WIKI, 'b.txt': WIKI, '.citecheckrc.yaml': 'registries: [local.yaml]\n', 'local.yaml': 'sources: []\n' });
    await runCli(['--cache', '.'], { cwd });
    expect(readFileSync(join(cwd, '.citecheckcache'), 'latin1')).toContain('\\u0000registry ');
    writeFileSync(join(cwd, '.citecheckrc.yaml'), 'date: 2025-08-12\n');
    await runCli(['--cache', '.'], { cwd });
    expect(readFileSync(join(cwd, '.citecheckcache'), 'latin1')).not.toContain('\\u0000registry ');
  });

  test('a corrupt cache is ignored and rewritten', async () => {
    const cwd = project({ 'a.txt': WIKI });
    const clean = await runCli(['.'], { cwd });
    writeFileSync(join(cwd, '.citecheckcache'), 'citecheck-cache 1\n{"a.txt": [bro\n');
    expect(await runCli(['--cache', '.'], { cwd })).toEqual(clean);
    expect(readFileSync(join(cwd, '.citecheckcache'), 'utf8')).toMatch(/^citecheck-cache 1\n\{/);
    expect(await runCli(['--cache', '.'], { cwd })).toEqual(clean);
  });

  test('--cache-location names the file, or a folder to keep it in; --fix leaves it alone', async () => {
    const cwd = project({ 'a.txt': WIKI });
    await runCli(['--cache', '--cache-location', 'my.cache', '.'], { cwd });
    expect(existsSync(join(cwd, 'my.cache'))).toBe(true);
    const folder = mkdtempSync(join(tmpdir(), 'citecheck-cache-dir-'));
    await runCli(['--cache', '--cache-location', folder, '.'], { cwd });
    expect(existsSync(join(folder, '.citecheckcache'))).toBe(true);
    // A trailing separator names a folder, made if it is not there yet.
    await runCli(['--cache', '--cache-location', 'cache/lint/', '.'], { cwd });
    expect(existsSync(join(cwd, 'cache', 'lint', '.citecheckcache'))).toBe(true);
    await runCli(['--cache', '--fix', '.'], { cwd });
    expect(existsSync(join(cwd, '.citecheckcache'))).toBe(false);
  });
});
