import { defineRule } from '../src/engine/rule.js';

/**
 * Weasel attribution, as phrase patterns (word alternatives joined by single spaces, so none can
 * backtrack). Data, not logic: add a pattern to flag a new phrasing.
 */
const WHO = '(?:experts|analysts|observers|critics|commentators|insiders|pundits|sources|scholars|researchers|scientists|economists|historians|academics|diplomats|campaigners|fans|media outlets|outlets|reports|many|some|others)';
/**
 * A passive with its agent ("it was reported by Rudaw", "it was reported on Sept. 10 by a
 * researcher", past a time of up to four words) names someone; "it is known as" is a label.
 */
const WHEN = '(?: (?:on|in|at|during|last|earlier|later|first|late|early)(?: (?!that\\b|by\\b)[\\w.’\'-]+){1,4})?';
const AGENT = `(?!${WHEN} by\\b)`;
const NOT_ATTRIBUTION = `(?!${WHEN} (?:by|as|for)\\b)`;
/** "who" phrasings: skipped when the group is a particular one ("the experts", "UN experts", "three analysts"). */
const SAY = '(?:have )?(?:widely |generally |largely |often |also |increasingly |long )?(?:say|said|believe|believed|think|thought|suggest|suggested|claim|claimed|argue|argued|agree|agreed|note|noted|contend|fear|feared|warn|warned|maintain|suspect|suspected|regard|regarded|expect|expected|predict|predicted|estimate|estimated|consider|considered)';
/**
 * Any group under "many", "some", "most": "many doctors believe", "some nutritionists say". Not
 * the witnesses and officials wire copy quotes as such ("some residents said" names who saw it).
 */
const SOME_GROUP = "(?:many|some|most|several|numerous) (?!(?:residents|witnesses|officials|police|officers|authorities|prosecutors|investigators|firefighters|paramedics|survivors|passengers|protesters|voters|students|parents|workers|employees|customers|shoppers)\\b)[a-z]+s";
const GROUP = `(?:(?:some |many |most |several |leading |top |independent |unnamed |western |regional |industry )?${WHO}|${SOME_GROUP}) ${SAY}`;
const PATTERNS: readonly string[] = Object.freeze([
  `(?:widely |generally |largely |often )?(?:touted|reported|cited|described|seen|regarded|considered|hailed|praised|viewed|characterized|characterised|portrayed) by (?:the )?(?:media outlets|media|news outlets|outlets|the press|press|observers|experts|analysts|commentators|many|some|critics)`,
  'reports (?:suggest|suggested|indicate|indicated|say|said|claim|claimed)',
  // "Everyone knows", "it is common knowledge": a claim everybody vouches for has no source.
  '(?:everyone|everybody) (?:knows|agrees|says)',
  'it is (?:common knowledge|well known|well-known|no secret)',
  // "Studies show", "Research has shown": which studies, whose research?
  '(?:studies|research) (?:show|shows|showed|have shown|has shown|suggest|suggests|have found|has found|found|indicate|indicates|prove|proves)',
  // "A recent study found", "polls show": which study, whose polls? ("a study published in Nature found" says.)
  '(?:a|one) (?:recent |new |large |major |landmark |separate )?(?:study|survey|report|poll|analysis) (?:found|finds|shows|showed|suggests|suggested|indicates|indicated)',
  '(?:polls|surveys|opinion polls) (?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|have shown|found)',
  `it (?:is|was) (?:widely |generally |commonly |often )?(?:believed|thought|said|reported|claimed|understood|rumou?red|alleged|known|accepted|agreed|assumed)${NOT_ATTRIBUTION}`,
  `it has been (?:widely )?(?:reported|claimed|suggested|said|alleged)${AGENT}`,
  'according to (?:some |unnamed |media |several |many |various |local |unconfirmed )?(?:reports|sources|experts|analysts|observers|commentators|insiders)',
  `(?:is|are|was|were) widely (?:believed|reported|seen|regarded|considered|expected|thought|touted|credited|acknowledged|recognised|recognized)${AGENT}`,
]);
// Words are joined by one whitespace character, so a phrase wrapped onto the next line still matches.
const VAGUE = new RegExp(`\\b(?:(${GROUP})|(reportedly)|${PATTERNS.join('|')})\\b`.replaceAll(' ', '\\s'), 'gi');
/**
 * Words before a group that make it a particular one: "the experts", "its analysts", "three
 * observers". Not "that": before a plural it is a relative pronoun ("a goal that analysts believe").
 */
const PARTICULAR = /(?:^|\s)(?:the|these|those|its|his|her|their|our|both|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+$/i;
/** …or an organisation's acronym: "UN experts", "IAEA inspectors", "CIA analysts". */
const ACRONYM = /(?:^|\s)\p{Lu}{2,}[’']?s?\s+$/u;

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
    const text = document.text;
    // Matches and claims both run in text order: one pointer finds each match's claim.
    let next = 0;
    for (const match of text.matchAll(VAGUE)) {
      if (match[1] !== undefined) {
        const before = text.slice(Math.max(0, match.index - 24), match.index);
        if (PARTICULAR.test(before) || ACRONYM.test(before)) continue;
      }
      while (next < claims.length && claims[next]!.end <= match.index) next++;
      const candidate = claims[next];
      const claim = candidate && candidate.start <= match.index ? candidate : undefined;
      // "The club is reportedly ready to…" names no report; "reportedly told aides, the Post said" does.
      if (match[2] !== undefined && claim && claim.citationIds.length > 0) continue;
      report({ messageId: 'vague', data: { phrase: match[0].replace(/\s+/g, ' ') }, start: match.index, end: match.index + match[0].length, claimId: claim?.id ?? null });
    }
  },
});
