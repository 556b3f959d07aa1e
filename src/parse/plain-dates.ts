/**
 * The common written dates ("March 20, 2023", "20 March 2023", "2023-03-20") read without
 * chrono-node, which costs ~60 ms to load: most articles with a dated event use only these
 * forms, so a one-file check (a git hook) never loads it. Anything else that could be a date
 * returns null, and the caller asks chrono; test/parse/dates.test.ts holds the two to the same
 * answers.
 */
import type { WrittenDate } from './dates.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Month names as chrono reads them: in full, or the first three letters (with "sept"), with an optional dot. */
const MONTH_WORD = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const PLAIN_DATE = new RegExp(
  `\\b${DAY} (${MONTH_WORD})(?:,)? ${YEAR}\\b|\\b(${MONTH_WORD}) ${DAY},? ${YEAR}\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
  'gi',
);
/** Just before a date: a weekday, or the first day of a range ("3-5 March", "3 to 5 March"). */
const EXTENDS_BEFORE = /(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*|\d\s*(?:[-–—/]|to|and|until|through)\s*)$/i;
/** Just after: a time, a range's end, or more of an ISO timestamp. */
const EXTENDS_AFTER = /^(?:,?\s*(?:at\s+)?\d|\s*[-–—/]\s*\d|T\d|\s*(?:to|until|through)\s+\d)/i;
/** Left over once the plain dates are taken out: could chrono still find a dated year here? */
const OTHER_DATE = new RegExp(`\\b${MONTH_WORD.slice(0, -3)}\\b|\\d[/.\\-]\\d|\\d(?:st|nd|rd|th)\\b`, 'i');

/** The dates in `text` (same answers as chrono's strict parser with a certain year), or null when chrono must decide. */
export function plainWrittenDates(text: string): WrittenDate[] | null {
  const found: WrittenDate[] = [];
  let rest = '';
  let last = 0;
  for (const match of text.matchAll(PLAIN_DATE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (EXTENDS_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || EXTENDS_AFTER.test(text.slice(end, end + 12))) return null;
    const iso = isoOf(match);
    if (iso === null) return null;
    found.push({ start, end, text: match[0], iso });
    rest += text.slice(last, start) + ' ';
    last = end;
  }
  rest += text.slice(last);
  return /\d{4}/.test(rest) && OTHER_DATE.test(rest) ? null : found;
}

/** The ISO date of a PLAIN_DATE match; null for a day the calendar does not have (chrono finds nothing there). */
function isoOf(match: RegExpMatchArray): string | null {
  const [day, month, year] = match[1] !== undefined
    ? [Number(match[1]), monthNumber(match[2]!), match[3]!]
    : match[4] !== undefined ? [Number(match[5]), monthNumber(match[4]), match[6]!] : [Number(match[9]), Number(match[8]), match[7]!];
  const date = new Date(Date.UTC(Number(year), month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(word: string): number {
  const prefix = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((name) => name.startsWith(prefix)) + 1;
}
