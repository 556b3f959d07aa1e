/**
 * Footnotes: the markers in running text ("[12]", "[a]", "^12", "¹²", Markdown's "[^1]") and
 * the notes they point to, lines that open with the same label: a Markdown footnote definition
 * ("[^1]: Reuters, 19 March 2023"), an entry of a reference list ("[1] https://…", as chatbots
 * and encyclopedias print them), or an entry of a numbered list under a heading such as
 * "Sources" or "References" ("1. https://…"; in Markdown and HTML, the list's own numbers). An
 * entry is a note only when a marker in the text names it, so a list whose items happen to open
 * with "[1]" stays prose, or when it is numbered under a notes heading; the heading goes with the
 * notes. Notes are not claims: the sources they name support the claims whose markers point at them.
 */
import type { Document } from '../input/document.js';

export interface FootnoteMarker {
  /** Offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** "12" for "[12]", "^12", "¹²" and "[^12]"; "a" for "[a]". */
  label: string;
  /** Written so it cannot be anything else: in brackets, or a superscript or caret after punctuation ("km²" is a unit). */
  certain: boolean;
}

export interface Note {
  label: string;
  /** The note's line, its label included; on an HTML page, the element a marker links to. */
  start: number;
  end: number;
}

export interface Notes {
  /** In text order; none at the start of a line (that is a note, or a list item). */
  markers: FootnoteMarker[];
  /** The first note of each label. */
  byLabel: ReadonlyMap<string, Note>;
  /** The text notes take, with their headings: ordered and disjoint. */
  regions: { start: number; end: number }[];
}

/** "[^label]", "[12]", "[a]", "^12", "¹²". */
const MARKER = /\[\^([^\]\s]{1,40})\]|\[(\d{1,3}|[a-z])\]|\^(\d{1,3})\b|[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g;
/** A note's opening, at a line's start: "[^1]:" (Markdown), "[1] ", "[1]: ", "[1]. "; under a notes heading also "1. ", "1) ". */
const NOTE_AT = /[ \t]{0,3}(?:\[\^([^\]\s]{1,40})\]:|\[(\d{1,3}|[a-z])\][:.]?[ \t]|(\d{1,3})[.)][ \t])/y;
/** A numbered list item's marker in the original file, before its text ("1. ", "  2) ", "3. [" of a link). */
const LIST_NUMBER = /^[ \t]{0,3}(\d{1,3})[.)][ \t]+[[*_<]*$/;
const NOTES_HEADING = /^[ \t]*(?:#{1,6}[ \t]*)?(?:sources?|references?|notes?|footnotes?|citations?|bibliography|works cited)[ \t]*:?[ \t]*$/i;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** What a footnote's superscript or caret follows: the end of a sentence, clause or quotation. */
const PUNCTUATION_BEFORE = /[.,;:!?)"”’']/;

/** Where notes are found beyond the text's own lines. */
interface NoteSources {
  /** The number of the list item whose text starts at the offset, when the text does not show it (Markdown keeps items' text, not their markers). */
  listNumberAt?: (offset: number) => string | null;
  /** The note a marker links to ("#cite_note-1" on an HTML page), where the text has it. */
  linkedNote?: (marker: FootnoteMarker) => { start: number; end: number } | null;
  /** Whether a list item's text starts at the offset (Markdown and HTML keep items' text, not their bullets). */
  listItemAt?: (offset: number) => boolean;
}

/** A bulleted line as plain text writes it: "- Reuters, 19 March 2023". */
const BULLET = /^[ \t]{0,3}[-*•‣◦][ \t]/;

/**
 * The notes of a loaded document: in Markdown, a numbered list's numbers are read from the file;
 * in HTML, an ordered list's numbers are the ones the page shows, and a marker's link leads to its note.
 */
export function documentNotes(doc: Document): Notes {
  let itemStarts: Set<number> | null = null;
  const listItemAt = (offset: number): boolean =>
    (itemStarts ??= new Set(doc.blocks.filter((block) => block.inside === 'list').map((block) => block.start))).has(offset);
  if (doc.format === 'markdown') {
    return findNotes(doc.text, {
      listItemAt,
      listNumberAt: (offset) => {
        const at = doc.map.toOriginalOffset(offset);
        const lineStart = doc.original.lastIndexOf('\n', at - 1) + 1;
        return at - lineStart <= 12 ? LIST_NUMBER.exec(doc.original.slice(lineStart, at))?.[1] ?? null : null;
      },
    });
  }
  const { targets, listNumbers } = doc;
  const listNumberAt = listNumbers && listNumbers.size > 0 ? (offset: number) => listNumbers.get(offset) ?? null : undefined;
  if (!targets || targets.size === 0) return findNotes(doc.text, { listNumberAt, listItemAt });
  // Fragment links by start; markers come in text order, so one walk pairs them.
  const fragments = doc.links.filter((link) => link.href.startsWith('#')).sort((a, b) => a.start - b.start);
  let next = 0;
  return findNotes(doc.text, {
    listNumberAt,
    listItemAt,
    linkedNote: (marker) => {
      while (next < fragments.length && fragments[next]!.end < marker.end) next++;
      const link = fragments[next];
      return link && link.start <= marker.start ? targets.get(decodeFragment(link.href.slice(1))) ?? null : null;
    },
  });
}

/** "#cite_note-1" names the id "cite_note-1"; a percent-encoded one is decoded, as browsers do. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export function findNotes(text: string, from: NoteSources = {}): Notes {
  const markers: FootnoteMarker[] = [];
  const labels = new Set<string>();
  for (const match of text.matchAll(MARKER)) {
    const start = match.index;
    const before = text[start - 1];
    // At a line's start it opens a note (or a list item); "[^1]:" anywhere is a definition.
    if (before === undefined || before === '\n') continue;
    const end = start + match[0].length;
    if (match[1] !== undefined && text[end] === ':') continue;
    const label = match[1] ?? match[2] ?? match[3] ?? [...match[0]].map((digit) => SUPERSCRIPT_DIGITS.indexOf(digit)).join('');
    const bracketed = match[0].startsWith('[');
    markers.push({ start, end, label, certain: bracketed || PUNCTUATION_BEFORE.test(before) });
    labels.add(label);
  }

  const byLabel = new Map<string, Note>();
  const regions: { start: number; end: number }[] = [];
  // Under a notes heading, a numbered list's entries are notes too, until a line that is none.
  let heading: { start: number } | null = null;
  let underHeading = false;
  for (let lineStart = 0; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    NOTE_AT.lastIndex = lineStart;
    const opening = NOTE_AT.exec(text);
    const numbered = opening?.[3] ?? (underHeading && lineEnd > lineStart ? from.listNumberAt?.(lineStart) ?? null : null);
    const label = opening?.[1] ?? opening?.[2] ?? (underHeading ? numbered : null) ?? null;
    // A Markdown definition is a note as written; any other entry only when a marker names it,
    // or when it is numbered under a notes heading (a reference list cites more than the text).
    if (label !== null && (opening?.[1] !== undefined || labels.has(label) || (underHeading && label === numbered))) {
      if (!byLabel.has(label)) byLabel.set(label, { label, start: lineStart, end: lineEnd });
      regions.push({ start: heading ? heading.start : lineStart, end: lineEnd });
      heading = null;
      underHeading = true;
    } else if (lineEnd === lineStart) {
      // A blank line: a list may follow its heading, and its entries one another, after one.
    } else if (underHeading && (from.listItemAt?.(lineStart) || BULLET.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 8))))) {
      // A bulleted source list under the heading ("- Reuters – "US launches…" (Dec 19, 2023)"):
      // no marker names its entries, and they are no claims.
      regions.push({ start: heading ? heading.start : lineStart, end: lineEnd });
      heading = null;
    } else if (NOTES_HEADING.test(text.slice(lineStart, lineEnd))) {
      heading = { start: lineStart };
      underHeading = true;
    } else {
      heading = null;
      underHeading = false;
    }
    lineStart = lineEnd + 1;
  }
  if (from.linkedNote) {
    for (const marker of markers) {
      const note = from.linkedNote(marker);
      // A link to the marker's own paragraph (or the whole page) is no note.
      if (!note || note.end <= note.start || (note.start <= marker.start && marker.start < note.end)) continue;
      if (!byLabel.has(marker.label)) byLabel.set(marker.label, { label: marker.label, ...note });
      regions.push({ ...note });
    }
    return { markers, byLabel, regions: disjoint(regions) };
  }
  return { markers, byLabel, regions };
}

/** Ranges in order, overlapping ones joined. */
function disjoint(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  ranges.sort((a, b) => a.start - b.start);
  const joined: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = joined.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else joined.push(range);
  }
  return joined;
}
