/**
 * Guards for hostile structure. micromark goes super-linear (and finally overflows the stack) on
 * deeply nested containers, long emphasis runs and many unclosed comments; one linear scan
 * spots those shapes first, and such a file is checked as plain text instead (markup blanked
 * with spaces, so every offset and the identity map stay exact).
 */
import { OffsetMap, type Document, type Format } from './document.js';
import { loadText } from './text.js';

/** Container nesting (block quotes, list items, indentation) past which micromark is not trusted. */
export const MAX_MARKDOWN_NESTING = 100;
/** Longest run of `*` or `_`. */
export const MAX_EMPHASIS_RUN = 1_000;
/** `<!--` with no `-->` after it. */
export const MAX_UNCLOSED_COMMENTS = 1_000;
/** `[` still open at once within a paragraph: micromark keeps every one as a possible link label. */
export const MAX_OPEN_BRACKETS = 1_000;
/**
 * Characters in one block (lines between blank lines). micromark's passes over a paragraph's
 * inline content and over a container's lines are quadratic in its size: one paragraph of 1 MB
 * took from 15 s (links, `[labels]`) to a minute (reference links), a megabyte of nested quotes
 * 45 s. Under this size a block costs it well under a second; an article's paragraphs and lists
 * are a few kilobytes.
 */
export const MAX_BLOCK_LENGTH = 50_000;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Where the line before `end` stops, without the line break that ends it ("\n", "\r\n" or "\r"). */
function withoutBreak(text: string, end: number): number {
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** Why micromark should not see `text`, or undefined when it is safe. Linear. */
export function markdownHazard(text: string): string | undefined {
  let maxNesting = 0;
  let longestRun = 0;
  let run = 0;
  let runChar = 0;
  let lineStart = true;
  let openBrackets = 0;
  let blankLine = true;
  let blockStart = 0;
  let longBlock = false;
  for (let i = 0; i < text.length; i++) {
    if (lineStart) {
      // A blank line ends the paragraph, and with it every bracket left open.
      if (blankLine) {
        openBrackets = 0;
        blockStart = i;
      } else if (withoutBreak(text, i) - blockStart > MAX_BLOCK_LENGTH) longBlock = true;
      blankLine = true;
      lineStart = false;
      // Leading container markers and indentation: each level costs micromark a pass.
      let markers = 0;
      let columns = 0;
      let j = i;
      for (;;) {
        const c = text.charCodeAt(j);
        if (c === 32) columns++;
        else if (c === 9) columns += 4;
        else if (c === 62 /* > */) markers++;
        else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
          // A list item is a container of its own: its lines are a new block (a long list is no hazard).
          if (markers++ === 0) blockStart = i;
        } else if (isDigit(c)) {
          let k = j;
          while (k < j + 9 && isDigit(text.charCodeAt(k))) k++;
          const d = text.charCodeAt(k);
          if ((d === 46 || d === 41) /* . ) */ && (text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 9)) {
            if (markers++ === 0) blockStart = i;
            j = k;
          } else break;
        } else break;
        j++;
      }
      const rest = text.charCodeAt(j);
      // A line of nothing but whitespace nests nothing.
      if (j < text.length && rest !== 10 && rest !== 13) maxNesting = Math.max(maxNesting, markers + Math.floor(columns / 2));
      if (maxNesting > MAX_MARKDOWN_NESTING) return 'too deeply nested';
    }
    const c = text.charCodeAt(i);
    // "\r\n" ends a line once: its "\r" neither ends the line nor makes it non-blank.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStart = true;
    else if (c !== 32 && c !== 9 && c !== 13) blankLine = false;
    if (c === 91 /* [ */ && ++openBrackets > MAX_OPEN_BRACKETS) return 'too many open brackets';
    if (c === 93 /* ] */ && openBrackets > 0) openBrackets--;
    if (c === 42 || c === 95) {
      run = c === runChar ? run + 1 : 1;
      runChar = c;
      if (run > longestRun) longestRun = run;
    } else run = runChar = 0;
  }
  if (longestRun > MAX_EMPHASIS_RUN) return 'too long a run of emphasis markers';
  // Comments opened after the last close never end.
  const lastClose = text.lastIndexOf('-->');
  let unclosed = 0;
  for (let at = text.indexOf('<!--', lastClose < 0 ? 0 : lastClose); at >= 0; at = text.indexOf('<!--', at + 4)) {
    if (++unclosed > MAX_UNCLOSED_COMMENTS) return 'too many unclosed comments';
  }
  // Last: comments that hide the rest of the file leave less to read.
  if (longBlock || (!blankLine && withoutBreak(text, text.length) - blockStart > MAX_BLOCK_LENGTH)) return 'too long a block';
  return undefined;
}

/**
 * Where an HTML comment opens at the start of a line (column 1) with no `-->` anywhere after
 * it: CommonMark reads all the rest as one HTML block. Undefined when there is none, or when
 * the line could belong to something still open: a code fence, the front matter, or an HTML
 * block that runs to the next blank line (so the line must follow a blank one, or the front
 * matter, or open the file).
 */
export function hiddenByUnclosedComment(text: string): number | undefined {
  const lastClose = text.lastIndexOf('-->');
  let at = text.indexOf('<!--', lastClose < 0 ? 0 : lastClose + 3);
  while (at > 0 && text.charCodeAt(at - 1) !== 10 && text.charCodeAt(at - 1) !== 13) at = text.indexOf('<!--', at + 4);
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const front = before.startsWith('---') ? frontMatterIn(before) : undefined;
  if (FENCE_LINE.test(before) || (before.startsWith('---') && !front)) return undefined;
  return at === 0 || at === front?.end || followsBlankLine(text, at) ? at : undefined;
}
const FENCE_LINE = /(?:^|[\n\r]) {0,3}(?:```|~~~)/;

/** Whether the line starting at `at` comes after a blank one (nothing but spaces and tabs). */
function followsBlankLine(text: string, at: number): boolean {
  let i = at - 1;
  if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 13) i--; // \r\n
  i--;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

/** YAML front matter as micromark reads it ("---", some lines, "---"): its YAML and where it ends. */
export function frontMatterIn(text: string): { yaml: string; end: number } | undefined {
  const match = FRONT_MATTER.exec(text);
  return match ? { yaml: match[1] ?? '', end: match[0].length } : undefined;
}
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([^]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Markdown with its markup blanked: leading container markers and bullets, headings' `#`, and every `*`. */
export function blankMarkdown(text: string): string {
  // Two linear replaces, not a loop pushing a character at a time (0.3 s on a hostile megabyte).
  return text.replace(LINE_MARKERS, (markers) => ' '.repeat(markers.length)).replaceAll('*', ' ');
}
/** At a line's start (after \n or \r only): indentation, `>`, `#` and list bullets followed by a space or tab. */
const LINE_MARKERS = /(?<=^|[\n\r])(?:[ \t>#]|[-+*](?=[ \t]))+/g;

/** Element nesting past which the HTML parser is not trusted: its open-element stack grows at the front, so each tag costs the depth. */
export const MAX_HTML_NESTING = 10_000;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Why the HTML parser should not see `text`, or undefined when it is safe. Linear. */
export function htmlHazard(text: string): string | undefined {
  let depth = 0;
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', open + 1)) {
    const next = text.charCodeAt(open + 1);
    if (next === 47 /* / */) {
      if (depth > 0) depth--;
      continue;
    }
    // Only a letter starts a tag name; "<!--", "<!DOCTYPE" and "a < b" open nothing.
    if (!((next >= 65 && next <= 90) || (next >= 97 && next <= 122))) continue;
    let end = open + 1;
    while (end < text.length && /[A-Za-z0-9-]/.test(text[end]!)) end++;
    if (VOID_ELEMENTS.has(text.slice(open + 1, end).toLowerCase())) continue;
    if (++depth > MAX_HTML_NESTING) return 'too deeply nested';
  }
  return undefined;
}

/** HTML with every tag and comment blanked (line breaks kept). */
export function blankHtml(text: string): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('<', at);
    if (open < 0) break;
    const isComment = text.startsWith('<!--', open);
    const close = isComment ? text.indexOf('-->', open + 4) : text.indexOf('>', open + 1);
    const end = close < 0 ? text.length : close + (isComment ? 3 : 1);
    // A lone "<" in prose ("a < b") is not a tag.
    if (!isComment && !/[A-Za-z/!?]/.test(text[open + 1] ?? '')) {
      out.push(text.slice(at, open + 1));
      at = open + 1;
      continue;
    }
    out.push(text.slice(at, open), text.slice(open, end).replace(/[^\r\n]/g, ' '));
    at = end;
  }
  out.push(text.slice(at));
  return out.join('');
}

/** `original` checked as plain text with its markup blanked, reported under its own format. */
export function plainFallback(path: string, original: string, format: Format, blanked: string): Document {
  const doc = loadText(path, blanked);
  const map = new OffsetMap(original);
  map.anchor(0, 0);
  return { ...doc, format, original, map };
}
