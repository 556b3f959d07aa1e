/**
 * The registries at run time: sources and facts, indexed for the look-ups rules make. Built
 * from validated data (the compiled built-in registry or users' files); knows nothing of zod.
 */
import { createRequire } from 'node:module';
import { distance } from 'fastest-levenshtein';
import { hostOf, nameKey, withoutEdition } from './normalize.js';
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

/**
 * The registrable domain of a host by the public suffix list, private suffixes included, so
 * "someone.github.io" is its own site and "www.bbc.co.uk" is bbc.co.uk. tldts carries the whole
 * list, so it is loaded on the first link, not at start-up.
 */
function registrableDomain(host: string): string | null {
  tldts ??= createRequire(import.meta.url)('tldts') as Tldts;
  return tldts.getDomain(host, { allowPrivateDomains: true });
}

export const EMPTY_REGISTRY_DATA: RegistryData = Object.freeze({ sources: [], countries: [], people: [], offices: [], events: [] }) as RegistryData;

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
  private suggestionKeys: string[] | null = null;

  constructor(readonly data: RegistryData) {
    this.sources = data.sources;
    this.countries = data.countries;
    this.people = data.people;
    this.offices = data.offices;
    this.events = data.events;
    for (const source of data.sources) {
      this.sourceById.set(source.id, source);
      for (const name of [source.name, ...source.aliases, ...source.domains]) this.sourceByKey.set(nameKey(name), source);
      for (const domain of source.domains) this.sourceByDomain.set(domain, source);
    }
    for (const person of data.people) {
      this.personById.set(person.id, person);
      for (const name of [person.name, ...person.aliases]) this.personByKey.set(nameKey(name), person);
    }
    for (const country of data.countries) {
      for (const name of [...country.names, ...country.adjectives, ...country.capitals]) this.countryByKey.set(nameKey(name), country);
    }
  }

  sourceWithId(id: string): Source | undefined {
    return this.sourceById.get(id);
  }

  /** The source a name in copy refers to: alias, then without edition words ("IRNA English"), then as a domain ("Caliber.az"). */
  findSource(name: string): Source | null {
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
    let host = hostOf(href);
    if (!host) return null;
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
    this.suggestionKeys ??= [...this.sourceByKey.keys()];
    const limit = maxDistance ?? Math.max(2, Math.floor(key.length / 3));
    const scored: { name: string; score: number }[] = [];
    const seen = new Set<string>();
    for (const candidate of this.suggestionKeys) {
      if (Math.abs(candidate.length - key.length) > limit) continue;
      const score = distance(key, candidate);
      if (score > limit) continue;
      const source = this.sourceByKey.get(candidate)!;
      if (seen.has(source.id)) continue;
      seen.add(source.id);
      scored.push({ name: source.name, score });
    }
    scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
    const best = scored[0]?.score;
    return scored.filter((entry) => entry.score === best).slice(0, max).map((entry) => entry.name);
  }

  personWithId(id: string): Person | undefined {
    return this.personById.get(id);
  }

  findPerson(name: string): Person | null {
    return this.personByKey.get(nameKey(name)) ?? null;
  }

  /** The country a name, adjective or capital refers to: "Iran's", "Iranian", "Tehran's". */
  findCountry(word: string): Country | null {
    return this.countryByKey.get(nameKey(word.replace(/[’']s$/, ''))) ?? null;
  }
}
