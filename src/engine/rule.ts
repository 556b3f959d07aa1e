/**
 * A rule: metadata plus one `check` that reads the checked article and reports findings.
 * Rules never read files, print, or decide severities: the engine owns configuration,
 * severities, inline directives and output.
 */
import type { ZodType } from 'zod';
import type { Citation } from '../citations/citation.js';
import type { Document } from '../input/document.js';
import type { Claim } from '../parse/claim.js';
import type { Mention } from '../parse/mention.js';
import type { Registry } from '../registry/registry.js';
import type { Evidence, Severity } from './finding.js';

/** Where rule docs are published; `rules/<id>.md` in the repository. */
export const DOCS_BASE_URL = 'https://github.com/citecheck/citecheck/blob/main/rules/';

export interface RuleMeta<Options = Record<string, never>> {
  id: string;
  /** One line: what the rule flags. */
  description: string;
  severity: Severity;
  fixable: boolean;
  /** Message templates with {{named}} data; tests assert on the ids. */
  messages: Record<string, string>;
  /** Option defaults; the engine merges configured options over them. */
  defaults: Options;
  /**
   * The options' schema, built on demand so zod is loaded only when a configuration names
   * options for this rule.
   */
  optionsSchema?: (z: typeof import('zod').z) => ZodType<Partial<Options>>;
}

/** What a rule reports; offsets are into Document.text unless `original` is set. */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  start: number;
  end: number;
  claimId?: string | null;
  citationId?: string | null;
  evidence?: Evidence | null;
  suggestion?: string | null;
  /** A replacement for the text range [start, end) of Document.text. */
  fix?: { start: number; end: number; text: string } | null;
  /** For rules whose severity depends on the data (unreliable-source). */
  severity?: Severity;
  /** The offsets (and the fix's) are into Document.original, for residue found in markup (a link's URL). */
  inOriginal?: boolean;
}

export interface RuleContext<Options> {
  document: Document;
  claims: readonly Claim[];
  citations: readonly Citation[];
  /** People named in the article with the titles given them. */
  mentions: readonly Mention[];
  registry: Registry;
  /** The article's date (YYYY-MM-DD) from --date, the file or the config; null when unknown. */
  date: string | null;
  options: Options;
  report(report: Report): void;
}

export interface Rule<Options = any> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

/** Identity helper that gives rule modules their types. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** A template cut at its placeholders: literal text, then each placeholder (its key, as written) and the text after it. */
interface Template {
  head: string;
  holes: readonly { key: string; whole: string; tail: string }[];
}

/** Templates are the rules' few message strings: each is cut once, not searched per finding. */
const templates = new Map<string, Template>();
const MAX_TEMPLATES = 1_000;

function templateOf(source: string): Template {
  let template = templates.get(source);
  if (template) return template;
  const holes: { key: string; whole: string; tail: string }[] = [];
  let head = '';
  let at = 0;
  for (const match of source.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    const literal = source.slice(at, match.index);
    if (holes.length === 0) head = literal;
    else holes[holes.length - 1]!.tail = literal;
    holes.push({ key: match[1]!, whole: match[0], tail: '' });
    at = match.index + match[0].length;
  }
  if (holes.length === 0) head = source;
  else holes[holes.length - 1]!.tail = source.slice(at);
  // A caller building templates on the fly must not grow the cache without end.
  if (templates.size >= MAX_TEMPLATES) templates.clear();
  templates.set(source, (template = { head, holes }));
  return template;
}

/**
 * Fills a message template: "{{source}} is unknown" with { source: 'X' }; unknown keys stay as
 * written. A value from hard-wrapped copy ("IRNA\nEnglish +1") is put on one line: a message is
 * one line in every format (a GitHub annotation, a JSON consumer's log).
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  const { head, holes } = templateOf(template);
  let message = head;
  for (const { key, whole, tail } of holes) message += (key in data ? oneLine(String(data[key])) : whole) + tail;
  return message;
}

function oneLine(value: string): string {
  return value.includes('\n') || value.includes('\r') ? value.replace(/[ \t]*\r?\n[ \t]*/g, ' ') : value;
}
