/**
 * Finds every citation in a Document and attaches each to the claim it supports. One scan per
 * form, each linear; candidates are then taken in order of confidence, and a later one that
 * overlaps an earlier one is dropped (a chip inside a parenthetical is the parenthetical's).
 */
import type { Document } from '../input/document.js';
import type { Claim } from '../parse/claim.js';
import { documentNotes, type Notes } from '../parse/notes.js';
import { countBelow, firstComeRanges } from '../parse/ranges.js';
import { isSiteName, type Registry } from '../registry/registry.js';
import { hostOf, nameKey, remembered } from '../registry/normalize.js';
import type { Citation, CitationForm, CitedSource } from './citation.js';
import { chipsIn, NOT_CHIP_NAMES, splitSourceList, type ListedName } from './chips.js';
import { addsThing, isNameWord, looksLikeBody, looksLikeOutlet, looksLikePerson, nameAt, nameEndingAt, type Span } from './names.js';

type Candidate = Omit<Citation, 'id' | 'claimIds'>;

/** `notes`: the document's footnotes (documentNotes), as findClaims was given them. */
export function findCitations(doc: Document, claims: readonly Claim[], registry: Registry, notes: Notes = documentNotes(doc)): Citation[] {
  const text = doc.text;
  const flat = unwrapped(doc);
  const ordered: Candidate[][] = [
    linkCitations(doc, registry),
    bracketCitations(flat, registry),
    chipRuns(flat, registry),
    accordingTo(flat, registry),
    reportingVerbs(flat, registry),
    pointers(flat, registry),
    footnotes(text, notes, registry, doc.links),
  ];
  // Earlier kinds win: a candidate overlapping one already accepted is dropped.
  const accepted = firstComeRanges(ordered);
  accepted.sort((a, b) => a.start - b.start || a.end - b.end);
  const citations = accepted.map((candidate, index) => attach(numbered(candidate, `s${index + 1}`), claims));
  if (notes.byLabel.size > 0) supportThroughNotes(citations, claims);
  return citations;
}

/** A line break, and the word that opens the next line. */
const LINE_BREAK = /\r?\n(?=[ \t]*(\p{Lu}[\p{L}’']*)?)/gu;
/**
 * Capitalized words that open sentences far more often than they continue a name: a break
 * before one may be a paragraph end the loader missed ("…click on WANA or IRNA English\nOn his
 * visit…"), so it stays.
 */
const SENTENCE_OPENERS = new Set([
  'A', 'An', 'The', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'Without', 'To', 'Of', 'As', 'After', 'Before', 'During', 'Since', 'Until',
  'When', 'While', 'Where', 'Why', 'How', 'What', 'Who', 'If', 'Although', 'Though', 'But', 'And', 'Or', 'So', 'Yet', 'He', 'She', 'It', 'They',
  'We', 'I', 'You', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'This', 'That', 'These', 'Those', 'There', 'Here', 'Then', 'Now', 'Meanwhile',
  'However', 'Also', 'Still', 'According', 'Prior', 'Last', 'Earlier', 'Later', 'Some', 'Many', 'Most', 'Such', 'Both', 'Each', 'No', 'Not',
]);

/** A line that ends in one of these runs on into the next. */
const JOINS_ON = /[\p{L},]/u;

/**
 * The text with the line breaks inside each paragraph made spaces, so names and phrases read as
 * if hard-wrapped lines were one ("according to IRNA English\nand Mehr News Agency", "Tasnim
 * News\nAgency", "according to\nReuters"); the breaks between paragraphs stay, and end them, as
 * does a break before a word that usually opens a sentence or after a line that ends in neither
 * a letter nor a comma (a chip's ")"). A CR goes too ("\r\n" becomes two spaces): same offsets.
 */
function unwrapped(doc: Document): string {
  const { text, blocks } = doc;
  if (!text.includes('\n')) return text;
  const parts: string[] = [];
  let at = 0;
  for (const block of blocks) {
    const inside = text.slice(block.start, block.end);
    if (!inside.includes('\n')) continue;
    const joined = inside.replace(LINE_BREAK, (lineBreak: string, word: string | undefined, offset: number) => {
      if (word === undefined) return ' '.repeat(lineBreak.length);
      let last = offset - 1;
      while (last > 0 && (inside[last] === ' ' || inside[last] === '\t')) last--;
      const keep = SENTENCE_OPENERS.has(word) || !JOINS_ON.test(inside[last] ?? '');
      return keep ? lineBreak : ' '.repeat(lineBreak.length);
    });
    parts.push(text.slice(at, block.start), joined);
    at = block.end;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(at));
  return parts.join('');
}

/** Written out rather than spread, which is several times slower here; keys in the order a spread gives. */
function numbered({ form, start, end, text, sources, href, note }: Candidate, id: string): Citation {
  if (note !== undefined) return { form, start, end, text, sources, id, claimIds: [], note };
  return href === undefined ? { form, start, end, text, sources, id, claimIds: [] } : { form, start, end, text, sources, href, id, claimIds: [] };
}

/**
 * The citations inside a note support the claims whose markers point at it: "[2]" after a
 * sentence and "[2] https://www.tehrantimes.com/…" below make Tehran Times that sentence's
 * source. A note's own line is no claim, so its citations support only through markers.
 */
function supportThroughNotes(citations: Citation[], claims: readonly Claim[]): void {
  // Each note once, with every claim pointing at it.
  const pointing = new Map<number, { note: { start: number; end: number }; claimIds: Set<string> }>();
  for (const marker of citations) {
    if (!marker.note || marker.claimIds.length === 0) continue;
    let entry = pointing.get(marker.note.start);
    if (!entry) pointing.set(marker.note.start, entry = { note: marker.note, claimIds: new Set() });
    for (const claimId of marker.claimIds) entry.claimIds.add(claimId);
  }
  const claimById = new Map(claims.map((claim) => [claim.id, claim]));
  const starts = citations.map((citation) => citation.start);
  const touched = new Set<Claim>();
  for (const { note, claimIds } of pointing.values()) {
    const inNote: Citation[] = [];
    for (let at = countBelow(starts, note.start); at < citations.length && citations[at]!.start < note.end; at++) {
      if (citations[at]!.form !== 'footnote') inNote.push(citations[at]!);
    }
    // Every pair is a link to keep: a hostile note of thousands of links, named by thousands of
    // sentences, would make millions. Such a note supports its sentences through its markers only.
    if (inNote.length * claimIds.size > MAX_NOTE_LINKS) continue;
    for (const citation of inNote) {
      for (const claimId of claimIds) {
        citation.claimIds.push(claimId);
        const claim = claimById.get(claimId)!;
        claim.citationIds.push(citation.id);
        touched.add(claim);
      }
    }
  }
  // Citation ids in text order, as attach() gives them.
  for (const claim of touched) claim.citationIds.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}
const MAX_NOTE_LINKS = 10_000;

/** A citation supports the claim it sits in; a pointer ("click on WANA") supports nothing. */
function attach(citation: Citation, claims: readonly Claim[]): Citation {
  if (citation.form === 'pointer') return citation;
  let lo = 0;
  let hi = claims.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const claim = claims[mid]!;
    if (citation.start < claim.start) hi = mid - 1;
    else if (citation.start >= claim.end) lo = mid + 1;
    else {
      citation.claimIds.push(claim.id);
      claim.citationIds.push(citation.id);
      break;
    }
  }
  return citation;
}

function cited(registry: Registry, written: string, start: number, count: number | null = null, quotedAsPrimary = false): CitedSource {
  // A name read over a joined line break has a run of spaces in it.
  const name = written.includes('  ') ? written.replace(/ {2,}/g, ' ') : written;
  const source = registry.findSource(name);
  const primary = !source && quotedAsPrimary && (registry.findPerson(name) !== null || (quotable(name) && !looksMisspelt(registry, name)));
  return { name, sourceId: source?.id ?? null, chipCount: count, start, end: start + written.length, primary };
}

/** Shaped like someone quoted rather than an outlet: a person, an official body, or no outlet at all. Names repeat, so remembered. */
const quotable = remembered((name: string) => looksLikePerson(name) || looksLikeBody(name) || !looksLikeOutlet(name), 10_000);

/**
 * "Reutres": a slip of the keyboard off a known outlet's name is that outlet mistyped, not a
 * person quoted. A place or a person the registry knows is itself ("Ankara" is not Antara).
 */
function looksMisspelt(registry: Registry, name: string): boolean {
  return registry.misspeltSource(name) !== null && registry.findCountry(name) === null && registry.findPerson(name) === null;
}

function candidate(form: CitationForm, text: string, start: number, end: number, sources: CitedSource[], href?: string): Candidate {
  return href === undefined ? { form, start, end, text: text.slice(start, end), sources } : { form, start, end, text: text.slice(start, end), sources, href };
}

/** Hyperlinks: the source is the one the link text names, else the one the URL belongs to. */
function linkCitations(doc: Document, registry: Registry): Candidate[] {
  const found: Candidate[] = [];
  for (const link of doc.links) {
    const host = hostOf(link.href);
    if (!host || SHARE_LINK.test(link.href)) continue;
    const label = doc.text.slice(link.start, link.end).replace(/^oai_citation:\d+‡/, '').trim();
    // "[Rudaw reported](…)": the name before a reporting verb is what the text cites.
    const named = label.replace(REPORTING_TAIL, '');
    const byText = named && !/^https?:/i.test(named) ? registry.findSource(named) : null;
    const byUrl = registry.findSourceByUrl(link.href);
    const source = byText ?? byUrl;
    const name = byText ? named : source?.name ?? host;
    found.push(candidate('link', doc.text, link.start, link.end, [{ name, sourceId: source?.id ?? null, chipCount: null, start: link.start, end: link.end, primary: false }], link.href));
  }
  return found;
}

/**
 * A page's "Share on X / Facebook / WhatsApp" buttons, often inside the article element: links
 * to a platform's share endpoint, which cite nothing.
 */
const SHARE_LINK = /^(?:https?:)?\/\/(?:www\.|m\.|mobile\.)?(?:(?:twitter|x)\.com\/(?:intent\/|share\b)|facebook\.com\/(?:sharer|share\.php|dialog\/(?:share|feed))|linkedin\.com\/(?:shareArticle|sharing\/)|reddit\.com\/submit|pinterest\.com\/pin\/create|(?:t|telegram)\.me\/share|(?:api|web)\.whatsapp\.com\/send|wa\.me\/|bsky\.app\/intent\/|news\.ycombinator\.com\/submitlink|tumblr\.com\/(?:share|widgets\/share)|vk\.com\/share\.php)/i;

const REPORTING_TAIL = /\s+(?:reported|reports|said|says|told|wrote|writes|confirmed|confirms|noted|notes|published|quoted)\b.*$/is;

const MAX_GROUP = 400;

/** "(IRNA English +1)", "(Reuters, AP)", "[Wikipedia]"; not "(PMF)" or "[citation needed]". */
function bracketCitations(text: string, registry: Registry): Candidate[] {
  const found: Candidate[] = [];
  let proseNames: ReadonlySet<string> | undefined;
  const nextParen = nextOf(text, '(');
  const nextSquare = nextOf(text, '[');
  const closeParen = nextOf(text, ')');
  const closeSquare = nextOf(text, ']');
  for (let open = Math.min(nextParen(0), nextSquare(0)); open < text.length; open = Math.min(nextParen(open + 1), nextSquare(open + 1))) {
    const ch = text[open];
    const close = ch === '(' ? closeParen(open + 1) : closeSquare(open + 1);
    if (close === text.length || close - open > MAX_GROUP) continue;
    const inner = text.slice(open + 1, close);
    if (inner.includes(ch!) || inner.includes('\n\n')) continue;
    // Only a chip, a capitalised name or a site's domain can make a citation: most brackets have none.
    if (!MAY_CITE.test(inner) && !inner.includes('.')) continue;
    if (isDatelineCredit(text, open, close)) continue;
    const listed = listedIn(inner);
    if (listed.length === 0) continue;
    const chips = listed.some((item) => item.count !== null);
    const namesOnly = listed.every((item) => isNameWord(item.name) || isBareDomain(item.name));
    if (!chips && !namesOnly) continue;
    const sources = listed.map((item) => cited(registry, item.name, open + 1 + item.start, item.count));
    // Names only: each a known source, shaped like an outlet, or a known one mistyped ("(Reutres)")
    // that the article does not also write as a name of its own ("Sanae said…" is not SANA).
    const cites = (source: CitedSource) => source.sourceId !== null || looksLikeOutlet(source.name)
      || (looksMisspelt(registry, source.name) && !(proseNames ??= capitalisedInProse(text)).has(firstWord(source.name)));
    if (chips || (namesOnly && sources.every(cites))) {
      found.push(candidate(ch === '(' ? 'parenthetical' : 'bracketed', text, open, close + 1, sources));
      open = close;
    } else if (namesOnly && withKnown(registry, sources, cites)) {
      // An official body beside the outlets ("(NATO, Reuters)") is a primary source, not an unknown outlet.
      for (const source of sources) if (!cites(source) && looksLikeBody(source.name)) source.primary = true;
      found.push(candidate(ch === '(' ? 'parenthetical' : 'bracketed', text, open, close + 1, sources));
      open = close;
    }
  }
  return found;
}

/**
 * A wire dateline's credit, "BAGHDAD, Sept 16 (Reuters) -", "Jerusalem (AFP) —": the agency
 * that wrote the story, not a source of its first sentence. A place (and a date) opening the
 * line before the brackets, a dash after them.
 */
function isDatelineCredit(text: string, open: number, close: number): boolean {
  if (!DASH_AFTER.test(text.slice(close + 1, close + 5))) return false;
  // Only the 60 characters before the bracket: a search back to the line's start would read a
  // hostile one-line megabyte again for every bracket in it.
  const from = Math.max(0, open - 61);
  const before = text.slice(from, open);
  const lineBreak = before.lastIndexOf('\n');
  if (lineBreak < 0 && from > 0) return false;
  return DATELINE_PLACE.test(before.slice(lineBreak + 1));
}

const DASH_AFTER = /^\s?(?:--?|[–—])(?:\s|$)/;
/** "BAGHDAD, Sept 16 ", "Jerusalem ", "SEATTLE, Nov. 5, 2025 ", "NEW YORK/LONDON ". */
const DATELINE_PLACE = /^\p{Lu}[\p{L}\p{M}'’./ -]*(?:,[\p{L}\p{M}\d'’. ]*){0,2}\s$/u;

/**
 * A list that cites a known source cites its other names too, unknown as they may be:
 * "(TechCrunch, Sifted, Reuters)" is three sources, two of them for unknown-source to report. A
 * country or a person the registry knows is no source ("(Jordan, Lebanon, Reuters)" lists
 * places), so such a list is not taken for a citation.
 */
function withKnown(registry: Registry, sources: readonly CitedSource[], cites: (source: CitedSource) => boolean): boolean {
  return sources.length >= 2 && sources.some((source) => source.sourceId !== null)
    && sources.every((source) => cites(source) || (registry.findCountry(source.name) === null && registry.findPerson(source.name) === null));
}

/**
 * The capitalised words the text writes other than right after an opening bracket: the names
 * of its own people and places, as opposed to what it only cites ("(Reutres)"). One pass, made
 * only for a text with a mistyped-looking citation.
 */
function capitalisedInProse(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.matchAll(CAPITALISED_WORD)) {
    const before = text[match.index - 1];
    if (before !== '(' && before !== '[') words.add(match[0]);
  }
  return words;
}

/** A capitalised word, whole: not the "Z" of "IZNA" nor the "Reutres" of "xReutres". */
const CAPITALISED_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}]*/gu;

function firstWord(name: string): string {
  const space = name.search(/\s/);
  return space < 0 ? name : name.slice(0, space);
}

/** The same lists recur ("(Wikipedia)", "(Reuters +2)"): split each once. Shared answers, read only. */
const listedIn: (list: string) => readonly ListedName[] = remembered(splitSourceList, 10_000);

/**
 * A site named by its domain, as chatbots cite one: "(reuters.com)", "(apnews.com, bbc.co.uk)".
 * Under a public suffix only, so "(node.js)" and "(e.g.)" are not sites.
 */
function isBareDomain(name: string): boolean {
  return DOMAIN_SHAPE.test(name) && isSiteName(name);
}

const DOMAIN_SHAPE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i;

/** A chip's plus sign, or what a name word starts with (a capital or a digit, isNameWord). */
const MAY_CITE = /[+\p{Lu}\p{N}]/u;

/**
 * The next `char` at or after an offset (text.length when none), for offsets that only grow:
 * each search resumes where the last one stopped, so all of them together read the text once.
 */
function nextOf(text: string, char: string): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found < from && found !== text.length) {
      found = text.indexOf(char, from);
      if (found < 0) found = text.length;
    }
    return found;
  };
}

/** A chip run in running text: "Caliber.az +12 IRNA English +12 Rudaw +12". */
function chipRuns(text: string, registry: Registry): Candidate[] {
  const found: Candidate[] = [];
  type Run = { start: number; end: number; sources: CitedSource[] };
  let run = null as Run | null;
  const flush = () => {
    if (run) found.push(candidate('chip-run', text, run.start, run.end, run.sources));
    run = null;
  };
  for (const chip of chipsIn(text)) {
    const at = chip.index;
    const chipEnd = at + chip[0].length;
    const floor: number = run ? run.end : 0;
    const found: Span | null = nameEndingAt(text, at, floor) ?? gluedName(text, at, floor);
    if (!found || NOT_CHIP_NAMES.test(found.text)) continue;
    const name = run ? found : trimName(found, registry);
    if (run && text.slice(run.end, name.start).trim() !== '' && !/^[\s,;]*$/.test(text.slice(run.end, name.start))) flush();
    const source = cited(registry, name.text, name.start, Number(chip[1]));
    if (run) {
      run.end = chipEnd;
      run.sources.push(source);
    } else run = { start: name.start, end: chipEnd, sources: [source] };
  }
  flush();
  return found;
}

/** Capitalised words that open a sentence or a phrase but never a source's name. */
const LEADING_WORDS = new Set([
  'on', 'in', 'at', 'by', 'for', 'after', 'before', 'since', 'during', 'meanwhile', 'today', 'yesterday', 'but', 'and', 'as', 'while', 'when', 'then', 'also', 'separately', 'earlier', 'later',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/**
 * A name read backwards can take in words before it ("near Kharkiv Business Insider+15"): keep
 * the longest tail that is a known source, else drop leading sentence words.
 */
function trimName(span: Span, registry: Registry): Span {
  // One word has nothing to trim: whether or not it is a source, it stays as it is.
  if (!/\s/.test(span.text)) return span;
  const words = [...span.text.matchAll(/\S+/g)];
  for (let i = 0; i < words.length; i++) {
    const tail = span.text.slice(words[i]!.index);
    if (registry.findSource(tail)) return i === 0 ? span : { text: tail, start: span.start + words[i]!.index, end: span.end };
  }
  let first = 0;
  while (first < words.length - 1 && LEADING_WORDS.has(words[first]![0].toLowerCase())) first++;
  return first === 0 ? span : { text: span.text.slice(words[first]!.index), start: span.start + words[first]!.index, end: span.end };
}

/** "Reuters+15" glued after a previous chip: the letters back to the chip or a space. */
function gluedName(text: string, at: number, floor: number): Span | null {
  let start = at;
  while (start > floor && isGlueChar(text.charCodeAt(start - 1), text[start - 1]!)) start--;
  const name = text.slice(start, at);
  return /^\p{Lu}/u.test(name) ? { text: name, start, end: at } : null;
}

const GLUE_CHAR = /[\p{L}\p{N}.&-]/u;

/** A letter, digit, ".", "&" or "-"; ASCII without the Unicode regex. */
function isGlueChar(code: number, char: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 46 || code === 38 || code === 45;
  return GLUE_CHAR.test(char);
}

/** ", and ", " & ", " or ", ", " after a name, with the spaces a joined line leaves; group 1 is the word. */
const LIST_JOINER = /^(?:,? {1,4}(and|&|or) {1,4}|, {1,4})/;
/** The same before a name, read at the end of the text before it. */
const LIST_JOINER_BEFORE = /(?:,? {1,4}(and|&)|,) {1,4}$/;

/** Names joined into a list from `index`: "IRNA English and Mehr News Agency", "Reuters, AP and AFP". */
function nameList(text: string, index: number, registry: Registry): Span[] {
  const names: Span[] = [];
  let at = index;
  for (;;) {
    const article = /^(the|a|an) /i.exec(text.slice(at, at + 4));
    const name = nameAt(text, article && !/^The /.test(text.slice(at, at + 4)) ? at + article[0].length : at);
    if (!name) break;
    names.push(name);
    const joiner = LIST_JOINER.exec(text.slice(name.end, name.end + 14));
    if (!joiner) break;
    const next = name.end + joiner[0].length;
    // After a bare comma, only a known source continues the list ("According to Larijani, Iran's…" stops).
    if (joiner[1] === undefined) {
      const following = nameAt(text, /^the /i.test(text.slice(next, next + 4)) && !/^The /.test(text.slice(next, next + 4)) ? next + 4 : next);
      if (!following || !registry.findSource(following.text)) break;
    }
    at = next;
  }
  return names;
}

const ACCORDING_TO = /\baccording {1,4}to {1,4}/gi;

/** "according to IRNA English and Mehr News Agency"; a person or body there is a primary source. */
function accordingTo(text: string, registry: Registry): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(ACCORDING_TO)) {
    const names = nameList(text, match.index + match[0].length, registry);
    if (names.length === 0) continue;
    const sources = names.map((name) => cited(registry, name.text, name.start, null, true));
    found.push(candidate('according-to', text, match.index, names[names.length - 1]!.end, sources));
  }
  return found;
}

/** "on X", "in The Times", "via Telegram" just before a name: a place, not a subject. */
const PLACE_PREPOSITION = /\b(?:on|in|at|via|from)\s+$/i;
const REPORTING_VERBS = /\b(?:reported|reports|said|says|told|tells|confirmed|confirms|acknowledged|acknowledges|stated|states|wrote|writes|noted|notes|announced|announces|claimed|claims|quoted|published|added|stressed|underlined|emphasi[sz]ed|warned|cited|cites)\b/g;
const SUBJECT_FILLERS = new Set(['both', 'also', 'itself', 'themselves', 'later', 'earlier', 'previously', 'first', 'recently', 'separately', 'has', 'have', 'had', 'was', 'were', 'had', 'all', 'similarly', 'likewise']);

const FIRST_PERSON = new Set(['I', 'We']);

/** "added three new plants", "added about 3%": "added" with a thing for its object reports no words. */
function addsThings(text: string, verb: string, verbEnd: number): boolean {
  const next = verb === 'added' ? /^ ([^\s,.;:]+)/.exec(text.slice(verbEnd, verbEnd + 24))?.[1] : undefined;
  return next !== undefined && addsThing(next);
}

/** "Mehr News Agency reported", "Wiki and Mehr News Agency both acknowledged", "reported by Mehr". */
function reportingVerbs(text: string, registry: Registry): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(REPORTING_VERBS)) {
    const verbStart = match.index;
    const verbEnd = verbStart + match[0].length;
    const by = / by /y;
    by.lastIndex = verbEnd;
    if (by.test(text)) {
      const names = nameList(text, by.lastIndex, registry);
      if (names.length > 0) {
        const sources = names.map((name) => cited(registry, name.text, name.start, null, true));
        if (sources.some((source) => source.sourceId || looksLikeOutlet(source.name))) found.push(candidate('reporting-verb', text, verbStart, names[names.length - 1]!.end, sources));
        continue;
      }
    }
    // Walk back over fillers ("itself", "both", "has") to the subject's names.
    let end = verbStart - 1;
    for (let steps = 0; steps < 3 && end > 0; steps++) {
      const wordStart = text.lastIndexOf(' ', end - 1) + 1;
      if (!SUBJECT_FILLERS.has(text.slice(wordStart, end).toLowerCase())) break;
      end = wordStart - 1;
    }
    if (end <= 0 || text[end] !== ' ') continue;
    if (text[end - 1] === ',') {
      // "Tasnim, which is close to the IRGC, said": a known source set off by a clause.
      const name = sourceBeforeClause(text, end - 1, registry);
      if (name) found.push(candidate('reporting-verb', text, name.start, verbEnd, [cited(registry, name.text, name.start, null, true)]));
      continue;
    }
    const names: Span[] = [];
    let at = end;
    for (;;) {
      const found = nameEndingAt(text, at);
      if (!found) break;
      const name = trimName(found, registry);
      names.unshift(name);
      if (name !== found) break;
      const joiner = LIST_JOINER_BEFORE.exec(text.slice(Math.max(0, name.start - 14), name.start));
      if (!joiner) break;
      // "on Monday, Tasnim reported": a bare comma joins a list of sources only ("Reuters, AP and AFP").
      if (joiner[1] === undefined) {
        const before = nameEndingAt(text, name.start - joiner[0].length);
        if (!before || !registry.findSource(before.text)) break;
        // "In a post on X, Abbott said": the platform is where the speaker said it, not a second source.
        if (PLACE_PREPOSITION.test(text.slice(Math.max(0, before.start - 6), before.start))) break;
      }
      at = name.start - joiner[0].length;
    }
    // "I told my players" is the speaker's own words; "Conagra has added three plants" adds no
    // words; "Iraqi state TV said" names a kind of outlet, as "state television said" does.
    if (names.length === 0 || (names.length === 1 && (FIRST_PERSON.has(names[0]!.text) || names[0]!.text === 'TV')) || addsThings(text, match[0], verbEnd)) continue;
    const sources = names.map((name) => cited(registry, name.text, name.start, null, true));
    // A person's "said" is attribution too (it supports the claim), but only outlets are checked as sources.
    found.push(candidate('reporting-verb', text, names[0]!.start, verbEnd, sources));
  }
  return found;
}

/** How a clause set off between a source and its verb opens: "which is close to", "the semi-official", "citing". */
const CLAUSE_OPENING = /^(?:which|who|whose|the|a|an|one|seen|widely|considered|close|affiliated|linked|run|owned|based|itself|often|long|citing|quoting)\b/i;
/** How far back such a clause may start. */
const MAX_CLAUSE = 160;

/**
 * The source before a clause that ends at `comma`: "Tasnim, which is close to the Revolutionary
 * Guards, said", "Fars, the semi-official news agency, reported", "Reuters, citing two
 * officials, reported". Only a source the registry knows: a person or a place set off the
 * same way is support.ts's to read.
 */
function sourceBeforeClause(text: string, comma: number, registry: Registry): Span | null {
  const from = Math.max(0, comma - MAX_CLAUSE);
  const within = text.slice(from, comma).lastIndexOf(', ');
  if (within < 0) return null;
  const open = from + within;
  const clause = text.slice(open + 2, comma);
  if (!CLAUSE_OPENING.test(clause) || /[.!?;:"“”()]/.test(clause)) return null;
  const found = nameEndingAt(text, open);
  if (!found) return null;
  const name = trimName(found, registry);
  return registry.findSource(name.text) ? name : null;
}

const POINTER = /\b(?:click (?:on |here )?|see (?:also )?|visit |check out |read more (?:at |on )?|more (?:at|on) )/gi;
/** "see", "visit", "check out" point the reader elsewhere only as commands, at the start of a clause. */
const CLAUSE_START = /(?:^|[.!?:;(—–-]\s*|,\s*|\b(?:please|also|for (?:more|additional|further) (?:details|coverage|information|reading),?)\s+)$/i;

/** "click on WANA or IRNA English", "see Reuters": a pointer elsewhere, supporting nothing. */
function pointers(text: string, registry: Registry): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(POINTER)) {
    if (!/^click/i.test(match[0]) && !CLAUSE_START.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    const names = nameList(text, match.index + match[0].length, registry);
    const sources = names.map((name) => cited(registry, name.text, name.start)).filter((source) => source.sourceId || looksLikeOutlet(source.name) || /^[A-Z]{3,}$/.test(source.name));
    if (sources.length === 0) continue;
    found.push(candidate('pointer', text, match.index, names[names.length - 1]!.end, sources));
  }
  return found;
}

/**
 * Footnote markers: "[12]", "[^1]", "^12", "¹²", each with the note it points to (null when the
 * article has none for a marker that can be nothing else). A note's links and other citations
 * support the marker's claim (supportThroughNotes); a note that names its source only in words
 * ("[1] Reuters, 19 March 2023") gives the marker that source.
 */
function footnotes(text: string, notes: Notes, registry: Registry, links: Document['links']): Candidate[] {
  const named = new Map<number, CitedSource | null>();
  // A note with a link out in it cites through the link (a citation of its own): its words name
  // nothing more. (An encyclopedia note's "^" back to the text is no link out.)
  const linked = (note: { start: number; end: number }) => {
    // Links are in document order: the first at or after the note's start.
    let lo = 0;
    let hi = links.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (links[mid]!.start < note.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < links.length && links[k]!.start < note.end; k++) if (!links[k]!.href.startsWith('#')) return true;
    return false;
  };
  return notes.markers.map((marker) => {
    const note = notes.byLabel.get(marker.label);
    // "km²" or "x^2" without a note is no footnote gone astray: only a certain marker lacks one.
    const found: Candidate = { form: 'footnote', start: marker.start, end: marker.end, text: text.slice(marker.start, marker.end), sources: [] };
    if (note) {
      found.note = { start: note.start, end: note.end };
      if (!named.has(note.start)) named.set(note.start, linked(note) ? null : sourceNamedIn(text, note, registry));
      const source = named.get(note.start);
      if (source) found.sources.push({ ...source });
    } else if (marker.certain) {
      found.note = null;
    }
    return found;
  });
}

/** A note's label and an encyclopedia's back-links before its text: "[1] ", "1. ", "[^1]: ", "^ a b ". */
const NOTE_OPENING = /^[ \t]*(?:\[\^?[^\]\s]{1,40}\]:?|\d{1,3}[.)])?[ \t]*(?:\^(?:[ \t]+[a-z](?=[ \t]))*)?/;
/** Where a note's parts end: a comma, semicolon, dash, bar, or a full stop before a space. */
const NOTE_PART_END = /[,;|–—]|\.(?=\s|$)|\s-\s/g;
/** A quoted title, which is no source's name ("Iraq, Iran sign pact"). */
const QUOTED = /"[^"\n]*"|“[^”\n]*”/g;

/**
 * The source a note names in words: the first of its first four parts that is a known source
 * ("Reuters, 19 March 2023", "\"Title\". Reuters."). A note with a link is cited by the link.
 */
function sourceNamedIn(text: string, note: { start: number; end: number }, registry: Registry): CitedSource | null {
  const body = text.slice(note.start, note.end);
  if (/https?:\/\/|www\./i.test(body)) return null;
  // Quoted titles blanked, not cut, so offsets hold.
  const plain = body.replace(QUOTED, (quoted) => ' '.repeat(quoted.length));
  let from = NOTE_OPENING.exec(plain)![0].length;
  for (let parts = 0; parts < 4 && from < plain.length;) {
    NOTE_PART_END.lastIndex = from;
    const stop = NOTE_PART_END.exec(plain);
    const end = stop ? stop.index : plain.length;
    const raw = plain.slice(from, end);
    const name = raw.trim();
    if (name) {
      parts++;
      const source = registry.findSource(name);
      if (source) {
        const start = note.start + from + raw.indexOf(name);
        return { name, sourceId: source.id, chipCount: null, start, end: start + name.length, primary: false };
      }
    }
    from = stop ? end + stop[0].length : plain.length;
  }
  return null;
}

/** Exposed for rules that look at a name's shape. */
export { looksLikeOutlet, nameKey };
