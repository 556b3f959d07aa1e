import { defineRule } from '../src/engine/rule.js';

/**
 * Weasel attribution, as phrase patterns (word alternatives joined by single spaces, so none can
 * backtrack). Data, not logic: add a pattern to flag a new phrasing.
 */
const WHO = '(?:experts|analysts|observers|critics|commentators|insiders|pundits|sources|scholars|researchers|media outlets|outlets|reports|many|some|others)';
const PATTERNS: readonly string[] = Object.freeze([
  `(?:some |many |most |several |leading |top |independent |unnamed |western |regional )?${WHO} (?:have )?(?:widely |generally |largely |often |also |increasingly )?(?:say|said|believe|believed|think|thought|suggest|suggested|claim|claimed|argue|argued|agree|agreed|note|noted|contend|fear|feared|warn|warned|maintain)`,
  `(?:widely |generally |largely |often )?(?:touted|reported|cited|described|seen|regarded|considered|hailed|praised|viewed|characterized|characterised|portrayed) by (?:the )?(?:media outlets|media|news outlets|outlets|the press|press|observers|experts|analysts|commentators|many|some|critics)`,
  'reports (?:suggest|suggested|indicate|indicated|say|said|claim|claimed)',
  'it (?:is|was) (?:widely |generally |commonly |often )?(?:believed|thought|said|reported|claimed|understood|rumou?red|alleged|known)',
  'it has been (?:widely )?(?:reported|claimed|suggested|said|alleged)',
  'according to (?:some |unnamed |media |several |many |various |local |unconfirmed )?(?:reports|sources|experts|analysts|observers|commentators|insiders)',
  '(?:is|are|was|were) widely (?:believed|reported|seen|regarded|considered|expected|thought|touted)',
]);
const VAGUE = new RegExp(`\\b(?:${PATTERNS.join('|')})\\b`, 'gi');

export default defineRule({
  meta: {
    id: 'vague-attribution',
    description: 'Weasel attribution: "experts say", "analysts widely believe", "widely touted by media outlets", "reports suggest", "it is believed".',
    severity: 'warning',
    fixable: false,
    messages: {
      vague: '"{{phrase}}" attributes the claim to nobody in particular. Name who says it, or cite the report.',
    },
    defaults: {},
  },
  check({ document, claims, report }) {
    for (const match of document.text.matchAll(VAGUE)) {
      const claim = claims.find((candidate) => match.index >= candidate.start && match.index < candidate.end);
      report({ messageId: 'vague', data: { phrase: match[0] }, start: match.index, end: match.index + match[0].length, claimId: claim?.id ?? null });
    }
  },
});
