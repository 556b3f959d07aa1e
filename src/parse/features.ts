/**
 * Check-worthiness: which features make a sentence worth checking, in the vocabulary of
 * ClaimBuster (check-worthy factual sentence) and Full Fact (quantity, correlation/causation,
 * rules, prediction). A single pass of word look-ups per sentence; no backtracking patterns.
 */
import type { ClaimFeature } from './claim.js';

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'dozens', 'half', 'percent', 'per cent', 'doubled', 'tripled']);
const FACTUAL_VERBS = new Set([
  'signed', 'sign', 'killed', 'kill', 'died', 'wounded', 'injured', 'arrested', 'detained', 'released', 'rose', 'risen', 'fell', 'fallen', 'dropped', 'increased', 'decreased', 'declined', 'grew', 'won', 'lost', 'approved', 'rejected', 'passed', 'voted', 'elected', 'appointed', 'resigned', 'fired', 'dismissed', 'announced', 'launched', 'attacked', 'struck', 'bombed', 'invaded', 'seized', 'captured', 'banned', 'sanctioned', 'imposed', 'agreed', 'ratified', 'met', 'visited', 'welcomed', 'received', 'reached', 'recorded', 'reported', 'confirmed', 'denied', 'admitted', 'accused', 'charged', 'convicted', 'sentenced', 'ordered', 'ruled', 'built', 'closed', 'opened', 'founded', 'formalized', 'formalised', 'established', 'deployed', 'withdrew', 'funded', 'paid', 'spent', 'earned', 'exported', 'imported', 'produced', 'cost', 'costs', 'owns', 'owned', 'controls', 'controlled', 'holds', 'held', 'addressed', 'prevent', 'prevented', 'made', 'travel', 'traveled', 'travelled', 'underlined', 'stressed', 'says', 'said',
]);
const SUPERLATIVES = new Set(['largest', 'biggest', 'smallest', 'highest', 'lowest', 'first', 'last', 'record', 'most', 'least', 'only', 'worst', 'best', 'fastest', 'longest', 'oldest', 'youngest', 'deadliest', 'unprecedented', 'inaugural', 'landmark']);
const CAUSAL = ['because', 'due to', 'led to', 'leads to', 'caused', 'causes', 'as a result', 'resulted in', 'results in', 'thanks to', 'owing to', 'therefore', 'consequently', 'blamed on', 'linked to'];
const PREDICTION = ['will', 'is expected to', 'are expected to', 'is set to', 'are set to', 'plans to', 'is going to', 'should be', 'is scheduled to', 'are due to', 'is due to'];
const HEDGES = new Set(['may', 'might', 'could', 'perhaps', 'possibly', 'arguably', 'seemingly', 'potential', 'potentially']);
const OFFICE_WORDS = new Set(['minister', 'president', 'secretary', 'adviser', 'advisor', 'ambassador', 'spokesman', 'spokeswoman', 'spokesperson', 'chancellor', 'governor', 'mayor', 'chief', 'commander', 'general', 'director', 'premier', 'king', 'prince', 'senator', 'speaker']);

/** Weight of each feature in the score; a sentence with none is not check-worthy. */
const WEIGHTS: Record<ClaimFeature, number> = {
  quantity: 0.45, date: 0.4, 'factual-verb': 0.3, superlative: 0.25, causal: 0.3, prediction: 0.2, quotation: 0.3, title: 0.25,
};
export const CHECKWORTHY_THRESHOLD = 0.5;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.,%-]*/gu;

export interface FeatureResult {
  features: ClaimFeature[];
  score: number;
  /** What a message can quote: the figure or date that made the sentence check-worthy. */
  evidence: Partial<Record<ClaimFeature, string>>;
}

export function claimFeatures(sentence: string): FeatureResult {
  const found = new Map<ClaimFeature, string>();
  const add = (feature: ClaimFeature, text: string) => { if (!found.has(feature)) found.set(feature, text); };
  const lower = ` ${sentence.toLowerCase().replace(/\s+/g, ' ')} `;
  let properNouns = 0;
  let hedged = false;
  let index = 0;
  for (const match of sentence.matchAll(WORD)) {
    const raw = match[0].replace(/[.,’']+$/, '');
    const word = raw.toLowerCase();
    if (/\d/.test(raw)) {
      if (/^(1[89]|20)\d\d$/.test(raw)) add('date', raw);
      else add('quantity', raw);
    } else if (NUMBER_WORDS.has(word)) add('quantity', raw);
    if (MONTHS.has(word) && word !== 'may' && word !== 'march') add('date', raw);
    if ((word === 'may' || word === 'march') && /^\s*\d/.test(sentence.slice(match.index + raw.length))) add('date', raw);
    if (FACTUAL_VERBS.has(word)) add('factual-verb', raw);
    if (SUPERLATIVES.has(word)) add('superlative', raw);
    if (OFFICE_WORDS.has(word)) add('title', raw);
    if (HEDGES.has(word)) hedged = true;
    if (index > 0 && /^\p{Lu}/u.test(raw)) properNouns++;
    index++;
  }
  for (const cue of CAUSAL) if (lower.includes(` ${cue} `)) { add('causal', cue); break; }
  for (const cue of PREDICTION) if (lower.includes(` ${cue} `)) { add('prediction', cue); break; }
  const quoted = /[“"«]([^”"»]{12,})[”"»]/u.exec(sentence);
  if (quoted) add('quotation', quoted[0]);
  // A factual verb only makes a checkable statement about someone or something named.
  if (found.has('factual-verb') && properNouns === 0 && !found.has('quantity') && !found.has('date')) found.delete('factual-verb');
  if (found.has('title') && properNouns === 0) found.delete('title');

  let score = 0;
  for (const feature of found.keys()) score += WEIGHTS[feature];
  if (properNouns > 0) score += 0.1;
  if (hedged && !found.has('quantity') && !found.has('date')) score -= 0.3;
  if (sentence.trimEnd().endsWith('?')) score = 0;
  score = Math.max(0, Math.min(1, Math.round(score * 100) / 100));
  return { features: [...found.keys()], score, evidence: Object.fromEntries(found) };
}
