/**
 * Which claims a source backs. In `sentence` scope: a claim with a citation attached (footnote
 * markers and links count; a "click on X" pointer and `[citation needed]` do not) or one that
 * names its own source ("…, the ministry said"). In `paragraph` scope, also every claim of an
 * attributed passage: a paragraph that opens with or carries an attribution ("according to X",
 * "X said"), reported speech continuing it ("He added…"), and a quotation running on from an
 * attributed paragraph. Sets Claim.supported for the summary; unsupported-claim asks again with
 * its own scope. One pass over the claims, each read once.
 */
import type { Document } from '../input/document.js';
import type { Claim } from '../parse/claim.js';
import { quotations, wordsOf, wordsOfClaim, type Word } from '../parse/features.js';
import type { Citation } from './citation.js';
import type { Registry } from '../registry/registry.js';
import { TERTIARY_KINDS } from '../registry/kinds.js';
import { addsThing, looksLikeBody, looksLikeOutlet, looksLikePerson } from './names.js';

export type SupportScope = 'sentence' | 'paragraph';

/** Who a sentence says its statement comes from: someone named, a pronoun standing for them, or nobody in particular. */
export type Attribution = 'named' | 'pronoun' | 'vague';

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

const REPORTING = set('recommends recommended advises advised said says say told tells added adds stated explained explains insisted insists noted notes argued argues warned warns wrote writes announced announces confirmed confirms reported reports acknowledged acknowledges stressed claimed claims denied denies admitted estimated estimates predicted forecast testified declared replied responded emphasised emphasized underlined cautioned conceded recalled recalls remembered remembers tweeted posted urged expects expect expected');
/** Verbs whose subject must be a document or a name to attribute: "the survey found", not "police found two bodies". */
const EVIDENCE = set('found finds find showed shows show shown indicated indicates revealed reveals');
const DOCUMENTS = set('study report survey data figures poll census analysis review investigation audit statistics records research paper estimates filing filings documents statement results transcripts table standings');
/** Subjects that are sources in wire copy though not capitalised: "officials said", "police said". */
const INSTITUTIONS = set('officials police gardaí gardai officers troopers paramedics coastguard authorities prosecutors witnesses doctors medics rescuers residents investigators organisers organizers firefighters spokesman spokeswoman spokesperson');
/** Groups nobody can check: the weasel subjects of vague-attribution. */
const GENERIC = set('experts analysts observers critics commentators insiders pundits sources scholars researchers scientists economists engineers historians academics diplomats campaigners activists fans users commenters bloggers people reports studies polls surveys many some others media outlets unnamed unconfirmed several various');
/** Documents that need an owner to name a source: "data show" does not, "census data show" does. */
const BARE_DOCUMENTS = set('data figures estimates statistics numbers documents filings');
/** Lowercase words that say whose a document is: "official figures", "government data". */
const SOURCE_ADJECTIVES = set('official government census ministry federal national state company industry police court');
/** "in a statement", "in an interview": where a subject said what the sentence reports. */
const STATEMENTS = set('statement interview speech letter post briefing address filing');
/** "on Telegram", "on X": where a subject posted what the sentence reports. Capitalised in copy, bar "social media". */
const PLATFORMS = set('twitter x telegram facebook instagram threads bluesky linkedin youtube tiktok weibo wechat truth');
/** Participles that report the subject's words, after a comma: "…, saying the deal was final". */
const SPEAKING = set('saying telling adding calling noting insisting arguing stressing writing');

/** What circulates on a platform rather than posting there: "Videos spread on X" names nobody. */
const POSTED_THINGS = set('video videos image images photo photos picture pictures footage clip clips post posts rumour rumours rumor rumors claim claims message messages allegation allegations report reports call calls hashtag hashtags word news misinformation disinformation');
const VAGUE_LEADS = set('some many most several various unnamed western regional leading independent top other certain');
/** "state media reported": a state's own outlets, named by whose they are (the country is the article's or says so: "Iranian state media"). */
const STATE_LEADS = set('state state-run state-owned state-controlled official');
const STATE_OUTLETS = set('media television tv radio broadcaster');
/** One person or office, described by role: "a senior Iranian official said", "the Los Angeles County medical examiner said". */
const ROLES = set('official diplomat spokesman spokeswoman spokesperson aide adviser advisor negotiator commander officer executive minister examiner coroner office bureau agency department service');
/** The writer or the speaker of a quotation ("I told my players"): nobody the reader can check. */
const FIRST_PERSON = set('i we');
const PRONOUNS = set('he she they it');
const OBJECT_PRONOUNS = set('him her them');
const DETERMINERS = set('the a an its his her their our this that these those one two three four five six seven eight nine ten');
/** Words between a subject and its verb: "the ministry also said", "Sudani on Monday said". */
const FILLERS = set('also later earlier previously separately first recently has have had now then however publicly on monday tuesday wednesday thursday friday saturday sunday today yesterday');
const PASSIVE = set('is was were been being be');
const PREPOSITIONS = set('of in with for at by to from into onto');
const NEGATION = set('not never n’t n\'t');
const CONJUNCTIONS = set('and but');
const CLOSERS = /[,”"’)]\s*$/;

/** Bounds every look-around, so a sentence costs time in proportion to its length. */
const MAX_NAME = 8;

const RANK: Record<Attribution, number> = { named: 3, pronoun: 2, vague: 1 };

function stronger(a: Attribution | null, b: Attribution | null): Attribution | null {
  if (!a) return b;
  return b && RANK[b] > RANK[a] ? b : a;
}

/** What a count is called in "by X's count". */
const COUNTS = set('count estimate estimates tally calculation calculations reckoning figures measure');

/**
 * Words an attribution hangs on (see attributionIn): a sentence with none of them in it makes
 * none, and many sentences have none, so one regex test spares splitting them into words.
 * Tested on the lowercased sentence, so it finds whatever a word's own toLowerCase() would.
 */
const ATTRIBUTION_CUES = new RegExp([...REPORTING, ...EVIDENCE, ...STATEMENTS, ...SPEAKING, ...[...PLATFORMS].map((platform) => `on ${platform}\\b`), 'social media', 'according', ...[...COUNTS].map((count) => `['’]s ${count}\\b`)].join('|'));

/** Both verb lists in one table, so a word that is neither costs one look-up. */
const VERB_KINDS: ReadonlyMap<string, 'reporting' | 'evidence'> = new Map([
  ...[...REPORTING].map((verb) => [verb, 'reporting'] as const),
  ...[...EVIDENCE].map((verb) => [verb, 'evidence'] as const),
]);

/** The strongest attribution the sentence makes itself, or null. */
export function attributionIn(sentence: string, wordsIn: (sentence: string) => readonly Word[] = wordsOf): Attribution | null {
  if (!ATTRIBUTION_CUES.test(sentence.toLowerCase())) return null;
  const words = wordsIn(sentence);
  let best: Attribution | null = null;
  const take = (found: Attribution | null): void => {
    if (found && (!best || RANK[found] > RANK[best])) best = found;
  };
  for (let i = 0; i < words.length && best !== 'named'; i++) {
    const lower = words[i]!.lower;
    if (lower === 'according' && words[i + 1]?.lower === 'to') take(subjectAfter(words, i + 1, true));
    // "Spotify welcomed the ruling in a statement": the statement is the subject's.
    else if (lower === 'in' && (words[i + 1]?.lower === 'a' || words[i + 1]?.lower === 'an') && STATEMENTS.has(words[i + 2]?.lower ?? '')) take(subjectAt(words, 0, false));
    // "Araghchi welcomed the deal on X": the post is the subject's own, as a statement is.
    else if (lower === 'on' && onPlatform(words, i + 1)) take(posterOf(words));
    // "Szijjarto repeated his opposition, telling reporters …", "Trump praised the deal, calling it …".
    else if (SPEAKING.has(lower) && i > 0 && gapHas(sentence, words, i, /,/) && speaking(words, i)) take(posterOf(words));
    // "By the school district's count", "by the ministry's estimate": whose figure it is.
    else if (lower === 'by' && countBy(words, i)) take('named');
    // "…from the owner, David Lerner, who said the closure…": a named speaker's relative clause.
    else if (lower === 'who' && REPORTING.has(words[i + 1]?.lower ?? '') && /^\p{Lu}/u.test(words[i - 1]?.raw ?? '') && gapHas(sentence, words, i, /,/)) take('named');
    else {
      const verb = VERB_KINDS.get(lower);
      // "Conagra has added three plants": a thing added is no words reported.
      if (verb !== undefined && !((lower === 'added' || lower === 'adds') && addsThing(words[i + 1]?.raw ?? ''))) take(speakerOf(sentence, words, i, verb === 'evidence'));
    }
  }
  return best;
}

/** "by the school district's count": a possessive, then a count word, within four words of "by". */
function countBy(words: readonly Word[], at: number): boolean {
  for (let k = at + 1; k < Math.min(words.length - 1, at + 5); k++) {
    if (/[’']s$/.test(words[k]!.lower)) return COUNTS.has(words[k + 1]!.lower);
  }
  return false;
}

/** Not "adding to", "calling for", "calling on": those do not report words. */
function speaking(words: readonly Word[], at: number): boolean {
  const next = words[at + 1]?.lower;
  return next !== undefined && next !== 'to' && next !== 'for' && next !== 'on' && next !== 'up';
}

/** "Telegram", "X", "social media" at `at`: a platform named as platforms are in copy. */
function onPlatform(words: readonly Word[], at: number): boolean {
  const word = words[at];
  if (!word) return false;
  if (word.lower === 'social') return words[at + 1]?.lower === 'media';
  return PLATFORMS.has(word.lower) && /^\p{Lu}/u.test(word.raw);
}

/**
 * Who posted what the sentence reports: its subject, if that is someone who can post. "The army
 * denied it on Telegram" names its poster; "The video circulated on Telegram" does not.
 */
function posterOf(words: readonly Word[]): Attribution | null {
  let head = 0;
  while (words[head] && DETERMINERS.has(words[head]!.lower) && head < MAX_NAME) head++;
  const word = words[head];
  if (!word || POSTED_THINGS.has(word.lower)) return null;
  // "Fans on social media claimed": a crowd posts, nobody in particular.
  if (GENERIC.has(word.lower)) return 'vague';
  if (head === 0) return subjectAt(words, 0, false);
  return /^\p{Lu}/u.test(word.raw) || INSTITUTIONS.has(word.lower) || looksLikeBody(word.lower) ? 'named' : null;
}

/** The speaker of the verb at `verb`: the subject before it, an inverted subject after it, or the outlet told. */
function speakerOf(sentence: string, words: readonly Word[], verb: number, evidence: boolean): Attribution | null {
  let at = verb - 1;
  while (at >= 0 && FILLERS.has(words[at]!.lower) && !gapHas(sentence, words, at + 1, /[,;:]/)) at--;
  // "Users on X said": the speaker is before the platform.
  if (at >= 2 && words[at - 1]!.lower === 'on' && onPlatform(words, at)) at -= 2;
  else if (at >= 3 && words[at]!.lower === 'media' && words[at - 2]!.lower === 'on' && onPlatform(words, at - 1)) at -= 3;
  const before = words[at];
  // "in the third minute of added time": after a preposition the verb is an adjective.
  if (before && (NEGATION.has(before.lower) || PREPOSITIONS.has(before.lower))) return null;
  if (before && PASSIVE.has(before.lower)) return 'vague';
  let found: Attribution | null = null;
  if (before && CONJUNCTIONS.has(before.lower)) found = subjectAt(words, 0, evidence);
  // A clause closes before the verb, or before the words between it and its verb ("…, today announced").
  else if (before && (gapHas(sentence, words, verb, CLOSERS) || gapHas(sentence, words, at + 1, CLOSERS))) {
    // '"…," said the ministry' is inverted; in "Ruiz, who voted against it, said" the subject stands before the clause.
    const quoted = gapHas(sentence, words, verb, /[”"’]/);
    if (quoted) found = inverted(words, verb, evidence);
    for (let k = at; k > Math.max(0, at - 15) && !found; k--) {
      if (gapHas(sentence, words, k, /,/)) found = subjectAt(words, k - 1, evidence);
    }
    // "The relocation, which …, involved four camps, said the officials, who …": inverted after all.
    if (found !== 'named' && !quoted) found = stronger(found, inverted(words, verb, evidence));
  } else if (before) found = subjectAt(words, at, evidence) ?? (evidence ? documentSubject(sentence, words, at) : null);
  else found = inverted(words, verb, evidence);
  return found !== 'named' && !evidence && outletAfter(words, verb) ? 'named' : found;
}

/** What a document's subject says of where it came from: "Figures published by the ONS last month showed". */
const PARTICIPLES = set('published released compiled issued produced collected gathered obtained seen reviewed cited posted filed');

/** A document noun heading the subject, with a participle after it, ending at word `at`: "Figures published by the ONS last month". */
function documentSubject(sentence: string, words: readonly Word[], at: number): Attribution | null {
  for (let k = at; k > Math.max(0, at - 15) && !gapHas(sentence, words, k, /[,;:]/); k--) {
    if (PARTICIPLES.has(words[k]!.lower) && DOCUMENTS.has(words[k - 1]!.lower)) return 'named';
  }
  return null;
}

/** "sources told Reuters", "reported in The Lancet", "wrote in the Financial Times": the outlet after the verb is the source. */
function outletAfter(words: readonly Word[], verb: number): boolean {
  const next = words[verb + 1];
  if (!next) return false;
  if (words[verb]!.lower === 'told' || words[verb]!.lower === 'tells') return /^\p{Lu}/u.test(next.raw);
  if (next.lower !== 'in') return false;
  let k = verb + 2;
  const titled = words[k]?.raw === 'The';
  if (words[k]?.lower === 'the') k++;
  const name: string[] = [];
  while (words[k] && /^\p{Lu}/u.test(words[k]!.raw) && name.length < MAX_NAME) name.push(words[k++]!.raw);
  return name.length > 0 && (titled || looksLikeOutlet(name.join(' ')));
}

/** '"…," said the ministry', '"…," said he'. */
function inverted(words: readonly Word[], verb: number, evidence: boolean): Attribution | null {
  const next = words[verb + 1];
  if (!next) return null;
  if (PRONOUNS.has(next.lower)) return 'pronoun';
  if (DETERMINERS.has(next.lower) || /^\p{Lu}/u.test(next.raw)) return subjectAfter(words, verb, false, evidence);
  return null;
}

/** The noun phrase after word `at` ("according to the ministry", "said the ministry"). */
function subjectAfter(words: readonly Word[], at: number, according: boolean, evidence = false): Attribution | null {
  let k = at + 1;
  const first = words[k];
  if (!first) return null;
  if (according && OBJECT_PRONOUNS.has(first.lower)) return 'pronoun';
  // "according to estimates": whose? ("according to ministry estimates", "according to data from the NSE" say.)
  if (according && BARE_DOCUMENTS.has(first.lower)) return namedAfter(words, at + 1) ? 'named' : 'vague';
  if (GENERIC.has(first.lower)) return namedAfter(words, at + 1) ? 'named' : 'vague';
  while (words[k] && DETERMINERS.has(words[k]!.lower) && k < at + MAX_NAME) k++;
  const head = words[k];
  if (!head) return null;
  // "researchers at the University of Cambridge" are named; "researchers" alone are not.
  if (GENERIC.has(head.lower)) return (k > at + 1 && first.lower === 'the') || namedAfter(words, k) ? 'named' : 'vague';
  if (evidence) return DOCUMENTS.has(head.lower) || /^\p{Lu}/u.test(head.raw) ? 'named' : null;
  return 'named';
}

/** "at Jefferies", "from the University of Cambridge": an affiliation after word `at` names the group. */
function namedAfter(words: readonly Word[], at: number): boolean {
  const preposition = words[at + 1]?.lower ?? '';
  if (preposition !== 'at' && preposition !== 'from' && preposition !== 'of' && preposition !== 'with') return false;
  const name = words[at + 2]?.lower === 'the' ? words[at + 3] : words[at + 2];
  return name !== undefined && /^\p{Lu}/u.test(name.raw);
}

/** Classifies the word at `at` as the subject of a reporting verb. */
function subjectAt(words: readonly Word[], at: number, evidence: boolean): Attribution | null {
  const word = words[at];
  if (!word) return null;
  const lower = word.lower.replace(/[’']s$/, '');
  if (FIRST_PERSON.has(lower)) return null;
  if (PRONOUNS.has(lower)) return evidence ? null : 'pronoun';
  if (GENERIC.has(lower)) {
    // "the experts", "three analysts", "UN experts", "its critics" are particular; "some analysts", "Western diplomats" are not.
    const lead = words[at - 1];
    if (!lead || VAGUE_LEADS.has(lead.lower)) return 'vague';
    if (STATE_LEADS.has(lead.lower) && STATE_OUTLETS.has(lower)) return 'named';
    return DETERMINERS.has(lead.lower) || /[’']s$/.test(lead.lower) || /^\p{Lu}/u.test(lead.raw) ? 'named' : 'vague';
  }
  // "Research has shown" names nobody; "this research", "Oxford's research" do.
  if (lower === 'research') {
    const lead = words[at - 1];
    return lead && (DETERMINERS.has(lead.lower) || /[’']s$/.test(lead.lower) || /^\p{Lu}/u.test(lead.raw)) ? 'named' : 'vague';
  }
  // "Data show", "…, figures show": whose? ("Official figures show", "the ministry's data show" say.)
  if (evidence && BARE_DOCUMENTS.has(lower)) {
    const lead = words[at - 1];
    const modified = lead !== undefined && word.start - lead.end === 1
      && (DETERMINERS.has(lead.lower) || /[’']s$/.test(lead.lower) || /^\p{Lu}/u.test(lead.raw) || SOURCE_ADJECTIVES.has(lead.lower));
    return modified ? 'named' : 'vague';
  }
  // "A recent study found": which study? ("A study published in Nature found" has Nature for its subject.)
  if (DOCUMENTS.has(lower) && anonymous(words, at)) return 'vague';
  if (evidence) return !INSTITUTIONS.has(lower) && (DOCUMENTS.has(lower) || /^\p{Lu}/u.test(word.raw)) ? 'named' : null;
  // "Ali Larijani", "UN", and "al-Hayya", "bin Salman" (a name's lowercase particle).
  if (/^[\p{Lu}\p{N}]/u.test(word.raw) || /^\p{Ll}{1,4}-\p{Lu}/u.test(word.raw)) return 'named';
  if (INSTITUTIONS.has(lower) || DOCUMENTS.has(lower)) return 'named';
  if (STATE_OUTLETS.has(lower) && STATE_LEADS.has(words[at - 1]?.lower ?? '')) return 'named';
  // A lowercase noun is a source with a determiner ("the electoral commission"), a weasel without ("engineers").
  for (let k = at - 1; k >= Math.max(0, at - (ROLES.has(lower) ? 7 : 4)); k--) {
    const lead = words[k]!.lower;
    if (DETERMINERS.has(lead) || /[’']s$/.test(lead)) return 'named';
    // "an Israeli official", "a U.S. official": before a person's role, a capitalised adjective is part of the phrase.
    if (!/^\p{Ll}+$/u.test(words[k]!.raw) && !(ROLES.has(lower) && /^\p{Lu}[\p{L}.]*$/u.test(words[k]!.raw))) break;
  }
  return 'vague';
}

/** Adjectives between "a" and a document that still name nobody: "a recent study", "a new survey". */
const PLAIN_ADJECTIVES = set('recent new large major landmark separate');

/** Whether the document at word `at` is "a study", "a recent survey": one nobody can look up. */
function anonymous(words: readonly Word[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    const lead = words[k]!.lower;
    if (lead === 'a' || lead === 'an' || lead === 'one') return true;
    if (!PLAIN_ADJECTIVES.has(lead)) return false;
  }
  return false;
}

/** True when the text just before word `index` (after the previous word) matches `pattern`. */
function gapHas(sentence: string, words: readonly Word[], index: number, pattern: RegExp): boolean {
  const from = index > 0 ? words[index - 1]!.end : 0;
  const to = words[index]?.start ?? sentence.length;
  return pattern.test(sentence.slice(from, to));
}

/** A citation backs its claim unless it only points elsewhere or names nobody ("Experts said", "He said", "Turnout was reported"). */
function backs(citation: Citation): boolean {
  if (citation.form === 'pointer') return false;
  if (citation.form === 'reporting-verb' && /\b(?:is|are|was|were|been|being) \S+$/i.test(citation.text)) return false;
  if (citation.sources.length === 0) return true;
  return citation.sources.some((source) => {
    const lower = source.name.toLowerCase();
    return !GENERIC.has(lower) && !PRONOUNS.has(lower);
  });
}

const ATTRIBUTING = new Set(['according-to', 'reporting-verb']);

/** The claims (by id) that are supported in the given scope. */
export function supportedClaims(doc: Document, claims: readonly Claim[], citations: readonly Citation[], scope: SupportScope = 'paragraph', registry?: Registry): Set<string> {
  const byId = new Map(citations.map((citation) => [citation.id, citation]));
  const supported = new Set<string>();
  const turns = speakerTurns(doc, claims);
  /** By claim index: the claim's attribution reaches its whole paragraph. */
  const attributing = claims.map((claim, k) => {
    // "Denise Okafor: We logged 37 complaints…", "Q: …": an interview's turn names its speaker.
    if (turns.has(claim.block) && (k === 0 || claims[k - 1]!.block !== claim.block)) {
      supported.add(claim.id);
      return true;
    }
    let backed = false;
    let attributes = false;
    // "According to Wikipedia, …": the sentence names its source (tertiary-source reports it),
    // but a wiki or a chatbot vouches for none of the paragraph's other sentences.
    let onlyTertiary = registry !== undefined;
    for (const id of claim.citationIds) {
      const citation = byId.get(id);
      if (!citation || !backs(citation)) continue;
      backed = true;
      if (!ATTRIBUTING.has(citation.form)) continue;
      attributes = true;
      if (onlyTertiary && !citation.sources.every((source) => tertiary(source.sourceId, registry!))) onlyTertiary = false;
    }
    const said = attributionIn(claim.text, () => wordsOfClaim(claim));
    if (backed || said === 'named') supported.add(claim.id);
    if (attributes && onlyTertiary) return false;
    return said === 'named' || said === 'pronoun' || attributes;
  });
  sourcedTables(doc, claims, supported);
  signedQuotes(doc, claims, supported);
  publishersNotes(doc, claims, supported);
  if (scope === 'sentence') {
    summaryPoints(doc, claims, supported);
    return supported;
  }

  /** `introduces`: the paragraph before ended in a colon after an attribution, or is a list item or quote it introduced. */
  let previous: { block: number; attributed: boolean; runsOn: boolean; introduces: boolean } | null = null;
  for (let from = 0; from < claims.length;) {
    const block = claims[from]!.block;
    let to = from;
    while (to < claims.length && claims[to]!.block === block) to++;
    let attributed = false;
    for (let k = from; k < to && !attributed; k++) attributed = attributing[k]!;
    const text = () => doc.text.slice(doc.blocks[block]!.start, doc.blocks[block]!.end);
    // A quotation opened in the paragraph before (unclosed, or introduced by a colon) is the same speaker's.
    const adjacent: boolean = previous !== null && previous.block === block - 1;
    if (!attributed && adjacent && previous!.attributed && previous!.runsOn && /^[“"«]/.test(text().trimStart())) attributed = true;
    // "Figures published by the ONS showed:" then a list, or "the WHO said:" then a block quote.
    const introduced: boolean = adjacent && previous!.introduces && doc.blocks[block]!.inside !== undefined;
    if (introduced) attributed = true;
    if (attributed) for (let k = from; k < to; k++) supported.add(claims[k]!.id);
    // Whether the paragraph runs on matters only after an attributed one: only then read its quotations.
    const runs = attributed && runsOn(text());
    previous = { block, attributed, runsOn: runs, introduces: introduced || (runs && /:\s*$/.test(text())) };
    from = to;
  }
  // Last: a summary's bullets borrow from every sentence supported so far.
  summaryPoints(doc, claims, supported);
  return supported;
}

/**
 * A speaker's label opening a paragraph, as interview transcripts give turns: "Q:", "A:",
 * "OKAFOR:", "Denise Okafor:" (bold in Markdown: "**Denise Okafor:**"), and "Okafor:" once the
 * article has written "Denise Okafor". Not the labels copy also opens with ("Update:",
 * "Correction:", "Running Time:", "CLAIM:").
 */
const SPEAKER_LABEL = /^(?:(Q|A)|(\p{Lu}[\p{Lu}’'.-]+(?: \p{Lu}[\p{Lu}’'.-]+){0,3})|(\p{Lu}[\p{Ll}’'.-]+(?: (?:\p{Lu}[\p{Ll}’'.-]+|bin|al|de|van|von)){0,3})): /u;
const NOT_SPEAKERS = new Set([
  'note', 'notes', 'update', 'updated', 'correction', 'corrections', 'clarification', 'editor’s note', "editor's note", 'source', 'sources', 'photo',
  'photos', 'credit', 'credits', 'claim', 'rating', 'verdict', 'fact check', 'background', 'context', 'summary', 'key points', 'takeaways',
  'key takeaways', 'related', 'read more', 'watch', 'listen', 'disclaimer', 'disclosure', 'warning', 'location', 'date', 'time', 'price',
  'tickets', 'running time', 'runtime', 'cast', 'director', 'bottom line', 'why it matters', 'the big picture', 'what’s next', "what's next",
  'breaking', 'breaking news', 'exclusive', 'analysis', 'opinion', 'editorial', 'caption', 'example', 'question', 'answer', 'tip', 'tips',
  'pros', 'cons', 'score', 'status', 'first', 'second', 'third', 'finally', 'meanwhile', 'also', 'plus', 'bonus', 'ps', 'p.s.',
]);

/** The blocks (by index) that open with a speaker's label; the labels of full names taught the surnames. */
function speakerTurns(doc: Document, claims: readonly Claim[]): Set<number> {
  const turns = new Set<number>();
  if (!doc.text.includes(': ')) return turns;
  let surnames: Set<string> | null = null;
  for (let k = 0; k < claims.length; k++) {
    const block = claims[k]!.block;
    if (k > 0 && claims[k - 1]!.block === block) continue;
    const start = doc.blocks[block]?.start ?? claims[k]!.start;
    const opening = doc.text.slice(start, start + 48);
    if (!opening.includes(': ')) continue;
    const label = SPEAKER_LABEL.exec(opening);
    if (!label || NOT_SPEAKERS.has(label[0].slice(0, -2).toLowerCase())) continue;
    const titled = label[3];
    if (titled !== undefined && !titled.includes(' ')) {
      // A lone surname is a speaker only when the article gives it a first name somewhere.
      surnames ??= new Set([...doc.text.matchAll(FULL_NAME)].map((match) => match[1]!));
      if (!surnames.has(titled)) continue;
    } else if (titled !== undefined && !looksLikePerson(titled)) {
      continue;
    }
    turns.add(block);
  }
  return turns;
}

/** "Denise Okafor": a capitalised word, then the surname (group 1). */
const FULL_NAME = /\b\p{Lu}\p{Ll}+ (\p{Lu}[\p{Ll}’'-]+)\b/gu;

/** A signature line after a quotation, "— Prof. Tara Coughlan", in its paragraph or opening the next (a block quote's <footer>). */
export const SIGNATURE = /^\s*(?:[—–―]|--?)\s*\p{Lu}/u;
/** A block quote's last line that is a name or a title and a name, ending without a full stop: <cite>Mayor Teresa Lindqvist</cite>. */
export const NAME_LINE = /^\p{Lu}[^.!?\n]{0,78}[^.!?\s]$/u;

/**
 * A block quote signed on its last line ("— Doug Lewin, on his podcast", `<cite>Google
 * statement, 5 September 2025</cite>`) is the signer's words: its claims are supported, and the
 * signature is no claim to source.
 */
function signedQuotes(doc: Document, claims: readonly Claim[], supported: Set<string>): void {
  const { blocks, text } = doc;
  supportRuns(doc, claims, 'quote', supported, (first, end) => {
    const last = blocks[end]!;
    const line = text.slice(last.start, Math.min(last.end, last.start + 81));
    return end > first && (SIGNATURE.test(line) || (last.end - last.start <= 80 && NAME_LINE.test(line)));
  });
}

/**
 * Each run of consecutive blocks inside one kind of container (a quote, a table) that holds
 * claims, as the blocks [start, end]: when `supports` says so, every claim in it is supported.
 */
function supportRuns(doc: Document, claims: readonly Claim[], inside: 'quote' | 'table', supported: Set<string>, supports: (start: number, end: number) => boolean): void {
  const { blocks } = doc;
  let k = 0;
  while (k < claims.length) {
    const first = claims[k]!.block;
    if (blocks[first]?.inside !== inside) {
      k++;
      continue;
    }
    let start = first;
    while (start > 0 && blocks[start - 1]!.inside === inside) start--;
    let end = first;
    while (end + 1 < blocks.length && blocks[end + 1]!.inside === inside) end++;
    const supporting = supports(start, end);
    for (; k < claims.length && claims[k]!.block <= end; k++) if (supporting) supported.add(claims[k]!.id);
  }
}

function tertiary(sourceId: string | null, registry: Registry): boolean {
  const kind = sourceId === null ? undefined : registry.sourceWithId(sourceId)?.kind;
  return kind !== undefined && TERTIARY_KINDS.has(kind);
}

/** A summary box's heading: "Key points", "Key takeaways", "At a glance", "In brief", "TL;DR", "Highlights". */
const SUMMARY_HEADING = /^\W{0,3}(?:key points|key takeaways|takeaways|at a glance|in brief|in short|tl;?dr|highlights|summary|the big picture)\W{0,3}$/i;
/** Figures as written: "27,000", "4.3", "7.2%" (the percent sign dropped). */
const FIGURE = /\d[\d,.]*\d|\d/g;

/**
 * A summary box ("Key points", then bullets) repeats the story: a bullet whose figures all
 * appear in a supported sentence of the article is supported by it. A bullet with a figure the
 * story never sources (a chatbot's "Key takeaways") still is not.
 */
function summaryPoints(doc: Document, claims: readonly Claim[], supported: Set<string>): void {
  const { blocks, text } = doc;
  let summary = false;
  let sourcedFigures: Set<string> | null = null;
  for (let k = 0, block = -1; k < claims.length; k++) {
    const claim = claims[k]!;
    if (claim.block !== block) {
      // A heading before this block opens or closes a summary box.
      for (let b = block + 1; b <= claim.block; b++) {
        const candidate = blocks[b];
        if (candidate?.kind === 'heading') summary = SUMMARY_HEADING.test(text.slice(candidate.start, Math.min(candidate.end, candidate.start + 40)).trim());
      }
      block = claim.block;
    }
    if (!summary || supported.has(claim.id) || blocks[block]?.inside !== 'list') continue;
    const figures = claim.text.match(FIGURE);
    if (!figures) continue;
    sourcedFigures ??= new Set(claims.filter((other) => supported.has(other.id)).flatMap((other) => other.text.match(FIGURE) ?? []));
    if (figures.every((figure) => sourcedFigures!.has(figure))) supported.add(claim.id);
  }
}

/** "Correction, Oct. 8, 2025:", "Clarification:", "Editor's note:": the publisher speaking of its own work. */
const PUBLISHERS_NOTE = /^\W{0,3}(?:Corrections?|Clarifications?|Editor[’']s note)\b[^:\n]{0,40}:/i;

/**
 * A correction or editor's note is the publisher's own statement, and a "Source: …" line names
 * a source: neither paragraph needs another.
 */
function publishersNotes(doc: Document, claims: readonly Claim[], supported: Set<string>): void {
  let block = -1;
  let note = false;
  for (const claim of claims) {
    if (claim.block !== block) {
      block = claim.block;
      const start = doc.blocks[block]?.start ?? claim.start;
      const opening = doc.text.slice(start, start + 64);
      note = opening.includes(':') && (PUBLISHERS_NOTE.test(opening) || SOURCE_LINE.test(opening));
    }
    if (note) supported.add(claim.id);
  }
}

/** A table's source line: "Source: U.S. Census Bureau, …", "Data: ONS". */
const SOURCE_LINE = /^\W{0,3}(?:Sources?|Data|Figures)\s*:\s*\S/i;

/**
 * A table's cells are its "Source:" line's, as a chart's are: the line right after the table
 * or right before it (a caption) supports every claim in the table.
 */
function sourcedTables(doc: Document, claims: readonly Claim[], supported: Set<string>): void {
  const { blocks, text } = doc;
  const sourceLine = (index: number): boolean => {
    const block = blocks[index];
    return block !== undefined && block.inside !== 'table' && SOURCE_LINE.test(text.slice(block.start, Math.min(block.end, block.start + 40)));
  };
  supportRuns(doc, claims, 'table', supported, (start, end) => sourceLine(start - 1) || sourceLine(end + 1));
}

/** A paragraph whose last quotation is left open, or that ends with a colon, runs on into the next. */
function runsOn(text: string): boolean {
  return quotations(text).at(-1)?.closed === false || /:\s*$/.test(text);
}

export function markSupport(doc: Document, claims: Claim[], citations: readonly Citation[], registry?: Registry): void {
  const supported = supportedClaims(doc, claims, citations, 'paragraph', registry);
  for (const claim of claims) claim.supported = supported.has(claim.id);
}
