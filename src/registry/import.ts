/**
 * Imports public and newsroom source lists into registry entries: the wikitext of Wikipedia's
 * "Reliable sources/Perennial sources" table, or a CSV of name, domain, rating. An imported
 * row updates the rating of the entry it matches (by domain, then name) and keeps everything
 * else a newsroom wrote there; a row that matches nothing becomes a new entry marked for review.
 */
import { nameKey } from './normalize.js';
import type { Rating, Source } from './schema.js';

export const RSP_REFERENCE = 'https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources';

export interface ImportedRow {
  name: string;
  domains: string[];
  rating: Rating;
  provenance: string;
  reference: string;
}

const RSP_STATUS: Record<string, Rating> = { gr: 'generally-reliable', nc: 'no-consensus', m: 'no-consensus', gu: 'generally-unreliable', d: 'deprecated' };
const RSP_WORDS: Record<Rating, string> = {
  'generally-reliable': 'generally reliable', 'no-consensus': 'no consensus', 'generally-unreliable': 'generally unreliable',
  deprecated: 'deprecated', blacklisted: 'blacklisted', unrated: 'unrated',
};
/** Worst first: where a row carries several statuses, the worst one stands. */
const SEVERITY_ORDER: Rating[] = ['blacklisted', 'deprecated', 'generally-unreliable', 'no-consensus', 'generally-reliable', 'unrated'];

function worst(ratings: Rating[]): Rating {
  return SEVERITY_ORDER.find((rating) => ratings.includes(rating)) ?? 'unrated';
}

/** Rows of the perennial-sources table: `|- class="s-gr" id="…"` then one cell a line. */
export function parseRspWikitext(wikitext: string): ImportedRow[] {
  const rows: ImportedRow[] = [];
  for (const chunk of wikitext.split(/\n\|-/).slice(1)) {
    const rowClass = /^[^\n]*class="([^"]*)"/.exec(chunk)?.[1] ?? '';
    const statuses = [...chunk.matchAll(/\{\{WP:RSPSTATUS\|([a-z]+)([^}]*)\}\}/gi)];
    if (statuses.length === 0) continue;
    const ratings = statuses.map((status) => RSP_STATUS[status[1]!.toLowerCase()]).filter((rating): rating is Rating => rating !== undefined);
    const blacklisted = /\bs-b\b/.test(rowClass) || statuses.some((status) => /\bb\s*=\s*y/i.test(status[2] ?? ''));
    if (blacklisted) ratings.push('blacklisted');
    const rating = worst(ratings);
    const domains = [...chunk.matchAll(/\{\{WP:RSPUSES\|([^}]*)\}\}/gi)]
      .flatMap((uses) => uses[1]!.split('|'))
      .map((domain) => domain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, ''))
      .filter((domain) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain));
    const firstCell = /\n\|\s*([^\n]*)/.exec(chunk)?.[1] ?? '';
    const name = plainText(firstCell.replace(/\{\{WP:RSPSHORTCUT\|[^}]*\}\}/gi, '')) || /id="([^"]*)"/.exec(chunk)?.[1] || '';
    if (!name) continue;
    const last = /\{\{WP:RSPLAST\|(\d{4})/.exec(chunk)?.[1];
    rows.push({
      name,
      domains: [...new Set(domains)],
      rating,
      provenance: `Wikipedia perennial sources: ${RSP_WORDS[rating]}${last ? ` (last discussed ${last})` : ''}`,
      reference: RSP_REFERENCE,
    });
  }
  return rows;
}

/** "[[ABC News (United States)|ABC News (USA)]] (AP)" → "ABC News (USA) (AP)". */
function plainText(cell: string): string {
  return cell
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/''+/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CSV_RATINGS: Record<string, Rating> = {
  reliable: 'generally-reliable', 'generally reliable': 'generally-reliable', gr: 'generally-reliable',
  'no consensus': 'no-consensus', mixed: 'no-consensus', nc: 'no-consensus',
  unreliable: 'generally-unreliable', 'generally unreliable': 'generally-unreliable', gu: 'generally-unreliable',
  deprecated: 'deprecated', d: 'deprecated', blacklisted: 'blacklisted', banned: 'blacklisted', unrated: 'unrated', '': 'unrated',
};

/** A newsroom's list: a header row naming at least `name`, `domain` and `rating` columns (any order). */
export function parseSourceCsv(csv: string, listName: string): ImportedRow[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '').map((cell) => cell.toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const [nameAt, domainAt, ratingAt] = [column('name'), column('domain'), column('rating')];
  if (nameAt < 0 || ratingAt < 0) throw new Error(`${listName}: the first line must name the columns, with at least "name" and "rating" (and "domain")`);
  return lines.slice(1).map((line, index) => {
    const cells = splitCsvLine(line);
    const ratingText = (cells[ratingAt] ?? '').toLowerCase().replace(/-/g, ' ').trim();
    const rating = CSV_RATINGS[ratingText] ?? CSV_RATINGS[ratingText.replace(/ /g, '-')];
    if (!rating) throw new Error(`${listName}:${index + 2}: rating "${cells[ratingAt]}" is not one of reliable, no consensus, unreliable, deprecated, blacklisted, unrated`);
    const domains = domainAt >= 0 ? (cells[domainAt] ?? '').split(/[\s;]+/).map((domain) => domain.toLowerCase().replace(/^www\./, '')).filter(Boolean) : [];
    return { name: (cells[nameAt] ?? '').trim(), domains, rating, provenance: `${listName}: ${RSP_WORDS[rating]}`, reference: RSP_REFERENCE };
  }).filter((row) => row.name !== '');
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell.trim()); cell = ''; } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function idFor(name: string, taken: Set<string>): string {
  const base = nameKey(name).replace(/ /g, '-').replace(/[^a-z0-9-]/g, '') || 'source';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Merges imported rows into `existing` (a newsroom's own entries and the built-in ones to match
 * against): a matched entry gets the new rating and provenance, keeping its notes and other
 * fields; an unmatched row becomes a new entry. Returns the changed and new entries only.
 */
export function mergeImported(rows: readonly ImportedRow[], existing: readonly Source[], reference?: string): Source[] {
  const byDomain = new Map<string, Source>();
  const byName = new Map<string, Source>();
  for (const source of existing) {
    for (const domain of source.domains) byDomain.set(domain, source);
    for (const name of [source.name, ...source.aliases]) byName.set(nameKey(name), source);
  }
  const taken = new Set(existing.map((source) => source.id));
  const out = new Map<string, Source>();
  for (const row of rows) {
    const match = row.domains.map((domain) => byDomain.get(domain)).find(Boolean) ?? byName.get(nameKey(row.name));
    const base = match ? (out.get(match.id) ?? match) : undefined;
    const merged: Source = base
      ? { ...base, domains: [...new Set([...base.domains, ...row.domains])], reliability: { rating: row.rating, provenance: row.provenance } }
      : {
          id: idFor(row.name, taken), name: row.name, aliases: [], domains: row.domains, kind: 'website', country: 'ZZ', affiliation: 'unknown',
          reliability: { rating: row.rating, provenance: row.provenance },
          note: 'Imported; kind, country and affiliation not yet reviewed.', reference: reference ?? row.reference,
        };
    out.set(merged.id, merged);
    for (const domain of merged.domains) byDomain.set(domain, merged);
    byName.set(nameKey(merged.name), merged);
  }
  return [...out.values()];
}
