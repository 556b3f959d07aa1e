/**
 * Reads and validates one configuration file. Loaded only when a configuration file exists, so
 * the YAML parser and zod stay out of a plain run. Every problem is one `file:line: key: problem`
 * line, and all of them fail together (exit 2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import type { ZodError } from 'zod';
import type { SeveritySetting } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';
import type { RuleSettings } from '../engine/settings.js';
import { reasonFor } from '../input/read.js';
import { describeZodError, InputError, keyPathText, parseYaml, type ParsedYaml } from '../registry/yaml-errors.js';
import { CONFIG_KEYS, configSchema, ruleEntrySchema } from './schema.js';

export interface Config {
  /** The configuration file. */
  path: string;
  /** Rule severities and options, by rule id. */
  settings: RuleSettings;
  /** Absolute paths of registry files to merge over the built-in registry. */
  registries: string[];
  /** The date for articles that carry none. */
  date: string | null;
  /** Patterns (gitignore syntax) relative to the configuration file's folder. */
  ignore: string[];
}

export async function loadConfig(path: string, rules: readonly Rule[]): Promise<Config> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError([`${path}: cannot read configuration file (${reasonFor(error)})`]);
  }
  const parsed = parseYaml(path, text);
  // package.json holds the configuration under "citecheck"; key paths and lines start there.
  const base = basename(path) === 'package.json' ? ['citecheck'] : [];
  const value = base.length ? (parsed.value as Record<string, unknown>).citecheck : parsed.value;
  const { z } = await import('zod');

  const problems: string[] = [];
  const top = configSchema(z).safeParse(value);
  if (!top.success) problems.push(...describe(parsed, top.error, base, `citecheck reads ${CONFIG_KEYS.join(', ')}`));
  // The rules are checked even when something else is wrong, so one run shows every problem.
  const rulesValue = top.success ? top.data.rules : (value as { rules?: unknown } | null)?.rules;
  const ruleEntries = typeof rulesValue === 'object' && rulesValue !== null && !Array.isArray(rulesValue) ? Object.entries(rulesValue) : [];

  const settings: RuleSettings = {};
  for (const [id, entry] of ruleEntries) {
    const rule = rules.find((candidate) => candidate.meta.id === id);
    const keyPath = [...base, 'rules', id];
    if (!rule) {
      const near = closest(id, rules.map((candidate) => candidate.meta.id));
      const hint = distance(id, near) <= Math.max(3, id.length / 3) ? `; did you mean "${near}"?` : '; `citecheck rules` lists them';
      problems.push(`${path}:${parsed.lineOf(keyPath)}: ${keyPathText(keyPath)}: unknown rule "${id}"${hint}`);
      continue;
    }
    const checked = ruleEntrySchema(z, rule, Array.isArray(entry)).safeParse(entry);
    if (!checked.success) { problems.push(...describe(parsed, checked.error, keyPath, `${id} takes ${Object.keys(rule.meta.defaults as object).join(', ') || 'no options'}`)); continue; }
    const [severity, options] = Array.isArray(checked.data) ? checked.data as [SeveritySetting, Record<string, unknown>?] : [checked.data as SeveritySetting];
    settings[id] = options ? { severity, options } : { severity };
  }

  if (!top.success) throw new InputError(problems);
  const folder = dirname(path);
  const registries = (top.data.registries ?? []).map((file, index) => {
    const absolute = resolve(folder, file);
    if (!existsSync(absolute)) problems.push(`${path}:${parsed.lineOf([...base, 'registries', index])}: registries[${index}]: no such file "${file}" (paths are relative to the configuration file)`);
    return absolute;
  });
  if (problems.length > 0) throw new InputError(problems);
  return { path, settings, registries, date: top.data.date ?? null, ignore: top.data.ignore ?? [] };
}

/** zod's issues as `file:line: key: problem`; an unknown key becomes one line at that key. */
function describe(parsed: ParsedYaml, error: ZodError, base: readonly PropertyKey[], allowed: string): string[] {
  const issues = error.issues.flatMap((issue): { path: PropertyKey[]; message: string }[] => issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown key "${key}" (${allowed})` }))
    : [issue]);
  return describeZodError(parsed, { issues } as unknown as ZodError, base);
}
