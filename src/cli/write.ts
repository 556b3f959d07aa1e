/** Writing files the safe way: never a half-written report or article, never a changed mode. */
import { chmodSync, closeSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './options.js';
import { reasonFor } from '../input/read.js';

/**
 * The temporary file a write goes through: `.<name>.citecheck-<pid>.tmp` next to the target. A
 * killed citecheck can leave one behind; the name says whose it is, and the file walker skips it.
 */
export function tempPathFor(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.citecheck-${pid}.tmp`);
}

/** Matches a temporary file of tempPathFor(), whichever run left it (for globs' ignore lists). */
export const TEMP_FILE_GLOB = '**/.*.citecheck-*.tmp';

/** Characters of text encoded at a time: three bytes for each is the most UTF-8 needs. */
const PIECE = 1 << 16;
/** The buffer: one piece of text, and as many small writes as fit beside it. */
const BUFFER = PIECE * 4;

/**
 * Report output, written as UTF-8 through one reused buffer rather than a new buffer per write:
 * a hostile article's report runs to tens of megabytes, and fresh memory costs a page fault
 * every 4 KB. With `gather` (a file or pipe, not a terminal) small writes also wait in it until
 * it fills or flush(): a run over an archive would otherwise make two system calls per file.
 *
 * `sink` says whether it is done with the bytes it was given (a full pipe keeps them until it
 * drains); if not, the buffer stays with it, and the next write gets a new one. Likewise text()
 * and bytes() say whether the caller may reuse what it passed. A pair of surrogates is never
 * split between two pieces.
 */
export class Utf8Output {
  private buffer: Buffer | null = null;
  private length = 0;

  constructor(private readonly sink: (bytes: Uint8Array) => boolean, private readonly gather: boolean) {}

  text(text: string): boolean {
    let done = true;
    for (let at = 0; at < text.length;) {
      let end = Math.min(at + PIECE, text.length);
      if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      if (this.buffer !== null && this.length + (end - at) * 3 > this.buffer.length) done = this.flush() && done;
      this.buffer ??= Buffer.allocUnsafeSlow(BUFFER);
      this.length += this.buffer.write(at === 0 && end === text.length ? text : text.slice(at, end), this.length, 'utf8');
      at = end;
    }
    return this.gather ? done : this.flush() && done;
  }

  bytes(bytes: Uint8Array): boolean {
    if (!this.gather || bytes.length > BUFFER / 2) {
      const done = this.flush();
      return this.sink(bytes) && done;
    }
    let done = true;
    if (this.buffer !== null && this.length + bytes.length > this.buffer.length) done = this.flush();
    this.buffer ??= Buffer.allocUnsafeSlow(BUFFER);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return done;
  }

  /** Writes out what waits; true when the sink is done with it. */
  flush(): boolean {
    if (this.length === 0) return true;
    const done = this.sink(this.buffer!.subarray(0, this.length));
    this.length = 0;
    if (!done) this.buffer = null;
    return done;
  }
}

/** Writes all of `bytes` to `fd`, however many writes that takes (a write may take only part). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
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
  private readonly output = new Utf8Output((bytes) => {
    writeAll(this.fd!, bytes);
    return true;
  }, true);

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
      if (typeof text === 'string') this.output.text(text);
      else this.output.bytes(text);
    } catch (error) {
      this.abandon();
      throw this.failure(error);
    }
  }

  commit(): void {
    try {
      this.fd ??= openSync(this.temp, 'w');
      this.output.flush();
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
    // "no such folder": writing fails on the folder, never on the file it would create.
    const code = (error as NodeJS.ErrnoException).code;
    return new UsageError(`cannot write ${this.path} (${code === 'ENOENT' ? 'no such folder' : code ? reasonFor(error) : (error as Error).message})`);
  }
}
