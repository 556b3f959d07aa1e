/** The pre-commit side: --staged reads the index, the hook blocks bad commits, --fix with --staged is careful. */
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blobContents } from '../../src/cli/git.js';
import { citecheck, git, repository, write } from './helpers.js';

const BAD = 'The talks failed (Reuters +4).\n';
const CLEAN = 'The talks failed, Reuters reported.\n';

function jsonPaths(stdout: string): string[] {
  return JSON.parse(stdout).files.map((file: { path: string }) => file.path);
}

describe('citecheck --staged', () => {
  test('a partially staged file is judged by its staged text, never the working tree', () => {
    const dir = repository({ 'story.txt': CLEAN });
    git(['add', 'story.txt'], dir);
    write(dir, { 'story.txt': BAD }); // unstaged edit
    const clean = citecheck(['--staged', '--format', 'json'], dir);
    expect(clean.code).toBe(0);
    expect(jsonPaths(clean.stdout)).toEqual(['story.txt']);
    expect(JSON.parse(clean.stdout).files[0].findings).toEqual([]);

    git(['add', 'story.txt'], dir);
    write(dir, { 'story.txt': CLEAN }); // the staged text is bad, the working copy clean
    const bad = citecheck(['--staged', '--format', 'compact'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('story.txt:1:19: error');
    expect(readFileSync(join(dir, 'story.txt'), 'utf8')).toBe(CLEAN);
  });

  test('deleted files are skipped, renamed ones checked under their new name, other files ignored', () => {
    const dir = repository({ 'old.txt': BAD, 'gone.txt': BAD, 'notes.json': '{}' });
    git(['add', '.'], dir);
    git(['commit', '-q', '--no-verify', '-m', 'articles'], dir);
    git(['mv', 'old.txt', 'new.txt'], dir);
    git(['rm', '-q', 'gone.txt'], dir);
    write(dir, { 'fresh.md': CLEAN, 'notes.json': '{ "x": 1 }' });
    git(['add', 'fresh.md', 'notes.json'], dir);
    const run = citecheck(['--staged', '--format', 'json'], dir);
    expect(jsonPaths(run.stdout).sort()).toEqual(['fresh.md', 'new.txt']);
    expect(run.code).toBe(1);
  });

  test('each staged file is checked with its own staged content, a renamed one too', () => {
    const article = (name: string) => `Exports rose 14% in 2024, according to the ${name} News Agency.\n`;
    const names = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm'];
    const dir = repository(Object.fromEntries(names.map((name) => [`desk/${name.toLowerCase()}.txt`, article(name)])));
    git(['add', '.'], dir);
    git(['commit', '-q', '--no-verify', '-m', 'articles'], dir);
    git(['mv', 'desk/birch.txt', 'desk/beech.txt'], dir);
    write(dir, { 'desk/alder.txt': article('Aspen'), 'desk/cedar.txt': article('Cypress'), 'desk/fir.txt': article('Fir'), 'desk/elm.txt': article('Larch') });
    git(['add', 'desk/alder.txt', 'desk/cedar.txt', 'desk/fir.txt'], dir); // elm.txt's edit is not staged
    const files = JSON.parse(citecheck(['--staged', '--format', 'json'], dir).stdout).files as { path: string; findings: { message: string }[] }[];
    const cited = Object.fromEntries(files.map((file) => [file.path, file.findings.map((finding) => /"(\w+) News Agency"/.exec(finding.message)?.[1]).filter(Boolean)]));
    expect(cited).toEqual({ 'desk/alder.txt': ['Aspen'], 'desk/beech.txt': ['Birch'], 'desk/cedar.txt': ['Cypress'], 'desk/fir.txt': ['Fir'] });
  });

  test('a staged file over --max-file-size is refused in one line, unread, and the others are checked', () => {
    const dir = repository({ 'big.txt': BAD.repeat(200), 'small.txt': BAD });
    git(['add', '.'], dir);
    const run = citecheck(['--staged', '--max-file-size', '2KB', '--format', 'compact'], dir);
    expect(run.stderr).toBe('citecheck: big.txt: 6 KB is over the 2 KB limit (--max-file-size), skipped\n');
    expect(run.stdout).toContain('small.txt:1:19: error');
    // The size comes from git, the bytes only for blobs within the limit (or null: no such blob).
    const blobs = ['big.txt', 'small.txt'].map((name) => git(['rev-parse', `:${name}`], dir).stdout.trim());
    const missing = '0'.repeat(40);
    expect(blobContents(dir, [...blobs, missing], 2048).map((content) => (Buffer.isBuffer(content) ? content.toString() : content))).toEqual([BAD.length * 200, BAD, null]);
  });

  test('file names (as pre-commit and lint-staged pass them) narrow the staged set; paths are relative to the current folder', () => {
    const dir = repository({ 'desk/a.txt': BAD, 'desk/b.txt': CLEAN, 'other/c.txt': BAD });
    git(['add', '.'], dir);
    expect(jsonPaths(citecheck(['--staged', '--format', 'json', 'desk/b.txt'], dir).stdout)).toEqual(['desk/b.txt']);
    expect(jsonPaths(citecheck(['--staged', '--format', 'json', 'desk'], dir).stdout)).toEqual(['desk/a.txt', 'desk/b.txt']);
    expect(jsonPaths(citecheck(['--staged', '--format', 'json'], join(dir, 'desk')).stdout)).toEqual(['a.txt', 'b.txt', '../other/c.txt']);
  });

  test('nothing staged is a clean run', () => {
    const run = citecheck(['--staged'], repository());
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  test('outside a repository it is a usage error', () => {
    const run = citecheck(['--staged'], '/');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('citecheck: --staged: not inside a git repository\n');
  });

  test('--fix never touches a partially staged file; a fully staged one is fixed and staged again', () => {
    const dir = repository({ 'partial.txt': BAD, 'full.txt': BAD });
    git(['add', '.'], dir);
    write(dir, { 'partial.txt': `${BAD}An unstaged paragraph.\n` });
    const run = citecheck(['--staged', '--fix', '--format', 'compact'], dir);
    expect(run.stderr).toContain('citecheck: partial.txt: not fixed: it is partially staged');
    expect(readFileSync(join(dir, 'partial.txt'), 'utf8')).toBe(`${BAD}An unstaged paragraph.\n`);
    expect(git(['show', ':partial.txt'], dir).stdout).toBe(BAD);
    const fixed = 'The talks failed (Reuters).\n';
    expect(readFileSync(join(dir, 'full.txt'), 'utf8')).toBe(fixed);
    expect(git(['show', ':full.txt'], dir).stdout).toBe(fixed);
    // What remains is the partially staged file's error.
    expect(run.stdout).toMatch(/^partial\.txt:1:19: error/m);
    expect(run.stdout).not.toMatch(/^full\.txt/m);
    expect(run.code).toBe(1);
  });
});

describe('citecheck hook install|uninstall', () => {
  test('the hook blocks a commit with an error finding and lets a clean one through', () => {
    const dir = repository();
    const install = citecheck(['hook', 'install'], dir);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('installed the citecheck pre-commit hook');

    write(dir, { 'story.txt': BAD });
    git(['add', 'story.txt'], dir);
    const blocked = git(['commit', '-q', '-m', 'bad story'], dir, true);
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('ai-citation-artifact');
    expect(git(['log', '--format=%s'], dir).stdout).toBe('start\n');

    write(dir, { 'story.txt': CLEAN });
    git(['add', 'story.txt'], dir);
    write(dir, { 'story.txt': BAD }); // an unstaged edit does not change the verdict
    const passed = git(['commit', '-q', '-m', 'clean story'], dir, true);
    expect(passed.code).toBe(0);
    expect(git(['log', '--format=%s'], dir).stdout).toBe('clean story\nstart\n');
  });

  test('installing twice changes nothing; uninstall removes the hook', () => {
    const dir = repository();
    citecheck(['hook', 'install'], dir);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    const first = readFileSync(hook, 'utf8');
    const again = citecheck(['hook', 'install'], dir);
    expect(again.stdout).toContain('already installed');
    expect(readFileSync(hook, 'utf8')).toBe(first);
    expect(readdirSync(join(dir, '.git', 'hooks')).filter((name) => name.startsWith('pre-commit.citecheck'))).toEqual([]);
    expect(citecheck(['hook', 'uninstall'], dir).code).toBe(0);
    expect(existsSync(hook)).toBe(false);
    expect(citecheck(['hook', 'uninstall'], dir).stdout).toContain('nothing removed');
  });

  test('an existing hook is chained (and can still block), and is put back on uninstall', () => {
    const dir = repository();
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    const original = '#!/bin/sh\necho ran >> "$(git rev-parse --git-dir)/chained.log"\n[ ! -f BLOCK ]\n';
    writeFileSync(hook, original);
    chmodSync(hook, 0o755);
    expect(citecheck(['hook', 'install'], dir).stdout).toContain('the existing hook is kept as pre-commit.citecheck-chained');
    citecheck(['hook', 'install'], dir);

    write(dir, { 'story.txt': CLEAN, BLOCK: '' });
    git(['add', 'story.txt'], dir);
    expect(git(['commit', '-q', '-m', 'blocked by the old hook'], dir, true).code).not.toBe(0);
    git(['rm', '-q', '--cached', 'BLOCK'], dir, true);
    write(dir, { BLOCK: '' });
    git(['clean', '-fq', 'BLOCK'], dir);
    expect(git(['commit', '-q', '-m', 'clean story'], dir, true).code).toBe(0);
    expect(readFileSync(join(dir, '.git', 'chained.log'), 'utf8')).toBe('ran\nran\n');

    citecheck(['hook', 'uninstall'], dir);
    expect(readFileSync(hook, 'utf8')).toBe(original);
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit.citecheck-chained'))).toBe(false);
  });

  test('core.hooksPath is respected', () => {
    const dir = repository();
    git(['config', 'core.hooksPath', '.githooks'], dir);
    citecheck(['hook', 'install'], dir);
    expect(existsSync(join(dir, '.githooks', 'pre-commit'))).toBe(true);
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    write(dir, { 'story.md': BAD });
    git(['add', 'story.md'], dir);
    expect(git(['commit', '-q', '-m', 'bad'], dir, true).code).not.toBe(0);
    citecheck(['hook', 'uninstall'], dir);
    expect(existsSync(join(dir, '.githooks', 'pre-commit'))).toBe(false);
  });

  test('outside a repository it is a usage error', () => {
    const run = citecheck(['hook', 'install'], '/');
    expect([run.code, run.stderr]).toEqual([2, 'citecheck: hook: not inside a git repository\n']);
  });
});
