/**
 * The configuration file's schema. Built on demand from the zod module, so zod is loaded only
 * when a configuration file exists (start-up time matters in a git hook).
 *
 *   rules:       { rule-id: severity | [severity] | [severity, { options }] }   (ESLint's shape)
 *   registries:  [registry files merged over the built-in ones, relative to the config file]
 *   date:        YYYY-MM-DD, for articles that carry no date of their own
 *   ignore:      [gitignore-style patterns, relative to the config file]
 */
import type { z as Z, ZodType } from 'zod';
import type { Rule } from '../engine/rule.js';

type Zod = typeof Z;

export const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;
export const CONFIG_KEYS = ['rules', 'registries', 'date', 'ignore'] as const;

/** "2025-08-12", a real calendar date. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
}

/** The top level. Rule entries are checked one by one (ruleEntrySchema), so errors name the rule. */
export function configSchema(z: Zod) {
  // A YAML key with only comments under it is null: read it as empty.
  const list = z.array(z.string().min(1)).nullable().optional();
  return z.strictObject({
    $schema: z.string().optional(),
    rules: z.record(z.string(), z.unknown()).nullable().optional(),
    registries: list,
    date: z.string().refine(isCalendarDate, 'must be a calendar date as YYYY-MM-DD').nullable().optional(),
    ignore: list,
  });
}

/** One rule's entry: a severity, or [severity, options] with the rule's own options schema. */
export function ruleEntrySchema(z: Zod, rule: Rule, isArray: boolean): ZodType {
  const severity = z.enum(SEVERITY_SETTINGS);
  if (!isArray) return severity;
  // A rule without options takes none: an empty strict object rejects any key.
  const options = rule.meta.optionsSchema ? rule.meta.optionsSchema(z) : z.strictObject({});
  return z.tuple([severity, options.optional()]);
}
