import { supportedClaims, type SupportScope } from '../src/citations/support.js';
import { defineRule } from '../src/engine/rule.js';
import type { ClaimFeature } from '../src/parse/claim.js';
import { claimFeatures } from '../src/parse/features.js';

/** How a message names each feature, strongest first; `{}` is the text that triggered it. */
const REASONS: ReadonlyArray<[ClaimFeature, string]> = [
  ['quantity', 'states a figure ({})'],
  ['date', 'gives a date ({})'],
  ['superlative', 'makes a superlative claim ({})'],
  ['causal', 'makes a causal claim ({})'],
  ['prediction', 'states a prediction as fact ({})'],
  ['factual-verb', 'reports an event ({})'],
  ['title', 'gives someone a title ({})'],
  ['quotation', 'quotes someone'],
];
/** Features strong enough to be named second ("states a figure (14%) and gives a date (2023)"). */
const SECOND = new Set<ClaimFeature>(['quantity', 'date', 'superlative', 'causal', 'prediction']);
const MAX_SHOWN = 40;

/** "states a figure (14%)", "states a figure (14%) and gives a date (2023)": the strongest reasons. */
export function reasons(features: readonly ClaimFeature[], evidence: Partial<Record<ClaimFeature, string>>): string {
  const shown = REASONS.filter(([feature]) => features.includes(feature))
    .filter(([feature], index) => index === 0 || (index === 1 && SECOND.has(feature)))
    .map(([feature, template]) => {
      const text = evidence[feature] ?? '';
      return template.replace('{}', text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);
    });
  return shown.join(' and ');
}

export default defineRule<{ scope: SupportScope }>({
  meta: {
    id: 'unsupported-claim',
    description: 'A check-worthy claim (a figure, a date, a record, a cause, an event) with no citation in its sentence or attributed paragraph.',
    severity: 'warning',
    fixable: false,
    messages: {
      unsupported: 'This sentence {{reasons}} with no source. Cite where it comes from, or attribute it ("…, the ministry said").',
    },
    defaults: { scope: 'paragraph' },
    optionsSchema: (z) => z.strictObject({ scope: z.enum(['sentence', 'paragraph']) }).partial(),
  },
  check({ document, claims, citations, registry, options, report }) {
    // The engine has marked Claim.supported in paragraph scope already: only another scope asks again.
    const supported = options.scope === 'paragraph' ? null : supportedClaims(document, claims, citations, options.scope, registry);
    for (const claim of claims) {
      if (!claim.checkworthy || (supported ? supported.has(claim.id) : claim.supported)) continue;
      // The claim's own features; the words that triggered them, for the message.
      const { evidence } = claimFeatures(claim.text);
      const end = claim.start + claim.text.trimEnd().length;
      report({ messageId: 'unsupported', data: { reasons: reasons(claim.features, evidence) }, start: claim.start, end, claimId: claim.id });
    }
  },
});
