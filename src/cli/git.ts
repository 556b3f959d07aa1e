/**
 * What citecheck asks git: the repository root, the staged files and their staged content.
 * Staged content comes from the index (`git show :path`), never from the working tree, so
 * unstaged edits never change a pre-commit verdict.
 */
import { UsageError } from './options.js';

/** Runs git in `cwd`; its stdout as bytes. Errors carry git's own first line. */
export function git(args: readonly string[], cwd: string): Buffer {
  try {
    // Loaded here, not at the top: child_process pulls in net and streams, and most runs never ask git.
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    return execFileSync('git', args, { cwd, maxBuffer: 1024 ** 3, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { code, stderr } = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (code === 'ENOENT') throw new UsageError('git is not installed (or not on PATH)');
    const reason = stderr?.toString().trim().split('\n')[0] ?? (error as Error).message;
    throw new UsageError(`git ${args[0]} failed: ${reason}`);
  }
}

/** The working tree's top folder, or null outside a repository. */
export function gitRoot(cwd: string): string | null {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).toString().trim() || null;
  } catch {
    return null;
  }
}

/**
 * Staged files that will be in the commit, relative to the root: added, copied, modified or
 * renamed (under the new name). Deleted files are left out: there is nothing to check.
 */
export function stagedPaths(root: string): string[] {
  return git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], root).toString().split('\0').filter((path) => path !== '');
}

/** A staged file's content as it will be committed. */
export function stagedBytes(root: string, path: string): Buffer {
  return git(['show', `:${path}`], root);
}
