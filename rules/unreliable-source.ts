import type { Severity } from '../src/engine/finding.js';
import { defineRule } from '../src/engine/rule.js';
import { TERTIARY_KINDS } from '../src/registry/kinds.js';

/** The registry's rating decides the severity: a deprecated source is an error, no consensus a note. */
const SEVERITY_BY_RATING: ReadonlyMap<string, Severity> = new Map([
  ['blacklisted', 'error'], ['deprecated', 'error'], ['generally-unreliable', 'warning'], ['no-consensus', 'info'],
]);
const RATING_NAMES: Record<string, string> = {
  blacklisted: 'blacklisted', deprecated: 'deprecated', 'generally-unreliable': 'generally unreliable', 'no-consensus': 'of no consensus on reliability',
};

/** Verbs that report a claim as the source's own, without taking it for fact. */
const DISTANCING = /\b(?:claim(?:s|ed)?|alleg(?:es|ed)|falsely \w+)\b/i;

export default defineRule({
  meta: {
    id: 'unreliable-source',
    description: 'The registry rates the cited source deprecated or blacklisted (error), generally unreliable (warning) or no consensus (info).',
    severity: 'warning',
    fixable: false,
    messages: {
      rated: '{{name}} is rated {{rating}} ({{provenance}}). Find a reliable source for this statement, or say plainly who claims it.',
    },
    defaults: {},
  },
  check({ citations, registry, report }) {
    for (const citation of citations) {
      // "Press TV claimed that…", "a post on Facebook claims": the copy says plainly who claims it.
      if (citation.form === 'pointer' || (citation.form === 'reporting-verb' && DISTANCING.test(citation.text))) continue;
      for (const source of citation.sources) {
        const entry = source.sourceId ? registry.sourceWithId(source.sourceId) : undefined;
        const severity = entry && SEVERITY_BY_RATING.get(entry.reliability.rating);
        // Wikis, encyclopedias and chatbots are tertiary-source's to report: one problem, one finding.
        if (!entry || !severity || TERTIARY_KINDS.has(entry.kind)) continue;
        report({
          messageId: 'rated', severity,
          data: { name: source.name, rating: RATING_NAMES[entry.reliability.rating]!, provenance: entry.reliability.provenance },
          start: source.start, end: source.end, citationId: citation.id, claimId: citation.claimIds[0] ?? null,
          evidence: { kind: 'source', id: entry.id, summary: `${entry.name}: ${entry.reliability.provenance}`, reference: entry.reference },
        });
      }
    }
  },
});
