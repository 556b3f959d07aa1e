/** Parsers for command-line values; each throws a UsageError with a one-line reason. */
import { availableParallelism } from 'node:os';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** "2025-08-12", checked to be a real calendar date. */
export function parseDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(`--date must be a calendar date as YYYY-MM-DD, not "${value}"`);
  return value;
}

/** "10MB", "512KB", "1048576". */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!match) throw new UsageError(`--max-file-size takes a size such as 10MB or 512KB, not "${value}"`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(match[1]) * factor);
}

/** --max-warnings: a whole number, or -1 for no limit (its default, as ESLint's). */
export function parseLimit(name: string): (value: string) => number {
  return (value) => {
    if (value === '-1') return -1;
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} takes a whole number (or -1, no limit), not "${value}"`);
    return Number(value);
  };
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "2/4": the second of four shards. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes i/n with 1 <= i <= n, such as 2/4, not "${value}"`);
  return { index, count };
}

/** --jobs: a number of threads, or "auto" (autoThreads picks the number for the run). */
export function parseJobs(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs takes a number of threads (1 or more) or "auto", not "${value}"`);
  return Number(value);
}

/**
 * --jobs auto, as ESLint's --concurrency auto: half the cores, and one thread for each
 * FILES_PER_AUTO_THREAD files. One citecheck thread already keeps about 1.4 cores busy (V8
 * compiles and collects garbage on helper threads), and each new thread loads and warms up
 * citecheck again, about a hundred news articles' worth of work: on 2 cores, two threads were
 * slower than one (bench/RESULTS.md), so auto runs one there.
 */
export function autoThreads(files: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(Math.floor(cores / 2), Math.ceil(files / FILES_PER_AUTO_THREAD)));
}
const FILES_PER_AUTO_THREAD = 200;
