/**
 * Splits a Document's prose into claims: its sentences (sentences.ts), a paragraph at a time.
 * Headings are not claims, nor is a title run into the first sentence of a paragraph
 * ("Diplomatic Visit and Strategic Intent Larijani made…" — the claim starts at "Larijani").
 */
import type { Document } from '../input/document.js';
import type { Claim } from './claim.js';
import { isSpace, startsUpper } from './chars.js';
import { CHECKWORTHY_THRESHOLD, claimFeatures, namesInWords, wordsOfClaim, type Word } from './features.js';
import { documentNotes, type Notes } from './notes.js';
import { uncovered } from './ranges.js';
import { sentenceSpans } from './sentences.js';

/** A sentence that is only a bracketed group, "(IRNA +1)." or "[Wikipedia]": it belongs to the sentence before it. */
const BRACKETED_ONLY = /^[([][^()[\]]*[)\]][.;,]?$/;
/** Footnote markers and tags the sentence splitter puts at the start of the next sentence: "[2][3] It was…", "[^4] It was…". */
const LEADING_MARKERS = /^(?:\[\d{1,3}\]|\[\^[^\]\s]{1,40}\]|\[[a-z ]{1,30}\]|\^\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)+/;

/**
 * Chatbot residue after a sentence's end: "…the Suez Canal. citeturn0search3 The canal earned…"
 * is two sentences (the lowercase marker hid the end from retext); ":contentReference[oaicite:4]
 * {index=4}" alone after a full stop is no sentence of its own, but the one before's.
 */
const RESIDUE = String.raw`(?:cite(?:turn\d+[a-z]+\d+)+|turn\d+(?:search|news)\d+|:contentReference\[oaicite:\d+\]\{index=\d+\}|【\d+(?::\d+)?†[^】
]{0,80}】|\[cite:\s?\d+(?:,\s?\d+)*\])`;
const END_THEN_RESIDUE = new RegExp(String.raw`[.!?]["”’)]?\s+(?:${RESIDUE}\s*)+(?=["“(]?\p{Lu})`, 'gu');
const RESIDUE_ONLY = new RegExp(String.raw`^(?:${RESIDUE}\s*)+[.;,]?$`, 'u');

/** Cuts spans after residue that follows a sentence's end; most spans have no "cite" or "【" in them. */
function splitAfterResidue(text: string, spans: Array<[number, number]>): Array<[number, number]> {
  const cut: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    const sentence = text.slice(start, end);
    if (!sentence.includes('cite') && !sentence.includes('【') && !sentence.includes('turn')) { cut.push([start, end]); continue; }
    let from = start;
    for (const match of sentence.matchAll(END_THEN_RESIDUE)) {
      const at = start + match.index + match[0].length;
      let sentenceEnd = at;
      while (sentenceEnd > from && isSpace(text.charCodeAt(sentenceEnd - 1))) sentenceEnd--;
      cut.push([from, sentenceEnd]);
      from = at;
    }
    cut.push([from, end]);
  }
  return cut;
}

/**
 * "About Northwind Robotics", "About the Company", "About Us": a press release's (or a page's)
 * closing boilerplate heading. Not "About the agreement", an explainer's section.
 */
const ABOUT_HEADING = /^(?:#+\s*)?About (?:[Tt]he (?:[Cc]ompany|[Aa]uthors?|[Oo]rgani[sz]ation|[Ff]irm|[Pp]ublisher|[Ff]oundation)|[Uu]s|(?!the\b|The\b)\p{Lu}[^.!?\n]{0,60})$/u;

/** Titles before a name that retext takes for a sentence's end (it knows "Sen.", "Gov.", "Dr."). */
const TITLE_BEFORE_NAME = /(?:^|[\s(])(?:Sens|Reps|Govs|Gens|Drs|Profs|Adm|Adms|Insp|Det|Cmdr|Lts|Cols|Majs|Capts|Sgts|Mmes)\.\s*$/;

/** `notes`: the document's footnotes (documentNotes), whose lines are no claims. */
export function findClaims(doc: Document, notes: Notes = documentNotes(doc)): Claim[] {
  const claims: Claim[] = [];
  // Under a press release's "About Northwind Robotics" heading: the company's boilerplate, no claims.
  let about = false;
  doc.blocks.forEach((block, blockIndex) => {
    if (block.kind === 'heading') {
      about = ABOUT_HEADING.test(doc.text.slice(block.start, Math.min(block.end, block.start + 81)));
      return;
    }
    if (about) return;
    let previous: Claim | null = null;
    let first = true;
    const spans = notes.regions.length === 0
      ? sentenceSpans(doc.text, block.start, block.end)
      : uncovered(notes.regions, block.start, block.end).flatMap(([from, to]) => sentenceSpans(doc.text, from, to));
    for (const [sentenceStart, end] of splitAfterResidue(doc.text, spans)) {
      let start = sentenceStart;
      const text = doc.text.slice(start, end);
      if ((opensWithBracket(text) && BRACKETED_ONLY.test(text.trim())) || RESIDUE_ONLY.test(text.trim())) {
        if (previous) {
          previous.end = end;
          previous.text = doc.text.slice(previous.start, end);
        }
        continue;
      }
      // "…two Republicans, Sens. | Rand Paul and Thom Tillis": retext ends a sentence at a title it does not know.
      // (Up to a sentence's length: a hostile run of "Sens. A Sens. B …" must not grow one claim, re-sliced at every step.)
      if (previous && previous.block === blockIndex && previous.end - previous.start < 2000 && TITLE_BEFORE_NAME.test(previous.text.slice(-12)) && startsUpper(text.trimStart())) {
        previous.end = end;
        previous.text = doc.text.slice(previous.start, end);
        continue;
      }
      const markers = previous && opensWithMarker(text) ? LEADING_MARKERS.exec(text) : null;
      if (markers && previous) {
        previous.end = start + markers[0].length;
        previous.text = doc.text.slice(previous.start, previous.end);
        start += markers[0].length;
        while (start < end && /\s/.test(doc.text[start]!)) start++;
        // Markers and nothing after them ("…in 2024.^2" at a paragraph's end): no claim of their own.
        if (start === end) continue;
      }
      if (first) start += runInTitleLength(text);
      first = false;
      // Its id now, while it is young: claims are never dropped once made, so this is its place
      // in the list. (Set in a later pass, on tens of thousands of claims already in the old
      // generation, each store took V8's slow marking barrier: 60 ms on a hostile megabyte.)
      previous = makeClaim(`c${claims.length + 1}`, doc.text.slice(start, end), start, end, blockIndex);
      claims.push(previous);
    }
  });
  // Each claim is split into words once, for the names and for its features.
  const words = claims.map(wordsOfClaim);
  const names = namesInWords(words);
  claims.forEach((claim, index) => scoreClaim(claim, names, words[index]!));
  return claims;
}

/** Superscript digits ¹²³⁴⁵⁶⁷⁸⁹⁰, which footnote markers are written with. */
function isSuperscript(code: number): boolean {
  return code === 0xb9 || code === 0xb2 || code === 0xb3 || code === 0x2070 || (code >= 0x2074 && code <= 0x2079);
}

/** LEADING_MARKERS starts with "[", "^" or a superscript. */
function opensWithMarker(text: string): boolean {
  const code = text.charCodeAt(0);
  return code === 91 || code === 94 || isSuperscript(code);
}

/** True when the first character after white space is "(" or "[": only then can a sentence be BRACKETED_ONLY. */
function opensWithBracket(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 40 || text.charCodeAt(i) === 91;
}

function makeClaim(id: string, text: string, start: number, end: number, block: number): Claim {
  return { id, start, end, text, block, features: [], score: 0, checkworthy: false, citationIds: [], supported: false };
}

function scoreClaim(claim: Claim, names: ReadonlySet<string>, words: readonly Word[]): void {
  const { features, score } = claimFeatures(claim.text, names, words);
  claim.features = features;
  claim.score = score;
  claim.checkworthy = score >= CHECKWORTHY_THRESHOLD;
}

const MINOR_WORDS = new Set(['and', 'of', 'the', 'in', 'for', 'to', 'a', 'an', 'on', 'with', 'at', 'by', 'vs', 'or', '&']);
const TITLE_WORD = /^(\p{Lu}[\p{L}’'-]*:?|&|[a-z]+)$/u;
/** Words inside a name ("Mohammed bin Salman", "Mohammed Bin Salman", "Ursula von der Leyen"): no cut next to one. */
const NAME_PARTICLES = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'de', 'van', 'von', 'da', 'di', 'du', 'del', 'della', 'der', 'ter', 'le', 'la', 'abu', 'bani']);

/** "Then-Secretary", "Ex-President": the title after the prefix. */
const TIME_PREFIX = /^(?:then|ex|vice)-/i;
/** Words that open an office's title ("Secretary of State", "Chancellor of the Exchequer"): a run that opens with one names its holder. */
const TITLE_OPENERS = new Set([
  'Secretary', 'Secretary-General', 'Under', 'Minister', 'Chancellor', 'President', 'Prime', 'Vice', 'Deputy', 'Foreign', 'Defense', 'Defence',
  'Interior', 'Finance', 'Attorney', 'Governor', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Speaker', 'Mayor', 'Chief', 'Director',
  'General', 'Gen.', 'Admiral', 'Adm.', 'Commissioner', 'Ambassador', 'Judge', 'Justice', 'King', 'Queen', 'Crown', 'Prince', 'Princess',
  'Sheikh', 'Emir', 'Supreme', 'Chairman', 'Chairwoman', 'Chair', 'Head', 'Lord', 'Leader', 'First',
]);

/**
 * The length of a headline run into a sentence: a Title Case run of at least three words that
 * has a joining word ("and", "of", ":") in it, then the sentence's capitalised subject and a
 * lowercase word. Conservative, so "Prime Minister Benjamin Netanyahu said" keeps its subject.
 */
export function runInTitleLength(sentence: string): number {
  // Words are read as the loop needs them (it looks only backwards), up to 16.
  const pattern = /\S+/g;
  const words: RegExpExecArray[] = [];
  let joined = false;
  for (let i = 0, match; i < 16 && (match = pattern.exec(sentence)); i++) {
    words.push(match);
    const word = match[0];
    if (!TITLE_WORD.test(word)) return 0;
    const lower = word.toLowerCase();
    if (MINOR_WORDS.has(lower)) {
      if (i === 0 || word !== lower) continue;
      joined = true;
      continue;
    }
    if (word.endsWith(':')) joined = true;
    if (startsUpper(word)) continue;
    // First lowercase word that is not a joining word: the one before it is the subject.
    if (i >= 4 && joined && !NAME_PARTICLES.has(word) && startsUpper(words[i - 1]![0]) && !MINOR_WORDS.has(words[i - 2]![0].toLowerCase()) && !NAME_PARTICLES.has(words[i - 2]![0].toLowerCase())) {
      // "Secretary of State Antony Blinken met", "Former US Secretary of Defense Lloyd Austin said": a title and a name, no headline.
      if (words.slice(0, 3).some((opening) => TITLE_OPENERS.has(opening[0].replace(TIME_PREFIX, '')))) return 0;
      return words[i - 1]!.index!;
    }
    return 0;
  }
  return 0;
}
