/** Article dates as YYYY-MM-DD, from whatever a front matter or an HTML page holds. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * A real calendar date (never 2025-02-30) as YYYY-MM-DD, by arithmetic rather than a Date round
 * trip. Years before 100 stay rejected, as that round trip rejected them (Date.UTC reads 0–99
 * as 1900–1999); the callers' years have four digits.
 */
function ymd(year: number, month: number, day: number): string | undefined {
  if (year < 100 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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
