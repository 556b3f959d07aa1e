/** Writing files the safe way: never a half-written report or article, never a changed mode. */
import { chmodSync, closeSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './options.js';

/**
 * The temporary file a write goes through: `.<name>.citecheck-<pid>.tmp` next to the target. A
 * killed citecheck can leave one behind; the name says whose it is, and the file walker skips it.
 */
export function tempPathFor(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.citecheck-${pid}.tmp`);
}

/** Matches a temporary file of tempPathFor(), whichever run left it (for globs' ignore lists). */
export const TEMP_FILE_GLOB = '**/.*.citecheck-*.tmp';

/** Characters of text encoded at a time: the buffer holds three bytes for each, the most UTF-8 needs. */
const PIECE = 1 << 16;

/**
 * Writes text as UTF-8 through one reused buffer, not a new one per write: a hostile article's
 * report runs to tens of megabytes, and fresh memory costs a page fault every 4 KB. `write`
 * says whether it is done with the bytes (a full pipe keeps them until it drains): if not, it
 * keeps that buffer, and the next piece gets a new one. A pair of surrogates is never split.
 */
export function utf8Writer(write: (bytes: Uint8Array) => boolean): (text: string) => boolean {
  let buffer: Buffer | null = null;
  return (text) => {
    let done = true;
    for (let at = 0; at < text.length;) {
      let end = Math.min(at + PIECE, text.length);
      if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      buffer ??= Buffer.allocUnsafeSlow(PIECE * 3);
      const length = buffer.write(at === 0 && end === text.length ? text : text.slice(at, end), 'utf8');
      if (!write(buffer.subarray(0, length))) {
        buffer = null;
        done = false;
      }
      at = end;
    }
    return done;
  };
}

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (an editor, a
 * concurrent `git add`) never sees half a file. An existing file keeps its mode, and a symbolic
 * link keeps pointing where it did: the file it points to is replaced.
 */
export function writeAtomically(path: string, content: string | Uint8Array): void {
  const file = new AtomicFile(path);
  try {
    file.write(content);
    file.commit();
  } finally {
    file.abandon();
  }
}

/**
 * A file written in parts (a report streamed as files are checked) that appears all at once:
 * the parts go to a temporary file, and commit() renames it over the target. Until then the
 * target keeps its old content; abandon() (after commit, a no-op) removes the temporary file.
 */
export class AtomicFile {
  private readonly temp: string;
  private readonly target: string;
  private readonly mode: number | null;
  private fd: number | null = null;
  private done = false;
  private readonly writeText = utf8Writer((bytes) => {
    this.writeBytes(bytes);
    return true;
  });

  constructor(private readonly path: string) {
    let target = path;
    let mode: number | null = null;
    try {
      target = realpathSync(path);
      mode = statSync(target).mode & 0o7777;
    } catch { /* a new file */ }
    this.target = target;
    this.mode = mode;
    this.temp = tempPathFor(target);
  }

  write(text: string | Uint8Array): void {
    try {
      this.fd ??= openSync(this.temp, 'w');
      if (typeof text === 'string') this.writeText(text);
      else this.writeBytes(text);
    } catch (error) {
      this.abandon();
      throw this.failure(error);
    }
  }

  private writeBytes(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length;) done += writeSync(this.fd!, bytes, done, bytes.length - done);
  }

  commit(): void {
    try {
      this.fd ??= openSync(this.temp, 'w');
      closeSync(this.fd);
      this.fd = null;
      if (this.mode !== null) chmodSync(this.temp, this.mode); // openSync's mode is cut by the umask
      renameSync(this.temp, this.target);
      this.done = true;
    } catch (error) {
      this.abandon();
      throw this.failure(error);
    }
  }

  abandon(): void {
    if (this.done) return;
    this.done = true;
    if (this.fd !== null) {
      try { closeSync(this.fd); } catch { /* already closed */ }
      this.fd = null;
    }
    try { unlinkSync(this.temp); } catch { /* never written, or already gone */ }
  }

  private failure(error: unknown): UsageError {
    return new UsageError(`cannot write ${this.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
