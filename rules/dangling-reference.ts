import { defineRule } from '../src/engine/rule.js';

/** Phrases that point at a link; flagged only when no link stands behind them. */
const POINTING = /\b(?:click (?:on|here|this link|the link|below|above)|(?:see|follow|visit|open) (?:the |this )?(?:link|links|here|url)|link (?:here|below|above)|read more (?:here|at|on)|(?:see|watch|read) (?:here|below))\b|\[(?:source|link|here|url|ref|citation)\]|\((?:source|link)\)/gi;

export default defineRule({
  meta: {
    id: 'dangling-reference',
    description: '"click here", "click on WANA", "see link", "[source]" with no link behind it.',
    severity: 'warning',
    fixable: false,
    messages: {
      dangling: '"{{text}}" points the reader at a link that is not there. Add the link, or name the source and what it published.',
    },
    defaults: {},
  },
  check({ document, citations, report }) {
    const text = document.text;
    const linked = (start: number, end: number) => document.links.some((link) => link.start < end + 40 && start - 40 < link.end);
    const reported: { start: number; end: number }[] = [];
    for (const match of text.matchAll(POINTING)) {
      // "click on WANA or IRNA English": the phrase runs on to the names it points at.
      const pointer = citations.find((citation) => citation.form === 'pointer' && citation.start === match.index);
      const end = pointer ? pointer.end : match.index + match[0].length;
      if (linked(match.index, end)) continue;
      reported.push({ start: match.index, end });
      report({ messageId: 'dangling', data: { text: text.slice(match.index, end) }, start: match.index, end, citationId: pointer?.id ?? null });
    }
    for (const citation of citations) {
      if (citation.form !== 'pointer' || reported.some((range) => range.start === citation.start) || linked(citation.start, citation.end)) continue;
      if (!/^(?:click|see|visit|check|read|more)/i.test(citation.text)) continue;
      report({ messageId: 'dangling', data: { text: citation.text }, start: citation.start, end: citation.end, citationId: citation.id });
    }
  },
});
