import { chmodSync, copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyFixes } from '../../src/engine/fix.js';
import { diffSummary, encodeLike } from '../../src/cli/fix-files.js';
import { runCli } from '../helpers/cli.js';

const CLUSTER = 'He was welcomed in Baghdad (Caliber.az +12 IRNA English +12 Rudaw +12).\n';
const CLUSTER_FIXED = 'He was welcomed in Baghdad (Caliber.az, IRNA English, Rudaw).\n';

function dir(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'citecheck-fix-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

describe('applyFixes', () => {
  test('applies edits in order of position, whatever order they come in', () => {
    const fixes = [{ start: 8, end: 9, text: 'B' }, { start: 0, end: 1, text: 'A' }];
    expect(applyFixes('a-------b', fixes)).toEqual({ output: 'A-------B', applied: [fixes[1], fixes[0]], skipped: [] });
  });

  test('skips an edit that overlaps one already taken; adjacent edits both apply', () => {
    const first = { start: 0, end: 4, text: '' };
    const overlapping = { start: 2, end: 6, text: 'x' };
    const adjacent = { start: 4, end: 5, text: 'E' };
    expect(applyFixes('abcdefg', [overlapping, adjacent, first])).toEqual({ output: 'Efg', applied: [first, adjacent], skipped: [overlapping] });
  });

  test('the same edit from two rules is made once', () => {
    const fix = { start: 1, end: 2, text: '' };
    expect(applyFixes('abc', [fix, { ...fix }]).output).toBe('ac');
  });

  test('inserted line breaks follow the file (CRLF stays CRLF)', () => {
    expect(applyFixes('a\r\nb', [{ start: 1, end: 1, text: '\n!' }]).output).toBe('a\r\n!\r\nb');
    expect(applyFixes('a\nb', [{ start: 1, end: 1, text: '\r\n!' }]).output).toBe('a\n!\nb');
  });
});

describe('encodeLike', () => {
  test('keeps a UTF-8 BOM, and UTF-16 in either byte order', () => {
    expect([...encodeLike(Buffer.from('\uFEFFx', 'utf8'), 'é')]).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0xa9]);
    expect([...encodeLike(Buffer.from('x', 'utf8'), 'é')]).toEqual([0xc3, 0xa9]);
    expect([...encodeLike(Buffer.from([0xff, 0xfe, 0x78, 0]), 'é')]).toEqual([0xff, 0xfe, 0xe9, 0]);
    expect([...encodeLike(Buffer.from([0xfe, 0xff, 0, 0x78]), 'é')]).toEqual([0xfe, 0xff, 0, 0xe9]);
  });
});

describe('diffSummary', () => {
  test('shows changed lines before and after, with their numbers', () => {
    expect(diffSummary('a.txt', 'one\ntwo +1\nthree\n', 'one\ntwo\nthree\n')).toBe('a.txt\n  2  - two +1\n  2  + two\n\n');
  });
});

describe('--fix', () => {
  test('removes chip counts and keeps the names apart; the report shows what remains', async () => {
    const folder = dir({ 'a.txt': CLUSTER });
    const run = await runCli(['--fix', '--format', 'json', 'a.txt'], { cwd: folder });
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe(CLUSTER_FIXED);
    const findings = JSON.parse(run.stdout).files[0].findings.map((finding: { ruleId: string }) => finding.ruleId);
    expect(findings).not.toContain('ai-citation-artifact');
    expect(findings).toContain('citation-cluster');
    expect(run.stderr).toBe('citecheck: a.txt: fixed 3 problems\n');
    expect(run.code).toBe(0);
  });

  test('is idempotent: a second run changes nothing and says nothing', async () => {
    const folder = dir({ 'a.txt': CLUSTER });
    await runCli(['--fix', 'a.txt'], { cwd: folder });
    const before = statSync(join(folder, 'a.txt'));
    const second = await runCli(['--fix', 'a.txt'], { cwd: folder });
    expect(second.stderr).toBe('');
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe(CLUSTER_FIXED);
    expect(statSync(join(folder, 'a.txt')).mtimeMs).toBe(before.mtimeMs);
  });

  test('a U+FEFF a fix brings to the start goes with the fix: the file reads back as fixed', async () => {
    // Left first, it would be read back as a byte-order mark, and a second --fix would find the file changed.
    const folder = dir({ 'a.txt': 'oai_citation:2‡\uFEFFThe deal was signed.\n' });
    const first = await runCli(['--fix', '--format', 'json', 'a.txt'], { cwd: folder });
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('The deal was signed.\n');
    expect(JSON.parse(first.stdout).files[0].findings).toEqual([]);
    const second = await runCli(['--fix', 'a.txt'], { cwd: folder });
    expect(second.stderr).toBe('');
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('The deal was signed.\n');
  });

  test('a fix that would leave no readable article (only control characters) is not made', async () => {
    const folder = dir({ 'a.txt': '\u0001[cite_start]' });
    const run = await runCli(['--fix', '--format', 'compact', 'a.txt'], { cwd: folder });
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('\u0001[cite_start]');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('a.txt:1:2: error Chatbot residue "[cite_start]"');
  });

  test('keeps the BOM, CRLF line endings and the file mode', async () => {
    const folder = dir({ 'a.txt': `\uFEFFFirst line.\r\n${CLUSTER.replace('\n', '\r\n')}Last line.\r\n` });
    chmodSync(join(folder, 'a.txt'), 0o640);
    await runCli(['--fix', 'a.txt'], { cwd: folder });
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe(`\uFEFFFirst line.\r\n${CLUSTER_FIXED.replace('\n', '\r\n')}Last line.\r\n`);
    expect(statSync(join(folder, 'a.txt')).mode & 0o777).toBe(0o640);
  });

  test('fixes residue in Markdown and HTML links, and UTF-16 files', async () => {
    const folder = dir({
      'a.md': 'The deal was signed ([Reuters](https://www.reuters.com/world/?utm_source=chatgpt.com)).\n',
      'b.html': '<article><p>The deal was signed (<a href="https://apnews.com/x?utm_source=chatgpt.com">AP</a>).</p></article>\n',
      'c.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLUSTER, 'utf16le')]),
    });
    await runCli(['--fix', '.'], { cwd: folder });
    expect(readFileSync(join(folder, 'a.md'), 'utf8')).toBe('The deal was signed ([Reuters](https://www.reuters.com/world/)).\n');
    expect(readFileSync(join(folder, 'b.html'), 'utf8')).toBe('<article><p>The deal was signed (<a href="https://apnews.com/x">AP</a>).</p></article>\n');
    expect(readFileSync(join(folder, 'c.txt'))).toEqual(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLUSTER_FIXED, 'utf16le')]));
  });

  test('never touches a file without fixes', async () => {
    const folder = dir({ 'a.txt': 'Experts say the deal is done.\n' });
    const before = statSync(join(folder, 'a.txt'));
    await runCli(['--fix', 'a.txt'], { cwd: folder });
    const after = statSync(join(folder, 'a.txt'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  test('does not rewrite a file whose bad bytes were repaired on reading', async () => {
    const bytes = Buffer.concat([Buffer.from(CLUSTER), Buffer.from([0xff]), Buffer.from(' end\n')]);
    const folder = dir({ 'a.txt': bytes });
    const run = await runCli(['--fix', 'a.txt'], { cwd: folder });
    expect(readFileSync(join(folder, 'a.txt'))).toEqual(bytes);
    expect(run.stderr).toContain('a.txt: not fixed: it is not valid UTF-8');
  });

  test('with --quiet, only the fixes of errors', async () => {
    const folder = dir({ 'a.txt': CLUSTER });
    await runCli(['--fix', '--quiet', '--rule', 'ai-citation-artifact=warning', 'a.txt'], { cwd: folder });
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe(CLUSTER);
  });

  test('cannot write standard input', async () => {
    const run = await runCli(['--fix', '-'], { stdin: CLUSTER });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('citecheck: --fix cannot write back to standard input; use --fix-dry-run\n');
  });
});

describe('--fix-dry-run', () => {
  test('JSON carries the fixed text in `output`, and the file is untouched', async () => {
    const folder = dir({ 'a.txt': CLUSTER, 'b.txt': 'Experts say so.\n' });
    const run = await runCli(['--fix-dry-run', '--format', 'json', 'a.txt', 'b.txt'], { cwd: folder });
    const [a, b] = JSON.parse(run.stdout).files;
    expect(a.output).toBe(CLUSTER_FIXED);
    expect(a.findings.map((finding: { ruleId: string }) => finding.ruleId)).not.toContain('ai-citation-artifact');
    expect(b).not.toHaveProperty('output');
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe(CLUSTER);
  });

  test('stylish shows a diff-like summary before the report', async () => {
    const folder = dir({ 'a.txt': CLUSTER });
    const run = await runCli(['--fix-dry-run', 'a.txt'], { cwd: folder });
    expect(run.stdout.startsWith(`a.txt\n  1  - ${CLUSTER}  1  + ${CLUSTER_FIXED}\n`)).toBe(true);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe(CLUSTER);
  });

  test('works on standard input', async () => {
    const run = await runCli(['--fix-dry-run', '--format', 'json', '-'], { stdin: CLUSTER });
    expect(JSON.parse(run.stdout).files[0].output).toBe(CLUSTER_FIXED);
  });

  test('--fix and --fix-dry-run together is a usage error', async () => {
    const run = await runCli(['--fix', '--fix-dry-run', 'a.txt']);
    expect(run.code).toBe(2);
  });
});
