/**
 * Names in running text: the proper-name runs ("Mehr News Agency", "Caliber.az",
 * "The Times of Israel") that citations are made of, and what kind of thing a name is.
 * Everything here is a bounded, forward scan: no pattern can backtrack over user text.
 */

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Words that may sit inside a name without a capital: "Times of Israel", "Institute for the Study of War". */
const CONNECTORS = new Set(['of', 'the', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'van', 'von', 'for', 'y', '&', 'on']);
const WORD = /[\p{L}\p{N}&][\p{L}\p{N}\p{M}.’'&-]*/uy;
const MAX_NAME_WORDS = 8;

/** A word of a name: capitalised, a number-led token ("9News"), or an Arabic article prefix ("al-Araji"). */
export function isNameWord(word: string): boolean {
  // Most words start with an ASCII letter: answered without a Unicode regex.
  const first = word.charCodeAt(0);
  if (first >= 65 && first <= 90) return true;
  if (first >= 97 && first <= 122 && !word.includes('-')) return false;
  // A name has a letter in it: "9News" is a name, "1" (a second chip's count) is not.
  if (!/\p{L}/u.test(word)) return false;
  return /^[\p{Lu}\p{N}]/u.test(word) || /^(al|el|ad|ar|as|ash|at|an|az)-\p{Lu}/u.test(word);
}

/** Reads the word starting at `index` (skipping nothing); null when none starts there. */
export function wordAt(text: string, index: number): Span | null {
  WORD.lastIndex = index;
  const match = WORD.exec(text);
  if (!match) return null;
  let word = match[0];
  // A trailing full stop ends the sentence unless the word is an abbreviation or a domain ("U.S.", "Caliber.az").
  while (/[.’'-]$/.test(word) && !/^(\p{L}\.)+$/u.test(word)) word = word.slice(0, -1);
  return word ? { text: word, start: index, end: index + word.length } : null;
}

/**
 * The name that starts at `index`: name words joined by spaces and connectors, never ending on
 * a connector. Null when `index` does not start a name.
 */
export function nameAt(text: string, index: number, limit = text.length): Span | null {
  let end = -1;
  let at = index;
  let words = 0;
  while (at < limit && words < MAX_NAME_WORDS) {
    const word = wordAt(text, at);
    if (!word || word.end > limit) break;
    const lower = word.text.toLowerCase();
    const connector = words > 0 && CONNECTORS.has(lower) && word.text === lower;
    if (!connector && !isNameWord(word.text)) break;
    words++;
    if (!connector) end = word.end;
    at = word.end;
    const gap = spacesAfter(text, at, limit);
    if (gap === at || gap >= limit) break;
    at = gap;
  }
  if (end < 0) return null;
  // "The Times of Israel": a leading "The" belongs to the name; a leading connector does not.
  return { text: text.slice(index, end), start: index, end };
}

/**
 * Name words are joined by one space, or by up to four where a hard-wrapped line was joined
 * ("Tasnim News  \r\nAgency" reads as "Tasnim News    Agency"): where the run ends.
 */
const MAX_GAP = 4;

function spacesAfter(text: string, at: number, limit: number): number {
  let gap = at;
  while (gap < limit && gap - at < MAX_GAP && text[gap] === ' ') gap++;
  return gap;
}

function spacesBefore(text: string, at: number, floor: number): number {
  let gap = at;
  while (gap > floor && at - gap < MAX_GAP && text[gap - 1] === ' ') gap--;
  return gap;
}

function endsSentence(word: string): boolean {
  return word.endsWith('.') && word.length > 4 && !/^(?:\p{L}\.)+$/u.test(word);
}

/** The name that ends at `end` (exclusive), read backwards over name words. */
export function nameEndingAt(text: string, end: number, floor = 0): Span | null {
  let start = -1;
  let at = end;
  let words = 0;
  while (at > floor && words < MAX_NAME_WORDS) {
    let wordStart = at;
    while (wordStart > floor && isWordChar(text, wordStart - 1)) wordStart--;
    if (wordStart === at) break;
    const word = text.slice(wordStart, at);
    // "The Athletic. The Athletic said": a full stop after a whole word ends the sentence before
    // the name ("U.S.", "St." and "Caliber.az" are words of names).
    if (at < end && endsSentence(word)) break;
    const lower = word.toLowerCase();
    const connector = CONNECTORS.has(lower) && word === lower;
    if (!connector && !isNameWord(word)) break;
    // A connector never starts a name read backwards: "the Kurdistan Chronicle" is Kurdistan Chronicle.
    if (!connector) start = wordStart;
    if (connector && start < 0) break;
    words++;
    at = wordStart;
    const gap = spacesBefore(text, at, floor);
    if (gap === at) break;
    at = gap;
  }
  if (start < 0) return null;
  const span = text.slice(start, end);
  return { text: span, start, end };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}.’'&-]/u;

/** The code unit at `index` can be part of a name word (a letter, digit, mark, or . ’ ' & -). */
function isWordChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 46 || code === 39 || code === 38 || code === 45;
  return WORD_CHAR.test(text[index]!);
}

const OUTLET_WORDS = new Set([
  'news', 'times', 'post', 'press', 'tv', 'television', 'radio', 'daily', 'herald', 'journal', 'gazette', 'tribune',
  'network', 'broadcasting', 'media', 'channel', 'magazine', 'chronicle', 'observer', 'telegraph', 'monitor', 'wire', 'online',
  'newspaper', 'review', 'weekly', 'today', 'express', 'insider', 'report', 'reporter', 'standard', 'star', 'sun', 'mail',
  'courier', 'dispatch', 'bulletin', 'newswire', 'tribune', 'voice', 'info', 'live', 'blog', 'podcast', 'wiki', 'pedia',
]);

/**
 * An agency is a news agency when its name says so ("Mehr News Agency", "Saudi Press Agency",
 * "Afghan Voice Agency"); "the Environment Agency" and "the International Energy Agency" are
 * public bodies, speaking for themselves. (Anadolu Agency and its like are in the registry.)
 */
const NEWS_AGENCY = new Set(['news', 'press', 'information', 'telegraph', 'telegraphic', 'voice', 'wire']);

function isNewsAgency(words: readonly string[]): boolean {
  return words.includes('agency') && words.some((word) => NEWS_AGENCY.has(word));
}

/** What follows "added" when a thing, not a remark, was added: "added three plants", "added about 3%". */
const THING_ADDED = /^(?:\d|[$€£¥]|(?:a|an|new|more|another|several|some|two|three|four|five|about|around|roughly|nearly|almost|over|up|just|only)$)/i;

/** Whether "added" before `word` adds a thing ("added three plants") rather than words ("added that…"). */
export function addsThing(word: string): boolean {
  return THING_ADDED.test(word);
}

/** True for a name shaped like an outlet: "Kurdistan Chronicle", "Caliber.az", "Shafaq News". */
export function looksLikeOutlet(name: string): boolean {
  if (/\.[a-z]{2,6}$/i.test(name)) return true;
  const words = name.toLowerCase().split(/[\s-]+/);
  return words.some((word) => OUTLET_WORDS.has(word) || word.endsWith('pedia') || word.endsWith('news')) || isNewsAgency(words);
}

const BODY_WORDS = new Set([
  'ministry', 'government', 'office', 'council', 'army', 'police', 'court', 'parliament', 'assembly', 'commission', 'committee',
  'department', 'authority', 'bank', 'forces', 'guard', 'corps', 'presidency', 'embassy', 'spokesman', 'spokesperson',
  'organization', 'organisation', 'union', 'nations', 'party', 'university', 'institute', 'foundation', 'who', 'un', 'nato', 'iaea',
]);

/** True for an official body quoted as a primary source: "the Foreign Ministry", "Iraq's Security Council". */
export function looksLikeBody(name: string): boolean {
  const words = name.toLowerCase().split(/[\s-]+/).map((word) => word.replace(/[’']s$/, ''));
  return words.some((word) => BODY_WORDS.has(word)) || (words.includes('agency') && !isNewsAgency(words));
}

/** True for a person's name: two or three capitalised words without outlet or body words ("Ali Larijani"), or one surname. */
export function looksLikePerson(name: string): boolean {
  if (looksLikeOutlet(name) || looksLikeBody(name)) return false;
  const words = name.split(' ');
  return words.length <= 4 && words.every((word) => /^(\p{Lu}[\p{Ll}’'-]+|al-\p{Lu}\p{Ll}+|bin|ibn|de|van|von)$/u.test(word));
}
