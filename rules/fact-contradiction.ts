import type { Evidence } from '../src/engine/finding.js';
import { defineRule, type Report } from '../src/engine/rule.js';
import type { Claim } from '../src/parse/claim.js';
import { compareDates, daysBetween, within, writtenDates } from '../src/parse/dates.js';
import { insideQuotation, quotations } from '../src/parse/features.js';
import type { Mention } from '../src/parse/mention.js';
import { countriesIn, tokenize, type Token } from '../src/parse/people.js';
import { modifierKinds, MODIFIERS, PhraseIndex } from '../src/parse/titles.js';
import { knownUntil, type Registry } from '../src/registry/registry.js';
import type { Country, FactEvent, Holder, Office } from '../src/registry/schema.js';

interface Options {
  /** A written date further than this from every matching registry event is taken to be another event. */
  eventWindowDays: number;
}

/**
 * Titles and event dates the fact registry contradicts. Only positive evidence accuses: someone
 * else held the office on the article's date, the person took it only later, or the registry
 * dates the same event (same phrase, same parties in the sentence) a little differently.
 * Month- or year-precise registry dates never accuse inside their span.
 */
export default defineRule<Options>({
  meta: {
    id: 'fact-contradiction',
    description: 'A title or event date that the fact registry contradicts at the article\'s date, with the right holder or date and the reference.',
    severity: 'error',
    fixable: false,
    messages: {
      heldBy: '{{subject}} {{when}} was {{holder}} (since {{since}}) — {{reference}}',
      heldByAsOf: 'The registry knows {{subject}} only up to {{asOf}}, when it was {{holder}} (since {{since}}); check that {{name}} held it {{when}} — {{reference}}',
      notYet: '{{name}} was not yet {{subject}} {{when}}: the registry has {{name}} in office from {{since}} — {{reference}}',
      underRank: '{{name}} was {{subject}} {{when}}, not {{written}}: the registry has {{name}} in office since {{since}} — {{reference}}',
      ended: '{{name}} was no longer {{subject}} {{when}}: the registry ends the term on {{until}} — {{reference}}',
      neverHeld: 'The registry lists no term of {{name}} as {{subject}}; the latest holder it lists is {{holder}} (since {{since}}) — {{reference}}',
      eventDate: 'The registry dates the {{event}} to {{date}}, not {{written}} — {{reference}}',
      needsDate: 'The article has no known date, so titles were checked only against offices the person never held. Give it a date (--date YYYY-MM-DD, front matter or HTML metadata, or the configuration) for the full check.',
    },
    defaults: { eventWindowDays: 366 },
    optionsSchema: (z) => z.strictObject({ eventWindowDays: z.number().int().min(0) }).partial(),
  },
  check(context) {
    const { mentions, registry, date: articleDate, report } = context;
    const offices = officeIndex(registry).byId;
    let claims: Map<string, Claim> | null = null;
    let firstCheckable: Mention | null = null;
    for (const mention of mentions) {
      const office = mention.officeId ? offices.get(mention.officeId) : undefined;
      if (!office || !mention.personId || !mention.title || office.holders.length === 0) continue;
      // "In 2014, Vice President Joe Biden visited Kyiv": the title is for the sentence's own time.
      claims ??= new Map(context.claims.map((claim) => [claim.id, claim]));
      const claim = mention.claimId === null ? undefined : claims.get(mention.claimId);
      // "'Prime Minister Bennett never would have allowed this,' said a protester": the speaker's words.
      if (claim && quoted(mention, claim)) continue;
      const date = articleDate && claim ? timeOfSentence(mention, claim, articleDate) ?? articleDate : articleDate;
      const kinds = modifierKinds(mention.modifiers);
      // "Then-Secretary of State John Kerry negotiated the deal with Foreign Minister Zarif": one
      // "then-" sets the sentence in its time; "President Raisi was killed" names the office he died in.
      if (claim && (thenIn(claim, mentions) || diedIn(mention, claim))) kinds.add('past');
      // "Zarif, Rouhani's foreign minister": the title is for Rouhani's time, which may be past.
      if (someonesOffice(mention, context.document.text, mentions, registry)) kinds.add('past');
      if (kinds.has('rank') && !kinds.has('past') && date) {
        // "deputy foreign minister Abbas Araghchi" while he was the foreign minister himself.
        const finding = checkRank(mention, office, date, registry);
        if (finding) report({ ...finding, start: mention.titleStart, end: mention.titleEnd, claimId: mention.claimId });
      }
      if (kinds.has('rank') || kinds.has('future')) continue;
      firstCheckable ??= mention;
      const finding = checkTitle(mention, office, kinds.has('past'), date, registry);
      if (finding) {
        const { messageId, data, evidence, suggestion, severity } = finding;
        report({ messageId, data, evidence, suggestion, severity, start: mention.titleStart, end: mention.titleEnd, claimId: mention.claimId });
      }
    }
    if (!articleDate && firstCheckable) {
      report({ messageId: 'needsDate', severity: 'info', start: firstCheckable.titleStart, end: firstCheckable.titleEnd, claimId: firstCheckable.claimId });
    }
    for (const claim of context.claims) {
      const finding = checkEvents(claim, registry, context.options.eventWindowDays);
      if (finding) report(finding);
    }
  },
});

const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
/** "in 2014", "on March 20, 2015", "during 20 March 2015": a time the clause is set in (see timeOf for the groups). */
const TIME_SET = new RegExp(`\\b(?:in|on|during|by)\\s+(?:(?:early|late|mid)[- ]?)?(?:(\\d{1,2})\\s+${MONTH_NAME}\\s+|${MONTH_NAME}\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?)?((?:19|20)\\d{2})\\b(?![-–/]\\d)`, 'gi');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A TIME_SET match as a date as precise as written: 2015, 2015-07, 2015-07-14. */
function timeOf(match: RegExpMatchArray): string {
  // Groups: "14 July 2015" (1, 2), "July 14, 2015" (3, 4), and the year (5).
  const [, dayFirst, monthAfterDay, monthFirst, dayAfterMonth, year] = match;
  const month = monthAfterDay ?? monthFirst;
  if (!month) return year!;
  const mm = String(MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1).padStart(2, '0');
  const day = dayFirst ?? dayAfterMonth;
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}
/** Between a mention and a later time, a new clause: the time is not the mention's. */
const NEW_CLAUSE = /[,;:()]|\b(?:that|which|who|whom|whose|when|where|while|after|before|since|because|until|and|but)\b/i;
/** Between an earlier time and a mention, a new clause or sentence part: the time is not the mention's. */
const CLAUSE_BREAK = /[;:()]|,\s*(?:and|but|while)\b|\b(?:that|which|who)\b/i;
/** "on Monday", "today", "this week": the sentence is about the article's own days. */
const NOWADAYS = /\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|this (?:week|month|year)|last (?:week|month)|now|currently)\b/i;

/**
 * The time a sentence sets the mention in, when it is before the article's date: a time phrase
 * opening the mention's clause ("In 2014, Vice President Joe Biden visited Kyiv", "The deal,
 * signed in 2015 by Foreign Minister Zarif") or closing it ("Zarif signed the deal in 2015").
 * Not a year that qualifies a noun ("the 2015 deal"), a time in another clause ("…, which he
 * signed in 2015"), or a past participle's ("the deal signed in 2015"). As precise as written:
 * a term held for any part of a year written alone is right.
 */
function timeOfSentence(mention: Mention, claim: Claim, articleDate: string): string | null {
  // Only the text near the mention is read, so a long run-on sentence of titles stays linear.
  const from = Math.max(0, mention.start - claim.start - TIME_WINDOW);
  const text = claim.text.slice(from, mention.end - claim.start + TIME_WINDOW);
  if (!/\d{4}/.test(text)) return null;
  const before = mention.start - claim.start - from;
  const after = mention.end - claim.start - from;
  let found: string | null = null;
  for (const match of text.matchAll(TIME_SET)) {
    const time = timeOf(match);
    if (compareDates(time, articleDate) >= 0) continue;
    const end = match.index + match[0].length;
    if (end <= before) {
      if (!CLAUSE_BREAK.test(text.slice(end, before)) && !NOWADAYS.test(text.slice(after))) found = time;
    } else if (match.index >= after) {
      const between = text.slice(after, match.index);
      const words = between.trim().split(/\s+/);
      // "Zarif resigned in 2019" (the clause's verb) but not "the deal signed in 2015".
      const participle = words.length > 1 && /(?:ed|en|ned|ought)$/.test(words.at(-1)!);
      if (!NEW_CLAUSE.test(between) && !participle && found === null) return time;
      break;
    }
  }
  return found;
}

/** Each sentence's quotations, read once however many mentions it holds. */
const quotationsOf = new WeakMap<Claim, ReturnType<typeof quotations>>();

/** Whether the mention stands inside a quotation of its sentence. */
function quoted(mention: Mention, claim: Claim): boolean {
  if (!claim.text.includes('"') && !claim.text.includes('“')) return false;
  let quotes = quotationsOf.get(claim);
  if (!quotes) quotationsOf.set(claim, quotes = quotations(claim.text));
  return insideQuotation(quotes, mention.start - claim.start);
}

/** Sentences (by claim id) with a "then-" title in them, per mentions array. */
const thenSentences = new WeakMap<readonly Mention[], Set<string>>();

function thenIn(claim: Claim, mentions: readonly Mention[]): boolean {
  let sentences = thenSentences.get(mentions);
  if (!sentences) {
    sentences = new Set(mentions.filter((mention) => mention.claimId !== null && mention.modifiers.includes('then-')).map((mention) => mention.claimId!));
    thenSentences.set(mentions, sentences);
  }
  return sentences.has(claim.id);
}

/** "President Ebrahim Raisi was killed", "…Raisi and Foreign Minister Amir-Abdollahian were killed", "…, 85, died". */
const DIED = /^(?: and [^,.;:]{1,80}?|, [^,.;:]{1,60},)? (?:(?:was|were|had been|has been) (?:killed|assassinated|executed|shot dead|buried|laid to rest)|died|has died|had died)\b/;

function diedIn(mention: Mention, claim: Claim): boolean {
  const after = mention.end - claim.start;
  return DIED.test(claim.text.slice(after, after + 160));
}

/** "Rouhani's", "whose" just before a title: the office is someone's, not the country's now. */
const POSSESSOR = /(?:\b(\p{Lu}[\p{L}-]+)['’]s|\bwhose)\s+$/u;

function someonesOffice(mention: Mention, text: string, mentions: readonly Mention[], registry: Registry): boolean {
  const before = text.slice(Math.max(0, mention.titleStart - 40), mention.titleStart).trimEnd();
  if (!before.endsWith('s') && !before.endsWith('whose')) return false;
  const possessor = POSSESSOR.exec(`${before} `);
  if (!possessor) return false;
  const name = possessor[1];
  if (name === undefined) return true;
  // A person the article names ("Hassan Rouhani" … "Rouhani's"), never a country or its capital.
  return registry.findCountry(name) === null && (registry.findPerson(name) !== null || namesOfPeople(mentions).has(name));
}

const peopleNames = new WeakMap<readonly Mention[], Set<string>>();

/** The names and surnames of the registry people the article mentions. */
function namesOfPeople(mentions: readonly Mention[]): Set<string> {
  let names = peopleNames.get(mentions);
  if (!names) {
    names = new Set();
    for (const mention of mentions) {
      if (mention.personId === null) continue;
      names.add(mention.name);
      names.add(mention.fullName.slice(mention.fullName.lastIndexOf(' ') + 1));
    }
    peopleNames.set(mentions, names);
  }
  return names;
}

/** How far from a mention a sentence's time phrase may stand. */
const TIME_WINDOW = 200;

type Finding = Pick<Report, 'messageId' | 'data' | 'evidence' | 'suggestion' | 'severity'>;

/** Look-ups into the registry's offices, built once per registry rather than once per article or mention. */
interface OfficeIndex {
  byId: ReadonlyMap<string, Office>;
  /** Each person's terms, in the registry's order of offices and then of holders. */
  terms: ReadonlyMap<string, readonly { office: Office; holder: Holder }[]>;
  /** The first country entry with each code. */
  countries: ReadonlyMap<string, Country>;
}

const officeIndexes = new WeakMap<Registry, OfficeIndex>();

function officeIndex(registry: Registry): OfficeIndex {
  let index = officeIndexes.get(registry);
  if (index) return index;
  const terms = new Map<string, { office: Office; holder: Holder }[]>();
  for (const office of registry.offices) {
    for (const holder of office.holders) {
      const own = terms.get(holder.person);
      if (own) own.push({ office, holder });
      else terms.set(holder.person, [{ office, holder }]);
    }
  }
  const countries = new Map<string, Country>();
  for (const country of registry.countries) if (!countries.has(country.code)) countries.set(country.code, country);
  index = { byId: new Map(registry.offices.map((office) => [office.id, office])), terms, countries };
  officeIndexes.set(registry, index);
  return index;
}

function checkTitle(mention: Mention, office: Office, past: boolean, date: string | null, registry: Registry): Finding | null {
  const own = office.holders.filter((holder) => holder.person === mention.personId).sort((a, b) => compareDates(a.from, b.from));
  const name = registry.personWithId(mention.personId!)?.name ?? mention.fullName;
  const subject = subjectOf(mention, office, registry);
  // "former X" / "then-X": right if the person held the office before the date (or ever, without one).
  if (past) {
    if (!date || own.length === 0 || own.some((holder) => compareDates(holder.from, date) <= 0)) return null;
    const first = own[0]!;
    return { messageId: 'notYet', data: { name, subject, when: when(date), since: first.from, reference: first.reference }, evidence: evidence(office, first, registry) };
  }
  if (!date) {
    if (own.length > 0) return null;
    const latest = office.holders.reduce((a, b) => (compareDates(b.from, a.from) > 0 ? b : a));
    return { messageId: 'neverHeld', data: { name, subject, holder: holderName(latest, registry), since: latest.from, reference: latest.reference }, evidence: evidence(office, latest, registry) };
  }
  if (own.some((holder) => within(date, holder.from, holder.to))) return null;
  const then = office.holders.filter((holder) => within(date, holder.from, holder.to));
  if (then.length === 0) {
    // Nobody the registry knows held it on the date. That is no evidence against a stranger to
    // the office, nor against someone who left before others held it (they may have come back,
    // unrecorded), but it is against its last holder: the registry says when their term ended
    // (a death, a dismissal), even when it has no successor yet.
    const ended = own.filter((holder) => holder.to !== undefined && compareDates(holder.to, date) < 0).at(-1);
    if (!ended || office.holders.some((holder) => holder.person !== mention.personId && compareDates(holder.from, ended.to!) >= 0)) return null;
    return {
      messageId: 'ended',
      data: { name, subject, when: when(date), until: ended.to!, reference: ended.reference },
      evidence: evidence(office, ended, registry),
      suggestion: whatWasTrue(mention.personId!, name, own, date, registry),
    };
  }
  const holder = then.reduce((a, b) => (compareDates(b.from, a.from) > 0 ? b : a));
  const asOf = knownUntil(office);
  if (holder.to === undefined && asOf !== null && compareDates(date, asOf) > 0) {
    // The registry saw this holder in office on its last check, not on the article's date: the
    // office may have changed hands since, so this asks for a check rather than accuses.
    const known = whatWasTrue(mention.personId!, name, own, date, registry);
    return {
      messageId: 'heldByAsOf',
      severity: 'warning',
      data: { subject, asOf, holder: holderName(holder, registry), since: holder.from, name, when: when(date), reference: holder.reference },
      evidence: evidence(office, holder, registry),
      suggestion: known === CORRECT_THE_TITLE ? `If the office has changed hands since ${asOf}, add the new term to a registry file of your own; if not, correct the title.` : known,
    };
  }
  return {
    messageId: 'heldBy',
    // The message opens with the subject: "The United Kingdom's Prime Minister on …".
    data: { subject: capitalized(subject), when: when(date), holder: holderName(holder, registry), since: holder.from, reference: holder.reference },
    evidence: evidence(office, holder, registry),
    suggestion: whatWasTrue(mention.personId!, name, own, date, registry),
  };
}

/** A deputy's title ("deputy", "vice", "assistant") for someone who held the office itself on the date. */
function checkRank(mention: Mention, office: Office, date: string, registry: Registry): Finding | null {
  const term = office.holders.filter((holder) => holder.person === mention.personId && within(date, holder.from, holder.to)).at(-1);
  // An acting holder keeps the deputy's post: "First Vice President Mokhber", acting president.
  if (!term || term.acting) return null;
  const name = registry.personWithId(mention.personId!)?.name ?? mention.fullName;
  const rank = mention.modifiers.find((modifier) => MODIFIERS.get(modifier) === 'rank')!;
  const title = mention.title!.replace(new RegExp(`^${rank}[- ]?`, 'i'), '');
  const subject = subjectOf({ ...mention, title }, office, registry);
  return {
    messageId: 'underRank',
    data: { name, subject, when: when(date), written: `${rank} ${title.toLowerCase()}`, since: term.from, reference: term.reference },
    evidence: evidence(office, term, registry),
    suggestion: `Call ${name} ${title}${rank === 'vice' ? '' : ', or check which deputy is meant'}.`,
  };
}

const CORRECT_THE_TITLE = 'Correct the title.';

/** "on 2025-08-12", "in 2014": a date as a message says when. */
function when(date: string): string {
  return date.length === 10 ? `on ${date}` : `in ${date}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the registry says the person was instead: another office on the date, or this one at another time. */
function whatWasTrue(personId: string, name: string, own: readonly Holder[], date: string, registry: Registry): string {
  const actual = officeIndex(registry).terms.get(personId)?.find(({ holder }) => within(date, holder.from, holder.to))?.office;
  if (actual) return `${capitalized(when(date))} ${name} was ${actual.title}.`;
  const before = own.filter((holder) => holder.to && compareDates(holder.to, date) < 0).at(-1);
  if (before) return `${name} held it from ${before.from} to ${before.to}; write "former" if that is meant.`;
  if (own[0]) return `${name} took it on ${own[0].from}, after ${date}.`;
  return CORRECT_THE_TITLE;
}

/** "Iran's foreign minister": the country as the article or the office gives it, and the title as written. */
function subjectOf(mention: Mention, office: Office, registry: Registry): string {
  const country = officeIndex(registry).countries.get(office.country)?.names[0];
  if (!country) return office.title;
  const the = /^(united|netherlands|philippines|czech|dominican|central african)\b/i.test(country) ? 'the ' : '';
  return `${the}${country}${country.endsWith('s') ? "'" : "'s"} ${mention.title}`;
}

function holderName(holder: Holder, registry: Registry): string {
  const name = registry.personWithId(holder.person)?.name ?? holder.person;
  return holder.acting ? `${name}, acting` : name;
}

function evidence(office: Office, holder: Holder, registry: Registry): Evidence {
  const term = holder.to ? `${holder.from} to ${holder.to}` : `since ${holder.from}`;
  return { kind: 'office', id: office.id, summary: `${office.title}: ${holderName(holder, registry)}, ${term}`, reference: holder.reference };
}

// ---- event dates ---------------------------------------------------------------------------

const FOUR_DIGITS = /\d{4}/;
/** Days in an agreement's life other than its signing or conclusion, which the registry dates. */
const OTHER_MILESTONE = /\b(?:announced|announcement|unveiled|endorsed|endorsement|approved|ratified|ratification|took effect|take effect|came into (?:force|effect)|entered into force|implemented|implementation|adopted|expired|withdrew|withdrawal|collapsed|initialed|initialled|proposed|terminated|suspended|anniversary)\b/i;
const eventIndexes = new WeakMap<Registry, PhraseIndex<FactEvent>>();

function eventIndex(registry: Registry): PhraseIndex<FactEvent> {
  let index = eventIndexes.get(registry);
  if (!index) {
    index = new PhraseIndex();
    for (const event of registry.events) {
      for (const phrase of event.phrases) index.add(tokenize(phrase).filter((t) => t.word).map((t) => t.norm), event);
    }
    eventIndexes.set(registry, index);
  }
  return index;
}

const SMALL_WORDS = new Set(['the', 'of', 'and', 'on', 'in', 'for', 'with', 'to', 'de']);

/**
 * Whether the phrase tokens[from, to) is an event's own name: a proper name of two words or
 * more as written ("Abraham Accords", "Joint Comprehensive Plan of Action", "Minsk II", and
 * "the Abraham accords" as some style books write it), an
 * acronym ("JCPOA"), or a phrase naming a country ("Iran nuclear deal", "invasion of Ukraine").
 */
function namesItsEvent(tokens: readonly Token[], from: number, to: number, registry: Registry): boolean {
  const words = tokens.slice(from, to).filter((token) => token.word && !SMALL_WORDS.has(token.norm));
  if (words.length === 1) return /^\p{Lu}{3,}$/u.test(words[0]!.text);
  if (words.length >= 2 && words.every((token) => /^\p{Lu}/u.test(token.text))) return true;
  // "the Abraham accords", "the Al-Ula declaration": a proper name heads it (not a sentence's first word).
  if (words.length >= 2 && from > 0 && /^\p{Lu}/u.test(words[0]!.text)) return true;
  return countriesIn(tokens.slice(from, to), registry).size > 0;
}

/** "the 2015 nuclear deal": a phrase with the event's year in it names that event. */
function yearIn(tokens: readonly Token[], from: number, to: number, event: FactEvent): boolean {
  const year = event.date.slice(0, 4);
  for (let k = from; k < to; k++) if (tokens[k]!.text === year) return true;
  return false;
}

/**
 * An event named in the claim (by its own name, or by a phrase with its parties named in the
 * same sentence) and a
 * written date next to it that matches none of the registry events it could be.
 */
function checkEvents(claim: Claim, registry: Registry, windowDays: number): Report | null {
  // Only a written date can be contradicted, and writtenDates reads only dates with a four-digit year.
  if (registry.events.length === 0 || !FOUR_DIGITS.test(claim.text)) return null;
  // "announced on August 13, 2020", "took effect on January 16, 2016": another day in the event's life.
  if (OTHER_MILESTONE.test(claim.text)) return null;
  const tokens = tokenize(claim.text);
  const words = tokens.map((t) => t.norm);
  const index = eventIndex(registry);
  let countries: Set<string> | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const match = tokens[i]!.word ? index.longest(words, i) : null;
    if (!match) continue;
    countries ??= countriesIn(tokens, registry);
    const named = countries;
    // "the Abraham Accords", "the Iran nuclear deal" name their event; "a security agreement" needs its parties named.
    const byName = namesItsEvent(tokens, i, match.end, registry);
    const events = match.values.filter((event) => byName || yearIn(tokens, i, match.end, event) || event.parties.filter((party) => named.has(party)).length >= Math.min(2, event.parties.length));
    if (events.length === 0) continue;
    const at = tokens[i]!.start;
    const written = writtenDates(claim.text).sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
    if (!written || events.some((event) => compareDates(event.date, written.iso) === 0)) return null;
    const event = events.reduce((a, b) => (Math.abs(daysBetween(b.date, written.iso)) < Math.abs(daysBetween(a.date, written.iso)) ? b : a));
    if (Math.abs(daysBetween(event.date, written.iso)) > windowDays) return null;
    return {
      messageId: 'eventDate',
      data: { event: event.name, date: event.date, written: written.text, reference: event.reference },
      start: claim.start + written.start, end: claim.start + written.end, claimId: claim.id,
      evidence: { kind: 'event', id: event.id, summary: `${event.name}: ${event.date}`, reference: event.reference },
      suggestion: `Check the date against the reference; the registry has ${event.date}.`,
    };
  }
  return null;
}
