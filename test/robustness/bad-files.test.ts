/**
 * The bad-file matrix (issue 7, item 3), through the CLI in-process: every bad input gets exactly
 * one clear stderr line naming it (never a stack trace), the other files are still checked, and
 * the exit code follows DESIGN.md: 0/1 by the findings when something was read, 2 when nothing
 * could be. (A file that vanishes between listing and reading: vanishing.test.ts.)
 */
import { chmodSync, mkdirSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { lineColumn } from '../fuzz/support.js';
import { guardedCli, stopGuard } from './guard.js';
import { CLEAN, DIRTY, checkedPaths, expectNoTrace, expectOneLine, folder, jsonFindings, removeFolders, stderrLines } from './helpers.js';

const asRoot = process.getuid?.() === 0;

afterAll(async () => {
  await stopGuard();
  removeFolders();
});
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

/** Real-looking heads of binary formats (with enough body that only the content can tell). */
const BINARIES: [string, string, Buffer][] = [
  ['PNG', 'image.txt', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0], 'IRNA English +1 '.repeat(20))],
  ['JPEG', 'photo.md', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1], 'Reuters said '.repeat(20))],
  ['PDF', 'report.html', bytes('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', '<p>The deal (IRNA English +1).</p>'.repeat(5))],
  ['gzip', 'archive.txt', bytes([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03], 'not really compressed (IRNA English +1)')],
  ['ZIP (docx)', 'story.md', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], '[Content_Types].xml')],
  ['NUL bytes', 'dump.txt', bytes('The deal was signed', [0, 0, 0, 0], ' (IRNA English +1).\n')],
  ['control bytes', 'noise.html', bytes(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))],
];

describe('binary files and images (detected by content, whatever the extension)', () => {
  test.each(BINARIES)('%s as %s: skipped with one line, the others checked', async (_kind, name, content) => {
    const dir = folder({ [name]: content, 'clean.txt': CLEAN, 'dirty.txt': DIRTY });
    const run = await runCli(['--format', 'json', name, 'clean.txt'], { cwd: dir });
    expectOneLine(run, name, `citecheck: ${name}: binary file, skipped`);
    expect(checkedPaths(run)).toEqual(['clean.txt']);
    expect(run.code).toBe(0);
    const withErrors = await runCli(['--format', 'json', name, 'dirty.txt'], { cwd: dir });
    expectOneLine(withErrors, name);
    expect(withErrors.code).toBe(1);
  });

  test('in a walked folder: every binary named once, the articles checked', async () => {
    const dir = folder({ 'news/clean.txt': CLEAN, ...Object.fromEntries(BINARIES.map(([, name, content]) => [`news/${name}`, content])) });
    const run = await runCli(['--format', 'json', 'news'], { cwd: dir });
    expectNoTrace(run);
    expect(stderrLines(run).sort()).toEqual(BINARIES.map(([, name]) => `citecheck: news/${name}: binary file, skipped`).sort());
    expect(checkedPaths(run)).toEqual(['news/clean.txt']);
    expect(run.code).toBe(0);
  });

  test('only binaries: nothing could be read, exit 2', async () => {
    const dir = folder({ 'image.txt': BINARIES[0]![2] });
    const run = await runCli(['image.txt'], { cwd: dir });
    expectOneLine(run, 'image.txt', /binary file, skipped/);
    expect(run.code).toBe(2);
  });
});

describe('encodings', () => {
  const article = 'Line one is fine, Reuters reported.\r\nThe deal was signed in Baghdad (IRNA English +1).\n';
  const chipAt = lineColumn(article, article.indexOf('IRNA English +1'));

  test('invalid UTF-8: replaced, one warning naming the file, still checked', async () => {
    const decoded = 'Caf\ufffd owner said so, Reuters reported.\nThe deal was signed in Baghdad (IRNA English +1).\n';
    const dir = folder({ 'latin1.txt': bytes('Caf', [0xe9], decoded.slice(4)), 'clean.txt': CLEAN });
    const run = await runCli(['--format', 'json', 'latin1.txt', 'clean.txt'], { cwd: dir });
    expectOneLine(run, 'latin1.txt', 'citecheck: latin1.txt: invalid UTF-8 replaced');
    expect(checkedPaths(run)).toEqual(['latin1.txt', 'clean.txt']);
    expect(jsonFindings(run, 'latin1.txt')).toContainEqual(expect.objectContaining({ ruleId: 'ai-citation-artifact', ...lineColumn(decoded, decoded.indexOf('IRNA')) }));
    expect(run.code).toBe(1);
  });

  test('invalid UTF-8 at the very end (a truncated multi-byte sequence)', async () => {
    const dir = folder({ 'cut.md': bytes('# Talks\n\nThe deal was signed in Baghdad (IRNA English +1). Iran\u2019', ).subarray(0, -2) });
    const run = await runCli(['--format', 'json', 'cut.md'], { cwd: dir });
    expectOneLine(run, 'cut.md', 'citecheck: cut.md: invalid UTF-8 replaced');
    expect(jsonFindings(run, 'cut.md')).toContainEqual(expect.objectContaining({ ruleId: 'ai-citation-artifact', line: 3 }));
    expect(run.code).toBe(1);
  });

  test.each([
    ['UTF-16 LE', 'le.txt', bytes([0xff, 0xfe], [...Buffer.from(article, 'utf16le')])],
    ['UTF-16 BE', 'be.txt', bytes([0xfe, 0xff], [...Buffer.from(article, 'utf16le').swap16()])],
    ['UTF-8 with BOM', 'bom.txt', bytes([0xef, 0xbb, 0xbf], article)],
  ])('%s with a BOM: decoded and checked silently, positions as in UTF-8', async (_kind, name, content) => {
    const dir = folder({ [name]: content, 'plain.txt': article });
    const run = await runCli(['--format', 'json', name, 'plain.txt'], { cwd: dir });
    expectNoTrace(run);
    expect(run.stderr).toBe('');
    expect(jsonFindings(run, name)).toContainEqual(expect.objectContaining({ ruleId: 'ai-citation-artifact', line: chipAt.line, column: chipAt.column }));
    expect(jsonFindings(run, name)).toEqual(jsonFindings(run, 'plain.txt'));
    expect(run.code).toBe(1);
  });

  test('UTF-16 LE with a BOM in HTML and Markdown too', async () => {
    const html = '<html><body><article><p>The deal was signed in Baghdad (IRNA English +1).</p></article></body></html>';
    const md = '# Talks\n\nThe deal was signed in Baghdad (IRNA English +1).\n';
    const dir = folder({ 'a.html': bytes([0xff, 0xfe], [...Buffer.from(html, 'utf16le')]), 'a.md': bytes([0xff, 0xfe], [...Buffer.from(md, 'utf16le')]) });
    const run = await runCli(['--format', 'json', 'a.html', 'a.md'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(jsonFindings(run, 'a.html')).toContainEqual(expect.objectContaining({ ruleId: 'ai-citation-artifact', line: 1, column: html.indexOf('IRNA') + 1 }));
    expect(jsonFindings(run, 'a.md')).toContainEqual(expect.objectContaining({ ruleId: 'ai-citation-artifact', ...lineColumn(md, md.indexOf('IRNA')) }));
    expect(run.code).toBe(1);
  });
});

describe('files that cannot be read', () => {
  test('a dangling symbolic link named on the command line: one line, the others checked', async () => {
    const dir = folder({ 'clean.txt': CLEAN });
    symlinkSync('missing.txt', join(dir, 'dangling.txt'));
    const run = await runCli(['--format', 'json', 'dangling.txt', 'clean.txt'], { cwd: dir });
    expectOneLine(run, 'dangling.txt');
    expect(checkedPaths(run)).toEqual(['clean.txt']);
    // A named path that cannot be read fails the run (exit 2), after the others are checked.
    expect(run.code).toBe(2);
    const alone = await runCli(['dangling.txt'], { cwd: dir });
    expectOneLine(alone, 'dangling.txt');
    expect(alone.code).toBe(2);
  });

  test('a dangling symbolic link in a walked folder does not stop the walk', async () => {
    const dir = folder({ 'news/clean.txt': CLEAN });
    symlinkSync('missing.txt', join(dir, 'news', 'dangling.txt'));
    const run = await runCli(['--format', 'json', 'news'], { cwd: dir });
    expectNoTrace(run);
    // Symbolic links are not followed in a walk; if one is reported, it is named.
    for (const line of stderrLines(run)) expect(line).toMatch(/^citecheck: news\/dangling\.txt: /);
    expect(checkedPaths(run)).toEqual(['news/clean.txt']);
    expect(run.code).toBe(0);
  });

  (asRoot ? test.skip : test)('permission denied: one line, the others checked (skipped as root)', async () => {
    const dir = folder({ 'secret.txt': DIRTY, 'clean.txt': CLEAN, 'locked/inside.txt': DIRTY });
    chmodSync(join(dir, 'secret.txt'), 0o000);
    try {
      const run = await runCli(['--format', 'json', 'secret.txt', 'clean.txt'], { cwd: dir });
      expectOneLine(run, 'secret.txt', 'citecheck: secret.txt: cannot read (permission denied)');
      expect(checkedPaths(run)).toEqual(['clean.txt']);
      expect(run.code).toBe(0);
      const alone = await runCli(['secret.txt'], { cwd: dir });
      expect(alone.code).toBe(2);
    } finally {
      chmodSync(join(dir, 'secret.txt'), 0o644);
    }
  });

  (asRoot ? test.skip : test)('an unreadable folder inside a walked folder does not stop the walk (skipped as root)', async () => {
    const dir = folder({ 'news/clean.txt': CLEAN, 'news/locked/inside.txt': DIRTY });
    chmodSync(join(dir, 'news', 'locked'), 0o000);
    try {
      const run = await runCli(['--format', 'json', 'news'], { cwd: dir });
      expectNoTrace(run);
      expect(checkedPaths(run)).toContain('news/clean.txt');
      expect(stderrLines(run).length).toBeLessThanOrEqual(1);
    } finally {
      chmodSync(join(dir, 'news', 'locked'), 0o755);
    }
  });

  test('a symbolic link loop in a walked folder: no hang, no crash, the articles checked', async () => {
    const dir = folder({ 'news/clean.md': `# Talks\n\n${CLEAN}`, 'news/deeper/dirty.txt': DIRTY });
    symlinkSync('.', join(dir, 'news', 'self'));
    symlinkSync('..', join(dir, 'news', 'deeper', 'up'));
    symlinkSync('b.txt', join(dir, 'news', 'a.txt'));
    symlinkSync('a.txt', join(dir, 'news', 'b.txt'));
    const run = await runCli(['--format', 'json', 'news'], { cwd: dir });
    expectNoTrace(run);
    for (const line of stderrLines(run)) expect(line).toMatch(/^citecheck: news\/[ab]\.txt: /);
    expect(checkedPaths(run)).toEqual(['news/clean.md', 'news/deeper/dirty.txt']);
    expect(run.code).toBe(1);
  });

  test('a symbolic link loop named on the command line: one line that says so', async () => {
    const dir = folder({ 'clean.txt': CLEAN });
    symlinkSync('b.txt', join(dir, 'a.txt'));
    symlinkSync('a.txt', join(dir, 'b.txt'));
    const run = await runCli(['--format', 'json', 'a.txt', 'clean.txt'], { cwd: dir });
    expect(checkedPaths(run)).toEqual(['clean.txt']);
    expect(run.code).toBe(2);
    // It exists (ls shows it): "no such file" would send the user looking in the wrong place.
    expectOneLine(run, 'a.txt', /symbolic link/);
  });

  test('a named pipe (FIFO) is never opened: no hang', async () => {
    const dir = folder({ 'news/clean.txt': CLEAN });
    execFileSync('mkfifo', [join(dir, 'news', 'pipe.txt')]);
    const walked = await runCli(['--format', 'json', 'news'], { cwd: dir });
    expectNoTrace(walked);
    expect(checkedPaths(walked)).toEqual(['news/clean.txt']);
    const named = await runCli(['--format', 'json', 'news/pipe.txt', 'news/clean.txt'], { cwd: dir });
    expectOneLine(named, 'news/pipe.txt');
    expect(checkedPaths(named)).toEqual(['news/clean.txt']);
    expect(named.code).toBe(2);
    // Walked past in a folder, it is no error.
    expect(walked.code).toBe(0);
  });
});

describe('files too large', () => {
  test('a 200 MB (sparse) file is refused above the default --max-file-size, by its size alone', async () => {
    const dir = folder({ 'clean.txt': CLEAN, 'huge.txt': '' });
    truncateSync(join(dir, 'huge.txt'), 200 * 1024 * 1024);
    expect(statSync(join(dir, 'huge.txt')).size).toBe(200 * 1024 * 1024);
    const run = await runCli(['--format', 'json', 'huge.txt', 'clean.txt'], { cwd: dir });
    expectOneLine(run, 'huge.txt', 'citecheck: huge.txt: 200 MB is over the 10 MB limit (--max-file-size), skipped');
    expect(checkedPaths(run)).toEqual(['clean.txt']);
    expect(run.code).toBe(0);
    const alone = await runCli(['huge.txt'], { cwd: dir });
    expectOneLine(alone, 'huge.txt');
    expect(alone.code).toBe(2);
  });

  test('--max-file-size: a file just over it is refused, one at the limit is checked', async () => {
    const dir = folder({ 'over.html': `<p>${'x'.repeat(2048)}</p>`, 'at.txt': DIRTY.padEnd(1024, ' ') });
    const run = await runCli(['--format', 'json', '--max-file-size', '1KB', 'over.html', 'at.txt'], { cwd: dir });
    expectOneLine(run, 'over.html', /over the 1 KB limit \(--max-file-size\), skipped/);
    expect(checkedPaths(run)).toEqual(['at.txt']);
    expect(run.code).toBe(1);
  });

  test('a large file in a walked folder', async () => {
    const dir = folder({ 'news/clean.txt': CLEAN, 'news/big.md': '' });
    truncateSync(join(dir, 'news', 'big.md'), 20 * 1024 * 1024);
    const run = await runCli(['--format', 'json', 'news'], { cwd: dir });
    expectOneLine(run, 'news/big.md', /20 MB is over the 10 MB limit/);
    expect(run.code).toBe(0);
  });
});

describe('hostile structure', () => {
  const sentence = 'The deal was signed in Baghdad (IRNA English +1).';

  // Deep nesting can overflow a recursive walk or send a parser super-linear: these run in a
  // guarded worker (guard.ts) so a hang fails its test in bounded time.
  test.each([
    ['10,000 nested <div>s', 'deep.html', `<html><body>${'<div>'.repeat(10_000)}<p>${sentence}</p>${'</div>'.repeat(10_000)}</body></html>`],
    ['10,000 unclosed inline elements', 'inline.html', `<article><p>${'<b><i>'.repeat(5_000)}${sentence}</p></article>`],
    ['10,000 nested block quotes', 'deep.md', `# Talks\n\n${'> '.repeat(10_000)}${sentence}\n`],
    ['10,000 nested list items', 'list.md', `${'- '.repeat(10_000)}${sentence}\n`],
    ['20,000 unclosed [ in one paragraph', 'brackets.md', `# Talks\n\n${'[['.repeat(10_000)} ${sentence}\n`],
  ])('%s: checked, the finding inside reported', async (_kind, name, text) => {
    const dir = folder({ [name]: text, 'clean.txt': CLEAN });
    const run = await guardedCli(['--format', 'json', name, 'clean.txt'], { cwd: dir }, 20_000);
    expectNoTrace(run);
    expect(run.stderr).toBe('');
    expect(jsonFindings(run, name)).toContainEqual(expect.objectContaining({ ruleId: 'ai-citation-artifact', ...lineColumn(text, text.indexOf('IRNA English +1')) }));
    expect(run.code).toBe(1);
  }, 40_000);

  const html = `<!DOCTYPE html><html><head><meta property="article:published_time" content="2025-08-12"><title>Talks</title></head><body><nav>Home</nav><article><h1>Talks</h1><p>${sentence}</p><p>More at <a href="https://www.irna.ir/en/news/1?utm_source=chatgpt.com">IRNA English</a>.</p><!-- note --><p>Experts say it will hold.</p></article><footer>(c)</footer></body></html>`;
  const md = `---\ntitle: Talks\ndate: 2025-08-12\n---\n\n# Talks\n\n${sentence}\n\nMore at [IRNA English](https://www.irna.ir/en/news/1?utm_source=chatgpt.com).\n\n\`\`\`\ncode (Reuters +1)\n\`\`\`\n\nExperts say it will hold.\n`;

  test.each([
    ['HTML cut inside an attribute', 'a.html', html.slice(0, html.indexOf('utm_source') + 4)],
    ['HTML cut inside a tag name', 'b.html', html.slice(0, html.indexOf('<footer>') + 3)],
    ['HTML cut inside a comment', 'c.html', html.slice(0, html.indexOf('<!-- note') + 6)],
    ['HTML cut inside the head', 'd.html', html.slice(0, html.indexOf('<title>') + 9)],
    ['Markdown cut inside the front matter', 'e.md', `---\ntitle: Talks\ndate: 2025-08-1`],
    ['Markdown cut inside a link', 'f.md', md.slice(0, md.indexOf('utm_source'))],
    ['Markdown cut inside a code fence', 'g.md', md.slice(0, md.indexOf('code (Reuters') + 8)],
  ])('truncated: %s is checked as far as it goes', async (_kind, name, text) => {
    const dir = folder({ [name]: text });
    const run = await runCli(['--format', 'json', name], { cwd: dir });
    expectNoTrace(run);
    expect(run.stderr).toBe('');
    expect(checkedPaths(run)).toEqual([name]);
    expect([0, 1]).toContain(run.code);
    if (text.includes(sentence)) {
      expect(jsonFindings(run, name)).toContainEqual(expect.objectContaining({ ruleId: 'ai-citation-artifact', ...lineColumn(text, text.indexOf('IRNA English +1')) }));
      expect(run.code).toBe(1);
    }
  });

  test('every prefix of an HTML and a Markdown article (cut every 7 characters) checks cleanly', async () => {
    const dir = folder();
    for (const [ext, text] of [['html', html], ['md', md]] as const) {
      const names: string[] = [];
      for (let cut = 0; cut <= text.length; cut += 7) {
        const name = `cut-${String(cut).padStart(4, '0')}.${ext}`;
        writeFileSync(join(dir, name), text.slice(0, cut));
        names.push(name);
      }
      const run = await runCli(['--format', 'json', ...names], { cwd: dir });
      expectNoTrace(run);
      // Only the empty prefix is worth a line.
      for (const line of stderrLines(run)) expect(line).toMatch(/: empty file, nothing to check$/);
      expect(checkedPaths(run)).toEqual(names);
    }
  }, 60_000);
});

describe('empty input', () => {
  test.each([
    ['empty', ''],
    ['only whitespace', ' \n\t\r\n'],
    ['only a BOM', '\ufeff'],
  ])('%s stdin: one line naming <stdin>, exit 0', async (_kind, stdin) => {
    const run = await runCli(['-'], { stdin });
    expectOneLine(run, '<stdin>', 'citecheck: <stdin>: empty file, nothing to check');
    expect(run.code).toBe(0);
  });

  test('empty stdin with --stdin-filename names that file, in every format', async () => {
    for (const name of ['a.txt', 'a.md', 'a.html']) {
      const run = await runCli(['--format', 'json', '--stdin-filename', name, '-'], { stdin: '' });
      expectOneLine(run, name, `citecheck: ${name}: empty file, nothing to check`);
      expect(JSON.parse(run.stdout).files).toEqual([expect.objectContaining({ path: name, findings: [] })]);
      expect(run.code).toBe(0);
    }
  });

  test('an empty file among others', async () => {
    const dir = folder({ 'empty.md': '', 'dirty.txt': DIRTY });
    const run = await runCli(['--format', 'json', 'empty.md', 'dirty.txt'], { cwd: dir });
    expectOneLine(run, 'empty.md', 'citecheck: empty.md: empty file, nothing to check');
    expect(checkedPaths(run)).toEqual(['empty.md', 'dirty.txt']);
    expect(run.code).toBe(1);
  });
});

describe('everything at once', () => {
  test('a folder of bad files: one line each, the good articles checked, exit by their findings', async () => {
    const dir = folder({
      'desk/good.txt': CLEAN,
      'desk/bad.md': `# Talks\n\n${DIRTY}`,
      'desk/image.txt': BINARIES[0]![2],
      'desk/latin1.html': bytes('<p>Caf', [0xe9], '</p>'),
      'desk/utf16.txt': bytes([0xff, 0xfe], [...Buffer.from(CLEAN, 'utf16le')]),
      'desk/empty.md': '',
      'desk/deep/er/still.txt': CLEAN,
    });
    writeFileSync(join(dir, 'desk', 'huge.html'), '');
    truncateSync(join(dir, 'desk', 'huge.html'), 200 * 1024 * 1024);
    symlinkSync('nowhere.txt', join(dir, 'desk', 'dangling.txt'));
    symlinkSync('.', join(dir, 'desk', 'loop'));
    mkdirSync(join(dir, 'desk', 'folder.md'));
    const run = await runCli(['--format', 'json', 'desk'], { cwd: dir });
    expectNoTrace(run);
    expect(stderrLines(run).sort()).toEqual([
      'citecheck: desk/empty.md: empty file, nothing to check',
      'citecheck: desk/huge.html: 200 MB is over the 10 MB limit (--max-file-size), skipped',
      'citecheck: desk/image.txt: binary file, skipped',
      'citecheck: desk/latin1.html: invalid UTF-8 replaced',
    ]);
    expect(checkedPaths(run)).toEqual(['desk/bad.md', 'desk/deep/er/still.txt', 'desk/empty.md', 'desk/good.txt', 'desk/latin1.html', 'desk/utf16.txt']);
    expect(run.code).toBe(1);
  });
});
