/**
 * Turns the command line's paths and globs into the list of article files, in a stable order:
 * folders are walked for article extensions, honouring .gitignore and .citecheckignore.
 */
import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { TEMP_FILE_GLOB } from './write.js';

export const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm'];
/** Never articles, whatever a glob says; a killed run's temporary files among them. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', TEMP_FILE_GLOB];
const IGNORE_FILES = ['.gitignore', '.citecheckignore'];

export interface ExpandedPaths {
  files: string[];
  /** One line each: a path that matched nothing. */
  problems: string[];
}

export async function expandPaths(patterns: readonly string[], cwd: string): Promise<ExpandedPaths> {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = absolutePath(cwd, path);
    if (!seen.has(key)) { seen.add(key); files.push(path); }
  };
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    let stat;
    let code: string | undefined;
    try { stat = statSync(absolute); } catch (error) { stat = null; code = (error as NodeJS.ErrnoException).code; }
    if (stat?.isFile()) { add(pattern); continue; }
    // It exists (ls shows it): "no such file" would send the user looking in the wrong place.
    if (code === 'ELOOP') { problems.push(`${pattern}: cannot read (symbolic link loop)`); continue; }
    if (stat && !stat.isDirectory()) { problems.push(`${pattern}: not a regular file (a named pipe, socket or device), skipped`); continue; }
    if (stat?.isDirectory()) {
      const found = walk(absolute, cwd);
      if (found.length === 0) problems.push(`${pattern}: no article files (.${ARTICLE_EXTENSIONS.join(' .')}) in this folder`);
      found.forEach(add);
      continue;
    }
    // The glob library is loaded only for a folder or a glob: a hook naming files never needs it.
    const { globSync, isDynamicPattern } = await import('tinyglobby');
    if (isDynamicPattern(pattern)) {
      const matched = globSync(pattern, { cwd, ignore: ALWAYS_IGNORED, onlyFiles: true, followSymbolicLinks: false }).sort();
      const filter = ignoreFilterFor(cwd, cwd);
      const kept = matched.filter((path) => !filter(resolve(cwd, path)));
      if (kept.length === 0) problems.push(`${pattern}: no files match`);
      kept.forEach(add);
      continue;
    }
    problems.push(`${pattern}: no such file or folder`);
  }
  return { files, problems };
}

function walk(dir: string, cwd: string): string[] {
  const ignored = ignoreFilterFor(dir, cwd);
  // Cut, not path.relative(): the walk's paths are normalised, and an archive has thousands.
  const inside = cwd.endsWith(sep) ? cwd : cwd + sep;
  return articlesIn(dir).filter((path) => !ignored(path))
    .map((path) => (path.startsWith(inside) ? path.slice(inside.length) : relative(cwd, path) || path)).sort();
}

/** A path after `..` or `.`, or one with doubled or trailing separators, needs path.resolve(). */
const UNNORMALISED = /(?:^|[\\/])\.\.?(?:[\\/]|$)|[\\/]{2}|[\\/]$/;

/**
 * path.resolve(cwd, path), joined by hand for the plain relative paths a folder walk gives:
 * resolve() normalises every segment again, a cost per file that a 2,000-file run feels.
 */
export function absolutePath(cwd: string, path: string): string {
  if (sep !== '/' || isAbsolute(path) || path === '' || UNNORMALISED.test(path) || !isAbsolute(cwd) || UNNORMALISED.test(cwd)) return resolve(cwd, path);
  return cwd + sep + path;
}

/**
 * The article files under `dir`: regular files with an article extension (as written, case and
 * all), in folders that are neither hidden (a dot, which also covers a killed run's temporary
 * files and .git) nor node_modules; symbolic links are not followed. The files the glob for
 * every article extension finds with ALWAYS_IGNORED, found by reading each folder once: no
 * glob library to load, and no stat per file (the folder listing says what each entry is).
 */
function articlesIn(dir: string): string[] {
  const found: string[] = [];
  const folders = [dir];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    let entries: Dirent[];
    try { entries = readdirSync(folder, { withFileTypes: true }); } catch { continue; }
    // A folder's path is normalised already, and a name has no separator: joined by hand.
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        if (name !== 'node_modules') folders.push(prefix + name);
      } else if (entry.isFile() && ARTICLE_EXTENSIONS.includes(extensionOf(name))) {
        found.push(prefix + name);
      }
    }
  }
  return found;
}

/** "story.md" → "md" (path.extname without the dot, for a name that does not start with one). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
}

/**
 * A predicate telling whether an absolute path is ignored by any .gitignore/.citecheckignore
 * from the repository root (or `cwd`) down to the file's folder.
 */
export function ignoreFilterFor(dir: string, cwd: string, names: readonly string[] = IGNORE_FILES): (path: string) => boolean {
  const root = repositoryRoot(dir) ?? cwd;
  const cache = new Map<string, Ignore | null>();
  const rulesIn = (folder: string): Ignore | null => {
    if (cache.has(folder)) return cache.get(folder)!;
    let rules: Ignore | null = null;
    for (const name of names) {
      const file = join(folder, name);
      if (!existsSync(file)) continue;
      rules ??= ignore();
      rules.add(readFileSync(file, 'utf8'));
    }
    cache.set(folder, rules);
    return rules;
  };
  // By a file's folder: the folders from the root down to it that have ignore rules (most have none).
  const ruledFolders = new Map<string, string[]>();
  const foldersWithRules = (dir: string): string[] => {
    let found = ruledFolders.get(dir);
    if (found) return found;
    const folders: string[] = [];
    for (let folder = dir; ; folder = dirname(folder)) {
      folders.unshift(folder);
      if (folder === root || dirname(folder) === folder || !folder.startsWith(root)) break;
    }
    found = folders.filter((folder) => rulesIn(folder) !== null);
    ruledFolders.set(dir, found);
    return found;
  };
  return (path) => foldersWithRules(dirname(path)).some((folder) => {
    const rel = relative(folder, path).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && rulesIn(folder)!.ignores(rel);
  });
}

export function repositoryRoot(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}
