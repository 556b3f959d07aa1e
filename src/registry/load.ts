/**
 * Reads registry YAML, validates it with zod and checks what a schema cannot: ids, aliases and
 * domains claimed twice, office holders out of order or overlapping, holders who are not
 * people. Every problem is one `file:line: key: problem` line; all of them fail together.
 */
import { readFileSync } from 'node:fs';
import { compareDates, nameKey } from './normalize.js';

export { compareDates };
import { EMPTY_REGISTRY_DATA, type RegistryData } from './registry.js';
import { overrideFileSchema, registryFileSchema, sourceSchema, personSchema, officeSchema, eventSchema } from './schema.js';
import { describeZodError, InputError, parseYaml, type ParsedYaml } from './yaml-errors.js';

type Section = keyof RegistryData;
const SECTIONS: Section[] = ['sources', 'countries', 'people', 'offices', 'events'];

/** Where an entry came from, to name both places when two entries collide. */
interface Origin {
  parsed: ParsedYaml;
  keyPath: PropertyKey[];
}

function where(origin: Origin | undefined): string {
  return origin ? `${origin.parsed.path}:${origin.parsed.lineOf(origin.keyPath)}` : 'the built-in registry';
}

/**
 * The built-in registry from its YAML files (every entry complete), or a user's files merged
 * over `base` (an entry with a known id may give only the fields it changes).
 */
export function loadRegistryFiles(paths: readonly string[], base: RegistryData = EMPTY_REGISTRY_DATA): RegistryData {
  const files = paths.map((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new InputError([`${path}: cannot read registry file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
    }
    return { path, text };
  });
  return mergeRegistryTexts(files, base);
}

export function mergeRegistryTexts(files: readonly { path: string; text: string }[], base: RegistryData = EMPTY_REGISTRY_DATA): RegistryData {
  const isOverride = base !== EMPTY_REGISTRY_DATA;
  const problems: string[] = [];
  const merged = { sources: [...base.sources], countries: [...base.countries], people: [...base.people], offices: [...base.offices], events: [...base.events] } as RegistryData;
  const origins = new Map<string, Origin>();
  // Where each id stands in its merged list: a look-up per entry, not a search (1,000 sources
  // over the built-in 785 made 800,000 comparisons).
  const positions = new Map<string, number>();
  for (const section of SECTIONS) {
    (merged[section] as { id?: string; code?: string }[]).forEach((entry, index) => {
      const key = `${section}:${entry.id ?? entry.code!}`;
      if (!positions.has(key)) positions.set(key, index);
    });
  }

  for (const file of files) {
    let parsed: ParsedYaml;
    try {
      parsed = parseYaml(file.path, file.text);
    } catch (error) {
      if (error instanceof InputError) { problems.push(...error.lines); continue; }
      throw error;
    }
    const result = (isOverride ? overrideFileSchema : registryFileSchema).safeParse(parsed.value ?? {});
    if (!result.success) { problems.push(...describeZodError(parsed, result.error)); continue; }
    const { asOf } = result.data;
    for (const section of SECTIONS) {
      const entries = result.data[section] as { id?: string; code?: string; asOf?: string }[];
      entries.forEach((given, index) => {
        // The file's day for its offices, unless an office gives its own.
        const entry = section === 'offices' && asOf && given.asOf === undefined ? { ...given, asOf } : given;
        const keyPath = [section, index];
        const id = entry.id ?? entry.code!;
        const list = merged[section] as { id?: string; code?: string }[];
        const key = `${section}:${id}`;
        const existing = positions.get(key) ?? -1;
        // Over the built-in registry an id may come back to override it, but not twice in one file:
        // the second entry would silently replace the first, its aliases and domains with it.
        if (existing >= 0 && (!isOverride || origins.get(key)?.parsed === parsed)) {
          problems.push(`${parsed.path}:${parsed.lineOf(keyPath)}: ${section}[${index}].id: duplicate id "${id}" (also at ${where(origins.get(key))})`);
          return;
        }
        const full = existing >= 0 ? { ...list[existing], ...entry } : entry;
        const schema = { sources: sourceSchema, people: personSchema, offices: officeSchema, events: eventSchema, countries: null }[section];
        let complete = full;
        if (schema && isOverride) {
          // The parsed entry: a new one gets the defaults its override left out.
          const check = schema.safeParse(full);
          if (!check.success) { problems.push(...describeZodError(parsed, check.error, keyPath)); return; }
          complete = check.data;
        }
        if (existing >= 0) list[existing] = complete;
        else positions.set(key, list.push(complete) - 1);
        origins.set(key, { parsed, keyPath });
      });
    }
  }
  problems.push(...crossCheck(merged, origins));
  if (problems.length > 0) throw new InputError(problems);
  return merged;
}

/** What a schema cannot see: names and domains claimed twice, impossible holder timelines. */
function crossCheck(data: RegistryData, origins: Map<string, Origin>): string[] {
  const problems: string[] = [];
  const claimed = new Map<string, string>();
  for (const source of data.sources) {
    const origin = origins.get(`sources:${source.id}`);
    const seenHere = new Set<string>();
    for (const name of [source.name, ...source.aliases]) {
      const key = nameKey(name);
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      const owner = claimed.get(`name:${key}`);
      if (owner && owner !== source.id) problems.push(`${where(origin)}: sources.${source.id}: the name "${name}" also belongs to "${owner}" (${where(origins.get(`sources:${owner}`))})`);
      else claimed.set(`name:${key}`, source.id);
    }
    for (const domain of source.domains) {
      const owner = claimed.get(`domain:${domain}`);
      if (owner && owner !== source.id) problems.push(`${where(origin)}: sources.${source.id}: the domain "${domain}" also belongs to "${owner}" (${where(origins.get(`sources:${owner}`))})`);
      else claimed.set(`domain:${domain}`, source.id);
    }
  }
  const people = new Set(data.people.map((person) => person.id));
  for (const office of data.offices) {
    const origin = origins.get(`offices:${office.id}`);
    const holders = [...office.holders].sort((a, b) => a.from.localeCompare(b.from));
    office.holders.forEach((holder) => {
      if (!people.has(holder.person)) problems.push(`${where(origin)}: offices.${office.id}: holder "${holder.person}" is not in people`);
      if (holder.to && compareDates(holder.to, holder.from) < 0) problems.push(`${where(origin)}: offices.${office.id}: ${holder.person} leaves (${holder.to}) before taking office (${holder.from})`);
    });
    for (let i = 1; i < holders.length; i++) {
      const previous = holders[i - 1]!;
      const next = holders[i]!;
      if (!previous.to) problems.push(`${where(origin)}: offices.${office.id}: ${previous.person} has no end date but ${next.person} took office on ${next.from}`);
      else if (compareDates(previous.to, next.from) > 0) problems.push(`${where(origin)}: offices.${office.id}: ${previous.person} (to ${previous.to}) overlaps ${next.person} (from ${next.from})`);
    }
  }
  return problems;
}
