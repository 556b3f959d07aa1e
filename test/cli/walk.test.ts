/**
 * A folder is walked by reading each folder once, not through the glob library: it must find
 * exactly what the glob it replaced found (kept here as the oracle), on a tree with every kind
 * of entry a walk meets — hidden files and folders, node_modules, a killed run's temporary file,
 * other extensions and other cases, links to files and folders, a link loop, a broken link and
 * a named pipe.
 */
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { absolutePath, expandPaths } from '../../src/cli/files.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'citecheck-walk-'));
  const files = [
    'x.md', 'X.MD', 'y.txt', 'z.html', 'w.htm', 'v.markdown', 'u.pdf', 'noext', '.dot.md', '.story.md.citecheck-123.tmp',
    'a/b/deep.md', 'a/b/c/deeper.txt', '.hidden/h.md', 'node_modules/x/n.md', 'a/node_modules/m.md', 'a/.git/g.md',
    'a b/space name.md', 'ünï/çödé.md', 'a/b/story.md.bak', 'a/b/Story.Md',
  ];
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'The talks ended on Monday, Reuters reported.\n');
  }
  symlinkSync('../x.md', join(root, 'a/link.md'));
  symlinkSync('../a', join(root, 'c-dirlink'));
  symlinkSync('loop.md', join(root, 'loop.md'));
  symlinkSync('/nonexistent/file.md', join(root, 'broken.md'));
  try { execFileSync('mkfifo', [join(root, 'fifo.md')]); } catch { /* no mkfifo: the rest still holds */ }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What the walk found when it went through tinyglobby. */
function globbed(dir: string, cwd: string): string[] {
  const found = globSync('**/*.{txt,md,markdown,html,htm}', {
    cwd: dir, ignore: ['**/node_modules/**', '**/.git/**', '**/.*.citecheck-*.tmp'], onlyFiles: true, dot: false, followSymbolicLinks: false, absolute: true,
  });
  const regular = (path: string) => { try { return statSync(path).isFile(); } catch { return false; } };
  return found.filter(regular).map((path) => relative(cwd, path) || path).sort();
}

test('a folder walk finds what the glob found', async () => {
  const { files, problems } = await expandPaths([root], root);
  expect(problems).toEqual([]);
  expect(files).toEqual(globbed(root, root));
  expect(files).toContain('a/b/c/deeper.txt');
  expect(files).not.toContain('a/link.md');
});

test('the same from another working folder, and for a sub-folder', async () => {
  const cwd = join(root, 'a');
  expect((await expandPaths([root], cwd)).files).toEqual(globbed(root, cwd));
  expect((await expandPaths(['b'], cwd)).files).toEqual(globbed(join(cwd, 'b'), cwd));
});

test('.gitignore and .citecheckignore still apply', async () => {
  writeFileSync(join(root, '.citecheckignore'), 'a/b/c/\n*.htm\n');
  try {
    const { files } = await expandPaths([root], root);
    expect(files).not.toContain('a/b/c/deeper.txt');
    expect(files).not.toContain('w.htm');
    expect(files).toContain('z.html');
  } finally {
    rmSync(join(root, '.citecheckignore'));
  }
});

test('a file named again (by the walk, as ./x.md, by its absolute path) is listed once', async () => {
  const { files } = await expandPaths([root, './x.md', join(root, 'x.md'), 'a/../x.md'], root);
  expect(files).toEqual(globbed(root, root));
});

test('absolutePath is path.resolve, for any mix of plain, dotted, doubled and absolute segments', () => {
  const segment = fc.constantFrom('a', 'b c', 'ünï', '.', '..', '', '.hidden', 'x.md', '...');
  const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 5 })).map(([absolute, parts]) => `${absolute ? '/' : ''}${parts.join('/')}`);
  const cwd = fc.constantFrom('/', '/tmp', '/tmp/a b', '/tmp/./x', '/tmp/x/', 'relative/dir');
  fc.assert(fc.property(cwd, path, (base, each) => {
    expect(absolutePath(base, each)).toBe(resolve(base, each));
  }), { numRuns: 500 });
});
