import type { Citation } from '../src/citations/citation.js';
import { defineRule } from '../src/engine/rule.js';

const STATE_AFFILIATIONS = new Set(['state', 'state-adjacent']);

export default defineRule({
  meta: {
    id: 'state-media-sole-source',
    description: 'A claim whose only support is state-affiliated media.',
    severity: 'info',
    fixable: false,
    messages: {
      sole: 'This claim rests only on state-affiliated media ({{names}}). Say so in the copy, or corroborate it with an independent source.',
    },
    defaults: {},
  },
  check({ claims, citations, registry, report }) {
    const byId = new Map<string, Citation>(citations.map((citation) => [citation.id, citation]));
    for (const claim of claims) {
      const supporting = claim.citationIds.map((id) => byId.get(id)!).filter((citation) => citation.form !== 'footnote');
      const outlets = supporting.flatMap((citation) => citation.sources.filter((source) => !source.primary));
      if (outlets.length === 0) continue;
      const entries = outlets.map((source) => (source.sourceId ? registry.sourceWithId(source.sourceId) : undefined));
      if (!entries.every((entry) => entry && STATE_AFFILIATIONS.has(entry.affiliation))) continue;
      const names = [...new Set(entries.map((entry) => `${entry!.name}, ${entry!.affiliation === 'state' ? 'state media' : 'state-affiliated'} (${entry!.country})`))];
      const first = supporting.find((citation) => citation.sources.some((source) => !source.primary))!;
      report({
        messageId: 'sole', data: { names: names.join('; ') },
        start: first.start, end: first.end, claimId: claim.id, citationId: first.id,
        evidence: { kind: 'source', id: entries[0]!.id, summary: `${entries[0]!.name}: ${entries[0]!.owner ?? entries[0]!.affiliation}`, reference: entries[0]!.reference },
      });
    }
  },
});
