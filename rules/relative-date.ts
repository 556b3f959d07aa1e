import { defineRule } from '../src/engine/rule.js';
import { insideQuotation, quotations, wordsOfClaim, type Quotation, type Word } from '../src/parse/features.js';

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Words that are relative dates on their own. */
const ALONE = set('today tonight yesterday tomorrow today’s today\'s yesterday’s yesterday\'s tomorrow’s tomorrow\'s');
const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');
const PERIODS = set('morning afternoon evening night week weekend month year');
const UNITS = set('day days week weeks month months year years');
/** "this week", "last month", "next Friday"; "later this week", "earlier this month". */
const DEICTIC = set('this last next');
const SHIFT = set('later earlier');
/** "on Monday", "late Friday": a weekday with one of these before it is a date relative to publication. */
const WEEKDAY_LEADS = set('on by until since from late early last next this');
const COUNTS = set('a an one two three four five six seven eight nine ten several few');

/**
 * Every relative date holds a word of ALONE, WEEKDAYS, PERIODS or UNITS, or "ago": one of these
 * stems must be in the sentence before its words are read. Word.lower is toLowerCase, which also
 * makes the Kelvin sign a "k"; /i without /u matches ASCII letters only, so that spelling is listed.
 */
const RELATIVE_CUE = /day|night|tomorrow|morning|afternoon|evening|week|wee\u212a|month|year|ago/i;

/** A module constant: the bundler writes a Unicode-property literal as `new RegExp(…)`, built anew at every use. */
const CAPITALISED = /^\p{Lu}/u;

/** The relative date that starts at word i, as [first, last] word indexes, or null. */
function relativeAt(words: readonly Word[], i: number): [number, number] | null {
  const word = words[i]!;
  const next = words[i + 1]?.lower;
  // "USA Today", "Russia Today": a capitalised Today after a name is an outlet.
  if (ALONE.has(word.lower)) return word.raw.startsWith('T') && !word.initial && CAPITALISED.test(words[i - 1]?.raw ?? '') ? null : [i, i];
  if (SHIFT.has(word.lower) && next === 'this' && PERIODS.has(words[i + 2]?.lower ?? '')) return [i, i + 2];
  if (SHIFT.has(word.lower) && next === 'today') return [i, i + 1];
  if (DEICTIC.has(word.lower) && next && (PERIODS.has(next) || WEEKDAYS.has(next))) return [i, i + 1];
  if (word.lower === 'this' && next === 'past' && PERIODS.has(words[i + 2]?.lower ?? '')) return [i, i + 2];
  if (WEEKDAY_LEADS.has(word.lower) && next && WEEKDAYS.has(next.replace(/[’']s$/, '')) && CAPITALISED.test(words[i + 1]!.raw)) return [i, i + 1];
  if (next && UNITS.has(next) && words[i + 2]?.lower === 'ago' && (COUNTS.has(word.lower) || /^\d+$/.test(word.raw))) return [i, i + 2];
  // AP style, without "on": "resigned Monday", "opens Friday", "said Tuesday's talks".
  if (i > 0 && weekday(word.lower) && CAPITALISED.test(word.raw) && LOWERCASE.test(words[i - 1]!.raw) && !NOT_A_DAY.has(words[i - 1]!.lower)) return [i, i];
  return null;
}

const LOWERCASE = /^\p{Ll}/u;

/** "monday", "monday's": a weekday, possessive or not (a look-up, not a regex, for every word). */
function weekday(lower: string): boolean {
  return WEEKDAYS.has(lower) || ((lower.endsWith("'s") || lower.endsWith('’s')) && WEEKDAYS.has(lower.slice(0, -2)));
}
/** "the Monday meeting", "every Friday", "a Sunday paper": a weekday as a kind of day, not a date. */
const NOT_A_DAY = set('the a an every each any one that those these which');

/**
 * A wire dateline with the day, "SEATTLE, Nov. 5, 2025 -", "BAGHDAD, Sept 16 (Reuters) -",
 * "London, 5 November —": the copy gives its date, and "on Tuesday" is the Tuesday before it.
 * A place in capitals, or a dash after the date (and year and credit): "However, May 2 marks…"
 * is no dateline.
 */
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const PLACE_AND_DAY = new RegExp(`^(\\p{Lu}[\\p{L}\\p{M} .'’/-]{1,40})(?:,\\s+\\p{Lu}[\\p{L}.]{1,20}(?:\\s\\p{Lu}[\\p{L}.]{1,20})?)?,\\s+(?:${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}\\s+${MONTH}(?=[\\s,(]))`, 'u');
/** After the date: the year, the agency's or wire's credit ("(Reuters)", "/PRNewswire/"), a dash. */
const THEN_DASH = /^(?:,?\s*\d{4})?\s*(?:\([^()]{1,40}\)|\/[^/\n]{1,40}\/)?\s*[-–—]/;

/** A dateline opening one of the first five paragraphs (after a headline, a subhead, a byline, "FOR IMMEDIATE RELEASE"). */
function hasDateline(text: string, blocks: readonly { start: number; end: number }[]): boolean {
  return blocks.slice(0, 5).some((block) => {
    const opening = text.slice(block.start, Math.min(block.end, block.start + 120));
    const match = PLACE_AND_DAY.exec(opening);
    return match !== null && (match[1] === match[1]!.toUpperCase() || THEN_DASH.test(opening.slice(match[0].length)));
  });
}

export default defineRule({
  meta: {
    id: 'relative-date',
    description: '"today", "yesterday", "later this week" while the article has no known date: the reader cannot tell which day is meant.',
    severity: 'info',
    fixable: false,
    messages: {
      relative: '"{{phrase}}" is relative to a publication date the article does not give. Write the date, or give the article one (--date, front matter, HTML metadata).',
    },
    defaults: {},
  },
  check({ document, claims, date, report }) {
    if (date !== null) return;
    // Looked for only once there is a relative date to excuse: most articles have none.
    let dated: boolean | null = null;
    for (const claim of claims) {
      if (!RELATIVE_CUE.test(claim.text)) continue;
      const words = wordsOfClaim(claim);
      let quoted: Quotation[] | null = null;
      for (let i = 0; i < words.length; i++) {
        const found = relativeAt(words, i);
        if (!found) continue;
        // A quotation's words are the speaker's, and the writer cannot change them.
        quoted ??= quotations(claim.text);
        const at = words[found[0]]!.start;
        if (insideQuotation(quoted, at)) {
          i = found[1];
          continue;
        }
        if ((dated ??= hasDateline(document.text, document.blocks))) return;
        const start = claim.start + words[found[0]]!.start;
        const end = claim.start + words[found[1]]!.end;
        report({ messageId: 'relative', data: { phrase: document.text.slice(start, end) }, start, end, claimId: claim.id });
        i = found[1];
      }
    }
  },
});
