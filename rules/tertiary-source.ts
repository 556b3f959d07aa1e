import { TERTIARY_KINDS } from '../src/registry/kinds.js';
import { defineRule } from '../src/engine/rule.js';

const KIND_NAMES: Record<string, string> = { encyclopedia: 'an encyclopedia', wiki: 'a wiki', aggregator: 'a news aggregator', chatbot: 'a chatbot' };

/** A web search offered as proof: "a quick Google search shows", "a quick search online shows", "Googling the name reveals". */
const SEARCH_AS_PROOF = /\b(?:(?:a|one)\s(?:quick\s|simple\s|brief\s|cursory\s)?(?:(?:Google|Bing|DuckDuckGo|internet|web|online)\ssearch\s|search\s(?:online|on\sGoogle|of\sthe\s(?:internet|web))\s)|Googling\s(?:\S+\s){0,3}?)(?:shows|showed|reveals|revealed|finds|found|turns\sup|turned\sup|confirms|confirmed|suggests|suggested)\b/gi;

export default defineRule({
  meta: {
    id: 'tertiary-source',
    description: 'Wikipedia, other wikis, encyclopedias, aggregators or chatbots cited as evidence; a web search offered as proof.',
    severity: 'warning',
    fixable: false,
    messages: {
      cited: '{{name}} is {{kind}}, not evidence: it repeats what others published. Cite the original source it relies on.',
      asWitness: '"{{phrase}}": {{name}} is {{kind}}; it witnesses nothing and cannot provide proof. Cite the original source it relies on.',
      search: '"{{phrase}}": a search shows what pages say, not what is true. Cite the pages the search found, or the original source.',
    },
    defaults: {},
  },
  check({ document, citations, registry, report }) {
    const searched = document.text.includes('search') || document.text.includes('oogling');
    for (const match of searched ? document.text.matchAll(SEARCH_AS_PROOF) : []) {
      report({ messageId: 'search', data: { phrase: match[0].replace(/\s+/g, ' ') }, start: match.index, end: match.index + match[0].length });
    }
    for (const citation of citations) {
      if (citation.form === 'pointer') continue;
      for (const source of citation.sources) {
        const entry = source.sourceId ? registry.sourceWithId(source.sourceId) : undefined;
        if (!entry || !TERTIARY_KINDS.has(entry.kind)) continue;
        // "Wiki (Wikipedia) is a wiki": the name as written, and the entry it resolved to when they differ.
        const name = source.name === entry.name ? entry.name : `${source.name} (${entry.name})`;
        const data = { name, kind: KIND_NAMES[entry.kind]!, phrase: '' };
        let start = source.start;
        let end = source.end;
        if (citation.form === 'reporting-verb') {
          // The source with its verb: "Wikipedia itself reported", "reported by Yahoo News", and not
          // the names before it ("Mehr News Agency and Wiki both acknowledged" → "Wiki both acknowledged").
          const verbFirst = / by $/.test(document.text.slice(citation.start, source.start));
          start = verbFirst ? citation.start : source.start;
          end = verbFirst ? source.end : citation.end;
          data.phrase = document.text.slice(start, end).replace(/\s+/g, ' ');
        }
        report({
          messageId: citation.form === 'reporting-verb' ? 'asWitness' : 'cited', data, start, end,
          citationId: citation.id, claimId: citation.claimIds[0] ?? null,
          evidence: { kind: 'source', id: entry.id, summary: `${entry.name}: ${entry.kind}`, reference: entry.reference },
        });
      }
    }
  },
});
