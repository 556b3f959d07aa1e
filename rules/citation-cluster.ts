import { defineRule } from '../src/engine/rule.js';

export default defineRule<{ max: number }>({
  meta: {
    id: 'citation-cluster',
    description: 'Three or more sources lumped in one citation or chip run: the reader cannot tell which source supports which statement.',
    severity: 'warning',
    fixable: false,
    messages: {
      cluster: '{{count}} sources lumped in one citation ({{names}}): the reader cannot tell which supports which statement. Cite each source next to the statement it supports.',
    },
    defaults: { max: 2 },
    optionsSchema: (z) => z.strictObject({ max: z.number().int().min(1) }).partial(),
  },
  check({ citations, options, report }) {
    for (const citation of citations) {
      if (citation.form === 'pointer' || citation.form === 'footnote') continue;
      const names = [...new Set(citation.sources.filter((source) => !source.primary).map((source) => source.sourceId ?? source.name.toLowerCase()))];
      if (names.length <= options.max) continue;
      const shown = citation.sources.filter((source) => !source.primary).map((source) => source.name);
      report({
        messageId: 'cluster', data: { count: names.length, names: shown.join(', ') },
        start: citation.start, end: citation.end, citationId: citation.id, claimId: citation.claimIds[0] ?? null,
      });
    }
  },
});
