/**
 * Sentences, as retext-english splits them. retext is asked only where it could disagree with a
 * plain reading: paragraphs are cut at plain sentence ends first, and a piece that can only be
 * one sentence is not parsed at all (property tests hold both to retext's own answers).
 * Paragraphs are parsed one at a time, and long ones in pieces: retext slows down on long
 * stretches.
 */
import type { Root, Sentence } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { isSpace } from './chars.js';

const parser = unified().use(retextEnglish);

/**
 * The sentences of text[start, end), a paragraph, as retext splits them: piece by piece, and
 * without retext for a piece that can only be one sentence.
 */
export function sentenceSpans(text: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const [pieceStart, pieceEnd] of pieces(text, start, end)) {
    let from = pieceStart;
    const piece = text.slice(pieceStart, pieceEnd);
    // exec on the shared pattern: matchAll would clone it for every paragraph.
    PLAIN_END.lastIndex = 0;
    for (let match = PLAIN_END.exec(piece); match; match = PLAIN_END.exec(piece)) {
      const word = match[1];
      const cut = pieceStart + match.index + match[0].length;
      if (word === undefined ? !ASCII_WORD.test(text.slice(from, cut)) : PREFIX_EXCEPTIONS.test(word.toLowerCase()) || CASED_EXCEPTIONS.test(word)) continue;
      pushSentences(spans, text, from, cut);
      from = cut;
    }
    pushSentences(spans, text, from, pieceEnd);
  }
  return spans;
}

function pushSentences(spans: Array<[number, number]>, text: string, start: number, end: number): void {
  const lone = loneSentence(text, start, end);
  spans.push(...(lone ? splitMissedEnds(text, lone[0], lone[1]) : parsedSentences(text, start, end)));
}

/**
 * A sentence end retext never runs on through: a whole word, hyphens and all (not an
 * abbreviation) or a closing bracket or quote, one terminal mark and at most one closing mark,
 * then white space and a capital (after ", “, ( or [ at most; the white space keeps a quote
 * mark from being taken for the close of the sentence before). parse-latin merges sentences
 * only at a lowercase, digit, comma or closing-mark start, after an abbreviation, or where a
 * sentence has no word (into the one before it, or the one after when it comes first): after a
 * bracket or quote the text since the last cut must have a word. Then the text either side
 * parses alone as it does together.
 */
const PLAIN_END = /(?:(?<=^|[\s(“"])([A-Za-z]+(?:-[A-Za-z]+)*)|[)”"’])[.!?]["'”’)\]»]?(?=\s+["“([]?[A-Z])/g;
/**
 * The words after which a full stop does not end a sentence for retext: parse-latin's Latin
 * abbreviations and parse-english's, lowercased, and parse-english's cased ones ("Mr", "Calif",
 * "Gen"), as of parse-latin 7 and parse-english 7 (MIT licensed).
 */
const PREFIX_EXCEPTIONS = new RegExp(
  '^(?:[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz|'
  + 't(?:hurs|bsp|sp)|s(?:e(?:pt|c)|q)|(?:tue|bbl|yd)s|thu|sep|tue|bbl|nov|aug|ju[ln]|(?:ap|h)r|(?:ja|su)n|m(?:ar|on|in)|'
  + '(?:sa|oc|[kpq])t|g(?:ro|al)|f(?:eb|ri|[lt])|d(?:ec|oz)|wed|l(?:bs|td)|inc?|mi|gr|yd|lb|oz|cu)$',
);
const CASED_EXCEPTIONS = new RegExp(
  '^(?:(?:Northant|Derby|S(?:hrop|taff)|W(?:ark|orc)|L(?:in|ei|an)c|C(?:amb|he)|Trea|York|B(?:uck|e(?:rk|d))|(?:Not|Wil)t|H(?:er|[au]n)t|Glo|Pre)s|'
  + 'Northumb|N(?:or(?:thd|f)|e(?:br|v)|atl)|M(?:(?:essr|as|se)s|i(?:ddx|nn|ch|ss)|ont|lle|s(?:gr|s)|ddx|(?:me|r)s?|a[jn]|ex|gr|o|d|e|s|[tx])?|'
  + 'Heref|P(?:enna|[ahot])|D(?:e(?:rbs|[lv])|r)|Westm|(?:Cali|Pro)f|S(?:a(?:lop|sk)|uff|om|e[cn]|[qrxy])|(?:Bldg|Kan)s?|Here|P(?:enn?|k)|'
  + 'St(?:af)?|W(?:isc|arw|yo)|C(?:umb|olo)|B(?:lvd|rig)|(?:Ok|F)la|(?:Pk|[FH])wy|A(?:r(?:iz|k)|lt?a|tty|m[bd])|(?:Cap|S(?:up|g)|On|Ru|U)t|'
  + '(?:Ter|Cd|D[ou]|Sn|J)r|(?:Oxo|Co[nr]|Ten|Ke|Ge|Ho)n|Wash|N(?:eb|at)|W(?:is|ar|o)|C(?:al|ol?)|Qu[e\u00E9]|I(?:ll|a)|Tex|G(?:ov|a)|Ind|'
  + 'R(?:te|e[pv]|d)|Ida|(?:Yu|Da)k|(?:Or|Av)e|Ssx|Ok|La|Br|Rt|Id|V[at]|Ky|Lt|F[rt])$',
);

/**
 * The one sentence retext would find in text[start, end), found without it, or null when in
 * doubt. parse-latin splits sentences only at its terminal marks (. ! ? … ‽) and at a blank
 * line, and merges only sentences split that way: so text with words in it, no blank line and
 * no terminal mark before its closing ones is one sentence, from its first character that is
 * not white space to its last. Astral characters are left to retext.
 */
function loneSentence(text: string, start: number, end: number): [number, number] | null {
  let first = start;
  while (first < end && isRetextSpace(text.charCodeAt(first))) first++;
  let last = end;
  while (last > first && isRetextSpace(text.charCodeAt(last - 1))) last--;
  let body = last;
  while (body > first && CLOSING_MARKS.includes(text[body - 1]!)) body--;
  const piece = text.slice(first, last);
  if (MAY_SPLIT.test(text.slice(first, body)) || BLANK_LINE.test(piece) || !HAS_WORD.test(piece)) return null;
  return [first, last];
}

/** parse-latin's white space, and what may close a lone sentence: its terminal marks, quotes and brackets. */
const RETEXT_SPACE = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const CLOSING_MARKS = '.!?\u2026\u203d"\'’”)]»';
/**
 * A terminal mark, or a surrogate (astral text is left to retext). A full stop or question mark
 * between two letters or digits ("$5.7 billion", "Caliber.az") is not one: parse-latin makes it
 * part of the word.
 */
const MAY_SPLIT = /[!\u2026\u203d\ud800-\udfff]|(?<![A-Za-z0-9])[.?]|[.?](?![A-Za-z0-9])/;
/** Two line breaks in one stretch of white space: parse-latin's implicit sentence break. */
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[\t\v\f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*[\r\n]/;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** A letter or digit every parser takes for part of a word. */
const ASCII_WORD = /[A-Za-z0-9]/;

function isRetextSpace(code: number): boolean {
  return code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code >= 0x85 && RETEXT_SPACE.test(String.fromCharCode(code));
}

/** The sentences of text[start, end) from one retext parse (and the ends it runs through). */
export function parsedSentences(text: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const tree = parser.parse(text.slice(start, end)) as Root;
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const node of paragraph.children) {
      if (node.type !== 'SentenceNode') continue;
      const position = (node as Sentence).position!;
      spans.push(...splitMissedEnds(text, start + position.start.offset!, start + position.end.offset!));
    }
  }
  return spans;
}

/**
 * retext slows down on long stretches: it parses 1 MB of news prose in about 0.13 s fed a
 * paragraph at a time, but 0.5 s in 128 KB stretches, and 1.3 s when the stretches are 32 KB of
 * hostile text without a sentence end. So a paragraph longer than MAX_PIECE (none in real news
 * comes near it) is parsed in pieces cut at sentence ends, and a run of over MAX_RUN characters
 * without one (no sentence in news is that long) is cut at a space.
 */
const MAX_PIECE = 8_192;
const MAX_RUN = 2_048;
/** A possible sentence end and the white space after it, before what can start a sentence. */
const SENTENCE_END = /[.!?]["”’)\]]*\s+(?=["“(]?\p{Lu})/gu;
/** Words a full stop follows inside a sentence ("Mr. Larijani", "Jan. 5", "Gen. Soleimani"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'cmdr', 'adm', 'maj', 'sgt', 'brig', 'sen', 'rep', 'gov', 'pres',
  'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'approx', 'est', 'fig', 'vol', 'ed', 'rev', 'hon',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);

/**
 * [start, end) as the spans retext parses: whole up to MAX_PIECE; else pieces ending at a
 * sentence end (not after an initial or an abbreviation), and runs without one cut at the last
 * space within MAX_RUN (or at MAX_RUN in a line without spaces, never inside a surrogate pair).
 * Each step scans at most MAX_PIECE characters and moves on, so this stays linear.
 */
export function pieces(text: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  while (end - start > MAX_PIECE) {
    const window = text.slice(start, start + MAX_PIECE);
    let cut = 0;
    for (const match of window.matchAll(SENTENCE_END)) {
      const next = match.index + match[0].length;
      if (next - cut > MAX_RUN) break;
      if (endsSentence(window, match.index)) cut = next;
    }
    if (cut === 0) cut = spaceCut(window);
    spans.push([start, start + cut]);
    start += cut;
  }
  spans.push([start, end]);
  return spans;
}

/** Whether the mark at `at` ends a sentence: a full stop after one letter or an abbreviation does not. */
function endsSentence(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 46) return true; // "!" or "?"
  let from = at;
  while (from > 0 && /\p{L}/u.test(text[from - 1]!)) from--;
  const word = text.slice(from, at);
  return word.length !== 1 && !ABBREVIATIONS.has(word.toLowerCase());
}

/** Where to cut a run without a sentence end: after its last space within MAX_RUN, else at MAX_RUN. */
function spaceCut(window: string): number {
  for (let i = MAX_RUN - 1; i >= 0; i--) if (isSpace(window.charCodeAt(i))) return i + 1;
  const code = window.charCodeAt(MAX_RUN);
  return code >= 0xdc00 && code <= 0xdfff ? MAX_RUN - 1 : MAX_RUN;
}

/**
 * Sentence ends retext runs on through: a superscript footnote after a full stop ("Switzerland.¹
 * It settled…") and a number or an amount closing a sentence ("at the age of 36. Her legacy…",
 * "budgeted $52,000. It could…").
 */
const MISSED_END = /(?:\s(?:[A-Z]{0,2}[$€£¥₹])?\d[\d,.]*%?\.|[.!?][”"’)]?[¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?=\s+[\p{Lu}“"])/gu;

/** Both forms of MISSED_END end on a full stop or a superscript with white space after it. */
const MAY_MISS_END = /[.¹²³⁴⁵⁶⁷⁸⁹⁰]\s/;

function splitMissedEnds(text: string, start: number, end: number): Array<[number, number]> {
  const sentence = text.slice(start, end);
  // Most sentences have no full stop inside them: no need to search them for a missed end.
  if (!MAY_MISS_END.test(sentence)) return [[start, end]];
  const pieces: Array<[number, number]> = [];
  let at = start;
  for (const match of sentence.matchAll(MISSED_END)) {
    const cut = start + match.index + match[0].length;
    pieces.push([at, cut]);
    at = cut;
    while (at < end && /\s/.test(text[at]!)) at++;
  }
  pieces.push([at, end]);
  return pieces;
}
