/**
 * Checks one Document: claims, citations, then every enabled rule; maps what the rules report
 * (text offsets) to the original file's lines and columns, applies inline directives and
 * returns the findings in a stable order.
 */
import type { Citation } from '../citations/citation.js';
import { findCitations } from '../citations/find.js';
import { markSupport } from '../citations/support.js';
import type { DateSource, Directive, Document } from '../input/document.js';
import type { Claim } from '../parse/claim.js';
import { findClaims } from '../parse/claims.js';
import { documentNotes } from '../parse/notes.js';
import { findMentions } from '../parse/people.js';
import type { Registry } from '../registry/registry.js';
import { applyDirectives } from './directives.js';
import type { Finding, Severity } from './finding.js';
import type { CitationResult, ClaimResult, FileResult } from './results.js';
import { formatMessage, type Report, type Rule } from './rule.js';
import type { RuleSettings } from './settings.js';

export interface CheckDocumentOptions {
  registry: Registry;
  rules: readonly Rule[];
  settings?: RuleSettings;
  /** The article date from --date (wins over the file's own). */
  date?: string | null;
  /** The date configuration gives when neither --date nor the file has one. */
  configDate?: string | null;
  /** false: ignore inline directives (--no-inline-config). */
  inlineConfig?: boolean;
  /** Report directives that suppressed nothing, at this severity. */
  reportUnusedDirectives?: Severity | null;
  /** A later section of a sectioned file: the date the file's first section gave. */
  fileDate?: { date: string; dateSource: DateSource };
  /** A later section of a sectioned file: `disable` directives still open from earlier sections. */
  carriedDirectives?: readonly Directive[];
}

/** The unused directives a section has, less those carried into it (counted where they stand). */
function withoutCarried(unused: readonly Directive[], carried: readonly Directive[]): Directive[] {
  const set = new Set(carried);
  return unused.filter((directive) => !set.has(directive));
}

export function checkDocument(doc: Document, options: CheckDocumentOptions): FileResult {
  const notes = documentNotes(doc);
  const claims = findClaims(doc, notes);
  const citations = findCitations(doc, claims, options.registry, notes);
  markSupport(doc, claims, citations, options.registry);
  const mentions = findMentions(doc, claims, options.registry);
  const { date, dateSource } = articleDate(doc, options);
  const findings: Finding[] = [];
  // Compared once here, not per fix: a chip flood's tens of thousands of fixes each sliced and
  // compared both texts.
  const sameText = doc.text === doc.original;

  for (const rule of options.rules) {
    const setting = options.settings?.[rule.meta.id];
    if (setting?.severity === 'off') continue;
    const ruleOptions = { ...rule.meta.defaults, ...setting?.options };
    rule.check({
      document: doc, claims, citations, mentions, registry: options.registry, date, options: ruleOptions,
      report: (report) => findings.push(toFinding(doc, rule, report, setting?.severity, findings.length >= SHARED_MESSAGES_FROM, sameText)),
    });
  }

  // Carried directives cover the section from its first line, and were counted where they stand.
  const carried = (options.carriedDirectives ?? []).map((directive) => ({ ...directive, line: 0 }));
  const directives = carried.length > 0 ? [...carried, ...doc.directives] : doc.directives;
  const outcome = options.inlineConfig === false ? { kept: findings, suppressed: [], unused: [] } : applyDirectives(findings, directives);
  const { kept, suppressed } = outcome;
  const unused = carried.length > 0 ? withoutCarried(outcome.unused, carried) : outcome.unused;
  if (options.reportUnusedDirectives) {
    for (const directive of unused) {
      const offset = doc.map.lineStart(directive.line) + directive.column - 1;
      kept.push({
        ruleId: 'unused-disable-directive', severity: options.reportUnusedDirectives, messageId: 'unused',
        message: `Unused citecheck-${directive.kind} directive${directive.ruleIds.length ? ` (${directive.ruleIds.join(', ')})` : ''}: nothing was reported here. Remove it.`,
        line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.column,
        offset, endOffset: offset, claimId: null, citationId: null, evidence: null, suggestion: null, fix: null,
      });
    }
  }
  return {
    path: doc.path,
    format: doc.format,
    date,
    dateSource,
    source: doc.original,
    claims: claims.map((claim) => locate(doc, claim)),
    citations: citations.map((citation) => locate(doc, citation)),
    findings: sortFindings(kept),
    suppressed: sortFindings(suppressed),
  };
}

/** --date, then the file's own (front matter, HTML metadata), then configuration. */
function articleDate(doc: Document, options: CheckDocumentOptions): { date: string | null; dateSource: DateSource } {
  if (options.date) return { date: options.date, dateSource: 'flag' };
  if (doc.meta.date) return { date: doc.meta.date, dateSource: doc.meta.dateSource };
  if (options.fileDate) return options.fileDate;
  if (options.configDate) return { date: options.configDate, dateSource: 'config' };
  return { date: null, dateSource: 'none' };
}

/** Offsets into the original pass through; text offsets map through the original file. */
function toOriginal(doc: Document, report: Report, offset: number): number {
  return report.inOriginal ? offset : doc.map.toOriginalOffset(offset);
}

/** A range's end in the original: mapped through its last character, so it never runs into the markup after it. */
function endInOriginal(doc: Document, report: Report, start: number, end: number): number {
  return end > start ? toOriginal(doc, report, end - 1) + 1 : toOriginal(doc, report, start);
}

/** `sameText`: the document's text is its original, so a fix that maps to the same offsets is the same text. */
function toFinding(doc: Document, rule: Rule, report: Report, configured: string | undefined, share: boolean, sameText: boolean): Finding {
  const start = doc.map.positionOfOriginal(toOriginal(doc, report, report.start));
  const endOffset = endInOriginal(doc, report, report.start, report.end);
  const end = doc.map.positionOfOriginal(endOffset);
  const severity = (configured && configured !== 'off' ? configured : report.severity ?? rule.meta.severity) as Severity;
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown message id "${report.messageId}"`);
  let fix = report.fix
    ? { start: toOriginal(doc, report, report.fix.start), end: endInOriginal(doc, report, report.fix.start, report.fix.end), text: report.fix.text }
    : null;
  // --fix edits the original file: a range that does not map back one to one (markup or an
  // entity inside it, or a loader's offset map gone wrong) is no fix at all, never a corruption.
  if (fix && report.fix && !report.inOriginal && !(sameText && fix.start === report.fix.start && fix.end === report.fix.end)
    && doc.original.slice(fix.start, fix.end) !== doc.text.slice(report.fix.start, report.fix.end)) fix = null;
  return {
    ruleId: rule.meta.id,
    severity,
    message: share ? sharedMessage(formatMessage(template, report.data)) : formatMessage(template, report.data),
    messageId: report.messageId,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: start.offset,
    endOffset,
    claimId: report.claimId ?? null,
    citationId: report.citationId ?? null,
    evidence: report.evidence ?? null,
    suggestion: report.suggestion ?? null,
    fix,
  };
}

/**
 * One string for equal messages. A hostile paragraph gets the same message tens of thousands
 * of times, and each one filled from its template is a rope of a dozen pieces that lives until
 * the report is written; looked up here, it is flattened once and the copy dies young. Only
 * past a document's first thousand findings: an article's few messages are mostly different,
 * and looking each one up cost an archive run more than it saved.
 */
const SHARED_MESSAGES_FROM = 1_000;
const messages = new Map<string, string>();
const MAX_MESSAGES = 10_000;

function sharedMessage(message: string): string {
  const known = messages.get(message);
  if (known !== undefined) return known;
  if (messages.size >= MAX_MESSAGES) messages.clear();
  messages.set(message, message);
  return message;
}

type Located<T> = T & { line: number; column: number; endLine: number; endColumn: number };

/**
 * The item with its line and column range. Claims and citations are made for this one check,
 * so they are located in place: a copy of each (tens of thousands in an archive) cost more than
 * finding its lines. The keys end up in the order a copy would give them.
 */
function locate<T extends Claim | Citation>(doc: Document, item: T): Located<T> {
  const start = doc.map.position(item.start);
  const end = item.end > item.start ? doc.map.positionOfOriginal(doc.map.toOriginalOffset(item.end - 1) + 1) : start;
  const located = item as Located<T>;
  located.line = start.line;
  located.column = start.column;
  located.endLine = end.line;
  located.endColumn = end.column;
  return located;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
    || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

export type { ClaimResult, CitationResult };
