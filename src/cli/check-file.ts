/**
 * One file's part of a run: read it, check it, fix it if asked, and say what the terminal
 * should hear about it. Runs the same on the main thread and in a --jobs worker, so it takes
 * and gives back only plain data.
 */
import { readFileSync } from 'node:fs';
import { addToSummary, emptySummary, type FileError, type FileResult, type Summary } from '../engine/results.js';
import type { Finding } from '../engine/finding.js';
import type { Checker } from '../checker.js';
import { DEFAULT_MAX_FILE_SIZE, overTheLimit, readFileBytesSync } from '../input/read.js';
import type { FileExtras, ReportStream, ReportWrite } from '../report/streams.js';
import { diffSummary, encodeLike, fixResult } from './fix-files.js';
import { git } from './git.js';
import { collectGarbage, heapInUse } from './memory.js';
import { fileSpool } from './spool.js';
import { writeAtomically } from './write.js';

/** One thing to check. */
export interface Target {
  /** Absolute path (the stdin name for standard input): what the checker sees. */
  path: string;
  /** The path as the report shows it. */
  shown: string;
  /** Named on the command line (so being ignored is worth a word). */
  explicit: boolean;
  /**
   * A staged file comes with its staged content, read for all files at once: its bytes, its
   * size when over --max-file-size (left unread), or null when git could not give it.
   */
  source: { kind: 'file' } | { kind: 'staged'; root: string; rel: string; content: Uint8Array | number | null } | { kind: 'stdin'; bytes: Uint8Array };
}

/** The flags that change what checking one file does. */
export interface FileFlags {
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
}

/** Everything checking one file gives: for the report, the summary and the terminal. */
export interface CheckedFile {
  result?: FileResult;
  error?: FileError;
  /** Lines for stderr, in order (warnings, "fixed 2 problems", …). */
  messages: string[];
  extras?: FileExtras;
}

export function readTarget(target: Target, maxFileSize: number | undefined, scratch?: Uint8Array): Uint8Array | { error: string } {
  const { source } = target;
  if (source.kind === 'stdin') return source.bytes;
  if (source.kind === 'file') return readFileBytesSync(target.path, maxFileSize, scratch);
  const { content } = source;
  if (content === null) return { error: `${target.path}: cannot read the staged content (git has no such blob)` };
  const limit = maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const size = typeof content === 'number' ? content : content.length;
  return size > limit ? overTheLimit(target.path, size, limit) : content as Uint8Array;
}

/** Checks (and with --fix, fixes) one file whose bytes were read by readTarget. */
export async function checkFile(target: Target, bytes: Uint8Array | { error: string }, checker: Checker, flags: FileFlags): Promise<CheckedFile> {
  const messages: string[] = [];
  const outcome = 'error' in bytes ? { error: { path: target.path, message: bytes.error } } : await checker.checkInput({ path: target.path, bytes });
  if ('error' in outcome) {
    const message = outcome.error.message.replace(target.path, target.shown);
    return { error: { path: target.shown, message }, messages: [message] };
  }
  for (const warning of outcome.warnings) messages.push(warning.replace(target.path, target.shown));
  if (outcome.result.source.trim() === '') messages.push(`${target.shown}: empty file, nothing to check`);
  let result = outcome.result;
  let extras: FileExtras | undefined;
  const wanted = (finding: Finding) => !flags.quiet || finding.severity === 'error';
  if ((flags.fix || flags.fixDryRun) && result.findings.some((finding) => finding.fix && wanted(finding))) {
    const fixed = await fixResult(checker, target.path, result, wanted);
    if (fixed.output !== null && flags.fixDryRun) {
      extras = { output: fixed.output, diff: diffSummary(target.shown, result.source, fixed.output) };
      result = fixed.result;
    } else if (fixed.output !== null && writeFixed(target, bytes as Uint8Array, result.source, fixed.output, messages)) {
      messages.push(`${target.shown}: fixed ${fixed.applied} problem${fixed.applied === 1 ? '' : 's'}`);
      result = fixed.result;
    }
  }
  result = { ...result, path: target.shown };
  if (flags.quiet) result.findings = result.findings.filter((finding) => finding.severity === 'error');
  return { result, messages, extras };
}

/**
 * Writes a fixed file, or says why not. Refused when the bytes would change beyond the fixes
 * (a file whose bad UTF-8 was repaired on reading) and, with --staged, when the working copy
 * differs from what is staged (fixing would mix staged and unstaged work). A staged fix is
 * staged again so the commit carries it.
 */
function writeFixed(target: Target, bytes: Uint8Array, text: string, output: string, messages: string[]): boolean {
  if (!encodeLike(bytes, text).equals(bytes)) {
    messages.push(`${target.shown}: not fixed: it is not valid UTF-8 or UTF-16, and rewriting it would change more than the fixes`);
    return false;
  }
  const { source } = target;
  if (source.kind === 'staged') {
    let working: Buffer | null = null;
    try { working = readFileSync(target.path); } catch { /* deleted from the working tree */ }
    if (!working || !working.equals(bytes)) {
      messages.push(`${target.shown}: not fixed: it is partially staged (stage or stash the other changes first)`);
      return false;
    }
  }
  writeAtomically(target.path, encodeLike(bytes, output));
  if (source.kind === 'staged') git(['add', '--', source.rel], source.root);
  return true;
}

/**
 * What one file gives the run: its stderr lines, and its counts and report part (or, for a
 * format that needs every result at the end, its result). Plain data: it comes back from a
 * --jobs worker and goes into the --cache file as it is.
 */
export interface FileReport {
  messages: string[];
  error?: FileError;
  /** The file's counts: absent when it could not be checked at all. */
  summary?: Summary;
  /**
   * A streaming format's part for this file: UTF-8 bytes when it comes from a --jobs worker, a
   * function that writes it when it comes from the --cache file (`write` returns true when it
   * is done with the bytes, so that their buffer can be filled again).
   */
  part?: string | Uint8Array | ((write: (bytes: Uint8Array) => boolean) => void);
  /** The result, for the formats that are written at the end. */
  result?: FileResult;
}

/**
 * Checks one file and writes its part of the report (when the format streams): as bytes when
 * they are kept (a worker thread hands them over, the cache holds them), else as text, which the
 * main thread encodes straight into its output buffer.
 */
export async function reportFile(target: Target, bytes: Uint8Array | { error: string }, checker: Checker, flags: FileFlags, stream: ReportStream | null, asBytes = false): Promise<FileReport> {
  const checked = await checkFile(target, bytes, checker, flags);
  if (!checked.result) return { messages: checked.messages, error: checked.error };
  const summary = emptySummary();
  addToSummary(summary, checked.result);
  if (!stream) return { messages: checked.messages, summary, result: checked.result };
  const part = (asBytes && stream.fileBytes?.(checked.result, checked.extras)) || stream.file(checked.result, checked.extras);
  return { messages: checked.messages, summary, part };
}

/**
 * A full garbage collection after a section of a very large file once this much heap is in
 * use: what is left then is mostly garbage. After every fifth section instead, a 20 MB file
 * spent a quarter of its time collecting; never, and its run reached 345 MB.
 */
const HEAP_BUDGET = 96 * 1024 * 1024;

/**
 * A very large file (engine/sections.ts), checked section by section on this thread, its part
 * of the report written through `write` as the sections come; the report it gives back has
 * the counts and messages but no part. Null when the file is not large enough to be sectioned.
 */
export async function reportLargeFile(target: Target, bytes: Uint8Array, checker: Checker, flags: FileFlags, stream: ReportStream, write: ReportWrite): Promise<FileReport | null> {
  const summary = emptySummary();
  let written = false;
  const writer = stream.sectioned((text) => { written = true; return write(text); }, fileSpool);
  const outcome = await checker.checkSections({ path: target.path, bytes }, (section, { line }, last) => {
    const result = { ...section, path: target.shown };
    if (flags.quiet) result.findings = result.findings.filter((finding) => finding.severity === 'error');
    addToSummary(summary, result);
    writer.section(result, line);
    // Sections leave much garbage, and V8 collects late: keep the heap near what is live. Not
    // after the last one: only writing it out is left (a hostile one-paragraph file is one).
    if (!last && heapInUse() > HEAP_BUDGET) collectGarbage();
  });
  if (outcome === null) return null;
  writer.end();
  summary.files = 1;
  if ('warnings' in outcome) return { messages: outcome.warnings.map((warning) => warning.replace(target.path, target.shown)), summary };
  const message = outcome.error.message.replace(target.path, target.shown);
  const error = { path: target.shown, message };
  // Cut short after some sections were reported: they stand (the file counts), and it is named.
  return written ? { messages: [message], error, summary } : { messages: [message], error };
}
