/**
 * Finds people and the titles the article gives them (see Mention). One pass over the claims:
 * each claim is split into words once, titles are matched longest-first from a phrase index,
 * and each title is bound to the name right after it ("foreign minister Ali Larijani") or to an
 * appositive name before it ("Ali Larijani, Iran's … Secretary …", "al-Araji – Iraq's …").
 * Then, in article order, surnames resolve to the full name given earlier, names to registry
 * people and titles to registry offices. Every look-around is a bounded number of words.
 */
import type { Document } from '../input/document.js';
import { nameKey } from '../registry/normalize.js';
import type { Registry } from '../registry/registry.js';
import type { Office } from '../registry/schema.js';
import type { Claim } from './claim.js';
import type { Mention } from './mention.js';
import {
  BODY_WORDS, BUILTIN_TITLES, MODIFIERS, OF_HEADS, PORTFOLIOS, PhraseIndex, TITLE_HEADS, canonicalTitle, headAlternatives, normWord,
} from './titles.js';
import { BoundedCache, WordShapes, isSpace, startsUpper, unitTest } from './chars.js';

export interface Token {
  /** The word as written, without a possessive "’s". */
  text: string;
  /** normWord(text), or the modifier a split-off prefix stands for ("ex-", "then-"). */
  norm: string;
  start: number;
  end: number;
  word: boolean;
  possessive: boolean;
  /** Set for "ex-" / "then-" / "vice-" / "-elect" split off a hyphenated word. */
  modifier?: string;
}

/** Letters, digits and marks, one code unit at a time (a lone surrogate is neither). */
const isAlnum = unitTest(/[\p{L}\p{N}\p{M}]/u);
/** ' ’ . - ‐ join two runs of letters into one word ("al-Araji", "U.S"). */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 46 || code === 45 || code === 0x2010;
}
/** "U.S", "U.K": letters joined by full stops. */
const INITIALS = /^(\p{L}\.)+\p{L}$/u;
const PREFIXES = ['ex-', 'then-', 'vice-'];
const SUFFIXES = ['-elect', '-designate'];

/** Words and punctuation of text[from, to), with absolute offsets. Linear: each character is read once or twice. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (!isAlnum(code)) {
      if (!isSpace(code)) tokens.push({ text: text[i]!, norm: text[i]!, start: i, end: i + 1, word: false, possessive: false });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const next = text.charCodeAt(j);
      if (isAlnum(next)) j++;
      else if (isJoiner(next) && j + 1 < to && isAlnum(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    // "U.S." keeps its last full stop (such a word has a full stop as its second character).
    if (text.charCodeAt(j) === 46 && text.charCodeAt(i + 1) === 46 && INITIALS.test(text.slice(i, j))) j++;
    pushWord(tokens, text.slice(i, j), i);
    i = j;
  }
  return tokens;
}

/** "Iran’s", "Iran's": a word of three characters or more ending in ’s or 's (either case). */
function isPossessive(raw: string): boolean {
  const last = raw.charCodeAt(raw.length - 1);
  const mark = raw.charCodeAt(raw.length - 2);
  return raw.length > 2 && (last === 115 || last === 83) && (mark === 0x2019 || mark === 39);
}

function pushWord(tokens: Token[], raw: string, start: number): void {
  const possessive = isPossessive(raw);
  const text = possessive ? raw.slice(0, -2) : raw;
  // Prefixes and suffixes all have a hyphen: a word without one is a word.
  if (!text.includes('-')) {
    tokens.push(word(text, start, possessive));
    return;
  }
  const lower = text.toLowerCase();
  const prefix = PREFIXES.find((p) => lower.startsWith(p) && lower.length > p.length);
  if (prefix) {
    const modifier = prefix === 'vice-' ? 'vice' : prefix;
    tokens.push({ text: text.slice(0, prefix.length), norm: modifier, start, end: start + prefix.length, word: true, possessive: false, modifier });
    pushWord(tokens, raw.slice(prefix.length), start + prefix.length);
    return;
  }
  const suffix = SUFFIXES.find((s) => lower.endsWith(s) && lower.length > s.length);
  if (suffix && !possessive) {
    const cut = text.length - suffix.length;
    tokens.push(word(text.slice(0, cut), start, false));
    tokens.push({ text: text.slice(cut), norm: suffix.slice(1), start: start + cut, end: start + text.length, word: true, possessive: false, modifier: suffix.slice(1) });
    return;
  }
  tokens.push(word(text, start, possessive));
}

function word(text: string, start: number, possessive: boolean): Token {
  return { text, norm: normWord(text), start, end: start + text.length, word: true, possessive };
}

const ARTICLE_PREFIX = /^(al|el|ad|ar|as|ash|at|an|az)-\p{Lu}/u;

/** A capitalised word, or an Arabic name with a lowercase article ("al-Araji"). */
function capitalized(token: Token): boolean {
  if (!token.word) return false;
  const first = token.text.charCodeAt(0);
  // Only "a…" and "e…" can be an article prefix; everything else is decided by its first letter.
  return startsUpper(token.text) || ((first === 97 || first === 101) && ARTICLE_PREFIX.test(token.text));
}

/** The country named by tokens[from, to) as a name, adjective or capital; capitals required ("US", not "us"). */
function countryOf(tokens: readonly Token[], from: number, to: number, registry: Registry): string | null {
  for (let k = from; k < to; k++) if (!capitalized(tokens[k]!) || (k < to - 1 && tokens[k]!.possessive)) return null;
  const written = to - from === 1 ? tokens[from]!.text : tokens.slice(from, to).map((t) => t.text).join(' ');
  return registry.findCountry(written)?.code ?? null;
}

/** A country of one to three words ending at tokens[end]: { from, code }. */
function countryEndingAt(tokens: readonly Token[], end: number, registry: Registry): { from: number; code: string } | null {
  for (let length = 3; length >= 1; length--) {
    const from = end - length + 1;
    if (from < 0) continue;
    const code = countryOf(tokens, from, end + 1, registry);
    if (code) return { from, code };
  }
  return null;
}

/** A country of one to three words starting at tokens[start]: { to, code }. */
function countryStartingAt(tokens: readonly Token[], start: number, registry: Registry): { to: number; code: string } | null {
  for (let length = 3; length >= 1; length--) {
    if (start + length > tokens.length) continue;
    const code = countryOf(tokens, start, start + length, registry);
    if (code) return { to: start + length, code };
  }
  return null;
}

/** Every country a claim names ("Iran-Iraq", "Baghdad and Tehran", "Iranian"). */
export function countriesIn(tokens: readonly Token[], registry: Registry): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!capitalized(token)) continue;
    const country = countryStartingAt(tokens, i, registry);
    if (country) found.add(country.code);
    else if (token.text.includes('-')) {
      for (const part of token.text.split('-')) {
        const code = startsUpper(part) ? registry.findCountry(part)?.code : undefined;
        if (code) found.add(code);
      }
    }
  }
  return found;
}

// ---- the registry's vocabulary, built once per registry -------------------------------------

interface Vocabulary {
  titles: PhraseIndex<string>;
  officesByKey: Map<string, Office[]>;
  officesHeld: Map<string, Office[]>;
  /** Surname key → registry person ids. */
  surnames: Map<string, Set<string>>;
  /** Normalized word → what it can be (CUE bits), so a claim's words are looked up once each. */
  cues: Map<string, number>;
  /** The shapes of those words, to pass over the others without a look-up. */
  cueShapes: WordShapes;
  /** resolveOffice's answers by its inputs, which are all the key holds. */
  offices: BoundedCache<string | null>;
}

/**
 * What a normalized word can be, one bit each. Per token, CAPITAL is the written word's,
 * NAME_KNOWN / NAME_WORD remember whether it could be part of a name, and USED marks a token
 * taken by a title or a bound name.
 */
const CUE = { titleStart: 1, honorific: 2, notName: 4, capital: 8, nameKnown: 16, nameWord: 32, used: 64 } as const;

function cueTable(titles: PhraseIndex<string>): Map<string, number> {
  const cues = new Map<string, number>();
  const mark = (words: Iterable<string>, cue: number) => {
    for (const word of words) cues.set(word, (cues.get(word) ?? 0) | cue);
  };
  // A title starts with a phrase's first word, a portfolio ("interior minister") or an "X of" head.
  mark(titles.firstWords(), CUE.titleStart);
  mark(PORTFOLIOS, CUE.titleStart);
  mark(OF_HEADS, CUE.titleStart);
  mark(HONORIFICS, CUE.honorific);
  mark(NOT_NAME, CUE.notName);
  mark(BODY_WORDS, CUE.notName);
  mark(TITLE_HEADS, CUE.notName);
  return cues;
}

const vocabularies = new WeakMap<Registry, Vocabulary>();

function phraseWords(phrase: string): string[] {
  return tokenize(phrase).filter((t) => t.word).map((t) => t.norm);
}

function vocabulary(registry: Registry): Vocabulary {
  const known = vocabularies.get(registry);
  if (known) return known;
  const titles = new PhraseIndex<string>();
  const officesByKey = new Map<string, Office[]>();
  const officesHeld = new Map<string, Office[]>();
  const surnames = new Map<string, Set<string>>();
  for (const phrase of BUILTIN_TITLES) {
    const words = phraseWords(phrase);
    titles.add(words, canonicalTitle(words));
  }
  for (const office of registry.offices) {
    for (const phrase of office.phrases) {
      const words = phraseWords(phrase);
      const key = canonicalTitle(words);
      titles.add(words, key);
      const list = officesByKey.get(key) ?? [];
      if (!list.includes(office)) list.push(office);
      officesByKey.set(key, list);
    }
    for (const holder of office.holders) {
      const held = officesHeld.get(holder.person) ?? [];
      if (!held.includes(office)) held.push(office);
      officesHeld.set(holder.person, held);
    }
  }
  for (const person of registry.people) {
    for (const name of [person.name, ...person.aliases]) {
      const words = name.split(/\s+/).filter((w) => !/^(jr|sr|ii|iii|iv)\.?$/i.test(w));
      if (words.length < 2) continue;
      const key = surnameKey(words[words.length - 1]!);
      const ids = surnames.get(key) ?? new Set<string>();
      ids.add(person.id);
      surnames.set(key, ids);
    }
  }
  // The title phrases are all in: what each word can start or be, and the shapes of those words.
  const cues = cueTable(titles);
  const vocab: Vocabulary = { titles, officesByKey, officesHeld, surnames, cues, cueShapes: new WordShapes(cues.keys()), offices: new BoundedCache() };
  vocabularies.set(registry, vocab);
  return vocab;
}

const surnameKeys = new BoundedCache<string>();

function surnameKey(word: string): string {
  return surnameKeys.get(word, (written) => nameKey(written).replace(/^(al|el|ad|ar|as|ash|at|an|az) /, ''));
}

// ---- titles and names in one claim ---------------------------------------------------------

/** Forms of address before a name, not part of it: "Ayatollah Ali Khamenei" is Ali Khamenei. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'ayatollah', 'sheikh', 'sheikha', 'general', 'gen', 'admiral', 'brig', 'maj', 'col', 'lt']);
/** Capitalised words that never start or join a person's name. */
const NOT_NAME = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those',
  'in', 'on', 'at', 'for', 'and', 'but', 'or', 'as', 'when', 'while', 'after', 'before', 'since', 'meanwhile', 'however', 'also',
  'according', 'following', 'during', 'prior', 'why', 'what', 'who', 'how', 'where', 'if', 'there', 'here', 'then', 'today',
  'yesterday', 'tomorrow', 'by', 'with', 'from', 'to', 'of', 'not', 'no', 'both', 'all', 'some', 'many', 'several', 'other',
  'another', 'each', 'every', 'such', 'said', 'says', 'sir', 'former', 'acting', 'deputy', ...HONORIFICS,
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'wikipedia', 'wiki',
]);
/** Lowercase words inside a name: "Mohammed bin Salman", "Ursula von der Leyen". */
const PARTICLES = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'abu', 'de', 'da', 'di', 'du', 'van', 'von', 'der', 'la', 'le', 'dos', 'das']);
/** PARTICLES.has(word), without a look-up for the many words longer than any particle. */
function isParticle(word: string): boolean {
  return word.length <= 4 && PARTICLES.has(word);
}
const MAX_NAME_WORDS = 5;
const HEAD_VERBS = new Set(['heads', 'leads', 'chairs', 'runs', 'directs', 'helms', 'headed', 'led', 'chaired']);
const SEPARATORS = new Set([',', '–', '—', '-', '(']);
const CLOSERS = new Set([',', '.', ';', ':', ')', '–', '—']);
/** Words before a name that make "Name, title" the end of an opening phrase rather than an apposition. */
const LEADS_IN = new Set(['with', 'to', 'by', 'from', 'for', 'on', 'about', 'against', 'after', 'before', 'at', 'of', 'between', 'among', 'toward', 'towards', 'like', 'unlike', 'than', 'and', 'met', 'meeting', 'told']);

interface Draft {
  claimId: string;
  start: number;
  end: number;
  name: string;
  nameStart: number;
  nameEnd: number;
  title: { text: string; start: number; end: number; key: string } | null;
  country: string | null;
  modifiers: string[];
}

interface TitleSpan {
  start: number;
  end: number;
  key: string;
}

class ClaimReader {
  readonly words: string[];
  /** Tokens taken by a title or a bound name. */
  /** CUE bits of each token. */
  private readonly cues: Uint8Array;

  constructor(readonly text: string, readonly tokens: Token[], readonly vocab: Vocabulary, readonly registry: Registry) {
    this.words = tokens.map((t) => t.norm);
    this.cues = new Uint8Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k]!;
      if (!token.word) continue;
      const cues = vocab.cueShapes.mayHave(token.norm) ? vocab.cues.get(token.norm) ?? 0 : 0;
      this.cues[k] = cues | (capitalized(token) ? CUE.capital : 0);
    }
  }

  /** Taken by a title or a bound name. */
  isUsed(k: number): boolean {
    return this.is(k, CUE.used);
  }

  /** Marks tokens[from, to) taken. */
  use(from: number, to: number): void {
    for (let k = from; k < to; k++) this.cues[k]! |= CUE.used;
  }

  is(k: number, cue: number): boolean {
    return k >= 0 && k < this.cues.length && (this.cues[k]! & cue) !== 0;
  }

  /** A word that can be part of a name and is not taken; asked several times per token, so its fixed part is remembered. */
  isNameWord(k: number): boolean {
    if (k < 0 || k >= this.tokens.length || this.isUsed(k)) return false;
    let cues = this.cues[k]!;
    if (!(cues & CUE.nameKnown)) this.cues[k] = cues |= CUE.nameKnown | (this.couldBeNameWord(this.tokens[k]!, k) ? CUE.nameWord : 0);
    return (cues & CUE.nameWord) !== 0;
  }

  private couldBeNameWord(token: Token, k: number): boolean {
    if (!this.is(k, CUE.capital) || token.modifier || this.is(k, CUE.notName)) return false;
    return countryOf(this.tokens, k, k + 1, this.registry) === null;
  }

  /** The name starting at tokens[k] (an honorific before it is skipped): [from, to). */
  nameFrom(k: number): [number, number] | null {
    if (this.is(k, CUE.honorific) && this.isNameWord(k + 1)) k++;
    if (!this.isNameWord(k)) {
      // A first name that is also a country ("Israel Katz") only when the registry knows the person.
      const token = this.tokens[k];
      if (!token || !capitalized(token) || token.possessive || this.isUsed(k) || !this.isNameWord(k + 1)) return null;
      const rest = this.nameFrom(k + 1)!;
      return this.registry.findPerson(this.text.slice(token.start, this.tokens[rest[1] - 1]!.end)) ? [k, rest[1]] : null;
    }
    let to = k;
    let count = 0;
    while (to < this.tokens.length && count < MAX_NAME_WORDS) {
      if (this.isNameWord(to)) {
        count++;
        if (this.tokens[to++]!.possessive) break;
      } else if (isParticle(this.tokens[to]!.text) && this.isNameWord(to + 1)) to++;
      else break;
    }
    return [k, to];
  }

  /** The name ending at tokens[k] (inclusive), read backwards: [from, to). */
  nameEndingAt(k: number): [number, number] | null {
    if (!this.isNameWord(k) || this.tokens[k]!.possessive) return null;
    let from = k;
    let count = 1;
    while (from > 0 && count < MAX_NAME_WORDS) {
      const before = from - 1;
      if (this.isNameWord(before) && !this.tokens[before]!.possessive) { from = before; count++; }
      else if (before > 0 && isParticle(this.tokens[before]!.text) && this.isNameWord(before - 1)) from = before;
      else break;
    }
    return [from, k + 1];
  }

  /** Titles in the claim, longest first at each word: a known phrase or a generic "X minister" / "Head of the … Council". */
  titles(): TitleSpan[] {
    const found: TitleSpan[] = [];
    for (let i = 0; i < this.tokens.length;) {
      // Only a title word can start a title, known or generic.
      if (!this.tokens[i]!.word || this.tokens[i]!.modifier || !this.is(i, CUE.titleStart)) { i++; continue; }
      const known = this.vocab.titles.longest(this.words, i);
      const generic = this.genericTitle(i);
      let span: TitleSpan | null = null;
      if (known && (!generic || known.end >= generic)) span = { start: i, end: known.end, key: known.values[0]! };
      else if (generic) span = { start: i, end: generic, key: canonicalTitle(this.words.slice(i, generic)) };
      // A possessive inside the phrase means it is not one title: "the minister's office".
      if (span && this.tokens.slice(span.start, span.end - 1).some((t) => t.possessive)) span = null;
      if (!span) { i++; continue; }
      found.push(span);
      this.use(span.start, span.end);
      i = span.end;
    }
    return found;
  }

  /** End (exclusive) of a generic title starting at tokens[i], or 0. */
  private genericTitle(i: number): number {
    const w = this.words;
    let j = i;
    while (j < w.length && j - i < 3 && PORTFOLIOS.has(w[j]!) && w[j] !== 'and' && this.tokens[j]!.word && !this.tokens[j]!.possessive) j++;
    if (j > i && TITLE_HEADS.has(w[j] ?? '')) return j + 1;
    if (!OF_HEADS.has(w[i]!) || w[i + 1] !== 'of' || this.tokens[i]!.possessive) return 0;
    let k = i + 2;
    if (w[k] === 'the') k++;
    if (countryStartingAt(this.tokens, k, this.registry)) return 0;
    // "Minister of Oil" (portfolio words), or "Head of the Atomic Energy Organization" (ends on a body word).
    let end = 0;
    let portfolioOnly = TITLE_HEADS.has(w[i]!);
    for (let n = 0; k < w.length && n < 8; k++, n++) {
      const token = this.tokens[k]!;
      if (!token.word) break;
      const connector = w[k] === 'of' || w[k] === 'and' || w[k] === 'for' || w[k] === 'the';
      portfolioOnly &&= PORTFOLIOS.has(w[k]!) || connector;
      if (!connector && !capitalized(token) && !portfolioOnly) break;
      if (!connector && (BODY_WORDS.has(w[k]!) || portfolioOnly)) end = k + 1;
      if (token.possessive) break;
    }
    return end;
  }

  /** Country and modifiers written before a title: "Iran's newly appointed", "the former Iranian". */
  leftOf(start: number): { from: number; country: string | null; qualified: boolean; modifiers: string[] } {
    let from = start;
    let country: string | null = null;
    let qualified = false;
    const modifiers: string[] = [];
    for (let j = start - 1; j >= 0 && start - j <= 6;) {
      const token = this.tokens[j]!;
      if (!token.word) break;
      const before = this.tokens[j - 1]?.norm;
      if (token.modifier) modifiers.unshift(token.modifier);
      else if (['appointed', 'named', 'elected', 'installed'].includes(token.norm) && (before === 'newly' || before === 'recently')) {
        modifiers.unshift('newly appointed');
        j--;
      } else if (MODIFIERS.has(token.norm) && !token.possessive) modifiers.unshift(token.norm);
      else if (token.norm === 'the' || token.norm === 'a' || token.norm === 'an') { /* part of the phrase */ }
      else {
        const named: { from: number; code: string } | null = country ? null : countryEndingAt(this.tokens, j, this.registry);
        // A possessive the registry does not know still qualifies the title ("Freedonia's foreign minister").
        if (!named && (country || qualified || !token.possessive || !capitalized(token))) break;
        qualified = true;
        if (named) {
          country = named.code;
          j = named.from;
        }
      }
      from = j;
      j--;
    }
    return { from, country, qualified: qualified || country !== null, modifiers };
  }

  /** "of Iran" and "-designate" after a title. */
  rightOf(end: number): { to: number; country: string | null; modifiers: string[] } {
    let to = end;
    const modifiers: string[] = [];
    let country: string | null = null;
    while (this.tokens[to]?.modifier === 'elect' || this.tokens[to]?.modifier === 'designate' || this.words[to] === 'designate') modifiers.push(this.words[to++]!.replace(/^-/, ''));
    if (this.words[to] === 'of') {
      const named = countryStartingAt(this.tokens, to + 1, this.registry);
      if (named) { country = named.code; to = named.to; }
    }
    return { to, country, modifiers };
  }

  draft(claimId: string, name: [number, number], title: { text: string; start: number; end: number; key: string } | null, extra: { from: number; to: number; country: string | null; modifiers: string[] }): Draft {
    const t = this.tokens;
    this.use(name[0], name[1]);
    const nameStart = t[name[0]]!.start;
    const nameEnd = t[name[1] - 1]!.end;
    return {
      claimId, name: this.text.slice(nameStart, nameEnd), nameStart, nameEnd, title, country: extra.country, modifiers: extra.modifiers,
      start: Math.min(nameStart, t[extra.from]!.start), end: Math.max(nameEnd, t[extra.to - 1]!.end),
    };
  }
}

/**
 * Every draft has a name, and every name a capitalised word (see capitalized): a claim with no
 * capital A–Z and no character beyond ASCII (which might be one) names nobody, and is not split.
 */
function mayNameSomeone(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code >= 128) return true;
  }
  return false;
}

/** The people named in one claim, with the titles bound to them; names not yet resolved. */
function claimDrafts(text: string, claim: Claim, vocab: Vocabulary, registry: Registry): Draft[] {
  const reader = new ClaimReader(text, tokenize(text, claim.start, claim.end), vocab, registry);
  const { tokens } = reader;
  const drafts: Draft[] = [];
  const spans = reader.titles();
  const contexts = spans.map((span) => {
    const left = reader.leftOf(span.start);
    const right = reader.rightOf(span.end);
    return { span, left, right, country: left.country ?? right.country, modifiers: [...left.modifiers, ...right.modifiers] };
  });
  // Forward first ("foreign minister Ali Larijani"), then appositions ("Ali Larijani, Iran's … Secretary").
  const names: ([number, number] | null)[] = contexts.map(({ span, right }) => (tokens[span.end - 1]!.possessive ? null : reader.nameFrom(right.to)));
  // "Crown Prince and Prime Minister X": a title joined by "and" to the next one shares its name.
  for (let n = contexts.length - 2; n >= 0; n--) {
    if (!names[n] && reader.words[contexts[n]!.right.to] === 'and' && contexts[n + 1]!.left.from === contexts[n]!.right.to + 1) {
      names[n] = names[n + 1]!;
      contexts[n + 1]!.country ??= contexts[n]!.country; // "Iran's president and supreme leader X"
    }
  }
  contexts.forEach(({ left, right, span }, n) => {
    if (names[n]) return;
    const before = tokens[left.from - 1];
    if (before && SEPARATORS.has(before.text)) {
      // An apposition is closed by punctuation ("Lavrov, the foreign minister, said"); unclosed, only a
      // qualified title ("X, Iran's … Secretary announced") that follows no preposition ("In talks with X, …").
      const name = reader.nameEndingAt(left.from - 2);
      const closed = !tokens[right.to] || CLOSERS.has(tokens[right.to]!.text);
      if (name && (closed || ((left.qualified || right.country || left.modifiers.length > 0) && !LEADS_IN.has(tokens[name[0] - 1]?.norm ?? '')))) names[n] = name;
    } else if (before?.norm === 'and' && n > 0 && names[n - 1] && contexts[n - 1]!.right.to === left.from - 1) {
      names[n] = names[n - 1]!;
      contexts[n]!.country ??= contexts[n - 1]!.country;
    }
    // "Iran's foreign minister, Abbas Araghchi, said": a name set off by commas (not "After meeting
    // the foreign minister, Larijani flew on", where the name is the next clause's subject).
    if (!names[n] && tokens[right.to]?.text === ',' && (left.country || tokens[left.from]?.norm === 'the') && !tokens[span.end - 1]!.possessive) {
      const after = reader.nameFrom(right.to + 1);
      const next = after && tokens[after[1]];
      if (after && (!next || [',', '.', ';', ')', '–', '—'].includes(next.text))) names[n] = after;
    }
  });
  contexts.forEach(({ span, left, right, country, modifiers }, n) => {
    const name = names[n];
    if (!name) return;
    const title = { text: text.slice(tokens[span.start]!.start, tokens[span.end - 1]!.end), start: tokens[span.start]!.start, end: tokens[span.end - 1]!.end, key: span.key };
    drafts.push(reader.draft(claim.id, name, title, { from: Math.min(left.from, name[0]), to: Math.max(right.to, name[1]), country, modifiers }));
  });
  // Names without a title bound to them; "X, who heads Y" gives one.
  for (let i = 0; i < tokens.length;) {
    // A name starts on a capital or an honorific ("Mr", "gen."): other tokens are passed over at once.
    const name = !reader.is(i, CUE.capital | CUE.honorific) || reader.isUsed(i) || (i > 0 && reader.isNameWord(i - 1)) ? null : reader.nameFrom(i);
    if (!name) { i++; continue; }
    const heads = headsTitle(reader, name[1]);
    drafts.push(reader.draft(claim.id, name, heads?.title ?? null, { from: name[0], to: heads?.to ?? name[1], country: heads?.country ?? null, modifiers: [] }));
    i = heads?.to ?? name[1];
  }
  // Usually in order already (a stable sort would leave them as they are): sort only when not.
  return inTextOrder(drafts) ? drafts : drafts.sort(byPosition);
}

function byPosition(a: Draft, b: Draft): number {
  return a.nameStart - b.nameStart || a.start - b.start;
}

function inTextOrder(drafts: readonly Draft[]): boolean {
  for (let n = 1; n < drafts.length; n++) if (byPosition(drafts[n - 1]!, drafts[n]!) > 0) return false;
  return true;
}

/** ", who heads Iran's Supreme National Security Council" / ", who leads the foreign ministry" after a name. */
function headsTitle(reader: ClaimReader, k: number): { title: NonNullable<Draft['title']>; to: number; country: string | null } | null {
  const { tokens, words } = reader;
  if (tokens[k]?.text !== ',' || words[k + 1] !== 'who' || !HEAD_VERBS.has(words[k + 2] ?? '')) return null;
  let j = k + 3;
  if (words[j] === 'the') j++;
  let country: string | null = null;
  const named = countryStartingAt(tokens, j, reader.registry);
  if (named && tokens[named.to - 1]!.possessive) { country = named.code; j = named.to; }
  const bodyStart = j;
  let end = 0;
  for (let n = 0; j < tokens.length && n < 8 && tokens[j]!.word; j++, n++) {
    const connector = ['of', 'and', 'for', 'the'].includes(words[j]!);
    if (!connector && !capitalized(tokens[j]!) && !PORTFOLIOS.has(words[j]!) && !BODY_WORDS.has(words[j]!)) break;
    if (BODY_WORDS.has(words[j]!)) end = j + 1;
  }
  if (!end) return null;
  const body = words.slice(bodyStart, end);
  const ministry = body.includes('ministry');
  const key = ministry ? canonicalTitle(body) : canonicalTitle(['head', 'of', ...body]);
  const start = tokens[bodyStart]!.start;
  const stop = tokens[end - 1]!.end;
  const written = reader.text.slice(start, stop);
  return { title: { text: ministry ? written : `head of ${written}`, start, end: stop, key }, to: end, country };
}

// ---- resolution, in article order ----------------------------------------------------------

export function findMentions(doc: Document, claims: readonly Claim[], registry: Registry): Mention[] {
  const vocab = vocabulary(registry);
  const drafts: Draft[] = [];
  for (const claim of claims) if (mayNameSomeone(doc.text, claim.start, claim.end)) drafts.push(...claimDrafts(doc.text, claim, vocab, registry));
  const wordsOf = drafts.map((draft) => draft.name.split(/\s+/));

  // Surname → the full names the article gives, each where it first gives it. Drafts come in
  // article order, so each list is in order of `at`: keyed, so that a thousand Smiths of one
  // paragraph are not compared with each other (that was quadratic).
  const bySurname = new Map<string, Map<string, { name: string; at: number }>>();
  const titled = new Set<string>();
  drafts.forEach((draft, n) => {
    if (draft.title) titled.add(nameKey(draft.name));
    const words = wordsOf[n]!;
    if (words.length < 2 || words.some((w) => BODY_WORDS.has(normWord(w)))) return;
    const key = nameKey(draft.name);
    const surname = surnameKey(words.at(-1)!);
    let names = bySurname.get(surname);
    if (!names) bySurname.set(surname, names = new Map());
    if (!names.has(key)) names.set(key, { name: draft.name, at: draft.nameStart });
  });

  const mentions: Mention[] = [];
  drafts.forEach((draft, n) => {
    const oneWord = wordsOf[n]!.length === 1;
    let fullName = draft.name;
    let person = registry.findPerson(draft.name);
    let ambiguous = false;
    if (oneWord && !person) {
      const candidate = onlyCandidate(bySurname.get(surnameKey(draft.name)), draft.nameStart);
      if (candidate) {
        fullName = candidate.name;
        person = registry.findPerson(fullName);
      } else if (candidate === null) ambiguous = true;
      else {
        const ids = vocab.surnames.get(surnameKey(draft.name));
        if (ids?.size === 1) person = registry.personWithId([...ids][0]!) ?? null;
        if (person) fullName = person.name;
      }
    }
    const known = person !== null || ambiguous || fullName !== draft.name;
    // A bare capitalised run is a person only when something says so: the registry, a title, a surname given earlier.
    if (!draft.title && !known && !titled.has(nameKey(draft.name))) return;
    if (draft.title && oneWord && !known && NOT_NAME.has(draft.name.toLowerCase())) return;
    mentions.push({
      start: draft.start, end: draft.end, name: draft.name, nameStart: draft.nameStart, nameEnd: draft.nameEnd,
      fullName, personId: person?.id ?? null,
      title: draft.title?.text ?? null, titleStart: draft.title?.start ?? draft.nameStart, titleEnd: draft.title?.end ?? draft.nameStart,
      titleKey: draft.title?.key ?? null, country: draft.country, modifiers: draft.modifiers, officeId: null, claimId: draft.claimId,
    });
  });

  // Countries the article gives each person, for titles written without one ("Lavrov, the foreign minister").
  const countriesOf = new Map<string, Set<string>>();
  for (const mention of mentions) {
    if (!mention.country) continue;
    const key = personKey(mention);
    countriesOf.set(key, (countriesOf.get(key) ?? new Set()).add(mention.country));
  }
  for (const mention of mentions) {
    if (!mention.titleKey) continue;
    const countries = countriesOf.get(personKey(mention));
    const key = `${mention.titleKey}|${mention.country}|${mention.personId}|${[...(countries ?? [])].join()}`;
    mention.officeId = vocab.offices.get(key, () => resolveOffice(mention, vocab, countries)?.id ?? null);
  }
  return mentions;
}

/**
 * The full name a lone surname stands for: of the names given before it, else of all the
 * article gives, the only one; null when there are several, undefined when there is none.
 * `names` is in article order, so two look-ups settle it however many there are.
 */
function onlyCandidate<T extends { at: number }>(names: ReadonlyMap<string, T> | undefined, at: number): T | null | undefined {
  if (!names || names.size === 0) return undefined;
  const [first, second] = names.values();
  const earlier = first!.at < at ? (second !== undefined && second.at < at ? 2 : 1) : 0;
  const count = earlier > 0 ? earlier : names.size;
  return count === 1 ? first! : null;
}

/** Who a mention is, for grouping: the registry id, else the full name. */
export function personKey(mention: Mention): string {
  return mention.personId ?? `name:${nameKey(mention.fullName)}`;
}

/** Descriptions that stand for a title in copy, but only where an office's phrases say so. */
const DESCRIPTIONS = new Set(['top diplomat', 'chief diplomat']);

/**
 * The registry office a title names: by phrase and the written country; without a country, the
 * office the person holds or held, else one in a country the article gives the person.
 */
function resolveOffice(mention: Mention, vocab: Vocabulary, articleCountries: Set<string> | undefined): Office | null {
  let candidates = headAlternatives(mention.titleKey!).flatMap((key) => vocab.officesByKey.get(key) ?? []);
  // "top diplomat" describes more than it titles (Wang Yi was China's top diplomat while Qin Gang
  // was foreign minister): it names only the offices that list it among their phrases.
  const written = mention.title!.toLowerCase();
  if (DESCRIPTIONS.has(written)) candidates = candidates.filter((office) => office.phrases.some((phrase) => phrase.toLowerCase() === written));
  if (candidates.length === 0) return null;
  const held = mention.personId ? vocab.officesHeld.get(mention.personId) ?? [] : [];
  const pick = (offices: Office[]): Office | null => {
    if (offices.length <= 1) return offices[0] ?? null;
    const own = offices.filter((office) => held.includes(office));
    return own.length === 1 ? own[0]! : null;
  };
  if (mention.country) return pick(candidates.filter((office) => office.country === mention.country));
  const own = candidates.filter((office) => held.includes(office));
  if (own.length > 0) return pick(own);
  const countries = new Set([...(articleCountries ?? []), ...held.map((office) => office.country)]);
  return pick(candidates.filter((office) => countries.has(office.country)));
}
