/**
 * Builds a Document's prose text from parsed nodes (Markdown, HTML) while recording where each
 * character came from, so every offset maps back to the original file.
 */
import { OffsetMap, type Block, type Link } from './document.js';
import { findBareUrls } from './text.js';

/** Length of the character reference (`&amp;`, `&#8217;`, `&#x2019;`) at `p`, or 0. */
function entityLength(src: string, p: number, end: number): number {
  if (src[p] !== '&') return 0;
  const limit = Math.min(end, p + 33);
  let i = p + 1;
  if (src[i] === '#') i++;
  const first = i;
  while (i < limit && /[A-Za-z0-9]/.test(src[i]!)) i++;
  return i > first && i < limit && src[i] === ';' ? i + 1 - p : 0;
}

export function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
}

function isWhitespaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

export class TextBuilder {
  readonly map: OffsetMap;
  readonly blocks: Block[] = [];
  readonly links: Link[] = [];
  /** Kind of the block the next character opens. */
  kind: Block['kind'] = 'paragraph';
  /** The list or quote the next block is inside, if any. */
  inside: Block['inside'] = undefined;
  private readonly parts: string[] = [];
  /**
   * Characters written as they stand in the original, one after another, are kept as the range
   * original[copyStart, copyEnd) and sliced once, rather than pushed one string per character.
   */
  private copyStart = 0;
  private copyEnd = 0;
  private length = 0;
  /** Original offset the next character maps to without a new anchor. */
  private next = -1;
  private blockStart = -1;
  /** HTML mode: a whitespace run seen and not yet written, with its original offset. */
  private pendingSpace = -1;
  private lineStart = true;

  /** `collapse`: HTML whitespace rules (runs become one space, none at block or line edges). */
  constructor(
    private readonly original: string,
    private readonly collapse: boolean,
  ) {
    this.map = new OffsetMap(original);
  }

  get offset(): number {
    return this.length;
  }

  /** Closes the current block; the next character opens a new one of kind `this.kind`. */
  endBlock(): void {
    if (this.blockStart >= 0) {
      const block: Block = { kind: this.kind, start: this.blockStart, end: this.length };
      if (this.inside) block.inside = this.inside;
      this.blocks.push(block);
    }
    this.blockStart = -1;
    this.pendingSpace = -1;
    this.lineStart = true;
  }

  /** A hard line break (`<br>`, Markdown's trailing backslash). */
  lineBreak(at: number): void {
    if (this.blockStart < 0) return;
    this.pendingSpace = -1;
    this.write('\n', at);
    this.lineStart = true;
  }

  /**
   * Appends `value`, which the parser decoded from original[start, end). Walks both in step:
   * source characters that decode to nothing (CR of CRLF, escapes' backslashes, indentation
   * and `>` markers after a line break) are skipped and a character reference maps all its
   * decoded characters to its `&`, so positions after it stay exact. Linear in both lengths.
   */
  appendDecoded(value: string, start: number, end: number): void {
    const src = this.original;
    let p = start;
    for (let i = 0; i < value.length; i++) {
      const run = this.plainRun(value, i, p, end);
      if (run > 0) {
        this.char(value[i]!, p);
        this.extendCopy(run - 1);
        i += run - 1;
        p += run;
        continue;
      }
      const c = value[i]!;
      // HTML: the parser drops a stray end tag (`</b>` with no <b> open) and joins the text on
      // both sides into one node, so its source span holds the tag: step over it.
      while (this.collapse && src[p] === '<' && c !== '<' && p < end) {
        const close = src.indexOf('>', p + 1);
        if (close >= 0 && close < end) {
          p = close + 1;
          continue;
        }
        // A tag or declaration left open at the end of the input: the parser drops its
        // opening (`</`, `<!`, `<?`, `</b `) and keeps the rest as text. Resume where the
        // text does.
        const resume = src.indexOf(c, p + 1);
        if (resume > p && resume < end) p = resume;
        break;
      }
      // Line breaks are "\n" in the prose whatever the file uses; the map points at the LF.
      if (c === '\r' && value[i + 1] === '\n') continue;
      if (c === '\n') {
        while (p < end && src[p] !== '\n' && (src[p] === '\r' || src[p] === ' ' || src[p] === '\t')) p++;
      } else if (value[i - 1] === '\n') {
        while (p < end && src[p] !== c && (src[p] === ' ' || src[p] === '\t' || src[p] === '>')) p++;
      }
      let after = p + 1;
      const entity = entityLength(src, p, end);
      if (entity > 0 && !value.startsWith(src.slice(p, p + entity), i)) {
        after = p + entity;
        // An astral character is two code units from one reference.
        const high = c.charCodeAt(0);
        if (high >= 0xd800 && high <= 0xdbff && i + 1 < value.length) {
          this.char(c, p);
          this.char(value[++i]!, p);
          p = Math.min(after, end);
          continue;
        }
      } else if (!this.collapse && src[p] === '\\' && src[p + 1] === c) {
        // A Markdown backslash escape (`\[` is `[`). HTML has none: `\\` there is two backslashes.
        p++;
        after = p + 1;
      }
      this.char(c, Math.min(p, Math.max(start, end - 1)));
      p = Math.min(after, end);
    }
  }

  /**
   * How many characters from value[i] stand unchanged at src[p…] and need none of the steps
   * of appendDecoded (no line break, reference or escape; collapsing, no whitespace but single
   * spaces inside the run): such a run is copied in one step. 0 when value[i] needs them.
   */
  /**
   * A footnote number written bare ("1" in `<sup><a href="#fn1">1</a></sup>`) as "[1]" in the
   * text, so it reads as the marker it is; the brackets map to the number's own place.
   */
  bracketed(label: string, start: number, end: number): void {
    this.char('[', start);
    this.appendDecoded(label, start, end);
    this.char(']', Math.max(start, end - 1));
  }

  private plainRun(value: string, i: number, p: number, end: number): number {
    if (i > 0 && value.charCodeAt(i - 1) === 10) return 0;
    let k = 0;
    while (i + k < value.length && p + k < end) {
      const code = value.charCodeAt(i + k);
      if (!this.asWritten(code, p + k)) break;
      if (this.collapse && isWhitespaceCode(code)) {
        // Collapsing, only one space between two characters of the run is written as it stands.
        if (code !== 32 || k === 0 || i + k + 1 >= value.length || p + k + 1 >= end) break;
        const after = value.charCodeAt(i + k + 1);
        if (isWhitespaceCode(after) || !this.asWritten(after, p + k + 1)) break;
        k += 2;
        continue;
      }
      k++;
    }
    return k;
  }

  /** A decoded character that stands as it is in the source at `p`: no line break, reference or escape. */
  private asWritten(code: number, p: number): boolean {
    return code === this.original.charCodeAt(p) && code !== 10 && code !== 13 && code !== 38 /* & */ && code !== 92; /* \ */
  }

  /** `count` more characters of the copy run write() just started or extended, at the positions after it. */
  private extendCopy(count: number): void {
    this.copyEnd += count;
    this.length += count;
    this.next += count;
  }

  private char(c: string, at: number): void {
    if (this.collapse && isWhitespace(c)) {
      if (!this.lineStart && this.pendingSpace < 0) this.pendingSpace = at;
      return;
    }
    if (this.blockStart < 0) {
      if (this.length > 0) this.raw('\n\n');
      this.blockStart = this.length;
    }
    if (this.pendingSpace >= 0) this.write(' ', this.pendingSpace);
    this.pendingSpace = -1;
    this.lineStart = false;
    this.write(c, at);
  }

  private write(chars: string, at: number): void {
    if (at !== this.next) this.map.anchor(this.length, at);
    if (chars.length === 1 && this.original.charCodeAt(at) === chars.charCodeAt(0)) {
      if (at !== this.copyEnd) {
        this.flushCopy();
        this.copyStart = at;
      }
      this.copyEnd = at + 1;
    } else {
      this.flushCopy();
      this.parts.push(chars);
    }
    this.length += chars.length;
    this.next = at + chars.length;
  }

  /** Characters with no source of their own (block separators); mapped by the last anchor. */
  private raw(chars: string): void {
    this.flushCopy();
    this.parts.push(chars);
    this.length += chars.length;
    this.next += chars.length;
  }

  private flushCopy(): void {
    if (this.copyEnd > this.copyStart) this.parts.push(this.original.slice(this.copyStart, this.copyEnd));
    this.copyStart = this.copyEnd = 0;
  }

  /**
   * The text, with blocks and links trimmed of edge whitespace (empty ones dropped) and bare
   * URLs outside any link added as links.
   */
  finish(): { text: string; blocks: Block[]; links: Link[] } {
    this.endBlock();
    this.flushCopy();
    const text = this.parts.join('');
    // The ranges are this builder's own: trimmed in place, not copied.
    const trim = <T extends { start: number; end: number }>(ranges: T[]): T[] => {
      const kept: T[] = [];
      for (const range of ranges) {
        let { start, end } = range;
        while (start < end && isWhitespace(text[start]!)) start++;
        while (end > start && isWhitespace(text[end - 1]!)) end--;
        if (start >= end) continue;
        range.start = start;
        range.end = end;
        kept.push(range);
      }
      return kept;
    };
    const links = trim(this.links).sort((a, b) => a.start - b.start);
    // Both lists are in text order: one sweep finds the URLs no link covers.
    const bare: Link[] = [];
    let i = 0;
    let coveredTo = 0;
    for (const url of findBareUrls(text)) {
      while (i < links.length && links[i]!.start < url.end) coveredTo = Math.max(coveredTo, links[i++]!.end);
      if (coveredTo <= url.start) bare.push(url);
    }
    const all = [...links, ...bare].sort((a, b) => a.start - b.start || a.end - b.end);
    return { text, blocks: trim(this.blocks), links: all };
  }
}
