/** Name normalization shared by every registry look-up: one key per way of writing a name. */

const MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * A pure function that remembers its answers by input: a run asks about the same few hundred
 * names and links many thousand times. Bounded (forgets everything when full), so memory never
 * grows with the input. `compute` must not return undefined, which marks a miss.
 *
 * Remembering only pays when inputs repeat. A flood of distinct ones (a hostile line of 80,000
 * reference links) gets nothing back for each answer kept but its cost: a copy of the input,
 * a map slot, and collections of both (on such a line, an eighth of the run). So every WINDOW
 * answers kept, the hits since are counted; under one for every two answers kept, nothing
 * new is kept for a while (answers kept still answer), and the pause doubles each time the
 * next window does no better. A `costly` computation always keeps: one hit repays many.
 */
export function remembered<V>(compute: (input: string) => V, limit = 50_000, costly = false): (input: string) => V {
  const answers = new Map<string, V>();
  let hits = 0;
  let kept = 0;
  let pause = 0;
  let nextPause = WINDOW;
  return (input) => {
    let answer = answers.get(input);
    if (answer !== undefined) {
      hits++;
      return answer;
    }
    answer = compute(input);
    if (pause > 0) {
      // Hits during the pause were on older answers: the next window counts its own.
      if (--pause === 0) hits = 0;
      return answer;
    }
    if (answers.size >= limit) answers.clear();
    answers.set(ownCopy(input), answer);
    if (++kept === WINDOW) {
      if (hits * 2 < kept && !costly) {
        pause = nextPause;
        nextPause *= 2;
      } else {
        nextPause = WINDOW;
      }
      hits = 0;
      kept = 0;
    }
    return answer;
  };
}
const WINDOW = 1_000;

/**
 * An equal string that shares no memory with `text`: a name sliced from an article would
 * otherwise keep the whole article alive for as long as it is remembered.
 */
function ownCopy(text: string): string {
  // V8 copies the characters of any slice or concatenation shorter than 13 (it only shares
  // memory above that), so most words are their own copy already, and the round trip is spared.
  return text.length < 13 ? text : JSON.parse(JSON.stringify(text)) as string;
}

/** "The Times of Israel" → "times of israel"; "Caliber.az" → "caliber az"; "IRNA-English" → "irna english". */
export function nameKey(name: string): string {
  // Plain words (ASCII letters, single spaces) need only lowercasing: no cache look-up, which a
  // flood of distinct words (a hostile input, an archive's names) would only fill and clear.
  if (PLAIN_WORDS.test(name)) {
    const key = name.toLowerCase();
    return key.startsWith('the ') ? key.slice(4) : key;
  }
  return rememberedKey(name);
}
const PLAIN_WORDS = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
const rememberedKey = remembered(makeKey);

function makeKey(name: string): string {
  const key = decomposed(name).replace(MARKS, '').toLowerCase().replace(/[’']s\b/g, 's').replace(NON_WORD, ' ').trim();
  return key.startsWith('the ') ? key.slice(4) : key;
}

/**
 * NFKD, skipped for text it leaves as it is: ASCII and the curly quotes and dashes of news copy
 * have no decomposition, and a start-up that never normalizes never loads ICU's tables (~5 ms).
 */
function decomposed(text: string): string {
  return NOTHING_TO_DECOMPOSE.test(text) ? text : text.normalize('NFKD');
}
const NOTHING_TO_DECOMPOSE = /^[\0-\x7f\u2013\u2014\u2018\u2019\u201c\u201d]*$/;

/** Words an outlet adds for an edition or channel: "IRNA English", "Al Jazeera Arabic". */
const EDITION_WORDS = new Set(['english', 'arabic', 'persian', 'farsi', 'french', 'russian', 'turkish', 'urdu', 'online', 'live', 'digital', 'international', 'world', 'news', 'website', 'com']);

/** The key without trailing edition words, or null when there are none to drop. */
export function withoutEdition(key: string): string | null {
  const words = key.split(' ');
  let end = words.length;
  while (end > 1 && EDITION_WORDS.has(words[end - 1]!)) end--;
  return end < words.length ? words.slice(0, end).join(' ') : null;
}

/** "https://en.irna.ir/news/1" → "en.irna.ir"; null for anything that is not an http(s) URL or a bare host. */
export const hostOf: (href: string) => string | null = remembered(parseHost, 20_000);

/**
 * An http(s) URL whose host is plain ASCII labels, the last one not a number: the URL standard
 * only lowercases such a host (no IDNA, no IPv4 forms, no port or user to check), so it is read
 * here without the cost of a URL parser. Anything else goes to the parser.
 */
const PLAIN_HTTP = /^https?:\/\/((?:(?!xn--)[a-z0-9-]+\.)*(?!xn--)[a-z][a-z0-9-]*\.?)(?:[/?#]|$)/i;

function parseHost(href: string): string | null {
  let candidate = href.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(candidate)) candidate = `https://${candidate}`;
  const plain = PLAIN_HTTP.exec(candidate);
  if (plain) return siteHost(plain[1]!);
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return siteHost(url.hostname);
  } catch {
    return null;
  }
}

function siteHost(hostname: string): string | null {
  return hostname.toLowerCase().replace(/^www\d?\./, '').replace(/\.$/, '') || null;
}

/** Compares partial ISO dates where both are known: "2013-09" vs "2013-09-12" → 0. */
export function compareDates(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  // Digits and hyphens in one layout: code-unit order is date order, without ICU's collator
  // (whose first use costs a cold start ~10 ms).
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  return left < right ? -1 : left > right ? 1 : 0;
}
