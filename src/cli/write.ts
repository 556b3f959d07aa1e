/** Writing files the safe way: never a half-written report or article, never a changed mode. */
import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './options.js';

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (an editor, a
 * concurrent `git add`) never sees half a file. An existing file keeps its mode, and a symbolic
 * link keeps pointing where it did: the file it points to is replaced.
 */
export function writeAtomically(path: string, content: string | Uint8Array): void {
  let target = path;
  let mode: number | null = null;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
  } catch { /* a new file */ }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.citecheck.tmp`);
  try {
    writeFileSync(temp, content);
    if (mode !== null) chmodSync(temp, mode); // writeFileSync's mode is cut by the umask
    renameSync(temp, target);
  } catch (error) {
    try { unlinkSync(temp); } catch { /* already gone */ }
    throw new UsageError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
