/**
 * Plain-text articles. The prose text IS the original (directive lines blanked with spaces), so
 * the offset map is the identity and a fix edits the file byte for byte. Blocks come from line
 * shapes: blank lines end paragraphs, and so does sentence-final punctuation at a line's end
 * (unless the line runs to the width of prose hard-wrapped into paragraphs set apart by blank
 * lines: the sentence ended at the wrap by chance); short unpunctuated lines are headings, other
 * lines are hard-wrapped prose.
 */
import { directivesFromComment } from './directives.js';
import { OffsetMap, type Block, type Directive, type Document, type Link } from './document.js';

/** Longest line taken for a heading. */
const HEADING_MAX_CHARS = 100;
const HEADING_MAX_WORDS = 12;
/** Nobody hard-wraps prose wider than this: a longer line is a whole paragraph. */
const WRAP_WIDTH = 100;

const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')']);
const OPENERS = new Set(['"', "'", '“', '‘', '«', '(']);
/** Words a Title Case heading leaves lowercase. */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'via']);

/**
 * Unicode-property patterns are module constants: the bundler writes such a literal as
 * `new RegExp(…)`, which would build a new object at every use.
 */
const UPPER_FIRST = /^\p{Lu}/u;
const LOWER_FIRST = /^\p{Ll}/u;
const EDGE_NON_LETTERS = /^\P{L}+|\P{L}+$/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v' || ch === '\u00a0' || ch === '\ufeff';
}

interface Line {
  /** Trimmed content, original offsets; start === end for a blank line. */
  start: number;
  end: number;
  /** Where the line itself starts (for the directive column). */
  lineStart: number;
}

/** Lines split on LF, CRLF or a lone CR (as OffsetMap counts them), with their content trimmed. */
export function splitLines(original: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  for (let i = 0; i <= original.length; i++) {
    const ch = original[i];
    if (ch !== '\n' && ch !== '\r' && i < original.length) continue;
    let start = lineStart;
    let end = i;
    while (start < end && isSpace(original[start])) start++;
    while (end > start && isSpace(original[end - 1])) end--;
    lines.push({ start, end, lineStart });
    if (ch === '\r' && original[i + 1] === '\n') i++;
    lineStart = i + 1;
  }
  return lines;
}

/** s[0..i] ends with . ! ? … possibly followed by closing quotes or parentheses. */
function finalPunctuationAt(s: string, i: number): boolean {
  while (i >= 0 && CLOSERS.has(s[i]!)) i--;
  return i >= 0 && SENTENCE_END.has(s[i]!);
}

/** Ends a sentence, counting a trailing citation after the full stop: "… in May. (Reuters)". */
function endsSentence(s: string): boolean {
  const last = s[s.length - 1];
  if (last === ')' || last === ']') {
    let i = s.lastIndexOf(last === ')' ? '(' : '[') - 1;
    while (i >= 0 && isSpace(s[i])) i--;
    if (finalPunctuationAt(s, i)) return true;
  }
  return finalPunctuationAt(s, s.length - 1);
}

function startsUppercase(s: string): boolean {
  let i = 0;
  while (i < s.length && OPENERS.has(s[i]!)) i++;
  return UPPER_FIRST.test(s.slice(i, i + 2));
}

/** Every word capitalized except minor ones: "Looking Ahead: Lebanon and Beyond". */
function isTitleCase(s: string): boolean {
  return s.split(/\s+/).every((word) => {
    const letters = word.replace(EDGE_NON_LETTERS, '');
    return letters === '' || !LOWER_FIRST.test(letters) || MINOR_WORDS.has(letters.toLowerCase());
  });
}

function wordCount(s: string): number {
  let words = 0;
  for (let i = 0; i < s.length; i++) if (!isSpace(s[i]) && (i === 0 || isSpace(s[i - 1]))) words++;
  return words;
}

/** The plain-text form of a directive line: bare, inside `<!-- -->`, or after `#` or `//`. */
function directiveOf(content: string, line: number, column: number): Directive | null {
  if (!content.includes('citecheck-')) return null;
  let body = content;
  if (body.startsWith('//')) body = body.slice(2);
  else if (body.startsWith('#')) body = body.replace(/^#+/, '');
  return directivesFromComment(body, line, column);
}

/** Bare http(s) URLs in `text`, trailing punctuation left out (a closing paren only when unbalanced). */
export function findBareUrls(text: string): Link[] {
  const links: Link[] = [];
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s<>"'`]+/g)) {
    const url = m[0];
    // Wikipedia URLs end in balanced parentheses; a citation's closing paren is not part of the URL.
    let unbalanced = 0;
    for (const ch of url) unbalanced += ch === ')' ? 1 : ch === '(' ? -1 : 0;
    let end = url.length;
    for (;;) {
      const last = url[end - 1]!;
      if (last === ')' && unbalanced > 0) unbalanced--;
      else if (!'.,;:!?’”*_]}'.includes(last)) break;
      end--;
    }
    if (end > 'https://'.length) links.push({ start: m.index, end: m.index + end, href: url.slice(0, end) });
  }
  return links;
}

/** A paragraph opening with a list item's bullet or number ("- ", "• ", "2. ", "b) ") or a quote's "> ". */
function insideOf(start: string): Block['inside'] {
  if (/^>\s/.test(start)) return 'quote';
  return /^(?:[-*•‣◦]|\d{1,3}[.)]|[a-z][.)])\s/.test(start) ? 'list' : undefined;
}

/** A hard-wrapped line this share of the wrap width or more ran on to the next. */
const FULL_LINE = 0.8;

/**
 * How long a line that ends a sentence must be to run on into the next line of its paragraph:
 * in prose hard-wrapped into paragraphs set apart by blank lines, one that runs to the wrap
 * width (the sentence ended at the wrap by chance); elsewhere never (Infinity). The HTML
 * report's plain-text paragraphs use it too.
 */
export function runOnLength(original: string, lines: readonly Line[] = splitLines(original)): number {
  if (!lines.every((line) => line.end - line.start <= WRAP_WIDTH) || !hasBlankBetween(lines)) return Infinity;
  return wrappedAt(original, lines) * FULL_LINE;
}

/** Lines that run to the width mid-sentence, as many as show that the prose is hard-wrapped. */
const WRAPPED_LINES = 3;

/**
 * The width prose was hard-wrapped at (its longest line), when at least WRAPPED_LINES lines
 * run to it mid-sentence and on into the next; else Infinity (short lines that each end a
 * sentence are paragraphs of their own).
 */
function wrappedAt(original: string, lines: readonly Line[]): number {
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, line.end - line.start);
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length && wrapped < WRAPPED_LINES; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if (line.end - line.start >= longest * FULL_LINE && next.end > next.start && !endsSentence(original.slice(line.start, line.end))) wrapped++;
  }
  return wrapped >= WRAPPED_LINES ? longest : Infinity;
}

/** A lead-in's colon, or a sentence's end with a footnote marker after it ("…in 2024.^2"): no headline ends so. */
const NOT_A_HEADLINE_END = /:\s*$|[.!?…]["'”’)\]]*(?:\^\d+|\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*$/;

/** Whether a line from `from` on holds prose: a first line before it is a headline, not the whole text. */
function proseAfter(lines: readonly Line[], from: number): boolean {
  for (let i = from; i < lines.length; i++) if (lines[i]!.end > lines[i]!.start) return true;
  return false;
}

/** A blank line with prose on both sides of it. */
function hasBlankBetween(lines: readonly Line[]): boolean {
  let seenProse = false;
  let blankAfterProse = false;
  for (const line of lines) {
    if (line.start === line.end) blankAfterProse = seenProse;
    else if (blankAfterProse) return true;
    else seenProse = true;
  }
  return false;
}

export function loadText(path: string, original: string): Document {
  const lines = splitLines(original);
  const content = (i: number): string | undefined => {
    const line = lines[i];
    return line && original.slice(line.start, line.end);
  };
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  /** Directive lines, blanked out of the prose. */
  const blanked: Line[] = [];
  // In hard-wrapped prose a paragraph's first line often runs into a capitalized word; only
  // a Title Case line is taken for a heading there.
  const hardWrapped = lines.every((line) => line.end - line.start <= WRAP_WIDTH);
  // A line that ends a sentence ends its paragraph, unless the prose is hard-wrapped into
  // paragraphs set apart by blank lines and the line runs to the wrap width: there the sentence
  // ended at the wrap by chance ("…have fled Sudan since\nApril. Chad has received the largest\n").
  const runsOnFrom = runOnLength(original, lines);
  let paragraph: { start: number; end: number } | null = null;
  const endParagraph = (): void => {
    if (paragraph) {
      const block: Block = { kind: 'paragraph', ...paragraph };
      const inside = insideOf(original.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 8)));
      if (inside) block.inside = inside;
      blocks.push(block);
    }
    paragraph = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const s = content(i)!;
    // Blank lines and separator rules (---, * * *) hold no prose.
    if (!LETTER_OR_DIGIT.test(s)) {
      endParagraph();
      continue;
    }
    const directive = directiveOf(s, i + 1, line.start - line.lineStart + 1);
    if (directive) {
      endParagraph();
      directives.push(directive);
      blanked.push(line);
      continue;
    }
    const next = content(i + 1);
    const nextStartsUpper = next !== undefined && startsUppercase(next);
    const sentenceEnd = endsSentence(s);
    // The file's first line, alone before a blank line and more prose: a headline, which wire
    // copy writes in sentence case and at length ("Kenya central bank cuts key rate to 9.25%,
    // sixth cut in a row").
    const headline = blocks.length === 0 && paragraph === null && next === '' && !sentenceEnd && s.length <= HEADING_MAX_CHARS
      && !NOT_A_HEADLINE_END.test(s) && proseAfter(lines, i + 1);
    if (
      headline || (
        paragraph === null &&
        !sentenceEnd &&
        s.length <= HEADING_MAX_CHARS &&
        wordCount(s) <= HEADING_MAX_WORDS &&
        // Before a blank line a short unpunctuated line is as often a stray fragment (a chip
        // run, a caption) as a heading: there only Title Case counts.
        (next === undefined || next === '' ? isTitleCase(s) : nextStartsUpper && (!hardWrapped || isTitleCase(s))))
    ) {
      blocks.push({ kind: 'heading', start: line.start, end: line.end });
      continue;
    }
    paragraph ??= { start: line.start, end: line.end };
    paragraph.end = line.end;
    if ((sentenceEnd && s.length < runsOnFrom) || (s.length > WRAP_WIDTH && nextStartsUpper)) endParagraph();
  }
  endParagraph();

  let text = original;
  if (blanked.length > 0) {
    // Spaces keep every offset (and so the identity map) intact.
    const parts: string[] = [];
    let at = 0;
    for (const line of blanked) {
      parts.push(original.slice(at, line.start), ' '.repeat(line.end - line.start));
      at = line.end;
    }
    parts.push(original.slice(at));
    text = parts.join('');
  }
  const map = new OffsetMap(original);
  map.anchor(0, 0);
  return {
    path,
    format: 'text',
    original,
    text,
    blocks,
    links: findBareUrls(text),
    directives,
    meta: { dateSource: 'none' },
    map,
  };
}
