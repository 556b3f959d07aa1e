/**
 * A Spool backed by an unlinked temporary file: text set aside while a large file's report is
 * written (JSON's citations and findings) costs disk, not memory, and leaves nothing behind
 * even if the process is killed.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Spool } from '../report/streams.js';

/** Text is written to disk in pieces about this long. */
const FLUSH_AT = 1 << 20;

export function fileSpool(): Spool {
  let fd: number | null = null;
  let pending: string[] = [];
  let pendingLength = 0;
  let written = 0;
  const flush = () => {
    if (pendingLength === 0) return;
    if (fd === null) {
      const folder = mkdtempSync(join(tmpdir(), 'citecheck-'));
      const path = join(folder, 'spool');
      fd = openSync(path, 'w+');
      unlinkSync(path); // the open descriptor keeps it; nothing is left on disk after us
      rmdirSync(folder);
    }
    written += writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  return {
    write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= FLUSH_AT) flush();
    },
    drain(write) {
      if (fd === null) {
        for (const text of pending) write(text);
        pending = [];
        pendingLength = 0;
        return;
      }
      flush();
      // Handed on as bytes, never decoded: the report is written as UTF-8 anyway. Each piece is
      // its own buffer, as a full pipe keeps the bytes of a write until it drains.
      for (let position = 0; position < written;) {
        const buffer = Buffer.allocUnsafe(Math.min(FLUSH_AT, written - position));
        const read = readSync(fd, buffer, 0, buffer.length, position);
        if (read === 0) break;
        position += read;
        write(buffer.subarray(0, read));
      }
      closeSync(fd);
      fd = null;
    },
  };
}
