/**
 * The registries' data shapes, validated with zod wherever data crosses into citecheck: the
 * built-in YAML at build time, users' registry files at run time. Everything else imports the
 * inferred types only (`import type`), so zod is loaded only when something is validated.
 */
import { z } from 'zod';
import { AFFILIATIONS, OFFICE_KINDS, RATINGS, SOURCE_KINDS } from './kinds.js';

export { AFFILIATIONS, OFFICE_KINDS, RATINGS, SOURCE_KINDS, TERTIARY_KINDS } from './kinds.js';
export type { Affiliation, OfficeKind, Rating, SourceKind } from './kinds.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase words joined by hyphens');
const url = z.url({ protocol: /^https?$/ });
/** A date, as precise as it is known: 2025, 2025-08 or 2025-08-05. */
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY-MM-DD (or YYYY-MM, YYYY when the day is not known)');
/** ISO 3166-1 alpha-2 country code, `INT` for international outlets, `ZZ` for not yet known (imports). */
const country = z.string().regex(/^([A-Z]{2}|INT)$/, 'countries are ISO 3166-1 alpha-2 codes (or INT; ZZ when not known)');

export const sourceSchema = z.strictObject({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'domains are lowercase host names without scheme or path')).default([]),
  kind: z.enum(SOURCE_KINDS),
  country,
  affiliation: z.enum(AFFILIATIONS),
  owner: z.string().optional(),
  reliability: z.strictObject({
    rating: z.enum(RATINGS),
    /** Who rated it and when, e.g. "Wikipedia perennial sources: deprecated (2020 RfC)". */
    provenance: z.string().min(1),
  }),
  note: z.string().optional(),
  reference: url,
});

export const countrySchema = z.strictObject({
  code: country,
  names: z.array(z.string().min(1)).min(1),
  adjectives: z.array(z.string().min(1)).default([]),
  capitals: z.array(z.string().min(1)).default([]),
});

export const personSchema = z.strictObject({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  reference: url,
});

export const holderSchema = z.strictObject({
  person: id,
  from: isoDate,
  /** Omitted while the person still holds the office. */
  to: isoDate.optional(),
  acting: z.boolean().default(false),
  reference: url,
});

export const officeSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /** Lowercase phrases that name the office in copy: "foreign minister", "top diplomat". */
  phrases: z.array(z.string().min(1)).min(1),
  country,
  kind: z.enum(OFFICE_KINDS),
  holders: z.array(holderSchema).default([]),
  /**
   * The last day the holders were checked: a term without `to` is known to run to this day (or
   * to the latest date the holders give, if later), not beyond. Without it, a term without `to`
   * is taken to run on.
   */
  asOf: isoDate.optional(),
  reference: url,
});

export const eventSchema = z.strictObject({
  id,
  name: z.string().min(1),
  /** Lowercase phrases that name the event in copy: "security agreement", "security pact". */
  phrases: z.array(z.string().min(1)).min(1),
  /** Countries (codes) that took part; an article must name them for the event to match. */
  parties: z.array(country).default([]),
  date: isoDate,
  place: z.string().optional(),
  reference: url,
});

export const sourceFileSchema = z.strictObject({ sources: z.array(sourceSchema).default([]) });
/** A file's `asOf`: the day its offices were checked, for each office that gives no day of its own. */
const fileAsOf = { asOf: isoDate.optional() };
export const factFileSchema = z.strictObject({
  ...fileAsOf,
  countries: z.array(countrySchema).default([]),
  people: z.array(personSchema).default([]),
  offices: z.array(officeSchema).default([]),
  events: z.array(eventSchema).default([]),
});
/** A registry file may hold sources, facts or both. */
export const registryFileSchema = z.strictObject({
  ...sourceFileSchema.shape,
  ...factFileSchema.shape,
});
/**
 * An entry of a user's file: the id and only the fields it names. `.partial()` would keep the
 * defaults, so an override naming only the rating would reset the built-in aliases to [].
 */
function overrideOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>): z.ZodType<Partial<z.output<z.ZodObject<Shape>>> & { id: string }> {
  const fields = Object.entries(schema.shape).map(([key, field]) => {
    const bare = (field instanceof z.ZodDefault ? field.removeDefault() : field) as z.ZodType;
    return [key, key === 'id' ? bare : bare.optional()];
  });
  return z.strictObject(Object.fromEntries(fields)) as never;
}

/**
 * A user's registry file: an entry whose id is already known may give only the fields it
 * changes ("treat WANA as unreliable"); the merged entry is validated in full.
 */
export const overrideFileSchema = z.strictObject({
  ...fileAsOf,
  sources: z.array(overrideOf(sourceSchema)).default([]),
  countries: z.array(countrySchema).default([]),
  people: z.array(overrideOf(personSchema)).default([]),
  offices: z.array(overrideOf(officeSchema)).default([]),
  events: z.array(overrideOf(eventSchema)).default([]),
});

export type Source = z.infer<typeof sourceSchema>;
export type Country = z.infer<typeof countrySchema>;
export type Person = z.infer<typeof personSchema>;
export type Holder = z.infer<typeof holderSchema>;
export type Office = z.infer<typeof officeSchema>;
export type FactEvent = z.infer<typeof eventSchema>;
export type SourceFile = z.infer<typeof sourceFileSchema>;
export type FactFile = z.infer<typeof factFileSchema>;
export type RegistryFile = z.infer<typeof registryFileSchema>;
