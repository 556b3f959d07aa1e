/** The built-in rules, in the order DESIGN.md lists them. */
import type { Rule } from '../src/engine/rule.js';
import aiCitationArtifact from './ai-citation-artifact.js';
import citationCluster from './citation-cluster.js';
import danglingReference from './dangling-reference.js';
import linkMismatch from './link-mismatch.js';
import stateMediaSoleSource from './state-media-sole-source.js';
import tertiarySource from './tertiary-source.js';
import unknownSource from './unknown-source.js';
import unreliableSource from './unreliable-source.js';
import vagueAttribution from './vague-attribution.js';
import unsupportedClaim from './unsupported-claim.js';
import unattributedQuote from './unattributed-quote.js';
import relativeDate from './relative-date.js';
import titleConflict from './title-conflict.js';
import factContradiction from './fact-contradiction.js';

export const builtinRules: readonly Rule[] = Object.freeze([
  aiCitationArtifact,
  citationCluster,
  unknownSource,
  tertiarySource,
  unreliableSource,
  stateMediaSoleSource,
  danglingReference,
  linkMismatch,
  vagueAttribution,
  unsupportedClaim,
  unattributedQuote,
  relativeDate,
  titleConflict,
  factContradiction,
]);
