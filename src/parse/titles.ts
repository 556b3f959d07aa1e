/**
 * The vocabulary of titles: which word runs name an office ("foreign minister", "Secretary of
 * the Supreme National Security Council"), one canonical key per office however it is phrased,
 * and the modifiers that change what a title claims ("former", "acting", "deputy"). Data, not
 * logic: the built-in phrases below plus every office phrase in the fact registry.
 */
import { BoundedCache, WordShapes } from './chars.js';

/** Words with accents or curly apostrophes, normalized once each. */
const normalizedWords = new BoundedCache<string>();

/** A word as phrases are matched: lowercase, no accents, one spelling for variants. */
export function normWord(word: string): string {
  // Plain ASCII has no accents to strip and no curly apostrophe: lowercasing is all there is to do.
  const lower = isAscii(word) ? word.toLowerCase() : normalizedWords.get(word, withoutAccents);
  return SPELLING_SHAPES.mayHave(lower) ? SPELLINGS.get(lower) ?? lower : lower;
}

function withoutAccents(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/’/g, "'");
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return false;
  return true;
}
const SPELLINGS = new Map([['advisor', 'adviser'], ['defense', 'defence'], ['counselor', 'counsellor'], ['organisation', 'organization']]);
const SPELLING_SHAPES = new WordShapes(SPELLINGS.keys());

/** Titles the registry may not list; registry office phrases are added to these at run time. */
export const BUILTIN_TITLES: readonly string[] = Object.freeze([
  'president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'sultan', 'crown prince', 'supreme leader',
  'foreign minister', 'minister of foreign affairs', 'foreign affairs minister', 'minister for foreign affairs', 'foreign secretary',
  'secretary of state', 'top diplomat', 'chief diplomat', 'defence minister', 'minister of defence', 'defence secretary',
  'secretary of defence', 'secretary of state for defence', 'war secretary', 'secretary of war', 'pentagon chief',
  'national security adviser', 'security council secretary', 'secretary of the security council', 'speaker', 'speaker of parliament',
  'ambassador', 'envoy', 'special envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary-general', 'secretary general',
  'chief of staff', 'army chief', 'chief justice', 'attorney general', 'governor', 'mayor', 'senator',
]);

/** Different phrasings of one office, by canonical phrase (words normalized, "the" dropped). */
const SAME_OFFICE = new Map(Object.entries({
  'top diplomat': 'foreign minister', 'chief diplomat': 'foreign minister', 'foreign secretary': 'foreign minister',
  'secretary of state': 'foreign minister', 'secretary of state for foreign affairs': 'foreign minister',
  'defence secretary': 'defence minister', 'secretary of defence': 'defence minister', 'secretary of state for defence': 'defence minister',
  'war secretary': 'defence minister', 'secretary of war': 'defence minister', 'pentagon chief': 'defence minister',
  premier: 'prime minister', 'secretary general': 'secretary-general', spokeswoman: 'spokesperson', spokesman: 'spokesperson',
  'speaker of parliament': 'speaker', 'security council secretary': 'secretary of security council',
}));

/** Heads of a generic title: "interior minister", "Minister of Oil", "Secretary of the … Council". */
export const TITLE_HEADS: ReadonlySet<string> = new Set(['minister', 'secretary', 'adviser']);
export const OF_HEADS: ReadonlySet<string> = new Set([
  'minister', 'secretary', 'secretary-general', 'head', 'chief', 'chairman', 'chairwoman', 'chair', 'director', 'commander', 'governor', 'speaker', 'president', 'adviser',
]);
/** Portfolio words: "interior minister", "Minister of Foreign Affairs". */
export const PORTFOLIOS: ReadonlySet<string> = new Set([
  'foreign', 'affairs', 'defence', 'interior', 'home', 'finance', 'economy', 'economic', 'treasury', 'oil', 'petroleum', 'energy',
  'health', 'justice', 'education', 'trade', 'commerce', 'industry', 'agriculture', 'culture', 'intelligence', 'labour', 'labor',
  'transport', 'communications', 'housing', 'environment', 'tourism', 'information', 'armed', 'forces', 'state', 'security',
  'national', 'public', 'works', 'water', 'electricity', 'planning', 'investment', 'digital', 'youth', 'sports', 'religious',
  'endowments', 'science', 'technology', 'migration', 'heritage', 'social', 'welfare', 'strategic', 'war', 'logistics', 'and',
]);
/** Words that end the name of a body: "Supreme National Security Council", "Atomic Energy Organization". */
export const BODY_WORDS: ReadonlySet<string> = new Set([
  'council', 'ministry', 'committee', 'agency', 'organization', 'office', 'bureau', 'department', 'forces', 'service', 'court',
  'assembly', 'parliament', 'party', 'bank', 'commission', 'authority', 'guard', 'guards', 'corps', 'staff', 'army', 'navy',
  'police', 'directorate', 'secretariat', 'foundation', 'institute', 'union', 'league', 'front', 'movement', 'majlis', 'senate',
  'cabinet', 'government', 'snsc',
]);

/** What a modifier does to a title's claim. */
export type ModifierKind = 'past' | 'future' | 'rank' | 'acting' | 'current';
export const MODIFIERS: ReadonlyMap<string, ModifierKind> = new Map(Object.entries({
  former: 'past', 'ex-': 'past', 'then-': 'past', late: 'past', ousted: 'past', deposed: 'past', toppled: 'past', overthrown: 'past', slain: 'past', assassinated: 'past',
  incoming: 'future', designate: 'future', elect: 'future',
  deputy: 'rank', vice: 'rank', assistant: 'rank',
  acting: 'acting', interim: 'acting', caretaker: 'acting',
  'newly appointed': 'current', new: 'current', current: 'current', sitting: 'current', outgoing: 'current',
} satisfies Record<string, ModifierKind>));

export function modifierKinds(modifiers: readonly string[]): Set<ModifierKind> {
  return new Set(modifiers.map((modifier) => MODIFIERS.get(modifier)).filter((kind): kind is ModifierKind => kind !== undefined));
}

/**
 * One key per office however it is phrased: "Minister of Foreign Affairs", "foreign minister" and
 * "top diplomat" → "foreign minister"; "SNSC secretary" → "secretary of snsc". Input: normalized words.
 */
export function canonicalTitle(words: readonly string[]): string {
  let w = words.filter((word) => word !== 'the');
  const joined = w.join(' ');
  if (SAME_OFFICE.has(joined)) return SAME_OFFICE.get(joined)!;
  // "minister of foreign affairs", "minister for defence" → "foreign minister", "defence minister".
  if (w[0] === 'minister' && (w[1] === 'of' || w[1] === 'for') && w.length > 2) w = [...w.slice(2), 'minister'];
  if (w.length > 2 && w[w.length - 2] === 'affairs' && w[w.length - 1] === 'minister') w = [...w.slice(0, -2), 'minister'];
  // "X ministry" (who heads the foreign ministry) → "X minister".
  if (w.length > 1 && w[w.length - 1] === 'ministry') w = [...w.slice(0, -1), 'minister'];
  if (w[0] === 'ministry' && w[1] === 'of' && w.length > 2) return canonicalTitle([...w.slice(2), 'minister']);
  // "<body> secretary|chief|head" → "secretary of <body>" / "head of <body>".
  const last = w[w.length - 1]!;
  if (w.length > 1 && (last === 'secretary' || last === 'chief' || last === 'head' || last === 'chairman') && w.slice(0, -1).some((word) => BODY_WORDS.has(word))) {
    w = [last === 'chief' ? 'head' : last, 'of', ...w.slice(0, -1)];
  }
  if (w[0] === 'chief' && w[1] === 'of' && w[2] !== 'staff') w = ['head', ...w.slice(1)];
  // "Secretary-General of the Supreme National Security Council" is that council's secretary.
  if (w[0] === 'secretary-general' && w[1] === 'of' && w.slice(2).some((word) => BODY_WORDS.has(word))) w = ['secretary', ...w.slice(1)];
  const key = w.join(' ');
  return SAME_OFFICE.get(key) ?? key;
}

/**
 * True when two canonical titles name the same office: equal, or "head of X" (from "X, who heads
 * Y") against any title of the same body ("secretary of X", "X minister").
 */
export function sameTitle(a: string, b: string): boolean {
  if (a === b) return true;
  const headOf = (head: string, other: string) => {
    if (!head.startsWith('head of ')) return false;
    const body = head.slice(8);
    return other.endsWith(` of ${body}`) || other.startsWith(`${body} `);
  };
  return headOf(a, b) || headOf(b, a);
}

/** Other titles "head of X" may stand for, to find the office in the registry. */
export function headAlternatives(key: string): string[] {
  if (!key.startsWith('head of ')) return [key];
  const body = key.slice(8);
  return [key, `secretary of ${body}`, `chairman of ${body}`, `secretary-general of ${body}`];
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

/**
 * Multi-word phrases over normalized words, matched longest-first at one position in time
 * proportional to the phrase length. "the" inside a text phrase is skipped unless the phrase has it.
 */
export class PhraseIndex<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };
  private longestPhrase = 0;

  add(words: readonly string[], value: T): void {
    const kept = words.filter((word) => word !== 'the');
    if (kept.length === 0) return;
    let node = this.root;
    for (const word of kept) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map(), values: [] }));
      node = child;
    }
    if (!node.values.includes(value)) node.values.push(value);
    this.longestPhrase = Math.max(this.longestPhrase, kept.length);
  }

  /** The words a phrase can start with. */
  firstWords(): IterableIterator<string> {
    return this.root.next.keys();
  }

  /** The longest phrase starting at `words[start]`: its end (exclusive) and values. */
  longest(words: readonly string[], start: number): { end: number; values: readonly T[] } | null {
    let node = this.root;
    let best: { end: number; values: readonly T[] } | null = null;
    let matched = 0;
    for (let i = start; i < words.length && matched < this.longestPhrase; i++) {
      const word = words[i]!;
      if (word === 'the' && i > start) continue;
      const child = node.next.get(word);
      if (!child) break;
      node = child;
      matched++;
      if (node.values.length > 0) best = { end: i + 1, values: node.values };
    }
    return best;
  }
}
