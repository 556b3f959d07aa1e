/**
 * What citecheck asks git: the repository root, the staged files and their staged content.
 * Staged content comes from the index (the blobs staged), never from the working tree, so
 * unstaged edits never change a pre-commit verdict. A commit's worth of files costs four git
 * processes in all, not one a file: each costs tens of milliseconds, and a hook must be quick.
 */
import { UsageError } from './options.js';

/** Runs git in `cwd` (with `input` on its stdin); its stdout as bytes. Errors carry git's own first line. */
export function git(args: readonly string[], cwd: string, input?: string): Buffer {
  try {
    // Loaded here, not at the top: child_process pulls in net and streams, and most runs never ask git.
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    return execFileSync('git', args, { cwd, maxBuffer: 1024 ** 3, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
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

/** A staged file: its path from the root, and the blob staged for it. */
export interface StagedFile {
  path: string;
  blob: string;
}

/**
 * Staged files that will be in the commit, relative to the root: added, copied, modified or
 * renamed (under the new name). Deleted files are left out: there is nothing to check.
 */
export function stagedFiles(root: string): StagedFile[] {
  // Records of ":<mode> <mode> <blob> <blob> <status>", then the path, or for a rename or copy
  // ("R100", "C75") the old path and the new one: each field ends in a NUL.
  const fields = git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-color', '--diff-filter=ACMR'], root).toString().split('\0');
  const files: StagedFile[] = [];
  for (let i = 0; i + 1 < fields.length;) {
    const [, , , blob, status] = fields[i]!.split(' ');
    const paths = status?.startsWith('R') || status?.startsWith('C') ? 2 : 1;
    files.push({ path: fields[i + paths]!, blob: blob! });
    i += 1 + paths;
  }
  return files;
}

/**
 * The content of each blob: its bytes, its size when over `limit` (never read: a staged file
 * of gigabytes must not fill memory), or null when git cannot find it. Two git processes
 * however many blobs: `cat-file --batch-check` for the sizes, `cat-file --batch` for the rest.
 */
export function blobContents(root: string, blobs: readonly string[], limit: number): (Buffer | number | null)[] {
  if (blobs.length === 0) return [];
  // Each answer a line: "<blob> blob <size>", or "<blob> missing".
  const sizes = git(['cat-file', '--batch-check'], root, `${blobs.join('\n')}\n`).toString('latin1').split('\n');
  const contents: (Buffer | number | null)[] = blobs.map((_, i) => {
    const [, type, size] = sizes[i]?.split(' ') ?? [];
    return type === undefined || type === 'missing' || size === undefined ? null : Number(size);
  });
  const wanted = blobs.filter((_, i) => typeof contents[i] === 'number' && contents[i] as number <= limit);
  if (wanted.length === 0) return contents;
  // Each answer: "<blob> <type> <size>\n", the bytes and "\n".
  const out = git(['cat-file', '--batch'], root, `${wanted.join('\n')}\n`);
  let at = 0;
  for (let i = 0; i < blobs.length; i++) {
    if (typeof contents[i] !== 'number' || contents[i] as number > limit) continue;
    const lineEnd = out.indexOf(10, at);
    const size = lineEnd < 0 ? NaN : Number(out.toString('latin1', at, lineEnd).split(' ')[2]);
    if (size !== contents[i]) throw new UsageError('git cat-file --batch did not give the blobs asked for');
    contents[i] = out.subarray(lineEnd + 1, lineEnd + 1 + size);
    at = lineEnd + 1 + size + 1;
  }
  return contents;
}
