/** Article dates as YYYY-MM-DD, from whatever a front matter or an HTML page holds. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function ymd(year: number, month: number, day: number): string | undefined {
  // Round-trip through Date.UTC to reject 2025-02-30 and friends.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * The calendar date in a Date or a string: ISO 8601 (the date as written, so a time zone never
 * moves it to another day), "August 12, 2025" or "12 August 2025". Undefined when not a real date.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m && monthNumber(m[1]!) > 0) return ymd(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(s);
  if (m && monthNumber(m[2]!) > 0) return ymd(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  return undefined;
}
