/**
 * Footnotes: the markers in running text ("[12]", "[a]", "^12", "¹²", Markdown's "[^1]") and
 * the notes they point to, lines that open with the same label: a Markdown footnote definition
 * ("[^1]: Reuters, 19 March 2023") or an entry of a reference list ("[1] https://…", as
 * chatbots and encyclopedias print them). An entry "[1] …" is a note only when a marker in the
 * text names it, so a list whose items happen to open with "[1]" stays prose. A heading such as
 * "Sources" or "References" on the line above a note goes with the notes. Notes are not claims:
 * the sources they name support the claims whose markers point at them.
 */

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
  /** The note's line, its label included. */
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
/** A note's opening, at a line's start: "[^1]:" (Markdown), "[1] ", "[1]: ", "[1]. ". */
const NOTE_AT = /[ \t]{0,3}(?:\[\^([^\]\s]{1,40})\]:|\[(\d{1,3}|[a-z])\][:.]?[ \t])/y;
const NOTES_HEADING = /^[ \t]*(?:#{1,6}[ \t]*)?(?:sources?|references?|notes?|footnotes?|citations?|bibliography|works cited)[ \t]*:?[ \t]*$/i;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** What a footnote's superscript or caret follows: the end of a sentence, clause or quotation. */
const PUNCTUATION_BEFORE = /[.,;:!?)"”’']/;

export function findNotes(text: string): Notes {
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
  let previousLine = -1;
  for (let lineStart = 0; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    NOTE_AT.lastIndex = lineStart;
    const opening = NOTE_AT.exec(text);
    const label = opening ? opening[1] ?? opening[2]! : null;
    // A Markdown definition is a note as written; "[1] …" only when a marker names it.
    if (label !== null && (opening![1] !== undefined || labels.has(label))) {
      if (!byLabel.has(label)) byLabel.set(label, { label, start: lineStart, end: lineEnd });
      const headed = previousLine >= 0 && regions.at(-1)?.end !== previousLine - 1 && NOTES_HEADING.test(text.slice(previousLine, lineStart - 1));
      regions.push({ start: headed ? previousLine : lineStart, end: lineEnd });
    }
    previousLine = lineStart;
    lineStart = lineEnd + 1;
  }
  return { markers, byLabel, regions };
}

/** The parts of [start, end) no note takes, in order. */
export function outsideNotes(notes: Notes, start: number, end: number): [number, number][] {
  const { regions } = notes;
  const parts: [number, number][] = [];
  // The first region ending after `start`, by binary search: a block is never scanned from the top.
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid]!.end > start) hi = mid;
    else lo = mid + 1;
  }
  let from = start;
  for (let at = lo; at < regions.length && regions[at]!.start < end; at++) {
    if (regions[at]!.start > from) parts.push([from, regions[at]!.start]);
    from = Math.max(from, regions[at]!.end);
  }
  if (from < end) parts.push([from, end]);
  return parts;
}
