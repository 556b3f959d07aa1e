/**
 * The Document: what a loader makes of one input file. Rules read `text` (prose only, blocks
 * separated by blank lines); every offset into `text` maps back to the original file through
 * `map`, so findings are always reported at the original line and column.
 */

export type Format = 'text' | 'markdown' | 'html';

/** Where the article date came from (a JSON-report contract). */
export type DateSource = 'flag' | 'frontmatter' | 'html-meta' | 'config' | 'none';

/** A block of prose in `Document.text`: a paragraph, a heading, a list item, a quote… */
export interface Block {
  kind: 'paragraph' | 'heading';
  /**
   * A paragraph inside a list item, a block quote or a table cell: what a paragraph ending in a
   * colon introduces ("Figures published last month showed:" then the list) is the same
   * source's, and a table's "Source:" line is its cells'.
   */
  inside?: 'list' | 'quote' | 'table';
  /** Offsets into `Document.text`, end exclusive. */
  start: number;
  end: number;
}

/** A hyperlink whose text lies in `Document.text[start, end)`. */
export interface Link {
  start: number;
  end: number;
  href: string;
}

/** An inline control comment (`citecheck-disable-next-line rule -- reason`), by original line. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids named; empty means all rules. */
  ruleIds: string[];
  reason?: string;
  /** 1-based line of the directive in the original file. */
  line: number;
  column: number;
}

export interface DocumentMeta {
  title?: string;
  url?: string;
  /** ISO date (YYYY-MM-DD) the loader found in the file, if any. */
  date?: string;
  /** 'frontmatter' or 'html-meta' when the loader found a date; otherwise 'none'. */
  dateSource: DateSource;
  /** What the loader could not read of the metadata (broken front matter, a date that is no date), for a note on standard error. */
  problem?: string;
}

export interface Position {
  /** 0-based offset into the original file's decoded text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface Document {
  path: string;
  format: Format;
  /** The original file's decoded text (BOM removed); what --fix edits and lines refer to. */
  original: string;
  /** Prose the rules read. */
  text: string;
  blocks: Block[];
  links: Link[];
  directives: Directive[];
  meta: DocumentMeta;
  map: OffsetMap;
  /** HTML: where each element with an id is in `text` (where a "#id" link lands: a footnote's note). */
  targets?: ReadonlyMap<string, { start: number; end: number }>;
  /** HTML: the number an ordered list gives the item whose text starts at the offset (the text does not show it). */
  listNumbers?: ReadonlyMap<number, string>;
}

/**
 * Maps offsets in the prose text back to the original file. Loaders add an anchor wherever the
 * two stop running in step (a skipped tag, a decoded entity, a joined line); between anchors
 * the text is copied one to one.
 */
export class OffsetMap {
  private readonly textOffsets: number[] = [];
  private readonly originalOffsets: number[] = [];
  private readonly lineStarts: number[];

  constructor(readonly original: string) {
    const starts = [0];
    for (let i = 0; i < original.length; i++) {
      const ch = original.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && original.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** Text offset `textOffset` corresponds to original offset `originalOffset`. Call in increasing order. */
  anchor(textOffset: number, originalOffset: number): void {
    const last = this.textOffsets.length - 1;
    if (last >= 0 && this.textOffsets[last] === textOffset) {
      this.originalOffsets[last] = originalOffset;
      return;
    }
    this.textOffsets.push(textOffset);
    this.originalOffsets.push(originalOffset);
  }

  /** The original offset of a text offset. */
  toOriginalOffset(textOffset: number): number {
    const anchors = this.textOffsets;
    if (anchors.length === 0) return Math.min(textOffset, this.original.length);
    let lo = 0;
    let hi = anchors.length - 1;
    if (textOffset < anchors[0]!) return Math.max(0, this.originalOffsets[0]! - (anchors[0]! - textOffset));
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (anchors[mid]! <= textOffset) lo = mid;
      else hi = mid - 1;
    }
    return Math.min(this.originalOffsets[lo]! + (textOffset - anchors[lo]!), this.original.length);
  }

  /** Line and column of an original offset. */
  positionOfOriginal(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** Line and column in the original file of a text offset. */
  position(textOffset: number): Position {
    return this.positionOfOriginal(this.toOriginalOffset(textOffset));
  }

  /** The original offset where a 1-based line starts (line past the end: the file's length). */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.original.length;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
