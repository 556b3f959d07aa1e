import { hostOf } from '../src/registry/normalize.js';
import { defineRule } from '../src/engine/rule.js';

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
      const named = registry.findSource(label);
      const actual = registry.findSourceByUrl(citation.href);
      if (!named || !actual || named.id === actual.id) continue;
      report({
        messageId: 'mismatch', data: { named: named.name, actual: actual.name, host: hostOf(citation.href) ?? citation.href },
        start: citation.start, end: citation.end, citationId: citation.id, claimId: citation.claimIds[0] ?? null,
        evidence: { kind: 'source', id: actual.id, summary: `${citation.href} belongs to ${actual.name}`, reference: actual.reference },
      });
    }
  },
});
