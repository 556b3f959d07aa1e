import type { Citation } from '../src/citations/citation.js';
import { defineRule } from '../src/engine/rule.js';
import type { Registry } from '../src/registry/registry.js';
import type { Source } from '../src/registry/schema.js';

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
  check({ document, claims, citations, registry, report }) {
    const byId = new Map<string, Citation>(citations.map((citation) => [citation.id, citation]));
    for (const claim of claims) {
      if (claim.citationIds.length === 0) continue;
      const supporting = claim.citationIds.map((id) => byId.get(id)!);
      const entries = stateOutlets(supporting, registry);
      if (!entries || saidSo(document.text, supporting)) continue;
      const names = [...new Set(entries.map((entry) => `${entry.name}, ${entry.affiliation === 'state' ? 'state media' : 'state-affiliated'} (${entry.country})`))];
      const first = supporting.find((citation) => citation.sources.some((source) => !source.primary))!;
      // A source in a footnote's note is reported at the claim's marker, where the claim is.
      const at = claim.citationIds.map((id) => byId.get(id)!).find((marker) => marker.note && marker.note.start <= first.start && first.start < marker.note.end) ?? first;
      report({
        messageId: 'sole', data: { names: names.join('; ') },
        start: at.start, end: at.end, claimId: claim.id, citationId: first.id,
        evidence: { kind: 'source', id: entries[0]!.id, summary: `${entries[0]!.name}: ${entries[0]!.owner ?? entries[0]!.affiliation}`, reference: entries[0]!.reference },
      });
    }
  },
});

/**
 * Whether the outlet speaks for its state: state media always; a state-adjacent one unless it is
 * rated generally reliable, as public broadcasters and agencies with editorial independence are
 * (BBC News, AFP, Deutsche Welle), where government-aligned papers (Izvestia) are not.
 */
function stateVoice(entry: Source): boolean {
  return entry.affiliation === 'state' || (entry.affiliation === 'state-adjacent' && entry.reliability.rating !== 'generally-reliable');
}

/** The copy saying whose an outlet is, just before its name: "Iran's state news agency IRNA", "the official Iraqi News Agency". */
const SAID_SO = /\b(?:state|state-run|state-owned|state-controlled|state-affiliated|official|semi-official|government|government-run|government-owned)\b[^.;:!?]{0,30}$/i;

/**
 * The copy saying so in a clause just after the name: "Tasnim, which is close to the
 * Revolutionary Guards,", "Fars, the semi-official news agency,", "Al-Masirah, run by the Houthis,".
 */
const SAID_SO_AFTER = /^,(?! *(?:citing|quoting)\b)[^,.;:!?]{0,60}?\b(?:state|state-run|state-owned|state-controlled|state-affiliated|official|semi-official|government|government-run|government-owned|close to|affiliated with|linked to|run by|controlled by|owned by|aligned with|mouthpiece)\b/i;

/** Whether the copy says so beside every state outlet the citations name (the rule's advice, already taken). */
function saidSo(text: string, citations: readonly Citation[]): boolean {
  return citations.every((citation) => citation.sources.every((source) => source.primary || source.sourceId === null
    || SAID_SO.test(text.slice(Math.max(0, source.start - 40), source.start))
    || (text.charCodeAt(source.end) === 44 && SAID_SO_AFTER.test(text.slice(source.end, source.end + 80)))));
}

/** The registry entries of the outlets the citations name, when every one is state-affiliated (else null, as soon as one is not). */
function stateOutlets(citations: readonly Citation[], registry: Registry): Source[] | null {
  const entries: Source[] = [];
  for (const citation of citations) {
    for (const source of citation.sources) {
      if (source.primary) continue;
      const entry = source.sourceId ? registry.sourceWithId(source.sourceId) : undefined;
      if (!entry || !stateVoice(entry)) return null;
      entries.push(entry);
    }
  }
  return entries.length > 0 ? entries : null;
}
