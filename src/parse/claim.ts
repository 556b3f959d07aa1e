/** A claim: one check-worthy unit of the article, normally a sentence. */

/** What makes a sentence worth checking (the vocabulary of ClaimBuster and Full Fact). */
export type ClaimFeature =
  | 'quantity' // numbers, percentages, money, counts
  | 'date' // a written date or year
  | 'factual-verb' // a named actor with signed, killed, rose, approved…
  | 'superlative' // largest, first, record
  | 'causal' // because, led to, due to
  | 'prediction' // will, is expected to, stated as fact
  | 'quotation' // a direct quotation
  | 'title'; // a person given an office

export interface Claim {
  id: string;
  /** Offsets into Document.text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Index into Document.blocks. */
  block: number;
  features: ClaimFeature[];
  /** Check-worthiness in [0, 1]. */
  score: number;
  checkworthy: boolean;
  /** Citations attached to this claim (ids). */
  citationIds: string[];
  /** True when a citation or an attributed passage backs the claim. */
  supported: boolean;
}
