/**
 * A fast path for the Markdown most news articles are written in: YAML front matter, ATX
 * headings, paragraphs, simple `> ` block quotes, HTML comment blocks (where directives live),
 * inline links, literal [brackets] and simple *emphasis*. It builds the tree fromMarkdown
 * (micromark + front matter) would build, positions included, in one linear pass, and returns
 * null for anything outside that subset so the caller falls back to micromark.
 * Every rule errs towards null: a missed fast path costs time, a wrong tree would change reports.
 */
import type { Blockquote, Emphasis, Heading, Html, Link, Paragraph, PhrasingContent, Root, RootContent, Text, Yaml } from 'mdast';
import type { Point } from 'unist';

export function subsetMarkdownTree(original: string): Root | null {
  try {
    return new SubsetParser(original).parse();
  } catch (error) {
    if (error instanceof OutsideSubset) return null;
    throw error;
  }
}

/** Unwinds the parser when the input leaves the subset; never escapes subsetMarkdownTree. */
class OutsideSubset extends Error {}
const OUTSIDE = new OutsideSubset('outside the Markdown subset');
function reject(): never {
  throw OUTSIDE;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;
const PAREN_OPEN = 0x28;
const PAREN_CLOSE = 0x29;
const STAR = 0x2a;
const DOT = 0x2e;
const BRACKET_OPEN = 0x5b;
const BRACKET_CLOSE = 0x5d;
const EXCLAMATION = 0x21;
const GREATER = 0x3e;
const LESS = 0x3c;

/** How the lines of a block's inline content go on. */
const enum Lines {
  /** One line only (headings). */
  One,
  /** Each further line starts with its text (paragraphs). */
  Bare,
  /** Each further line starts with `> `, which is no part of the text (paragraphs in block quotes). */
  Quoted,
}
/** The width of the `> ` that starts a quoted line. */
const QUOTE_PREFIX = 2;

/** How an ASCII character behaves in inline text. */
const enum Ascii {
  Plain = 0,
  /** Starts Markdown the subset leaves to micromark (code, HTML, entities, escapes, `_`…). */
  Forbidden = 1,
  /** `*`, `[`, `]`, `(`, `)`, `!`, line ending: handled by the scanner. */
  Markup = 2,
}

const ASCII_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 0x20; code++) table[code] = Ascii.Forbidden; // tabs, \r, NUL…
  table[0x7f] = Ascii.Forbidden;
  for (const ch of '`\\<>&|~_=') table[ch.charCodeAt(0)] = Ascii.Forbidden;
  for (const ch of '*[]()!\n') table[ch.charCodeAt(0)] = Ascii.Markup;
  return table;
})();

/** Link destinations: printable ASCII without spaces, quotes, brackets, parentheses, `<>`, `*`, escapes or entities. */
const DESTINATION = (() => {
  const table = new Uint8Array(128);
  for (let code = 0x21; code < 0x7f; code++) table[code] = 1;
  for (const ch of '"\'()<>[]\\`*&') table[ch.charCodeAt(0)] = 0;
  return table;
})();

const isAsciiAlphanumeric = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Unicode whitespace that micromark might trim or treat as a flanking boundary. */
const isUnicodeSpace = (code: number): boolean =>
  code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 ||
  code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

class SubsetParser {
  /** The line the scan is on and the offset where it starts: enough to make any point on it. */
  private line = 1;
  private lineStart = 0;

  constructor(private readonly src: string) {}

  parse(): Root {
    const { src } = this;
    const children: RootContent[] = [];
    let offset = 0;
    if (src.startsWith('---\n')) offset = this.frontMatter(children);
    // A comment opening a line ends the block before it (an HTML block interrupts a paragraph or
    // a quote). Where the next one is, is found again only once the parse has passed it.
    let nextComment = -2;
    while (offset < src.length) {
      if (src.charCodeAt(offset) === NEWLINE) {
        offset = this.nextLine(offset);
        continue;
      }
      // Blocks are runs of non-empty lines; a line of spaces is rejected by the line-start rules.
      const blockEnd = src.indexOf('\n\n', offset);
      let end = blockEnd === -1 ? (src.endsWith('\n') ? src.length - 1 : src.length) : blockEnd;
      if (nextComment !== -1 && nextComment < offset) nextComment = src.indexOf('\n<!--', offset);
      if (nextComment !== -1 && nextComment < end) end = nextComment;
      const first = src.charCodeAt(offset);
      if (first === LESS && src.startsWith('<!--', offset)) {
        const comment = this.comment(offset);
        children.push(comment);
        const end = comment.position!.end.offset!;
        offset = end < src.length ? this.nextLine(end) : end;
        continue;
      }
      children.push(first === HASH ? this.heading(offset, end) : first === GREATER ? this.blockQuote(offset, end) : this.paragraph(offset, end, Lines.Bare));
      offset = end < src.length ? this.nextLine(end) : end;
    }
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: this.point(src.length) } };
  }

  /** Starts the next line after the line ending at `newline`; returns its offset. */
  private nextLine(newline: number): number {
    this.line++;
    this.lineStart = newline + 1;
    return this.lineStart;
  }

  /** A point on the current line. */
  private point(offset: number): Point {
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }

  /**
   * `---`, the YAML lines, `---`: exact fences, no control characters, no empty first or last
   * line. Adds the yaml node; returns where the body starts.
   */
  private frontMatter(children: RootContent[]): number {
    const { src } = this;
    let offset = this.nextLine(3);
    while (offset < src.length) {
      const newline = src.indexOf('\n', offset);
      const end = newline === -1 ? src.length : newline;
      if (src.startsWith('---', offset)) {
        // A fence with trailing spaces still closes; leaving it (and `----`) to micromark is simpler.
        if (end !== offset + 3) reject();
        if (offset === 4 || src.charCodeAt(4) === NEWLINE || src.charCodeAt(offset - 2) === NEWLINE) reject();
        const node: Yaml = { type: 'yaml', value: src.slice(4, offset - 1), position: { start: { line: 1, column: 1, offset: 0 }, end: this.point(end) } };
        children.push(node);
        return end < src.length ? this.nextLine(end) : end;
      }
      for (let i = offset; i < end; i++) if (src.charCodeAt(i) < SPACE || src.charCodeAt(i) === 0x7f) reject();
      if (end === src.length) break;
      offset = this.nextLine(end);
    }
    return reject(); // never closed: micromark reads a thematic break instead
  }

  /**
   * `<!--` opening a line: CommonMark's HTML block of the second kind, which runs to the end of
   * the line holding `-->` (blank lines and all). It holds no prose, only citecheck's directives;
   * read here, an article with a directive no longer needs micromark. Never closed, it would run
   * to the end of the file, and control characters might be rewritten: left to micromark.
   */
  private comment(start: number): Html {
    const { src } = this;
    const startPoint = this.point(start);
    // Searched from the opening's own dashes: `<!-->` and `<!--->` close where they open.
    const close = src.indexOf('-->', start + 2);
    if (close === -1) reject();
    const newline = src.indexOf('\n', close + 3);
    const end = newline === -1 ? src.length : newline;
    for (let i = start; i < end; i++) {
      const code = src.charCodeAt(i);
      if (code === NEWLINE) this.nextLine(i);
      else if (code < SPACE || code === 0x7f) reject();
    }
    return { type: 'html', value: src.slice(start, end), position: { start: startPoint, end: this.point(end) } };
  }

  /** `#{1,6} text` alone on its line, no closing `#`s, single spaces only. */
  private heading(start: number, end: number): Heading {
    const { src } = this;
    let depth = 0;
    while (src.charCodeAt(start + depth) === HASH) depth++;
    const content = start + depth + 1;
    if (depth > 6 || src.charCodeAt(start + depth) !== SPACE || content >= end) reject();
    if (src.charCodeAt(content) === SPACE || src.charCodeAt(end - 1) === SPACE || src.charCodeAt(end - 1) === HASH) reject();
    const startPoint = this.point(start);
    const children = this.inline(content, end, Lines.One);
    return { type: 'heading', depth: depth as Heading['depth'], children, position: { start: startPoint, end: this.point(end) } };
  }

  private paragraph(start: number, end: number, lines: Lines.Bare | Lines.Quoted): Paragraph {
    const startPoint = this.point(start);
    this.checkParagraphLine(start);
    const children = this.inline(start, end, lines);
    return { type: 'paragraph', children, position: { start: startPoint, end: this.point(end) } };
  }

  /**
   * Lines starting with `> ` holding paragraphs, which lines of a lone `>` separate. Lazy lines
   * (no `>`), `>` without its space, a space too many, nested quotes, empty quotes and empty
   * paragraphs are left to micromark, as are other blocks inside (the paragraph line rules).
   */
  private blockQuote(start: number, end: number): Blockquote {
    const { src } = this;
    const startPoint = this.point(start);
    const children: Paragraph[] = [];
    let offset = start;
    for (;;) {
      if (src.charCodeAt(offset) !== GREATER || src.charCodeAt(offset + 1) !== SPACE) reject();
      // The paragraph goes on while lines start with `> `; its lines are read again by inline().
      let paragraphEnd = this.lineEnd(offset, end);
      while (paragraphEnd < end && src.charCodeAt(paragraphEnd + 1) === GREATER && src.charCodeAt(paragraphEnd + 2) === SPACE) {
        paragraphEnd = this.lineEnd(paragraphEnd + 1, end);
      }
      children.push(this.paragraph(offset + QUOTE_PREFIX, paragraphEnd, Lines.Quoted));
      if (paragraphEnd === end) break;
      // Anything else than a lone `>` between two paragraphs is rejected (also by the check above).
      if (src.charCodeAt(paragraphEnd + 1) !== GREATER || src.charCodeAt(paragraphEnd + 2) !== NEWLINE || paragraphEnd + 2 >= end) reject();
      this.nextLine(paragraphEnd);
      offset = this.nextLine(paragraphEnd + 2);
    }
    return { type: 'blockquote', children, position: { start: startPoint, end: this.point(end) } };
  }

  /** The end of the line holding `offset`, at most `end`. */
  private lineEnd(offset: number, end: number): number {
    const newline = this.src.indexOf('\n', offset);
    return newline === -1 || newline > end ? end : newline;
  }

  /** Rejects paragraph lines that could start (or interrupt with) another block. */
  private checkParagraphLine(start: number): void {
    const { src } = this;
    const first = src.charCodeAt(start);
    if (first === SPACE || first === HASH || first === 0x2d /* - */ || first === 0x2b /* + */) reject();
    // `*` opens a line only as emphasis; `* item`, `***` and `*` alone are lists and rules.
    if (first === STAR && !isAsciiAlphanumeric(src.charCodeAt(start + 1))) reject();
    if (isDigit(first)) {
      let i = start + 1;
      while (isDigit(src.charCodeAt(i))) i++;
      if (src.charCodeAt(i) === DOT || src.charCodeAt(i) === PAREN_CLOSE) reject(); // an ordered list
    }
  }

  /** Inline content of [start, end): text, links, literal brackets and emphasis. */
  private inline(start: number, end: number, lines: Lines): PhrasingContent[] {
    const { src } = this;
    const children: PhrasingContent[] = [];
    let textStart = start;
    let textStartPoint = this.point(start);
    const flushText = (before: number): void => {
      if (before <= textStart) return;
      if (lines !== Lines.Quoted) {
        children.push(this.text(textStart, textStartPoint, before));
        return;
      }
      // micromark leaves the `> ` prefixes out of the value, and a text that stops where a quoted
      // line's content starts (before a link or emphasis) ends at the start of that line.
      const value = src.slice(textStart, before).replaceAll('\n> ', '\n');
      const endPoint = before === this.lineStart + QUOTE_PREFIX ? this.point(this.lineStart) : this.point(before);
      children.push({ type: 'text', value, position: { start: textStartPoint, end: endPoint } });
    };
    const continueTextAt = (offset: number): void => {
      textStart = offset;
      textStartPoint = this.point(offset);
    };

    let i = start;
    while (i < end) {
      const code = src.charCodeAt(i);
      if (code >= 0x80) {
        i = this.skipNonAscii(i);
        continue;
      }
      const kind = ASCII_CLASS[code];
      if (kind === Ascii.Plain) {
        i++;
        continue;
      }
      if (kind === Ascii.Forbidden) reject();
      switch (code) {
        case NEWLINE:
          // A trailing space would be trimmed (or make a hard break); leading ones would be stripped.
          if (lines === Lines.One || src.charCodeAt(i - 1) === SPACE) reject();
          this.nextLine(i);
          i++;
          if (lines === Lines.Quoted) {
            if (src.charCodeAt(i) !== GREATER || src.charCodeAt(i + 1) !== SPACE) reject();
            i += QUOTE_PREFIX;
          }
          this.checkParagraphLine(i);
          break;
        case EXCLAMATION:
          if (src.charCodeAt(i + 1) === BRACKET_OPEN) reject(); // an image
          i++;
          break;
        case PAREN_OPEN:
        case PAREN_CLOSE:
          this.checkAsciiAround(i);
          i++;
          break;
        case BRACKET_OPEN: {
          const close = this.closingBracket(i, end);
          const link = this.linkOrLiteral(i, close, end);
          if (link === undefined) {
            i = close + 1; // literal: stays in the text run
            break;
          }
          flushText(i);
          children.push(link);
          i = link.position!.end.offset!;
          continueTextAt(i);
          break;
        }
        case STAR: {
          const emphasis = this.emphasis(i, start, end);
          flushText(i);
          children.push(emphasis);
          i = emphasis.position!.end.offset!;
          continueTextAt(i);
          break;
        }
        case BRACKET_CLOSE:
          reject(); // a `]` without its `[`
      }
    }
    if (src.charCodeAt(end - 1) === SPACE) reject();
    flushText(end);
    return children;
  }

  private text(start: number, startPoint: Point, end: number): Text {
    return { type: 'text', value: this.src.slice(start, end), position: { start: startPoint, end: this.point(end) } };
  }

  /** Non-ASCII is plain text unless it is Unicode whitespace, a lone surrogate or next to markup. */
  private skipNonAscii(i: number): number {
    const code = this.src.charCodeAt(i);
    if (isUnicodeSpace(code) || (code >= 0xdc00 && code <= 0xdfff)) reject();
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = this.src.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) reject();
      return i + 2;
    }
    return i + 1;
  }

  /** Markup characters must have ASCII (or nothing) on both sides. */
  private checkAsciiAround(i: number): void {
    if (this.src.charCodeAt(i - 1) >= 0x80 || this.src.charCodeAt(i + 1) >= 0x80) reject();
  }

  /** The `]` closing the `[` at `open`, on the same line, with no `[`, `*` or line ending in between. */
  private closingBracket(open: number, end: number): number {
    const { src } = this;
    for (let i = open + 1; i < end; i++) {
      const code = src.charCodeAt(i);
      if (code === BRACKET_CLOSE) return i;
      if (code === BRACKET_OPEN || code === STAR || code === NEWLINE) reject();
    }
    return reject();
  }

  /**
   * `[text](destination)` as a link; `[text]` followed by anything but `(`, `[` or `:` as
   * literal text (undefined). With no definitions in the subset, `[text]` is never a reference.
   */
  private linkOrLiteral(open: number, close: number, end: number): Link | undefined {
    const { src } = this;
    if (close === open + 1) reject(); // `[]`
    this.checkAsciiAround(open);
    this.checkAsciiAround(close);
    this.checkLabelText(open + 1, close);
    const after = src.charCodeAt(close + 1);
    if (after === BRACKET_OPEN || after === 0x3a /* : a definition */) reject();
    if (after !== PAREN_OPEN) return undefined;

    const urlStart = close + 2;
    let urlEnd = urlStart;
    while (urlEnd < end && DESTINATION[src.charCodeAt(urlEnd)] === 1) urlEnd++;
    if (urlEnd === urlStart || src.charCodeAt(urlEnd) !== PAREN_CLOSE || urlEnd >= end) reject();
    this.checkAsciiAround(urlEnd);
    const textStart = this.point(open + 1);
    return {
      type: 'link',
      title: null,
      url: src.slice(urlStart, urlEnd),
      children: [this.text(open + 1, textStart, close)],
      position: { start: this.point(open), end: this.point(urlEnd + 1) },
    };
  }

  /** Text between brackets or emphasis delimiters holds plain characters only. */
  private checkLabelText(start: number, end: number): void {
    const { src } = this;
    for (let i = start; i < end; ) {
      const code = src.charCodeAt(i);
      if (code >= 0x80) {
        i = this.skipNonAscii(i);
        continue;
      }
      if (ASCII_CLASS[code] === Ascii.Forbidden) reject();
      if (code === EXCLAMATION && src.charCodeAt(i + 1) === BRACKET_OPEN) reject();
      if (code === PAREN_OPEN || code === PAREN_CLOSE) this.checkAsciiAround(i);
      i++;
    }
  }

  /**
   * `*text*` on one line: opened at the block or line start or after a space, before an ASCII
   * letter or digit; closed after a letter, digit or `.` and before the end, a space or `.,;:)`.
   * Within these bounds CommonMark's flanking rules can pair the two stars only with each other.
   */
  private emphasis(open: number, blockStart: number, end: number): Emphasis {
    const { src } = this;
    const before = src.charCodeAt(open - 1);
    if (open !== blockStart && before !== SPACE && before !== NEWLINE) reject();
    if (!isAsciiAlphanumeric(src.charCodeAt(open + 1))) reject();
    let close = open + 1;
    while (close < end && src.charCodeAt(close) !== STAR) {
      const code = src.charCodeAt(close);
      if (code === NEWLINE || code === BRACKET_OPEN || code === BRACKET_CLOSE) reject();
      close++;
    }
    if (close >= end) reject();
    const last = src.charCodeAt(close - 1);
    if (!isAsciiAlphanumeric(last) && last !== DOT) reject();
    if (close + 1 < end && !' \n.,;:)'.includes(src[close + 1]!)) reject();
    this.checkLabelText(open + 1, close);
    return {
      type: 'emphasis',
      children: [this.text(open + 1, this.point(open + 1), close)],
      position: { start: this.point(open), end: this.point(close + 1) },
    };
  }
}
