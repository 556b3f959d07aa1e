/** Finds people and the titles the article gives them (see Mention). */
import type { Document } from '../input/document.js';
import type { Registry } from '../registry/registry.js';
import type { Claim } from './claim.js';
import type { Mention } from './mention.js';

export function findMentions(doc: Document, claims: readonly Claim[], registry: Registry): Mention[] {
  void doc;
  void claims;
  void registry;
  return [];
}
