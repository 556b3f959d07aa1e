/**
 * citecheck's programmatic API; the CLI is built on it.
 *
 *   const results = await check('article.md', { date: '2025-08-12' });
 *   const results = await check({ path: 'pasted.txt', text: '…' });
 */
import { createChecker, type CheckInput, type CheckOptions } from './checker.js';
import { summarize, type FileError, type FileResult, type Results } from './engine/results.js';
import { Registry } from './registry/registry.js';
import { builtinRules } from '../rules/index.js';

export { createChecker, defaultRegistry, type Checker, type CheckInput, type CheckOptions } from './checker.js';

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
