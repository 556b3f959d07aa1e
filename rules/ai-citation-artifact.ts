import { CHIP } from '../src/citations/chips.js';
import type { CitedSource } from '../src/citations/citation.js';
import { defineRule } from '../src/engine/rule.js';
import { merged, overlapsAny, uncovered } from '../src/parse/ranges.js';
import type { Registry } from '../src/registry/registry.js';

/**
 * Chatbot residue that names no source, as it appears in copied chatbot answers (in the file as
 * written). `cue` is text every match holds: a file without it is not searched with the pattern.
 */
const RESIDUE: readonly { pattern: RegExp; cue: string; what: string; partial?: true }[] = Object.freeze([
  { pattern: /\uE200?cite(?:\uE202?turn\d+(?:search|news|view|file|image|academia|forecast|finance|product|sports|navlist)\d+)+\uE201?/g, cue: 'cite', what: 'a ChatGPT citation marker' },
  // Ends at a word boundary, or where another marker is glued on ("turn0news12oai_citation:2‡"),
  // so removing that one does not leave this one to a second pass.
  { pattern: /(?<![A-Za-z])turn\d+(?:search|news|view|file|image)\d+(?:\b|(?=oai_citation|cite|turn\d|\uE200))/g, cue: 'turn', what: 'a ChatGPT citation marker' },
  { pattern: /:contentReference\[oaicite:\d+\]\{index=\d+\}/g, cue: 'oaicite', what: 'a ChatGPT content reference' },
  // Only the prefix: "[oai_citation:1‡Reuters](https://…)" keeps its source name and link.
  { pattern: /oai_citation(?:_attribution)?:\d+‡/g, cue: 'oai_citation', what: 'a ChatGPT citation marker' },
  { pattern: /【\d+(?::\d+)?†[^】\n]{0,80}】/g, cue: '†', what: 'an assistant file-citation marker' },
  { pattern: /\[cite_start\]|\[cite:\s?\d+(?:,\s?\d+)*\]/g, cue: '[cite', what: 'a Gemini citation marker' },
  // Last, and partial: the private-use brackets of a marker are the marker's, but a run may reach past it.
  { pattern: /[\uE000-\uF8FF]+/g, cue: '', what: 'private-use characters left by a chatbot', partial: true },
]);
/**
 * Tracking parameters that chat assistants append to the links they cite. The separators may be
 * written "&amp;" (HTML); a parameter ends at the next separator, a fragment or the URL's end,
 * which a chatbot marker glued on (RESIDUE) also is: fixing the marker first would only reveal
 * the parameter to a second pass.
 */
const CHATBOT_UTM = /(\?|&amp;|&)(utm_source=(?:chatgpt\.com|openai|copilot\.com|perplexity(?:\.ai)?|gemini))(&amp;|&|(?=[\s)"'<>[\]#?\uE000-\uF8FF【]|:contentReference|oai_citation|cite\uE202?turn\d|$))/gi;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
/** The chip right after a source name; sticky, and private so a shared pattern's lastIndex is never disturbed. */
const CHIP_AT = new RegExp(CHIP.source, 'y');

/**
 * Unicode-property patterns are module constants: the bundler writes such a literal as
 * `new RegExp(…)`, which would build a new object at every use inside a loop.
 */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** The first non-space character from lastIndex on (sticky: the rest of the text is never copied). */
const NEXT_CHARACTER = /\s*(\S)/y;

interface Residue {
  start: number;
  end: number;
  what: string;
}

/**
 * Every piece of residue in the text once, in text order. A match that overlaps one an earlier
 * pattern found is part of it (the "turn0search0" inside a citeturn marker); a private-use run
 * keeps only what no marker took (a marker's closing U+E201 is the marker's, a U+F8FF after it
 * is not, and fixing the marker alone would leave it). The ranges found so far are kept sorted,
 * so each test is a binary search: testing every match against every range was quadratic on a
 * file of markers.
 */
function residueIn(original: string): Residue[] {
  let taken: Residue[] = [];
  for (const { pattern, cue, what, partial } of RESIDUE) {
    if (!original.includes(cue)) continue;
    const found: Residue[] = [];
    for (const match of original.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (partial) for (const [from, to] of uncovered(taken, start, end)) found.push({ start: from, end: to, what });
      else if (!overlapsAny(taken, start, end)) found.push({ start, end, what });
    }
    taken = merged(taken, found);
  }
  // A count glued on ("oai_citation:2‡+1 +1") names no source either: removing the marker alone
  // would leave it a chip of whatever word comes before, for a second pass.
  for (const residue of taken) {
    CHIP_AT.lastIndex = residue.end;
    if (CHIP_AT.exec(original)) residue.end = CHIP_AT.lastIndex;
  }
  return taken;
}

/** Residue as the message shows it: private-use characters are invisible, so name them by code point. */
function shown(residue: string): string {
  const visible = residue.replace(PRIVATE_USE, '');
  const text = visible || [...residue].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export default defineRule({
  meta: {
    id: 'ai-citation-artifact',
    description: 'Chatbot citation residue: source chips with +N counts, citeturn markers, oaicite references, chatbot tracking parameters, a chatbot\'s words to its user.',
    severity: 'error',
    fixable: true,
    messages: {
      chip: 'Chatbot source chip "{{chip}}": the "+{{count}}" count is chatbot residue, not a citation. Cite {{source}} by name, next to the statement it supports.',
      residue: 'Chatbot residue "{{text}}" ({{what}}): it points at nothing a reader can open. Remove it and cite the source itself.',
      tracking: 'Link carries a chatbot tracking parameter ({{param}}): it was copied from a chatbot answer. Remove the parameter and check the link yourself.',
      assistant: '"{{text}}" is a chatbot talking to its user: the copy was pasted from a chatbot answer. Remove it, and check every claim and source around it.',
    },
    defaults: {},
  },
  check({ document, citations, registry, report }) {
    const text = document.text;
    for (const citation of citations) {
      for (const source of citation.sources) {
        if (source.chipCount === null) continue;
        CHIP_AT.lastIndex = source.end;
        const chip = CHIP_AT.exec(text);
        if (!chip) continue;
        const chipEnd = chip.index + chip[0].length;
        // Keep the names apart once the counts are gone: "Caliber.az +12 IRNA" → "Caliber.az, IRNA".
        NEXT_CHARACTER.lastIndex = chipEnd;
        const next = NEXT_CHARACTER.exec(text)?.[1];
        const joiner = next && LETTER_OR_DIGIT.test(next) ? (/\s/.test(text[chipEnd] ?? '') ? ',' : ', ') : '';
        report({
          messageId: 'chip', data: { chip: text.slice(source.start, chipEnd).trim(), count: source.chipCount, source: nameToCite(source, registry) },
          start: source.start, end: chipEnd, citationId: citation.id, claimId: citation.claimIds[0] ?? null,
          fix: { start: chip.index, end: chipEnd, text: joiner },
        });
      }
    }
    const first = document.blocks.find((block) => block.kind !== 'heading');
    const head = first ? text.slice(first.start, Math.min(first.end, first.start + 120)) : '';
    const opening = /^(?:Sure|Certainly|Absolutely|Of course|Here)/i.test(head) ? ASSISTANT_OPENING.exec(head) : null;
    if (opening) report({ messageId: 'assistant', data: { text: opening[0] }, start: first!.start, end: first!.start + opening[0].length });
    // Most articles hold none of the words: no pass of the pattern over them (nor its compiling, on a cold start).
    const talks = ASSISTANT_CUES.some((cue) => text.includes(cue));
    for (const match of talks ? text.matchAll(ASSISTANT_TALK) : []) {
      report({ messageId: 'assistant', data: { text: shown(match[0].replace(/\s+/g, ' ')) }, start: match.index, end: match.index + match[0].length });
    }
    const original = document.original;
    for (const { start: at, end, what } of residueIn(original)) {
      // Take the space before a marker along when nothing but punctuation follows it: "2023. citeturn0search0" → "2023.".
      const start = at > 0 && original[at - 1] === ' ' && /^[\s.,;:)]?$/.test(original[end] ?? '') ? at - 1 : at;
      report({
        messageId: 'residue', data: { text: shown(original.slice(at, end)), what },
        start: at, end, inOriginal: true,
        fix: { start, end, text: '' },
      });
    }
    for (const match of original.matchAll(CHATBOT_UTM)) {
      const [whole, lead, param, trail] = match as unknown as [string, string, string, string];
      const paramStart = match.index + lead.length;
      const paramEnd = paramStart + param.length;
      // "?utm_source=x&a=b" keeps "?a=b"; "?a=b&utm_source=x" keeps "?a=b"; "?utm_source=x" leaves nothing.
      const fix = lead === '?'
        ? (trail ? { start: paramStart, end: match.index + whole.length, text: '' } : { start: match.index, end: paramEnd, text: '' })
        : { start: match.index, end: paramEnd, text: '' };
      report({ messageId: 'tracking', data: { param }, start: paramStart, end: paramEnd, inOriginal: true, fix });
    }
  },
});

/**
 * A chatbot's words to its user, left in pasted copy: "I hope this helps", "If you'd like, I can
 * put together…", "Would you like me to…", "As an AI language model", and Copilot's "Learn
 * more:" line over its links. No article says these to its reader.
 */
const ASSISTANT_TALK = /\b(?:I hope (?:this|that) helps\b|(?:If you(?:['’]d| would) like|Let me know if you(?:['’]d| would) like)(?:,)? (?:I can|me to)\b|Would you like me to\b|As an AI(?: language model)?\b|I can also (?:put together|provide|create|draft|prepare|make)\b)|^Learn more:?$/gim;
/** Every match of ASSISTANT_TALK holds one of these (its case-insensitive words, as chatbots write them). */
const ASSISTANT_CUES = ['hope this', 'hope that', 'd like', 'ould like', 'Would you', 'would you', 'As an AI', 'as an AI', 'can also', 'earn more'];

/**
 * …and its opening: "Sure! Here's a concise overview of…". Only as the text's first words: an
 * explainer may well write "Here's a breakdown of the numbers" further down.
 */
const ASSISTANT_OPENING = /^(?:(?:Sure|Certainly|Absolutely|Of course)[!,.]\s+)?Here(?:['’]s| is) (?:a |an )?(?:concise |brief |quick |short |detailed |high-level )?(?:overview|summary|rundown|breakdown|recap) of\b|^(?:Sure|Certainly|Absolutely|Of course)!/i;

/** A chip that names a known site by its domain ("apnews.com +2") is cited by the site's name: "Associated Press (apnews.com)". */
function nameToCite(source: CitedSource, registry: Registry): string {
  const known = source.sourceId !== null && BARE_DOMAIN.test(source.name) ? registry.sourceWithId(source.sourceId)?.name : undefined;
  return known ? `${known} (${source.name})` : source.name;
}

const BARE_DOMAIN = /^[a-z0-9.-]+\.[a-z]{2,}$/;
