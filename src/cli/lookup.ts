/** `citecheck sources <query>`: what the registries know about a name, alias, domain or URL. */
import pc from 'picocolors';
import { nameKey } from '../registry/normalize.js';
import { knownUntil, type Registry } from '../registry/registry.js';
import type { Office, Person, Source } from '../registry/schema.js';

export interface LookupResult {
  sources: Source[];
  people: Person[];
  offices: Office[];
}

export function lookup(registry: Registry, query: string): LookupResult {
  const exact = registry.findSource(query) ?? (/[./]/.test(query) ? registry.findSourceByUrl(query) : null);
  const key = nameKey(query);
  const contains = (names: readonly string[]) => key.length >= 2 && names.some((name) => nameKey(name).includes(key));
  const sources = exact ? [exact] : registry.sources.filter((source) => contains([source.name, ...source.aliases, ...source.domains]));
  const people = registry.people.filter((person) => contains([person.name, ...person.aliases]));
  const personIds = new Set(people.map((person) => person.id));
  const offices = registry.offices.filter((office) => contains([office.title, office.id, ...office.phrases]) || office.holders.some((holder) => personIds.has(holder.person)));
  return { sources, people, offices: offices.slice(0, 20) };
}

export function formatLookup(registry: Registry, found: LookupResult, color: boolean): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  for (const source of found.sources) {
    lines.push(`${c.bold(source.name)} ${c.dim(`(${source.id})`)}`);
    lines.push(`  kind: ${source.kind}, country: ${source.country}, affiliation: ${source.affiliation}`);
    if (source.owner) lines.push(`  owner: ${source.owner}`);
    lines.push(`  reliability: ${source.reliability.rating} — ${source.reliability.provenance}`);
    if (source.aliases.length) lines.push(`  aliases: ${source.aliases.join(', ')}`);
    if (source.domains.length) lines.push(`  domains: ${source.domains.join(', ')}`);
    if (source.note) lines.push(`  note: ${source.note}`);
    lines.push(`  reference: ${source.reference}`, '');
  }
  for (const person of found.people) {
    lines.push(`${c.bold(person.name)} ${c.dim(`(person: ${person.id})`)}`);
    if (person.aliases.length) lines.push(`  aliases: ${person.aliases.join(', ')}`);
    for (const office of registry.offices) {
      for (const holder of office.holders) {
        if (holder.person !== person.id) continue;
        lines.push(`  ${office.title} (${office.country}): ${holder.from} – ${holder.to ?? present(office)}${holder.acting ? ' (acting)' : ''}  ${c.dim(holder.reference)}`);
      }
    }
    lines.push(`  reference: ${person.reference}`, '');
  }
  for (const office of found.offices) {
    lines.push(`${c.bold(office.title)} ${c.dim(`(office: ${office.id}, ${office.country})`)}`);
    for (const holder of office.holders) {
      const name = registry.personWithId(holder.person)?.name ?? holder.person;
      lines.push(`  ${holder.from} – ${holder.to ?? present(office)}  ${name}${holder.acting ? ' (acting)' : ''}`);
    }
    lines.push(`  reference: ${office.reference}`, '');
  }
  return lines.join('\n');
}

/** An open term: in office on the registry's last check of the office, if it says when that was. */
function present(office: Office): string {
  const asOf = knownUntil(office);
  return asOf ? `present (as of ${asOf})` : 'present';
}
