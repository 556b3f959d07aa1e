/**
 * Reads one input into a Document, or says in one line why it cannot: missing, unreadable,
 * too large (refused before reading it all), binary, or not UTF-8/UTF-16.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { decodeBytes } from './decode.js';
import type { Document, Format } from './document.js';
import { formatOf, loadDocument } from './load.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export type ReadOutcome = { document: Document; warnings: string[] } | { error: string };

const REASONS: Record<string, string> = {
  ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'is a directory', ELOOP: 'too many symbolic links', EMFILE: 'too many open files',
};

/** The one line for a file that could not be read: the reason in words where Node gives a known code. */
export function cannotRead(path: string, error: unknown): { error: string } {
  return { error: `${path}: cannot read (${reasonFor(error)})` };
}

/** Why a file operation failed, in words where Node gives a known code ("no such file", not ENOENT). */
export function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  return REASONS[code] ?? (code || 'unknown error');
}

/** readFileBytesSync behind a promise, for callers that await. */
export async function readFileBytes(path: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<Uint8Array | { error: string }> {
  return readFileBytesSync(path, maxFileSize);
}

/**
 * Synchronous: files are read one after another anyway, and each await on the thread pool
 * costs more than reading a news article. A file that fits in `scratch` is read into it (the
 * bytes are the caller's only until its next read); a larger one gets memory of its own.
 */
export function readFileBytesSync(path: string, maxFileSize = DEFAULT_MAX_FILE_SIZE, scratch?: Uint8Array): Uint8Array | { error: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: `${path}: is a directory` };
    if (stat.size > maxFileSize) return overTheLimit(path, stat.size, maxFileSize);
    return readKnownSize(fd, stat.size, scratch);
  } catch (error) {
    return cannotRead(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The bytes of an open file whose size fstat gave: one read fills them. readFileSync(fd) would
 * stat the file again and read once more to find its end, two more system calls per file, and
 * a --cache re-run of an archive is mostly system calls. A file whose size tells nothing (0, as
 * for /proc files and pipes) is read to its end instead; one that grew is read as it was.
 */
function readKnownSize(fd: number, size: number, scratch?: Uint8Array): Uint8Array {
  if (size === 0) return readFileSync(fd);
  const bytes = scratch && size <= scratch.length ? scratch.subarray(0, size) : Buffer.allocUnsafe(size);
  for (let done = 0; done < size;) {
    const read = readSync(fd, bytes, done, size - done, null);
    if (read === 0) return bytes.subarray(0, done);
    done += read;
  }
  return bytes;
}

/** Decodes and loads bytes already read (a file, stdin, or the git index). */
export async function documentFromBytes(path: string, bytes: Uint8Array, format: Format = formatOf(path)): Promise<ReadOutcome> {
  const decoded = decodeBytes(bytes, path);
  if ('error' in decoded) return decoded;
  try {
    return { document: await loadDocument(path, decoded.text, format), warnings: decoded.warnings };
  } catch (error) {
    return { error: `${path}: cannot parse as ${format} (${(error as Error).message.split('\n')[0]})` };
  }
}

export async function readDocument(path: string, options: { maxFileSize?: number; format?: Format } = {}): Promise<ReadOutcome> {
  const bytes = await readFileBytes(path, options.maxFileSize);
  if ('error' in bytes) return bytes;
  return documentFromBytes(path, bytes, options.format);
}

/** A size as people write it: bytes, KB or MB (1024-based), with `digits` decimals when not whole (MB: at least one). */
export function formatSize(bytes: number, digits = 0): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [scale, unit] = bytes >= 1024 * 1024 ? [1024 * 1024, 'MB'] : [1024, 'KB'];
  const places = bytes % scale === 0 ? 0 : Math.max(digits, unit === 'MB' ? 1 : 0);
  return `${(bytes / scale).toFixed(places)} ${unit}`;
}

/**
 * Why a file over --max-file-size is skipped, its size as precise as it takes to differ from
 * the limit's ("3.2 KB is over the 3 KB limit", never "3 KB is over the 3 KB limit").
 */
export function overTheLimit(path: string, size: number, limit: number): { error: string } {
  const shown = formatSize(limit);
  const same = (a: string, b: string) => a.split(' ')[1] === b.split(' ')[1] && Number(a.split(' ')[0]) === Number(b.split(' ')[0]);
  let digits = 0;
  while (digits < 3 && same(formatSize(size, digits), shown)) digits++;
  const written = same(formatSize(size, digits), shown) ? `${size} bytes` : formatSize(size, digits);
  return { error: `${path}: ${written} is over the ${shown} limit (--max-file-size), skipped` };
}
