import { hostOf } from '../src/registry/normalize.js';
import { defineRule } from '../src/engine/rule.js';
import type { Registry } from '../src/registry/registry.js';
import type { Source } from '../src/registry/schema.js';

/** What a link's text may wrap around the name: "according to [Rudaw]", "[Rudaw reported]", "[oai_citation:1‡Rudaw]". */
const LEAD = /^(?:oai_citation(?:_attribution)?:\d+‡\s*|(?:according to|reported by|via|per)\s+)/i;
const TRAIL = /\s+(?:reported|reports|said|says|wrote|writes|confirmed|confirms|quoted|cited|noted|added|stated|announced|published|revealed|claimed|report|story|article)$/i;

/** The source a link's text names: the text itself, a URL written as the text, or the text without a lead-in or verb. */
function namedSource(registry: Registry, label: string): Source | null {
  if (/^(?:https?:\/\/|www\.)/i.test(label)) return registry.findSourceByUrl(label);
  const bare = label.replace(LEAD, '').replace(TRAIL, '').trim();
  return registry.findSource(label) ?? (bare && bare !== label ? registry.findSource(bare) : null);
}

export default defineRule({
  meta: {
    id: 'link-mismatch',
    description: "Link text names one source, but the URL belongs to another source's domain.",
    severity: 'error',
    fixable: false,
    messages: {
      mismatch: 'The link text names {{named}}, but the link goes to {{host}} ({{actual}}). Link to {{named}}\'s own report, or name {{actual}}.',
    },
    defaults: {},
  },
  check({ document, citations, registry, report }) {
    for (const citation of citations) {
      if (citation.form !== 'link' || !citation.href) continue;
      const label = document.text.slice(citation.start, citation.end).trim();
      const named = namedSource(registry, label);
      const actual = registry.findSourceByUrl(citation.href);
      if (!named || !actual || named.id === actual.id) continue;
      // An outlet's own account on a platform ("[Tasnim](https://t.me/tasnimnews/1)") or an archived copy of its page is its own.
      if (actual.kind === 'platform' || named.domains.some((domain) => citation.href!.includes(`${domain}/`))) continue;
      report({
        messageId: 'mismatch', data: { named: named.name, actual: actual.name, host: hostOf(citation.href) ?? citation.href },
        start: citation.start, end: citation.end, citationId: citation.id, claimId: citation.claimIds[0] ?? null,
        evidence: { kind: 'source', id: actual.id, summary: `${citation.href} belongs to ${actual.name}`, reference: actual.reference },
      });
    }
  },
});
