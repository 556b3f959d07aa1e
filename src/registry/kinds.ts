/**
 * The registries' vocabularies, kept apart from the zod schemas so that code which only needs a
 * list (a rule asking "is this kind tertiary?") does not load zod at start-up.
 */

export const SOURCE_KINDS = [
  'news-agency', 'newspaper', 'broadcaster', 'magazine', 'website', 'fact-checker',
  'encyclopedia', 'wiki', 'aggregator', 'platform', 'chatbot', 'government', 'organization',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Kinds that are never evidence on their own: they summarise or carry what others wrote. */
export const TERTIARY_KINDS: ReadonlySet<SourceKind> = new Set(['encyclopedia', 'wiki', 'aggregator', 'chatbot']);

export const AFFILIATIONS = ['state', 'state-adjacent', 'party', 'independent', 'unknown'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

/** Ratings follow Wikipedia's perennial-sources vocabulary; `unrated` where no public rating exists. */
export const RATINGS = [
  'generally-reliable', 'no-consensus', 'generally-unreliable', 'deprecated', 'blacklisted', 'unrated',
] as const;
export type Rating = (typeof RATINGS)[number];

export const OFFICE_KINDS = [
  'head-of-state', 'head-of-government', 'foreign-minister', 'defence-minister', 'national-security', 'other',
] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];
