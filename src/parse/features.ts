/**
 * Check-worthiness: which features make a sentence worth checking, in the vocabulary of
 * ClaimBuster (a check-worthy factual sentence) and Full Fact (quantity, correlation/causation,
 * rules, prediction; personal experience is not check-worthy). One pass of word look-ups per
 * sentence; phrases are matched word by word, so nothing can backtrack.
 */
import type { ClaimFeature } from './claim.js';
import { WordShapes, hasDigit, isDigit, isSpace, pointMatch, startsDigit, startsLower, startsUpper, unitTest } from './chars.js';

/** A word of a sentence; `raw` has no trailing punctuation. */
export interface Word {
  raw: string;
  lower: string;
  start: number;
  end: number;
  /** True when the word opens the sentence, a quotation or a clause after a colon (capitalised by position). */
  initial: boolean;
}

/**
 * A word: a letter, digit, currency sign, @ or # and what may follow one, per code point, as
 * /[\p{L}\p{Nd}$€£¥@#][\p{L}\p{Nd}\p{M}’'.,%$€£¥@&/-]*\/gu matches them. Scanned by hand: that
 * regex's exec made a match array for every word, half of what splitting a sentence allocated.
 */
const wordStart = pointMatch(/[\p{L}\p{Nd}$€£¥@#]/u);
const wordPart = pointMatch(/[\p{L}\p{Nd}\p{M}’'.,%$€£¥@&/-]/u);
const ABBREVIATION = /^(\p{L}\.)+$/u;

/** Trailing punctuation a word sheds: . , ’ ' / & - */
function isTrailing(code: number): boolean {
  return code === 46 || code === 44 || code === 0x2019 || code === 39 || code === 47 || code === 38 || code === 45;
}

/** "U.S.", "e.g.": letters each followed by a full stop (so the second or third unit is one). */
function isAbbreviation(raw: string): boolean {
  return (raw.charCodeAt(1) === 46 || raw.charCodeAt(2) === 46) && ABBREVIATION.test(raw);
}

/** Characters after which the next word is capitalised by position: . ! ? : “ " « */
function opensClause(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 58 || code === 0x201c || code === 34 || code === 0xab;
}

/**
 * The words of a sentence, skipping citation residue: anything inside square brackets ("[12]",
 * "[citation needed]"), footnote carets ("^4"), chip counts ("+12") and superscripts. Only the
 * characters between words move the bracket depth and the "initial" flag.
 */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  forEachWord(text, (start, end, initial) => {
    const raw = text.slice(start, end);
    words.push({ raw, lower: raw.toLowerCase(), start, end, initial });
  });
  return words;
}

/**
 * The words wordsOf finds, as offsets, for a caller that only looks at them: each is given to
 * `visit` (its end without the trailing marks shed, and whether it is capitalised by position),
 * and a visit that returns true ends the walk.
 */
export function forEachWord(text: string, visit: (start: number, end: number, initial: boolean) => boolean | void): void {
  let depth = 0;
  let initial = true;
  for (let i = 0; i < text.length;) {
    let units = wordStart(text, i);
    if (units === 0) {
      const code = text.charCodeAt(i++);
      if (code === 91) depth++;
      else if (code === 93) depth = Math.max(0, depth - 1);
      else if (opensClause(code)) initial = true;
      continue;
    }
    const start = i;
    i += units;
    while (i < text.length && (units = wordPart(text, i)) > 0) i += units;
    // The trailing marks shed stay part of the match: they move neither depth nor "initial".
    let stop = i;
    while (isTrailing(text.charCodeAt(stop - 1)) && !(text.charCodeAt(stop - 1) === 46 && isAbbreviation(text.slice(start, stop)))) stop--;
    const before = text.charCodeAt(start - 1);
    // Skipped: inside brackets, all marks, and a chip's or footnote's count ("+12", "^4").
    if (depth > 0 || stop === start || ((before === 43 || before === 94) && isDigit(text.charCodeAt(start)))) continue;
    if (visit(start, stop, initial) === true) return;
    initial = false;
  }
}

/**
 * Where a claim keeps its words, with the text they came from (a merged claim's text changes).
 * A symbol, not a WeakMap: V8's young-generation collector keeps a WeakMap's values alive for
 * one more collection after their keys die, which promoted every claim's words to the old
 * generation, to die there (about a tenth of a run's time went to that). A symbol property is
 * also left out of JSON, and of the structured clone a --jobs worker sends its results by.
 */
const WORDS = Symbol('words');
type WithWords = { readonly text: string; [WORDS]?: { text: string; words: readonly Word[] } };

/** wordsOf(claim.text), remembered for the claim: finding claims, support and rules all read them. */
export function wordsOfClaim(claim: { readonly text: string }): readonly Word[] {
  const known = (claim as WithWords)[WORDS];
  if (known !== undefined && known.text === claim.text) return known.words;
  const words = wordsOf(claim.text);
  (claim as WithWords)[WORDS] = { text: claim.text, words };
  return words;
}

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Multi-word cues by first word: "due to" is stored under "due" as ["due", "to"]. */
function phrases(list: string): ReadonlyMap<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const phrase of list.split(',')) {
    const parts = phrase.trim().split(' ');
    map.set(parts[0]!, [...(map.get(parts[0]!) ?? []), parts]);
  }
  return map;
}

/** The cue phrase that starts at word i, longest first, or null. One "-ly" adverb may sit inside ("driven largely by"). */
function phraseAt(words: readonly Word[], i: number, table: ReadonlyMap<string, string[][]>): string | null {
  const candidates = table.get(words[i]!.lower);
  if (!candidates) return null;
  let best: string[] | null = null;
  for (const parts of candidates) {
    let at = i + 1;
    let skipped = false;
    const matches = parts.slice(1).every((part) => {
      if (words[at]?.lower !== part && !skipped && words[at]?.lower.endsWith('ly')) {
        skipped = true;
        at++;
      }
      return words[at++]?.lower === part;
    });
    if (matches && (!best || parts.length > best.length)) best = parts;
  }
  return best ? best.join(' ') : null;
}

const MONTHS = set('january february march april may june july august september october november december');
const MONTH_ABBREVIATIONS = set('jan feb mar apr jun jul aug sep sept oct nov dec');
const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');
const RELATIVE_DAYS = set('yesterday tomorrow today tonight');
const PERIOD_WORDS = set('week weekend month year quarter');
const DEICTIC = set('last next this past');
const DATE_LEADS = set('in on since by until from early late mid last next this of during before after');
const NUMBER_WORDS = set('two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands dozen dozens half doubled tripled quadrupled halved decade decades century centuries');
const BIG_NUMBERS = set('million millions billion billions trillion percent');

/**
 * Event and state verbs of news copy, and Full Fact's "rules" words (banned, illegal, requires).
 * Forms that are as often nouns ("rate increases", "a cut", "costs") are left out.
 */
const FACTUAL_VERBS = set(`
  signed kill kills killed died wounded injured arrested detained released freed
  rose risen fell fallen dropped climbed jumped surged plunged slumped soared
  increased decreased declined grew grown shrank shrunk
  doubled tripled halved raised lowered averaged totalled totaled reached exceeded topped
  won lost beat defeated scored approve approves approved rejected passed voted
  elected appointed named resigned fired dismissed sacked announced launched unveiled attacked struck bombed shelled
  invaded seized captured banned bans sanctioned imposed imposes agreed ratified met visited hosted welcomed received
  recorded confirmed denied admitted accused charged convicted sentenced acquitted ordered ruled built closed opened
  founded established deployed withdrew withdrawn funded paid spent earned exported imported produced
  produces owns owned controls controlled holds held acquired bought sold merged invested borrowed
  owes employs hired fled displaced evacuated destroyed damaged collapsed erupted crashed shot overturned sank
  burned flooded suspended blocked vetoed pledged promised vowed adopted enacted repealed amended declared abolished
  expelled deported executed sued fined settled discovered invented completed inscribed incorporated designated
  recognised recognized joined served born married graduated awarded accounts accounted stationed applied
  requires required prohibits prohibited illegal unconstitutional mandatory enrolled attended delayed postponed
  cancelled canceled reduced began begun started ended resumed halted stopped returned arrived landed escaped
  surrendered retreated kidnapped abducted rescued`);
/** Superlatives and rankings; "-est" words after "the" or a possessive are found by shape. */
const SUPERLATIVES = set('inaugural maiden largest biggest smallest highest lowest record worst best fastest longest oldest youngest deadliest strongest weakest busiest richest poorest greatest hottest coldest warmest driest wettest heaviest unprecedented first');
const NOT_SUPERLATIVE = set('interest protest forest request contest harvest conquest inquest manifest arrest honest modest earnest priest behest unrest latest digest');
const SUPERLATIVE_LEADS = set('the its their his her our and');
/** Rankings that are superlatives after a possessive: "the world's leading provider", "Iraq's top court". */
const RANKINGS = set('leading top foremost');
const CAUSAL = phrases('because, due to, led to, leads to, lead to, leading to, caused, causes, cause of, as a result, resulted in, results in, result of, thanks to, owing to, blamed on, blamed for, driven by, fuelled by, fueled by, triggered by, sparked by, linked to, responsible for, contributed to, attributed to');
const PREDICTION = phrases('will, won’t, won\'t, expected, set to, scheduled to, scheduled for, due to, poised to, projected to, forecast to, plans to, plan to, planning to, going to, should be, on track to, targeted for');
/** "due to", "set to" and "expected" predict only after a form of "be": "is due to sign", not "due to the war". */
const BE = set('is are was were be been being am ’s \'s');
const HEDGES = set('may might could perhaps possibly arguably seemingly apparently likely unlikely potentially potential appears seems seem suggests');
/** Framing and evaluation: what a summary says about a fact, not a fact. */
const FRAMING = set(`
  significant significance signals signal signaling signalling highlights highlighting underscores underscoring reflects
  reflecting represents representing marks marking symbolises symbolizes demonstrates heralds critical crucial vital
  pivotal key important landmark milestone bold compelling remarkable remarkably dominant broader wider deeper
  growing shifting strategic historic crossroads juncture precedent wake-up game-changer changer charting
  reinforcing strengthening remains overall summary conclusion notably worth`);
const OPINION = set('i me my we our us should must ought nobody everyone anyone seriously');
const PRONOUNS = set('he she it they this that these those there we i you');
const OFFICES = set('minister president secretary adviser advisor ambassador spokesman spokeswoman spokesperson chancellor governor mayor chief commander director premier king queen prince senator judge chairman chairwoman envoy officer ceo cfo');
/** Site furniture, bylines and legal lines: never claims, whatever figures they carry. */
const BOILERPLATE = phrases('copyright, all rights reserved, reporting by, editing by, writing by, additional reporting, contributed to this report, contributed reporting, forward-looking statements, may not be published, redistributed without, views expressed, request for comment, declined to comment, reached for comment, newsletter, advertisement, condition of anonymity, not authorized to speak, not authorised to speak, report an error, report a correction');
/** Calls to action, boilerplate only when they open the sentence: "Follow us on…", not "countries that sign up to…". */
const CALLS_TO_ACTION = phrases('follow us, sign up, subscribe, click here, read more, share this, get our, download our, listen to, watch');

/** What a word can start or be, one bit per check: one look-up per word says which checks can apply to it. */
const CUE = {
  boilerplate: 1 << 0, callToAction: 1 << 1, number: 1 << 2, date: 1 << 3, factual: 1 << 4, superlative: 1 << 5,
  causal: 1 << 6, prediction: 1 << 7, office: 1 << 8, hedge: 1 << 9, framing: 1 << 10, opinion: 1 << 11,
} as const;

function cueTable(entries: ReadonlyArray<[Iterable<string>, number]>): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  for (const [words, cue] of entries) for (const word of words) table.set(word, (table.get(word) ?? 0) | cue);
  return table;
}

/** Words that can name a date: months (also with a full stop, as isMonth reads them), weekdays, "today", "week". */
const DATE_WORDS = [...MONTHS, ...MONTH_ABBREVIATIONS].flatMap((month) => [month, `${month}.`]).concat([...WEEKDAYS, ...RELATIVE_DAYS, ...PERIOD_WORDS]);

/** Every word list above, by the check it feeds; a word in none of them needs only the checks by shape. */
const CUES = cueTable([
  [BOILERPLATE.keys(), CUE.boilerplate], [CALLS_TO_ACTION.keys(), CUE.callToAction], [NUMBER_WORDS, CUE.number], [DATE_WORDS, CUE.date],
  [FACTUAL_VERBS, CUE.factual], [[...SUPERLATIVES, ...RANKINGS, 'most', 'only'], CUE.superlative], [CAUSAL.keys(), CUE.causal],
  [PREDICTION.keys(), CUE.prediction], [OFFICES, CUE.office], [HEDGES, CUE.hedge], [FRAMING, CUE.framing], [OPINION, CUE.opinion],
]);
const CUE_SHAPES = new WordShapes(CUES.keys());

/** Weight of each feature in the score; a figure written in digits counts more than "two". */
const WEIGHTS: Record<ClaimFeature, number> = {
  quantity: 0.5, date: 0.45, 'factual-verb': 0.4, superlative: 0.4, causal: 0.4, prediction: 0.3, quotation: 0.15, title: 0.25,
};
/** A number word ("two rivers") or a weekday ("on Friday") says less than "14%" or "20 March 2023". */
const WEAK_QUANTITY = 0.3;
const WEAK_DATE = 0.3;
const NAMED = 0.1;
const HEDGE_PENALTY = 0.3;
const FRAMING_PENALTY = 0.2;
const OPINION_PENALTY = 0.3;
export const CHECKWORTHY_THRESHOLD = 0.5;

/** Why a sentence is not check-worthy whatever its features. */
export type Exclusion = 'question' | 'heading' | 'boilerplate';

export interface FeatureResult {
  features: ClaimFeature[];
  score: number;
  /** What a message can quote: the figure, date or word that triggered each feature. */
  evidence: Partial<Record<ClaimFeature, string>>;
  excluded: Exclusion | null;
}

/** A direct quotation: offsets of the marks, and how many words it holds. */
export interface Quotation {
  start: number;
  end: number;
  words: number;
  /** False when the closing mark is missing (a quotation running on into the next paragraph). */
  closed: boolean;
}

/** Opening marks “ " « (as code units) and the marks that close them. */
const CLOSER_OF = new Map([[0x201c, 0x201d], [0x22, 0x22], [0xab, 0xbb]]);

/** Quotations in double quotes, paired left to right; an unclosed one runs to the end of the text. */
export function quotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  if (!text.includes('"') && !text.includes('“') && !text.includes('«')) return found;
  let open = -1;
  let closer = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (open >= 0) {
      if (code !== closer) continue;
      found.push({ start: open, end: i + 1, words: countWords(text, open + 1, i), closed: true });
      open = -1;
    } else if (code === 0x22 || code === 0x201c || code === 0xab) {
      open = i;
      closer = CLOSER_OF.get(code)!;
    }
  }
  if (open >= 0) found.push({ start: open, end: text.length, words: countWords(text, open + 1, text.length), closed: false });
  return found;
}

/** Whether offset `at` lies inside one of `quotes` (quotations() gives them in order, apart): a binary search. */
export function insideQuotation(quotes: readonly Quotation[], at: number): boolean {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && at < quotes[lo - 1]!.end;
}

/** What starts a word of a quotation, and what a word goes on with. */
const letterOrNumber = unitTest(/[\p{L}\p{N}]/u);
const wordCharacter = unitTest(/[\p{L}\p{N}’'-]/u);

function countWords(text: string, from: number, to: number): number {
  let words = 0;
  for (let i = from; i < to; i++) if (letterOrNumber(text.charCodeAt(i)) && (i === from || !wordCharacter(text.charCodeAt(i - 1)))) words++;
  return words;
}

/** A quotation of four words or more that is not a Title Case name of a work ("Grounded: Travel in a Warming World"). */
export function isDirectQuotation(text: string, quote: Quotation): boolean {
  if (quote.words < 4) return false;
  const inner = wordsOf(text.slice(quote.start + 1, quote.closed ? quote.end - 1 : quote.end));
  return !inner.every((word) => TITLE_CASE_WORD.test(word.raw) || MINOR.has(word.lower));
}
const TITLE_CASE_WORD = /^[\p{Lu}\p{N}]/u;
const MINOR = set('a an the and or of in on at to for by with from as vs via');

/** An acronym or a word in capitals opening a sentence: "NATO", "IRNA". */
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;

/** The last character of the sentence before trailing space and closing marks ” " ’ ) ]: its code, or NaN. */
function lastMark(sentence: string): number {
  let i = sentence.length - 1;
  while (i >= 0 && isSpace(sentence.charCodeAt(i))) i--;
  while (i >= 0 && isCloser(sentence.charCodeAt(i))) i--;
  return sentence.charCodeAt(i);
}
/** ” " ’ ) ] */
function isCloser(code: number): boolean {
  return code === 0x201d || code === 34 || code === 0x2019 || code === 41 || code === 93;
}

/** A sentence whose last mark (see lastMark) is a question mark. */
function isQuestion(mark: number): boolean {
  return mark === 63;
}

/** A line without closing punctuation whose words are capitalised: a heading or a byline. */
function isHeading(mark: number, words: readonly Word[]): boolean {
  // . ! ? … : ;
  if (mark === 46 || mark === 33 || mark === 63 || mark === 0x2026 || mark === 58 || mark === 59 || words.length > 12) return false;
  return words.every((word) => !startsLower(word.raw) || MINOR.has(word.lower));
}

/** words[k], or undefined outside the sentence (never an array read at -1, which V8 looks up as a property). */
function at(words: readonly Word[], k: number): Word | undefined {
  return k >= 0 && k < words.length ? words[k] : undefined;
}

/** A press contact's block: a phone number on a line of its own ("Northwind Robotics\n+1 (512) 555-0142"). */
const CONTACT_LINE = /(?:^|\n)[ \t]*\+?\(?\d[\d \t().\/-]{6,}(?:\n|$)/;

/** "held up the package" (delayed), "the assets are held at Euroclear" (kept): no event held. */
function heldAsState(words: readonly Word[], i: number, previous: string): boolean {
  const next = at(words, i + 1)?.lower;
  return next === 'up' || next === 'back' || next === 'off' || previous === 'are' || previous === 'is';
}

/** The figure a number word or digit token starts: "$3.2 billion", "14%", "1.2 million". */
function figure(words: readonly Word[], i: number): string {
  const next = at(words, i + 1);
  return next && BIG_NUMBERS.has(next.lower) ? `${words[i]!.raw} ${next.raw}` : words[i]!.raw;
}

/** "March 20, 2023", "24 July 1923", "May 2022": the month with the numbers around it, as written. */
function dateAround(sentence: string, words: readonly Word[], i: number): string {
  let from = i;
  let to = i;
  if (/^\d{1,2}$/.test(at(words, i - 1)?.raw ?? '')) from--;
  while (to < i + 2 && /^\d{1,4}$/.test(at(words, to + 1)?.raw ?? '')) to++;
  return sentence.slice(words[from]!.start, words[to]!.end);
}

const ARTICLES = set('a an the');
/** What an ordinal before it counts as a match clock does: "the 22nd minute", "the 90th min". */
const MATCH_TIME = set('minute min lap over inning innings round hole');
/** Words before a phone number: "call 211", "helpline on 0300…", "text 85258". */
const PHONE_LEADS = set('call calling dial dialling dialing text phone helpline hotline tel telephone');

/** Whether word i is a group of a phone number: digits after "call", "helpline on", and the groups after them. */
function phoneNumberAt(words: readonly Word[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && k > i - 4 && /^\+?\d+$/.test(words[k]!.raw)) k--;
  if (k >= 1 && words[k]!.lower === 'on') k--;
  return k >= 0 && PHONE_LEADS.has(words[k]!.lower);
}

/** A figure at word i, with its weight: "14%", "$3.2 billion", "two", "33-year-old"; a year is a date. */
function figureAt(words: readonly Word[], i: number): { feature: ClaimFeature; text: string; weight: number } | null {
  const { raw, lower } = words[i]!;
  // Only a word with a digit in it can have a part that starts with one.
  const digits = hasDigit(raw) ? numberPart(raw) : undefined;
  if (digits) {
    if (/^(1[0-9]|20)\d\ds?$/.test(digits)) return { feature: 'date', text: raw, weight: WEIGHTS.date };
    // The day in "24 July" or "March 20" belongs to the date.
    if (isMonth(words, i - 1) || isMonth(words, i + 1)) return null;
    // "in the 22nd minute": a match clock; "call 211", "on 0300 131 2131": a phone number.
    if ((/^\d{1,3}(?:st|nd|rd|th)$/.test(raw) && MATCH_TIME.has(at(words, i + 1)?.lower ?? '')) || phoneNumberAt(words, i)) return null;
    return { feature: 'quantity', text: figure(words, i), weight: WEIGHTS.quantity };
  }
  if (NUMBER_WORDS.has(lower)) {
    const big = BIG_NUMBERS.has(at(words, i + 1)?.lower ?? '');
    return { feature: 'quantity', text: figure(words, i), weight: big ? WEIGHTS.quantity : WEAK_QUANTITY };
  }
  return null;
}

/** The first part of a word split at hyphens and slashes that starts with a number: "33" of "33-year-old". */
function numberPart(raw: string): string | undefined {
  // Most words with a digit have no hyphen or slash: no array for them (a flood of "turn0search3").
  if (!raw.includes('-') && !raw.includes('/')) return STARTS_NUMBER.test(raw) ? raw : undefined;
  // "GLP-1", "COVID-19", "F-35": a name with a number in it, not a figure ("mid-2024" is a date).
  if (NAMED_NUMBER.test(raw)) return undefined;
  return raw.split(/[-/]/).find((part) => STARTS_NUMBER.test(part));
}
const NAMED_NUMBER = /^\p{Lu}{1,6}-\d/u;
const STARTS_NUMBER = /^[$€£¥]?\d/;

/** A month name where a date can be: "May" and "March" only after "in", "since"… or next to a number. */
function isMonth(words: readonly Word[], i: number): boolean {
  const word = at(words, i);
  if (!word || !startsUpper(word.raw)) return false;
  const lower = word.lower.endsWith('.') ? word.lower.slice(0, -1) : word.lower;
  const numberNext = startsDigit(at(words, i + 1)?.raw ?? '') || startsDigit(at(words, i - 1)?.raw ?? '');
  if (lower === 'may' || lower === 'march') return !word.initial && (DATE_LEADS.has(at(words, i - 1)?.lower ?? '') || numberNext);
  return MONTHS.has(lower) || (MONTH_ABBREVIATIONS.has(lower) && numberNext);
}

/** A date at word i: a month, a weekday, "yesterday", "last week" (the last three say less). */
function dateAt(sentence: string, words: readonly Word[], i: number): { text: string; weight: number } | null {
  const { raw, lower, initial } = words[i]!;
  const previous = at(words, i - 1);
  if (isMonth(words, i)) return { text: dateAround(sentence, words, i), weight: WEIGHTS.date };
  if ((WEEKDAYS.has(lower) && startsUpper(raw)) || (RELATIVE_DAYS.has(lower) && !initial)) return { text: raw, weight: WEAK_DATE };
  if (previous && DEICTIC.has(previous.lower) && PERIOD_WORDS.has(lower)) return { text: `${previous.raw} ${raw}`, weight: WEAK_DATE };
  return null;
}

/**
 * "first quarter", "first grade", "the first 20 minutes", "first floor", "first name": an
 * ordinal, not a record.
 */
const NOT_A_RECORD_AFTER_FIRST = /^(?:quarter|half|grade|floor|round|name|names|day|days|week|weeks|month|months|year|years|hour|hours|minute|minutes|step|steps|page|pages|reading|\d[\d,.]*)$/;

/** A superlative or ranking at word i: "largest", "the first woman", "the most populous", "the world's leading". */
function superlativeAt(words: readonly Word[], i: number): string | null {
  const { raw, lower } = words[i]!;
  const previous = at(words, i - 1)?.lower ?? '';
  const next = at(words, i + 1);
  const possessive = previous.endsWith('’s') || previous.endsWith("'s");
  if (SUPERLATIVES.has(lower)) return lower === 'first' && next !== undefined && NOT_A_RECORD_AFTER_FIRST.test(next.lower) ? null : raw;
  if ((lower === 'most' || lower === 'only') && SUPERLATIVE_LEADS.has(previous) && next && next.lower !== 'of') return `${lower} ${next.raw}`;
  if (lower.length >= 7 && lower.endsWith('est') && !NOT_SUPERLATIVE.has(lower) && (SUPERLATIVE_LEADS.has(previous) || possessive)) return raw;
  if (RANKINGS.has(lower) && possessive) return `${at(words, i - 1)!.raw} ${raw}`;
  return null;
}

/** Capitalised words that are not names when they open a sentence, whatever else the article capitalises. */
const NOT_NAMES = set('the a an in on at of and or but for to by with from as it its he she his her they their this that these those there we our i you what why how when where who while after before if however meanwhile');

/**
 * The words the article capitalises mid-sentence (lowercased): names, so "Larijani" opening a
 * sentence counts as one too. One pass over every sentence.
 */
export function namesIn(sentences: Iterable<string>): Set<string> {
  const words: Word[][] = [];
  for (const sentence of sentences) words.push(wordsOf(sentence));
  return namesInWords(words);
}

/** namesIn over sentences already split with wordsOf. */
export function namesInWords(sentences: Iterable<readonly Word[]>): Set<string> {
  const names = new Set<string>();
  for (const words of sentences) {
    for (const word of words) if (!word.initial && startsUpper(word.raw) && !NOT_NAMES.has(word.lower)) names.add(word.lower);
  }
  return names;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** The features and score of a sentence; `words` is wordsOf(sentence) when the caller has it already. */
export function claimFeatures(sentence: string, names: ReadonlySet<string> = NO_NAMES, words: readonly Word[] = wordsOf(sentence)): FeatureResult {
  /** Each feature with the text that triggered it and its weight; a stronger trigger replaces a weaker one. */
  const found = new Map<ClaimFeature, { text: string; weight: number }>();
  const add = (feature: ClaimFeature, text: string, weight = WEIGHTS[feature]): void => {
    const kept = found.get(feature);
    // The evidence shown is the strongest; of two figures, a count ("1,000") over a compound ("12-day").
    if (!kept || kept.weight < weight || (kept.weight === weight && feature === 'quantity' && kept.text.includes('-') && !text.includes('-'))) found.set(feature, { text, weight });
  };
  const result = (excluded: Exclusion): FeatureResult => ({ features: [], score: 0, evidence: {}, excluded });
  const mark = lastMark(sentence);
  if (isQuestion(mark)) return result('question');
  if (isHeading(mark, words)) return result('heading');
  if (sentence.includes('©') || (sentence.includes('\n') && CONTACT_LINE.test(sentence))) return result('boilerplate');

  const quotes = quotations(sentence);
  let quote = 0;
  let named = false;
  let hedged = false;
  let framed = false;
  let opinion = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const { raw, lower } = word;
    const previous = i > 0 ? words[i - 1]!.lower : '';
    const cues = CUE_SHAPES.mayHave(lower) ? CUES.get(lower) ?? 0 : 0;
    if ((cues & CUE.boilerplate && phraseAt(words, i, BOILERPLATE)) || (i === 0 && cues & CUE.callToAction && phraseAt(words, i, CALLS_TO_ACTION))) return result('boilerplate');

    const figure = cues & CUE.number || hasDigit(raw) ? figureAt(words, i) : null;
    if (figure) add(figure.feature, figure.text, figure.weight);
    const date = cues & CUE.date ? dateAt(sentence, words, i) : null;
    if (date) add('date', date.text, date.weight);
    // "curled a shot", "the fire": after an article the word is a noun, not an event's verb.
    if (cues & CUE.factual && !(lower === 'held' && heldAsState(words, i, previous)) && !ARTICLES.has(previous)) add('factual-verb', raw);
    const superlative = cues & CUE.superlative || (lower.length >= 7 && lower.endsWith('est')) ? superlativeAt(words, i) : null;
    if (superlative) add('superlative', superlative);
    const causal = cues & CUE.causal ? phraseAt(words, i, CAUSAL) : null;
    if (causal) add('causal', causal);
    const prediction = cues & CUE.prediction ? phraseAt(words, i, PREDICTION) : null;
    // "will" is a noun after "the" or "free"; "due to", "set to" and "expected" predict only after "be".
    if (prediction && !(prediction === 'will' && (previous === 'the' || previous === 'free' || previous === 'political'))
      && !((prediction === 'due to' || prediction === 'set to' || prediction === 'expected') && !BE.has(previous))) add('prediction', prediction);

    const capital = startsUpper(raw);
    if (cues & CUE.office && ((at(words, i + 1) && startsUpper(at(words, i + 1)!.raw)) || (capital && !word.initial))) add('title', raw);
    if (capital && !word.initial && lower !== 'i') named = true;
    else if (word.initial && (ALL_CAPITALS.test(raw) || names.has(lower))) named = true;
    if (cues & CUE.hedge) hedged = true;
    if (cues & CUE.framing) framed = true;
    // First person and "should" inside a quotation are the speaker's, not the writer's.
    while (quote < quotes.length && quotes[quote]!.end <= word.start) quote++;
    if (cues & CUE.opinion && !(quotes[quote] && quotes[quote]!.start < word.start)) opinion = true;
  }

  const direct = quotes.find((candidate) => isDirectQuotation(sentence, candidate));
  if (direct) add('quotation', sentence.slice(direct.start, direct.end));
  // A verb of record needs someone who did it: "He met them" on its own says little.
  if (found.has('factual-verb') && PRONOUNS.has(words[0]?.lower ?? '') && !named && !found.has('quantity') && !found.has('date')) found.delete('factual-verb');

  let score = named ? NAMED : 0;
  for (const { weight } of found.values()) score += weight;
  // A figure or a full date anchors a sentence; without one, speculation, framing and opinion take the claim out of it.
  const hard = (found.get('quantity')?.weight ?? 0) >= WEIGHTS.quantity || (found.get('date')?.weight ?? 0) >= WEIGHTS.date;
  if (hedged && !hard) score -= HEDGE_PENALTY;
  if (framed && !hard && !found.has('factual-verb')) score -= FRAMING_PENALTY;
  if (opinion && !hard) score -= OPINION_PENALTY;
  score = Math.max(0, Math.min(1, Math.round(score * 100) / 100));
  const evidence: FeatureResult['evidence'] = {};
  for (const [feature, { text }] of found) evidence[feature] = text;
  return { features: [...found.keys()], score, evidence, excluded: null };
}
