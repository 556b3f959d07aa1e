/**
 * Checkers: the built-in registry and rules (or a configuration's) applied to one input at a
 * time. Apart from index.ts so that the CLI loads it without every report format.
 */
import { checkDocument } from './engine/check.js';
import type { Severity } from './engine/finding.js';
import type { FileError, FileResult } from './engine/results.js';
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
