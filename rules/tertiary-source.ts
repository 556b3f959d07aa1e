import { TERTIARY_KINDS } from '../src/registry/kinds.js';
import { defineRule } from '../src/engine/rule.js';

const KIND_NAMES: Record<string, string> = { encyclopedia: 'an encyclopedia', wiki: 'a wiki', aggregator: 'a news aggregator', chatbot: 'a chatbot' };

export default defineRule({
  meta: {
    id: 'tertiary-source',
    description: 'Wikipedia, other wikis, encyclopedias, aggregators or chatbots cited as evidence.',
    severity: 'warning',
    fixable: false,
    messages: {
      cited: '{{name}} is {{kind}}, not evidence: it repeats what others published. Cite the original source it relies on.',
      asWitness: '{{name}} is {{kind}}: it cannot "{{verb}}" anything or provide proof. Cite the original source it relies on.',
    },
    defaults: {},
  },
  check({ citations, registry, report }) {
    for (const citation of citations) {
      if (citation.form === 'pointer') continue;
      for (const source of citation.sources) {
        const entry = source.sourceId ? registry.sourceWithId(source.sourceId) : undefined;
        if (!entry || !TERTIARY_KINDS.has(entry.kind)) continue;
        const verb = citation.form === 'reporting-verb' ? citation.text.slice(citation.text.lastIndexOf(' ') + 1) : null;
        report({
          messageId: verb ? 'asWitness' : 'cited', data: { name: source.name, kind: KIND_NAMES[entry.kind]!, verb: verb ?? '' },
          start: verb ? citation.start : source.start, end: verb ? citation.end : source.end,
          citationId: citation.id, claimId: citation.claimIds[0] ?? null,
          evidence: { kind: 'source', id: entry.id, summary: `${entry.name}: ${entry.kind}`, reference: entry.reference },
        });
      }
    }
  },
});
