/**
 * A Spool backed by an unlinked temporary file: text set aside while a large file's report is
 * written (JSON's citations and findings) costs disk, not memory, and leaves nothing behind
 * even if the process is killed.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Spool } from '../report/streams.js';
import { Utf8Output, writeAll } from './write.js';

/** The spool is read back in pieces this long. */
const READ_AT = 1 << 20;

export function fileSpool(): Spool {
  let fd: number | null = null;
  let written = 0;
  /** Set while a spool that never reached the disk drains: its bytes go straight to the report. */
  let draining: ((bytes: Uint8Array) => void) | null = null;
  // Text is encoded into one reused buffer and written from it, not joined into megabyte
  // strings and encoded afresh for each write (a hostile file's spool runs to tens of MB).
  const output = new Utf8Output((bytes) => {
    if (draining) {
      draining(bytes);
      return false; // the report may keep these bytes (a full pipe): never reuse them
    }
    fd ??= openUnlinked();
    writeAll(fd, bytes);
    written += bytes.length;
    return true;
  }, true);
  return {
    write(text) {
      output.text(text);
    },
    drain(write) {
      if (fd === null) {
        draining = write;
        output.flush();
        draining = null;
        return;
      }
      output.flush();
      // Handed on as bytes, never decoded: the report is written as UTF-8 anyway. One buffer is
      // read into again and again while the report is done with it; a fresh one only after a
      // write the report keeps (a full pipe), as fresh memory costs a page fault every 4 KB.
      let buffer: Buffer | null = null;
      for (let position = 0; position < written;) {
        buffer ??= Buffer.allocUnsafeSlow(Math.min(READ_AT, written));
        const read = readSync(fd, buffer, 0, Math.min(buffer.length, written - position), position);
        if (read === 0) break;
        position += read;
        if (write(buffer.subarray(0, read)) !== true) buffer = null;
      }
      closeSync(fd);
      fd = null;
    },
  };
}

/** A temporary file already unlinked: the open descriptor keeps it, and nothing is left on disk after us. */
function openUnlinked(): number {
  const folder = mkdtempSync(join(tmpdir(), 'citecheck-'));
  const path = join(folder, 'spool');
  const fd = openSync(path, 'w+');
  unlinkSync(path);
  rmdirSync(folder);
  return fd;
}
