/**
 * The registries at run time: sources and facts, indexed for the look-ups rules make. Built
 * from validated data (the compiled built-in registry or users' files); knows nothing of zod.
 */
import { createRequire } from 'node:module';
import { distance } from 'fastest-levenshtein';
import { compareDates, hostOf, nameKey, remembered, withoutEdition } from './normalize.js';
import type { Country, FactEvent, Office, Person, Source } from './schema.js';

export interface RegistryData {
  sources: Source[];
  countries: Country[];
  people: Person[];
  offices: Office[];
  events: FactEvent[];
}

type Tldts = typeof import('tldts');
let tldts: Tldts | null = null;

/** tldts carries the whole public suffix list, so it is loaded on the first link or domain, not at start-up. */
function publicSuffixes(): Tldts {
  return tldts ??= createRequire(import.meta.url)('tldts') as Tldts;
}

/**
 * The registrable domain of a host by the public suffix list, private suffixes included, so
 * "someone.github.io" is its own site and "www.bbc.co.uk" is bbc.co.uk.
 */
function registrableDomain(host: string): string | null {
  return publicSuffixes().getDomain(host, { allowPrivateDomains: true });
}

/** A host name under a public suffix ("reuters.com", "bbc.co.uk"), not a file name ("node.js"). */
export function isSiteName(host: string): boolean {
  const parsed = publicSuffixes().parse(host, { allowPrivateDomains: true });
  // Only a suffix the list names: an unknown one is a suffix only by the list's default rule.
  return parsed.domain !== null && (parsed.isIcann === true || parsed.isPrivate === true);
}

/**
 * The registry's keys for "did you mean", in flat arrays sorted by length (a query's lengths are
 * one run of them), each with a letter mask. Scanning typed arrays with a branch-free bit count
 * is about ten times faster than walking per-length lists: a file of thousands of unknown names
 * spent most of its time here.
 */
interface SuggestionIndex {
  /** Keys by length, then registry order. */
  keys: string[];
  /** Each key's place in the registry's order, which decides ties. */
  order: Int32Array;
  masks: Int32Array;
  /** startOf[n]: where keys of length n begin (keys of length ≥ n, for n past the longest). */
  startOf: Int32Array;
}

/** One bit per character class (char code mod 32); a key's mask says which classes it has. */
function letterMask(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) mask |= 1 << (key.charCodeAt(i) & 31);
  return mask;
}

/**
 * Edits from a to b where swapping two neighbouring characters is one edit, as in "Reutres"
 * (optimal string alignment). Only for the few keys a Levenshtein scan has let through.
 */
function typoDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let edits = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) edits = Math.min(edits, before[j - 2]! + 1);
      current[j] = edits;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** The number of bits set in a 32-bit integer, without a loop. */
function bitCount(bits: number): number {
  let x = bits - ((bits >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/**
 * A lower bound on the edit distance: each class one key has and the other lacks needs its own
 * edit (an edit changes one character on each side), so the bound never rules out a real match.
 */
function editsAtLeast(a: number, b: number): number {
  const missing = bitCount(a & ~b);
  const extra = bitCount(b & ~a);
  return missing > extra ? missing : extra;
}

/**
 * The registry's names as look-up keys, each with the position of its source, person or
 * country, in the order the constructor would add them. The build compiles it into the
 * built-in registry's JSON, so a run does not normalize some five thousand names on start.
 */
export interface NameIndex {
  sources: [string, number][];
  people: [string, number][];
  countries: [string, number][];
}

export function nameIndexOf(data: RegistryData): NameIndex {
  const keyed = <T>(items: readonly T[], names: (item: T) => string[]): [string, number][] =>
    items.flatMap((item, position) => names(item).map((name): [string, number] => [nameKey(name), position]));
  return {
    sources: keyed(data.sources, (s) => [s.name, ...s.aliases, ...s.domains]),
    people: keyed(data.people, (p) => [p.name, ...p.aliases]),
    countries: keyed(data.countries, (c) => [...c.names, ...c.adjectives, ...c.capitals]),
  };
}

/**
 * The last day the registry knows who holds the office: its `asOf`, or the latest date its
 * holders give when that is later (a hand-over recorded after the check; of two dates that
 * agree as far as both go, "2026-03" and "2026-03-17", the precise one). null: no horizon.
 */
export function knownUntil(office: Office): string | null {
  if (office.asOf === undefined) return null;
  let latest = office.asOf;
  for (const holder of office.holders) {
    const last = holder.to ?? holder.from;
    if (compareDates(last, latest) > 0 || (compareDates(last, latest) === 0 && last.length > latest.length)) latest = last;
  }
  return latest;
}

export const EMPTY_REGISTRY_DATA: RegistryData = Object.freeze({ sources: [], countries: [], people: [], offices: [], events: [] }) as RegistryData;

/** A possessive ending: "Iran's" is Iran. */
const POSSESSIVE = /[’']s$/;

export class Registry {
  readonly sources: readonly Source[];
  readonly countries: readonly Country[];
  readonly people: readonly Person[];
  readonly offices: readonly Office[];
  readonly events: readonly FactEvent[];

  private readonly sourceByKey = new Map<string, Source>();
  private readonly sourceByDomain = new Map<string, Source>();
  private readonly sourceById = new Map<string, Source>();
  private readonly personById = new Map<string, Person>();
  private readonly personByKey = new Map<string, Person>();
  private readonly countryByKey = new Map<string, Country>();
  private suggestionIndex: SuggestionIndex | null = null;
  /** The keys with each first character, in registry order with their places among all keys. */
  private keysByFirstCharacter: Map<number, { keys: string[]; places: number[] }> | null = null;
  /** Built for a first character when a name starting with it is first asked about (null: no keys). */
  private readonly typoIndex = new Map<number, SuggestionIndex | null>();
  private readonly sourceByName = remembered((name: string) => this.lookUpSource(name));
  private readonly sourceByHost = remembered((host: string) => this.lookUpHost(host));
  /** Suggestions by key, one cache per (max, maxDistance) the callers use. */
  private readonly suggestions = new Map<string, (key: string) => readonly string[]>();
  private readonly misspelt = remembered((key: string) => this.nearestByTypo(key), 5_000, true);

  /** `index`: the data's NameIndex when compiled with it (the built-in registry); else computed here. */
  constructor(readonly data: RegistryData, index: NameIndex = nameIndexOf(data)) {
    this.sources = data.sources;
    this.countries = data.countries;
    this.people = data.people;
    this.offices = data.offices;
    this.events = data.events;
    for (const source of data.sources) {
      this.sourceById.set(source.id, source);
      for (const domain of source.domains) this.sourceByDomain.set(domain, source);
    }
    for (const person of data.people) this.personById.set(person.id, person);
    for (const [key, position] of index.sources) this.sourceByKey.set(key, data.sources[position]!);
    for (const [key, position] of index.people) this.personByKey.set(key, data.people[position]!);
    for (const [key, position] of index.countries) this.countryByKey.set(key, data.countries[position]!);
  }

  sourceWithId(id: string): Source | undefined {
    return this.sourceById.get(id);
  }

  /** The source a name in copy refers to: alias, then without edition words ("IRNA English"), then as a domain ("Caliber.az"). */
  findSource(name: string): Source | null {
    return this.sourceByName(name);
  }

  private lookUpSource(name: string): Source | null {
    const key = nameKey(name);
    if (!key) return null;
    const direct = this.sourceByKey.get(key);
    if (direct) return direct;
    const base = withoutEdition(key);
    if (base) {
      const edition = this.sourceByKey.get(base);
      if (edition) return edition;
    }
    return /\.[a-z]{2,}$/i.test(name.trim()) ? this.findSourceByUrl(name) : null;
  }

  /** The source whose domain serves this URL: the host itself or a parent, down to the registrable domain. */
  findSourceByUrl(href: string): Source | null {
    const host = hostOf(href);
    return host ? this.sourceByHost(host) : null;
  }

  private lookUpHost(domain: string): Source | null {
    let host = domain;
    const direct = this.sourceByDomain.get(host);
    if (direct) return direct;
    const floor = registrableDomain(host);
    if (!floor) return null;
    while (host.length > floor.length) {
      host = host.slice(host.indexOf('.') + 1);
      const source = this.sourceByDomain.get(host);
      if (source) return source;
    }
    return null;
  }

  /**
   * Known names closest to an unknown one, for "did you mean": only the nearest (ties kept, up
   * to `max`), within `maxDistance` edits (by default a third of the name).
   */
  suggestSources(name: string, max = 3, maxDistance?: number): string[] {
    const key = nameKey(name);
    if (!key) return [];
    const options = `${max} ${maxDistance}`;
    let cache = this.suggestions.get(options);
    if (!cache) {
      cache = remembered((input) => this.nearestSources(input, max, maxDistance), 5_000, true);
      this.suggestions.set(options, cache);
    }
    return [...cache(key)];
  }

  /**
   * The known source a name is one slip of the keyboard from ("Reutres", "Xinhau", "Bloomburg"),
   * or null. Stricter than "did you mean", which may guess wider: this decides whether a name
   * is meant as a source at all, and "Thursday" is not ThisDay, nor "Iraqi" RAI. A name of five
   * letters or more, within one edit up to nine and two beyond, where swapping two neighbours
   * counts as one edit, and the first letter is the name's own.
   */
  misspeltSource(name: string): Source | null {
    return this.misspelt(nameKey(name));
  }

  private nearestByTypo(key: string): Source | null {
    if (key.length < 5) return null;
    const allowed = key.length <= 9 ? 1 : 2;
    let best: { at: number; key: string; score: number } | null = null;
    // A swap is two edits to Levenshtein: scan that wide, then count swaps as one. Slips keep
    // the first letter, and the keys that share it are a few of all (a flood of bracketed
    // names in hostile text asks about each one).
    for (const candidate of this.keysNear(key, 2 * allowed, true)) {
      const score = candidate.score <= allowed ? candidate.score : typoDistance(key, candidate.key);
      if (score <= allowed && (!best || score < best.score || (score === best.score && candidate.at < best.at))) best = { ...candidate, score };
    }
    return best ? this.sourceByKey.get(best.key)! : null;
  }

  /** The registry's keys within `limit` edits of `key` (Levenshtein), in registry order; `sameStart`: only those with its first character. */
  private keysNear(key: string, limit: number, sameStart = false): { at: number; key: string; score: number }[] {
    const index = sameStart ? this.typoIndexFor(key.charCodeAt(0)) : this.suggestionIndex ??= this.indexSuggestions();
    if (!index) return [];
    const mask = letterMask(key);
    const lengthAt = (length: number) => index.startOf[Math.max(0, Math.min(index.startOf.length - 1, length))]!;
    const near: { at: number; key: string; score: number }[] = [];
    for (let j = lengthAt(key.length - limit), end = lengthAt(key.length + limit + 1); j < end; j++) {
      if (editsAtLeast(mask, index.masks[j]!) > limit) continue;
      const score = distance(key, index.keys[j]!);
      if (score <= limit) near.push({ at: index.order[j]!, key: index.keys[j]!, score });
    }
    return near.sort((a, b) => a.at - b.at);
  }

  private nearestSources(key: string, max: number, maxDistance: number | undefined): string[] {
    // Keys close enough, in registry order: the first key of a source sets its score.
    const near = this.keysNear(key, maxDistance ?? Math.max(2, Math.floor(key.length / 3)));
    const scored: { name: string; score: number }[] = [];
    const seen = new Set<string>();
    for (const candidate of near) {
      const source = this.sourceByKey.get(candidate.key)!;
      if (seen.has(source.id)) continue;
      seen.add(source.id);
      scored.push({ name: source.name, score: candidate.score });
    }
    scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
    const best = scored[0]?.score;
    return scored.filter((entry) => entry.score === best).slice(0, max).map((entry) => entry.name);
  }

  /**
   * The suggestion index of the keys with the given first character (a slip keeps the first
   * letter), built on first use: an article asks about a few letters, never all of them.
   */
  private typoIndexFor(first: number): SuggestionIndex | null {
    let index = this.typoIndex.get(first);
    if (index === undefined) {
      const group = (this.keysByFirstCharacter ??= this.groupKeysByFirstCharacter()).get(first);
      index = group ? this.indexSuggestions(group.keys, group.places) : null;
      this.typoIndex.set(first, index);
    }
    return index;
  }

  private groupKeysByFirstCharacter(): Map<number, { keys: string[]; places: number[] }> {
    const groups = new Map<number, { keys: string[]; places: number[] }>();
    let place = 0;
    for (const key of this.sourceByKey.keys()) {
      let group = groups.get(key.charCodeAt(0));
      if (!group) groups.set(key.charCodeAt(0), group = { keys: [], places: [] });
      group.keys.push(key);
      group.places.push(place++);
    }
    return groups;
  }

  /** `inRegistryOrder`: the keys to index, with `places`, their places among all keys (by default, all of them). */
  private indexSuggestions(inRegistryOrder = [...this.sourceByKey.keys()], places?: number[]): SuggestionIndex {
    const order = inRegistryOrder.map((_, at) => at).sort((a, b) => inRegistryOrder[a]!.length - inRegistryOrder[b]!.length || a - b);
    const keys = order.map((at) => inRegistryOrder[at]!);
    const longest = keys.at(-1)?.length ?? 0;
    const startOf = new Int32Array(longest + 2);
    for (let length = 0, j = 0; length < startOf.length; length++) {
      while (j < keys.length && keys[j]!.length < length) j++;
      startOf[length] = j;
    }
    return { keys, order: Int32Array.from(order, (at) => places?.[at] ?? at), masks: Int32Array.from(keys, letterMask), startOf };
  }

  personWithId(id: string): Person | undefined {
    return this.personById.get(id);
  }

  // nameKey remembers its answers: a second cache here only doubled the work for words seen once.
  findPerson(name: string): Person | null {
    return this.personByKey.get(nameKey(name)) ?? null;
  }

  /** The country a name, adjective or capital refers to: "Iran's", "Iranian", "Tehran's". */
  findCountry(word: string): Country | null {
    return this.countryByKey.get(nameKey(POSSESSIVE.test(word) ? word.replace(POSSESSIVE, '') : word)) ?? null;
  }
}
