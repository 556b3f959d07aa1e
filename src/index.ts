/**
 * citecheck's programmatic API; the CLI is built on it.
 *
 *   const results = await check('article.md', { date: '2025-08-12' });
 *   const results = await check({ path: 'pasted.txt', text: '…' });
 */
import { checkDocument } from './engine/check.js';
import type { Severity } from './engine/finding.js';
import { summarize, type FileError, type FileResult, type Results } from './engine/results.js';
import type { Rule } from './engine/rule.js';
import type { RuleSettings } from './engine/settings.js';
import type { Format } from './input/document.js';
import { documentFromBytes, readDocument } from './input/read.js';
import { loadBuiltinRegistry } from './registry/builtin.js';
import { Registry } from './registry/registry.js';
import { builtinRules } from '../rules/index.js';

export interface CheckOptions {
  /** The registry to check against; the built-in one by default. */
  registry?: Registry;
  /** The rules to run; all built-in rules by default. */
  rules?: readonly Rule[];
  /** Per-rule severity overrides and options. */
  settings?: RuleSettings;
  /** The article date (YYYY-MM-DD), as --date gives it: wins over the file's own. */
  date?: string | null;
  /** The date to assume when neither `date` nor the file gives one (configuration). */
  configDate?: string | null;
  /** false: ignore inline citecheck-disable directives. */
  inlineConfig?: boolean;
  reportUnusedDirectives?: Severity | null;
  maxFileSize?: number;
}

/** A file to read, or its text or bytes already in hand (stdin, an editor buffer, the git index). */
export type CheckInput = string | { path: string; text?: string; bytes?: Uint8Array; format?: Format };

export interface Checker {
  /** Checks one input; a FileError says in one line why it could not be checked. */
  checkInput(input: CheckInput): Promise<{ result: FileResult; warnings: string[] } | { error: FileError }>;
}

let builtinRegistry: Promise<Registry> | null = null;

/** The built-in registry, loaded once per process. */
export function defaultRegistry(): Promise<Registry> {
  builtinRegistry ??= loadBuiltinRegistry().then((data) => new Registry(data));
  return builtinRegistry;
}

export async function createChecker(options: CheckOptions = {}): Promise<Checker> {
  const registry = options.registry ?? (await defaultRegistry());
  const rules = options.rules ?? builtinRules;
  return {
    async checkInput(input) {
      const { path, text, bytes, format } = typeof input === 'string' ? { path: input, text: undefined, bytes: undefined, format: undefined } : input;
      const outcome = bytes !== undefined ? await documentFromBytes(path, bytes, format)
        : text === undefined ? await readDocument(path, { maxFileSize: options.maxFileSize, format })
          : await documentFromBytes(path, new TextEncoder().encode(text), format);
      if ('error' in outcome) return { error: { path, message: outcome.error } };
      const result = checkDocument(outcome.document, {
        registry, rules, settings: options.settings, date: options.date, configDate: options.configDate,
        inlineConfig: options.inlineConfig, reportUnusedDirectives: options.reportUnusedDirectives,
      });
      return { result, warnings: outcome.warnings };
    },
  };
}

/** Checks files or texts, in input order. */
export async function check(input: CheckInput | readonly CheckInput[], options: CheckOptions = {}): Promise<Results> {
  const checker = await createChecker(options);
  const files: FileResult[] = [];
  const errors: FileError[] = [];
  for (const item of Array.isArray(input) ? input : [input as CheckInput]) {
    const outcome = await checker.checkInput(item);
    if ('error' in outcome) errors.push(outcome.error);
    else files.push(outcome.result);
  }
  return { files, errors, summary: summarize(files) };
}

export { builtinRules, Registry, summarize };
export { formatResults, FORMATS, type FormatName } from './report/index.js';
export type { Results, FileResult, FileError, Summary, ClaimResult, CitationResult } from './engine/results.js';
export type { Finding, Severity, Fix, Evidence } from './engine/finding.js';
export type { Rule, RuleMeta, RuleContext, Report } from './engine/rule.js';
export type { RuleSettings } from './engine/settings.js';
export type { Document, Format, Block, Link, Directive, DateSource } from './input/document.js';
export type { Claim, ClaimFeature } from './parse/claim.js';
export type { Citation, CitedSource, CitationForm } from './citations/citation.js';
export type { Source, Person, Office, FactEvent, Country } from './registry/schema.js';
