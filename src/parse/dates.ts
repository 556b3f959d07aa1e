/**
 * Dates as precise as they are known (2023, 2023-03, 2023-03-19), and the dates an article
 * writes out ("March 20, 2023", "20 March 2023", "2023-03-20"). Written dates are read with
 * chrono-node, loaded synchronously and only for a sentence that has a date-like run in it that
 * plain-dates.ts cannot read alone (rules run synchronously, so a dynamic import() is not
 * possible there).
 */
import { createRequire } from 'node:module';
import { compareDates } from '../registry/normalize.js';
import { plainWrittenDates } from './plain-dates.js';
import type * as ChronoEn from 'chrono-node/en';

export { compareDates };

/** True unless `date` is certainly outside [from, to]; both ends count as held (hand-over days are ambiguous). */
export function within(date: string, from: string, to: string | undefined): boolean {
  return compareDates(from, date) <= 0 && (to === undefined || compareDates(date, to) <= 0);
}

/** Days from a to b, partial dates taken at their first day. */
export function daysBetween(a: string, b: string): number {
  const day = (iso: string) => Date.parse(`${iso}${iso.length === 4 ? '-01-01' : iso.length === 7 ? '-01' : ''}T00:00:00Z`);
  return Math.round((day(b) - day(a)) / 86_400_000);
}

export interface WrittenDate {
  /** Offsets into the text given to writtenDates. */
  start: number;
  end: number;
  text: string;
  /** As precise as written: 2023-03-20, or 2023-03 for "March 2023". */
  iso: string;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** A month name next to a number, or an ISO date: the only sentences chrono is loaded for. */
const DATE_CUE = new RegExp(`\\b${MONTH} \\d|\\d ${MONTH}|\\b\\d{4}-\\d{2}-\\d{2}\\b`, 'i');

let chrono: typeof ChronoEn | null = null;

/** Dates written with a year in `text` (never "today" or "on Tuesday": their year is not written). */
export function writtenDates(text: string): WrittenDate[] {
  if (!DATE_CUE.test(text)) return [];
  return plainWrittenDates(text) ?? chronoDates(text);
}

/** chrono-node's answer (exported for the test that holds plain-dates.ts to it). */
export function chronoDates(text: string): WrittenDate[] {
  chrono ??= createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEn;
  const found: WrittenDate[] = [];
  for (const result of chrono.strict.parse(text)) {
    const start = result.start;
    if (!/\d{4}/.test(result.text) || !start.isCertain('year') || !start.isCertain('month')) continue;
    const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
    const iso = `${start.get('year')}-${pad(start.get('month'))}${start.isCertain('day') ? `-${pad(start.get('day'))}` : ''}`;
    // chrono keeps a leading preposition ("on 20 March 2023"); the date is what follows it.
    const lead = /^(?:on|in|at|of|the|from|since|by)\s+/i.exec(result.text)?.[0].length ?? 0;
    found.push({ start: result.index + lead, end: result.index + result.text.length, text: result.text.slice(lead), iso });
  }
  return found;
}
