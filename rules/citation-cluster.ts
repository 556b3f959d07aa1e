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
      // One source named twice ("AP, The Associated Press") counts, and is shown, once.
      const shown = new Map<string, string>();
      for (const source of citation.sources) {
        const key = source.sourceId ?? source.name.toLowerCase();
        if (!source.primary && !shown.has(key)) shown.set(key, source.name);
      }
      if (shown.size <= options.max) continue;
      report({
        messageId: 'cluster', data: { count: shown.size, names: [...shown.values()].join(', ') },
        start: citation.start, end: citation.end, citationId: citation.id, claimId: citation.claimIds[0] ?? null,
      });
    }
  },
});
