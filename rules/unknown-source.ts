import { looksLikeOutlet } from '../src/citations/names.js';
import { defineRule } from '../src/engine/rule.js';

/** Forms where every name is meant as a source; elsewhere only outlet-shaped names are. */
const SOURCE_LIST_FORMS = new Set(['parenthetical', 'bracketed', 'chip-run', 'pointer']);

export default defineRule({
  meta: {
    id: 'unknown-source',
    description: 'A cited name that resolves to no registry entry; suggests the nearest known names.',
    severity: 'warning',
    fixable: false,
    messages: {
      unknown: '"{{name}}" is not in the source registry, so its reliability cannot be checked. Check the name, or add the outlet to a registry file.',
      suggest: '"{{name}}" is not in the source registry; did you mean {{suggestion}}?',
    },
    defaults: {},
  },
  check({ citations, registry, report }) {
    for (const citation of citations) {
      if (citation.form === 'link' || citation.form === 'footnote') continue;
      for (const source of citation.sources) {
        if (source.sourceId || source.primary) continue;
        if (!SOURCE_LIST_FORMS.has(citation.form) && !looksLikeOutlet(source.name)) continue;
        const suggestions = registry.suggestSources(source.name);
        const suggestion = suggestions.map((name) => `"${name}"`).join(' or ');
        report({
          messageId: suggestions.length ? 'suggest' : 'unknown', data: { name: source.name, suggestion },
          start: source.start, end: source.end, citationId: citation.id, claimId: citation.claimIds[0] ?? null,
          suggestion: suggestions.length ? suggestions.join(', ') : null,
        });
      }
    }
  },
});
