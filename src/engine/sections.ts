/**
 * Very large files (an archive of articles saved as one Markdown or text file) are checked in
 * sections of a few hundred kilobytes, cut where one article or paragraph ends, so the parse
 * trees and results of a 20 MB file never sit in memory at once. Each section is checked as
 * its own document; its result is then moved to the section's place in the file (lines,
 * offsets, claim and citation ids) so the report reads as for one document.
 *
 * What crosses a cut: the article date (front matter is in the first section) and `disable`
 * directives still open. What does not: checks that compare distant paragraphs (a person's
 * title in two sections) and Markdown link references defined in another section.
 */
import type { Format } from '../input/document.js';
import type { Directive } from '../input/document.js';
import type { FileResult } from './results.js';
import { disableEnds } from './directives.js';

/** Files longer than this (UTF-16 units) are checked in sections. */
export const SECTIONED_ABOVE = 1_000_000;
/** A section ends at the first good cut after this many units… */
const SECTION_SIZE = 100_000;
/** …or, when no heading comes, at any paragraph break after this many. */
const SECTION_SIZE_WITHOUT_HEADING = 300_000;

export interface Section {
  text: string;
  /** Offset of the section's first character in the file. */
  offset: number;
  /** 1-based line of the section's first character. */
  line: number;
}

export function isSectioned(text: string, format: Format): boolean {
  return text.length > SECTIONED_ABOVE && format !== 'html';
}

/**
 * Cuts at the start of a line, after a blank line, outside fenced code and HTML comments: in
 * Markdown before a heading (or, after a long stretch without one, any paragraph that is not a
 * list, quote or table); in plain text before any paragraph.
 */
export function* sections(text: string, format: Format): Generator<Section> {
  let start = 0;
  let startLine = 1;
  let line = 1;
  let previousBlank = false;
  let fence: string | null = null;
  let inComment = false;
  for (let at = 0; at < text.length;) {
    const end = lineEnd(text, at);
    const content = text.slice(at, end.contentEnd);
    const size = at - start;
    if (previousBlank && !fence && !inComment && size >= SECTION_SIZE && content.trim() !== '') {
      const heading = /^ {0,3}#{1,6}(?:\s|$)/.test(content);
      const plainParagraph = !/^\s|^(?:[-*+>|]|\d+[.)])/.test(content);
      if (format === 'text' || heading || (size >= SECTION_SIZE_WITHOUT_HEADING && plainParagraph)) {
        yield { text: text.slice(start, at), offset: start, line: startLine };
        start = at;
        startLine = line;
      }
    }
    if (format === 'markdown') {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(content)?.[1];
      if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length && content.trim() === marker))) fence = fence === null ? marker : null;
      const open = content.lastIndexOf('<!--');
      const close = content.lastIndexOf('-->');
      if (open > close) inComment = true;
      else if (close >= 0) inComment = false;
    }
    previousBlank = content.trim() === '';
    line++;
    at = end.next;
  }
  if (start < text.length || start === 0) yield { text: text.slice(start), offset: start, line: startLine };
}

/** Where the line starting at `at` ends, and where the next one starts (\r\n, \r or \n, as OffsetMap counts lines). */
function lineEnd(text: string, at: number): { contentEnd: number; next: number } {
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return { contentEnd: i, next: i + 1 };
    if (code === 13) return { contentEnd: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { contentEnd: text.length, next: text.length };
}

/** Ids already used by earlier sections, so a section's c1 becomes the file's c(claims + 1). */
export interface IdBase {
  claims: number;
  citations: number;
}

/** Moves a section's result to its place in the file. */
export function placeSection(result: FileResult, section: Section, base: IdBase): FileResult {
  // The first section is already in place: copying its items would only make garbage, and a
  // file that is one hostile paragraph is one section of tens of thousands of findings.
  if (section.offset === 0 && section.line === 1 && base.claims === 0 && base.citations === 0) return result;
  const lines = section.line - 1;
  const claimId = (id: string) => `c${Number(id.slice(1)) + base.claims}`;
  const citationId = (id: string) => `s${Number(id.slice(1)) + base.citations}`;
  const at = <T extends { line: number; endLine: number }>(item: T) => ({ ...item, line: item.line + lines, endLine: item.endLine + lines });
  const finding = (f: FileResult['findings'][number]) => ({
    ...at(f),
    offset: f.offset + section.offset,
    endOffset: f.endOffset + section.offset,
    claimId: f.claimId && claimId(f.claimId),
    citationId: f.citationId && citationId(f.citationId),
    fix: f.fix && { ...f.fix, start: f.fix.start + section.offset, end: f.fix.end + section.offset },
  });
  return {
    ...result,
    // Claims' and citations' start/end stay offsets into the section's own text: only the
    // streaming reports take sections, and they show lines and columns.
    claims: result.claims.map((c) => ({ ...at(c), id: claimId(c.id), citationIds: c.citationIds.map(citationId) })),
    citations: result.citations.map((c) => ({ ...at(c), id: citationId(c.id), claimIds: c.claimIds.map(claimId) })),
    findings: result.findings.map(finding),
    suppressed: result.suppressed.map(finding),
  };
}

/**
 * The `disable` directives still open after a section (carried in, or opened in it and not
 * re-enabled), which the next section starts under. Same matching as applyDirectives.
 */
export function openDisables(carried: readonly Directive[], directives: readonly Directive[]): Directive[] {
  const ends = disableEnds([...carried, ...[...directives].sort((a, b) => a.line - b.line)]);
  return [...ends].filter(([, end]) => end === Infinity).map(([directive]) => directive);
}
