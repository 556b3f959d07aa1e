/**
 * The article as readable text for the HTML report: blocks (paragraphs, headings) of pieces, each
 * piece tied to the range of the ORIGINAL file it shows, so findings (original offsets) can be
 * placed on it. Plain text and Markdown are shown as written; an HTML article is shown as its
 * text content, never as its own markup.
 *
 * HTML is read with a small linear tokenizer rather than cheerio: the reporter must stay
 * synchronous and cheap to import (cheerio costs 140 ms+ of start-up), and a report only needs
 * text, block boundaries and link targets, not a DOM.
 */
import type { Format } from '../input/document.js';
import { runOnLength } from '../input/text.js';

/** Text shown for original[start, end). `exact`: the text is that slice itself, so any offset inside maps one to one. */
export interface TextPiece {
  type: 'text';
  start: number;
  end: number;
  text: string;
  exact: boolean;
}

/** Where an article's hyperlink ended: the report shows its target beside the link text. */
export interface LinkPiece {
  type: 'link';
  at: number;
  href: string;
}

export type Piece = TextPiece | LinkPiece;

export interface Block {
  heading: boolean;
  pieces: Piece[];
}

export function articleBlocks(source: string, format: Format): Block[] {
  return format === 'html' ? htmlBlocks(source) : plainBlocks(source, format);
}

/** Nobody hard-wraps prose wider than this: a longer line is a whole paragraph (as the text loader). */
const WRAP_WIDTH = 100;
/** Ends with . ! ? … and maybe closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*\s*$/;

/**
 * Paragraphs end at blank lines and at lines too long to be hard-wrapped; in plain text also at
 * a sentence's end, where the text loader ends one. Line breaks inside a paragraph stay (the
 * report shows them).
 */
function plainBlocks(source: string, format: Format): Block[] {
  const blocks: Block[] = [];
  const runsOnFrom = format === 'text' ? runOnLength(source) : Infinity;
  let start = -1;
  let end = -1;
  const close = () => {
    if (start >= 0) blocks.push({ heading: false, pieces: [{ type: 'text', start, end, text: source.slice(start, end), exact: true }] });
    start = -1;
  };
  const lineBreak = /\r\n|\r|\n/g;
  let at = 0;
  for (;;) {
    lineBreak.lastIndex = at;
    const found = lineBreak.exec(source);
    const lineEnd = found ? found.index : source.length;
    const line = source.slice(at, lineEnd);
    if (line.trim() === '') close();
    else {
      if (start < 0) start = at;
      end = lineEnd;
      if (line.length > WRAP_WIDTH || (format === 'text' && SENTENCE_END.test(line) && line.trim().length < runsOnFrom)) close();
    }
    if (!found) break;
    at = found.index + found[0].length;
  }
  close();
  return blocks;
}

/** Never shown: page chrome, scripts, and what a reader does not read as the article (as the HTML loader). */
const SKIPPED = new Set([
  'head', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'svg', 'math', 'object', 'canvas',
  'video', 'audio', 'template', 'figcaption', 'img',
]);
/** Elements whose content is raw text up to their end tag: skipped without looking inside. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext']);
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'td', 'th', 'dd', 'dt', 'div', 'section',
  'article', 'main', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'figure',
  'address', 'details', 'summary', 'hr', 'body', 'center', 'pre',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const HEADING = /^h[1-6]$/;

/**
 * The named character references articles actually use; any other is shown as written. (The
 * full HTML table is 2,000+ names, and a report that shows `&foo;` verbatim loses nothing.)
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', zwj: '\u200d', zwnj: '\u200c', ndash: '–', mdash: '—', minus: '−', lsquo: '‘', rsquo: '’',
  sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', hellip: '…',
  middot: '·', bull: '•', deg: '°', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢',
  sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±', frac12: '½', frac14: '¼', frac34: '¾', prime: '′',
  Prime: '″', dagger: '†', Dagger: '‡', eacute: 'é', Eacute: 'É', egrave: 'è', aacute: 'á', agrave: 'à',
  acirc: 'â', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', ccedil: 'ç',
  iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', ecirc: 'ê', ocirc: 'ô', icirc: 'î', iuml: 'ï', oslash: 'ø',
  aring: 'å', aelig: 'æ',
};

/** The character reference at `p` (`&amp;`, `&#8217;`, `&#x2019;`): its length and text, or null. */
function characterReference(source: string, p: number, end: number): { length: number; text: string } | null {
  const limit = Math.min(end, p + 33);
  let i = p + 1;
  const numeric = source[i] === '#';
  if (numeric) i++;
  const hex = numeric && (source[i] === 'x' || source[i] === 'X');
  if (hex) i++;
  const first = i;
  while (i < limit && /[A-Za-z0-9]/.test(source[i]!)) i++;
  if (i === first || i >= limit || source[i] !== ';') return null;
  const name = source.slice(first, i);
  const length = i + 1 - p;
  if (!numeric) return Object.hasOwn(NAMED, name) ? { length, text: NAMED[name]! } : null;
  const code = Number.parseInt(name, hex ? 16 : 10);
  const valid = Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return { length, text: valid ? String.fromCodePoint(code) : '\uFFFD' };
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
}

/** One linear pass over the markup: text is collected, tags only open and close blocks. */
function htmlBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  let heading = false;
  /** Whether the last thing written was a space (or nothing yet), so runs of whitespace collapse. */
  let afterSpace = true;
  /** The skipped element we are inside (nav, head…), and how deeply it nests in itself. */
  let skipName = '';
  let skipDepth = 0;
  const openLinks: string[] = [];

  const endBlock = () => {
    if (block) blocks.push(block);
    block = null;
    afterSpace = true;
  };
  const push = (piece: Piece) => {
    block ??= { heading, pieces: [] };
    const last = block.pieces[block.pieces.length - 1];
    // Runs of text the markup did not interrupt are one piece, so they are one span, not many.
    if (piece.type === 'text' && piece.exact && last?.type === 'text' && last.exact && last.end === piece.start) {
      last.end = piece.end;
      last.text += piece.text;
    } else block.pieces.push(piece);
  };

  const text = (from: number, to: number) => {
    let run = from;
    const flush = (until: number) => {
      if (until > run) push({ type: 'text', start: run, end: until, text: source.slice(run, until), exact: true });
    };
    let i = from;
    while (i < to) {
      const ch = source[i]!;
      if (isSpace(ch)) {
        let j = i + 1;
        while (j < to && isSpace(source[j])) j++;
        // Collapsed as a browser would: one space between words, none at a block's start. A
        // single space shows as itself, so it stays in the exact run.
        if (!afterSpace && j === i + 1 && ch === ' ') {
          afterSpace = true;
          i = j;
          continue;
        }
        flush(i);
        if (!afterSpace) push({ type: 'text', start: i, end: j, text: ' ', exact: false });
        afterSpace = true;
        i = run = j;
        continue;
      }
      if (ch === '&') {
        const ref = characterReference(source, i, to);
        if (ref) {
          flush(i);
          push({ type: 'text', start: i, end: i + ref.length, text: ref.text, exact: false });
          afterSpace = false;
          i = run = i + ref.length;
          continue;
        }
      }
      afterSpace = false;
      i++;
    }
    flush(to);
  };

  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt < 0 ? source.length : lt;
    if (skipDepth === 0) text(i, textEnd);
    if (lt < 0) break;
    i = lt;

    if (source.startsWith('<!--', i)) {
      const close = source.indexOf('-->', i + 4);
      i = close < 0 ? source.length : close + 3;
      continue;
    }
    if (source[i + 1] === '!' || source[i + 1] === '?') {
      const close = source.indexOf('>', i);
      i = close < 0 ? source.length : close + 1;
      continue;
    }
    const closing = source[i + 1] === '/';
    const nameStart = i + (closing ? 2 : 1);
    if (!/[A-Za-z]/.test(source[nameStart] ?? '')) {
      // A lone "<" is text.
      if (skipDepth === 0) text(i, i + 1);
      i++;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < source.length && !isSpace(source[nameEnd]) && source[nameEnd] !== '/' && source[nameEnd] !== '>') nameEnd++;
    const name = source.slice(nameStart, nameEnd).toLowerCase();
    const tagEnd = endOfTag(source, nameEnd);
    const attributes = source.slice(nameEnd, tagEnd);
    i = tagEnd + 1;

    if (!closing && RAW_TEXT.has(name)) {
      // Never parsed, never shown: jump to the end tag (or the end of the file).
      const endTag = new RegExp(`</${name}(?=[\\s/>])`, 'ig');
      endTag.lastIndex = i;
      const found = endTag.exec(source);
      i = found ? endOfTag(source, found.index + 2 + name.length) + 1 : source.length;
      continue;
    }
    if (skipDepth > 0) {
      if (name === skipName && !VOID.has(name) && !attributes.endsWith('/')) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (!closing && SKIPPED.has(name)) {
      if (!VOID.has(name) && !attributes.endsWith('/')) [skipName, skipDepth] = [name, 1];
      continue;
    }
    if (name === 'br') {
      if (block) push({ type: 'text', start: lt, end: i, text: '\n', exact: false });
      afterSpace = true;
    } else if (BLOCKS.has(name)) {
      endBlock();
      if (HEADING.test(name)) heading = !closing;
    } else if (name === 'a') {
      if (!closing) openLinks.push(hrefOf(attributes) ?? '');
      else {
        const href = openLinks.pop();
        if (href) push({ type: 'link', at: lt, href });
      }
    }
  }
  endBlock();
  return blocks;
}

/** The index of the `>` closing a tag whose attributes start at `from` (quotes respected), or the end. */
function endOfTag(source: string, from: number): number {
  let quote = '';
  for (let i = from; i < source.length; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return source.length;
}

const HREF = /(?:^|[\s"'])href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

function hrefOf(attributes: string): string | null {
  const found = HREF.exec(attributes);
  if (!found) return null;
  const raw = found[1] ?? found[2] ?? found[3] ?? '';
  // Character references in the URL, so "javascript&colon;" cannot pass as something else.
  return raw.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, _name: string, offset: number) => characterReference(raw, offset, raw.length)?.text ?? whole).trim();
}
