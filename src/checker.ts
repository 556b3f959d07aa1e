/**
 * Checkers: the built-in registry and rules (or a configuration's) applied to one input at a
 * time. Apart from index.ts so that the CLI loads it without every report format.
 */
import { checkDocument } from './engine/check.js';
import { isSectioned, openDisables, placeSection, sections, SECTIONED_ABOVE, type Section } from './engine/sections.js';
import { decodeBytes } from './input/decode.js';
import { formatOf, loadDocument } from './input/load.js';
import type { Severity } from './engine/finding.js';
import type { FileError, FileResult } from './engine/results.js';
import type { Rule } from './engine/rule.js';
import type { RuleSettings } from './engine/settings.js';
import type { DateSource, Directive, Format } from './input/document.js';
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
  /**
   * Checks a very large file section by section (engine/sections.ts), giving each section's
   * result, placed in the file, to `onSection` before the next is read (`last`: none follows).
   * Null when the file is not large enough to be sectioned: check it with checkInput.
   */
  checkSections(input: { path: string; bytes: Uint8Array }, onSection: (result: FileResult, section: Section, last: boolean) => void): Promise<{ warnings: string[] } | { error: FileError } | null>;
}

let builtinRegistry: Promise<Registry> | null = null;

/** The built-in registry, loaded once per process. */
export function defaultRegistry(): Promise<Registry> {
  builtinRegistry ??= loadBuiltinRegistry().then(({ data, nameIndex }) => new Registry(data, nameIndex));
  return builtinRegistry;
}

/**
 * "<!-- citecheck-disable-next-line vague-atribution -->" suppresses nothing: a line per rule
 * name that is no rule, with the nearest one (as ESLint reports a directive's unknown rule).
 */
async function unknownDirectiveRules(path: string, directives: readonly Directive[], rules: readonly Rule[]): Promise<string[]> {
  const ids = new Set(rules.map((rule) => rule.meta.id)).add('unused-disable-directive');
  const lines: string[] = [];
  // Each unknown name once, where it first stands: a file of thousands of comments gets a few lines.
  const told = new Set<string>();
  for (const directive of directives) {
    for (const id of directive.ruleIds) {
      if (ids.has(id) || told.has(id)) continue;
      told.add(id);
      const { closest, distance } = await import('fastest-levenshtein');
      const near = closest(id, [...ids]);
      const hint = distance(id, near) <= Math.max(3, id.length / 3) ? `; did you mean "${near}"?` : '';
      lines.push(`${path}:${directive.line}: citecheck-${directive.kind} names no rule "${id}"${hint}`);
    }
  }
  return lines;
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
      const problem = outcome.document.meta.problem;
      const warnings = problem ? [...outcome.warnings, `${path}: ${problem}`] : [...outcome.warnings];
      if (outcome.document.directives.length > 0) warnings.push(...await unknownDirectiveRules(path, outcome.document.directives, rules));
      return { result, warnings };
    },

    async checkSections({ path, bytes }, onSection) {
      const format = formatOf(path);
      if (bytes.length <= SECTIONED_ABOVE || format === 'html') return null;
      const decoded = decodeBytes(bytes, path);
      if ('error' in decoded) return { error: { path, message: decoded.error } };
      if (!isSectioned(decoded.text, format)) return null;
      const base = { claims: 0, citations: 0 };
      let fileDate: { date: string; dateSource: DateSource } | undefined;
      let carriedDirectives: Directive[] = [];
      // One section ahead, to tell the last one (the generator only cuts the text).
      const cuts = sections(decoded.text, format)[Symbol.iterator]();
      for (let cut = cuts.next(); !cut.done;) {
        const section = cut.value;
        cut = cuts.next();
        let doc;
        try {
          doc = await loadDocument(path, section.text, format);
        } catch (error) {
          return { error: { path, message: `${path}: cannot parse as ${format} near line ${section.line} (${(error as Error).message.split('\n')[0]})` } };
        }
        const result = checkDocument(doc, {
          registry, rules, settings: options.settings, date: options.date, configDate: options.configDate,
          inlineConfig: options.inlineConfig, reportUnusedDirectives: options.reportUnusedDirectives, fileDate, carriedDirectives,
        });
        // The first section holds the front matter: its date is the file's.
        if (!fileDate && doc.meta.date) fileDate = { date: doc.meta.date, dateSource: doc.meta.dateSource };
        carriedDirectives = openDisables(carriedDirectives, doc.directives);
        onSection(placeSection(result, section, base), section, cut.done === true);
        base.claims += result.claims.length;
        base.citations += result.citations.length;
      }
      return { warnings: decoded.warnings };
    },
  };
}
