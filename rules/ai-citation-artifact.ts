import { CHIP } from '../src/citations/chips.js';
import { defineRule } from '../src/engine/rule.js';

/** Chatbot residue that names no source, as it appears in copied chatbot answers (in the file as written). */
const RESIDUE: readonly { pattern: RegExp; what: string }[] = Object.freeze([
  { pattern: /\uE200?cite(?:\uE202?turn\d+(?:search|news|view|file|image|academia|forecast|finance|product|sports|navlist)\d+)+\uE201?/g, what: 'a ChatGPT citation marker' },
  { pattern: /\bturn\d+(?:search|news|view|file|image)\d+\b/g, what: 'a ChatGPT citation marker' },
  { pattern: /:contentReference\[oaicite:\d+\]\{index=\d+\}/g, what: 'a ChatGPT content reference' },
  { pattern: /\[oai_citation(?:_attribution)?:\d+‡[^\]\n]{0,200}\](?:\([^)\s]{0,2000}\))?/g, what: 'a ChatGPT citation marker' },
  { pattern: /【\d+(?::\d+)?†[^】\n]{0,80}】/g, what: 'an assistant file-citation marker' },
  { pattern: /\[cite_start\]|\[cite:\s?\d+(?:,\s?\d+)*\]/g, what: 'a Gemini citation marker' },
  { pattern: /[\uE000-\uF8FF]+/g, what: 'private-use characters left by a chatbot' },
]);
/** The chip right after a source name; sticky, and private so a shared pattern's lastIndex is never disturbed. */
const CHIP_AT = new RegExp(CHIP.source, 'y');
/** Tracking parameters that chat assistants append to the links they cite. */
const CHATBOT_UTM = /([?&])utm_source=(?:chatgpt\.com|openai|copilot\.com|perplexity(?:\.ai)?|gemini)(?:&|(?=[\s)"'<>\]]|$))/gi;

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
        const next = text.slice(chipEnd).match(/^\s*(\S)/)?.[1];
        const joiner = next && /[\p{L}\p{N}]/u.test(next) ? (/\s/.test(text[chipEnd] ?? '') ? ',' : ', ') : '';
        report({
          messageId: 'chip', data: { chip: text.slice(source.start, chipEnd).trim(), count: source.chipCount, source: source.name },
          start: source.start, end: chipEnd, citationId: citation.id, claimId: citation.claimIds[0] ?? null,
          fix: { start: chip.index, end: chipEnd, text: joiner },
        });
      }
    }
    const original = document.original;
    for (const { pattern, what } of RESIDUE) {
      for (const match of original.matchAll(pattern)) {
        const start = match.index > 0 && original[match.index - 1] === ' ' && /^[\s.,;:)]?$/.test(original[match.index + match[0].length] ?? '') ? match.index - 1 : match.index;
        report({
          messageId: 'residue', data: { text: match[0].length > 60 ? `${match[0].slice(0, 57)}…` : match[0], what },
          start: match.index, end: match.index + match[0].length, inOriginal: true,
          fix: { start, end: match.index + match[0].length, text: '' },
        });
      }
    }
    for (const match of original.matchAll(CHATBOT_UTM)) {
      const param = match[0].replace(/^[?&]|&$/g, '');
      // "?utm_source=x&a=b" keeps "?a=b"; "?a=b&utm_source=x" keeps "?a=b"; "?utm_source=x" leaves nothing.
      const trailingAmp = match[0].endsWith('&');
      const fix = match[1] === '?' ? { start: match.index + 1, end: match.index + match[0].length, text: '' } : { start: match.index, end: match.index + match[0].length - (trailingAmp ? 1 : 0), text: '' };
      if (match[1] === '?' && !trailingAmp) fix.start = match.index;
      report({ messageId: 'tracking', data: { param }, start: match.index + 1, end: match.index + 1 + param.length, inOriginal: true, fix });
    }
  },
});
