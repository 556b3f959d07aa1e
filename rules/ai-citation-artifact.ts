import { CHIP } from '../src/citations/chips.js';
import { defineRule } from '../src/engine/rule.js';

/**
 * Chatbot residue that names no source, as it appears in copied chatbot answers (in the file as
 * written). `cue` is text every match holds: a file without it is not searched with the pattern.
 */
const RESIDUE: readonly { pattern: RegExp; cue: string; what: string }[] = Object.freeze([
  { pattern: /\uE200?cite(?:\uE202?turn\d+(?:search|news|view|file|image|academia|forecast|finance|product|sports|navlist)\d+)+\uE201?/g, cue: 'cite', what: 'a ChatGPT citation marker' },
  { pattern: /(?<![A-Za-z])turn\d+(?:search|news|view|file|image)\d+\b/g, cue: 'turn', what: 'a ChatGPT citation marker' },
  { pattern: /:contentReference\[oaicite:\d+\]\{index=\d+\}/g, cue: 'oaicite', what: 'a ChatGPT content reference' },
  // Only the prefix: "[oai_citation:1‡Reuters](https://…)" keeps its source name and link.
  { pattern: /oai_citation(?:_attribution)?:\d+‡/g, cue: 'oai_citation', what: 'a ChatGPT citation marker' },
  { pattern: /【\d+(?::\d+)?†[^】\n]{0,80}】/g, cue: '†', what: 'an assistant file-citation marker' },
  { pattern: /\[cite_start\]|\[cite:\s?\d+(?:,\s?\d+)*\]/g, cue: '[cite', what: 'a Gemini citation marker' },
  { pattern: /[\uE000-\uF8FF]+/g, cue: '', what: 'private-use characters left by a chatbot' },
]);
/**
 * Tracking parameters that chat assistants append to the links they cite. The separators may be
 * written "&amp;" (HTML); a parameter ends at the next separator, a fragment or the URL's end.
 */
const CHATBOT_UTM = /(\?|&amp;|&)(utm_source=(?:chatgpt\.com|openai|copilot\.com|perplexity(?:\.ai)?|gemini))(&amp;|&|(?=[\s)"'<>[\]#?]|$))/gi;
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

/** Residue as the message shows it: private-use characters are invisible, so name them by code point. */
function shown(residue: string): string {
  const visible = residue.replace(PRIVATE_USE, '');
  const text = visible || [...residue].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export default defineRule({
  meta: {
    id: 'ai-citation-artifact',
    description: 'Chatbot citation residue: source chips with +N counts, citeturn markers, oaicite references, chatbot tracking parameters.',
    severity: 'error',
    fixable: true,
    messages: {
      chip: 'Chatbot source chip "{{chip}}": the "+{{count}}" count is chatbot residue, not a citation. Cite {{source}} by name, next to the statement it supports.',
      residue: 'Chatbot residue "{{text}}" ({{what}}): it points at nothing a reader can open. Remove it and cite the source itself.',
      tracking: 'Link carries a chatbot tracking parameter ({{param}}): it was copied from a chatbot answer. Remove the parameter and check the link yourself.',
    },
    defaults: {},
  },
  check({ document, citations, report }) {
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
          messageId: 'chip', data: { chip: text.slice(source.start, chipEnd).trim(), count: source.chipCount, source: source.name },
          start: source.start, end: chipEnd, citationId: citation.id, claimId: citation.claimIds[0] ?? null,
          fix: { start: chip.index, end: chipEnd, text: joiner },
        });
      }
    }
    const original = document.original;
    // One finding per piece of residue: a marker's inner "turn0search0" or its private-use brackets are the marker's.
    const taken: { start: number; end: number }[] = [];
    for (const { pattern, cue, what } of RESIDUE) {
      if (!original.includes(cue)) continue;
      for (const match of original.matchAll(pattern)) {
        const end = match.index + match[0].length;
        if (taken.some((range) => match.index < range.end && range.start < end)) continue;
        taken.push({ start: match.index, end });
        // Take the space before a marker along when nothing but punctuation follows it: "2023. citeturn0search0" → "2023.".
        const start = match.index > 0 && original[match.index - 1] === ' ' && /^[\s.,;:)]?$/.test(original[end] ?? '') ? match.index - 1 : match.index;
        report({
          messageId: 'residue', data: { text: shown(match[0]), what },
          start: match.index, end, inOriginal: true,
          fix: { start, end, text: '' },
        });
      }
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
