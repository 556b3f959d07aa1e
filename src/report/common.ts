/** What every reporter shares: its context and a few helpers. Reporters are pure functions. */
import path from 'node:path';
import type { Finding } from '../engine/finding.js';
import type { FileResult, Results, Summary } from '../engine/results.js';
import type { RuleMeta } from '../engine/rule.js';
import type { Source } from '../registry/schema.js';

/** What a reporter may show of a registry source; a registry `Source` fits as it is. */
export type SourceInfo = Pick<Source, 'name' | 'kind' | 'affiliation' | 'reliability' | 'reference'>;

export interface ReportContext {
  /** Every known rule (SARIF lists them all, with their docs). */
  rules: RuleMeta<any>[];
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** Whether to emit ANSI colors; decided by the CLI, never sniffed here. */
  color: boolean;
  /** citecheck's own version, for machine formats that name the tool. */
  toolVersion: string;
  /**
   * Looks a cited source up by registry id (the HTML report colors citations by reliability).
   * Optional: without it, a known source is shown as known but not rated.
   */
  sources?: (id: string) => SourceInfo | undefined;
}

/**
 * What a format written file by file is given: no rule list and no registry, so that a run
 * whose files all come from the cache never loads the rules or the registry.
 */
export type StreamContext = Omit<ReportContext, 'rules' | 'sources'>;

export type Reporter = (results: Results, context: ReportContext) => string;

/** What the CLI adds to a file's part under --fix-dry-run. */
export interface FileExtras {
  /** The fixed text (JSON's `output` field). */
  output?: string;
  /** A short summary of the fixes (stylish prints it above the file's findings). */
  diff?: string;
}

/**
 * A report written while the files are checked, for formats whose part for a file depends on
 * that file alone: a run over an archive then never holds every result in memory.
 */
export interface ReportStream {
  head: string;
  /** A file's part: it depends on that file alone, so a --jobs worker can write it. */
  file(result: FileResult, extras?: FileExtras): string;
  /**
   * The same part as UTF-8 bytes, for a format that can make them without first building the
   * string (JSON: a run over an archive writes ten times its input, and every copy counts).
   */
  fileBytes?(result: FileResult, extras?: FileExtras): Uint8Array;
  /** Goes between two files' parts (JSON's comma). */
  separator: string;
  tail(summary: Summary): string;
  /**
   * A file checked in sections (engine/sections.ts): its part written section by section as
   * they come, the same text file() would give for the whole. `spool` holds text that must wait
   * for the file's end (JSON's citations and findings come after all its claims).
   */
  sectioned(write: ReportWrite, spool: () => Spool): SectionWriter;
}

/**
 * Writes a piece of a report. True: done with the bytes given, which the caller may reuse;
 * anything else (a full pipe holds them until it drains): they are the writer's now.
 */
export type ReportWrite = (chunk: string | Uint8Array) => boolean | void;

export interface SectionWriter {
  /** `firstLine`: the file line of the section's first line (its `source` starts there). */
  section(result: FileResult, firstLine: number): void;
  end(): void;
}

/** Text set aside and written out later, kept out of memory (a temporary file) by the CLI. */
export interface Spool {
  write(text: string): void;
  /** Writes everything set aside, in order (as text or as its UTF-8 bytes), then frees it. */
  drain(write: ReportWrite): void;
}

/** A Spool in memory: for callers that do not mind holding the text. */
export function memorySpool(): Spool {
  let parts: string[] = [];
  return {
    write: (text) => { parts.push(text); },
    drain: (write) => { for (const part of parts) write(part); parts = []; },
  };
}

/** For formats whose part is only the findings, one after another: each section as a file. */
export function sectionsAsFiles(file: ReportStream['file']): ReportStream['sectioned'] {
  return (write) => ({ section: (result) => write(file(result)), end: () => {} });
}

/** The whole report of a streaming format at once: the same bytes as streaming it. */
export function collect(stream: (context: StreamContext) => ReportStream): Reporter {
  return (results, context) => {
    const report = stream(context);
    const parts = results.files.map((file) => report.file(file));
    return report.head + parts.join(report.separator) + report.tail(results.summary);
  };
}

/** A file's path relative to cwd, with forward slashes (what CI tools expect on every OS). */
export function relativePath(file: string, cwd: string): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}

/** "1 error", "2 errors". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Stable fingerprints for a file's findings, for CI tools that track problems across commits:
 * sha256 of rule id, path, message, matched text and the occurrence index among identical
 * findings. Line numbers are left out so that an edit above a problem does not make it "new".
 */
export function fingerprints(file: FileResult, findings: readonly Finding[], displayPath: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = [finding.ruleId, displayPath, finding.message, file.source.slice(finding.offset, finding.endOffset)].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return process.getBuiltinModule('node:crypto').createHash('sha256').update(`${key}\0${occurrence}`).digest('hex');
  });
}

/** Orders findings the way the engine does: line, column, rule id. */
export function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
