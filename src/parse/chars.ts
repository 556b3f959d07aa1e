/**
 * Character tests for the per-character scanners of this folder. Running a Unicode-property
 * regex on every character is what made those scanners slow, so each code unit is tested by
 * its regex once per run and the answer is kept in a table: same answers, one array read.
 */

/** No, yes; 0 means not tested yet. */
const NO = 1;
const YES = 2;

/**
 * `pattern.test(ch)` for a single UTF-16 code unit, as `pattern.test(text[i])` answers it (a
 * lone surrogate is never a letter). `pattern` must have no g or y flag.
 */
export function unitTest(pattern: RegExp): (code: number) => boolean {
  const known = new Uint8Array(0x10000);
  return (code) => {
    let answer = known[code]!;
    if (answer === 0) known[code] = answer = pattern.test(String.fromCharCode(code)) ? YES : NO;
    return answer === YES;
  };
}

/**
 * Whether `pattern` matches the code point that starts at text[i], as a /u regex walking the
 * text sees it, given as the units that code point takes (1, or 2 for a surrogate pair), or 0
 * when it does not match: a scanner steps over what matched without working out its length
 * again. A pair is asked of the regex (such characters are rare); any other unit, a lone
 * surrogate included, is answered from the table.
 */
export function pointMatch(pattern: RegExp): (text: string, i: number) => 0 | 1 | 2 {
  const unit = unitTest(pattern);
  return (text, i) => {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code)) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return pattern.test(text.slice(i, i + 2)) ? 2 : 0;
    }
    return unit(code) ? 1 : 0;
  };
}

/** `/\s/.test(ch)`: white space and line ends, as trim() removes them. */
export const isSpace = unitTest(/\s/);

/** True for the first unit of a surrogate pair, where a code point takes two units. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const upperUnit = unitTest(/\p{Lu}/u);
const lowerUnit = unitTest(/\p{Ll}/u);
const UPPER_FIRST = /^\p{Lu}/u;
const LOWER_FIRST = /^\p{Ll}/u;

/** `/^\p{Lu}/u.test(text)`: ASCII by range, other units from the table, a surrogate pair by the regex. */
export function startsUpper(text: string): boolean {
  if (text.length === 0) return false;
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return isHighSurrogate(code) ? UPPER_FIRST.test(text) : upperUnit(code);
}

/** `/^\p{Ll}/u.test(text)`. */
export function startsLower(text: string): boolean {
  if (text.length === 0) return false;
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return isHighSurrogate(code) ? LOWER_FIRST.test(text) : lowerUnit(code);
}

/** `/\d/.test(ch)` for one code unit: an ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `/^\d/.test(text)`: an ASCII digit first. */
export function startsDigit(text: string): boolean {
  return isDigit(text.charCodeAt(0));
}

/** True when `text` has an ASCII digit anywhere. */
export function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}

/**
 * A quick "certainly not in the list" for word look-ups. Hashing a word the first time it is
 * looked up costs more than the look-up itself, and most words of a sentence are in no list:
 * a word whose length, first two and last characters match no listed word is passed over
 * without hashing it. Never says no to a listed word.
 */
export class WordShapes {
  /** One bit per shape. */
  private readonly bits = new Uint32Array(1 << 15);

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const shape = shapeOf(word);
      this.bits[shape >>> 5]! |= 1 << (shape & 31);
    }
  }

  mayHave(word: string): boolean {
    const shape = shapeOf(word);
    return (this.bits[shape >>> 5]! & (1 << (shape & 31))) !== 0;
  }
}

/** Length (up to 31) and the low five bits of the first, second and last characters: 20 bits. */
function shapeOf(word: string): number {
  const length = Math.min(word.length, 31);
  const first = word.charCodeAt(0) & 31;
  const second = word.charCodeAt(1) & 31;
  const last = word.charCodeAt(word.length - 1) & 31;
  return (length << 15) | (first << 10) | (second << 5) | last;
}

/**
 * A Map that forgets everything once it holds `limit` entries: for per-run look-ups keyed by
 * words, whose answers never change but whose keys are unbounded over a long run.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit = 50_000) {}

  get(key: string, compute: (key: string) => V): V {
    const known = this.entries.get(key);
    if (known !== undefined || this.entries.has(key)) return known as V;
    if (this.entries.size >= this.limit) this.entries.clear();
    const value = compute(key);
    this.entries.set(key, value);
    return value;
  }
}
